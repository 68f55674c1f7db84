"""Checks real slant output against docs/schema/*.schema.json, and the schemas themselves.

  validate.py schemas                     both schemas are valid draft 2020-12 schemas
  validate.py score FILE [EXPECT...]      every line of FILE is a valid score record, the
                                          numbers agree with each other (score.md), and
                                          each EXPECT holds for the file
  validate.py compare FILE [EXPECT...]    FILE is a valid compare object, and each EXPECT
  validate.py sentences FILE [EXPECT...]  every line of FILE is a valid sentence record
                                          (score --sentences), the numbers agree with each
                                          other, and its bytes are the file's
  validate.py broken SCORE COMPARE [SENTENCES]  copies of a good record and a good object
                                          (and a good sentence record), each broken in one
                                          way, are all rejected

EXPECT for score: evidence, no-evidence, fields, no-fields, contested, records=N,
compact=FULL (the records are compact, and each, expanded by the rule of score.md
"Compact records", is the record of the same line of FILE FULL, a full run's output).
EXPECT for sentences: records=N, default-weights (the index is the count of the index
categories' matches per 1,000 words).
EXPECT for compare: has=a+b (these tables are there), not=a+b (these are not), event,
perm, boot, keyness-contested-only (scores without entry counts or evidence: only the
contested variants the records list have a keyness), keyness-entries (keyness of lexicon
entries too).
Prints one line per failure and ends with "N passed, N failed"; exits 1 on failure.
"""
import copy
import json
import os
import re
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_DIR = os.path.join(HERE, "..", "..", "docs", "schema")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402
from index_fixture import counted  # noqa: E402

TALLY = Tally("notebooks")
check = TALLY.check


def validator(name):
    with open(os.path.join(SCHEMA_DIR, name + ".schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(v, obj):
    return sorted(v.iter_errors(obj), key=lambda e: list(e.absolute_path))


def describe(errs):
    return "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:160]}"
                     for e in errs[:3])


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def schema_check(v, objs, name, what):
    """Two checks: no member the schema does not know (a new field: to be documented in
    docs/schema/*.md and then added to the schema, not waved through), and every known
    member right. Returns, per object, whether its known members are right."""
    unknown, wrong, valid = {}, [], []
    for i, obj in enumerate(objs, 1):
        errs = errors(v, obj)
        extra = [e for e in errs if e.validator == "additionalProperties"]
        for e in extra:
            where = re.sub(r"/\d+(?=/|$)", "/*", "/".join(map(str, e.absolute_path))) or "(top)"
            where = re.sub(r"^categories/[^/]+", "categories/*", where)
            props = set(e.instance) - set(e.schema.get("properties", {}))
            unknown.setdefault(where, set()).update(props)
        rest = [e for e in errs if e.validator != "additionalProperties"]
        if rest:
            wrong.append((i, rest))
        valid.append(not rest)
    check(not unknown, f"{name}: members not in the schema (undocumented?): " +
          "; ".join(f"{w}: {sorted(p)}" for w, p in sorted(unknown.items())))
    check(not wrong, f"{name}: {len(wrong)} of {len(objs)} {what} have wrong or missing "
                     f"members, first #{wrong[0][0] if wrong else 0}: "
                     f"{describe(wrong[0][1]) if wrong else ''}")
    return valid


def index_invariants(r, author_tokens):
    """The loaded-language index (score.md): its three values agree with each other."""
    bad = []
    t, q = r["tokens"], r["quote_tokens"]
    x, a, qu = r["loaded_index"], r["loaded_index_author"], r["loaded_index_quoted"]
    if (x is None) != (t == 0) or (a is None) != (author_tokens == 0) or (qu is None) != (q == 0):
        bad.append(f"index null where a part has words, or a number where it has none")
    elif t and not close(x * t, (a or 0) * author_tokens + (qu or 0) * q):
        bad.append(f"loaded_index {x} * {t} != author {a} * {author_tokens} + quoted {qu} * {q}")
    return bad


def score_invariants(r):
    """What score.md says about the numbers, beyond types: returns a list of problems."""
    bad = index_invariants(r, r["tokens"] - r["quote_tokens"])
    t = r["tokens"]
    for cid, c in r["categories"].items():
        if c["author"] + c["quoted"] != c["count"]:
            bad.append(f"{cid}: author + quoted != count")
        if c["lead"] > c["count"]:
            bad.append(f"{cid}: lead > count")
        if t and not close(c["rate"], 1000 * c["count"] / t):
            bad.append(f"{cid}: rate {c['rate']} != 1000*{c['count']}/{t}")
    at = r["epistemic"]["author_tokens"]
    if at != t - r["quote_tokens"]:
        bad.append(f"epistemic.author_tokens {at} != tokens - quote_tokens")
    parts = {"author_rate": ("author", at), "quoted_rate": ("quoted", r["quote_tokens"]),
             "headline_rate": ("headline", r["headline_tokens"]),
             "lead_rate": ("lead", r["lead_tokens"])}
    for cid, c in r["categories"].items():
        got = dict((k, (c[n], w)) for k, (n, w) in parts.items())
        got["body_rate"] = (c["count"] - c["lead"], t - r["lead_tokens"])
        for k, (n, w) in got.items():
            if (c[k] is None) != (w == 0) or (w and not close(c[k], 1000 * n / w)):
                bad.append(f"{cid}.{k} {c[k]} != 1000*{n}/{w}")
    for k in ("hedges", "assertives", "factives"):
        v, n = r["epistemic"][k], r["categories"][k]["author"] if k in r["categories"] else None
        if n is not None and at and not close(v, 1000 * n / at):
            bad.append(f"epistemic.{k} {v} != 1000*{n}/{at}")
    if "hedges" in r["categories"] and "assertives" in r["categories"]:
        h, a = r["categories"]["hedges"]["author"], r["categories"]["assertives"]["author"]
        if not close(r["epistemic"]["certainty"], (a - h) / (a + h) if a + h else 0):
            bad.append(f"certainty {r['epistemic']['certainty']} from {a} assertives, {h} hedges")
    att, qs = r["attribution"], r["quotations"]
    for k, n in (("quotations", len(qs)), ("scare_quotes", len(r["scare_quotes"])),
                 ("so_called", len(r["so_called"])),
                 ("attributed", sum(q["speaker"] is not None for q in qs)),
                 ("continued", sum(q["continued"] for q in qs)),
                 ("anonymous", sum(q["anonymous"] for q in qs))):
        if att[k] != n:
            bad.append(f"attribution.{k} {att[k]}, the lists say {n}")
    for span in qs + r["scare_quotes"] + r["so_called"]:
        if span["end"] <= span["start"]:
            bad.append(f"an empty span {span['start']}..{span['end']}")
    for q in qs:
        if (q["verb"] is None) != (q["verb_kind"] is None):
            bad.append(f"quotation at {q['start']}: verb and verb_kind disagree")
    for aid, x in r["actors"].items():
        for k in ("sentence", "window"):
            if set(x[k]) != set(r["categories"]):
                bad.append(f"actors.{aid}.{k} is not keyed by the categories")
    if t and r["coverage"] is not None and r["coverage"] > 1:
        bad.append("coverage > 1")
    if r["quote_tokens"] > t or r["lead_tokens"] > t:
        bad.append("quote_tokens or lead_tokens > tokens")
    per_entry = {}
    for cid, entry, n in r["entries"]:
        if (cid, entry) in per_entry:
            bad.append(f"entries: {cid} {entry!r} listed twice")
        per_entry[(cid, entry)] = n
    for cid, c in r["categories"].items():
        n = sum(v for (k, _), v in per_entry.items() if k == cid)
        if n != c["count"]:
            bad.append(f"{cid}: its entries count {n} matches, count {c['count']}")
    if "evidence" in r:
        texts = [(m["category"], m["entry"]) for m in r["evidence"]
                 if m["field"] == "text" and "stance" not in m]
        firsts = list(dict.fromkeys(texts))
        counted_ = [[c, e, texts.count((c, e))] for c, e in firsts]
        if counted_ != r["entries"]:
            bad.append("entries are not the text evidence's entries in first-match order")
        per = {}
        for m in r["evidence"]:
            if m["end"] <= m["start"]:
                bad.append(f"evidence {m['start']}..{m['end']} is empty")
            per[(m["field"], m["category"])] = per.get((m["field"], m["category"]), 0) + 1
        for cid, c in r["categories"].items():
            if per.get(("text", cid), 0) != c["count"]:
                bad.append(f"{cid}: {per.get(('text', cid), 0)} text matches, count {c['count']}")
            if per.get(("title", cid), 0) != c["headline"]:
                bad.append(f"{cid}: title matches != headline")
        uses = {}
        for v in r["contested"]:
            uses[v["concept"]] = uses.get(v["concept"], 0) + v["count"]
        for concept, n in uses.items():
            if per.get(("text", concept), 0) != n:
                bad.append(f"contested {concept}: {n} uses, "
                           f"{per.get(('text', concept), 0)} text matches")
    if r["file"].endswith((".jsonl", ".ndjson")) != ("line" in r):
        bad.append("'line' is not there exactly for JSON Lines input")
    return bad


CATEGORY_MEMBERS = ("count", "rate", "score", "author", "quoted", "negated", "boosted",
                    "diminished", "lead", "headline", "author_rate", "quoted_rate",
                    "headline_rate", "lead_rate", "body_rate")
ACTOR_COUNTS = ("mentions", "quotes", "quoted_words", "agent", "patient")


def expand(r):
    """A compact record as the full record, by the rule score.md states (written here from
    the document, not from the C code): null metadata, empty lists, and 0 for every
    member a category or an actor leaves out."""
    if not r.get("provenance", {}).get("compact"):
        return r
    r = copy.deepcopy(r)
    del r["provenance"]["compact"]
    for k in ("date", "title", "url", "event"):
        r.setdefault(k, None)
    for k in ("contested", "quotations", "scare_quotes", "so_called"):
        r.setdefault(k, [])
    for c in r["categories"].values():
        for k in CATEGORY_MEMBERS:
            c.setdefault(k, 0)
    for a in r["actors"].values():
        for k in ACTOR_COUNTS:
            a.setdefault(k, 0)
        for k in ("sentence", "window"):
            table = a.setdefault(k, {})
            for cid in r["categories"]:
                table.setdefault(cid, 0)
    return r


def cmd_score(path, expects):
    v = validator("score")
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    recs = []
    for i, line in enumerate(lines, 1):
        try:
            recs.append(json.loads(line))
        except ValueError as e:
            check(False, f"{path}:{i}: not JSON: {e}")
    name = os.path.basename(path)
    check(len(recs) > 0, f"{name}: no records")
    valid = schema_check(v, recs, name, "records")
    inv = [(r["id"], p) for r, ok in zip(recs, valid) if ok
           for p in score_invariants(expand(r))]
    check(not inv, f"{name}: numbers disagree with score.md: {inv[:3]}")
    for e in expects:
        if e == "evidence":
            check(all("evidence" in r for r in recs), f"{name}: a record without evidence")
            check(any(r.get("evidence") for r in recs), f"{name}: no matches at all")
        elif e == "no-evidence":
            check(not any("evidence" in r for r in recs), f"{name}: evidence without --evidence")
        elif e == "fields":
            check(all("fields" in r for r in recs), f"{name}: a record without fields")
            check(any(v is None for r in recs for v in r.get("fields", {}).values()),
                  f"{name}: no absent kept field (null)")
            check(any(r["tokens"] == 0 for r in recs), f"{name}: no empty article (null rates)")
        elif e == "no-fields":
            check(not any("fields" in r for r in recs), f"{name}: fields without --keep")
        elif e == "contested":
            check(any(r["contested"] for r in recs), f"{name}: no contested variants")
        elif e.startswith("records="):
            check(len(recs) == int(e[8:]), f"{name}: {len(recs)} records, expected {e[8:]}")
        elif e.startswith("compact="):
            with open(e[8:], encoding="utf-8") as f:
                fulls = [json.loads(line) for line in f]
            check(all(r["provenance"].get("compact") is True for r in recs),
                  f"{name}: a record without provenance.compact")
            check(len(fulls) == len(recs), f"{name}: {len(recs)} records, the full run "
                                           f"{len(fulls)}")
            differ = [r["id"] for r, x in zip(recs, fulls) if expand(r) != x]
            check(not differ, f"{name}: expanded, not the full records: {differ[:3]}")
            size, full_size = os.path.getsize(path), os.path.getsize(e[8:])
            check(size < full_size, f"{name}: {size} bytes, not less than the full {full_size}")
        else:
            check(False, f"unknown expectation {e}")


def sentence_invariants(r, data):
    """What score.md says about a sentence record; `data` is its file's bytes or None."""
    bad = index_invariants(r, r["tokens"] - r["quote_tokens"])
    if r["quote_tokens"] > r["tokens"]:
        bad.append("quote_tokens > tokens")
    if data is not None and data[r["start"]:r["end"]].decode("utf-8", "replace") != r["text"]:
        bad.append(f"bytes {r['start']}..{r['end']} of {r['file']} are not its text")
    per = {}
    for m in r["matches"]:
        if m["field"] != "text" or m["sentence"] != r["sentence"]:
            bad.append(f"match at {m['start']} is not of this sentence's text")
        if not r["start"] <= m["start"] < m["end"] <= r["end"]:
            bad.append(f"match {m['start']}..{m['end']} outside {r['start']}..{r['end']}")
        if m["category"] in r["categories"]:
            k = "quoted" if m["in_quote"] else "author"
            per.setdefault(m["category"], {"count": 0, "author": 0, "quoted": 0})
            per[m["category"]]["count"] += 1
            per[m["category"]][k] += 1
    if per != r["categories"]:
        bad.append(f"categories {r['categories']} are not the matches' {per}")
    return bad


def cmd_sentences(path, expects):
    v = validator("sentence")
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    check(len(recs) > 0, f"{name}: no records")
    valid = schema_check(v, recs, name, "records")
    files, inv, prev = {}, [], None
    for r, ok in zip(recs, valid):
        if not ok:
            continue
        data = None
        if not r["file"].endswith((".jsonl", ".ndjson")) and r["file"] != "-":
            if r["file"] not in files:
                with open(r["file"], "rb") as f:
                    files[r["file"]] = f.read()
            data = files[r["file"]]
        inv += [(r["id"], r["sentence"], p) for p in sentence_invariants(r, data)]
        if prev and prev["id"] == r["id"] and prev["file"] == r["file"]:
            if r["sentence"] != prev["sentence"] + 1 or r["start"] < prev["end"]:
                inv.append((r["id"], r["sentence"], "not in order after the previous sentence"))
        elif r["sentence"] != 0:
            inv.append((r["id"], r["sentence"], "an article's first sentence is not 0"))
        prev = r
    check(not inv, f"{name}: numbers disagree with score.md: {inv[:3]}")
    for e in expects:
        if e.startswith("records="):
            check(len(recs) == int(e[8:]), f"{name}: {len(recs)} records, expected {e[8:]}")
        elif e == "default-weights":
            # The shipped lexicon's index categories in manifest order; the index counts a
            # stretch of words once (tests/index_fixture.py applies the rule).
            with open("lexicons/en/lexicon.json", encoding="utf-8") as f:
                order = [c["id"] for c in json.load(f)["categories"]
                         if c["group"] in ("loaded", "contested")]
            bad = [(r["id"], r["sentence"]) for r in recs if not close(
                r["loaded_index"] * r["tokens"] / 1000, len(counted(r["matches"], order)))]
            check(not bad, f"{name}: the default index is not the index categories' matches "
                           f"per 1,000 words: {bad[:3]}")
            check(all(r["provenance"]["weights"] == "default" for r in recs),
                  f"{name}: provenance does not say the weights are the default")
        else:
            check(False, f"unknown expectation {e}")


def cmd_compare(path, expects):
    v = validator("compare")
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    schema_check(v, [doc], name, "objects")
    compared = {g["name"] for g in doc.get("groups", []) if g.get("compared")}
    named = {r[k] for rows in doc.get("tables", {}).values() for r in rows
             for k in ("group", "reference") if k in r} - {"rest"}
    check(named <= compared, f"{name}: tables name groups not compared: {named - compared}")
    fams = {f["name"]: f["tests"] for f in doc.get("families", [])}
    for fam, table, col in [("pairs/welch_t", "pairs", "welch_p"),
                            ("pairs/mann_whitney", "pairs", "mwu_p"),
                            ("keyness/vs_rest", "keyness", "rest"),
                            ("keyness/pairs", "keyness", "pairs"),
                            ("keyness/vs_rest_articles", "keyness", "rest_articles"),
                            ("keyness/pairs_articles", "keyness", "pairs_articles"),
                            ("events/paired_t", "events", "paired_p")]:
        rows = doc.get("tables", {}).get(table, [])
        selected = False
        if table == "keyness":  # Fisher's p where computed, else G²'s; two families
            rest = col.startswith("rest")
            rows = [dict(r, p=r["fisher_p"] if r["fisher_p"] is not None else r["g2_p"])
                    for r in rows if (r["reference"] == "rest") == rest]
            col = "art_p" if col.endswith("_articles") else "p"
            # the default writes a selection of the rows: the family holds them all
            selected = doc.get("keyness_rows", {}).get("left_out", 0) > 0
        if fam in fams:
            n = sum(r[col] is not None for r in rows)
            check(fams[fam] >= n if selected else fams[fam] == n,
                  f"{name}: family {fam} says {fams[fam]} tests, {table} has {n} defined {col}"
                  f"{' of a selection' if selected else ''}")
    tables = doc.get("tables", {})
    for e in expects:
        if e.startswith("has="):
            want = set(e[4:].split("+"))
            check(want <= set(tables), f"{name}: tables {sorted(tables)}, lacks {sorted(want)}")
        elif e.startswith("not="):
            bad = set(e[4:].split("+")) & set(tables)
            check(not bad, f"{name}: has the tables {sorted(bad)}")
        elif e == "keyness-contested-only":
            bad = [r["entry"] for r in tables.get("keyness", [])
                   if not r["entry"].startswith("contested/")]
            check(not bad, f"{name}: keyness of entries without evidence: {bad[:3]}")
        elif e == "keyness-entries":
            check(any(not r["entry"].startswith("contested/") for r in tables.get("keyness", [])),
                  f"{name}: no keyness of lexicon entries")
        elif e == "event":
            check(doc.get("event") is not None and "events" in tables, f"{name}: no events")
        elif e == "perm":
            check(any(r["perm_p"] is not None for r in tables.get("pairs", [])),
                  f"{name}: no permutation p-values")
        elif e == "boot":
            check(any(r["boot_low"] is not None for r in tables.get("summary", [])),
                  f"{name}: no bootstrap intervals")
        else:
            check(False, f"unknown expectation {e}")


def cmd_broken_sentences(path):
    """A good sentence record, broken in one way each, is rejected."""
    v = validator("sentence")
    sv = validator("score")
    for d in ("match", "provenance"):
        check(v.schema["$defs"][d] == sv.schema["$defs"][d],
              f"sentence.schema.json's $defs/{d} differs from score.schema.json's")
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    good = next((r for r in recs if r["matches"] and r["categories"] and r["quote_tokens"]
                 and r["quote_tokens"] < r["tokens"]), None)
    if not check(good is not None and not errors(v, good),
                 "broken: a valid sentence record with matches and quoted words"):
        return
    cat = next(iter(good["categories"]))
    breaks = {
        "schema 2": lambda r: r.update(schema=2),
        "start missing": lambda r: r.pop("start"),
        "end 0": lambda r: r.update(end=0),
        "tokens 0": lambda r: r.update(tokens=0),
        "text empty": lambda r: r.update(text=""),
        "loaded_index null": lambda r: r.update(loaded_index=None),
        "loaded_index a string": lambda r: r.update(loaded_index="1"),
        "loaded_index_quoted null with quoted words": lambda r: r.update(loaded_index_quoted=None),
        "a category count 0": lambda r: r["categories"][cat].update(count=0),
        "a category without quoted": lambda r: r["categories"][cat].pop("quoted"),
        "a match extra member": lambda r: r["matches"][0].update(lemma="x"),
        "an unknown member": lambda r: r.update(evidence=[]),
        "weights unknown word": lambda r: r["provenance"].update(weights="fitted"),
        "weights without hash": lambda r: r["provenance"].update(weights={"file": "w.json"}),
    }
    for what, f in breaks.items():
        r = copy.deepcopy(good)
        f(r)
        check(bool(errors(v, r)), f"sentence schema accepts a record with {what}")


def cmd_broken(score_path, compare_path):
    """Each breakage must be rejected: the schemas are only worth something if they fail."""
    sv, cv = validator("score"), validator("compare")
    with open(score_path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    # Members the schema does not know are reported by the 'score' checks; here they are
    # dropped, so that the breakages test the schema whatever the output gained.
    known = set(sv.schema["properties"])
    known_cat = set(sv.schema["$defs"]["category"]["properties"])

    def known_only(r):
        r = {k: v for k, v in r.items() if k in known}
        r["categories"] = {c: {k: v for k, v in x.items() if k in known_cat}
                           for c, x in r["categories"].items()}
        return r

    recs = [known_only(r) for r in recs]
    good = next(r for r in recs if r["tokens"] > 0 and r.get("evidence") and r["contested"]
                and "line" not in r and r["quotations"] and r["scare_quotes"]
                and r["headline_tokens"] and r["epistemic"]["author_tokens"])
    empty = next((r for r in recs if r["tokens"] == 0), None)
    with open(compare_path, encoding="utf-8") as f:
        doc = json.load(f)
    if not check(not errors(sv, good), "broken: the unbroken score record is valid "
                                        "(the breakages of records are not tried)"):
        sv = None
    if not check(not errors(cv, doc), "broken: the unbroken compare object is valid "
                                      "(the breakages of objects are not tried)"):
        cv = None
    cat = next(iter(good["categories"]))

    def s(f):
        r = copy.deepcopy(good)
        f(r)
        return r

    def c(f):
        d = copy.deepcopy(doc)
        f(d)
        return d

    score_breaks = {
        "schema 2": lambda r: r.update(schema=2),
        "tokens missing": lambda r: r.pop("tokens"),
        "tokens as a string": lambda r: r.update(tokens=str(r["tokens"])),
        "tokens negative": lambda r: r.update(tokens=-1),
        "quotes a float": lambda r: r.update(quotes=1.5),
        "coverage null with words": lambda r: r.update(coverage=None),
        "id null": lambda r: r.update(id=None),
        "lang null": lambda r: r.update(lang=None),
        "source a number": lambda r: r.update(source=3),
        "an unknown member": lambda r: r.update(framing={"x": 1}),
        "fields without line": lambda r: r.update(fields={"outlet": "x"}),
        "line zero": lambda r: r.update(line=0),
        "category member missing": lambda r: r["categories"][cat].pop("quoted"),
        "category rate null with words": lambda r: r["categories"][cat].update(rate=None),
        "category count a string": lambda r: r["categories"][cat].update(count="1"),
        "category extra member": lambda r: r["categories"][cat].update(framing=0),
        "category id with capitals": lambda r: r["categories"].update(Bad=r["categories"][cat]),
        "contested not a list": lambda r: r.update(contested={}),
        "entries missing": lambda r: r.pop("entries"),
        "entries count 0": lambda r: r["entries"].append([cat, "x", 0]),
        "entries as an object": lambda r: r.update(entries={cat: {"x": 1}}),
        "entries of four items": lambda r: r["entries"].append([cat, "x", 1, 1]),
        "contested variant count 0": lambda r: r["contested"][0].update(count=0),
        "contested without stance": lambda r: r["contested"][0].pop("stance"),
        "provenance hash malformed": lambda r: r["provenance"].update(lexicon_hash="abc"),
        "provenance member missing": lambda r: r["provenance"].pop("stemmer"),
        "evidence field unknown": lambda r: r["evidence"][0].update(field="body"),
        "evidence negated a string": lambda r: r["evidence"][0].update(negated="false"),
        "evidence start missing": lambda r: r["evidence"][0].pop("start"),
        "evidence extra member": lambda r: r["evidence"][0].update(lemma="x"),
        "evidence stance null": lambda r: r["evidence"][0].update(stance=None),
        "window 0": lambda r: r.update(window=0),
        "loaded_index null with words": lambda r: r.update(loaded_index=None),
        "loaded_index_author a string": lambda r: r.update(loaded_index_author="1"),
        "loaded_index_quoted missing": lambda r: r.pop("loaded_index_quoted"),
        "provenance weights missing": lambda r: r["provenance"].pop("weights"),
        "provenance weights hash malformed": lambda r: r["provenance"].update(
            weights={"file": "w.json", "hash": "abc"}),
        "epistemic missing": lambda r: r.pop("epistemic"),
        "certainty 1.5": lambda r: r["epistemic"].update(certainty=1.5),
        "certainty null": lambda r: r["epistemic"].update(certainty=None),
        "hedges rate null with author words": lambda r: r["epistemic"].update(hedges=None),
        "attribution member missing": lambda r: r["attribution"].pop("speakers"),
        "attribution count a float": lambda r: r["attribution"].update(quotations=1.5),
        "quotation verb_kind unknown": lambda r: r["quotations"][0].update(verb_kind="biased"),
        "quotation closed null": lambda r: r["quotations"][0].update(closed=None),
        "quotation extra member": lambda r: r["quotations"][0].update(tone="x"),
        "scare quote without text": lambda r: r["scare_quotes"].append({"start": 1, "end": 2,
                                                                         "in_quote": False}),
        "so_called in_quote": lambda r: r["so_called"].append({"start": 1, "end": 2,
                                                                "text": "x", "in_quote": True}),
        "actor neither mentioned nor quoted": lambda r: r["actors"].update(
            x={"mentions": 0, "quotes": 0, "quoted_words": 0, "agent": 0, "patient": 0,
               "sentence": {}, "window": {}}),
        "actor window count null": lambda r: r["actors"].update(
            x={"mentions": 1, "quotes": 0, "quoted_words": 0, "agent": 0, "patient": 0,
               "sentence": {}, "window": {"violence": None}}),
        "category author_rate a string": lambda r: r["categories"][cat].update(author_rate="1"),
        "category body_rate missing": lambda r: r["categories"][cat].pop("body_rate"),
        "headline_rate null with a headline": lambda r: r["categories"][cat].update(
            headline_rate=None),
    }
    for what, f in score_breaks.items() if sv else ():
        check(bool(errors(sv, s(f))), f"score schema accepts a record with {what}")
    if sv and check(empty is not None, "the broken-record input has an empty article"):
        e1 = copy.deepcopy(empty)
        e1["coverage"] = 0
        check(bool(errors(sv, e1)), "score schema accepts coverage 0 for an article with no words")
        for what, f in {
            "rate 0": lambda r: r["categories"][cat].update(rate=0),
            "quoted_rate 0": lambda r: r["categories"][cat].update(quoted_rate=0),
            "lead_rate 0": lambda r: r["categories"][cat].update(lead_rate=0),
            "headline_rate 0": lambda r: r["categories"][cat].update(headline_rate=0),
            "epistemic hedges 0": lambda r: r["epistemic"].update(hedges=0),
            "loaded_index 0": lambda r: r.update(loaded_index=0),
            "loaded_index_author 0": lambda r: r.update(loaded_index_author=0),
        }.items():
            e2 = copy.deepcopy(empty)
            f(e2)
            check(bool(errors(sv, e2)), f"score schema accepts {what} for an article with no "
                                        "words")

    def pair0(d):
        return d["tables"]["pairs"][0]

    compare_breaks = {
        "kind other": lambda d: d.update(kind="score"),
        "schema 2": lambda d: d.update(schema=2),
        "groups missing": lambda d: d.pop("groups"),
        "an unknown member": lambda d: d.update(framing=[]),
        "correction unknown": lambda d: d.update(correction="bonferroni"),
        "pairs mode unknown": lambda d: d.update(pairs="some"),
        "level 95": lambda d: d.update(level=95),
        "seed a string": lambda d: d.update(seed="1"),
        "by null": lambda d: d.update(by=None),
        "group compared a string": lambda d: d["groups"][0].update(compared="true"),
        "family tests null": lambda d: d["families"][0].update(tests=None),
        "family with another correction": lambda d: d["families"][0].update(correction="holm"),
        "an unknown table": lambda d: d["tables"].update(framing=[{"group": "x"}]),
        "an empty table": lambda d: d["tables"].update(drivers=[]),
        "mwu_method unknown": lambda d: pair0(d).update(mwu_method="asymptotic"),
        "mwu_method null": lambda d: pair0(d).update(mwu_method=None),
        "n_a null": lambda d: pair0(d).update(n_a=None),
        "n_a a float": lambda d: pair0(d).update(n_a=12.5),
        "welch_p above 1": lambda d: pair0(d).update(welch_p=1.5),
        "welch_q a string": lambda d: pair0(d).update(welch_q="0.01"),
        "hedges_g missing": lambda d: pair0(d).pop("hedges_g"),
        "cliffs_delta 2": lambda d: pair0(d).update(cliffs_delta=2),
        "a pairs row with entry": lambda d: pair0(d).update(entry="violence:x"),
        "pairs row group null": lambda d: pair0(d).update(group=None),
        "perm_p without permutations": lambda d: pair0(d).update(perm_p=0.5),
        "boot_low without bootstrap, n of 30 or more":
            lambda d: d["tables"]["summary"][0].update(boot_low=1.0, n=30),
        "summary n null": lambda d: d["tables"]["summary"][0].update(n=None),
        "indicator with a space": lambda d: d["tables"]["summary"][0].update(indicator="a b"),
        "events without --event": lambda d: d["tables"].update(events=[{}]),
        "keyness entry without category": lambda d: d["tables"]["keyness"][0].update(entry="kill"),
        "keyness count_a null": lambda d: d["tables"]["keyness"][0].update(count_a=None),
        "drivers rate a string": lambda d: d["tables"]["drivers"][0].update(rate_a="1"),
        "omnibus kruskal_df fractional": lambda d: d["tables"]["omnibus"][0].update(kruskal_df=1.5),
        "pairs none with a pairs table": lambda d: d.update(pairs="none"),
        "vs-rest with a pair of groups": lambda d: d.update(pairs="vs-rest"),
    }
    def summary_of(indicator):
        def get(d):
            return next(r for r in d["tables"]["summary"] if r["indicator"] == indicator)
        return get

    # The documented ranges of indicator values (compare.md).
    for ind, stat, value in [("certainty", "mean", 1.5), ("certainty", "q1", -2),
                             ("quote_share", "median", 1.2), ("attributed_share", "q3", 1.01),
                             ("violence", "mean", -0.5), ("scare_quote_rate", "q1", -1)]:
        present = any(r["indicator"] == ind for r in doc["tables"]["summary"])
        if check(present, f"the compare output has no summary of the documented indicator {ind}"):
            compare_breaks[f"{ind} {stat} {value}"] = \
                lambda d, i=ind, k=stat, v=value: summary_of(i)(d).update({k: v})
    for what, f in compare_breaks.items() if cv else ():
        check(bool(errors(cv, c(f))), f"compare schema accepts an object with {what}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    try:
        if cmd == "schemas":
            for name in ("score", "compare", "sentence"):
                validator(name)
                check(True, name)
        elif cmd == "score":
            cmd_score(sys.argv[2], sys.argv[3:])
        elif cmd == "compare":
            cmd_compare(sys.argv[2], sys.argv[3:])
        elif cmd == "sentences":
            cmd_sentences(sys.argv[2], sys.argv[3:])
        elif cmd == "broken":
            cmd_broken(sys.argv[2], sys.argv[3])
            if len(sys.argv) > 4:
                cmd_broken_sentences(sys.argv[4])
        else:
            sys.exit(__doc__)
    except Exception as e:  # a crash is one failure, with its reason
        check(False, f"{cmd} {' '.join(sys.argv[2:3])}: {type(e).__name__}: {e}")
    TALLY.finish()


if __name__ == "__main__":
    main()
