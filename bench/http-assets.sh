#!/usr/bin/env bash
# GET /api/v1/assets?first=100 on a 100,000-asset library, loaded by wrk on the same machine,
# beside nginx serving the same JSON page from a static file (the ceiling of the machine), and the
# server's memory (resident set, peak) under that load.
#
#   bench/http-assets.sh [COUNT] [--keep] [--tools camroll,nginx]
#
# COUNT     number of files (default 100000, tiny JPEGs in 100 folders, bench/out/tiny-COUNT)
# --keep    reuse bench/out/tiny-COUNT when a previous run generated it completely
# Environment: DURATION (seconds of load, default 20), CONNECTIONS (default 32), THREADS (wrk's, default 2)
#
# Installs wrk and nginx with apt-get when they are missing. Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 100000 "camroll,nginx" "$@"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"

for tool in wrk nginx; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        note "installing $tool ..."
        (apt-get install -y -qq "$tool" >&2 || { apt-get update -qq >&2 && apt-get install -y -qq "$tool" >&2; }) \
            || die "cannot install $tool (apt-get install $tool)"
    fi
done

find_java
build_bench
prepare_library tiny GenerateTinyLibrary
check_load

WORK="$OUT/http-assets"
rm -rf "$WORK"
mkdir -p "$WORK"
SERVER_PID=""
NGINX_PID=""
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    true
}
trap cleanup EXIT

# A port nothing listens on: the first from 18420 up that a connection is refused at.
free_port() {
    local port
    for port in $(seq "$1" "$(($1 + 200))"); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port from $1"
}

# load NAME URL [HEADER]: wrk's requests/s and p99 latency (ms) of the URL.
load() {
    local name="$1" url="$2" header="${3:-}" report
    note "loading $name: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s $url"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION"s --latency)
    [[ -n $header ]] && args+=(-H "$header")
    # A warm-up run first, so the JIT has compiled the paths the measured run takes.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s ${header:+-H "$header"} "$url" >/dev/null
    report="$(wrk "${args[@]}" "$url")"
    printf '%s\n' "$report" >"$WORK/$name.wrk"
    RPS="$(awk '/^Requests\/sec:/ {print $2}' <<<"$report")"
    P99="$(awk '$1 == "99%" {print $2}' <<<"$report")"
    ERRORS="$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$report")"
    ERRORS="${ERRORS:-0}"
}

# The server, on its own port, with its heap as the launcher gives it.
PORT="$(free_port 18420)"
note "starting camroll serve $LIB on port $PORT (scans first) ..."
"$ROOT/camroll" serve "$LIB" --port "$PORT" --no-thumbnails-ahead >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
    grep -q '^Watching' "$WORK/serve.out" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "camroll serve ended: $(cat "$WORK/serve.err")"
    sleep 0.5
done
grep -q '^Watching' "$WORK/serve.out" || die "camroll serve did not finish its scan in 5 minutes"
TOKEN="$(sed -n 's/^Owner token (shown only now): //p' "$WORK/serve.out")"
[[ -n $TOKEN ]] || die "no token in the output of camroll serve (is there an old one in $LIB/.camroll?)"
# The launcher's process is a shell that execs java: the pid is the JVM's.
URL="http://127.0.0.1:$PORT/api/v1/assets?first=100"
curl -sf -H "Authorization: Bearer $TOKEN" "$URL" >"$WORK/page.json" || die "the first request failed"
TOTAL="$(grep -o '"totalCount":[0-9]*' "$WORK/page.json" | cut -d: -f2)"
note "the library holds $TOTAL photos; the page is $(wc -c <"$WORK/page.json") bytes"

if wants camroll; then
    # The peak counts from here: the scan before the load (100,000 files read) is not serving.
    echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || note "cannot reset the peak RSS; it includes the scan"
    load camroll "$URL" "Authorization: Bearer $TOKEN"
    CAMROLL_RPS="$RPS" CAMROLL_P99="$P99" CAMROLL_ERRORS="$ERRORS"
    RSS_PEAK_MB="$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
    RSS_NOW_MB="$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")"
fi
kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

if wants nginx; then
    NGINX_PORT="$(free_port 18720)"
    mkdir -p "$WORK/nginx/www" "$WORK/nginx/logs"
    cp "$WORK/page.json" "$WORK/nginx/www/assets.json"
    cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp;
    proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp;
    uwsgi_temp_path $WORK/nginx/tmp;
    scgi_temp_path $WORK/nginx/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / { root $WORK/nginx/www; default_type application/json; }
    }
}
CONF
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>"$WORK/nginx/logs/start.log" &
    NGINX_PID=$!
    sleep 1
    curl -sf "http://127.0.0.1:$NGINX_PORT/assets.json" >/dev/null || die "nginx does not answer: $(cat "$WORK/nginx/logs/start.log")"
    load nginx "http://127.0.0.1:$NGINX_PORT/assets.json"
    NGINX_RPS="$RPS" NGINX_P99="$P99"
fi

printf 'GET /api/v1/assets?first=100, %s assets, wrk -t%s -c%s -d%ss on the same machine (load before: %s)\n' \
    "$TOTAL" "$THREADS" "$CONNECTIONS" "$DURATION" "$(cut -d' ' -f1-3 /proc/loadavg)"
if wants camroll; then
    printf 'camroll serve  %10s req/s  p99 %8s  (non-2xx: %s)  server RSS peak under load %s MB (%s MB at the end)\n' \
        "$CAMROLL_RPS" "$CAMROLL_P99" "$CAMROLL_ERRORS" "$RSS_PEAK_MB" "$RSS_NOW_MB"
fi
if wants nginx; then
    printf 'nginx static   %10s req/s  p99 %8s  (the same page from a file)\n' "$NGINX_RPS" "$NGINX_P99"
fi
