#!/bin/sh
# Tests of time: the date parser against Python's readers (dates.py), compare --every and
# --split against SciPy and statsmodels with the generator's trend design found
# (check_trend.py), and the report's Over time section against compare (report_time.py).
# Needs BUILD_DIR/slant and BUILD_DIR/time_driver. Usage, from anywhere:
# sh tests/time/run.sh [BUILD_DIR]. Ends with "time: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
passed=0
failed=0
for t in dates.py check_trend.py report_time.py; do
    out=$(/usr/bin/python3 "tests/time/$t" "$BUILD" 2>&1)
    status=$?
    line=$(echo "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    if [ -z "$line" ]; then
        p=0
        f=1
    elif [ $status -ne 0 ] && [ "$f" = 0 ]; then
        f=1
    fi
    [ "$f" != 0 ] && echo "$out"
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "time: $passed passed, $failed failed"
[ "$failed" = 0 ]
