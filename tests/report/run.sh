#!/bin/sh
# Tests of 'slant report' (tests/report/check_report.py says what they check): the three
# formats on the synthetic corpus against 'slant compare --format json', the HTML page in
# a parser and in a real browser (Chromium headless: its DOM, and screenshots at 1280 and
# 390 pixels wide saved as BUILD_DIR/report/report.png and report-phone.png).
# Usage, from anywhere: sh tests/report/run.sh [BUILD_DIR]. Ends with
# "report: N passed, N failed"; exits 1 when a test failed.
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
/usr/bin/python3 tests/report/check_report.py "$BUILD" > "$log" 2>&1
status=$?
last=$(tail -n 1 "$log")
case "$last" in
report:*passed,*failed)
    cat "$log"
    ;;
*)
    # the checker stopped before counting: show why, and count it as a failure
    cat "$log"
    echo "report FAIL: tests/report/check_report.py ended with status $status"
    echo "report: 0 passed, 1 failed"
    exit 1
    ;;
esac
[ "$status" = 0 ] || exit 1
exit 0
