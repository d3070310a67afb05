#!/usr/bin/env bash
# Latency of watching: a library of tiny JPEGs is opened through the embedded API (scan on open,
# watch while open), then a JPEG is copied into it 50 times, each time by this JVM acting as
# "another program" (a plain file copy, not the API); the time from the end of each copy to the
# change event that tells of the new asset is measured. Prints the median and the 90th percentile.
# Each burst of events runs the incremental scan of the folders it touched, not of the whole
# library, so the figure hardly grows with its size.
#
#   bench/watch-latency.sh [COUNT] [--keep] [--copies N]
#
# COUNT       files already in the library (default 1000, in 100 folders), generated under
#             bench/out/tiny-COUNT
# --keep      reuse bench/out/tiny-COUNT when a previous run generated it completely
# --copies N  how many copies are timed (default 50)
#
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COPIES=50
ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --copies) COPIES="${2:?--copies needs a number}"; shift ;;
        *) ARGS+=("$1") ;;
    esac
    shift
done
parse_args 1000 "engine" "${ARGS[@]+"${ARGS[@]}"}"
[[ "$COPIES" =~ ^[1-9][0-9]*$ ]] || die "--copies must be a positive whole number, not '$COPIES'"

find_java
build_bench

prepare_library tiny GenerateTinyLibrary
check_load

note "copying a JPEG into $LIB $COPIES times ..."
RESULT="$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.camroll.bench.WatchLatency "$LIB" "$COPIES")" \
    || die "WatchLatency failed"
rm -rf "$LIB/.camroll"

echo "watch latency: a JPEG copied into an open library of $COUNT tiny JPEGs, until the change event; $(nproc) cores, load $LOAD"
echo "$RESULT"
echo "target: median under 2 s"
