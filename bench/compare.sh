#!/usr/bin/env bash
# bench/compare.sh: times `slant compare` alone on synthetic score records; `make bench`
# runs it after bench/run.sh.
#
# For each size (default 100,000, 300,000 and 1,000,000 records) it makes
# build/bench/records-N-compact.jsonl with bench/gen_records.py --compact, in the shape of
# `slant score --compact` that the issue's target names (records-N.jsonl, the full shape,
# with BENCH_COMPARE_COMPACT=0), unless it exists, is newer than the generator and was
# made with the same parameters, then times, under GNU time,
#
#   slant compare -q -j J --min-n 300 --max-pairs 400 -f json RECORDS > /dev/null
#
# (27 groups, so all 351 pairs, 26 indicators with the shipped lexicon: the research
# job of issue 11 without keyness). It prints seconds, peak RSS and the growth exponent
# log(t_max / t_min) / log(max / min records), with PASS/MISS against the targets, and
# writes the same as Markdown to build/bench/compare.md.
#
# Environment:
#   BENCH_COMPARE_SIZES    record counts, smallest first; default "100000 300000 1000000"
#   BENCH_COMPARE_J        -j of compare; default 2
#   BENCH_COMPARE_SLANT    the slant binary, or several separated by spaces (each size is
#                          then timed with each of them in turn: interleaved, for a
#                          before/after comparison); default build/slant
#   BENCH_COMPARE_TIMEOUT  seconds after which a run is stopped and reported as such;
#                          default 0 (none)
#   BENCH_SEED             seed of the records; default 1
#   BENCH_LEXICON          the lexicon whose categories the records carry; lexicons/en
#   BENCH_COMPARE_COMPACT  1 (default): compact records (score --compact); 0: full records
#
# Exit status: 0 when every run finished (whatever the targets say), 1 otherwise.

set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=/usr/bin/python3
GNU_TIME=/usr/bin/time
SIZES=${BENCH_COMPARE_SIZES:-100000 300000 1000000}
J=${BENCH_COMPARE_J:-2}
read -r -a SLANTS <<< "${BENCH_COMPARE_SLANT:-build/slant}"
TIMEOUT=${BENCH_COMPARE_TIMEOUT:-0}
SEED=${BENCH_SEED:-1}
LEX=${BENCH_LEXICON:-lexicons/en}
COMPACT=${BENCH_COMPARE_COMPACT:-1}
OUT=build/bench
case $COMPACT in
1) SHAPE=-compact GEN_FLAGS=(--compact) SHAPE_NAME=compact ;;
0) SHAPE= GEN_FLAGS=() SHAPE_NAME=full ;;
*) printf 'bench compare: BENCH_COMPARE_COMPACT must be 0 or 1\n' >&2; exit 1 ;;
esac

# Targets (from issue 11), at 1,000,000 records.
TARGET_SECONDS=30
TARGET_RSS_MB=1000
TARGET_EXPONENT=1.1

die() { printf 'bench compare: %s\n' "$*" >&2; exit 1; }
note() { printf 'bench compare: %s\n' "$*" >&2; }

for s in "${SLANTS[@]}"; do
    [[ -x $s ]] || die "'$s' not found: run 'make' first"
done
[[ -x $GNU_TIME ]] || die "GNU time ($GNU_TIME) is missing: apt-get install time"
$PY -c 'import numpy' 2>/dev/null || die "numpy is missing: apt-get install python3-numpy"
[[ $TIMEOUT =~ ^[0-9]+$ ]] || die "BENCH_COMPARE_TIMEOUT must be a number of seconds"
mkdir -p "$OUT"

# --- the records --------------------------------------------------------------------------

records_for() {
    local n=$1 file=$OUT/records-$1$SHAPE.jsonl params
    params="records=$n seed=$SEED lexicon=$LEX shape=$SHAPE_NAME"
    if [[ -f $file && -f $file.params && ! bench/gen_records.py -nt $file ]] &&
       [[ $(<"$file.params") == "$params" ]]; then
        note "records: reusing $file"
    else
        note "records: generating $file ($params) ..."
        rm -f "$file.params"
        $PY bench/gen_records.py --records "$n" --seed "$SEED" --lexicon "$LEX" \
            "${GEN_FLAGS[@]}" "$file.tmp" ||
            die "record generation failed"
        mv "$file.tmp" "$file"
        printf '%s\n' "$params" > "$file.params"
    fi
}

# --- timing -------------------------------------------------------------------------------

declare -A WALL RSS STATUS BYTES
for n in $SIZES; do
    records_for "$n"
    file=$OUT/records-$n$SHAPE.jsonl
    BYTES[$n]=$(wc -c < "$file")
    cat "$file" > /dev/null # from the page cache, as every run
    for slant in "${SLANTS[@]}"; do
        key="$slant|$n"
        note "timing $slant compare on $n $SHAPE_NAME records (-j $J)"
        cmd=("$slant" compare -q -j "$J" --min-n 300 --max-pairs 400 -f json "$file")
        (( TIMEOUT > 0 )) && cmd=(timeout "$TIMEOUT" "${cmd[@]}")
        status=0
        t0=$EPOCHREALTIME
        $GNU_TIME -f '%e %M' -o "$OUT/time.txt" "${cmd[@]}" > /dev/null 2> "$OUT/stderr.txt" ||
            status=$?
        t1=$EPOCHREALTIME
        line=$(tail -n 1 "$OUT/time.txt")
        WALL[$key]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
        RSS[$key]=$(awk -v k="${line#* }" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
        if (( status == 124 )); then
            STATUS[$key]="stopped after $TIMEOUT s"
        elif (( status != 0 )); then
            STATUS[$key]="failed (exit $status)"
            sed 's/^/    /' "$OUT/stderr.txt" | tail -n 5 >&2
        else
            STATUS[$key]=ok
        fi
        note "  ${WALL[$key]} s, peak RSS ${RSS[$key]} MB, ${STATUS[$key]}"
    done
done
rm -f "$OUT/time.txt" "$OUT/stderr.txt"

# --- report -------------------------------------------------------------------------------

read -r -a sizes <<< "$SIZES"
lo=${sizes[0]}
hi=${sizes[${#sizes[@]} - 1]}
verdict() { # VALUE OP TARGET
    if [[ $1 == n/a ]]; then printf 'MISS (not run)'
    elif awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { exit !(op == "<=" ? v <= t : v < t) }'
    then printf PASS
    else printf MISS
    fi
}

when=$(date -u '+%Y-%m-%d %H:%M UTC')
rev=$(git rev-parse --short HEAD 2>/dev/null || echo 'no commit')
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
{
    printf '## compare alone\n\n'
    # shellcheck disable=SC2016 # the backquotes are Markdown
    printf 'Command: `bash bench/compare.sh`, timing `SLANT compare -q -j %s --min-n 300 --max-pairs 400 -f json RECORDS` (27 groups, 351 pairs), %s records, commit %s, %s, on %s, %s cores, one run each.\n\n' \
        "$J" "$SHAPE_NAME" "$rev" "$when" "${cpu:-unknown cpu}" "$(nproc)"
    printf '| slant | records | MB | seconds | peak RSS (MB) | run |\n|---|---:|---:|---:|---:|---|\n'
    for n in "${sizes[@]}"; do
        for slant in "${SLANTS[@]}"; do
            key="$slant|$n"
            printf '| %s | %s | %s | %s | %s | %s |\n' "$slant" "$n" \
                "$(awk -v b="${BYTES[$n]}" 'BEGIN { printf "%.0f", b / 1e6 }')" \
                "${WALL[$key]}" "${RSS[$key]}" "${STATUS[$key]}"
        done
    done
    printf '\n| slant | target | value | limit | result |\n|---|---|---:|---|---|\n'
    for slant in "${SLANTS[@]}"; do
        exponent=n/a
        if [[ ${STATUS[$slant|$lo]} == ok && ${STATUS[$slant|$hi]} == ok && $lo != "$hi" ]]; then
            exponent=$(awk -v a="${WALL[$slant|$lo]}" -v b="${WALL[$slant|$hi]}" -v m="$lo" \
                -v n="$hi" 'BEGIN { printf "%.2f", log(b / a) / log(n / m) }')
        fi
        big=n/a
        big_rss=n/a
        if [[ $hi == 1000000 && ${STATUS[$slant|$hi]} == ok ]]; then
            big=${WALL[$slant|$hi]}
            big_rss=${RSS[$slant|$hi]}
        fi
        printf '| %s | seconds on 1,000,000 records | %s | at most %s | %s |\n' "$slant" "$big" \
            "$TARGET_SECONDS" "$(verdict "$big" "<=" "$TARGET_SECONDS")"
        printf '| %s | peak RSS on 1,000,000 records (MB) | %s | below %s | %s |\n' "$slant" \
            "$big_rss" "$TARGET_RSS_MB" "$(verdict "$big_rss" "<" "$TARGET_RSS_MB")"
        printf '| %s | growth exponent, %s to %s records | %s | at most %s | %s |\n' "$slant" \
            "$lo" "$hi" "$exponent" "$TARGET_EXPONENT" "$(verdict "$exponent" "<=" "$TARGET_EXPONENT")"
    done
} > "$OUT/compare.md"
printf '\n'
cat "$OUT/compare.md"
printf '\nMarkdown: %s/compare.md\n' "$OUT"

for key in "${!STATUS[@]}"; do
    [[ ${STATUS[$key]} == ok ]] || exit 1
done
exit 0
