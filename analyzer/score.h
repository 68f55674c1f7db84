#ifndef SLANT_SCORE_H
#define SLANT_SCORE_H

#include "article.h"
#include "buf.h"
#include "lexicon.h"
#include "match.h"
#include "record.h"
#include "signature.h"
#include "tokenize.h"

/*
 * A scorer is one worker's whole pipeline from an article to its output bytes:
 * tokenize -> fold -> stem (cached) -> match -> record -> write. It owns everything one
 * thread needs (its stemmer, its form cache, its reusable arrays), so scorers share
 * nothing but the read-only lexicon.
 *
 * The form cache maps each distinct word form, its bytes as the text has them, to the
 * lexicon patterns it fits and the trie nodes it starts from, so a form is folded,
 * stemmed and looked up once per run ("Zebra" and "zebra" are two forms; keying by the
 * bytes spares folding every occurrence, which costs more than stemming the few case
 * variants twice). It holds at most SLANT_FORM_CACHE_MAX forms and starts afresh when
 * full, which bounds memory whatever the corpus size.
 */

#define SLANT_FORM_CACHE_MAX 200000

typedef enum {
    SLANT_FORMAT_JSONL = 0,
    SLANT_FORMAT_CSV,
    SLANT_FORMAT_TSV,
    SLANT_FORMAT_LONG
} slant_format;

typedef struct {
    slant_format format;
    int evidence;                 /* JSON Lines only: every match with its offsets */
    const char *const *keep;      /* fields passed through, as given to the reader */
    size_t nkeep;
    size_t window;                /* actor co-occurrence window in words (0: the default) */
    const slant_weights *weights; /* the loaded-language index's weights (NULL: default) */
    int sentences;                /* one record per sentence (jsonl, csv, tsv), not per article */
    int signature;                /* JSON Lines records: add the content signature
                                   * (signature.h), for compare --event auto */
    int compact;                  /* JSON Lines records without zeros and empty members */
} slant_score_options;

typedef struct slant_scorer slant_scorer;

/* A scorer for `lex` (borrowed; must outlive the scorer). Free with slant_scorer_free. */
slant_scorer *slant_scorer_new(const slant_lexicon *lex);
void slant_scorer_free(slant_scorer *s);

/*
 * Scores `a` and fills the scorer's doc, matches and record (valid until the next call);
 * an article with a title also gets its headline's doc and matches.
 */
void slant_scorer_score(slant_scorer *s, const slant_article *a);

/* Scores `a` with the options `o` and fills `r` with what a writer needs (record.h): all
 * borrowed from `a`, `origin`, `o` and the scorer, valid until the next call on `s`. */
void slant_scorer_result(slant_scorer *s, const slant_article *a, const char *origin, long line,
                         const slant_score_options *o, slant_result *r);

/* Scores `a` and appends its output to `out`: a JSON line or a table row, or with
 * `o->sentences` one per sentence of its text. */
void slant_scorer_write(slant_scorer *s, const slant_article *a, const char *origin, long line,
                        const slant_score_options *o, slant_buf *out);

/* Sets the actor co-occurrence window (words) of the framing; default SLANT_FRAME_WINDOW. */
void slant_scorer_set_window(slant_scorer *s, size_t window);

/* Sets the weights of the loaded-language index (borrowed: they must outlive their use);
 * NULL: the default weights (index.h). */
void slant_scorer_set_weights(slant_scorer *s, const slant_weights *w);

/* What the last slant_scorer_score() produced; borrowed until the next call. */
const slant_frame *slant_scorer_frame(const slant_scorer *s);
const slant_doc *slant_scorer_doc(const slant_scorer *s);
const slant_matches *slant_scorer_matches(const slant_scorer *s);
const slant_record *slant_scorer_record(const slant_scorer *s);
/* The headline's words and matches, or NULL when the article has no title. */
const slant_doc *slant_scorer_headline(const slant_scorer *s);
const slant_matches *slant_scorer_headline_matches(const slant_scorer *s);

/*
 * The content signature of the article last scored (signature.h): its title's and text's
 * content stems, at most SLANT_SIGNATURE_MAX. It reads the words from the article's text:
 * call it while that article is alive. Borrowed: valid until the next call on `s`.
 */
const slant_signature *slant_scorer_signature(slant_scorer *s);

/* Distinct forms stemmed so far (for tests of the cache). */
size_t slant_scorer_stemmed(const slant_scorer *s);

#endif
