# The tally every shell test script of slant keeps, sourced (". tests/tally.sh") from the
# repository root after the script sets SUITE. `check NAME CMD...` counts CMD's success;
# `ok` and `fail WHAT` count directly; `finish` prints "SUITE: N passed, N failed" (the line
# tests/run.sh adds up) and returns 1 if anything failed.
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "$SUITE FAIL: $*"; }
check() { check_name=$1; shift; if "$@"; then ok; else fail "$check_name"; fi; }
finish() { echo "$SUITE: $passed passed, $failed failed"; [ "$failed" = 0 ]; }
