/*
 * The body shared by the importer fuzz targets (fuzz_import_liwc.c, _dicx.c, _lc3.c):
 * each defines FORMAT, NAME and INPUT, then includes this file. Each input is imported
 * three ways: as UTF-8, as Latin-1, and as UTF-8 with --stem; every problem reported must
 * carry a message and a line, and what an import writes must load with the counts the
 * import gave. A fuzzed input takes one of the three ways (by its first byte), a replayed
 * one all three; one fuzzed input in four, and every replayed one, then scores a fixed
 * sentence and the input read as an article with the imported lexicon (score_check.h,
 * fuzz_thorough).
 */
#ifndef FORMAT
#error "define FORMAT, NAME and INPUT before including import_target.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "article.h"
#include "buf.h"
#include "error.h"
#include "fuzz.h"
#include "lexicon.h"
#include "lexicon_import.h"
#include "score.h"
#include "score_check.h"

static const char sentence[] =
    "The attack came at dawn; clashes followed. A ceasefire, or cease-fire, is kind of "
    "certain \xE2\x80\x94 perhaps. D\xC3\xA9tente in 1948? :) Well-known U.S. courts.\n";

static char dir[256];

static void fail(const char *what)
{
    fprintf(stderr, NAME ": invariant failed: %s\n", what);
    abort();
}

static void cleanup(void)
{
    rmdir(dir);
}

static void setup(void)
{
    if (dir[0])
        return;
    fuzz_temp_template(dir, sizeof dir, "slant-" NAME);
    if (!mkdtemp(dir)) {
        perror(NAME ": mkdtemp");
        abort();
    }
    atexit(cleanup);
}

typedef struct {
    size_t errors, dropped, merged, notes;
} tally;

static void report(slant_import_severity sev, const slant_error *err, void *ctx)
{
    tally *t = ctx;
    if (!err->message[0])
        fail("a problem without a message");
    if (strcmp(err->file, INPUT) != 0)
        fail("a problem that does not name the input");
    if (err->line < 0 || err->col < 0)
        fail("a negative line or column");
    if (err->line == 0 && !(sev == SLANT_IMPORT_ERROR && strstr(err->message, "empty file")))
        fail("a problem without a line");
    switch (sev) {
    case SLANT_IMPORT_ERROR: t->errors++; break;
    case SLANT_IMPORT_DROPPED: t->dropped++; break;
    case SLANT_IMPORT_MERGED: t->merged++; break;
    case SLANT_IMPORT_NOTE: t->notes++; break;
    default: fail("an unknown severity");
    }
}

static void score(const slant_lexicon *lex, const char *text, size_t len)
{
    slant_scorer *s = slant_scorer_new(lex);
    if (!s)
        fail("slant_scorer_new failed");
    const char *wrong = score_checked(s, lex, text, len);
    slant_scorer_free(s);
    if (wrong)
        fail(wrong);
}

static void run(const uint8_t *data, size_t size, slant_encoding enc, int stem)
{
    slant_import_options o = { .format = FORMAT, .encoding = enc, .stem = stem };
    tally t = { 0, 0, 0, 0 };
    slant_import *im = NULL;
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_import_parse((const char *)data, size, INPUT, &o, report, &t, &im,
                                         &err);
    if (st != SLANT_OK) {
        if (im)
            fail("an import returned with an error");
        if (st != SLANT_ERR_INPUT || !t.errors)
            fail("a failed import without a reported error");
        return;
    }
    if (!im || t.errors)
        fail("an import that succeeded after an error, or returned nothing");
    slant_import_counts before = slant_import_get_counts(im);
    if (before.errors || before.dropped != t.dropped || before.merged != t.merged)
        fail("the counts differ from the reports");
    if (slant_import_write(im, dir, report, &t, &err) != SLANT_OK)
        fail("the imported lexicon could not be written or does not load");
    slant_import_counts after = slant_import_get_counts(im);
    if (after.dropped != t.dropped)
        fail("a drop at writing that was not reported");
    slant_lexicon *lex = NULL;
    if (slant_lexicon_load(dir, &lex, &err) != SLANT_OK)
        fail("the written lexicon does not load");
    if (slant_lexicon_ncategories(lex) != after.categories)
        fail("the lexicon has other categories than the import counted");
    if (slant_lexicon_nentries(lex) != after.entries)
        fail("the lexicon has other entries than the import counted");
    for (size_t i = 0; i < slant_lexicon_nentries(lex); i++) {
        const slant_entry *e = slant_lexicon_entry(lex, i);
        if (slant_import_origin(im, e->category, (long)e->line) < 1)
            fail("an entry that maps to no input line");
    }
    if (fuzz_thorough(data, size)) { /* one fuzzed input in four, every replayed one */
        score(lex, sentence, sizeof sentence - 1);
        score(lex, (const char *)data, size);
    }
    slant_lexicon_free(lex);
    slant_import_remove(im, dir);
    if (mkdir(dir, 0700) != 0) /* slant_import_remove() removed it */
        fail("cannot make the directory again");
    slant_import_free(im);
}

/* Each fuzzed input is imported one of the three ways, chosen by its first byte (so an
 * input always takes the same way and a crash reproduces): three imports an input, each
 * writing and loading a lexicon, made the target too slow for ten million executions.
 * The replay imports every saved input all three ways. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    if (fuzz_takes_way(data, size, 3, 0))
        run(data, size, SLANT_ENCODING_UTF8, 0);
    if (fuzz_takes_way(data, size, 3, 1))
        run(data, size, SLANT_ENCODING_LATIN1, 0);
    if (fuzz_takes_way(data, size, 3, 2))
        run(data, size, SLANT_ENCODING_UTF8, 1);
    return 0;
}
