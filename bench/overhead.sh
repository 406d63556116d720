#!/usr/bin/env bash
# The overhead comparison of BENCHMARKS.md: the sample bot under a fixed amount of work with no agent,
# memdebug (sample hooks, no hooks, above HIGH), JFR continuous and the OpenTelemetry Java agent with its
# exporters off; medians, min-max and ratios against "no agent" of the same invocation.
#
#   bench/overhead.sh [--runs N] [--messages N] [--bandwidth MB_PER_S] [--compare-agent JAR] [--bot-jvm "OPTIONS"]
#                                               (defaults: 5 runs, 120 messages, 0 = unthrottled; about 6 minutes)
#
# --compare-agent adds a row for another memdebug build with the sample hooks (e.g. the jar of main before a
# change), so a before/after meets the same load in one invocation. --bot-jvm replaces the bot's JVM options
# (default "-Xmx256m -XX:MaxDirectMemorySize=192m -XX:+UseSerialGC"; BENCHMARKS.md's table C adds
# -Xms256m -XX:+AlwaysPreTouch).
#
# Run from anywhere; Linux only (reads /proc). The OpenTelemetry agent jar is fetched from Maven Central
# into benchmarks/target/otel by mvn dependency:copy and never committed; OTEL_VERSION picks its version,
# OTEL=off leaves it out. Per-run output (bot stdout/stderr, memdebug logs) is under benchmarks/target/overhead.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

OTEL_VERSION="${OTEL_VERSION:-2.33.1}"
OTEL_DIR=benchmarks/target/otel
OTEL_JAR="$OTEL_DIR/opentelemetry-javaagent-$OTEL_VERSION.jar"

mvn -B -q -pl agent,sample-bot,benchmarks -am package -DskipTests

otel_args=()
if [[ "${OTEL:-on}" != off ]]; then
  if [[ ! -f "$OTEL_JAR" ]]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION" \
      -DoutputDirectory="$OTEL_DIR"
  fi
  otel_args=(--otel "$OTEL_JAR")
fi

rm -rf benchmarks/target/overhead
exec java -cp benchmarks/target/benchmarks.jar dev.memdebug.bench.overhead.OverheadBenchmark \
  --agent agent/target/memdebug-agent.jar \
  --bot sample-bot/target/sample-bot.jar \
  --hooks sample-bot/agent.properties \
  --out benchmarks/target/overhead \
  "${otel_args[@]}" "$@"
