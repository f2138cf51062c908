# Sourced by the scripts beside it: starts the packaged app on Payara Micro as the pom does.
#
#   start_server LOG [java options] [payara micro options] [war]   sets server_pid; stops it on EXIT
#   start_setting LOG 'label|java options|payara micro options|war'   the same, sets setting_label;
#                     a label alone means the pom's settings; the war defaults to target/ROOT.war
#   wait_ready                                               until /health/ready answers
#   stop_server
#
# The defaults are the pom's server.* properties, read from pom.xml so that the scripts cannot drift
# from the run command; options given replace them (scripts/ab.sh and starts.sh compare settings).

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
server_heap=$(pom_property server.heap)
pom_java_options="$(pom_property server.jit) $(pom_property server.gc)"
pom_payara_options="--maxhttpthreads $(pom_property server.http.threads)"
server_url=http://localhost:8080

start_server() {
  local log=$1 jopts=${2-$pom_java_options} popts=${3-$pom_payara_options} war=${4:-target/ROOT.war}
  [ -f "$war" ] || { echo "no $war: run 'mvn package' first" >&2; exit 1; }
  [ -f target/payara-micro.jar ] || mvn -q dependency:copy@copy-payara-micro
  server_log=$log
  # shellcheck disable=SC2086 # the options are word lists
  java -Xmx"$server_heap" $jopts -XX:SharedArchiveFile=target/payara-micro.jsa -jar target/payara-micro.jar \
    --deploy "$war" --contextroot / --port 8080 --nohazelcast $popts > "$log" 2>&1 &
  server_pid=$!
  server_started=$SECONDS
  trap stop_server EXIT
}

start_setting() {
  local jopts popts war
  IFS='|' read -r setting_label jopts popts war <<< "$2"
  if [[ $2 == *'|'* ]]; then start_server "$1" "$jopts" "$popts" "$war"; else start_server "$1"; fi
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
