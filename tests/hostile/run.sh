#!/bin/sh
# Hostile inputs (issue 14): each case once lost data without a word, made a number up,
# hung, or left a file that looked like output. Every case runs under a time limit; large
# inputs are generated in a temporary folder. Ends with "hostile: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
BUILD="${1:-${SLANT_BUILD:-build}}"
SLANT="$BUILD/slant"
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SUITE=hostile
. tests/tally.sh

limited() { timeout 20 "$@"; }

# --- silent data loss -------------------------------------------------------------------

# A \u0000 escape must not cut the text: "before", U+FFFD, "after radicals".
printf '{"id":"a","text":"before\\u0000after radicals"}\n' > "$tmp/nul.jsonl"
check "\\u0000 keeps the rest of the text" status 0 "$SLANT" score "$tmp/nul.jsonl"
check "... all three words scored" has '"tokens":3,' "$tmp/out"
printf '{"id":"a","text":"before\\uZZZZafter radicals"}\n{"id":"b","text":"fine"}\n' \
    > "$tmp/esc.jsonl"
check "\\uZZZZ is an error" status 1 "$SLANT" score "$tmp/esc.jsonl"
check "... with file, line and column" has "esc.jsonl:1:25: invalid JSON: invalid escape" "$tmp/err"
check "... the next record is scored" has '"id":"b"' "$tmp/out"
printf '{"id":"a","text":"x\\qy"}\n' > "$tmp/esc2.jsonl"
check "\\q is an error" status 3 "$SLANT" score "$tmp/esc2.jsonl"

# Standard input with a byte order mark, then JSON Lines.
printf '\357\273\277{"id":"a","text":"Radicals attacked."}\n{"id":"b","text":"Calm."}\n' \
    > "$tmp/bom.jsonl"
check "BOM on stdin: JSON Lines" status 0 "$SLANT" score - < "$tmp/bom.jsonl"
check "... two records" [ "$(wc -l < "$tmp/out")" = 2 ]

# Numeric ids keep their digits.
printf '{"id":12345678901234567890123456789,"text":"a"}\n{"id":12345678901234567890123456788,"text":"b"}\n{"id":1.50,"text":"c"}\n' > "$tmp/ids.jsonl"
check "29-digit ids" status 0 "$SLANT" score "$tmp/ids.jsonl"
check "... first as written" has '"id":"12345678901234567890123456789"' "$tmp/out"
check "... second as written" has '"id":"12345678901234567890123456788"' "$tmp/out"
check "... a decimal as written" has '"id":"1.50"' "$tmp/out"

# A header block ended by lone CRs.
printf 'title: Old Mac\rsource: mac\r\rRadicals attacked the town.\r' > "$tmp/mac.txt"
check "header with lone CRs" status 0 "$SLANT" score "$tmp/mac.txt"
check "... source read" has '"source":"mac"' "$tmp/out"
check "... title read" has '"title":"Old Mac"' "$tmp/out"

# --- hangs and unbounded work -----------------------------------------------------------

# A FIFO in a walked directory is passed over with a note; a symbolic link loop is seen.
mkdir -p "$tmp/walk/sub"
printf 'Radicals attacked.\n' > "$tmp/walk/a.txt"
mkfifo "$tmp/walk/pipe.txt"
check "FIFO in a walk does not block" status 0 "$SLANT" score "$tmp/walk"
check "... noted" has "pipe.txt" "$tmp/err"
rm "$tmp/walk/pipe.txt"
ln -s .. "$tmp/walk/sub/up"
check "symbolic link loop" status 1 "$SLANT" score "$tmp/walk"
check "... named" has "symbolic link loop" "$tmp/err"
check "... one record" [ "$(wc -l < "$tmp/out")" = 1 ]
rm "$tmp/walk/sub/up"
check "an empty directory in a walk (no qsort of nothing)" status 0 "$SLANT" score "$tmp/walk"

# --max-bytes bounds a line as it bounds a file; an endless line ends the input.
check "/dev/zero as JSON Lines ends" status 3 "$SLANT" score --input jsonl --max-bytes 100000 /dev/zero
check "... naming the limit" has "max-bytes" "$tmp/err"
check "... one message" [ "$(wc -l < "$tmp/err")" -le 2 ]
# An overlong line that does end is skipped, and the next one read.
$PY -c "print('{\"text\":\"' + 'a ' * 100000 + '\"}'); print('{\"id\":\"ok\",\"text\":\"x\"}')" > "$tmp/long.jsonl"
check "overlong line skipped" status 1 "$SLANT" score --max-bytes 100000 "$tmp/long.jsonl"
check "... the next line read" has '"id":"ok"' "$tmp/out"
# /dev/urandom: after 1,000 bad lines in a row, the input is given up with one message.
check "/dev/urandom as JSON Lines ends" status 3 "$SLANT" score --input jsonl /dev/urandom
check "... gives up with one message" has "1000 bad records in a row" "$tmp/err"
# 999 bad lines and a good one: all read.
$PY -c "
for i in range(999): print('bad')
print('{\"id\":\"good\",\"text\":\"x\"}')
for i in range(999): print('bad')
print('{\"id\":\"good2\",\"text\":\"x\"}')" > "$tmp/bad.jsonl"
check "999 bad lines do not give up" status 1 "$SLANT" score "$tmp/bad.jsonl"
check "... both good records read" [ "$(wc -l < "$tmp/out")" = 2 ]

# Standard input closed, or a directory: an error, not an empty article.
check "stdin closed" status 3 "$SLANT" score - <&-
check "... says so" has "standard input" "$tmp/err"
check "stdin a directory" status 3 "$SLANT" score - < "$tmp"
check "... says so" has "Is a directory" "$tmp/err"
check "stdin closed with -o" status 3 "$SLANT" score -o "$tmp/o.jsonl" - <&-
check "... and no output" [ ! -e "$tmp/o.jsonl" ]

# compare and report refuse score records of different lexicons (--force compares them);
# merge refuses partials of different lexicons and a shard counted twice.
mkdir -p "$tmp/lex"
cp -r lexicons/en "$tmp/lex/other"
cp -r lexicons/actors "$tmp/lex/" 2> /dev/null
sed -i 's/"version": *"[^"]*"/"version": "99.0.0"/' "$tmp/lex/other/lexicon.json"
"$SLANT" score -q corpus/synthetic/northern-voice corpus/synthetic/wire-neutral > "$tmp/a.jsonl"
"$SLANT" score -q --lexicon "$tmp/lex/other" corpus/synthetic/southern-herald \
    corpus/synthetic/wire-neutral > "$tmp/b.jsonl"
check "compare: different lexicons refused" status 2 "$SLANT" compare "$tmp/a.jsonl" "$tmp/b.jsonl"
check "... naming both sides" has "a.jsonl' with slant-en .*b.jsonl' with slant-en 99.0.0" "$tmp/err"
check "... and nothing written" [ ! -s "$tmp/out" ]
check "compare --force compares them" status 0 "$SLANT" compare --force "$tmp/a.jsonl" "$tmp/b.jsonl"
check "... with a note" has "note: comparing inputs scored with different lexicons" "$tmp/err"
check "report: different lexicons refused" status 2 "$SLANT" report "$tmp/a.jsonl" "$tmp/b.jsonl"
check "compare: articles scored now against records of another lexicon" \
    status 2 "$SLANT" compare --lexicon "$tmp/lex/other" "$tmp/a.jsonl" corpus/synthetic/southern-herald
check "compare: one lexicon is fine" status 0 "$SLANT" compare "$tmp/a.jsonl" corpus/synthetic/southern-herald
"$SLANT" compare -q --partial -o "$tmp/pa.json" "$tmp/a.jsonl"
"$SLANT" compare -q --partial -o "$tmp/pb.json" "$tmp/b.jsonl"
"$SLANT" compare -q --partial -o "$tmp/pc.json" corpus/synthetic/southern-herald
check "merge: partials of different lexicons refused" status 2 "$SLANT" merge "$tmp/pa.json" "$tmp/pb.json"
check "... naming both" has "pa.json' with slant-en .*pb.json' with slant-en 99.0.0" "$tmp/err"
check "merge --force merges them" status 0 "$SLANT" merge --force "$tmp/pa.json" "$tmp/pb.json"
check "merge: the same partial twice refused" status 2 "$SLANT" merge "$tmp/pa.json" "$tmp/pa.json"
check "... saying why" has "counted twice" "$tmp/err"
check "merge: two shards" status 0 "$SLANT" merge -o "$tmp/ac.json" "$tmp/pa.json" "$tmp/pc.json"
check "merge: a shard again inside a merged partial refused" \
    status 2 "$SLANT" merge "$tmp/ac.json" "$tmp/pc.json"
cp "$tmp/pa.json" "$tmp/pa-copy.json"
check "compare: the same partial twice is skipped" status 1 "$SLANT" compare "$tmp/pa.json" "$tmp/pa-copy.json"
check "... saying why" has "counted twice" "$tmp/err"

# report and compare reject records with impossible counts instead of printing NaN or Inf.
sed '1,3s/"tokens":[0-9]*/"tokens":-1500/' "$tmp/a.jsonl" > "$tmp/neg.jsonl"
check "report: negative word counts rejected" status 1 "$SLANT" report --min-n 2 "$tmp/neg.jsonl"
check "... with the line" has "neg.jsonl:1: invalid word count 'tokens': -1500" "$tmp/err"
check "... no negative counts printed" sh -c "! grep -q -- '-1500\|-1[0-9][0-9][0-9] ' '$tmp/out'"
check "... no NaN or Inf" sh -c "! grep -qiw 'nan\|inf' '$tmp/out'"
sed '1s/"quote_tokens":[0-9]*/"quote_tokens":999999/' "$tmp/a.jsonl" > "$tmp/quoted.jsonl"
check "compare: more quoted words than words rejected" status 1 "$SLANT" compare "$tmp/quoted.jsonl"

# explain: nearest actor and numbering were quadratic in the matches (40,000 in one
# sentence took 18 s); now n log n.
$PY -c "print('Armenian radicals attacked Azerbaijani protesters and ' * 8000)" > "$tmp/many.txt"
check "explain: 40,000 matches in one sentence within 5 s" \
    sh -c "timeout 5 '$SLANT' explain '$tmp/many.txt' > '$tmp/many.out'"
check "... every match numbered" grep -q "\[40000\]" "$tmp/many.out"
check "... nearest actors found" grep -q "armenia\|azerbaijan" "$tmp/many.out"

# One huge article: memory is bounded by about 7 times its size (README, "Memory"); it was
# 8.7 times (per-word pattern spans of 12 bytes, tokens of 24).
$PY -c "
import random
random.seed(1)
words = ('the radicals attacked a handful of protesters near the consulate and police said '
         'that officials were investigating').split()
out, n = [], 0
while n < 30_000_000:
    s = ' '.join(random.choice(words) for _ in range(15)).capitalize() + '. '
    out.append(s)
    n += len(s)
    if len(out) % 8 == 0:
        out.append('\n')
open('$tmp/huge.txt', 'w').write(''.join(out))"
size_kb=$(( $(wc -c < "$tmp/huge.txt") / 1024 ))
/usr/bin/time -f %M -o "$tmp/rss" "$SLANT" score -q -j 1 --max-bytes 100000000 \
    -o "$tmp/huge.jsonl" "$tmp/huge.txt"
rss_kb=$(tail -n 1 "$tmp/rss")
case "$BUILD" in
*asan*) ;; # a sanitizer's shadow memory is not slant's
*)
    check "a 30 MB article in at most 7.5 times its size ($rss_kb KB for $size_kb KB)" \
        [ $((rss_kb * 10)) -le $((size_kb * 75)) ]
    ;;
esac
rm -f "$tmp/huge.txt" "$tmp/huge.jsonl"

# --- output that looks complete but is not ----------------------------------------------

# SIGINT or SIGTERM during `score -o FILE`: the temporary file is removed; 130 or 143.
for sig in INT TERM; do
    mkdir -p "$tmp/sig$sig"
    mkfifo "$tmp/sig$sig/in.jsonl"
    "$SLANT" score -q -o "$tmp/sig$sig/out.jsonl" "$tmp/sig$sig/in.jsonl" 2> /dev/null &
    pid=$!
    sleep 0.3
    check "a temporary file while scoring (SIG$sig)" ls "$tmp/sig$sig/out.jsonl.tmp."* > /dev/null
    kill -$sig $pid
    (sleep 3; kill -KILL $pid 2> /dev/null) &
    wait $pid
    got=$?
    want=130
    [ $sig = TERM ] && want=143
    check "SIG$sig exits $want (got $got)" [ $got = $want ]
    check "... and removes the temporary file" [ "$(ls "$tmp/sig$sig")" = in.jsonl ]
done

# A full disk: "slant: FILE: No space left on device" and status 4, for every command.
full_disk() { # CMD...: run with -o on a full file system; status 4 and the message
    rm -f "$tmp/full/"*
    head -c 65536 /dev/zero > "$tmp/full/.fill" 2> /dev/null # full to the last byte
    status 4 "$@" -o "$tmp/full/x" && has "full/x: No space left on device" "$tmp/err" &&
        [ -z "$(ls "$tmp/full")" ]
}
mkdir -p "$tmp/full"
"$SLANT" compare --partial -o "$tmp/p.json" corpus/synthetic 2> /dev/null
if mount -t tmpfs -o size=4k tmpfs "$tmp/full" 2> /dev/null; then
    check "full disk: score" full_disk "$SLANT" score corpus/synthetic
    check "full disk: compare" full_disk "$SLANT" compare corpus/synthetic
    check "full disk: compare --partial" full_disk "$SLANT" compare --partial corpus/synthetic
    check "full disk: report" full_disk "$SLANT" report corpus/synthetic
    check "full disk: explain" full_disk "$SLANT" explain corpus/seeds
    check "full disk: merge" full_disk "$SLANT" merge "$tmp/p.json"
    check "full disk: calibrate" full_disk "$SLANT" calibrate -q \
        --lexicon tests/data/lexicon-calibrate tests/data/calibrate/sample.csv
    umount "$tmp/full"
fi
full_stdout() {
    limited "$@" > /dev/full 2> "$tmp/err"
    [ $? = 4 ] && has "standard output: No space left on device" "$tmp/err"
}
check "/dev/full: score" full_stdout "$SLANT" score corpus/synthetic
check "/dev/full: compare" full_stdout "$SLANT" compare corpus/synthetic
check "/dev/full: report" full_stdout "$SLANT" report corpus/synthetic
check "/dev/full: explain" full_stdout "$SLANT" explain corpus/seeds
check "/dev/full: merge" full_stdout "$SLANT" merge "$tmp/p.json"
limited "$SLANT" score corpus/seeds >&- 2> "$tmp/err"
check "stdout closed: status 4" [ $? = 4 ]
check "... and said" has "standard output: Bad file descriptor" "$tmp/err"

# A LIWC import that drops entries says clearly, even with -q, that its lexicon is partial.
check "import with drops exits 1" status 1 "$SLANT" lexicon import -q tests/lexicon/drops.dic -o "$tmp/drops"
check "... says it is a partial import" has "drops' is a partial import: 6 entries" "$tmp/err"
check "... and so does its lexicon.json" has "PARTIAL: 6 entries of the original" "$tmp/drops/lexicon.json"

finish
