"""Compares the per-category counts and weighted scores of two `slant score` outputs.

usage: counts.py A.jsonl B.jsonl [--same-hash]

Exits 0 when both files hold the same number of records and, record by record, the same
categories with the same count and score; and when at least one category counted
something (a comparison of two empty results proves nothing). With --same-hash the
records must also name the same lexicon content hash. Prints the differences otherwise.
"""
import json
import sys


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    a_path, b_path = sys.argv[1], sys.argv[2]
    same_hash = "--same-hash" in sys.argv[3:]
    a, b = records(a_path), records(b_path)
    if len(a) != len(b) or not a:
        print(f"{a_path}: {len(a)} records, {b_path}: {len(b)}")
        return 1
    total = 0
    bad = 0
    for i, (x, y) in enumerate(zip(a, b)):
        cx = {k: (v["count"], v["score"]) for k, v in x["categories"].items()}
        cy = {k: (v["count"], v["score"]) for k, v in y["categories"].items()}
        if cx != cy:
            print(f"record {i + 1}: {a_path}: {cx}")
            print(f"record {i + 1}: {b_path}: {cy}")
            bad += 1
        total += sum(c for c, _ in cx.values())
        if same_hash and x["provenance"]["lexicon_hash"] != y["provenance"]["lexicon_hash"]:
            print(f"record {i + 1}: lexicon hashes differ: {x['provenance']['lexicon_hash']} "
                  f"and {y['provenance']['lexicon_hash']}")
            bad += 1
    if total == 0:
        print("nothing was counted: the comparison proves nothing")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
