#include "report_ratio.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "xalloc.h"

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* An index in [0, n), without modulo bias. */
static size_t draw(uint64_t *state, size_t n)
{
    uint64_t rem = (UINT64_MAX % n + 1) % n; /* 2^64 mod n */
    uint64_t v;
    do
        v = splitmix64(state);
    while (rem && v > UINT64_MAX - rem);
    return (size_t)(v % n);
}

static double mean_of(const double *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    return s / (double)n;
}

static double resampled_mean(const double *x, size_t n, uint64_t *state)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[draw(state, n)];
    return s / (double)n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : (x > y ? 1 : 0);
}

/* The type-7 quantile f of sorted values; an end that is +inf makes it +inf. */
static double quantile(const double *v, size_t n, double f)
{
    double pos = f * (double)(n - 1);
    size_t i = (size_t)floor(pos);
    double frac = pos - (double)i;
    if (i + 1 >= n || frac == 0)
        return v[i < n ? i : n - 1];
    if (isinf(v[i + 1]))
        return INFINITY;
    return v[i] + frac * (v[i + 1] - v[i]);
}

int slant_ratio_of_means(const double *x, size_t nx, const double *y, size_t ny,
                         size_t resamples, unsigned long seed, double level, slant_ratio *out)
{
    out->ratio = out->low = out->high = NAN;
    out->left_out = 0;
    if (!nx || !ny)
        return -1;
    for (size_t i = 0; i < nx; i++)
        if (!isfinite(x[i]))
            return -1;
    for (size_t i = 0; i < ny; i++)
        if (!isfinite(y[i]))
            return -1;
    double mx = mean_of(x, nx), my = mean_of(y, ny);
    if (!(my > 0) || mx < 0)
        return -1;
    out->ratio = mx / my;
    if (resamples < 2 || !(level > 0 && level < 1))
        return 0;
    double *r = xmalloc(resamples * sizeof *r);
    size_t n = 0;
    uint64_t state = (uint64_t)seed;
    for (size_t b = 0; b < resamples; b++) {
        double a = resampled_mean(x, nx, &state);
        double c = resampled_mean(y, ny, &state);
        if (c > 0)
            r[n++] = a / c;
        else if (a > 0)
            r[n++] = INFINITY;
        else
            out->left_out++;
    }
    if (n >= 2 && (double)out->left_out <= (1 - level) / 2 * (double)resamples) {
        qsort(r, n, sizeof *r, cmp_double);
        out->low = quantile(r, n, (1 - level) / 2);
        out->high = quantile(r, n, (1 + level) / 2);
    }
    free(r);
    return 0;
}
