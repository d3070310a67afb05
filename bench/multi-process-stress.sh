#!/usr/bin/env bash
# The multi-process stress test for as long as asked: JVMs of the embedded API (some watching),
# camroll commands and camroll watch on one library at once, importing, deleting, restoring,
# moving and copying into albums, scanning and querying, one process SIGKILLed every few seconds;
# then the library must have lost nothing (every photo byte for byte on disk or in the trash with
# one row, every reported id still there, no temporary file, no duplicate). CI runs the same
# tests for 25 s (MultiProcessStressTest in core) and 35 s (CliStressTest in server).
#
#   bench/multi-process-stress.sh [SECONDS] [--seed N] [--only core|cli]
#
# SECONDS     length of each of the two runs (default 300)
# --seed N    repeats a run's choices (files, calls, whom the killer picks), not its timing
# --only X    core: embedded API only (MultiProcessStressTest); cli: with the command line
#             (CliStressTest)
#
# Each test prints its seed and a summary (calls done/failed/unfinished, the errors met, the
# library at the end); a failure lists each problem with the log lines of the ids involved, and
# the logs are kept under core/target/multi-process-stress/SEED or server/target/... .
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_EACH=300
SEED=""
TESTS="MultiProcessStressTest,CliStressTest"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seed) SEED="${2:?--seed needs a number}"; shift ;;
        --only)
            case "${2:-}" in
                core) TESTS="MultiProcessStressTest" ;;
                cli) TESTS="CliStressTest" ;;
                *) die "--only takes core or cli" ;;
            esac
            shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        [0-9]*) SECONDS_EACH="$1" ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
    shift
done
[[ "$SECONDS_EACH" =~ ^[1-9][0-9]*$ ]] || die "SECONDS must be a positive whole number, not '$SECONDS_EACH'"
[[ -z "$SEED" || "$SEED" =~ ^-?[0-9]+$ ]] || die "--seed must be a whole number, not '$SEED'"

find_java
check_load

properties=(-Dcamroll.stress.seconds="$SECONDS_EACH")
[[ -n "$SEED" ]] && properties+=(-Dcamroll.stress.seed="$SEED")
note "multi-process stress: $TESTS, $SECONDS_EACH s each, $(nproc) cores, load $LOAD"
cd "$ROOT"
rm -f core/target/surefire-reports/TEST-*StressTest.xml server/target/surefire-reports/TEST-*StressTest.xml
# A failure of the core test must not keep the command line one from running: failures are
# collected from the reports below instead of stopping the build.
./mvnw -q -B -pl server -am verify -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmaven.test.failure.ignore=true -Dtest="$TESTS" "${properties[@]}" || die "the build failed"
failed=0
for report in core/target/surefire-reports/TEST-*StressTest.xml server/target/surefire-reports/TEST-*StressTest.xml; do
    [[ -f "$report" ]] || continue
    if grep -q '<failure\|<error' "$report"; then
        note "FAILED: $(basename "$report" .xml | sed 's/^TEST-//')"
        failed=1
    fi
done
exit "$failed"
