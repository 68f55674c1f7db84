/*
 * Fuzzes the tokenizer (tokenize.h) with any bytes and checks the invariants its header
 * promises: every span lies inside the text, tokens come in order and do not overlap,
 * every index points at something that exists, and sentences, paragraphs and quotations
 * hold the words they claim. One static doc is reused across inputs (never released), as
 * a worker reuses its doc from article to article; a fresh doc tokenizes the same input
 * too, and the two must agree, so nothing left over from an earlier input leaks through.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "tokenize.h"

static void fail(const char *what, size_t i)
{
    fprintf(stderr, "fuzz_tokenize: invariant failed: %s (at index %zu)\n", what, i);
    abort();
}

#define CHECK(cond, i)                                                                  \
    do {                                                                                \
        if (!(cond))                                                                    \
            fail(#cond, (i));                                                           \
    } while (0)

static void check_tokens(const slant_doc *d)
{
    const uint32_t known = SLANT_TOK_NUMBER | SLANT_TOK_JOINED | SLANT_TOK_UPPER;
    for (size_t k = 0; k < d->ntokens; k++) {
        const slant_token *t = &d->tokens[k];
        CHECK(t->start < t->end, k);
        CHECK(t->end <= d->len, k);
        if (k > 0) {
            CHECK(d->tokens[k - 1].end <= t->start, k);
            CHECK(d->tokens[k - 1].sentence <= t->sentence, k);
            CHECK(d->tokens[k - 1].clause <= t->clause, k);
        }
        CHECK(t->sentence < d->nsentences, k);
        CHECK(t->quote <= d->nquotes, k);
        CHECK((t->flags & ~known) == 0, k);
        const slant_sentence *s = &d->sentences[t->sentence];
        CHECK(s->first_token <= k && k < (size_t)s->first_token + s->ntokens, k);
        if (t->quote) {
            /* The innermost quotation holding it: its bytes and its word range. */
            const slant_quote *q = &d->quotes[t->quote - 1];
            CHECK(q->start <= t->start && t->end <= q->end, k);
            CHECK(q->first_token <= k && k < (size_t)q->first_token + q->ntokens, k);
        }
    }
}

static void check_sentences(const slant_doc *d)
{
    size_t next = 0;   /* sentences cover the tokens in order, without gaps */
    for (size_t i = 0; i < d->nsentences; i++) {
        const slant_sentence *s = &d->sentences[i];
        CHECK(s->ntokens > 0, i);
        CHECK(s->first_token == next, i);
        CHECK((size_t)s->first_token + s->ntokens <= d->ntokens, i);
        next = (size_t)s->first_token + s->ntokens;
        CHECK(s->start <= s->end && s->end <= d->len, i);
        CHECK(s->start == d->tokens[s->first_token].start, i);
        CHECK(s->end == d->tokens[s->first_token + s->ntokens - 1].end, i);
        CHECK(s->paragraph < d->nparagraphs, i);
        const slant_paragraph *p = &d->paragraphs[s->paragraph];
        CHECK(p->first_sentence <= i && i < (size_t)p->first_sentence + p->nsentences, i);
        CHECK(p->start <= s->start && s->end <= p->end, i);
        if (i > 0)
            CHECK(d->sentences[i - 1].paragraph <= s->paragraph, i);
    }
    CHECK(next == d->ntokens, d->nsentences);
}

static void check_paragraphs(const slant_doc *d)
{
    for (size_t i = 0; i < d->nparagraphs; i++) {
        const slant_paragraph *p = &d->paragraphs[i];
        CHECK(p->start <= p->end && p->end <= d->len, i);
        CHECK((size_t)p->first_sentence + p->nsentences <= d->nsentences, i);
        if (i > 0) {
            CHECK(d->paragraphs[i - 1].end <= p->start, i);
            const slant_paragraph *prev = &d->paragraphs[i - 1];
            CHECK(prev->first_sentence + prev->nsentences == p->first_sentence, i);
        }
    }
}

static void check_quotes(const slant_doc *d)
{
    for (size_t i = 0; i < d->nquotes; i++) {
        const slant_quote *q = &d->quotes[i];
        CHECK(q->start <= q->end && q->end <= d->len, i);
        CHECK((size_t)q->first_token + q->ntokens <= d->ntokens, i);
        CHECK(q->first_paragraph <= q->last_paragraph, i);
        CHECK(q->last_paragraph < d->nparagraphs, i);
        CHECK(q->style <= SLANT_QUOTE_GUILLEMET, i);
        CHECK(q->closed <= 1, i);
        CHECK(q->depth < SLANT_MAX_QUOTE_DEPTH, i);
        if (i > 0)
            CHECK(d->quotes[i - 1].start <= q->start, i);
    }
}

/* The reused doc and a fresh one must hold the same result. */
static void check_same(const slant_doc *a, const slant_doc *b)
{
    CHECK(a->ntokens == b->ntokens, 0);
    CHECK(a->nsentences == b->nsentences, 0);
    CHECK(a->nparagraphs == b->nparagraphs, 0);
    CHECK(a->nquotes == b->nquotes, 0);
    CHECK(a->invalid_utf8 == b->invalid_utf8, 0);
    for (size_t k = 0; k < a->ntokens; k++) {
        const slant_token *x = &a->tokens[k], *y = &b->tokens[k];
        CHECK(x->start == y->start && x->end == y->end && x->sentence == y->sentence &&
                  x->clause == y->clause && x->quote == y->quote && x->flags == y->flags,
              k);
    }
    for (size_t k = 0; k < a->nsentences; k++) {
        const slant_sentence *x = &a->sentences[k], *y = &b->sentences[k];
        CHECK(x->start == y->start && x->end == y->end && x->first_token == y->first_token &&
                  x->ntokens == y->ntokens && x->paragraph == y->paragraph,
              k);
    }
    for (size_t k = 0; k < a->nparagraphs; k++) {
        const slant_paragraph *x = &a->paragraphs[k], *y = &b->paragraphs[k];
        CHECK(x->start == y->start && x->end == y->end &&
                  x->first_sentence == y->first_sentence && x->nsentences == y->nsentences,
              k);
    }
    for (size_t k = 0; k < a->nquotes; k++) {
        const slant_quote *x = &a->quotes[k], *y = &b->quotes[k];
        CHECK(x->start == y->start && x->end == y->end && x->first_token == y->first_token &&
                  x->ntokens == y->ntokens && x->first_paragraph == y->first_paragraph &&
                  x->last_paragraph == y->last_paragraph && x->style == y->style &&
                  x->closed == y->closed && x->depth == y->depth,
              k);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static slant_doc reused; /* zeroed, as slant_doc_init() leaves it; never released */
    const char *text = (const char *)data;

    if (slant_tokenize(&reused, text, size) != 0)
        fail("slant_tokenize failed on a short text", size);
    CHECK(reused.text == text && reused.len == size, 0);
    CHECK(reused.invalid_utf8 <= size, 0);
    check_tokens(&reused);
    check_sentences(&reused);
    check_paragraphs(&reused);
    check_quotes(&reused);

    slant_doc fresh;
    slant_doc_init(&fresh);
    if (slant_tokenize(&fresh, text, size) != 0)
        fail("slant_tokenize failed on a short text", size);
    check_same(&reused, &fresh);
    slant_doc_release(&fresh);
    return 0;
}
