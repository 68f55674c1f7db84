"""Calibration of `slant compare` under the null (issue 18): both groups are drawn from one
population, so every rejection is a false one. For each design (10 vs 500, 30 vs 1,000 and
300 vs 300 articles) the script writes RUNS small files of score records, each with
INDICATORS categories whose counts are negative-binomial with many zeros (most articles
have none; a few have several), over word counts of 200 to 1,500, and runs `slant compare`
on each. It checks, at alpha = 0.05:

  - the primary test (Mann-Whitney, mwu_p) rejects in 5% of the tests, within three
    binomial standard errors;
  - the called-difference rule as a whole (a pair is called when its mwu_q < alpha, the
    family being every pair and indicator of the run) calls a difference in at most 5% of
    the runs, within three binomial standard errors (under the complete null the
    Benjamini-Hochberg family's chance of any call is alpha, or less with tied p-values);
  - Welch's t, the secondary test, is printed for comparison (it is the test that does
    not hold its size at 10 vs 500; not checked).

The same for records shaped as the project's synthetic score records (bench/gen_records.py:
every category of the shipped lexicon, quote shares, certainty and the framing
indicators): both groups resampled, with replacement, from one outlet's records, RESAMPLED
runs per design; the primary test's rate over every indicator is checked the same way.

Usage: calibration.py BUILD_DIR. Ends with "calibration: N passed, N failed". About 40 s.
"""
import re
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.join(BUILD, "slant")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("calibration")
check = TALLY.check
ALPHA = 0.05
RUNS = 250          # files per design: the called rule's rate is over runs
RESAMPLED = 40      # files per design of resampled gen_records.py records
INDICATORS = 8      # independent indicators per file: the primary test's rate is over these
DESIGNS = [(10, 500), (30, 1000), (300, 300)]


def records(rng, sizes):
    """Score records of groups a and b drawn from one population."""
    out = []
    for g, n in zip("ab", sizes):
        tokens = rng.integers(200, 1500, size=n)
        # negative binomial, mean about 0.6 matches per article, variance about 3:
        # about 70% zeros, a long tail (the shape of a category's counts in news)
        counts = rng.negative_binomial(0.25, 0.25 / (0.25 + 0.6), size=(n, INDICATORS))
        for i in range(n):
            out.append(json.dumps({
                "schema": 1, "id": f"{g}{i}", "source": g, "tokens": int(tokens[i]),
                "quote_tokens": 0,
                "categories": {f"c{k}": {"count": int(counts[i, k])} for k in range(INDICATORS)}}))
    rng.shuffle(out)
    return "\n".join(out) + "\n"


def one_run(path):
    r = subprocess.run([SLANT, "compare", "-q", "--format", "json", "--indicators",
                        ",".join(f"c{k}" for k in range(INDICATORS)), path],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"slant compare failed ({r.returncode}): {r.stderr}")
    return json.loads(r.stdout)["tables"]["pairs"]


def outlet_pool(tmp):
    """The records of the largest outlet of 20,000 made by bench/gen_records.py."""
    path = os.path.join(tmp, "gen.jsonl")
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench",
                       "gen_records.py")
    subprocess.run(["/usr/bin/python3", gen, "--records", "20000", "--seed", "18", path],
                   check=True, capture_output=True)
    by = {}
    with open(path) as f:
        for line in f:
            by.setdefault(re.search(r'"source":"([^"]*)"', line).group(1), []).append(line)
    return max(by.values(), key=len)


def resampled(rng, pool, sizes):
    out = []
    for g, n in zip("ab", sizes):
        for i, k in enumerate(rng.integers(0, len(pool), size=n)):
            line = re.sub(r'"id":"[^"]*"', f'"id":"{g}{i}"', pool[k], count=1)
            out.append(re.sub(r'"source":"[^"]*"', f'"source":"{g}"', line, count=1))
    return "".join(out)


def within(rate, n, what, upper_only=False):
    se = math.sqrt(ALPHA * (1 - ALPHA) / n)
    lo, hi = ALPHA - 3 * se, ALPHA + 3 * se
    ok = rate <= hi and (upper_only or rate >= lo)
    band = f"<= {hi:.3f}" if upper_only else f"in [{lo:.3f}, {hi:.3f}]"
    print(f"  {what}: {rate:.3f} over {n} ({band})")
    return check(ok, f"{what}: rejection rate {rate:.3f} over {n}, expected {band}")


def main():
    rng = np.random.default_rng(18)
    with tempfile.TemporaryDirectory() as tmp:
        for na, nb in DESIGNS:
            mwu = welch = welch_n = tests = called_runs = union_runs = 0
            for run in range(RUNS):
                path = os.path.join(tmp, f"r{run}.jsonl")
                with open(path, "w") as f:
                    f.write(records(rng, (na, nb)))
                pairs = one_run(path)
                check(len(pairs) == INDICATORS, f"{na} vs {nb}: {len(pairs)} pairs") \
                    if run == 0 else None
                for p in pairs:
                    tests += 1
                    # all-tied pairs count too: U = n_a n_b / 2, p = 1
                    mwu += p["mwu_p"] is not None and p["mwu_p"] < ALPHA
                    if p["welch_p"] is not None:
                        welch_n += 1
                        welch += p["welch_p"] < ALPHA
                called_runs += any(p["mwu_q"] is not None and p["mwu_q"] < ALPHA
                                   for p in pairs)
                union_runs += any((p["mwu_q"] or 1) < ALPHA or (p["welch_q"] or 1) < ALPHA
                                  for p in pairs)
            print(f"{na} vs {nb} articles, {RUNS} runs of {INDICATORS} indicators:")
            within(mwu / tests, tests, f"{na} vs {nb}: primary test (Mann-Whitney) p < 0.05")
            within(called_runs / RUNS, RUNS, f"{na} vs {nb}: runs with a called difference",
                   upper_only=True)
            print(f"  (secondary, not checked: Welch p < 0.05 in {welch / max(welch_n, 1):.3f} "
                  f"of {welch_n}; the old rule, either q, called in {union_runs / RUNS:.3f} "
                  f"of the runs)")
        pool = outlet_pool(tmp)
        for na, nb in DESIGNS:
            mwu = tests = 0
            for run in range(RESAMPLED):
                path = os.path.join(tmp, f"s{run}.jsonl")
                with open(path, "w") as f:
                    f.write(resampled(rng, pool, (na, nb)))
                r = subprocess.run([SLANT, "compare", "-q", "--format", "json", path],
                                   capture_output=True, text=True)
                for p in json.loads(r.stdout)["tables"]["pairs"]:
                    if p["mwu_p"] is not None:
                        tests += 1
                        mwu += p["mwu_p"] < ALPHA
            print(f"{na} vs {nb} records resampled from one outlet of {len(pool)} "
                  f"(bench/gen_records.py), {RESAMPLED} runs:")
            within(mwu / max(tests, 1), tests,
                   f"{na} vs {nb} resampled: primary test (Mann-Whitney) p < 0.05")


if __name__ == "__main__":
    main()
    TALLY.finish("calibration: ")
