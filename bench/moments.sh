#!/usr/bin/env bash
# Moments on a synthetic 100,000-asset index shaped like a camera roll (outings of photos minutes
# apart, three quarters with GPS around one of 40 towns, eight years): the first computation (a
# whole grouping, the gazetteer's first load included), getMoments() afterwards and the update of
# a moment after one asset arrives (p50 / p99 of 200 each), in one JVM with a 256 MB heap.
# Usage: bench/moments.sh [COUNT]   (default 100000; the index is made anew under bench/out/)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_java
build_bench
count="${1:-100000}"
"$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.camroll.bench.MomentsBenchmark \
    "$OUT/moments-$count" "$count"
