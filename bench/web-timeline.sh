#!/usr/bin/env bash
# The web library in a real headless Chromium against `camroll serve` of a 100,000-asset library:
# how long after opening the page its first screen of thumbnails is shown (Performance API; three
# runs, each with a fresh browser profile; the first run also scrolls once through what the last
# scrolls, so the server's thumbnails are made as `serve` makes them ahead), and the long tasks
# (PerformanceObserver 'longtask', over 50 ms) while the third run scrolls 10,000 assets by.
#
#   bench/web-timeline.sh [COUNT] [--keep]
#
# COUNT     number of files (default 100000, tiny JPEGs in 100 folders, bench/out/tiny-COUNT, which
#           bench/http-assets.sh --keep makes too)
# --keep    reuse bench/out/tiny-COUNT when a previous run generated it completely
# Environment: SCROLL (assets to scroll through, default 10000)
#
# Installs chromium and chromium-driver with apt-get when they are missing. Results go to stdout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 100000 "camroll" "$@"
SCROLL="${SCROLL:-10000}"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    note "installing chromium and chromium-driver ..."
    (apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver >&2) || die "cannot install chromium (apt-get install chromium chromium-driver)"
fi

find_java
build_bench
prepare_library tiny GenerateTinyLibrary
check_load

WORK="$OUT/web-timeline"
rm -rf "$WORK"
mkdir -p "$WORK"
SERVER_PID=""
cleanup() {
    if [[ -n $SERVER_PID ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

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

TOKEN="$("$ROOT/camroll" token "$LIB" --reset | grep -Eo '[A-Za-z0-9_-]{40,}' | head -1)"
[[ -n $TOKEN ]] || die "camroll token printed no token"
PORT="$(free_port 18520)"
note "starting camroll serve $LIB on port $PORT (scans first) ..."
"$ROOT/camroll" serve "$LIB" --port "$PORT" --no-thumbnails-ahead >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
    grep -q '^Watching' "$WORK/serve.out" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "camroll serve stopped: $(cat "$WORK/serve.err")"
    sleep 0.5
done

note "measuring in Chromium ..."
(cd "$ROOT" && ./mvnw -q -B -pl server -am verify -DskipTests=false -Dspotless.check.skip=true \
    -Dtest=WebTimelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcamroll.bench.url="http://127.0.0.1:$PORT/" -Dcamroll.bench.token="$TOKEN" -Dcamroll.bench.scroll="$SCROLL" \
    -DtrimStackTrace=false) >"$WORK/measure.out" 2>&1 || { cat "$WORK/measure.out" >&2; die "the measurement failed"; }
echo "library: $COUNT assets ($LIB), load average before: $(cut -d " " -f 1 /proc/loadavg)"
grep -E '^(run [0-9]|scrolling)' "$WORK/measure.out" || { cat "$WORK/measure.out" >&2; die "no figures"; }
