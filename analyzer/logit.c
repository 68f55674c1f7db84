/* L2-regularised logistic regression, cross-validation and the ROC AUC with DeLong's
 * interval (logit.h). One of the files that include GSL. */

#include "logit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>

#include "xalloc.h"

#define DEFAULT_MAX_ITER 100
/* The fit stops when the Newton decrement g' H^-1 g (twice the decrease a full step
 * promises) falls below DECREMENT_TOL * (1 + f): the objective f is then within rounding of
 * its minimum, which is as far as its sum of n terms in floating point can tell. */
#define DECREMENT_TOL 1e-18
#define FULL_STEP_DECREMENT 1e-8
#define ARMIJO 1e-4             /* sufficient decrease of the line search */
#define MAX_HALVINGS 60

void slant_logit_model_init(slant_logit_model *m)
{
    memset(m, 0, sizeof *m);
    m->intercept = m->intercept_std = m->objective = NAN;
}

void slant_logit_model_release(slant_logit_model *m)
{
    free(m->weights);
    free(m->weights_std);
    free(m->mean);
    free(m->sd);
    free(m->constant);
    slant_logit_model_init(m);
}

const char *slant_logit_status_text(slant_logit_status st)
{
    switch (st) {
    case SLANT_LOGIT_OK: return "fitted";
    case SLANT_LOGIT_ONE_CLASS: return "every unit has the same label";
    case SLANT_LOGIT_BAD_INPUT: return "the input cannot be fitted";
    case SLANT_LOGIT_NO_CONVERGENCE: return "Newton's method did not converge";
    }
    return "?";
}

/* log(1 + exp(t)) without overflow. */
static double log1pexp(double t)
{
    return t > 0 ? t + log1p(exp(-t)) : log1p(exp(t));
}

static double sigmoid(double t)
{
    if (t >= 0)
        return 1.0 / (1.0 + exp(-t));
    double e = exp(t);
    return e / (1.0 + e);
}

/* The standardised design of one fit: rows used, columns kept, intercept first. */
typedef struct {
    size_t n, q;            /* rows; parameters (1 + kept features) */
    double *z;              /* n x q, column 0 all ones */
    double *y;
} design;

/* The penalised objective at `beta`; fills `eta` (n). */
static double objective(const design *d, double l2, const double *beta, double *eta)
{
    double f = 0;
    for (size_t i = 0; i < d->n; i++) {
        const double *zi = d->z + i * d->q;
        double t = 0;
        for (size_t j = 0; j < d->q; j++)
            t += zi[j] * beta[j];
        eta[i] = t;
        f += log1pexp(t) - d->y[i] * t;
    }
    double pen = 0;
    for (size_t j = 1; j < d->q; j++)
        pen += beta[j] * beta[j];
    return f + 0.5 * l2 * pen;
}

/*
 * Newton's method on the design: beta (q) starts at zero and ends at the minimum.
 * Returns the number of steps taken, or -1 if it did not converge.
 */
static int newton(const design *d, double l2, int max_iter, double *beta, double *fmin)
{
    size_t n = d->n, q = d->q;
    double *eta = xmalloc(n * sizeof *eta);
    double *trial = xmalloc(q * sizeof *trial);
    /* GSL views of our own memory: out of memory aborts in xmalloc, in one place. */
    double *hmem = xmalloc(q * q * sizeof *hmem), *gmem = xmalloc(q * sizeof *gmem);
    double *smem = xmalloc(q * sizeof *smem);
    gsl_matrix_view hv = gsl_matrix_view_array(hmem, q, q);
    gsl_vector_view gv = gsl_vector_view_array(gmem, q), sv = gsl_vector_view_array(smem, q);
    gsl_matrix *h = &hv.matrix;
    gsl_vector *g = &gv.vector, *step = &sv.vector;
    memset(beta, 0, q * sizeof *beta);
    double f = objective(d, l2, beta, eta);
    int steps = -1;
    for (int it = 0; it < max_iter; it++) {
        gsl_matrix_set_zero(h);
        gsl_vector_set_zero(g);
        for (size_t i = 0; i < n; i++) {
            const double *zi = d->z + i * q;
            double pi = sigmoid(eta[i]), wi = pi * (1.0 - pi), r = pi - d->y[i];
            for (size_t a = 0; a < q; a++) {
                *gsl_vector_ptr(g, a) += zi[a] * r;
                double wza = wi * zi[a];
                for (size_t b = 0; b <= a; b++)
                    *gsl_matrix_ptr(h, a, b) += wza * zi[b];
            }
        }
        for (size_t a = 1; a < q; a++) {
            *gsl_vector_ptr(g, a) += l2 * beta[a];
            *gsl_matrix_ptr(h, a, a) += l2;
        }
        for (size_t a = 0; a < q; a++)
            for (size_t b = 0; b < a; b++)
                gsl_matrix_set(h, b, a, gsl_matrix_get(h, a, b));
        if (gsl_linalg_cholesky_decomp1(h) != GSL_SUCCESS ||
            gsl_linalg_cholesky_solve(h, g, step) != GSL_SUCCESS)
            break;
        double dec = 0;
        for (size_t a = 0; a < q; a++)
            dec += gsl_vector_get(g, a) * gsl_vector_get(step, a);
        if (!(dec >= 0) || !isfinite(dec))
            break;
        if (dec < DECREMENT_TOL * (1.0 + fabs(f))) {
            /* Within rounding of the minimum: the last full step only polishes. */
            for (size_t a = 0; a < q; a++)
                beta[a] -= gsl_vector_get(step, a);
            f = objective(d, l2, beta, eta);
            steps = it + 1;
            break;
        }
        /* Backtracking: the full Newton step, halved until the objective falls enough.
         * Close to the minimum (a small decrement) the full step is taken as it is: the
         * objective's change is then below its rounding and cannot judge the step. */
        double t = 1, ft = f;
        int ok = 0, full = dec < FULL_STEP_DECREMENT * (1.0 + fabs(f));
        for (int k = 0; k < MAX_HALVINGS; k++, t *= 0.5) {
            for (size_t a = 0; a < q; a++)
                trial[a] = beta[a] - t * gsl_vector_get(step, a);
            ft = objective(d, l2, trial, eta);
            if (full || ft <= f - ARMIJO * t * dec) {
                ok = 1;
                break;
            }
        }
        if (!ok) {
            /* No decrease can be seen in floating point: the minimum is reached if the
             * step was small already. */
            if (dec < 1e-12 * (1.0 + fabs(f)))
                steps = it;
            break;
        }
        memcpy(beta, trial, q * sizeof *beta);
        f = ft;
    }
    *fmin = f;
    free(hmem);
    free(gmem);
    free(smem);
    free(eta);
    free(trial);
    return steps;
}

/* Fills m's mean, sd and constant flags from the used rows; returns the rows used. */
static size_t moments(const double *x, size_t n, size_t p, const unsigned char *use,
                      slant_logit_model *m)
{
    size_t rows = 0;
    for (size_t j = 0; j < p; j++) {
        double s = 0, first = NAN;
        int same = 1;
        rows = 0;
        for (size_t i = 0; i < n; i++) {
            if (use && !use[i])
                continue;
            double v = x[i * p + j];
            if (!rows)
                first = v;
            else if (v != first)
                same = 0;
            s += v;
            rows++;
        }
        double mean = rows ? s / (double)rows : NAN, ss = 0;
        for (size_t i = 0; i < n; i++)
            if (!use || use[i])
                ss += (x[i * p + j] - mean) * (x[i * p + j] - mean);
        m->mean[j] = mean;
        m->sd[j] = rows ? sqrt(ss / (double)rows) : NAN;
        m->constant[j] = same || !(m->sd[j] > 0);
        m->nconstant += m->constant[j];
    }
    return rows;
}

slant_logit_status slant_logit_fit(const double *x, const unsigned char *y, size_t n, size_t p,
                                   const unsigned char *use, const slant_logit_options *o,
                                   slant_logit_model *m)
{
    slant_logit_model_release(m);
    m->p = p;
    m->weights = xcalloc(p ? p : 1, sizeof *m->weights);
    m->weights_std = xcalloc(p ? p : 1, sizeof *m->weights_std);
    m->mean = xcalloc(p ? p : 1, sizeof *m->mean);
    m->sd = xcalloc(p ? p : 1, sizeof *m->sd);
    m->constant = xcalloc(p ? p : 1, 1);
    size_t pos = 0, rows = 0;
    for (size_t i = 0; i < n; i++) {
        if (use && !use[i])
            continue;
        if (y[i] > 1)
            return SLANT_LOGIT_BAD_INPUT;
        for (size_t j = 0; j < p; j++)
            if (!isfinite(x[i * p + j]))
                return SLANT_LOGIT_BAD_INPUT;
        pos += y[i];
        rows++;
    }
    if (rows < 2 || !(o->l2 > 0) || !isfinite(o->l2))
        return SLANT_LOGIT_BAD_INPUT;
    if (pos == 0 || pos == rows)
        return SLANT_LOGIT_ONE_CLASS;
    moments(x, n, p, use, m);

    design d = { rows, 1 + p - m->nconstant, NULL, NULL };
    d.z = xmalloc(d.n * d.q * sizeof *d.z);
    d.y = xmalloc(d.n * sizeof *d.y);
    size_t r = 0;
    for (size_t i = 0; i < n; i++) {
        if (use && !use[i])
            continue;
        double *zr = d.z + r * d.q;
        zr[0] = 1;
        for (size_t j = 0, c = 1; j < p; j++)
            if (!m->constant[j])
                zr[c++] = (x[i * p + j] - m->mean[j]) / m->sd[j];
        d.y[r++] = y[i];
    }
    double *beta = xmalloc(d.q * sizeof *beta);
    double fmin;
    int steps = newton(&d, o->l2, o->max_iter > 0 ? o->max_iter : DEFAULT_MAX_ITER, beta,
                       &fmin);
    slant_logit_status st = SLANT_LOGIT_NO_CONVERGENCE;
    if (steps >= 0) {
        st = SLANT_LOGIT_OK;
        m->iterations = steps;
        m->objective = fmin;
        m->intercept_std = beta[0];
        m->intercept = beta[0];
        for (size_t j = 0, c = 1; j < p; j++) {
            if (m->constant[j])
                continue;
            m->weights_std[j] = beta[c++];
            m->weights[j] = m->weights_std[j] / m->sd[j];
            m->intercept -= m->weights[j] * m->mean[j];
        }
    }
    free(beta);
    free(d.z);
    free(d.y);
    return st;
}

double slant_logit_predict(const slant_logit_model *m, const double *row)
{
    double t = m->intercept;
    for (size_t j = 0; j < m->p; j++)
        t += m->weights[j] * row[j];
    return sigmoid(t);
}

/* --- folds and cross-validation --------------------------------------------------------- */

int slant_logit_folds(const unsigned char *y, size_t n, size_t k, unsigned long seed,
                      size_t *fold)
{
    if (k < 2 || k > n)
        return -1;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!rng)
        abort(); /* out of memory, as xmalloc does */
    gsl_rng_set(rng, seed);
    size_t *idx = xmalloc(n * sizeof *idx), next = 0;
    for (int cls = 1; cls >= 0; cls--) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (y[i] == (unsigned char)cls)
                idx[m++] = i;
        if (m > 1)
            gsl_ran_shuffle(rng, idx, m, sizeof *idx);
        for (size_t t = 0; t < m; t++) {
            fold[idx[t]] = next;
            next = (next + 1) % k;
        }
    }
    free(idx);
    gsl_rng_free(rng);
    return 0;
}

slant_logit_status slant_logit_cv(const double *x, const unsigned char *y, size_t n, size_t p,
                                  const size_t *fold, size_t k, const slant_logit_options *o,
                                  double *oof, size_t *failed_fold)
{
    unsigned char *train = xmalloc(n ? n : 1);
    slant_logit_model m;
    slant_logit_model_init(&m);
    slant_logit_status st = SLANT_LOGIT_OK;
    for (size_t f = 0; f < k && st == SLANT_LOGIT_OK; f++) {
        for (size_t i = 0; i < n; i++)
            train[i] = fold[i] != f;
        st = slant_logit_fit(x, y, n, p, train, o, &m);
        if (st != SLANT_LOGIT_OK) {
            *failed_fold = f;
            break;
        }
        for (size_t i = 0; i < n; i++)
            if (!train[i])
                oof[i] = slant_logit_predict(&m, x + i * p);
    }
    slant_logit_model_release(&m);
    free(train);
    return st;
}

/* --- the ROC AUC and DeLong's interval ------------------------------------------------ */

typedef struct {
    double v;
    size_t i;
} ranked;

static int by_value(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return x->i < y->i ? -1 : (x->i > y->i);
}

/* Mid-ranks (1-based) of the `n` values `v[0..n)` into `r`. */
static void midranks(const double *v, size_t n, double *r)
{
    ranked *s = xmalloc((n ? n : 1) * sizeof *s);
    for (size_t i = 0; i < n; i++)
        s[i] = (ranked){ v[i], i };
    qsort(s, n, sizeof *s, by_value);
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b + 1 < n && s[b + 1].v == s[a].v)
            b++;
        double mid = 0.5 * (double)(a + b) + 1.0;
        for (size_t t = a; t <= b; t++)
            r[s[t].i] = mid;
        a = b + 1;
    }
    free(s);
}

int slant_roc_auc(const double *score, const unsigned char *y, size_t n, double level,
                  slant_auc *out)
{
    out->auc = out->se = out->low = out->high = NAN;
    size_t m = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(score[i]))
            return -1;
        if (y[i])
            m++;
        else
            k++;
    }
    out->positives = m;
    out->negatives = k;
    if (!m || !k)
        return -1;
    double *xs = xmalloc(m * sizeof *xs), *ys = xmalloc(k * sizeof *ys);
    double *rall = xmalloc(n * sizeof *rall), *rx = xmalloc(m * sizeof *rx);
    double *ry = xmalloc(k * sizeof *ry);
    for (size_t i = 0, a = 0, b = 0; i < n; i++) {
        if (y[i])
            xs[a++] = score[i];
        else
            ys[b++] = score[i];
    }
    midranks(score, n, rall);
    midranks(xs, m, rx);
    midranks(ys, k, ry);
    /* Placement values: V10 of a positive is the share of negatives below it (ties one
     * half), V01 of a negative the share of positives above it. */
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        if (y[i])
            sum += rall[i];
    double auc = (sum - 0.5 * (double)m * (double)(m + 1)) / ((double)m * (double)k);
    out->auc = auc;
    int rc = 1;
    if (m >= 2 && k >= 2 && level > 0 && level < 1) {
        double s10 = 0, s01 = 0;
        for (size_t i = 0, a = 0, b = 0; i < n; i++) {
            if (y[i]) {
                double v = (rall[i] - rx[a++]) / (double)k - auc;
                s10 += v * v;
            } else {
                double v = 1.0 - (rall[i] - ry[b++]) / (double)m - auc;
                s01 += v * v;
            }
        }
        s10 /= (double)(m - 1);
        s01 /= (double)(k - 1);
        double se = sqrt(s10 / (double)m + s01 / (double)k);
        double z = gsl_cdf_ugaussian_Pinv(0.5 + 0.5 * level);
        out->se = se;
        out->low = fmax(0.0, auc - z * se);
        out->high = fmin(1.0, auc + z * se);
        rc = 0;
    }
    free(xs);
    free(ys);
    free(rall);
    free(rx);
    free(ry);
    return rc;
}
