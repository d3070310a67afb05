#!/usr/bin/env bash
# Counts per month (UTC, Europe/Paris, Europe/Paris with a width filter), a page of 100 at an offset
# drawn uniformly over the whole library, and a page of 100 with a width filter, on a synthetic
# index (every media type), measured by JMH in a JVM with a 256 MB heap: p50 and p99 of each.
# Usage: bench/query-features.sh [COUNT]   (default 100000; the index is built once under bench/out/)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_java
build_bench
count="${1:-100000}"
library="$OUT/index-$count"
java=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP")

"${java[@]}" dev.camroll.bench.SyntheticIndex "$library" "$count"
"${java[@]}" org.openjdk.jmh.Main QueryFeaturesBenchmark \
    -p library="$library" -f 1 -wi 2 -w 2s -i 3 -r 2s \
    -jvmArgs "-Xmx256m --enable-native-access=ALL-UNNAMED" \
    -rf json -rff "$OUT/query-features.json" >&2
"${java[@]}" dev.camroll.bench.JmhSummary "$OUT/query-features.json" "months and next Query, $count assets"
