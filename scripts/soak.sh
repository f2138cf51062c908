#!/usr/bin/env bash
# Soak test: drives the packaged app at saturation for a while and watches its memory.
#
#   scripts/soak.sh [minutes]        (default 10; needs wrk, and `mvn package` run before)
#
# Starts the packaged app (target/payara-root) on port 8080, warms it up, then runs wrk (8 connections,
# rotating 200 real MNIST canvas PNGs over the ANN, CNN and ensemble routes) while sampling every 5 s:
# RSS (from /proc), heap used (jcmd GC.heap_info) and JavaCPP's off-heap bytes (the app's /prometheus).
# Writes target/soak/samples.csv and prints errors and memory growth after warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
out=target/soak
mkdir -p "$out"
source scripts/server.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

# Request bodies: the benchmark's Lua script (200 MNIST digits as canvas PNG data URLs).
[ -f target/bench/post.lua ] || mvn -q test-compile exec:exec@soak-script

start_server "$out/server.log"
wait_ready
pid=$server_pid

sample() {
  local rss heap offheap
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  heap=$(jcmd $pid GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024); exit}}')
  offheap=$(curl -s http://localhost:8080/prometheus | awk '/^javacpp_allocated_bytes/ {print int($2/1048576); exit}')
  echo "$(date +%s),$rss,${heap:-},${offheap:-}"
}

echo "warming up (60 s)..."
for route in /digit/ /digit/cnn/ "/api/v1/predict?model=ensemble"; do
  wrk -t2 -c8 -d20s -s target/bench/post.lua "http://localhost:8080$route" > /dev/null
done
echo "epoch_s,rss_mib,heap_used_mib,javacpp_mib" > "$out/samples.csv"
sample >> "$out/samples.csv"
echo "soaking for $minutes min at 8 connections on /digit/cnn/ ..."
wrk -t2 -c8 -d"${minutes}m" --timeout 10s -s target/bench/post.lua http://localhost:8080/digit/cnn/ > "$out/wrk.txt" &
wrk_pid=$!
while kill -0 $wrk_pid 2>/dev/null; do
  sleep 5
  sample >> "$out/samples.csv"
done
cat "$out/wrk.txt"
awk -F, 'NR==2 {first=$2} NR>1 {last=$2; if ($2>max) max=$2}
  END {printf "RSS after warm-up %d MiB, at the end %d MiB, peak %d MiB: growth %.1f %%\n", first, last, max, 100*(last-first)/first}' \
  "$out/samples.csv"
echo "samples: $out/samples.csv"
