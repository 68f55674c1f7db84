#ifndef SLANT_TREND_H
#define SLANT_TREND_H

#include <stddef.h>
#include <stdint.h>

#include "compare.h"
#include "date.h"
#include "stats.h"

/*
 * Indicators over time: what `compare --every UNIT` and `--split DATE` add to a
 * comparison (slant_comparison.trend). Only the rows of the compared groups with a day
 * (dataset.h) take part; the others are counted.
 *
 * Per group, indicator and period (day, ISO week, month, year; date.h): n, the mean and its
 * t interval (slant_summary_of at the comparison's level).
 *
 * Per group and indicator, the trend test is Mann-Kendall on the period means, with Sen's
 * slope (Theil 1950, Sen 1968) per period and Sen's interval. Why these: the series of a
 * newsroom is short (a year is 12 months), its period means are skewed and bounded below by
 * zero, and a few extreme articles must not make a trend; a rank test and a median of
 * pairwise slopes are robust to that, need no normality, and give a slope in the unit of
 * the indicator per period. The price: each period counts once whatever its n (a month of 3
 * articles weighs as much as one of 300), and the test ignores serial correlation (say so
 * in a report; the split below compares articles, not periods).
 *   S = sum over pairs of periods i < j of sign(mean_j - mean_i);
 *   tau = S / sqrt(T (T - U)), T = P (P - 1) / 2, U = sum t (t - 1) / 2 over tied means;
 *   var S = (P (P - 1)(2P + 5) - sum t (t - 1)(2t + 5)) / 18 (ties of means corrected);
 *   z = S / sqrt(var S) (no continuity correction), p = 2 (1 - Phi(|z|)).
 * Equal to scipy.stats.kendalltau(x, means, method="asymptotic") with x the period indices.
 * Sen's slope is the median of (mean_j - mean_i) / (x_j - x_i) over i < j, the intercept
 * median(means) - slope median(x) (x counted in periods from 1970), the interval the
 * order statistics of Sen (1968, eq. 2.6): scipy.stats.theilslopes(means, x, level). A test
 * needs at least 3 periods (else its numbers are NAN).
 *
 * With a split day: per group and indicator, the articles before the day against those
 * on or after it: both means, the difference (after - before) with its Welch interval,
 * Welch's t and Mann-Whitney U (stats.h; SciPy's method="auto").
 *
 * q-values (the comparison's correction) within three named families: trend/mann_kendall,
 * split/welch_t and split/mann_whitney.
 */

typedef struct {
    size_t group, indicator;        /* dataset indices */
    int64_t period;                 /* slant_period_index */
    int32_t start;                  /* the first day of the period */
    slant_summary s;                /* n, mean, sd, ..., t interval (NAN when n < 2) */
} slant_trend_point;

typedef struct {
    size_t group, indicator;
    size_t periods, n;              /* periods with a value, and their articles */
    double s, var_s, tau, z, p, q;  /* Mann-Kendall */
    double slope, intercept, slope_low, slope_high; /* Sen, per period */
} slant_trend_test;

typedef struct {
    size_t group, indicator;
    size_t n_before, n_after;
    double mean_before, mean_after;
    double diff, diff_low, diff_high;       /* after - before, Welch interval */
    slant_test welch;
    double welch_q;
    slant_test mwu;                         /* U of the articles after */
    slant_mwu_method mwu_method;
    double mwu_q;
} slant_trend_split;

typedef struct slant_trend {
    slant_period every;             /* 0: no periods (a split alone) */
    int has_split;
    int32_t split;
    size_t dated, undated;          /* rows of the compared groups with and without a day */
    size_t bad_dates;               /* of the undated: a date given but not readable */
    slant_trend_point *points;      /* by indicator, group, then period */
    size_t npoints;
    slant_trend_test *tests;        /* by indicator, then group */
    size_t ntests;
    slant_trend_split *splits;      /* by indicator, then group */
    size_t nsplits;
    slant_cmp_family families[3];
    size_t nfamilies;
} slant_trend;

/* The trend of comparison `c` (its groups, indicators, level, correction and its options'
 * every and split). Owned by the caller: slant_trend_free (NULL: no-op). */
slant_trend *slant_trend_new(const slant_comparison *c);
void slant_trend_free(slant_trend *t);

/* Mann-Kendall and Sen on `n` points (x strictly increasing): fills the test's numbers
 * (its group, indicator, periods and n untouched). For the tests under tests/time. */
void slant_trend_mann_kendall(const double *x, const double *y, size_t n, double level,
                              slant_trend_test *out);

#endif
