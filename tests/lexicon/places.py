"""Checks the output of `slant lexicon list` (without --match): each entry line names a
FILE:LINE whose line holds the entry as listed (for an imported file, the entry's text as
the input writes it, which may differ in case and syntax: then its words must be there).

usage: places.py < listing
Exits 0 when every line checks out and there was at least one entry.
"""
import re
import sys


def words(s):
    return [w for w in re.split(r"[^\w'-]+", s.lower()) if w]


def main():
    lines = sys.stdin.read().splitlines()
    if not lines or not lines[0].startswith("category"):
        print("no header line")
        return 1
    n = 0
    for row in lines[1:]:
        cells = re.split(r" {2,}", row.strip())
        if len(cells) != 5:
            print(f"not five columns: {row}")
            return 1
        entry, place = cells[3], cells[4]
        if "(concept '" in place:
            continue  # a contested concept's variant in variants.json: no line of its own
        path, _, line = place.rpartition(":")
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read().splitlines()[int(line) - 1]
        want = [w.strip("=\"*") for w in words(entry)]
        have = " ".join(words(text))
        if not all(w in have for w in want if w):
            print(f"{place}: '{text}' does not hold the entry {entry}")
            return 1
        n += 1
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
