"""Entries match the sense they were written for, not a word that shares their stem
(issue: "scandalous" counted the noun "scandal", "report" counted "reporter"), and a word
is counted once as loaded ("brutally" was both violence and intensifiers). Each case is a
made-up sentence, scored with the shipped lexicon; the named word must (or must not) be
counted in the named category. Usage: senses.py SLANT LEXICON_DIR."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from index_fixture import index_groups  # noqa: E402

slant, lexdir = sys.argv[1], sys.argv[2]
# (text, surface, category, expected: True counted / False not counted)
CASES = [
    ("The reporter asked a question.", "reporter", "report_neutral", False),
    ("The police reported two arrests.", "reported", "report_neutral", True),
    ("The scandal grew.", "scandal", "moral_condemnation", False),
    ("It was a scandalous decision.", "scandalous", "moral_condemnation", True),
    ("She was insistent on details.", "insistent", "report_loaded", False),
    ("He insisted the plan was sound.", "insisted", "report_loaded", True),
    ("The gift was made anonymously.", "anonymously", "anonymous_sources", False),
    ("He refused point blank.", "point blank", "violence", False),
    ("They changed radically.", "radically", "pejorative_labels", False),
    ("Radicals gathered outside.", "Radicals", "pejorative_labels", True),
    ("The film grossed millions.", "grossed", "intensifiers", False),
    ("A fire alarm went off.", "alarm", "fear_threat", False),
    ("The premier visited the port.", "premier", "puffery", False),
    ("She was admitted to hospital.", "admitted", "report_loaded", False),
    ("He admitted that he lied.", "admitted that", "report_loaded", True),
    ("Hail fell on the town.", "Hail", "report_loaded", False),
    ("The illegible note was lost.", "illegible", "delegitimizing", False),
    ("Troops attacked the village.", "attacked", "violence", True),
    ("They slaughtered the villagers.", "slaughtered", "harsh_depiction", True),
]
ONCE = [("They brutally attacked.", "brutally")]

index = set(index_groups(f"{lexdir}/lexicon.json"))
texts = [c[0] for c in CASES] + [c[0] for c in ONCE]
records = "\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)) + "\n"
out = subprocess.run([slant, "score", "-q", "--evidence", "--lexicon", lexdir, "-"],
                     input=records, capture_output=True, text=True, check=True).stdout
evidence = {r["id"]: r["evidence"] for r in map(json.loads, out.splitlines())}
failures = 0
for i, (text, surface, cat, want) in enumerate(CASES):
    got = any(e["surface"] == surface and e["category"] == cat for e in evidence[str(i)])
    if got != want:
        failures += 1
        print(f"FAIL {text!r}: {surface!r} {'not ' if want else ''}counted in {cat}")
for j, (text, surface) in enumerate(ONCE, len(CASES)):
    cats = [e["category"] for e in evidence[str(j)] if e["surface"] == surface and e["category"] in index]
    if len(cats) != 1:
        failures += 1
        print(f"FAIL {text!r}: {surface!r} counted in {len(cats)} index categories {cats}, not 1")
print(f"senses: {len(CASES) + len(ONCE)} cases, {failures} failed", file=sys.stderr)
sys.exit(1 if failures else 0)
