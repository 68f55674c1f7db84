"""The seeds' README names the language a careful reader sees in the two articles; each
named match must be in `slant score --evidence` output, and its byte offsets must point at
exactly its surface form in the file as received. Reads the JSON Lines on stdin."""
import json
import sys

# (seed file, surface form as it stands in the text, category it must be counted in).
# Since lexicon 0.3.0 what happened is subject matter (violence, harm: "attacked",
# "injuries", "civilians") and how it is told is loaded (the rest); docs/lexicons.md.
EXPECTED = [
    ("000", "radicals", "pejorative_labels"),
    ("000", "brutally", "intensifiers"),
    ("000", "attacked", "violence"),
    ("000", "injuries", "harm"),
    ("000", "hospitalizations", "harm"),
    ("000", "provocation", "aggression_blame"),
    ("000", "provocations", "aggression_blame"),
    ("000", "occupation", "contested_terms"),
    ("000", "occupied", "contested_terms"),
    ("000", "hate crime", "victimhood"),
    ("000", "peaceful protests", "victimhood"),
    ("000", "ceasefire violation", "aggression_blame"),
    ("000", "claiming", "report_loaded"),
    ("001", "liberated", "legitimizing"),
    ("001", "smear campaign", "delegitimizing"),
    ("001", "illegal regime", "delegitimizing"),
    ("001", "anti-terrorist operation", "contested_terms"),
    ("001", "notorious", "pejorative_labels"),
    ("001", "condemn", "moral_condemnation"),
    ("001", "civilians", "harm"),
]

failures = 0
records = [json.loads(line) for line in sys.stdin]
for seed, surface, category in EXPECTED:
    rec = next(r for r in records if r["file"].split("/")[-1].startswith(seed))
    data = open(rec["file"], "rb").read()
    hits = [e for e in rec["evidence"] if e["surface"] == surface and e["category"] == category]
    if not hits:
        print(f"FAIL seed {seed}: no {category} match for {surface!r}")
        failures += 1
        continue
    for e in hits:
        got = data[e["start"]:e["end"]].decode("utf-8")
        if got != surface:
            print(f"FAIL seed {seed}: offsets {e['start']}-{e['end']} hold {got!r}, not {surface!r}")
            failures += 1
# Every evidence item, not only the named ones, must point at its surface form.
for rec in records:
    data = open(rec["file"], "rb").read()
    for e in rec["evidence"]:
        if data[e["start"]:e["end"]].decode("utf-8") != e["surface"]:
            print(f"FAIL {rec['id']}: evidence {e} does not match the file's bytes")
            failures += 1
sys.exit(1 if failures else 0)
