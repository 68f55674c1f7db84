"""Made-up labelled sentences for the tests of `slant calibrate`, with the lexicon
tests/data/lexicon-calibrate. Every word is our own; nothing comes from a dataset.

Each sentence mixes filler words with words of the lexicon's categories, and its label is
drawn from a logistic model of those counts, so a fit has something to find. The lexicon's
entries are exact forms, so a sentence's rates can be counted here without slant's
tokenizer: its words are the space-separated tokens before the final period (commas are
punctuation).

    python3 tests/calibrate/sample.py DIR   writes DIR/sample.jsonl, sample.csv and
                                            ordinal.jsonl (the --help examples' files)
"""

import csv
import json
import math
import os
import random
import sys

CATEGORIES = {
    "scorn": ["sneering", "shameless", "reckless", "disgraceful"],
    "praise": ["heroic", "brilliant", "visionary"],
    "manner": ["brutally", "savagely", "utterly"],
    "naming": ["regime", "junta"],
    "unused": [],
    "events": ["attack", "clash", "flood"],
    "hedges": ["perhaps", "reportedly"],
    "reporting": ["stated", "noted"],
}
INDEX = ["scorn", "praise", "manner", "naming", "unused"]   # loaded or contested, in order
TRUE_EFFECT = {"scorn": 1.3, "praise": -0.5, "manner": 0.9, "naming": 0.6, "hedges": 0.4,
               "events": 0.5}
FILLER = ("the council plan vote members city budget report today new road bridge market "
          "harbour school board meeting week river water towns office minister group "
          "northwater southwater varenia ostrania varenian ostranian").split()


def sentence(rng):
    """One made-up sentence: (text, counts per category, words)."""
    words = [rng.choice(FILLER) for _ in range(rng.randint(5, 16))]
    counts = {c: 0 for c in CATEGORIES}
    for cat, entries in CATEGORIES.items():
        if not entries:
            continue
        k = rng.choice([0, 0, 0, 1, 1, 2]) if cat != "reporting" else rng.choice([0, 1])
        for _ in range(k):
            words.insert(rng.randrange(len(words) + 1), rng.choice(entries))
            counts[cat] += 1
    text = " ".join(words)
    if rng.random() < 0.3:  # a comma, and sometimes quotes, to exercise CSV quoting
        cut = rng.randrange(1, len(words))
        text = " ".join(words[:cut]) + ", " + " ".join(words[cut:])
    if rng.random() < 0.1:
        text = '"' + text + '"'
    return text[0].upper() + text[1:] + ".", counts, len(words)


def make(n, seed):
    """`n` units: dicts with id, text, label (0/1), rating (1 to 5), counts and words."""
    rng = random.Random(seed)
    units = []
    for i in range(n):
        text, counts, nwords = sentence(rng)
        eta = -0.8 + sum(TRUE_EFFECT.get(c, 0) * k for c, k in counts.items())
        label = 1 if rng.random() < 1 / (1 + math.exp(-eta)) else 0
        rating = min(5, max(1, int(round(3 + eta + rng.gauss(0, 0.8)))))
        units.append({"id": f"s{i:04d}", "text": text, "label": label, "rating": rating,
                      "counts": counts, "words": nwords})
    return units


def rates(unit):
    """The unit's rates per 1,000 words of the index categories, in lexicon order."""
    return [1000.0 * unit["counts"][c] / unit["words"] for c in INDEX]


def write_jsonl(path, units, fields=("id", "text", "label")):
    with open(path, "w") as f:
        for u in units:
            f.write(json.dumps({k: u[k] for k in fields}) + "\n")


def write_table(path, units, delimiter=",", fields=("id", "label", "text")):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(fields)
        for u in units:
            w.writerow([u[k] for k in fields])


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    units = make(80, 2026)
    write_jsonl(os.path.join(out, "sample.jsonl"), units)
    write_table(os.path.join(out, "sample.csv"), units)
    write_jsonl(os.path.join(out, "ordinal.jsonl"), units, ("id", "text", "rating"))
