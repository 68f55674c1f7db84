#!/usr/bin/python3
"""The Python peer of the whole research job of `make bench`: score a corpus, then
compare its outlets, the way a careful Python programmer would with NLTK, NumPy and SciPy.

    /usr/bin/python3 bench/peer_job.py --lexicon lexicons/en --min-n 300 CORPUS.jsonl > out.json

1. scores every article exactly as bench/peer_nltk.py does (its code, imported), counting
   the matches of each category and of each lexicon entry;
2. groups the articles by "source" and keeps the groups of at least --min-n articles;
3. per category (its rate per 1,000 words in each article): Kruskal-Wallis over the
   groups, and for every pair of groups Welch's t, Mann-Whitney U (two-sided), Cliff's
   delta (from U) and Hedges' g, all SciPy/NumPy;
4. the keyness of every entry, each group against the rest and every pair of groups:
   the log-likelihood G2 (Rayson), its p-value (chi-square, 1 df) and the Log Ratio,
   vectorized over the entries with NumPy;
5. Benjamini-Hochberg q-values within each family (each pair statistic's tests, the
   Kruskal-Wallis tests, the keyness tests), NumPy;
6. writes one JSON document (the tests and the significant keyness rows).

It is what `slant score -j 2 CORPUS > s.jsonl && slant compare --min-n N s.jsonl` does, minus
slant's framing indicators, events, drivers and text report: less work than slant does.
"""

import argparse
import json
import math
import os
import sys
from itertools import combinations

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_nltk  # noqa: E402


def bh(p):
    """Benjamini-Hochberg q-values of the p-values `p` (NaN stays NaN)."""
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    v = p[ok]
    m = len(v)
    if not m:
        return q
    order = np.argsort(v)
    ranked = v[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(ranked, 1.0)
    q[ok] = out
    return q


def keyness(a, b, words_a, words_b):
    """G2, its p-value and the Log Ratio of counts `a` against `b` (arrays over entries)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    total = words_a + words_b
    e1 = words_a * (a + b) / total
    e2 = words_b * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
        g2 = 2 * (t1 + t2)
        lr = np.log2(((a + 0.5) / words_a) / ((b + 0.5) / words_b))
    return g2, stats.chi2.sf(g2, 1), lr


def main(argv):
    ap = argparse.ArgumentParser(prog="peer_job.py", description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--min-n", type=int, default=300)
    ap.add_argument("--by", default="source")
    ap.add_argument("--level", type=float, default=0.05)
    args = ap.parse_args(argv)
    try:
        lex = peer_nltk.Lexicon(args.lexicon)
    except peer_nltk.LexiconError as e:
        print("peer_job.py: {}".format(e), file=sys.stderr)
        return 2
    ncat, nent = len(lex.cat_ids), len(lex.entry_names)
    findall, fold = peer_nltk.WORD_RE.findall, peer_nltk.fold

    # 1-2. counting, per group
    groups = {}   # name -> (list of tokens, list of count lists, entry counts array)
    with open(args.input, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            entries = {}
            n, counts = peer_nltk.count_article(lex, findall(fold(obj["text"])), ncat, entries)
            g = groups.get(obj.get(args.by))
            if g is None:
                g = groups[obj.get(args.by)] = ([], [], np.zeros(nent))
            g[0].append(n)
            g[1].append(counts)
            if entries:
                g[2][list(entries)] += list(entries.values())
    kept = sorted(k for k, g in groups.items() if len(g[0]) >= args.min_n)
    if len(kept) < 2:
        print("peer_job.py: fewer than two groups of {} articles".format(args.min_n),
              file=sys.stderr)
        return 3
    rates = {}
    for k in kept:
        tokens = np.asarray(groups[k][0], dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = 1000.0 * np.asarray(groups[k][1], dtype=float) / tokens[:, None]
        rates[k] = r[tokens > 0]

    # 3. the tests per category
    out = {"groups": {k: len(groups[k][0]) for k in kept}, "omnibus": [], "pairs": []}
    for c, cat in enumerate(lex.cat_ids):
        cols = [rates[k][:, c] for k in kept]
        try:
            h, p = stats.kruskal(*cols)
        except ValueError:   # every value the same
            h, p = math.nan, math.nan
        out["omnibus"].append({"indicator": cat, "h": h, "p": p})
        for (i, a), (j, b) in combinations(enumerate(kept), 2):
            x, y = cols[i], cols[j]
            t, tp = stats.ttest_ind(x, y, equal_var=False)
            u, up = stats.mannwhitneyu(x, y, alternative="two-sided")
            nx, ny = len(x), len(y)
            delta = 2 * u / (nx * ny) - 1
            sp = math.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2))
            g = (x.mean() - y.mean()) / sp * (1 - 3 / (4 * (nx + ny) - 9)) if sp else math.nan
            out["pairs"].append({"group": a, "reference": b, "indicator": cat, "t": t,
                                 "t_p": tp, "u": u, "u_p": up, "cliffs_delta": delta,
                                 "hedges_g": g})
    # 5. BH within each family
    for fam, key in (("omnibus", "p"), ("pairs", "t_p"), ("pairs", "u_p")):
        q = bh([r[key] for r in out[fam]])
        for r, v in zip(out[fam], q):
            r[key.replace("p", "q")] = v

    # 4. keyness: each group against the rest, every pair
    words = {k: float(sum(groups[k][0])) for k in kept}
    counts = {k: groups[k][2] for k in kept}
    all_counts = sum(counts.values())
    all_words = sum(words.values())
    refs = [(k, "rest", counts[k], all_counts - counts[k], words[k], all_words - words[k])
            for k in kept]
    refs += [(a, b, counts[a], counts[b], words[a], words[b]) for a, b in combinations(kept, 2)]
    rows = []
    for a, b, ca, cb, wa, wb in refs:
        used = np.nonzero(ca + cb)[0]
        g2, p, lr = keyness(ca[used], cb[used], wa, wb)
        rows.append((a, b, used, g2, p, lr))
    q = bh(np.concatenate([r[4] for r in rows]))
    at = 0
    out["keyness"] = []
    for a, b, used, g2, p, lr in rows:
        qq = q[at:at + len(used)]
        at += len(used)
        for e in np.nonzero(qq < args.level)[0]:
            out["keyness"].append({"group": a, "reference": b,
                                   "entry": lex.entry_names[used[e]], "g2": g2[e],
                                   "p": p[e], "q": qq[e], "log_ratio": lr[e]})
    json.dump(out, sys.stdout, default=float)
    sys.stdout.write("\n")
    print("peer_job.py: groups {} pairs {} keyness tests {} significant {}".format(
        len(kept), len(kept) * (len(kept) - 1) // 2, len(q), len(out["keyness"])),
        file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
