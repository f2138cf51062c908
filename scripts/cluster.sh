#!/usr/bin/env bash
# N instances of the packaged app behind nginx, with the project's nginx configuration (deploy/nginx.conf).
#
#   scripts/cluster.sh start N     (after `mvn package`) starts the instances that are not running, on
#                                  ports 8081..8080+N, and nginx on 8080 in front of them; returns once
#                                  every instance answers /health/ready and nginx answers
#   scripts/cluster.sh proxy N     nginx alone, in front of N instances started some other way on those
#                                  ports (containers: scripts/container-test.sh)
#   scripts/cluster.sh stop        stops nginx and every instance (SIGTERM, SIGKILL after a grace period)
#   scripts/cluster.sh status      each instance's pid, port and readiness, and nginx's
#
# Options, before the command or as environment variables:
#   --port P        DIGITS_PROXY_PORT   nginx's port (8080); also HOST:PORT, to listen on one address
#   --first-port P  DIGITS_FIRST_PORT   the first instance's port (8081); the next ones count up
#   --dir D         DIGITS_CLUSTER_DIR  where logs, pids and nginx's run dir go (target/cluster)
#                   DIGITS_JAVA_OPTS    more Java options for each instance (-Ddigits.max-in-flight=32)
#
# An instance starts as scripts/server.sh starts one: the build's settings file, target/server/
# payara-micro.args, the prepared Payara root (target/payara-root, shared: the instances only read it
# once started) and its class archive. Its log: target/cluster/instance-I/server.log. Starting again with instances already up starts only the missing ones (one that was
# killed, say) and leaves nginx running, reloading it only if the instance list changed: a restarted
# instance rejoins through nginx's passive health check, within its fail_timeout.
set -euo pipefail
cd "$(dirname "$0")/.."

proxy_port=${DIGITS_PROXY_PORT:-8080}
first_port=${DIGITS_FIRST_PORT:-8081}
dir=${DIGITS_CLUSTER_DIR:-target/cluster}
while [ $# -gt 0 ]; do
  case $1 in
    --port) proxy_port=$2; shift 2 ;;
    --first-port) first_port=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) break ;;
  esac
done
command=${1:-status}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
run=$dir/nginx
# How long an instance has to stop on SIGTERM before it is killed: the app's drain takes at most
# digits.shutdown.grace (10 s by default), Payara's own shutdown a few seconds more.
stop_grace=${DIGITS_STOP_GRACE:-20}

instance_pid() { cat "$dir/instance-$1/pid" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
port_of() { echo $((first_port + $1 - 1)); }
ready() { curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready"; }
nginx_pid() { cat "$run/nginx.pid" 2>/dev/null || true; }
count() { cat "$dir/instances" 2>/dev/null || echo 0; }

start_instance() {
  local i=$1 port build=target
  port=$(port_of "$i")
  [ -f "$build/payara-root/launch-micro.jar" ] || { echo "no $build/payara-root: run 'mvn package' first" >&2; exit 1; }
  local home=$dir/instance-$i
  mkdir -p "$home"
  # shellcheck disable=SC2086 # the options are a word list
  nohup java @"$build/server/payara-micro.args" ${DIGITS_JAVA_OPTS-} -XX:SharedArchiveFile="$build/payara-micro.jsa" \
    -jar "$build/payara-root/launch-micro.jar" --port "$port" > "$home/server.log" 2>&1 < /dev/null &
  echo $! > "$home/pid"
  echo "instance $i: pid $!, port $port, log $home/server.log"
}

write_nginx_conf() {
  local n=$1 servers="" i
  for i in $(seq "$n"); do
    servers+="${servers:+$'\n    '}server 127.0.0.1:$(port_of "$i") max_fails=2 fail_timeout=5s;"
  done
  mkdir -p "$run/logs" "$run/temp"
  # The upstream lines, then the listen port, into the template; the result replaces the old one only
  # when it differs, and then a running nginx reloads.
  awk -v servers="$servers" -v listen="$proxy_port" \
    '/^ *@SERVERS@$/ { print "    " servers; next } { sub(/listen @LISTEN@;/, "listen " listen ";"); print }' \
    deploy/nginx.conf > "$run/nginx.conf.new"
  if cmp -s "$run/nginx.conf.new" "$run/nginx.conf"; then
    rm "$run/nginx.conf.new"
    return 1
  fi
  mv "$run/nginx.conf.new" "$run/nginx.conf"
}

start_nginx() {
  command -v nginx >/dev/null || { echo "nginx not found: apt-get install nginx" >&2; exit 1; }
  local changed=0
  write_nginx_conf "$1" && changed=1
  if alive "$(nginx_pid)"; then
    if [ $changed = 1 ]; then
      nginx -p "$run" -c nginx.conf -e logs/error.log -s reload
      echo "nginx: reloaded with $1 instances"
    fi
  else
    nginx -p "$run" -c nginx.conf -e logs/error.log -t -q
    nginx -p "$run" -c nginx.conf -e logs/error.log
    echo "nginx: pid $(nginx_pid), port $proxy_port, in front of $1 instances"
  fi
}

wait_ready() {
  local n=$1 i t0=$SECONDS
  for i in $(seq "$n"); do
    until ready "$(port_of "$i")"; do
      if [ -f "$dir/instance-$i/pid" ] && ! alive "$(instance_pid "$i")"; then
        echo "instance $i died; see $dir/instance-$i/server.log" >&2
        exit 1
      fi
      ((SECONDS - t0 < 180)) || { echo "instance $i not ready after 180 s; see $dir/instance-$i/server.log" >&2; exit 1; }
      sleep 0.5
    done
  done
  local host=127.0.0.1 port=$proxy_port
  [[ $proxy_port == *:* ]] && { host=${proxy_port%:*}; port=${proxy_port##*:}; }
  until curl -sf -o /dev/null --max-time 2 "http://$host:$port/health/ready"; do
    ((SECONDS - t0 < 190)) || { echo "nginx does not answer on $proxy_port; see $run/logs/error.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "cluster ready: $n instances behind http://$host:$port/ ($((SECONDS - t0)) s)"
}

stop_pid() {
  local pid=$1 waited=0
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && ((waited < stop_grace * 10)); do sleep 0.1; waited=$((waited + 1)); done
  alive "$pid" && { echo "pid $pid still running after ${stop_grace} s: SIGKILL" >&2; kill -KILL "$pid" 2>/dev/null || true; }
  return 0
}

case $command in
  start)
    n=${2:?usage: scripts/cluster.sh start N}
    ((n >= 1)) || { echo "N must be at least 1" >&2; exit 1; }
    for i in $(seq "$n"); do
      alive "$(instance_pid "$i")" || start_instance "$i"
    done
    echo "$n" > "$dir/instances"
    start_nginx "$n"
    wait_ready "$n"
    ;;
  proxy)
    n=${2:?usage: scripts/cluster.sh proxy N}
    echo "$n" > "$dir/instances"
    start_nginx "$n"
    wait_ready "$n"
    ;;
  stop)
    if alive "$(nginx_pid)"; then
      nginx -p "$run" -c nginx.conf -e logs/error.log -s quit
      for _ in $(seq 50); do alive "$(nginx_pid)" || break; sleep 0.1; done
      echo "nginx: stopped"
    fi
    pids=()
    for home in "$dir"/instance-*; do
      [ -d "$home" ] || continue
      pid=$(cat "$home/pid" 2>/dev/null || true)
      if alive "$pid"; then
        kill -TERM "$pid"
        pids+=("$pid")
      fi
      rm -f "$home/pid"
    done
    for pid in "${pids[@]}"; do stop_pid "$pid"; done
    echo "stopped ${#pids[@]} instances"
    rm -f "$dir/instances"
    ;;
  status)
    n=$(count)
    up=0
    for i in $(seq "$n"); do
      pid=$(instance_pid "$i")
      port=$(port_of "$i")
      if ! alive "$pid"; then
        echo "instance $i: port $port, not running"
      elif ready "$port"; then
        echo "instance $i: port $port, pid $pid, ready"
        up=$((up + 1))
      else
        echo "instance $i: port $port, pid $pid, not ready"
      fi
    done
    if alive "$(nginx_pid)"; then echo "nginx: port $proxy_port, pid $(nginx_pid)"; else echo "nginx: not running"; fi
    ((n > 0 && up == n)) && alive "$(nginx_pid)"
    ;;
  *)
    echo "usage: scripts/cluster.sh [--port P] [--first-port P] [--dir D] start N | proxy N | stop | status" >&2
    exit 2
    ;;
esac
