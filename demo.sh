#!/usr/bin/env bash
# The memdebug demo: the sample bot with the agent on the 'seed-crash' scenario (the user's guide's
# timeline: sessions past the limit, downloads piling up) under a real 512 MB memory limit, then the log.
#
#   ./demo.sh [SCENARIO]      SCENARIO: seed-crash (default), leak, spike, steady
#
# Where this machine lets us (root, cgroup v1 memory controller writable), the bot runs in a real
# 512 MB cgroup and the kernel OOM-kills it, as Render would. Elsewhere the agent is told the limit is
# 512 MB (memory.limit) and the bot stops after 60 s instead of being killed.
set -euo pipefail
cd "$(dirname "$0")"
scenario="${1:-seed-crash}"

if [ ! -f agent/target/memdebug-agent.jar ] || [ ! -f sample-bot/target/sample-bot.jar ]; then
  echo "== building the agent and the sample bot (mvn -q -DskipTests package)"
  mvn -q -B -DskipTests package -pl agent,sample-bot -am
fi

root="$PWD"
bot_jar="$root/sample-bot/target/sample-bot.jar"
run_dir="demo-run"
mkdir -p "$run_dir"
rm -f "$run_dir"/memory_debug.log* "$run_dir"/memory_debug.jsonl* "$run_dir"/memory_debug.ops
agent="-javaagent:$PWD/agent/target/memdebug-agent.jar=config=$PWD/sample-bot/agent.properties,log.stderr=false"
java_cmd=(java "$agent" -Xmx1g -XX:MaxDirectMemorySize=1g -jar "$bot_jar" --simulate "$scenario" --port 0)

own=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/self/cgroup | head -n1)
mount=$(awk '$9 == "cgroup" && $NF ~ /(^|,)memory(,|$)/ {print $5; exit}' /proc/self/mountinfo)
cg=""
if [ -n "$own" ] && [ -n "$mount" ] && [ -w "$mount$own" ]; then
  cg="$mount$own/memdebug-demo-$$"
  mkdir "$cg"
  echo $((512 * 1024 * 1024)) > "$cg/memory.limit_in_bytes"
  trap 'rmdir "$cg" 2>/dev/null || true' EXIT
  echo "== running the bot in a real 512 MB cgroup ($cg); the kernel will OOM-kill it"
  (cd "$run_dir" && sh -c "echo \$\$ > $cg/cgroup.procs && exec \"\$@\"" sh "${java_cmd[@]}" --duration 300 > bot.out 2>&1) || true
  echo "== the bot ended; $(grep '^oom_kill ' "$cg/memory.oom_control" | sed 's/oom_kill /OOM kills counted by the cgroup: /')"
else
  echo "== no writable cgroup v1 memory controller here: the agent is told the limit is 512 MB and the bot stops after 60 s"
  java_cmd[1]="$agent,memory.limit=512MB"
  (cd "$run_dir" && "${java_cmd[@]}" --duration 60 > bot.out 2>&1) || true
fi

echo "== restarting the bot briefly, as a platform would after the crash (steady, 3 s)"
restart_cmd=(java "$agent" -jar "$bot_jar" --simulate steady --duration 3 --port 0)
if [ -n "$cg" ]; then
  (cd "$run_dir" && sh -c "echo \$\$ > $cg/cgroup.procs && exec \"\$@\"" sh "${restart_cmd[@]}" > bot-restart.out 2>&1) || true
else
  (cd "$run_dir" && "${restart_cmd[@]}" > bot-restart.out 2>&1) || true
fi

echo "== cat $run_dir/memory_debug.log"
echo
cat "$run_dir/memory_debug.log"
