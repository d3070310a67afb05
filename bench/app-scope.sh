#!/usr/bin/env bash
# getAssets(first=100) with totalCount through an app's scope on a 1,000,000-asset index, against
# the owner's: an app whose selection holds 10,000 items drawn at random, and an app granted
# photos only; p50 and p99 per caller, each call starting at a cursor drawn uniformly over the
# caller's own order, measured by JMH in a JVM with a 256 MB heap.
# Usage: bench/app-scope.sh [COUNT]   (default 1000000; the index is built once under bench/out/)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_java
build_bench
count="${1:-1000000}"
library="$OUT/index-$count"
java=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP")

"${java[@]}" dev.camroll.bench.SyntheticIndex "$library" "$count"
"${java[@]}" org.openjdk.jmh.Main AppScopeBenchmark \
    -p library="$library" -f 1 -wi 2 -w 2s -i 3 -r 2s \
    -jvmArgs "-Xmx256m --enable-native-access=ALL-UNNAMED" \
    -rf json -rff "$OUT/app-scope.json" >&2
# The figures the README quotes: p50 and p99 per caller.
"${java[@]}" dev.camroll.bench.JmhSummary "$OUT/app-scope.json"
