#ifndef SLANT_MATCH_H
#define SLANT_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "tokenize.h"

/*
 * The matcher: one left-to-right pass over a tokenized text that finds every lexicon
 * entry, single words and multi-word expressions alike, by walking the lexicon's trie
 * from each word (at most SLANT_MAX_ENTRY_WORDS deep, never across a sentence end).
 *
 * Within one category the longest match starting at a word wins (ties go to the entry
 * listed first), and words a category has matched are not matched again by it; different
 * categories may match the same words. Each match records whether a negator stands at
 * most SLANT_NEGATION_WINDOW words before it in the same clause, and whether a booster
 * or diminisher stands right before it.
 */

#define SLANT_NEGATION_WINDOW 3

typedef struct {
    uint32_t entry;          /* index into the lexicon's entries */
    uint32_t category;
    uint32_t first_token;
    uint32_t ntokens;
    uint8_t negated;
    uint8_t boosted;
    uint8_t diminished;
} slant_match;

/*
 * Where a word's pattern ids are in a pool, pool[first] .. pool[first + count - 1], and
 * after them the `nstarts` trie nodes the word reaches from the root (the steps every
 * match starting at the word takes first, looked up once per distinct word). The
 * patterns may be only those that can go on a match (slant_lexicon_follows): the others
 * step to no node.
 */
typedef struct {
    uint32_t first;
    uint32_t count;
    uint32_t nstarts;
} slant_pattern_span;

/*
 * The patterns of each word of a text, built by the caller from its per-form cache: per
 * word only the number of its form (4 bytes a word, where a span per word took 12: a
 * huge article's memory is mostly per-word arrays).
 */
#define SLANT_NO_FORM UINT32_MAX

typedef struct {
    const uint32_t *pool;
    const slant_pattern_span *forms;   /* per distinct word form */
    const uint32_t *form_of;           /* per token: its form, or SLANT_NO_FORM (none) */
} slant_word_patterns;

/* The patterns of word `i`. */
static inline slant_pattern_span slant_word_span(const slant_word_patterns *w, size_t i)
{
    static const slant_pattern_span none = { 0, 0, 0 };
    uint32_t f = w->form_of[i];
    return f == SLANT_NO_FORM ? none : w->forms[f];
}

/* The matches of one text, and the matcher's scratch. Reused from article to article. */
typedef struct {
    slant_match *items;
    size_t n, cap;
    uint32_t *covered;       /* per category: the first word it may match again */
    size_t covered_cap;
    uint8_t *roles;          /* per word: bit r set when a match of role r ends there */
    size_t roles_cap;
    slant_match *cand;       /* candidates starting at one word */
    size_t ncand, cand_cap;
} slant_matches;

void slant_matches_init(slant_matches *m);
void slant_matches_release(slant_matches *m);

/* Finds the matches of `lex` in `doc` into `out` (replacing what it held). */
void slant_match_doc(const slant_lexicon *lex, const slant_doc *doc,
                     const slant_word_patterns *words, slant_matches *out);

#endif
