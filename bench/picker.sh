#!/usr/bin/env bash
# Picker speed: how long after the person confirms a crop the result file is ready. A library of
# one 12-megapixel camera JPEG (4000x3000, made from a camera file of the shared corpus, its EXIF
# and ICC segments kept) is picked in a session with editing, aspect 4:3 and quality 0.8, and
# answered with a centred 4:3 crop of 90 % of its width; each run times the engine's
# complete(): the choice checked, the original read, decoded, cropped, encoded as a JPEG of
# quality 0.8 and the session written. The issue's target is 300 ms.
#
#   bench/picker.sh [RUNS] [--keep]
#
# RUNS     timed runs after 3 warm-up runs (default 10); best and median are printed
# --keep   reuse the photo of an earlier run
# The corpus is CAMROLL_CORPUS, else shared/corpus beside the repository or beside its folder.
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 10 "camroll" "$@"

find_java
build_bench
check_load

CORPUS="${CAMROLL_CORPUS:-$ROOT/../shared/corpus}"
[[ -d "$CORPUS/exif-samples/jpg" ]] || CORPUS="$ROOT/../../shared/corpus" # from a second checkout beside it
SOURCE="$CORPUS/exif-samples/jpg/tests/42_IndexError.jpg"
[[ -f "$SOURCE" ]] || die "no camera JPEG at $SOURCE (set CAMROLL_CORPUS)"

DIR="$OUT/picker"
if [[ "$KEEP" == true && -f "$DIR.done" ]]; then
    note "reusing $DIR"
else
    rm -rf "$DIR" "$DIR.done"
    note "making a camera JPEG of 4000x3000 under $DIR ..."
    "$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" \
        dev.camroll.bench.ThumbnailBenchmark generate "$DIR" 1 "$SOURCE" >&2
    touch "$DIR.done"
fi
warm_page_cache "$DIR"

note "timing the result of a 4:3 crop at quality 0.8, $COUNT runs after 3 warm-up runs ..."
read -r BEST MEDIAN CPU BYTES WIDTH HEIGHT < <("$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
    -cp "$BENCH_CP" dev.camroll.bench.PickerBenchmark "$DIR" "$COUNT")

echo "picker: a 12-megapixel camera JPEG picked with a 4:3 crop at quality 0.8, result file ready after confirmation, one thread, $(nproc) cores, load $LOAD"
printf 'camroll   best %5d ms, median %5d ms, best %5d ms of CPU   (%dx%d JPEG of %d bytes; target 300 ms)\n' "$BEST" "$MEDIAN" "$CPU" "$WIDTH" "$HEIGHT" "$BYTES"
