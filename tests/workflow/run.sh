#!/bin/sh
# A researcher's workflow, end to end from the command line (issue 17): subsets
# (--where, --from, --to), binned dates (--by date:UNIT), clear answers to mistakes, and
# the options of every --help documented in the man page. Every expectation is computed
# independently (Python's json, re and datetime.isocalendar) from the unfiltered output.
# Usage: tests/workflow/run.sh [BUILD]. Ends with "workflow: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
SLANT="$BUILD/slant"
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=workflow
. tests/tally.sh

# --- 1. subsets of score ------------------------------------------------------------------
"$SLANT" score -q corpus/synthetic/ > "$tmp/all.jsonl"
run_where() { # NAME PYTHON-PREDICATE SLANT-OPTIONS...
    name=$1 pred=$2
    shift 2
    "$SLANT" score "$@" corpus/synthetic/ > "$tmp/sub.jsonl" 2> "$tmp/sub.err"
    check "score $name: the records the predicate picks, and the count left out" \
        $PY - "$tmp/all.jsonl" "$tmp/sub.jsonl" "$tmp/sub.err" "$pred" <<'PYEOF'
import json, re, sys
allr = [json.loads(l) for l in open(sys.argv[1])]
sub = [json.loads(l)["id"] for l in open(sys.argv[2])]
pred = eval("lambda r: " + sys.argv[4])
want = [r["id"] for r in allr if pred(r)]
err = open(sys.argv[3]).read()
left = len(allr) - len(want)
note = f"note: {left} of {len(allr)} articles left out" in err if left else "left out" not in err
if sub != want or not note:
    print("got", len(sub), "want", len(want), "stderr:", err)
    sys.exit(1)
PYEOF
}
run_where "source=" 'r["source"] == "Northern Voice"' --where 'source=Northern Voice'
run_where "source!=A,B" 'r["source"] not in ("Northern Voice", "Meridian Wire")' \
    --where 'source!=Northern Voice,Meridian Wire'
run_where "title~REGEX" 're.search("^(Two|Ostrani) ", r["title"]) is not None' --where 'title~^(Two|Ostrani) '
run_where "title!~REGEX" 're.search("[Bb]ridge", r["title"]) is None' --where 'title!~[Bb]ridge'
run_where "--from/--to" '"2025-03-14" <= r["date"] <= "2025-04-99"' --from 2025-03-14 --to 2025-04
run_where "two --where and a date" 'r["source"] != "Meridian Wire" and r["event"] in ("e01-dumar-bridge", "e05-harbour-strike") and r["date"] >= "2025-03"' \
    --where 'source!=Meridian Wire' --where 'event=e01-dumar-bridge,e05-harbour-strike' --from 2025-03

# JSON Lines: a field used only by --where is read, not written; undated records are left
# out by a date range.
cat > "$tmp/a.jsonl" <<'JEOF'
{"id":"a1","outlet":"X","date":"2021-01-03","text":"Radicals attacked the town."}
{"id":"a2","outlet":"Y","date":"2021-01-04T08:00:00Z","text":"Officials said the town was calm."}
{"id":"a3","outlet":"Y","text":"Thugs stormed the square."}
{"id":"a4","outlet":"Y","date":"2020-12-31","text":"The mayor said little."}
JEOF
"$SLANT" score --where outlet=Y "$tmp/a.jsonl" > "$tmp/o.jsonl" 2> /dev/null
check "--where on a JSON Lines field: a2, a3, a4, without the field" $PY -c '
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(not ([x["id"] for x in r] == ["a2", "a3", "a4"] and all("outlet" not in x for x in r)))' "$tmp/o.jsonl"
"$SLANT" score --keep outlet --where outlet=Y --from 2021 < "$tmp/a.jsonl" - > "$tmp/o.jsonl" 2> /dev/null
check "--where with --keep and --from, on stdin: a2 with its outlet" $PY -c '
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(not ([(x["id"], x["fields"]["outlet"]) for x in r] == [("a2", "Y")]))' "$tmp/o.jsonl"
"$SLANT" score -q --keep outlet "$tmp/a.jsonl" > "$tmp/k.jsonl"
"$SLANT" compare -q --format csv --min-n 1 --pairs none --by date:year --where outlet=Y "$tmp/k.jsonl" > "$tmp/k.csv"
check "--where on a kept field of score records, --by date:year: 2020, 2021, (none)" $PY -c '
import csv, sys
g = [(r["group"], r["n"]) for r in csv.DictReader(open(sys.argv[1])) if r["table"] == "summary" and r["indicator"] == "loaded_index"]
sys.exit(g != [("2020", "1"), ("2021", "1"), ("(none)", "1")])' "$tmp/k.csv"
"$SLANT" score --where outlet=Z "$tmp/a.jsonl" > /dev/null 2> "$tmp/e"
check "nothing passes: status 3 and why" [ $? = 3 ]
check "nothing passes: the message" grep -q "no article passed --where" "$tmp/e"
for bad in "--where nofield" "--where =x" "--where a~(" "--from 2025-3" "--to 03-2025"; do
    "$SLANT" score $bad corpus/seeds > /dev/null 2> "$tmp/e"
    check "score $bad: usage error" [ $? = 2 ]
done

# --- 2. compare and report on subsets and binned dates --------------------------------------
"$SLANT" score -q --evidence corpus/synthetic/ > "$tmp/ev.jsonl"
"$SLANT" compare -q --format csv --where 'source!=Meridian Wire' --from 2025-03-10 corpus/synthetic/ > "$tmp/c1.csv"
"$SLANT" compare -q --format csv --where 'source!=Meridian Wire' --from 2025-03-10 "$tmp/ev.jsonl" > "$tmp/c2.csv"
check "compare --where: articles and score records give the same comparison" cmp -s "$tmp/c1.csv" "$tmp/c2.csv"
check "compare --where: the groups and their sizes" $PY - "$tmp/all.jsonl" "$tmp/c1.csv" <<'PYEOF'
import collections, csv, json, sys
want = collections.Counter(r["source"] for r in map(json.loads, open(sys.argv[1]))
                           if r["source"] != "Meridian Wire" and r["date"] >= "2025-03-10")
got = {row["group"]: int(row["n"]) for row in csv.DictReader(open(sys.argv[2]))
       if row["table"] == "summary" and row["indicator"] == "loaded_index"}
sys.exit(got != dict(want))
PYEOF
# Dates around every year's turn from 2014 to 2028 (years that start on each weekday,
# leap years, 53-week years), in shuffled order.
$PY - "$tmp/b.jsonl" <<'PYEOF'
import datetime, json, random, sys
days = [datetime.date(y, 1, 1) + datetime.timedelta(days=k)
        for y in range(2014, 2029) for k in (-4, -3, -2, -1, 0, 1, 2, 3, 6)]
random.Random(5).shuffle(days)
with open(sys.argv[1], "w") as f:
    for i, d in enumerate(days):
        f.write(json.dumps({"id": f"b{i}", "date": d.isoformat(), "text": "Thugs attacked."}) + "\n")
PYEOF
"$SLANT" compare -q --format csv --by date:week --min-n 1 --pairs none "$tmp/a.jsonl" "$tmp/b.jsonl" "$tmp/all.jsonl" > "$tmp/w.csv" 2> "$tmp/e"
check "--by date:week: ISO weeks in time order, undated last, sizes right" $PY - "$tmp/a.jsonl" "$tmp/b.jsonl" "$tmp/all.jsonl" "$tmp/w.csv" <<'PYEOF'
import collections, csv, datetime, json, sys
groups = collections.Counter()
for path in sys.argv[1:4]:
    for r in map(json.loads, open(path)):
        d = r.get("date")
        if d:
            y, w, _ = datetime.date.fromisoformat(d[:10]).isocalendar()
            groups[f"{y:04d}-W{w:02d}"] += 1
        else:
            groups["(none)"] += 1
want = sorted(k for k in groups if k != "(none)") + ["(none)"]
got = [(row["group"], int(row["n"])) for row in csv.DictReader(open(sys.argv[4]))
       if row["table"] == "summary" and row["indicator"] == "loaded_index"]
ok = [g for g, _ in got] == want and all(groups[g] == n for g, n in got)
print(got if not ok else "", want if not ok else "")
sys.exit(not ok)
PYEOF
"$SLANT" compare -q --format csv --by date:month --pairs none corpus/synthetic/ > "$tmp/m.csv"
check "--by date:month: 2025-03, 2025-04, 2025-05 in order" $PY -c '
import csv, sys
g = [r["group"] for r in csv.DictReader(open(sys.argv[1])) if r["table"] == "summary" and r["indicator"] == "loaded_index"]
sys.exit(g != ["2025-03", "2025-04", "2025-05"])' "$tmp/m.csv"
"$SLANT" report -q --by date:month --where 'source=Southern Herald' --format md corpus/synthetic/ > "$tmp/r.md"
check "report --by date:month --where: 11 articles in 2 months (May has 1, below --min-n)" \
    grep -q "^11 articles .* from 2 groups, grouped by 'date:month'" "$tmp/r.md"
"$SLANT" compare --by date:decade corpus/synthetic/ > /dev/null 2>&1
check "--by date:decade: usage error" [ $? = 2 ]
"$SLANT" compare --partial -q -o "$tmp/p.json" corpus/synthetic/
"$SLANT" compare --where source=x "$tmp/p.json" corpus/synthetic/ > /dev/null 2> "$tmp/e"
check "a partial cannot be filtered: said" grep -q "is a partial: --where" "$tmp/e"

# --- 3. clear answers ---------------------------------------------------------------------------
"$SLANT" compare --by outlet "$tmp/all.jsonl" > /dev/null 2> "$tmp/e"
check "--by a field no record has: status 3" [ $? = 3 ]
check "--by a field no record has: says so, and how to keep it" \
    grep -q "no record has the field 'outlet' (--by).*--keep outlet" "$tmp/e"
"$SLANT" compare --by outlet corpus/synthetic/ > /dev/null 2> "$tmp/e"
check "--by a field no article has: says so" grep -q "no record has the field 'outlet'" "$tmp/e"
"$SLANT" compare --indicators loaded_index,pejorative_label "$tmp/all.jsonl" > /dev/null 2> "$tmp/e"
check "unknown indicator: status 2" [ $? = 2 ]
check "unknown indicator: the nearest and the list" \
    grep -q "unknown indicator 'pejorative_label' (--indicators); did you mean 'pejorative_labels'? the indicators are: loaded_index, .*quote_share" "$tmp/e"
"$SLANT" report --indicators zzzzzzzzzzzzzzzzzzzzz "$tmp/all.jsonl" > /dev/null 2> "$tmp/e"
check "a far indicator: no suggestion, the list" sh -c "grep -q 'the indicators are' '$tmp/e' && ! grep -q 'did you mean' '$tmp/e'"
"$SLANT" > "$tmp/o" 2> "$tmp/e"
check "bare slant: status 2" [ $? = 2 ]
check "bare slant: usage on stderr, nothing on stdout" sh -c "[ ! -s '$tmp/o' ] && grep -q '^usage: slant COMMAND' '$tmp/e'"
# A manifest naming its actor file by an absolute path (actor files may lie outside the
# lexicon; category files must lie inside it, lexicons/FORMAT.md).
cp -r tests/data/lexicon-test "$tmp/lex"
rm "$tmp/lex/actors.txt"
$PY - "$tmp/lex/lexicon.json" "$(pwd)/tests/data/lexicon-test/actors.txt" <<'PYEOF'
import json, sys
m = json.load(open(sys.argv[1]))
m["actors"] = [sys.argv[2]]
json.dump(m, open(sys.argv[1], "w"), indent=1)
PYEOF
"$SLANT" score --lexicon "$tmp/lex" corpus/synthetic/ > "$tmp/abs.jsonl" 2> "$tmp/e"
check "a manifest's absolute path stays absolute" [ $? = 0 ]
"$SLANT" score --lexicon tests/data/lexicon-test corpus/synthetic/ > "$tmp/rel.jsonl" 2> /dev/null
check "... and scores as the relative one (the same actors)" $PY -c '
import json, sys
a = [json.loads(l).get("actors") for l in open(sys.argv[1])]
b = [json.loads(l).get("actors") for l in open(sys.argv[2])]
sys.exit(a != b or not any(a))' "$tmp/abs.jsonl" "$tmp/rel.jsonl"

# --- 4. spreadsheets and formats told by content -------------------------------------------
# The synthetic corpus as JSON Lines and as CSV (Python's csv module: quoted cells with
# commas, quotes and line breaks) compares exactly as the directory of text files.
$PY - "$tmp/syn.jsonl" "$tmp/syn.csv" "$tmp/syn.tsv" <<'PYEOF'
import csv, glob, json, sys
rows = []
for p in sorted(glob.glob("corpus/synthetic/*/*.txt")):
    head, body = open(p, encoding="utf-8").read().split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in head.split("\n"))
    rows.append({"doc": p, "outlet": meta["source"], "date": meta["date"], "body": body})
with open(sys.argv[1], "w") as f:
    for r in rows:
        f.write(json.dumps(r) + "\n")
with open(sys.argv[2], "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["doc", "outlet", "date", "body"])
    w.writeheader()
    w.writerows(rows)
assert any("\n" in r["body"] and "," in r["body"] and '"' in r["body"] for r in rows)
with open(sys.argv[3], "w") as f:  # TSV has no quoting: one line per article
    f.write("doc\toutlet\tdate\tbody\n")
    for r in rows:
        f.write("\t".join([r["doc"], r["outlet"], r["date"], r["body"].replace("\n", " ").replace("\t", " ")]) + "\n")
PYEOF
"$SLANT" compare -q --format csv corpus/synthetic/ > "$tmp/dir.csv"
O="-q --format csv --by outlet --text-field body --id-field doc"
"$SLANT" compare $O "$tmp/syn.csv" > "$tmp/c.csv"
check "compare a CSV of articles: as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
"$SLANT" compare $O - < "$tmp/syn.csv" > "$tmp/c.csv"
check "compare a CSV on standard input: as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
"$SLANT" compare $O "$tmp/syn.jsonl" > "$tmp/c.csv"
check "compare JSON Lines of articles: as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
cat "$tmp/syn.jsonl" | "$SLANT" compare $O /dev/stdin > "$tmp/c.csv"
check "compare JSON Lines through a pipe named /dev/stdin (as <(jq ...)): as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
cat "$tmp/syn.jsonl" | "$SLANT" compare $O - > "$tmp/c.csv"
check "compare JSON Lines on standard input: as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
"$SLANT" score -q --evidence corpus/synthetic/ | "$SLANT" compare -q --format csv - > "$tmp/c.csv"
check "compare score records on standard input: as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
mkfifo "$tmp/fifo"
cat "$tmp/ev.jsonl" > "$tmp/fifo" &
"$SLANT" compare -q --format csv "$tmp/fifo" > "$tmp/c.csv"
wait
check "compare score records through a named pipe: as the directory" cmp -s "$tmp/dir.csv" "$tmp/c.csv"
"$SLANT" score -q --text-field body --id-field doc --keep outlet "$tmp/syn.tsv" > "$tmp/t.jsonl"
"$SLANT" score -q --text-field body --id-field doc --keep outlet --input tsv - < "$tmp/syn.tsv" > "$tmp/t2.jsonl"
check "score a TSV: 36 records with ids, dates and kept outlets" $PY - "$tmp/t.jsonl" "$tmp/syn.jsonl" <<'PYEOF'
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
want = [json.loads(l) for l in open(sys.argv[2])]
sys.exit(not (len(got) == 36 and [(g["id"], g["date"], g["fields"]["outlet"]) for g in got]
              == [(w["doc"], w["date"], w["outlet"]) for w in want]))
PYEOF
check "score a TSV named and on standard input (--input tsv): the same counts" $PY -c '
import json, sys
a = [json.loads(l)["categories"] for l in open(sys.argv[1])]
b = [json.loads(l)["categories"] for l in open(sys.argv[2])]
sys.exit(a != b)' "$tmp/t.jsonl" "$tmp/t2.jsonl"
"$SLANT" score "$tmp/syn.csv" > /dev/null 2> "$tmp/e"
check "a CSV without the text column: status 3" [ $? = 3 ]
check "a CSV without the text column: names the columns" \
    grep -q "no column 'text' for the text (--text-field) among the header row's 'doc', 'outlet', 'date', 'body'" "$tmp/e"
printf 'id,text\nx1,"Thugs attacked."\n' | "$SLANT" score - > "$tmp/o.jsonl"
check "a CSV on standard input, told by its header" grep -q '"id":"x1"' "$tmp/o.jsonl"
printf '{"id":"j1","text":"Thugs."}\n' > "$tmp/noext"
"$SLANT" score "$tmp/noext" > "$tmp/o.jsonl"
check "JSON Lines without a telling name, by content" grep -q '"id":"j1"' "$tmp/o.jsonl"

# --- 5. explain --id --------------------------------------------------------------------------
"$SLANT" explain --id "corpus/synthetic/southern-herald/03-pell-gate-closure.txt" --text-field body --id-field doc "$tmp/syn.jsonl" > "$tmp/x.txt"
check "explain --id picks one record of a JSON Lines file" sh -c "
    [ \$(grep -c '^corpus/synthetic/.* (source: ' '$tmp/x.txt') = 1 ] &&
    grep -q '^corpus/synthetic/southern-herald/03-pell-gate-closure.txt (source: ' '$tmp/x.txt'"
"$SLANT" explain corpus/synthetic/southern-herald/03-pell-gate-closure.txt | tail -n +2 > "$tmp/x1.txt"
check "explain --id: the same matches as the file explained alone" sh -c "
    grep -A200 '^Matches' '$tmp/x.txt' | head -40 > '$tmp/m1' &&
    grep -A200 '^Matches' '$tmp/x1.txt' | head -40 > '$tmp/m2' && cmp -s '$tmp/m1' '$tmp/m2'"
"$SLANT" explain --id nope "$tmp/syn.jsonl" > /dev/null 2> "$tmp/e"
check "explain --id of no article: status 3" [ $? = 3 ]
check "explain --id of no article: says so" grep -q "no article with the id 'nope'" "$tmp/e"

# --- 6. kwic ------------------------------------------------------------------------------------
"$SLANT" kwic -q --format jsonl pejorative_labels corpus/synthetic/ corpus/seeds/ > "$tmp/k1.jsonl"
"$SLANT" score -q --evidence corpus/synthetic/ corpus/seeds/ > "$tmp/kev.jsonl"
check "kwic CATEGORY: the text matches of score --evidence, and the bytes at the offsets" $PY - "$tmp/k1.jsonl" "$tmp/kev.jsonl" <<'PYEOF'
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
want = set()
for r in map(json.loads, open(sys.argv[2])):
    for m in r["evidence"]:
        if m["category"] == "pejorative_labels" and m.get("field") != "title":
            want.add((r["id"], m["start"], m["end"], m["entry"]))
got = {(h["id"], h["start"], h["end"], h["entry"]) for h in hits}
ok = got == want and len(hits) == len(got) and len(hits) > 10
for h in hits:
    data = open(h["file"], "rb").read()
    ok = ok and data[h["start"]:h["end"]].decode() == h["match"]
    ok = ok and " ".join(data[:h["start"]].decode().split()).endswith(h["left"].strip())
sys.exit(not ok)
PYEOF
"$SLANT" kwic -q --format jsonl radical corpus/seeds/ > "$tmp/k2.jsonl"
check "kwic ENTRY: 'radical' is the entry '=radical', its matches alone" $PY -c '
import json, sys
h = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(not (h and all(x["entry"] == "=radical" and x["match"].lower() == "radical" for x in h)))' "$tmp/k2.jsonl"
"$SLANT" kwic -q --format jsonl --words 'the bridge' "$tmp/syn.csv" --text-field body --id-field doc > "$tmp/k3.jsonl"
"$SLANT" kwic -q --format jsonl 'extrem*' "$tmp/syn.csv" --text-field body --id-field doc > "$tmp/k4.jsonl"
check "kwic WORDS and a PREFIX*: the occurrences Python's re finds, at their offsets" $PY - "$tmp/syn.jsonl" "$tmp/k3.jsonl" "$tmp/k4.jsonl" <<'PYEOF'
import json, re, sys
arts = {r["doc"]: r["body"] for r in map(json.loads, open(sys.argv[1]))}
for path, pattern in ((sys.argv[2], r"(?i)\bthe\s+bridge\b"), (sys.argv[3], r"(?i)\bextrem\w*")):
    want = set()
    for doc, body in arts.items():
        b = body.encode()
        for m in re.finditer(pattern, body):
            want.add((doc, len(body[:m.start()].encode()), len(body[:m.end()].encode())))
    hits = [json.loads(l) for l in open(path)]
    got = {(h["id"], h["start"], h["end"]) for h in hits}
    if got != want or not got or any(h["entry"] is not None for h in hits):
        print(path, len(got), len(want))
        sys.exit(1)
PYEOF
"$SLANT" kwic 'radicals' corpus/seeds/ > "$tmp/k.txt" 2> "$tmp/e"
check "kwic text: one line per occurrence, with the id, offsets and [match]" \
    grep -q '^000_5941d1ad503c0a8e.txt \[48,56\] .* \[radicals\] brutally attacked' "$tmp/k.txt"
check "kwic: the summary on stderr" grep -q "1 occurrence of 'radicals' (lexicon entry) in 1 of 2 articles" "$tmp/e"
"$SLANT" kwic '***' corpus/seeds/ > /dev/null 2>&1
check "kwic of no word: usage error" [ $? = 2 ]

# --- 7. open-vocabulary keyness -------------------------------------------------------------
"$SLANT" keyness -q --format csv --by event --min-df 1 corpus/synthetic/ > "$tmp/kn.csv"
check "keyness: G2, p, Log Ratio and BH q of every term as SciPy computes them" $PY - "$tmp/kn.csv" <<'PYEOF'
import csv, math, sys
from scipy.stats import chi2_contingency
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) > 1000
groups = {}
for r in rows:
    groups.setdefault(r["group"], []).append(r)
ok = len(groups) == 12
for g, rs in groups.items():
    words = {round(1e6 * float(r["count"]) / float(r["per_million"])) for r in rs}
    rest = {round(1e6 * float(r["rest"]) / float(r["rest_per_million"])) for r in rs if float(r["rest"])}
    ok = ok and len(words) == 1 and len(rest) == 1
    c, d = words.pop(), rest.pop()
    for r in rs[:40] + rs[-10:]:
        a, b = float(r["count"]), float(r["rest"])
        g2, p, _, _ = chi2_contingency([[a, b], [c - a, d - b]], correction=False,
                                       lambda_="log-likelihood")
        sign = 1 if a / c > b / d else -1
        lr = math.log2((max(a, .5) / c) / (max(b, .5) / d))
        ok = ok and math.isclose(float(r["g2"]), sign * g2, rel_tol=1e-7, abs_tol=1e-9)
        ok = ok and math.isclose(float(r["p"]), p, rel_tol=1e-6, abs_tol=1e-300)
        ok = ok and math.isclose(float(r["log_ratio"]), lr, rel_tol=1e-7)
    ps = sorted((float(r["p"]), i) for i, r in enumerate(rs))
    m, q, prev = len(ps), [0.0] * len(rs), 1.0
    for k in range(m - 1, -1, -1):
        prev = min(prev, ps[k][0] * m / (k + 1))
        q[ps[k][1]] = prev
    ok = ok and all(math.isclose(float(r["q"]), q[i], rel_tol=1e-6) for i, r in enumerate(rs))
    g2s = [float(r["g2"]) for r in rs]
    ok = ok and g2s == sorted(g2s, reverse=True)
sys.exit(not ok)
PYEOF
check "keyness: counts and document frequencies of words as Python's re counts them" $PY - "$tmp/kn.csv" <<'PYEOF'
import csv, glob, re, sys
arts = {}
for p in sorted(glob.glob("corpus/synthetic/*/*.txt")):
    head, body = open(p, encoding="utf-8").read().split("\n\n", 1)
    meta = dict(l.split(": ", 1) for l in head.split("\n"))
    arts.setdefault(meta["event"], []).append(body)
rows = {(r["group"], r["term"]): r for r in csv.DictReader(open(sys.argv[1]))}
ok, n = True, 0
for word in ("bridge", "police", "army", "shelling", "crowd", "market"):
    for ev, bodies in arts.items():
        pat = re.compile(r"(?<![\w'’])" + word + r"(?![\w'’])", re.I)
        counts = [len(pat.findall(b)) for b in bodies]
        r = rows.get((ev, word))
        if sum(counts) == 0:
            ok = ok and r is None
            continue
        n += 1
        ok = ok and r is not None and int(r["count"]) == sum(counts) \
            and int(r["df"]) == sum(1 for c in counts if c)
ok = ok and n >= 6
ok = ok and not any(t in ("the", "of the") or t.startswith("the ") or t.endswith(" of")
                    for (_, t) in rows)
sys.exit(not ok)
PYEOF
"$SLANT" keyness -q --new-only --top 0 corpus/synthetic/ > "$tmp/kn.txt"
"$SLANT" keyness -q --format csv corpus/synthetic/ > "$tmp/kn2.csv"
check "keyness --new-only: no term the lexicon covers; covered ones are marked in CSV" $PY - "$tmp/kn.txt" "$tmp/kn2.csv" <<'PYEOF'
import csv, sys
text = open(sys.argv[1]).read()
rows = list(csv.DictReader(open(sys.argv[2])))
covered = {r["term"] for r in rows if r["in_lexicon"] == "true"}
ok = "(lexicon)" not in text and "radicals" in covered and "militants" in covered
ok = ok and all(r["in_lexicon"] in ("true", "false") for r in rows)
sys.exit(not ok)
PYEOF
"$SLANT" keyness --by outlet corpus/synthetic/ > /dev/null 2> "$tmp/e"
check "keyness: one group is nothing to compare (status 3)" [ $? = 3 ]

finish
