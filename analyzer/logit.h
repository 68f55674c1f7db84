#ifndef SLANT_LOGIT_H
#define SLANT_LOGIT_H

#include <stddef.h>

/*
 * L2-regularised logistic regression, k-fold cross-validation and the ROC AUC with
 * DeLong's confidence interval: what `slant calibrate` fits. logit.c includes GSL (for
 * the Cholesky solve, the random shuffle of the folds and the normal quantile); with
 * stats.c, stats_counts.c and compare.c it is one of the files that may (README.md).
 *
 * Conventions, as in stats.h: inputs are borrowed for the call and never modified;
 * scratch memory comes from xmalloc(); no global state, so calls may run concurrently;
 * nothing is printed. `x` is a row-major matrix of `n` rows (units) and `p` columns
 * (features); `y` holds 0 or 1 per row.
 */

/*
 * The fit. Features are standardised inside the fit (z-scores: the mean and the standard
 * deviation with n in the denominator, as scikit-learn's StandardScaler), and the model
 *
 *     P(y = 1 | z) = 1 / (1 + exp(-(b + w . z)))
 *
 * minimises   sum_i logloss_i + 0.5 * l2 * ||w||^2   (the intercept b is not penalised),
 * which is scikit-learn's LogisticRegression(C = 1 / l2, penalty = 'l2') on the same
 * standardised features. It is solved by Newton's method (iteratively reweighted least
 * squares) with a Cholesky solve of the Hessian and a backtracking line search, until
 * the Newton decrement falls below 1e-18 times (1 + the objective), as close to the
 * minimum as the objective's floating-point sum can tell, or `max_iter` steps.
 *
 * A feature with the same value in every row cannot be standardised: it is left out of
 * the fit, marked `constant` and given weight 0.
 */
typedef struct {
    double l2;            /* the penalty lambda, > 0 */
    int max_iter;         /* Newton steps at most; 0: 100 */
} slant_logit_options;

/* A fitted model. Arrays of `p` values, owned; release with slant_logit_model_release. */
typedef struct {
    size_t p;
    double intercept;         /* on the raw scale of the features */
    double *weights;          /* on the raw scale: w_std / sd */
    double intercept_std;     /* on the standardised scale */
    double *weights_std;
    double *mean, *sd;        /* of each feature in the fitted rows (sd: n denominator) */
    unsigned char *constant;  /* 1: the same value in every row; weight 0 */
    size_t nconstant;
    int iterations;           /* Newton steps taken */
    double objective;         /* the penalised log loss at the solution */
} slant_logit_model;

void slant_logit_model_init(slant_logit_model *m);
void slant_logit_model_release(slant_logit_model *m);

/* Why a fit did not happen. */
typedef enum {
    SLANT_LOGIT_OK = 0,
    SLANT_LOGIT_ONE_CLASS,      /* every row has the same label */
    SLANT_LOGIT_BAD_INPUT,      /* n < 2, l2 <= 0, a label not 0 or 1, a value not finite */
    SLANT_LOGIT_NO_CONVERGENCE  /* max_iter steps, or the Hessian was not positive definite */
} slant_logit_status;

/*
 * Fits the model to the rows of `x` (n x p) whose `use` flag is set (all rows when `use`
 * is NULL). `m` is filled (its previous contents released) on SLANT_LOGIT_OK; after any
 * other status it holds p, zero weights and NaN intercepts.
 */
slant_logit_status slant_logit_fit(const double *x, const unsigned char *y, size_t n, size_t p,
                                   const unsigned char *use, const slant_logit_options *o,
                                   slant_logit_model *m);

/* The fitted probability of y = 1 for one row of `p` raw feature values. */
double slant_logit_predict(const slant_logit_model *m, const double *row);

/* A short English phrase for a status ("every unit has the same label", ...); static. */
const char *slant_logit_status_text(slant_logit_status st);

/*
 * Deterministic fold assignment, stratified by label: the rows of each class, in input
 * order, are shuffled with GSL's MT19937 generator seeded with `seed` (positives first,
 * then negatives, from one generator), and dealt to folds 0, 1, ..., k-1, 0, ... in turn,
 * the negatives going on from the fold after the last positive's. Each fold then holds
 * floor or ceil of its share of each class. Writes fold numbers (0 to k-1) to `fold`.
 * Returns 0, or -1 if k < 2 or k > n.
 */
int slant_logit_folds(const unsigned char *y, size_t n, size_t k, unsigned long seed,
                      size_t *fold);

/*
 * k-fold cross-validation: for each fold, fits the model (standardising on the training
 * rows alone) to the other folds and writes the fitted probabilities of the fold's rows
 * to `oof` (out-of-fold scores, one per row). `fold` is as slant_logit_folds wrote it.
 * Returns SLANT_LOGIT_OK or the status of the first fit that failed (`*failed_fold` set).
 */
slant_logit_status slant_logit_cv(const double *x, const unsigned char *y, size_t n, size_t p,
                                  const size_t *fold, size_t k, const slant_logit_options *o,
                                  double *oof, size_t *failed_fold);

/*
 * The area under the ROC curve of `score` against labels `y` (ties count one half: the
 * Mann-Whitney statistic divided by m * n), with DeLong's variance (DeLong, DeLong and
 * Clarke-Pearson 1988, computed from mid-ranks as in Sun and Xu 2014) and the interval
 * auc -/+ z * se for the confidence `level` (0.95: z = 1.959964), clipped to [0, 1].
 */
typedef struct {
    double auc, se, low, high;
    size_t positives, negatives;
} slant_auc;

/*
 * Returns 0, or -1 when the AUC is undefined (no positive or no negative, a score not
 * finite: everything NaN) and 1 when only the interval is (fewer than two of a class:
 * se, low and high NaN).
 */
int slant_roc_auc(const double *score, const unsigned char *y, size_t n, double level,
                  slant_auc *out);

#endif
