#ifndef SLANT_KWIC_H
#define SLANT_KWIC_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "lexicon.h"
#include "score.h"

/*
 * Keyword in context (`slant kwic`): where a term occurs in the article a scorer has just
 * scored, so a researcher sees how a word is used and finds the loaded words a lexicon
 * lacks. A term is, in this order:
 *   - a category id of the lexicon: every match of the category;
 *   - an entry of the lexicon as written, with or without its '=' ("radical" is the entry
 *     "=radical"; "so-called"): its matches, found the
 *     way scoring finds them (stems, multi-word entries, in every category that lists it);
 *   - else a plain word or phrase, compared word by word after the folding the matcher
 *     uses (NFC, case folding); a final '*' matches any ending ("extrem*").
 * `words` forces the last reading (a word that is also an entry, but unstemmed).
 */

typedef enum { SLANT_KWIC_CATEGORY, SLANT_KWIC_ENTRY, SLANT_KWIC_WORDS } slant_kwic_mode;

typedef struct {
    size_t start, end;      /* bytes of the occurrence in the article's text (a->text) */
    uint32_t sentence;
    long entry;             /* the lexicon entry matched, or -1 (plain words) */
    long category;          /* its category, or -1 */
} slant_kwic_hit;

typedef struct slant_kwic slant_kwic;

/* A finder of `term` in texts scored with `lex` (borrowed; must outlive it). Returns NULL
 * when the term has no word in it (nothing could match), with `err` saying so. */
slant_kwic *slant_kwic_new(const slant_lexicon *lex, const char *term, int words,
                           slant_error *err);
void slant_kwic_free(slant_kwic *k);

slant_kwic_mode slant_kwic_get_mode(const slant_kwic *k);

/*
 * The occurrences in article `a`, which `s` has just scored (slant_scorer_score), in text
 * order. Returns how many; `*hits` is borrowed from the finder until its next call.
 */
size_t slant_kwic_find(slant_kwic *k, const slant_scorer *s, const slant_article *a,
                       const slant_kwic_hit **hits);

#endif
