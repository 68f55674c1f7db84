#!/usr/bin/python3
"""Lists, for every stemmed single-word entry of a lexicon, the dictionary words it matches,
so that an entry whose stem also catches a word of another sense ("scandalous" catching
"scandal", "report" catching "reporter") is seen at once and made exact or a phrase.

usage: tools/stem_audit.py [LEXICON_DIR] [--words FILE] [--min N]
  LEXICON_DIR  default lexicons/en
  --words      a word list, one word per line (default /usr/share/dict/words, Debian's
               wamerican; `tools/setup.sh dev` installs it)
  --min        show entries that match at least N distinct words (default 3)

Each word is scored alone with the real matcher (build/slant score --evidence), so what is
listed is exactly what slant would count. Output: category, entry, number of words, words."""
import collections
import json
import os
import subprocess
import sys
import tempfile

args = sys.argv[1:]
lexdir, words_path, least = "lexicons/en", "/usr/share/dict/words", 3
while args:
    a = args.pop(0)
    if a == "--words":
        words_path = args.pop(0)
    elif a == "--min":
        least = int(args.pop(0))
    elif a.startswith("-"):
        sys.exit(__doc__)
    else:
        lexdir = a
if not os.path.exists(words_path):
    sys.exit(f"stem_audit: no word list at '{words_path}' (install wamerican or pass --words)")
slant = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "slant")
words = sorted({w.strip() for w in open(words_path, encoding="utf-8", errors="replace")
                if w.strip() and w.strip().isalpha() and w.strip().islower()})
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
    for i, w in enumerate(words):
        f.write(json.dumps({"id": str(i), "text": w}) + "\n")
out = subprocess.run([slant, "score", "-q", "--evidence", "--lexicon", lexdir, f.name],
                     capture_output=True, text=True, check=True).stdout
os.unlink(f.name)
matched = collections.defaultdict(set)
for line in out.splitlines():
    for e in json.loads(line).get("evidence", []):
        entry = e["entry"]
        if entry[0] in '="' or entry.endswith("*") or e.get("stance") is not None:
            continue
        matched[(e["category"], entry)].add(e["surface"].lower())
for (cat, entry), ws in sorted(matched.items()):
    if len(ws) >= least:
        print(f"{cat:20} {entry:20} {len(ws):3}  {' '.join(sorted(ws))}")
