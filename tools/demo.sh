#!/bin/sh
# The five-minute demo: scores the bundled corpus and shows what slant found, with the
# evidence for the first seed article. Writes build/demo/scores.jsonl and scores.csv.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/demo
echo "\$ build/slant score corpus/ -o build/demo/scores.jsonl"
build/slant score corpus/ -o build/demo/scores.jsonl
build/slant score -q --format csv corpus/ -o build/demo/scores.csv
build/slant score -q --format tsv corpus/ -o build/demo/scores.tsv  # no quoting: easy for awk
echo
echo "Per article: words, quotations, and matches per 1,000 words in a few categories"
echo "(all columns: build/demo/scores.csv, one row per article):"
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
         { printf "  %-50s %-18s %5s words %2s quotes  pejorative %5.1f  violence %5.1f  contested %5.1f  hedges %5.1f\n",
           $col["id"], $col["source"], $col["tokens"], $col["quotes"], $col["pejorative_labels_rate"],
           $col["violence_rate"], $col["contested_terms_rate"], $col["hedges_rate"] }' build/demo/scores.tsv
echo
echo "Evidence in seed 000 (byte offsets into the file, category, surface form, flags, nearest actor):"
build/slant score -q --evidence corpus/seeds/000_5941d1ad503c0a8e.txt |
    tr '{' '\n' | grep '"surface"' |
    sed -E 's/^"field":"[a-z]+","start":([0-9]+),"end":([0-9]+),"sentence":[0-9]+,"surface":"([^"]*)","category":"([^"]*)","entry":"(.*)","negated":(true|false),"boosted":(true|false),"diminished":[a-z]+,"in_quote":(true|false),"actor":"?([^",]*)"?,"actor_distance":[a-z0-9]+}.*/  \1-\2  \4: \3  [\5]  negated=\6 boosted=\7 quoted=\8 actor=\9/' |
    grep -v -E 'report_neutral|negators' | head -30
echo "  ..."
echo
echo "\$ build/slant compare --event event --indicators pejorative_labels,delegitimizing,hedges,report_loaded corpus/synthetic/"
echo "(three fictional outlets written by the project, covering the same twelve events: corpus/README.md)"
build/slant compare --event event --top 3 \
    --indicators pejorative_labels,delegitimizing,hedges,report_loaded corpus/synthetic/
echo
echo "Next: build/slant score --help, build/slant compare --help, and README.md for the tour."
