"""`slant compare ARTICLES` against `slant compare` of the same articles' score records.

Compare on articles builds each article's row on the scoring threads, without writing or
reading its score record (score_read.h); some articles and options still go through the
record (a binned date, a field the record holds itself, a number naming a group). Either
way the output must be the one comparing the score records gives, byte for byte: for
json, csv and text output, with keyness, --event (a field, and auto), --strata, --cluster,
--where, on 1 and 2 threads, on the text corpus (corpus/synthetic) and on a JSON Lines
corpus with a kept field and odd values (non-ASCII and invalid UTF-8, a number, an
object, null, an empty text).

Usage: check_rows.py BUILD_DIR. Ends with "rows: N passed, N failed".
"""
import json
import os
import subprocess
import sys
import tempfile

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
SLANT = os.path.join(BUILD, "slant")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(HERE, ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("rows")
check = TALLY.check
LEX = ["--lexicon", os.path.join(ROOT, "lexicons", "en")]


def run(*args):
    r = subprocess.run([SLANT, *args], capture_output=True)
    return r.returncode, r.stdout, r.stderr


def same(corpus, records, args, what):
    """compare of the articles (a path or a list) on -j 1 and -j 2, and of their records:
    the same output."""
    paths = corpus if isinstance(corpus, list) else [corpus]
    outs = [run("compare", "-q", *LEX, "-j", j, *args, *paths) for j in ("1", "2")]
    recs = run("compare", "-q", *LEX, *args, records)
    ok = (outs[0][0], outs[0][1]) == (recs[0], recs[1]) == (outs[1][0], outs[1][1])
    check(ok and len(recs[1]) > 200,
          f"{what}: articles (-j 1, -j 2) and records differ or fail "
          f"(exit {outs[0][0]}, {outs[1][0]}, {recs[0]}; {recs[2][:300]!r})")


with tempfile.TemporaryDirectory() as tmp:
    # --- the text corpus: metadata from headers ---------------------------------------------
    synthetic = os.path.join(ROOT, "corpus", "synthetic")
    plain = os.path.join(tmp, "plain.jsonl")
    signed = os.path.join(tmp, "signed.jsonl")
    for path, extra in ((plain, []), (signed, ["--signature"])):
        with open(path, "wb") as f:
            f.write(run("score", "-q", *LEX, *extra, synthetic)[1])
    for fmt in ("json", "csv", "text"):
        same(synthetic, plain, ["-f", fmt, "--keyness", "all", "--event", "event"],
             f"synthetic, {fmt}, keyness, --event event")
    same(synthetic, signed, ["-f", "json", "--event", "auto", "--keyness", "all"],
         "synthetic, --event auto")
    same(synthetic, plain, ["-f", "csv", "--strata", "event"], "synthetic, --strata event")
    same(synthetic, plain, ["-f", "json", "--cluster", "event"], "synthetic, --cluster event")
    same(synthetic, plain, ["-f", "json", "--keyness", "all", "--where",
                            "source!=Meridian Wire"], "synthetic, --where")
    same(synthetic, plain, ["-f", "json", "--by", "date:month"],
         "synthetic, --by date:month (records read as JSON)")
    same(synthetic, plain, ["-f", "json", "--event", "title", "--strata", "lang"],
         "synthetic, --event title, --strata lang")

    # --- JSON Lines with a kept field and odd values ----------------------------------------
    corpus = os.path.join(tmp, "topics.jsonl")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "gen_corpus.py"),
                    "--mb", "0.4", "--design", "topic-mix", corpus],
                   check=True, capture_output=True)
    with open(corpus, encoding="utf-8") as f:
        lines = [json.loads(x) for x in f]
    text = lines[0]["text"]
    odd = [{"source": "S\u00fcd \"Herald\"\\", "topic": {"x": 1}},
           {"source": "outlet-1", "topic": None, "date": "not a date"},
           {"source": "outlet-2", "topic": "t\u00e9ma\n", "text": ""},
           {"source": "outlet-1", "topic": 7},
           {"source": "outlet-2", "topic": True, "lang": "de"}]
    for k, o in enumerate(odd):
        rec = {"id": f"odd-{k}", "text": text, "date": "2024-05-01"}
        rec.update(o)
        lines.insert(3 + 7 * k, rec)
    raw = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    raw = raw.replace("outlet-2\", \"topic\": \"t", "outlet-2 \\u00ff\", \"topic\": \"t", 1)
    with open(corpus, "wb") as f:
        f.write(raw.encode("utf-8").replace(b"\\u00ff", b"\xff"))
    topics = os.path.join(tmp, "topics-records.jsonl")
    with open(topics, "wb") as f:
        f.write(run("score", "-q", *LEX, "--keep", "topic", "--signature", corpus)[1])
    for fmt in ("json", "csv", "text"):
        same(corpus, topics, ["-f", fmt, "--keyness", "all", "--strata", "topic"],
             f"topics, {fmt}, keyness, --strata topic")
    same(corpus, topics, ["-f", "json", "--by", "topic", "--keyness", "all"],
         "topics, --by topic (numbers and booleans through the records)")
    same(corpus, topics, ["-f", "json", "--event", "auto", "--cluster", "topic"],
         "topics, --event auto, --cluster topic")
    same(corpus, topics, ["-f", "json", "--strata", "lang"],
         "topics, --strata lang (the lexicon's language where an article gives none)")
    same(corpus, topics, ["-f", "csv", "--where", "topic!=politics", "--min-n", "2"],
         "topics, --where")
    # two files: --by file, a member of the record's own (records read as JSON)
    halves = [os.path.join(tmp, "half-a.jsonl"), os.path.join(tmp, "half-b.jsonl")]
    with open(corpus, "rb") as f:
        data = f.read().splitlines(keepends=True)
    for k, half in enumerate(halves):
        with open(half, "wb") as f:
            f.writelines(data[k::2])
    both = os.path.join(tmp, "halves-records.jsonl")
    with open(both, "wb") as f:
        f.write(run("score", "-q", *LEX, *halves)[1])
    same(halves, both, ["-f", "json", "--by", "file", "--keyness", "all"], "halves, --by file")

    # --- CSV with a kept column --------------------------------------------------------------
    csv = os.path.join(ROOT, "tests", "data", "workflow", "articles.csv")
    csv_records = os.path.join(tmp, "csv-records.jsonl")
    cols = ["--text-field", "body", "--id-field", "doc"]
    with open(csv_records, "wb") as f:
        f.write(run("score", "-q", *LEX, *cols, "--keep", "outlet", csv)[1])
    outs = [run("compare", "-q", *LEX, "-j", j, *cols, "--by", "outlet", "--min-n", "1",
                "--keyness", "all", "-f", "json", csv) for j in ("1", "2")]
    recs = run("compare", "-q", *LEX, "--by", "outlet", "--min-n", "1", "--keyness", "all",
               "-f", "json", csv_records)
    check(outs[0][:2] == outs[1][:2] == recs[:2] and recs[0] == 0,
          "csv, --by a kept column: articles and records differ")

TALLY.finish("rows: ")
