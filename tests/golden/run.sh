#!/bin/sh
# Golden tests of the slant command line. Each case is a directory tests/golden/CASE with:
#   cmd      one shell command line, run from the repository root with $SLANT set to
#            the binary under test and $TMPDIR_GOLDEN to an empty private directory
#            (stdin is /dev/null unless the command pipes)
#   out      the expected standard output
#   err      the expected standard error
#   status   the expected exit status
#   valgrind-status-only   (optional) under valgrind (SLANT_VALGRIND=1), compare only err
#            and status: valgrind's floating point can change the last printed digit of
#            a statistic, or the order of findings whose effects tie; the file says why
# Usage: tests/golden/run.sh [--update]   (--update rewrites out, err and status; review
# the diff like code). Ends with "golden: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
SLANT="${SLANT_BUILD:-build}/slant"
export SLANT
[ -n "${SLANT_VALGRIND:-}" ] && SLANT="valgrind -q --error-exitcode=99 --leak-check=full $SLANT"
update=0
[ "${1:-}" = "--update" ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=golden
. tests/tally.sh
for dir in tests/golden/*/; do
    case=$(basename "$dir")
    [ -f "$dir/cmd" ] || continue
    TMPDIR_GOLDEN="$tmp/case"
    export TMPDIR_GOLDEN
    rm -rf "$TMPDIR_GOLDEN" && mkdir "$TMPDIR_GOLDEN"
    sh -c "$(cat "$dir/cmd")" > "$tmp/out" 2> "$tmp/err" < /dev/null
    echo $? > "$tmp/status"
    if [ $update = 1 ]; then
        cp "$tmp/out" "$dir/out"
        cp "$tmp/err" "$dir/err"
        cp "$tmp/status" "$dir/status"
        passed=$((passed + 1))
        continue
    fi
    ok=1
    parts="out err status"
    [ -n "${SLANT_VALGRIND:-}" ] && [ -f "$dir/valgrind-status-only" ] && parts="err status"
    for part in $parts; do
        if ! cmp -s "$tmp/$part" "$dir/$part"; then
            ok=0
            echo "golden $case: $part differs:"
            diff "$dir/$part" "$tmp/$part" | head -20
        fi
    done
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
finish
