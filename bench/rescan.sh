#!/usr/bin/env bash
# Rescan of an unchanged library: a large library of tiny JPEGs is indexed once, then `camroll scan`
# is timed again on the same, unchanged, folder tree (whole process, warm page cache, best of 3,
# hyperfine when installed). Nothing changed, so the time is the walk and the comparison with the
# index. For scale, a `find` that stats every file is timed too, and "engine" is the same scan
# through the embedded API (MediaLibrary.scan) in a plain JVM, without the command line around it.
#
#   bench/rescan.sh [COUNT] [--keep] [--runs N] [--tools camroll,engine]
#
# COUNT     number of files (default 100000, in 100 folders), generated under bench/out/tiny-COUNT
# --keep    reuse bench/out/tiny-COUNT when a previous run generated it completely
# --runs N  timed runs (default 3); the best one counts
# --tools   which of them to time (default both)
#
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_args 100000 "camroll,engine" "$@"

find_java
build_bench

prepare_library tiny GenerateTinyLibrary
FOLDERS="$(find "$LIB" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | wc -l)"
warm_page_cache "$LIB"
check_load

best_of "find (stat every file)" "" "find $(q "$LIB") -type f -printf '%s %T@ %p\n' > /dev/null"
FIND="$BEST"

# measure NAME COMMAND: an initial scan on a fresh index (one run), then the timed rescans.
measure() {
    rm -rf "$LIB/.camroll"
    note "initial $1 scan of $LIB ..."
    INITIAL="$(time_once "$2")"
    [[ -f "$LIB/.camroll/index.db" ]] || die "no $LIB/.camroll/index.db after the initial $1 scan"
    best_of "$1 rescan" "" "$2"
    RESCAN="$BEST"
    rm -rf "$LIB/.camroll"
}
report() { # NAME INITIAL RESCAN CPU WHY_NOT_RUN
    if [[ -n "$3" ]]; then
        printf '%-8s initial scan %8.2f s (one run)   unchanged rescan %6.2f s%s\n' \
            "$1" "$2" "$3" "${4:+   (cpu $4 s per run)}"
    else
        printf '%-8s %s\n' "$1" "${5:-not run}"
    fi
}

CAMROLL_INITIAL="" CAMROLL_RESCAN="" CAMROLL_CPU="" CAMROLL_WHY="not run"
if wants camroll && ! has_camroll; then
    CAMROLL_WHY="$WHY_NOT"
elif wants camroll; then
    note "first, untimed, Camroll run on a one-file library (builds the launcher if needed) ..."
    WARM="$(mktemp -d)"
    trap 'rm -rf "$WARM"' EXIT
    cp "$(find "$LIB" -type f -iname '*.jpg' | head -n 1)" "$WARM/"
    (cd "$ROOT" && ./camroll scan "$WARM") >/dev/null 2>&1 || die "./camroll scan failed on a one-file library"
    measure camroll "cd $(q "$ROOT") && ./camroll scan $(q "$LIB")"
    CAMROLL_INITIAL="$INITIAL" CAMROLL_RESCAN="$RESCAN" CAMROLL_CPU="$CPU"
fi
ENGINE_INITIAL="" ENGINE_RESCAN="" ENGINE_CPU=""
if wants engine; then
    measure engine \
        "\"\$JAVA\" --enable-native-access=ALL-UNNAMED -cp \"\$BENCH_CP\" dev.camroll.bench.ScanLibrary $(q "$LIB")"
    ENGINE_INITIAL="$INITIAL" ENGINE_RESCAN="$RESCAN" ENGINE_CPU="$CPU"
fi

echo "rescan of an unchanged library: $COUNT tiny JPEGs in $FOLDERS folders, warm page cache, $(nproc) cores, load $LOAD, best of $RUNS"
echo "library  $LIB (generated in $GENERATED_IN s)"
printf 'find     stat every file %6.2f s\n' "$FIND"
report camroll "$CAMROLL_INITIAL" "$CAMROLL_RESCAN" "$CAMROLL_CPU" "$CAMROLL_WHY"
report engine "$ENGINE_INITIAL" "$ENGINE_RESCAN" "$ENGINE_CPU"
echo "target: unchanged rescan of 100000 files under 3 s (whole process)"
