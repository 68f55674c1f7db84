/* Indicators over time: period summaries, Mann-Kendall with Sen's slope, a split; see
 * trend.h. GSL for the normal quantile of Sen's interval (a stats-side file). */

#include "trend.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "inference.h"
#include "xalloc.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The median of `n` sorted values (the mean of the middle two for an even n). */
static double median_sorted(const double *v, size_t n)
{
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void slant_trend_mann_kendall(const double *x, const double *y, size_t n, double level,
                              slant_trend_test *out)
{
    out->s = out->var_s = out->tau = out->z = out->p = NAN;
    out->slope = out->intercept = out->slope_low = out->slope_high = NAN;
    if (n < 3)
        return;
    double s = 0;
    size_t nt = n * (n - 1) / 2;
    double *slopes = xmalloc(nt * sizeof *slopes);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            s += (y[j] > y[i]) - (y[j] < y[i]);
            slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
    /* ties among the means: sizes of the groups of equal values */
    double *sorted = xmalloc(n * sizeof *sorted);
    memcpy(sorted, y, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_double);
    double ties_pairs = 0, ties_var = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && sorted[j] == sorted[i])
            j++;
        double t = (double)(j - i);
        ties_pairs += t * (t - 1) / 2;
        ties_var += t * (t - 1) * (2 * t + 5);
        i = j;
    }
    double dn = (double)n, tot = dn * (dn - 1) / 2;
    double var = (dn * (dn - 1) * (2 * dn + 5) - ties_var) / 18;
    out->s = s;
    out->var_s = var;
    if (tot - ties_pairs > 0)
        out->tau = s / sqrt(tot) / sqrt(tot - ties_pairs);
    if (var > 0) {
        out->z = s / sqrt(var);
        out->p = erfc(fabs(out->z) / sqrt(2.0));
    }
    /* Sen's slope and its interval (x has no ties) */
    qsort(slopes, nt, sizeof *slopes, cmp_double);
    out->slope = median_sorted(slopes, nt);
    double *xs = xmalloc(n * sizeof *xs);
    memcpy(xs, x, n * sizeof *xs);
    qsort(xs, n, sizeof *xs, cmp_double);
    out->intercept = median_sorted(sorted, n) - out->slope * median_sorted(xs, n);
    double alpha = 1 - level;
    double z = gsl_cdf_ugaussian_Pinv(alpha / 2);
    if (var > 0) {
        double sigma = sqrt(var);
        double ru = rint(((double)nt - z * sigma) / 2);
        double rl = rint(((double)nt + z * sigma) / 2) - 1;
        size_t u = ru > (double)(nt - 1) ? nt - 1 : (size_t)ru;
        size_t l = rl < 0 ? 0 : (size_t)rl;
        if (l < nt && u < nt) {
            out->slope_low = slopes[l];
            out->slope_high = slopes[u];
        }
    }
    free(xs);
    free(sorted);
    free(slopes);
}

/* A dated row of a compared group, for sorting into periods. */
typedef struct {
    size_t row;
    int64_t period;
    int32_t day;
} dated;

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    if (x->period != y->period)
        return x->period < y->period ? -1 : 1;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* q-values of `n` p-values at `p` (stride in bytes) into `q`, as a named family. */
static void correct(slant_trend *t, slant_correction how, const char *name, const char *what,
                    size_t n, const double *p, size_t pstride, double *q, size_t qstride)
{
    slant_cmp_family *f = &t->families[t->nfamilies++];
    f->name = name;
    f->what = what;
    f->tests = 0;
    if (!n)
        return;
    double *pv = xmalloc(n * sizeof *pv), *qv = xmalloc(n * sizeof *qv);
    for (size_t k = 0; k < n; k++) {
        pv[k] = *(const double *)(const void *)((const char *)p + k * pstride);
        f->tests += !isnan(pv[k]);
    }
    if (how == SLANT_CORRECT_HOLM)
        slant_holm(pv, n, qv);
    else
        slant_bh(pv, n, qv);
    for (size_t k = 0; k < n; k++)
        *(double *)(void *)((char *)q + k * qstride) = qv[k];
    free(pv);
    free(qv);
}

/* The periods of one group's dated rows for indicator `ind`: points and the test. */
static void group_series(slant_trend *t, const slant_comparison *c, const dated *rows,
                         size_t n, size_t g, size_t ind, double *buf)
{
    const slant_dataset *ds = c->ds;
    double *x = xmalloc((n ? n : 1) * sizeof *x), *y = xmalloc((n ? n : 1) * sizeof *y);
    size_t np = 0, articles = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, m = 0;
        while (j < n && rows[j].period == rows[i].period) {
            double v = slant_dataset_row(ds, rows[j].row)->values[ind];
            if (!isnan(v))
                buf[m++] = v;
            j++;
        }
        if (m) {
            slant_trend_point *pt = &t->points[t->npoints++];
            pt->group = g;
            pt->indicator = ind;
            pt->period = rows[i].period;
            pt->start = slant_period_start(t->every, rows[i].day);
            slant_summary_of(buf, m, c->opts.level, &pt->s);
            x[np] = (double)rows[i].period;
            y[np++] = pt->s.mean;
            articles += m;
        }
        i = j;
    }
    slant_trend_test *tt = &t->tests[t->ntests++];
    tt->group = g;
    tt->indicator = ind;
    tt->periods = np;
    tt->n = articles;
    tt->q = NAN;
    slant_trend_mann_kendall(x, y, np, c->opts.level, tt);
    free(x);
    free(y);
}

static void group_split(slant_trend *t, const slant_comparison *c, const dated *rows,
                        size_t n, size_t g, size_t ind, double *before, double *after)
{
    size_t nb = 0, na = 0;
    for (size_t i = 0; i < n; i++) {
        double v = slant_dataset_row(c->ds, rows[i].row)->values[ind];
        if (isnan(v))
            continue;
        if (rows[i].day < t->split)
            before[nb++] = v;
        else
            after[na++] = v;
    }
    slant_trend_split *sp = &t->splits[t->nsplits++];
    memset(sp, 0, sizeof *sp);
    sp->group = g;
    sp->indicator = ind;
    sp->n_before = nb;
    sp->n_after = na;
    sp->mean_before = nb ? slant_mean_of(before, nb) : NAN;
    sp->mean_after = na ? slant_mean_of(after, na) : NAN;
    sp->diff = sp->mean_after - sp->mean_before;
    sp->diff_low = sp->diff_high = NAN;
    sp->welch.statistic = sp->welch.df = sp->welch.df2 = sp->welch.p = NAN;
    sp->mwu = sp->welch;
    sp->welch_q = sp->mwu_q = NAN;
    slant_moments ma, mb;
    slant_moments_of(after, na, &ma);
    slant_moments_of(before, nb, &mb);
    if (slant_welch_t_moments(&ma, &mb, &sp->welch) != 0)
        sp->welch.statistic = sp->welch.df = sp->welch.df2 = sp->welch.p = NAN;
    if (slant_mean_diff_ci(&ma, &mb, c->opts.level, &sp->diff_low, &sp->diff_high) != 0)
        sp->diff_low = sp->diff_high = NAN;
    if (na && nb) {
        sp->mwu_method = slant_mann_whitney_auto(after, na, before, nb);
        if (slant_mann_whitney(after, na, before, nb, sp->mwu_method, &sp->mwu) != 0)
            sp->mwu.statistic = sp->mwu.df = sp->mwu.df2 = sp->mwu.p = NAN;
    }
}

slant_trend *slant_trend_new(const slant_comparison *c)
{
    slant_trend *t = xcalloc(1, sizeof *t);
    t->every = (slant_period)c->opts.every;
    t->has_split = c->opts.has_split;
    t->split = c->opts.split;
    const slant_dataset *ds = c->ds;
    size_t nrows = slant_dataset_nrows(ds), ngroups = slant_dataset_ngroups(ds);
    /* each compared group's dated rows, sorted by period and day */
    size_t *slot = xmalloc((ngroups ? ngroups : 1) * sizeof *slot);
    for (size_t g = 0; g < ngroups; g++)
        slot[g] = SIZE_MAX;
    for (size_t k = 0; k < c->ngroups; k++)
        slot[c->groups[k]] = k;
    size_t *count = xcalloc(c->ngroups + 1, sizeof *count);
    for (size_t r = 0; r < nrows; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (slot[row->group] == SIZE_MAX)
            continue;
        if (row->day == INT32_MIN)
            t->undated++;
        else
            count[slot[row->group] + 1]++;
    }
    for (size_t k = 0; k < c->ngroups; k++)
        count[k + 1] += count[k];
    t->dated = count[c->ngroups];
    t->bad_dates = slant_dataset_bad_dates(ds);
    dated *rows = xmalloc((t->dated ? t->dated : 1) * sizeof *rows);
    size_t *fill = xmalloc((c->ngroups + 1) * sizeof *fill);
    memcpy(fill, count, (c->ngroups + 1) * sizeof *fill);
    slant_period unit = t->every ? t->every : SLANT_PERIOD_DAY;
    for (size_t r = 0; r < nrows; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (slot[row->group] == SIZE_MAX || row->day == INT32_MIN)
            continue;
        dated *d = &rows[fill[slot[row->group]]++];
        d->row = r;
        d->day = row->day;
        d->period = slant_period_index(unit, row->day);
    }
    for (size_t k = 0; k < c->ngroups; k++)
        qsort(rows + count[k], count[k + 1] - count[k], sizeof *rows, cmp_dated);
    size_t cells = c->nindicators * c->ngroups;
    if (t->every) {
        /* at most one point per group, period and indicator: count the periods */
        size_t periods = 0;
        for (size_t k = 0; k < c->ngroups; k++)
            for (size_t i = count[k]; i < count[k + 1]; i++)
                periods += i == count[k] || rows[i].period != rows[i - 1].period;
        t->points = xmalloc((periods * c->nindicators + 1) * sizeof *t->points);
        t->tests = xmalloc((cells + 1) * sizeof *t->tests);
    }
    if (t->has_split)
        t->splits = xmalloc((cells + 1) * sizeof *t->splits);
    double *a = xmalloc((t->dated + 1) * sizeof *a), *b = xmalloc((t->dated + 1) * sizeof *b);
    for (size_t i = 0; i < c->nindicators; i++)
        for (size_t k = 0; k < c->ngroups; k++) {
            size_t n = count[k + 1] - count[k];
            if (t->every)
                group_series(t, c, rows + count[k], n, c->groups[k], c->indicators[i], a);
            if (t->has_split)
                group_split(t, c, rows + count[k], n, c->groups[k], c->indicators[i], a, b);
        }
    free(a);
    free(b);
    free(rows);
    free(fill);
    free(count);
    free(slot);
    slant_correction how = c->opts.correction;
    if (t->every && t->ntests)
        correct(t, how, "trend/mann_kendall",
                "Mann-Kendall tests of the period means, every group and indicator",
                t->ntests, &t->tests[0].p, sizeof *t->tests, &t->tests[0].q, sizeof *t->tests);
    if (t->has_split && t->nsplits) {
        correct(t, how, "split/welch_t",
                "Welch's t tests of after against before the split, every group and indicator",
                t->nsplits, &t->splits[0].welch.p, sizeof *t->splits, &t->splits[0].welch_q,
                sizeof *t->splits);
        correct(t, how, "split/mann_whitney",
                "Mann-Whitney U tests of after against before the split, every group and "
                "indicator",
                t->nsplits, &t->splits[0].mwu.p, sizeof *t->splits, &t->splits[0].mwu_q,
                sizeof *t->splits);
    }
    return t;
}

void slant_trend_free(slant_trend *t)
{
    if (!t)
        return;
    free(t->points);
    free(t->tests);
    free(t->splits);
    free(t);
}
