"""The loaded-language index and `slant score --sentences` from the user's side.

  - the default index counts exactly the categories of groups `loaded` and `contested`
    (read from the lexicon's own manifest), per 1,000 words, in the whole text, the
    author's voice and quoted speech;
  - --sentences: one record per sentence; the bytes start..end of the input are the
    sentence, for text files with a header block, for JSON Lines (offsets into the text
    field's UTF-8) and for a byte order mark; the sentences' weighted matches add up to
    the article's; JSON Lines and CSV agree; the output is the same for every -j;
  - --weights: the index is the weighted sum (recomputed here from the counts), the
    provenance names the file and the hash of its bytes, and compare accepts it.

The words an index is divided by are counted here, from the input text, by words() below
(the rules of analyzer/tokenize.h and docs/schema/score.md, written again in Python), not
taken from slant's `tokens`: every article's and every sentence's count is checked
against it, and the expected index uses it. Quoted speech (`quote_tokens`: quotations
less scare quotes, which depends on the framing rules) is checked against counts derived
by hand on the small texts of part 2; on the corpora the author's and quoted parts of
the index use slant's `quote_tokens`.

Usage: index.py BUILD_DIR (from the repository root). Ends with "N passed, N failed".
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402
from index_fixture import counted, index_groups  # noqa: E402

T = Tally("index")
check = T.check
SLANT = os.path.join(sys.argv[1], "slant")
TEST_LEX = "tests/data/lexicon-test"
WEIGHTS = "tests/data/weights-test.json"


def run(*args, stdin=None):
    p = subprocess.run([SLANT, *args], input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def jsonl(data):
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def close(a, b, rel=1e-9):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-12)


def is_word_char(c):
    return unicodedata.category(c)[0] in "LNM"  # letters, digits (numbers), marks


def words(text):
    """The words of `text`: runs of letters, digits and combining marks, joined by an inner
    apostrophe after a letter (don't, Azerbaijan's), by ',' or '.' between digits (1,000,
    20.5) and by the dots of an abbreviation of single letters (U.S., e.g.); anything else,
    a hyphen too, ends a word."""
    n, i, end = 0, 0, len(text)
    while i < end:
        if not is_word_char(text[i]):
            i += 1
            continue
        n += 1
        run = 1  # characters since the word's start or its last joining mark
        i += 1
        while i < end:
            c, nxt = text[i], text[i + 1] if i + 1 < end else ""
            if is_word_char(c):
                run += 1
            elif c in "'\u2019" and nxt and is_word_char(nxt) and text[i - 1].isalpha():
                run = 0
            elif c in ",." and text[i - 1].isdigit() and nxt.isdigit():
                run = 0
            elif (c == "." and run == 1 and text[i - 1].isalpha() and nxt.isalpha()
                  and (i + 2 >= end or text[i + 2] == ".")):
                run = 0
            else:
                break
            i += 1
    return n


def file_words(path):
    """The words of a text file's text: after a byte order mark and a header block (lines
    of `key: value` up to a blank line)."""
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().split("\n")
    k = 0
    while k < len(lines) and lines[k].strip() and ":" in lines[k]:
        k += 1
    if k and k < len(lines) and not lines[k].strip():
        lines = lines[k + 1:]
    return words("\n".join(lines))


def check_words(recs, root, what):
    """Every record's `tokens` is the words of its file (ids are paths under `root`)."""
    bad = [(r["id"], r["tokens"], file_words(os.path.join(root, r["id"]))) for r in recs
           if r["tokens"] != file_words(os.path.join(root, r["id"]))]
    check(recs and not bad, f"{what}: tokens are not the words of the text: {bad[:3]}")


def check_sentence_words(sents, what):
    bad = [(s["id"], s["sentence"], s["tokens"], words(s["text"])) for s in sents
           if s["tokens"] != words(s["text"])]
    check(sents and not bad, f"{what}: a sentence's tokens are not its words: {bad[:3]}")


def per_1000(x, n):
    return 1000 * x / n if n else None


def weighted(matches, weights, order):
    """The weighted sums (all, author's voice, quoted) of the matches the index counts: a
    stretch of words once (tests/index_fixture.py applies the rule from the evidence)."""
    ev = counted(matches, order)
    return (sum(weights.get(e["category"], 0) for e in ev),
            sum(weights.get(e["category"], 0) for e in ev if not e["in_quote"]),
            sum(weights.get(e["category"], 0) for e in ev if e["in_quote"]))


def expected_index(r, t, weights, order):
    """The index of record `r` of `t` words (counted here)."""
    q = r["quote_tokens"]
    a, au, qu = weighted(r["evidence"], weights, order)
    return per_1000(a, t), per_1000(au, t - q), per_1000(qu, q)


def check_index(recs, root, weights, order, what):
    bad = []
    for r in recs:
        want = expected_index(r, file_words(os.path.join(root, r["id"])), weights, order)
        got = (r["loaded_index"], r["loaded_index_author"], r["loaded_index_quoted"])
        if not all(close(g, w) for g, w in zip(got, want)):
            bad.append((r["id"], got, want))
    check(not bad, f"{what}: the index is not the weighted matches per 1,000 words: {bad[:2]}")


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"fnv1a64:{h:016x}"


def main():
    # 1. The default index, against the groups of the shipped lexicon's manifest.
    rc, out, err = run("score", "-q", "--evidence", "corpus/")
    check(rc == 0, f"score corpus/ exits {rc}: {err[:200]}")
    recs = jsonl(out)
    groups = index_groups("lexicons/en/lexicon.json")
    check(len(groups) > 0, "the shipped lexicon has loaded or contested categories")
    check_words(recs, "corpus", "corpus/")
    check_index(recs, "corpus", {c: 1 for c in groups}, groups, "corpus/, default weights")
    check(any(r["loaded_index"] for r in recs) and any(r["loaded_index_quoted"] for r in recs),
          "corpus/: some article has a non-zero index, and one in quoted speech")
    check(all(r["provenance"]["weights"] == "default" for r in recs),
          "corpus/: provenance says the weights are the default")

    # 2. Sentences: the bytes are the sentence, from a text file with a header block and a
    #    byte order mark, from JSON Lines (non-ASCII text), and the sums add up.
    with tempfile.TemporaryDirectory() as tmp:
        txt = os.path.join(tmp, "a.txt")
        body = ("title: A headline\nsource: Test\n\n"
                "Radicals attacked civilians in Türkiye. “The radical hate,” she said.\n"
                "\n"
                "It was not radical (or so they said). 'Hate', he wrote.\n")
        with open(txt, "wb") as f:
            f.write(b"\xef\xbb\xbf" + body.encode("utf-8"))
        jl = os.path.join(tmp, "b.jsonl")
        with open(jl, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "b1", "text": "Ǆemal: «Radical» hate. The civilians—fled!"})
                    + "\n")
            f.write(json.dumps({"id": "b2", "text": ""}) + "\n")
        # Counted by hand. a.txt: 21 words (Türkiye one; the header, the title and the BOM
        # none); its two quotations are of three words and one, and the test lexicon has
        # no report verbs, so neither has a speaker: scare quotes, no quoted speech; index
        # words (labels, victims): Radicals, civilians, radical, hate, radical, Hate.
        # b1: Ǆemal, Radical, hate, The, civilians, fled (the dash splits): 6 words;
        # «Radical» is Ǆemal's speech ("NAME: «...»"): 1 quoted word, 1 index word in it
        # and 2 outside. b2: no words, so no index.
        by_hand = {"a.txt": (21, 0, (6000 / 21, 6000 / 21, None)),
                   "b1": (6, 1, (3000 / 6, 2000 / 5, 1000.0)),
                   "b2": (0, 0, (None, None, None))}
        for path in (txt, jl):
            rc, out, err = run("score", "-q", "--sentences", "--lexicon", TEST_LEX, path)
            check(rc == 0, f"score --sentences {path} exits {rc}: {err[:200]}")
            sents = jsonl(out)
            check_sentence_words(sents, os.path.basename(path))
            rc, out, _ = run("score", "-q", "--lexicon", TEST_LEX, path)
            arts = jsonl(out)
            for a in arts:
                t, q, index = by_hand[os.path.basename(a["id"])]
                got = (a["loaded_index"], a["loaded_index_author"], a["loaded_index_quoted"])
                check(a["tokens"] == t and a["quote_tokens"] == q
                      and all(close(g, w) for g, w in zip(got, index)),
                      f"{a['id']}: tokens {a['tokens']}, quote_tokens {a['quote_tokens']}, "
                      f"index {got}; counted by hand: {t}, {q}, {index}")
            check(len(sents) == sum(a["sentences"] for a in arts) > 0,
                  f"{os.path.basename(path)}: one record per sentence")
            if path == txt:
                data = open(txt, "rb").read()
                texts = {"a.txt": data}
            else:
                texts = {json.loads(l)["id"]: json.loads(l)["text"].encode("utf-8")
                         for l in open(jl, encoding="utf-8")}
            bad = []
            for s in sents:
                src = texts.get(s["id"], texts.get("a.txt"))
                piece = src[s["start"]:s["end"]]
                if piece.decode("utf-8") != s["text"] or piece != piece.strip():
                    bad.append((s["id"], s["sentence"], piece))
                for m in s["matches"]:
                    if src[m["start"]:m["end"]].decode("utf-8") != m["surface"]:
                        bad.append((s["id"], m["surface"]))
            check(not bad, f"{os.path.basename(path)}: bytes start..end are not the sentence: "
                           f"{bad[:3]}")
            for a in arts:
                mine = [s for s in sents if s["id"] == a["id"]]
                total = sum(s["loaded_index"] * s["tokens"] / 1000 for s in mine)
                check(a["tokens"] == 0 or close(total, a["loaded_index"] * a["tokens"] / 1000),
                      f"{a['id']}: the sentences' weighted matches ({total}) are not the "
                      f"article's")
                check(sum(s["tokens"] for s in mine) == a["tokens"]
                      and sum(s["quote_tokens"] for s in mine) == a["quote_tokens"],
                      f"{a['id']}: the sentences' words are not the article's")
        first = jsonl(run("score", "-q", "--sentences", "--lexicon", TEST_LEX, txt)[1])
        check(first[0]["text"].startswith("Radicals") and first[0]["start"] > 3,
              f"a.txt: the first sentence starts after the BOM and the header: {first[0]}")
        check(first[1]["text"] == "“The radical hate,” she said.",
              f"a.txt: the curly quotes belong to the sentence: {first[1]['text']!r}")

        # 3. JSON Lines and CSV of the sentences agree; TSV has the same rows.
        rc, out, err = run("score", "-q", "--sentences", "corpus/seeds/")
        js = jsonl(out)
        check_sentence_words(js, "seeds")
        rc2, out2, _ = run("score", "-q", "--sentences", "--format", "csv", "corpus/seeds/")
        rows = list(csv.DictReader(io.StringIO(out2.decode("utf-8"))))
        check(rc == rc2 == 0 and len(rows) == len(js) > 20, "seeds: sentences as JSON and CSV")
        bad = [(j["id"], j["sentence"]) for j, r in zip(js, rows)
               if int(r["start"]) != j["start"] or r["text"] != j["text"]
               or not close(float(r["loaded_index"]), j["loaded_index"])
               or any(int(r.get(f"{c}_count") or -1) != j["categories"].get(c, {}).get("count", 0)
                      for c in groups)]
        check(not bad, f"seeds: CSV rows differ from the JSON records: {bad[:3]}")
        rc3, out3, _ = run("score", "-q", "--sentences", "--format", "tsv", "corpus/seeds/")
        check(rc3 == 0 and len(out3.decode("utf-8").splitlines()) == len(js) + 1,
              "seeds: TSV has a header and a row per sentence")

        # Sentence records are not article records: compare says so instead of comparing.
        sfile = os.path.join(tmp, "sentences.jsonl")
        with open(sfile, "wb") as f:
            f.write(out)
        rc4, _, err4 = run("compare", "-q", sfile)
        check(rc4 == 3 and "a sentence record" in err4,
              f"compare of sentence records exits {rc4}: {err4[:200]}")

        # 4. The same for every -j, on generated articles.
        gen = os.path.join(tmp, "gen.jsonl")
        subprocess.run([sys.executable, "bench/gen_corpus.py", "--mb", "2", "--seed", "3", gen],
                       capture_output=True)
        outs = [run("score", "-q", "-j", str(j), "--sentences", gen)[1] for j in (1, 2, 3, 8)]
        check(len(outs[0]) > 100000 and all(o == outs[0] for o in outs),
              "--sentences: byte-identical for -j 1, 2, 3 and 8")
        check_sentence_words(jsonl(outs[0]), "generated articles")
        outs = [run("score", "-q", "-j", str(j), "--sentences", "--format", "csv", gen)[1]
                for j in (1, 3)]
        check(outs[0] == outs[1], "--sentences --format csv: byte-identical for -j 1 and 3")

    # 5. Weights: the index is the weighted sum; provenance names the file and its hash.
    with open(WEIGHTS, "rb") as f:
        wbytes = f.read()
    weights = json.loads(wbytes)["weights"]
    rc, out, err = run("score", "-q", "--evidence", "--lexicon", TEST_LEX, "--weights",
                       WEIGHTS, "corpus/synthetic/")
    check(rc == 0, f"score --weights exits {rc}: {err[:300]}")
    recs = jsonl(out)
    test_order = index_groups(os.path.join(TEST_LEX, "lexicon.json"))
    check_words(recs, "corpus/synthetic", "corpus/synthetic/")
    check_index(recs, "corpus/synthetic", weights, test_order,
                "corpus/synthetic/ with tests/data/weights-test.json")
    prov = recs[0]["provenance"]["weights"] if recs else None
    check(prov == {"file": WEIGHTS, "hash": fnv1a64(wbytes)},
          f"provenance of the weights: {prov}, expected the file and {fnv1a64(wbytes)}")
    rc, out, err = run("score", "-q", "--lexicon", TEST_LEX, "--weights", WEIGHTS,
                       "--sentences", "corpus/synthetic/")
    sents = jsonl(out)
    bad = [(s["id"], s["sentence"]) for s in sents if not close(
        s["loaded_index"] * words(s["text"]) / 1000,
        weighted(s["matches"], weights, test_order)[0])]
    check(rc == 0 and sents and not bad, f"sentences with weights: {bad[:3]}")
    rc, out, err = run("compare", "-q", "--lexicon", TEST_LEX, "--weights", WEIGHTS,
                       "--format", "json", "corpus/synthetic/")
    check(rc == 0 and json.loads(out)["groups"], f"compare --weights exits {rc}: {err[:300]}")
    # The hash is checked against the lexicon as used: actors added change it.
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as actors:
        actors.write("xland: Xland, Xlanders\n")
        actors.flush()
        rc, out, err = run("score", "-q", "--lexicon", TEST_LEX, "--actors", actors.name,
                           "--weights", WEIGHTS, "corpus/seeds/")
    check(rc == 2 and "lexicon hash" in err and WEIGHTS in err,
          f"--actors then --weights: the hash of the lexicon as used is checked ({rc}: {err[:200]})")
    T.finish("index: ")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a crash is one failure, with its reason
        check(False, f"index.py crashed: {type(e).__name__}: {e}")
        T.finish("index: ")
