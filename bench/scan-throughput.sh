#!/usr/bin/env bash
# Scan throughput: how many camera JPEGs per second a whole `camroll scan` process indexes, next to
# exiftool and exiv2 reading the same files. The JPEGs carry the metadata segments of real camera
# files (EXIF with maker notes, XMP, ICC; see bench/src/main/resources/camera-segments/NOTICE.md)
# on small generated pictures. Each tool is timed as whole processes on a warm page
# cache, best of 3 runs (hyperfine when installed). "engine" is the same scan through the embedded
# API (MediaLibrary.scan) in a plain JVM, without the command line around it.
#
#   bench/scan-throughput.sh [COUNT] [--keep] [--runs N] [--tools camroll,engine,exiftool,exiv2]
#
# COUNT     number of JPEGs (default 20000), generated under bench/out/jpeg-COUNT
# --keep    reuse bench/out/jpeg-COUNT when a previous run generated it completely
# --runs N  timed runs per tool (default 3); the best one counts
# --tools   which of them to time (default all)
#
# Results go to stdout, progress to stderr. Camroll runs on every core; exiftool is one process on
# one core; exiv2 runs on every core too: xargs -P starts one process per core at a time, each
# given EXIV2_BATCH files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 20000 "camroll,engine,exiftool,exiv2" "$@"

find_java
build_bench

prepare_library jpeg GenerateJpegLibrary
MEGABYTES="$(du -sm "$LIB" | cut -f 1)"
FOLDERS="$(find "$LIB" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | wc -l)"
warm_page_cache "$LIB"
check_load

EXIV2_PROCESSES="-"
CAMROLL="" ENGINE="" EXIFTOOL="" EXIV2=""
CAMROLL_CPU="" ENGINE_CPU="" EXIFTOOL_CPU="" EXIV2_CPU=""
CAMROLL_WHY="not run" ENGINE_WHY="not run" EXIFTOOL_WHY="not run" EXIV2_WHY="not run"
if wants camroll && ! has_camroll; then
    CAMROLL_WHY="$WHY_NOT"
elif wants camroll; then
    # The launcher builds on first use: one untimed scan of a small library first.
    note "first, untimed, Camroll run (builds the launcher if needed) ..."
    WARM="$(mktemp -d)"
    trap 'rm -rf "$WARM"' EXIT
    cp "$(find "$LIB" -type f -iname '*.jpg' | head -n 1)" "$WARM/"
    (cd "$ROOT" && ./camroll scan "$WARM") >/dev/null 2>&1 || die "./camroll scan failed on a one-file library"
    best_of camroll "rm -rf $(q "$LIB/.camroll")" "cd $(q "$ROOT") && ./camroll scan $(q "$LIB")"
    CAMROLL="$BEST"
    CAMROLL_CPU="$CPU"
    [[ -f "$LIB/.camroll/index.db" ]] || note "warning: no $LIB/.camroll/index.db after the Camroll runs"
    rm -rf "$LIB/.camroll"
fi
if wants engine; then
    best_of engine "rm -rf $(q "$LIB/.camroll")" \
        "\"\$JAVA\" --enable-native-access=ALL-UNNAMED -cp \"\$BENCH_CP\" dev.camroll.bench.ScanLibrary $(q "$LIB")"
    ENGINE="$BEST"
    ENGINE_CPU="$CPU"
    rm -rf "$LIB/.camroll"
fi
if wants exiftool && ! has_tool exiftool libimage-exiftool-perl; then
    EXIFTOOL_WHY="$WHY_NOT"
elif wants exiftool; then
    best_of exiftool "" "exiftool -fast -json -r $(q "$LIB") > /dev/null"
    EXIFTOOL="$BEST"
    EXIFTOOL_CPU="$CPU"
fi
if wants exiv2 && ! has_tool exiv2 exiv2; then
    EXIV2_WHY="$WHY_NOT"
elif wants exiv2; then
    EXIV2_BATCH=500
    # exiv2 exits 253 when a file has no metadata it knows and 1 on warnings: only what it prints counts.
    best_of exiv2 "" "find $(q "$LIB") -type f -iname '*.jpg' -print0 \
        | xargs -0 -P $(nproc) -n $EXIV2_BATCH sh -c 'exiv2 -pa \"\$@\" > /dev/null 2>&1; true' exiv2"
    EXIV2="$BEST"
    EXIV2_PROCESSES="$(((COUNT + EXIV2_BATCH - 1) / EXIV2_BATCH))"
    EXIV2_CPU="$CPU"
fi

rate() { awk -v n="$COUNT" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
line() { # NAME SECONDS CPU_SECONDS WHY_NOT_RUN
    if [[ -n "$2" ]]; then
        printf '%-10s %9.2f s %8s files/s%s\n' "$1" "$2" "$(rate "$2")" "${3:+   (cpu $3 s per run)}"
    else
        printf '%-10s %s\n' "$1" "$4"
    fi
}
echo "scan throughput: $COUNT JPEGs ($MEGABYTES MB, $FOLDERS folders), warm page cache, $(nproc) cores, load $LOAD, best of $RUNS"
echo "library    $LIB (generated in $GENERATED_IN s)"
line camroll "$CAMROLL" "$CAMROLL_CPU" "$CAMROLL_WHY"
line engine "$ENGINE" "$ENGINE_CPU" "$ENGINE_WHY"
line exiftool "$EXIFTOOL" "$EXIFTOOL_CPU" "$EXIFTOOL_WHY"
line exiv2 "$EXIV2" "$EXIV2_CPU" "$EXIV2_WHY"
ratio() { # NAME SECONDS OTHER_NAME OTHER_SECONDS
    if [[ -n "$2" && -n "$4" ]]; then
        awk -v n="$1/$3" -v a="$2" -v b="$4" 'BEGIN { printf "%-17s %6.1fx\n", n, b / a }'
    fi
}
ratio camroll "$CAMROLL" exiftool "$EXIFTOOL"
ratio camroll "$CAMROLL" exiv2 "$EXIV2"
ratio engine "$ENGINE" exiftool "$EXIFTOOL"
ratio engine "$ENGINE" exiv2 "$EXIV2"
# On a machine others use, the CPU each one spent says more than the wall time.
ratio "camroll cpu" "$CAMROLL_CPU" "exiv2 cpu" "$EXIV2_CPU"
echo "exiftool runs as one process on one core; exiv2 as $EXIV2_PROCESSES processes, $(nproc) at a time (xargs -P $(nproc))"
echo "target: camroll >= 1.5x exiv2 (both on every core)"
