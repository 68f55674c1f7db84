/* Negative binomial (NB2) regression of counts with a words offset (countmodel.h). One of
 * the files that include GSL. */

#include "countmodel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_vector.h>

#include "ranks.h"
#include "xalloc.h"

#define STEP_TOL 1e-10          /* converged: a full step with no component above this, */
#define DECREMENT_TOL 1e-14     /* or a Newton decrement below this times (1 + |ll|): the
                                 * rounding floor, where the gradient is noise */
#define ALPHA_MIN 1e-8          /* below: no overdispersion (the maximum is at alpha 0) */
#define ALPHA_MAX 1e8           /* above: diverging */
#define MAX_HALVINGS 60
#define MAX_DAMPINGS 30
#define LOOP_MAX_COUNT 100000.0 /* counts up to this: digamma and lgamma differences as sums */

const char *slant_nb_status_name(slant_nb_status st)
{
    switch (st) {
    case SLANT_NB_OK: return "ok";
    case SLANT_NB_BAD_INPUT: return "bad_input";
    case SLANT_NB_EMPTY_GROUP: return "empty_group";
    case SLANT_NB_ALL_ZERO: return "all_zero";
    case SLANT_NB_SEPARATION: return "separation";
    case SLANT_NB_TOO_MANY_PARAMS: return "too_many_parameters";
    case SLANT_NB_NO_OVERDISPERSION: return "no_overdispersion";
    case SLANT_NB_SINGULAR: return "singular";
    case SLANT_NB_NO_CONVERGENCE: return "no_convergence";
    }
    return "unknown";
}

void slant_nb_model_init(slant_nb_model *m)
{
    memset(m, 0, sizeof *m);
    m->status = SLANT_NB_BAD_INPUT;
    m->restricted_status = SLANT_NB_BAD_INPUT;
    m->alpha = m->alpha_se = m->loglik = NAN;
    m->loglik_restricted = m->lr = m->lr_df = m->lr_p = NAN;
    m->wald = m->wald_df = m->wald_p = NAN;
}

void slant_nb_model_release(slant_nb_model *m)
{
    free(m->coef);
    free(m->se);
    free(m->cov);
    slant_nb_model_init(m);
}

int slant_nb_count_of_rate(double rate, double words, double *count)
{
    if (!(words > 0) || !isfinite(words) || !isfinite(rate) || rate < 0)
        return -1;
    double x = rate * words / 1000.0, r = nearbyint(x);
    if (fabs(x - r) > 1e-6 * (r > 1 ? r : 1))
        return -1;
    *count = r;
    return 0;
}

/* --- the data, by cell ----------------------------------------------------------------- */

typedef struct {
    size_t n;                   /* rows kept */
    double *y, *t;
    uint32_t *cell;             /* group * S + stratum (stratum renumbered) */
    uint32_t *cl;               /* cluster of each row, or NULL */
    size_t G, S, ncells;
    double *v, *cnt;            /* the distinct counts, ascending, and how many rows each */
    size_t nv;
    double lgamma_y1;           /* sum of lgamma(y + 1) */
    double ylogt;               /* sum of y log(t) */
    double ysum;
    double *Yc, *Tc;            /* per cell: sum of y and of t */
    double *gb, *hbb, *hba, *m; /* per cell scratch of an evaluation */
} fitdata;

/* A design: the columns (up to 3, -1 for none) of each cell's row of X. */
typedef struct {
    size_t p;
    int *col;                   /* ncells * 3 */
} design;

static void fitdata_release(fitdata *fd)
{
    free(fd->y);
    free(fd->t);
    free(fd->cell);
    free(fd->cl);
    free(fd->v);
    free(fd->cnt);
    free(fd->Yc);
    free(fd->Tc);
    free(fd->gb);
    free(fd->hbb);
    free(fd->hba);
    free(fd->m);
}

static int whole_count(double y)
{
    return isfinite(y) && y >= 0 && floor(y) == y;
}

/* Checks the input, drops the strata without counts, renumbers the strata, and builds
 * the cells and the distinct counts. Fills the counts of m it knows. */
static slant_nb_status prepare(const slant_nb_data *d, fitdata *fd, slant_nb_model *m)
{
    memset(fd, 0, sizeof *fd);
    if (d->ngroups < 2 || !d->y || !d->words || !d->group || d->ngroups > UINT32_MAX / 2)
        return SLANT_NB_BAD_INPUT;
    size_t ns = d->stratum ? d->nstrata : 1;
    if (ns == 0 || ns > UINT32_MAX / 2)
        return SLANT_NB_BAD_INPUT;
    double all = 0;
    double *sy = xcalloc(ns, sizeof *sy);
    size_t *srows = xcalloc(ns, sizeof *srows);
    slant_nb_status st = SLANT_NB_OK;
    for (size_t i = 0; i < d->n && st == SLANT_NB_OK; i++) {
        uint32_t s = d->stratum ? d->stratum[i] : 0;
        if (!whole_count(d->y[i]) || !(d->words[i] > 0) || !isfinite(d->words[i]) ||
            d->group[i] >= d->ngroups || (s != UINT32_MAX && s >= ns) ||
            (d->cluster && d->cluster[i] >= d->nclusters)) {
            st = SLANT_NB_BAD_INPUT;
            break;
        }
        if (s == UINT32_MAX)
            continue;
        sy[s] += d->y[i];
        srows[s]++;
        all += d->y[i];
    }
    if (st == SLANT_NB_OK && all == 0)
        st = SLANT_NB_ALL_ZERO;
    uint32_t *renum = xmalloc(ns * sizeof *renum);
    size_t S = 0;
    for (size_t s = 0; s < ns; s++) {
        renum[s] = sy[s] > 0 ? (uint32_t)S++ : UINT32_MAX;
        m->strata_dropped += srows[s] > 0 && !(sy[s] > 0);
    }
    free(sy);
    free(srows);
    if (st != SLANT_NB_OK) {
        free(renum);
        return st;
    }
    fd->G = d->ngroups;
    fd->S = S;
    fd->ncells = fd->G * S;
    fd->y = xmalloc((d->n ? d->n : 1) * sizeof *fd->y);
    fd->t = xmalloc((d->n ? d->n : 1) * sizeof *fd->t);
    fd->cell = xmalloc((d->n ? d->n : 1) * sizeof *fd->cell);
    if (d->cluster)
        fd->cl = xmalloc((d->n ? d->n : 1) * sizeof *fd->cl);
    fd->Yc = xcalloc(fd->ncells, sizeof *fd->Yc);
    fd->Tc = xcalloc(fd->ncells, sizeof *fd->Tc);
    fd->gb = xmalloc(fd->ncells * sizeof *fd->gb);
    fd->hbb = xmalloc(fd->ncells * sizeof *fd->hbb);
    fd->hba = xmalloc(fd->ncells * sizeof *fd->hba);
    fd->m = xmalloc(fd->ncells * sizeof *fd->m);
    size_t *grows = xcalloc(fd->G, sizeof *grows);
    double *gy = xcalloc(fd->G, sizeof *gy);
    for (size_t i = 0; i < d->n; i++) {
        uint32_t s = d->stratum ? d->stratum[i] : 0;
        if (s == UINT32_MAX || renum[s] == UINT32_MAX) {
            m->rows_dropped++;
            continue;
        }
        size_t k = fd->n++;
        fd->y[k] = d->y[i];
        fd->t[k] = d->words[i];
        fd->cell[k] = (uint32_t)(d->group[i] * S + renum[s]);
        if (fd->cl)
            fd->cl[k] = d->cluster[i];
        fd->Yc[fd->cell[k]] += d->y[i];
        fd->Tc[fd->cell[k]] += d->words[i];
        fd->ysum += d->y[i];
        if (d->y[i] > 0)
            fd->ylogt += d->y[i] * log(d->words[i]);
        grows[d->group[i]]++;
        gy[d->group[i]] += d->y[i];
    }
    free(renum);
    for (size_t g = 0; g < fd->G && st == SLANT_NB_OK; g++)
        if (!grows[g])
            st = SLANT_NB_EMPTY_GROUP;
    for (size_t g = 0; g < fd->G && st == SLANT_NB_OK; g++)
        if (!(gy[g] > 0))
            st = SLANT_NB_SEPARATION;
    free(grows);
    free(gy);
    m->n = fd->n;
    m->ngroups = fd->G;
    m->nstrata = S;
    if (st != SLANT_NB_OK)
        return st;
    if (fd->G + S - 1 > SLANT_NB_MAX_PARAMS || fd->n <= fd->G + S)
        return SLANT_NB_TOO_MANY_PARAMS;
    /* the distinct counts */
    double *sorted = xmalloc(fd->n * sizeof *sorted);
    memcpy(sorted, fd->y, fd->n * sizeof *sorted);
    slant_sort(sorted, fd->n);
    fd->v = xmalloc(fd->n * sizeof *fd->v);
    fd->cnt = xmalloc(fd->n * sizeof *fd->cnt);
    for (size_t i = 0; i < fd->n; i++) {
        if (fd->nv && fd->v[fd->nv - 1] == sorted[i]) {
            fd->cnt[fd->nv - 1] += 1;
            continue;
        }
        fd->v[fd->nv] = sorted[i];
        fd->cnt[fd->nv++] = 1;
    }
    free(sorted);
    for (size_t k = 0; k < fd->nv; k++)
        fd->lgamma_y1 += fd->cnt[k] * gsl_sf_lngamma(fd->v[k] + 1.0);
    return SLANT_NB_OK;
}

/* The full design (groups and strata) or the restricted one (strata only). */
static void design_init(design *x, const fitdata *fd, int groups)
{
    x->p = groups ? fd->G + fd->S - 1 : fd->S;
    x->col = xmalloc(fd->ncells * 3 * sizeof *x->col);
    for (size_t g = 0; g < fd->G; g++) {
        for (size_t s = 0; s < fd->S; s++) {
            int *c = x->col + 3 * (g * fd->S + s);
            size_t sbase = groups ? fd->G - 1 : 0;
            c[0] = 0;
            c[1] = groups && g > 0 ? (int)g : -1;
            c[2] = s > 0 ? (int)(sbase + s) : -1;
        }
    }
}

static double linear(const design *x, size_t cell, const double *b)
{
    const int *c = x->col + 3 * cell;
    double eta = 0;
    for (int k = 0; k < 3; k++)
        if (c[k] >= 0)
            eta += b[c[k]];
    return eta;
}

/* --- the likelihood --------------------------------------------------------------------- */

/*
 * Sums over the rows of the terms that depend on the count alone, at theta = 1/alpha:
 * D(y) = psi(y + theta) - psi(theta), T(y) = psi'(theta) - psi'(y + theta) and
 * L(y) = lgamma(y + theta) - lgamma(theta), as sums over j < y of 1/(theta + j),
 * 1/(theta + j)^2 and log(theta + j) (exact in floating point where the digamma
 * difference cancels), or from GSL's special functions for very large counts. With
 * `dv`, each distinct count's D.
 */
static void count_terms(const fitdata *fd, double alpha, double *sd, double *stt, double *sl,
                        double *dv)
{
    double theta = 1.0 / alpha;
    double D = 0, T = 0, L = 0, j = 0;
    int loop = fd->v[fd->nv - 1] <= LOOP_MAX_COUNT;
    *sd = *stt = *sl = 0;
    for (size_t k = 0; k < fd->nv; k++) {
        double y = fd->v[k];
        if (loop) {
            for (; j < y; j += 1) {
                double inv = 1.0 / (theta + j);
                D += inv;
                T += inv * inv;
                L += log(theta + j);
            }
        } else if (y > 0) {
            D = gsl_sf_psi(y + theta) - gsl_sf_psi(theta);
            T = gsl_sf_psi_1(theta) - gsl_sf_psi_1(y + theta);
            L = gsl_sf_lngamma(y + theta) - gsl_sf_lngamma(theta);
        }
        *sd += fd->cnt[k] * D;
        *stt += fd->cnt[k] * T;
        *sl += fd->cnt[k] * L;
        if (dv)
            dv[k] = D;
    }
}

/*
 * The log-likelihood at (b, alpha), its gradient g (p + 1: the coefficients, then
 * alpha) and the observed information J = -Hessian ((p + 1)^2), on the scale of alpha.
 * Per row, with mu = t exp(x b), a = alpha mu, q = 1 / (1 + a):
 *   ll   = y log(a) - (y + theta) log(1 + a) + L(y) - lgamma(y + 1)
 *   d/deta = (y - mu) q                      -d2/deta2 = mu (1 + alpha y) q^2
 *   -d2/deta dalpha = (y - mu) mu q^2
 *   d/dalpha = (log(1 + a) - D(y)) / alpha^2 + (y - mu) q / alpha
 *   d2/dalpha2 = mu q / alpha^2 - T(y) / alpha^4 - 2 (log(1 + a) - D(y)) / alpha^3
 *                - (y - mu)(1 + 2a) q^2 / alpha^2
 */
static double evaluate(fitdata *fd, const design *x, const double *b, double alpha, double *g,
                       double *J)
{
    size_t p = x->p, q1 = p + 1;
    double theta = 1.0 / alpha, ll = 0;
    for (size_t c = 0; c < fd->ncells; c++) {
        double eta = linear(x, c, b);
        fd->m[c] = exp(eta);
        fd->gb[c] = fd->hbb[c] = fd->hba[c] = 0;
        ll += fd->Yc[c] * eta;
    }
    double ga = 0, haa = 0, lsum = 0;
    for (size_t i = 0; i < fd->n; i++) {
        uint32_t c = fd->cell[i];
        double y = fd->y[i], mu = fd->t[i] * fd->m[c], a = alpha * mu, q = 1.0 / (1.0 + a);
        double l1 = log1p(a), dq = (y - mu) * q;
        fd->gb[c] += dq;
        fd->hbb[c] += mu * (1.0 + alpha * y) * q * q;
        fd->hba[c] += dq * mu * q;
        lsum += (y + theta) * l1;
        ga += l1 * theta * theta + dq * theta;
        haa += mu * q * theta * theta - 2.0 * l1 * theta * theta * theta -
               dq * (1.0 + 2.0 * a) * q * theta * theta;
    }
    double sd, stt, sl;
    count_terms(fd, alpha, &sd, &stt, &sl, NULL);
    double t2 = theta * theta;
    ga -= sd * t2;
    haa += -stt * t2 * t2 + 2.0 * sd * t2 * theta;
    ll += fd->ysum * log(alpha) + fd->ylogt - lsum + sl - fd->lgamma_y1;
    if (g) {
        memset(g, 0, q1 * sizeof *g);
        memset(J, 0, q1 * q1 * sizeof *J);
        for (size_t c = 0; c < fd->ncells; c++) {
            const int *col = x->col + 3 * c;
            for (int k = 0; k < 3; k++) {
                if (col[k] < 0)
                    continue;
                size_t r = (size_t)col[k];
                g[r] += fd->gb[c];
                J[r * q1 + p] += fd->hba[c];
                for (int l = 0; l < 3; l++)
                    if (col[l] >= 0)
                        J[r * q1 + (size_t)col[l]] += fd->hbb[c];
            }
        }
        for (size_t r = 0; r < p; r++)
            J[p * q1 + r] = J[r * q1 + p];
        g[p] = ga;
        J[p * q1 + p] = -haa;
    }
    return ll;
}

/* Solves A s = g for a symmetric positive definite A (n x n, copied): 0, or -1. */
static int spd_solve(const double *A, const double *g, size_t n, double ridge, double *s)
{
    double *a = xmalloc(n * n * sizeof *a), *gc = xmalloc(n * sizeof *gc);
    memcpy(a, A, n * n * sizeof *a);
    memcpy(gc, g, n * sizeof *gc);
    for (size_t k = 0; k < n; k++)
        a[k * n + k] += ridge;
    gsl_matrix_view av = gsl_matrix_view_array(a, n, n);
    gsl_vector_view gv = gsl_vector_view_array(gc, n), sv = gsl_vector_view_array(s, n);
    int rc = gsl_linalg_cholesky_decomp1(&av.matrix) == GSL_SUCCESS &&
                     gsl_linalg_cholesky_solve(&av.matrix, &gv.vector, &sv.vector) ==
                         GSL_SUCCESS
                 ? 0
                 : -1;
    for (size_t k = 0; k < n && rc == 0; k++)
        if (!isfinite(s[k]))
            rc = -1;
    free(a);
    free(gc);
    return rc;
}

/* The inverse of a symmetric positive definite matrix (n x n) into `inv`: 0, or -1. */
static int spd_inverse(const double *A, size_t n, double *inv)
{
    double *a = xmalloc(n * n * sizeof *a);
    memcpy(a, A, n * n * sizeof *a);
    gsl_matrix_view av = gsl_matrix_view_array(a, n, n);
    int rc = -1;
    if (gsl_linalg_cholesky_decomp1(&av.matrix) == GSL_SUCCESS &&
        gsl_linalg_cholesky_invert(&av.matrix) == GSL_SUCCESS) {
        memcpy(inv, a, n * n * sizeof *inv);
        rc = 0;
        for (size_t k = 0; k < n * n; k++)
            if (!isfinite(inv[k]))
                rc = -1;
    }
    free(a);
    return rc;
}

/* --- the fits ---------------------------------------------------------------------------- */

/* The Poisson log-likelihood at b from the cells' sums, without the terms of y alone. */
static double poisson_ll(const fitdata *fd, const design *x, const double *b)
{
    double ll = 0;
    for (size_t c = 0; c < fd->ncells; c++) {
        double eta = linear(x, c, b);
        ll += fd->Yc[c] * eta - fd->Tc[c] * exp(eta);
    }
    return ll;
}

/* A Poisson fit of the coefficients (Newton, from the pooled rate): the start of the NB
 * fit, and the fit itself where alpha's maximum is 0. Per cell the Poisson score and
 * information need only the cell's sums. Returns 0 when it converged (a Newton step below
 * 1e-8 taken: the error is then far below that), 1 when it did not, -1 when the
 * information is singular at the start (the design is not of full rank). *ll_out: the
 * Poisson log-likelihood at b. */
static int poisson_start(const fitdata *fd, const design *x, double *b, double *ll_out)
{
    size_t p = x->p;
    double tsum = 0;
    for (size_t c = 0; c < fd->ncells; c++)
        tsum += fd->Tc[c];
    memset(b, 0, p * sizeof *b);
    b[0] = log(fd->ysum / tsum);
    double *g = xmalloc(p * sizeof *g), *J = xmalloc(p * p * sizeof *J);
    double *s = xmalloc(p * sizeof *s);
    int rc = 1;
    double ll = -INFINITY, last = INFINITY; /* the last step's largest component */
    for (int it = 0; it < 100; it++) {
        memset(g, 0, p * sizeof *g);
        memset(J, 0, p * p * sizeof *J);
        double cur = 0;
        for (size_t c = 0; c < fd->ncells; c++) {
            double eta = linear(x, c, b), mu = fd->Tc[c] * exp(eta);
            cur += fd->Yc[c] * eta - mu;
            const int *col = x->col + 3 * c;
            for (int k = 0; k < 3; k++) {
                if (col[k] < 0)
                    continue;
                g[col[k]] += fd->Yc[c] - mu;
                for (int l = 0; l < 3; l++)
                    if (col[l] >= 0)
                        J[(size_t)col[k] * p + (size_t)col[l]] += mu;
            }
        }
        if (it > 0 && cur < ll) {
            for (size_t k = 0; k < p; k++)
                b[k] -= s[k]; /* no better: the coefficients before */
            rc = last < 1e-6 ? 0 : 1; /* a tiny step lost to rounding: the maximum */
            break;
        }
        ll = cur;
        if (spd_solve(J, g, p, 0.0, s) != 0) {
            rc = it == 0 ? -1 : 1;
            break;
        }
        double big = 0;
        for (size_t k = 0; k < p; k++) {
            b[k] += s[k];
            big = fmax(big, fabs(s[k]));
        }
        last = big;
        if (big < 1e-8) {
            rc = 0;
            break;
        }
    }
    free(g);
    free(J);
    free(s);
    /* sum over rows of y log(mu) - mu - lgamma(y + 1) */
    *ll_out = poisson_ll(fd, x, b) + fd->ylogt - fd->lgamma_y1;
    return rc;
}

/* The Poisson information at b into J ((p + 1)^2), alpha's row and column the identity's
 * (the covariance's alpha entries are then set undefined). */
static void poisson_info(const fitdata *fd, const design *x, const double *b, double *J)
{
    size_t p = x->p, q1 = p + 1;
    memset(J, 0, q1 * q1 * sizeof *J);
    for (size_t c = 0; c < fd->ncells; c++) {
        double mu = fd->Tc[c] * exp(linear(x, c, b));
        const int *col = x->col + 3 * c;
        for (int k = 0; k < 3; k++)
            for (int l = 0; l < 3 && col[k] >= 0; l++)
                if (col[l] >= 0)
                    J[(size_t)col[k] * q1 + (size_t)col[l]] += mu;
    }
    J[p * q1 + p] = 1.0;
}

/* A moment estimate of alpha at the Poisson fit, in [0.01, 100]: the start; 0 when the
 * score of alpha at 0, sum((y - mu)^2 - y) / 2, is not positive (no overdispersion). */
static double alpha_start(const fitdata *fd, const design *x, const double *b)
{
    double num = 0, den = 0;
    for (size_t i = 0; i < fd->n; i++) {
        double mu = fd->t[i] * exp(linear(x, fd->cell[i], b)), r = fd->y[i] - mu;
        num += r * r - fd->y[i];
        den += mu * mu;
    }
    if (!(num > 0))
        return 0;
    double a = den > 0 ? num / den : 1.0;
    return isfinite(a) ? fmin(fmax(a, 0.01), 100.0) : 1.0;
}

/*
 * Newton's method on (b, log alpha) from the start in b and *alpha. On SLANT_NB_OK, b and
 * *alpha hold the maximum, *ll the log-likelihood and J the information on the scale of
 * alpha ((p + 1)^2).
 */
static slant_nb_status newton(fitdata *fd, const design *x, double *b, double *alpha,
                              int max_iter, int *iterations, double *ll_out, double *J)
{
    size_t p = x->p, q1 = p + 1;
    double *g = xmalloc(q1 * sizeof *g), *Jphi = xmalloc(q1 * q1 * sizeof *Jphi);
    double *gphi = xmalloc(q1 * sizeof *gphi), *s = xmalloc(q1 * sizeof *s);
    double *tb = xmalloc(q1 * sizeof *tb), *tg = xmalloc(q1 * sizeof *tg);
    double *tJ = xmalloc(q1 * q1 * sizeof *tJ);
    double a = *alpha;
    double ll = evaluate(fd, x, b, a, g, J);
    slant_nb_status st = SLANT_NB_NO_CONVERGENCE;
    int it;
    for (it = 0; it < max_iter; it++) {
        if (!isfinite(ll))
            break;
        /* to the scale phi = log alpha: g_phi = alpha g_alpha, J_phi,phi = alpha^2 J_aa -
         * alpha g_alpha, J_b,phi = alpha J_b,alpha */
        memcpy(gphi, g, q1 * sizeof *g);
        memcpy(Jphi, J, q1 * q1 * sizeof *J);
        gphi[p] = a * g[p];
        for (size_t r = 0; r < p; r++)
            Jphi[r * q1 + p] = Jphi[p * q1 + r] = a * J[r * q1 + p];
        Jphi[p * q1 + p] = a * a * J[p * q1 + p] - a * g[p];
        double diag = 0;
        for (size_t k = 0; k < q1; k++)
            diag = fmax(diag, fabs(Jphi[k * q1 + k]));
        double ridge = 0;
        int damped = 0, solved = 0;
        for (int k = 0; k < MAX_DAMPINGS && !solved; k++) {
            if (spd_solve(Jphi, gphi, q1, ridge, s) == 0) {
                solved = 1;
                break;
            }
            damped = 1;
            ridge = ridge ? ridge * 10 : 1e-8 * (1.0 + diag);
        }
        if (!solved)
            break;
        double dec = 0, big = 0;
        for (size_t k = 0; k < q1; k++) {
            dec += gphi[k] * s[k];
            big = fmax(big, fabs(s[k]));
        }
        if (!(dec >= 0) || !isfinite(dec))
            break;
        /* below the rounding of ll the likelihood cannot judge a step: take it whole */
        int full = !damped && dec < 1e-12 * (1.0 + fabs(ll));
        double t = 1, lt = -INFINITY, at = a;
        int ok = 0;
        for (int h = 0; h < MAX_HALVINGS; h++, t *= 0.5) {
            for (size_t k = 0; k < p; k++)
                tb[k] = b[k] + t * s[k];
            at = a * exp(t * s[p]);
            if (!(at > 0) || !isfinite(at))
                continue;
            lt = evaluate(fd, x, tb, at, tg, tJ);
            if (isfinite(lt) && (full || lt >= ll + 1e-4 * t * dec)) {
                ok = 1;
                break;
            }
        }
        if (!ok) {
            /* no increase visible in floating point: the maximum, if the step was tiny */
            if (!damped && big < 1e-7)
                st = SLANT_NB_OK;
            break;
        }
        memcpy(b, tb, p * sizeof *b);
        a = at;
        ll = lt;
        memcpy(g, tg, q1 * sizeof *g);
        memcpy(J, tJ, q1 * q1 * sizeof *J);
        if (a < ALPHA_MIN) {
            st = SLANT_NB_NO_OVERDISPERSION;
            break;
        }
        if (a > ALPHA_MAX)
            break;
        if (!damped && t == 1 && (big < STEP_TOL || dec < DECREMENT_TOL * (1.0 + fabs(lt)))) {
            st = SLANT_NB_OK;
            it++;
            break;
        }
    }
    *iterations = it;
    *alpha = a;
    *ll_out = ll;
    free(g);
    free(Jphi);
    free(gphi);
    free(s);
    free(tb);
    free(tg);
    free(tJ);
    return st;
}

/*
 * One model: the Poisson fit, a moment alpha, Newton. When the likelihood's maximum over
 * alpha >= 0 is at alpha = 0 (the score of alpha at the Poisson fit is not positive, or
 * Newton takes alpha below ALPHA_MIN), the fit is the Poisson regression: *alpha = 0 and
 * J the Poisson information.
 */
static slant_nb_status fit_design(fitdata *fd, const design *x, int max_iter, double *b,
                                  double *alpha, int *iterations, double *ll, double *J)
{
    double pll;
    int poisson = poisson_start(fd, x, b, &pll);
    if (poisson < 0)
        return SLANT_NB_SINGULAR;
    *alpha = alpha_start(fd, x, b);
    *iterations = 0;
    slant_nb_status st = SLANT_NB_NO_OVERDISPERSION;
    if (*alpha > 0) {
        double *b0 = xmalloc(x->p * sizeof *b0);
        memcpy(b0, b, x->p * sizeof *b0);
        st = newton(fd, x, b, alpha, max_iter, iterations, ll, J);
        if (st == SLANT_NB_NO_OVERDISPERSION)
            memcpy(b, b0, x->p * sizeof *b0);
        free(b0);
    }
    if (st == SLANT_NB_NO_OVERDISPERSION && poisson != 0)
        return SLANT_NB_NO_CONVERGENCE; /* the Poisson fit is the answer, and it failed */
    if (st == SLANT_NB_NO_OVERDISPERSION) {
        *alpha = 0;
        *ll = pll;
        poisson_info(fd, x, b, J);
        st = SLANT_NB_OK;
    }
    return st;
}

/* The position of count y among the distinct counts. */
static size_t count_index(const fitdata *fd, double y)
{
    size_t lo = 0, hi = fd->nv;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (fd->v[mid] <= y)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The CR1 sandwich at the fit into cov ((p + 1)^2), from the information's inverse
 * `inv`; returns the clusters with a row, or 0 (cov untouched) below 2 of them. */
static size_t cluster_cov(fitdata *fd, const design *x, const double *b, double alpha,
                          size_t nclusters, const double *inv, double *cov)
{
    size_t p = x->p, q1 = p + 1;
    uint32_t *id = xmalloc((nclusters ? nclusters : 1) * sizeof *id);
    for (size_t k = 0; k < nclusters; k++)
        id[k] = UINT32_MAX;
    size_t G = 0;
    for (size_t i = 0; i < fd->n; i++)
        if (id[fd->cl[i]] == UINT32_MAX)
            id[fd->cl[i]] = (uint32_t)G++;
    if (G < 2) {
        free(id);
        return 0;
    }
    double *u = xcalloc(G * q1, sizeof *u);
    double *dv = xmalloc(fd->nv * sizeof *dv), sd, stt, sl;
    if (alpha > 0)
        count_terms(fd, alpha, &sd, &stt, &sl, dv);
    for (size_t c = 0; c < fd->ncells; c++)
        fd->m[c] = exp(linear(x, c, b));
    double theta = alpha > 0 ? 1.0 / alpha : 0;
    for (size_t i = 0; i < fd->n; i++) {
        uint32_t c = fd->cell[i];
        double y = fd->y[i], mu = fd->t[i] * fd->m[c], a = alpha * mu, q = 1.0 / (1.0 + a);
        double dq = (y - mu) * q;
        double *ui = u + (size_t)id[fd->cl[i]] * q1;
        const int *col = x->col + 3 * c;
        for (int k = 0; k < 3; k++)
            if (col[k] >= 0)
                ui[col[k]] += dq;
        if (alpha > 0)
            ui[p] += (log1p(a) - dv[count_index(fd, y)]) * theta * theta + dq * theta;
    }
    double *meat = xcalloc(q1 * q1, sizeof *meat);
    for (size_t k = 0; k < G; k++)
        for (size_t r = 0; r < q1; r++)
            for (size_t s = 0; s < q1; s++)
                meat[r * q1 + s] += u[k * q1 + r] * u[k * q1 + s];
    /* K: the parameters, alpha among them unless the fit is Poisson's */
    double n = (double)fd->n, K = (double)(alpha > 0 ? q1 : p), adj = (double)G / (double)(G - 1) *
                                                   (n - 1.0) / (n - K);
    double *tmp = xcalloc(q1 * q1, sizeof *tmp);
    for (size_t r = 0; r < q1; r++)
        for (size_t k = 0; k < q1; k++)
            for (size_t s = 0; s < q1; s++)
                tmp[r * q1 + s] += inv[r * q1 + k] * meat[k * q1 + s];
    for (size_t r = 0; r < q1; r++)
        for (size_t s = 0; s < q1; s++) {
            double v = 0;
            for (size_t k = 0; k < q1; k++)
                v += tmp[r * q1 + k] * inv[k * q1 + s];
            cov[r * q1 + s] = adj * v;
        }
    free(tmp);
    free(meat);
    free(dv);
    free(u);
    free(id);
    return G;
}

/* The Wald test of the group coefficients (1 .. G-1) with the covariance of m. */
static void wald_groups(slant_nb_model *m)
{
    size_t k = m->ngroups - 1, q1 = m->p + 1;
    double *v = xmalloc(k * k * sizeof *v), *s = xmalloc(k * sizeof *s);
    for (size_t r = 0; r < k; r++)
        for (size_t c = 0; c < k; c++)
            v[r * k + c] = m->cov[(r + 1) * q1 + (c + 1)];
    if (spd_solve(v, m->coef + 1, k, 0.0, s) == 0) {
        double w = 0;
        for (size_t r = 0; r < k; r++)
            w += m->coef[r + 1] * s[r];
        m->wald = w;
        m->wald_df = (double)k;
        m->wald_p = gsl_cdf_chisq_Q(w, (double)k);
    }
    free(v);
    free(s);
}

slant_nb_status slant_nb_fit(const slant_nb_data *d, const slant_nb_options *o,
                             slant_nb_model *m)
{
    slant_nb_model_release(m);
    int max_iter = o && o->max_iter > 0 ? o->max_iter : 100;
    fitdata fd;
    slant_nb_status st = prepare(d, &fd, m);
    if (st != SLANT_NB_OK) {
        fitdata_release(&fd);
        size_t n = m->n, dropped = m->rows_dropped, sdrop = m->strata_dropped;
        size_t G = m->ngroups, S = m->nstrata;
        slant_nb_model_init(m);
        m->status = st;
        m->n = n;
        m->rows_dropped = dropped;
        m->strata_dropped = sdrop;
        m->ngroups = G;
        m->nstrata = S;
        return st;
    }
    design full, restricted;
    design_init(&full, &fd, 1);
    design_init(&restricted, &fd, 0);
    size_t p = full.p, q1 = p + 1;
    double *b = xmalloc(q1 * sizeof *b), *J = xmalloc(q1 * q1 * sizeof *J);
    double *inv = xmalloc(q1 * q1 * sizeof *inv);
    double alpha, ll;
    int iterations = 0;
    st = fit_design(&fd, &full, max_iter, b, &alpha, &iterations, &ll, J);
    if (st == SLANT_NB_OK && spd_inverse(J, q1, inv) != 0)
        st = SLANT_NB_SINGULAR;
    m->status = st;
    m->iterations = iterations;
    if (st == SLANT_NB_OK) {
        m->p = p;
        m->alpha = alpha;
        m->loglik = ll;
        m->coef = xmalloc(p * sizeof *m->coef);
        m->se = xmalloc(p * sizeof *m->se);
        m->cov = xmalloc(q1 * q1 * sizeof *m->cov);
        memcpy(m->coef, b, p * sizeof *b);
        memcpy(m->cov, inv, q1 * q1 * sizeof *inv);
        m->poisson = alpha == 0;
        if (fd.cl) {
            m->robust = 1;
            m->clusters = cluster_cov(&fd, &full, b, alpha, d->nclusters, inv, m->cov);
            if (!m->clusters)
                for (size_t k = 0; k < q1 * q1; k++)
                    m->cov[k] = NAN;
        }
        if (m->poisson)
            for (size_t k = 0; k < q1; k++)
                m->cov[k * q1 + p] = m->cov[p * q1 + k] = NAN;
        for (size_t k = 0; k < p; k++)
            m->se[k] = m->cov[k * q1 + k] >= 0 ? sqrt(m->cov[k * q1 + k]) : NAN;
        m->alpha_se = m->cov[p * q1 + p] >= 0 ? sqrt(m->cov[p * q1 + p]) : NAN;
        wald_groups(m);
        /* the likelihood-ratio test of the group factor */
        size_t pr = restricted.p;
        double *br = xmalloc((pr + 1) * sizeof *br), *Jr = xmalloc((pr + 1) * (pr + 1) * sizeof *Jr);
        double alr, llr;
        int itr;
        m->restricted_status = fit_design(&fd, &restricted, max_iter, br, &alr, &itr, &llr, Jr);
        if (m->restricted_status == SLANT_NB_OK) {
            m->loglik_restricted = llr;
            m->lr = fmax(2.0 * (ll - llr), 0.0);
            m->lr_df = (double)(fd.G - 1);
            m->lr_p = gsl_cdf_chisq_Q(m->lr, m->lr_df);
        }
        free(br);
        free(Jr);
    } else {
        size_t n = m->n, dropped = m->rows_dropped, sdrop = m->strata_dropped;
        size_t G = m->ngroups, S = m->nstrata;
        slant_nb_model_init(m);
        m->status = st;
        m->iterations = iterations;
        m->n = n;
        m->rows_dropped = dropped;
        m->strata_dropped = sdrop;
        m->ngroups = G;
        m->nstrata = S;
    }
    free(b);
    free(J);
    free(inv);
    free(full.col);
    free(restricted.col);
    fitdata_release(&fd);
    return st;
}

int slant_nb_rate_ratio(const slant_nb_model *m, size_t a, size_t b, double level,
                        slant_nb_ratio *out)
{
    out->ratio = out->log_ratio = out->se = out->low = out->high = out->z = out->p = NAN;
    if (m->status != SLANT_NB_OK || a >= m->ngroups || b >= m->ngroups || a == b ||
        !(level > 0 && level < 1))
        return -1;
    size_t q1 = m->p + 1;
    /* group g's coefficient is coef[g] for g >= 1; the reference's is 0 */
    double ba = a ? m->coef[a] : 0, bb = b ? m->coef[b] : 0;
    double var = (a ? m->cov[a * q1 + a] : 0) + (b ? m->cov[b * q1 + b] : 0) -
                 (a && b ? 2.0 * m->cov[a * q1 + b] : 0);
    double d = ba - bb, z = gsl_cdf_ugaussian_Pinv(0.5 + level / 2.0);
    out->log_ratio = d;
    out->ratio = exp(d);
    if (!(var > 0))
        return 0; /* the interval is undefined (fewer than 2 clusters) */
    double se = sqrt(var);
    out->se = se;
    out->low = exp(d - z * se);
    out->high = exp(d + z * se);
    out->z = d / se;
    out->p = 2.0 * gsl_cdf_ugaussian_Q(fabs(out->z));
    return 0;
}

/* One side of a two-level Poisson fit: its counts, words and sum of y^2 / words give its
 * rate and its part of the Pearson chi-square, sum (y - r w)^2 / (r w). */
typedef struct {
    double y, w, y2w;
} qp_side;

static double qp_pearson(const qp_side *s)
{
    double r = s->y / s->w;
    return s->y2w / r - 2.0 * s->y + r * s->w;
}

void slant_qp_rate_ratios_vs_rest(const slant_nb_data *d, double level, slant_nb_ratio *out)
{
    size_t k = d->ngroups;
    qp_side *g = xcalloc(k ? k : 1, sizeof *g), all = { 0, 0, 0 };
    for (size_t i = 0; i < d->n; i++) {
        qp_side *s = &g[d->group[i]];
        s->y += d->y[i];
        s->w += d->words[i];
        s->y2w += d->y[i] * d->y[i] / d->words[i];
    }
    for (size_t j = 0; j < k; j++) {
        all.y += g[j].y;
        all.w += g[j].w;
        all.y2w += g[j].y2w;
    }
    double z = gsl_cdf_ugaussian_Pinv(0.5 + level / 2.0);
    for (size_t j = 0; j < k; j++) {
        slant_nb_ratio *o = &out[j];
        o->ratio = o->log_ratio = o->se = o->low = o->high = o->z = o->p = NAN;
        qp_side rest = { all.y - g[j].y, all.w - g[j].w, all.y2w - g[j].y2w };
        if (d->n < 3 || !(g[j].y > 0) || !(rest.y > 0) || !(g[j].w > 0) || !(rest.w > 0) ||
            !(level > 0 && level < 1))
            continue;
        double phi = (qp_pearson(&g[j]) + qp_pearson(&rest)) / (double)(d->n - 2);
        o->log_ratio = log(g[j].y / g[j].w) - log(rest.y / rest.w);
        o->ratio = exp(o->log_ratio);
        double var = phi * (1.0 / g[j].y + 1.0 / rest.y);
        if (!(var > 0))
            continue;
        o->se = sqrt(var);
        o->low = exp(o->log_ratio - z * o->se);
        o->high = exp(o->log_ratio + z * o->se);
        o->z = o->log_ratio / o->se;
        o->p = 2.0 * gsl_cdf_ugaussian_Q(fabs(o->z));
    }
    free(g);
}
