#!/usr/bin/env bash
# The image, tested: builds it from the Containerfile, starts two containers behind the project's nginx
# (scripts/cluster.sh proxy) and kills one with SIGKILL under a steady load of checked answers
# (ContainerFailoverIT): zero failures. After `mvn package`; needs podman, nginx and, for the base
# image, debootstrap; run as root.
#
#   scripts/container-test.sh            (about 4 minutes, 9 the first time)
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
mkdir -p "$dir" "$cache"
if [ -z "${PODMAN-}" ]; then
  printf '[containers]\ndefault_ulimits = []\n' > "$dir/containers.conf"
  export CONTAINERS_CONF=$PWD/$dir/containers.conf
  PODMAN="podman --runtime runc --cgroup-manager cgroupfs"
fi
podman() { command $PODMAN "$@"; }
[ -f target/ROOT.war ] && [ -f target/payara-micro.jar ] || { echo "run 'mvn package' first" >&2; exit 1; }

# The base: Debian with a Java 17 runtime, built once (unless DIGITS_CT_BASE names one to pull).
if [ -z "${DIGITS_CT_BASE-}" ] && ! podman image exists "$base"; then
  tarball=$cache/bookworm-jre17.tar
  if [ ! -f "$tarball" ]; then
    mirror=${DIGITS_CT_MIRROR:-$({ grep -rhE '^[[:space:]]*(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
      | grep -oE 'https?://[^ ]*/debian/?' | head -1; } || true)}
    root=$cache/bookworm-jre17.rootfs
    rm -rf "$root"
    echo "debootstrap of Debian bookworm from ${mirror:?no Debian mirror found} (a few minutes)"
    debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$root" "$mirror" > "$dir/debootstrap.log"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$root"
  fi
  podman import "$tarball" "$base" > /dev/null
fi

t0=$SECONDS
podman build --format docker --build-arg BASE="$base" -t "$image" -f Containerfile . > "$dir/build.log"
echo "image built in $((SECONDS - t0)) s: $(podman image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}')" \
  "(base $(podman image inspect "$base" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}'))"

cleanup() {
  scripts/cluster.sh --dir "$dir" stop > /dev/null || true
  podman rm -f -i -t 0 digits-ct-1 digits-ct-2 > /dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
for i in 1 2; do
  podman run -d --name "digits-ct-$i" -p "127.0.0.1:$((port + i)):8080" --memory 1500m "$image" > /dev/null 2>> "$dir/run.log"
done
scripts/cluster.sh --port "$port" --first-port $((port + 1)) --dir "$dir" proxy 2
for i in 1 2; do
  podman healthcheck run "digits-ct-$i" > /dev/null && echo "digits-ct-$i: healthy (HEALTHCHECK)"
done
set +e
mvn -q failsafe:integration-test failsafe:verify -Dit.test=ContainerFailoverIT \
  -Dfailover.proxy="http://127.0.0.1:$port/" -Dfailover.kill="$PODMAN kill --signal KILL digits-ct-2" \
  > "$dir/failover.log" 2>&1
rc=$?
set -e
grep -hE 'SIGKILL of one|Tests run:' "$dir/failover.log" | head -3
echo "digits-ct-2 after the kill: $(podman inspect digits-ct-2 --format '{{.State.Status}}, exit code {{.State.ExitCode}}')"
report=target/failsafe-reports/TEST-dev.digits.it.ContainerFailoverIT.xml
if [ $rc = 0 ] && grep -q 'skipped="0"' "$report"; then
  echo "container test passed"
else
  echo "container test FAILED: $dir/failover.log, $report" >&2
  exit 1
fi
