#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "ranks.h"
#include "stats_util.h"
#include "xalloc.h"

void slant_stats_init(void)
{
    gsl_set_error_handler_off();
}

/* The most steps an exact distribution may take (a few seconds); see stats.h. */
#define EXACT_STEPS 2e9

/* ----------------------------------------------------------------------------------- */
/* Small helpers                                                                        */

/* The mean and the variance (n - 1 in the denominator) of n >= 2 values. */
static void mean_var(const double *x, size_t n, double *mean, double *var)
{
    *mean = gsl_stats_mean(x, 1, n);
    *var = gsl_stats_variance_m(x, 1, n, *mean);
}

/*
 * The two-sided p of Student's t with df degrees of freedom: the upper tail of F(1, df)
 * at t^2 (see stats.h for why not gsl_cdf_tdist_Q). NaN when GSL cannot compute it.
 */
static double t_two_sided(double t, double df)
{
    double p = gsl_cdf_fdist_Q(t * t, 1.0, df);
    return (p >= 0.0 && p <= 1.0) ? p : NAN;
}

/*
 * The t with upper tail probability q (0 < q < 1). gsl_cdf_tdist_Qinv is good to about
 * 1e-13 for the levels an interval uses (up to 0.999). NaN when GSL cannot compute it.
 */
static double t_quantile_upper(double q, double df)
{
    double t = gsl_cdf_tdist_Qinv(q, df);
    return isfinite(t) ? t : NAN;
}

/* The standard normal quantile for a two-sided interval of the given level. */
/*
 * Mid-ranks (1-based) of the n values of v into rank[], and sum(t^3 - t) over the groups
 * of t tied values into *ties (may be NULL).
 */
static void midranks(const double *v, size_t n, double *rank, double *ties)
{
    size_t *order = xmalloc(n * sizeof *order);
    double tie_sum = 0.0;

    gsl_sort_index(order, v, 1, n);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && v[order[j]] == v[order[i]])
            j++;
        /* positions i .. j-1 (0-based) hold ranks i+1 .. j; their mean: */
        double r = ((double)(i + 1) + (double)j) / 2.0;
        for (size_t k = i; k < j; k++)
            rank[order[k]] = r;
        double t = (double)(j - i);
        tie_sum += t * t * t - t;
        i = j;
    }
    if (ties)
        *ties = tie_sum;
    free(order);
}

/* Whether any two of the n values are equal. */
static int has_ties(const double *v, size_t n)
{
    double *s = xmalloc((n ? n : 1) * sizeof *s);
    int tied = 0;

    if (n)
        memcpy(s, v, n * sizeof *s);
    gsl_sort(s, 1, n);
    for (size_t i = 1; i < n && !tied; i++)
        tied = s[i] == s[i - 1];
    free(s);
    return tied;
}

/* x and y one after the other in a new array (caller frees). */
static double *pool(const double *x, size_t nx, const double *y, size_t ny)
{
    double *v = xmalloc((nx + ny ? nx + ny : 1) * sizeof *v);
    if (nx)
        memcpy(v, x, nx * sizeof *v);
    if (ny)
        memcpy(v + nx, y, ny * sizeof *v);
    return v;
}

/* ----------------------------------------------------------------------------------- */
/* Description                                                                          */

int slant_summary_of(const double *x, size_t n, double level, slant_summary *out)
{
    if (n == 0 || !all_finite(x, n))
        return slant_summary_of_sorted(x, n, level, out);
    double *s = xmalloc(n * sizeof *s);
    memcpy(s, x, n * sizeof *s);
    gsl_sort(s, 1, n);
    int status = slant_summary_of_sorted(s, n, level, out);
    free(s);
    return status;
}

int slant_summary_of_sorted(const double *s, size_t n, double level, slant_summary *out)
{
    out->n = n;
    out->mean = out->sd = out->median = out->q1 = out->q3 = NAN;
    out->ci_low = out->ci_high = NAN;
    if (n == 0 || !all_finite(s, n))
        return -1;

    out->mean = gsl_stats_mean(s, 1, n);
    out->median = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.5);
    out->q1 = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.25);
    out->q3 = gsl_stats_quantile_from_sorted_data(s, 1, n, 0.75);
    if (n >= 2)
        out->sd = gsl_stats_sd_m(s, 1, n, out->mean);

    if (n < 2 || !level_ok(level) || !isfinite(out->sd))
        return -1;
    double t = t_quantile_upper((1.0 - level) / 2.0, (double)(n - 1));
    if (!isfinite(t))
        return -1;
    double half = t * out->sd / sqrt((double)n);
    out->ci_low = out->mean - half;
    out->ci_high = out->mean + half;
    return 0;
}

double slant_mean_of(const double *x, size_t n)
{
    return n ? gsl_stats_mean(x, 1, n) : NAN;
}

void slant_moments_of(const double *x, size_t n, slant_moments *out)
{
    out->n = n;
    out->finite = all_finite(x, n);
    out->mean = out->var = NAN;
    if (n >= 2 && out->finite) {
        out->mean = gsl_stats_mean(x, 1, n);
        out->var = gsl_stats_variance_m(x, 1, n, out->mean);
    }
}

/* ----------------------------------------------------------------------------------- */
/* Two independent samples                                                              */

int slant_welch_t(const double *x, size_t nx, const double *y, size_t ny, slant_test *out)
{
    slant_moments mx, my;
    slant_moments_of(x, nx, &mx);
    slant_moments_of(y, ny, &my);
    return slant_welch_t_moments(&mx, &my, out);
}

int slant_welch_t_moments(const slant_moments *x, const slant_moments *y, slant_test *out)
{
    test_nan(out);
    if (x->n < 2 || y->n < 2 || !x->finite || !y->finite)
        return -1;

    size_t nx = x->n, ny = y->n;
    double mx = x->mean, vx = x->var, my = y->mean, vy = y->var;
    double ax = vx / (double)nx, ay = vy / (double)ny;
    double se2 = ax + ay;
    if (!(se2 > 0.0))
        return -1;
    double t = (mx - my) / sqrt(se2);
    double df = se2 * se2 / (ax * ax / (double)(nx - 1) + ay * ay / (double)(ny - 1));
    return test_done(out, t, df, NAN, t_two_sided(t, df));
}

/*
 * P(U <= k) for the Mann-Whitney U of samples of m and n values without ties. The
 * probability generating function of U is [m+n choose m]_q / C(m+n, m), and
 * [n+i choose i]_q = [n+i-1 choose i-1]_q (1 - q^(n+i)) / (1 - q^i); scaling each step by
 * i / (n+i) keeps the coefficients probabilities. Every step only looks at lower
 * degrees, so the polynomials can be cut at degree k.
 */
static double mwu_exact_cdf(size_t m, size_t n, size_t k)
{
    double *c = xcalloc(k + 1, sizeof *c);
    c[0] = 1.0;
    for (size_t i = 1; i <= m; i++) {
        for (size_t u = i; u <= k; u++) /* divide by (1 - q^i) */
            c[u] += c[u - i];
        size_t cut = n + i;
        for (size_t u = k; u >= cut; u--) { /* multiply by (1 - q^(n+i)) */
            c[u] -= c[u - cut];
            if (u == cut)
                break;
        }
        double scale = (double)i / (double)(n + i);
        for (size_t u = 0; u <= k; u++)
            c[u] *= scale;
    }
    double sum = 0.0;
    for (size_t u = 0; u <= k; u++)
        sum += c[u];
    free(c);
    return sum;
}

/* U of x and sum(t^3 - t) of the pooled sample, from unsorted finite samples. */
static double u_statistic(const double *x, size_t nx, const double *y, size_t ny,
                          double *ties)
{
    double *sx = pool(x, nx, NULL, 0), *sy = pool(y, ny, NULL, 0);
    slant_sort(sx, nx);
    slant_sort(sy, ny);
    double u = slant_mwu_u_sorted(sx, nx, sy, ny, ties);
    free(sx);
    free(sy);
    return u;
}

int slant_mann_whitney(const double *x, size_t nx, const double *y, size_t ny,
                       slant_mwu_method method, slant_test *out)
{
    if (nx == 0 || ny == 0 || !all_finite(x, nx) || !all_finite(y, ny)) {
        test_nan(out);
        return -1;
    }
    double ties;
    double u1 = u_statistic(x, nx, y, ny, &ties);
    return slant_mann_whitney_u(u1, ties, nx, ny, method, out);
}

int slant_mann_whitney_u(double u1, double ties, size_t nx, size_t ny,
                         slant_mwu_method method, slant_test *out)
{
    test_nan(out);
    if (nx == 0 || ny == 0 || !isfinite(u1) || !isfinite(ties))
        return -1;
    double mn = (double)nx * (double)ny;

    if (method == SLANT_MWU_EXACT) {
        if (ties != 0.0)
            return -1;
        double lower = u1 < mn - u1 ? u1 : mn - u1; /* an integer: no ties */
        size_t m = nx < ny ? nx : ny, n = nx < ny ? ny : nx;
        if ((double)m * lower > EXACT_STEPS)
            return -1;
        double p = 2.0 * mwu_exact_cdf(m, n, (size_t)lower);
        return test_done(out, u1, NAN, NAN, p);
    }

    double N = (double)(nx + ny);
    double s2 = mn / 12.0 * ((N + 1.0) - ties / (N * (N - 1.0)));
    if (!(s2 > 0.0)) /* every value the same: U = nx ny / 2 and p = 1, as SciPy */
        return N >= 2.0 ? test_done(out, u1, NAN, NAN, 1.0) : -1;
    double upper = u1 > mn - u1 ? u1 : mn - u1;
    double z = (upper - mn / 2.0 - 0.5) / sqrt(s2);
    double p = 2.0 * gsl_cdf_ugaussian_Q(z);
    return test_done(out, u1, NAN, NAN, p);
}

slant_mwu_method slant_mann_whitney_auto(const double *x, size_t nx, const double *y,
                                         size_t ny)
{
    if (nx == 0 || ny == 0 || (nx > 8 && ny > 8))
        return SLANT_MWU_NORMAL;
    double *v = pool(x, nx, y, ny);
    int tied = has_ties(v, nx + ny);
    free(v);
    return tied ? SLANT_MWU_NORMAL : SLANT_MWU_EXACT;
}

slant_mwu_method slant_mann_whitney_auto_ties(size_t nx, size_t ny, double ties)
{
    if (nx == 0 || ny == 0 || (nx > 8 && ny > 8))
        return SLANT_MWU_NORMAL;
    return ties != 0.0 ? SLANT_MWU_NORMAL : SLANT_MWU_EXACT;
}

int slant_hedges_g(const double *x, size_t nx, const double *y, size_t ny, double level,
                   double *g, double *lo, double *hi)
{
    slant_moments mx, my;
    slant_moments_of(x, nx, &mx);
    slant_moments_of(y, ny, &my);
    return slant_hedges_g_moments(&mx, &my, level, g, lo, hi);
}

int slant_hedges_g_moments(const slant_moments *x, const slant_moments *y, double level,
                           double *g, double *lo, double *hi)
{
    *g = NAN;
    if (lo)
        *lo = NAN;
    if (hi)
        *hi = NAN;
    if (x->n < 2 || y->n < 2 || !level_ok(level) || !x->finite || !y->finite)
        return -1;

    size_t nx = x->n, ny = y->n;
    double mx = x->mean, vx = x->var, my = y->mean, vy = y->var;
    double m = (double)(nx + ny - 2);
    double sp = sqrt(((double)(nx - 1) * vx + (double)(ny - 1) * vy) / m);
    if (!(sp > 0.0))
        return -1;

    /* J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)); lnpoch(a, 1/2) = ln G(a+1/2)/G(a) */
    gsl_sf_result lp;
    if (gsl_sf_lnpoch_e((m - 1.0) / 2.0, 0.5, &lp) != GSL_SUCCESS)
        return -1;
    double j = exp(lp.val) / sqrt(m / 2.0);
    double gv = j * (mx - my) / sp;

    double n1 = (double)nx, n2 = (double)ny;
    double var = (n1 + n2) / (n1 * n2) + gv * gv / (2.0 * (n1 + n2));
    double z = z_for_level(level);
    if (!isfinite(gv) || !isfinite(z))
        return -1;
    *g = gv;
    if (lo)
        *lo = gv - z * sqrt(var);
    if (hi)
        *hi = gv + z * sqrt(var);
    return 0;
}

double slant_cliffs_delta(const double *x, size_t nx, const double *y, size_t ny)
{
    if (nx == 0 || ny == 0 || !all_finite(x, nx) || !all_finite(y, ny))
        return NAN;
    return slant_cliffs_delta_u(u_statistic(x, nx, y, ny, NULL), nx, ny);
}

double slant_cliffs_delta_u(double u1, size_t nx, size_t ny)
{
    if (nx == 0 || ny == 0 || !isfinite(u1))
        return NAN;
    /* #(x > y) - #(x < y) = 2 U_x - nx ny, since U_x counts ties as one half */
    double mn = (double)nx * (double)ny;
    return (2.0 * u1 - mn) / mn;
}

/* ----------------------------------------------------------------------------------- */
/* k independent samples                                                                */

int slant_kruskal_wallis(const double *const *groups, const size_t *n, size_t k,
                         slant_test *out)
{
    test_nan(out);
    if (k < 2)
        return -1;
    for (size_t i = 0; i < k; i++)
        if (n[i] == 0 || !all_finite(groups[i], n[i]))
            return -1;
    double **sorted = xmalloc(k * sizeof *sorted);
    for (size_t i = 0; i < k; i++) {
        sorted[i] = pool(groups[i], n[i], NULL, 0);
        slant_sort(sorted[i], n[i]);
    }
    int status = slant_kruskal_wallis_sorted((const double *const *)sorted, n, k, out);
    for (size_t i = 0; i < k; i++)
        free(sorted[i]);
    free(sorted);
    return status;
}

int slant_kruskal_wallis_sorted(const double *const *sorted, const size_t *n, size_t k,
                                slant_test *out)
{
    test_nan(out);
    if (k < 2)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < k; i++) {
        if (n[i] == 0 || !all_finite(sorted[i], n[i]))
            return -1;
        total += n[i];
    }

    double *u = xmalloc(k * k * sizeof *u), *pair_ties = xmalloc(k * k * sizeof *pair_ties);
    double *rank_sum = xmalloc(k * sizeof *rank_sum), ties;
    slant_mwu_all_pairs_sorted(sorted, n, k, u, pair_ties, &ties);
    slant_rank_sums_from_u(u, n, k, rank_sum);
    free(u);
    free(pair_ties);
    int status = slant_kruskal_wallis_rank_sums(rank_sum, n, k, ties, out);
    free(rank_sum);
    return status;
}

int slant_kruskal_wallis_rank_sums(const double *rank_sum, const size_t *n, size_t k,
                                   double ties, slant_test *out)
{
    test_nan(out);
    if (k < 2)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < k; i++) {
        if (n[i] == 0 || !isfinite(rank_sum[i]))
            return -1;
        total += n[i];
    }
    double N = (double)total;
    double centre = (N + 1.0) / 2.0, ss = 0.0;
    for (size_t i = 0; i < k; i++) {
        double dev = rank_sum[i] / (double)n[i] - centre;
        ss += (double)n[i] * dev * dev;
    }

    double correction = 1.0 - ties / (N * N * N - N);
    if (!(correction > 0.0))
        return -1; /* all values equal */
    double h = 12.0 / (N * (N + 1.0)) * ss / correction;
    double df = (double)(k - 1);
    double p = gsl_cdf_chisq_Q(h, df);
    return test_done(out, h, df, NAN, p);
}

int slant_welch_anova(const double *const *groups, const size_t *n, size_t k,
                      slant_test *out)
{
    test_nan(out);
    if (k < 2)
        return -1;
    for (size_t i = 0; i < k; i++)
        if (n[i] < 2 || !all_finite(groups[i], n[i]))
            return -1;

    double *mean = xmalloc(k * sizeof *mean);
    double *w = xmalloc(k * sizeof *w);
    double W = 0.0, M = 0.0;
    int ok = 1;
    for (size_t i = 0; i < k; i++) {
        double v;
        mean_var(groups[i], n[i], &mean[i], &v);
        if (!(v > 0.0))
            ok = 0;
        w[i] = (double)n[i] / v;
        W += w[i];
    }
    double A = 0.0, L = 0.0;
    if (ok) {
        for (size_t i = 0; i < k; i++)
            M += w[i] * mean[i];
        M /= W;
        for (size_t i = 0; i < k; i++) {
            double dev = mean[i] - M, share = 1.0 - w[i] / W;
            A += w[i] * dev * dev;
            L += share * share / (double)(n[i] - 1);
        }
    }
    free(w);
    free(mean);
    if (!ok || !(L > 0.0))
        return -1;

    double kk = (double)k;
    double f = (A / (kk - 1.0)) / (1.0 + 2.0 * (kk - 2.0) * L / (kk * kk - 1.0));
    double df1 = kk - 1.0, df2 = (kk * kk - 1.0) / (3.0 * L);
    double p = gsl_cdf_fdist_Q(f, df1, df2);
    return test_done(out, f, df1, df2, p);
}

/* ----------------------------------------------------------------------------------- */
/* Paired samples                                                                       */

int slant_paired_t(const double *x, const double *y, size_t n, slant_test *out)
{
    test_nan(out);
    if (n < 2 || !all_finite(x, n) || !all_finite(y, n))
        return -1;

    double *d = xmalloc(n * sizeof *d);
    for (size_t i = 0; i < n; i++)
        d[i] = x[i] - y[i];
    double m, v;
    mean_var(d, n, &m, &v);
    free(d);
    if (!(v > 0.0))
        return -1;
    double t = m / sqrt(v / (double)n);
    double df = (double)(n - 1);
    return test_done(out, t, df, NAN, t_two_sided(t, df));
}

/*
 * P(W+ <= k) for the signed-rank statistic of n untied non-zero differences: the
 * generating function is prod_{j=1..n} (1 + q^j) / 2, cut at degree k.
 */
static double wilcoxon_exact_cdf(size_t n, size_t k)
{
    double *c = xcalloc(k + 1, sizeof *c);
    c[0] = 1.0;
    for (size_t j = 1; j <= n; j++) {
        for (size_t s = k; s >= j; s--) {
            c[s] = (c[s] + c[s - j]) / 2.0;
            if (s == j)
                break;
        }
        for (size_t s = 0; s < j && s <= k; s++)
            c[s] /= 2.0;
    }
    double sum = 0.0;
    for (size_t s = 0; s <= k; s++)
        sum += c[s];
    free(c);
    return sum;
}

/*
 * The non-zero differences x - y into a new array (caller frees), their number in *m.
 */
static double *nonzero_differences(const double *x, const double *y, size_t n, size_t *m)
{
    double *d = xmalloc((n ? n : 1) * sizeof *d);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        double v = x[i] - y[i];
        if (v != 0.0)
            d[k++] = v;
    }
    *m = k;
    return d;
}

int slant_wilcoxon(const double *x, const double *y, size_t n, slant_mwu_method method,
                   slant_test *out)
{
    test_nan(out);
    if (!all_finite(x, n) || !all_finite(y, n))
        return -1;
    size_t m;
    double *d = nonzero_differences(x, y, n, &m);
    if (m == 0) {
        free(d);
        return -1;
    }

    double *a = xmalloc(m * sizeof *a);
    double *rank = xmalloc(m * sizeof *rank);
    for (size_t i = 0; i < m; i++)
        a[i] = fabs(d[i]);
    double ties;
    midranks(a, m, rank, &ties);
    double wplus = 0.0, wminus = 0.0;
    for (size_t i = 0; i < m; i++) {
        if (d[i] > 0.0)
            wplus += rank[i];
        else
            wminus += rank[i];
    }
    free(rank);
    free(a);
    free(d);

    double t = wplus < wminus ? wplus : wminus;
    double M = (double)m;
    if (method == SLANT_MWU_EXACT) {
        if (ties != 0.0 || M * t > EXACT_STEPS)
            return -1;
        double p = 2.0 * wilcoxon_exact_cdf(m, (size_t)t);
        return test_done(out, t, NAN, NAN, p);
    }
    double s2 = (M * (M + 1.0) * (2.0 * M + 1.0) - ties / 2.0) / 24.0;
    double z = (t - M * (M + 1.0) / 4.0) / sqrt(s2);
    double p = 2.0 * gsl_cdf_ugaussian_Q(fabs(z));
    return test_done(out, t, NAN, NAN, p);
}

slant_mwu_method slant_wilcoxon_auto(const double *x, const double *y, size_t n)
{
    size_t m;
    double *d = nonzero_differences(x, y, n, &m);
    int exact = m > 0 && m <= 50;
    if (exact) {
        for (size_t i = 0; i < m; i++)
            d[i] = fabs(d[i]);
        exact = !has_ties(d, m);
    }
    free(d);
    return exact ? SLANT_MWU_EXACT : SLANT_MWU_NORMAL;
}

/* ----------------------------------------------------------------------------------- */
/* Multiple comparisons                                                                 */

/*
 * The valid p-values (not NaN, within [0, 1]) of p[], copied into *vals with their
 * positions in *pos and sorted ascending as *order (indexes into vals). Invalid entries
 * get NaN in out[] now. Returns their number; the caller frees the three arrays.
 */
static size_t valid_sorted(const double *p, size_t n, double *out, double **vals,
                           size_t **pos, size_t **order)
{
    *vals = xmalloc((n ? n : 1) * sizeof **vals);
    *pos = xmalloc((n ? n : 1) * sizeof **pos);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double v = p[i];
        if (v >= 0.0 && v <= 1.0) {
            (*vals)[m] = v;
            (*pos)[m] = i;
            m++;
        } else {
            out[i] = NAN;
        }
    }
    *order = xmalloc((m ? m : 1) * sizeof **order);
    gsl_sort_index(*order, *vals, 1, m);
    return m;
}

void slant_bh(const double *p, size_t n, double *q)
{
    double *vals;
    size_t *pos, *order;
    size_t m = valid_sorted(p, n, q, &vals, &pos, &order);
    double running = 1.0;
    for (size_t r = m; r >= 1; r--) {
        size_t at = order[r - 1];
        double v = vals[at] * (double)m / (double)r;
        if (v < running)
            running = v;
        q[pos[at]] = running;
    }
    free(order);
    free(pos);
    free(vals);
}

void slant_holm(const double *p, size_t n, double *adj)
{
    double *vals;
    size_t *pos, *order;
    size_t m = valid_sorted(p, n, adj, &vals, &pos, &order);
    double running = 0.0;
    for (size_t r = 1; r <= m; r++) {
        size_t at = order[r - 1];
        double v = vals[at] * (double)(m - r + 1);
        if (v > 1.0)
            v = 1.0;
        if (v > running)
            running = v;
        adj[pos[at]] = running;
    }
    free(order);
    free(pos);
    free(vals);
}

/* ----------------------------------------------------------------------------------- */
/* Resampling                                                                           */

static gsl_rng *seeded_rng(unsigned long seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (r)
        gsl_rng_set(r, seed);
    return r;
}

int slant_permutation_mean_diff(const double *x, size_t nx, const double *y, size_t ny,
                                size_t permutations, unsigned long seed, double *p)
{
    *p = NAN;
    if (nx == 0 || ny == 0 || permutations == 0 || !all_finite(x, nx) ||
        !all_finite(y, ny))
        return -1;
    size_t N = nx + ny;
    if (N > gsl_rng_mt19937->max)
        return -1; /* gsl_rng_uniform_int cannot draw that far */
    gsl_rng *r = seeded_rng(seed);
    if (!r)
        return -1;

    double *v = pool(x, nx, y, ny);
    double largest = 0.0;
    for (size_t i = 0; i < N; i++)
        largest = fmax(largest, fabs(v[i]));
    double observed = fabs(gsl_stats_mean(v, 1, nx) - gsl_stats_mean(v + nx, 1, ny));
    double reach = observed - 1e-12 * (observed + largest);
    size_t hits = 0;
    for (size_t k = 0; k < permutations; k++) {
        gsl_ran_shuffle(r, v, N, sizeof *v);
        double diff = gsl_stats_mean(v, 1, nx) - gsl_stats_mean(v + nx, 1, ny);
        hits += fabs(diff) >= reach;
    }
    free(v);
    gsl_rng_free(r);
    *p = (1.0 + (double)hits) / (1.0 + (double)permutations);
    return 0;
}

int slant_bootstrap_mean_ci(const double *x, size_t n, size_t resamples,
                            unsigned long seed, double level, double *lo, double *hi)
{
    *lo = *hi = NAN;
    if (n == 0 || resamples < 2 || !level_ok(level) || !all_finite(x, n))
        return -1;
    if (n > gsl_rng_mt19937->max)
        return -1;
    gsl_rng *r = seeded_rng(seed);
    if (!r)
        return -1;

    double *draw = xmalloc(n * sizeof *draw);
    double *means = xmalloc(resamples * sizeof *means);
    for (size_t b = 0; b < resamples; b++) {
        for (size_t i = 0; i < n; i++)
            draw[i] = x[gsl_rng_uniform_int(r, n)];
        means[b] = gsl_stats_mean(draw, 1, n);
    }
    gsl_sort(means, 1, resamples);
    *lo = gsl_stats_quantile_from_sorted_data(means, 1, resamples, (1.0 - level) / 2.0);
    *hi = gsl_stats_quantile_from_sorted_data(means, 1, resamples, (1.0 + level) / 2.0);
    free(means);
    free(draw);
    gsl_rng_free(r);
    return 0;
}

/* --- tails for other files ------------------------------------------------------------- */

double slant_normal_two_sided(double z)
{
    return isfinite(z) ? 2.0 * gsl_cdf_ugaussian_Q(fabs(z)) : NAN;
}

double slant_t_two_sided(double t, double df)
{
    return isfinite(t) && df > 0 ? t_two_sided(t, df) : NAN;
}

double slant_t_for_level(double level, double df)
{
    if (!(level > 0 && level < 1) || !(df > 0))
        return NAN;
    return t_quantile_upper((1.0 - level) / 2.0, df);
}
