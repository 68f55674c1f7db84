#!/usr/bin/env python3
"""Tests of `--event auto` (analyzer/events.c, docs/events.md).

- The events found on the synthetic corpus (its 12 events are known: the `event` header
  of every article) against that truth, by the adjusted Rand index of scikit-learn
  (sklearn.metrics.adjusted_rand_score, an independent implementation): at least 0.9,
  with the defaults, and with no help from the dates (a window of ten years), for both
  methods. Articles in no event count as events of their own.
- The similarities, recomputed here with numpy and scikit-learn's cosine_similarity from
  the signatures in the score records: the number of pairs slant compared and linked at
  several thresholds must be the numbers of pairs here (every cross-group pair within the
  window, and those at or above the threshold).
- Articles and score records with --signature give the same events; the events do not
  depend on the order of the records or on -j.
- Average linkage does not chain: A like B and B like C, A unlike C, is not one event.
- Errors: records without a signature (exit 2, the file and line, how to make them),
  --event auto with --partial, --signature with --format csv. An undated record is
  counted and gets no event.

Usage: python3 tests/events/check_events.py [BUILD_DIR]. Ends "events: N passed, N failed".
"""
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.metrics import adjusted_rand_score
from sklearn.metrics.pairwise import cosine_similarity

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SLANT_BUILD", "build")
SLANT = os.path.join(BUILD if os.path.isabs(BUILD) else os.path.join(ROOT, BUILD), "slant")
CORPUS = os.path.join(ROOT, "corpus", "synthetic")
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def run(*args, stdin=None):
    return subprocess.run([SLANT, *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT)


def found(*args):
    """compare --event auto --format json ARGS: the events_found object, or None."""
    r = run("compare", "--event", "auto", "--format", "json", "-q", *args)
    if r.returncode != 0:
        print(r.stderr)
        return None
    return json.loads(r.stdout)["events_found"]


def truth():
    t = {}
    for path in glob.glob(os.path.join(CORPUS, "*", "*.txt")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    break
                if line.startswith("event:"):
                    t[os.path.relpath(path, CORPUS)] = line.split(":", 1)[1].strip()
    return t


def ari(ev, t):
    got = {a["id"]: a["event"] for a in ev["assignments"]}
    ids = sorted(t)
    return adjusted_rand_score([t[i] for i in ids], [got.get(i, "alone:" + i) for i in ids])


TRUTH = truth()
tmp = tempfile.mkdtemp(prefix="slant-events-")
records = os.path.join(tmp, "s.jsonl")
r = run("score", "--signature", "-o", records, CORPUS)
check("score --signature", r.returncode == 0, r.stderr)
with open(records, encoding="utf-8") as f:
    recs = [json.loads(l) for l in f if l.strip()]
check("every record has a signature of at most 128 stems",
      all(isinstance(x.get("signature"), dict) and 0 < len(x["signature"]) <= 128 for x in recs))
check("signature counts are positive integers",
      all(isinstance(c, int) and c >= 1 for x in recs for c in x["signature"].values()))
check("stop words and numbers are not signature stems",
      not any(s in ("the", "and", "of", "said2") or s.isdigit()
              for x in recs for s in x["signature"]))
# truth keyed by the record ids (paths relative to the corpus argument)
T = {x["id"]: TRUTH.get(x["id"]) for x in recs}
check("the truth covers the records", all(T.values()) and len(T) == 36, str(list(T)[:3]))

# --- the adjusted Rand index ---------------------------------------------------------------
articles = found(CORPUS)
check("articles: events found", articles is not None and articles["events"] > 0)
if articles:
    a = ari(articles, T)
    print(f"  ARI articles, tfidf, defaults: {a:.4f} ({articles['events']} events)")
    check("ARI >= 0.9 (articles, defaults)", a >= 0.9, f"{a}")
    check("defaults named", articles["method"] == "tfidf" and articles["window_days"] == 2
          and articles["threshold"] == 0.25)
    check("counts add up", articles["in_events"] + articles["left_out"] == articles["articles"]
          and articles["left_out"] == articles["undated"] + articles["in_no_event"])
fromrec = found(records)
check("records: same events as articles", fromrec is not None and articles is not None
      and fromrec["assignments"] == articles["assignments"])
for method in ("tfidf", "jaccard"):
    ev = found("--event-method", method, "--event-window", "3650", records)
    a = ari(ev, T) if ev else -1
    print(f"  ARI records, {method}, window 3650 days: {a:.4f}")
    check(f"ARI >= 0.9 without the dates' help ({method})", a >= 0.9, f"{a}")

# --- the similarities, recomputed ------------------------------------------------------------
stems = sorted({s for x in recs for s in x["signature"]})
col = {s: i for i, s in enumerate(stems)}
counts = np.zeros((len(recs), len(stems)))
for i, x in enumerate(recs):
    for s, c in x["signature"].items():
        counts[i, col[s]] = c
present = counts > 0
n = len(recs)
df = present.sum(axis=0)
tfidf = np.where(present, 1 + np.log(np.where(present, counts, 1)), 0) * np.log((1 + n) / (1 + df))
cos = cosine_similarity(tfidf)
inter = present.astype(float) @ present.astype(float).T
sizes = present.sum(axis=1)
jac = inter / (sizes[:, None] + sizes[None, :] - inter)
groups = [x["source"] for x in recs]
cross = [(i, j) for i in range(n) for j in range(i + 1, n) if groups[i] != groups[j]]
for method, sim in (("tfidf", cos), ("jaccard", jac)):
    for t in (0.1, 0.2, 0.3, 0.5):
        ev = found("--event-method", method, "--event-window", "3650",
                   "--event-threshold", str(t), records)
        want = sum(1 for i, j in cross if sim[i, j] >= t)
        ok = ev is not None and ev["pairs_compared"] == len(cross) and ev["pairs_linked"] == want
        check(f"{method} pairs at {t}: {want} of {len(cross)}", ok,
              f"got {ev and (ev['pairs_compared'], ev['pairs_linked'])}")

# --- determinism -------------------------------------------------------------------------------
rev = os.path.join(tmp, "reversed.jsonl")
with open(records, encoding="utf-8") as f:
    lines = f.readlines()
with open(rev, "w", encoding="utf-8") as f:
    f.writelines(reversed(lines))
for args in (("-j", "1", rev), ("-j", "2", rev), ("-j", "2", "--event-window", "3650", rev)):
    ev = found(*args)
    base = found(*args[:-1], records)
    check(f"the same events for reversed records {' '.join(args[:-1])}",
          ev is not None and base is not None and ev == base)

j1, j2 = found("-j", "1", CORPUS), found("-j", "2", CORPUS)
check("articles: the same events with -j 1 and -j 2", j1 is not None and j1 == j2)

# --- average linkage does not chain -----------------------------------------------------------
chain = os.path.join(tmp, "chain.jsonl")
picked, seen = [], set()
for x in recs:
    if x["source"] not in seen:
        seen.add(x["source"])
        picked.append(dict(x))
sigs = [{"alpha": 1, "bravo": 1, "charli": 1, "delta": 1},
        {"charli": 1, "delta": 1, "echo": 1, "foxtrot": 1},
        {"echo": 1, "foxtrot": 1, "golf": 1, "hotel": 1}]
with open(chain, "w", encoding="utf-8") as f:
    for k, (x, s) in enumerate(zip(picked, sigs)):
        x["signature"], x["date"], x["id"] = s, "2025-01-01", f"chain-{k}"
        f.write(json.dumps(x) + "\n")
ev = found("--event-method", "jaccard", "--event-threshold", "0.3", "--min-n", "1", chain)
got = {a["id"]: a["event"] for a in ev["assignments"]} if ev else {}
check("A~B, B~C, A!~C: one event of two, the third alone",
      ev is not None and ev["events"] == 1 and len(got) == 2 and "chain-2" not in got, str(ev))

# --- errors and counts ----------------------------------------------------------------------------
plain = os.path.join(tmp, "plain.jsonl")
r = run("score", "-o", plain, CORPUS)
r = run("compare", "--event", "auto", plain)
check("records without a signature: exit 2", r.returncode == 2, str(r.returncode))
check("... naming the file and line and how to make them",
      f"{plain}:1:" in r.stderr and "slant score --signature" in r.stderr, r.stderr)
r = run("compare", "--event", "auto", "--partial", CORPUS)
check("--event auto --partial refused", r.returncode == 2 and "--partial" in r.stderr, r.stderr)
partial = os.path.join(tmp, "partial.json")
r = run("compare", "--partial", "-o", partial, CORPUS)
r = run("compare", "--event", "auto", partial)
check("--event auto on a partial refused", r.returncode != 0 and "is a partial" in r.stderr,
      r.stderr)
r = run("score", "--signature", "--format", "csv", CORPUS)
check("--signature --format csv refused", r.returncode == 2, r.stderr)
r = run("compare", "--event-window", "x", "--event", "auto", CORPUS)
check("a bad --event-window is a usage error", r.returncode == 2, r.stderr)
undated = os.path.join(tmp, "undated.jsonl")
with open(undated, "w", encoding="utf-8") as f:
    for k, line in enumerate(lines):
        x = json.loads(line)
        if k == 0:
            x["date"] = None
            first = x["id"]
        f.write(json.dumps(x) + "\n")
ev = found(undated)
check("an undated record is counted and in no event",
      ev is not None and ev["undated"] == 1 and ev["left_out"] >= 1
      and first not in {a["id"] for a in ev["assignments"]}, str(ev and ev["undated"]))
r = run("report", "--event", "auto", CORPUS)
check("report --event auto says how the events were found",
      r.returncode == 0 and "found automatically" in r.stdout and "12 events" in r.stdout,
      r.stderr)

# --- the schemas ----------------------------------------------------------------------------------
VALIDATE = os.path.join(ROOT, "tests", "notebooks", "validate.py")
r = subprocess.run([sys.executable, VALIDATE, "score", records], capture_output=True, text=True,
                   cwd=ROOT)
check("records with a signature are valid against score.schema.json", r.returncode == 0,
      r.stdout[-400:])
auto_json = os.path.join(tmp, "auto.json")
r = run("compare", "--event", "auto", "--format", "json", "-q", "-o", auto_json, CORPUS)
r = subprocess.run([sys.executable, VALIDATE, "compare", auto_json, "has=events"],
                   capture_output=True, text=True, cwd=ROOT)
check("compare --event auto JSON is valid against compare.schema.json", r.returncode == 0,
      r.stdout[-400:])

print(f"events: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
