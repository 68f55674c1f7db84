#!/usr/bin/python3
"""The Python peer of `make bench`: lexicon scoring the way a careful Python
programmer would write it with NLTK.

    /usr/bin/python3 bench/peer_nltk.py --lexicon lexicons/en CORPUS.jsonl > out.jsonl

It reads a slant lexicon directory (lexicon.json and its category files, see
lexicons/FORMAT.md), then for each article of a JSON Lines file:

1. folds the text once (NFC, the Turkic capital I with dot read as "i", full
   case folding, curly apostrophe to straight),
2. finds word tokens with one precompiled regular expression: runs of letters
   and digits with inner apostrophes; hyphens and everything else split,
3. resolves each distinct surface form once per run, through a dict memo:
   its Snowball ("english") stem from NLTK, the stem, exact and prefix
   patterns of the lexicon it matches (prefixes by a dict probed at each
   prefix length that the lexicon uses), and the entries that can start at it,
4. walks only the tokens that match something and counts, per category,
   matches with the longest match at each start winning and no word counted
   twice by one category (multi-word expressions compare the following
   tokens' pattern sets),
5. writes one JSON line: {"id": ..., "tokens": N, "counts": {category: n}}.

It is a fair peer, not a strawman: the memo means NLTK's stemmer runs once
per distinct form (as slant's stem cache does), the per-token work is done in
C where Python allows it (regex findall, set difference against the memo,
map over the memo, itertools.compress to skip non-matching tokens), and it
does only the lexicon matching, none of slant's sentence, quote, attribution
or framing analysis, so it does less work than slant does.

Exit status: 0 on success, 1 if some article could not be processed (the
rest were), 2 on a usage or lexicon error, 3 if no article could be processed.
"""

import argparse
import json
import math
import os
import re
import sys
import unicodedata
from itertools import compress

from nltk.stem.snowball import SnowballStemmer

PROG = "peer_nltk.py"

# Runs of letters and digits (Unicode \w without "_"), with inner apostrophes.
WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
MAX_WORDS = 8
NOHIT = ()   # the memo's value for a form that matches no pattern (falsy)


def fold(text):
    """NFC, Turkic dotted capital I as i, full case folding, ’ as '."""
    text = unicodedata.normalize("NFC", text)
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    text = text.casefold()
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    return text


class LexiconError(Exception):
    pass


def strip_comment(line):
    """Drop a '#' comment that stands outside double quotes."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            return line[:i]
    return line


def parse_entry(raw, where):
    """Parse one entry line into (words, exact, prefix, weight) or None.

    `words` are folded words as the text is split; `prefix` says the last
    word is a prefix; `exact` says no word is stemmed.
    """
    s = strip_comment(raw).strip()
    if not s:
        return None
    col = len(raw) - len(raw.lstrip()) + 1
    exact = s.startswith("=")
    if exact:
        s = s[1:]
    if s.startswith('"'):
        end = s.find('"', 1)
        if end < 0:
            raise LexiconError("{}:{}: unclosed '\"'".format(where, col))
        body, rest = s[1:end], s[end + 1:]
        if rest.startswith("*"):
            body, rest = body + "*", rest[1:]
        if rest and not rest[0].isspace():
            raise LexiconError("{}:{}: text after the closing quote: '{}'"
                               .format(where, col, rest.strip()))
    else:
        parts = s.split(None, 1)
        body, rest = parts[0], parts[1] if len(parts) > 1 else ""
    if any(q in body for q in "\u201c\u201d\u00ab\u00bb"):
        raise LexiconError("{}:{}: only straight double quotes may quote an "
                           "entry: '{}'".format(where, col, body))
    rest = rest.strip()
    weight = 1.0
    if rest:
        try:
            weight = float(rest)
        except ValueError:
            weight = math.nan
        if not (0.0 <= weight <= 100.0):
            raise LexiconError("{}:{}: invalid weight '{}'"
                               .format(where, col, rest))
    prefix = body.endswith("*")
    if prefix:
        body = body[:-1]
    if "*" in body:
        raise LexiconError("{}:{}: '*' is allowed only at the end: '{}'"
                           .format(where, col, body))
    words = WORD_RE.findall(fold(body))
    if not words:
        raise LexiconError("{}:{}: entry has no words: '{}'"
                           .format(where, col, s))
    if len(words) > MAX_WORDS:
        raise LexiconError("{}:{}: more than {} words: '{}'"
                           .format(where, col, MAX_WORDS, body))
    return words, exact, prefix, weight


class Lexicon:
    """The compiled lexicon plus the per-run memo of surface forms."""

    def __init__(self, directory):
        manifest_path = os.path.join(directory, "lexicon.json")
        try:
            with open(manifest_path, encoding="utf-8") as f:
                manifest = json.load(f)
        except OSError as e:
            raise LexiconError("cannot read '{}': {}"
                               .format(manifest_path, e.strerror))
        except ValueError as e:
            raise LexiconError("{}: invalid JSON: {}".format(manifest_path, e))
        try:
            lang = manifest["stemmer"]
            cats = manifest["categories"]
            self.cat_ids = [c["id"] for c in cats]
            files = [c["file"] for c in cats]
        except (KeyError, TypeError) as e:
            raise LexiconError("{}: missing field {}".format(manifest_path, e))
        try:
            self.stem = SnowballStemmer(lang).stem
        except ValueError:
            raise LexiconError("{}: unknown stemmer '{}'"
                               .format(manifest_path, lang))

        # Patterns are interned: (kind, value) -> id; kind is s(tem),
        # x (exact) or p(refix).
        self.pattern_id = {}
        self.stem_pid = {}
        self.exact_pid = {}
        self.prefix_pid = {}
        # first pattern id -> [(category, following pattern ids, weight, entry)]
        self.by_first = {}
        self.entry_names = []   # entry -> "category:entry as written" (for keyness)
        self.nentries = 0
        for cat, name in enumerate(files):
            self._load_category(cat, os.path.join(directory, name))
        self.prefix_lens = sorted({len(p) for p in self.prefix_pid})
        self.memo = {}

    def _pid(self, kind, value):
        key = (kind, value)
        pid = self.pattern_id.get(key)
        if pid is None:
            pid = self.pattern_id[key] = len(self.pattern_id)
            {"s": self.stem_pid, "x": self.exact_pid,
             "p": self.prefix_pid}[kind][value] = pid
        return pid

    def _load_category(self, cat, path):
        try:
            with open(path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except OSError as e:
            raise LexiconError("cannot read '{}': {}".format(path, e.strerror))
        except UnicodeDecodeError as e:
            raise LexiconError("{}: invalid UTF-8 at byte {}"
                               .format(path, e.start))
        seen = {}
        for lineno, raw in enumerate(lines, 1):
            where = "{}:{}".format(path, lineno)
            entry = parse_entry(raw, where)
            if entry is None:
                continue
            words, exact, prefix, weight = entry
            pids = []
            for k, w in enumerate(words):
                if prefix and k == len(words) - 1:
                    pids.append(self._pid("p", w))
                elif exact:
                    pids.append(self._pid("x", w))
                else:
                    pids.append(self._pid("s", self.stem(w)))
            key = tuple(pids)
            if key in seen:
                # slant rejects this; the peer only warns and keeps the first,
                # so that a benchmark run never dies on a lexicon detail.
                print("{}: warning: {}: same pattern as line {}; ignored"
                      .format(PROG, where, seen[key]), file=sys.stderr)
                continue
            seen[key] = lineno
            self.by_first.setdefault(pids[0], []).append(
                (cat, tuple(pids[1:]), weight, len(self.entry_names)))
            self.entry_names.append("{}:{}".format(self.cat_ids[cat],
                                                   strip_comment(raw).split()[0]))
            self.nentries += 1

    def resolve(self, form):
        """What one folded surface form matches: NOHIT or (pids, starts)."""
        pids = []
        pid = self.stem_pid.get(self.stem(form))
        if pid is not None:
            pids.append(pid)
        pid = self.exact_pid.get(form)
        if pid is not None:
            pids.append(pid)
        n = len(form)
        for length in self.prefix_lens:
            if length > n:
                break
            pid = self.prefix_pid.get(form[:length])
            if pid is not None:
                pids.append(pid)
        if not pids:
            return NOHIT
        starts = []
        for pid in pids:
            starts.extend(self.by_first.get(pid, ()))
        return (frozenset(pids), tuple(starts))


def count_article(lex, tokens, ncat, entries=None):
    """Per-category match counts for one article's folded tokens; with a dict
    `entries`, also the matches per entry (entry -> count) into it."""
    memo = lex.memo
    missing = set(tokens).difference(memo)
    if missing:
        resolve = lex.resolve
        for form in missing:
            memo[form] = resolve(form)
    infos = list(map(memo.__getitem__, tokens))
    n = len(infos)
    counts = [0] * ncat
    covered = [0] * ncat   # per category: the first token not yet matched
    for i in compress(range(n), infos):
        starts = infos[i][1]
        if len(starts) == 1 and not starts[0][1]:
            cat = starts[0][0]            # the common case: one word, one entry
            if covered[cat] <= i:
                counts[cat] += 1
                covered[cat] = i + 1
                if entries is not None:
                    e = starts[0][3]
                    entries[e] = entries.get(e, 0) + 1
            continue
        longest = {}
        for cat, follow, _weight, entry in starts:
            j = i + 1
            for pid in follow:
                if j >= n:
                    break
                info = infos[j]
                if not info or pid not in info[0]:
                    break
                j += 1
            else:
                if j - i > longest.get(cat, (0,))[0]:
                    longest[cat] = (j - i, entry)
        for cat, (length, entry) in longest.items():
            if covered[cat] <= i:
                counts[cat] += 1
                covered[cat] = i + length
                if entries is not None:
                    entries[entry] = entries.get(entry, 0) + 1
    return n, counts


def main(argv):
    ap = argparse.ArgumentParser(
        prog=PROG, description="Score JSON Lines articles against a slant "
        "lexicon with NLTK (the Python peer of make bench).")
    ap.add_argument("input", help="JSON Lines file, or '-' for stdin")
    ap.add_argument("--lexicon", required=True, help="lexicon directory")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--stats", action="store_true",
                    help="print articles, tokens and distinct forms to stderr")
    args = ap.parse_args(argv)

    try:
        lex = Lexicon(args.lexicon)
    except LexiconError as e:
        print("{}: {}".format(PROG, e), file=sys.stderr)
        return 2

    try:
        src = (sys.stdin.buffer if args.input == "-"
               else open(args.input, "rb"))
    except OSError as e:
        print("{}: cannot open '{}': {}".format(PROG, args.input, e.strerror),
              file=sys.stderr)
        return 2

    cat_ids = lex.cat_ids
    ncat = len(cat_ids)
    findall = WORD_RE.findall
    loads = json.loads
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    out = sys.stdout
    text_field, id_field = args.text_field, args.id_field
    narticles = ntokens = failed = 0
    with src:
        for lineno, line in enumerate(src, 1):
            if not line.strip():
                continue
            try:
                obj = loads(line)
                text = obj[text_field]
                if not isinstance(text, str):
                    raise TypeError("field '{}' is not a string"
                                    .format(text_field))
            except (ValueError, KeyError, TypeError) as e:
                if isinstance(e, KeyError):
                    e = "no field '{}'".format(text_field)
                print("{}: {}:{}: {}".format(PROG, args.input, lineno, e),
                      file=sys.stderr)
                failed += 1
                continue
            n, counts = count_article(lex, findall(fold(text)), ncat)
            out.write(dumps({"id": obj.get(id_field), "tokens": n,
                             "counts": dict(zip(cat_ids, counts))}))
            out.write("\n")
            narticles += 1
            ntokens += n
    out.flush()
    if args.stats:
        print("{}: articles {} tokens {} distinct_forms {} entries {}".format(
            PROG, narticles, ntokens, len(lex.memo), lex.nentries),
            file=sys.stderr)
    if failed:
        return 1 if narticles else 3
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        # The reader went away (as with `| head`): stop quietly.
        sys.stderr.close()
        os._exit(1)
