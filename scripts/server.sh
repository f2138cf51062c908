# Sourced by the scripts beside it: starts the packaged app on Payara Micro as the run command does.
#
#   start_server LOG [java options] [payara micro options] [build]   sets server_pid; stops it on EXIT
#   start_setting LOG 'label|java options|payara micro options|build'   the same, sets setting_label
#   wait_ready                                               until /health/ready answers
#   stop_server
#
# Every start reads the build's server settings file, target/server/payara-micro.args, which `mvn package`
# writes from the pom's server.* properties (the run command, the tests and the benchmark read the same
# file). Options given are added after it, and the later of two wins: '-XX:-UseParallelGC -XX:+UseG1GC'
# runs G1, '--maxhttpthreads 200' a larger pool. A build is the target/ folder of a `mvn package` (this
# checkout's unless named): it starts the Payara root prepared there with that build's class archive.

server_url=http://localhost:8080

start_server() {
  local log=$1 jopts=${2-} popts=${3-} build=${4:-target}
  [ -f "$build/payara-root/launch-micro.jar" ] || { echo "no $build/payara-root: run 'mvn package' first" >&2; exit 1; }
  [ -f "$build/server/payara-micro.args" ] || { echo "no $build/server/payara-micro.args: run 'mvn package' first" >&2; exit 1; }
  server_log=$log
  # shellcheck disable=SC2086 # the options are word lists
  java @"$build/server/payara-micro.args" $jopts -XX:SharedArchiveFile="$build/payara-micro.jsa" \
    -jar "$build/payara-root/launch-micro.jar" --port 8080 $popts > "$log" 2>&1 &
  server_pid=$!
  server_started=$SECONDS
  trap stop_server EXIT
}

# A label alone, such as 'pom', starts with the settings file only.
start_setting() {
  local jopts popts build
  IFS='|' read -r setting_label jopts popts build <<< "$2"
  start_server "$1" "$jopts" "$popts" "$build"
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
