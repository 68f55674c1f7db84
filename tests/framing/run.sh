#!/bin/sh
# Tests of the framing statistics and of 'slant explain' as a user runs them, on the seed
# articles: quotations with their speakers and report verbs, scare quotes, the marked text,
# and the HTML page. Ends with "framing: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-build}"
SLANT="$BUILD/slant"
PY=/usr/bin/python3
LEX=tests/data/lexicon-frame
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { name=$1; shift; if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "framing FAIL: $name"; fi; }

"$SLANT" score --lexicon $LEX corpus/seeds/ > "$tmp/seeds.jsonl"
$PY - "$tmp/seeds.jsonl" > "$tmp/facts.txt" <<'PYEOF'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    for q in r["quotations"]:
        print(r["id"][:3], "quote", q["speaker"], q["verb"], q["verb_kind"], q["continued"])
    for s in r["scare_quotes"]:
        print(r["id"][:3], "scare", s["text"])
    print(r["id"][:3], "attribution", r["attribution"]["quotations"], r["attribution"]["speakers"])
PYEOF
has() { grep -qxF "$1" "$tmp/facts.txt"; }
check "seed 000: the consulate general said" has "000 quote the consulate general said neutral False"
check "seed 000: the message said" has "000 quote the message said neutral False"
check "seed 000: Captain Randy Goddard said" has "000 quote Captain Randy Goddard said neutral False"
check "seed 000: 'weapons' is a scare quote" has "000 scare 'weapons'"
check "seed 000: six quotations, three speakers" has "000 attribution 6 3"
check "seed 001: the ministry's statement said" has "001 quote a statement by Azerbaijan's Foreign Ministry said neutral False"
check "seed 001: a quotation continues the statement" has "001 quote the statement said neutral True"
check "seed 001: \"counter-terrorism\" is a scare quote" has '001 scare "counter-terrorism"'

# explain: numbered marks in the text, the tables, the page
"$SLANT" explain --lexicon $LEX corpus/seeds/000_5941d1ad503c0a8e.txt > "$tmp/explain.txt"
check "explain exits 0" [ $? -eq 0 ]
check "explain marks matches" grep -q 'Armenian radicals\[1\] brutally attacked\[2\]' "$tmp/explain.txt"
check "explain lists quotations" grep -q 'Captain Randy Goddard' "$tmp/explain.txt"
check "explain lists scare quotes" grep -q "scare quote inside a quotation  *'weapons'" "$tmp/explain.txt"
check "explain without colour when not a terminal" sh -c "! grep -q \"$(printf '\033')\" '$tmp/explain.txt'"
"$SLANT" explain --format html -o "$tmp/e.html" --lexicon $LEX corpus/seeds/
check "explain html" [ -s "$tmp/e.html" ]
$PY - "$tmp/e.html" <<'PYEOF'
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "hr", "input", "link"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.errors = []; self.sections = 0
    def handle_starttag(self, tag, attrs):
        if tag == "section": self.sections += 1
        for k, v in attrs:
            if v and ("http" in v or v.startswith("//")): self.errors.append(f"external {k}={v}")
        if tag not in VOID: self.stack.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag: self.errors.append(f"unbalanced </{tag}>")
        else: self.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
errors = p.errors + ([f"unclosed {p.stack}"] if p.stack else []) + ([] if p.sections == 2 else [f"{p.sections} sections"])
print("\n".join(errors)); sys.exit(1 if errors else 0)
PYEOF
check "explain html is well formed, self-contained, one section per article" [ $? -eq 0 ]
"$SLANT" explain --lexicon $LEX "$tmp/none.txt" 2> "$tmp/err"
check "explain of a missing file: status 3 and a message" sh -c "[ $? -eq 3 ] && grep -q 'cannot open' '$tmp/err'"

echo "framing: $passed passed, $failed failed"
[ $failed = 0 ]
