#ifndef SLANT_RECORD_H
#define SLANT_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "frame.h"
#include "index.h"
#include "lexicon.h"
#include "match.h"
#include "signature.h"
#include "tokenize.h"

/*
 * The per-article record: what `slant score` reports for one article, computed from the
 * tokens and the matches. The writers (record_json.c for JSON Lines, table.c for CSV and TSV)
 * turn a slant_result into bytes; the field list is documented in docs/schema/score.md.
 */

#define SLANT_SCORE_SCHEMA 1
#define SLANT_SENTENCE_SCHEMA 1   /* sentence records of `slant score --sentences` */

typedef struct {
    uint32_t count;        /* matches */
    uint32_t indexed;      /* matches the loaded-language index counts (index.h); not written */
    uint32_t author;       /* matches in the author's voice (outside quoted speech) */
    uint32_t quoted;       /* matches in quoted speech (see frame.h: not scare quotes) */
    uint32_t negated;
    uint32_t boosted;
    uint32_t diminished;
    uint32_t lead;         /* matches in the lead (the text's first two sentences) */
    uint32_t headline;     /* matches in the headline (the title; not in `count`) */
    double score;          /* sum of the matched entries' weights */
} slant_category_stats;

typedef struct {
    size_t tokens;
    size_t sentences;
    size_t paragraphs;
    size_t quotes;
    size_t quote_tokens;   /* words of quoted speech: inside a quotation that is not a
                            * scare quote or a so-called label (frame.h) */
    size_t matched_tokens; /* words inside at least one match of any category */
    size_t lead_tokens;    /* words in the lead */
    size_t headline_tokens;    /* words in the headline (the title) */
    size_t invalid_utf8;
    slant_index index;            /* the loaded-language index of the text (index.h) */
    slant_category_stats *cats;   /* one per lexicon category */
    size_t ncats, cats_cap;
    uint8_t *covered;             /* scratch: words in a match */
    size_t covered_cap;
} slant_record;

void slant_record_init(slant_record *r);
void slant_record_release(slant_record *r);

/*
 * Computes `r` for one article (replacing what it held) from its text's words, matches
 * and framing `f` (computed first: it says which words are quoted speech) and, when the
 * article has a title, the headline's (`headline` and `hm` may be NULL); the
 * loaded-language index with the weights `w` (borrowed).
 */
void slant_record_compute(slant_record *r, const slant_lexicon *lex, const slant_weights *w,
                          const slant_doc *doc, const slant_matches *m, const slant_frame *f,
                          const slant_doc *headline, const slant_matches *hm);

/* Matches per 1,000 words; NaN when the article has no words. */
double slant_rate_per_1000(size_t count, size_t tokens);

/* What a writer needs to write one article's record. Everything is borrowed. */
typedef struct {
    const slant_article *article;
    const char *origin;           /* the file the article came from */
    long line;                    /* its line in a JSON Lines file, else 0 */
    const slant_doc *doc;
    const slant_matches *matches;
    const slant_doc *headline;            /* the title's words and matches, or NULL */
    const slant_matches *headline_matches;
    const slant_nearest_actor *headline_nearest;  /* per headline match (frame.h), or
                                                   * NULL: none known */
    const slant_record *record;
    const slant_frame *frame;             /* the text's framing */
    const slant_lexicon *lex;
    const slant_weights *weights;         /* the index's weights, for provenance */
    int evidence;                 /* write every match with its offsets */
    int compact;                  /* leave out zeros and empty members (docs/schema/score.md) */
    const char *const *keep;      /* field names passed through, `nkeep` of them */
    size_t nkeep;
    const slant_signature *signature; /* the content signature to write, or NULL */
} slant_result;

/*
 * What a score record holds of a scored article, computed once for every writer of it:
 * record_json.c writes it as JSON, and compare's rows of scored articles (score_row.c)
 * take the same facts without the JSON. The walks below call `sink` with each item, in
 * the record's order, instead of printing it; the items are valid during the call only.
 */

/* The language the record of `r` names ("lang"): the article's, else the lexicon's.
 * Borrowed from `r`. */
const char *slant_record_lang(const slant_result *r);

/* Whether a record writes kept field `x` ("fields") as a string (its value; NULL: null);
 * else its value is JSON that cJSON printed when reading the article, written as it is. */
int slant_record_field_is_text(const slant_field *x);

/* Whether a record counts category `cat` by its name: under "categories" and in each
 * actor's "sentence" and "window". Not a contested concept (its variants are under
 * "contested") nor an actor (under "actors"). */
int slant_record_lists_category(const slant_category *cat);

/* A matched entry of "entries": its category's id, its text and its matches; and its
 * number in the lexicon. */
typedef struct {
    const char *category;
    const char *entry;
    size_t count;
    size_t entry_index;
} slant_record_entry;

/*
 * The matched entries of the text of `r` that are not contested variants (entries
 * without a stance), each once with its count, in the order of each entry's first match:
 * the order in which the text's evidence names them, which a score record's "entries"
 * keeps and compare's rows too (score_read.h).
 */
void slant_record_visit_entries(const slant_result *r,
                                void (*sink)(const slant_record_entry *e, void *ctx),
                                void *ctx);

/* A contested variant of "contested": its concept's id, the variant (its text and
 * stance) and its matches (1 or more). */
typedef struct {
    const char *concept;
    const slant_entry *variant;
    size_t count;
} slant_record_variant;

/* The variants the text of `r` uses of each contested concept, in lexicon order
 * (concepts, then their variants). */
void slant_record_visit_contested(const slant_result *r,
                                  void (*sink)(const slant_record_variant *v, void *ctx),
                                  void *ctx);

/* The actors of "actors": each actor of the framing of `r` that the text mentions or
 * quotes, in the frame's order, with its id and its counts (the categories of its tables
 * are those of slant_record_lists_category). */
void slant_record_visit_actors(const slant_result *r,
                               void (*sink)(const char *actor, const slant_actor_stats *s,
                                            void *ctx),
                               void *ctx);

#endif
