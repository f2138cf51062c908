#!/usr/bin/env bash
# Numbers read a second at 8 clients by each model, alternated on one tuned Payara Micro start
# (after `mvn package`; needs wrk):   scripts/read-models.sh [rounds] [models...]
#   e.g. scripts/read-models.sh 3 cnn ensemble
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/bench/read-png.lua ] || mvn -q test-compile exec:exec@soak-script
rounds=${1:-3}; shift || true
models=("$@"); [ $# -gt 0 ] || models=(cnn ensemble)
source scripts/server.sh
start_setting target/read-models.log pom
wait_ready
rate() { wrk -t2 -c8 -d10s -s target/bench/read-png.lua "$server_url/api/v1/read?model=$1" | awk '/Requests\/sec/ {print int($2)}'; }
for m in "${models[@]}"; do rate "$m" > /dev/null; rate "$m" > /dev/null; done   # warm-up
for r in $(seq "$rounds"); do for m in "${models[@]}"; do echo "round $r $m $(rate "$m") numbers/s"; done; done
stop_server
