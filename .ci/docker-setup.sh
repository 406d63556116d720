#!/usr/bin/env bash
# Makes a local Docker engine and the JRE base image available for the container tests. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
if ! command -v dockerd >/dev/null 2>&1 || ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -q
  apt-get install -y -q docker.io debootstrap
fi
if ! docker info >/dev/null 2>&1; then
  echo "starting dockerd"
  (dockerd > /var/log/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    echo "dockerd did not start; its log:" >&2
    tail -30 /var/log/dockerd.log >&2
    exit 1
  fi
fi
echo "docker engine: $(docker version --format '{{.Server.Version}}') ($(docker info --format '{{.Driver}}'), cgroup $(docker info --format '{{.CgroupVersion}}'))"
bash .ci/base-image.sh
