#!/usr/bin/env bash
# The image under test: builds it from the Containerfile and starts two containers behind the
# project's nginx (scripts/cluster.sh proxy); ContainerIT, part of `mvn verify`, runs `up` before its
# tests (SIGTERM and SIGKILL of a container under a steady load of checked answers) and `down` after.
# After `mvn package`; needs podman, nginx and, for the base image, debootstrap; runs as root (or
# through sudo -n).
#
#   scripts/container-test.sh up      image built, digits-ct-1 and -2 on 28091-28092, nginx on 28090
#   scripts/container-test.sh down    containers and nginx stopped
#   scripts/container-test.sh podman ARGS...   podman as the script runs it
#
# No registry is reachable on the project's machine, so the base image is made here: Debian bookworm
# with openjdk-17-jre-headless by debootstrap, from the Debian mirror apt uses, imported into podman
# (cached: the rootfs tarball in ~/.cache/digits/, the image in podman's store). Elsewhere the
# Containerfile's default base, eclipse-temurin:17-jre, is pulled instead, and none of this is needed.
#
# Environment: DIGITS_CT_BASE (a base to use instead, such as docker.io/library/eclipse-temurin:17-jre),
# DIGITS_CT_PORT (nginx, 28090; containers on the next two ports), DIGITS_CT_MIRROR (the
# mirror, else the first of /etc/apt/sources*), PODMAN (the podman command: here `podman --runtime runc
# --cgroup-manager cgroupfs`, with CONTAINERS_CONF naming a file with `default_ulimits = []`, because
# crun fails on this machine's cgroups and the default ulimits are refused; a normal machine needs
# plain `podman`).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${DIGITS_CT_PORT:-28090}
dir=target/container-test
cache=${XDG_CACHE_HOME:-$HOME/.cache}/digits
base=${DIGITS_CT_BASE:-localhost/digits-base:bookworm-jre17}
image=localhost/digits:test
names=(digits-ct-1 digits-ct-2)
as_root=""; [ "$(id -u)" = 0 ] || as_root="sudo -n"
mkdir -p "$dir" "$cache"
if [ -z "${PODMAN-}" ]; then
  printf '[containers]\ndefault_ulimits = []\n' > "$dir/containers.conf"
  PODMAN="env CONTAINERS_CONF=$PWD/$dir/containers.conf podman --runtime runc --cgroup-manager cgroupfs"
fi
podman() { $as_root $PODMAN "$@"; }

down() {
  scripts/cluster.sh --dir "$dir" stop > /dev/null || true
  podman rm -f -i -t 0 "${names[@]}" > /dev/null 2>&1 || true
}

# The base: Debian with a Java 17 runtime, built once (unless DIGITS_CT_BASE names one to pull).
base_image() {
  [ -z "${DIGITS_CT_BASE-}" ] && ! podman image exists "$base" || return 0
  tarball=$cache/bookworm-jre17.tar
  if [ ! -f "$tarball" ]; then
    mirror=${DIGITS_CT_MIRROR:-$({ grep -rhE '^[[:space:]]*(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
      | grep -oE 'https?://[^ ]*/debian/?' | head -1; } || true)}
    root=$cache/bookworm-jre17.rootfs
    $as_root rm -rf "$root"
    echo "debootstrap of Debian bookworm from ${mirror:?no Debian mirror found} (a minute or more)"
    $as_root debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$mirror" \
      > "$dir/debootstrap.log" || { tail -20 "$dir/debootstrap.log" >&2; exit 1; }
    $as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    $as_root tar -C "$root" -cf "$tarball.part" . && $as_root mv "$tarball.part" "$tarball"
    $as_root rm -rf "$root"
  fi
  podman import "$tarball" "$base" > /dev/null
}

up() {
  [ -f target/ROOT.war ] && [ -f target/payara-micro.jar ] || { echo "run 'mvn package' first" >&2; exit 1; }
  base_image
  t0=$SECONDS
  podman build --format docker --build-arg BASE="$base" -t "$image" -f Containerfile . > "$dir/build.log" \
    || { tail -30 "$dir/build.log" >&2; exit 1; }
  echo "image built in $((SECONDS - t0)) s: $(podman image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}')" \
    "(base $(podman image inspect "$base" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}'))"
  down
  for i in 1 2; do
    podman run -d --name "digits-ct-$i" -p "127.0.0.1:$((port + i)):8080" --memory 1500m "$image" > /dev/null
  done
  scripts/cluster.sh --port "$port" --first-port $((port + 1)) --dir "$dir" proxy 2
}

case "${1-}" in
  up) up ;;
  down) down ;;
  podman) shift; podman "$@" ;;  # the same podman, for the test: kill, stop, start, exec, logs
  *) echo "usage: $0 up|down|podman ARGS..." >&2; exit 2 ;;
esac
