#!/usr/bin/env bash
# Alternated starts: wall time and CPU from launch to the first answer of POST /digit/cnn/.
#
#   scripts/starts.sh rounds 'label|java options|payara micro options' ...    (after `mvn package`)
#   e.g. scripts/starts.sh 6 pom 'jit1|-XX:CompileThresholdScaling=1|'
#   (options are added after the build's server settings file and win over it; a label alone, like pom,
#   runs the file as it is)
#
# Each round starts the packaged app (target/payara-root) once per setting, with the class archive and
# the settings file, then stops it; the means per setting come last. The request is one of the benchmark's
# canvas digits.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/server.sh
[ -f target/bench/post.lua ] || mvn -q test-compile exec:exec@soak-script
body=target/starts-body.txt
grep -o -m1 'data:image/png;base64,[A-Za-z0-9+/=]*' target/bench/post.lua > "$body"
rounds=$1; shift
for _ in $(seq "$rounds"); do
  for setting in "$@"; do
    t0=$(date +%s.%N)
    start_setting target/starts-server.log "$setting"
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" \
        "$server_url/digit/cnn/")" = 200 ]; do
      server_alive
      sleep 0.05
    done
    t1=$(date +%s.%N)
    echo "$setting_label $(echo "$t1 - $t0" | bc) s cpu $(awk '{print ($14 + $15) / 100}' /proc/$server_pid/stat) s"
    stop_server
  done
done | awk '{print; n[$1]++; s[$1] += $2; c[$1] += $5} END {for (k in n) printf "%s: mean %.2f s, cpu %.1f s over %d starts\n", k, s[k] / n[k], c[k] / n[k], n[k]}'
