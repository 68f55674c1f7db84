#ifndef SLANT_VOCAB_H
#define SLANT_VOCAB_H

#include <stddef.h>

#include "article.h"
#include "score.h"
#include "stats.h"

/*
 * Open-vocabulary keyness (`slant keyness`): every word and every phrase of 2 to 3 words,
 * not only the lexicon's entries, counted per group of articles, and each group's terms
 * against the rest of the corpus, so that a researcher finds the loaded words a lexicon
 * lacks.
 *
 * Terms are words folded as the matcher folds them (NFC, case folding), joined by one
 * space; a phrase never crosses a sentence end, and a term with a number in it is not
 * counted. Stop words (function words: a built-in English list, or the caller's) are no
 * terms, and a phrase that begins or ends with one is not counted ("of the", "the army"
 * are not; "army of occupation" is). Per group, each term has its count, and its
 * document frequency: the number of the group's articles it occurs in at least once.
 *
 * Memory holds every distinct term once, with a count and a document frequency per group.
 */

typedef struct slant_vocab slant_vocab;

/* A vocabulary of terms of 1 to `max_words` (1 to 3) words, for articles scored with
 * `lex` (borrowed). `stop` (NULL: the built-in English list) holds `nstop` stop words,
 * folded here; copied. */
slant_vocab *slant_vocab_new(const slant_lexicon *lex, size_t max_words,
                             const char *const *stop, size_t nstop);
void slant_vocab_free(slant_vocab *v);

/* The built-in English stop list (function words), `*n` of them; static. */
const char *const *slant_vocab_stop_words(size_t *n);

/* Counts the terms of article `a`, which `s` has just scored, in group `group` (copied).
 * A term is marked as covered by the lexicon when, at one of its occurrences, a word of
 * it is inside a match of a category that is not an actor's (a phrase around a word the
 * lexicon has is no new word for it). */
void slant_vocab_add(slant_vocab *v, const char *group, const slant_scorer *s,
                     const slant_article *a);

size_t slant_vocab_ngroups(const slant_vocab *v);
/* A group's name, articles and words (borrowed until the vocabulary is freed). */
const char *slant_vocab_group(const slant_vocab *v, size_t g, size_t *articles, double *words);

typedef struct {
    const char *term;           /* borrowed from the vocabulary */
    size_t words;               /* 1 to 3 */
    double count, rest;         /* occurrences in the group and in the other groups */
    size_t df, df_rest;         /* articles of the group / of the others with the term */
    int in_lexicon;             /* covered by a lexicon match at least once */
    slant_keyness k;            /* the group (c: its words) against the rest (d) */
    double q;                   /* Benjamini-Hochberg over the group's tested terms */
} slant_vocab_term;

/*
 * The terms of group `g` against the other groups: those with a document frequency of at
 * least `min_df` in the group, tested with slant_keyness_of (confidence `level` for the
 * Log Ratio), q-values over them, sorted by signed G² from the most over-used. Returns
 * their number and sets `*out` (caller frees the array; its strings are borrowed).
 * Fewer than 2 groups: 0.
 */
size_t slant_vocab_key_terms(const slant_vocab *v, size_t g, size_t min_df, double level,
                             slant_vocab_term **out);

#endif
