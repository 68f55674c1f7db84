#!/bin/sh
# Batch jobs (issue 12): shards (--shard K/N) merge to exactly the whole, byte for byte;
# what merge refuses (partials of other schemas, slant versions, --where/--from/--to or
# --weights, the same partial or shard twice, overlapping shards; --force where it is
# meaningful); compact score records (score --compact) compared as the full ones, byte for
# byte; .gz and .zst inputs give the records of plain ones and are written by -o's name; a
# corrupt compressed file is an error naming it while the rest is processed; the GNU
# parallel recipe of docs/batch.md; Dask distributed with a scheduler and two workers on
# 127.0.0.1 (tools/dask_slant.py). Ends with "batch: N passed, N failed".
# SLANT_BATCH_NO_ENGINES=1 leaves out the engines (parallel and Dask: seconds, not less).
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
SLANT="$PWD/$BUILD/slant"
PY=/usr/bin/python3
CORPUS="$PWD/corpus/synthetic"
tmp=$(mktemp -d)
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2> /dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
SUITE=batch
. tests/tally.sh

limited() { timeout 120 "$@"; }
same() { cmp -s "$1" "$2" || { echo "  ($1 and $2 differ: $(cmp "$1" "$2" 2>&1 | head -c 200))"; return 1; }; }

# The whole, once.
"$SLANT" score -q "$CORPUS" > "$tmp/whole.jsonl"
sort "$tmp/whole.jsonl" > "$tmp/whole.sorted"
"$SLANT" compare -q "$CORPUS" > "$tmp/whole.txt"
"$SLANT" compare -q -f json "$CORPUS" > "$tmp/whole.json"
"$SLANT" compare -q --partial "$CORPUS" > "$tmp/whole.partial"

# Without its "shards" member (which says where the data came from), a partial's data.
data_of() { sed -E 's/,"shards":\[[^]]*\]//' "$1"; }

# --- shards -----------------------------------------------------------------------------

for n in 1 2 7; do
    rm -f "$tmp"/s_* "$tmp"/p_*
    k=1
    bad=0
    while [ $k -le $n ]; do
        "$SLANT" score -q --shard "$k/$n" -o "$tmp/s_$k.jsonl" "$CORPUS" || bad=1
        "$SLANT" compare -q --partial --shard "$k/$n" -o "$tmp/p_$k.json" "$CORPUS" || bad=1
        k=$((k + 1))
    done
    check "N=$n: every shard runs (status 0, empty ones too)" [ $bad = 0 ]
    cat "$tmp"/s_*.jsonl | sort > "$tmp/shards.sorted"
    check "N=$n: score shards, sorted, are the whole's records byte for byte" \
        same "$tmp/shards.sorted" "$tmp/whole.sorted"
    check "N=$n: no record twice" [ "$(sort -u "$tmp/shards.sorted" | wc -l)" = "$(wc -l < "$tmp/whole.jsonl")" ]
    check "N=$n: merge the partials" status 0 "$SLANT" merge -o "$tmp/m.json" "$tmp"/p_*.json
    data_of "$tmp/m.json" > "$tmp/m.data"
    data_of "$tmp/whole.partial" > "$tmp/w.data"
    check "N=$n: the merged partial's data is the whole's" same "$tmp/m.data" "$tmp/w.data"
    "$SLANT" compare -q "$tmp/m.json" > "$tmp/m.txt"
    check "N=$n: compare of the merge = compare of the whole (text)" same "$tmp/m.txt" "$tmp/whole.txt"
    "$SLANT" compare -q -f json "$tmp/m.json" > "$tmp/m.out.json"
    check "N=$n: compare of the merge = compare of the whole (JSON)" same "$tmp/m.out.json" "$tmp/whole.json"
done
# The partials of 7 merged in another order: the same data.
ls "$tmp"/p_*.json | sort -r > "$tmp/list"
"$SLANT" merge -o "$tmp/r.json" $(cat "$tmp/list")
data_of "$tmp/r.json" > "$tmp/r.data"
check "merge order does not matter" same "$tmp/r.data" "$tmp/w.data"
check "7 shards: the shard ids name K/N and the inputs" has '"fnv1a64:[0-9a-f]*:shard:7/7:inputs:fnv1a64:[0-9a-f]*"' "$tmp/m.json"
check "merging shard 3 twice is refused" status 2 "$SLANT" merge "$tmp/p_3.json" "$tmp/p_3.json"

# --- what merge refuses (a partial's identity: partial.h) ---------------------------------

# The p_K.json are the 7 shards of the corpus. Every refusal names both files.
check "the same partial twice: refused" status 2 "$SLANT" merge "$tmp/p_3.json" "$tmp/p_3.json"
check "... saying it is given twice" has "p_3.json' is given twice" "$tmp/err"
check "... also with --force" status 2 "$SLANT" merge --force "$tmp/p_3.json" "$tmp/p_3.json"
cp "$tmp/p_3.json" "$tmp/copy-of-3.json"
check "a copy of a shard: refused" status 2 "$SLANT" merge "$tmp/p_3.json" "$tmp/p_4.json" "$tmp/copy-of-3.json"
check "... naming both" has "copy-of-3.json' holds shard fnv1a64:[0-9a-f]*:shard:3/7:inputs:fnv1a64:[0-9a-f]*, which '$tmp/p_3.json' holds too" "$tmp/err"
check "a merged partial and one of its shards: refused" status 2 "$SLANT" merge "$tmp/m.json" "$tmp/p_5.json"
check "... naming both" has "p_5.json' holds shard .*, which '$tmp/m.json' holds too" "$tmp/err"
"$SLANT" compare -q --partial --shard 1/2 -o "$tmp/half1.json" "$CORPUS"
check "shards of another N of the same inputs: refused (they overlap)" status 2 "$SLANT" merge "$tmp/p_1.json" "$tmp/half1.json"
check "... naming both and both splits" has "p_1.json' holds shard 1/7 and '$tmp/half1.json' shard 1/2 of the same inputs" "$tmp/err"
check "... also with --force" status 2 "$SLANT" merge --force "$tmp/p_1.json" "$tmp/half1.json"
# The same shard K/N of the same inputs made twice, the corpus changed in between.
cp -r "$CORPUS" "$tmp/changing"
(cd "$tmp" && "$SLANT" compare -q --partial --shard 1/2 -o "$tmp/before.json" changing)
for f in "$tmp"/changing/*/*.txt; do echo "An added line, attacked and brutal." >> "$f"; done
(cd "$tmp" && "$SLANT" compare -q --partial --shard 1/2 -o "$tmp/after.json" changing)
(cd "$tmp" && "$SLANT" compare -q --partial --shard 2/2 -o "$tmp/after2.json" changing)
check "shard 1/2 of the same inputs made twice: refused" status 2 "$SLANT" merge "$tmp/before.json" "$tmp/after.json" "$tmp/after2.json"
check "... naming both" has "before.json' and '$tmp/after.json' both hold shard 1/2 of the same inputs" "$tmp/err"
check "shards 1/2 and 2/2 of other inputs (another corpus) merge" status 0 "$SLANT" merge "$tmp/after.json" "$tmp/half1.json"
check "... and 1/2 and 2/2 of one" status 0 "$SLANT" merge "$tmp/after.json" "$tmp/after2.json"
# Options that change the data: --where/--from/--to, --weights.
"$SLANT" compare -q --partial --shard 2/7 --where 'source!=nobody' -o "$tmp/where2.json" "$CORPUS"
check "partials of different --where: refused" status 2 "$SLANT" merge "$tmp/p_1.json" "$tmp/where2.json"
check "... naming both and the conditions" has "different --where, --from and --to: '$tmp/p_1.json' with (none), '$tmp/where2.json' with --where source!=nobody" "$tmp/err"
check "... --force merges them" status 0 "$SLANT" merge --force "$tmp/p_1.json" "$tmp/where2.json"
check "... with a note" has "note: combining partials of different --where" "$tmp/err"
"$SLANT" compare -q --partial --lexicon tests/data/lexicon-test -o "$tmp/lt1.json" "$CORPUS/northern-voice"
"$SLANT" compare -q --partial --lexicon tests/data/lexicon-test --weights tests/data/weights-test.json -o "$tmp/lt2.json" "$CORPUS/southern-herald"
check "partials of different --weights: refused" status 2 "$SLANT" merge "$tmp/lt1.json" "$tmp/lt2.json"
check "... naming both and the weights' hash" has "different --weights: '$tmp/lt1.json' with (none), '$tmp/lt2.json' with fnv1a64:" "$tmp/err"
check "... --force merges them" status 0 "$SLANT" merge --force "$tmp/lt1.json" "$tmp/lt2.json"
"$SLANT" compare -q --partial --lexicon tests/data/lexicon-test --weights tests/data/weights-test.json -o "$tmp/lt3.json" "$CORPUS/wire-neutral"
check "... the same --weights merge" status 0 "$SLANT" merge "$tmp/lt2.json" "$tmp/lt3.json"
# Versions: of slant, and of the partial's schema (edited by hand: no other slant here).
sed 's/"slant":"[^"]*"/"slant":"0.0.1-old"/' "$tmp/p_2.json" > "$tmp/old2.json"
check "partials of different slant versions: refused" status 2 "$SLANT" merge "$tmp/p_1.json" "$tmp/old2.json"
check "... naming both and both versions" has "different slant versions: '$tmp/p_1.json' with 0.1.0, '$tmp/old2.json' with 0.0.1-old" "$tmp/err"
check "... --force merges them" status 0 "$SLANT" merge --force "$tmp/p_1.json" "$tmp/old2.json"
sed 's/^{"schema":1,/{"schema":99,/' "$tmp/p_2.json" > "$tmp/schema2.json"
check "partials of different schemas: refused" status 2 "$SLANT" merge "$tmp/p_1.json" "$tmp/schema2.json"
check "... naming both" has "'$tmp/p_1.json' and '$tmp/schema2.json' are partials of different schemas (1 and 99)" "$tmp/err"
check "... also with --force" status 2 "$SLANT" merge --force "$tmp/p_1.json" "$tmp/schema2.json"
# A partial of an older slant (no "slant", "options", no inputs in its shard ids) merges.
sed -E 's/,"slant":"[^"]*","options":\{[^}]*\}//; s/:inputs:fnv1a64:[0-9a-f]*//' "$tmp/p_2.json" > "$tmp/older2.json"
check "an older partial (no identity) still merges" status 0 "$SLANT" merge -o "$tmp/mo.json" "$tmp/p_1.json" "$tmp/older2.json"
check "... and the merged partial keeps the options it knows" has '"options":{"subset":null,"weights":null}' "$tmp/mo.json"
# compare reads partials the same way: a refused one is skipped (status 1), said why.
check "compare: shards of another N skipped" status 1 "$SLANT" compare -q --min-n 1 "$tmp/p_1.json" "$tmp/half1.json"
check "... said why" has "shards of different N overlap" "$tmp/err"
check "compare: a partial of other --where skipped" status 1 "$SLANT" compare -q --min-n 1 "$tmp/p_1.json" "$tmp/where2.json"
check "compare --force: combined" status 0 "$SLANT" compare -q --min-n 1 --force "$tmp/p_1.json" "$tmp/where2.json"

# The share, by an independent implementation: FNV-1a 64 of the id, fmix64, mod N.
cat > "$tmp/share.py" <<'EOF'
import json, sys
M = (1 << 64) - 1
def share(s, n):
    h = 0xcbf29ce484222325
    for c in s.encode():
        h = ((h ^ c) * 0x100000001b3) & M
    h ^= h >> 33; h = (h * 0xff51afd7ed558ccd) & M
    h ^= h >> 33; h = (h * 0xc4ceb9fe1a85ec53) & M
    h ^= h >> 33
    return h % n + 1
n = int(sys.argv[1])
bad = 0
for k in range(1, n + 1):
    for line in open(f"{sys.argv[2]}/s_{k}.jsonl"):
        if share(json.loads(line)["id"], n) != k:
            bad += 1
sys.exit(1 if bad else 0)
EOF
check "each record is in the shard Python computes for its id" $PY "$tmp/share.py" 7 "$tmp"

# Shards of score records: compare --partial --shard over score output.
rm -f "$tmp"/q_*
for k in 1 2 3; do "$SLANT" compare -q --partial --shard "$k/3" -o "$tmp/q_$k.json" "$tmp/whole.jsonl"; done
"$SLANT" merge -o "$tmp/qm.json" "$tmp"/q_*.json
"$SLANT" compare -q "$tmp/whole.jsonl" > "$tmp/ws.txt"
"$SLANT" compare -q "$tmp/qm.json" > "$tmp/qs.txt"
check "shards of score records merge to the whole's comparison" same "$tmp/qs.txt" "$tmp/ws.txt"

# Bad shards.
for s in 0/3 4/3 1/0 a/b 1/2x 3 -1/2 1/1000001; do
    check "--shard $s is a usage error" status 2 "$SLANT" score --shard "$s" "$CORPUS"
done
check "compare --shard without --partial is a usage error" status 2 "$SLANT" compare --shard 1/2 "$CORPUS"
check "... and says so" has "needs --partial" "$tmp/err"
check "an empty shard: status 0" status 0 "$SLANT" score --shard 5/7 -o "$tmp/empty.jsonl" "$CORPUS"
check "... with a note" has "shard 5/7 holds no articles" "$tmp/err"
check "... and an empty file" [ -f "$tmp/empty.jsonl" ] && [ ! -s "$tmp/empty.jsonl" ]

# --- compact score records (score --compact) ---------------------------------------------

"$SLANT" score -q --compact "$CORPUS" > "$tmp/compact.jsonl"
check "compact records: a record per article" [ "$(wc -l < "$tmp/compact.jsonl")" = "$(wc -l < "$tmp/whole.jsonl")" ]
check "... smaller than the full ones" [ "$(wc -c < "$tmp/compact.jsonl")" -lt "$(wc -c < "$tmp/whole.jsonl")" ]
check "... saying so in provenance" [ "$(grep -c '"compact":true}' "$tmp/compact.jsonl")" = "$(wc -l < "$tmp/whole.jsonl")" ]
check "... without a zero category's zeros" has '"legitimizing":{}' "$tmp/compact.jsonl"
"$SLANT" score -q "$CORPUS" > "$tmp/full.jsonl"
for f in text json csv long; do
    "$SLANT" compare -q --event event -f $f "$tmp/full.jsonl" > "$tmp/cmp-full.$f"
    "$SLANT" compare -q --event event -f $f "$tmp/compact.jsonl" > "$tmp/cmp-compact.$f"
    check "compare of compact records = of full ones, byte for byte ($f)" same "$tmp/cmp-compact.$f" "$tmp/cmp-full.$f"
done
"$SLANT" compare -q --event event -f json -j 1 "$tmp/compact.jsonl" > "$tmp/cmp-compact-j1.json"
check "... also with -j 1" same "$tmp/cmp-compact-j1.json" "$tmp/cmp-full.json"
"$SLANT" score -q --compact --evidence corpus/seeds > "$tmp/compact-ev.jsonl"
"$SLANT" score -q --evidence corpus/seeds > "$tmp/full-ev.jsonl"
"$SLANT" compare -q --min-n 1 -f json "$tmp/compact-ev.jsonl" > "$tmp/cmp-cev.json"
"$SLANT" compare -q --min-n 1 -f json "$tmp/full-ev.jsonl" > "$tmp/cmp-fev.json"
check "... with evidence (keyness)" same "$tmp/cmp-cev.json" "$tmp/cmp-fev.json"
"$SLANT" report -q -f md "$tmp/full.jsonl" | sed "s|$tmp/full.jsonl|IN|" > "$tmp/rep-full.md"
"$SLANT" report -q -f md "$tmp/compact.jsonl" | sed "s|$tmp/compact.jsonl|IN|" > "$tmp/rep-compact.md"
check "report of compact records = of full ones" same "$tmp/rep-compact.md" "$tmp/rep-full.md"
"$SLANT" score -q --compact -o "$tmp/compact.jsonl.gz" "$CORPUS"
gzip -dc "$tmp/compact.jsonl.gz" > "$tmp/compact-gz.jsonl"
check "--compact -o FILE.gz: gzip of the compact records" same "$tmp/compact-gz.jsonl" "$tmp/compact.jsonl"
"$SLANT" compare -q --event event -f json "$tmp/compact.jsonl.gz" > "$tmp/cmp-gz.json"
check "... compared as the full records" same "$tmp/cmp-gz.json" "$tmp/cmp-full.json"
rm -f "$tmp"/cs_*
for k in 1 2 3; do "$SLANT" score -q --compact --shard "$k/3" -o "$tmp/cs_$k.jsonl" "$CORPUS"; done
cat "$tmp"/cs_*.jsonl | sort > "$tmp/cs.sorted"
sort "$tmp/compact.jsonl" > "$tmp/compact.sorted"
check "--compact --shard: the shards are the whole's compact records" same "$tmp/cs.sorted" "$tmp/compact.sorted"
check "--compact --format csv: a usage error" status 2 "$SLANT" score --compact -f csv "$CORPUS"
check "... saying why" has "compact writes article records in JSON Lines" "$tmp/err"
check "--compact --sentences: a usage error" status 2 "$SLANT" score --compact --sentences "$CORPUS"

# --- compressed input and output --------------------------------------------------------

# Articles as JSON Lines, plain, gzip and zstd; and the text corpus compressed in place.
$PY - "$CORPUS" "$tmp/plain/a.jsonl" <<'EOF'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w") as f:
    for d, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".txt"):
                p = os.path.join(d, name)
                f.write(json.dumps({"id": os.path.relpath(p, root), "source": os.path.basename(d),
                                    "text": open(p, encoding="utf-8").read()}) + "\n")
EOF
mkdir -p "$tmp/gz" "$tmp/zst" "$tmp/named"
gzip -c "$tmp/plain/a.jsonl" > "$tmp/gz/a.jsonl"          # compressed, plain name
zstd -q -c "$tmp/plain/a.jsonl" > "$tmp/zst/a.jsonl"
gzip -c "$tmp/plain/a.jsonl" > "$tmp/named/a.jsonl.gz"    # compressed, compressed name
zstd -q -c "$tmp/plain/a.jsonl" > "$tmp/named/b.jsonl.zst"
(cd "$tmp/plain" && "$SLANT" score -q a.jsonl) > "$tmp/plain.out"
(cd "$tmp/gz" && "$SLANT" score -q a.jsonl) > "$tmp/gz.out"
(cd "$tmp/zst" && "$SLANT" score -q a.jsonl) > "$tmp/zst.out"
check "JSON Lines in gzip: the plain records, byte for byte" same "$tmp/gz.out" "$tmp/plain.out"
check "JSON Lines in zstd: the plain records, byte for byte" same "$tmp/zst.out" "$tmp/plain.out"
check "... 36 of them" [ "$(wc -l < "$tmp/plain.out")" = 36 ]
nofile() { sed -E 's/"file":"[^"]*",//' "$1"; }
"$SLANT" score -q "$tmp/named" > "$tmp/named.out"
nofile "$tmp/plain.out" > "$tmp/plain.nofile"
cat "$tmp/plain.nofile" "$tmp/plain.nofile" > "$tmp/plain2.nofile"
nofile "$tmp/named.out" > "$tmp/named.nofile"
check ".jsonl.gz and .jsonl.zst in a directory walk: read as JSON Lines" same "$tmp/named.nofile" "$tmp/plain2.nofile"
gzip -c "$tmp/plain/a.jsonl" | (cd "$tmp/plain" && "$SLANT" score -q -) | nofile /dev/stdin > "$tmp/stdin.nofile"
check "gzip JSON Lines on standard input: the plain records" same "$tmp/stdin.nofile" "$tmp/plain.nofile"
first=$(find "$CORPUS" -name '*.txt' | sort | head -n 1)
"$SLANT" score -q - < "$first" > "$tmp/stdin-text.plain"
zstd -q -c "$first" | "$SLANT" score -q - > "$tmp/stdin-text.zst"
check "a zstd text on standard input: the plain record" same "$tmp/stdin-text.zst" "$tmp/stdin-text.plain"
head -c 3000 "$tmp/named/a.jsonl.gz" > "$tmp/cut.gz"
check "cut-short gzip on standard input: an error" status 1 "$SLANT" score -q - < "$tmp/cut.gz"
check "... saying so" has "not valid compressed data, or cut short" "$tmp/err"
# A text corpus whose files are gzip and zstd under their own names.
cp -r "$CORPUS" "$tmp/textz"
i=0
for f in $(find "$tmp/textz" -name '*.txt' | sort); do
    if [ $((i % 2)) = 0 ]; then gzip -c "$f" > "$f.z"; else zstd -q -c "$f" > "$f.z"; fi
    mv "$f.z" "$f"
    i=$((i + 1))
done
"$SLANT" score -q "$tmp/textz" | sed "s|$tmp/textz|$CORPUS|g" > "$tmp/textz.out"
check "text files in gzip and zstd: the plain records" same "$tmp/textz.out" "$tmp/whole.jsonl"
# Written compressed by -o's name, read back by compare.
"$SLANT" score -q -o "$tmp/w.jsonl.gz" "$CORPUS"
"$SLANT" score -q -o "$tmp/w.jsonl.zst" "$CORPUS"
gzip -dc "$tmp/w.jsonl.gz" > "$tmp/w1"
zstd -q -dc "$tmp/w.jsonl.zst" > "$tmp/w2"
check "-o FILE.gz is gzip of the records" same "$tmp/w1" "$tmp/whole.jsonl"
check "-o FILE.zst is zstd of the records" same "$tmp/w2" "$tmp/whole.jsonl"
"$SLANT" score -q -o "$tmp/w2.jsonl.gz" "$CORPUS"
check "-o FILE.gz is deterministic" same "$tmp/w.jsonl.gz" "$tmp/w2.jsonl.gz"
"$SLANT" compare -q "$tmp/w.jsonl.gz" > "$tmp/cz.txt"
"$SLANT" compare -q "$tmp/whole.jsonl" > "$tmp/cp.txt"
check "compare reads gzip score records" same "$tmp/cz.txt" "$tmp/cp.txt"
"$SLANT" compare -q --partial -o "$tmp/pz.json.zst" "$CORPUS"
"$SLANT" merge -o "$tmp/mz.json" "$tmp/pz.json.zst"
"$SLANT" compare -q "$tmp/mz.json" > "$tmp/mz.txt"
check "a zstd partial merges" same "$tmp/mz.txt" "$tmp/whole.txt"
# A full disk while writing compressed: status 4, the message, no file left.
mkdir -p "$tmp/full"
if mount -t tmpfs -o size=4k tmpfs "$tmp/full" 2> /dev/null; then
    for ext in gz zst; do
        rm -f "$tmp/full/"*
        head -c 65536 /dev/zero > "$tmp/full/.fill" 2> /dev/null
        check "full disk, -o FILE.$ext: status 4" status 4 "$SLANT" score -q -o "$tmp/full/x.jsonl.$ext" "$CORPUS"
        check "... says so" has "x.jsonl.$ext: No space left on device" "$tmp/err"
        check "... leaves nothing" [ -z "$(ls "$tmp/full")" ]
    done
    umount "$tmp/full"
fi
# Corrupt and cut short: an error naming the file; the rest of the batch is processed.
mkdir -p "$tmp/bad"
cp "$tmp/plain/a.jsonl" "$tmp/bad/1-good.jsonl"
head -c 3000 "$tmp/named/a.jsonl.gz" > "$tmp/bad/2-cut.jsonl.gz"
printf '\037\213garbage that is not deflate data at all\n' > "$tmp/bad/3-junk.jsonl"
head -c 3000 "$tmp/named/b.jsonl.zst" > "$tmp/bad/4-cut.jsonl.zst"
cp "$tmp/plain/a.jsonl" "$tmp/bad/5-good.jsonl"
check "corrupt compressed files: status 1" status 1 "$SLANT" score -q "$tmp/bad"
check "... the cut gzip named" has "cannot read '$tmp/bad/2-cut.jsonl.gz': not valid compressed data, or cut short" "$tmp/err"
check "... the junk named" has "cannot read '$tmp/bad/3-junk.jsonl': not valid compressed data" "$tmp/err"
check "... the cut zstd named" has "cannot read '$tmp/bad/4-cut.jsonl.zst': not valid compressed data" "$tmp/err"
check "... the good files after them scored" [ "$(grep -c '5-good.jsonl' "$tmp/out")" = 36 ]
printf '\037\213junk' > "$tmp/junk.txt"
check "a corrupt compressed text file: an error naming it" status 3 "$SLANT" score "$tmp/junk.txt"
check "... named" has "junk.txt': not valid compressed data" "$tmp/err"
head -c 2000 "$tmp/w.jsonl.gz" > "$tmp/cut-scores.jsonl.gz"
check "cut-short compressed score records: compare says so" status 1 "$SLANT" compare -q "$tmp/cut-scores.jsonl.gz" "$tmp/whole.jsonl"
check "... naming the file" has "cut-scores.jsonl.gz': not valid compressed data" "$tmp/err"

# --- progress on a terminal -------------------------------------------------------------

if command -v script > /dev/null; then
    # A rate needs a quarter of a second of scoring: 12 MB three times over (36 MB, about
    # 0.7 s at -j 1 here) so that the check of the rate runs on a fast machine too.
    $PY bench/gen_corpus.py --mb 12 "$tmp/big1.jsonl" 2> /dev/null
    cat "$tmp/big1.jsonl" "$tmp/big1.jsonl" "$tmp/big1.jsonl" > "$tmp/big.jsonl"
    script -qec "$SLANT score -j 1 -o $tmp/big.out $tmp/big.jsonl" /dev/null | tr '\r' '\n' > "$tmp/tty"
    check "a terminal gets a progress line" has "slant: scored [0-9]* articles, [0-9.]* MB" "$tmp/tty"
    check "... with MB/s and an ETA (the input's size is known)" has "MB/s, [0-9]*%, ETA [0-9]*:[0-9][0-9]" "$tmp/tty"
    script -qec "$SLANT score -q -j 1 -o $tmp/big.out $tmp/big.jsonl" /dev/null > "$tmp/tty-q"
    check "... not with -q" [ ! -s "$tmp/tty-q" ]
    "$SLANT" score -j 1 -o "$tmp/big.out" "$tmp/big.jsonl" 2> "$tmp/notty"
    check "... nor off a terminal" [ ! -s "$tmp/notty" ]
fi

# --- the engines ------------------------------------------------------------------------

if [ -z "${SLANT_BATCH_NO_ENGINES:-}" ]; then
    # GNU parallel: the one-line recipes of docs/batch.md (map, then reduce).
    mkdir -p "$tmp/gp"
    if command -v parallel > /dev/null; then
        (cd "$tmp/gp" &&
         seq 7 | parallel --will-cite -j 2 "$SLANT" compare -q --partial --shard {}/7 -o part-{}.json "$CORPUS" &&
         "$SLANT" merge -o merged.json part-*.json && "$SLANT" compare -q merged.json > result.txt)
        check "GNU parallel: 7 shards merged = the whole's comparison" same "$tmp/gp/result.txt" "$tmp/whole.txt"
        (cd "$tmp/gp" &&
         seq 7 | parallel --will-cite -j 2 "$SLANT" score -q --shard {}/7 -o scores-{}.jsonl.gz "$CORPUS" &&
         zcat scores-*.jsonl.gz | sort > scores.sorted)
        check "GNU parallel: 7 score shards (gzip), sorted = the whole's records" same "$tmp/gp/scores.sorted" "$tmp/whole.sorted"
    else
        fail "GNU parallel is not installed (sh tools/setup.sh test)"
    fi

    # Slurm: the job-array scripts of docs/batch.md, checked for syntax and simulated (each
    # array task run as Slurm would run it, with its environment; then the reduce step). A
    # real slurmctld/slurmd is not started here.
    check "Slurm: the scripts parse" bash -n tools/slurm/slant_map.sbatch
    check "Slurm: ... both" bash -n tools/slurm/slant_reduce.sbatch
    if command -v shellcheck > /dev/null; then
        check "Slurm: shellcheck is clean" shellcheck tools/slurm/slant_map.sbatch tools/slurm/slant_reduce.sbatch
    fi
    for k in 1 2 3; do
        SLURM_ARRAY_TASK_ID=$k SLURM_ARRAY_TASK_COUNT=3 SLURM_CPUS_PER_TASK=2 SLANT="$SLANT" \
            CORPUS="$CORPUS" OUT="$tmp/slurm" SCORES=1 bash tools/slurm/slant_map.sbatch
    done
    rm "$tmp/slurm/part-2.json"
    check "Slurm: the reduce refuses a missing part" status 3 env SLANT="$SLANT" OUT="$tmp/slurm" SHARDS=3 bash tools/slurm/slant_reduce.sbatch
    check "... naming the index to rerun" has "missing (rerun these array indices): 2" "$tmp/err"
    SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=3 SLANT="$SLANT" CORPUS="$CORPUS" OUT="$tmp/slurm" \
        bash tools/slurm/slant_map.sbatch
    check "Slurm: rerun the one task, reduce" status 0 env SLANT="$SLANT" OUT="$tmp/slurm" SHARDS=3 bash tools/slurm/slant_reduce.sbatch
    check "Slurm (simulated): the comparison = the whole's" same "$tmp/slurm/comparison.txt" "$tmp/whole.txt"
    check "Slurm (simulated): a report" has "<html" "$tmp/slurm/report.html"

    # Dask: a scheduler and two workers on 127.0.0.1, joined through the scheduler file.
    if $PY -c 'import distributed' 2> /dev/null; then
        sched="$tmp/scheduler.json"
        (cd "$tmp" && exec $PY -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 \
            --no-dashboard --scheduler-file "$sched" > "$tmp/sched.log" 2>&1) &
        pids="$pids $!"
        n=0
        while [ ! -s "$sched" ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
        for w in 1 2; do
            (cd "$tmp" && exec $PY -m distributed.cli.dask_worker --scheduler-file "$sched" \
                --host 127.0.0.1 --nthreads 1 --no-dashboard --name "w$w" > "$tmp/worker$w.log" 2>&1) &
            pids="$pids $!"
        done
        $PY - "$sched" <<'EOF'
import sys
from dask.distributed import Client
c = Client(scheduler_file=sys.argv[1], timeout=60)
c.wait_for_workers(2, timeout=60)
c.close()
EOF
        check "Dask: the scheduler and two workers are up" [ $? = 0 ]
        check "Dask: compare, 7 shards on two workers" status 0 $PY tools/dask_slant.py \
            --scheduler-file "$sched" --shards 7 --slant "$SLANT" -o "$tmp/dask.json" compare -- "$CORPUS"
        "$SLANT" compare -q "$tmp/dask.json" > "$tmp/dask.txt"
        check "Dask: the merged comparison = the whole's, byte for byte" same "$tmp/dask.txt" "$tmp/whole.txt"
        "$SLANT" compare -q -f json "$tmp/dask.json" > "$tmp/dask.out.json"
        check "Dask: ... in JSON too" same "$tmp/dask.out.json" "$tmp/whole.json"
        check "Dask: score, 2 shards" status 0 $PY tools/dask_slant.py \
            --scheduler-file "$sched" --shards 2 --slant "$SLANT" -o "$tmp/dask.jsonl" score -- "$CORPUS"
        sort "$tmp/dask.jsonl" > "$tmp/dask.sorted"
        check "Dask: score shards, sorted = the whole's records" same "$tmp/dask.sorted" "$tmp/whole.sorted"
        grep -h "slant-compare-shard" "$tmp"/worker*.log > /dev/null 2>&1 # (logs kept for a failure)
        check "Dask: a bad input fails the run, writing nothing" status 1 $PY tools/dask_slant.py \
            --scheduler-file "$sched" --shards 2 --retries 0 --slant "$SLANT" -o "$tmp/never.json" compare -- "$tmp/no-such-dir"
        check "... no output" [ ! -e "$tmp/never.json" ]
    else
        fail "Dask distributed is not installed (sh tools/setup.sh test)"
    fi
fi

finish
