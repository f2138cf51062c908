#!/usr/bin/env bash
# Alternated starts: wall time and CPU from launch to the first answer of POST /digit/cnn/.
#
#   scripts/starts.sh rounds 'label|java options|payara micro options' ...    (after `mvn package`)
#   e.g. scripts/starts.sh 6 'default||' 'jit3|-XX:CompileThresholdScaling=3|'
#
# Each round starts target/ROOT.war once per setting, with the class archive and a 640 MiB heap, then
# stops it; the means per setting come last. The request is one of the benchmark's canvas digits.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/bench/post.lua ] || mvn -q test-compile exec:exec@soak-script
body=$(mktemp)
trap 'rm -f "$body"' EXIT
grep -o -m1 'data:image/png;base64,[A-Za-z0-9+/=]*' target/bench/post.lua > "$body"
rounds=$1; shift
for _ in $(seq "$rounds"); do
  for setting in "$@"; do
    IFS='|' read -r label jopts popts <<< "$setting"
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086 # the options are word lists
    java -Xmx640m $jopts -XX:SharedArchiveFile=target/payara-micro.jsa -jar target/payara-micro.jar \
      --deploy target/ROOT.war --contextroot / --port 8080 --nohazelcast $popts > target/starts-server.log 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" \
        http://localhost:8080/digit/cnn/)" = 200 ]; do
      kill -0 $pid 2>/dev/null || { echo "server died; see target/starts-server.log" >&2; exit 1; }
      sleep 0.05
    done
    t1=$(date +%s.%N)
    echo "$label $(echo "$t1 - $t0" | bc) s cpu $(awk '{print ($14 + $15) / 100}' /proc/$pid/stat) s"
    kill $pid; wait $pid 2>/dev/null || true
  done
done | awk '{print; n[$1]++; s[$1] += $2; c[$1] += $5} END {for (k in n) printf "%s: mean %.2f s, cpu %.1f s over %d starts\n", k, s[k] / n[k], c[k] / n[k], n[k]}'
