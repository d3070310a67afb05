# Helpers shared by the benchmark scripts in bench/; sourced, not run.
# Progress and notes go to stderr, results to stdout.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
RUNS=3

note() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Sets JAVA to a Java 25 or newer, found the way the project's other scripts find it.
find_java() {
    # shellcheck source=../scripts/java25.sh
    . "$ROOT/scripts/java25.sh"
    camroll_find_java || exit 1
    export JAVA="$JAVA_HOME/bin/java"
}

# Builds the bench module (and what it depends on) unless its jar is newer than every source.
build_bench() {
    local jar="$ROOT/bench/target/camroll-bench-0.1.0-SNAPSHOT.jar"
    local classpath="$ROOT/bench/target/classpath.txt"
    if [[ ! -f "$jar" || ! -f "$classpath" ]] \
        || [[ -n "$(find "$ROOT/pom.xml" "$ROOT/bench/pom.xml" "$ROOT/bench/src" "$ROOT/core/src" "$ROOT/api/src" \
            -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
        note "building the bench module ..."
        (cd "$ROOT" && ./mvnw -q -B -pl bench -am package dependency:build-classpath -DskipTests \
            -Dmdep.outputFile=target/classpath.txt) >&2 || die "the build of the bench module failed"
        touch "$jar" # Maven leaves an up-to-date jar alone; mark it as checked
    fi
    export BENCH_CP="$jar:$(cat "$classpath")"
}

# Runs a generator class of dev.camroll.bench; its summary line goes to stderr.
run_generator() {
    local class="$1"
    shift
    "$JAVA" -Djava.awt.headless=true -cp "$BENCH_CP" "dev.camroll.bench.$class" "$@" >&2
}

# has_tool NAME PACKAGE: true when NAME is on the PATH, otherwise says what to install (on stderr
# and in WHY_NOT).
has_tool() {
    if command -v "$1" >/dev/null 2>&1; then
        return 0
    fi
    note "$1 is not installed; to include it: apt-get install $2"
    WHY_NOT="not installed (apt-get install $2)"
    return 1
}

# True when ./camroll exists in the repository root, otherwise says so (on stderr and in WHY_NOT).
has_camroll() {
    if [[ -x "$ROOT/camroll" ]]; then
        return 0
    fi
    note "./camroll is not in this checkout yet (it comes with the launcher); skipping Camroll"
    WHY_NOT="no ./camroll in this checkout"
    return 1
}

# Reads every file once so that all tools start from a warm page cache.
warm_page_cache() {
    note "warming the page cache ($1) ..."
    find "$1" -type f -print0 | xargs -0 cat >/dev/null
}

# best_of NAME PREPARE COMMAND: runs COMMAND (a shell command line) $RUNS times, each after
# PREPARE (a shell command line, may be empty), and sets BEST to the shortest wall time in seconds
# and CPU to the mean user + system seconds of a run (empty without hyperfine).
# Uses hyperfine when installed, otherwise date +%s%N.
best_of() {
    local name="$1" prepare="$2" command="$3"
    note "timing $name, best of $RUNS: $command"
    if command -v hyperfine >/dev/null 2>&1; then
        local csv
        csv="$(mktemp)"
        local args=(--runs "$RUNS" --export-csv "$csv" --command-name "$name")
        [[ -n "$prepare" ]] && args+=(--prepare "$prepare")
        hyperfine "${args[@]}" "$command" >&2 || { rm -f "$csv"; die "$name failed: $command"; }
        # Columns: command,mean,stddev,median,user,system,min,max
        BEST="$(awk -F, 'NR == 2 { print $(NF - 1) }' "$csv")"
        CPU="$(awk -F, 'NR == 2 { printf "%.2f", $(NF - 3) + $(NF - 2) }' "$csv")"
        rm -f "$csv"
    else
        local run start end seconds
        BEST=""
        CPU=""
        for ((run = 1; run <= RUNS; run++)); do
            [[ -n "$prepare" ]] && bash -c "$prepare"
            start="$(date +%s%N)"
            bash -c "$command" >/dev/null || die "$name failed: $command"
            end="$(date +%s%N)"
            seconds="$(awk -v ns="$((end - start))" 'BEGIN { printf "%.3f", ns / 1e9 }')"
            note "  run $run: $seconds s"
            if [[ -z "$BEST" ]] || awk -v a="$seconds" -v b="$BEST" 'BEGIN { exit !(a < b) }'; then
                BEST="$seconds"
            fi
        done
    fi
}

# Seconds for one run of a shell command line, measured with date +%s%N.
time_once() {
    local start end
    start="$(date +%s%N)"
    bash -c "$1" >/dev/null || die "failed: $1"
    end="$(date +%s%N)"
    awk -v ns="$((end - start))" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

# The 1-minute load average, and a note when other work is running on the machine.
check_load() {
    local load cores
    load="$(cut -d ' ' -f 1 /proc/loadavg)"
    cores="$(nproc)"
    if awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
        note "note: load average is $load on $cores cores; figures will be lower than on an idle machine"
    fi
    LOAD="$load"
}

# Shell quoting for building command lines.
q() { printf '%q' "$1"; }

# parse_args DEFAULT_COUNT DEFAULT_TOOLS "$@": sets COUNT, KEEP, RUNS and TOOLS from the command
# line shared by the scripts ([COUNT] [--keep] [--runs N] [--tools a,b]); --help prints the
# calling script's header.
parse_args() {
    COUNT="$1"
    TOOLS="$2"
    KEEP=false
    shift 2
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --keep) KEEP=true ;;
            --runs) RUNS="${2:?--runs needs a number}"; shift ;;
            --tools) TOOLS="${2:?--tools needs a list}"; shift ;;
            -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
            [0-9]*) COUNT="$1" ;;
            *) die "unknown argument: $1 (see --help)" ;;
        esac
        shift
    done
    [[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive whole number, not '$COUNT'"
    [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, not '$RUNS'"
}

wants() { [[ ",$TOOLS," == *",$1,"* ]]; }

# prepare_library NAME GENERATOR: sets LIB to bench/out/NAME-COUNT, generated by the generator
# class (or reused with --keep when a previous run finished it), and GENERATED_IN to the seconds
# its generation took. The library's index is removed.
prepare_library() {
    LIB="$OUT/$1-$COUNT"
    local done="$OUT/$1-$COUNT.done"
    if [[ "$KEEP" == true && -f "$done" ]]; then
        note "reusing $LIB"
    else
        rm -rf "$LIB" "$done"
        mkdir -p "$OUT"
        note "generating $COUNT files in $LIB ..."
        local start end
        start="$(date +%s%N)"
        run_generator "$2" "$LIB" "$COUNT"
        end="$(date +%s%N)"
        awk -v ns="$((end - start))" 'BEGIN { printf "%.1f\n", ns / 1e9 }' >"$done"
    fi
    GENERATED_IN="$(cat "$done")"
    rm -rf "$LIB/.camroll"
    local files
    files="$(find "$LIB" -type f -iname '*.jpg' | wc -l)"
    [[ "$files" -eq "$COUNT" ]] || die "$LIB holds $files JPEGs, not $COUNT; run again without --keep"
}
