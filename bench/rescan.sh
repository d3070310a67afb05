#!/usr/bin/env bash
# Rescan of an unchanged library: a large library of tiny JPEGs is indexed once, then `camroll scan`
# is timed again on the same, unchanged, folder tree (whole process, warm page cache, best of 3,
# hyperfine when installed). Nothing changed, so the time is the walk and the comparison with the
# index. For scale, a `find` that stats every file is timed too.
#
#   bench/rescan.sh [COUNT] [--keep] [--runs N]
#
# COUNT     number of files (default 100000, in 100 folders), generated under bench/out/tiny-COUNT
# --keep    reuse bench/out/tiny-COUNT when a previous run generated it completely
# --runs N  timed runs (default 3); the best one counts
#
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COUNT=100000
KEEP=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --keep) KEEP=true ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        [0-9]*) COUNT="$1" ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
    shift
done
[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive whole number, not '$COUNT'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$RUNS'"

find_java
build_bench

LIB="$OUT/tiny-$COUNT"
DONE="$OUT/tiny-$COUNT.done"
if [[ "$KEEP" == true && -f "$DONE" ]]; then
    note "reusing $LIB"
else
    rm -rf "$LIB" "$DONE"
    mkdir -p "$OUT"
    note "generating $COUNT tiny JPEGs in $LIB ..."
    start="$(date +%s%N)"
    run_generator GenerateTinyLibrary "$LIB" "$COUNT"
    end="$(date +%s%N)"
    awk -v ns="$((end - start))" 'BEGIN { printf "%.1f\n", ns / 1e9 }' >"$DONE"
fi
GENERATED_IN="$(cat "$DONE")"
rm -rf "$LIB/.camroll"
FILES="$(find "$LIB" -type f -iname '*.jpg' | wc -l)"
[[ "$FILES" -eq "$COUNT" ]] || die "$LIB holds $FILES JPEGs, not $COUNT; run again without --keep"
FOLDERS="$(find "$LIB" -mindepth 1 -maxdepth 1 -type d | wc -l)"
warm_page_cache "$LIB"
check_load

best_of "find (stat every file)" "" "find $(q "$LIB") -type f -printf '%s %T@ %p\n' > /dev/null"
FIND="$BEST"

INITIAL="" RESCAN="" RESCAN_CPU=""
if has_camroll; then
    note "first, untimed, Camroll run on a one-file library (builds the launcher if needed) ..."
    WARM="$(mktemp -d)"
    trap 'rm -rf "$WARM"' EXIT
    cp "$(find "$LIB" -type f -iname '*.jpg' | head -n 1)" "$WARM/"
    (cd "$ROOT" && ./camroll scan "$WARM") >/dev/null 2>&1 || die "./camroll scan failed on a one-file library"
    note "initial scan of $LIB ..."
    INITIAL="$(time_once "cd $(q "$ROOT") && ./camroll scan $(q "$LIB")")"
    [[ -f "$LIB/.camroll/index.db" ]] || die "no $LIB/.camroll/index.db after the initial scan"
    best_of "camroll rescan" "" "cd $(q "$ROOT") && ./camroll scan $(q "$LIB")"
    RESCAN="$BEST"
    RESCAN_CPU="$CPU"
fi

echo "rescan of an unchanged library: $COUNT tiny JPEGs in $FOLDERS folders, warm page cache, $(nproc) cores, load $LOAD, best of $RUNS"
echo "library          $LIB (generated in $GENERATED_IN s)"
printf 'find, stat all   %8.2f s\n' "$FIND"
if [[ -n "$RESCAN" ]]; then
    printf 'initial scan     %8.2f s   (one run)\n' "$INITIAL"
    printf 'unchanged rescan %8.2f s   (cpu %s s per run)\n' "$RESCAN" "${RESCAN_CPU:--}"
else
    echo "camroll          not run"
fi
echo "target: unchanged rescan of 100000 files under 3 s"
