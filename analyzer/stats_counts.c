/*
 * The tests on counts: contingency tables (Pearson's X^2 and G^2), Fisher's exact test of
 * a 2x2 table and keyness, which combines them for one term of two corpora. The
 * declarations and the SciPy functions each one equals are in stats.h.
 */
#include "stats.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>

#include "stats_util.h"
#include "xalloc.h"

/* ----------------------------------------------------------------------------------- */
/* Contingency tables                                                                   */

/* Pearson's X^2 (loglik 0) or G^2 (loglik 1) of a table, after dropping empty lines. */
static int contingency(const double *table, size_t rows, size_t cols, int loglik,
                       slant_test *out)
{
    test_nan(out);
    if (rows == 0 || cols == 0 || rows > SIZE_MAX / cols || !all_finite(table, rows * cols))
        return -1;
    for (size_t i = 0; i < rows * cols; i++)
        if (table[i] < 0.0)
            return -1;

    double *rsum = xcalloc(rows, sizeof *rsum);
    double *csum = xcalloc(cols, sizeof *csum);
    double N = 0.0;
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            rsum[i] += table[i * cols + j];
            csum[j] += table[i * cols + j];
        }
    size_t r = 0, c = 0;
    for (size_t i = 0; i < rows; i++) {
        N += rsum[i];
        r += rsum[i] > 0.0;
    }
    for (size_t j = 0; j < cols; j++)
        c += csum[j] > 0.0;

    double stat = 0.0;
    if (r >= 2 && c >= 2) {
        for (size_t i = 0; i < rows; i++) {
            if (!(rsum[i] > 0.0))
                continue;
            for (size_t j = 0; j < cols; j++) {
                if (!(csum[j] > 0.0))
                    continue;
                double o = table[i * cols + j], e = rsum[i] * csum[j] / N;
                if (loglik)
                    stat += o > 0.0 ? o * log(o / e) : 0.0;
                else
                    stat += (o - e) * (o - e) / e;
            }
        }
    }
    free(csum);
    free(rsum);
    if (r < 2 || c < 2)
        return -1;

    if (loglik)
        stat = 2.0 * stat;
    if (stat < 0.0)
        stat = 0.0; /* rounding in a table that is exactly independent */
    double df = (double)(r - 1) * (double)(c - 1);
    return test_done(out, stat, df, NAN, gsl_cdf_chisq_Q(stat, df));
}

int slant_chi2_contingency(const double *table, size_t rows, size_t cols, slant_test *out)
{
    return contingency(table, rows, cols, 0, out);
}

int slant_g2_contingency(const double *table, size_t rows, size_t cols, slant_test *out)
{
    return contingency(table, rows, cols, 1, out);
}

static int count_ok(double v)
{
    return isfinite(v) && v >= 0.0 && v <= (double)UINT_MAX && floor(v) == v;
}

/* ln C(n, k) as a sum of min(k, n - k) logarithms, each of a ratio near its true value:
 * its error is a few units in the last place of the sum, where GSL's difference of two
 * log-factorials of n loses about log10(n ln n) digits (for n = 10^6, eight of them).
 * Beyond 10^5 terms, GSL's. */
static double log_choose(unsigned int n, unsigned int k)
{
    if (k > n - k)
        k = n - k;
    if (k > 100000)
        return gsl_sf_lnchoose(n, k);
    double s = 0.0;
    for (unsigned int i = 0; i < k; i++)
        s += log((double)(n - i) / (double)(k - i));
    return s;
}

/* P(k + 1) / P(k) of the hypergeometric distribution (t drawn, n1 of the first kind and
 * n2 of the other), and P(k - 1) / P(k). */
static double up_ratio(unsigned int k, unsigned int n1, unsigned int n2, unsigned int t)
{
    return ((double)(n1 - k) * (double)(t - k)) /
           ((double)(k + 1) * ((double)n2 - (double)t + (double)k + 1.0));
}

static double down_ratio(unsigned int k, unsigned int n1, unsigned int n2, unsigned int t)
{
    return ((double)k * ((double)n2 - (double)t + (double)k)) /
           ((double)(n1 - k + 1) * (double)(t - k + 1));
}

int slant_fisher_exact(double a, double b, double c, double d, double *p)
{
    *p = NAN;
    if (!count_ok(a) || !count_ok(b) || !count_ok(c) || !count_ok(d))
        return -1;
    double row1 = a + b, col1 = a + c, total = a + b + c + d;
    if (total > (double)UINT_MAX)
        return -1;
    if (row1 == 0.0 || c + d == 0.0 || col1 == 0.0 || b + d == 0.0) {
        *p = 1.0;
        return 0;
    }

    /* a ~ hypergeometric: row1 drawn from col1 "first column" and total - col1 others */
    unsigned int t = (unsigned int)row1, n1 = (unsigned int)col1;
    unsigned int n2 = (unsigned int)(total - col1), x = (unsigned int)a;
    unsigned int lo = t > n2 ? t - n2 : 0, hi = t < n1 ? t : n1;
    double observed = exp(log_choose(n1, x) + log_choose(n2, t - x) -
                          log_choose(n1 + n2, t));
    if (!isfinite(observed))
        return -1;
    if (observed == 0.0) { /* below the smallest double: so is the sum of such tables */
        *p = 0.0;
        return 0;
    }
    double limit = observed * (1.0 + 1e-7);
    /* The tables' probabilities from the most likely one outwards, each from its
     * neighbour by the ratio of the distribution (the mode's from the observed table's
     * the same way): no more logarithms, and away from the mode the terms only fall, so
     * their underflow to 0 ends each side. */
    unsigned int mode =
        (unsigned int)(((double)t + 1.0) * ((double)n1 + 1.0) / ((double)n1 + n2 + 2.0));
    mode = mode < lo ? lo : mode > hi ? hi : mode;
    double at_mode = observed;
    for (unsigned int k = x; k < mode; k++)
        at_mode *= up_ratio(k, n1, n2, t);
    for (unsigned int k = x; k > mode; k--)
        at_mode *= down_ratio(k, n1, n2, t);
    if (!isfinite(at_mode))
        return -1;
    double sum = at_mode <= limit ? at_mode : 0.0, pk = at_mode;
    for (unsigned int k = mode; k < hi && pk > 0.0; k++) {
        pk *= up_ratio(k, n1, n2, t);
        if (pk <= limit)
            sum += pk;
    }
    pk = at_mode;
    for (unsigned int k = mode; k > lo && pk > 0.0; k--) {
        pk *= down_ratio(k, n1, n2, t);
        if (pk <= limit)
            sum += pk;
    }
    *p = sum > 1.0 ? 1.0 : sum;
    return 0;
}

/* ----------------------------------------------------------------------------------- */
/* Keyness                                                                              */

static void keyness_nan(slant_keyness *out)
{
    out->g2 = out->g2_p = out->chi2 = out->chi2_p = NAN;
    out->log_ratio = out->lr_low = out->lr_high = NAN;
    out->pct_diff = out->fisher_p = NAN;
}

int slant_keyness_of(double a, double b, double c, double d, double level,
                     slant_keyness *out)
{
    keyness_nan(out);
    if (!isfinite(a) || !isfinite(b) || !isfinite(c) || !isfinite(d) || !level_ok(level))
        return -1;
    if (!(c > 0.0) || !(d > 0.0) || a < 0.0 || b < 0.0 || a > c || b > d)
        return -1;
    if (a + b == 0.0 || (a == c && b == d))
        return -1;

    double table[4] = {a, b, c - a, d - b};
    slant_test chi, g;
    if (slant_chi2_contingency(table, 2, 2, &chi) != 0 ||
        slant_g2_contingency(table, 2, 2, &g) != 0)
        return -1;

    double z = z_for_level(level);
    if (!isfinite(z))
        return -1;
    double a1 = a > 0.0 ? a : 0.5, b1 = b > 0.0 ? b : 0.5;
    double ratio = (a1 / c) / (b1 / d);
    double se = sqrt(1.0 / a1 + 1.0 / b1);

    out->chi2 = chi.statistic;
    out->chi2_p = chi.p;
    out->g2 = a * d < b * c ? -g.statistic : g.statistic;
    out->g2_p = g.p;
    out->log_ratio = log2(ratio);
    out->lr_low = out->log_ratio - z * se / log(2.0);
    out->lr_high = out->log_ratio + z * se / log(2.0);
    double ref = b1 / d;
    out->pct_diff = 100.0 * (a / c - ref) / ref;

    double N = c + d, row1 = a + b, row2 = N - row1;
    double e_min = fmin(fmin(row1 * c, row1 * d), fmin(row2 * c, row2 * d)) / N;
    if (e_min < 5.0) {
        double fp;
        if (slant_fisher_exact(a, b, c - a, d - b, &fp) == 0)
            out->fisher_p = fp;
    }
    return 0;
}
