#!/bin/sh
# The whole test suite, as `make test` runs it (after building): unit tests, golden tests
# of the command line, the fuzz corpora replayed with a normal build, and the command-line
# tests. Each part ends with "NAME: N passed, N failed"; this script adds them up and ends
# with the total, "N passed, N failed". SLANT_BUILD picks the build directory (make asan
# uses build/asan); SLANT_VALGRIND=1 runs the unit tests, the golden cases and the fuzz
# replays under valgrind.
cd "$(dirname "$0")/.." || exit 2
BUILD="${SLANT_BUILD:-build}"
export SLANT_BUILD="$BUILD"
total_passed=0
total_failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a part and adds up the counts from its last "N passed, N failed" line.
part() {
    "$@" > "$log" 2>&1
    status=$?
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    if [ -z "$line" ]; then
        p=0
        f=1
    elif [ $status -ne 0 ] && [ "$f" = 0 ]; then
        f=1 # a crash or a sanitizer report after the counts
    fi
    if [ "$f" != 0 ]; then
        cat "$log"
    else
        echo "$line"
    fi
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
}

if [ -n "${SLANT_VALGRIND:-}" ]; then
    part valgrind -q --error-exitcode=99 --leak-check=full "$BUILD/unit_tests"
else
    part "$BUILD/unit_tests"
fi
part sh tests/golden/run.sh

replay() {
    n=0
    bad=0
    run=""
    [ -n "${SLANT_VALGRIND:-}" ] && run="valgrind -q --error-exitcode=99 --leak-check=full"
    for bin in "$BUILD"/replay/fuzz_*; do
        [ -x "$bin" ] || continue
        name=$(basename "$bin")
        if SLANT_FUZZ_LEXICON=lexicons/en SLANT_FUZZ_REPLAY=1 \
            $run "$bin" "tests/fuzz/corpus/$name" > /dev/null 2>&1; then
            n=$((n + 1))
        else
            echo "fuzz replay FAIL: $name"
            bad=$((bad + 1))
        fi
    done
    echo "fuzz replay: $n passed, $bad failed"
    # no replay binary is a failure: the corpora would be checked by nothing
    [ $n -gt 0 ] && [ $bad = 0 ]
}
part replay
if [ -x "$BUILD/stats_driver" ] && [ -f tests/stats/check_scipy.py ]; then
    part /usr/bin/python3 tests/stats/check_scipy.py "$BUILD/stats_driver"
fi
if [ -z "${SLANT_VALGRIND:-}" ]; then
    part sh tests/cli/run.sh
    part /usr/bin/python3 tests/cli/index.py "$BUILD"
    part /usr/bin/python3 tests/compare/check_compare.py "$BUILD"
    part /usr/bin/python3 tests/compare/check_strata.py "$BUILD"
    part /usr/bin/python3 tests/compare/check_rows.py "$BUILD"
    part /usr/bin/python3 tests/compare/calibration.py "$BUILD"
    part /usr/bin/python3 tests/events/check_events.py "$BUILD"
    part /usr/bin/python3 tests/compare/keyness_df.py "$BUILD"
    part /usr/bin/python3 tests/compare/check_countmodel.py "$BUILD"
    # Further parts, one directory each, when present: each ends "NAME: N passed, N failed".
    for t in tests/lexicon/run.sh tests/report/run.sh tests/notebooks/run.sh tests/framing/run.sh \
             tests/calibrate/run.sh tests/hostile/run.sh tests/workflow/run.sh tests/batch/run.sh \
             tests/time/run.sh tests/batch/slurm.sh; do
        [ -f "$t" ] && part sh "$t" "$BUILD"
    done
    # The HTML report of 3, 5 and 30 sources in Chromium (Selenium): widths, charts, order.
    [ -f tests/report/browser.py ] && part /usr/bin/python3 tests/report/browser.py "$BUILD"
fi

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" = 0 ]
