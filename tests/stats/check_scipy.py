#!/usr/bin/python3
"""Checks slant's statistics (analyzer/stats.c and analyzer/stats_counts.c) against SciPy and
independent formulas.

Usage: /usr/bin/python3 tests/stats/check_scipy.py build/stats_driver

Builds the cases (fixed seeds), runs the driver once with all of them, computes the same
figures in Python and compares them: 1e-9 relative, 1e-12 absolute for statistics that
can be near zero. The references are SciPy where SciPy has the function, and otherwise
a formula written here from the paper (Welch's ANOVA, Hedges' g, Cliff's delta,
Benjamini-Hochberg, Holm, Log Ratio, %DIFF, the quartiles and the t interval of the
mean), plus worked examples whose numbers are written in this file. Every case counts as
one check; the last line is "stats: N passed, N failed".

Written for Debian's python3-scipy (SciPy 1.10, NumPy 1.24). Notes on its conventions:
- ttest_ind does not report df in 1.10 (it does from 1.11): df is computed here.
- t.isf / t.ppf (cdflib) are good to about 1e-9 only, so the t quantile of the
  interval of the mean is refined here by Newton steps on t.sf, which is accurate.
- mannwhitneyu's "auto" picks "exact" when either sample has at most 8 values.
- wilcoxon's "auto" counts zero differences in its limit of 50 and switches "exact" to
  the normal approximation whenever there is a zero; with zeros, the exact reference
  here is SciPy on the non-zero pairs (which is what zero_method="wilcox" tests).
- fisher_exact returns p = 1 when a margin is 0; kruskal returns NaN for an empty group.
"""

import itertools
import math
import subprocess
import sys
import time
import warnings
from fractions import Fraction

import numpy as np
import statsmodels.api as sm
from scipy import optimize, stats
from scipy.stats.contingency import association

REL = 1e-9
ABS = 1e-12
NAN = float("nan")


def close(ours, ref, abs_tol=ABS):
    """Equal to REL relative (abs_tol absolute); NaN matches NaN only."""
    if math.isnan(ours) or math.isnan(ref):
        return math.isnan(ours) and math.isnan(ref)
    if math.isinf(ours) or math.isinf(ref):
        return ours == ref
    return abs(ours - ref) <= max(REL * max(abs(ours), abs(ref)), abs_tol)


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


class Suite:
    """The cases: a driver command, the expected status and the expected numbers."""

    def __init__(self):
        self.cases = []   # (label, command, status, expected, abs_tols)
        self.after = []   # checks run once every answer is in
        self.passed = 0
        self.failed = 0

    def add(self, label, command, status, expected=(), abs_tols=None):
        """status: "ok", "undefined", "exact" or "normal". expected: the numbers after
        the status (NaN where an out-parameter must be NaN). abs_tols: one per number,
        or None for ABS everywhere."""
        self.cases.append((label, command, status, list(expected), abs_tols))

    def later(self, label, command, judge):
        """A command whose answer is judged by judge(tokens) -> (ok, message)."""
        self.cases.append((label, command, judge, None, None))

    def run(self, driver):
        text = "".join(c[1] + "\n" for c in self.cases)
        proc = subprocess.run([driver], input=text, capture_output=True, text=True,
                              check=False)
        lines = proc.stdout.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if proc.returncode != 0 or len(lines) != len(self.cases):
            print(f"driver failed: exit {proc.returncode}, {len(lines)} lines for "
                  f"{len(self.cases)} commands\n{proc.stderr}")
            self.failed += 1
        for i, case in enumerate(self.cases):
            label, command, status, expected, tols = case
            line = lines[i] if i < len(lines) else "<missing>"
            tokens = line.split()
            if callable(status):
                ok, message = status(tokens)
            else:
                ok, message = self.judge(tokens, status, expected, tols)
            self.count(label, ok, f"{message}\n    command: {shorten(command)}"
                       f"\n    ours: {shorten(line)}")
        for check in self.after:
            check()

    @staticmethod
    def judge(tokens, status, expected, tols):
        if not tokens or tokens[0] != status:
            return False, f"status {tokens[:1]} instead of {status!r}"
        if status in ("exact", "normal"):
            return len(tokens) == 1, "extra output"
        try:
            ours = [float(t) for t in tokens[1:]]
        except ValueError:
            return False, "not numbers"
        if len(ours) != len(expected):
            return False, f"{len(ours)} numbers instead of {len(expected)}"
        bad = []
        for j, (o, e) in enumerate(zip(ours, expected)):
            tol = tols[j] if tols else ABS
            if not close(o, e, tol):
                bad.append(f"#{j}: ours {o!r} vs reference {e!r}")
        return not bad, "; ".join(bad)

    def count(self, label, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {label}: {message}")


def shorten(text, limit=300):
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def sample(*groups):
    return " | ".join(fmt(g) for g in groups)


# --- references written from the papers ------------------------------------------------

def t_upper_quantile(q, df):
    """The t with upper tail q. SciPy's t.isf is good to ~1e-9; Newton on t.sf (~1e-15)."""
    t = stats.t.isf(q, df)
    for _ in range(6):
        t += (stats.t.sf(t, df) - q) / stats.t.pdf(t, df)
    return t


def summary_ref(x, level):
    x = np.asarray(x, dtype=float)
    n = len(x)
    mean = float(np.mean(x))
    q1, med, q3 = np.percentile(x, [25, 50, 75])   # numpy's default: linear, type 7
    if n < 2:
        return [n, mean, NAN, med, q1, q3, NAN, NAN]
    sd = float(np.std(x, ddof=1))
    half = t_upper_quantile((1 - level) / 2, n - 1) * sd / math.sqrt(n)
    return [n, mean, sd, med, q1, q3, mean - half, mean + half]


def welch_df(x, y):
    vx, vy = np.var(x, ddof=1) / len(x), np.var(y, ddof=1) / len(y)
    return (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))


def hedges_ref(x, y, level):
    """Hedges & Olkin (1985): g = J(m) d, exact J, large-sample variance of g."""
    nx, ny = len(x), len(y)
    m = nx + ny - 2
    sp = math.sqrt(((nx - 1) * np.var(x, ddof=1) + (ny - 1) * np.var(y, ddof=1)) / m)
    d = (np.mean(x) - np.mean(y)) / sp
    j = math.exp(math.lgamma(m / 2) - math.lgamma((m - 1) / 2)) / math.sqrt(m / 2)
    g = j * d
    se = math.sqrt((nx + ny) / (nx * ny) + g * g / (2 * (nx + ny)))
    z = stats.norm.ppf(0.5 + level / 2)
    return [g, g - z * se, g + z * se]


def cliff_ref(x, y):
    """Cliff (1993) by counting every pair."""
    s = np.sign(np.subtract.outer(np.asarray(x, float), np.asarray(y, float)))
    return float(s.sum()) / (len(x) * len(y))


def welch_anova_ref(groups):
    """Welch (1951), written from the paper's formulas."""
    k = len(groups)
    n = np.array([len(g) for g in groups], float)
    m = np.array([np.mean(g) for g in groups])
    v = np.array([np.var(g, ddof=1) for g in groups])
    w = n / v
    big_w = w.sum()
    mw = (w * m).sum() / big_w
    lam = (((1 - w / big_w) ** 2) / (n - 1)).sum()
    num = (w * (m - mw) ** 2).sum() / (k - 1)
    den = 1 + 2 * (k - 2) * lam / (k * k - 1)
    f = num / den
    df2 = (k * k - 1) / (3 * lam)
    return [f, k - 1, df2, stats.f.sf(f, k - 1, df2)]


def bh_ref(p):
    """Benjamini & Hochberg (1995) from the definition: q_i = min over p_j >= p_i of
    min(1, m p_j / rank_j), ranks over the valid values (O(m^2), no running minimum)."""
    valid = [(v, i) for i, v in enumerate(p) if not math.isnan(v) and 0 <= v <= 1]
    m = len(valid)
    ordered = sorted(valid)
    out = [NAN] * len(p)
    for r, (v, i) in enumerate(ordered, start=1):
        out[i] = min(min(1.0, m * ordered[s - 1][0] / s) for s in range(r, m + 1))
    return out


def holm_ref(p):
    """Holm (1979) from the definition: adj_(i) = max over j <= i of min(1, (m-j+1) p_(j))."""
    valid = [(v, i) for i, v in enumerate(p) if not math.isnan(v) and 0 <= v <= 1]
    m = len(valid)
    ordered = sorted(valid)
    out = [NAN] * len(p)
    for r, (v, i) in enumerate(ordered, start=1):
        out[i] = max(min(1.0, (m - s + 1) * ordered[s - 1][0]) for s in range(1, r + 1))
    return out


def keyness_ref(a, b, c, d, level):
    """Dunning's G^2 and Pearson's X^2 from SciPy on the 2x2 table; Log Ratio (Hardie
    2014) and %DIFF (Gabrielatos & Marchi 2012) from their definitions."""
    table = np.array([[a, b], [c - a, d - b]], float)
    chi = stats.chi2_contingency(table, correction=False)
    g = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    sign = -1.0 if a / c < b / d else 1.0
    a1 = a if a > 0 else 0.5
    b1 = b if b > 0 else 0.5
    lr = math.log2((a1 / c) / (b1 / d))
    half = stats.norm.ppf(0.5 + level / 2) * math.sqrt(1 / a1 + 1 / b1) / math.log(2)
    pct = (a / c - b1 / d) * 100 / (b1 / d)
    fisher = NAN
    if chi[3].min() < 5:
        fisher = stats.fisher_exact([[int(a), int(b)], [int(c - a), int(d - b)]])[1]
    return [sign * g[0], g[1], chi[0], chi[1], lr, lr - half, lr + half, pct, fisher]


def drop_empty(table):
    t = np.asarray(table, float)
    t = t[t.sum(axis=1) > 0]
    return t[:, t.sum(axis=0) > 0]


# --- GSL's MT19937 replayed with NumPy ---------------------------------------------------
# gsl_rng_set(r, s) seeds MT19937 with Matsumoto & Nishimura's init_genrand, as NumPy's
# legacy seeding does (GSL maps 0 to 4357). gsl_rng_uniform_int(r, n) divides a 32-bit
# draw by floor((2^32 - 1) / n) and rejects results >= n; gsl_ran_shuffle is the
# Fisher-Yates shuffle from the last element down.

class GslStream:
    def __init__(self, seed):
        self.bits = np.random.MT19937(0)
        self.bits._legacy_seeding(seed if seed else 4357)
        self.buf = []
        self.at = 0

    def raw(self):
        if self.at == len(self.buf):
            self.buf = self.bits.random_raw(4096).tolist()
            self.at = 0
        self.at += 1
        return self.buf[self.at - 1]

    def uniform_int(self, n):
        scale = 0xFFFFFFFF // n
        while True:
            k = self.raw() // scale
            if k < n:
                return k

    def shuffle(self, v):
        for i in range(len(v) - 1, 0, -1):
            j = self.uniform_int(i + 1)
            v[i], v[j] = v[j], v[i]


def perm_replay(x, y, permutations, seed):
    v = list(x) + list(y)
    nx, ny = len(x), len(y)
    largest = max(abs(t) for t in v)
    obs = abs(np.mean(x) - np.mean(y))
    reach = obs - 1e-12 * (obs + largest)
    stream = GslStream(seed)
    hits = 0
    for _ in range(permutations):
        stream.shuffle(v)
        hits += abs(sum(v[:nx]) / nx - sum(v[nx:]) / ny) >= reach
    return (1 + hits) / (1 + permutations)


def perm_exact(x, y):
    """The exact permutation p: every split of the pooled values, enumerated."""
    v = np.array(list(x) + list(y), float)
    nx, ny = len(x), len(y)
    total = v.sum()
    largest = np.abs(v).max()
    obs = abs(np.mean(x) - np.mean(y))
    combos = np.array(list(itertools.combinations(range(len(v)), nx)))
    s = v[combos].sum(axis=1)
    diffs = np.abs(s / nx - (total - s) / ny)
    return float(np.mean(diffs >= obs - 1e-12 * (obs + largest)))


def boot_replay(x, resamples, seed, level):
    stream = GslStream(seed)
    n = len(x)
    means = [np.mean([x[stream.uniform_int(n)] for _ in range(n)]) for _ in range(resamples)]
    lo, hi = np.quantile(means, [(1 - level) / 2, (1 + level) / 2])
    return [lo, hi]


def permt_replay(x, y, permutations, seed):
    """The permutation p of Welch's t, replaying GSL's shuffle (inference.h)."""
    v = list(x) + list(y)
    nx = len(x)

    def welch(a, b):
        va, vb = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
        if va + vb <= 0:
            return math.nan if np.mean(a) == np.mean(b) else math.inf
        return (np.mean(a) - np.mean(b)) / math.sqrt(va + vb)
    obs = abs(welch(x, y))
    reach = obs - 1e-12 * (obs + 1.0)
    stream = GslStream(seed)
    hits = 0
    for _ in range(permutations):
        stream.shuffle(v)
        t = welch(v[:nx], v[nx:])
        hits += not math.isnan(t) and abs(t) >= reach
    return (1 + hits) / (1 + permutations)


def bca_replay(x, resamples, seed, level):
    """BCa of the mean as scipy.stats.bootstrap(method="BCa") defines it (its _bca_interval:
    z0 from the share of resampled means below the mean, ties counting half; the
    acceleration from the jackknife), on the resamples GSL's MT19937 draws."""
    stream = GslStream(seed)
    n = len(x)
    theta = np.mean(x)
    means = np.array([np.mean([x[stream.uniform_int(n)] for _ in range(n)])
                      for _ in range(resamples)])
    z0 = stats.norm.ppf((np.sum(means < theta) + np.sum(means <= theta)) / (2 * resamples))
    jack = np.array([np.mean(np.delete(x, i)) for i in range(n)])
    d = jack.mean() - jack
    a = (d ** 3).sum() / (6 * ((d ** 2).sum()) ** 1.5)
    out = []
    for z in (stats.norm.ppf((1 - level) / 2), stats.norm.ppf((1 + level) / 2)):
        out.append(np.quantile(means, stats.norm.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))))
    return out


def cluster_ref(v, in_a, cl, level):
    """statsmodels: OLS of the value on a constant and the group dummy, CR1 cluster-robust
    covariance, t on G - 1 degrees of freedom."""
    X = sm.add_constant(np.array(in_a, float), has_constant="add")
    fit = sm.OLS(np.array(v, float), X).fit(cov_type="cluster",
                                          cov_kwds={"groups": np.array(cl)}, use_t=True)
    g = len(set(cl))
    lo, hi = fit.conf_int(alpha=1 - level)[1]
    # statsmodels takes the quantile from t.ppf, which in SciPy 1.10 is off by about 1e-9
    # at a few degrees of freedom (t.sf of it is not (1 - level) / 2 to 1e-9); the
    # interval is checked with the quantile that solves SciPy's own t.sf instead
    tq = optimize.brentq(lambda t: stats.t.sf(t, g - 1) - (1 - level) / 2, 0.0, 1e3,
                         xtol=1e-15, rtol=1e-15)
    check_ppf = abs(lo - (fit.params[1] - tq * fit.bse[1])) < 1e-6 * (1 + abs(lo))
    lo, hi = fit.params[1] - tq * fit.bse[1], fit.params[1] + tq * fit.bse[1]
    return [fit.params[1], fit.bse[1], fit.tvalues[1], g - 1, fit.pvalues[1],
            lo if check_ppf else NAN, hi, g]


def inference_cases(s, rng):
    """inference.h: cluster-robust mean differences against statsmodels, the permutation of
    Welch's t replayed, the intervals and effect sizes against SciPy or their formulas."""
    # clusters nested in the groups (outlets within ratings), zero-heavy counts with an
    # outlet effect; clusters of unequal sizes; and clusters that cross the groups
    for k, (ga, gb, crossed) in enumerate([(3, 4, False), (12, 9, False), (40, 50, False),
                                           (5, 5, True), (2, 2, False)]):
        v, in_a, cl = [], [], []
        for g in range(ga + gb):
            size = int(rng.integers(1, 30))
            mu = rng.gamma(1.0, 1.0)
            for _ in range(size):
                v.append(float(rng.negative_binomial(0.5, 0.5 / (0.5 + mu))))
                in_a.append(int(rng.random() < 0.5) if crossed else int(g < ga))
                cl.append(g)
        for level in (0.95, 0.9):
            s.add(f"cluster-robust mean difference {ga}+{gb} clusters crossed={crossed} "
                  f"level={level}", f"cluster {level} | {sample(v, in_a, cl)}", "ok",
                  cluster_ref(v, in_a, cl, level))
    v, in_a, cl = [1.0, 2.0, 3.0, 5.0], [1, 1, 0, 0], [0, 0, 0, 0]
    s.add("cluster one cluster", f"cluster 0.95 | {sample(v, in_a, cl)}", "undefined",
          [NAN] * 7 + [1])
    s.add("cluster empty group", "cluster 0.95 | 1 2 3 | 1 1 1 | 0 1 2", "undefined",
          [NAN] * 7 + [0])

    for nx, ny, seed in ((5, 7, 1), (12, 40, 9), (3, 30, 4)):
        x = list(rng.negative_binomial(0.5, 0.4, nx).astype(float))
        y = list(rng.normal(1.0, 3.0, ny))
        s.add(f"permutation of Welch's t {nx}x{ny} replays GSL's MT19937",
              f"permt 300 {seed} | {sample(x, y)}", "ok", [permt_replay(x, y, 300, seed)])
    s.add("permt both constant", "permt 100 1 | 2 2 | 3 3 3", "undefined", [NAN])
    s.add("permt one value", "permt 100 1 | 2 | 3 4 3", "undefined", [NAN])

    for nx, ny in ((4, 9), (30, 300), (200, 150)):
        x, y = tied(rng, nx, 5), continuous(rng, ny, 1.0, 2.0)
        ax, ay = np.var(x, ddof=1) / nx, np.var(y, ddof=1) / ny
        df = (ax + ay) ** 2 / (ax ** 2 / (nx - 1) + ay ** 2 / (ny - 1))
        half = stats.t.ppf(0.975, df) * math.sqrt(ax + ay)
        d = np.mean(x) - np.mean(y)
        s.add(f"Welch interval of the mean difference {nx}x{ny}",
              f"diff_ci 0.95 | {sample(x, y)}", "ok", [d - half, d + half])
        u = stats.mannwhitneyu(x, y, method="asymptotic").statistic
        a = u / (nx * ny)
        q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
        var = (a * (1 - a) + (nx - 1) * (q1 - a * a) + (ny - 1) * (q2 - a * a)) / (nx * ny)
        z = stats.norm.ppf(0.975)
        s.add(f"Cliff's delta interval {nx}x{ny} (Hanley-McNeil)",
              f"cliff_ci 0.95 | {sample(x, y)}", "ok",
              [max(-1, 2 * (a - z * math.sqrt(var)) - 1), min(1, 2 * (a + z * math.sqrt(var)) - 1)])
    s.add("diff_ci both constant", "diff_ci 0.95 | 1 1 | 2 2", "undefined", [NAN, NAN])

    for n, seed, level in ((8, 3, 0.95), (15, 11, 0.9), (29, 5, 0.95)):
        x = [float(v) for v in rng.negative_binomial(0.4, 0.3, n)]
        x[0] = 3.0  # not all zero
        s.add(f"BCa interval of the mean n={n} replays GSL's MT19937 (SciPy's definition)",
              f"bca 400 {seed} {level} | {fmt(x)}", "ok", bca_replay(x, 400, seed, level))
    s.add("BCa all equal: the point", "bca 100 1 0.95 | 2 2 2", "ok", [2.0, 2.0])
    s.add("BCa one value", "bca 100 1 0.95 | 2", "undefined", [NAN, NAN])

    groups = [continuous(rng, 20), tied(rng, 30, 4), continuous(rng, 12, 1.0)]
    s.add("welch anova varying: nothing to drop",
          f"welch_anova_varying | {sample(*groups)}", "ok", welch_anova_ref(groups) + [0])
    s.add("welch anova varying: two constant groups dropped",
          f"welch_anova_varying | {sample(groups[0], [0.0] * 9, groups[1], [2.0] * 3, groups[2])}",
          "ok", welch_anova_ref(groups) + [2])
    s.add("welch anova varying: one group left", "welch_anova_varying | 0 0 0 | 1 2 3",
          "undefined", [NAN] * 4 + [1])

    groups = [tied(rng, 30, 5), tied(rng, 12, 5), continuous(rng, 25, 2.0)]
    h = stats.kruskal(*groups).statistic
    n = sum(len(g) for g in groups)
    s.add("epsilon^2 of Kruskal-Wallis", f"epsilon2 {h!r} {n}", "ok", [h / (n - 1)])
    for table in ([[9, 3, 0], [0, 4, 8], [2, 6, 1]], [[10, 20], [30, 5]],
                  [[1, 2, 3, 4], [4, 3, 2, 1]]):
        t = np.array(table, float)
        chi2 = stats.chi2_contingency(t, correction=False)[0]
        s.add(f"Cramer's V {t.shape[0]}x{t.shape[1]} (SciPy's association)",
              f"cramers_v {chi2!r} {t.sum()!r} {t.shape[0]} {t.shape[1]}", "ok",
              [association(t.astype(int), method="cramer", correction=False)])


# --- the cases ---------------------------------------------------------------------------

def continuous(rng, n, loc=0.0, scale=1.0):
    return list(rng.normal(loc, scale, n))


def tied(rng, n, top=5):
    return [float(v) for v in rng.integers(0, top + 1, n)]


def summary_cases(s, rng):
    for n in (2, 3, 4, 5, 10, 57, 1000):
        for level in (0.9, 0.95, 0.99):
            x = continuous(rng, n, 10, 3)
            s.add(f"summary n={n} level={level}", f"summary {level} | {fmt(x)}", "ok",
                  summary_ref(x, level))
    # centred samples, so that the interval's ends are +/- its half-width, at degrees of
    # freedom and levels where gsl_cdf_tdist_Qinv alone is off by more than 1e-9
    for n, level in ((4, 0.99), (32, 0.9), (30, 0.5), (61, 0.99), (6, 0.999)):
        x = continuous(rng, n)
        x = list(np.asarray(x) - np.mean(x))
        s.add(f"summary centred n={n} level={level}", f"summary {level} | {fmt(x)}", "ok",
              summary_ref(x, level))
    x = tied(rng, 40)
    s.add("summary with ties", f"summary 0.95 | {fmt(x)}", "ok", summary_ref(x, 0.95))
    x = continuous(rng, 30, 0, 1e-3)
    s.add("summary centred near zero", f"summary 0.95 | {fmt(x)}", "ok",
          summary_ref(x, 0.95))
    # worked: 1 2 3 4 10: mean 4; sd^2 = (9 + 4 + 1 + 0 + 36) / 4 = 12.5; quartiles at
    # positions 1, 2, 3 of the sorted values: 2, 3, 4
    s.add("summary worked example", "summary 0.95 | 10 2 4 1 3", "ok",
          [5, 4, math.sqrt(12.5), 3, 2, 4,
           4 - t_upper_quantile(0.025, 4) * math.sqrt(12.5 / 5),
           4 + t_upper_quantile(0.025, 4) * math.sqrt(12.5 / 5)])
    # quartiles between order statistics: 1 2 3 4 -> positions 0.75, 1.5, 2.25
    s.add("summary interpolated quartiles", "summary 0.95 | 4 3 2 1", "ok",
          summary_ref([1, 2, 3, 4], 0.95))
    s.add("summary of one value", "summary 0.95 | 7.5", "undefined",
          [1, 7.5, NAN, 7.5, 7.5, 7.5, NAN, NAN])
    s.add("summary of nothing", "summary 0.95 |", "undefined", [0] + [NAN] * 7)
    s.add("summary zero variance", "summary 0.95 | 3 3 3 3", "ok",
          [4, 3, 0, 3, 3, 3, 3, 3])
    s.add("summary level 1", "summary 1 | 1 2 3", "undefined",
          [3, 2, 1, 2, 1.5, 2.5, NAN, NAN])
    s.add("summary with a NaN", "summary 0.95 | 1 nan 3", "undefined",
          [3] + [NAN] * 7)


def welch_cases(s, rng):
    shapes = [(2, 2), (2, 3), (3, 5), (5, 5), (10, 12), (30, 200), (500, 800), (40, 41)]
    for nx, ny in shapes:
        for loc, scale in ((0.0, 1.0), (0.8, 3.0), (6.0, 0.5)):
            x = continuous(rng, nx, 0, 1)
            y = continuous(rng, ny, loc, scale)
            add_welch(s, f"welch {nx}x{ny} loc={loc} scale={scale}", x, y)
    x, y = tied(rng, 25), tied(rng, 30)
    add_welch(s, "welch with ties", x, y)
    x = continuous(rng, 50, 0, 1)
    add_welch(s, "welch far apart (tiny p)", x, continuous(rng, 60, 3, 1))
    add_welch(s, "welch t-tail above 30 df", continuous(rng, 20, 0, 1),
              continuous(rng, 20, 3.5, 1))
    add_welch(s, "welch one sample constant", [5.0] * 6, continuous(rng, 8, 5, 1))
    s.add("welch group of one", "welch | 1 | 2 3 4", "undefined", [NAN] * 4)
    s.add("welch empty group", "welch | | 2 3 4", "undefined", [NAN] * 4)
    s.add("welch with infinity", "welch | 1 inf 3 | 2 3 4", "undefined", [NAN] * 4)
    s.add("welch with NaN", "welch | 1 2 3 | 2 nan 4", "undefined", [NAN] * 4)
    s.add("welch both constant", "welch | 1 1 1 | 2 2", "undefined", [NAN] * 4)
    s.add("welch identical samples", "welch | 1 2 3 | 1 2 3", "ok",
          [0, 4, NAN, 1])


def add_welch(s, label, x, y):
    r = stats.ttest_ind(x, y, equal_var=False)
    s.add(label, f"welch | {sample(x, y)}", "ok", [r.statistic, welch_df(x, y), NAN, r.pvalue],
          [ABS, ABS, ABS, 0])


def mwu_cases(s, rng):
    # exact: distinct values (continuous draws), from tiny to lopsided
    for nx, ny in [(1, 1), (1, 5), (2, 2), (3, 4), (5, 5), (4, 9), (8, 8), (7, 30),
                   (8, 200), (3, 300), (10, 10), (12, 15), (20, 25)]:
        for shift in (0.0, 1.0, 3.0):
            x = continuous(rng, nx)
            y = continuous(rng, ny, shift)
            r = stats.mannwhitneyu(x, y, method="exact")
            s.add(f"mwu exact {nx}x{ny} shift={shift}", f"mwu exact | {sample(x, y)}", "ok",
                  [r.statistic, NAN, NAN, r.pvalue], [0, 0, 0, 0])
    x = list(range(12))
    y = [v + 100.0 for v in range(15)]
    r = stats.mannwhitneyu(x, y, method="exact")
    s.add("mwu exact fully separated 12x15", f"mwu exact | {sample(x, y)}", "ok",
          [r.statistic, NAN, NAN, r.pvalue], [0, 0, 0, 0])
    # worked: x below every y: U = 0, p = 2 / C(7, 3) = 2/35
    s.add("mwu exact worked example", "mwu exact | 1 2 3 | 4 5 6 7", "ok",
          [0, NAN, NAN, 2 / 35])
    # normal approximation with the continuity correction and tie-corrected variance
    shapes = [(1, 1), (3, 4), (9, 9), (20, 30), (100, 80), (1000, 1200)]
    for nx, ny in shapes:
        for kind in ("continuous", "ties", "heavy ties"):
            if kind == "continuous":
                x, y = continuous(rng, nx), continuous(rng, ny, 0.3)
            elif kind == "ties":
                x, y = tied(rng, nx, 20), tied(rng, ny, 21)
            else:
                x, y = tied(rng, nx, 2), tied(rng, ny, 2)
            if len(set(x + y)) == 1:
                continue
            add_mwu_normal(s, f"mwu normal {nx}x{ny} {kind}", x, y)
    add_mwu_normal(s, "mwu normal far apart", continuous(rng, 300), continuous(rng, 300, 4))
    add_mwu_normal(s, "mwu normal U at its centre", [1.0, 4.0], [2.0, 3.0])
    # auto: the method must be the one SciPy's "auto" used
    for nx, ny, kind in [(3, 5, "c"), (8, 8, "c"), (8, 50, "c"), (9, 9, "c"), (9, 3, "c"),
                         (50, 8, "c"), (5, 6, "t"), (30, 40, "c"), (1, 1, "c"), (9, 8, "c")]:
        if kind == "c":
            x, y = continuous(rng, nx), continuous(rng, ny, 0.5)
        else:
            x, y = [1.0, 2.0, 2.0, 3.0, 4.0], [2.5, 3.0, 5.0, 6.0, 7.0, 8.0]
        auto = stats.mannwhitneyu(x, y, method="auto").pvalue
        exact = stats.mannwhitneyu(x, y, method="exact").pvalue
        asym = stats.mannwhitneyu(x, y, method="asymptotic").pvalue
        if auto == exact and auto != asym:
            want = "exact"
        elif auto == asym and auto != exact:
            want = "normal"
        else:
            continue
        s.add(f"mwu auto {nx}x{ny} {kind} is SciPy's choice", f"mwu_auto | {sample(x, y)}",
              want)
    s.add("mwu exact with ties", "mwu exact | 1 2 2 | 3 4", "undefined", [NAN] * 4)
    add_mwu_normal(s, "mwu normal all ties (U = nx ny / 2, p = 1)", [2.0] * 3, [2.0] * 2)
    add_mwu_normal(s, "mwu normal all zeros 1 x 40", [0.0], [0.0] * 40)
    s.add("mwu empty sample", "mwu normal | | 2 3", "undefined", [NAN] * 4)
    s.add("mwu exact empty sample", "mwu exact | 1 | ", "undefined", [NAN] * 4)
    s.add("mwu auto empty sample", "mwu_auto | | 1 2", "normal")
    s.add("mwu exact too large", f"mwu exact | {sample(range(0, 40000, 2), range(1, 40001, 2))}",
          "undefined", [NAN] * 4)
    s.add("mwu with infinity", "mwu normal | 1 inf | 2 3", "undefined", [NAN] * 4)


def add_mwu_normal(s, label, x, y):
    r = stats.mannwhitneyu(x, y, use_continuity=True, method="asymptotic")
    s.add(label, f"mwu normal | {sample(x, y)}", "ok", [r.statistic, NAN, NAN, r.pvalue],
          [0, 0, 0, 0])


def effect_cases(s, rng):
    for nx, ny in [(2, 2), (3, 4), (10, 10), (25, 40), (300, 500)]:
        for loc in (0.0, 0.7, -2.0):
            x, y = continuous(rng, nx, loc, 1.5), continuous(rng, ny)
            for level in (0.9, 0.95):
                s.add(f"hedges {nx}x{ny} loc={loc} level={level}",
                      f"hedges {level} | {sample(x, y)}", "ok", hedges_ref(x, y, level))
            s.add(f"cliff {nx}x{ny} loc={loc}", f"cliff | {sample(x, y)}", "ok",
                  [cliff_ref(x, y)])
    x, y = tied(rng, 60, 4), tied(rng, 70, 4)
    s.add("hedges with ties", f"hedges 0.95 | {sample(x, y)}", "ok", hedges_ref(x, y, 0.95))
    s.add("cliff with ties", f"cliff | {sample(x, y)}", "ok", [cliff_ref(x, y)])
    # worked: x = 2 4 6, y = 1 3 5: both variances 4, s_p = 2, d = 1/2; m = 4 and
    # J(4) = Gamma(2) / (sqrt(2) Gamma(3/2)) = 1 / (sqrt(2) sqrt(pi) / 2) = sqrt(2/pi);
    # g = 0.5 sqrt(2/pi) = 0.3989422804014327; var = 6/9 + g^2 / 12
    g = 0.3989422804014327
    half = 1.959963984540054 * math.sqrt(6 / 9 + g * g / 12)
    s.add("hedges worked example", "hedges 0.95 | 2 4 6 | 1 3 5", "ok", [g, g - half, g + half])
    # worked: x = 1 2 3, y = 2 2 4: x=1 loses 3 pairs; x=2 ties 2 and loses 1; x=3 wins 2
    # and loses 1: (2 - 5) / 9 = -1/3
    s.add("cliff worked example", "cliff | 1 2 3 | 2 2 4", "ok", [-1 / 3])
    s.add("cliff fully above", "cliff | 5 6 | 1 2 3", "ok", [1.0])
    s.add("cliff all ties", "cliff | 2 2 | 2 2 2", "ok", [0.0])
    s.add("cliff empty group", "cliff | | 1 2", "ok", [NAN])
    s.add("cliff with NaN", "cliff | 1 nan | 1 2", "ok", [NAN])
    s.add("hedges group of one", "hedges 0.95 | 1 | 2 3 4", "undefined", [NAN] * 3)
    s.add("hedges zero variance", "hedges 0.95 | 1 1 1 | 2 2", "undefined", [NAN] * 3)
    s.add("hedges one group constant", "hedges 0.95 | 1 1 1 | 2 3", "ok",
          hedges_ref([1, 1, 1], [2, 3], 0.95))
    s.add("hedges bad level", "hedges 0 | 1 2 | 2 3", "undefined", [NAN] * 3)


def kgroup_cases(s, rng):
    for k in range(2, 7):
        for sizes in ([5] * k, [1] + [4] * (k - 1), list(rng.integers(2, 60, k))):
            groups = [continuous(rng, int(n), 0.2 * i) for i, n in enumerate(sizes)]
            add_kruskal(s, f"kruskal k={k} sizes={list(map(int, sizes))}", groups)
            tgroups = [tied(rng, int(n), 6) for n in sizes]
            add_kruskal(s, f"kruskal k={k} ties sizes={list(map(int, sizes))}", tgroups)
            if min(sizes) >= 2:
                groups = [continuous(rng, int(n), 0.3 * i, 1 + i) for i, n in enumerate(sizes)]
                s.add(f"welch anova k={k} sizes={list(map(int, sizes))}",
                      f"welch_anova | {sample(*groups)}", "ok", welch_anova_ref(groups))
                s.add(f"welch anova k={k} ties", f"welch_anova | {sample(*tgroups)}", "ok",
                      welch_anova_ref(tgroups))
    big = [continuous(rng, 2000, 0.05 * i) for i in range(4)]
    add_kruskal(s, "kruskal 4 groups of 2000", big)
    s.add("welch anova 4 groups of 2000", f"welch_anova | {sample(*big)}", "ok",
          welch_anova_ref(big))
    far = [continuous(rng, 40, 3 * i) for i in range(3)]
    add_kruskal(s, "kruskal far apart (tiny p)", far)
    s.add("welch anova far apart", f"welch_anova | {sample(*far)}", "ok", welch_anova_ref(far),
          [ABS, ABS, ABS, 0])
    # Welch's ANOVA of two groups is Welch's t squared, with the same df: against SciPy
    for nx, ny in [(5, 7), (30, 12), (200, 150)]:
        x, y = continuous(rng, nx, 0, 1), continuous(rng, ny, 0.4, 2)
        r = stats.ttest_ind(x, y, equal_var=False)
        s.add(f"welch anova k=2 is welch t^2 {nx}x{ny}", f"welch_anova | {sample(x, y)}", "ok",
              [r.statistic ** 2, 1, welch_df(x, y), r.pvalue])
    # worked: {1, 2} and {3, 4}: mean ranks 1.5 and 3.5 around 2.5; H = 12/20 * (2 + 2)
    # = 2.4 on 1 df, whose upper tail is erfc(sqrt(2.4 / 2))
    s.add("kruskal worked example", "kruskal | 1 2 | 3 4", "ok",
          [2.4, 1, NAN, math.erfc(math.sqrt(1.2))])
    s.add("kruskal groups of one", "kruskal | 1 | 3 | 2", "ok",
          [float(stats.kruskal([1], [3], [2]).statistic), 2, NAN,
           float(stats.kruskal([1], [3], [2]).pvalue)])
    s.add("kruskal empty group", "kruskal | 1 2 | | 3 4", "undefined", [NAN] * 4)
    s.add("kruskal all equal", "kruskal | 2 2 | 2 2 2", "undefined", [NAN] * 4)
    s.add("kruskal one group", "kruskal | 1 2 3", "undefined", [NAN] * 4)
    s.add("welch anova group of one", "welch_anova | 1 | 2 3 | 4 5", "undefined", [NAN] * 4)
    s.add("welch anova zero variance", "welch_anova | 1 1 | 2 3 | 4 5", "undefined",
          [NAN] * 4)
    s.add("welch anova empty group", "welch_anova | 1 2 | | 4 5", "undefined", [NAN] * 4)
    s.add("welch anova one group", "welch_anova | 1 2 3", "undefined", [NAN] * 4)


def add_kruskal(s, label, groups):
    r = stats.kruskal(*groups)
    s.add(label, f"kruskal | {sample(*groups)}", "ok",
          [r.statistic, len(groups) - 1, NAN, r.pvalue], [ABS, 0, 0, 0])


def paired_cases(s, rng):
    for n in (2, 3, 5, 8, 20, 50, 51, 300):
        x = continuous(rng, n, 5, 2)
        y = [v + d for v, d in zip(x, continuous(rng, n, 0.3, 1))]
        r = stats.ttest_rel(x, y)
        s.add(f"paired t n={n}", f"paired_t | {sample(x, y)}", "ok",
              [r.statistic, n - 1, NAN, r.pvalue], [ABS, 0, 0, 0])
        add_wilcoxon(s, f"wilcoxon n={n}", x, y)
        xt, yt = tied(rng, n, 8), tied(rng, n, 8)
        add_wilcoxon(s, f"wilcoxon ties and zeros n={n}", xt, yt)
    for n, shift in ((40, 1.8), (200, 0.8)):   # df above 30, far in the tail
        x = continuous(rng, n, 5, 2)
        y = [v + d for v, d in zip(x, continuous(rng, n, shift, 1))]
        r = stats.ttest_rel(x, y)
        s.add(f"paired t n={n} tail", f"paired_t | {sample(x, y)}", "ok",
              [r.statistic, n - 1, NAN, r.pvalue], [ABS, 0, 0, 0])
    x = continuous(rng, 24)
    y = [v + d for v, d in zip(x, continuous(rng, 24, 0.4))]
    y[2], y[9], y[17] = x[2], x[9], x[17]
    add_wilcoxon(s, "wilcoxon zeros dropped, no ties", x, y)
    x = continuous(rng, 40)
    add_wilcoxon(s, "wilcoxon far apart", x, [v - 5 for v in x[:-1]] + [x[-1] + 0.5])
    # worked: differences 1..5 all positive: W- = 0, p = 2 P(W = 0) = 2 / 2^5
    s.add("wilcoxon exact worked example", "wilcoxon exact | 2 4 6 8 10 | 1 2 3 4 5", "ok",
          [0, NAN, NAN, 2 / 32])
    # differences 1 2 -3: W+ = W- = 3, the centre of the distribution: p = 1
    s.add("wilcoxon exact centre", "wilcoxon exact | 1 2 0 | 0 0 3", "ok", [3, NAN, NAN, 1.0])
    s.add("paired t group of one", "paired_t | 1 | 2", "undefined", [NAN] * 4)
    s.add("paired t constant differences", "paired_t | 1 2 3 | 2 3 4", "undefined",
          [NAN] * 4)
    s.add("paired t empty", "paired_t | | ", "undefined", [NAN] * 4)
    s.add("wilcoxon all zero", "wilcoxon normal | 1 2 3 | 1 2 3", "undefined", [NAN] * 4)
    s.add("wilcoxon exact all zero", "wilcoxon exact | 1 2 | 1 2", "undefined", [NAN] * 4)
    s.add("wilcoxon exact with ties", "wilcoxon exact | 1 1 3 | 0 0 0", "undefined",
          [NAN] * 4)
    s.add("wilcoxon empty", "wilcoxon normal | | ", "undefined", [NAN] * 4)
    # 3000 differences of alternating sign: W+ and W- near 2.25e6, 3000 * 2.25e6 steps
    x = [float(v) for v in range(1, 3001)]
    y = [2 * v * (i % 2) for i, v in enumerate(x)]
    s.add("wilcoxon exact too large", f"wilcoxon exact | {sample(x, y)}", "undefined", [NAN] * 4)
    x = [float(v) for v in range(1, 1201)]
    y = [0.0] * 1200
    y[::3] = [2.0 * v for v in x[::3]]   # differences -1 -2 ... mixed with positive ones
    r = stats.wilcoxon(np.subtract(x, y), method="exact")
    s.add("wilcoxon exact n=1200", f"wilcoxon exact | {sample(x, y)}", "ok",
          [r.statistic, NAN, NAN, r.pvalue], [ABS, 0, 0, 0])
    # auto: our rule (SciPy's differs, see the header)
    for n, kind, want in [(10, "c", "exact"), (50, "c", "exact"), (51, "c", "normal"),
                          (10, "t", "normal"), (52, "z", "exact"), (0, "c", "normal")]:
        x = continuous(rng, n)
        y = continuous(rng, n, 0.2)
        if kind == "t":   # two differences of exactly 1
            x[:2], y[:2] = [3.0, 5.0], [2.0, 4.0]
        if kind == "z":   # 50 non-zero differences after 2 zeros are dropped
            y[:2] = x[:2]
        s.add(f"wilcoxon auto n={n} {kind}", f"wilcoxon_auto | {sample(x, y)}", want)


def add_wilcoxon(s, label, x, y):
    d = np.subtract(x, y)
    nz = d[d != 0]
    if len(nz) == 0:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method="approx")
        s.add(label + " normal", f"wilcoxon normal | {sample(x, y)}", "ok",
              [r.statistic, NAN, NAN, r.pvalue], [ABS, 0, 0, 0])
        if len(np.unique(np.abs(nz))) == len(nz) and len(nz) <= 60:
            # the exact test of zero_method="wilcox" is the test of the non-zero pairs
            r = stats.wilcoxon(nz, method="exact")
            s.add(label + " exact", f"wilcoxon exact | {sample(x, y)}", "ok",
                  [r.statistic, NAN, NAN, r.pvalue], [ABS, 0, 0, 0])


def table_cases(s, rng):
    for rows, cols in [(2, 2), (2, 3), (3, 2), (3, 3), (3, 4), (4, 4), (4, 5)]:
        for mean in (3.0, 20.0, 500.0):
            t = rng.poisson(mean * rng.uniform(0.5, 1.5, (rows, cols)))
            add_tables(s, f"table {rows}x{cols} mean={mean}", t)
    t = rng.uniform(0.5, 40.0, (3, 4))
    add_tables(s, "table of non-integer counts", t)
    add_tables(s, "table far from independence", np.array([[200, 5, 3], [4, 180, 10]]))
    add_tables(s, "table exactly independent", np.array([[10, 20], [30, 60]]))
    add_tables(s, "table with zero cells", np.array([[0, 12, 7], [5, 0, 9], [8, 3, 0]]))
    add_tables(s, "table with a zero row", np.array([[10, 20, 5], [0, 0, 0], [12, 3, 9]]))
    add_tables(s, "table with a zero column", np.array([[10, 0, 5, 7], [12, 0, 3, 9]]))
    # worked: [[10, 20], [30, 40]]: expected [[12, 18], [28, 42]], every |O - E| = 2:
    # X^2 = 4 (1/12 + 1/18 + 1/28 + 1/42) = 50/63; G^2 = 2 sum O ln(O / E)
    s.add("chi2 worked example", "chi2 2 2 | 10 20 30 40", "ok",
          [50 / 63, 1, NAN, stats.chi2.sf(50 / 63, 1)])
    g2 = 2 * (10 * math.log(10 / 12) + 20 * math.log(20 / 18) + 30 * math.log(30 / 28)
              + 40 * math.log(40 / 42))
    s.add("g2 worked example", "g2 2 2 | 10 20 30 40", "ok", [g2, 1, NAN, stats.chi2.sf(g2, 1)])
    for name in ("chi2", "g2"):
        s.add(f"{name} one row left", f"{name} 2 3 | 1 2 3 0 0 0", "undefined", [NAN] * 4)
        s.add(f"{name} one column", f"{name} 3 1 | 1 2 3", "undefined", [NAN] * 4)
        s.add(f"{name} negative count", f"{name} 2 2 | 1 -2 3 4", "undefined", [NAN] * 4)
        s.add(f"{name} empty table", f"{name} 2 2 | 0 0 0 0", "undefined", [NAN] * 4)
    # Fisher's exact test
    for a, b, c, d in [(3, 1, 1, 3), (1, 9, 11, 3), (0, 5, 5, 0), (2, 7, 8, 2), (10, 10, 10, 10),
                       (12, 5, 29, 2), (50, 60, 70, 20), (0, 3, 17, 40), (1, 0, 0, 1),
                       (100, 2, 1, 120), (7, 12, 0, 9), (40, 3, 2000, 15000),
                       # long ranges of tables, summed from the mode outwards (stats_counts.c)
                       (500, 400, 600, 700), (5, 2000, 3, 100000), (900, 30, 1000, 5),
                       (0, 1500, 1500, 0), (250, 250, 250, 250)]:
        p = stats.fisher_exact([[a, b], [c, d]])[1]
        s.add(f"fisher {a} {b} {c} {d}", f"fisher {a} {b} {c} {d}", "ok", [p], [0])
    for _ in range(12):
        a, b, c, d = (int(v) for v in rng.integers(0, 25, 4))
        p = stats.fisher_exact([[a, b], [c, d]])[1]
        s.add(f"fisher random {a} {b} {c} {d}", f"fisher {a} {b} {c} {d}", "ok", [p], [0])
    # tables whose probability another table equals exactly, though floating point
    # computes the two differently: ties must be kept within a relative tolerance
    for a, b, c, d in [(1, 2, 1, 6), (1, 4, 1, 10), (0, 6, 2, 11)]:
        p = stats.fisher_exact([[a, b], [c, d]])[1]
        s.add(f"fisher exact tie {a} {b} {c} {d}", f"fisher {a} {b} {c} {d}", "ok", [p], [0])
    # worked: [[3, 1], [1, 3]]: the tables with 4 in the first row and column have
    # probabilities (1, 16, 36, 16, 1) / 70; the observed 16/70 and everything below it
    s.add("fisher worked example", "fisher 3 1 1 3", "ok", [34 / 70])
    # Fisher's test on tables with margins like keyness's (words by the million), against
    # exact rational arithmetic: every table's probability as a Fraction of binomials
    def fisher_exact_fraction(a, b, c, d):
        n, row1, col1 = a + b + c + d, a + b, a + c
        weight = lambda k: math.comb(col1, k) * math.comb(n - col1, row1 - k)
        observed = Fraction(weight(a)) * (1 + Fraction(1, 10**7))
        ks = range(max(0, row1 - (n - col1)), min(row1, col1) + 1)
        return float(Fraction(sum(w for w in map(weight, ks) if w <= observed),
                              math.comb(n, row1)))
    for a, b, c, d in [(11, 13, 327865, 1292514), (5, 0, 20000, 1600000),
                       (2, 2, 1000000, 3000000), (12, 30, 360, 1380), (3, 40, 900000, 400000)]:
        s.add(f"fisher exact fraction {a} {b} {c} {d}", f"fisher {a} {b} {c} {d}", "ok",
              [fisher_exact_fraction(a, b, c, d)], [0])
    s.add("fisher zero margin", "fisher 0 0 3 4", "ok", [1.0])
    s.add("fisher negative", "fisher -1 2 3 4", "undefined", [NAN])
    s.add("fisher not an integer", "fisher 1.5 2 3 4", "undefined", [NAN])


def add_tables(s, label, table):
    t = np.asarray(table, float)
    rows, cols = t.shape
    cells = fmt(t.ravel())
    kept = drop_empty(t)
    chi = stats.chi2_contingency(kept, correction=False)
    g = stats.chi2_contingency(kept, correction=False, lambda_="log-likelihood")
    s.add(f"chi2 {label}", f"chi2 {rows} {cols} | {cells}", "ok", [chi[0], chi[2], NAN, chi[1]],
          [ABS, 0, 0, 0])
    s.add(f"g2 {label}", f"g2 {rows} {cols} | {cells}", "ok", [g[0], g[2], NAN, g[1]],
          [ABS, 0, 0, 0])


def keyness_cases(s, rng):
    counts = [(20, 10, 1000, 2000), (0, 7, 5000, 6000), (9, 0, 5000, 6000), (1, 1, 100, 100000),
              (300, 20, 1e6, 1.2e6), (3, 4, 800, 700), (2, 0, 50, 60), (0, 1, 10, 1e6),
              (500, 500, 1000, 1000), (45, 45, 1e5, 1e5)]
    for _ in range(20):
        c, d = (float(v) for v in rng.integers(1000, 200000, 2))
        a = float(rng.poisson(rng.uniform(0, 40)))
        b = float(rng.poisson(rng.uniform(0, 40)))
        if a + b > 0:
            counts.append((a, b, c, d))
    for a, b, c, d in counts:
        for level in (0.95, 0.99):
            s.add(f"keyness {a} {b} {c} {d} level={level}", f"keyness {a} {b} {c} {d} {level}",
                  "ok", keyness_ref(a, b, c, d, level))
    # worked: a = 20 of 1000 tokens against b = 10 of 2000: rates 0.02 and 0.005, ratio 4,
    # Log Ratio log2(4) = 2, %DIFF (0.02 - 0.005) / 0.005 * 100 = 300; SE of ln ratio
    # sqrt(1/20 + 1/10) = sqrt(0.15); interval 2 -/+ 1.959963984540054 sqrt(0.15) / ln 2.
    # Expected counts 10, 20, 990, 1980; G^2 = 2 (20 ln 2 + 10 ln 1/2 + 980 ln(980/990)
    # + 1990 ln(1990/1980)); X^2 = 100/10 + 100/20 + 100/990 + 100/1980; no Fisher.
    half = 1.959963984540054 * math.sqrt(0.15) / math.log(2)
    g2 = 2 * (20 * math.log(2) + 10 * math.log(0.5) + 980 * math.log(980 / 990)
              + 1990 * math.log(1990 / 1980))
    x2 = 10 + 5 + 100 / 990 + 100 / 1980
    s.add("keyness worked example", "keyness 20 10 1000 2000 0.95", "ok",
          [g2, stats.chi2.sf(g2, 1), x2, stats.chi2.sf(x2, 1), 2, 2 - half, 2 + half, 300, NAN])
    # worked, a zero reference count: a = 5 of 1000, b = 0 of 1000 -> b' = 0.5:
    # Log Ratio log2(10), %DIFF (0.005 - 0.0005) / 0.0005 * 100 = 900; expected 2.5 < 5, so
    # Fisher: only a = 0 and a = 5 are as unlikely as the observed table, each with
    # probability C(1000, 5) / C(2000, 5).
    fisher = float(Fraction(2 * math.comb(1000, 5), math.comb(2000, 5)))
    got = keyness_ref(5, 0, 1000, 1000, 0.95)
    s.add("keyness zero reference count", "keyness 5 0 1000 1000 0.95", "ok",
          got[:4] + [math.log2(10), got[5], got[6], 900, fisher])
    # and the mirror: absent from the target: -log2(10), %DIFF -100, G^2 negative
    got = keyness_ref(0, 5, 1000, 1000, 0.95)
    s.add("keyness zero target count", "keyness 0 5 1000 1000 0.95", "ok",
          got[:4] + [-math.log2(10), got[5], got[6], -100, fisher])
    s.add("keyness sign of G2 (negative)", "keyness 1 30 1000 1000 0.95", "ok",
          keyness_ref(1, 30, 1000, 1000, 0.95))
    undefined = [NAN] * 9
    s.add("keyness absent from both", "keyness 0 0 1000 1000 0.95", "undefined", undefined)
    s.add("keyness every token", "keyness 10 20 10 20 0.95", "undefined", undefined)
    s.add("keyness empty reference", "keyness 1 0 100 0 0.95", "undefined", undefined)
    s.add("keyness count above total", "keyness 200 1 100 100 0.95", "undefined", undefined)
    s.add("keyness negative", "keyness -1 3 100 100 0.95", "undefined", undefined)
    s.add("keyness bad level", "keyness 1 3 100 100 1.5", "undefined", undefined)


def adjust_cases(s, rng):
    lists = [[0.01, 0.04, 0.03, 0.005], [0.5], [], [0.01, NAN, 0.04, 0.03, 0.005],
             [0.02, 0.02, 0.02, 0.9, 0.001], [0.9, 0.95, 0.99, 1.0], [0.0, 0.0, 1.0],
             [0.3, 1.5, -0.1, 0.2]]
    for _ in range(10):
        n = int(rng.integers(2, 400))
        p = list(rng.uniform(0, 1, n) ** 3)
        if n > 10:
            p[3] = NAN
            p[7] = p[8]
        lists.append(p)
    for p in lists:
        for name, ref in (("bh", bh_ref), ("holm", holm_ref)):
            want = ref(p)
            tols = [0] * len(p)
            s.add(f"{name} of {len(p)} p-values", f"{name} | {fmt(p)}", "ok", want, tols)
            s.add(f"{name}_inplace of {len(p)} p-values", f"{name}_inplace | {fmt(p)}", "ok", want,
                  tols)
    # worked: p = .01 .04 .03 .005 -> ranks 2 4 3 1. BH: m p / rank = .02 .04 .04 .02,
    # minimum from the top: .02 .04 .04 .02. Holm: (m - rank + 1) p = .03 .04 .06 .02,
    # maximum from the bottom (.02, .03, .06, .06 in rank order): .03 .06 .06 .02.
    s.add("bh worked example", "bh | 0.01 0.04 0.03 0.005", "ok", [0.02, 0.04, 0.04, 0.02])
    s.add("holm worked example", "holm | 0.01 0.04 0.03 0.005", "ok", [0.03, 0.06, 0.06, 0.02])
    s.add("bh worked example with NaN", "bh | 0.01 nan 0.04 0.03 0.005", "ok",
          [0.02, NAN, 0.04, 0.04, 0.02])
    s.add("holm capped at 1", "holm | 0.6 0.7", "ok", [1.0, 1.0])


def resampling_cases(s, rng):
    # exact equality with a replay of GSL's generator in NumPy
    for nx, ny, shift, perms, seed in [(6, 7, 1.0, 3000, 1), (10, 12, 0.2, 2000, 42),
                                       (3, 3, 2.0, 500, 0), (15, 9, 0.5, 1000, 4357)]:
        x = [round(v, 1) for v in continuous(rng, nx)]
        y = [round(v, 1) for v in continuous(rng, ny, shift)]
        s.add(f"perm {nx}x{ny} seed={seed} replays GSL's MT19937",
              f"perm {perms} {seed} | {sample(x, y)}", "ok", [perm_replay(x, y, perms, seed)])
    for n, resamples, seed, level in [(25, 2000, 7, 0.95), (8, 500, 123, 0.9), (1, 50, 3, 0.95)]:
        x = continuous(rng, n, 4, 2)
        s.add(f"boot n={n} seed={seed} replays GSL's MT19937",
              f"boot {resamples} {seed} {level} | {fmt(x)}", "ok",
              boot_replay(x, resamples, seed, level))

    # against the exact permutation p (full enumeration): within 4 standard errors
    perms = 20000
    for x, y in [([1, 2, 2, 3, 5, 6], [4, 5, 7, 7, 8, 9, 9]),
                 ([3.1, 2.2, 5.0, 4.4, 3.9, 2.8, 4.0], [3.0, 4.1, 5.5, 4.9, 6.2, 3.3]),
                 ([10, 11, 12, 13, 14], [10, 11, 12, 13, 14, 15])]:
        exact = perm_exact(x, y)
        expect = (1 + perms * exact) / (1 + perms)
        se = math.sqrt(max(exact * (1 - exact), 1e-12) / perms)

        def judge(tokens, exact=exact, expect=expect, se=se):
            if len(tokens) != 2 or tokens[0] != "ok":
                return False, "no p"
            p = float(tokens[1])
            return abs(p - expect) <= 4 * se + 1e-12, f"ours {p} vs exact {exact} (se {se:.2g})"
        s.later(f"perm close to the exact p {len(x)}x{len(y)}",
                f"perm {perms} 2024 | {sample(x, y)}", judge)

    # reproducible: the same seed twice gives the same answer; five seeds do not all agree
    x, y = continuous(rng, 12), continuous(rng, 14, 0.4)
    runs = {"perm": [], "boot": []}

    def keep(kind, seed):
        def judge(tokens):
            runs[kind].append((seed, tuple(tokens)))
            return tokens[:1] == ["ok"], "not ok"
        return judge
    for seed in (5, 5, 6, 7, 8, 9):
        s.later(f"perm seed {seed}", f"perm 2000 {seed} | {sample(x, y)}", keep("perm", seed))
        s.later(f"boot seed {seed}", f"boot 2000 {seed} 0.95 | {fmt(x)}", keep("boot", seed))
    s.after.append(lambda: reproducibility(s, runs))

    s.add("perm empty group", "perm 100 1 | | 1 2", "undefined", [NAN])
    s.add("perm no permutations", "perm 0 1 | 1 | 1 2", "undefined", [NAN])
    s.add("perm all ties", "perm 500 1 | 2 2 | 2 2 2", "ok", [1.0])
    s.add("boot empty", "boot 100 1 0.95 |", "undefined", [NAN, NAN])
    s.add("boot one resample", "boot 1 1 0.95 | 1 2 3", "undefined", [NAN, NAN])
    s.add("boot group of one", "boot 100 1 0.95 | 4.5", "ok", [4.5, 4.5])
    s.add("boot zero variance", "boot 100 1 0.95 | 3 3 3", "ok", [3, 3])


def reproducibility(s, runs):
    for kind, answers in runs.items():
        same = [tokens for seed, tokens in answers if seed == 5]
        s.count(f"{kind} same seed, same answer", len(same) == 2 and same[0] == same[1],
                f"seed 5 gave {same}")
        distinct = {tokens for seed, tokens in answers if seed != 5}
        s.count(f"{kind} different seeds differ", len(distinct) >= 3,
                f"{len(distinct)} distinct answers from 4 seeds: {sorted(distinct)}")


def tie_sum(values):
    _, counts = np.unique(np.asarray(values, dtype=float), return_counts=True)
    return float(np.sum(counts.astype(float) ** 3 - counts))


def sorted_cases(s, rng):
    """slant_sort (a radix sort from 64 values) against sorted(); and every pair's U, tie
    sums and Kruskal-Wallis from one merge (slant_mwu_all_pairs_sorted) against SciPy."""
    for n in (5, 63, 64, 200, 3000):
        x = list(rng.normal(0.0, 1e3, n))
        x[: n // 5] = [0.0] * (n // 5)                      # ties at zero
        x[n // 5: n // 4] = list(rng.integers(-3, 4, n // 4 - n // 5).astype(float))
        if n >= 64:
            x[-4:] = [float("inf"), float("-inf"), 5e-324, -1e300]
        rng.shuffle(x)
        want = sorted(x)

        def judge(tokens, want=want):
            got = [float(t) for t in tokens[1:]]
            return tokens[:1] == ["ok"] and got == want, "not sorted() order"
        s.later(f"sort of {n} values", f"sort | {sample(x)}", judge)

    groups_sets = [
        [continuous(rng, 7), continuous(rng, 9, 0.5)],
        [tied(rng, 30), tied(rng, 12), tied(rng, 45)],
        [tied(rng, 40, 2), continuous(rng, 25), tied(rng, 18, 1), continuous(rng, 3, 2.0),
         tied(rng, 70, 8)],
        [[1.0, 2.0, 2.0, 3.0], [2.0, 4.0], [0.0, 2.0, 5.0]],
        [[3.0] * 5, [3.0] * 4],                             # every value equal
    ]
    for k, groups in enumerate(groups_sets):
        expected = []
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                x, y = groups[a], groups[b]
                expected += [stats.mannwhitneyu(x, y).statistic,
                             stats.mannwhitneyu(y, x).statistic, tie_sum(x + y)]
        expected.append(tie_sum([v for g in groups for v in g]))
        if len({v for g in groups for v in g}) > 1:
            h, p = stats.kruskal(*groups)
            expected += [h, len(groups) - 1, p]
        else:
            expected += [NAN, NAN, NAN]
        s.add(f"U of every pair at once, set {k}", f"mwu_pairs | {sample(*groups)}", "ok",
              expected)


def main():
    if len(sys.argv) != 2:
        print("usage: check_scipy.py STATS_DRIVER", file=sys.stderr)
        return 2
    start = time.time()
    warnings.simplefilter("ignore")   # SciPy's notes on small samples and constant data
    rng = np.random.default_rng(20240601)
    s = Suite()
    for build in (summary_cases, welch_cases, mwu_cases, effect_cases, kgroup_cases,
                  paired_cases, table_cases, keyness_cases, adjust_cases, resampling_cases,
                  sorted_cases, inference_cases):
        build(s, rng)
    s.run(sys.argv[1])
    print(f"({len(s.cases)} driver commands, {time.time() - start:.1f} s)")
    print(f"stats: {s.passed} passed, {s.failed} failed")
    return 0 if s.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
