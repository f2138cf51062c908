#!/usr/bin/env bash
# Alternated A/B of server settings: throughput and memory of the ANN and CNN routes under each.
#
#   scripts/ab.sh 'label|java options|payara micro options' ...    (after `mvn package`; needs wrk)
#   e.g. scripts/ab.sh pom 'g1|-XX:-UseParallelGC -XX:+UseG1GC|' 'pool200||--maxhttpthreads 200'
#   (options are added after the build's server settings file, target/server/payara-micro.args, and
#   win over it; a label alone, like pom, runs the file as it is; a fourth field names another build's
#   target/ folder, e.g. 'before|||/tmp/old/target')
#
# For each setting in turn: starts the build's Payara root (this checkout's unless named) with its class archive, warms up
# with three 10 s runs of 8 clients per route, then runs 10 s at 8 and at 32 clients on the ANN route,
# then the CNN route, then 8 clients on the ensemble (the JSON API's default), on reading a 4-digit
# number (800x280 PNGs) and on GET /health/live. Prints req/s, RSS before and after, threads.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/bench/read-png.lua ] || mvn -q test-compile exec:exec@soak-script
source scripts/server.sh
url=$server_url
rate() { wrk -t2 -c"$1" -d10s ${3:+-s "$3"} "$url$2" | awk '/Requests\/sec/ {print int($2)}'; }
rss() { awk '/VmRSS/ {print int($2/1024)}' /proc/"$1"/status; }
for setting in "$@"; do
  start_setting target/ab-server.log "$setting"
  wait_ready
  pid=$server_pid
  ensemble='/api/v1/predict?model=ensemble'
  for route in /digit/ /digit/cnn/ "$ensemble"; do for _ in 1 2 3; do rate 8 "$route" target/bench/post.lua > /dev/null; done; done
  for _ in 1 2 3; do rate 8 /api/v1/read target/bench/read-png.lua > /dev/null; done
  before=$(rss $pid)
  line="$setting_label:"
  for route in /digit/ /digit/cnn/; do for c in 8 32; do
    line="$line $route@$c=$(rate $c $route target/bench/post.lua)"
  done; done
  line="$line ensemble@8=$(rate 8 "$ensemble" target/bench/post.lua)"
  line="$line read@8=$(rate 8 /api/v1/read target/bench/read-png.lua) live@8=$(rate 8 /health/live)"
  echo "$line rss $before->$(rss $pid) MiB threads $(ls /proc/$pid/task | wc -l)"
  stop_server
done
