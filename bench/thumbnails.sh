#!/usr/bin/env bash
# Thumbnail speed: 256 px JPEG thumbnails of 12-megapixel camera JPEGs on one thread, Camroll's
# thumbnailer (in-process: FFmpeg's JPEG decoder at reduced size, swscale, sRGB, orientation)
# beside vipsthumbnail (libvips, which decodes JPEG at reduced size through libjpeg), on the same
# files, printed side by side. COUNT JPEGs of 4000x3000 are made from the large camera files of
# the shared corpus (their EXIF and ICC segments kept) under bench/out/thumbnails-COUNT.
#
#   bench/thumbnails.sh [COUNT] [--keep] [--runs N] [--tools camroll,vips,imageio]
#
# COUNT    number of JPEGs (default 24)
# --keep   reuse the JPEGs of an earlier run
# --runs N timed passes of each tool (default 3); the best counts
# --tools  which to time (default camroll,vips; imageio adds plain ImageIO, one pass)
#
# vipsthumbnail comes from Debian's libvips-tools; when it is missing the script installs it with
# apt-get (as root, or through sudo). It runs with VIPS_CONCURRENCY=1, one process for all files.
# The corpus is CAMROLL_CORPUS, else shared/corpus beside the repository or beside its folder.
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 24 "camroll,vips" "$@"

find_java
build_bench
check_load

CORPUS="${CAMROLL_CORPUS:-$ROOT/../shared/corpus}"
[[ -d "$CORPUS/exif-samples/jpg" ]] || CORPUS="$ROOT/../../shared/corpus" # from a second checkout beside it
SOURCES=()
for name in tests/42_IndexError.jpg mobile/HMD_Nokia_8.3_5G.jpg hdr/iphone_hdr_YES.jpg hdr/iphone_hdr_NO.jpg; do
    [[ -f "$CORPUS/exif-samples/jpg/$name" ]] && SOURCES+=("$CORPUS/exif-samples/jpg/$name")
done
[[ ${#SOURCES[@]} -gt 0 ]] || die "no camera JPEGs under $CORPUS/exif-samples/jpg (set CAMROLL_CORPUS)"

DIR="$OUT/thumbnails-$COUNT"
if [[ "$KEEP" == true && -f "$DIR.done" ]]; then
    note "reusing $DIR"
else
    rm -rf "$DIR" "$DIR.done"
    note "making $COUNT camera JPEGs of 4000x3000 under $DIR ..."
    "$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" \
        dev.camroll.bench.ThumbnailBenchmark generate "$DIR" "$COUNT" "${SOURCES[@]}" >&2
    touch "$DIR.done"
fi
warm_page_cache "$DIR"

CAMROLL="" CAMROLL_CPU="" VIPS="" VIPS_CPU="" IMAGEIO="" VIPS_WHICH=""
if wants camroll; then
    note "timing camroll in-process, one thread, best of $RUNS passes after a warm-up pass ..."
    read -r CAMROLL CAMROLL_CPU < <("$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
        -cp "$BENCH_CP" dev.camroll.bench.ThumbnailBenchmark run "$DIR" "$RUNS" grid)
fi
if wants vips; then
    if ! command -v vipsthumbnail >/dev/null 2>&1; then
        note "vipsthumbnail is missing: installing libvips-tools with apt-get ..."
        if [[ $EUID -eq 0 ]]; then
            apt-get install -y -q libvips-tools >&2 || die "apt-get install libvips-tools failed"
        else
            sudo apt-get install -y -q libvips-tools >&2 || die "sudo apt-get install libvips-tools failed"
        fi
    fi
    VIPS_WHICH="$(vips --version 2>/dev/null | head -1)"
    THUMBS="$(mktemp -d)"
    best_of vipsthumbnail "" "VIPS_CONCURRENCY=1 vipsthumbnail --size 256 -o $(q "$THUMBS")/%s.jpg[Q=85] $(q "$DIR")/*.jpg"
    VIPS="$(awk -v n="$COUNT" -v s="$BEST" 'BEGIN { printf "%.2f", n / s }')"
    [[ -n "$CPU" ]] && VIPS_CPU="$(awk -v n="$COUNT" -v s="$CPU" 'BEGIN { printf "%.2f", n / s }')"
    rm -rf "$THUMBS"
fi
if wants imageio; then
    note "timing plain ImageIO once ..."
    IMAGEIO="$("$JAVA" -Djava.awt.headless=true -cp "$BENCH_CP" dev.camroll.bench.ThumbnailBenchmark imageio "$DIR")"
fi

echo "thumbnails: $COUNT camera JPEGs of 4000x3000 (12 MP, quality 92, 4:2:0, EXIF and ICC of real camera files), 256 px JPEG, one thread, warm page cache, $(nproc) cores, load $LOAD"
[[ -n "$CAMROLL" ]] && printf 'camroll        %8.2f files/s, %6.2f per CPU second   (in-process: FFmpeg JPEG decoder with lowres, swscale, JPEG quality 85; best of %d passes)\n' "$CAMROLL" "$CAMROLL_CPU" "$RUNS"
[[ -n "$VIPS" ]] && printf 'vipsthumbnail  %8.2f files/s, %6s per CPU second   (%s, VIPS_CONCURRENCY=1, Q=85, one process for all files; best of %d runs)\n' "$VIPS" "${VIPS_CPU:-?}" "$VIPS_WHICH" "$RUNS"
[[ -n "$IMAGEIO" ]] && printf 'plain ImageIO  %8.2f files/s   (full decode, bilinear scaling, one pass)\n' "$IMAGEIO"
if [[ -n "$CAMROLL" && -n "$VIPS" ]]; then
    awk -v a="$CAMROLL" -v b="$VIPS" 'BEGIN { printf "camroll is %.2fx the vipsthumbnail rate (target: at least 0.8x)\n", a / b }'
    [[ -n "$VIPS_CPU" ]] && awk -v a="$CAMROLL_CPU" -v b="$VIPS_CPU" 'BEGIN { printf "camroll is %.2fx vipsthumbnail per CPU second\n", a / b }'
fi
