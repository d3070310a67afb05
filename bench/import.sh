#!/usr/bin/env bash
# Import throughput: how many small camera JPEGs per second createAsset copies into a library and
# indexes, called from 4 threads through the embedded API. COUNT JPEGs (320x240 to 640x480, full
# EXIF, as GenerateJpegLibrary writes them) are generated under bench/out/import-COUNT/source, then
# imported into an empty library (watching off) three times, each into a fresh library; the best run
# counts. The timed part is the imports only (each one: checks, a temporary file flushed to disk,
# a hard link under its final name, the folder synced, one index transaction).
#
#   bench/import.sh [COUNT] [--threads N] [--runs N]
#
# COUNT        number of JPEGs (default 1000)
# --threads N  threads calling createAsset (default 4)
# --runs N     timed runs (default 3)
#
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COUNT=1000
THREADS=4
while [[ $# -gt 0 ]]; do
    case "$1" in
        --threads) THREADS="${2:?--threads needs a number}"; shift ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        [0-9]*) COUNT="$1" ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
    shift
done
for value in "$COUNT" "$THREADS" "$RUNS"; do
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "COUNT, --threads and --runs must be positive whole numbers, not '$value'"
done

find_java
build_bench
check_load

WORK="$OUT/import-$COUNT"
mkdir -p "$WORK"
RESULT="$("$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" \
    dev.camroll.bench.ImportBenchmark "$WORK" "$COUNT" "$THREADS" "$RUNS")" || die "ImportBenchmark failed"
rm -rf "$WORK"

echo "import throughput: $(nproc) cores, load $LOAD"
echo "$RESULT"
echo "target: >= 500 files/s (1,000 photos, 4 threads)"
