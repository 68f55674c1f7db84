#ifndef SLANT_INFERENCE_H
#define SLANT_INFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "stats.h"

/*
 * Inference beyond the classical tests of stats.h, for `slant compare` (issue 18):
 * cluster-robust standard errors of a mean difference, a permutation test of the
 * studentized (Welch) t, intervals of the effects (the mean difference, Cliff's delta)
 * and the effect sizes of the omnibus tests. inference.c includes GSL, like stats.c and
 * logit.c; the conventions of stats.h hold here (borrowed inputs, -1 and NAN when a
 * statistic is undefined, no global state, the library never prints).
 */

/*
 * The mean difference of two groups with cluster-robust standard errors: the OLS fit
 * of value ~ 1 + d (d = 1 in group a, 0 in group b), whose slope is mean_a - mean_b,
 * with the CR1 sandwich covariance (Liang & Zeger 1986; Cameron & Miller 2015):
 *   V = G/(G-1) (N-1)/(N-2) (X'X)^-1 [sum_c (X_c' e_c)(X_c' e_c)'] (X'X)^-1,
 * G the number of clusters, N the number of values, e the OLS residuals; t = slope /
 * sqrt(V_11) referred to Student's t with G - 1 degrees of freedom, and the interval
 * slope -/+ t_{G-1} se. Equals statsmodels' OLS(...).fit(cov_type="cluster",
 * cov_kwds={"groups": clusters}, use_t=True).
 *
 * `v` holds n values; in_a[i] says whether value i is in group a; cluster[i] is its
 * cluster, an id below `ids` (ids need not all occur). Returns -1 when a group is
 * empty, a value is not finite, there are fewer than 2 clusters, N < 3, `level` is not
 * in (0, 1) or the standard error is 0.
 */
typedef struct {
    double diff, se, t, df, p, lo, hi;
    size_t clusters;    /* G: clusters with a value in either group */
} slant_cluster_test;

int slant_cluster_mean_diff(const double *v, const unsigned char *in_a,
                            const uint32_t *cluster, size_t n, size_t ids, double level,
                            slant_cluster_test *out);

/*
 * A two-sided permutation test of Welch's t (the studentized difference of means,
 * which keeps its size under unequal variances where the raw difference does not:
 * Janssen 1997; Chung & Romano 2013). The pooled values are shuffled `permutations`
 * times (gsl_ran_shuffle); each time the first nx play x and Welch's t is computed;
 *   p = (1 + #{|t*| >= |t|}) / (1 + permutations),
 * with the tolerance of slant_permutation_mean_diff. A shuffle whose two samples are
 * both constant has no t: it counts as reaching |t| when its means differ, not when
 * they are equal.
 *
 * Returns -1 when the observed t is undefined (a sample of fewer than 2 values, both
 * variances 0, a value not finite) or permutations is 0.
 */
int slant_permutation_welch_t(const double *x, size_t nx, const double *y, size_t ny,
                              size_t permutations, unsigned long seed, double *p);

/*
 * The Welch interval of mean_x - mean_y: the difference -/+ t_{df} sqrt(vx/nx + vy/ny),
 * df Welch-Satterthwaite (as scipy's ttest_ind(equal_var=False).confidence_interval()).
 * -1 as slant_welch_t_moments, or for a bad level.
 */
int slant_mean_diff_ci(const slant_moments *x, const slant_moments *y, double level,
                       double *lo, double *hi);

/*
 * A confidence interval of Cliff's delta from U (which counts ties as halves), by the
 * variance of the AUC of Hanley & McNeil (1982), A = U / (nx ny):
 *   var(A) = (A(1-A) + (nx-1)(Q1 - A^2) + (ny-1)(Q2 - A^2)) / (nx ny),
 *   Q1 = A/(2-A), Q2 = 2A^2/(1+A),
 * delta = 2A - 1, interval 2(A -/+ z sqrt(var A)) - 1 clipped to [-1, 1]. A simple,
 * somewhat conservative large-sample interval. -1 for an empty sample or a bad level.
 */
int slant_cliffs_delta_ci(double u, size_t nx, size_t ny, double level, double *lo,
                          double *hi);

/*
 * The BCa (bias-corrected and accelerated) bootstrap interval of the mean (Efron 1987;
 * Efron & Tibshirani 1993, ch. 14), for small samples, where the t interval and the
 * percentile interval undercover skewed, zero-heavy data. The `resamples` means are drawn
 * as slant_bootstrap_mean_ci draws them; with theta the sample mean,
 *   z0 = Phi^-1((#{mean* < theta} + #{mean* <= theta}) / (2 resamples))   (the bias),
 *   a  = sum (tbar - theta_i)^3 / (6 (sum (tbar - theta_i)^2)^1.5) (the acceleration,
 *        from the jackknife means theta_i and their mean tbar),
 *   alpha_j = Phi(z0 + (z0 + z_j) / (1 - a (z0 + z_j))),  z_j = Phi^-1((1 -/+ level) / 2),
 * and the interval is the alpha_1 and alpha_2 quantiles (type 7) of the means, as
 * scipy.stats.bootstrap(method="BCa") defines it. All values equal: the single point.
 *
 * Returns -1 when n < 2, resamples < 2, `level` is not in (0, 1), a value is not finite,
 * or z0 is infinite (every resampled mean on one side of theta).
 */
int slant_bootstrap_bca_mean_ci(const double *x, size_t n, size_t resamples,
                                unsigned long seed, double level, double *lo, double *hi);

/*
 * The Wilson score interval of a proportion k / n (Wilson 1927), as statsmodels'
 * proportion_confint(method="wilson"). -1 when n <= 0, k is outside [0, n] or `level`
 * is not in (0, 1).
 */
int slant_wilson_ci(double k, double n, double level, double *lo, double *hi);

/* epsilon^2 of Kruskal-Wallis' H over N values (Tomczak & Tomczak 2014): H / (N - 1);
 * NAN when H is NAN or N < 2. */
double slant_kruskal_epsilon2(double h, size_t n);

/* Cramer's V of a chi-square on an r x c table of total N: sqrt(chi2 / (N (min(r,c) - 1)));
 * NAN when undefined. */
double slant_cramers_v(double chi2, double total, size_t rows, size_t cols);

/*
 * Welch's ANOVA of the groups whose variance is not 0 (n >= 2, finite): a group of
 * constant values has infinite weight n / var in Welch's test, which makes it undefined
 * for every group. Those groups are left out; `dropped` says how many. -1 as
 * slant_welch_anova on what is left (fewer than 2 groups).
 */
int slant_welch_anova_varying(const double *const *groups, const size_t *n, size_t k,
                              slant_test *out, size_t *dropped);

#endif
