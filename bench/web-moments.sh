#!/usr/bin/env bash
# The web library's Moments view in a real headless Chromium over a large camera roll: an index
# of COUNT photos written row by row without files (outings of 17 photos ten minutes apart, one a
# day, at five French towns in turn: 5,883 moments for 100,000), served as `camroll serve` serves
# it. Three runs, each with a fresh browser profile: how long after opening #/moments its first
# moments are drawn with their tiles (the first run's GET /moments groups the whole index), what
# GET /moments weighs; then the third run scrolls through 600 moments: the reads of a moment's
# assets and the long tasks (PerformanceObserver 'longtask', over 50 ms). The tiles show file
# names, since the rows have no files to make thumbnails of.
#
#   bench/web-moments.sh [COUNT]
#
# COUNT     number of photos (default 100000)
#
# Installs chromium and chromium-driver with apt-get when they are missing. Results go to stdout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 100000 "camroll" "$@"

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    note "installing chromium and chromium-driver ..."
    (apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver >&2) || die "cannot install chromium (apt-get install chromium chromium-driver)"
fi

find_java
check_load
mkdir -p "$OUT"
note "measuring in Chromium ..."
(cd "$ROOT" && ./mvnw -q -B -pl server -am verify -DskipTests=false -Dspotless.check.skip=true \
    -Dtest=WebMomentsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcamroll.bench.moments="$COUNT" -DtrimStackTrace=false) >"$OUT/web-moments.out" 2>&1 \
    || { cat "$OUT/web-moments.out" >&2; die "the measurement failed"; }
echo "library: $COUNT photos, load average before: $LOAD"
grep -E '^(run [0-9]|scrolling)' "$OUT/web-moments.out" || { cat "$OUT/web-moments.out" >&2; die "no figures"; }
