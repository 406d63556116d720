#!/usr/bin/env bash
# Builds the local JRE 17 base image memdebug/jre17-base:bookworm from Debian packages (no image registry
# is reachable here): debootstrap minbase + openjdk-17-jre-headless, then docker import. Cached as a
# tarball under /var/cache/memdebug so later runs import it in seconds.
set -euo pipefail
image="${MEMDEBUG_BASE_IMAGE:-memdebug/jre17-base:bookworm}"
cache=/var/cache/memdebug/jre17-base.tar
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image present"
  exit 0
fi
mkdir -p "$(dirname "$cache")"
if [ ! -s "$cache" ]; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror="${mirror:-http://deb.debian.org/debian}"
  root=$(mktemp -d /var/tmp/jre17-root.XXXXXX)
  start=$(date +%s)
  echo "debootstrap bookworm from $mirror into $root (about 75 s)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,procps bookworm "$root" "$mirror" > /var/tmp/debootstrap.log 2>&1 \
    || { tail -20 /var/tmp/debootstrap.log; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -cf "$cache.tmp" . && mv "$cache.tmp" "$cache"
  rm -rf "$root"
  echo "debootstrap took $(( $(date +%s) - start )) s"
fi
docker import "$cache" "$image" >/dev/null
echo "imported $image"
