"""Runs the code of docs/notebooks.md as a reader would, and checks what it produces.

Usage: check_notebooks.py BUILD_DIR WORKDIR   (from the repository root)

The blocks marked `<!-- test -->` (the line right before the opening fence) are run in
order in WORKDIR, which gets the symlinks `build` (to BUILD_DIR), `corpus` and `docs`, so
that the commands of the page work as written: the ```sh blocks with `sh -e`, then the
```python blocks in one namespace, like the cells of one notebook. The DataFrames the page
builds are then checked against the raw files (shapes, a few values, JSON against CSV
against long). Any warning a block raises is a failure: it is what a reader would see.
Prints one line per failure; ends with "N passed, N failed"; exits 1 on failure.
"""
import json
import math
import os
import re
import subprocess
import sys
import traceback
import warnings

ROOT = os.getcwd()
DOC = os.path.join(ROOT, "docs", "notebooks.md")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

TALLY = Tally("notebooks")
check = TALLY.check


def blocks(text):
    """(language, tested, code, line) of every fenced block, in order."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m or not m.group(1):
            i += 1
            continue
        start = i
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        tested = j >= 0 and lines[j].strip() == "<!-- test -->"
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        out.append((m.group(1), tested, "\n".join(body) + "\n", start + 1))
        i += 1
    return out


def close(a, b, rel=1e-9):
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)) \
            or (isinstance(b, float) and math.isnan(b)):
        return (a is None or a != a) and (b is None or b != b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def frames_close(a, b, cols, what):
    """Row by row, column by column (NaN equals NaN)."""
    bad = [(i, c, a[c].iloc[i], b[c].iloc[i]) for c in cols for i in range(len(a))
           if not close(float(a[c].iloc[i]), float(b[c].iloc[i]))]
    check(not bad, f"{what}: {len(bad)} values differ, e.g. {bad[:2]}")


def main():
    build, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(DOC, encoding="utf-8") as f:
        doc_text = f.read()
    all_blocks = blocks(doc_text)
    sh = [b for b in all_blocks if b[1] and b[0] == "sh"]
    py = [b for b in all_blocks if b[1] and b[0] == "python"]
    r_blocks = [b for b in all_blocks if b[0] == "r"]
    check(len(sh) == 1, f"notebooks.md: {len(sh)} tested sh blocks, expected the one that "
                        "produces the files")
    check(len(py) >= 12, f"notebooks.md: only {len(py)} tested python blocks (markers lost?)")
    check(len(r_blocks) >= 2 and all(b[1] for b in r_blocks),
          "notebooks.md: the R blocks are not there, or not marked as tested")

    for name, target in (("build", build), ("corpus", os.path.join(ROOT, "corpus")),
                         ("docs", os.path.join(ROOT, "docs"))):
        os.symlink(target, os.path.join(work, name))
    os.chdir(work)

    # 1. The commands that produce the files, exactly as the page gives them.
    for _, _, code, line in sh:
        p = subprocess.run(["sh", "-e", "-c", code], capture_output=True, text=True)
        check(p.returncode == 0, f"notebooks.md:{line}: the commands exit {p.returncode}: "
                                 f"{p.stderr.strip()[-400:]}")
    files = ["scores.jsonl", "scores.csv", "scores-long.csv", "evidence.jsonl", "compare.json",
             "compare.csv", "compare-long.csv", "kept.jsonl", "sentences.jsonl", "sentences.csv"]
    for f in files:
        check(os.path.isfile(f) and os.path.getsize(f) > 0, f"the commands did not write {f}")
    if TALLY.failed:
        return  # the blocks would only fail for want of their files

    # 2. The Python blocks, in one namespace.
    ns = {"__name__": "__notebook__"}
    for _, _, code, line in py:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                exec(compile(code, f"notebooks.md:{line}", "exec"), ns)
                why = ""
            except Exception as e:
                # the line of the page that raised, and the first line of the message
                tb = [f for f in traceback.extract_tb(e.__traceback__)
                      if f.filename.startswith("notebooks.md")]
                at = f"notebooks.md:{line + tb[-1].lineno}" if tb else f"notebooks.md:{line}"
                why = f"{at}: {type(e).__name__}: {(str(e).splitlines() or [''])[0][:300]}"
        check(not why, f"the block at notebooks.md:{line} raises: {why}")
        check(not caught, f"notebooks.md:{line}: warnings: "
                          f"{[str(w.message)[:200] for w in caught]}")

    # 2b. The R blocks, each by Rscript in this directory; then R's mean rate of pejorative
    # labels per source against pandas' (the first block's summary, as the page has it).
    for _, _, code, line in r_blocks:
        p = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True)
        check(p.returncode == 0, f"the R block at notebooks.md:{line} exits {p.returncode}: "
                                 f"{p.stderr.strip()[-400:]}")
    probe = ('library(jsonlite); library(dplyr)\n'
             'scores <- stream_in(file("scores.jsonl"), flatten = TRUE, verbose = FALSE)\n'
             's <- scores %>% group_by(source) %>% summarise(m = mean('
             '`categories.pejorative_labels.rate`, na.rm = TRUE))\n'
             'write.csv(s, "r_means.csv", row.names = FALSE)\n')
    p = subprocess.run(["Rscript", "-e", probe], capture_output=True, text=True)
    if check(p.returncode == 0, f"R reads scores.jsonl: {p.stderr.strip()[-300:]}"):
        import pandas as pd
        r_means = pd.read_csv("r_means.csv").set_index("source")["m"]
        py_means = pd.read_json("scores.jsonl", lines=True)
        py_means = py_means.assign(rate=[c["pejorative_labels"]["rate"]
                                         for c in py_means["categories"]]).groupby("source")["rate"].mean()
        check(set(r_means.index) == set(py_means.index)
              and all(close(r_means[s], py_means[s]) for s in py_means.index),
              f"R's means per source equal pandas': {dict(r_means)} vs {dict(py_means)}")

    # 3. What the blocks built, against the raw files: each section on its own, so that
    # one failing block (its variables missing) does not hide the others' checks.
    articles = sum(1 for d, _, fs in os.walk("corpus/") for f in fs
                   if f.endswith((".txt", ".text")))
    with open("scores.jsonl", encoding="utf-8") as f:
        raw = [json.loads(line) for line in f]
    with open("compare.json", encoding="utf-8") as f:
        raw_doc = json.load(f)
    cats = list(raw[0]["categories"])
    sources = sorted({r["source"] for r in raw})
    raw_tables = raw_doc["tables"]
    check(len(raw) == articles, f"scores.jsonl: {len(raw)} records for {articles} articles")

    def section(what, f):
        try:
            f()
        except Exception as e:
            check(False, f"{what}: cannot check ({type(e).__name__}: {e})")

    def sec_scores():
        scores, scores_csv = ns["scores"], ns["scores_csv"]
        check(len(scores) == articles, f"scores: {len(scores)} rows for {articles} articles")
        check(len(scores_csv) == articles, f"scores_csv: {len(scores_csv)} rows for {articles}")
        check(list(scores["id"]) == [r["id"] for r in raw]
              and list(scores_csv["id"]) == [r["id"] for r in raw],
              "scores and scores_csv keep the input order of the records")
        missing = [c for c in cats if f"categories.{c}.rate" not in scores.columns
                   or f"{c}_rate" not in scores_csv.columns]
        check(not missing, f"categories without a flattened column: {missing}")
        check(scores["categories.violence.count"].dtype.kind == "i"
              and scores_csv["violence_count"].dtype.kind == "i"
              and scores_csv["violence_rate"].dtype.kind == "f",
              "counts are read as integers and rates as floats")
    section("scores", sec_scores)

    def sec_seed_000_json_lines_against_csv():
        scores, scores_csv = ns["scores"], ns["scores_csv"]
        seed = scores_csv[scores_csv["id"].str.startswith("seeds/000_")]
        if check(len(seed) == 1, "scores_csv has seed 000"):
            s = seed.iloc[0]
            check(s["tokens"] > 0 and s["pejorative_labels_count"] > 0,
                  "seed 000 has words and pejorative labels")
            check(close(float(s["pejorative_labels_rate"]),
                        1000 * s["pejorative_labels_count"] / s["tokens"]),
                  f"seed 000: pejorative_labels_rate {s['pejorative_labels_rate']} != 1000 * "
                  f"{s['pejorative_labels_count']} / {s['tokens']}")
            j = scores.loc[s["id"]]
            check(j["categories.pejorative_labels.count"] == s["pejorative_labels_count"]
                  and close(float(j["categories.pejorative_labels.rate"]),
                            float(s["pejorative_labels_rate"])),
                  "seed 000: JSON Lines and CSV disagree")
        for c in cats:
            frames_close(scores.reset_index(drop=True), scores_csv.reset_index(drop=True)
                         .rename(columns={f"{c}_{k}": f"categories.{c}.{k}"
                                          for k in ("rate", "count", "score")}),
                         [f"categories.{c}.{k}" for k in ("rate", "count", "score")],
                         f"JSON Lines and CSV, category {c}")
    section('seed 000, JSON Lines against CSV', sec_seed_000_json_lines_against_csv)

    def sec_scores_long():
        scores_csv = ns["scores_csv"]
        sl, wide = ns["scores_long"], ns["wide"]
        check(len(wide) == articles and sorted(wide.index) == sorted(r["id"] for r in raw),
              f"wide (from scores-long.csv): {len(wide)} rows for {articles} articles")
        check(len(sl) == articles * len(wide.columns), "scores-long.csv: every article has "
                                                       "every indicator once")
        shared = [c for c in wide.columns if c in scores_csv.columns]
        metadata = {"id", "source", "date", "title", "url", "event", "lang", "file", "line"}
        missing = sorted(set(scores_csv.columns) - set(wide.columns) - metadata)
        check(not missing, f"scores-long.csv lacks the CSV columns {missing[:5]}")
        frames_close(wide.loc[scores_csv.index].reset_index(drop=True),
                     scores_csv.reset_index(drop=True), shared, "scores long and CSV")
        check(len(ns["rates_long"]) == articles * len(cats), "rates_long: every category rate")
    section('scores long', sec_scores_long)

    def sec_analyses_of_scores():
        pej = ns["pej_by_source"]
        check(sorted(pej.index) == sources, f"pej_by_source: sources {list(pej.index)}")
        for src in sources:
            vals = [r["categories"]["pejorative_labels"]["rate"] for r in raw if r["source"] == src]
            vals = [v for v in vals if v is not None]
            check(pej.loc[src, "count"] == len(vals)
                  and close(float(pej.loc[src, "mean"]), sum(vals) / len(vals)),
                  f"pej_by_source: {src}")
        check(list(pej["mean"]) == sorted(pej["mean"], reverse=True), "pej_by_source is sorted")
        check(ns["mean_rates"].shape == (len(sources), len(cats)),
              f"mean_rates: shape {ns['mean_rates'].shape}")
        check(len(ns["tidy"]) == articles * len(cats), f"tidy: {len(ns['tidy'])} rows")
        voice = ns["voice"]
        check(int(voice["count"].sum()) == sum(c["count"] for r in raw
                                               for c in r["categories"].values()),
              "voice: the counts add up to the records'")
    section('analyses of scores', sec_analyses_of_scores)

    def sec_framing():
        check(sorted(ns["certainty_by_source"].index) == sources
              and ns["certainty_by_source"].between(-1, 1).all(),
              "certainty_by_source: one mean in [-1, 1] per source")
        n_q = sum(len(r["quotations"]) for r in raw)
        check(len(ns["quotations"]) == n_q > 0, f"quotations: {len(ns['quotations'])} rows "
                                                f"for {n_q}")
        sp = ns["speakers"]
        check(int(sp["attributed"].sum()) == sum(r["attribution"]["attributed"] for r in raw),
              "speakers: the attributed quotations add up to the records'")
        actors = {a for r in raw for a in r["actors"]}
        m = ns["mentions"]
        check(len(m.columns) == len(actors) > 0
              and int(m.to_numpy().sum()) == sum(x["mentions"] for r in raw
                                                 for x in r["actors"].values()),
              f"mentions: {len(m.columns)} actor columns for {len(actors)} actors")
    section("framing", sec_framing)

    def sec_evidence():
        check(len(ns["ev_records"]) == articles, "evidence.jsonl: one record per article")
        matches = ns["matches"]
        n_matches = sum(len(r["evidence"]) for r in ns["ev_records"])
        check(len(matches) == n_matches > 0, f"matches: {len(matches)} rows for {n_matches}")
        check({"id", "source", "start", "end", "surface", "category", "entry",
               "in_quote"} <= set(matches.columns), f"matches: columns {list(matches.columns)}")
        check(len(ns["own_voice"]) <= 5 * len(sources) and len(ns["own_voice"]) > 0,
              "own_voice: at most five entries per source")
        check(len(ns["contested"]) == sum(len(r["contested"]) for r in ns["ev_records"]),
              "contested: one row per variant used")
    section('evidence', sec_evidence)

    def sec_index_and_sentences():
        ibs = ns["index_by_source"]
        for src in sources:
            vals = [r["loaded_index"] for r in raw if r["source"] == src
                    and r["loaded_index"] is not None]
            check(close(float(ibs.loc[src, "loaded_index"]), sum(vals) / len(vals)),
                  f"index_by_source: {src}")
        n_sent = sum(r["sentences"] for r in raw)
        sentences, sentences_csv = ns["sentences"], ns["sentences_csv"]
        check(len(sentences) == len(sentences_csv) == n_sent,
              f"sentences: {len(sentences)} JSON and {len(sentences_csv)} CSV rows for "
              f"{n_sent} sentences")
        check(list(sentences["start"]) == list(sentences_csv["start"])
              and list(sentences["text"]) == list(sentences_csv["text"]),
              "sentences: JSON Lines and CSV disagree on the offsets or the text")
        frames_close(sentences, sentences_csv, ["loaded_index", "loaded_index_author",
                                                "loaded_index_quoted"],
                     "sentences: the index from JSON Lines and CSV")
        counts = [c for c in sentences_csv.columns if c.endswith("_count")]
        check(counts and all(sentences_csv[c].dtype.kind == "i" for c in counts),
              "sentences_csv: the category counts are integer columns")
        for c in counts:
            j = f"categories.{c[:-6]}.count"
            jv = sentences[j] if j in sentences.columns else 0
            check(bool((sentences_csv[c] == jv).all()), f"sentences: {c} differs from {j}")
        # each article's weighted matches are its sentences' (default weights: counts)
        per_article = (sentences.assign(w=sentences["loaded_index"] * sentences["tokens"] / 1000)
                       .groupby("id")["w"].sum())
        bad = [r["id"] for r in raw if r["tokens"] and not close(
            r["loaded_index"] * r["tokens"] / 1000, float(per_article.get(r["id"], 0)))]
        check(not bad, f"sentences: an article's index is not its sentences' sum: {bad[:3]}")
        n_m = sum(len(r["matches"]) for r in ns["sent_records"])
        check(len(ns["sentence_matches"]) == n_m > 0,
              f"sentence_matches: {len(ns['sentence_matches'])} rows for {n_m}")
        check(len(ns["most_loaded"]) <= 3 * len(sources), "most_loaded: three per source")
    section("index and sentences", sec_index_and_sentences)

    def sec_lean():
        lean, lean_csv, scores = ns["lean"], ns["lean_csv"], ns["scores"]
        check(len(lean) == len(lean_csv) == articles, f"lean: {len(lean)} rows")
        check(list(lean["id"]) == list(lean_csv["id"]) == list(scores["id"]),
              "lean, lean_csv: the ids in input order")
        for col in ("tokens", "loaded_index", "pejorative_labels_rate"):
            src = "categories.pejorative_labels.rate" if col.endswith("_rate") else col
            check(all(close(a, b) and close(a, c) for a, b, c in
                      zip(lean[col], lean_csv[col], scores[src])),
                  f"lean, lean_csv: {col} as json_normalize reads it")
        check(lean_csv["source"].dtype.name == "category", "lean_csv: source is categorical")
        kl = ns["kept_long"]
        check(list(kl.columns) == ["id", "source", "outlet", "indicator", "value"],
              f"kept_long: columns {list(kl.columns)}")
        ibo = ns["index_by_outlet"]
        raw_kept = [json.loads(l) for l in open("kept.jsonl", encoding="utf-8")]
        want = {r["fields"]["outlet"]: r["loaded_index"] for r in raw_kept}
        check({k: float(v) for k, v in ibo.items()} == want or
              all(close(float(ibo[k]), v) for k, v in want.items()),
              f"index_by_outlet: {dict(ibo)} for {want}")
        # The lean path's point: far less memory than json_normalize, on 20 copies.
        import tracemalloc
        with open("scores.jsonl", encoding="utf-8") as f:
            lines = f.readlines() * 20
        tracemalloc.start()
        ns["pd"].DataFrame.from_records(map(ns["lean_row"], lines))
        lean_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        tracemalloc.start()
        ns["pd"].json_normalize([json.loads(l) for l in lines])
        full_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        check(lean_peak * 10 < full_peak,
              f"lean path: peak {lean_peak} bytes, json_normalize {full_peak}: not 10x less")
    section("lean path", sec_lean)

    def sec_kept_fields():
        kept = ns["kept"]
        check(list(kept["fields.outlet"]) == ["Daily A", "Daily B"],
              f"kept: fields.outlet {list(kept.get('fields.outlet', []))}")
    section('kept fields', sec_kept_fields)

    def sec_compare_tables_and_analyses():
        tables = ns["tables"]
        base = {"summary", "omnibus", "pairs", "events", "keyness", "drivers"}
        check(base <= set(tables) <= base | {"contested_tests", "contested_shares",
                                             "count_model", "count_model_coef"},
              f"tables: {sorted(tables)}")
        for t, rows in raw_tables.items():
            check(len(tables[t]) == len(rows),
                  f"tables[{t!r}]: {len(tables[t])} rows of {len(rows)}")
        check(tables["pairs"]["perm_p"].dtype.kind == "f", "tables: perm_p is a float column")
        check(len(ns["groups"]) == len(raw_doc["groups"]) == 3, "groups: the three outlets")
        sig = ns["sig"]
        n_sig = sum(1 for r in raw_tables["pairs"]
                    if r["mwu_q"] is not None and r["mwu_q"] < 0.05)
        check(len(sig) == n_sig > 0, f"sig: {len(sig)} rows, {n_sig} pairs with q < 0.05")
        check((sig["mwu_q"] < 0.05).all(), "sig: only q < 0.05")
        g = list(sig["hedges_g"].abs())
        check(g == sorted(g, reverse=True), "sig: sorted by |Hedges' g|")
        indicators = {r["indicator"] for r in raw_tables["summary"]}
        check(ns["means"].shape == (len(indicators), 3), f"means: shape {ns['means'].shape}")
        behind = ns["behind"]
        top = ns["top"]
        check(top["indicator"] in {r["indicator"] for r in raw_tables["drivers"]}
              and close(abs(float(top["hedges_g"])),
                        max(abs(r["hedges_g"]) for r in raw_tables["pairs"]
                            if r["mwu_q"] is not None and r["mwu_q"] < 0.05
                            and r["indicator"] in {d["indicator"] for d in raw_tables["drivers"]})),
              "top: the largest significant difference in a category")
        check(0 < len(behind) <= 5 and (behind["indicator"] == top["indicator"]).all(),
              "behind: the entries of the largest difference")
        top_terms = ns["top_terms"]
        check((top_terms["g2"] > 0).all() and top_terms.groupby("group").size().max() <= 5,
              "top_terms: positive G2, five per group at most")
        for grp, sub in top_terms.groupby("group"):
            best = max(r["g2"] for r in raw_tables["keyness"]
                       if r["group"] == grp and r["reference"] == "rest")
            check(close(float(sub["g2"].iloc[0]), best), f"top_terms: {grp} does not start "
                                                         f"with its largest G2 ({best})")
        check(len(ns["paired"]) == sum(1 for r in raw_tables["events"] if r["paired_q"] is not None
                                       and r["paired_q"] < 0.05),
              "paired: the events rows with q < 0.05")
    section('compare tables and analyses', sec_compare_tables_and_analyses)

    def sec_compare_csv_and_long():
        tables, csv = ns["tables"], ns["compare_csv"]
        counts = csv["table"].value_counts().to_dict()
        check(counts == {t: len(r) for t, r in raw_tables.items()},
              f"compare_csv: rows per table {counts}")
        jp = tables["pairs"]
        pc = ns["pairs_csv"]
        stats = [c for c in jp.columns if c not in ("group", "reference", "indicator",
                                                    "mwu_method", "flags") and jp[c].notna().any()]
        check(len(pc) == len(jp) and set(stats) <= set(pc.columns)
              and list(pc["mwu_method"]) == list(jp["mwu_method"]),
              f"pairs_csv: {len(pc)} rows, columns {list(pc.columns)}")
        if set(stats) <= set(pc.columns):
            frames_close(jp, pc, stats, "pairs from JSON and CSV")
        long = ns["long"]
        numeric = sum(1 for rows in raw_tables.values() for r in rows for k, v in r.items()
                      if k not in ("group", "reference", "indicator", "entry")
                      and not isinstance(v, str))
        check(len(long) == numeric, f"long: {len(long)} rows, {numeric} statistics in the JSON")
        pl = ns["pairs_long"].set_index(["group", "reference", "indicator"])
        jpi = jp.set_index(["group", "reference", "indicator"]).loc[pl.index].reset_index()
        check(len(pl) == len(jp) and set(stats) <= set(pl.columns),
              f"pairs_long: {len(pl)} rows, columns {list(pl.columns)}")
        if set(stats) <= set(pl.columns):
            frames_close(jpi, pl.reset_index(), stats, "pairs from JSON and long")
    section('compare CSV and long', sec_compare_csv_and_long)


if __name__ == "__main__":
    try:
        main()
    except Exception:
        print(traceback.format_exc().rstrip())
        check(False, "check_notebooks.py crashed")
    TALLY.finish()
