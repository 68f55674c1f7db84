#!/bin/sh
# The threaded paths under ThreadSanitizer (make tsan builds build/tsan and runs this):
# the score pipeline (reader, N workers, the writer) and compare's threads, with several
# thread counts, sharded and compressed too; every run must give the output of -j 1 and
# no report (TSAN_OPTIONS halt_on_error: a report is a failure). Ends with
# "tsan: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-build/tsan}"
SLANT="$BUILD/slant"
CORPUS=corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=tsan
. tests/tally.sh
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"

run() { # run NAME OUT CMD...: CMD exits 0 with no report, its stdout in OUT
    name=$1 out=$2
    shift 2
    if "$@" > "$out" 2> "$tmp/err"; then ok; else fail "$name (exit $?): $(head -c 600 "$tmp/err")"; fi
}

run "score -j 1" "$tmp/s1" "$SLANT" score -q -j 1 --evidence "$CORPUS"
for j in 2 3 4 8; do
    run "score -j $j" "$tmp/s$j" "$SLANT" score -q -j $j --evidence "$CORPUS"
    check "score -j $j = -j 1" cmp -s "$tmp/s$j" "$tmp/s1"
done
run "score --sentences -j 3" "$tmp/sent" "$SLANT" score -q -j 3 --sentences "$CORPUS"
run "score --shard 2/3 -j 3 -o .gz" "$tmp/none" "$SLANT" score -q -j 3 --shard 2/3 -o "$tmp/s.jsonl.gz" "$CORPUS"
run "compare -j 1" "$tmp/c1" "$SLANT" compare -q -j 1 -f json "$CORPUS"
for j in 2 3; do
    run "compare -j $j" "$tmp/c$j" "$SLANT" compare -q -j $j -f json "$CORPUS"
    check "compare -j $j = -j 1" cmp -s "$tmp/c$j" "$tmp/c1"
done
run "compare of score records -j 1" "$tmp/r1" "$SLANT" compare -q -j 1 -f json "$tmp/s1"
run "compare of score records -j 3 (parsed on threads)" "$tmp/r3" "$SLANT" compare -q -j 3 -f json "$tmp/s1"
check "compare of score records -j 3 = -j 1" cmp -s "$tmp/r3" "$tmp/r1"
run "compare --permutations -j 3" "$tmp/cp" "$SLANT" compare -q -j 3 --permutations 200 -f json "$CORPUS"
run "compare --partial --shard 1/2 -j 2" "$tmp/cpart" "$SLANT" compare -q -j 2 --partial --shard 1/2 "$CORPUS"
finish
