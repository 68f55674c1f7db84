/* Comparisons within strata: van Elteren's test and the OLS fit with stratum fixed
 * effects (strata.h). One of the files that include GSL. */

#include "strata.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "ranks.h"
#include "xalloc.h"

/* A Cholesky pivot whose square is below this share of its diagonal entry of X'X is one of
 * rounding: the design has less than full rank (groups and strata confounded). */
#define RANK_TOL 1e-10

/* --- van Elteren --------------------------------------------------------------------- */

int slant_van_elteren(const double *v, const unsigned char *side, const uint32_t *stratum,
                      size_t n, size_t nstrata, slant_van_elteren_test *out)
{
    out->z = out->p = NAN;
    out->strata = out->na = out->nb = 0;
    /* each side's values grouped by stratum: counts, then offsets, then the values */
    size_t *count = xcalloc(2 * nstrata + 1, sizeof *count); /* [s * 2 + side] */
    size_t *at = xcalloc(2 * nstrata + 1, sizeof *at);
    size_t total = 0;
    int finite = 1;
    for (size_t i = 0; i < n; i++) {
        if (side[i] > 1 || stratum[i] >= nstrata)
            continue;
        if (!isfinite(v[i]))
            finite = 0;
        count[(size_t)stratum[i] * 2 + side[i]]++;
        total++;
    }
    double *x = xmalloc((total ? total : 1) * sizeof *x);
    for (size_t k = 0, off = 0; k < 2 * nstrata; k++) {
        at[k] = off;
        off += count[k];
    }
    for (size_t i = 0; i < n && finite; i++)
        if (side[i] <= 1 && stratum[i] < nstrata)
            x[at[(size_t)stratum[i] * 2 + side[i]]++] = v[i];
    double num = 0.0, var = 0.0;
    for (size_t s = 0; s < nstrata && finite; s++) {
        size_t na = count[s * 2], nb = count[s * 2 + 1];
        if (!na || !nb)
            continue;
        double *a = x + at[s * 2] - na, *b = x + at[s * 2 + 1] - nb;
        slant_sort(a, na);
        slant_sort(b, nb);
        double ties;
        double u = slant_mwu_u_sorted(a, na, b, nb, &ties); /* W - na (na + 1) / 2 */
        double fa = (double)na, fb = (double)nb, N = fa + fb, w = 1.0 / (N + 1.0);
        num += w * (u - fa * fb / 2.0);
        var += w * w * fa * fb / 12.0 * (N + 1.0 - ties / (N * (N - 1.0)));
        out->strata++;
        out->na += na;
        out->nb += nb;
    }
    free(x);
    free(count);
    free(at);
    if (!finite || !out->strata || !(var > 0))
        return -1;
    out->z = num / sqrt(var);
    out->p = slant_normal_two_sided(out->z);
    return 0;
}

/* --- OLS with stratum fixed effects ---------------------------------------------------- */

static void fit_undefined(slant_ols_fe *fit, size_t ngroups)
{
    fit->identified = 0;
    fit->df = fit->sigma = NAN;
    for (size_t g = 0; g < ngroups; g++)
        fit->adj_mean[g] = fit->adj_se[g] = NAN;
    for (size_t k = 0; k < ngroups * ngroups; k++)
        fit->cov[k] = NAN;
}

/* Which column each stratum's dummy is (SIZE_MAX: none, for the first stratum with a
 * value, the reference, and for strata without one); the share of the values in each
 * stratum into share[]. Returns the number of strata with a value. */
static size_t stratum_columns(const uint32_t *group, const uint32_t *stratum, size_t n,
                              size_t ngroups, size_t nstrata, size_t *col, double *share,
                              size_t *used)
{
    for (size_t s = 0; s < nstrata; s++)
        share[s] = 0.0;
    *used = 0;
    for (size_t i = 0; i < n; i++)
        if (group[i] < ngroups && stratum[i] < nstrata) {
            share[stratum[i]] += 1.0;
            (*used)++;
        }
    size_t present = 0;
    for (size_t s = 0; s < nstrata; s++) {
        col[s] = SIZE_MAX;
        if (share[s] > 0) {
            if (present)
                col[s] = ngroups + present - 1;
            present++;
        }
        share[s] /= *used ? (double)*used : 1.0;
    }
    return present;
}

/*
 * The CR1 covariance into `inv` (p x p, (X'X)^-1 on entry): the sandwich with the
 * clusters' scores u_c = X_c' e_c, each the sums of the cluster's residuals per group and
 * per stratum column. Returns G, the clusters with a fitted value.
 */
static size_t cluster_covariance(const double *v, const uint32_t *group,
                                 const uint32_t *stratum, const uint32_t *cluster, size_t ids,
                                 size_t n, size_t ngroups, size_t nstrata, const size_t *col,
                                 const gsl_vector *c, size_t used, gsl_matrix *inv)
{
    size_t p = inv->size1, G = 0;
    double *u = xcalloc(ids * p + 1, sizeof *u);
    unsigned char *seen = xcalloc(ids + 1, 1);
    for (size_t i = 0; i < n; i++) {
        if (group[i] >= ngroups || stratum[i] >= nstrata || cluster[i] >= ids)
            continue;
        size_t k = col[stratum[i]];
        double e = v[i] - gsl_vector_get(c, group[i]) -
                   (k != SIZE_MAX ? gsl_vector_get(c, k) : 0.0);
        u[cluster[i] * p + group[i]] += e;
        if (k != SIZE_MAX)
            u[cluster[i] * p + k] += e;
        G += !seen[cluster[i]];
        seen[cluster[i]] = 1;
    }
    gsl_matrix *meat = gsl_matrix_calloc(p, p), *half = gsl_matrix_alloc(p, p);
    for (size_t cl = 0; cl < ids; cl++) {
        if (!seen[cl])
            continue;
        const double *x = u + cl * p;
        for (size_t a = 0; a < p; a++)
            if (x[a] != 0.0)
                for (size_t b = 0; b < p; b++)
                    *gsl_matrix_ptr(meat, a, b) += x[a] * x[b];
    }
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, inv, meat, 0.0, half);
    double N = (double)used;
    double factor = G > 1 ? (double)G / (double)(G - 1) * (N - 1.0) / (N - (double)p) : NAN;
    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, factor, half, inv, 0.0, meat);
    gsl_matrix_memcpy(inv, meat);
    gsl_matrix_free(meat);
    gsl_matrix_free(half);
    free(u);
    free(seen);
    return G;
}

static int fit_fe(const double *v, const uint32_t *group, const uint32_t *stratum,
                  const uint32_t *cluster, size_t ids, size_t n, size_t ngroups,
                  size_t nstrata, slant_ols_fe *fit);

int slant_ols_fe_fit(const double *v, const uint32_t *group, const uint32_t *stratum,
                     size_t n, size_t ngroups, size_t nstrata, slant_ols_fe *out)
{
    return fit_fe(v, group, stratum, NULL, 0, n, ngroups, nstrata, out);
}

int slant_ols_fe_fit_clustered(const double *v, const uint32_t *group, const uint32_t *stratum,
                               const uint32_t *cluster, size_t ids, size_t n, size_t ngroups,
                               size_t nstrata, slant_ols_fe *out)
{
    return fit_fe(v, group, stratum, cluster, ids, n, ngroups, nstrata, out);
}

static int fit_fe(const double *v, const uint32_t *group, const uint32_t *stratum,
                  const uint32_t *cluster, size_t ids, size_t n, size_t ngroups,
                  size_t nstrata, slant_ols_fe *fit)
{
    memset(fit, 0, sizeof *fit);
    fit->groups = ngroups;
    fit->adj_mean = xmalloc((ngroups ? ngroups : 1) * sizeof *fit->adj_mean);
    fit->adj_se = xmalloc((ngroups ? ngroups : 1) * sizeof *fit->adj_se);
    fit->cov = xmalloc((ngroups ? ngroups * ngroups : 1) * sizeof *fit->cov);
    fit_undefined(fit, ngroups);
    size_t *col = xmalloc((nstrata ? nstrata : 1) * sizeof *col);
    double *share = xmalloc((nstrata ? nstrata : 1) * sizeof *share);
    size_t *per_group = xcalloc(ngroups ? ngroups : 1, sizeof *per_group);
    size_t used;
    fit->strata = stratum_columns(group, stratum, n, ngroups, nstrata, col, share, &used);
    fit->n = used;
    int ok = ngroups > 0 && fit->strata > 0;
    for (size_t i = 0; i < n; i++)
        if (group[i] < ngroups && stratum[i] < nstrata) {
            per_group[group[i]]++;
            if (!isfinite(v[i]))
                ok = 0;
        }
    for (size_t g = 0; g < ngroups; g++)
        if (!per_group[g])
            ok = 0;
    size_t p = ngroups + (fit->strata ? fit->strata - 1 : 0);
    if (!ok || used <= p) {
        free(col);
        free(share);
        free(per_group);
        return -1;
    }
    /* The normal equations from the design's sums: X'X holds the counts of the groups,
     * the strata and their cells, X'y the sums of the values; O(n + p^3). */
    gsl_matrix *A = gsl_matrix_calloc(p, p);
    gsl_matrix *L = gsl_matrix_alloc(p, p);
    gsl_vector *xty = gsl_vector_calloc(p);
    gsl_vector *c = gsl_vector_alloc(p);
    for (size_t i = 0; i < n; i++) {
        if (group[i] >= ngroups || stratum[i] >= nstrata)
            continue;
        size_t g = group[i], k = col[stratum[i]];
        *gsl_matrix_ptr(A, g, g) += 1.0;
        *gsl_vector_ptr(xty, g) += v[i];
        if (k != SIZE_MAX) {
            *gsl_matrix_ptr(A, k, k) += 1.0;
            *gsl_matrix_ptr(A, g, k) += 1.0;
            *gsl_matrix_ptr(A, k, g) += 1.0;
            *gsl_vector_ptr(xty, k) += v[i];
        }
    }
    gsl_matrix_memcpy(L, A);
    int full = gsl_linalg_cholesky_decomp1(L) == GSL_SUCCESS;
    for (size_t k = 0; k < p && full; k++) {
        double d = gsl_matrix_get(L, k, k);
        full = d * d > RANK_TOL * gsl_matrix_get(A, k, k); /* a pivot of rounding: confounded */
    }
    double chisq = 0.0, df = (double)(used - p);
    if (full && gsl_linalg_cholesky_solve(L, xty, c) == GSL_SUCCESS) {
        for (size_t i = 0; i < n; i++) {
            if (group[i] >= ngroups || stratum[i] >= nstrata)
                continue;
            size_t k = col[stratum[i]];
            double e = v[i] - gsl_vector_get(c, group[i]) -
                       (k != SIZE_MAX ? gsl_vector_get(c, k) : 0.0);
            chisq += e * e;
        }
    } else {
        full = 0;
    }
    if (full && chisq > 0 && gsl_linalg_cholesky_invert(L) == GSL_SUCCESS) {
        double s2 = chisq / df;
        if (cluster) {
            fit->clusters = cluster_covariance(v, group, stratum, cluster, ids, n, ngroups,
                                               nstrata, col, c, used, L);
            df = fit->clusters > 1 ? (double)(fit->clusters - 1) : NAN;
        } else {
            gsl_matrix_scale(L, s2); /* the covariance: s^2 (X'X)^-1 */
        }
        gsl_matrix *cov = L;
        fit->identified = !isnan(df);
        fit->df = df;
        fit->sigma = sqrt(s2);
        for (size_t a = 0; a < ngroups; a++)
            for (size_t b = 0; b < ngroups; b++)
                fit->cov[a * ngroups + b] = gsl_matrix_get(cov, a, b);
        /* adjusted mean g: L c with L = e_g + sum_s share_s e_col(s) */
        double *w = xmalloc(p * sizeof *w);
        for (size_t g = 0; g < ngroups; g++) {
            for (size_t k = 0; k < p; k++)
                w[k] = 0.0;
            w[g] = 1.0;
            for (size_t s = 0; s < nstrata; s++)
                if (col[s] != SIZE_MAX)
                    w[col[s]] = share[s];
            double m = 0.0, var = 0.0;
            for (size_t j = 0; j < p; j++) {
                m += w[j] * gsl_vector_get(c, j);
                for (size_t k = 0; k < p; k++)
                    var += w[j] * w[k] * gsl_matrix_get(cov, j, k);
            }
            fit->adj_mean[g] = m;
            fit->adj_se[g] = var > 0 ? sqrt(var) : NAN;
        }
        free(w);
    }
    if (!fit->identified)
        fit_undefined(fit, ngroups);
    gsl_vector_free(c);
    gsl_vector_free(xty);
    gsl_matrix_free(L);
    gsl_matrix_free(A);
    free(col);
    free(share);
    free(per_group);
    return fit->identified ? 0 : -1;
}

void slant_ols_fe_release(slant_ols_fe *fit)
{
    free(fit->adj_mean);
    free(fit->adj_se);
    free(fit->cov);
    memset(fit, 0, sizeof *fit);
}

int slant_ols_fe_contrast(const slant_ols_fe *fit, size_t a, size_t b, double level,
                          slant_ols_contrast *out)
{
    out->diff = out->se = out->t = out->df = out->p = out->lo = out->hi = NAN;
    size_t G = fit->groups;
    if (!fit->identified || a >= G || b >= G || a == b)
        return -1;
    double var = fit->cov[a * G + a] + fit->cov[b * G + b] - 2.0 * fit->cov[a * G + b];
    double q = slant_t_for_level(level, fit->df);
    if (!(var > 0) || isnan(q))
        return -1;
    /* b_a - b_b: the adjusted means differ by it (their stratum parts are equal) */
    out->diff = fit->adj_mean[a] - fit->adj_mean[b];
    out->se = sqrt(var);
    out->t = out->diff / out->se;
    out->df = fit->df;
    out->p = slant_t_two_sided(out->t, fit->df);
    out->lo = out->diff - q * out->se;
    out->hi = out->diff + q * out->se;
    return 0;
}

void slant_ols_fe_mean_ci(const slant_ols_fe *fit, size_t g, double level, double *lo,
                          double *hi)
{
    *lo = *hi = NAN;
    if (!fit->identified || g >= fit->groups)
        return;
    double q = slant_t_for_level(level, fit->df);
    if (isnan(q) || isnan(fit->adj_se[g]))
        return;
    *lo = fit->adj_mean[g] - q * fit->adj_se[g];
    *hi = fit->adj_mean[g] + q * fit->adj_se[g];
}
