#!/usr/bin/env bash
# Makes a local Docker engine and the JRE base image available for the container tests, on a Debian
# bookworm machine with no image registry (only Debian's package host and Maven Central). Idempotent:
# run it as root as often as you like (CI: .ci/run does).
#   1. installs docker.io and debootstrap if missing (one apt-get update);
#   2. starts dockerd in the background if no engine answers (log: /var/log/dockerd.log), with the
#      default storage driver (overlay2 here) and, if containers cannot run with it, vfs; published
#      ports bind to 127.0.0.1 unless a run says otherwise (--ip=127.0.0.1: nothing is reachable from
#      outside this machine; the tests themselves run containers with --network none);
#   3. builds or re-imports the local base image memdebug/jre17-base:bookworm (.ci/base-image.sh);
#   4. checks that a container starts, with no network and a memory limit the kernel enforces.
# Env: MEMDEBUG_DOCKERD_LOG, MEMDEBUG_DOCKERD_TIMEOUT (s, default 60), MEMDEBUG_DOCKERD_OPTS (extra
# dockerd flags; never --bridge=none next to another dockerd: that deletes the host's docker0 bridge),
# MEMDEBUG_BASE_IMAGE.
set -euo pipefail
cd "$(dirname "$0")/.."

log="${MEMDEBUG_DOCKERD_LOG:-/var/log/dockerd.log}"
timeout="${MEMDEBUG_DOCKERD_TIMEOUT:-60}"
image="${MEMDEBUG_BASE_IMAGE:-memdebug/jre17-base:bookworm}"
read -r -a extra_opts <<< "--ip=127.0.0.1 ${MEMDEBUG_DOCKERD_OPTS:-}"
export DEBIAN_FRONTEND=noninteractive

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
fail() { echo "docker-setup: $*" >&2; exit 1; }
engine_up() { timeout 10 docker info >/dev/null 2>&1; }

[ "$(id -u)" = 0 ] || fail "run as root: sudo bash .ci/docker-setup.sh"

# 1. Packages (docker.io brings dockerd, containerd, runc and the /usr/bin/docker client).
need=()
{ command -v dockerd && command -v docker; } >/dev/null 2>&1 || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
  t=$(now)
  apt-get update -q
  apt-get install -y -q "${need[@]}"
  echo "installed ${need[*]}: $(since "$t") s"
fi

# 2. The engine.
started_pid=
start_dockerd() {
  local pidfile=/var/run/docker.pid pid
  # A pid file left by a dockerd that is gone (machine restored from a snapshot) blocks the start
  # when its pid now belongs to another process.
  if [ -s "$pidfile" ]; then
    pid=$(cat "$pidfile")
    if ! grep -qs dockerd "/proc/$pid/comm"; then rm -f "$pidfile"; fi
  fi
  echo "starting dockerd $* (log $log)"
  local t
  t=$(now)
  echo "=== $(date -u +%FT%TZ) dockerd $*" >>"$log"
  # setsid + nohup: the engine outlives this script and the CI step that runs it.
  setsid nohup dockerd "$@" >>"$log" 2>&1 </dev/null &
  started_pid=$!
  for _ in $(seq 1 $((timeout * 4))); do
    if engine_up; then
      echo "dockerd up (pid $started_pid): $(since "$t") s"
      return 0
    fi
    if ! kill -0 "$started_pid" 2>/dev/null; then
      echo "dockerd exited during start-up; the end of $log:" >&2
      tail -20 "$log" >&2
      started_pid=
      return 1
    fi
    sleep 0.25
  done
  echo "dockerd did not answer within $timeout s; the end of $log:" >&2
  tail -20 "$log" >&2
  return 1
}

stop_started_dockerd() {
  [ -n "$started_pid" ] || return 0
  kill "$started_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$started_pid" 2>/dev/null || break; sleep 0.5; done
  started_pid=
}

# A container must start, see no network, and get the memory limit enforced by the kernel (cgroup v1
# here: memory.limit_in_bytes; v2: memory.max).
smoke_test() {
  local out
  out=$(timeout 120 docker run --rm --network none -m 64m "$image" \
        sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max' 2>&1) || {
    echo "a test container did not run: $out" >&2
    return 1
  }
  [ "$out" = 67108864 ] || { echo "the container's memory limit is not enforced (read '$out', expected 67108864)" >&2; return 2; }
}

if engine_up; then
  echo "docker engine already running"
else
  start_dockerd "${extra_opts[@]}" || fail "could not start dockerd (see $log)"
fi
driver=$(docker info --format '{{.Driver}}')
echo "docker engine $(docker version --format '{{.Server.Version}}'): storage driver $driver, cgroup driver $(docker info --format '{{.CgroupDriver}}'), cgroup v$(docker info --format '{{.CgroupVersion}}')"

# 3. The base image (present, re-imported from its cached tarball, or built with debootstrap).
bash .ci/base-image.sh

# 4. Smoke test; if overlay2 mounts fail at run time (for example /var/lib/docker on an overlay
# file system), restart the engine we started with the vfs driver (slower, works everywhere).
t=$(now)
if smoke_test; then
  echo "smoke test (container with --network none -m 64m): $(since "$t") s"
else
  rc=$?
  [ $rc = 1 ] && [ -n "$started_pid" ] && [ "$driver" != vfs ] \
    || fail "containers do not work with this engine (storage driver $driver); see $log"
  echo "containers fail with storage driver $driver: restarting dockerd with --storage-driver=vfs"
  stop_started_dockerd
  start_dockerd --storage-driver=vfs "${extra_opts[@]}" || fail "could not start dockerd with vfs (see $log)"
  bash .ci/base-image.sh
  smoke_test || fail "containers do not work with the vfs storage driver either; see $log"
  echo "storage driver vfs works"
fi
