#ifndef SLANT_FRAME_PARTS_H
#define SLANT_FRAME_PARTS_H

/*
 * The parts of framing (frame.h), each in its own file, shared between those files only:
 * everyone else uses frame.h.
 *   frame.c         the word tests the parts share, so-called labels, quoted speech and
 *                   the epistemic profile, and the whole computed in order
 *   frame_quotes.c  quotations: their speakers, verbs, actors and anonymity; scare quotes
 *   frame_actors.c  actors: mentions, co-occurrence, roles in violence; the nearest actor
 * A slant_frame_ctx lives for one slant_frame_compute: it borrows the lexicon, the document
 * and the matches, and owns its arrays (freed at the end of the call).
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "frame.h"

/* No match, actor or word: the value of an empty slot. */
#define SLANT_FRAME_NONE UINT32_MAX

/* The categories framing reads, found by id (a lexicon without one simply has none). */
typedef struct {
    long report_neutral, report_loaded, anonymous, hedges, assertives, factives, violence;
} slant_frame_roles;

/* Where matches start: a list per word. */
typedef struct {
    const slant_matches *m;
    uint32_t *head;          /* per word: first match starting there, or SLANT_FRAME_NONE */
    uint32_t *next;          /* per match: the next one starting at the same word */
} slant_frame_starts;

/* What the parts read of one article: its lexicon, words and matches, borrowed, and the
 * indexes built over them. */
typedef struct {
    const slant_lexicon *lex;
    const slant_doc *doc;
    slant_frame_roles r;
    slant_frame_starts s;
    uint32_t *actor_end;     /* per word: the actor whose mention ends there, or SLANT_FRAME_NONE */
    uint32_t *according;     /* per sentence: its first "according to" outside quotes, or
                              * SLANT_FRAME_NONE; NULL in a text without quotations */
} slant_frame_ctx;

/* --- frame.c ------------------------------------------------------------------------------- */

/* Whether word `k` is `word` (lower case ASCII), in any case. Inline, so the length of a
 * literal is known when compiling: most words fail on the length alone. */
static inline int slant_frame_word_is(const slant_doc *d, size_t k, const char *word)
{
    if (k >= d->ntokens)
        return 0;
    const slant_token *t = &d->tokens[k];
    size_t n = strlen(word);
    if (t->end - t->start != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = d->text[t->start + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        if (c != word[i])
            return 0;
    }
    return 1;
}

/* Whether word `k` is a form of "be" or "get" (was, is, been, got, ...). */
int slant_frame_is_be(const slant_doc *d, size_t k);

/* The actor mentioned at word `k` (a match of an actor category starting there), or
 * SLANT_FRAME_NONE. */
uint32_t slant_frame_actor_at(const slant_frame_ctx *c, size_t k);

/* Whether words `a` and `b` are in the same sentence and clause. Inline, as it was in the
 * one file before: the attribution's loops ask it of every word they pass. */
static inline int slant_frame_same_place(const slant_doc *d, size_t a, size_t b)
{
    return d->tokens[a].sentence == d->tokens[b].sentence &&
           d->tokens[a].clause == d->tokens[b].clause;
}

/* --- frame_quotes.c ------------------------------------------------------------------------ */

/* Each outermost quotation's speaker, verb, actor and anonymity (frame.h: attribution). */
void slant_frame_attribute(const slant_frame_ctx *c, slant_frame *f);

/* Scare quotes: short quotations with no speaker, and short quotations inside speech
 * (after attribute). */
void slant_frame_scare_quotes(const slant_frame_ctx *c, slant_frame *f);

/* Distinct speakers, by their words folded to ASCII lower case. */
size_t slant_frame_distinct_speakers(const slant_doc *d, const slant_frame *f);

/* Each sentence's first "according to" outside quotations, or SLANT_FRAME_NONE; caller frees. */
uint32_t *slant_frame_find_according(const slant_doc *d);

/* --- frame_actors.c ------------------------------------------------------------------------ */

/* The actors' mentions, co-occurrence within `window` words and sentences, quotations and
 * roles in violence (after attribute). */
void slant_frame_actors(const slant_frame_ctx *c, slant_frame *f, size_t window);

#endif
