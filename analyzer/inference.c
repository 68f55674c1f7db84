#include "inference.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "xalloc.h"

static int level_ok(double level)
{
    return level > 0.0 && level < 1.0;
}

/* The two-sided p of t with df degrees of freedom (the F route of stats.c). */
static double t_two_sided(double t, double df)
{
    return gsl_cdf_fdist_Q(t * t, 1.0, df);
}

/* The upper q quantile of Student's t with df degrees of freedom: GSL's inverse, then
 * Newton steps on the upper tail from the F route (gsl_cdf_tdist_Qinv alone is good to
 * about 1e-9 at a few degrees of freedom); NAN when undefined. */
static double t_upper(double q, double df)
{
    double t = gsl_cdf_tdist_Qinv(q, df);
    for (int k = 0; k < 3 && isfinite(t) && t > 0.0; k++) {
        double density = gsl_ran_tdist_pdf(t, df);
        if (!(density > 0.0))
            break;
        t += (gsl_cdf_fdist_Q(t * t, 1.0, df) / 2.0 - q) / density;
    }
    return isfinite(t) ? t : NAN;
}

/* --- cluster-robust mean difference ---------------------------------------------------- */

int slant_cluster_mean_diff(const double *v, const unsigned char *in_a,
                            const uint32_t *cluster, size_t n, size_t ids, double level,
                            slant_cluster_test *out)
{
    out->diff = out->se = out->t = out->df = out->p = out->lo = out->hi = NAN;
    out->clusters = 0;
    if (n < 3 || !level_ok(level) || !ids)
        return -1;
    double sum_a = 0, sum_b = 0;
    size_t na = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]) || cluster[i] >= ids)
            return -1;
        if (in_a[i]) {
            sum_a += v[i];
            na++;
        } else {
            sum_b += v[i];
        }
    }
    size_t nb = n - na;
    if (!na || !nb)
        return -1;
    double mean_a = sum_a / (double)na, mean_b = sum_b / (double)nb;

    /* the score of each cluster: sum of x_i e_i, x_i = (1, d_i) */
    double *score = xcalloc(2 * ids, sizeof *score);
    unsigned char *seen = xcalloc(ids, 1);
    size_t G = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cluster[i];
        double e = v[i] - (in_a[i] ? mean_a : mean_b);
        score[2 * c] += e;
        if (in_a[i])
            score[2 * c + 1] += e;
        G += !seen[c];
        seen[c] = 1;
    }
    int status = -1;
    gsl_matrix *bread = gsl_matrix_alloc(2, 2), *meat = gsl_matrix_calloc(2, 2);
    gsl_matrix *tmp = gsl_matrix_alloc(2, 2), *cov = gsl_matrix_alloc(2, 2);
    gsl_permutation *perm = gsl_permutation_alloc(2);
    gsl_matrix *xtx = gsl_matrix_alloc(2, 2);
    if (!bread || !meat || !tmp || !cov || !perm || !xtx || G < 2)
        goto done;
    for (size_t c = 0; c < ids; c++) {
        if (!seen[c])
            continue;
        double s0 = score[2 * c], s1 = score[2 * c + 1];
        gsl_matrix_set(meat, 0, 0, gsl_matrix_get(meat, 0, 0) + s0 * s0);
        gsl_matrix_set(meat, 0, 1, gsl_matrix_get(meat, 0, 1) + s0 * s1);
        gsl_matrix_set(meat, 1, 1, gsl_matrix_get(meat, 1, 1) + s1 * s1);
    }
    gsl_matrix_set(meat, 1, 0, gsl_matrix_get(meat, 0, 1));
    /* X'X = [[N, na], [na, na]] */
    gsl_matrix_set(xtx, 0, 0, (double)n);
    gsl_matrix_set(xtx, 0, 1, (double)na);
    gsl_matrix_set(xtx, 1, 0, (double)na);
    gsl_matrix_set(xtx, 1, 1, (double)na);
    int sign;
    if (gsl_linalg_LU_decomp(xtx, perm, &sign) != GSL_SUCCESS ||
        gsl_linalg_LU_invert(xtx, perm, bread) != GSL_SUCCESS)
        goto done;
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, bread, meat, 0.0, tmp);
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, tmp, bread, 0.0, cov);
    double g = (double)G, N = (double)n;
    double var = g / (g - 1.0) * (N - 1.0) / (N - 2.0) * gsl_matrix_get(cov, 1, 1);
    if (!(var > 0.0) || !isfinite(var))
        goto done;
    out->diff = mean_a - mean_b;
    out->se = sqrt(var);
    out->df = g - 1.0;
    out->t = out->diff / out->se;
    out->p = t_two_sided(out->t, out->df);
    double q = t_upper((1.0 - level) / 2.0, out->df);
    out->lo = out->diff - q * out->se;
    out->hi = out->diff + q * out->se;
    status = 0;
done:
    out->clusters = G; /* the rest stay NAN on failure: nothing is written before here */
    gsl_matrix_free(bread);
    gsl_matrix_free(meat);
    gsl_matrix_free(tmp);
    gsl_matrix_free(cov);
    gsl_matrix_free(xtx);
    gsl_permutation_free(perm);
    free(score);
    free(seen);
    return status;
}

/* --- permutation of Welch's t ----------------------------------------------------------- */

/* Welch's t of v[0..nx) against v[nx..nx+ny); +/-INFINITY when both samples are constant
 * with different means, NAN when they are constant and equal. */
static double welch_t_of(const double *v, size_t nx, size_t ny)
{
    double mx = gsl_stats_mean(v, 1, nx), my = gsl_stats_mean(v + nx, 1, ny);
    double vx = gsl_stats_variance_m(v, 1, nx, mx), vy = gsl_stats_variance_m(v + nx, 1, ny, my);
    double se2 = vx / (double)nx + vy / (double)ny;
    if (!(se2 > 0.0))
        return mx == my ? NAN : (mx > my ? INFINITY : -INFINITY);
    return (mx - my) / sqrt(se2);
}

int slant_permutation_welch_t(const double *x, size_t nx, const double *y, size_t ny,
                              size_t permutations, unsigned long seed, double *p)
{
    *p = NAN;
    if (nx < 2 || ny < 2 || permutations == 0)
        return -1;
    size_t N = nx + ny;
    if (N > gsl_rng_mt19937->max)
        return -1;
    double *v = xmalloc(N * sizeof *v);
    memcpy(v, x, nx * sizeof *v);
    memcpy(v + nx, y, ny * sizeof *v);
    for (size_t i = 0; i < N; i++) {
        if (!isfinite(v[i])) {
            free(v);
            return -1;
        }
    }
    double observed = fabs(welch_t_of(v, nx, ny));
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!isfinite(observed) || !r) {
        free(v);
        gsl_rng_free(r);
        return -1;
    }
    gsl_rng_set(r, seed);
    double reach = observed - 1e-12 * (observed + 1.0);
    size_t hits = 0;
    for (size_t k = 0; k < permutations; k++) {
        gsl_ran_shuffle(r, v, N, sizeof *v);
        double t = welch_t_of(v, nx, ny);
        hits += !isnan(t) && fabs(t) >= reach;
    }
    free(v);
    gsl_rng_free(r);
    *p = (1.0 + (double)hits) / (1.0 + (double)permutations);
    return 0;
}

/* --- intervals and effect sizes ---------------------------------------------------------- */

int slant_mean_diff_ci(const slant_moments *x, const slant_moments *y, double level,
                       double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (x->n < 2 || y->n < 2 || !x->finite || !y->finite || !level_ok(level))
        return -1;
    double ax = x->var / (double)x->n, ay = y->var / (double)y->n, se2 = ax + ay;
    if (!(se2 > 0.0))
        return -1;
    double df = se2 * se2 / (ax * ax / (double)(x->n - 1) + ay * ay / (double)(y->n - 1));
    double q = t_upper((1.0 - level) / 2.0, df), d = x->mean - y->mean;
    if (!isfinite(q))
        return -1;
    *lo = d - q * sqrt(se2);
    *hi = d + q * sqrt(se2);
    return 0;
}

int slant_cliffs_delta_ci(double u, size_t nx, size_t ny, double level, double *lo,
                          double *hi)
{
    *lo = *hi = NAN;
    if (!nx || !ny || !isfinite(u) || !level_ok(level))
        return -1;
    double m = (double)nx, n = (double)ny, a = u / (m * n);
    double q1 = a / (2.0 - a), q2 = 2.0 * a * a / (1.0 + a);
    double var = (a * (1.0 - a) + (m - 1.0) * (q1 - a * a) + (n - 1.0) * (q2 - a * a)) / (m * n);
    double z = gsl_cdf_ugaussian_Pinv(0.5 + level / 2.0), half = z * sqrt(var > 0 ? var : 0);
    *lo = fmax(-1.0, 2.0 * (a - half) - 1.0);
    *hi = fmin(1.0, 2.0 * (a + half) - 1.0);
    return 0;
}

int slant_bootstrap_bca_mean_ci(const double *x, size_t n, size_t resamples,
                                unsigned long seed, double level, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (n < 2 || resamples < 2 || !level_ok(level) || n > gsl_rng_mt19937->max)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]))
            return -1;
    double theta = gsl_stats_mean(x, 1, n), sum = 0.0;
    int constant = 1;
    for (size_t i = 0; i < n; i++) {
        sum += x[i];
        constant &= x[i] == x[0];
    }
    if (constant) {
        *lo = *hi = theta;
        return 0;
    }
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r)
        return -1;
    gsl_rng_set(r, seed);
    double *draw = xmalloc(n * sizeof *draw), *means = xmalloc(resamples * sizeof *means);
    size_t below = 0;
    for (size_t b = 0; b < resamples; b++) {
        for (size_t i = 0; i < n; i++)
            draw[i] = x[gsl_rng_uniform_int(r, n)];
        means[b] = gsl_stats_mean(draw, 1, n);
        below += (means[b] < theta) * 2 + (means[b] == theta); /* ties count half */
    }
    gsl_rng_free(r);
    free(draw);
    /* the jackknife: the mean without value i is (sum - x_i) / (n - 1) */
    double tbar = 0.0, num = 0.0, den = 0.0;
    for (size_t i = 0; i < n; i++)
        tbar += (sum - x[i]) / (double)(n - 1);
    tbar /= (double)n;
    for (size_t i = 0; i < n; i++) {
        double d = tbar - (sum - x[i]) / (double)(n - 1);
        num += d * d * d;
        den += d * d;
    }
    double a = den > 0.0 ? num / (6.0 * pow(den, 1.5)) : 0.0;
    double z0 = gsl_cdf_ugaussian_Pinv((double)below / (2.0 * (double)resamples));
    int status = -1;
    if (isfinite(z0)) {
        double zl = gsl_cdf_ugaussian_Pinv((1.0 - level) / 2.0);
        double zh = gsl_cdf_ugaussian_Pinv((1.0 + level) / 2.0);
        double a1 = gsl_cdf_ugaussian_P(z0 + (z0 + zl) / (1.0 - a * (z0 + zl)));
        double a2 = gsl_cdf_ugaussian_P(z0 + (z0 + zh) / (1.0 - a * (z0 + zh)));
        if (isfinite(a1) && isfinite(a2)) {
            gsl_sort(means, 1, resamples);
            *lo = gsl_stats_quantile_from_sorted_data(means, 1, resamples, a1);
            *hi = gsl_stats_quantile_from_sorted_data(means, 1, resamples, a2);
            status = 0;
        }
    }
    free(means);
    return status;
}

int slant_wilson_ci(double k, double n, double level, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (!(n > 0.0) || !(k >= 0.0) || k > n || !level_ok(level))
        return -1;
    double z = gsl_cdf_ugaussian_Pinv(0.5 + level / 2.0), p = k / n, z2 = z * z;
    double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    double half = z / (1.0 + z2 / n) * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    *lo = fmax(0.0, centre - half);
    *hi = fmin(1.0, centre + half);
    return 0;
}

double slant_kruskal_epsilon2(double h, size_t n)
{
    return isnan(h) || n < 2 ? NAN : h / ((double)n - 1.0);
}

double slant_cramers_v(double chi2, double total, size_t rows, size_t cols)
{
    size_t m = rows < cols ? rows : cols;
    if (isnan(chi2) || !(total > 0.0) || m < 2)
        return NAN;
    return sqrt(chi2 / (total * (double)(m - 1)));
}

int slant_welch_anova_varying(const double *const *groups, const size_t *n, size_t k,
                              slant_test *out, size_t *dropped)
{
    const double **keep = xmalloc((k ? k : 1) * sizeof *keep);
    size_t *keep_n = xmalloc((k ? k : 1) * sizeof *keep_n);
    size_t m = 0;
    *dropped = 0;
    for (size_t i = 0; i < k; i++) {
        slant_moments mo;
        slant_moments_of(groups[i], n[i], &mo);
        if (mo.n >= 2 && mo.finite && mo.var == 0.0) {
            (*dropped)++;
            continue;
        }
        keep[m] = groups[i];
        keep_n[m++] = n[i];
    }
    int status = slant_welch_anova(keep, keep_n, m, out);
    free(keep);
    free(keep_n);
    return status;
}
