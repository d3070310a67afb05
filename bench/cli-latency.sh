#!/usr/bin/env bash
# Latency of a query from the command line: `./camroll assets LIBRARY --json` (the whole process:
# JVM start, opening the index, the first page and its total count, JSON on stdout) on a library of
# COUNT tiny JPEGs, beside `sqlite3` running the same two statements on the same index file with JSON
# output (the floor: a process that only opens the file and runs the SQL). Each is run RUNS times
# after two warm-up runs; the medians are printed side by side.
#
#   bench/cli-latency.sh [COUNT] [--keep] [--runs N]
#
# COUNT     number of files (default 10000, in 100 folders), generated under bench/out/tiny-COUNT
# --keep    reuse bench/out/tiny-COUNT (and its index) when a previous run made them completely
# --runs N  timed runs of each (default 21)
#
# Results go to stdout, progress to stderr.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=21
parse_args 10000 "camroll,sqlite3" "$@"

find_java
has_tool sqlite3 sqlite3 || die "sqlite3 is the floor this benchmark compares with"
has_camroll || die "$WHY_NOT"
build_bench
prepare_library tiny GenerateTinyLibrary
note "indexing $LIB with ./camroll scan ..."
(cd "$ROOT" && ./camroll scan "$LIB") >/dev/null
INDEX="$LIB/.camroll/index.db"
[[ -f $INDEX ]] || die "no $INDEX after the scan"
check_load

# The statements getAssets runs for the command's defaults (photos, newest first, 20 assets and
# one more to know whether a next page exists, and the total count from the per-folder counters).
COLUMNS="id, public_id, album_id, filename, media_type, format, subtypes, width, height, orientation,\
 creation_time, modification_time, duration, file_size, latitude, longitude, camera_make, camera_model,\
 is_favorite, warnings"
SQL="SELECT $COLUMNS FROM assets WHERE media_type = 1 ORDER BY creation_time DESC, id DESC LIMIT 21;
SELECT COALESCE(SUM(n), 0) FROM asset_counts WHERE media_type IN (1);"

# median_ms COMMAND...: runs the command twice untimed, then RUNS times; sets WALL_MS and CPU_MS to
# the medians of its wall time and of its CPU time (user + system, with GNU time when installed: on
# a busy machine the wall time mostly measures the other processes).
median_ms() {
    local walls=() cpus=() run start end used
    "$@" >/dev/null
    "$@" >/dev/null
    for ((run = 0; run < RUNS; run++)); do
        used="$(mktemp)"
        start="$(date +%s%N)"
        if [[ -x /usr/bin/time ]]; then
            /usr/bin/time -f '%U %S' -o "$used" "$@" >/dev/null
        else
            "$@" >/dev/null
        fi
        end="$(date +%s%N)"
        walls+=("$(((end - start) / 1000))")
        [[ -s $used ]] && cpus+=("$(awk '{ printf "%d", ($1 + $2) * 1000000 }' "$used")")
        rm -f "$used"
    done
    WALL_MS="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.0f", t[int((NR + 1) / 2)] / 1000 }')"
    CPU_MS="-"
    if [[ ${#cpus[@]} -gt 0 ]]; then
        CPU_MS="$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.0f", t[int((NR + 1) / 2)] / 1000 }')"
    fi
}

camroll_assets() { (cd "$ROOT" && ./camroll assets "$LIB" --json); }
sqlite_assets() { sqlite3 -readonly -json "$INDEX" "$SQL"; }

[[ "$(camroll_assets | grep -c '"id"')" -ge 20 ]] || die "./camroll assets printed fewer than 20 assets"
note "timing ./camroll assets $LIB --json and sqlite3 on $INDEX, $RUNS runs each ..."
# Functions run in this shell: GNU time needs a program, so each is run through bash.
export -f camroll_assets sqlite_assets
export ROOT LIB INDEX SQL
median_ms bash -c camroll_assets
CAMROLL_WALL="$WALL_MS" CAMROLL_CPU="$CPU_MS"
median_ms bash -c sqlite_assets
SQLITE_WALL="$WALL_MS" SQLITE_CPU="$CPU_MS"

printf 'library: %s files (%s)\n' "$COUNT" "$LIB"
printf '%-38s median %5s ms   (cpu %s ms)\n' "./camroll assets LIBRARY --json" "$CAMROLL_WALL" "$CAMROLL_CPU"
printf '%-38s median %5s ms   (cpu %s ms)\n' "sqlite3 (same statements, the floor)" "$SQLITE_WALL" "$SQLITE_CPU"
printf 'load average %s on %s cores\n' "$LOAD" "$(nproc)"
