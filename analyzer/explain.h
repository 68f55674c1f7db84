#ifndef SLANT_EXPLAIN_H
#define SLANT_EXPLAIN_H

#include <stddef.h>

#include "article.h"
#include "buf.h"
#include "lexicon.h"
#include "score.h"

/*
 * The explain view: what `slant explain` shows of one scored article, built as data and
 * rendered by one writer per style. Building reads what the scorer holds for the article
 * (its doc, matches, framing and record); rendering walks the view and never looks back
 * at the scorer. Nothing here prints.
 *
 * The view is a title, the article's text with a mark after every match (the numbers of
 * the matches that end there, 1-based in match order), the tables below in this order,
 * and a summary line of the framing counts. Every cell is a string as shown.
 *
 *   Matches        #, text, category, entry, voice (author or quoted), flags (negated,
 *                  boosted, diminished), nearest actor (the frame's, frame.h: "ACTOR (N words)"
 *                  or "-")
 *   Quotations     #, speaker (continued, anonymous), verb (loaded or neutral), words,
 *                  actor, opens with (its first six words)
 *   Scare quotes   kind, text: the scare quotes, then every "so-called" with its label
 *   Actors         actor, mentions, quotes, agent, patient, categories ("ID S/W": the
 *                  matches in a sentence with a mention / within the window); actors
 *                  neither mentioned nor quoted are left out
 *   Indicators     category, count, rate per 1,000 words, author, quoted; categories with
 *                  matches only, actors left out
 */

typedef enum {
    SLANT_EXPLAIN_MATCHES = 0,
    SLANT_EXPLAIN_QUOTATIONS,
    SLANT_EXPLAIN_SCARE,
    SLANT_EXPLAIN_ACTORS,
    SLANT_EXPLAIN_INDICATORS,
    SLANT_EXPLAIN_NTABLES
} slant_explain_section;

#define SLANT_EXPLAIN_MAX_COLS 7

typedef struct {
    const char *title;                        /* static */
    size_t ncols;
    const char *head[SLANT_EXPLAIN_MAX_COLS]; /* static */
    char **cells;                             /* row-major, nrows * ncols, owned */
    size_t nrows, cap;
} slant_explain_table;

/* A mark in the text: after byte `end` (exclusive), the number of match `number`. */
typedef struct {
    size_t end;
    size_t number;
} slant_explain_mark;

typedef struct {
    char *title;               /* "ORIGIN: TITLE (source: SOURCE)", owned */
    const char *text;          /* the article as read (borrowed from the scorer's doc:
                                * valid until its next slant_scorer_score) */
    size_t len;
    slant_explain_mark *marks; /* by end, then number; owned */
    size_t nmarks, marks_cap;
    slant_explain_table tables[SLANT_EXPLAIN_NTABLES];
    char *summary;             /* words, quotations, scare quotes, certainty; owned */
} slant_explain;

void slant_explain_init(slant_explain *x);
/* Frees what the view owns and leaves it as after slant_explain_init. */
void slant_explain_release(slant_explain *x);

/*
 * Builds in `x` the view of article `a` as `s` last scored it (slant_scorer_score(s, a)
 * must come first), replacing what `x` held. `origin` names the article when it has no
 * id. `lex` is the scorer's lexicon. Cannot fail (out of memory aborts).
 */
void slant_explain_build(slant_explain *x, const slant_lexicon *lex, const slant_scorer *s,
                         const slant_article *a, const char *origin);

/* The cell of row `row` and column `col` of section `t` (a string, never NULL). */
const char *slant_explain_cell(const slant_explain *x, slant_explain_section t, size_t row,
                               size_t col);

typedef enum {
    SLANT_EXPLAIN_TEXT = 0,    /* plain text, columns padded with spaces */
    SLANT_EXPLAIN_COLOUR,      /* text with ANSI bold headings and yellow marks */
    SLANT_EXPLAIN_HTML         /* a <section> of a page: text escaped, tables as <table> */
} slant_explain_style;

/* Appends the view to `out` in `style`. In HTML the article's text is made valid UTF-8;
 * in text it is too, and the cells are written as they are. */
void slant_explain_write(const slant_explain *x, slant_explain_style style, slant_buf *out);

/* The HTML page around the sections: its head (with the style sheet) and its end. */
void slant_explain_page_open(slant_buf *out);
void slant_explain_page_close(slant_buf *out);

#endif
