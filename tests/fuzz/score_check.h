#ifndef SLANT_FUZZ_SCORE_CHECK_H
#define SLANT_FUZZ_SCORE_CHECK_H

/*
 * Scoring a fuzzed text and checking what comes out, shared by the targets that load a
 * fuzzed lexicon (fuzz_lexicon.c, import_target.h). Included once per target.
 */

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "index.h"
#include "lexicon.h"
#include "score.h"

/*
 * Scores `len` bytes of `text` as an article through the JSON Lines writer with evidence
 * and returns what is wrong, or NULL: the output must be exactly one line, and every
 * match must lie within the words and name a category of `lex`; then as sentence records:
 * one line per sentence, their bytes in order within the text, every match in one.
 */
static const char *score_checked(slant_scorer *s, const slant_lexicon *lex, const char *text,
                                 size_t len)
{
    slant_article a;
    slant_article_init(&a);
    a.text = malloc(len ? len : 1);
    if (!a.text)
        return "out of memory";
    if (len)
        memcpy(a.text, text, len);
    a.text_len = len;
    const slant_score_options o = { .format = SLANT_FORMAT_JSONL, .evidence = 1 };
    slant_buf out;
    slant_buf_init(&out, (size_t)1 << 30);
    slant_scorer_write(s, &a, "fuzz.txt", 0, &o, &out);
    const char *wrong = NULL;
    if (out.len == 0 || out.data[out.len - 1] != '\n' || memchr(out.data, '\n', out.len - 1))
        wrong = "the output is not one line";
    const slant_matches *m = slant_scorer_matches(s);
    const slant_doc *d = slant_scorer_doc(s);
    for (size_t k = 0; k < m->n && !wrong; k++) {
        const slant_match *x = &m->items[k];
        if (x->ntokens == 0 || (size_t)x->first_token + x->ntokens > d->ntokens)
            wrong = "a match outside the words";
        else if (x->category >= slant_lexicon_ncategories(lex))
            wrong = "a match of a category that does not exist";
    }
    /* The sentences: one line each, in order, within the text, and every match in one. */
    const slant_score_options so = { .format = SLANT_FORMAT_JSONL, .sentences = 1 };
    slant_buf_reset(&out);
    if (!wrong)
        slant_scorer_write(s, &a, "fuzz.txt", 0, &so, &out);
    size_t lines = 0;
    for (size_t i = 0; i < out.len; i++)
        lines += out.data[i] == '\n';
    if (!wrong && lines != d->nsentences)
        wrong = "not one sentence record per sentence";
    slant_weights w;
    slant_weights_default(&w, lex);
    size_t cursor = 0, prev_end = 0, matched = 0;
    for (size_t i = 0; i < d->nsentences && !wrong; i++) {
        slant_sentence_unit u;
        slant_sentence_unit_of(d, slant_scorer_frame(s)->speech, m, &w, i, &cursor, &u);
        matched += u.nmatches;
        if (u.start < prev_end || u.end <= u.start || u.end > len)
            wrong = "a sentence's bytes overlap the previous one or leave the text";
        prev_end = u.end;
    }
    if (!wrong && matched != m->n)
        wrong = "a match in no sentence";
    slant_weights_release(&w);
    slant_buf_release(&out);
    slant_article_release(&a);
    return wrong;
}

#endif
