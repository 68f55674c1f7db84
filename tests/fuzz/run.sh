#!/bin/sh
# Builds the libFuzzer targets tests/fuzz/fuzz_*.c with clang, ASan and UBSan, and runs
# each for FUZZ_SECONDS (default 60) or FUZZ_RUNS executions on a copy of its seed corpus.
# `make fuzz` runs this. Each target's line says its executions and executions per second.
#
#   FUZZ_SECONDS=300 sh tests/fuzz/run.sh              every target, 5 minutes each
#   FUZZ_SECONDS=30 sh tests/fuzz/run.sh fuzz_jsonl     one target
#   FUZZ_RUNS=10000000 sh tests/fuzz/run.sh            every target, 10 million executions
#                                                      (libFuzzer's -runs; no time limit
#                                                      unless FUZZ_SECONDS is set too)
#
# FUZZ_SANITIZE (default address,undefined) chooses the sanitizers: `undefined` alone
# builds at -O2 without ASan, several times faster, for the long runs (their corpus is then
# replayed under ASan: FUZZ_RUNS=0 reruns every saved input once, see README.md).
# FUZZ_TIMEOUT (default 10) is the seconds one input may take before it counts as a
# hang; FUZZ_CFLAGS is added to every compile (for example, to make one known UBSan
# finding recoverable while it is being fixed, see README.md); ASAN_OPTIONS and
# UBSAN_OPTIONS are passed on; CLANG names the compiler (default clang). The targets that
# write scratch files per input (the lexicon, the importers, the spreadsheet reader) put
# them under TMPDIR; when TMPDIR is unset and /dev/shm is writable, it is /dev/shm (in
# memory: those targets run about twice as fast as on a disk).
#
# Everything goes to build/fuzz/: the binaries, the working corpus of each target
# (build/fuzz/corpus/<target>, seeded from tests/fuzz/corpus/<target>; new inputs that
# libFuzzer finds stay there, not in the repository), the log of each run and, for a
# crash, the input that caused it (build/fuzz/artifacts/<target>/crash-*). Exits 1 if any
# target crashed, leaked, timed out or failed a check, or was interrupted (SIGINT: said so,
# not called a crash) before its budget.

set -u

cd "$(dirname "$0")/../.." || exit 2
root=$(pwd)

CLANG=${CLANG:-clang}
runs=${FUZZ_RUNS:-}
case $runs in
'' | *[!0-9]*) [ -z "$runs" ] || { echo "fuzz: FUZZ_RUNS must be a number of executions" >&2; exit 2; } ;;
esac
if [ -n "$runs" ] && [ -z "${FUZZ_SECONDS:-}" ]; then
    limit="-runs=$runs"
    budget="$runs executions"
else
    seconds=${FUZZ_SECONDS:-60}
    limit="-max_total_time=$seconds${runs:+ -runs=$runs}"
    budget="${seconds}s${runs:+ or $runs executions}"
fi
timeout=${FUZZ_TIMEOUT:-10}
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    TMPDIR=/dev/shm
    export TMPDIR
fi
out=build/fuzz

pkgs="gsl libcjson libutf8proc zlib libzstd"
# shellcheck disable=SC2086 # $pkgs is a list
if ! pkg_cflags=$(pkg-config --cflags $pkgs) || ! pkg_libs=$(pkg-config --libs $pkgs); then
    echo "fuzz: pkg-config does not know $pkgs (run 'make setup')" >&2
    exit 2
fi
if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "fuzz: '$CLANG' not found: libFuzzer needs clang (set CLANG=...)" >&2
    exit 2
fi

sanitize=${FUZZ_SANITIZE:-address,undefined}
case $sanitize in
*address*) opt=-O1 ;;
*) opt=-O2 ;;
esac
san="-fsanitize=$sanitize -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-std=c11 -g $opt -D_DEFAULT_SOURCE -Ianalyzer $pkg_cflags $san ${FUZZ_CFLAGS:-}"
libs="-lstemmer $pkg_libs -lm -pthread"

if [ $# -gt 0 ]; then
    targets=$*
else
    targets=
    for f in tests/fuzz/fuzz_*.c; do
        targets="$targets $(basename "$f" .c)"
    done
fi

# The library, compiled once for all targets (instrumented for coverage, not linked with
# libFuzzer's main).
objdir="$out/obj-$(echo "$sanitize" | tr -c 'a-z0-9\n' '-')"
mkdir -p "$objdir" || exit 2
objs=
for src in analyzer/*.c; do
    case $src in analyzer/main.c|analyzer/cli*.c) continue ;; esac
    obj="$objdir/$(basename "$src" .c).o"
    # shellcheck disable=SC2086
    if ! $CLANG $cflags -fsanitize=fuzzer-no-link -c "$src" -o "$obj"; then
        echo "fuzz: cannot compile $src" >&2
        exit 2
    fi
    objs="$objs $obj"
done

failed=0
summary=
for t in $targets; do
    if [ ! -f "tests/fuzz/$t.c" ]; then
        echo "fuzz: no target 'tests/fuzz/$t.c'" >&2
        exit 2
    fi
    # shellcheck disable=SC2086
    if ! $CLANG $cflags -fsanitize=fuzzer "tests/fuzz/$t.c" $objs $libs -o "$out/$t"; then
        echo "fuzz: cannot build $t" >&2
        exit 2
    fi
    mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
    if [ -d "tests/fuzz/corpus/$t" ]; then
        cp tests/fuzz/corpus/"$t"/* "$out/corpus/$t/" 2>/dev/null
    fi
    log="$out/$t.log"
    stamp="$out/artifacts/$t/.started"
    : >"$stamp"
    echo "fuzz: $t for $budget, -fsanitize=$sanitize (log: $log)" >&2
    # shellcheck disable=SC2086 # $limit is one or two options
    SLANT_FUZZ_LEXICON="$root/lexicons/en" \
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
        "./$out/$t" $limit -max_len=65536 -timeout="$timeout" \
        -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" \
        "$out/corpus/$t" >"$log" 2>&1
    status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    inputs=$(find "$out/corpus/$t" -type f | wc -l | tr -d ' ')
    if [ "$status" -eq 0 ]; then
        line="$t: ok, ${execs:-?} executions (${rate:-?}/s), $inputs inputs in $out/corpus/$t"
    elif grep -q '^==[0-9]*== libFuzzer: run interrupted' "$log"; then
        failed=1 # stopped (SIGINT, exit 72) before its budget: no crash, but not done
        line="$t: interrupted after ${execs:-?} executions (${rate:-?}/s), no crash; $inputs inputs in $out/corpus/$t"
    else
        failed=1
        artifact=$(find "$out/artifacts/$t" -type f ! -name .started -newer "$stamp" | head -n 1)
        what=$(grep -m 1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz_[a-z]+: invariant)' "$log")
        line="$t: CRASH (exit $status) after ${execs:-?} executions (${rate:-?}/s): ${what:-see $log}; input: ${artifact:-none}"
    fi
    echo "$line" >&2
    summary="$summary$line
"
done

printf '\nfuzz summary (%s per target, -fsanitize=%s):\n%s' "$budget" "$sanitize" "$summary" >&2
exit $failed
