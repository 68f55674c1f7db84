/*
 * Fuzzes the JSON Lines record reader (article_json.h) and, for every record it accepts, the
 * whole scoring path behind it: tokenize, fold, stem, match, record and the JSON Lines
 * writer with evidence and kept fields. The output must be exactly one line.
 *
 * The lexicon is loaded once, from the directory in SLANT_FUZZ_LEXICON (default
 * "lexicons/en", relative to the current directory: run from the repository root), and
 * kept for the life of the process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "article_json.h"
#include "buf.h"
#include "fuzz.h"
#include "jsonline.h"
#include "lexicon.h"
#include "score.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_jsonl: invariant failed: %s\n", what);
    abort();
}

static const slant_lexicon *lexicon(void)
{
    static slant_lexicon *lex; /* loaded once, never freed */
    if (lex)
        return lex;
    const char *dir = getenv("SLANT_FUZZ_LEXICON");
    if (!dir || !*dir)
        dir = "lexicons/en";
    slant_error err;
    slant_error_clear(&err);
    if (slant_lexicon_load(dir, &lex, &err) != SLANT_OK) {
        char msg[1200];
        slant_error_format(&err, msg, sizeof msg);
        fprintf(stderr,
                "fuzz_jsonl: cannot load the lexicon '%s': %s\n"
                "fuzz_jsonl: run from the repository root or set SLANT_FUZZ_LEXICON\n",
                dir, msg);
        abort();
    }
    return lex;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const keep[] = { "outlet", "n" };
    const slant_lexicon *lex = lexicon();
    const slant_jsonl_fields fields = { "text", "id", keep, 2 };

    /* The byte-level checks the reader makes first (jsonline.h). */
    char *line = malloc(size + 1);
    if (!line)
        abort();
    memcpy(line, data, size);
    size_t nuls;
    slant_error lerr;
    if (slant_jsonline_check(line, size, "fuzz.jsonl", 7, &nuls, &lerr) == SLANT_OK) {
        if (memchr(line, '\0', size))
            fail("a NUL byte passed the check");
        const char *v;
        size_t n;
        if (slant_jsonline_member(line, size, "id", &v, &n) &&
            (v < line || n > size || v + n > line + size))
            fail("a member's text is outside the line");
    } else if (!lerr.message[0] || lerr.col < 1) {
        fail("a check error without a message or a column");
    }
    free(line);

    slant_article a;
    slant_article_init(&a);
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_json_parse_article((const char *)data, size, &fields,
                                               "fuzz.jsonl", 7, &a, &err);
    if (st != SLANT_OK) {
        if (st != SLANT_ERR_INPUT)
            fail("an error other than SLANT_ERR_INPUT");
        if (!err.message[0])
            fail("an error without a message");
        slant_article_release(&a);
        return 0;
    }
    if (a.text_offset > a.text_len || !a.text)
        fail("the article has no text or its offset is past its end");
    if (a.nfields != 2)
        fail("the article does not hold the two kept fields");

    slant_scorer *s = slant_scorer_new(lex);
    if (!s)
        fail("slant_scorer_new failed");
    const slant_score_options o = { .format = SLANT_FORMAT_JSONL, .evidence = 1, .keep = keep, .nkeep = 2 };
    slant_buf out;
    slant_buf_init(&out, (size_t)1 << 30);
    slant_scorer_write(s, &a, "fuzz.jsonl", 7, &o, &out);
    if (out.len == 0 || !out.data)
        fail("no output");
    if (out.data[out.len - 1] != '\n')
        fail("the output does not end with a newline");
    if (memchr(out.data, '\n', out.len - 1))
        fail("the output has a newline before its end");
    if (out.data[0] != '{')
        fail("the output is not a JSON object");
    slant_buf_release(&out);
    slant_scorer_free(s);
    slant_article_release(&a);
    return 0;
}
