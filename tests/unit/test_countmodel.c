/* The count model's edge cases and invariants (countmodel.h). Its numbers are checked
 * against statsmodels by tests/stats/check_scipy.py (the driver's `nb` command) and
 * tests/compare/check_countmodel.py. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "countmodel.h"
#include "harness.h"

/* A small overdispersed data set: three groups, two strata, n rows. */
#define N 36
static const double Y[N] = { 0, 3, 1, 0, 7, 2, 0, 0, 5, 1, 0, 9, 2, 0, 4, 0, 1, 6,
                             0, 0, 1, 0, 2, 0, 0, 1, 0, 3, 0, 0, 8, 0, 2, 0, 1, 12 };
static double words[N];
static uint32_t group[N], stratum[N], cluster[N];

static void fill(void)
{
    for (size_t i = 0; i < N; i++) {
        words[i] = 200.0 + (double)((i * 37) % 11) * 90.0;
        group[i] = (uint32_t)(i % 3);
        stratum[i] = (uint32_t)((i / 3) % 2);
        cluster[i] = (uint32_t)(i / 4);
    }
}

static slant_nb_data data(const double *y)
{
    slant_nb_data d = { y, words, group, 3, NULL, 0, NULL, 0, N };
    return d;
}

static void fits_and_contrasts(void)
{
    fill();
    slant_nb_data d = data(Y);
    slant_nb_model m;
    slant_nb_model_init(&m);
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_OK);
    CHECK(m.alpha > 0 && m.alpha_se > 0 && m.iterations > 0 && m.p == 3 && m.n == N);
    CHECK(m.lr >= 0 && m.lr_df == 2 && m.lr_p > 0 && m.lr_p <= 1);
    slant_nb_ratio ab, ba, a0;
    CHECK_INT(slant_nb_rate_ratio(&m, 1, 2, 0.95, &ab), 0);
    CHECK_INT(slant_nb_rate_ratio(&m, 2, 1, 0.95, &ba), 0);
    /* a to b is the inverse of b to a, the interval too, the same p */
    CHECK(fabs(ab.ratio * ba.ratio - 1) < 1e-12);
    CHECK(fabs(ab.low * ba.high - 1) < 1e-12 && fabs(ab.high * ba.low - 1) < 1e-12);
    CHECK(fabs(ab.p - ba.p) < 1e-15 && ab.low < ab.ratio && ab.ratio < ab.high);
    /* against the reference the contrast is the coefficient itself */
    CHECK_INT(slant_nb_rate_ratio(&m, 1, 0, 0.95, &a0), 0);
    CHECK(fabs(a0.log_ratio - m.coef[1]) < 1e-15 && fabs(a0.se - m.se[1]) < 1e-15);
    CHECK_INT(slant_nb_rate_ratio(&m, 1, 1, 0.95, &a0), -1);
    CHECK_INT(slant_nb_rate_ratio(&m, 1, 3, 0.95, &a0), -1);
    CHECK(isnan(a0.ratio));
    /* the same data with strata and clusters */
    d.stratum = stratum;
    d.nstrata = 2;
    d.cluster = cluster;
    d.nclusters = N / 4;
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_OK);
    CHECK(m.p == 4 && m.robust && m.clusters == N / 4 && m.nstrata == 2);
    CHECK(m.se[1] > 0 && isfinite(m.wald) && m.wald_df == 2);
    slant_nb_model_release(&m);
    slant_nb_model_release(&m); /* twice: a no-op */
}

/* What cannot be fitted gets a status and NaNs, never a number. */
static void refusals(void)
{
    fill();
    double y[N];
    slant_nb_model m;
    slant_nb_model_init(&m);
    for (size_t i = 0; i < N; i++)
        y[i] = 0;
    slant_nb_data d = data(y);
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_ALL_ZERO);
    CHECK(isnan(m.alpha) && isnan(m.lr) && m.coef == NULL);
    /* one group without any count: separation */
    for (size_t i = 0; i < N; i++)
        y[i] = group[i] == 2 ? 0 : Y[i] + 1;
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_SEPARATION);
    CHECK(isnan(m.alpha));
    slant_nb_ratio r;
    CHECK_INT(slant_nb_rate_ratio(&m, 0, 1, 0.95, &r), -1);
    /* a group without rows */
    d.ngroups = 4;
    for (size_t i = 0; i < N; i++)
        y[i] = Y[i];
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_EMPTY_GROUP);
    d.ngroups = 3;
    /* bad counts and words */
    y[5] = 1.5;
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_BAD_INPUT);
    y[5] = -1;
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_BAD_INPUT);
    y[5] = NAN;
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_BAD_INPUT);
    y[5] = Y[5];
    words[3] = 0;
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_BAD_INPUT);
    fill();
    /* counts less dispersed than Poisson: alpha's maximum is at 0, the fit is Poisson's */
    for (size_t i = 0; i < N; i++) {
        words[i] = 1000;
        y[i] = (double)(2 + (i % 2));
    }
    CHECK_INT(slant_nb_fit(&d, NULL, &m), SLANT_NB_OK);
    CHECK(m.poisson && m.alpha == 0 && isnan(m.alpha_se) && m.se[1] > 0);
    CHECK_INT(slant_nb_rate_ratio(&m, 1, 0, 0.95, &r), 0);
    /* the Poisson rate ratio of equal words is the ratio of the groups' total counts */
    double c0 = 0, c1 = 0;
    for (size_t i = 0; i < N; i++) {
        c0 += group[i] == 0 ? y[i] : 0;
        c1 += group[i] == 1 ? y[i] : 0;
    }
    CHECK(fabs(r.ratio - c1 / c0) < 1e-12 && r.low < r.ratio && r.high > r.ratio);
    /* groups confounded with strata: each stratum lies within one group */
    fill();
    uint32_t st[N];
    for (size_t i = 0; i < N; i++)
        st[i] = group[i] == 0 ? 0 : 1;
    d.stratum = st;
    d.nstrata = 2;
    for (size_t i = 0; i < N; i++)
        y[i] = Y[i] + 1;
    slant_nb_status s = slant_nb_fit(&d, NULL, &m);
    CHECK(s == SLANT_NB_SINGULAR);
    slant_nb_model_release(&m);
}

/* A stratum whose counts are all 0 is left out (its rows add nothing to the likelihood
 * at the supremum, where its effect is -infinity) and counted, as is a row without a
 * stratum: the fit equals the fit without those rows. */
static void strata_dropped(void)
{
    fill();
    double y[N + 4], w[N + 4];
    uint32_t g[N + 4], st[N + 4];
    for (size_t i = 0; i < N; i++) {
        y[i] = Y[i];
        w[i] = words[i];
        g[i] = group[i];
        st[i] = stratum[i];
    }
    slant_nb_data d = { y, w, g, 3, st, 3, NULL, 0, N };
    slant_nb_model a, b;
    slant_nb_model_init(&a);
    slant_nb_model_init(&b);
    CHECK_INT(slant_nb_fit(&d, NULL, &a), SLANT_NB_OK);
    for (size_t i = N; i < N + 4; i++) {
        y[i] = 0;
        w[i] = 500;
        g[i] = (uint32_t)(i % 3);
        st[i] = i == N + 3 ? UINT32_MAX : 2;
    }
    y[N + 3] = 40; /* without a stratum: left out, whatever its count */
    d.n = N + 4;
    CHECK_INT(slant_nb_fit(&d, NULL, &b), SLANT_NB_OK);
    CHECK(b.rows_dropped == 4 && b.strata_dropped == 1 && b.n == N && b.nstrata == 2);
    CHECK(fabs(a.alpha - b.alpha) < 1e-12 * a.alpha && fabs(a.loglik - b.loglik) < 1e-9);
    for (size_t k = 0; k < a.p; k++)
        CHECK(fabs(a.coef[k] - b.coef[k]) < 1e-12 && fabs(a.se[k] - b.se[k]) < 1e-12);
    slant_nb_model_release(&a);
    slant_nb_model_release(&b);
}

static void counts_of_rates(void)
{
    double c = -1;
    CHECK_INT(slant_nb_count_of_rate(1000.0 * 3 / 417, 417, &c), 0);
    CHECK(c == 3);
    CHECK_INT(slant_nb_count_of_rate(0, 12, &c), 0);
    CHECK(c == 0);
    CHECK_INT(slant_nb_count_of_rate(2.5, 100, &c), -1);   /* 0.25 matches */
    CHECK_INT(slant_nb_count_of_rate(1, 0, &c), -1);
    CHECK_INT(slant_nb_count_of_rate(-1, 1000, &c), -1);
    CHECK_INT(slant_nb_count_of_rate(NAN, 1000, &c), -1);
    CHECK(slant_nb_status_name(SLANT_NB_SEPARATION)[0] == 's');
}

void suite_countmodel(void)
{
    RUN(fits_and_contrasts);
    RUN(refusals);
    RUN(strata_dropped);
    RUN(counts_of_rates);
}
