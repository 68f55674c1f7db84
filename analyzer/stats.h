#ifndef SLANT_STATS_H
#define SLANT_STATS_H

#include <stddef.h>

#include "ranks.h"

/*
 * Statistics on GSL. stats.c (tests on samples) and stats_counts.c (tests on counts) are
 * the only files that include GSL headers, with logit.c
 * (the logistic fit, folds and ROC AUC of `slant calibrate`, logit.h), strata.c (tests and
 * fits within strata, strata.h) and inference.c
 * (cluster-robust standard errors, the permutation of Welch's t, BCa and Wilson
 * intervals and effect sizes of `slant compare`, inference.h) and countmodel.c (the
 * negative binomial regression of article counts, countmodel.h).
 *
 * GSL's default error handler aborts the process; slant checks every status instead.
 * slant_stats_init() turns the handler off and must run once at the start of main().
 *
 * Conventions for every function below:
 *
 * - Inputs are borrowed for the duration of the call and never modified; nothing is
 *   kept after the call returns. Scratch memory comes from xmalloc() (which aborts when
 *   memory runs out) and is freed before returning. There is no global mutable state,
 *   so the functions may run concurrently on different data.
 * - A function returns 0 on success and -1 when the statistic is undefined for the
 *   input; each function says when that is. After -1 the numeric out-parameters hold
 *   NAN (slant_summary_of also fills the fields that are still defined). A value that
 *   is not finite (NaN or infinite) in a sample makes every statistic undefined.
 * - The library never prints and never exits.
 * - `level` is a confidence level in (0, 1), for example 0.95; any other value makes
 *   the interval undefined.
 * - Two-sided tail probabilities of t and F statistics come from gsl_cdf_fdist_Q
 *   (for t: the upper tail of F(1, df) at t^2). gsl_cdf_tdist_Q switches to a
 *   Cornish-Fisher approximation above 30 degrees of freedom that is only good to about
 *   1e-8 in the tails; the F route is good to about 1e-14 there.
 * - Ranks are mid-ranks: tied values share the mean of the ranks they span.
 */
void slant_stats_init(void);

/*
 * The result of a test. `statistic` and `p` always; `df` for t, chi-square and the
 * first degrees of freedom of F; `df2` only for F tests. Unused fields are NAN.
 */
typedef struct {
    double statistic, df, df2, p;
} slant_test;

/* ----------------------------------------------------------------------------------- */
/* Description                                                                          */

/*
 * Descriptive statistics of one sample.
 */
typedef struct {
    size_t n;
    double mean;
    double sd;              /* with n - 1 in the denominator */
    double median;
    double q1, q3;          /* the 25th and 75th percentiles */
    double ci_low, ci_high; /* confidence interval of the mean */
} slant_summary;

/*
 * Fills `out` with the summary of the `n` values of `x`.
 *
 * Quantiles interpolate linearly between order statistics (Hyndman & Fan 1996, type 7,
 * the default of numpy, R and gsl_stats_quantile_from_sorted_data): the quantile f is
 * at position (n - 1) f of the sorted sample, counting from 0. The confidence interval
 * of the mean is mean -/+ t * sd / sqrt(n), with t the (1 + level) / 2 quantile of
 * Student's t with n - 1 degrees of freedom; with sd 0 it is the single point `mean`.
 *
 * Returns -1 when n < 2, when `level` is not in (0, 1) or when a value is not finite.
 * `out->n` is always n. With n >= 1 finite values, mean, median, q1 and q3 are filled
 * even when -1 is returned (with n == 1 they all equal the value); sd and the interval
 * are NAN when undefined.
 */
int slant_summary_of(const double *x, size_t n, double level, slant_summary *out);

/*
 * slant_summary_of for values already sorted ascending (no copy, no sort): the same
 * numbers as slant_summary_of on any order of them.
 */
int slant_summary_of_sorted(const double *sorted, size_t n, double level, slant_summary *out);

/* ----------------------------------------------------------------------------------- */
/* Moments: what the tests below are computed from, for a caller that compares one     */
/* sample with many others (slant compare) and so prepares each sample once; the rank  */
/* statistics of sorted samples are in ranks.h. A value that is not finite has no     */
/* place in a sorted sample: check first (slant_moments.finite) and use the functions  */
/* that take raw samples then.                                                         */

/*
 * What Welch's t and Hedges' g need of a sample: n, its mean and variance (n - 1 in
 * the denominator), computed as those functions compute them, so that a test on
 * moments equals the test on the sample bit for bit. mean and var are NAN when n < 2
 * or a value is not finite; `finite` says whether every value is.
 */
typedef struct {
    size_t n;
    double mean, var;
    int finite;
} slant_moments;

void slant_moments_of(const double *x, size_t n, slant_moments *out);

/* The mean of the n values of x as slant_summary_of computes it from the same values in
 * the same order (pass them sorted to get its mean exactly); NAN when n is 0. */
double slant_mean_of(const double *x, size_t n);

/* ----------------------------------------------------------------------------------- */
/* Two independent samples                                                              */

/*
 * Welch's t test of equal means without assuming equal variances (Welch 1947):
 * t = (mean_x - mean_y) / sqrt(vx/nx + vy/ny), with the Welch-Satterthwaite degrees of
 * freedom df = (vx/nx + vy/ny)^2 / ((vx/nx)^2/(nx-1) + (vy/ny)^2/(ny-1)); two-sided p.
 * Equals scipy.stats.ttest_ind(x, y, equal_var=False).
 *
 * Returns -1 when a sample has fewer than 2 values or both variances are 0 (SciPy then
 * reports an infinite or NaN t).
 */
int slant_welch_t(const double *x, size_t nx, const double *y, size_t ny, slant_test *out);

/* slant_welch_t from the samples' moments: the same result. */
int slant_welch_t_moments(const slant_moments *x, const slant_moments *y, slant_test *out);

typedef enum { SLANT_MWU_EXACT, SLANT_MWU_NORMAL } slant_mwu_method;

/*
 * The Mann-Whitney U test (Mann & Whitney 1947), two-sided. `statistic` is U of x:
 * the mid-rank sum of x in the pooled sample minus nx (nx + 1) / 2, which counts the
 * pairs with x > y plus half the tied pairs. `df` and `df2` are NAN.
 *
 * SLANT_MWU_EXACT: p = min(1, 2 P(U <= min(U_x, nx ny - U_x))) under the exact null
 * distribution of U without ties, whose frequencies are the coefficients of the
 * Gaussian binomial coefficient [nx + ny choose nx]_q (Andrews 1976); they are built
 * as a product of min(nx, ny) factors, truncated at the degree needed, in
 * probabilities rather than counts so nothing overflows. It takes min(nx, ny) * K steps
 * and K doubles of memory, K = min(U_x, U_y) <= nx ny / 2. Equals
 * scipy.stats.mannwhitneyu(x, y, method="exact").
 *
 * SLANT_MWU_NORMAL: z = (max(U_x, U_y) - nx ny / 2 - 1/2) / s with the tie-corrected
 * s^2 = nx ny / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1))), N = nx + ny and t the
 * sizes of the groups of tied values (Lehmann 1975); p = min(1, 2 Q(z)). Equals
 * mannwhitneyu(x, y, method="asymptotic", use_continuity=True).
 *
 * Returns -1 when a sample is empty, for EXACT when there are ties (the exact
 * distribution assumes none: use NORMAL) or when it would take more than 2e9 steps
 * (seconds of work; the automatic choice never asks for that). For NORMAL, when every
 * value is the same (s = 0), U is nx ny / 2 and p is 1, as SciPy reports them.
 */
int slant_mann_whitney(const double *x, size_t nx, const double *y, size_t ny,
                       slant_mwu_method method, slant_test *out);

/*
 * The method SciPy 1.10's method="auto" picks: EXACT when there are no ties and at
 * least one sample has at most 8 values, NORMAL otherwise (and for empty samples).
 */
slant_mwu_method slant_mann_whitney_auto(const double *x, size_t nx, const double *y,
                                         size_t ny);

/* slant_mann_whitney from U of x and the tie sum of slant_mwu_u_sorted: the same
 * result (and -1 for an empty sample or a non-finite U). */
int slant_mann_whitney_u(double u, double ties, size_t nx, size_t ny,
                         slant_mwu_method method, slant_test *out);

/* slant_mann_whitney_auto from the tie sum (any tie makes it non-zero). */
slant_mwu_method slant_mann_whitney_auto_ties(size_t nx, size_t ny, double ties);

/*
 * Hedges' g, the standardized mean difference with the small-sample correction, and
 * its confidence interval (Hedges 1981; Hedges & Olkin 1985, ch. 5):
 *   d = (mean_x - mean_y) / s_p,  s_p^2 = ((nx-1) vx + (ny-1) vy) / (nx + ny - 2),
 *   g = J(m) d with the exact J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)),
 *   m = nx + ny - 2 (the familiar 1 - 3/(4m - 1) is its approximation),
 *   var(g) = (nx + ny) / (nx ny) + g^2 / (2 (nx + ny)),  the large-sample variance,
 *   interval g -/+ z sqrt(var(g)), z the (1 + level) / 2 normal quantile.
 * `lo` and `hi` may be NULL when the interval is not wanted.
 *
 * Returns -1 when a sample has fewer than 2 values, the pooled sd is 0, or `level` is
 * not in (0, 1).
 */
int slant_hedges_g(const double *x, size_t nx, const double *y, size_t ny, double level,
                   double *g, double *lo, double *hi);

/* slant_hedges_g from the samples' moments: the same result. */
int slant_hedges_g_moments(const slant_moments *x, const slant_moments *y, double level,
                           double *g, double *lo, double *hi);

/*
 * Cliff's delta (Cliff 1993): (#{x_i > y_j} - #{x_i < y_j}) / (nx ny), in [-1, 1],
 * positive when x tends to be larger. Equals 2 U_x / (nx ny) - 1.
 * Returns NAN when a sample is empty or a value is not finite.
 */
double slant_cliffs_delta(const double *x, size_t nx, const double *y, size_t ny);

/* Cliff's delta from U of x (slant_mwu_u_sorted); NAN when a sample is empty. */
double slant_cliffs_delta_u(double u, size_t nx, size_t ny);

/* ----------------------------------------------------------------------------------- */
/* k independent samples                                                                */

/*
 * The Kruskal-Wallis H test (Kruskal & Wallis 1952) of `k` groups; group i has the
 * `n[i]` values of `groups[i]`. With mid-ranks over the pooled N values and R_i the mean
 * rank of group i, H = 12 / (N (N + 1)) * sum n_i (R_i - (N + 1) / 2)^2, divided by the
 * tie correction 1 - sum(t^3 - t) / (N^3 - N); df = k - 1; p from chi-square.
 * Equals scipy.stats.kruskal.
 *
 * Returns -1 when k < 2, a group is empty (SciPy returns NaN), or all values are equal.
 */
int slant_kruskal_wallis(const double *const *groups, const size_t *n, size_t k,
                         slant_test *out);

/*
 * slant_kruskal_wallis of groups each sorted ascending: one merge of the groups
 * (N log k steps) gives the rank sums, exactly, and the tie correction. The same
 * statistic (the mean ranks are rank sums / n).
 */
int slant_kruskal_wallis_sorted(const double *const *sorted, const size_t *n, size_t k,
                                slant_test *out);

/*
 * slant_kruskal_wallis from each group's rank sum in the pooled sample (mid-ranks, as
 * exact sums) and the pooled tie sum: the same statistic. With the U of
 * slant_mwu_all_pairs_sorted, group a's rank sum is the sum of its row of U plus
 * n[a] (n[a] + 1) / 2, and the tie sum its all_ties.
 */
int slant_kruskal_wallis_rank_sums(const double *rank_sum, const size_t *n, size_t k,
                                   double ties, slant_test *out);

/*
 * Welch's heteroscedastic one-way ANOVA (Welch 1951). With weights w_i = n_i / v_i,
 * W = sum w_i, the weighted mean M = sum w_i m_i / W and
 * L = sum (1 - w_i / W)^2 / (n_i - 1):
 *   F = [sum w_i (m_i - M)^2 / (k - 1)] / [1 + 2 (k - 2) L / (k^2 - 1)],
 *   df = k - 1, df2 = (k^2 - 1) / (3 L), p from F(df, df2).
 * For k = 2 it is the square of Welch's t with the same df2.
 *
 * Returns -1 when k < 2, a group has fewer than 2 values, or a group's variance is 0.
 */
int slant_welch_anova(const double *const *groups, const size_t *n, size_t k,
                      slant_test *out);

/* ----------------------------------------------------------------------------------- */
/* Paired samples: x[i] and y[i] belong together (the same event in two sources)        */

/*
 * The paired t test on d = x - y: t = mean(d) / (sd(d) / sqrt(n)), df = n - 1,
 * two-sided p. Equals scipy.stats.ttest_rel(x, y).
 * Returns -1 when n < 2 or the differences all have the same value.
 */
int slant_paired_t(const double *x, const double *y, size_t n, slant_test *out);

/*
 * The Wilcoxon signed-rank test (Wilcoxon 1945) on d = x - y, two-sided. Zero
 * differences are dropped first (Wilcoxon's method, SciPy's zero_method="wilcox");
 * n' values remain. The absolute differences get mid-ranks; W+ and W- are the rank sums
 * of the positive and negative ones, and `statistic` is min(W+, W-), as SciPy reports
 * for a two-sided test. `df` and `df2` are NAN.
 *
 * SLANT_MWU_EXACT: p = min(1, 2 P(W <= statistic)) under the exact null
 * distribution (the generating function prod_{j=1..n'} (1 + q^j) / 2), in
 * n' * (statistic + 1) steps, at most about n'^3 / 4.
 * Equals scipy.stats.wilcoxon(x, y, method="exact") when there are no zeros (SciPy
 * 1.10 switches to the normal approximation when there are; this function does not).
 *
 * SLANT_MWU_NORMAL: z = (statistic - n'(n'+1)/4) / s with the tie-corrected
 * s^2 = [n'(n'+1)(2n'+1) - sum(t^3 - t) / 2] / 24 and no continuity correction;
 * p = 2 Q(|z|). Equals wilcoxon(x, y, method="approx", correction=False).
 *
 * Returns -1 when no non-zero difference remains, and for EXACT when absolute
 * differences are tied or the distribution would take more than 2e9 steps
 * (n' above about 2000).
 */
int slant_wilcoxon(const double *x, const double *y, size_t n, slant_mwu_method method,
                   slant_test *out);

/*
 * EXACT when at most 50 non-zero differences remain and none of their absolute values
 * are tied, NORMAL otherwise (also when none remains). (SciPy 1.10's "auto" differs: it counts the zeros in its
 * limit of 50, switches to the approximation whenever there is a zero, and does not
 * look at ties.)
 */
slant_mwu_method slant_wilcoxon_auto(const double *x, const double *y, size_t n);

/* ----------------------------------------------------------------------------------- */
/* Contingency tables                                                                   */

/*
 * Pearson's chi-square test of independence of a `rows` x `cols` table of counts
 * stored row by row (`table[i * cols + j]`), without Yates' correction:
 * X^2 = sum (O - E)^2 / E with E = row total * column total / N,
 * df = (rows' - 1)(cols' - 1). Rows and columns whose total is 0 are dropped first
 * (rows' and cols' count the others). Counts need not be integers. Equals
 * scipy.stats.chi2_contingency(table, correction=False) on the table without them.
 *
 * Returns -1 when a count is negative or not finite, or when fewer than 2 rows or
 * 2 columns have a non-zero total.
 */
int slant_chi2_contingency(const double *table, size_t rows, size_t cols, slant_test *out);

/*
 * The log-likelihood ratio test of independence (G-test; Dunning 1993 for its use on
 * word counts): G^2 = 2 sum O ln(O / E), cells with O = 0 adding 0; the same table,
 * dropping, df and undefined cases as slant_chi2_contingency. Equals
 * chi2_contingency(table, correction=False, lambda_="log-likelihood").
 */
int slant_g2_contingency(const double *table, size_t rows, size_t cols, slant_test *out);

/*
 * Fisher's exact test of the 2x2 table [[a, b], [c, d]], two-sided: the sum of the
 * hypergeometric probabilities (fixed margins) of all tables no more probable than the
 * observed one, a table counting as equally probable within a relative 1e-7 (as R's
 * fisher.test) so that rounding does not split exact ties. Equals
 * scipy.stats.fisher_exact([[a, b], [c, d]]) (which uses a relative 1e-14), and the exact
 * rational sum to about 1e-12 relative even with margins in the millions (keyness's
 * words): the observed table's probability is a sum of logarithms of ratios, the others
 * follow from it by the distribution's recurrence.
 * When a row or column total is 0 only one table is possible and *p = 1, as in SciPy.
 *
 * Returns -1 when a count is negative, not an integer, or above UINT_MAX.
 */
int slant_fisher_exact(double a, double b, double c, double d, double *p);

/* ----------------------------------------------------------------------------------- */
/* Keyness of a term: a target corpus against a reference corpus                        */

typedef struct {
    /* Dunning's G^2 of the 2x2 table below (all four cells), signed: positive when the
     * term is relatively more frequent in the target (a/c > b/d), negative when less.
     * g2_p is the chi-square(1) p of |g2|. (Rayson & Garside's two-cell
     * "log-likelihood" of corpus tools sums over the term row only and differs.) */
    double g2, g2_p;
    /* Pearson's chi-square of the same table, without correction; never signed. */
    double chi2, chi2_p;
    /* Log Ratio (Hardie 2014): log2((a'/c) / (b'/d)), with a zero count replaced by 0.5
     * (a' and b'). Its interval: ln((a'/c)/(b'/d)) -/+ z sqrt(1/a' + 1/b'), the usual
     * standard error of a log ratio of Poisson rates, converted to log2. */
    double log_ratio, lr_low, lr_high;
    /* %DIFF (Gabrielatos & Marchi 2012): 100 (a/c - b'/d) / (b'/d), with b' = 0.5 when
     * b = 0 (the target count is not replaced: a = 0 gives -100). */
    double pct_diff;
    /* Fisher's exact p (slant_fisher_exact) when an expected count of the table is
     * below 5, NAN otherwise (and NAN when the counts are not integers or the two
     * corpora have more than UINT_MAX tokens together). */
    double fisher_p;
} slant_keyness;

/*
 * The keyness of a term with count `a` in the target and `b` in the reference, where
 * the target has `c` tokens and the reference `d`. The 2x2 table is
 * [[a, b], [c - a, d - b]]: the term against all other tokens, target against
 * reference.
 *
 * Returns -1 (every field NAN) when c <= 0 or d <= 0, a count is negative, not finite
 * or above its total, the term is absent from both (a + b = 0), the term is every token
 * (a = c and b = d), or `level` is not in (0, 1).
 */
int slant_keyness_of(double a, double b, double c, double d, double level,
                     slant_keyness *out);

/* ----------------------------------------------------------------------------------- */
/* Multiple comparisons                                                                 */

/*
 * Benjamini-Hochberg adjusted p-values (Benjamini & Hochberg 1995), also called
 * q-values: with the m valid p sorted ascending, q_(i) = min over j >= i of
 * min(1, m p_(j) / j), so they are monotone in p and capped at 1. `q[i]` belongs to
 * `p[i]`. A p that is NaN or outside [0, 1] gives a NaN q and is not counted in m.
 * `q` may be `p` (adjusted in place); both hold `n` values.
 */
void slant_bh(const double *p, size_t n, double *q);

/*
 * Holm's step-down adjusted p-values (Holm 1979): with the m valid p sorted ascending,
 * adj_(i) = max over j <= i of min(1, (m - j + 1) p_(j)). NaN and out-of-range p as in
 * slant_bh; `adj` may be `p`.
 */
void slant_holm(const double *p, size_t n, double *adj);

/* ----------------------------------------------------------------------------------- */
/* Resampling, reproducible: GSL's MT19937 seeded with gsl_rng_set(r, seed)             */
/* (GSL maps seed 0 to its default seed, 4357, so 0 and 4357 give the same stream).      */

/*
 * A two-sided permutation test of the difference of means. The pooled values are
 * shuffled `permutations` times (gsl_ran_shuffle); each time the first nx play x. With
 * D the observed mean(x) - mean(y),
 *   p = (1 + #{permutations with |diff| >= |D|}) / (1 + permutations),
 * which never reaches 0 (Phipson & Smyth 2010). A difference within a relative 1e-12
 * of |D| (relative to |D| plus the largest absolute value) counts as reaching it, so
 * that rounding does not split exact ties.
 *
 * Returns -1 when a sample is empty or permutations is 0 (and when the generator
 * cannot be allocated).
 */
int slant_permutation_mean_diff(const double *x, size_t nx, const double *y, size_t ny,
                                size_t permutations, unsigned long seed, double *p);

/*
 * A percentile bootstrap interval of the mean (Efron & Tibshirani 1993, ch. 13): the
 * mean of `resamples` samples of n values drawn with replacement (gsl_rng_uniform_int),
 * and the (1 - level)/2 and (1 + level)/2 quantiles of those means, type 7 as in
 * slant_summary_of.
 *
 * Returns -1 when n is 0, resamples < 2, `level` is not in (0, 1) or a value is not
 * finite (and when the generator cannot be allocated).
 */
int slant_bootstrap_mean_ci(const double *x, size_t n, size_t resamples,
                            unsigned long seed, double level, double *lo, double *hi);

/* ----------------------------------------------------------------------------------- */
/* Tails, for the tests built elsewhere (strata.c)                                       */

/* The two-sided p of a standard normal z, 2 Q(|z|); NAN when z is not finite. */
double slant_normal_two_sided(double z);

/* The two-sided p of Student's t with df degrees of freedom (the F route above). */
double slant_t_two_sided(double t, double df);

/* The (1 + level) / 2 quantile of Student's t with df degrees of freedom, for an interval
 * of that level; NAN for a bad level or df. */
double slant_t_for_level(double level, double df);

#endif
