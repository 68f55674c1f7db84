#!/bin/sh
# Tests of the notebook-facing documentation, from the repository root:
#   (a) real output validates against docs/schema/score.schema.json, sentence.schema.json
#       and compare.schema.json (score with and without --evidence, with --keep, with
#       --sentences and --weights, with contested concepts; compare with and without
#       --event, --permutations,
#       --bootstrap, in every --pairs mode, from articles, from scores and from merged
#       partials), and copies of it broken in one way each are rejected (validate.py);
#   (b) the tested blocks of docs/notebooks.md run as written, against files they produce
#       in a temporary directory, and build what the page says (check_notebooks.py);
#   (c) docs/slant.1 renders without warnings, documents every command and, in the
#       command's section, every option of its --help (man_options.py), and the commands
#       of its EXAMPLES run (skipped, with the reason, when no
#       renderer is installed).
# Usage: sh tests/notebooks/run.sh [BUILD_DIR]. Ends with "notebooks: N passed, N failed";
# exits 1 on failure.
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
SLANT="$BUILD/slant"
PY=/usr/bin/python3
HERE=tests/notebooks
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=notebooks
. tests/tally.sh
# quiet STATUS FILE: the status is 0 and FILE (the command's standard error) is empty.
quiet() { [ "$1" = 0 ] && [ ! -s "$2" ]; }

# Runs a helper that ends with "N passed, N failed" and adds up its counts; a helper that
# dies without that line, or exits non-zero with 0 failures, counts as one failure.
part() {
    "$@" > "$tmp/part.log" 2>&1
    status=$?
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/part.log" | tail -n 1)
    grep -v -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/part.log"
    if [ -z "$line" ]; then
        fail "$* ended without its counts (status $status)"
        return
    fi
    p=${line%% passed*}
    f=${line#*passed, }
    f=${f%% failed*}
    if [ "$status" -ne 0 ] && [ "$f" = 0 ]; then
        f=1
        echo "$SUITE FAIL: $* exited $status"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
}

if [ ! -x "$SLANT" ]; then
    fail "no $SLANT: build it first (make all)"
    finish
    exit 1
fi

# --- (a) the schemas against real output -------------------------------------------------
part $PY $HERE/validate.py schemas

articles=$(find corpus -type f \( -name '*.txt' -o -name '*.text' \) | wc -l | tr -d ' ')
"$SLANT" score -q corpus/ > "$tmp/s.jsonl"
check "score corpus/ exits 0" [ $? = 0 ]
part $PY $HERE/validate.py score "$tmp/s.jsonl" no-evidence no-fields "records=$articles"
"$SLANT" score -q --evidence corpus/ > "$tmp/se.jsonl"
check "score --evidence corpus/ exits 0" [ $? = 0 ]
part $PY $HERE/validate.py score "$tmp/se.jsonl" evidence no-fields "records=$articles"
# Compact records (score --compact): valid, and expanded by score.md's rule the full ones.
"$SLANT" score -q --compact corpus/ > "$tmp/sc-compact.jsonl"
part $PY $HERE/validate.py score "$tmp/sc-compact.jsonl" no-evidence "compact=$tmp/s.jsonl"
"$SLANT" score -q --compact --evidence corpus/ > "$tmp/se-compact.jsonl"
part $PY $HERE/validate.py score "$tmp/se-compact.jsonl" evidence "compact=$tmp/se.jsonl"

# JSON Lines with fields of every JSON type to keep, a title (headline evidence), a
# record without an id, one without a kept field, and one with no words (null rates).
$PY - "$tmp/in.jsonl" <<'PYEOF'
import glob, json, sys
paths = sorted(glob.glob("corpus/synthetic/*/*.txt"))[:8]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i, p in enumerate(paths):
        head, _, body = open(p, encoding="utf-8").read().partition("\n\n")
        meta = dict(l.split(": ", 1) for l in head.splitlines() if ": " in l)
        r = {"id": f"r{i}", "title": meta.get("title"), "source": meta.get("source"),
             "text": body, "outlet": meta.get("source"), "n": i, "tags": ["a", i],
             "flag": i % 2 == 0, "ratio": i / 3}
        if i == 0:
            del r["id"]
        if i == 1:
            r["meta"] = {"nested": {"x": [1, 2]}}
            del r["outlet"]
        out.write(json.dumps(r) + "\n")
    out.write(json.dumps({"id": "empty", "text": "", "outlet": None}) + "\n")
PYEOF
n_in=$(wc -l < "$tmp/in.jsonl" | tr -d ' ')
keep=outlet,n,tags,flag,ratio,meta,absent
"$SLANT" score -q --keep $keep "$tmp/in.jsonl" > "$tmp/k.jsonl"
check "score --keep exits 0" [ $? = 0 ]
part $PY $HERE/validate.py score "$tmp/k.jsonl" fields no-evidence "records=$n_in"
"$SLANT" score -q --evidence --keep $keep "$tmp/in.jsonl" > "$tmp/ke.jsonl"
check "score --evidence --keep exits 0" [ $? = 0 ]
part $PY $HERE/validate.py score "$tmp/ke.jsonl" fields evidence "records=$n_in"

# The test lexicon has a variants.json (contested concepts) and actors.
# Contested concepts, an actor, a quotation, a scare quote and a so-called.
printf '%s\n' 'title: Forces liberated Artsakh' '' \
    'The Varenian army occupied Nagorno-Karabakh. "They captured Artsakh," he said.' \
    "The so-called 'volunteers' left Calvor." > "$tmp/contested.txt"
"$SLANT" score -q --evidence --lexicon tests/data/lexicon-test "$tmp/contested.txt" \
    corpus/synthetic/ "$tmp/in.jsonl" > "$tmp/sc.jsonl"
check "score --lexicon (contested) exits 0" [ $? = 0 ]
part $PY $HERE/validate.py score "$tmp/sc.jsonl" contested evidence

c() { # c NAME [OPTIONS...] INPUTS...: compare --format json into $tmp/NAME.json
    out=$tmp/$1.json
    shift
    "$SLANT" compare -q --format json "$@" > "$out"
    check "compare $* exits 0" [ $? = 0 ]
}
base=summary+omnibus+pairs+keyness+drivers
c plain corpus/synthetic/
part $PY $HERE/validate.py compare "$tmp/plain.json" has=$base not=events
c event --keyness all --event event --permutations 200 --bootstrap 200 --seed 7 corpus/synthetic/
part $PY $HERE/validate.py compare "$tmp/event.json" has=$base+events event perm boot
c vsrest --pairs vs-rest --correction holm --level 0.9 corpus/synthetic/
part $PY $HERE/validate.py compare "$tmp/vsrest.json" has=$base not=events
c none --pairs none --by event --min-n 3 corpus/synthetic/
part $PY $HERE/validate.py compare "$tmp/none.json" has=summary+omnibus+keyness not=pairs+drivers
c concepts --keyness all --lexicon tests/data/lexicon-test corpus/synthetic/
part $PY $HERE/validate.py compare "$tmp/concepts.json" has=$base+contested_tests+contested_shares
"$SLANT" score -q --evidence corpus/synthetic/ > "$tmp/ss.jsonl"
c scores --event event "$tmp/ss.jsonl"
part $PY $HERE/validate.py compare "$tmp/scores.json" has=$base+events
"$SLANT" score -q corpus/synthetic/ > "$tmp/ss-plain.jsonl"
c records "$tmp/ss-plain.jsonl"
part $PY $HERE/validate.py compare "$tmp/records.json" has=$base keyness-entries
# records of an older slant: neither entry counts nor evidence
$PY -c 'import json, sys
for line in sys.stdin:
    r = json.loads(line); del r["entries"]; print(json.dumps(r))' < "$tmp/ss-plain.jsonl" > "$tmp/ss-noev.jsonl"
c noev "$tmp/ss-noev.jsonl"
part $PY $HERE/validate.py compare "$tmp/noev.json" has=summary+omnibus+pairs keyness-contested-only
"$SLANT" compare -q --partial -o "$tmp/a.part" corpus/synthetic/northern-voice/ &&
    "$SLANT" compare -q --partial -o "$tmp/b.part" corpus/synthetic/southern-herald/ \
        corpus/synthetic/wire-neutral/ &&
    "$SLANT" merge -o "$tmp/all.part" "$tmp/a.part" "$tmp/b.part"
check "compare --partial and merge exit 0" [ $? = 0 ]
c merged "$tmp/all.part"
part $PY $HERE/validate.py compare "$tmp/merged.json" has=$base

# Sentence records (score --sentences): their bytes are the file's, from text files and
# JSON Lines, with the default weights and with a weights file.
sentences=$($PY -c 'import json,sys; print(sum(json.loads(l)["sentences"] for l in sys.stdin))' < "$tmp/s.jsonl")
"$SLANT" score -q --sentences corpus/ > "$tmp/sent.jsonl"
check "score --sentences corpus/ exits 0" [ $? = 0 ]
part $PY $HERE/validate.py sentences "$tmp/sent.jsonl" default-weights "records=$sentences"
"$SLANT" score -q --sentences --keep $keep "$tmp/in.jsonl" > "$tmp/sent-k.jsonl"
check "score --sentences --keep exits 0" [ $? = 0 ]
part $PY $HERE/validate.py sentences "$tmp/sent-k.jsonl" default-weights
"$SLANT" score -q --sentences --lexicon tests/data/lexicon-test \
    --weights tests/data/weights-test.json "$tmp/contested.txt" > "$tmp/sent-w.jsonl"
check "score --sentences --weights exits 0" [ $? = 0 ]
part $PY $HERE/validate.py sentences "$tmp/sent-w.jsonl"

# The schemas must reject what is wrong: a good record and a good object, broken.
cat "$tmp/sc.jsonl" "$tmp/k.jsonl" > "$tmp/broken-in.jsonl"
part $PY $HERE/validate.py broken "$tmp/broken-in.jsonl" "$tmp/plain.json" "$tmp/sent.jsonl"

# --- (b) the code of docs/notebooks.md ----------------------------------------------------
mkdir "$tmp/nb"
part $PY $HERE/check_notebooks.py "$BUILD" "$tmp/nb"

# --- (c) the manual page -------------------------------------------------------------------
# Every command has its section, and every long option of every command's help (the
# lexicon subcommands too) is in that section or one it names as shared.
part $PY $HERE/man_options.py "$BUILD"
if command -v groff > /dev/null 2>&1; then
    groff -man -Tutf8 -ww -z docs/slant.1 > "$tmp/groff.err" 2>&1
    st=$?
    check "groff -man -ww renders slant.1 without warnings: $(cat "$tmp/groff.err")" \
        quiet $st "$tmp/groff.err"
    # The examples as a reader sees and pastes them: the indented lines of EXAMPLES.
    groff -man -Tutf8 -P-cbou docs/slant.1 2> /dev/null |
        sed -n '/^EXAMPLES/,/^[A-Z]/p' | grep -E '^           [^ ]' | sed 's/^ *//' \
        > "$tmp/examples.sh"
    check "slant.1 has examples" [ "$(wc -l < "$tmp/examples.sh")" -ge 8 ]
    mkdir -p "$tmp/ex/bin"
    case $SLANT in
        /*) ln -s "$SLANT" "$tmp/ex/bin/slant" ;;
        *) ln -s "$(pwd)/$SLANT" "$tmp/ex/bin/slant" ;;
    esac
    ln -s "$(pwd)/corpus" "$tmp/ex/corpus"
    ln -s "$(pwd)/tests" "$tmp/ex/tests"
    while IFS= read -r cmdline; do
        (cd "$tmp/ex" && PATH="$tmp/ex/bin:$PATH" sh -c "$cmdline") > /dev/null 2> "$tmp/ex.err"
        st=$?
        check "slant.1 example exits 0: $cmdline: $(head -c 300 "$tmp/ex.err")" [ $st = 0 ]
    done < "$tmp/examples.sh"
else
    echo "notebooks SKIP: groff is not installed: slant.1 not rendered, its examples not run"
fi
if command -v man > /dev/null 2>&1 && command -v groff > /dev/null 2>&1; then
    MANWIDTH=80 man --warnings -l docs/slant.1 > /dev/null 2> "$tmp/man.err"
    st=$?
    check "man --warnings -l slant.1: $(cat "$tmp/man.err")" quiet $st "$tmp/man.err"
else
    echo "notebooks SKIP: man or groff is not installed: 'man --warnings -l docs/slant.1' not run"
fi

finish
