#!/usr/bin/env bash
# The proxy's cost: throughput of one instance direct, of the same instance through nginx, and of two
# instances through nginx (scripts/cluster.sh), in one run, alternated. After `mvn package`; needs wrk.
#
#   scripts/cluster-bench.sh [rounds]       (3 rounds: about 5 minutes)
#
# Each round runs 10 s of wrk at 8 connections on the CNN route (POST /digit/cnn/, the benchmark's
# canvas digits, target/bench/post.lua) and on GET /health/live (a trivial route, where the proxy's own
# cost shows most) against each target in turn: the instance on DIGITS_FIRST_PORT (8081) direct, a
# second nginx (DIGITS_PROXY_PORT - 1, 8079) in front of that instance alone, and the cluster's nginx
# (DIGITS_PROXY_PORT, 8080) in front of both. Prints each run and each target's range. The proxy's cost
# per request, in CPU: 2 cores / (req/s through nginx) - 2 cores / (req/s direct), on a machine where the
# load generator shares the cores (as here); and, measured directly, the CPU time nginx's workers spend
# per request (/proc, in 10 ms ticks).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
proxy_port=${DIGITS_PROXY_PORT:-8080}
first_port=${DIGITS_FIRST_PORT:-8081}
single_port=$((proxy_port - 1))
[ -f target/bench/post.lua ] || mvn -q test-compile exec:exec@soak-script
cluster() { scripts/cluster.sh --port "$proxy_port" --first-port "$first_port" --dir target/cluster-bench "$@"; }
single() { scripts/cluster.sh --port "$single_port" --first-port "$first_port" --dir target/cluster-bench-single "$@"; }
trap 'single stop > /dev/null; cluster stop > /dev/null' EXIT
cluster start 2
single proxy 1

rate() { # target url route [script] -> req/s, errors, requests
  wrk -t2 -c8 -d10s ${3:+-s "$3"} "$1$2" |
    awk '/^WRK/ {e += $4} /Non-2xx/ {e += $NF} /requests in/ {n = $1} /Requests\/sec/ {r = int($2)} END {print r, e + 0, n}'
}
# CPU time of an nginx's workers so far, in clock ticks (1/100 s): what the proxy itself spends.
nginx_ticks() {
  local master ticks=0 pid
  master=$(cat "$1/nginx/nginx.pid")
  for pid in $(pgrep -P "$master"); do ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo $ticks
}
targets=("direct:http://127.0.0.1:$first_port:" "nginx-1:http://127.0.0.1:$single_port:target/cluster-bench-single"
  "nginx-2:http://127.0.0.1:$proxy_port:target/cluster-bench")
# Warm-up, three 10 s runs per route through the cluster (both instances' JIT, nginx's connections),
# as the benchmark warms each route up.
for route in /digit/cnn/ /health/live; do
  script=""; [ $route = /digit/cnn/ ] && script=target/bench/post.lua
  for _ in 1 2 3; do rate "http://127.0.0.1:$proxy_port" $route $script > /dev/null; done
done
out=target/cluster-bench.txt
: > "$out"
for round in $(seq "$rounds"); do
  for t in "${targets[@]}"; do
    name=${t%%:*} rest=${t#*:}
    url=${rest%:*} run=${rest##*:}
    for route in /digit/cnn/ /health/live; do
      script=""; [ $route = /digit/cnn/ ] && script=target/bench/post.lua
      [ -n "$run" ] && t0=$(nginx_ticks "$run")
      read -r rps errors requests < <(rate "$url" $route $script)
      cost=""
      [ -n "$run" ] && cost=$(awk -v t=$(($(nginx_ticks "$run") - t0)) -v n="$requests" \
        'BEGIN {printf ", nginx %.0f us CPU a request", t * 10000 / n}')
      echo "round $round $name $route $rps req/s, $errors errors$cost" | tee -a "$out"
    done
  done
done
awk '{k = $3 " " $4; v = $5; n[k]++; if (!(k in lo) || v < lo[k]) lo[k] = v; if (v > hi[k]) hi[k] = v; s[k] += v}
     END {for (k in n) printf "%-22s %6d-%6d req/s, mean %6d\n", k, lo[k], hi[k], s[k] / n[k]}' "$out" | sort
