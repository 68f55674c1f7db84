"""The count model of `slant compare` (issue 13 item 4, issue 18 item 6) against statsmodels.

Makes score records with real-shaped counts (negative binomial draws, 60 to 70% zeros,
ties, words from 60 to 3,000, five groups of unequal sizes, clusters that cross the
groups), runs `slant compare --format json` on them (with and without --cluster), and
fits the same models with statsmodels (Debian's python3-statsmodels):
NegativeBinomial(y, X, offset=log(words)) (NB2, alpha by maximum likelihood), or Poisson
where slant says the counts are no more dispersed than Poisson's; X the intercept and the
groups in treatment coding against slant's reference group. Compared: alpha and its
standard error, every coefficient, standard error, z and p, the log-likelihoods, the
likelihood-ratio test of the groups (against the fit without groups), the Wald test of
the group coefficients, and every pair's rate ratio with its interval and p (from the
coefficients and their covariance: exp(b_a - b_b), se from V_aa + V_bb - 2 V_ab); with
--cluster the same against fit(cov_type="cluster"). Then strata (not yet a compare option)
through the statistics driver's `nb` command, with and without clusters; the refusals
(a group without counts: separation; shares and indices: no model); --no-count-model; and
the csv and long formats read by pandas.

Tolerance: 1e-6 relative (1e-9 absolute for numbers near 0). Both fits are run to
convergence (statsmodels: BFGS, then Newton to tol 1e-12, its `converged` flag checked; slant:
its own rule, countmodel.h), so they agree far closer than that (about 1e-12 in practice);
the bound covers the JSON's 10 significant digits and the rounding floor of the
iterative fits. statsmodels' default `fit()` (BFGS, gtol 1e-5, 35 iterations) is not a
reference at this tolerance: on these data it stops up to 2% (relative) short on a
coefficient near 0 while saying it converged (standard errors within 3e-5). Usage: check_countmodel.py BUILD_DIR. Ends "countmodel: N passed, N failed".
"""
import atexit
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.join(BUILD, "slant")
DRIVER = os.path.join(BUILD, "stats_driver")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("countmodel")
check = TALLY.check
REL, ABS = 1e-6, 1e-9


def close(a, b, rel=REL, abs_=ABS):
    if a is None or b is None:
        return a is None and (b is None or (isinstance(b, float) and math.isnan(b)))
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), abs_)


def slant(*args):
    r = subprocess.run([SLANT, *args], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"slant {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r.stdout


# --- the data -----------------------------------------------------------------------------
rng = np.random.default_rng(20261204)
GROUPS = ["outlet-a", "outlet-b", "outlet-c", "outlet-d", "outlet-e"]
SIZES = [40, 260, 90, 25, 150]
n = sum(SIZES)
group = np.repeat(np.arange(len(GROUPS)), SIZES)
rng.shuffle(group)  # rows interleaved; compare orders groups by their first row
words = np.round(np.exp(rng.normal(6.3, 0.7, n))).clip(60, 3000)
cluster = rng.integers(0, 37, n)  # 37 clusters that cross the groups


def nb_draw(rate_per_word, alpha):
    mu = words * rate_per_word[group]
    return rng.poisson(rng.gamma(1.0 / alpha, alpha * mu)).astype(float)


counts = {
    # overdispersed, most counts 0 (the shape of real category counts)
    "loaded": nb_draw(np.array([0.0009, 0.0016, 0.0007, 0.0012, 0.0010]), 2.5),
    "hedging": nb_draw(np.array([0.0020, 0.0018, 0.0030, 0.0015, 0.0021]), 1.2),
    # equidispersed (Poisson): alpha's maximum at 0, the Poisson fit
    "plain": rng.poisson(words * np.array([0.0006, 0.0009, 0.0005, 0.0007, 0.0008])[group])
    .astype(float),
    # one group never uses it: separation
    "rare": np.where(group == 3, 0.0, nb_draw(np.full(5, 0.0008), 1.0)),
}
zeros = {k: float(np.mean(v == 0)) for k, v in counts.items()}
check(0.6 <= zeros["loaded"] <= 0.75, f"loaded: {zeros['loaded']:.2f} zeros, want 60-70%")
check(0.45 <= zeros["hedging"] <= 0.75, f"hedging: {zeros['hedging']:.2f} zeros")

tmp = tempfile.mkdtemp(prefix="slant-countmodel-")
atexit.register(shutil.rmtree, tmp, ignore_errors=True)
records = os.path.join(tmp, "records.jsonl")
with open(records, "w") as f:
    for i in range(n):
        cats = {k: {"count": int(v[i]), "rate": 1000.0 * v[i] / words[i]}
                for k, v in counts.items()}
        rec = {"schema": 1, "id": f"rec-{i:05d}", "source": GROUPS[group[i]],
               "desk": f"desk-{cluster[i]:02d}", "tokens": int(words[i]),
               "quote_tokens": int(words[i] // 7), "categories": cats}
        f.write(json.dumps(rec) + "\n")


# --- statsmodels --------------------------------------------------------------------------
def design(order, codes):
    X = np.zeros((len(codes), len(order)))
    X[:, 0] = 1
    for k in range(1, len(order)):
        X[:, k] = codes == k
    return X


def fit(y, X, poisson, cov="nonrobust", groups=None):
    kw = {"cov_type": "cluster", "cov_kwds": {"groups": groups}} if cov == "cluster" else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if poisson:
            m = sm.Poisson(y, X, offset=np.log(words))
        else:
            m = sm.NegativeBinomial(y, X, offset=np.log(words))
        # BFGS first: statsmodels' Newton from its own start diverges on some data (the
        # model without groups here); then Newton from there, to convergence
        start = m.fit(method="bfgs", maxiter=1000, disp=0).params
        r = m.fit(start_params=start, method="newton", maxiter=300, tol=1e-12, disp=0, **kw)
    return r


def check_model(doc, ind, robust):
    tag = f"{ind}{' (cluster)' if robust else ''}"
    compared = [g["name"] for g in doc["groups"] if g["compared"]]
    model = {r["indicator"]: r for r in doc["tables"]["count_model"]}[ind]
    check(model["reference"] == compared[0], f"{tag}: reference {model['reference']}")
    check(model["status"] == "ok", f"{tag}: status {model['status']}")
    if model["status"] != "ok":
        return
    codes = np.array([compared.index(GROUPS[g]) for g in group])
    X = design(compared, codes)
    y = counts[ind]
    poisson = model["alpha"] == 0
    check(poisson == (ind == "plain"), f"{tag}: Poisson fit {poisson}")
    r = fit(y, X, poisson, "cluster" if robust else "nonrobust", cluster)
    check(r.mle_retvals["converged"], f"{tag}: statsmodels converged")
    r0 = fit(y, X[:, :1], poisson)
    k = len(compared)
    params, bse = np.asarray(r.params), np.asarray(r.bse)
    cov = np.asarray(r.cov_params())
    bad = []
    want = {"n": n, "covariance": "cluster" if robust else "model",
            "intercept": params[0], "intercept_se": bse[0], "loglik": r.llf,
            "loglik_null": r0.llf, "lr_chi2": 2 * (r.llf - r0.llf), "lr_df": k - 1,
            "lr_p": stats.chi2.sf(2 * (r.llf - r0.llf), k - 1)}
    if robust:
        want["clusters"] = len(np.unique(cluster))
    if not poisson:
        want["alpha"], want["alpha_se"] = params[-1], bse[-1]
    else:
        check(model["alpha_se"] is None, f"{tag}: no alpha_se for a Poisson fit")
    w = r.wald_test(np.eye(len(params))[1:k], scalar=True)
    want["wald_chi2"], want["wald_p"] = float(w.statistic), float(w.pvalue)
    want["group_p"] = want["wald_p"] if robust else want["lr_p"]
    for key, v in want.items():
        got = model[key]
        if isinstance(v, str) or isinstance(v, int):
            ok = got == v
        else:
            ok = close(got, float(v))
        if not ok:
            bad.append((key, got, v))
    coefs = {(x["group"]): x for x in doc["tables"]["count_model_coef"]
             if x["indicator"] == ind}
    z = stats.norm.ppf(0.975)
    for g in range(1, k):
        x = coefs[compared[g]]
        for key, v in (("coef", params[g]), ("coef_se", bse[g]),
                       ("coef_z", params[g] / bse[g]), ("coef_p", r.pvalues[g]),
                       ("rate_ratio", math.exp(params[g])),
                       ("rr_low", math.exp(params[g] - z * bse[g])),
                       ("rr_high", math.exp(params[g] + z * bse[g]))):
            if not close(x[key], float(v)):
                bad.append((compared[g], key, x[key], v))
    pairs = {(p["group"], p["reference"]): p for p in doc["tables"]["pairs"]
             if p["indicator"] == ind}
    for a in range(k):
        for b in range(a + 1, k):
            p = pairs[(compared[a], compared[b])]
            ba = params[a] if a else 0.0
            bb = params[b] if b else 0.0
            var = (cov[a, a] if a else 0) + (cov[b, b] if b else 0) - (2 * cov[a, b] if a and b else 0)
            d, se = ba - bb, math.sqrt(var)
            exp_ = {"rate_ratio": math.exp(d), "rr_low": math.exp(d - z * se),
                    "rr_high": math.exp(d + z * se), "rr_p": 2 * stats.norm.sf(abs(d / se))}
            for key, v in exp_.items():
                if not close(p[key], v):
                    bad.append((compared[a], compared[b], key, p[key], v))
            if p["rr_q"] is None:
                bad.append((compared[a], compared[b], "rr_q null"))
    check(not bad, f"{tag}: {len(bad)} numbers differ from statsmodels, first {bad[:4]}")


doc = json.loads(slant("compare", "-q", "--format", "json", records))
check(doc["count_model"] is True, "count_model is on by default")
fams = {f["name"]: f for f in doc["families"]}
check("pairs/nb_rate_ratio" in fams and fams["pairs/nb_rate_ratio"]["tests_of"].startswith(
    "secondary"), "pairs/nb_rate_ratio is a secondary family")
check("omnibus/nb_groups" in fams, "omnibus/nb_groups family")
models = {r["indicator"]: r for r in doc["tables"]["count_model"]}
check(set(models) == set(counts), f"a model per rate indicator only, not {sorted(models)}")
for ind in ("loaded", "hedging", "plain"):
    check_model(doc, ind, robust=False)
# a group without any count: no estimates, a status, nulls in every pair
rare = models["rare"]
check(rare["status"] == "separation" and rare["alpha"] is None and rare["lr_p"] is None,
      f"rare: {rare['status']}")
check(all(p["rate_ratio"] is None and p["rr_p"] is None for p in doc["tables"]["pairs"]
          if p["indicator"] == "rare"), "rare: no rate ratios")
check(all(p["rate_ratio"] is None for p in doc["tables"]["pairs"]
          if p["indicator"] == "quote_share"), "quote_share (a share): no rate ratios")
# the q of the family: Benjamini-Hochberg of the defined rr_p
pp = [p for p in doc["tables"]["pairs"] if p["rr_p"] is not None]
ps = np.array([p["rr_p"] for p in pp])
order = np.argsort(ps)
q = np.empty_like(ps)
q[order] = np.minimum.accumulate((ps[order] * len(ps) / np.arange(1, len(ps) + 1))[::-1])[::-1]
check(all(close(p["rr_q"], min(1.0, v)) for p, v in zip(pp, q)), "rr_q is BH of rr_p")
check(fams["pairs/nb_rate_ratio"]["tests"] == len(pp), "the family counts the defined tests")

# against the rest: the quasi-Poisson ratio, statsmodels' GLM Poisson with scale="X2"
docr = json.loads(slant("compare", "-q", "--format", "json", "--pairs", "vs-rest", records))
famr = {f["name"]: f for f in docr["families"]}
check("pairs/qp_rate_ratio" in famr and "pairs/nb_rate_ratio" not in famr,
      "vs-rest: the family pairs/qp_rate_ratio instead of pairs/nb_rate_ratio")
zq = 1.959963984540054
for ind in ("loaded", "hedging", "plain"):
    y = counts[ind]
    for row in (p for p in docr["tables"]["pairs"] if p["indicator"] == ind):
        ing = (group == GROUPS.index(row["group"])).astype(float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = sm.GLM(y, np.column_stack([np.ones(n), ing]), family=sm.families.Poisson(),
                       offset=np.log(words)).fit(scale="X2")
        b, se = r.params[1], r.bse[1]
        want = {"rate_ratio": math.exp(b), "rr_low": math.exp(b - zq * se),
                "rr_high": math.exp(b + zq * se), "rr_p": float(r.pvalues[1])}
        bad = [k for k, v in want.items() if not close(row[k], v)]
        check(not bad, f"vs-rest {ind} {row['group']}: {bad} differ from statsmodels "
              f"({[(row[k], want[k]) for k in bad][:2]})")
rare_rows = [p for p in docr["tables"]["pairs"] if p["indicator"] == "rare"]
check(any(p["rate_ratio"] is None for p in rare_rows) and
      any(p["rate_ratio"] is not None for p in rare_rows),
      "vs-rest rare: no ratio for the group without counts, a ratio for the others")

# clusters: the CR1 sandwich of statsmodels' cov_type="cluster"
docc = json.loads(slant("compare", "-q", "--format", "json", "--cluster", "desk", records))
for ind in ("loaded", "hedging", "plain"):
    check_model(docc, ind, robust=True)

# rows that share an id keep their own clusters (issue 18: compare reads the inputs twice
# under --cluster and matched the two reads in canonical order, where rows of one id are
# ordered by group in one read and by cluster in the other): every id here is shared by
# two rows of different groups and clusters, so the same numbers must come out
dup = os.path.join(tmp, "dup.jsonl")
with open(records) as f, open(dup, "w") as out:
    for i, line in enumerate(f):
        rec = json.loads(line)
        rec["id"] = f"dup-{i // 2:05d}"
        out.write(json.dumps(rec) + "\n")
docd = json.loads(slant("compare", "-q", "--format", "json", "--cluster", "desk", dup))
for ind in ("loaded", "hedging"):
    check_model(docd, ind, robust=True)
cse = {(p["group"], p["reference"], p["indicator"]): p["cluster_se"]
       for p in docc["tables"]["pairs"]}
check(all(close(p["cluster_se"], cse[(p["group"], p["reference"], p["indicator"])], 1e-9)
          for p in docd["tables"]["pairs"]), "shared ids: the same cluster-robust mean differences")

# --no-count-model: none of it
doc0 = json.loads(slant("compare", "-q", "--format", "json", "--no-count-model", records))
check(doc0["count_model"] is False and "count_model" not in doc0["tables"]
      and all("rate_ratio" not in p for p in doc0["tables"]["pairs"]), "--no-count-model")
check(not any(f["name"].startswith("pairs/nb") for f in doc0["families"]),
      "--no-count-model: no family")

# csv and long: the same rows
csv = pd.read_csv(io.StringIO(slant("compare", "-q", "--format", "csv", records)))
cm = csv[csv.table == "count_model"].set_index("indicator")
check(close(float(cm.loc["loaded", "alpha"]), models["loaded"]["alpha"]), "csv: alpha")
check(cm.loc["rare", "status"] == "separation", "csv: status")
lng = pd.read_csv(io.StringIO(slant("compare", "-q", "--format", "long", records)))
rr = lng[(lng.table == "pairs") & (lng.statistic == "rate_ratio") & (lng.indicator == "loaded")]
jrr = [p["rate_ratio"] for p in doc["tables"]["pairs"] if p["indicator"] == "loaded"]
check(len(rr) == len(jrr) and all(close(a, b) for a, b in zip(rr.value, jrr)),
      "long: rate ratios")

# the text output names the model and its rate ratios
text = slant("compare", "-q", records)
check("Count model" in text and "rate ratio" in text, "text: count model section")


# --- strata, through the statistics driver (compare takes them from opts.stratum) ------
def driver_nb(y, w, g, ng, s=None, ns=0, c=None, nc=0):
    line = (f"nb 0.95 {ng} {ns} {nc} | " + " ".join(repr(float(v)) for v in y) + " | " +
            " ".join(repr(float(v)) for v in w) + " | " + " ".join(str(int(v)) for v in g) +
            " | " + (" ".join(str(int(v)) for v in s) if ns else "") + " | " +
            (" ".join(str(int(v)) for v in c) if nc else "") + "\n")
    out = subprocess.run([DRIVER], input=line, capture_output=True, text=True).stdout.split()
    return out[0], out[1], [float(v) for v in out[3:]]


S = 4
stratum = rng.integers(0, S, n)
strat_eff = np.array([1.0, 1.8, 0.6, 1.3])
y = rng.poisson(rng.gamma(1 / 1.7, 1.7 * words * 0.0012 *
                          np.array([1.0, 1.5, 0.7, 1.2, 0.9])[group] * strat_eff[stratum]))
y = y.astype(float)
k = len(GROUPS)
Xs = np.zeros((n, k + S - 1))
Xs[:, 0] = 1
for g in range(1, k):
    Xs[:, g] = group == g
for s in range(1, S):
    Xs[:, k - 1 + s] = stratum == s
for robust in (False, True):
    tag = "strata" + (" (cluster)" if robust else "")
    ok, status, v = driver_nb(y, words, group, k, stratum, S, cluster if robust else None,
                              37 if robust else 0)
    check(ok == "ok", f"{tag}: driver status {status}")
    r = fit(y, Xs, False, "cluster" if robust else "nonrobust", cluster)
    p = Xs.shape[1]
    alpha, alpha_se, ll, lr, lr_p, wald, wald_p = v[:7]
    coef, se = v[7:7 + p], v[7 + p:7 + 2 * p]
    r0 = fit(y, np.column_stack([Xs[:, :1], Xs[:, k:]]), False)
    w = r.wald_test(np.eye(p + 1)[1:k], scalar=True)
    got = [alpha, alpha_se, ll, lr, wald, wald_p] + coef + se
    want = [r.params[-1], r.bse[-1], r.llf, 2 * (r.llf - r0.llf), float(w.statistic),
            float(w.pvalue)] + list(r.params[:-1]) + list(r.bse[:-1])
    bad = [(i, a, b) for i, (a, b) in enumerate(zip(got, want)) if not close(a, float(b))]
    check(not bad, f"{tag}: {len(bad)} numbers differ from statsmodels, first {bad[:4]}")
# a stratum whose counts are all 0 is left out: the same fit as without its rows
y2 = np.concatenate([y, np.zeros(30)])
w2 = np.concatenate([words, np.full(30, 800.0)])
g2 = np.concatenate([group, np.arange(30) % k])
s2 = np.concatenate([stratum, np.full(30, S)])
_, _, v1 = driver_nb(y, words, group, k, stratum, S)
_, status, v2 = driver_nb(y2, w2, g2, k, s2, S + 1)
check(status == "ok" and all(close(a, b, 1e-9) for a, b in zip(v1, v2)),
      "a stratum without counts changes nothing")

TALLY.finish("countmodel: ")
