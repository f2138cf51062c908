#!/usr/bin/env bash
# Bytes the server allocates per request, all threads together, on the ANN and CNN routes.
#
#   scripts/alloc.sh 'label|java options|payara micro options|build' ...   (after `mvn package`; needs wrk, python3)
#   e.g. scripts/alloc.sh 'before|||/tmp/old/target' now
#   (a label alone, like now, starts this checkout's build with its settings file; options given are added after it)
#
# For each setting in turn (the syntax of scripts/ab.sh): starts the server, warms it up with two 10 s runs
# of 8 clients per route, then per route records JFR's per-thread allocation counters
# (jdk.ThreadAllocationStatistics, once a second) over a 10 s run of 8 clients and divides the bytes the
# threads allocated in it by the requests served. JFR itself slows the server during that run: compare
# the bytes, not the req/s, and run the settings alternately, more than once.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/bench/post.lua ] || mvn -q test-compile exec:exec@soak-script
source scripts/server.sh
out=target/alloc
mkdir -p "$out"
cat > "$out/threads.jfc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="allocation per thread">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
</configuration>
EOF
# Bytes allocated between each thread's first and last reading in a recording.
allocated() {
  jfr print --json --events jdk.ThreadAllocationStatistics "$1" | python3 -c '
import json, sys
first, last = {}, {}
for e in json.load(sys.stdin)["recording"]["events"]:
    thread = (e["values"]["thread"] or {}).get("javaThreadId")
    first.setdefault(thread, e["values"]["allocated"])
    last[thread] = e["values"]["allocated"]
print(sum(last[t] - first[t] for t in last))'
}
for setting in "$@"; do
  start_setting "$out/server.log" "$setting"
  wait_ready
  for route in /digit/ /digit/cnn/; do for _ in 1 2; do
    wrk -t2 -c8 -d10s -s target/bench/post.lua "$server_url$route" > /dev/null
  done; done
  line="$setting_label:"
  for route in /digit/ /digit/cnn/; do
    rm -f "$out/run.jfr"
    jcmd "$server_pid" JFR.start name=alloc settings="$PWD/$out/threads.jfc" filename="$PWD/$out/run.jfr" > /dev/null
    sleep 1.5 # a first reading of every thread before the load
    requests=$(wrk -t2 -c8 -d10s -s target/bench/post.lua "$server_url$route" | awk '/requests in/ {print $1}')
    sleep 1.5 # and a last one after it
    jcmd "$server_pid" JFR.stop name=alloc > /dev/null
    line="$line $route $(( $(allocated "$out/run.jfr") / requests / 1024 )) KiB/request ($requests requests)"
  done
  echo "$line"
  stop_server
done
