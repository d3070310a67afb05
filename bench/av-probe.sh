#!/usr/bin/env bash
# Video probing speed: short MP4s probed per second in this process (FFmpeg's libraries through
# the JNI bindings, as a scan reads them: format, size, duration, creation time, location and
# content key) beside the ffprobe executable started once per file, as Camroll used to read them.
# COUNT clips (1 s, 320x240, MPEG-4 and AAC) are generated under bench/out/av-probe-COUNT.
#
#   bench/av-probe.sh [COUNT] [--keep] [--runs N]
#
# COUNT    number of MP4s (default 500)
# --keep   reuse the clips of an earlier run
# --runs N timed passes in-process, and timed ffprobe runs (default 3); best counts
#
# The ffprobe is the bundled one (the org.bytedeco:ffmpeg artifact) when it starts. It needs
# the PulseAudio client library (libpulse0), which a fresh machine lacks; the script then
# downloads libpulse0 and the libraries it needs with apt-get download and unpacks them under
# bench/out/pulse (nothing is installed), or uses an ffprobe on the PATH when there is one.
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 500 "" "$@"

find_java
build_bench
check_load

DIR="$OUT/av-probe-$COUNT"
if [[ "$KEEP" == true && -f "$DIR.done" ]]; then
    note "reusing $DIR"
else
    rm -rf "$DIR" "$DIR.done"
    "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.camroll.bench.AvProbeBenchmark generate "$DIR" "$COUNT" >&2
    touch "$DIR.done"
fi
warm_page_cache "$DIR"

# find_ffprobe: sets FFPROBE (a command) and FFPROBE_WHICH (what it is).
find_ffprobe() {
    local bundled folder
    bundled="$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.camroll.bench.AvProbeBenchmark ffprobe-path 2>/dev/null || true)"
    folder="$(dirname "$bundled")"
    if [[ -x "$bundled" ]] && LD_LIBRARY_PATH="$folder" "$bundled" -version >/dev/null 2>&1; then
        FFPROBE="env LD_LIBRARY_PATH=$(q "$folder") $(q "$bundled")"
        FFPROBE_WHICH="bundled ffprobe"
        return
    fi
    if command -v ffprobe >/dev/null 2>&1 && ffprobe -version >/dev/null 2>&1; then
        FFPROBE="ffprobe"
        FFPROBE_WHICH="ffprobe from the PATH ($(command -v ffprobe))"
        return
    fi
    [[ -x "$bundled" ]] || die "the bundled ffprobe was not found and there is no ffprobe on the PATH"
    local pulse="$OUT/pulse"
    if [[ ! -f "$pulse.done" ]]; then
        note "the bundled ffprobe needs libpulse0: unpacking it and its libraries under $pulse (not installed) ..."
        rm -rf "$pulse" && mkdir -p "$pulse/debs"
        (cd "$pulse/debs" && apt-get download -qq libpulse0 libasyncns0 libsndfile1 libflac12 libmp3lame0 \
            libmpg123-0 libogg0 libopus0 libvorbis0a libvorbisenc2 >&2) \
            || die "apt-get download failed; install ffmpeg (apt-get install ffmpeg) for a system ffprobe"
        for deb in "$pulse"/debs/*.deb; do dpkg -x "$deb" "$pulse/root"; done
        touch "$pulse.done"
    fi
    local libs="$folder:$pulse/root/usr/lib/x86_64-linux-gnu:$pulse/root/usr/lib/x86_64-linux-gnu/pulseaudio"
    LD_LIBRARY_PATH="$libs" "$bundled" -version >/dev/null 2>&1 || die "the bundled ffprobe does not start even with libpulse"
    FFPROBE="env LD_LIBRARY_PATH=$(q "$libs") $(q "$bundled")"
    FFPROBE_WHICH="bundled ffprobe (libpulse0 unpacked under bench/out/pulse)"
}
find_ffprobe

note "probing in-process, best of $RUNS passes ..."
INPROCESS="$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.camroll.bench.AvProbeBenchmark probe "$DIR" "$RUNS")"

best_of "$FFPROBE_WHICH, one process per file" "" \
    "for f in $(q "$DIR")/*.mp4; do $FFPROBE -v error -print_format json -show_format -show_streams \"file:\$f\" >/dev/null || exit 1; done"
FFPROBE_RATE="$(awk -v n="$COUNT" -v s="$BEST" 'BEGIN { printf "%.1f", n / s }')"

echo "video probing: $COUNT short MP4s (1 s, 320x240, MPEG-4 + AAC), warm page cache, $(nproc) cores, load $LOAD, best of $RUNS"
printf 'in-process  %10.1f files/s   (FFmpeg libraries in one JVM, as a scan reads them, one thread)\n' "$INPROCESS"
printf 'ffprobe     %10.1f files/s   (%s, one process per file, one at a time)\n' "$FFPROBE_RATE" "$FFPROBE_WHICH"
awk -v a="$INPROCESS" -v b="$FFPROBE_RATE" 'BEGIN { printf "in-process is %.1fx the ffprobe rate (target: at least 10x)\n", a / b }'
