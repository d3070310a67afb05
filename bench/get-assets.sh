#!/usr/bin/env bash
# getAssets(first=100) latency on a 1,000,000-asset index: p50 and p99 per query, each call starting
# at a cursor drawn uniformly over the whole order of its query, measured by JMH
# in a JVM with a 256 MB heap (which also shows that the library opens such an index in 256 MB).
# Usage: bench/get-assets.sh [COUNT]   (default 1000000; the index is built once under bench/out/)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_java
build_bench
count="${1:-1000000}"
library="$OUT/index-$count"
java=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP")

"${java[@]}" dev.camroll.bench.SyntheticIndex "$library" "$count"
"${java[@]}" org.openjdk.jmh.Main GetAssetsBenchmark \
    -p library="$library" -f 1 -wi 2 -w 2s -i 3 -r 2s \
    -jvmArgs "-Xmx256m --enable-native-access=ALL-UNNAMED" \
    -rf json -rff "$OUT/get-assets.json" >&2
# The figures the README quotes: p50 and p99 per query and page.
"${java[@]}" dev.camroll.bench.JmhSummary "$OUT/get-assets.json"
