#!/usr/bin/python3
"""Synthetic `slant score` records for timing `slant compare` alone.

    gen_records.py [--records N] [--groups G] [--events E] [--seed S]
                   [--lexicon DIR] [--compact] OUT

Writes N JSON Lines score records (default 100,000), deterministic for a seed, in the
compact shape compare reads: the members `slant score` writes that compare uses, no
evidence, no quotation list, no actors. Each record:

    {"schema":1,"id":"rec-0000001","source":"outlet-07","event":"event-0042",
     "tokens":812,"quote_tokens":90,
     "categories":{"CATEGORY":{"count":3,"rate":3.694581281,"author":2,"quoted":1},...},
     "epistemic":{"certainty":0.25},
     "attribution":{"quotations":6,"attributed":5,"anonymous":1,"neutral_verbs":4,
                    "loaded_verbs":1,"scare_quotes":1}}

CATEGORY runs over the category ids of the lexicon's manifest (DIR/lexicon.json, default
lexicons/en), every one in every record, zeros included, so compare sees as many
indicators as on real records (20 categories and 6 framing indicators with the shipped
lexicon). Counts are Poisson with a rate per 1,000 words that differs a little between
groups (so some pairs differ and most counts are small integers: ties, as in real data).
Groups (`source`) are `outlet-01` .. `outlet-G` (default 27), their sizes skewed (the
largest about 4 times the smallest); events (`event`) are `event-0001` .. `event-E`
(default 500).

With --compact the records are in the shape of `slant score --compact`
(docs/schema/score.md, "Compact records"): a category member that is 0 is left out (a
category with no match is {}), and "provenance":{"compact":true} says so. The same seed
gives the same data, so compare's output is the same for both shapes.

Needs numpy (Debian's python3-numpy). About 1 s per 20,000 records.
"""
import argparse
import json
import os
import sys

import numpy as np


def categories(lexicon):
    with open(os.path.join(lexicon, "lexicon.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return [c["id"] for c in manifest["categories"]]


def compact_members(count, tokens, author, quoted):
    """A category's members without the zeros (score --compact)."""
    parts = []
    if count:
        parts.append('"count":%d,"rate":%.10g' % (count, 1000.0 * count / tokens))
    if author:
        parts.append('"author":%d' % author)
    if quoted:
        parts.append('"quoted":%d' % quoted)
    return ",".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=100000)
    ap.add_argument("--groups", type=int, default=27)
    ap.add_argument("--events", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lexicon", default="lexicons/en")
    ap.add_argument("--compact", action="store_true",
                    help="leave out the zero members of categories, as score --compact")
    ap.add_argument("out")
    a = ap.parse_args()
    if a.records < 1 or a.groups < 2 or a.events < 1:
        sys.exit("gen_records.py: --records >= 1, --groups >= 2 and --events >= 1")

    cats = categories(a.lexicon)
    rng = np.random.default_rng(a.seed)
    # Per category a base rate per 1,000 words (0.2 .. 12) and per group a factor.
    base = np.exp(rng.uniform(np.log(0.2), np.log(12.0), len(cats)))
    factor = np.exp(rng.normal(0.0, 0.25, (a.groups, len(cats))))
    weight = 1.0 / np.sqrt(np.arange(1, a.groups + 1) + 1.0)  # skewed group sizes
    weight /= weight.sum()
    chunk = 20000
    written = 0
    with open(a.out, "w", encoding="ascii") as out:
        while written < a.records:
            n = min(chunk, a.records - written)
            group = rng.choice(a.groups, size=n, p=weight)
            event = rng.integers(1, a.events + 1, size=n)
            tokens = rng.integers(150, 1500, size=n)
            quote_tokens = (tokens * rng.beta(2.0, 6.0, size=n)).astype(np.int64)
            lam = base[None, :] * factor[group, :] * tokens[:, None] / 1000.0
            count = rng.poisson(lam)
            quoted = rng.binomial(count, (quote_tokens / tokens)[:, None])
            quotations = rng.poisson(4.0, size=n)
            attributed = rng.binomial(quotations, 0.85)
            anonymous = rng.binomial(attributed, 0.15)
            loaded = rng.binomial(attributed, 0.2)
            scare = rng.poisson(0.6, size=n)
            certainty = np.round(rng.uniform(-1.0, 1.0, size=n), 4)
            lines = []
            for r in range(n):
                t = int(tokens[r])
                if a.compact:
                    cs = ",".join('"%s":{%s}' % (cats[c], compact_members(
                        count[r, c], t, count[r, c] - quoted[r, c], quoted[r, c]))
                        for c in range(len(cats)))
                else:
                    cs = ",".join(
                        '"%s":{"count":%d,"rate":%.10g,"author":%d,"quoted":%d}'
                        % (cats[c], count[r, c], 1000.0 * count[r, c] / t,
                           count[r, c] - quoted[r, c], quoted[r, c])
                        for c in range(len(cats)))
                lines.append(
                    '{"schema":1,"id":"rec-%07d","source":"outlet-%02d","event":"event-%04d",'
                    '"tokens":%d,"quote_tokens":%d,"categories":{%s},'
                    '"epistemic":{"certainty":%.10g},'
                    '"attribution":{"quotations":%d,"attributed":%d,"anonymous":%d,'
                    '"neutral_verbs":%d,"loaded_verbs":%d,"scare_quotes":%d}%s}\n'
                    % (written + r + 1, group[r] + 1, event[r], t, quote_tokens[r], cs,
                       certainty[r], quotations[r], attributed[r], anonymous[r],
                       attributed[r] - loaded[r], loaded[r], scare[r],
                       ',"provenance":{"compact":true}' if a.compact else ""))
            out.write("".join(lines))
            written += n


if __name__ == "__main__":
    main()
