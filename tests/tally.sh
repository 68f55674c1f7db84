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

# The checks the scripts that run slant share. They write to "$tmp" (the script's temporary
# folder) and run commands through `limited` (the script's time limit), both set first.
# `status N CMD...`: CMD exits with status N (stdout and stderr kept in $tmp/out, $tmp/err).
status() {
    want=$1
    shift
    limited "$@" > "$tmp/out" 2> "$tmp/err"
    got=$?
    [ "$got" = "$want" ] || { echo "  (exit $got, wanted $want: $(head -c 300 "$tmp/err"))"; return 1; }
}
# `has TEXT FILE`: FILE holds TEXT (a grep pattern).
has() { grep -q -- "$1" "$2" || { echo "  ('$1' not in $2: $(head -c 300 "$2"))"; return 1; }; }
