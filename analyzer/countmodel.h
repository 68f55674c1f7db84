#ifndef SLANT_COUNTMODEL_H
#define SLANT_COUNTMODEL_H

#include <stddef.h>
#include <stdint.h>

/*
 * A count model of article counts (issue 13 item 4): negative binomial regression (NB2)
 * of each article's count y of an indicator, with its words as exposure,
 *
 *     log E[y_i] = log(words_i) + b_0 + b_group(i) + b_stratum(i),
 *     Var[y_i]   = mu_i + alpha mu_i^2,
 *
 * the groups in treatment coding (group 0 is the reference: b_0 is its log rate per word),
 * the strata (when given) as fixed effects with the first stratum present as reference,
 * and the dispersion alpha estimated by maximum likelihood together with the
 * coefficients. exp(b_a - b_b) is the ratio of the rates (matches per word) of groups a
 * and b, strata held fixed. This is statsmodels' discrete NegativeBinomial(y, X,
 * offset=log(words), loglike_method="nb2") fitted to its maximum.
 *
 * The fit: a Poisson fit (Newton on the coefficients) and a moment estimate of alpha
 * start Newton's method on (b, log alpha) with the observed Hessian (a Levenberg
 * damping when it is not negative definite) and a backtracking line search on the
 * log-likelihood. Convergence rule: a full, undamped Newton step whose largest component
 * (on the log scale of the rates and of alpha) is below 1e-10 or whose Newton decrement
 * g'J^-1 g is below 1e-14 (1 + |loglik|) (where the gradient is rounding noise; the step
 * is taken, and Newton's quadratic convergence puts the result well within 1e-7 of the
 * maximum on the log scale); at most `max_iter` steps (default 100).
 * Where the likelihood's maximum over alpha >= 0 is at alpha = 0 (the score of alpha at
 * the Poisson fit, sum((y - mu)^2 - y) / 2, is not positive, or Newton drives alpha below
 * 1e-8), the data are no more dispersed than Poisson and the fit is the Poisson
 * regression (`poisson` set; statsmodels' Poisson(y, X, offset=log(words))). The
 * covariance is the inverse of the observed information on the scale (b, alpha), as
 * statsmodels reports it; with clusters it is the CR1 sandwich H^-1 (sum_c s_c s_c')
 * H^-1 G/(G-1) (N-1)/(N-K) (s_c the cluster's summed scores, G clusters, N rows, K the
 * parameters with alpha): statsmodels' fit(cov_type="cluster") with its default
 * correction. Intervals and tests are Wald z (normal), as statsmodels' for discrete models.
 *
 * Cost: the design is constant within a cell (a group and a stratum), so each step is one
 * pass over the rows that adds up per cell, then O(cells p^2); terms that depend only on
 * a count (digamma, lgamma) are summed once per distinct count. Memory: O(rows) for a
 * copy of the counts, O(cells + p^2).
 *
 * Conventions as in stats.h: inputs are borrowed for the call and not modified, scratch
 * from xmalloc(), no global state (calls may run concurrently), nothing printed.
 * countmodel.c includes GSL (linear algebra, special functions, distributions).
 */

#define SLANT_NB_MAX_PARAMS 128   /* more coefficients (groups + strata) than this: no fit */

typedef struct {
    const double *y;            /* n counts: whole numbers >= 0 */
    const double *words;        /* n exposures > 0 (the offset is their log) */
    const uint32_t *group;      /* n group indexes below ngroups; 0 is the reference */
    size_t ngroups;
    const uint32_t *stratum;    /* NULL, or n stratum indexes below nstrata (UINT32_MAX:
                                 * none; such rows are left out and counted) */
    size_t nstrata;
    const uint32_t *cluster;    /* NULL, or n cluster ids below nclusters: the CR1
                                 * covariance instead of the model's */
    size_t nclusters;
    size_t n;
} slant_nb_data;

typedef enum {
    SLANT_NB_OK = 0,
    SLANT_NB_BAD_INPUT,         /* a count not a whole number >= 0, words not > 0, an index
                                 * out of range, fewer than 2 groups */
    SLANT_NB_EMPTY_GROUP,       /* a group without rows */
    SLANT_NB_ALL_ZERO,          /* every count is 0 */
    SLANT_NB_SEPARATION,        /* a group whose counts are all 0: its rate ratio is 0 and
                                 * its coefficient -infinity; no estimate */
    SLANT_NB_TOO_MANY_PARAMS,   /* more than SLANT_NB_MAX_PARAMS coefficients, or not more
                                 * rows than parameters */
    SLANT_NB_NO_OVERDISPERSION, /* never returned: such a fit is Poisson's (`poisson`) */
    SLANT_NB_SINGULAR,          /* the information matrix is singular: groups and strata
                                 * confounded */
    SLANT_NB_NO_CONVERGENCE     /* max_iter steps, or no step that raises the likelihood */
} slant_nb_status;

/* The status as one word for JSON and tables ("ok", "all_zero", ...); static text. */
const char *slant_nb_status_name(slant_nb_status st);

typedef struct {
    int max_iter;               /* Newton steps at most; 0: 100 */
} slant_nb_options;

/* A fit. Arrays owned; release with slant_nb_model_release. After any status but
 * SLANT_NB_OK every number is NAN and the arrays are NULL. */
typedef struct {
    slant_nb_status status;
    size_t n;                   /* rows fitted */
    size_t rows_dropped;        /* rows of strata whose counts are all 0 (they add nothing
                                 * to the likelihood at its supremum) or without a stratum */
    size_t strata_dropped;      /* strata whose counts are all 0 */
    size_t ngroups, nstrata;    /* groups, and strata fitted */
    size_t p;                   /* coefficients: intercept, ngroups - 1 groups, nstrata - 1 */
    int iterations;
    double alpha, alpha_se, loglik;
    int poisson;                /* the maximum is at alpha = 0: the Poisson regression
                                 * (alpha 0, alpha_se NAN, covariance without alpha) */
    double *coef, *se;          /* p each: [0] the intercept, [g] group g (1 <= g < ngroups),
                                 * then the strata after the first */
    double *cov;                /* (p + 1)^2, row-major, alpha last */
    int robust;                 /* cov is the CR1 sandwich */
    size_t clusters;            /* with clusters: those with a row fitted */
    /* the group factor: likelihood-ratio test against the model without groups (the
     * model-based likelihood, whatever the covariance), and the Wald test of the group
     * coefficients with the covariance above (robust with clusters) */
    slant_nb_status restricted_status;
    double loglik_restricted, lr, lr_df, lr_p;
    double wald, wald_df, wald_p;
} slant_nb_model;

void slant_nb_model_init(slant_nb_model *m);
void slant_nb_model_release(slant_nb_model *m);

/* Fits the model (m's previous contents released). Returns m->status. */
slant_nb_status slant_nb_fit(const slant_nb_data *d, const slant_nb_options *o,
                             slant_nb_model *m);

/*
 * The rate ratio of group a to group b, exp(b_a - b_b), with the Wald interval
 * exp(d -/+ z se) at `level` (se from the covariance contrast V_aa + V_bb - 2 V_ab) and
 * the two-sided z test of equal rates. Returns -1 (everything NAN) when the model did
 * not fit, a or b is not a group, or the level is not in (0, 1).
 */
typedef struct {
    double ratio, log_ratio, se, low, high, z, p;
} slant_nb_ratio;

int slant_nb_rate_ratio(const slant_nb_model *m, size_t a, size_t b, double level,
                        slant_nb_ratio *out);

/*
 * Each group's rate ratio against all the other groups of `d` together (compare's pairs
 * against the rest, which are not contrasts of the model above): the quasi-Poisson
 * regression of the counts on one indicator of the group, with log(words) as offset.
 * The ratio is (Y_g / W_g) / (Y_rest / W_rest) (counts Y, words W); its log has the
 * variance phi (1/Y_g + 1/Y_rest), phi the Pearson chi-square over n - 2; the interval
 * and the z test are Wald's (statsmodels' GLM Poisson with scale="X2"). Strata and
 * clusters of `d` are not used. Fills out[0 .. ngroups): all NAN for a group whose ratio
 * is 0 or infinite (no counts on one side) or when n < 3.
 */
void slant_qp_rate_ratios_vs_rest(const slant_nb_data *d, double level, slant_nb_ratio *out);

/*
 * The count behind a rate per 1,000 words: round(rate * words / 1000). Returns -1 when
 * it is not one (words not > 0, a rate not finite or negative, or the product further
 * than 1e-6 from a whole number: the indicator is not a count per 1,000 words).
 */
int slant_nb_count_of_rate(double rate, double words, double *count);

#endif
