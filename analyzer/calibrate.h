#ifndef SLANT_CALIBRATE_H
#define SLANT_CALIBRATE_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "labelled.h"
#include "lexicon.h"
#include "logit.h"

/*
 * What `slant calibrate` does between reading a labelled sample (labelled.h) and fitting
 * it (logit.h): the features of each unit, and the weights file the fit becomes.
 *
 * The features are the index categories of the lexicon (slant_category_in_index), in
 * lexicon order, and a unit's value for one is its rate per 1,000 words: 1000 times the
 * category's matches that the index counts (author's voice and quotations together, a
 * stretch of words once: record.h's `indexed`, index.h) over the text's words.
 */

/* The lexicon indices of the index categories, in lexicon order: writes up to
 * slant_lexicon_ncategories(lex) of them to `out` and returns how many. */
size_t slant_calibrate_categories(const slant_lexicon *lex, size_t *out);

/*
 * Scores each unit of `s` with `lex` and writes its rates of the `p` categories `cats`
 * to row i of `x` (s->n x p, row-major). A unit whose text has no words cannot have a
 * rate: it is passed to `report` (its file and line), its row is NaN and `ok[i]` is 0
 * (1 for the others). Returns the number of such units.
 */
size_t slant_calibrate_features(const slant_lexicon *lex, const slant_labelled *s,
                                const size_t *cats, size_t p, double *x, unsigned char *ok,
                                void (*report)(const slant_error *err, void *ctx), void *ctx);

/* What the weights file says. Everything is borrowed. */
typedef struct {
    const slant_lexicon *lex;
    const char *unit;                /* "sentence" or "article" */
    const size_t *cats;              /* the features' categories, `p` of them */
    size_t p;
    const slant_logit_model *model;  /* fitted to all units */
    size_t n, positives;
    double l2;
    size_t folds;
    unsigned long seed;
    const slant_auc *cv;             /* the cross-validated AUC of the pooled scores */
} slant_weights_info;

/*
 * Appends the weights file (docs/schema/weights.md: kind "slant-weights", schema 1) to
 * `out`: the lexicon's id, version and content hash (as in score records' provenance),
 * the unit, the intercept and the weight of every index category on the raw
 * rate-per-1,000 scale (0 for a constant feature), and the fit's description. Numbers are
 * written with 17 significant digits, so they read back exactly.
 */
void slant_calibrate_write_weights(const slant_weights_info *w, slant_buf *out);

/*
 * Appends the summary a person reads to `out`: the sample (with `skipped` rows skipped
 * with errors), the lexicon, the cross-validated AUC with its interval, the fit, and the
 * weights sorted by their standardised value (largest first), then the categories with
 * the same rate in every unit (weight 0) and that rate.
 */
void slant_calibrate_write_summary(const slant_weights_info *w, size_t skipped,
                                   slant_buf *out);

/*
 * Appends one JSON line per used unit to `out`: {"id", "file", "line", "label", "y",
 * "fold", "score"}, the score being the out-of-fold probability of y = 1 (17 digits).
 * `units` maps the rows of `y`, `fold` and `oof` (n of them) to units of `s`.
 */
void slant_calibrate_write_predictions(const slant_labelled *s, const size_t *units,
                                       const unsigned char *y, const size_t *fold,
                                       const double *oof, size_t n, slant_buf *out);

#endif
