/* Framing (frame.h): the frame of an article computed, its parts in order; the word tests
 * the parts share (frame_parts.h); so-called labels; which words are quoted speech, and the
 * epistemic profile of the author's voice. The quotations are frame_quotes.c's, the actors
 * frame_actors.c's. */

#include "frame.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "frame_parts.h"
#include "xalloc.h"

void slant_frame_init(slant_frame *f)
{
    memset(f, 0, sizeof *f);
}

void slant_frame_release(slant_frame *f)
{
    free(f->quotes);
    free(f->so_called);
    free(f->scare);
    free(f->speech);
    free(f->actors);
    free(f->counts);
    free(f->nearest);
    memset(f, 0, sizeof *f);
}

/* --- words ------------------------------------------------------------------------------- */

int slant_frame_is_be(const slant_doc *d, size_t k)
{
    static const char *const forms[] = { "was", "were", "is", "are", "been", "being", "be",
                                         "got", "get", "gets", "getting" };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (slant_frame_word_is(d, k, forms[i]))
            return 1;
    return 0;
}

/* The actor mentioned at word `k` (a match of an actor category starting there), or
 * SLANT_FRAME_NONE. */
uint32_t slant_frame_actor_at(const slant_frame_ctx *c, size_t k)
{
    for (uint32_t i = c->s.head[k]; i != SLANT_FRAME_NONE; i = c->s.next[i]) {
        uint32_t cat = c->s.m->items[i].category;
        if (slant_lexicon_category(c->lex, cat)->actor)
            return cat;
    }
    return SLANT_FRAME_NONE;
}

/* --- the whole ------------------------------------------------------------------------------- */

static double per_1000(size_t count, size_t words)
{
    return words ? 1000.0 * (double)count / (double)words : NAN;
}

static size_t author_matches(const slant_frame *f, const slant_matches *m, long cat)
{
    size_t n = 0;
    for (size_t i = 0; cat >= 0 && i < m->n; i++)
        n += m->items[i].category == (uint32_t)cat && !f->speech[m->items[i].first_token];
    return n;
}

/* Per word, whether it is quoted speech: inside a quotation that is not a scare quote. */
static void mark_speech(const slant_doc *d, slant_frame *f)
{
    f->speech = xgrow(f->speech, &f->speech_cap, d->ntokens + 1, 1);
    for (size_t k = 0; k < d->ntokens; k++)
        f->speech[k] = d->tokens[k].quote != 0;
    for (size_t i = 0; i < f->nquotes; i++) {
        const slant_quote *sq = &d->quotes[f->quotes[i].quote];
        if (f->quotes[i].scare)
            memset(f->speech + sq->first_token, 0, sq->ntokens);
    }
}

/* The label of the so-called at word `k`: a quotation opening right after "called", a run
 * of capitalized words, or one word. */
static void so_called_at(const slant_doc *d, size_t k, slant_so_called *s)
{
    size_t at = k + 2;
    s->first = (uint32_t)k;
    s->label = (uint32_t)at;
    s->label_words = 1;
    s->quote = -1;
    s->start = d->tokens[k].start;
    s->end = d->tokens[at].end;
    uint32_t inner = d->tokens[at].quote;
    if (inner && inner != d->tokens[k + 1].quote && d->quotes[inner - 1].first_token == at) {
        const slant_quote *sq = &d->quotes[inner - 1];
        s->quote = (int32_t)(inner - 1);
        s->label_words = sq->ntokens;
        s->end = sq->end;
        return;
    }
    if (!(d->tokens[at].flags & SLANT_TOK_UPPER))
        return;
    size_t n = 1;
    while (at + n < d->ntokens && n < SLANT_FRAME_REACH && slant_frame_same_place(d, at, at + n) &&
           (d->tokens[at + n].flags & SLANT_TOK_UPPER) && d->tokens[at + n].quote == inner)
        n++;
    s->label_words = (uint32_t)n;
    s->end = d->tokens[at + n - 1].end;
}

static void so_called(const slant_frame_ctx *c, slant_frame *f)
{
    const slant_doc *d = c->doc;
    f->nso_called = 0;
    for (size_t k = 0; k + 2 < d->ntokens; k++) {
        if (!slant_frame_word_is(d, k, "so") || !slant_frame_word_is(d, k + 1, "called") ||
            d->tokens[k + 2].sentence != d->tokens[k].sentence)
            continue;
        f->so_called = xgrow(f->so_called, &f->so_called_cap, f->nso_called + 1,
                             sizeof *f->so_called);
        so_called_at(d, k, &f->so_called[f->nso_called++]);
    }
}

void slant_frame_compute(slant_frame *f, const slant_lexicon *lex, const slant_doc *doc,
                         const slant_matches *m, size_t window)
{
    slant_frame_ctx c;
    c.lex = lex;
    c.doc = doc;
    c.r.report_neutral = slant_lexicon_find_role(lex, SLANT_ROLE_REPORT_NEUTRAL);
    c.r.report_loaded = slant_lexicon_find_role(lex, SLANT_ROLE_REPORT_LOADED);
    c.r.anonymous = slant_lexicon_find_role(lex, SLANT_ROLE_ANONYMOUS_SOURCE);
    c.r.hedges = slant_lexicon_find_role(lex, SLANT_ROLE_HEDGE);
    c.r.assertives = slant_lexicon_find_role(lex, SLANT_ROLE_ASSERTIVE);
    c.r.factives = slant_lexicon_find_role(lex, SLANT_ROLE_FACTIVE);
    c.r.violence = slant_lexicon_find_role(lex, SLANT_ROLE_VIOLENCE);
    c.s.m = m;
    c.actor_end = xmalloc((doc->ntokens + 1) * sizeof *c.actor_end);
    for (size_t k = 0; k < doc->ntokens; k++)
        c.actor_end[k] = SLANT_FRAME_NONE;
    for (size_t i = 0; i < m->n; i++)
        if (slant_lexicon_category(lex, m->items[i].category)->actor)
            c.actor_end[m->items[i].first_token + m->items[i].ntokens - 1] = m->items[i].category;
    c.according = doc->nquotes ? slant_frame_find_according(doc) : NULL; /* only quotations ask */
    c.s.head = xmalloc((doc->ntokens + 1) * sizeof *c.s.head);
    c.s.next = xmalloc((m->n + 1) * sizeof *c.s.next);
    for (size_t k = 0; k < doc->ntokens; k++)
        c.s.head[k] = SLANT_FRAME_NONE;
    for (size_t i = m->n; i-- > 0;) { /* so each word's list is in match order */
        c.s.next[i] = c.s.head[m->items[i].first_token];
        c.s.head[m->items[i].first_token] = (uint32_t)i;
    }
    f->window = window;
    f->scare_quotes = f->attributed = f->continued = f->anonymous_quotes = 0;
    f->neutral_verbs = f->loaded_verbs = f->agentless_passives = 0;
    slant_frame_attribute(&c, f);
    slant_frame_scare_quotes(&c, f);
    f->scare_quotes = f->nscare;
    for (size_t i = 0; i < f->nquotes; i++) {
        const slant_quotation *q = &f->quotes[i];
        f->attributed += q->speaker_first >= 0;
        f->continued += q->continued;
        f->anonymous_quotes += q->anonymous;
        int own = q->speaker_first >= 0 && !q->continued; /* attributed here, not carried */
        f->neutral_verbs += q->verb_kind == SLANT_VERB_NEUTRAL && own;
        f->loaded_verbs += q->verb_kind == SLANT_VERB_LOADED && own;
    }
    f->speakers = slant_frame_distinct_speakers(doc, f);
    so_called(&c, f);
    slant_frame_actors(&c, f, window);
    mark_speech(doc, f);
    f->mentions = 0;
    for (size_t i = 0; i < m->n; i++)
        f->mentions += slant_lexicon_category(lex, m->items[i].category)->actor != 0;
    if (f->mentions) { /* else every match has none: a text without actors spends nothing */
        f->nearest = xgrow(f->nearest, &f->nearest_cap, m->n, sizeof *f->nearest);
        slant_nearest_actors(lex, doc, m, f->nearest);
    }
    size_t quoted = 0;
    for (size_t k = 0; k < doc->ntokens; k++)
        quoted += f->speech[k];
    f->author_tokens = doc->ntokens - quoted;
    size_t h = author_matches(f, m, c.r.hedges), a = author_matches(f, m, c.r.assertives);
    f->hedges = per_1000(h, f->author_tokens);
    f->assertives = per_1000(a, f->author_tokens);
    f->factives = per_1000(author_matches(f, m, c.r.factives), f->author_tokens);
    f->certainty = h + a ? ((double)a - (double)h) / (double)(a + h) : 0.0;
    free(c.according);
    free(c.s.head);
    free(c.s.next);
    free(c.actor_end);
}
