/*
 * Fuzzes the lexicon loader (lexicon.h): the input is a category file. On the first call
 * a directory is made under $TMPDIR (fuzz.h) with a fixed lexicon.json naming two
 * categories: `a` (file a.txt, the input) and `b` (file b.txt, a fixed negator list).
 * Each input is written to a.txt and loaded. An error must carry a message, and a line
 * when it names a category file. A lexicon that loads is checked (two categories, every
 * entry with its words, weight, line and category) and, for one fuzzed input in four and
 * every replayed one (fuzz_thorough), used: a scorer matches it against a fixed sentence
 * and against the input itself read as an article, through the JSON Lines writer with
 * evidence. The directory is removed at exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "error.h"
#include "fuzz.h"
#include "lexicon.h"
#include "score.h"
#include "score_check.h"

static const char manifest[] =
    "{\n"
    "  \"id\": \"fuzz\",\n"
    "  \"version\": \"0.0.1\",\n"
    "  \"language\": \"en\",\n"
    "  \"stemmer\": \"english\",\n"
    "  \"categories\": [\n"
    "    { \"id\": \"a\", \"file\": \"a.txt\", \"group\": \"loaded\",\n"
    "      \"polarity\": \"negative\", \"definition\": \"the fuzzed file\" },\n"
    "    { \"id\": \"b\", \"file\": \"b.txt\", \"group\": \"structural\",\n"
    "      \"role\": \"negator\", \"definition\": \"a fixed negator list\" }\n"
    "  ]\n"
    "}\n";

static const char negators[] = "# negators\nnot\nnever\n\"failed to\"\n=didn't 1\n";

static const char sentence[] =
    "Officials said the radical militants did not attack the city; \xE2\x80\x9C" "ceasefire "
    "violations\xE2\x80\x9D were never confirmed, and the so-called regime's terrorists "
    "allegedly fled. \xC4\xB0stanbul, U.S. 1,000 anti-terrorist operation.\n";

static char dir[256];
static char path_manifest[300], path_a[300], path_b[300];

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_lexicon: invariant failed: %s\n", what);
    abort();
}

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
        fprintf(stderr, "fuzz_lexicon: cannot write '%s'\n", path);
        abort();
    }
}

static void cleanup(void)
{
    unlink(path_a);
    unlink(path_b);
    unlink(path_manifest);
    rmdir(dir);
}

static void setup(void)
{
    if (dir[0])
        return;
    fuzz_temp_template(dir, sizeof dir, "slant-fuzz-lexicon");
    if (!mkdtemp(dir)) {
        perror("fuzz_lexicon: mkdtemp");
        abort();
    }
    snprintf(path_manifest, sizeof path_manifest, "%s/lexicon.json", dir);
    snprintf(path_a, sizeof path_a, "%s/a.txt", dir);
    snprintf(path_b, sizeof path_b, "%s/b.txt", dir);
    write_file(path_manifest, manifest, sizeof manifest - 1);
    write_file(path_b, negators, sizeof negators - 1);
    atexit(cleanup);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Scores `len` bytes of `text` with the checks of score_check.h. */
static void score(slant_scorer *s, const slant_lexicon *lex, const char *text, size_t len)
{
    const char *wrong = score_checked(s, lex, text, len);
    if (wrong)
        fail(wrong);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    write_file(path_a, data, size);

    slant_lexicon *lex = NULL;
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_lexicon_load(dir, &lex, &err);
    if (st != SLANT_OK) {
        if (lex)
            fail("a lexicon returned with an error");
        if (st != SLANT_ERR_INPUT && st != SLANT_ERR_IO && st != SLANT_ERR_LIMIT)
            fail("an unexpected status");
        if (!err.message[0])
            fail("an error without a message");
        if (ends_with(err.file, "/b.txt"))
            fail("an error in the fixed file b.txt");
        if (ends_with(err.file, "/a.txt") && err.line < 1)
            fail("an error in a category file without a line");
        return 0;
    }
    if (slant_lexicon_ncategories(lex) != 2)
        fail("not two categories");
    for (size_t i = 0; i < slant_lexicon_nentries(lex); i++) {
        const slant_entry *e = slant_lexicon_entry(lex, i);
        if (e->nwords < 1 || e->nwords > SLANT_MAX_ENTRY_WORDS)
            fail("an entry with no words or too many");
        if (!(e->weight >= 0 && e->weight <= 100))
            fail("a weight out of range");
        if (e->line < 1 || e->category >= 2)
            fail("an entry without a line or a category");
    }
    if (fuzz_thorough(data, size)) { /* one fuzzed input in four, every replayed one */
        slant_scorer *s = slant_scorer_new(lex);
        if (!s)
            fail("slant_scorer_new failed");
        score(s, lex, sentence, sizeof sentence - 1);
        score(s, lex, (const char *)data, size);
        slant_scorer_free(s);
    }
    slant_lexicon_free(lex);
    return 0;
}
