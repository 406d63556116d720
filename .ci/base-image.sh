#!/usr/bin/env bash
# Builds the local JRE 17 base image (default memdebug/jre17-base:bookworm) from Debian packages, since
# no image registry is reachable here: debootstrap --variant=minbase + openjdk-17-jre-headless + procps,
# then `docker import`. It stands in for eclipse-temurin:17-jre (same LANG=*.UTF-8, java on the PATH).
#
# Caches: skips everything when the image exists with this recipe's label; otherwise re-imports the
# root file system tarball kept in /var/cache/memdebug (seconds) and only runs debootstrap (~75 s) when
# that tarball is missing too. Bump RECIPE when the recipe changes, so both caches are rebuilt.
# Run as root. Env: MEMDEBUG_BASE_IMAGE (image name), MEMDEBUG_CACHE_DIR, DEBIAN_MIRROR.
set -euo pipefail

RECIPE=2
image="${MEMDEBUG_BASE_IMAGE:-memdebug/jre17-base:bookworm}"
cache_dir="${MEMDEBUG_CACHE_DIR:-/var/cache/memdebug}"
tarball="$cache_dir/jre17-base-r$RECIPE.tar"
label=dev.memdebug.base.recipe

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

have=$(docker image inspect -f "{{ index .Config.Labels \"$label\" }}" "$image" 2>/dev/null || true)
if [ "$have" = "$RECIPE" ]; then
  echo "base image $image present (recipe $RECIPE)"
  exit 0
fi

mkdir -p "$cache_dir"
# One builder at a time (CI jobs sharing the machine).
exec 9>"$cache_dir/.lock"
flock 9

# The Debian mirror from this machine's own apt sources (deb822 *.sources or one-line *.list); only
# Debian's package host is reachable.
debian_mirror() {
  local uri
  uri=$(awk '
      function flush() { if (uris != "" && suites ~ / bookworm /) { print uris; found = 1; exit } uris = ""; suites = "" }
      FNR == 1 || /^[[:space:]]*$/ { flush() }
      /^URIs:/   { uris = $2 }
      /^Suites:/ { $1 = ""; suites = $0 " " }
      END        { if (!found) flush() }
    ' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" { sub(/\[[^]]*\] */, ""); if ($3 == "bookworm") { print $2; exit } }' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }
  mirror="${DEBIAN_MIRROR:-$(debian_mirror)}"
  root=$(mktemp -d /var/tmp/jre17-root.XXXXXX)
  log="$cache_dir/debootstrap.log"
  trap 'rm -rf "$root"' EXIT
  t=$(now)
  echo "debootstrap bookworm (minbase + openjdk-17-jre-headless, procps) from $mirror (about 75 s; log $log)"
  if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless,procps bookworm "$root" "$mirror" >"$log" 2>&1; then
    echo "debootstrap failed; the end of $log:" >&2
    tail -25 "$log" >&2
    exit 1
  fi
  echo "debootstrap: $(since "$t") s"
  t=$(now)
  # What a runtime image does not need: downloaded .debs, apt lists, docs, man pages, translations.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
         "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
  java_bin=$(readlink -f "$root/usr/bin/java")
  [ -x "$java_bin" ] || { echo "no java in the new root file system" >&2; exit 1; }
  tar --numeric-owner -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  rm -rf "$root"
  trap - EXIT
  echo "tarball $tarball ($(du -m "$tarball" | cut -f1) MB): $(since "$t") s"
  # Older recipes' tarballs are no longer used.
  find "$cache_dir" -maxdepth 1 -name 'jre17-base*.tar' ! -name "$(basename "$tarball")" -delete
else
  echo "reusing $tarball"
fi

t=$(now)
# LANG: Java's default charset and stdout encoding follow the locale; without it they are ASCII (the
# agent's emoji would print as '?'). C.UTF-8 is built into bookworm's libc; eclipse-temurin uses en_US.UTF-8.
docker import \
  --change "ENV LANG=C.UTF-8" \
  --change "ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)" \
  --change "LABEL $label=$RECIPE" \
  --change 'CMD ["bash"]' \
  "$tarball" "$image" >/dev/null
echo "imported $image: $(since "$t") s"
version=$(docker run --rm --network none "$image" java -version 2>&1) || { echo "java does not run in $image: $version" >&2; exit 1; }
echo "${version%%$'\n'*}"
