#!/usr/bin/env bash
# The http-lab benchmark (not a test): the lab's web server against nginx serving the same `Hello World!`, and the
# lab's balancer in front of two lab backends against nginx as a reverse proxy in front of the same two.
# Load: wrk when installed, else the lab's own LoadGenerator (closed loop, keep-alive). nginx parts are skipped when
# nginx is not installed; the balancer part is skipped until the lab has its `lb` command.
#
#   http-lab/bench/bench.sh [--rounds N] [--seconds S] [--connections C]
#
# Configurations take turns (round 1: all of them, round 2: all again, ...) and each figure is the median of its
# rounds, so a disturbance on this shared machine hits every configuration alike. Quote ratios, not absolute figures.
# Do not run it under flock (or anything holding a lock file open): the servers it starts would inherit the lock.
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=3
seconds=10
connections=50
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "unknown option: $1 (use --rounds N, --seconds S, --connections C)" >&2; exit 2 ;;
  esac
done

echo "== building http-lab"
./mvnw -q -B -ntp -pl http-lab process-test-classes
cp="http-lab/target/classes:http-lab/target/test-classes:$(cat http-lab/target/test-classpath.txt)"

work="$(mktemp -d /tmp/http-lab-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_lab VAR ARGS...: starts `HttpLab ARGS...` in the background and sets VAR to the port of its `listening on`.
start_lab() {
  local var="$1"; shift
  local log="$work/lab-$var.log"
  java -cp "$cp" io.prodev.labs.http.HttpLab "$@" >"$log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 100); do
    if grep -q "listening on" "$log"; then
      printf -v "$var" '%s' "$(grep -m1 -o "listening on http://[^ ]*" "$log" | sed -E 's#.*:([0-9]+)/$#\1#')"
      return 0
    fi
    sleep 0.1
  done
  echo "HttpLab $* did not start:" >&2; cat "$log" >&2; return 1
}

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# Runs the load generator against URL; prints "REQ_PER_S P99_MS".
load() {
  local url="$1" out
  if command -v wrk >/dev/null 2>&1; then
    wrk -t2 -c"$connections" -d"${warmup}s" "$url" >/dev/null   # warm-up: the JIT compiles the hot paths
    out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")"
  else
    java -cp "$cp" io.prodev.labs.http.bench.LoadGenerator "$url" "$connections" "$warmup" >/dev/null
    out="$(java -cp "$cp" io.prodev.labs.http.bench.LoadGenerator "$url" "$connections" "$seconds")"
  fi
  local rps p99 bad
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  # A figure made of errors means nothing: wrk's "Non-2xx or 3xx responses" and "Socket errors", the generator's errors.
  bad="$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += 1} /^errors:/ && $2 > 0 {n += $2} END {print n + 0}')"
  if [ "$bad" -gt 0 ]; then
    echo "$url: $bad failed responses or socket errors:" >&2
    echo "$out" >&2
  fi
  p99="$(echo "$out" | awk '$1 == "99%" || $1 == "99%:" {print $2}' | head -n1)"
  case "$p99" in
    *us) p99="$(awk -v v="${p99%us}" 'BEGIN {printf "%.3f", v / 1000}')" ;;
    *ms) p99="${p99%ms}" ;;
    *s) p99="$(awk -v v="${p99%s}" 'BEGIN {printf "%.3f", v * 1000}')" ;;
  esac
  echo "$rps $p99"
}

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "== starting servers"
start_lab lab_web web --port 0 --name bench-web
start_lab backend1 web --port 0 --name backend-1
start_lab backend2 web --port 0 --name backend-2
configs=("lab-web http://127.0.0.1:$lab_web/")
if java -cp "$cp" io.prodev.labs.http.HttpLab --help | grep -qE "^ +lb +"; then
  start_lab lab_lb lb --port 0 --backend "http://127.0.0.1:$backend1/" --backend "http://127.0.0.1:$backend2/" \
    --health-path /
  configs+=("lab-lb http://127.0.0.1:$lab_lb/")
else
  echo "(the balancer part is skipped: HttpLab has no lb command yet)"
fi
if command -v nginx >/dev/null 2>&1; then
  ngx_web="$(free_port)"
  ngx_lb="$(free_port)"
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream backends { server 127.0.0.1:$backend1; server 127.0.0.1:$backend2; keepalive 32; }
    server { listen 127.0.0.1:$ngx_web; location / { default_type text/plain; return 200 'Hello World!'; } }
    server {
        listen 127.0.0.1:$ngx_lb;
        location / { proxy_pass http://backends; proxy_http_version 1.1; proxy_set_header Connection ""; }
    }
}
CONF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx/"
  configs+=("nginx-web http://127.0.0.1:$ngx_web/")
  if [ -n "${lab_lb:-}" ]; then configs+=("nginx-lb http://127.0.0.1:$ngx_lb/"); fi
else
  echo "(nginx is not installed: no comparison, only the lab's own figures)"
fi

echo "== load: $(command -v wrk >/dev/null 2>&1 && echo "wrk -t2 -c$connections -d${seconds}s" || echo "LoadGenerator, $connections connections, ${seconds}s"), $rounds rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  warmup=$([ "$round" -eq 1 ] && echo 8 || echo 2)   # a JVM's first seconds under load are not its speed
  for config in "${configs[@]}"; do
    name="${config%% *}"
    url="${config#* }"
    result="$(load "$url")"
    echo "round $round  $name  $result" | tee -a "$work/results"
  done
done

echo "== medians over $rounds rounds (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-10s %12s %10s\n' config "req/s" "p99 ms"
declare -A rps p99
for config in "${configs[@]}"; do
  name="${config%% *}"
  rps[$name]="$(awk -v n="$name" '$3 == n {print $4}' "$work/results" | median)"
  p99[$name]="$(awk -v n="$name" '$3 == n {print $5}' "$work/results" | median)"
  printf '%-10s %12.0f %10.2f\n' "$name" "${rps[$name]}" "${p99[$name]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
if [ -n "${rps[nginx-web]:-}" ]; then
  echo "web server: $(ratio "${rps[lab-web]}" "${rps[nginx-web]}") of nginx's req/s (target 0.90 or more)," \
    "p99 $(ratio "${p99[lab-web]}" "${p99[nginx-web]}") times nginx's (target 2.00 or less)"
fi
if [ -n "${rps[nginx-lb]:-}" ] && [ -n "${rps[lab-lb]:-}" ]; then
  echo "balancer:   $(ratio "${rps[lab-lb]}" "${rps[nginx-lb]}") of nginx's proxy req/s (target 0.80 or more)"
fi
