#!/bin/sh
# slant calibrate against scikit-learn and an independent DeLong interval, and its
# errors (check_calibrate.py says what). Ends with "calibrate: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-build}"
exec /usr/bin/python3 tests/calibrate/check_calibrate.py "$BUILD"
