#!/usr/bin/env bash
# HEIC preview speed: 1440 px JPEG previews of 12-megapixel iPhone HEIC photos on one thread,
# Camroll's thumbnailer (in-process: the HEIF demuxer and HEVC decoder of the bundled FFmpeg, the
# 48 tiles of the grid put together, swscale, the Display P3 profile to sRGB, irot) beside
# vipsthumbnail (libvips through Debian's libheif and libde265) making the same size from the
# same files, printed side by side. The files are COUNT copies of the shared corpus's iPhone 13
# Pro Max HEIC (4032 x 3024, 48 tiles of 512 x 512, irot, Display P3) under bench/out/heic-COUNT.
#
#   bench/heic-previews.sh [COUNT] [--keep] [--runs N] [--tools camroll,vips]
#
# COUNT    number of files (default 12)
# --keep   reuse the files of an earlier run
# --runs N timed passes of each tool (default 3); the best counts
#
# vipsthumbnail comes from Debian's libvips-tools (with libheif and its libde265 decoder); when it
# is missing the script installs it with apt-get (as root, or through sudo). It runs with
# VIPS_CONCURRENCY=1, one process for all files, exporting sRGB as Camroll does (libheif may
# still decode tiles on threads of its own: CPU seconds are printed beside wall seconds).
# The corpus is CAMROLL_CORPUS, else shared/corpus beside the repository or beside its folder.
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 12 "camroll,vips" "$@"

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

CAMROLL="" CAMROLL_CPU="" VIPS="" VIPS_CPU="" VIPS_WHICH=""
if wants camroll; then
    note "timing camroll in-process, one thread, best of $RUNS passes after a warm-up pass ..."
    read -r CAMROLL CAMROLL_CPU < <("$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
        -cp "$BENCH_CP" dev.camroll.bench.ThumbnailBenchmark run "$DIR" "$RUNS" preview heic)
fi
if wants vips; then
    # The loaders are listed into a variable first: grep -q ending a pipe early fails it under pipefail.
    LOADERS="$(vips -l 2>/dev/null || true)"
    if ! command -v vipsthumbnail >/dev/null 2>&1 || [[ "$LOADERS" != *heifload* ]]; then
        note "vipsthumbnail with HEIF support is missing: installing libvips-tools and libheif's decoder with apt-get ..."
        packages=(libvips-tools libheif1)
        # Newer Debian splits libheif's decoders into plugins.
        apt-cache show libheif-plugin-libde265 >/dev/null 2>&1 && packages+=(libheif-plugin-libde265)
        if [[ $EUID -eq 0 ]]; then
            apt-get install -y -q "${packages[@]}" >&2 || die "apt-get install ${packages[*]} failed"
        else
            sudo apt-get install -y -q "${packages[@]}" >&2 || die "sudo apt-get install ${packages[*]} failed"
        fi
    fi
    VIPS_WHICH="$(vips --version 2>/dev/null | head -1), libheif $(dpkg-query -W -f '${Version}' libheif1 2>/dev/null || echo '?')"
    PREVIEWS="$(mktemp -d)"
    # When hyperfine is missing, best_of gives no CPU time: /usr/bin/time measures one more run.
    best_of vipsthumbnail "" "VIPS_CONCURRENCY=1 vipsthumbnail --size 1440 --export-profile srgb -o $(q "$PREVIEWS")/%s.jpg[Q=85] $(q "$DIR")/*.heic"
    VIPS="$(awk -v n="$COUNT" -v s="$BEST" 'BEGIN { printf "%.2f", n / s }')"
    if [[ -z "$CPU" && -x /usr/bin/time ]]; then
        CPU="$( { /usr/bin/time -f '%U %S' bash -c "VIPS_CONCURRENCY=1 vipsthumbnail --size 1440 --export-profile srgb -o $(q "$PREVIEWS")/%s.jpg[Q=85] $(q "$DIR")/*.heic" >/dev/null 2>/dev/null; } 2>&1 | tail -1 | awk '{ printf "%.2f", $1 + $2 }')"
    fi
    [[ -n "$CPU" ]] && VIPS_CPU="$(awk -v n="$COUNT" -v s="$CPU" 'BEGIN { printf "%.2f", n / s }')"
    rm -rf "$PREVIEWS"
fi

echo "HEIC previews: $COUNT copies of an iPhone 13 Pro Max HEIC (4032x3024, 12 MP, 48 tiles, irot, Display P3), 1440 px JPEG, one thread, warm page cache, $(nproc) cores, load $LOAD"
[[ -n "$CAMROLL" ]] && printf 'camroll        %8.2f files/s, %6.2f per CPU second   (in-process: FFmpeg HEIF demuxer and HEVC decoder, tiles put together, swscale, sRGB, JPEG quality 85; best of %d passes)\n' "$CAMROLL" "$CAMROLL_CPU" "$RUNS"
[[ -n "$VIPS" ]] && printf 'vipsthumbnail  %8.2f files/s, %6s per CPU second   (%s, VIPS_CONCURRENCY=1, sRGB, Q=85, one process for all files; best of %d runs)\n' "$VIPS" "${VIPS_CPU:-?}" "$VIPS_WHICH" "$RUNS"
if [[ -n "$CAMROLL" && -n "$VIPS" ]]; then
    awk -v a="$CAMROLL" -v b="$VIPS" 'BEGIN { printf "camroll is %.2fx the vipsthumbnail rate (target: at least 0.8x)\n", a / b }'
    [[ -n "$VIPS_CPU" ]] && awk -v a="$CAMROLL_CPU" -v b="$VIPS_CPU" 'BEGIN { printf "camroll is %.2fx vipsthumbnail per CPU second\n", a / b }'
fi
