#!/bin/sh
# Tests of the slant program as a user runs it: the seed evidence at the right offsets,
# byte-identical output for every thread count, pathological inputs under a time limit,
# and an installation that finds its lexicon. Ends with "cli: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${SLANT_BUILD:-build}"
SLANT="$BUILD/slant"
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=cli
. tests/tally.sh

# 1. The seeds' evidence: the matches their README names, at the right byte offsets.
"$SLANT" score --evidence corpus/seeds/ > "$tmp/seeds.jsonl"
check "seed evidence" $PY tests/cli/seeds_evidence.py < "$tmp/seeds.jsonl"

# 2. A few thousand generated articles: the output is the same for every -j, from a
#    JSON Lines file and from a directory of text files.
$PY bench/gen_corpus.py --mb 12 --seed 7 "$tmp/gen.jsonl" > /dev/null 2>&1
n=$(wc -l < "$tmp/gen.jsonl")
check "corpus has thousands of articles ($n)" [ "$n" -ge 2000 ]
for j in 1 2 3 8; do
    "$SLANT" score -q -j $j "$tmp/gen.jsonl" > "$tmp/j$j.jsonl" || fail "score -j $j"
done
check "one record per article" [ "$(wc -l < "$tmp/j1.jsonl")" -eq "$n" ]
for j in 2 3 8; do
    check "-j $j output equals -j 1" cmp -s "$tmp/j1.jsonl" "$tmp/j$j.jsonl"
done
mkdir -p "$tmp/dir/a" "$tmp/dir/b"
$PY - "$tmp/gen.jsonl" "$tmp/dir" <<'PYEOF'
import json, sys
for i, line in enumerate(open(sys.argv[1])):
    if i == 600:
        break
    r = json.loads(line)
    with open(f"{sys.argv[2]}/{'ab'[i % 2]}/{i:05d}.txt", "w") as f:
        f.write(f"title: {r['title']}\n\n{r['text']}")
PYEOF
"$SLANT" score -q -j 1 --format csv "$tmp/dir" > "$tmp/d1.csv"
"$SLANT" score -q -j 2 --format csv "$tmp/dir" > "$tmp/d2.csv"
check "directory -j 2 equals -j 1" cmp -s "$tmp/d1.csv" "$tmp/d2.csv"
check "directory rows" [ "$(wc -l < "$tmp/d1.csv")" -eq 601 ]

# 3. Pathological inputs finish quickly and do not crash.
limited() { timeout 20 "$@"; }
$PY -c "print('word ' * 2000000)" > "$tmp/long-line.txt"
check "10 MB line" limited "$SLANT" score -q "$tmp/long-line.txt" -o "$tmp/o1"
$PY -c "import sys; sys.stdout.write('a' * 10000000)" > "$tmp/one-word.txt"
check "10 MB word" limited "$SLANT" score -q "$tmp/one-word.txt" -o "$tmp/o2"
$PY -c "print('\"open ' * 100000)" > "$tmp/quotes.txt"
check "100,000 unclosed quotes" limited "$SLANT" score -q "$tmp/quotes.txt" -o "$tmp/o3"
$PY -c "print(\"'x \" * 100000 + '\n' + '\u201c' * 100000)" > "$tmp/quotes2.txt"
check "100,000 single and curly quotes" limited "$SLANT" score -q "$tmp/quotes2.txt" -o "$tmp/o4"
$PY -c "print('On Monday, Captain Lena Vos arrived. ' + '\"Yes,\" Vos said. ' * 50000)" \
    > "$tmp/speakers.txt"
check "50,000 quotations by a surname (was quadratic: 20 s)" \
    limited "$SLANT" score -q "$tmp/speakers.txt" -o "$tmp/o6"
check "... all attributed" grep -q '"quotations":50000,"attributed":50000,' "$tmp/o6"
$PY -c "print('\"a\" b ' * 200000)" > "$tmp/one-sentence.txt"
check "200,000 quotations in one sentence (was quadratic: 40 s)" \
    limited "$SLANT" score -q "$tmp/one-sentence.txt" -o "$tmp/o7"
mkdir -p "$tmp/lex"
cat > "$tmp/lex/lexicon.json" <<'JSON'
{"id":"big","version":"1","language":"en","stemmer":"english",
 "categories":[{"id":"p","file":"p.txt","group":"loaded","definition":"50,000 entries, one prefix"}]}
JSON
$PY -c "
for i in range(50000): print('pre' + format(i, 'x') + '*' if i % 2 else 'pre' + format(i, 'x') + 'zz')
" > "$tmp/lex/p.txt"
$PY -c "print(' '.join('pre' + format(i, 'x') + 'abc' for i in range(200000)))" > "$tmp/pre.txt"
check "lexicon of 50,000 entries with one prefix" \
    limited "$SLANT" score -q --lexicon "$tmp/lex" "$tmp/pre.txt" -o "$tmp/o5"
check "... and it matched" grep -q '"p":{"count":' "$tmp/o5"

# 4. Exit codes and the atomic -o: a failed run leaves no file behind.
"$SLANT" score -q -o "$tmp/none/out.jsonl" corpus/ 2> /dev/null
check "unwritable -o gives status 3" [ $? -eq 3 ]
"$SLANT" score -q -o "$tmp/nothing.jsonl" "$tmp/does-not-exist" 2> /dev/null
check "nothing scored gives status 3" [ $? -eq 3 ]
check "... and writes no file" [ ! -e "$tmp/nothing.jsonl" ]
if [ -w /dev/full ]; then
    "$SLANT" score -q corpus/ > /dev/full 2> /dev/null
    check "a full disk is an error" [ $? -ne 0 ]
fi

# 5. make install: the installed binary finds its installed lexicon from anywhere.
make --no-print-directory -s install PREFIX="$tmp/prefix" BUILD="$BUILD" > /dev/null
(cd / && "$tmp/prefix/bin/slant" score -q "$OLDPWD/corpus/seeds/") > "$tmp/installed.jsonl"
check "installed slant scores with its lexicon" [ "$(wc -l < "$tmp/installed.jsonl")" -eq 2 ]

# 6. Neutrality of the shipped lexicon: every loaded and contested category matches terms
#    used against each side of a conflict its file documents.
check "every loaded and contested category is balanced" \
    $PY tests/cli/balance.py "$SLANT" lexicons/en

# 6b. Entries count the sense they were written for, and a word counts once as loaded.
check "entries match their own sense, not a word sharing the stem" \
    $PY tests/cli/senses.py "$SLANT" lexicons/en

# 7. Every example of every command's --help works when pasted.
check "every --help example runs" $PY tests/cli/help_examples.py "$BUILD"

# 8. The demo of the README shows the seeds' evidence.
sh tools/demo.sh > "$tmp/demo.txt" 2>&1
check "demo runs" [ $? -eq 0 ]
check "demo: every article row has its numbers" \
    sh -c "grep -E '^  (seeds|synthetic)/' '$tmp/demo.txt' | grep -qvE ' [0-9]+ words +[0-9]+ quotes ' && exit 1 || exit 0"
check "demo: a row per article" [ "$(grep -cE '^  (seeds|synthetic)/' "$tmp/demo.txt")" -eq 38 ]
check "demo shows evidence" grep -q '^  48-56  pejorative_labels: radicals  \[=radicals\]' "$tmp/demo.txt"

finish
