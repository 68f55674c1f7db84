"""Checks of `slant compare --strata FIELD` against independent computations.

The corpus is written by bench/gen_corpus.py --design topic-mix (articles with a `topic`;
two outlets that differ only in their mix of topics), and a copy of it with three outlets
and some articles without a topic. The per-article rates come from `slant score --format
csv` (counts per 1,000 words, with many ties and zeros), the topics from the articles.

  - van Elteren's z and p: our own Python from the textbook formula (Lehmann,
    Nonparametrics 3.3), with scipy.stats.rankdata's mid-ranks per stratum;
  - the adjusted differences, their t, p and interval, and the adjusted means: statsmodels
    OLS of the rate on C(group) + C(stratum) (against the rest: C(in_group) + C(stratum));
  - the q-values: statsmodels' multipletests (fdr_bh);
  - counts: articles per group and stratum, strata, articles without a stratum;
all to 1e-6 relative. And the designed case: the outlets' difference in pejorative labels
is called without --strata and vanishes with --strata topic. And partials: two shards with
--strata merged give the comparison of the whole.

Usage: check_strata.py BUILD_DIR. Ends with "strata: N passed, N failed".
"""
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import stats
from statsmodels.stats.multitest import multipletests

warnings.simplefilter("ignore")
BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.join(BUILD, "slant")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("strata")
check = TALLY.check
REL = 1e-6


def close(a, b, rel=REL, abs_=1e-9):
    if a is None or b is None or (isinstance(b, float) and math.isnan(b)):
        return (a is None) == (b is None or (isinstance(b, float) and math.isnan(b)))
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


def slant(*args):
    r = subprocess.run([SLANT, *args], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"slant {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r.stdout, r.stderr


def van_elteren(x, g, s, a, b):
    """z and two-sided p of a against b (b None: every other group), from the formula."""
    num = var = 0.0
    strata = 0
    for st in sorted(set(s)):
        va = [x[i] for i in range(len(x)) if s[i] == st and g[i] == a]
        vb = [x[i] for i in range(len(x)) if s[i] == st and (g[i] == b if b else g[i] != a)]
        na, nb = len(va), len(vb)
        if not na or not nb:
            continue
        strata += 1
        N = na + nb
        ranks = stats.rankdata(va + vb)  # mid-ranks
        W = ranks[:na].sum()
        _, counts = np.unique(va + vb, return_counts=True)
        ties = float(((counts ** 3) - counts).sum())
        w = 1.0 / (N + 1)
        num += w * (W - na * (N + 1) / 2.0)
        var += w * w * na * nb / 12.0 * ((N + 1) - ties / (N * (N - 1)))
    if not strata or var <= 0:
        return None, None, strata
    z = num / math.sqrt(var)
    return z, 2 * stats.norm.sf(abs(z)), strata


def contrast(fit, names, weights):
    L = np.zeros(len(fit.params))
    for n, w in zip(names, weights):
        L[list(fit.params.index).index(n)] += w
    return fit.t_test(L)


# --- the corpora ----------------------------------------------------------------------------
tmp = tempfile.mkdtemp(prefix="slant-strata-")
two = os.path.join(tmp, "two.jsonl")
subprocess.run(["/usr/bin/python3", os.path.join(HERE, "..", "..", "bench", "gen_corpus.py"),
                "--mb", "0.9", "--seed", "7", "--design", "topic-mix", two],
               check=True, capture_output=True)
arts = [json.loads(line) for line in open(two, encoding="utf-8")]
three = os.path.join(tmp, "three.jsonl")
with open(three, "w", encoding="utf-8") as f:
    for i, a in enumerate(arts):
        a = dict(a)
        if i % 3 == 0:
            a["source"] = "outlet-3"
        if i % 17 == 5:
            del a["topic"]          # no stratum: left out, counted
        f.write(json.dumps(a) + "\n")
topic_of = {}
for line in open(three, encoding="utf-8"):
    a = json.loads(line)
    topic_of[a["id"]] = a.get("topic")

scores = pd.read_csv(io.StringIO(slant("score", "-q", "--format", "csv", three)[0]))
categories = [c[: -len("_count")] for c in scores.columns if c.endswith("_count")]
for c in categories:
    scores[c] = 1000.0 * scores[c + "_count"] / scores["tokens"]
scores["topic"] = [topic_of[i] for i in scores["id"]]
# the designed category, a common one, and the two with the most zeros (ties at 0)
zeros = sorted((c for c in categories if 0.3 < (scores[c] == 0).mean() < 0.95),
               key=lambda c: -(scores[c] == 0).mean())
inds = ["pejorative_labels", "hedges"] + zeros[:2]
check(len(inds) == 4 and all((scores[c] == 0).mean() > 0.3 for c in inds[2:]),
      f"zero-heavy indicators found: {inds}")
ties = sum(len(scores[c]) - scores[c].nunique() for c in inds)
check(ties > 100, f"the data have ties ({ties})")


def run(*extra):
    out, err = slant("compare", "--strata", "topic", "--indicators", ",".join(inds),
                     "--format", "json", *extra, three)
    return json.loads(out), err


missing = int(scores["topic"].isna().sum())
for mode in ("all", "vs-rest"):
    doc, err = run("--pairs", mode)
    st = doc.get("strata", {})
    check(st.get("field") == "topic" and st.get("strata") == 3 and
          st.get("articles_without") == missing,
          f"{mode}: strata header {st} (want 3 strata, {missing} without)")
    check(f"{missing} articles without a 'topic' value" in err,
          f"{mode}: stderr names the articles left out: {err!r}")
    have = scores.dropna(subset=["topic"])
    pairs = doc["tables"]["strata_pairs"]
    check(len(pairs) == len(inds) * 3, f"{mode}: {len(pairs)} strata_pairs rows")
    bad = []
    for r in pairs:
        ind, a, b = r["indicator"], r["group"], r["reference"]
        d = have[["source", "topic", ind]].rename(columns={ind: "y"})
        z, p, nst = van_elteren(list(d.y), list(d.source), list(d.topic), a,
                                None if b == "rest" else b)
        if not (close(r["ve_z"], z) and close(r["ve_p"], p) and r["strata"] == nst):
            bad.append((ind, a, b, "van Elteren", r["ve_z"], z, r["ve_p"], p))
        if b == "rest":
            d = d.assign(ina=np.where(d.source == a, "a", "rest"))
            fit = smf.ols("y ~ C(ina, Treatment('rest')) + C(topic)", data=d).fit()
            t = contrast(fit, ["C(ina, Treatment('rest'))[T.a]"], [1])
        else:
            fit = smf.ols("y ~ 0 + C(source) + C(topic)", data=d).fit()
            t = contrast(fit, [f"C(source)[{a}]", f"C(source)[{b}]"], [1, -1])
        lo, hi = t.conf_int(alpha=0.05)[0]
        want = {"adj_diff": float(t.effect[0]), "adj_se": float(t.sd[0][0]),
                "adj_t": float(t.tvalue[0][0]), "adj_p": float(t.pvalue),
                "adj_df": float(fit.df_resid), "adj_low": lo, "adj_high": hi}
        for k, v in want.items():
            if not close(r[k], v):
                bad.append((ind, a, b, k, r[k], v))
    check(not bad, f"{mode}: van Elteren and OLS FE against SciPy/statsmodels: {bad[:4]}")
    # q-values: BH within each family
    for fam, pk, qk in (("strata/van_elteren", "ve_p", "ve_q"),
                        ("strata/ols_fe", "adj_p", "adj_q")):
        ps = [r[pk] for r in pairs]
        qs = multipletests(ps, method="fdr_bh")[1]
        check(all(close(r[qk], q) for r, q in zip(pairs, qs)),
              f"{mode}: {fam} q-values are BH of its p-values")
        check(any(f["name"] == fam for f in doc["families"]), f"{mode}: family {fam} listed")
    # adjusted means: the fitted mean with every article's stratum, the group set to g
    bad = []
    for r in doc["tables"]["strata_means"]:
        ind, g = r["indicator"], r["group"]
        d = have[["source", "topic", ind]].rename(columns={ind: "y"})
        fit = smf.ols("y ~ 0 + C(source) + C(topic)", data=d).fit()
        X = pd.get_dummies(d.topic, prefix="", prefix_sep="").astype(float)
        names = [f"C(source)[{g}]"] + [f"C(topic)[T.{s}]" for s in sorted(set(d.topic))[1:]]
        weights = [1.0] + [X[s].mean() for s in sorted(set(d.topic))[1:]]
        t = contrast(fit, names, weights)
        lo, hi = t.conf_int(alpha=0.05)[0]
        n = int((d.source == g).sum())
        if not (close(r["adj_mean"], float(t.effect[0])) and close(r["adj_low"], lo) and
                close(r["adj_high"], hi) and r["n"] == n):
            bad.append((ind, g, r["adj_mean"], float(t.effect[0]), r["n"], n))
    check(not bad, f"{mode}: adjusted means against statsmodels: {bad[:3]}")
    counts = {(r["group"], r["entry"]): r["articles"] for r in doc["tables"]["strata_counts"]}
    want = have.groupby(["source", "topic"]).size().to_dict()
    check(counts == {k: int(v) for k, v in want.items()},
          f"{mode}: articles per group and stratum {counts} vs {want}")

# --- with --cluster: CR1 standard errors of the adjusted differences -----------------------
date_of = {}
for line in open(three, encoding="utf-8"):
    a = json.loads(line)
    date_of[a["id"]] = a["date"]
scores["day"] = [date_of[i] for i in scores["id"]]
have = scores.dropna(subset=["topic"])
for mode in ("all", "vs-rest"):
    doc, _ = run("--pairs", mode, "--cluster", "date")
    bad = []
    for r in doc["tables"]["strata_pairs"]:
        ind, a, b = r["indicator"], r["group"], r["reference"]
        d = have[["source", "topic", "day", ind]].rename(columns={ind: "y"})
        groups = pd.factorize(d.day)[0]
        kw = dict(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
        if b == "rest":
            d = d.assign(ina=np.where(d.source == a, "a", "rest"))
            fit = smf.ols("y ~ C(ina, Treatment('rest')) + C(topic)", data=d).fit(**kw)
            t = contrast(fit, ["C(ina, Treatment('rest'))[T.a]"], [1])
        else:
            fit = smf.ols("y ~ 0 + C(source) + C(topic)", data=d).fit(**kw)
            t = contrast(fit, [f"C(source)[{a}]", f"C(source)[{b}]"], [1, -1])
        lo, hi = t.conf_int(alpha=0.05)[0]
        want = {"adj_diff": float(t.effect[0]), "adj_se": float(t.sd[0][0]),
                "adj_t": float(t.tvalue[0][0]), "adj_p": float(t.pvalue),
                "adj_df": float(len(set(groups)) - 1), "adj_low": lo, "adj_high": hi}
        for k, v in want.items():
            if not close(r[k], v):
                bad.append((ind, a, b, k, r[k], v))
    check(not bad, f"{mode} --cluster date: CR1 adjusted differences against statsmodels "
                   f"cov_type='cluster': {bad[:4]}")

# --- the JSON schema holds the strata members and tables ---------------------------------
import jsonschema  # noqa: E402
schema = json.load(open(os.path.join(HERE, "..", "..", "docs", "schema",
                                     "compare.schema.json"), encoding="utf-8"))
for mode in ("all", "vs-rest"):
    doc, _ = run("--pairs", mode)
    try:
        jsonschema.validate(doc, schema)
        ok = True
    except jsonschema.ValidationError as e:
        ok = False
        print(e.message[:300])
    check(ok, f"{mode}: the output with --strata meets compare.schema.json")

# --- the report says it in every format ----------------------------------------------------
for fmt, heading in (("text", "HOLDING TOPIC FIXED"), ("md", "### Holding topic fixed"),
                     ("html", 'id="h-strata"')):
    rep = slant("report", "-q", "--strata", "topic", "--indicators", "pejorative_labels",
                "--format", fmt, two)[0]
    check(heading in rep and "the difference vanishes once topic is held fixed" in rep and
          "Adjusted mean per article" in rep and "Articles per source and topic" in rep,
          f"report --format {fmt}: the section, its sentence and tables")

# --- csv and long carry the same tables --------------------------------------------------
csv = pd.read_csv(io.StringIO(slant("compare", "--strata", "topic", "--indicators",
                                    ",".join(inds), "--format", "csv", three)[0]))
check(len(csv[csv.table == "strata_pairs"]) == len(inds) * 3 and
      {"ve_z", "adj_diff", "verdict", "articles"} <= set(csv.columns),
      "csv: the strata tables and columns")
long = pd.read_csv(io.StringIO(slant("compare", "--strata", "topic", "--indicators",
                                     ",".join(inds), "--format", "long", three)[0]))
check(set(long[long.table == "strata_pairs"].statistic) >= {"ve_z", "ve_q", "adj_diff"},
      "long: the strata statistics")
plain = pd.read_csv(io.StringIO(slant("compare", "--indicators", ",".join(inds),
                                      "--format", "csv", three)[0]))
check("ve_z" not in plain.columns, "csv without --strata keeps its columns")

# --- the designed case: a difference made by topic mix vanishes within topics ----------
crude = json.loads(slant("compare", "--indicators", "pejorative_labels", "--format", "json",
                         two)[0])
p = crude["tables"]["pairs"][0]
check(p["mwu_q"] < 0.05, f"topic mix: the outlets differ without strata (q {p['mwu_q']})")
within = json.loads(slant("compare", "--strata", "topic", "--indicators", "pejorative_labels",
                          "--format", "json", two)[0])
s = within["tables"]["strata_pairs"][0]
check(s["verdict"] == "vanishes" and s["ve_q"] >= 0.05 and abs(s["adj_diff"]) <
      0.5 * abs(s["crude_diff"]),
      f"topic mix: the difference vanishes within topics ({s})")
text = slant("compare", "--strata", "topic", "--indicators", "pejorative_labels", two)[0]
check("the difference vanishes" in text, "text: the verdict in a sentence")

# --- confounded: each outlet in a topic of its own -----------------------------------------
apart = os.path.join(tmp, "apart.jsonl")
with open(apart, "w", encoding="utf-8") as f:
    for a in arts:
        f.write(json.dumps(dict(a, topic="t-" + a["source"])) + "\n")
doc = json.loads(slant("compare", "--strata", "topic", "--indicators", "pejorative_labels",
                       "--format", "json", apart)[0])
s = doc["tables"]["strata_pairs"][0]
check(s["verdict"] == "untested" and s["strata"] == 0 and s["ve_z"] is None and
      s["adj_diff"] is None, f"groups confounded with strata: untested, nothing adjusted ({s})")
r = subprocess.run([SLANT, "compare", "--strata", "nofield", two], capture_output=True,
                   text=True)
check(r.returncode == 3 and "no record has the field 'nofield' (--strata)" in r.stderr,
      f"--strata with a field no record has: exit 3, said why ({r.returncode}, {r.stderr!r})")

# --- partials: two shards with --strata merged equal the whole ---------------------------
pa, pb, merged = (os.path.join(tmp, n) for n in ("a.json", "b.json", "m.json"))
for k, path in (("1/2", pa), ("2/2", pb)):
    slant("compare", "--partial", "--strata", "topic", "--shard", k, "-o", path, three)
slant("merge", "-o", merged, pa, pb)
whole = slant("compare", "--strata", "topic", "--indicators", ",".join(inds), "--format",
              "json", three)[0]
from_parts = slant("compare", "--strata", "topic", "--indicators", ",".join(inds),
                   "--format", "json", merged)[0]
check(json.loads(whole)["tables"]["strata_pairs"] ==
      json.loads(from_parts)["tables"]["strata_pairs"] and
      json.loads(whole)["strata"] == json.loads(from_parts)["strata"],
      "partials with --strata merged give the comparison of the whole")
r = subprocess.run([SLANT, "compare", "--strata", "region", merged], capture_output=True,
                   text=True)
check(r.returncode != 0 and "--strata 'region'" in r.stderr,
      f"a partial of other strata is refused: {r.stderr!r}")

TALLY.finish("strata: ")
