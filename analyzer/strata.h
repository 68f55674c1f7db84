#ifndef SLANT_STRATA_H
#define SLANT_STRATA_H

#include <stddef.h>
#include <stdint.h>

#include "stats.h"

/*
 * Comparisons of groups within strata (compare --strata FIELD, e.g. a topic): whether
 * groups differ when the stratum is held fixed. Two statistics, both pooled over strata:
 *
 *   - van Elteren's stratified rank-sum test (van Elteren 1960; Lehmann, Nonparametrics,
 *     sec. 3.3), the stratified form of Mann-Whitney U;
 *   - the OLS fit of the value on group dummies and stratum fixed effects, with the
 *     groups' adjusted means and every pair's adjusted difference.
 *
 * strata.c includes GSL (gsl_linalg for the fit), like stats.c;
 * the conventions of stats.h hold: inputs borrowed for the call, scratch from xmalloc,
 * no global state (functions may run concurrently), -1 and NAN when a statistic is
 * undefined, the library never prints. Ranks come from ranks.c (mid-ranks through U and
 * the tie sum of a merge).
 */

/*
 * van Elteren's test of side a against side b. Value i is on side side[i] (0: a, 1: b,
 * anything else: left out) in stratum stratum[i] (below `nstrata`; UINT32_MAX: left out).
 * In each stratum s where both sides have values (n_a, n_b, N = n_a + n_b), W_s is the
 * rank sum of a's values among the stratum's N (mid-ranks), with
 *   E W_s = n_a (N + 1) / 2,
 *   Var W_s = n_a n_b / 12 (N + 1 - sum(t^3 - t) / (N (N - 1)))
 * (t the sizes of the tied runs of the stratum); with weights w_s = 1 / (N + 1),
 *   z = sum w_s (W_s - E W_s) / sqrt(sum w_s^2 Var W_s),
 * two-sided p = 2 Q(|z|) from the standard normal. z > 0: a's values rank higher.
 * A stratum lacking one of the sides contributes nothing; `strata` counts those that
 * contribute, na and nb their values. Returns -1 (statistic and p NAN) when no stratum
 * contributes, a value is not finite, or the variance is 0 (every stratum all ties).
 */
typedef struct {
    double z, p;
    size_t strata;      /* strata with values on both sides */
    size_t na, nb;      /* values of each side in those strata */
} slant_van_elteren_test;

int slant_van_elteren(const double *v, const unsigned char *side, const uint32_t *stratum,
                      size_t n, size_t nstrata, slant_van_elteren_test *out);

/*
 * The OLS fit of value ~ group + stratum (one dummy per group, no intercept; one dummy
 * per stratum but the first that has a value: fixed effects). The design is dummies only,
 * so X'X and X'y are sums over the values (counts of groups, strata and their cells): the
 * fit solves the normal equations by Cholesky (gsl_linalg), in O(n + p^3) for p
 * coefficients, and computes the residuals from the values. (gsl_multifit_linear's SVD of
 * the n x p design costs O(n p^2): 12 s of CPU per indicator at 1,746 articles and 336
 * strata, where this takes a fraction of a second.) The covariance is s^2 (X'X)^-1,
 * s^2 = RSS / (n - p), as OLS has it.
 * Value i is in group group[i] (below `ngroups`; UINT32_MAX: left out) and stratum
 * stratum[i] (below `nstrata`; UINT32_MAX: left out). Every group must have a value.
 *
 * The adjusted mean of group g is its fitted mean over the strata in the proportions of
 * the whole fitted sample: b_g + sum_s p_s c_s (b the group coefficients, c the stratum
 * effects, p_s the share of the fitted values in stratum s): the mean the group would
 * have if its articles spread over the strata as all articles do. The difference of two
 * adjusted means is b_a - b_b, whatever the proportions.
 *
 * Owned arrays in the fit; release with slant_ols_fe_release. Returns -1 (the fit
 * undefined: every number NAN, `identified` 0) when a value is not finite, a group has no
 * value, there are no more values than coefficients, or groups and strata are confounded
 * (the design has less than full rank: some group shares no stratum with the others), or
 * the residual variance is 0.
 */
typedef struct {
    size_t n;           /* values fitted */
    size_t groups;      /* ngroups */
    size_t strata;      /* strata with a value */
    double df;          /* n - coefficients; clustered: clusters - 1 */
    size_t clusters;    /* clustered: G, the clusters with a fitted value; else 0 */
    double sigma;       /* residual standard deviation */
    int identified;     /* 1: the fit is defined */
    double *adj_mean;   /* per group */
    double *adj_se;     /* its standard error */
    double *cov;        /* groups x groups covariance of the group coefficients */
} slant_ols_fe;

int slant_ols_fe_fit(const double *v, const uint32_t *group, const uint32_t *stratum,
                     size_t n, size_t ngroups, size_t nstrata, slant_ols_fe *fit);

/*
 * The same fit with CR1 cluster-robust covariance (as slant_cluster_mean_diff,
 * inference.h): value i in cluster cluster[i] (an id below `ids`),
 *   V = G/(G-1) (N-1)/(N-p) (X'X)^-1 [sum_c (X_c' e_c)(X_c' e_c)'] (X'X)^-1,
 * G the clusters with a fitted value, N the values, p the coefficients; df = G - 1 (so
 * the contrasts and intervals refer t to G - 1 degrees of freedom). Equals statsmodels'
 * OLS(...).fit(cov_type="cluster", cov_kwds={"groups": clusters}, use_t=True). Undefined
 * (-1) as slant_ols_fe_fit, or with fewer than 2 clusters.
 */
int slant_ols_fe_fit_clustered(const double *v, const uint32_t *group, const uint32_t *stratum,
                               const uint32_t *cluster, size_t ids, size_t n, size_t ngroups,
                               size_t nstrata, slant_ols_fe *fit);
void slant_ols_fe_release(slant_ols_fe *fit);

/*
 * The adjusted difference of groups a and b of `fit`: diff = b_a - b_b, its standard
 * error, t = diff / se referred to Student's t with fit->df degrees of freedom (two-sided
 * p, as stats.h computes t tails) and the interval diff -/+ t_{df, (1+level)/2} se.
 * Returns -1 (all NAN) when the fit is not identified or the level is bad.
 */
typedef struct {
    double diff, se, t, df, p, lo, hi;
} slant_ols_contrast;

int slant_ols_fe_contrast(const slant_ols_fe *fit, size_t a, size_t b, double level,
                          slant_ols_contrast *out);

/* The interval of adjusted mean g: adj_mean -/+ t_{df, (1+level)/2} adj_se (NAN when
 * not identified). */
void slant_ols_fe_mean_ci(const slant_ols_fe *fit, size_t g, double level, double *lo,
                          double *hi);

#endif
