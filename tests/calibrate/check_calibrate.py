"""`slant calibrate` end to end, against independent implementations: scikit-learn's
LogisticRegression on the same standardised features (the coefficients to 1e-4, each
fold's out-of-fold probabilities too), sklearn's roc_auc_score on the same out-of-fold
scores, and DeLong's interval computed here from its definition (structural components,
pairwise). The labelled sample is made up (sample.py), scored with the made-up lexicon
tests/data/lexicon-calibrate; the features are counted here without slant's tokenizer.
Then the errors: ordinal labels without --threshold, a missing field or column, empty
input, bad rows among good ones, a single class.

Usage: check_calibrate.py BUILD_DIR. Ends "calibrate: N passed, N failed".
"""

import json
import math
import os
import subprocess
import sys
import tempfile

import jsonschema
import numpy as np
import pandas
from scipy.stats import norm
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402
import sample  # noqa: E402

SLANT = os.path.join(sys.argv[1], "slant")
LEX = "tests/data/lexicon-calibrate"
t = Tally("calibrate")
tmp = tempfile.mkdtemp()


def run(*args, stdin=None):
    r = subprocess.run([SLANT, "calibrate", "--lexicon", LEX, *args], input=stdin,
                       capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def path(name):
    return os.path.join(tmp, name)


def sk_fit(X, y, l2):
    """sklearn on standardised features (constant columns left out, as slant does):
    returns raw-scale intercept and weights, and a predict function."""
    sd = X.std(axis=0)
    keep = sd > 0
    scaler = StandardScaler().fit(X[:, keep])
    m = LogisticRegression(C=1.0 / l2, penalty="l2", solver="lbfgs", tol=1e-12,
                           max_iter=100000).fit(scaler.transform(X[:, keep]), y)
    w = np.zeros(X.shape[1])
    w[keep] = m.coef_[0] / scaler.scale_
    b = m.intercept_[0] - np.sum(m.coef_[0] * scaler.mean_ / scaler.scale_)
    std = np.zeros(X.shape[1])
    std[keep] = m.coef_[0]
    return b, w, std, lambda Z: m.predict_proba(scaler.transform(Z[:, keep]))[:, 1]


def delong(scores, y, level=0.95):
    """DeLong, DeLong and Clarke-Pearson (1988) from the definition: the placement of each
    positive among the negatives and of each negative among the positives."""
    pos = [s for s, v in zip(scores, y) if v == 1]
    neg = [s for s, v in zip(scores, y) if v == 0]
    psi = lambda a, b: 1.0 if a > b else (0.5 if a == b else 0.0)  # noqa: E731
    v10 = [sum(psi(x, z) for z in neg) / len(neg) for x in pos]
    v01 = [sum(psi(x, z) for x in pos) / len(pos) for z in neg]
    auc = sum(v10) / len(pos)
    s10 = sum((v - auc) ** 2 for v in v10) / (len(pos) - 1)
    s01 = sum((v - auc) ** 2 for v in v01) / (len(neg) - 1)
    se = math.sqrt(s10 / len(pos) + s01 / len(neg))
    z = norm.ppf(0.5 + level / 2)
    return auc, max(0.0, auc - z * se), min(1.0, auc + z * se)


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(b))


# --- a made-up sample of 400 sentences ----------------------------------------------------
units = sample.make(400, 7)
sample.write_jsonl(path("s.jsonl"), units)
sample.write_table(path("s.csv"), units)
sample.write_table(path("s.tsv"), units, delimiter="\t")
X = np.array([sample.rates(u) for u in units])
y = np.array([u["label"] for u in units])

rc, out, err = run("-o", path("w.json"), "--predictions", path("p.jsonl"), path("s.jsonl"))
t.check(rc == 0, f"calibrate exits {rc}: {err}")
w = json.load(open(path("w.json")))
t.check(w["schema"] == 1 and w["kind"] == "slant-weights", "schema and kind")
t.check(w["unit"] == "sentence" and w["feature"] == "rate_per_1000", "unit and feature")
t.check(list(w["weights"]) == sample.INDEX,
        f"the weights are the index categories in lexicon order: {list(w['weights'])}")
t.check(w["fit"]["n"] == 400 and w["fit"]["positives"] == int(y.sum()), "n and positives")
t.check(w["fit"]["l2"] == 1 and w["fit"]["folds"] == 10 and w["fit"]["seed"] == 1
        and w["fit"]["standardized"] is True, "fit options")
t.check(w["weights"]["unused"] == 0, "a constant feature has weight 0")
t.check("unused" in out and "weight 0" in out, "the summary names the constant feature")
t.check("DeLong" in out and "cross-validated ROC AUC" in out, "the summary has the AUC")
schema = json.load(open("docs/schema/weights.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(w)]
t.check(not errors, f"the weights file is valid against weights.schema.json: {errors}")
broken = dict(w, lexicon=dict(w["lexicon"], hash="fnv1a64:xyz"))
t.check(not jsonschema.Draft202012Validator(schema).is_valid(broken), "the schema can fail")
frame = pandas.read_json(path("p.jsonl"), lines=True)
t.check(list(frame.columns) == ["id", "file", "line", "label", "y", "fold", "score"]
        and len(frame) == 400, f"pandas reads the predictions: {list(frame.columns)}")

# The features are what `slant score` counts, and the hash is its provenance's.
r = subprocess.run([SLANT, "score", "--lexicon", LEX, path("s.jsonl")], capture_output=True,
                   text=True)
recs = [json.loads(line) for line in r.stdout.splitlines()]
same = all(rec["tokens"] == u["words"] and
           all(rec["categories"][c]["count"] == u["counts"][c] for c in sample.INDEX)
           for rec, u in zip(recs, units))
t.check(len(recs) == 400 and same, "the counts here equal slant score's")
t.check(w["lexicon"]["hash"] == recs[0]["provenance"]["lexicon_hash"]
        and w["lexicon"]["id"] == recs[0]["provenance"]["lexicon"]
        and w["lexicon"]["version"] == recs[0]["provenance"]["lexicon_version"],
        "the lexicon id, version and hash are score's provenance")

# Coefficients against sklearn on the same standardised features.
b, wk, std, _ = sk_fit(X, y, 1.0)
got = np.array([w["weights"].get(c, np.nan) for c in sample.INDEX])
sd = X.std(axis=0)
t.check(close(w["intercept"], b, 1e-4), f"intercept {w['intercept']} vs sklearn {b}")
t.check(np.all(np.abs(got * sd - std) <= 1e-4),
        f"standardised weights {got * sd} vs sklearn {std}")
t.check(np.all(np.abs(got - wk) <= 1e-4 * np.maximum(1, np.abs(wk))),
        f"raw weights {got} vs sklearn {wk}")

# Another penalty.
rc, _, err = run("-q", "--l2", "0.1", "-o", path("w01.json"), path("s.jsonl"))
w01 = json.load(open(path("w01.json")))
b01, _, std01, _ = sk_fit(X, y, 0.1)
got01 = np.array([w01["weights"].get(c, np.nan) for c in sample.INDEX]) * sd
t.check(rc == 0 and close(w01["intercept"], b01, 1e-4) and np.all(np.abs(got01 - std01) <= 1e-4),
        f"--l2 0.1: {got01} vs sklearn {std01}")

# Cross-validation: folds stratified; each fold's probabilities as sklearn's.
preds = [json.loads(line) for line in open(path("p.jsonl"))]
t.check([p["id"] for p in preds] == [u["id"] for u in units], "a prediction per unit, in order")
folds = np.array([p["fold"] for p in preds])
score = np.array([p["score"] for p in preds])
t.check(sorted(set(folds)) == list(range(10)), "ten folds")
for cls in (0, 1):
    per = [int(np.sum((folds == k) & (y == cls))) for k in range(10)]
    t.check(max(per) - min(per) <= 1, f"class {cls} spread evenly over the folds: {per}")
worst = 0.0
for k in range(10):
    train = folds != k
    _, _, _, predict = sk_fit(X[train], y[train], 1.0)
    worst = max(worst, float(np.max(np.abs(predict(X[~train]) - score[~train]))))
t.check(worst <= 1e-4, f"out-of-fold probabilities within 1e-4 of sklearn's (worst {worst})")
auc = roc_auc_score(y, score)
t.check(close(w["fit"]["cv_auc"], auc, 1e-12), f"cv_auc {w['fit']['cv_auc']} vs sklearn {auc}")
d_auc, d_lo, d_hi = delong(list(score), list(y))
lo, hi = w["fit"]["cv_auc_ci"]
t.check(close(d_auc, auc, 1e-12) and close(lo, d_lo, 1e-9) and close(hi, d_hi, 1e-9),
        f"DeLong CI [{lo}, {hi}] vs [{d_lo}, {d_hi}]")

# Deterministic folds: the same seed gives the same file, another seed other folds.
run("-q", "-o", path("w2.json"), "--predictions", path("p2.jsonl"), path("s.jsonl"))
t.check(open(path("p2.jsonl")).read() == open(path("p.jsonl")).read(), "same seed, same folds")
run("-q", "--seed", "2", "-o", path("w3.json"), "--predictions", path("p3.jsonl"),
    path("s.jsonl"))
f3 = [json.loads(line)["fold"] for line in open(path("p3.jsonl"))]
t.check(f3 != list(folds), "another seed, other folds")
rc, _, _ = run("-q", "--folds", "5", "-o", path("w5.json"), path("s.jsonl"))
t.check(rc == 0 and json.load(open(path("w5.json")))["fit"]["folds"] == 5, "--folds 5")

# CSV, TSV and standard input give the same weights file.
base = open(path("w.json")).read()
for name in ("s.csv", "s.tsv"):
    rc, _, err = run("-q", "-o", path("w-" + name + ".json"), path(name))
    t.check(rc == 0 and open(path("w-" + name + ".json")).read() == base,
            f"{name} gives the same weights file: {err}")
rc, out, _ = run("-q", "-", stdin=open(path("s.jsonl")).read())
t.check(rc == 0 and out == base, "standard input gives the same weights file")

# Ordinal labels: a usage error without --threshold, binarised with it.
sample.write_jsonl(path("o.jsonl"), units, ("id", "text", "rating"))
rc, out, err = run("--label-field", "rating", "-o", path("wo.json"), path("o.jsonl"))
t.check(rc == 2 and "--threshold" in err and "o.jsonl:1" in err and "ordinal" in err,
        f"ordinal labels without --threshold: exit {rc}, {err!r}")
t.check(not os.path.exists(path("wo.json")), "... and no weights file")
rc, _, err = run("-q", "--label-field", "rating", "--threshold", "3", "-o", path("wo.json"),
                 path("o.jsonl"))
yo = np.array([1 if u["rating"] >= 3 else 0 for u in units])
wo = json.load(open(path("wo.json"))) if rc == 0 else {"fit": {}, "weights": {}}
bo, _, stdo, _ = sk_fit(X, yo, 1.0)
goto = np.array([wo["weights"].get(c, np.nan) for c in sample.INDEX]) * sd
t.check(rc == 0 and wo["fit"]["positives"] == int(yo.sum()) and np.all(np.abs(goto - stdo) <= 1e-4),
        f"--threshold 3: exit {rc}, {err}")

# A missing field or column.
rc, _, err = run("--label-field", "verdict", path("s.jsonl"))
t.check(rc == 3 and "s.jsonl:1: the record has no label 'verdict'" in err,
        f"missing label field: exit {rc}, {err[:200]!r}")
rc, _, err = run("--text-field", "body", path("s.csv"))
t.check(rc == 3 and "s.csv:1: the header has no column 'body'" in err,
        f"missing text column: exit {rc}, {err[:200]!r}")
rc, _, err = run("--text-field", "body", path("s.jsonl"))
t.check(rc == 3 and "s.jsonl:1: the record has no field 'body'" in err,
        f"missing text field: exit {rc}, {err[:200]!r}")

# Empty input.
open(path("empty.jsonl"), "w").close()
rc, _, err = run("-o", path("we.json"), path("empty.jsonl"))
t.check(rc == 3 and "no labelled units" in err and not os.path.exists(path("we.json")),
        f"empty input: exit {rc}, {err!r}")
rc, _, err = run("-", stdin="")
t.check(rc == 3 and "no labelled units" in err, f"empty standard input: exit {rc}")

# Bad rows among good ones: reported with file and line, the rest used, exit 1.
lines = open(path("s.jsonl")).read().splitlines()
lines[1] = '{"id": "broken", "text": "x"'
lines[4] = json.dumps({"id": "bad-label", "text": "A plan.", "label": "maybe"})
lines[6] = json.dumps({"id": "no-words", "text": "...", "label": 1})
open(path("bad.jsonl"), "w").write("\n".join(lines) + "\n")
rc, out, err = run("-o", path("wb.json"), path("bad.jsonl"))
t.check(rc == 1, f"bad rows: exit {rc}")
t.check("bad.jsonl:2:" in err and "bad.jsonl:5: the label 'maybe' is not a number" in err
        and "bad.jsonl:7: the text has no words" in err, f"bad rows named: {err!r}")
t.check(os.path.exists(path("wb.json")) and json.load(open(path("wb.json")))["fit"]["n"] == 397,
        "the other 397 rows are fitted")
t.check("3 rows skipped" in out, f"the summary counts the skipped rows: {out[:120]!r}")
csv_lines = open(path("s.csv")).read().splitlines()
csv_lines[3] = "only,two"
open(path("bad.csv"), "w").write("\n".join(csv_lines) + "\n")
rc, _, err = run("-q", "-o", path("wbc.json"), path("bad.csv"))
t.check(rc == 1 and "bad.csv:4: the row has 2 cells, the header 3" in err,
        f"a short CSV row: exit {rc}, {err!r}")

# A single class, and usage errors.
sample.write_jsonl(path("one.jsonl"), [dict(u, label=1) for u in units[:30]])
rc, _, err = run(path("one.jsonl"))
t.check(rc == 3 and "30 positive and 0 negative" in err, f"one class: exit {rc}, {err!r}")
for bad in (["--l2", "0"], ["--folds", "1"], ["--unit", "paragraph"], ["--input", "xml"], []):
    rc, _, err = run(*bad, *([path("s.jsonl")] if bad else []))
    t.check(rc == 2 and "slant calibrate --help" in err, f"usage error {bad}: exit {rc}")
rc, _, err = run("--folds", "500", path("s.jsonl"))
t.check(rc == 3 and "500 folds" in err, f"more folds than units: exit {rc}")

t.finish("calibrate: ")
