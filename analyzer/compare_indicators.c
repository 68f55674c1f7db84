/* Each indicator's statistics (compare_parts.h): its group columns built and sorted once,
 * the summaries and omnibus tests, the pairs (with clusters), the paired tests within
 * events and the count model; indicators on threads, each result in its own slot. */

#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "compare_parts.h"
#include "indicator.h"
#include "parallel.h"
#include "ranks.h"
#include "xalloc.h"

/* --- columns ---------------------------------------------------------------------------
 *
 * Everything per group and indicator, per pair and within events is computed one
 * indicator at a time from columns: each compared group's defined values of the
 * indicator, gathered in one pass over the rows, in row order (the order the means, the
 * variances and the resampling tests have always seen them in, so their rounding is
 * unchanged) and sorted once (the order the quantiles and the rank tests need). One
 * k-way merge of the sorted columns then gives every pair's Mann-Whitney U and tie sum
 * (ranks.h), and the groups' rank sums for Kruskal-Wallis; Welch's t and Hedges' g come
 * from each column's moments. A pair no longer costs a pass over the dataset. Each group
 * against the rest still costs a pass over the indicator's values: the rest's moments are
 * computed from its values in row order, as they always were, so that every number is
 * the same to the last bit. Indicators are independent, so workers take them one at a
 * time and write every result into the slot the single-threaded order gives it: the
 * comparison is the same for every thread count.
 */

typedef struct {
    double *v;              /* the values in row order */
    double *s;              /* the same, ascending */
    uint32_t *cl;           /* the values' clusters in row order (with clusters only) */
    size_t n;
    slant_moments m;
} column;

/* What one worker needs for an indicator; every array has room for all the rows and is
 * reused from one indicator to the next. */
typedef struct {
    column *cols;           /* one per compared group */
    double *values;         /* every compared group's values in row order ... */
    uint32_t *slot;         /* ... the index of each one's group in c->groups ... */
    uint32_t *event;        /* ... and its event (UINT32_MAX: none) */
    size_t nvalues;
    double *col_v, *col_s;  /* the columns' storage */
    uint32_t *col_cl;
    uint32_t *cluster;      /* each value's cluster (with clusters only) */
    double *pv;             /* a pair's values, their groups and clusters (clusters only) */
    unsigned char *pa;
    uint32_t *pc;
    column rest;            /* the compared groups but one, for vs-rest pairs */
    double *pooled;         /* every column's values, ascending (vs-rest only) */
    double *event_sum;      /* group x event sums and counts (within events only) */
    double *event_count;
    double *ex, *ey;        /* the paired values of two groups, one per event */
    double *u, *ties;       /* Mann-Whitney U and tie sums of every pair of columns */
    double all_ties;        /* the tie sum of all columns pooled */
    int finite;             /* every column's values are finite */
    const double **sorted;  /* each column's sorted values ... */
    size_t *ns;             /* ... and their number */
    double *nb_y, *nb_t;    /* the count model's counts and words (count model only) */
    uint32_t *nb_g, *nb_s, *nb_c;   /* ... and their group slots, strata and clusters */
} work;

static void work_init(work *w, const slant_comparison *c)
{
    size_t rows = slant_dataset_nrows(c->ds), cap = rows ? rows : 1;
    memset(w, 0, sizeof *w);
    w->cols = xcalloc(c->ngroups, sizeof *w->cols);
    w->sorted = xmalloc(c->ngroups * sizeof *w->sorted);
    w->ns = xmalloc(c->ngroups * sizeof *w->ns);
    w->u = xmalloc(c->ngroups * c->ngroups * sizeof *w->u);
    w->ties = xmalloc(c->ngroups * c->ngroups * sizeof *w->ties);
    w->values = xmalloc(cap * sizeof *w->values);
    w->slot = xmalloc(cap * sizeof *w->slot);
    w->event = xmalloc(cap * sizeof *w->event);
    w->col_v = xmalloc(cap * sizeof *w->col_v);
    w->col_s = xmalloc(cap * sizeof *w->col_s);
    if (c->opts.cluster) {
        w->col_cl = xmalloc(cap * sizeof *w->col_cl);
        w->cluster = xmalloc(cap * sizeof *w->cluster);
        w->pv = xmalloc(cap * sizeof *w->pv);
        w->pa = xmalloc(cap);
        w->pc = xmalloc(cap * sizeof *w->pc);
    }
    if (c->opts.count_model) {
        w->nb_y = xmalloc(cap * sizeof *w->nb_y);
        w->nb_t = xmalloc(cap * sizeof *w->nb_t);
        w->nb_g = xmalloc(cap * sizeof *w->nb_g);
        w->nb_s = c->opts.stratum ? xmalloc(cap * sizeof *w->nb_s) : NULL;
        w->nb_c = c->opts.cluster ? xmalloc(cap * sizeof *w->nb_c) : NULL;
    }
    if (c->vs_rest) {
        w->rest.v = xmalloc(cap * sizeof *w->rest.v);
        w->rest.s = xmalloc(cap * sizeof *w->rest.s);
        w->pooled = xmalloc(cap * sizeof *w->pooled);
    }
    if (c->paired) {
        size_t ne = slant_dataset_nevents(c->ds);
        w->event_sum = xmalloc(c->ngroups * ne * sizeof *w->event_sum);
        w->event_count = xmalloc(c->ngroups * ne * sizeof *w->event_count);
        w->ex = xmalloc(ne * sizeof *w->ex);
        w->ey = xmalloc(ne * sizeof *w->ey);
    }
}

static void work_release(work *w)
{
    free(w->cols);
    free(w->sorted);
    free(w->ns);
    free(w->u);
    free(w->ties);
    free(w->values);
    free(w->slot);
    free(w->event);
    free(w->col_v);
    free(w->col_s);
    free(w->col_cl);
    free(w->cluster);
    free(w->pv);
    free(w->pa);
    free(w->pc);
    free(w->rest.v);
    free(w->rest.s);
    free(w->pooled);
    free(w->event_sum);
    free(w->event_count);
    free(w->ex);
    free(w->ey);
    free(w->nb_y);
    free(w->nb_t);
    free(w->nb_g);
    free(w->nb_s);
    free(w->nb_c);
}

/* Fills the columns of indicator `ind`: one pass over the rows, then one sort per group. */
static void build_columns(const slant_comparison *c, const uint32_t *slots, size_t ind, work *w)
{
    const slant_dataset *ds = c->ds;
    size_t rows = slant_dataset_nrows(ds);
    w->nvalues = 0;
    for (size_t k = 0; k < c->ngroups; k++)
        w->cols[k].n = 0;
    for (size_t r = 0; r < rows; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        uint32_t k = slots[row->group];
        double v = row->values[ind];
        if (k == UINT32_MAX || isnan(v))
            continue;
        w->values[w->nvalues] = v;
        w->slot[w->nvalues] = k;
        w->event[w->nvalues] = row->event;
        if (w->cluster)
            w->cluster[w->nvalues] = c->opts.cluster[r];
        w->nvalues++;
        w->cols[k].n++;
    }
    size_t at = 0;
    for (size_t k = 0; k < c->ngroups; k++) {
        w->cols[k].v = w->col_v + at;
        w->cols[k].s = w->col_s + at;
        w->cols[k].cl = w->col_cl ? w->col_cl + at : NULL;
        at += w->cols[k].n;
        w->cols[k].n = 0;
    }
    for (size_t i = 0; i < w->nvalues; i++) {
        column *col = &w->cols[w->slot[i]];
        if (col->cl)
            col->cl[col->n] = w->cluster[i];
        col->v[col->n++] = w->values[i];
    }
    w->finite = 1;
    for (size_t k = 0; k < c->ngroups; k++) {
        column *col = &w->cols[k];
        slant_moments_of(col->v, col->n, &col->m);
        memcpy(col->s, col->v, col->n * sizeof *col->s);
        if (col->m.finite)
            slant_sort(col->s, col->n);
        w->finite &= col->m.finite;
        w->sorted[k] = col->s;
        w->ns[k] = col->n;
    }
    /* Mann-Whitney U of every pair and the pooled tie sum in one walk over the columns,
     * for the pairs and Kruskal-Wallis (when every value is finite; otherwise they take
     * the functions on raw samples) */
    if (w->finite)
        slant_mwu_all_pairs_sorted(w->sorted, w->ns, c->ngroups, w->u, w->ties, &w->all_ties);
}

/* The rest of group k: every other compared group's values (w->pooled must hold them
 * all, sorted). */
static void build_rest(size_t k, work *w)
{
    column *rest = &w->rest;
    rest->n = 0;
    for (size_t i = 0; i < w->nvalues; i++)
        if (w->slot[i] != k)
            rest->v[rest->n++] = w->values[i];
    slant_moments_of(rest->v, rest->n, &rest->m);
    if (rest->m.finite && w->cols[k].m.finite) {
        size_t n = slant_remove_sorted(w->pooled, w->nvalues, w->cols[k].s, w->cols[k].n,
                                       rest->s);
        assert(n == rest->n);
        (void)n;
    } else {
        memcpy(rest->s, rest->v, rest->n * sizeof *rest->s);
    }
}

/* --- per group ---------------------------------------------------------------------- */

static void summarize(slant_comparison *c, size_t i, const work *w)
{
    for (size_t k = 0; k < c->ngroups; k++) {
        slant_cmp_summary *s = &c->summaries[k * c->nindicators + i];
        const column *col = &w->cols[k];
        s->group = c->groups[k];
        s->indicator = c->indicators[i];
        /* col->s holds the values, sorted when they are finite; otherwise this gives
         * the undefined summary, as slant_summary_of would */
        slant_summary_of_sorted(col->s, col->n, c->opts.level, &s->s);
        s->boot_low = s->boot_high = NAN;
        /* a small group always gets a BCa interval (its t interval undercovers skewed,
         * zero-heavy values); the others the percentile interval with --bootstrap */
        if (col->n < SLANT_SMALL_N)
            slant_bootstrap_bca_mean_ci(col->v, col->n,
                                        c->opts.bootstrap ? c->opts.bootstrap
                                                          : SLANT_SMALL_N_RESAMPLES,
                                        c->opts.seed, c->opts.level, &s->boot_low,
                                        &s->boot_high);
        else if (c->opts.bootstrap)
            slant_bootstrap_mean_ci(col->v, col->n, c->opts.bootstrap, c->opts.seed,
                                    c->opts.level, &s->boot_low, &s->boot_high);
    }
}

static void omnibus(slant_comparison *c, size_t i, const work *w)
{
    slant_cmp_omnibus *o = &c->omnibus[i];
    size_t k = c->ngroups;
    o->indicator = c->indicators[i];
    const double **v = xmalloc(k * sizeof *v);
    for (size_t a = 0; a < k; a++)
        v[a] = w->cols[a].v;
    if (w->finite) {
        double *rank_sum = xmalloc(k * sizeof *rank_sum);
        slant_rank_sums_from_u(w->u, w->ns, k, rank_sum);
        slant_kruskal_wallis_rank_sums(rank_sum, w->ns, k, w->all_ties, &o->kruskal);
        free(rank_sum);
    } else {
        slant_kruskal_wallis(v, w->ns, k, &o->kruskal);
    }
    size_t total = 0;
    for (size_t a = 0; a < k; a++)
        total += w->ns[a];
    o->epsilon2 = slant_kruskal_epsilon2(o->kruskal.statistic, total);
    slant_welch_anova_varying(v, w->ns, k, &o->welch, &o->welch_dropped);
    free(v);
}

/* --- pairs ------------------------------------------------------------------------------- */

/* Column x (group a) against column y (group b, or the rest); mean_a and mean_b as
 * slant_summary_of gives them; `mwu` U of x and the tie sum of x and y pooled, or NULL
 * to compute them here. */
static void compare_pair(const slant_comparison *c, slant_cmp_pair *p, size_t a, size_t b,
                         size_t ind, const column *x, const column *y, double mean_a,
                         double mean_b, const double mwu[2])
{
    memset(p, 0, sizeof *p);
    p->a = a;
    p->b = b;
    p->indicator = ind;
    p->na = x->n;
    p->nb = y->n;
    p->mean_a = mean_a;
    p->mean_b = mean_b;
    if (x->m.finite && y->m.finite) {
        double ties, u = mwu ? mwu[0] : slant_mwu_u_sorted(x->s, x->n, y->s, y->n, &ties);
        if (mwu)
            ties = mwu[1];
        p->mwu_method = slant_mann_whitney_auto_ties(x->n, y->n, ties);
        slant_mann_whitney_u(u, ties, x->n, y->n, p->mwu_method, &p->mwu);
        p->delta = slant_cliffs_delta_u(u, x->n, y->n);
    } else {
        p->mwu_method = slant_mann_whitney_auto(x->v, x->n, y->v, y->n);
        slant_mann_whitney(x->v, x->n, y->v, y->n, p->mwu_method, &p->mwu);
        p->delta = slant_cliffs_delta(x->v, x->n, y->v, y->n);
    }
    p->delta_low = p->delta_high = NAN;
    if (!isnan(p->mwu.statistic))
        slant_cliffs_delta_ci(p->mwu.statistic, x->n, y->n, c->opts.level, &p->delta_low,
                              &p->delta_high);
    if (x->n < SLANT_SMALL_N || y->n < SLANT_SMALL_N)
        p->flags |= SLANT_PAIR_SMALL_N;
    /* no mean test on a group of constant values: its variance 0 would make Welch's t
     * the other group's alone (one outlet's 2 articles without a match: t = -79) */
    if (x->m.var == 0.0 || y->m.var == 0.0)
        p->flags |= SLANT_PAIR_ZERO_VARIANCE;
    p->diff_low = p->diff_high = NAN;
    if (p->flags & SLANT_PAIR_ZERO_VARIANCE) {
        p->welch.statistic = p->welch.df = p->welch.df2 = p->welch.p = NAN;
    } else {
        slant_welch_t_moments(&x->m, &y->m, &p->welch);
        slant_mean_diff_ci(&x->m, &y->m, c->opts.level, &p->diff_low, &p->diff_high);
    }
    slant_hedges_g_moments(&x->m, &y->m, c->opts.level, &p->g, &p->g_low, &p->g_high);
    p->perm_p = NAN;
    if (c->opts.permutations && !(p->flags & SLANT_PAIR_ZERO_VARIANCE))
        slant_permutation_welch_t(x->v, x->n, y->v, y->n, c->opts.permutations, c->opts.seed,
                                  &p->perm_p);
    p->cluster.diff = p->cluster.se = p->cluster.t = p->cluster.df = p->cluster.p = NAN;
    p->cluster.lo = p->cluster.hi = NAN;
    p->cluster_q = NAN;
    p->rr = p->rr_low = p->rr_high = p->rr_p = p->rr_q = NAN;
}

int slant_cmp_pair_called(const slant_cmp_pair *p, double alpha)
{
    return (p->flags & SLANT_PAIR_CLUSTERED) ? p->cluster_q < alpha : p->mwu_q < alpha;
}

const char *slant_cmp_pair_flags(unsigned flags)
{
    switch (flags & (SLANT_PAIR_SMALL_N | SLANT_PAIR_ZERO_VARIANCE)) { /* not CLUSTERED */
    case SLANT_PAIR_SMALL_N: return "small_n";
    case SLANT_PAIR_ZERO_VARIANCE: return "zero_variance";
    case SLANT_PAIR_SMALL_N | SLANT_PAIR_ZERO_VARIANCE: return "small_n zero_variance";
    default: return "";
    }
}

/* The mean of group k's column, from its summary (summarize() ran first). */
static double group_mean(const slant_comparison *c, size_t k, size_t i)
{
    return c->summaries[k * c->nindicators + i].s.mean;
}

/* The cluster-robust mean difference of group column k (a) against column l (b), or,
 * for l == SIZE_MAX, against every other compared group (with clusters only). */
static void cluster_pair(const slant_comparison *c, slant_cmp_pair *p, size_t k, size_t l,
                         work *w)
{
    size_t n = 0;
    if (l == SIZE_MAX) {
        for (size_t i = 0; i < w->nvalues; i++) {
            w->pv[n] = w->values[i];
            w->pa[n] = w->slot[i] == k;
            w->pc[n++] = w->cluster[i];
        }
    } else {
        const column *x = &w->cols[k], *y = &w->cols[l];
        for (size_t i = 0; i < x->n; i++, n++) {
            w->pv[n] = x->v[i];
            w->pa[n] = 1;
            w->pc[n] = x->cl[i];
        }
        for (size_t i = 0; i < y->n; i++, n++) {
            w->pv[n] = y->v[i];
            w->pa[n] = 0;
            w->pc[n] = y->cl[i];
        }
    }
    slant_cluster_mean_diff(w->pv, w->pa, w->pc, n, c->opts.cluster_ids, c->opts.level,
                            &p->cluster);
    p->flags |= SLANT_PAIR_CLUSTERED;
}

/* The pairs of one indicator: every pair, or each group against the rest. */
static void pairs(slant_comparison *c, size_t i, work *w)
{
    if (c->opts.pairs == SLANT_PAIRS_NONE)
        return;
    size_t k = c->ngroups, per = c->vs_rest ? k : k * (k - 1) / 2;
    slant_cmp_pair *p = &c->pairs[i * per];
    size_t ind = c->indicators[i];
    int finite = w->finite;
    if (!c->vs_rest) {
        for (size_t a = 0; a < k; a++) {
            for (size_t b = a + 1; b < k; b++) {
                double mwu[2] = { w->u[a * k + b], w->ties[a * k + b] };
                compare_pair(c, p, c->groups[a], c->groups[b], ind, &w->cols[a], &w->cols[b],
                             group_mean(c, a, i), group_mean(c, b, i), finite ? mwu : NULL);
                if (c->opts.cluster)
                    cluster_pair(c, p, a, b, w);
                p++;
            }
        }
        return;
    }
    slant_merge_sorted(w->sorted, w->ns, k, w->pooled); /* for build_rest */
    for (size_t a = 0; a < k; a++) {
        build_rest(a, w);
        /* the mean as slant_summary_of gives it: over the sorted values (undefined
         * when one is not finite) */
        double rest_mean = w->rest.m.finite ? slant_mean_of(w->rest.s, w->rest.n) : NAN;
        /* U against the rest is the sum of U against each other group (exact) */
        double mwu[2] = { 0.0, w->all_ties };
        for (size_t b = 0; b < k; b++)
            if (b != a)
                mwu[0] += w->u[a * k + b];
        compare_pair(c, p, c->groups[a], SLANT_REST, ind, &w->cols[a], &w->rest,
                     group_mean(c, a, i), rest_mean, finite ? mwu : NULL);
        if (c->opts.cluster)
            cluster_pair(c, p, a, SIZE_MAX, w);
        p++;
    }
}

/* --- within events ----------------------------------------------------------------------- */

/* Every compared group's mean value per event (NAN where it has none), summed in row
 * order: w->event_sum[k * events + e]. */
static void event_means(const slant_comparison *c, work *w)
{
    size_t ne = slant_dataset_nevents(c->ds);
    for (size_t j = 0; j < c->ngroups * ne; j++)
        w->event_sum[j] = w->event_count[j] = 0;
    for (size_t i = 0; i < w->nvalues; i++) {
        if (w->event[i] == UINT32_MAX)
            continue;
        size_t j = w->slot[i] * ne + w->event[i];
        w->event_sum[j] += w->values[i];
        w->event_count[j] += 1;
    }
    for (size_t j = 0; j < c->ngroups * ne; j++)
        w->event_sum[j] = w->event_count[j] ? w->event_sum[j] / w->event_count[j] : NAN;
}

static void within_events(slant_comparison *c, size_t i, work *w)
{
    if (!c->paired)
        return;
    size_t ne = slant_dataset_nevents(c->ds);
    size_t all_pairs = c->ngroups * (c->ngroups - 1) / 2;
    slant_cmp_paired *p = &c->paired[i * all_pairs];
    size_t ind = c->indicators[i];
    event_means(c, w);
    double *x = w->ex, *y = w->ey;
    for (size_t k = 0; k < c->ngroups; k++) {
        const double *ma = w->event_sum + k * ne;
        for (size_t l = k + 1; l < c->ngroups; l++) {
            const double *mb = w->event_sum + l * ne;
            size_t n = 0;
            double diff = 0;
            for (size_t e = 0; e < ne; e++) {
                if (isnan(ma[e]) || isnan(mb[e]))
                    continue;
                x[n] = ma[e];
                y[n] = mb[e];
                diff += ma[e] - mb[e];
                n++;
            }
            memset(p, 0, sizeof *p);
            p->a = c->groups[k];
            p->b = c->groups[l];
            p->indicator = ind;
            p->events = n;
            p->mean_diff = n ? diff / (double)n : NAN;
            slant_paired_t(x, y, n, &p->paired_t);
            p->wilcoxon_method = slant_wilcoxon_auto(x, y, n);
            slant_wilcoxon(x, y, n, p->wilcoxon_method, &p->wilcoxon);
            /* the t interval of the mean difference (the paired t's); the differences
             * go in x's place, which the tests no longer need */
            p->diff_low = p->diff_high = NAN;
            for (size_t e = 0; e < n; e++)
                x[e] -= y[e];
            slant_summary d;
            if (slant_summary_of(x, n, c->opts.level, &d) == 0) {
                p->diff_low = d.ci_low;
                p->diff_high = d.ci_high;
            }
            p++;
        }
    }
}

/* --- the count model ---------------------------------------------------------------------- */

/*
 * The count model of indicator i (a rate): each compared article's count from its rate
 * and words, one fit (countmodel.h), and the rate ratio of every pair of groups from it.
 * One more pass over the rows; the fit's steps are passes over the counts.
 */
static void count_model(slant_comparison *c, size_t i, const uint32_t *slots, work *w)
{
    slant_cmp_count_model *cm = &c->count_models[i];
    size_t ind = c->indicators[i];
    cm->indicator = ind;
    cm->reference = c->groups[0];
    cm->group_p = cm->group_q = NAN;
    slant_nb_model_init(&cm->m);
    cm->counts = slant_indicator_unit(slant_dataset_indicator_name(c->ds, ind)) ==
                 SLANT_UNIT_RATE;
    if (!cm->counts)
        return;
    size_t n = 0, rows = slant_dataset_nrows(c->ds);
    int counts = 1;
    for (size_t r = 0; r < rows; r++) {
        const slant_row *row = slant_dataset_row(c->ds, r);
        uint32_t k = slots[row->group];
        double v = row->values[ind];
        if (k == UINT32_MAX || isnan(v))
            continue;
        cm->articles++;
        if (!counts || slant_nb_count_of_rate(v, row->tokens, &w->nb_y[n]) != 0) {
            counts = 0;
            continue;
        }
        w->nb_t[n] = row->tokens;
        w->nb_g[n] = k;
        if (w->nb_s)
            w->nb_s[n] = c->opts.stratum[r];
        if (w->nb_c)
            w->nb_c[n] = c->opts.cluster[r];
        n++;
    }
    if (!counts) {
        cm->status = "not_counts";
        return;
    }
    slant_nb_data d = { w->nb_y, w->nb_t, w->nb_g, c->ngroups, w->nb_s, c->opts.nstrata,
                        w->nb_c, c->opts.cluster_ids, n };
    cm->status = slant_nb_status_name(slant_nb_fit(&d, NULL, &cm->m));
    cm->group_p = cm->m.robust ? cm->m.wald_p : cm->m.lr_p;
    if (c->opts.pairs == SLANT_PAIRS_NONE)
        return;
    size_t k = c->ngroups;
    if (c->vs_rest) { /* not a contrast of this model: the quasi-Poisson ratio (countmodel.h) */
        slant_nb_ratio *vs = xmalloc(k * sizeof *vs);
        slant_qp_rate_ratios_vs_rest(&d, c->opts.level, vs);
        for (slant_cmp_pair *p = &c->pairs[i * k]; p < &c->pairs[(i + 1) * k]; p++) {
            const slant_nb_ratio *r = &vs[slots[p->a]];
            p->rr = r->ratio;
            p->rr_low = r->low;
            p->rr_high = r->high;
            p->rr_p = r->p;
        }
        free(vs);
        return;
    }
    slant_cmp_pair *p = &c->pairs[i * (k * (k - 1) / 2)];
    for (size_t a = 0; a < k; a++)
        for (size_t b = a + 1; b < k; b++, p++) {
            slant_nb_ratio r;
            slant_nb_rate_ratio(&cm->m, a, b, c->opts.level, &r);
            p->rr = r.ratio;
            p->rr_low = r.low;
            p->rr_high = r.high;
            p->rr_p = r.p;
        }
}

/* --- indicators on threads ----------------------------------------------------------------- */

/* Sizes the result arrays of the per-indicator work, so that each indicator's results
 * have their slots before any is computed. */
static void allocate_slots(slant_comparison *c)
{
    size_t ni = c->nindicators, all_pairs = c->ngroups * (c->ngroups - 1) / 2;
    c->summaries = xcalloc(c->ngroups * ni + 1, sizeof *c->summaries);
    c->nsummaries = c->ngroups * ni;
    c->omnibus = xcalloc(ni + 1, sizeof *c->omnibus);
    c->nomnibus = ni;
    if (c->opts.pairs != SLANT_PAIRS_NONE) {
        c->vs_rest = c->opts.pairs == SLANT_PAIRS_VS_REST || all_pairs > c->opts.max_pairs;
        size_t per = c->vs_rest ? c->ngroups : all_pairs;
        c->pairs = xcalloc(per * ni + 1, sizeof *c->pairs);
        c->npairs = per * ni;
    }
    if (c->opts.count_model)
        c->count_models = xcalloc(ni + 1, sizeof *c->count_models);
    size_t ne = slant_dataset_nevents(c->ds);
    c->has_events = ne > 0;
    /* within events needs real pairs: not when there are too many of them */
    if (ne && c->opts.pairs != SLANT_PAIRS_NONE && all_pairs <= c->opts.max_pairs) {
        c->paired = xcalloc(all_pairs * ni + 1, sizeof *c->paired);
        c->npaired = all_pairs * ni;
    }
    if (c->opts.strata) {
        c->stratified = xcalloc(c->npairs + 1, sizeof *c->stratified);
        c->adjusted = xcalloc(c->ngroups * ni + 1, sizeof *c->adjusted);
        c->nadjusted = c->ngroups * ni;
    }
}

typedef struct {
    slant_comparison *c;
    const uint32_t *slots;
    size_t next;                /* the next indicator to take */
    size_t done;                /* indicators finished (for progress) */
    pthread_mutex_t lock;
} indicator_queue;

static void *indicator_worker(void *arg)
{
    indicator_queue *q = arg;
    slant_comparison *c = q->c;
    work w;
    work_init(&w, c);
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t i = q->next < c->nindicators ? q->next++ : SIZE_MAX;
        pthread_mutex_unlock(&q->lock);
        if (i == SIZE_MAX)
            break;
        build_columns(c, q->slots, c->indicators[i], &w);
        summarize(c, i, &w);
        omnibus(c, i, &w);
        pairs(c, i, &w);
        if (c->count_models)
            count_model(c, i, q->slots, &w);
        within_events(c, i, &w);
        if (c->opts.strata)
            slant_cmp_within_strata(c, i, q->slots);
        pthread_mutex_lock(&q->lock); /* one progress call at a time (progress.h) */
        q->done++;
        slant_progress_report(&c->opts.progress, "statistics", q->done, c->nindicators);
        pthread_mutex_unlock(&q->lock);
    }
    work_release(&w);
    return NULL;
}

/* Every indicator's summaries, omnibus tests, pairs and paired tests, on up to
 * opts.threads threads (the calling thread among them). */
void slant_cmp_per_indicator(slant_comparison *c)
{
    allocate_slots(c);
    indicator_queue q;
    q.c = c;
    uint32_t *slots = slant_cmp_group_slots(c);
    q.slots = slots;
    q.next = 0;
    q.done = 0;
    pthread_mutex_init(&q.lock, NULL);
    slant_progress_report(&c->opts.progress, "statistics", 0, c->nindicators);
    size_t threads = c->opts.threads;
    slant_parallel_run(threads < c->nindicators ? threads : c->nindicators, indicator_worker,
                       &q);
    pthread_mutex_destroy(&q.lock);
    free(slots);
}
