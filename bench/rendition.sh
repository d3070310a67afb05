#!/usr/bin/env bash
# Rendition speed: how long Camroll takes to turn a 10 s 1080p HEVC video (an iPhone's kind: H.265
# and AAC in MP4, 30 frames a second) into the H.264/AAC MP4 a browser plays, as a served library
# makes it on the first request (in-process, libopenh264, its converter thread at the lowest
# priority using every core), beside Debian's ffmpeg making the same conversion with libx264
# (-preset veryfast) and with libopenh264 when its build has it.
#
#   bench/rendition.sh [SECONDS] [--keep] [--runs N] [--tools camroll,ffmpeg]
#
# SECONDS  length of the clip (default 10)
# --keep   reuse the clip of an earlier run
# --runs N timed runs of each tool (default 3); the best counts
#
# The clip is made with Debian's ffmpeg (libx265: the FFmpeg bundled with Camroll has no HEVC
# encoder); when ffmpeg is missing the script installs it with apt-get (as root, or through sudo).
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 10 "camroll,ffmpeg" "$@"

find_java
build_bench
check_load

if ! command -v ffmpeg >/dev/null 2>&1; then
    note "ffmpeg is missing: installing Debian's ffmpeg with apt-get ..."
    if [[ $EUID -eq 0 ]]; then
        apt-get install -y -q ffmpeg >&2 || die "apt-get install ffmpeg failed"
    else
        sudo apt-get install -y -q ffmpeg >&2 || die "sudo apt-get install ffmpeg failed"
    fi
fi

DIR="$OUT/rendition-$COUNT"
CLIP="$DIR/hevc-1080p-${COUNT}s.mp4"
mkdir -p "$DIR"
if [[ "$KEEP" == true && -f "$CLIP" ]]; then
    note "reusing $CLIP"
else
    note "making a ${COUNT} s 1920x1080 HEVC clip with AAC sound ($CLIP) ..."
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" \
        -t "$COUNT" -c:v libx265 -preset fast -x265-params log-level=error -tag:v hvc1 -pix_fmt yuv420p \
        -c:a aac -b:a 128k "$CLIP" || die "ffmpeg could not make the clip"
fi
warm_page_cache "$DIR"

CAMROLL="" CAMROLL_CPU="" X264="" X264_CPU="" OPENH264="" OPENH264_CPU=""
if wants camroll; then
    note "timing camroll in-process, best of $RUNS runs ..."
    read -r CAMROLL CAMROLL_CPU CAMROLL_BYTES < <("$JAVA" -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
        -cp "$BENCH_CP" dev.camroll.bench.RenditionBenchmark "$CLIP" MP4 "$RUNS" "$DIR")
fi
if wants ffmpeg; then
    OUTFILE="$DIR/ffmpeg-out.mp4"
    best_of "ffmpeg libx264 veryfast" "" "ffmpeg -v error -y -i $(q "$CLIP") -c:v libx264 -preset veryfast -c:a aac -movflags +faststart $(q "$OUTFILE")"
    X264="$BEST" X264_CPU="$CPU"
    if ffmpeg -hide_banner -encoders 2>/dev/null | grep -q libopenh264; then
        best_of "ffmpeg libopenh264" "" "ffmpeg -v error -y -i $(q "$CLIP") -c:v libopenh264 -b:v 6M -c:a aac -movflags +faststart $(q "$OUTFILE")"
        OPENH264="$BEST" OPENH264_CPU="$CPU"
    fi
    rm -f "$OUTFILE"
fi

echo "rendition: a ${COUNT} s 1920x1080 30 fps HEVC clip with AAC sound to an H.264/AAC MP4 (faststart), warm page cache, $(nproc) cores, load $LOAD"
[[ -n "$CAMROLL" ]] && printf 'camroll              %7.2f s wall, %7.2f s CPU, %d bytes   (in-process: FFmpeg 8.1 HEVC decoder, libopenh264, AAC; best of %d runs)\n' "$CAMROLL" "$CAMROLL_CPU" "$CAMROLL_BYTES" "$RUNS"
[[ -n "$X264" ]] && printf 'ffmpeg libx264       %7.2f s wall, %7s s CPU   (%s, -preset veryfast; best of %d runs)\n' "$X264" "${X264_CPU:-?}" "$(ffmpeg -version | head -1 | cut -d ' ' -f 1-3)" "$RUNS"
[[ -n "$OPENH264" ]] && printf 'ffmpeg libopenh264   %7.2f s wall, %7s s CPU   (best of %d runs)\n' "$OPENH264" "${OPENH264_CPU:-?}" "$RUNS"
[[ -n "$CAMROLL" ]] && awk -v s="$CAMROLL" -v n="$COUNT" 'BEGIN { printf "camroll converts at %.2fx real time\n", n / s }'
exit 0
