"""End-to-end checks of `slant compare` on the bundled synthetic corpus, against an
independent computation: the per-article counts come from `slant score --format csv`, and
SciPy recomputes every group mean, Welch's t, Mann-Whitney U, Kruskal-Wallis, and the paired
tests within events from them. Also: the differences the corpus was built with are found
(and the ones it was not built with are not); comparing articles equals comparing their
score output; comparing two merged halves equals comparing the whole; pandas reads the
csv and long formats. Usage: check_compare.py BUILD_DIR. Ends with "compare: N passed,
N failed"."""
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
from scipy import stats
from scipy.stats.contingency import association

warnings.simplefilter("error")  # a SciPy warning means the reference is not what we think
BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.join(BUILD, "slant")
CORPUS = "corpus/synthetic"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("compare")
check = TALLY.check


def close(a, b, rel=1e-9, abs_=1e-12):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


def slant(*args, stdin=None):
    r = subprocess.run([SLANT, *args], capture_output=True, text=True, input=stdin)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"slant {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r.stdout


def rows_by_key(doc, table):
    return {(r.get("group"), r.get("reference"), r.get("indicator"), r.get("entry")): r
            for r in doc["tables"].get(table, [])}


# --- the independent reference ---------------------------------------------------------
scores = pd.read_csv(io.StringIO(slant("score", "-q", "--format", "csv", CORPUS)))
categories = [c[: -len("_count")] for c in scores.columns if c.endswith("_count")]
for c in categories:  # rates recomputed from counts, as compare does
    scores[c] = 1000.0 * scores[c + "_count"] / scores["tokens"]
doc = json.loads(slant("compare", "--keyness", "all", "--event", "event", "--format", "json", CORPUS))
groups = [g["name"] for g in doc["groups"]]
check(sorted(groups) == ["Meridian Wire", "Northern Voice", "Southern Herald"], f"groups {groups}")

summary = rows_by_key(doc, "summary")
pairs = rows_by_key(doc, "pairs")
omnibus = rows_by_key(doc, "omnibus")
events = rows_by_key(doc, "events")
bad = []
for ind in categories:
    by = {g: scores.loc[scores.source == g, ind].to_numpy() for g in groups}
    for g in groups:
        s = summary[(g, None, ind, None)]
        x = by[g]
        expect = {"n": len(x), "mean": x.mean(), "sd": x.std(ddof=1),
                  "median": float(np.median(x)), "q1": float(np.quantile(x, 0.25)),
                  "q3": float(np.quantile(x, 0.75))}
        for k, v in expect.items():
            if not close(s[k], float(v)):
                bad.append((ind, g, k, s[k], v))
    k = omnibus[(None, None, ind, None)]
    if len({v for arr in by.values() for v in arr}) > 1:
        h, p = stats.kruskal(*by.values())
        if not (close(k["kruskal_h"], h) and close(k["kruskal_p"], p)):
            bad.append((ind, "kruskal", k["kruskal_h"], h, k["kruskal_p"], p))
    for i, a in enumerate(groups):
        for b in groups[i + 1:]:
            p = pairs[(a, b, ind, None)]
            x, y = by[a], by[b]
            if x.std() > 0 and y.std() > 0:
                t = stats.ttest_ind(x, y, equal_var=False)
                if not (close(p["welch_t"], t.statistic) and close(p["welch_p"], t.pvalue)):
                    bad.append((ind, a, b, "welch", p["welch_t"], t.statistic))
                # the Welch interval of the mean difference (SciPy 1.10 has no
                # confidence_interval here: the t quantile from SciPy, the rest by hand)
                ax, ay = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
                df = (ax + ay) ** 2 / (ax ** 2 / (len(x) - 1) + ay ** 2 / (len(y) - 1))
                half = stats.t.ppf(0.975, df) * math.sqrt(ax + ay)
                d = x.mean() - y.mean()
                if not (close(p["diff_low"], d - half) and close(p["diff_high"], d + half)):
                    bad.append((ind, a, b, "diff CI", p["diff_low"], d - half))
            elif p["welch_t"] is not None or "zero_variance" not in p["flags"]:
                # no mean test on a group whose values are all equal
                bad.append((ind, a, b, "welch on a constant group", p["welch_t"], p["flags"]))
            method = "exact" if p["mwu_method"] == "exact" else "asymptotic"
            # all tied too: U = n_a n_b / 2 and p = 1, as SciPy
            u = stats.mannwhitneyu(x, y, method=method, alternative="two-sided")
            if not (close(p["mwu_u"], u.statistic) and close(p["mwu_p"], u.pvalue)):
                bad.append((ind, a, b, "mwu", p["mwu_u"], u.statistic, p["mwu_p"], u.pvalue))
            # within events: the mean per event of each group, paired
            ea = scores[scores.source == a].groupby("event")[ind].mean()
            eb = scores[scores.source == b].groupby("event")[ind].mean()
            common = ea.index.intersection(eb.index)
            d = ea[common].to_numpy() - eb[common].to_numpy()
            e = events[(a, b, ind, None)]
            check(e["events"] == len(common), f"{ind} {a}/{b}: events {e['events']}")
            if d.std() > 0:
                pt = stats.ttest_rel(ea[common], eb[common])
                if not (close(e["paired_t"], pt.statistic) and close(e["paired_p"], pt.pvalue)):
                    bad.append((ind, a, b, "paired_t", e["paired_t"], pt.statistic))
                half = stats.t.ppf(0.975, len(d) - 1) * d.std(ddof=1) / math.sqrt(len(d))
                if not (close(e["diff_low"], d.mean() - half, 1e-8)
                        and close(e["diff_high"], d.mean() + half, 1e-8)):
                    bad.append((ind, a, b, "event diff CI", e["diff_low"], d.mean() - half))
            if np.count_nonzero(d):
                # slant drops zero differences first (zero_method "wilcox") and then uses
                # the exact distribution of the rest when it can; SciPy 1.10 would switch
                # to the normal approximation whenever zeros are present, so it is given
                # the nonzero differences: the same definition, computed independently.
                wm = "exact" if e["wilcoxon_method"] == "exact" else "approx"
                with warnings.catch_warnings():  # SciPy's note on small samples
                    warnings.filterwarnings("ignore", "Sample size too small")
                    w = stats.wilcoxon(d[d != 0], method=wm)
                if not (close(e["wilcoxon_w"], w.statistic) and close(e["wilcoxon_p"], w.pvalue)):
                    bad.append((ind, a, b, "wilcoxon", e["wilcoxon_p"], w.pvalue))
for b in bad[:10]:
    print("compare FAIL: differs from SciPy:", b)
check(not bad, f"{len(bad)} statistics differ from SciPy's")

# --- what the corpus was built with is found; what it was not built with is not ---------
def q(a, b, ind, key="welch_q"):
    r = pairs.get((a, b, ind, None)) or pairs.get((b, a, ind, None))
    return r[key]


for ind in ["pejorative_labels", "delegitimizing", "report_loaded", "assertives"]:
    for slanted in ["Northern Voice", "Southern Herald"]:
        check(q(slanted, "Meridian Wire", ind) < 0.05, f"{ind}: {slanted} vs the wire found")
check(q("Northern Voice", "Meridian Wire", "hedges") < 0.05, "hedges: the wire hedges more")
for ind in ["pejorative_labels", "violence", "delegitimizing", "moral_condemnation",
            "report_loaded", "hedges", "assertives"]:
    check(q("Northern Voice", "Southern Herald", ind) > 0.05,
          f"{ind}: no difference between the two slanted outlets (not built in)")

# --- articles in, or their score output in: the same comparison ---------------------------
with tempfile.TemporaryDirectory() as tmp:
    s_path = os.path.join(tmp, "s.jsonl")
    with open(s_path, "w") as f:
        f.write(slant("score", "-q", "--evidence", CORPUS))
    from_scores = slant("compare", "--keyness", "all", "--event", "event", "--format", "json", s_path)
    other = json.loads(from_scores)["tables"]
    differ = [t for t in doc["tables"] if other.get(t) != doc["tables"][t]]
    check(not differ, f"articles and score output agree (tables {differ} differ)")
    for t in differ:
        for x, y in zip(doc["tables"][t], other[t]):
            if x != y:
                print("   ", {k: (x[k], y.get(k)) for k in x if x[k] != y.get(k)})
                break

    # --- partials: two halves merged equal the whole ---------------------------------
    halves = [[], []]
    for outlet in sorted(os.listdir(CORPUS)):
        for name in sorted(os.listdir(os.path.join(CORPUS, outlet))):
            halves[int(name[:2]) > 6].append(os.path.join(CORPUS, outlet, name))
    parts = []
    for i, files in enumerate(halves):
        parts.append(os.path.join(tmp, f"part{i}.json"))
        slant("compare", "-q", "--event", "event", "--partial", "-o", parts[i], *files)
    merged = os.path.join(tmp, "merged.json")
    slant("merge", "-o", merged, *parts)
    doc_merged = json.loads(slant("compare", "--keyness", "all", "--event", "event", "--format", "json", merged))
    mismatched = 0
    for table in doc["tables"]:
        whole, m = rows_by_key(doc, table), rows_by_key(doc_merged, table)
        if whole.keys() != m.keys():
            mismatched += 1
            continue
        for key, row in whole.items():
            mismatched += any(not close(v, m[key][k]) if isinstance(v, float) else v != m[key][k]
                              for k, v in row.items())
    check(mismatched == 0, f"merged halves differ from the whole in {mismatched} rows")

# --- keyness without evidence: plain records carry the entry counts ------------------------
def without_entries(records):
    """Records as an older slant wrote them with --evidence: no "entries" member."""
    out = []
    for line in records.splitlines():
        r = json.loads(line)
        del r["entries"]
        out.append(json.dumps(r, ensure_ascii=False))
    return "\n".join(out) + "\n"


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "records.jsonl")  # one path, so the outputs may be equal
    keyness_of = {}
    for kind, records in [("plain", slant("score", "-q", CORPUS)),
                          ("evidence", without_entries(slant("score", "-q", "--evidence", CORPUS))),
                          ("both", slant("score", "-q", "--evidence", CORPUS))]:
        with open(path, "w") as f:
            f.write(records)
        keyness_of[kind] = slant("compare", "--keyness", "all", "--event", "event", "--format", "json", path)
    plain_doc = json.loads(keyness_of["plain"])
    check(len(plain_doc["tables"].get("keyness", [])) > 100
          and plain_doc["tables"].get("drivers"),
          "plain score records give keyness and drivers (no --evidence)")
    check(keyness_of["plain"] == keyness_of["evidence"],
          "keyness from plain records equals keyness from evidence records, byte for byte")
    check(keyness_of["both"] == keyness_of["plain"],
          "records with evidence and entry counts: each match counted once")
    check(json.loads(keyness_of["plain"])["tables"] == doc["tables"],
          "plain records and the articles give the same comparison")
    # records parsed on -j threads, added in order: the same output and messages for
    # every -j, bad lines (some of them left to the cJSON reader) reported in input order
    lines = slant("score", "-q", CORPUS).splitlines(keepends=True)
    lines[3:3] = ['{"tokens": 1.5, "categories": {}}\n', "not json\n", "\n",
                  '{"tokens": 01, "source": "x", "categories": {}}\n']
    lines[20:20] = ['{"tokens": 10, "source": 7, "categories": {}}\n', "[1]\n"]
    with open(path, "w") as f:
        f.write("".join(lines))
    runs = [subprocess.run([SLANT, "compare", "-j", j, "--format", "json", path],
                           capture_output=True, text=True) for j in ("1", "2", "3")]
    check(all((r.returncode, r.stdout, r.stderr) == (runs[0].returncode, runs[0].stdout,
                                                     runs[0].stderr) for r in runs)
          and runs[0].stderr.count("slant: ") >= 4 and runs[0].stdout,
          "score records read on 1, 2 and 3 threads: the same output and messages")
    by_j = {j: slant("compare", "-j", j, "--keyness", "all", "--event", "event", "--format", "json", CORPUS)
            for j in ("1", "3")}
    check(by_j["1"] == by_j["3"] and json.loads(by_j["1"])["tables"] == doc["tables"],
          "articles scored inside compare: the same output for -j 1 and -j 3")

# --- notebook formats ---------------------------------------------------------------------
csv = pd.read_csv(io.StringIO(slant("compare", "--format", "csv", CORPUS)))
check(set(csv.table) >= {"summary", "omnibus", "pairs", "keyness", "drivers"}, "csv tables")
nind = len(doc["tables"]["omnibus"])  # categories, quote_share and the framing indicators
compared = {r["indicator"] for r in doc["tables"]["omnibus"]}
derived = {"quote_share", "certainty", "scare_quote_rate", "loaded_verb_share",
           "attributed_share", "anonymous_share"}  # a new row of indicator.c adds to these
check(compared >= set(categories) | derived and nind == len(compared),
      f"indicators: every category and derived indicator once ({nind})")
check(len(csv[csv.table == "summary"]) == len(groups) * nind, "csv summary rows")
long = pd.read_csv(io.StringIO(slant("compare", "--format", "long", CORPUS)))
check(list(long.columns) == ["table", "group", "reference", "indicator", "entry", "statistic",
                             "value"], "long columns")
w = long[(long.table == "pairs") & (long.statistic == "welch_t")]
check(len(w) == 3 * nind, "long: one Welch t per pair and indicator")

# --- permutations and bootstrap: reproducible for a seed, whatever -j ------------------------
runs = [slant("compare", "-j", j, "--permutations", "499", "--bootstrap", "199", "--seed", "7",
              "--indicators", "pejorative_labels,hedges", "--format", "json", CORPUS)
        for j in ("1", "2")]
check(runs[0] == runs[1], "permutations and bootstrap are the same for -j 1 and -j 2")
perm = json.loads(runs[0])
p = rows_by_key(perm, "pairs")[("Northern Voice", "Meridian Wire", "pejorative_labels", None)]
check(p["perm_p"] is not None and 0 < p["perm_p"] < 0.01, f"permutation p {p['perm_p']}")
check(p["perm_p"] >= 1 / 500, "permutation p is at least 1/(N+1)")
s = rows_by_key(perm, "summary")[("Meridian Wire", None, "hedges", None)]
check(s["boot_low"] < s["mean"] < s["boot_high"], "bootstrap CI holds the mean")
other_seed = slant("compare", "--permutations", "499", "--bootstrap", "199", "--seed", "8",
                   "--indicators", "pejorative_labels,hedges", "--format", "json", CORPUS)
check(other_seed != runs[0], "another seed gives other resamples")

# --- a group of one article: defined where possible, null where not ----------------------------
one = json.loads(slant("compare", "--min-n", "1", "--format", "json", "corpus/seeds/"))
s = rows_by_key(one, "summary")[("Trend News Agency", None, "pejorative_labels", None)]
check(s["n"] == 1 and s["sd"] is None and s["ci_low"] is None and s["mean"] is not None,
      "a group of one has a mean and no sd or CI")
p = next(iter(rows_by_key(one, "pairs").values()))
check(p["welch_t"] is None and p["hedges_g"] is None, "pairs of single articles are undefined")
fam = {f["name"]: f["tests"] for f in one["families"]}
check(fam.get("pairs/welch_t") == 0, "undefined p-values are not counted in their family")

# --- contested labels: shares and the chi-square per concept, against SciPy -------------------
counts = {"A": {"=Artsakh": 9, "Nagorno-Karabakh": 3}, "B": {"Nagorno-Karabakh": 4, "\"Karabakh region\"": 8},
          "C": {"=Artsakh": 2, "Nagorno-Karabakh": 6, "\"Karabakh region\"": 1}}
lines = []
for g, variants in counts.items():
    for i in range(3):  # three articles per group; the variant counts of the first one
        rec = {"schema": 1, "id": f"{g}{i}", "source": g, "tokens": 100, "quote_tokens": 0,
               "categories": {"labels": {"count": i}},
               "contested": [{"concept": "region_name", "variant": v, "count": n}
                             for v, n in variants.items()] if i == 0 else []}
        lines.append(json.dumps(rec))
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "s.jsonl")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    con = json.loads(slant("compare", "--min-n", "1", "--format", "json", path))
variants = ["=Artsakh", "Nagorno-Karabakh", "\"Karabakh region\""]
table = np.array([[counts[g].get(v, 0) for v in variants] for g in "ABC"], dtype=float)
chi2, p_value, dof, _ = stats.chi2_contingency(table, correction=False)
t = con["tables"]["contested_tests"][0]
check(t["indicator"] == "region_name" and close(t["chi2"], chi2) and close(t["chi2_p"], p_value)
      and t["chi2_df"] == dof, f"contested chi-square {t} vs SciPy {chi2} {p_value} {dof}")
shares = {(r["group"], r["entry"]): r["share"] for r in con["tables"]["contested_shares"]}
check(close(shares[("A", "=Artsakh")], 9 / 12) and close(shares[("C", "Nagorno-Karabakh")], 6 / 9),
      "contested shares")
from statsmodels.stats.proportion import proportion_confint  # noqa: E402
wil = [(r["share_low"], r["share_high"], proportion_confint(r["count"], r["count"] / r["share"],
                                                            alpha=0.05, method="wilson"))
       for r in con["tables"]["contested_shares"] if r["share"] > 0]
check(wil and all(close(lo, ref[0]) and close(hi, ref[1]) for lo, hi, ref in wil),
      f"contested shares: Wilson intervals as statsmodels' {wil[:2]}")
cv = association(table.astype(int), method="cramer", correction=False)
check(close(t["cramers_v"], cv), f"contested: Cramer's V {t['cramers_v']} vs SciPy {cv}")
check("contested/chi2" in {f["name"] for f in con["families"]}, "contested family named")

# --- many groups, ties, vs-rest, every -j: the sorted-column statistics against SciPy --------
# Score records written here: six groups (two small enough for the exact Mann-Whitney
# distribution), integer counts (so rates tie, many at 0) and one continuous indicator
# (certainty, no ties). Every pair and every group against the rest is recomputed with
# SciPy from the same values; the output must not depend on -j.
rng = np.random.default_rng(11)
sizes = {"g0": 5, "g1": 7, "g2": 40, "g3": 61, "g4": 80, "g5": 123}
recs = []
for g, n in sizes.items():
    shift = int(g[1:]) * 0.3
    for i in range(n):
        tokens = int(rng.integers(200, 1000))
        recs.append({"schema": 1, "id": f"{g}-{i}", "source": g, "tokens": tokens,
                     "quote_tokens": int(rng.integers(0, tokens // 2)),
                     "categories": {c: {"count": int(rng.poisson(lam + shift))}
                                    for c, lam in (("c_rare", 0.3), ("c_mid", 2.0), ("c_often", 6.0))},
                     "epistemic": {"certainty": float(rng.normal(shift, 1.0))},
                     "attribution": {"quotations": int(rng.integers(0, 6)), "attributed": 0,
                                     "anonymous": 0, "neutral_verbs": 1, "loaded_verbs": 1,
                                     "scare_quotes": int(rng.poisson(0.5))}})
rng.shuffle(recs)  # rows of a group interleaved, as in a real corpus
frame = pd.DataFrame({"source": [r["source"] for r in recs]})
for c in ("c_rare", "c_mid", "c_often"):
    frame[c] = [1000.0 * r["categories"][c]["count"] / r["tokens"] for r in recs]
frame["certainty"] = [r["epistemic"]["certainty"] for r in recs]
frame["quote_share"] = [r["quote_tokens"] / r["tokens"] for r in recs]
inds = ["c_rare", "c_mid", "c_often", "certainty", "quote_share"]


def cliff_ref(x, y):
    return float(np.sign(x[:, None] - y[None, :]).mean())


def pair_problems(row, x, y, what):
    out = []
    if x.std() > 0 and y.std() > 0:
        t = stats.ttest_ind(x, y, equal_var=False)
        if not (close(row["welch_t"], t.statistic) and close(row["welch_p"], t.pvalue)):
            out.append((what, "welch", row["welch_t"], t.statistic))
    elif row["welch_t"] is not None or "zero_variance" not in row["flags"]:
        out.append((what, "welch on a constant group", row["welch_t"], row["flags"]))
    method = "exact" if row["mwu_method"] == "exact" else "asymptotic"
    u = stats.mannwhitneyu(x, y, method=method, alternative="two-sided")
    if not (close(row["mwu_u"], u.statistic) and close(row["mwu_p"], u.pvalue)):
        out.append((what, "mwu", method, row["mwu_u"], u.statistic, row["mwu_p"], u.pvalue))
    if not close(row["cliffs_delta"], cliff_ref(x, y)):
        out.append((what, "cliff", row["cliffs_delta"], cliff_ref(x, y)))
    if not (close(row["mean_a"], x.mean()) and close(row["mean_b"], y.mean())
            and row["n_a"] == len(x) and row["n_b"] == len(y)):
        out.append((what, "means", row["mean_a"], x.mean(), row["mean_b"], y.mean()))
    return out


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "many.jsonl")
    with open(path, "w") as f:
        f.write("".join(json.dumps(r) + "\n" for r in recs))
    base = ["compare", "--min-n", "1", "--indicators", ",".join(inds), "--format", "json"]
    all_runs = [slant(*base, "--max-pairs", "100", "-j", j, path) for j in ("1", "2", "3")]
    rest_runs = [slant(*base, "--pairs", "vs-rest", "-j", j, path) for j in ("1", "2", "5")]
check(len(set(all_runs)) == 1, "every pair: the same output for -j 1, 2 and 3")
check(len(set(rest_runs)) == 1, "vs-rest: the same output for -j 1, 2 and 5")
many, vs_rest = json.loads(all_runs[0]), json.loads(rest_runs[0])
bad, methods = [], set()
names = [g["name"] for g in many["groups"]]  # the order of the dataset (first seen)
check(sorted(names) == sorted(sizes), f"six groups compared ({names})")
for ind in inds:
    by = {g: frame.loc[frame.source == g, ind].to_numpy() for g in names}
    h, p = stats.kruskal(*by.values())
    o = rows_by_key(many, "omnibus")[(None, None, ind, None)]
    if not (close(o["kruskal_h"], h) and close(o["kruskal_p"], p)):
        bad.append((ind, "kruskal", o["kruskal_h"], h))
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            row = rows_by_key(many, "pairs")[(a, b, ind, None)]
            methods.add(row["mwu_method"])
            bad += pair_problems(row, by[a], by[b], (ind, a, b))
        rest = frame.loc[frame.source != a, ind].to_numpy()  # in row order
        bad += pair_problems(rows_by_key(vs_rest, "pairs")[(a, "rest", ind, None)], by[a], rest,
                             (ind, a, "rest"))
for b in bad[:10]:
    print("compare FAIL: differs from SciPy:", b)
check(not bad, f"six groups: {len(bad)} statistics differ from SciPy's")
check(methods == {"exact", "normal"}, f"both Mann-Whitney methods were tested ({methods})")
# --- the loaded-language index: the first indicator when the records carry it ----------------
from index_fixture import INDEX_MEMBERS, add_index, strip_index  # noqa: E402

scored = slant("score", "--evidence", CORPUS)
recomputed = [json.loads(x) for x in add_index(strip_index(scored)).splitlines()]
check(all(all((a[k] is None and b[k] is None) or close(a[k], b[k]) for k in INDEX_MEMBERS)
          for a, b in zip(recomputed, map(json.loads, scored.splitlines()))),
      "score's index equals the definition recomputed from the evidence, a stretch once")
plain_scores = strip_index(slant("score", CORPUS))  # records as slant wrote them before
with tempfile.TemporaryDirectory() as tmp:
    indexed = os.path.join(tmp, "indexed.jsonl")
    with open(indexed, "w") as f:
        f.write(add_index(plain_scores))
    ij = json.loads(slant("compare", "--format", "json", indexed))
    it = slant("compare", indexed)
    mixed = os.path.join(tmp, "mixed.jsonl")
    with open(mixed, "w") as f:  # older records first, then records with the index
        f.write(plain_scores + add_index(plain_scores))
    mj = json.loads(slant("compare", "--format", "json", "--min-n", "2", mixed))
order = []
for r in ij["tables"]["summary"]:
    if r["indicator"] not in order:
        order.append(r["indicator"])
check(order[:3] == ["loaded_index", "loaded_index_author", "loaded_index_quoted"],
      f"the index and its companions are compare's first indicators ({order[:4]})")
with tempfile.TemporaryDirectory() as tmp:
    older_path = os.path.join(tmp, "older.jsonl")
    with open(older_path, "w") as f:
        f.write(plain_scores)
    older = json.loads(slant("compare", "--format", "json", older_path))
check(order[3:] == [r["indicator"] for r in older["tables"]["omnibus"]],
      "the other indicators follow in their usual order")
check([r["indicator"] for r in ij["tables"]["omnibus"]][0] == "loaded_index",
      "the omnibus tests start with the index")
means_rows = [line.split()[0] for line in it.split("Mean per article")[1].splitlines()[2:5]]
check(means_rows == ["loaded_index", "loaded_index_author", "loaded_index_quoted"],
      f"the text's table of means starts with the index ({means_rows})")
idx = pd.read_json(io.StringIO(add_index(plain_scores)), lines=True)
for g, rows in idx.groupby("source"):
    s = rows_by_key(ij, "summary")[(g, None, "loaded_index", None)]
    check(close(s["mean"], rows["loaded_index"].mean()), f"{g}: mean index equals the records'")
check("loaded_index" not in {r["indicator"] for r in older["tables"]["omnibus"]}
      and older["tables"]["omnibus"],
      "records without the index: no index indicator, the others still compared")
check([r["indicator"] for r in doc["tables"]["omnibus"]][0] == "loaded_index",
      "articles are scored with the index, and it comes first")
check([r["indicator"] for r in mj["tables"]["omnibus"]][:3] == order[:3],
      "older records first, then records with the index: the index still comes first")

# --- bad input --------------------------------------------------------------------------------
r = subprocess.run([SLANT, "compare", "--indicators", "nope", CORPUS], capture_output=True, text=True)
check(r.returncode == 2 and "unknown indicator 'nope'" in r.stderr, "unknown indicator is a usage error")
r = subprocess.run([SLANT, "compare", "corpus/seeds/"], capture_output=True, text=True)
check(r.returncode == 3 and "nothing to compare" in r.stderr, "one article per group: nothing to compare")

# --- keyness: Fisher's p where computed, vs-rest and pairs corrected apart ---------------------
def bh(p):
    p = np.asarray(p, float)
    order = np.argsort(p)
    q = p[order] * len(p) / np.arange(1, len(p) + 1)
    q = np.minimum.accumulate(q[::-1])[::-1]
    out = np.empty_like(q)
    out[order] = np.minimum(q, 1)
    return out


kfam = {f["name"]: f["tests"] for f in doc["families"]}
krows = doc["tables"]["keyness"]
bad = []
for fam, rows in (("keyness/vs_rest", [r for r in krows if r["reference"] == "rest"]),
                  ("keyness/pairs", [r for r in krows if r["reference"] != "rest"])):
    p = [r["fisher_p"] if r["fisher_p"] is not None else r["g2_p"] for r in rows]
    check(kfam.get(fam) == len(rows) > 0, f"{fam}: {kfam.get(fam)} tests, {len(rows)} rows")
    for r, qv in zip(rows, bh(p)):
        if not close(r["g2_q"], float(qv), 1e-8):
            bad.append((fam, r["group"], r["reference"], r["entry"], r["g2_q"], qv))
    for r in rows:
        if r["fisher_p"] is not None:
            f = stats.fisher_exact([[r["count_a"], r["words_a"] - r["count_a"]],
                                    [r["count_b"], r["words_b"] - r["count_b"]]]).pvalue
            if not close(r["fisher_p"], f, 1e-8) or r["keyness_test"] != "fisher":
                bad.append((fam, "fisher", r["entry"], r["fisher_p"], f))
check("keyness/g2" not in kfam, "no single keyness family of both kinds of reference")
for b in bad[:5]:
    print("compare FAIL: keyness:", b)
check(not bad, f"keyness q-values from Fisher's p where computed, per family: {len(bad)} differ")

# --- --cluster: cluster-robust mean differences against statsmodels ---------------------------
# Outlets nested in ratings, each outlet with its own level (so articles of one outlet are
# alike): compare by rating with --cluster source, every pair and each rating against the
# rest, against statsmodels' OLS with cov_type="cluster" (CR1, t on G - 1 df).
import statsmodels.api as sm  # noqa: E402

rng = np.random.default_rng(18)
recs = []
for rating in ("left", "center", "right"):
    for o in range(7):
        mu = rng.gamma(1.0, 1.0)
        for i in range(int(rng.integers(3, 40))):
            recs.append({"schema": 1, "id": f"{rating}{o}-{i}", "source": f"{rating}-{o}",
                         "rating": rating, "tokens": int(rng.integers(200, 1500)),
                         "quote_tokens": 0,
                         "categories": {"c_a": {"count": int(rng.negative_binomial(0.5, 0.5 / (0.5 + mu)))},
                                        "c_b": {"count": int(rng.poisson(mu))}}})
rng.shuffle(recs)
cl = pd.DataFrame({"rating": [r["rating"] for r in recs], "source": [r["source"] for r in recs]})
for c in ("c_a", "c_b"):
    cl[c] = [1000.0 * r["categories"][c]["count"] / r["tokens"] for r in recs]


def cluster_ref(frame, in_a, ind):
    X = sm.add_constant(in_a.astype(float).to_numpy(), has_constant="add")
    fit = sm.OLS(frame[ind].to_numpy(), X).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(frame["source"])[0]}, use_t=True)
    return fit.params[1], fit.bse[1], fit.tvalues[1], fit.pvalues[1]


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "clustered.jsonl")
    with open(path, "w") as f:
        f.write("".join(json.dumps(r) + "\n" for r in recs))
    runs = {}
    for mode in ("all", "vs-rest"):
        r = subprocess.run([SLANT, "compare", "--by", "rating", "--cluster", "source", "--pairs",
                            mode, "--indicators", "c_a,c_b", "-f", "json", path],
                           capture_output=True, text=True)
        runs[mode] = (json.loads(r.stdout), r.stderr)
    plain = json.loads(slant("compare", "--by", "rating", "--indicators", "c_a,c_b", "-f", "json",
                             path))
bad, n = [], 0
for mode, (cdoc, err) in runs.items():
    for p in cdoc["tables"]["pairs"]:
        if p["reference"] == "rest":
            frame, in_a = cl, cl.rating == p["group"]
        else:
            frame = cl[cl.rating.isin([p["group"], p["reference"]])]
            in_a = frame.rating == p["group"]
        diff, se, t, pv = cluster_ref(frame, in_a, p["indicator"])
        n += 1
        if not (close(p["mean_a"] - p["mean_b"], diff, 1e-8) and close(p["cluster_se"], se)
                and close(p["cluster_t"], t) and close(p["cluster_p"], pv)
                and p["cluster_df"] == frame.source.nunique() - 1):
            bad.append((mode, p["group"], p["reference"], p["indicator"], p["cluster_se"], se,
                        p["cluster_p"], pv))
for b in bad[:5]:
    print("compare FAIL: cluster-robust differs from statsmodels:", b)
check(n == 12 and not bad, f"--cluster: {n} pairs against statsmodels, {len(bad)} differ")
cdoc, err = runs["all"]
fams = [f["name"] for f in cdoc["families"]]
check("pairs/cluster_t" in fams and "pairs/cluster_t" not in
      [f["name"] for f in plain["families"]], f"the cluster family only with --cluster: {fams}")
check("constant within each 'source'" in err, f"--cluster warns of nested groups: {err!r}")
check(all(p["cluster_p"] is None for p in plain["tables"]["pairs"]),
      "no cluster-robust columns without --cluster")
# with clusters, a difference is called by the cluster-robust q alone
called = sum(1 for p in cdoc["tables"]["pairs"] if (p["cluster_q"] or 1) < 0.05)
by_rank = sum(1 for p in cdoc["tables"]["pairs"] if (p["mwu_q"] or 1) < 0.05)
print(f"  --cluster: {called} of 6 pairs called by the cluster-robust q; "
      f"{by_rank} would be by Mann-Whitney at the article level")
r = subprocess.run([SLANT, "compare", "--cluster", "source", "--partial", CORPUS],
                   capture_output=True, text=True)
check(r.returncode == 2 and "--partial" in r.stderr, "--cluster with --partial is a usage error")

TALLY.finish("compare: ")
