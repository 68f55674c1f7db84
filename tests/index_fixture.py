"""Score records with and without the loaded-language index, for the compare and report
tests.

`slant score` writes the index (docs/schema/score.md). strip_index() makes records as
slant wrote them before it had one, so that compare and the report are tested on older
records too; add_index() computes the three members again, independently of slant's C code,
as the shared definition says: with every weight 1, the matches of the
categories of groups loaded and contested (concepts and actors are not categories of a
record) per 1,000 words, the author's voice per 1,000 words outside quotations and quoted
speech per 1,000 quoted words; null when the denominator is 0. The members go right
after the size members, where score writes them. Scripts import it with tests/ on
sys.path.
"""

import json


def index_groups(lexicon_json="lexicons/en/lexicon.json"):
    """The ids of the index categories of a lexicon, in its order: groups loaded and
    contested."""
    with open(lexicon_json) as f:
        return [c["id"] for c in json.load(f)["categories"]
                if c.get("group") in ("loaded", "contested")]


def counted(evidence, categories):
    """The evidence entries the index counts: a stretch of words once. An entry is left out
    when an entry of another index category covers its bytes and is longer, or covers the
    same bytes and its category comes first in the lexicon (analyzer/index.h)."""
    order = {c: i for i, c in enumerate(categories)}
    mine = [e for e in evidence if e["category"] in order and e.get("field", "text") == "text"]

    def shadowed(k):
        return any(j["category"] != k["category"] and j["start"] <= k["start"]
                   and j["end"] >= k["end"]
                   and ((j["end"] - j["start"]) > (k["end"] - k["start"])
                        or order[j["category"]] < order[k["category"]])
                   for j in mine)
    return [e for e in mine if not shadowed(e)]


def with_index(record, categories):
    """`record` (a dict) with loaded_index, loaded_index_author and loaded_index_quoted.
    With evidence the overlap rule is applied; without, every match counts (exact only
    when no two index categories match the same words)."""
    if "evidence" in record:
        ev = counted(record["evidence"], categories)
        count = len(ev)
        quoted = sum(1 for e in ev if e["in_quote"])
        author = count - quoted
    else:
        cats = record["categories"]
        count = sum(cats[c]["count"] for c in cats if c in categories)
        author = sum(cats[c]["author"] for c in cats if c in categories)
        quoted = sum(cats[c]["quoted"] for c in cats if c in categories)
    tokens, qt = record["tokens"], record["quote_tokens"]
    members = {
        "loaded_index": 1000.0 * count / tokens if tokens else None,
        "loaded_index_author": 1000.0 * author / (tokens - qt) if tokens - qt else None,
        "loaded_index_quoted": 1000.0 * quoted / qt if qt else None,
    }
    out = {}
    for k, v in record.items():
        if k == "categories":
            out.update(members)  # after the size members, before the categories
        out[k] = v
    return out


def add_index(jsonl_text, lexicon_json="lexicons/en/lexicon.json"):
    """Score output (JSON Lines text) with the index added to every record."""
    cats = index_groups(lexicon_json)
    lines = [json.dumps(with_index(json.loads(line), cats))
             for line in jsonl_text.splitlines() if line.strip()]
    return "\n".join(lines) + "\n"


INDEX_MEMBERS = ("loaded_index", "loaded_index_author", "loaded_index_quoted")


def strip_index(jsonl_text):
    """Score output (JSON Lines text) without the index members, as older records were."""
    lines = []
    for line in jsonl_text.splitlines():
        if line.strip():
            rec = json.loads(line)
            lines.append(json.dumps({k: v for k, v in rec.items() if k not in INDEX_MEMBERS}))
    return "\n".join(lines) + "\n"
