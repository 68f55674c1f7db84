"""`slant compare --every month --split DATE` end to end against SciPy and statsmodels, on a
corpus of the generator's trend design (bench/gen_corpus.py --design trend: real-shaped
rates, zero-heavy categories, tied period means, dates in nine forms, some unreadable or
missing), and the design found: the rising source's trend called with the right sign, the
flat ones not. Every statistic of the periods, trend and split tables is recomputed here
from the score records with Python's own date readers, numpy, scipy.stats
(kendalltau, theilslopes, ttest_ind(equal_var=False), mannwhitneyu, t) and
statsmodels (multipletests; CompareMeans for Welch's df and interval), to 1e-6 relative. Also Mann-Kendall and Sen's slope on their
own (build/time_driver) for series full of ties and zeros, and the days kept through
partials and merge. Usage: check_trend.py BUILD_DIR. Ends "N passed, N failed"."""
import datetime
import email.utils
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import jsonschema
import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

BUILD = sys.argv[1]
SLANT = BUILD + "/slant"
DRIVER = BUILD + "/time_driver"
EPOCH = datetime.date(1970, 1, 1)
LEVEL = 0.95
SPLIT = datetime.date(2024, 7, 1)
INDICATORS = ["loaded_index", "pejorative_labels", "emotive", "puffery", "hedges"]
TALLY = Tally("trend")
check = TALLY.check


def close(got, want, rel=1e-6, absolute=1e-9):
    if want is None or (isinstance(want, float) and math.isnan(want)):
        return got is None
    return got is not None and abs(got - want) <= max(rel * abs(want), absolute)


def day_of(text):
    """Python's reading of a date in the forms slant documents, or None."""
    if text is None:
        return None
    s = text.strip()
    try:
        return datetime.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (ValueError, TypeError, IndexError):
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%Y/%m/%d", "%d %b %Y", "%b %d %Y"):
        try:
            return datetime.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return None


def value(rec, ind):
    if ind in rec and not isinstance(rec[ind], dict):
        return rec[ind]
    c = rec["categories"][ind]["count"]
    return 1000.0 * c / rec["tokens"] if rec["tokens"] > 0 else None


tmp = tempfile.mkdtemp(prefix="slant-time-")
corpus, scores = os.path.join(tmp, "trend.jsonl"), os.path.join(tmp, "scores.jsonl")
subprocess.run(["/usr/bin/python3", "bench/gen_corpus.py", "--design", "trend", "--mb", "0.8",
                "--seed", "7", corpus], check=True, capture_output=True)
with open(scores, "w") as f:
    subprocess.run([SLANT, "score", "-j", "2", corpus], stdout=f, check=True)
run = subprocess.run([SLANT, "compare", "--every", "month", "--split", SPLIT.isoformat(),
                      "--pairs", "none", "--format", "json", "--indicators",
                      ",".join(INDICATORS), scores], capture_output=True, text=True)
check(run.returncode == 0, "compare exits {}: {}".format(run.returncode, run.stderr))
out = json.loads(run.stdout)
tables = out["tables"]
recs = [json.loads(l) for l in open(scores)]

# --- undated and unreadable dates: counted, said ---------------------------------------
given = [r.get("date") for r in recs]
unreadable = sum(1 for d in given if d is not None and day_of(d) is None)
undated = sum(1 for d in given if d is None or day_of(d) is None)
check(unreadable > 0 and undated > unreadable, "the design has unreadable and missing dates")
check(out["time"]["unreadable_dates"] == unreadable,
      "unreadable_dates {} (Python: {})".format(out["time"]["unreadable_dates"], unreadable))
check(out["time"]["undated"] == undated and out["time"]["dated"] == len(recs) - undated,
      "undated {} dated {} (Python: {} of {})".format(out["time"]["undated"],
                                                       out["time"]["dated"], undated, len(recs)))
check("{} of {} articles have no date ({} with a date slant cannot read".format(
    undated, len(recs), unreadable) in run.stderr, "stderr says: " + run.stderr.strip())

# --- the data as Python reads it ---------------------------------------------------------
rows = []  # (source, day, month index, {indicator: value})
for r in recs:
    d = day_of(r.get("date"))
    if d is None:
        continue
    rows.append((r["source"], d, (d.year - 1970) * 12 + d.month - 1,
                 {i: value(r, i) for i in INDICATORS}))
sources = sorted({r[0] for r in rows})

# --- periods ------------------------------------------------------------------------------
periods = {(p["group"], p["indicator"], p["period"]): p for p in tables["periods"]}
bad, n = [], 0
series = {}
for src in sources:
    for ind in INDICATORS:
        by_month = {}
        for s, d, m, v in rows:
            if s == src and v[ind] is not None:
                by_month.setdefault(m, []).append(v[ind])
        xs, means = [], []
        for m in sorted(by_month):
            vals = np.array(by_month[m])
            label = "{:04d}-{:02d}".format(1970 + m // 12, m % 12 + 1)
            p = periods.get((src, ind, label))
            n += 1
            mean = float(np.mean(vals))
            if len(vals) > 1:
                sd = float(np.std(vals, ddof=1))
                lo, hi = (mean, mean) if sd == 0 else stats.t.interval(
                    LEVEL, len(vals) - 1, loc=mean, scale=sd / math.sqrt(len(vals)))
            else:
                sd = lo = hi = float("nan")
            if not (p and p["n"] == len(vals) and close(p["mean"], mean) and close(p["sd"], sd)
                    and close(p["ci_low"], lo) and close(p["ci_high"], hi)
                    and p["period_start"] == "{}-01".format(label)):
                bad.append((src, ind, label, p, mean, sd, lo, hi))
            xs.append(m)
            means.append(mean)
        series[(src, ind)] = (xs, means)
check(not bad and n > 100, "periods: {} of {} differ from numpy/scipy, e.g. {}".format(
    len(bad), n, bad[:1]))
check(len(tables["periods"]) == n, "periods: {} rows, Python {}".format(len(tables["periods"]), n))
ties = sum(1 for xs, means in series.values() if len(set(means)) < len(means))
check(ties >= 3, "only {} series have tied period means: the check needs ties".format(ties))

# --- trend: Mann-Kendall (kendalltau) and Sen (theilslopes) on the period means -----------
trend = {(t["group"], t["indicator"]): t for t in tables["trend"]}
bad = []
for (src, ind), (xs, means) in series.items():
    t = trend[(src, ind)]
    s_stat = sum(np.sign(means[j] - means[i]) for i in range(len(means))
                 for j in range(i + 1, len(means)))
    tau, p = stats.kendalltau(xs, means, method="asymptotic")
    sen = stats.theilslopes(means, xs, LEVEL)
    want = {"periods": len(xs), "mk_s": float(s_stat), "kendall_tau": float(tau),
            "mk_p": float(p), "sen_slope": sen[0], "sen_intercept": sen[1],
            "sen_low": sen[2], "sen_high": sen[3]}
    for k, v in want.items():
        if not close(t[k], v):
            bad.append((src, ind, k, t[k], v))
    if t["mk_var"] and t["mk_var"] > 0 and t["mk_z"] is not None:
        check(close(t["mk_z"], s_stat / math.sqrt(t["mk_var"])), "mk_z of {} {}".format(src, ind))
check(not bad, "trend against kendalltau/theilslopes: {}".format(bad[:4]))
keys = list(trend)
ps = np.array([trend[k]["mk_p"] if trend[k]["mk_p"] is not None else np.nan for k in keys])
ok = ~np.isnan(ps)
qs = np.full(len(ps), np.nan)
qs[ok] = multipletests(ps[ok], method="fdr_bh")[1]
check(all(close(trend[k]["mk_q"], None if np.isnan(q) else float(q)) for k, q in zip(keys, qs)),
      "mk_q is not statsmodels' fdr_bh of the trend family")

# --- split: Welch (ttest_ind, its interval) and Mann-Whitney U -----------------------------
split = {(t["group"], t["indicator"]): t for t in tables["split"]}
bad = []
for src in sources:
    for ind in INDICATORS:
        before = [v[ind] for s, d, m, v in rows if s == src and d < SPLIT and v[ind] is not None]
        after = [v[ind] for s, d, m, v in rows if s == src and d >= SPLIT and v[ind] is not None]
        t = split[(src, ind)]
        w = stats.ttest_ind(after, before, equal_var=False)
        cm = CompareMeans(DescrStatsW(np.array(after)), DescrStatsW(np.array(before)))
        _, _, df = cm.ttest_ind(usevar="unequal")
        lo, hi = cm.tconfint_diff(alpha=1 - LEVEL, usevar="unequal")
        u = stats.mannwhitneyu(after, before, alternative="two-sided", method="auto")
        want = {"n_before": len(before), "n_after": len(after),
                "mean_before": float(np.mean(before)), "mean_after": float(np.mean(after)),
                "mean_diff": float(np.mean(after) - np.mean(before)),
                "welch_t": float(w.statistic), "welch_df": float(df),
                "welch_p": float(w.pvalue), "diff_low": float(lo),
                "diff_high": float(hi), "mwu_u": float(u.statistic),
                "mwu_p": float(u.pvalue)}
        for k, v in want.items():
            if not close(t[k], v):
                bad.append((src, ind, k, t[k], v))
check(not bad, "split against ttest_ind/mannwhitneyu: {}".format(bad[:4]))
for fam, p, q in (("split/welch_t", "welch_p", "welch_q"), ("split/mann_whitney", "mwu_p", "mwu_q")):
    keys = list(split)
    ps = np.array([split[k][p] for k in keys], dtype=float)
    qs = multipletests(ps, method="fdr_bh")[1]
    check(all(close(split[k][q], float(x)) for k, x in zip(keys, qs)), fam + " q-values")
names = [f["name"] for f in out["families"]]
check(all(f in names for f in ("trend/mann_kendall", "split/welch_t", "split/mann_whitney")),
      "families named: {}".format(names))

# --- the design: the rising source found, with the right sign; the flat ones not ----------
rise = trend[("Rising Post", "loaded_index")]
check(rise["mk_q"] < 0.05 and rise["sen_slope"] > 0 and rise["sen_low"] > 0,
      "the rising source's loaded_index trend: {}".format(rise))
for flat in ("Level Times", "Steady Courier"):
    t = trend[(flat, "loaded_index")]
    check(t["mk_q"] >= 0.05 and t["sen_low"] <= 0 <= t["sen_high"],
          "{} is flat by design, called: {}".format(flat, t))
sp = split[("Rising Post", "loaded_index")]
check(sp["mean_diff"] > 0 and sp["mwu_q"] < 0.05, "the rising source's split: {}".format(sp))

# --- days through partials and merge: the same time tables as the whole -------------------
parts = []
for k in (1, 2):
    part = os.path.join(tmp, "p{}.json".format(k))
    subprocess.run([SLANT, "compare", "--partial", "--shard", "{}/2".format(k), "-o", part,
                    scores], check=True, capture_output=True)
    parts.append(part)
merged = os.path.join(tmp, "merged.json")
subprocess.run([SLANT, "merge", "-o", merged] + parts, check=True, capture_output=True)
again = subprocess.run([SLANT, "compare", "--every", "month", "--split", SPLIT.isoformat(),
                        "--pairs", "none", "--format", "json", "--indicators",
                        ",".join(INDICATORS), merged], capture_output=True, text=True)
again = json.loads(again.stdout)
for name in ("periods", "trend", "split"):
    check(again["tables"][name] == tables[name], "{} after partials and merge".format(name))
check(again["time"] == out["time"], "time member after merge: {}".format(again["time"]))

# --- ISO weeks and days: labels and membership as Python's isocalendar has them -----------
for unit, label_of in (("week", lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2])),
                       ("day", lambda d: d.isoformat()), ("year", lambda d: str(d.year))):
    r = subprocess.run([SLANT, "compare", "--every", unit, "--pairs", "none", "--format", "json",
                        "--indicators", "loaded_index", scores], capture_output=True, text=True)
    got = {(p["group"], p["period"]): p["n"] for p in json.loads(r.stdout)["tables"]["periods"]}
    want = {}
    for src, d, m, v in rows:
        if v["loaded_index"] is not None:
            want[(src, label_of(d))] = want.get((src, label_of(d)), 0) + 1
    check(got == want, "--every {}: {} periods, Python {}; e.g. {}".format(
        unit, len(got), len(want), sorted(set(got.items()) ^ set(want.items()))[:3]))

# --- the output against its schema, also with a split that leaves a side empty ------------
schema = json.load(open("docs/schema/compare.schema.json", encoding="utf-8"))
late = subprocess.run([SLANT, "compare", "--split", "2030-01-01", "--pairs", "none",
                       "--format", "json", "--indicators", "loaded_index", scores],
                      capture_output=True, text=True)
for name, doc in (("--every --split", out), ("--split after every date", json.loads(late.stdout))):
    try:
        jsonschema.validate(doc, schema)
        check(True, "")
    except jsonschema.ValidationError as e:
        check(False, "{}: schema: {} at {}".format(name, e.message, list(e.absolute_path)))

# --- --by date:month reads every form too: twelve months and the undated -------------------
bymonth = subprocess.run([SLANT, "compare", "--by", "date:month", "--pairs", "none",
                          "--min-n", "1", "--format", "json", "--indicators", "loaded_index",
                          scores], capture_output=True, text=True)
groups = {g["name"]: g["articles"] for g in json.loads(bymonth.stdout)["groups"]}
months = ["2024-{:02d}".format(m) for m in range(1, 13)]
check(sorted(groups) == sorted(months + ["(none)"]) and groups["(none)"] == undated,
      "--by date:month groups: {}".format(groups))

# --- Mann-Kendall and Sen alone, on series full of ties and zeros -------------------------
rng = random.Random(5)
lines, wants = [], []
for case in range(200):
    n = rng.randint(3, 40)
    xs = sorted(rng.sample(range(0, 3 * n), n))
    pool = [0.0, 0.0, 0.0, 1.5, 2.25, rng.random() * 10] if case % 2 else [rng.gauss(3, 2) for _ in range(5)]
    ys = [rng.choice(pool) + (0.05 * x if case % 3 == 0 else 0) for x in xs]
    if len(set(ys)) == 1:
        ys[0] += 1
    lines.append("mk {} | {} | {}\n".format(LEVEL, " ".join(map(repr, map(float, xs))),
                                             " ".join(map(repr, ys))))
    wants.append((xs, ys))
res = subprocess.run([DRIVER], input="".join(lines), capture_output=True, text=True).stdout
bad = []
for line, (xs, ys) in zip(res.splitlines(), wants):
    f = [float(v) for v in line.split()[1:]]
    tau, p = stats.kendalltau(xs, ys, method="asymptotic")
    sen = stats.theilslopes(ys, xs, LEVEL)
    for got, want in zip([f[2], f[4], f[5], f[6], f[7], f[8]], [tau, p, *sen]):
        if not close(got, float(want)):
            bad.append((xs, ys, f, tau, p, sen))
            break
check(len(res.splitlines()) == 200 and not bad,
      "driver Mann-Kendall/Sen on tied series: {} of 200 differ, e.g. {}".format(len(bad), bad[:1]))

TALLY.finish("trend: ")
