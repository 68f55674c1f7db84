"""Keyness that boilerplate cannot drive, and concepts and actors that belong to the corpus
(issue 16.4, 16.5, 11.4), on a made-up corpus: the document frequency of every keyness row
against a count from the score records, the article-level test against SciPy
(fisher_exact, chi2_contingency with lambda_="log-likelihood") and its q-values, a caption
repeated on six gallery pages that the pooled test calls key and the article level does
not, the default selection of keyness rows (significant plus the top N, --min-df) with
the count left out, contested concepts under --min-df, --actors for compare and report,
and partials that carry the article counts. Usage: keyness_df.py BUILD_DIR. Ends with
"keyness_df: N passed, N failed"."""
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from scipy import stats

warnings.simplefilter("error")
BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.join(BUILD, "slant")
LEX = "tests/data/lexicon-test"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("keyness_df")
check = TALLY.check


def close(a, b, rel=1e-9, abs_=1e-12):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


def run(*args):
    return subprocess.run([SLANT, *args], capture_output=True, text=True)


def slant(*args):
    r = run(*args)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"slant {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r.stdout


def bh(p):
    p = np.asarray(p, float)
    order = np.argsort(p, kind="stable")
    q = p[order] * len(p) / np.arange(1, len(p) + 1)
    q = np.minimum.accumulate(q[::-1])[::-1]
    out = np.empty_like(q)
    out[order] = np.minimum(q, 1)
    return out


# --- the made-up corpus ----------------------------------------------------------------------
# Gallery: six photo-gallery pages repeat one caption ("radical" ten times each), six plain
# stories; Plain: six stories with "radical" once, six without. Pooled, Gallery uses it
# ten times as often; by articles, both groups use it in half of their articles.
PLAIN_TEXT = "The council met on Monday and discussed the roads and the new school."
articles = []
for i in range(12):
    if i < 6:
        text = "Gallery caption: " + " ".join(["a radical march"] * 10) + "."
    else:
        text = PLAIN_TEXT + " Hate was not the topic." * (i % 3 == 0)
    if i < 4:
        text += " The vote in Artsakh was held."
    if i in (0, 1, 2, 3, 4):
        text += " Varenia sent a delegation."
    if i < 3:
        text += " Boats on the Anver were counted."
    articles.append({"id": f"g{i:02d}", "source": "Gallery", "text": text})
for i in range(12):
    text = PLAIN_TEXT
    if i < 6:
        text += " One radical speaker came."
    if i < 4:
        text += " The vote in Nagorno-Karabakh was held."
    if i == 0:
        text += " Some said Artsakh."  # a second variant: still one article of the concept
    if i == 5:
        text += " The town was liberated."
    if i == 6:
        text += " The town was captured."
    if i % 4 == 1:
        text += " Brutal weather hit the brutal coast."
    articles.append({"id": f"p{i:02d}", "source": "Plain", "text": text})

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "articles.jsonl")
    with open(path, "w") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
    base = ["--lexicon", LEX, "--min-n", "2", "--format", "json"]
    full = json.loads(slant("compare", "--keyness", "all", *base, path))
    rows = full["tables"]["keyness"]

    # --- document frequency against the score records ---------------------------------------
    records = [json.loads(x) for x in slant("score", "-q", "--lexicon", LEX, path).splitlines()]
    df, n = {}, {}
    for r in records:
        n[r["source"]] = n.get(r["source"], 0) + 1
        for cat, entry, count in r["entries"]:
            if count > 0:
                key = (r["source"], f"{cat}:{entry}")
                df[key] = df.get(key, 0) + 1
        for c in r["contested"]:
            if c["count"] > 0:
                key = (r["source"], f"contested/{c['concept']}:{c['variant']}")
                df[key] = df.get(key, 0) + 1
    groups = sorted(n)
    bad = []
    for r in rows:
        ga = r["group"]
        refs = [g for g in groups if g != ga] if r["reference"] == "rest" else [r["reference"]]
        want = (df.get((ga, r["entry"]), 0), sum(df.get((g, r["entry"]), 0) for g in refs),
                n[ga], sum(n[g] for g in refs))
        got = (r["df_a"], r["df_b"], r["articles_a"], r["articles_b"])
        if got != want:
            bad.append((r["group"], r["reference"], r["entry"], got, want))
    check(rows and not bad, f"df and articles of {len(rows)} keyness rows as counted from the "
          f"score records ({len(bad)} differ: {bad[:2]})")

    # --- the article-level test against SciPy ----------------------------------------------
    bad = []
    for r in rows:
        table = [[r["df_a"], r["df_b"]],
                 [r["articles_a"] - r["df_a"], r["articles_b"] - r["df_b"]]]
        if r["df_a"] == r["articles_a"] and r["df_b"] == r["articles_b"]:
            if r["art_g2"] is not None:
                bad.append(("every article", r["entry"]))
            continue
        g2 = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        sign = 1 if r["df_a"] / r["articles_a"] > r["df_b"] / r["articles_b"] else -1
        if not close(abs(r["art_g2"]), g2, 1e-8, 1e-9) or (g2 > 1e-9 and
                                                         math.copysign(1, r["art_g2"]) != sign):
            bad.append(("g2", r["entry"], r["art_g2"], sign * g2))
        expected = stats.contingency.expected_freq(table)
        fisher = stats.fisher_exact(table).pvalue
        if expected.min() < 5:
            if r["art_test"] != "fisher" or not close(r["art_fisher_p"], fisher, 1e-8):
                bad.append(("fisher", r["entry"], r["art_fisher_p"], fisher))
            if not close(r["art_p"], r["art_fisher_p"]):
                bad.append(("p", r["entry"]))
        elif r["art_test"] != "g2" or not close(r["art_p"], stats.chi2.sf(g2, 1), 1e-8):
            bad.append(("g2_p", r["entry"], r["art_p"]))
    check(not bad, f"article-level G² and Fisher's p equal SciPy's ({len(bad)} differ: {bad[:2]})")
    fams = {f["name"]: f["tests"] for f in full["families"]}
    for fam, sel in (("keyness/vs_rest_articles", [r for r in rows if r["reference"] == "rest"]),
                     ("keyness/pairs_articles", [r for r in rows if r["reference"] != "rest"])):
        defined = [r for r in sel if r["art_p"] is not None]
        qs = bh([r["art_p"] for r in defined]) if defined else []
        diff = [r["entry"] for r, q in zip(defined, qs) if not close(r["art_q"], float(q), 1e-8)]
        check(fams.get(fam) == len(defined) > 0 and not diff,
              f"{fam}: {fams.get(fam)} tests, BH q-values of the article-level p ({diff[:2]})")

    # --- the gallery caption: key pooled, not by articles ------------------------------------
    def row(group, entry, ref="rest", doc=full):
        for r in doc["tables"]["keyness"]:
            if r["group"] == group and r["reference"] == ref and r["entry"] == entry:
                return r
        return None

    cap = row("Gallery", "labels:radical")
    check(cap and cap["g2"] > 0 and cap["g2_q"] < 0.05 and cap["df_a"] == cap["df_b"] == 6
          and cap["art_p"] > 0.5,
          f"the caption: pooled G² {cap and cap['g2']:.1f} (q {cap and cap['g2_q']:.2g}), "
          f"in 6 articles of each group (article p {cap and cap['art_p']:.2g})")
    sel = json.loads(slant("compare", *base, path))
    check(row("Gallery", "labels:radical", doc=sel) is None,
          "the caption is not among the default keyness rows of Gallery")
    text = slant("compare", "--lexicon", LEX, "--min-n", "2", path)
    line = [x for x in text.splitlines() if x.strip().startswith("Gallery:")]
    check(line and "radical" not in line[0], f"compare's text: not a term of Gallery ({line})")
    report = slant("report", "--lexicon", LEX, "--min-n", "2", path)
    keys = report[report.find("KEY TERMS"):] if "KEY TERMS" in report else report
    check("radical" not in keys.split("Gallery", 1)[-1].split("Plain", 1)[0],
          "the report's key terms of Gallery leave the caption out")

    # --- the selection: significant plus the top N, at least min_df articles ---------------
    kr = sel["keyness_rows"]
    written = sel["tables"].get("keyness", [])
    check(kr["written"] == len(written) and kr["written"] + kr["left_out"] == len(rows)
          and kr["min_df"] == 3 and kr["left_out"] > 0,
          f"keyness_rows: {kr['written']} written + {kr['left_out']} left out = {len(rows)}")
    ok = all((r["df_a"] if r["g2"] > 0 else r["df_b"]) >= 3 for r in written)
    check(ok and written, "every default row is in 3 or more articles of the side it is key for")
    one = json.loads(slant("compare", "--top", "1", *base, path))
    blocks = {}
    for r in one["tables"].get("keyness", []):
        if r["g2_q"] >= 0.05:
            side = r["g2"] > 0
            blocks[(r["group"], r["reference"], side)] = blocks.get(
                (r["group"], r["reference"], side), 0) + 1
    check(all(v <= 1 for v in blocks.values()),
          f"--top 1: at most one non-significant row per group, reference and side ({blocks})")
    low = json.loads(slant("compare", "--min-df", "1", *base, path))
    check(low["keyness_rows"]["written"] >= kr["written"],
          "--min-df 1 lists at least as many rows")
    csv = run("compare", "--lexicon", LEX, "--min-n", "2", "--format", "csv", path)
    check(f"{kr['left_out']} of {len(rows)} keyness rows left out" in csv.stderr,
          f"csv: the rows left out are said on stderr ({csv.stderr.strip()})")

    # --- contested concepts under --min-df --------------------------------------------------
    tested = {r["indicator"]: r for r in full["tables"].get("contested_tests", [])}
    active = {c["concept"]: c for c in full["active"]["concepts"]}
    check("region_name" in tested and tested["region_name"]["articles"] == 8,
          f"region_name: 8 articles, one with two variants counted once "
          f"({tested.get('region_name', {}).get('articles')})")
    check("takeover" not in tested and active.get("takeover") == {
          "concept": "takeover", "articles": 2, "reported": False},
          f"takeover, in 2 articles: listed as active, not tested ({active.get('takeover')})")
    two = json.loads(slant("compare", "--min-df", "2", *base, path))
    check("takeover" in {r["indicator"] for r in two["tables"].get("contested_tests", [])},
          "--min-df 2: takeover is tested")
    check("Left out, in fewer articles: takeover (2 articles)" in " ".join(report.split()),
          "the report names the concept left out and its articles")

    # --- actors: which are active, and --actors for compare and report ----------------------
    acts = {a["actor"]: a["articles"] for a in full["active"]["actors"]}
    check(acts.get("varenia") == 5 and "rivers" not in acts, f"active actors: {acts}")
    actor_file = os.path.join(tmp, "rivers.txt")
    with open(actor_file, "w") as f:
        f.write("rivers: Anver\n")
    with_actors = json.loads(slant("compare", "--actors", actor_file, *base, path))
    acts = {a["actor"]: a["articles"] for a in with_actors["active"]["actors"]}
    check(acts.get("rivers") == 3, f"compare --actors: the file's actor in 3 articles ({acts})")
    rep = slant("report", "--actors", actor_file, "--lexicon", LEX, "--min-n", "2", path)
    check("rivers (3 articles)" in " ".join(rep.split()), "report --actors: the actor is active")
    bad_actors = run("compare", "--actors", os.path.join(tmp, "none.txt"), *base, path)
    check(bad_actors.returncode == 2 and "none.txt" in bad_actors.stderr,
          "compare --actors with a missing file: a usage error naming it")
    scored = os.path.join(tmp, "scored.jsonl")
    with open(scored, "w") as f:
        f.write(slant("score", "-q", "--lexicon", LEX, path))
    note = run("compare", "--actors", actor_file, *base, scored)
    check("--actors applies to the articles only" in note.stderr,
          "compare --actors on score records says it does not apply")

    # --- partials carry the article counts ----------------------------------------------------
    halves = [os.path.join(tmp, "h0.jsonl"), os.path.join(tmp, "h1.jsonl")]
    for k, h in enumerate(halves):
        with open(h, "w") as f:
            for i, a in enumerate(articles):
                if i % 2 == k:
                    f.write(json.dumps(a) + "\n")
    parts = []
    for k, h in enumerate(halves):
        parts.append(os.path.join(tmp, f"part{k}.json"))
        slant("compare", "-q", "--lexicon", LEX, "--partial", "-o", parts[k], h)
    merged = os.path.join(tmp, "merged.json")
    slant("merge", "-o", merged, *parts)
    doc_m = json.loads(slant("compare", "--keyness", "all", "--min-n", "2", "--format", "json",
                             merged))
    check(doc_m["tables"] == full["tables"] and doc_m["active"] == full["active"],
          "merged partials: the same keyness rows (df included), concepts and actors")
    with open(parts[0]) as f:
        old = json.loads(f.read())
    for g in old["groups"]:
        del g["entry_articles"]
    older = os.path.join(tmp, "older.json")
    with open(older, "w") as f:
        f.write(json.dumps(old) + "\n")
    r = run("compare", "--min-n", "1", older)
    check(r.returncode != 0 and "older.json" in r.stderr and "entry_articles" in r.stderr,
          f"a partial without entry_articles: an error naming it ({r.stderr.strip()[:120]})")

TALLY.finish("keyness_df: ")
