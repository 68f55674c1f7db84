#ifndef SLANT_INDEX_H
#define SLANT_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "lexicon.h"
#include "match.h"
#include "tokenize.h"

/*
 * The loaded-language index: one number per article and per sentence that says how much
 * of a text is judgement-laden word choice. This file holds its whole definition.
 *
 *   index        = 1000 * sum_c w_c * count_c  / tokens
 *   index_author = 1000 * sum_c w_c * author_c / (tokens - quote_tokens)
 *   index_quoted = 1000 * sum_c w_c * quoted_c / quote_tokens
 *
 * over the index categories c (slant_category_in_index(): groups `loaded` and
 * `contested`, without contested concepts and actors), where count_c is the number of
 * the text's matches of c that the index counts (below), author_c those whose first word
 * is the author's voice and quoted_c those whose first word is quoted speech (a source
 * speaking; a scare quote is the author's voice: frame.h); tokens and quote_tokens are
 * the words, and the words of quoted speech. Each value is NaN (JSON null, an empty
 * cell) when its denominator is 0. The headline is not part of it: its words are not
 * the text's.
 *
 * Counted once: a stretch of words matched by several index categories counts once.
 * A match is not counted when a match of another index category covers all its words and
 * is longer, or covers the same words and its category comes first in the lexicon
 * (slant_index_counts). "illegal immigrants" (contested_terms) does not also count its
 * "illegal" (delegitimizing). The record's per-category counts keep every match; its
 * `indexed` count per category (record.h) is the index's count_c.
 *
 * The weights w_c are 1 for every index category by default, so the default index is the
 * number of loaded and contested matches per 1,000 words. A weights file (below, written
 * by `slant calibrate`, read by `slant score --weights FILE`) replaces them: categories it
 * does not name get weight 0. Weights are on the raw rate-per-1,000 scale, so the index
 * with fitted weights is the linear part of the fitted model without its intercept.
 */

/* The weights the index uses. Plain data; strings and the array are owned. */
typedef struct {
    double *w;            /* one per lexicon category; 0 outside the index */
    uint8_t *member;      /* one per lexicon category: 1 for an index category */
    size_t n;             /* the lexicon's category count */
    char *file;           /* the weights file as named; NULL for the default weights */
    char *hash;           /* "fnv1a64:" + 16 hex digits over the file's bytes; NULL by default */
    char *unit;           /* what the weights were fitted on: "sentence", "article"; or NULL */
    double intercept;     /* the fitted model's intercept (not part of the index); else 0 */
} slant_weights;

/* Sets `w` to the default weights of `lex`: 1 for each index category, 0 for the rest.
 * Release with slant_weights_release. */
void slant_weights_default(slant_weights *w, const slant_lexicon *lex);

/*
 * Reads the weights file at `path` (docs/schema/weights.md) for `lex` into `w`. On error
 * returns SLANT_ERR_IO or SLANT_ERR_INPUT, `w` is left empty, and `err` names the file
 * and the problem: invalid JSON (with line and column), a wrong "schema" or "kind", a
 * category that is not in the lexicon or not an index category (with its line), a weight
 * that is not a finite number, or a lexicon hash different from `lex`'s (both are named:
 * weights are refused for any other lexicon, since a category's meaning may have changed).
 * The hash to compare is slant_lexicon_hash(lex), so actors added to `lex` count.
 */
slant_status slant_weights_load(slant_weights *w, const char *path, const slant_lexicon *lex,
                                slant_error *err);

/* As slant_weights_load, from `len` bytes of `text` read from `path` (named in errors). */
slant_status slant_weights_parse(slant_weights *w, const char *text, size_t len,
                                 const char *path, const slant_lexicon *lex, slant_error *err);

void slant_weights_release(slant_weights *w);

/*
 * Whether the index counts match `k` of the `n` matches at `m` (one text's or one
 * sentence's, in text order): its category is an index category and no match of another
 * index category covers its words and takes precedence (longer, or the same words and a
 * category listed earlier). Weights play no part: a category of weight 0 still covers.
 */
int slant_index_counts(const slant_weights *w, const slant_match *m, size_t n, size_t k);

/* The three values of the index. */
typedef struct {
    double all;           /* index: per 1,000 words of the text */
    double author;        /* index_author: per 1,000 words of the author's voice */
    double quoted;        /* index_quoted: per 1,000 words of quoted speech */
} slant_index;

/*
 * The definition: from the weighted match sums of the whole text, of the author's voice
 * and of quoted speech, and the word counts.
 */
slant_index slant_index_from_sums(double all, double author, double quoted, size_t tokens,
                                  size_t quote_tokens);

/* The weighted match sums of a text or a sentence, as slant_index_add() builds them. */
typedef struct {
    double all, author, quoted;
} slant_index_sums;

/*
 * Adds match `k` of the `n` matches at `m` to `s` when the index counts it
 * (slant_index_counts) with a weight other than 0; `speech` says whether its first word is
 * quoted speech. Returns whether the index counts the match, whatever its weight.
 */
int slant_index_add(slant_index_sums *s, const slant_weights *w, const slant_match *m,
                    size_t n, size_t k, int speech);

/*
 * The index of the `n` matches at `m` over `tokens` words of which `quote_tokens` are
 * quoted speech: the whole text's matches for an article, one sentence's for a sentence.
 * `speech` is the text's per-word flag of quoted speech (slant_frame.speech); a match is
 * quoted speech when its first word is.
 */
slant_index slant_index_of_matches(const slant_weights *w, const uint8_t *speech,
                                   const slant_match *m, size_t n, size_t tokens,
                                   size_t quote_tokens);

/*
 * One sentence of a text, as `slant score --sentences` reports it: its bytes, its words,
 * its matches (a run of the text's matches, which are in text order) and its index.
 */
typedef struct {
    size_t sentence;          /* 0-based, as the evidence's "sentence" */
    size_t paragraph;
    size_t start, end;        /* bytes of the text: see slant_sentence_unit() */
    size_t tokens, quote_tokens;  /* its words, and those of quoted speech */
    size_t first_match, nmatches;   /* its matches: m->items[first_match ..] */
    slant_index index;
} slant_sentence_unit;

/*
 * Fills `u` for sentence `i` of `doc`, whose per-word flag of quoted speech is `speech`
 * (slant_frame.speech) and whose matches are `m`. The bytes run from the sentence's first word to its
 * last, widened to the punctuation and quote marks attached to them (up to white space,
 * never into a neighbouring sentence's words): "\"We will act,\" she said." whole.
 * `*cursor` is the index of the first match not yet given to a sentence: start at 0 and
 * call for i = 0, 1, ... in order.
 */
void slant_sentence_unit_of(const slant_doc *doc, const uint8_t *speech,
                            const slant_matches *m, const slant_weights *w, size_t i,
                            size_t *cursor, slant_sentence_unit *u);

/* The unit's matches (u->nmatches of them) in `m`; NULL when it has none, so that no
 * offset is ever applied to the NULL items of a document without matches. */
static inline const slant_match *slant_sentence_unit_matches(const slant_matches *m,
                                                             const slant_sentence_unit *u)
{
    return u->nmatches ? m->items + u->first_match : NULL;
}

#endif
