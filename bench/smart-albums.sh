#!/usr/bin/env bash
# The smart albums' counts (getAlbums with smart albums) of a synthetic library with a phone's share
# of subtypes: the first call in a fresh process, then the median and slowest of 20 more.
# Usage: bench/smart-albums.sh [COUNT]   (default 100000; the index is built once under bench/out/)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_java
build_bench
count="${1:-100000}"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx256m -cp "$BENCH_CP" dev.camroll.bench.SmartAlbumCounts \
    "$OUT/smart-index-$count" "$count"
