#ifndef SLANT_REPORT_RATIO_H
#define SLANT_REPORT_RATIO_H

#include <stddef.h>

/*
 * The ratio of two groups' means, mean(x) / mean(y), with a percentile bootstrap
 * interval: `resamples` times, x and y are each resampled with replacement (n_x values
 * from x, then n_y from y) and the ratio of the resampled means is kept; the interval is
 * the (1 - level)/2 and (1 + level)/2 quantiles of those ratios (type 7, as NumPy's
 * default). A resample whose y mean is 0 gives +inf when its x mean is above 0 (the upper
 * end is then unbounded if enough of them occur) and no ratio when both are 0: such
 * resamples are left out, and when more than a (1 - level)/2 share of them is left out
 * the interval is undefined.
 *
 * The generator is SplitMix64 (Steele, Lea & Flood 2014) seeded with `seed`; an index
 * below n is a 64-bit draw v, redrawn while v >= 2^64 - (2^64 mod n), taken mod n. It is
 * written out here (rather than taken from GSL, which only the statistics files include) so that a
 * test can recompute every interval exactly in a few lines of Python.
 *
 * Inputs are borrowed for the call; nothing is kept. Returns 0, or -1 when the ratio is
 * undefined (a sample empty, a value not finite, mean(y) = 0 or a mean below 0), with
 * every field NAN. With resamples < 2 or `level` outside (0, 1) only the interval is NAN.
 */
typedef struct {
    double ratio, low, high;
    size_t left_out;        /* resamples with no ratio (both means 0) */
} slant_ratio;

int slant_ratio_of_means(const double *x, size_t nx, const double *y, size_t ny,
                         size_t resamples, unsigned long seed, double level, slant_ratio *out);

#endif
