#ifndef SLANT_STATS_UTIL_H
#define SLANT_STATS_UTIL_H
/*
 * Helpers shared by the files of the statistics (stats.c, stats_counts.c) and by no one
 * else: the checks of their arguments and the storing of a finished test. Every
 * function here is static inline and pure but for what it writes through `out`.
 */
#include <math.h>
#include <stddef.h>

#include <gsl/gsl_cdf.h>

#include "stats.h"

static inline int all_finite(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

static inline int level_ok(double level)
{
    return level > 0.0 && level < 1.0;
}

static inline void test_nan(slant_test *out)
{
    out->statistic = NAN;
    out->df = NAN;
    out->df2 = NAN;
    out->p = NAN;
}

/* Stores a finished test; -1 (and NaN everywhere) when GSL gave a non-finite number. */
static inline int test_done(slant_test *out, double statistic, double df, double df2, double p)
{
    if (!isfinite(statistic) || isnan(p)) {
        test_nan(out);
        return -1;
    }
    out->statistic = statistic;
    out->df = df;
    out->df2 = df2;
    out->p = p > 1.0 ? 1.0 : (p < 0.0 ? 0.0 : p);
    return 0;
}

/* The two-sided normal quantile of a confidence level: 1.96 for 0.95. */
static inline double z_for_level(double level)
{
    double z = gsl_cdf_ugaussian_Pinv(0.5 + level / 2.0);
    return isfinite(z) ? z : NAN;
}

#endif
