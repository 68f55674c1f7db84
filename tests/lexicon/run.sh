#!/bin/sh
# Tests of `slant lexicon` (check, list, stats, import) and of `--lexicon FILE.dic`:
# the round trip of a hand-written LIWC .dic, LIWC-22 .dicx and Lexicoder .lc3 dictionary
# (imported, and loaded directly, they count what the same entries written by hand in
# slant's format count), the formats' details (line endings, Latin-1, comments, repeated
# category numbers, merges, entries that cannot be expressed), malformed input with
# file and line, and every example in the commands' help.
# Usage: tests/lexicon/run.sh BUILD_DIR (from anywhere). Ends "lexicon: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
SLANT="$BUILD/slant"
PY=/usr/bin/python3
T=tests/lexicon
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=lexicon
. tests/tally.sh
# status NAME EXPECTED CMD...: runs CMD (stdout to $tmp/out, stderr to $tmp/err).
status() {
    name=$1 want=$2
    shift 2
    "$@" > "$tmp/out" 2> "$tmp/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else fail "$name: exit $got, not $want"; sed 's/^/    /' "$tmp/err" | head -5; fi
}
# has NAME FILE TEXT: FILE holds the fixed string TEXT.
has() { if grep -qF -- "$3" "$2"; then ok; else fail "$1: no '$3' in:"; sed 's/^/    /' "$2" | head -8; fi; }
hasnt() { if grep -qF -- "$3" "$2"; then fail "$1: '$3' in $2"; else ok; fi; }
line_of() { grep -n -- "$2" "$1" | head -n 1 | cut -d: -f1; }
score() { "$SLANT" score -q -j 1 --lexicon "$1" "$T/text.txt"; }

# 1. The round trip: import each sample, score the text with the imported lexicon, with
#    the sample file itself (--lexicon FILE) and with the hand-written native lexicon.
for f in dic dicx lc3; do
    status "import sample.$f" 0 "$SLANT" lexicon import "$T/sample.$f" -o "$tmp/imp-$f"
    has "import sample.$f: summary" "$tmp/out" "$tmp/imp-$f: 4 categories"
    status "check native-$f" 0 "$SLANT" lexicon check "$T/native-$f"
    status "check imported $f" 0 "$SLANT" lexicon check "$tmp/imp-$f"
    score "$T/native-$f" > "$tmp/native-$f.jsonl"
    score "$tmp/imp-$f" > "$tmp/imp-$f.jsonl"
    score "$T/sample.$f" > "$tmp/file-$f.jsonl" 2> "$tmp/file-$f.err"
    check "sample.$f imported counts what native-$f counts" \
        $PY $T/counts.py "$tmp/native-$f.jsonl" "$tmp/imp-$f.jsonl"
    check "score --lexicon sample.$f counts what native-$f counts" \
        $PY $T/counts.py "$tmp/native-$f.jsonl" "$tmp/file-$f.jsonl"
    check "score --lexicon sample.$f is the imported lexicon (same content hash)" \
        $PY $T/counts.py "$tmp/imp-$f.jsonl" "$tmp/file-$f.jsonl" --same-hash
    check "score --lexicon sample.$f: no message" [ ! -s "$tmp/file-$f.err" ]
done
# Exact forms are what makes the counts equal: a stemmed import counts more.
"$SLANT" lexicon import --stem "$T/sample.dic" -o "$tmp/stem-dic" > /dev/null 2> "$tmp/stem.err"
score "$tmp/stem-dic" > "$tmp/stem-dic.jsonl"
check "an import with --stem counts differently" \
    sh -c "! $PY $T/counts.py '$tmp/native-dic.jsonl' '$tmp/stem-dic.jsonl' > /dev/null"

# 2. LIWC .dic details.
d="$tmp/imp-dic"
has "plain words are exact" "$d/conflict.txt" "=clash"
has "wildcards stay prefixes" "$d/conflict.txt" "attack*"
has "an entry of two words before the numbers (no tab)" "$d/hedging.txt" '="kind of"'
has "white space inside an entry is one space" "$tmp/imp-lc3/hedging.txt" '="KIND OF"'
has "category ids are made safe" "$d/lexicon.json" '"id": "legal_terms"'
has "the manifest names the language" "$d/lexicon.json" '"language": "en"'
has "the manifest names the stemmer" "$d/lexicon.json" '"stemmer": "english"'
check "a repeated category number counts once" [ "$(grep -c '=clearly' "$d/certainty.txt")" = 1 ]
status "import reports merges" 0 "$SLANT" lexicon import "$T/sample.dic" -o "$tmp/again"
hasnt "a repeated category number is not a merge" "$tmp/err" "'clearly'"
has "merge of 'Clash' with its line" "$tmp/err" \
    "$T/sample.dic:$(line_of $T/sample.dic '^Clash'):1: entry 'Clash' of category 'conflict' matches what line $(line_of $T/sample.dic '^clash	')'s 'clash' matches; written once"
has "'cease fire' merges with 'cease-fire' (hyphens split words)" "$tmp/err" "entry 'cease fire'"
hasnt "comment lines are not entries" "$tmp/err" "LIWC-style"
has "with --stem, words that stem alike merge" "$tmp/stem.err" \
    "$T/sample.dic:$(line_of $T/sample.dic '^clashes'):1: entry 'clashes' of category 'conflict' matches what line"
has "... and say so" "$tmp/stem.err" "(they stem alike)"
# Line endings and encodings give the same lexicon.
mkdir -p "$tmp/crlf" "$tmp/cr" "$tmp/latin1"
$PY -c "import sys; d=open(sys.argv[1],'rb').read(); open(sys.argv[2],'wb').write(d.replace(b'\n',b'\r\n')); open(sys.argv[3],'wb').write(d.replace(b'\n',b'\r')); open(sys.argv[4],'wb').write(d.decode('utf-8').encode('latin-1'))" \
    "$T/sample.dic" "$tmp/crlf/sample.dic" "$tmp/cr/sample.dic" "$tmp/latin1/sample.dic"
status "import a Windows (CRLF) file" 0 "$SLANT" lexicon import -q "$tmp/crlf/sample.dic" -o "$tmp/imp-crlf"
check "... gives the same lexicon" diff -r "$d" "$tmp/imp-crlf"
status "import an old Mac (CR) file" 0 "$SLANT" lexicon import -q "$tmp/cr/sample.dic" -o "$tmp/imp-cr"
check "... gives the same lexicon" diff -r "$d" "$tmp/imp-cr"
status "import Latin-1 with --encoding latin1" 0 \
    "$SLANT" lexicon import -q --encoding latin1 "$tmp/latin1/sample.dic" -o "$tmp/imp-latin1"
check "... gives the same lexicon" diff -r "$d" "$tmp/imp-latin1"
status "Latin-1 read as UTF-8 is an error" 2 "$SLANT" lexicon import "$tmp/latin1/sample.dic" -o "$tmp/no"
has "... with file, line and column" "$tmp/err" \
    "$tmp/latin1/sample.dic:$(line_of $T/sample.dic '^d.tente'):2: invalid UTF-8 (for a Latin-1 file give --encoding latin1)"
check "... and nothing is written" [ ! -e "$tmp/no" ]

# 3. Entries slant cannot express: each reported with its line; the rest is imported.
status "import drops.dic exits 1" 1 "$SLANT" lexicon import "$T/drops.dic" -o "$tmp/drops"
for pattern in ':)' 'ab*c' 'thank you*' 'one two three' 'well--known'; do
    has "dropped '$pattern' with its line" "$tmp/err" \
        "$T/drops.dic:$(line_of $T/drops.dic "^$(echo "$pattern" | sed 's/[*]/[*]/g')"):1: cannot express entry '$pattern"
done
has "a conditional code is reported" "$tmp/err" \
    "$T/drops.dic:$(line_of $T/drops.dic '^like'):1: cannot express the conditional category code '(02 134)1/2' of entry 'like'"
check "six reports" [ "$(grep -c 'dropped$' "$tmp/err")" = 6 ]
has "the summary counts them" "$tmp/out" "; 6 dropped"
has "the rest is written" "$tmp/drops/a.txt" "=fine"
has "... with the plain categories of a conditional line" "$tmp/drops/b.txt" "=like"
status "check drops.dic exits 2" 2 "$SLANT" lexicon check "$T/drops.dic"
has "... with a summary" "$tmp/out" "$T/drops.dic: 6 problems: 6 entries slant cannot express"
status "score --lexicon drops.dic scores" 0 "$SLANT" score -q --lexicon "$T/drops.dic" "$T/text.txt"
check "... and reports every dropped entry" [ "$(grep -c 'dropped$' "$tmp/err")" = 6 ]
status "with --stem, an expression ending in a wildcard imports" 1 \
    "$SLANT" lexicon import --stem "$T/drops.dic" -o "$tmp/drops-stem"
has "... as a stemmed expression" "$tmp/drops-stem/a.txt" '"thank you*"'

# 4. Malformed input: an error with file and line, exit 2, nothing written.
printf 'abandon\t1\n%%\n1\ta\n%%\n' > "$tmp/bad-header.dic"
printf '%%\n1\ta\n%%\nfoo\t1 7\n' > "$tmp/unknown-number.dic"
printf '%%\n1\ta\n2\tb\n' > "$tmp/unterminated.dic"
: > "$tmp/empty.dic"
printf 'Term,a\nfoo,X\n' > "$tmp/no-dicterm.dicx"
printf 'DicTerm,a\n"foo,X\n' > "$tmp/unterminated.dicx"
: > "$tmp/empty.dicx"
printf 'ABANDON*\n+negative\nABUSE*\n' > "$tmp/before-category.lc3"
: > "$tmp/empty.lc3"
bad() { # FILE EXPECTED-MESSAGE
    status "import $1" 2 "$SLANT" lexicon import "$tmp/$1" -o "$tmp/out-$1"
    has "import $1: message" "$tmp/err" "slant: $tmp/$1$2"
    check "import $1: nothing written" [ ! -e "$tmp/out-$1" ]
    status "check $1" 2 "$SLANT" lexicon check "$tmp/$1"
    has "check $1: message" "$tmp/err" "slant: $tmp/$1$2"
    status "score --lexicon $1" 2 "$SLANT" score -q --lexicon "$tmp/$1" "$T/text.txt"
    has "score --lexicon $1: message" "$tmp/err" "slant: $tmp/$1$2"
}
bad bad-header.dic ":1:1: bad header: a LIWC dictionary starts with a '%' line"
bad unknown-number.dic ":4:7: unknown category number '7'"
bad unterminated.dic ":1:1: unterminated '%' block"
bad empty.dic ": empty file"
bad no-dicterm.dicx ":1:1: bad header: no 'DicTerm' column"
bad unterminated.dicx ":2:1: unterminated quoted field"
bad empty.dicx ": empty file"
bad before-category.lc3 ":1:1: bad header: pattern 'ABANDON*' before the first '+category' line"
bad empty.lc3 ": empty file"

# 5. import's options and output directory.
mkdir -p "$tmp/full" && : > "$tmp/full/x"
status "an output directory that is not empty is refused" 2 \
    "$SLANT" lexicon import "$T/sample.lc3" -o "$tmp/full"
check "... and left alone" [ -f "$tmp/full/x" ]
check "... with no lexicon in it" [ ! -e "$tmp/full/lexicon.json" ]
mkdir -p "$tmp/empty-dir"
status "an empty output directory is filled" 0 "$SLANT" lexicon import "$T/sample.lc3" -o "$tmp/empty-dir"
check "... with the lexicon" [ -f "$tmp/empty-dir/lexicon.json" ]
cp "$T/sample.dic" "$tmp/sample.txt"
status "an unknown extension needs --from" 2 "$SLANT" lexicon import "$tmp/sample.txt" -o "$tmp/o1"
status "--from liwc reads it" 0 "$SLANT" lexicon import --from liwc "$tmp/sample.txt" -o "$tmp/o1"
status "--from must name a format" 2 "$SLANT" lexicon import --from wordstat "$T/sample.dic" -o "$tmp/o2"
status "-o is required" 2 "$SLANT" lexicon import "$T/sample.dic"
status "--lang, --stemmer, --id" 0 "$SLANT" lexicon import --lang tr --stemmer turkish --id my_dic \
    "$T/sample.dic" -o "$tmp/o3"
has "... language" "$tmp/o3/lexicon.json" '"language": "tr"'
has "... stemmer" "$tmp/o3/lexicon.json" '"stemmer": "turkish"'
has "... id" "$tmp/o3/lexicon.json" '"id": "my_dic"'
status "an unknown stemmer is a usage error" 2 "$SLANT" lexicon import --stemmer klingon "$T/sample.dic" -o "$tmp/o4"

# 6. check.
status "check the shipped lexicon" 0 "$SLANT" lexicon check lexicons/en
has "... says ok" "$tmp/out" "lexicons/en: ok:"
status "check a lexicon.json path" 0 "$SLANT" lexicon check lexicons/en/lexicon.json
mkdir -p "$tmp/broken"
printf '{"id": "broken", "version": "1", "language": "en", "stemmer": "english",\n "categories": [{"id": "a", "file": "a.txt", "group": "loaded", "definition": "bad entries"}]}\n' \
    > "$tmp/broken/lexicon.json"
printf 'radical\nbrutal x2\nterror*ism\n"unclosed\nradicals\nfine 2\n' > "$tmp/broken/a.txt"
status "check a broken lexicon" 2 "$SLANT" lexicon check "$tmp/broken"
has "... the summary counts every problem" "$tmp/out" "$tmp/broken: 4 problems"
check "... each with FILE:LINE:COL" [ "$(grep -cE "^slant: $tmp/broken/a.txt:[2-5]:[0-9]+: " "$tmp/err")" = 4 ]
has "... e.g." "$tmp/err" "slant: $tmp/broken/a.txt:2:8: invalid weight 'x2'"
status "check something else" 2 "$SLANT" lexicon check "$T/text.txt"

# 7. list.
status "list a lexicon" 0 "$SLANT" lexicon list --lexicon "$T/native-dic"
check "... one line per entry and a header" [ "$(wc -l < "$tmp/out")" = 18 ]
check "... each at the FILE:LINE that holds it" $PY $T/places.py < "$tmp/out"
status "list an imported file" 0 "$SLANT" lexicon list --lexicon "$T/sample.dic"
check "... at the lines of the file" $PY $T/places.py < "$tmp/out"
has "... e.g." "$tmp/out" "$T/sample.dic:$(line_of $T/sample.dic '^tribunal')"
status "list one category" 0 "$SLANT" lexicon list --lexicon "$T/native-dic" --category hedging
check "... its entries only" [ "$(wc -l < "$tmp/out")" = 5 ]
status "list an unknown category" 2 "$SLANT" lexicon list --lexicon "$T/native-dic" --category nope
status "list the shipped lexicon" 0 "$SLANT" lexicon list
check "... each entry at its FILE:LINE" $PY $T/places.py < "$tmp/out"
status "--match a word" 0 "$SLANT" lexicon list --lexicon "$tmp/imp-dic" --match Clashes
has "... its folded form and stem" "$tmp/out" "word 1 'Clashes': folded 'clashes', stem 'clash'"
has "... the entry, its kind and place" "$tmp/out" \
    "conflict: =clashes (exact) at $tmp/imp-dic/conflict.txt:$(line_of "$tmp/imp-dic/conflict.txt" '^=clashes$'), matching 'Clashes'"
status "--match on a .dic names its lines" 0 "$SLANT" lexicon list --lexicon "$T/sample.dic" --match certainly
has "... prefix" "$tmp/out" "certainty: certain* (prefix) at $T/sample.dic:$(line_of $T/sample.dic '^certain')"
status "--match an expression" 0 "$SLANT" lexicon list --lexicon "$T/native-dic" --match 'a kind of truce'
has "... expression" "$tmp/out" "hedging: =\"kind of\" (expression, exact)"
status "--match a word nothing matches" 0 "$SLANT" lexicon list --lexicon "$T/native-dic" --match courts
has "... says so" "$tmp/out" "no entry matches 'courts'"
status "--match with the shipped lexicon" 0 "$SLANT" lexicon list --match 'radicals'
has "... stem entries" "$tmp/out" "stem 'radic'"

# 8. stats.
status "stats" 0 "$SLANT" lexicon stats "$T/native-dic"
has "... a row per category" "$tmp/out" "hedging"
has "... the overlap" "$tmp/out" "conflict  legal_terms      1  e.g. =ceasefire"
status "stats --format json" 0 "$SLANT" lexicon stats --format json "$T/native-dic"
check "... the numbers" $PY -c "
import json, sys
s = json.load(open(sys.argv[1]))
c = {x['id']: x for x in s['categories']}
assert c['hedging']['entries'] == 4 and c['hedging']['multiword'] == 2, c['hedging']
assert c['hedging']['multiword_share'] == 0.5 and c['hedging']['exact'] == 4
assert c['conflict']['wildcard'] == 1 and c['conflict']['entries'] == 6
assert c['legal_terms']['exact'] == 3 and c['legal_terms']['wildcard'] == 1
assert s['total']['entries'] == 17
assert s['overlaps'] == [{'categories': ['conflict', 'legal_terms'], 'entries': 1,
                          'examples': ['=ceasefire']}], s['overlaps']
" "$tmp/out"
status "stats of the shipped lexicon" 0 "$SLANT" lexicon stats --format json
check "... as many entries as check counts" $PY -c "
import json, sys, subprocess
s = json.load(open(sys.argv[1]))
out = subprocess.run([sys.argv[2], 'lexicon', 'check', 'lexicons/en'], capture_output=True, text=True).stdout
assert ' %d entries' % s['total']['entries'] in out, (s['total'], out)
" "$tmp/out" "$SLANT"

# 9. Help: each command's, and every example in it works when pasted.
status "slant lexicon --help" 0 "$SLANT" lexicon --help
status "slant lexicon without a command" 2 "$SLANT" lexicon
status "an unknown lexicon command" 2 "$SLANT" lexicon frobnicate
for sub in "" check list stats import; do
    "$SLANT" lexicon $sub --help > "$tmp/help" 2>&1
    check "lexicon $sub --help" [ $? = 0 ]
    sed -n '/^examples:/,/^$/p' "$tmp/help" | sed -n 's/^  slant /slant /p' | sed 's/ *# .*//' > "$tmp/examples"
    check "lexicon $sub --help has examples" [ -s "$tmp/examples" ]
    while IFS= read -r ex; do
        cmd=$(printf '%s\n' "$ex" | sed "s|^slant |\"\$SLANT\" |; s|/tmp/|$tmp/ex-|g")
        SLANT="$SLANT" sh -c "$cmd" > /dev/null 2> "$tmp/ex.err"
        check "example works: $ex" [ $? = 0 ]
    done < "$tmp/examples"
done

# 10. The worked example of docs/lexicons.md works when pasted, and prints what it says.
awk '/^## Adding a category of your own/ { on = 1 } on && /^```sh$/ { inblock = 1; next }
     inblock && /^```$/ { exit } inblock { print }' docs/lexicons.md \
    | sed "s|build/slant|\"\$SLANT\"|g; s|/tmp/|$tmp/doc-|g; s|python3|$PY|g" > "$tmp/doc.sh"
awk '/The output ends with$/ { on = 1 } on && /^```$/ { if (inblock) exit; inblock = 1; next }
     inblock { print }' docs/lexicons.md | sed "s|/tmp/|$tmp/doc-|g" > "$tmp/doc.expected"
check "docs/lexicons.md has the example" [ -s "$tmp/doc.sh" ]
check "... and its output" [ -s "$tmp/doc.expected" ]
SLANT="$SLANT" sh -e "$tmp/doc.sh" > "$tmp/doc.out" 2> "$tmp/doc.err"
check "the example of docs/lexicons.md runs" [ $? = 0 ]
tail -n "$(wc -l < "$tmp/doc.expected")" "$tmp/doc.out" > "$tmp/doc.tail"
check "... and prints what the guide says" cmp -s "$tmp/doc.expected" "$tmp/doc.tail"

finish
