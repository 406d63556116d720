#!/usr/bin/env bash
# The capture-rate benchmark (BENCHMARKS.md, "Capture rate"): many real kernel OOM kills in cgroup v1
# memory cgroups, per growth rate. Needs root and a writable cgroup v1 memory controller.
# Builds the agent jar and the test classes, then runs dev.memdebug.it.bench.CaptureRateBench.
#   bench/capture-rate.sh [--kills N] [--rates 1,5,20,50,200,max,single] [--parallel N] [--no-jfr] [--out DIR]
# Skip the build with CAPTURE_NO_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
root=$(pwd)

if [ "${CAPTURE_NO_BUILD:-}" != 1 ]; then
  mvn -B -q -o -pl agent-tests -am package -DskipTests
fi

# The bench runs from the test classes; JUnit's API is needed only by CgroupSandbox's skip path.
junit=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' pom.xml)
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp="$root/agent-tests/target/test-classes:$root/agent/target/classes:$root/sample-bot/target/classes"
for jar in "$m2/org/junit/jupiter/junit-jupiter-api/$junit/junit-jupiter-api-$junit.jar" \
           "$m2"/org/opentest4j/opentest4j/*/opentest4j-*.jar; do
  [ -f "$jar" ] && cp="$cp:$jar"
done

exec java -cp "$cp" \
  -Dmemdebug.agent.jar="$root/agent/target/memdebug-agent.jar" \
  -Dmemdebug.project.dir="$root" \
  dev.memdebug.it.bench.CaptureRateBench "$@"
