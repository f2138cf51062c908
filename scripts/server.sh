# Sourced by the scripts beside it: starts the packaged app on Payara Micro as the pom does.
#
#   start_server LOG [java options] [payara micro options] [build]   sets server_pid; stops it on EXIT
#   start_setting LOG 'label|java options|payara micro options|build'   the same, sets setting_label;
#                     a label alone means the pom's settings
#
# A build is the target/ folder of a `mvn package` (this checkout's unless named): it starts the Payara
# root prepared there (payara-root/, the WAR deployed in it) with that build's class archive.
#   wait_ready                                               until /health/ready answers
#   stop_server
#
# The defaults are the pom's server.* properties, read from pom.xml so that the scripts cannot drift
# from the run command; options given replace them (scripts/ab.sh and starts.sh compare settings).

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
server_heap=$(pom_property server.heap)
pom_java_options="$(pom_property server.jit) $(pom_property server.gc) $(pom_property server.json) $(pom_property vector.api)"
pom_payara_options="--maxhttpthreads $(pom_property server.http.threads)"
server_url=http://localhost:8080

start_server() {
  local log=$1 jopts=${2-$pom_java_options} popts=${3-$pom_payara_options} build=${4:-target}
  [ -f "$build/payara-root/launch-micro.jar" ] || { echo "no $build/payara-root: run 'mvn package' first" >&2; exit 1; }
  server_log=$log
  # shellcheck disable=SC2086 # the options are word lists
  java -Xmx"$server_heap" $jopts -XX:SharedArchiveFile="$build/payara-micro.jsa" -jar "$build/payara-root/launch-micro.jar" \
    --port 8080 --nohazelcast $popts > "$log" 2>&1 &
  server_pid=$!
  server_started=$SECONDS
  trap stop_server EXIT
}

start_setting() {
  local jopts popts build
  IFS='|' read -r setting_label jopts popts build <<< "$2"
  if [[ $2 == *'|'* ]]; then start_server "$1" "$jopts" "$popts" "$build"; else start_server "$1"; fi
}

# Fails when the server has died, or has not answered within two minutes (a failed deployment leaves
# Payara running without the app), pointing at its log.
server_alive() {
  kill -0 "$server_pid" 2>/dev/null || { echo "server died; see $server_log" >&2; exit 1; }
  ((SECONDS - server_started < 120)) || { echo "no answer after 120 s; see $server_log" >&2; exit 1; }
}

wait_ready() {
  until curl -sf -o /dev/null "$server_url/health/ready"; do server_alive; sleep 0.5; done
}

stop_server() {
  [ -n "${server_pid-}" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
