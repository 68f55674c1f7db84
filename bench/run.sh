#!/usr/bin/env bash
# bench/run.sh: the one-run throughput benchmark behind `make bench`.
#
# Run from anywhere (it moves to the repository root); `make bench` runs
# `make all` first, so build/slant exists. Steps:
#
#   1. build the tokenize-only floor (bench/floor.c) into build/bench/floor
#   2. generate build/bench/corpus.jsonl with bench/gen_corpus.py, unless it
#      exists, is newer than the generator and was made with the same size
#      and seed (recorded in build/bench/corpus.params)
#   3. time, on that one corpus: the floor, `slant score -j 1`, `slant score
#      -j 2` (each BENCH_RUNS times, median wall time) and the Python/NLTK
#      peer (BENCH_PEER_RUNS times); then the whole research job: slant's
#      `compare ARTICLES` (score and compare in one process), the same job in
#      two steps (score records to a file, compare them; information), and
#      the Python peer's job (BENCH_PEER_RUNS times); every run under GNU time for the peak RSS
#   4. check slant's output: one record per article, and -j 1 and -j 2
#      byte-identical (untimed runs)
#   5. print the table and the ratios with PASS/MISS against the targets,
#      and write the same as Markdown to build/bench/results.md
#
# Environment:
#   BENCH_MB       corpus size in MB (10^6 bytes); default 110
#   BENCH_SEED     corpus seed; default 1
#   BENCH_RUNS     timed runs of each slant configuration and the floor; default 3
#   BENCH_PEER_RUNS  timed runs of each Python peer (the median is taken, as for slant:
#                  one run of the peer varied from 20 to 26 s on the 2-core machine);
#                  default 3
#   BENCH_LEXICON  lexicon directory; default lexicons/en
#   BENCH_SLANT    the slant binary; default build/slant
#   BENCH_STRICT   when 1, exit 1 if a target is missed or not run
#
# Exit status: 0 when the benchmark ran (whatever the targets say, unless
# BENCH_STRICT=1), 1 when a prerequisite is missing, a tool failed or
# slant's output check failed.

set -euo pipefail
export LC_ALL=C

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=/usr/bin/python3
GNU_TIME=/usr/bin/time
MB=${BENCH_MB:-110}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-3}
PEER_RUNS=${BENCH_PEER_RUNS:-3}
LEX=${BENCH_LEXICON:-lexicons/en}
SLANT=${BENCH_SLANT:-build/slant}
STRICT=${BENCH_STRICT:-0}
OUT=build/bench
CORPUS=$OUT/corpus.jsonl
FLOOR=$OUT/floor

# Targets (from the issue).
TARGET_PEER=25      # slant -j 2 throughput / peer throughput, at least
TARGET_JOB=12       # the whole job (score + compare) at -j 2 / the peer's whole job, at least
JOB_MIN_N=${BENCH_JOB_MIN_N:-300}   # the job compares the groups of at least this many articles
TARGET_SCALE=1.7    # slant -j 2 throughput / slant -j 1 throughput, at least
TARGET_RSS_MB=64    # peak RSS of every slant run, below (MB = 10^6 bytes)

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
note() { printf 'bench: %s\n' "$*" >&2; }

# --- prerequisites ----------------------------------------------------------

if ! [[ $MB =~ ^[0-9]+([.][0-9]+)?$ ]] || ! awk -v m="$MB" 'BEGIN { exit !(m > 0) }'; then
    die "BENCH_MB must be a positive number, not '$MB'"
fi
[[ $SEED =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a whole number, not '$SEED'"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive whole number, not '$RUNS'"

if ! [[ -x $GNU_TIME ]] || ! $GNU_TIME -f '%e %M' -o /dev/null true 2>/dev/null; then
    die "GNU time is missing at $GNU_TIME: install it with 'apt-get install time'"
fi
[[ -x $PY ]] || die "$PY is missing: install it with 'apt-get install python3'"
$PY -c 'import nltk.stem.snowball' 2>/dev/null ||
    die "NLTK is missing for $PY: install it with 'apt-get install python3-nltk'"
command -v cc >/dev/null || die "no C compiler 'cc': install it with 'apt-get install gcc'"
[[ -f $LEX/lexicon.json ]] || die "no lexicon at '$LEX' (expected '$LEX/lexicon.json')"

# Wall time: bash's microsecond clock; GNU time's %e has 10 ms steps only.
have_clock=0
[[ -n ${EPOCHREALTIME:-} ]] && have_clock=1

mkdir -p "$OUT"

# --- 1. the floor -----------------------------------------------------------

cc -std=c11 -O2 -Wall -Wextra -Wpedantic -o "$FLOOR" bench/floor.c ||
    die "cannot build bench/floor.c"

# --- 2. the corpus ----------------------------------------------------------

params="mb=$MB seed=$SEED"
if [[ -f $CORPUS && -f $CORPUS.params && ! bench/gen_corpus.py -nt $CORPUS ]] &&
   [[ $(<"$CORPUS.params") == "$params" ]]; then
    note "corpus: reusing $CORPUS ($params)"
else
    note "corpus: generating $CORPUS ($params) ..."
    rm -f "$CORPUS.params"
    $PY bench/gen_corpus.py --mb "$MB" --seed "$SEED" "$CORPUS.tmp" ||
        die "corpus generation failed"
    mv "$CORPUS.tmp" "$CORPUS"
    printf '%s\n' "$params" > "$CORPUS.params"
fi
bytes=$(wc -c < "$CORPUS")
articles=$(wc -l < "$CORPUS")
cat "$CORPUS" > /dev/null   # every timed run reads it from the page cache

# --- 3. timing --------------------------------------------------------------

# timed OUTFILE CMD...: runs CMD once under GNU time with stdout to OUTFILE.
# Sets T_WALL (seconds) and T_RSS (peak RSS in KB); returns CMD's status.
timed() {
    local out=$1 t0 t1 status=0
    shift
    t0=${EPOCHREALTIME:-}
    $GNU_TIME -f '%e %M' -o "$OUT/time.txt" "$@" > "$out" 2> "$OUT/stderr.txt" || status=$?
    t1=${EPOCHREALTIME:-}
    # With -o, GNU time may put "Command exited with non-zero status" first.
    local line
    line=$(tail -n 1 "$OUT/time.txt")
    T_RSS=${line#* }
    if (( have_clock )); then
        T_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
    else
        T_WALL=${line%% *}
    fi
    if (( status != 0 )); then
        note "failed (exit $status): $*"
        sed 's/^/    /' "$OUT/stderr.txt" | tail -n 20 >&2
    fi
    return "$status"
}

# Results of measure(), per tool: floor, j1, j2, peer (read through ${!name}).
# shellcheck disable=SC2034
OK_floor=0 OK_j1=0 OK_j2=0 OK_peer=0 OK_job=0 OK_job2=0 OK_jobpeer=0 \
WALL_floor=0 WALL_j1=0 WALL_j2=0 WALL_peer=0 WALL_job=0 WALL_job2=0 WALL_jobpeer=0 \
RSS_floor=0 RSS_j1=0 RSS_j2=0 RSS_peer=0 RSS_job=0 RSS_job2=0 RSS_jobpeer=0

# measure NAME N CMD...: N timed runs; sets WALL_<NAME> (median), RSS_<NAME>
# (maximum, KB) and OK_<NAME> (1 or 0). Stdout of CMD goes to /dev/null,
# except that the last run's stdout is kept in $OUT/NAME.out when NAME is
# "floor" (it carries the token count).
measure() {
    local name=$1 n=$2 i walls="" rss=0
    shift 2
    local sink=/dev/null
    [[ $name == floor ]] && sink=$OUT/floor.out
    for (( i = 1; i <= n; i++ )); do
        if ! timed "$sink" "$@"; then
            printf -v "OK_$name" 0
            return 0
        fi
        walls+="$T_WALL"$'\n'
        (( T_RSS > rss )) && rss=$T_RSS
        note "  $name run $i: ${T_WALL} s, peak RSS ${T_RSS} KB"
    done
    printf -v "WALL_$name" '%s' "$(printf '%s' "$walls" | sort -g | awk -v n="$n" 'NR == int((n + 1) / 2)')"
    printf -v "RSS_$name" '%s' "$rss"
    printf -v "OK_$name" 1
}

note "timing the floor ($RUNS run(s))"
measure floor "$RUNS" "$FLOOR" "$CORPUS"
(( OK_floor )) || die "the floor failed"
read -r _ tokens _ floor_bytes < "$OUT/floor.out"
[[ $floor_bytes == "$bytes" ]] || die "the floor read $floor_bytes bytes of $bytes"

have_slant=0
if [[ -x $SLANT ]]; then
    have_slant=1
    note "timing $SLANT score -j 1 ($RUNS run(s))"
    measure j1 "$RUNS" "$SLANT" score -j 1 --lexicon "$LEX" "$CORPUS"
    note "timing $SLANT score -j 2 ($RUNS run(s))"
    measure j2 "$RUNS" "$SLANT" score -j 2 --lexicon "$LEX" "$CORPUS"
else
    note "'$SLANT' not found: run 'make' first; the slant rows are skipped"
fi

note "timing the Python peer ($PEER_RUNS run(s); this takes a while)"
measure peer "$PEER_RUNS" "$PY" bench/peer_nltk.py --stats --lexicon "$LEX" "$CORPUS"

# The whole research job: score the articles, then compare every pair of the groups of
# at least JOB_MIN_N articles with keyness and BH. slant does it in one process: compare
# on articles scores them itself, without writing score records. The same job in two
# steps (score records to a file, then compare them; one shell, so one wall time and the
# larger RSS) is timed for information, and its output must be the one-step output.
JOB_CMD="'$SLANT' compare -q -j 2 --min-n $JOB_MIN_N --max-pairs 400 -f json --lexicon '$LEX' '$CORPUS' > '$OUT/job-compare.json'"
JOB2_CMD="'$SLANT' score -q -j 2 --lexicon '$LEX' '$CORPUS' > '$OUT/job.jsonl' && '$SLANT' compare -q -j 2 --min-n $JOB_MIN_N --max-pairs 400 -f json '$OUT/job.jsonl' > '$OUT/job2-compare.json'"
if (( have_slant )); then
    note "timing the whole job, slant: compare -j 2 --min-n $JOB_MIN_N on the articles ($RUNS run(s))"
    measure job "$RUNS" bash -c "$JOB_CMD"
    note "timing the whole job in two steps, slant: score -j 2 > records, compare -j 2 records ($RUNS run(s))"
    measure job2 "$RUNS" bash -c "$JOB2_CMD"
fi
note "timing the whole job, the Python peer ($PEER_RUNS run(s); this takes a while)"
measure jobpeer "$PEER_RUNS" "$PY" bench/peer_job.py --lexicon "$LEX" --min-n "$JOB_MIN_N" "$CORPUS"
jobpeer_stats=""
(( OK_jobpeer )) && jobpeer_stats=$(grep -o 'groups.*' "$OUT/stderr.txt" | tail -n 1 || true)
job_keyness=n/a
if (( OK_job )) && [[ -s $OUT/job-compare.json ]]; then
    job_keyness=$("$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
t = d["tables"]
pairs = {(r["group"], r["reference"]) for r in t.get("pairs", [])}
print("groups %d, pairs %d, keyness rows %d" % (len({g for p in pairs for g in p}), len(pairs), len(t.get("keyness", []))))' "$OUT/job-compare.json" 2>/dev/null || echo n/a)
fi
job_same="not run"
if (( OK_job && OK_job2 )); then
    if cmp -s "$OUT/job-compare.json" "$OUT/job2-compare.json"; then
        job_same="its output is the one-step output, byte for byte"
    else
        job_same="FAIL: its output differs from the one-step output"
    fi
fi
peer_stats=""
if (( OK_peer )); then
    peer_stats=$(grep -o 'articles.*' "$OUT/stderr.txt" | tail -n 1 || true)
fi

# --- 4. output checks (untimed) ---------------------------------------------

# digest CMD...: prints "LINES SHA256" of CMD's stdout.
digest() {
    "$@" 2>/dev/null | $PY -c '
import hashlib, sys
h, n = hashlib.sha256(), 0
for line in sys.stdin.buffer:
    h.update(line)
    n += 1
print(n, h.hexdigest())'
}

check_ok=0
check_msg="not run"
if (( have_slant && OK_j1 && OK_j2 )); then
    note "checking slant's output (untimed runs)"
    read -r lines1 sum1 < <(digest "$SLANT" score -j 1 --lexicon "$LEX" "$CORPUS")
    read -r lines2 sum2 < <(digest "$SLANT" score -j 2 --lexicon "$LEX" "$CORPUS")
    if [[ $lines1 != "$articles" || $lines2 != "$articles" ]]; then
        check_msg="FAIL: $articles articles, but -j 1 wrote $lines1 records and -j 2 wrote $lines2"
    elif [[ $sum1 != "$sum2" ]]; then
        check_msg="FAIL: -j 1 and -j 2 outputs differ"
    else
        check_ok=1
        check_msg="ok: one record per article ($articles), -j 1 and -j 2 byte-identical"
    fi
fi

# --- 5. report --------------------------------------------------------------

# row NAME LABEL: prints "LABEL|seconds|MB/s|tokens/s|RSS MB" or a skip note.
row() {
    local name=$1 label=$2 ok_var="OK_$1" wall_var="WALL_$1" rss_var="RSS_$1"
    if [[ $name == j[12] || $name == job || $name == job2 ]] && (( ! have_slant )); then
        printf '%s|skipped|-|-|-\n' "$label"
    elif (( ! ${!ok_var:-0} )); then
        printf '%s|FAILED|-|-|-\n' "$label"
    else
        awk -v l="$label" -v s="${!wall_var}" -v b="$bytes" -v t="$tokens" -v r="${!rss_var}" 'BEGIN {
            printf "%s|%.3f|%.1f|%.2fM|%.1f\n", l, s, b / 1e6 / s, t / s / 1e6, r * 1024 / 1e6 }'
    fi
}

rows=$(
    row floor "floor (tokenize only)"
    row j1 "slant score -j 1"
    row j2 "slant score -j 2"
    row peer "python peer (NLTK)"
    row job "job: slant -j 2"
    row job2 "job, 2 steps: slant -j 2"
    row jobpeer "job: python peer"
)

# ratio A B: throughput of A over throughput of B = seconds of B / seconds of A.
ratio() {
    local a="OK_$1" b="OK_$2" wa="WALL_$1" wb="WALL_$2"
    if (( ${!a:-0} && ${!b:-0} )); then
        awk -v x="${!wa}" -v y="${!wb}" 'BEGIN { printf "%.2f", y / x }'
    else
        printf 'n/a'
    fi
}

# verdict VALUE OP TARGET: PASS or MISS; NOT RUN without slant. A slant
# verdict can only pass when the output check passed too.
verdict() {
    local v=$1 op=$2 target=$3
    if [[ $v == n/a ]]; then
        if (( have_slant )); then printf 'MISS (a run failed)'; else printf 'NOT RUN'; fi
    elif (( ! check_ok )); then
        printf 'MISS (output check failed)'
    elif awk -v v="$v" -v t="$target" -v op="$op" 'BEGIN { exit !(op == ">=" ? v >= t : v < t) }'; then
        printf 'PASS'
    else
        printf 'MISS'
    fi
}

r_peer=$(ratio j2 peer)
r_scale=$(ratio j2 j1)
r_floor=$(ratio j1 floor)
r_j1peer=$(ratio j1 peer)
r_job=$(ratio job jobpeer)
r_job2=$(ratio job2 jobpeer)
rss_max=n/a
if (( OK_j1 && OK_j2 )); then
    rss_max=$(awk -v a="$RSS_j1" -v b="$RSS_j2" 'BEGIN { m = a > b ? a : b; printf "%.1f", m * 1024 / 1e6 }')
fi
v_peer=$(verdict "$r_peer" ">=" "$TARGET_PEER")
v_scale=$(verdict "$r_scale" ">=" "$TARGET_SCALE")
v_rss=$(verdict "$rss_max" "<" "$TARGET_RSS_MB")
v_job=$(verdict "$r_job" ">=" "$TARGET_JOB")
[[ $job_same == FAIL* ]] && v_job="MISS (the one-step and two-step outputs differ)"
misses=0
for v in "$v_peer" "$v_scale" "$v_rss" "$v_job"; do
    [[ $v == PASS ]] || misses=$((misses + 1))
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
cores=$(nproc 2>/dev/null || echo '?')
when=$(date -u '+%Y-%m-%d %H:%M UTC')
rev=$(git rev-parse --short HEAD 2>/dev/null || echo 'no commit')
mbytes=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
cmd="BENCH_MB=$MB bash bench/run.sh"
[[ $MB == 110 ]] && cmd="make bench"

ratios=$(
    printf 'slant -j 2 / peer|%s|at least %s|%s\n' "$r_peer" "$TARGET_PEER" "$v_peer"
    printf 'slant -j 2 / slant -j 1|%s|at least %s|%s\n' "$r_scale" "$TARGET_SCALE" "$v_scale"
    printf 'slant peak RSS (MB)|%s|below %s|%s\n' "$rss_max" "$TARGET_RSS_MB" "$v_rss"
    printf 'job: slant -j 2 / peer|%s|at least %s|%s\n' "$r_job" "$TARGET_JOB" "$v_job"
    printf 'job, 2 steps / peer|%s|(information)|\n' "$r_job2"
    printf 'slant -j 1 / floor|%s|(information)|\n' "$r_floor"
    printf 'slant -j 1 / peer|%s|(information)|\n' "$r_j1peer"
)

notes=(
    "Corpus: $CORPUS, $bytes bytes ($mbytes MB), $articles articles, seed $SEED, from bench/gen_corpus.py."
    "MB = 10^6 bytes, for throughput and for memory. Seconds: median of $RUNS run(s) for the floor and slant, of $PEER_RUNS for the peer; peak RSS: the largest of the runs (GNU time %M)."
    "tokens/s uses one token count for every tool: the floor's $tokens tokens (runs of ASCII letters, digits and bytes >= 0x80 over the whole JSON Lines file, record keys included)."
    "Throughput ratios are ratios of wall times on the same corpus; the peer is one process, so slant -j 1 / peer is the per-core comparison."
    "slant output check: $check_msg."
)
(( have_slant )) || notes+=("slant was skipped: '$SLANT' does not exist (run 'make' first).")
[[ -n $peer_stats ]] && notes+=("The peer counted its own tokens with its regex: $peer_stats.")
notes+=("Whole job: groups of at least $JOB_MIN_N articles (BENCH_JOB_MIN_N), every pair, keyness and BH; slant: $job_keyness; the peer: ${jobpeer_stats:-n/a}. Seconds: median of $RUNS run(s) for slant, of $PEER_RUNS for the peer.")
notes+=("slant's job is \`slant compare ARTICLES\` (score and compare in one process); the job in two steps (\`slant score > records\`, then \`slant compare records\`) is information: $job_same.")
[[ $cores =~ ^[0-9]+$ ]] && (( cores < 2 )) && notes+=("This machine has $cores core(s): the -j 2 scaling target cannot be met here.")

# Terminal table.
{
    printf '\nslant benchmark: %s, %s articles; %s, %s cores; %s\n\n' "$mbytes MB" "$articles" "${cpu:-unknown cpu}" "$cores" "$when"
    printf '%-24s %10s %10s %12s %14s\n' tool seconds MB/s tokens/s "peak RSS MB"
    while IFS='|' read -r l s m t r; do
        printf '%-24s %10s %10s %12s %14s\n' "$l" "$s" "$m" "$t" "$r"
    done <<< "$rows"
    printf '\n%-26s %8s   %-14s %s\n' ratio value target result
    while IFS='|' read -r l v t res; do
        printf '%-26s %8s   %-14s %s\n' "$l" "$v" "$t" "$res"
    done <<< "$ratios"
    printf '\n'
    for n in "${notes[@]}"; do printf '* %s\n' "$n"; done
    printf '\nMarkdown: %s/results.md\n' "$OUT"
}

# Markdown.
{
    printf '## Results\n\n'
    # shellcheck disable=SC2016 # the backquotes are Markdown
    printf 'Command: `%s` (commit %s), %s, on %s, %s cores.\n\n' "$cmd" "$rev" "$when" "${cpu:-unknown cpu}" "$cores"
    printf '| tool | seconds | MB/s | tokens/s | peak RSS (MB) |\n'
    printf '|---|---:|---:|---:|---:|\n'
    while IFS='|' read -r l s m t r; do
        printf '| %s | %s | %s | %s | %s |\n' "$l" "$s" "$m" "$t" "$r"
    done <<< "$rows"
    printf '\n| ratio | value | target | result |\n'
    printf '|---|---:|---|---|\n'
    while IFS='|' read -r l v t res; do
        printf '| %s | %s | %s | %s |\n' "$l" "$v" "$t" "$res"
    done <<< "$ratios"
    printf '\n'
    for n in "${notes[@]}"; do printf -- '- %s\n' "$n"; done
} > "$OUT/results.md"

rm -f "$OUT/time.txt" "$OUT/stderr.txt"

if (( ! OK_peer )); then
    exit 1
fi
if (( have_slant && ! (OK_j1 && OK_j2 && check_ok) )); then
    exit 1
fi
if [[ $STRICT == 1 ]] && (( misses > 0 )); then
    exit 1
fi
exit 0
