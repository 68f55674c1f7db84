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
SUITE=framing
. tests/tally.sh

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
check "seed 000: Captain Randy Goddard said (the name without the title)" has "000 quote Randy Goddard said neutral False"
check "seed 000: 'weapons' is a scare quote" has "000 scare 'weapons'"
check "seed 000: six quotations, three speakers" has "000 attribution 6 3"
check "seed 001: the ministry's statement said" has "001 quote a statement by Azerbaijan's Foreign Ministry said neutral False"
check "seed 001: a quotation continues the statement" has "001 quote the statement said neutral True"
check "seed 001: \"counter-terrorism\" is a scare quote" has '001 scare "counter-terrorism"'

# Framing finds its categories by their manifest role, not by their ids: the same lexicon
# with the report-verb category renamed still attributes; without the role it does not.
cp -R $LEX "$tmp/renamed"
sed 's/"id": "report_neutral"/"id": "plain_verbs"/' $LEX/lexicon.json > "$tmp/renamed/lexicon.json"
sed 's/"id": "report_neutral", \("file": "[a-z_.]*", "group": "[a-z]*"\), "role": "report_neutral"/"id": "report_neutral", \1/' \
    $LEX/lexicon.json > "$tmp/norole.json"
mkdir -p "$tmp/norole" && cp -R $LEX/* "$tmp/norole/" && cp "$tmp/norole.json" "$tmp/norole/lexicon.json"
said() { printf '%s\n' '"We will win," Durbin said.' | "$SLANT" score -q --lexicon "$1" - |
    $PY -c 'import json, sys; print([(q["speaker"], q["verb"]) for q in json.loads(sys.stdin.read())["quotations"]])'; }
check "a renamed report-verb category keeps its role" [ "$(said "$tmp/renamed")" = "[('Durbin', 'said')]" ]
check "without the role there is no report verb" [ "$(said "$tmp/norole")" = "[(None, None)]" ]
cp -R $LEX "$tmp/badrole"
sed 's/"role": "hedge"/"role": "hedger"/' $LEX/lexicon.json > "$tmp/badrole/lexicon.json"
check "an unknown role is an error that lists the roles" \
    sh -c "echo x | '$SLANT' score -q --lexicon '$tmp/badrole' - 2>&1 | grep -q \"unknown role (negator, booster, diminisher, report_neutral\""

# Issue 10's framing defects, as its commands reproduce them (with the framing test
# lexicon, which has "radical" and the report noun "statement").
q() { $PY -c 'import json, sys
r = json.loads(sys.stdin.read())
for q in r["quotations"]: print("quote", q["speaker"], q["verb"], q["continued"], q["scare"])
for s in r["so_called"]: print("so_called", s["text"], "|", s["label"])
for e in r.get("evidence", []): print("match", e["surface"], e["in_quote"])
print("quote_tokens", r["quote_tokens"], "author", sum(c["author"] for c in r["categories"].values()))'; }
echo '{"id":"x","text":"Critics call the plan a \"radical\" idea."}' |
    "$SLANT" score --evidence --lexicon $LEX - | q > "$tmp/i1"
check "issue 10: a scare-quoted word is the author's (in_quote false)" grep -qxF "match radical False" "$tmp/i1"
check "issue 10: a scare quote's words are not quoted speech" grep -qxF "quote_tokens 0 author 1" "$tmp/i1"
printf '%s\n' '"We will act," the statement also said.' | "$SLANT" score --lexicon $LEX - | q > "$tmp/i2"
check "issue 10: the statement said, not the/statement" grep -qxF "quote the statement said False False" "$tmp/i2"
printf '%s\n' '"It was shameful," she said. Critics call the plan "reckless" and worse.' |
    "$SLANT" score --lexicon $LEX - | q > "$tmp/i3"
check "issue 10: a scare quote after speech is not continued speech" grep -qxF "quote None None False True" "$tmp/i3"
printf '%s\n' 'The so-called "reforms" are a sham.' | "$SLANT" score --lexicon $LEX - | q > "$tmp/i4"
check "issue 10: so-called keeps both quote marks, the label is the words" \
    grep -qxF 'so_called so-called "reforms" | reforms' "$tmp/i4"

# explain: numbered marks in the text, the tables, the page
"$SLANT" explain --lexicon $LEX corpus/seeds/000_5941d1ad503c0a8e.txt > "$tmp/explain.txt"
check "explain exits 0" [ $? -eq 0 ]
check "explain marks matches" grep -q 'Armenian radicals\[1\] brutally attacked\[2\]' "$tmp/explain.txt"
check "explain lists quotations" grep -q 'Randy Goddard' "$tmp/explain.txt"
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

# The shipped lexicon and its actors: who is called what in the seeds, and neutrality.
"$SLANT" score corpus/seeds/ > "$tmp/en.jsonl"
$PY - "$tmp/en.jsonl" <<'PYEOF'
import json, sys
r = {x["id"][:3]: x for x in map(json.loads, open(sys.argv[1]))}
bad = []
for seed in ("000", "001"):
    arm, aze = r[seed]["actors"]["armenia"], r[seed]["actors"]["azerbaijan"]
    # the "radical" labels sit next to the Armenian actor, the victim terms next to the Azerbaijani
    if not arm["window"]["pejorative_labels"] > aze["window"]["pejorative_labels"]:
        bad.append(f"{seed}: pejorative labels near armenia {arm['window']} vs azerbaijan {aze['window']}")
    if not arm["agent"] >= 1 or not aze["patient"] >= 1:
        bad.append(f"{seed}: violence roles armenia {arm['agent']}/{arm['patient']} azerbaijan {aze['agent']}/{aze['patient']}")
if not r["000"]["actors"]["azerbaijan"]["window"]["victimhood"] > r["000"]["actors"]["armenia"]["window"]["victimhood"]:
    bad.append("000: victim terms are not nearer azerbaijan")
stances = {(c["concept"], c["stance"]) for c in r["001"]["contested"]}
for want in [("karabakh_takeover", "azerbaijani"), ("karabakh_operation_2023", "azerbaijani")]:
    if want not in stances:
        bad.append(f"001: contested {want} missing from {sorted(stances)}")
print("\n".join(bad)); sys.exit(1 if bad else 0)
PYEOF
check "seeds: who is called what (actors, contested labels)" [ $? -eq 0 ]

# Neutrality: swapping two actors' names in a text swaps their actor rows exactly.
cat > "$tmp/mirror-a.txt" <<'TXT'
Varenian militants brutally attacked Ostrani villages on Monday, officials said. "The Ostrani
civilians were innocent victims of a cowardly massacre," said a spokesman in Miresk. Calvor
denied the so-called atrocity and claimed the Ostrani extremists had provoked the clashes.
Ostrani homes were destroyed by Varenian shelling, and the illegal occupation continued.
TXT
sed -e 's/Varenian/@A@/g; s/Ostrani/Varenian/g; s/@A@/Ostrani/g; s/Calvor/@B@/g; s/Miresk/Calvor/g; s/@B@/Miresk/g' \
    "$tmp/mirror-a.txt" > "$tmp/mirror-b.txt"
"$SLANT" score "$tmp/mirror-a.txt" "$tmp/mirror-b.txt" > "$tmp/mirror.jsonl"
$PY - "$tmp/mirror.jsonl" <<'PYEOF'
import json, sys
a, b = [json.loads(l)["actors"] for l in open(sys.argv[1])]
ok = a["varenia"] == b["ostrania"] and a["ostrania"] == b["varenia"] and a["varenia"] != a["ostrania"]
if not ok:
    print("mirror:", a, b)
sys.exit(0 if ok else 1)
PYEOF
check "mirror: swapped names swap the actor rows" [ $? -eq 0 ]

finish
