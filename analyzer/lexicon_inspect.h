#ifndef SLANT_LEXICON_INSPECT_H
#define SLANT_LEXICON_INSPECT_H

#include <stddef.h>

#include "buf.h"
#include "lexicon.h"
#include "lexicon_import.h"

/*
 * Lexicon inspection: what `slant lexicon list` and `slant lexicon stats` show, computed
 * as data. Nothing here prints; the command line formats the results (cli_lexicon.c).
 * Every function reads the lexicon only, so it may run while other threads score with it.
 */

/* --- entries ------------------------------------------------------------------------ */

/*
 * The kind of entry `e` as written: "stem", "exact", "prefix", "expression",
 * "expression, exact", "expression, prefix", or "?" when it has no word that can be keyed.
 * Uses `scratch` (its contents are replaced). The string is static.
 */
const char *slant_entry_kind(slant_keyer *k, const slant_entry *e, slant_buf *scratch);

/*
 * Replaces `out`'s contents with where `e` is defined: "FILE:LINE", or for an imported
 * lexicon (`im` not NULL) the input file's "FILE:LINE" when the import knows it, or for a
 * contested concept's variant its place in variants.json, as the lexicon names it.
 */
void slant_entry_place(const slant_entry *e, const slant_import *im, slant_buf *out);

/* --- stats -------------------------------------------------------------------------- */

/* Examples kept per overlap (the count counts them all). */
#define SLANT_OVERLAP_EXAMPLES 3

typedef struct {
    size_t entries;
    size_t multiword;          /* entries of more than one word */
    size_t wildcard;           /* entries ending in a prefix wildcard */
    size_t exact;              /* entries whose every word is matched exactly */
} slant_entry_counts;

/*
 * Two categories sharing entry patterns: entries that match the same words after folding
 * and stemming. The examples are the entries of category `a` as written (borrowed from the
 * lexicon: valid while it lives).
 */
typedef struct {
    size_t a, b;               /* category indexes, a < b */
    size_t count;
    const char *examples[SLANT_OVERLAP_EXAMPLES];
} slant_overlap;

typedef struct {
    slant_entry_counts *cats; /* one per category, in the lexicon's order */
    slant_entry_counts total;
    slant_overlap *overlaps;    /* most shared first, then by (a, b) */
    size_t noverlaps;
} slant_lexicon_stats;

/*
 * Fills `*s` with the entry counts of every category and the overlaps between categories.
 * An entry that cannot be keyed counts as an entry and nothing else. Cannot fail (out of
 * memory aborts). Release with slant_lexicon_stats_release.
 */
void slant_lexicon_stats_compute(const slant_lexicon *lex, slant_lexicon_stats *s);
void slant_lexicon_stats_release(slant_lexicon_stats *s);

/* --- what a phrase matches ---------------------------------------------------------- */

typedef enum {
    SLANT_WORD_STEMMED = 0,    /* folded, then stemmed */
    SLANT_WORD_NUMBER,         /* folded; a number is matched exactly, never stemmed */
    SLANT_WORD_TOO_LONG        /* longer than SLANT_MAX_WORD_BYTES: matches nothing */
} slant_word_kind;

typedef struct {
    size_t start, end;         /* bytes of the phrase */
    slant_word_kind kind;
    char *folded;              /* NULL when too long */
    char *stem;                /* NULL unless SLANT_WORD_STEMMED */
} slant_phrase_word;

typedef struct {
    size_t entry, category;    /* indexes into the lexicon */
    size_t start, end;         /* bytes of the phrase it matches */
    const char *kind;          /* as slant_entry_kind() says; static */
    int negated, boosted, diminished;
} slant_phrase_match;

/*
 * What a phrase matches, and why: its words with their folded forms and stems, and the
 * matches the real scorer finds when it scores the phrase as an article (within a
 * category only the longest match counts). The inspection owns every string in it.
 */
typedef struct {
    char *text;                /* a copy of the phrase; starts and ends index it */
    slant_phrase_word *words;
    size_t nwords;
    slant_phrase_match *matches; /* in the scorer's order */
    size_t nmatches;
} slant_phrase_inspection;

/*
 * Scores `phrase` with `lex` and fills `*out`. Cannot fail (out of memory aborts); a
 * phrase without a word has no words and no matches. Release with
 * slant_phrase_inspection_release.
 */
void slant_phrase_inspect(const slant_lexicon *lex, const char *phrase,
                          slant_phrase_inspection *out);
void slant_phrase_inspection_release(slant_phrase_inspection *p);

#endif
