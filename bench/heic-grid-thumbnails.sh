#!/usr/bin/env bash
# HEIC grid thumbnail speed: 256 px JPEG thumbnails (the library's grid) of 12-megapixel iPhone
# HEIC photos on one thread, in-process. An iPhone stores a 320 x 240 thumbnail item ('thmb')
# beside the 48 tiles of its 4032 x 3024 grid: a grid thumbnail is made from that item alone,
# a preview (1440 px, bench/heic-previews.sh) from the whole grid. The files are COUNT copies of
# the shared corpus's iPhone 13 Pro Max HEIC under bench/out/heic-COUNT (shared with
# heic-previews.sh).
#
#   bench/heic-grid-thumbnails.sh [COUNT] [--keep] [--runs N]
#
# COUNT    number of files (default 12)
# --keep   reuse the files of an earlier run
# --runs N timed passes (default 3); the best counts
#
# The corpus is CAMROLL_CORPUS, else shared/corpus beside the repository or beside its folder.
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 12 "camroll" "$@"

find_java
build_bench
check_load

CORPUS="${CAMROLL_CORPUS:-$ROOT/../shared/corpus}"
[[ -d "$CORPUS/exif-samples/heic" ]] || CORPUS="$ROOT/../../shared/corpus" # from a second checkout beside it
SOURCE="$CORPUS/exif-samples/heic/mobile/iphone_13_pro_max.HEIC"
[[ -f "$SOURCE" ]] || die "no iPhone HEIC at $SOURCE (set CAMROLL_CORPUS)"

DIR="$OUT/heic-$COUNT"
if [[ "$KEEP" == true && -f "$DIR.done" ]]; then
    note "reusing $DIR"
else
    rm -rf "$DIR" "$DIR.done"
    mkdir -p "$DIR"
    note "copying the iPhone HEIC $COUNT times under $DIR ..."
    for ((i = 1; i <= COUNT; i++)); do
        cp "$SOURCE" "$(printf '%s/IMG_%04d.heic' "$DIR" "$i")"
    done
    touch "$DIR.done"
fi
warm_page_cache "$DIR"

note "timing camroll in-process, one thread, best of $RUNS passes after a warm-up pass ..."
read -r RATE CPU_RATE < <("$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
    -cp "$BENCH_CP" dev.camroll.bench.ThumbnailBenchmark run "$DIR" "$RUNS" grid heic)

echo "HEIC grid thumbnails: $COUNT copies of an iPhone 13 Pro Max HEIC (4032x3024, 48 tiles, a 320x240 thumbnail item, irot, Display P3), 256 px JPEG, one thread, warm page cache, $(nproc) cores, load $LOAD"
printf 'camroll  %8.2f files/s, %6.2f per CPU second (%.1f ms a file)\n' "$RATE" "$CPU_RATE" "$(awk -v r="$RATE" 'BEGIN { print 1000 / r }')"
