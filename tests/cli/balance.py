"""Neutrality, checked: every loaded and contested category of the shipped lexicon
documents, in its file's "Balance:" comment, terms used against each side of at least one
conflict ("Conflict: "a", "b" (against X); "c", "d" (against Y)"), and the category itself
matches at least one term of each side. The terms are scored with the real matcher.
Usage: balance.py SLANT LEXICON_DIR. Exits 1 and names the category on failure."""
import json
import os
import re
import subprocess
import sys
import tempfile

slant, lexdir = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(lexdir, "lexicon.json")))
failures = []
# Degree and negation words (scope roles) carry no side by themselves; they are not checked.
SCOPE_ROLES = ("negator", "booster", "diminisher")


def balance_block(path):
    """The comment lines of the Balance: paragraph, joined; '' if there is none."""
    lines, inside = [], False
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            if inside:
                break
            continue
        text = line[1:].rstrip("\n")
        if text.strip().startswith("Balance"):
            inside = True
        elif inside and (not text.strip() or re.match(r"\s*(Notes|Stemming)\b", text)):
            break
        if inside:
            lines.append(text)
    return " ".join(lines)


def conflicts(block):
    """(name, [side terms], ...) for each "Name: ...; ..." item of the block."""
    items = re.split(r"\s(?=[A-Z][\w -]+(?:-[A-Z][\w]+)*:\s)", block)
    out = []
    for item in items:
        m = re.match(r"\s*([A-Z][^:]{2,60}):\s(.*)", item)
        if not m or m.group(1).startswith("Balance"):
            continue
        sides = [re.findall(r'"([^"]+)"', side) for side in m.group(2).split(";")]
        sides = [s for s in sides if s]
        if len(sides) >= 2:
            out.append((m.group(1), sides))
    return out


checked = 0
with tempfile.TemporaryDirectory() as tmp:
    for cat in manifest["categories"]:
        if cat["group"] not in ("loaded", "contested") or cat.get("role") in SCOPE_ROLES:
            continue
        checked += 1
        found = conflicts(balance_block(os.path.join(lexdir, cat["file"])))
        if not found:
            failures.append(f"{cat['id']}: no conflict with terms on two sides in its Balance note")
            continue
        records = [{"id": f"{i}:{j}:{k}", "text": term}
                   for i, (_, sides) in enumerate(found)
                   for j, side in enumerate(sides) for k, term in enumerate(side)]
        path = os.path.join(tmp, cat["id"] + ".jsonl")
        with open(path, "w") as f:
            f.write("\n".join(json.dumps(r) for r in records) + "\n")
        out = subprocess.run([slant, "score", "-q", "--lexicon", lexdir, "--evidence", path],
                             capture_output=True, text=True, check=True).stdout
        matched = set()
        for line in out.splitlines():
            r = json.loads(line)
            if any(e["category"] == cat["id"] for e in r["evidence"]):
                i, j, _ = r["id"].split(":")
                matched.add((int(i), int(j)))
        balanced = [name for i, (name, sides) in enumerate(found)
                    if all((i, j) in matched for j in range(len(sides)))]
        if not balanced:
            failures.append(f"{cat['id']}: no documented conflict whose every side it matches "
                            f"({[n for n, _ in found]})")
print("\n".join(failures))
print(f"balance: {checked} categories checked, {len(failures)} unbalanced", file=sys.stderr if not failures else sys.stdout)
sys.exit(1 if failures or not checked else 0)
