#include "compare.h"

#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "ranks.h"
#include "trend.h"
#include "strata.h"
#include "xalloc.h"

/* --- picking groups and indicators --------------------------------------------------- */

static int pick_groups(slant_comparison *c, slant_error *err)
{
    const slant_dataset *ds = c->ds;
    size_t n = slant_dataset_ngroups(ds);
    c->groups = xcalloc(n ? n : 1, sizeof *c->groups);
    c->left_out = xcalloc(n ? n : 1, sizeof *c->left_out);
    for (size_t g = 0; g < n; g++) {
        if (slant_dataset_group_at(ds, g)->articles >= c->opts.min_n)
            c->groups[c->ngroups++] = g;
        else
            c->left_out[c->nleft_out++] = g;
    }
    if (c->ngroups < 2) {
        slant_error_set(err, SLANT_ERR_INPUT, NULL, 0, 0,
                        "nothing to compare: %zu group%s with at least %zu article%s "
                        "(--by chooses the grouping field, --min-n the smallest group)",
                        c->ngroups, c->ngroups == 1 ? "" : "s", c->opts.min_n,
                        c->opts.min_n == 1 ? "" : "s");
        return -1;
    }
    return 0;
}

static int pick_indicators(slant_comparison *c, slant_error *err)
{
    const slant_dataset *ds = c->ds;
    size_t all = slant_dataset_nindicators(ds);
    c->indicators = xcalloc(all ? all : 1, sizeof *c->indicators);
    if (!c->opts.indicators) {
        /* The leading indicators (the loaded-language index) first, though records without
         * them came first; then the others in dataset order. */
        for (int leading = 1; leading >= 0; leading--)
            for (size_t i = 0; i < all; i++)
                if (slant_indicator_leads(slant_dataset_indicator_name(ds, i)) == leading)
                    c->indicators[c->nindicators++] = i;
        return 0;
    }
    for (size_t k = 0; k < c->opts.nindicators; k++) {
        size_t i = 0;
        while (i < all && strcmp(slant_dataset_indicator_name(ds, i), c->opts.indicators[k]))
            i++;
        if (i == all) {
            slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0,
                            "unknown indicator '%s' (the lexicon's category ids and "
                            "quote_share)",
                            c->opts.indicators[k]);
            return -1;
        }
        if (c->nindicators < all)
            c->indicators[c->nindicators++] = i;
    }
    return 0;
}

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

/* Which position in c->groups each dataset group has, or UINT32_MAX when it is not
 * compared. Caller frees. */
static uint32_t *group_slots(const slant_comparison *c)
{
    size_t n = slant_dataset_ngroups(c->ds);
    uint32_t *slot = xmalloc((n ? n : 1) * sizeof *slot);
    for (size_t g = 0; g < n; g++)
        slot[g] = UINT32_MAX;
    for (size_t k = 0; k < c->ngroups; k++)
        slot[c->groups[k]] = (uint32_t)k;
    return slot;
}

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

/* --- within strata ------------------------------------------------------------------------ */

slant_strata_verdict slant_cmp_strata_verdict(const slant_cmp_pair *p,
                                              const slant_cmp_stratified *s, double alpha)
{
    int crude = slant_cmp_pair_called(p, alpha), within = s->q < alpha;
    if (crude && within)
        return fabs(s->adj_diff) < 0.5 * fabs(s->crude_diff) ? SLANT_STRATA_SHRINKS
                                                             : SLANT_STRATA_HOLDS;
    if (crude)
        return isnan(s->p) ? SLANT_STRATA_UNTESTED : SLANT_STRATA_VANISHES;
    return within ? SLANT_STRATA_APPEARS : SLANT_STRATA_NONE;
}

const char *slant_strata_verdict_name(slant_strata_verdict v)
{
    switch (v) {
    case SLANT_STRATA_HOLDS: return "holds";
    case SLANT_STRATA_SHRINKS: return "shrinks";
    case SLANT_STRATA_VANISHES: return "vanishes";
    case SLANT_STRATA_APPEARS: return "appears";
    case SLANT_STRATA_UNTESTED: return "untested";
    case SLANT_STRATA_NONE: break;
    }
    return "none";
}

/* The compared groups' articles per stratum, and those without one. */
static void stratum_counts(slant_comparison *c)
{
    c->nstrata = slant_dataset_nstrata(c->ds);
    c->stratum_counts = xcalloc(c->ngroups * c->nstrata + 1, sizeof *c->stratum_counts);
    uint32_t *slots = group_slots(c);
    for (size_t r = 0; r < slant_dataset_nrows(c->ds); r++) {
        const slant_row *row = slant_dataset_row(c->ds, r);
        uint32_t k = slots[row->group];
        if (k == UINT32_MAX)
            continue;
        if (row->stratum == UINT32_MAX)
            c->strata_missing++;
        else
            c->stratum_counts[k * c->nstrata + row->stratum]++;
    }
    free(slots);
}

/*
 * Indicator i within strata: the fit of all compared groups (their adjusted means, and
 * every pair's adjusted difference), or per group the fit of the group against the rest;
 * van Elteren's test per pair. Over the rows of compared groups with a stratum and a
 * defined value, in row order.
 */
static void within_strata(slant_comparison *c, size_t i, const uint32_t *slots)
{
    const slant_dataset *ds = c->ds;
    size_t ind = c->indicators[i], rows = slant_dataset_nrows(ds), n = 0;
    double *v = xmalloc((rows ? rows : 1) * sizeof *v);
    uint32_t *slot = xmalloc((rows ? rows : 1) * sizeof *slot);
    uint32_t *stratum = xmalloc((rows ? rows : 1) * sizeof *stratum);
    uint32_t *side32 = xmalloc((rows ? rows : 1) * sizeof *side32);
    uint32_t *cl = c->opts.cluster ? xmalloc((rows ? rows : 1) * sizeof *cl) : NULL;
    unsigned char *side = xmalloc(rows ? rows : 1);
    for (size_t r = 0; r < rows; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (slots[row->group] == UINT32_MAX || row->stratum == UINT32_MAX ||
            isnan(row->values[ind]))
            continue;
        v[n] = row->values[ind];
        slot[n] = slots[row->group];
        if (cl)
            cl[n] = c->opts.cluster[r];
        stratum[n++] = row->stratum;
    }
    /* with clusters, CR1 standard errors (as the pairs' cluster-robust t) */
    slant_ols_fe fit;
    if (cl)
        slant_ols_fe_fit_clustered(v, slot, stratum, cl, c->opts.cluster_ids, n, c->ngroups,
                                   c->nstrata, &fit);
    else
        slant_ols_fe_fit(v, slot, stratum, n, c->ngroups, c->nstrata, &fit);
    for (size_t k = 0; k < c->ngroups; k++) {
        slant_cmp_adjusted *x = &c->adjusted[k * c->nindicators + i];
        x->group = c->groups[k];
        x->indicator = ind;
        x->mean = fit.adj_mean[k];
        slant_ols_fe_mean_ci(&fit, k, c->opts.level, &x->low, &x->high);
        for (size_t j = 0; j < n; j++)
            x->n += slot[j] == k;
    }
    size_t per = c->vs_rest ? c->ngroups : c->ngroups * (c->ngroups - 1) / 2;
    for (size_t k = 0; k < per && c->npairs; k++) {
        const slant_cmp_pair *p = &c->pairs[i * per + k];
        slant_cmp_stratified *s = &c->stratified[i * per + k];
        uint32_t a = slots[p->a], b = p->b == SLANT_REST ? UINT32_MAX : slots[p->b];
        for (size_t j = 0; j < n; j++) {
            side[j] = slot[j] == a ? 0 : (b == UINT32_MAX || slot[j] == b) ? 1 : 2;
            side32[j] = side[j] < 2 ? side[j] : UINT32_MAX;
        }
        slant_van_elteren_test ve;
        slant_van_elteren(v, side, stratum, n, c->nstrata, &ve);
        slant_ols_contrast ct;
        if (b == UINT32_MAX) {
            slant_ols_fe rest;
            if (cl)
                slant_ols_fe_fit_clustered(v, side32, stratum, cl, c->opts.cluster_ids, n, 2,
                                           c->nstrata, &rest);
            else
                slant_ols_fe_fit(v, side32, stratum, n, 2, c->nstrata, &rest);
            slant_ols_fe_contrast(&rest, 0, 1, c->opts.level, &ct);
            slant_ols_fe_release(&rest);
        } else {
            slant_ols_fe_contrast(&fit, a, b, c->opts.level, &ct);
        }
        s->a = p->a;
        s->b = p->b;
        s->indicator = ind;
        s->strata = ve.strata;
        s->na = ve.na;
        s->nb = ve.nb;
        s->z = ve.z;
        s->p = ve.p;
        s->crude_diff = p->mean_a - p->mean_b;
        s->adj_diff = ct.diff;
        s->adj_se = ct.se;
        s->adj_t = ct.t;
        s->adj_df = ct.df;
        s->adj_p = ct.p;
        s->adj_low = ct.lo;
        s->adj_high = ct.hi;
    }
    slant_ols_fe_release(&fit);
    free(v);
    free(slot);
    free(stratum);
    free(side32);
    free(cl);
    free(side);
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
            within_strata(c, i, q->slots);
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
static void per_indicator(slant_comparison *c)
{
    allocate_slots(c);
    indicator_queue q;
    q.c = c;
    uint32_t *slots = group_slots(c);
    q.slots = slots;
    q.next = 0;
    q.done = 0;
    pthread_mutex_init(&q.lock, NULL);
    slant_progress_report(&c->opts.progress, "statistics", 0, c->nindicators);
    size_t want = c->opts.threads > 1 ? c->opts.threads : 1;
    if (want > c->nindicators)
        want = c->nindicators ? c->nindicators : 1;
    pthread_t *extra = xmalloc(want * sizeof *extra);
    size_t started = 0;
    for (size_t t = 1; t < want; t++) {
        if (pthread_create(&extra[started], NULL, indicator_worker, &q) != 0)
            break; /* fewer threads: the same results, later */
        started++;
    }
    indicator_worker(&q);
    for (size_t t = 0; t < started; t++)
        pthread_join(extra[t], NULL);
    free(extra);
    pthread_mutex_destroy(&q.lock);
    free(slots);
}

/* --- terms ------------------------------------------------------------------------------- */

/* The totals over the compared groups that pooled() takes the rest from. Counts and
 * words are integers, so the difference is exact (the sum of the others, as before). */
static void entry_totals(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->entry_totals = xcalloc(ne + 1, sizeof *c->entry_totals);
    c->entry_articles = xcalloc(ne + 1, sizeof *c->entry_articles);
    c->words_total = c->articles_total = 0;
    for (size_t k = 0; k < c->ngroups; k++) {
        const slant_group *x = slant_dataset_group_at(c->ds, c->groups[k]);
        for (size_t e = 0; e < ne; e++) {
            c->entry_totals[e] += x->entry_counts[e];
            c->entry_articles[e] += x->entry_articles[e];
        }
        c->words_total += x->tokens;
        c->articles_total += (double)x->articles;
    }
}

/* Articles with the entry and articles of a group, or of every other compared group. */
static void pooled_articles(const slant_comparison *c, size_t g, int rest, size_t entry,
                            double *df, double *articles)
{
    const slant_group *x = slant_dataset_group_at(c->ds, g);
    *df = rest ? c->entry_articles[entry] - x->entry_articles[entry] : x->entry_articles[entry];
    *articles = rest ? c->articles_total - (double)x->articles : (double)x->articles;
}

/* Entry counts and words of a group, or of every other compared group for rest: constant
 * time (a pair used to cost a pass over the groups per entry). */
static void pooled(const slant_comparison *c, size_t g, int rest, size_t entry, double *count,
                   double *words)
{
    const slant_group *x = slant_dataset_group_at(c->ds, g);
    *count = rest ? c->entry_totals[entry] - x->entry_counts[entry] : x->entry_counts[entry];
    *words = rest ? c->words_total - x->tokens : x->tokens;
}

static void keyness_against(slant_comparison *c, size_t g, size_t ref)
{
    size_t ne = slant_dataset_nentries(c->ds);
    for (size_t e = 0; e < ne; e++) {
        slant_entry_key_kind kind = slant_dataset_entry_info(c->ds, e)->kind;
        if (kind == SLANT_ENTRY_ACTOR || kind == SLANT_ENTRY_CONCEPT)
            continue; /* actor framing and a concept's totals, not terms */
        double a, b, words_a, words_b;
        pooled(c, g, 0, e, &a, &words_a);
        if (ref == SLANT_REST)
            pooled(c, g, 1, e, &b, &words_b);
        else
            pooled(c, ref, 0, e, &b, &words_b);
        if (a + b == 0)
            continue;
        slant_cmp_term *t = &c->terms[c->nterms++];
        memset(t, 0, sizeof *t);
        t->group = g;
        t->reference = ref;
        t->entry = e;
        t->a = a;
        t->b = b;
        t->c = words_a;
        t->d = words_b;
        slant_keyness_of(a, b, words_a, words_b, c->opts.level, &t->k);
        t->p = isnan(t->k.fisher_p) ? t->k.g2_p : t->k.fisher_p;
        pooled_articles(c, g, 0, e, &t->df_a, &t->articles_a);
        if (ref == SLANT_REST)
            pooled_articles(c, g, 1, e, &t->df_b, &t->articles_b);
        else
            pooled_articles(c, ref, 0, e, &t->df_b, &t->articles_b);
        /* articles with the term against articles without, group against reference: the
         * same 2x2 as the pooled test with articles for words */
        slant_keyness_of(t->df_a, t->df_b, t->articles_a, t->articles_b, c->opts.level, &t->art);
        t->art_p = isnan(t->art.fisher_p) ? t->art.g2_p : t->art.fisher_p;
    }
}

static void keyness(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->has_entries = ne > 0;
    if (!ne)
        return;
    size_t all_pairs = c->ngroups * (c->ngroups - 1) / 2;
    int pairwise = !c->vs_rest && c->opts.pairs != SLANT_PAIRS_NONE;
    if (pairwise && all_pairs * ne > SLANT_KEYNESS_MAX_PAIR_ROWS) {
        pairwise = 0;
        c->keyness_pairs_capped = 1;
    }
    size_t refs = c->ngroups + (pairwise ? all_pairs : 0);
    c->terms = xcalloc(refs * ne, sizeof *c->terms);
    for (size_t k = 0; k < c->ngroups; k++)
        keyness_against(c, c->groups[k], SLANT_REST);
    c->nterms_rest = c->nterms;
    if (!pairwise)
        return;
    for (size_t k = 0; k < c->ngroups; k++)
        for (size_t l = k + 1; l < c->ngroups; l++)
            keyness_against(c, c->groups[k], c->groups[l]);
}

/* The entries of a category indicator are its terms. */
static int entry_in(const slant_entry_key *entry, const char *category)
{
    return entry->kind == SLANT_ENTRY_TERM && entry->name && !strcmp(entry->owner, category);
}

static void drivers(slant_comparison *c)
{
    if (!c->has_entries || !c->npairs)
        return;
    size_t ne = slant_dataset_nentries(c->ds);
    c->drivers = xcalloc(c->npairs * ne, sizeof *c->drivers);
    for (size_t p = 0; p < c->npairs; p++) {
        const slant_cmp_pair *pr = &c->pairs[p];
        const char *cat = slant_dataset_indicator_name(c->ds, pr->indicator);
        for (size_t e = 0; e < ne; e++) {
            if (!entry_in(slant_dataset_entry_info(c->ds, e), cat))
                continue;
            double a, b, wa, wb;
            pooled(c, pr->a, 0, e, &a, &wa);
            if (pr->b == SLANT_REST)
                pooled(c, pr->a, 1, e, &b, &wb);
            else
                pooled(c, pr->b, 0, e, &b, &wb);
            if (a + b == 0)
                continue;
            slant_cmp_driver *d = &c->drivers[c->ndrivers++];
            d->a = pr->a;
            d->b = pr->b;
            d->indicator = pr->indicator;
            d->entry = e;
            d->rate_a = wa > 0 ? 1000.0 * a / wa : NAN;
            d->rate_b = wb > 0 ? 1000.0 * b / wb : NAN;
        }
    }
}

/* --- contested concepts ----------------------------------------------------------------- */

/* The concept of a variant entry (a contested concept's), with its length, or 0. */
static size_t concept_of(const slant_entry_key *key, const char **concept)
{
    if (key->kind != SLANT_ENTRY_VARIANT)
        return 0;
    *concept = key->owner;
    return strlen(key->owner);
}

/* The articles of the compared groups that use a concept: its totals entry's articles
 * (the dataset counts an article with two variants once). */
static double concept_articles(const slant_comparison *c, const char *concept, size_t len)
{
    for (size_t e = 0; e < slant_dataset_nentries(c->ds); e++) {
        const slant_entry_key *key = slant_dataset_entry_info(c->ds, e);
        if (key->kind == SLANT_ENTRY_CONCEPT && strlen(key->owner) == len &&
            !memcmp(key->owner, concept, len))
            return c->entry_articles[e];
    }
    return 0;
}

static void contested_concept(slant_comparison *c, const char *concept, size_t len,
                              const size_t *entries, size_t nentries)
{
    double articles = concept_articles(c, concept, len);
    if (c->opts.min_df > 1 && articles < (double)c->opts.min_df) {
        /* too few articles to say who calls it what: named with its articles, not tested */
        slant_cmp_concept *x = &c->rare_concepts[c->nrare_concepts++];
        x->concept = xmemdup(concept, len);
        x->articles = articles;
        x->chi2.statistic = x->chi2.df = x->chi2.p = x->chi2_q = x->cramers_v = NAN;
        return;
    }
    double *table = xcalloc(c->ngroups * nentries, sizeof *table);
    for (size_t k = 0; k < c->ngroups; k++) {
        const slant_group *g = slant_dataset_group_at(c->ds, c->groups[k]);
        double total = 0;
        for (size_t v = 0; v < nentries; v++)
            total += table[k * nentries + v] = g->entry_counts[entries[v]];
        for (size_t v = 0; v < nentries && total > 0; v++) {
            slant_cmp_share *s = &c->shares[c->nshares++];
            s->group = c->groups[k];
            s->entry = entries[v];
            s->count = table[k * nentries + v];
            s->share = s->count / total;
            slant_wilson_ci(s->count, total, c->opts.level, &s->share_low, &s->share_high);
        }
    }
    slant_cmp_concept *x = &c->concepts[c->nconcepts++];
    x->concept = xmemdup(concept, len);
    x->articles = articles;
    for (size_t k = 0; k < c->ngroups; k++) {
        double row = 0;
        for (size_t v = 0; v < nentries; v++)
            row += table[k * nentries + v];
        x->groups += row > 0;
    }
    for (size_t v = 0; v < nentries; v++) {
        double col = 0;
        for (size_t k = 0; k < c->ngroups; k++)
            col += table[k * nentries + v];
        x->variants += col > 0;
    }
    if (slant_chi2_contingency(table, c->ngroups, nentries, &x->chi2) != 0)
        x->chi2.statistic = x->chi2.df = x->chi2.p = NAN;
    double all = 0;
    for (size_t k = 0; k < c->ngroups * nentries; k++)
        all += table[k];
    x->cramers_v = slant_cramers_v(x->chi2.statistic, all, x->groups, x->variants);
    free(table);
}

static void contested(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->shares = xcalloc(ne * c->ngroups + 1, sizeof *c->shares);
    c->concepts = xcalloc(ne + 1, sizeof *c->concepts);
    c->rare_concepts = xcalloc(ne + 1, sizeof *c->rare_concepts);
    size_t *entries = xmalloc((ne + 1) * sizeof *entries);
    char *done = xcalloc(ne + 1, 1);
    for (size_t e = 0; e < ne; e++) {
        const char *concept;
        size_t len = concept_of(slant_dataset_entry_info(c->ds, e), &concept);
        if (!len || done[e])
            continue;
        size_t n = 0;
        for (size_t f = e; f < ne; f++) { /* every variant of this concept */
            const char *other;
            size_t olen = concept_of(slant_dataset_entry_info(c->ds, f), &other);
            if (olen == len && memcmp(other, concept, len) == 0) {
                entries[n++] = f;
                done[f] = 1;
            }
        }
        contested_concept(c, concept, len, entries, n);
    }
    free(entries);
    free(done);
}

/* --- multiple comparisons --------------------------------------------------------------- */

/* Corrects the p-values at `p` (stride bytes apart) into `q`, as one named family. */
static void correct(slant_comparison *c, const char *name, const char *what, size_t n,
                    const double *p, size_t pstride, double *q, size_t qstride)
{
    if (!n)
        return;
    double *pv = xmalloc(n * sizeof *pv), *qv = xmalloc(n * sizeof *qv);
    size_t defined = 0;
    for (size_t k = 0; k < n; k++) {
        pv[k] = *(const double *)(const void *)((const char *)p + k * pstride);
        defined += !isnan(pv[k]);
    }
    if (c->opts.correction == SLANT_CORRECT_HOLM)
        slant_holm(pv, n, qv);
    else
        slant_bh(pv, n, qv);
    for (size_t k = 0; k < n; k++)
        *(double *)(void *)((char *)q + k * qstride) = qv[k];
    free(pv);
    free(qv);
    slant_cmp_family *f = &c->families[c->nfamilies++];
    f->name = name;
    f->what = what;
    f->tests = defined;
}

static void corrections(slant_comparison *c)
{
    correct(c, "omnibus/kruskal_wallis", "Kruskal-Wallis tests, one per indicator",
            c->nomnibus, &c->omnibus[0].kruskal.p, sizeof *c->omnibus,
            &c->omnibus[0].kruskal_q, sizeof *c->omnibus);
    correct(c, "omnibus/welch_anova", "Welch's ANOVA, one per indicator", c->nomnibus,
            &c->omnibus[0].welch.p, sizeof *c->omnibus, &c->omnibus[0].welch_q,
            sizeof *c->omnibus);
    if (c->npairs) {
        if (c->opts.cluster)
            correct(c, "pairs/cluster_t",
                    "primary: cluster-robust t tests of the mean difference, every pair and "
                    "indicator (a difference is called on this family's q alone)",
                    c->npairs, &c->pairs[0].cluster.p, sizeof *c->pairs,
                    &c->pairs[0].cluster_q, sizeof *c->pairs);
        correct(c, "pairs/mann_whitney",
                c->opts.cluster ? "secondary: Mann-Whitney U tests, every pair and indicator"
                                : "primary: Mann-Whitney U tests, every pair and indicator (a "
                                  "difference is called on this family's q alone)",
                c->npairs, &c->pairs[0].mwu.p, sizeof *c->pairs, &c->pairs[0].mwu_q,
                sizeof *c->pairs);
        correct(c, "pairs/welch_t",
                "secondary: Welch's t tests, every pair and indicator without a group of "
                "constant values",
                c->npairs, &c->pairs[0].welch.p, sizeof *c->pairs, &c->pairs[0].welch_q,
                sizeof *c->pairs);
        if (c->count_models && !c->vs_rest)
            correct(c, "pairs/nb_rate_ratio",
                    "secondary: rate ratios of the count model (negative binomial), every "
                    "pair and rate indicator",
                    c->npairs, &c->pairs[0].rr_p, sizeof *c->pairs, &c->pairs[0].rr_q,
                    sizeof *c->pairs);
        else if (c->count_models)
            correct(c, "pairs/qp_rate_ratio",
                    "secondary: rate ratios of each group against the rest (quasi-Poisson), "
                    "every group and rate indicator",
                    c->npairs, &c->pairs[0].rr_p, sizeof *c->pairs, &c->pairs[0].rr_q,
                    sizeof *c->pairs);
        if (c->opts.permutations)
            correct(c, "pairs/permutation",
                    "secondary: permutation tests of Welch's t, every pair and indicator",
                    c->npairs, &c->pairs[0].perm_p, sizeof *c->pairs, &c->pairs[0].perm_q,
                    sizeof *c->pairs);
        else
            for (size_t k = 0; k < c->npairs; k++)
                c->pairs[k].perm_q = NAN;
    }
    if (c->count_models)
        correct(c, "omnibus/nb_groups",
                c->opts.cluster ? "the count model's robust Wald test of the groups, one per "
                                  "rate indicator"
                                : "the count model's likelihood-ratio test of the groups, one "
                                  "per rate indicator",
                c->nindicators, &c->count_models[0].group_p, sizeof *c->count_models,
                &c->count_models[0].group_q, sizeof *c->count_models);
    if (c->npaired) {
        correct(c, "events/paired_t", "paired t tests within events, every pair and indicator",
                c->npaired, &c->paired[0].paired_t.p, sizeof *c->paired,
                &c->paired[0].paired_q, sizeof *c->paired);
        correct(c, "events/wilcoxon",
                "Wilcoxon signed-rank tests within events, every pair and indicator",
                c->npaired, &c->paired[0].wilcoxon.p, sizeof *c->paired,
                &c->paired[0].wilcoxon_q, sizeof *c->paired);
    }
    if (c->opts.strata && c->npairs) {
        correct(c, "strata/van_elteren",
                "van Elteren's stratified rank-sum tests, every pair and indicator (a "
                "difference is called within strata on this family's q)",
                c->npairs, &c->stratified[0].p, sizeof *c->stratified, &c->stratified[0].q,
                sizeof *c->stratified);
        correct(c, "strata/ols_fe",
                "t tests of the adjusted differences (OLS with stratum fixed effects), every "
                "pair and indicator",
                c->npairs, &c->stratified[0].adj_p, sizeof *c->stratified,
                &c->stratified[0].adj_q, sizeof *c->stratified);
    }
    if (c->nconcepts)
        correct(c, "contested/chi2", "chi-square tests of groups by variants, one per concept",
                c->nconcepts, &c->concepts[0].chi2.p, sizeof *c->concepts,
                &c->concepts[0].chi2_q, sizeof *c->concepts);
    /* keyness: Fisher's exact p where it was computed, else G²'s; each group against the
     * rest and the pairs of groups are two families (nested, and redundant with each
     * other: one family would grow with the square of the groups) */
    if (c->nterms_rest)
        correct(c, "keyness/vs_rest",
                "keyness of every term, each group against the rest (Fisher's exact p "
                "where an expected count is below 5, else log-likelihood)",
                c->nterms_rest, &c->terms[0].p, sizeof *c->terms, &c->terms[0].g2_q,
                sizeof *c->terms);
    if (c->nterms > c->nterms_rest)
        correct(c, "keyness/pairs",
                "keyness of every term, each pair of groups (Fisher's exact p where an "
                "expected count is below 5, else log-likelihood)",
                c->nterms - c->nterms_rest, &c->terms[c->nterms_rest].p, sizeof *c->terms,
                &c->terms[c->nterms_rest].g2_q, sizeof *c->terms);
    /* the article-level tests, beside the pooled ones: families of their own */
    if (c->nterms_rest)
        correct(c, "keyness/vs_rest_articles",
                "keyness of every term by articles, each group against the rest: articles "
                "with the term against articles without (Fisher's exact p where an expected "
                "count is below 5, else log-likelihood)",
                c->nterms_rest, &c->terms[0].art_p, sizeof *c->terms, &c->terms[0].art_q,
                sizeof *c->terms);
    if (c->nterms > c->nterms_rest)
        correct(c, "keyness/pairs_articles",
                "keyness of every term by articles, each pair of groups (Fisher's exact p "
                "where an expected count is below 5, else log-likelihood)",
                c->nterms - c->nterms_rest, &c->terms[c->nterms_rest].art_p, sizeof *c->terms,
                &c->terms[c->nterms_rest].art_q, sizeof *c->terms);
}

/* --- the whole ------------------------------------------------------------------------ */

/* Whether every cluster's rows lie in one compared group: the groups are then constant
 * within a coarser unit (outlets within a rating), and a comparison of groups is one of
 * clusters. */
static int clusters_nested(const slant_comparison *c)
{
    size_t ids = c->opts.cluster_ids;
    uint32_t *group_of = xmalloc((ids ? ids : 1) * sizeof *group_of);
    for (size_t k = 0; k < ids; k++)
        group_of[k] = UINT32_MAX;
    uint32_t *slots = group_slots(c);
    int nested = 1;
    for (size_t r = 0; r < slant_dataset_nrows(c->ds) && nested; r++) {
        const slant_row *row = slant_dataset_row(c->ds, r);
        uint32_t k = slots[row->group], cl = c->opts.cluster[r];
        if (k == UINT32_MAX || cl >= ids)
            continue;
        if (group_of[cl] == UINT32_MAX)
            group_of[cl] = k;
        else if (group_of[cl] != k)
            nested = 0;
    }
    free(slots);
    free(group_of);
    return nested;
}

slant_comparison *slant_compare(const slant_dataset *ds, const slant_compare_options *o,
                                slant_error *err)
{
    slant_comparison *c = xcalloc(1, sizeof *c);
    c->ds = ds;
    c->opts = *o;
    if (pick_groups(c, err) != 0 || pick_indicators(c, err) != 0) {
        slant_comparison_free(c);
        return NULL;
    }
    c->clusters_nested = c->opts.cluster && clusters_nested(c);
    if (c->opts.strata) {
        stratum_counts(c);
        if (!c->opts.stratum) { /* the count model holds the strata fixed too */
            size_t rows = slant_dataset_nrows(ds);
            c->row_strata = xmalloc((rows ? rows : 1) * sizeof *c->row_strata);
            for (size_t r = 0; r < rows; r++)
                c->row_strata[r] = slant_dataset_row(ds, r)->stratum;
            c->opts.stratum = c->row_strata;
            c->opts.nstrata = c->nstrata;
        }
    }
    per_indicator(c);
    entry_totals(c);
    keyness(c);
    drivers(c);
    contested(c);
    corrections(c);
    if (c->opts.every || c->opts.has_split)
        c->trend = slant_trend_new(c);
    for (size_t k = 0; c->stratified && k < c->npairs; k++)
        c->stratified[k].verdict = (int)slant_cmp_strata_verdict(
            &c->pairs[k], &c->stratified[k], c->opts.alpha > 0 ? c->opts.alpha : 0.05);
    return c;
}

void slant_comparison_free(slant_comparison *c)
{
    if (!c)
        return;
    free(c->groups);
    free(c->left_out);
    free(c->indicators);
    free(c->summaries);
    free(c->omnibus);
    free(c->pairs);
    free(c->paired);
    for (size_t k = 0; c->count_models && k < c->nindicators; k++)
        slant_nb_model_release(&c->count_models[k].m);
    free(c->count_models);
    free(c->terms);
    free(c->term_listed);
    free(c->entry_totals);
    free(c->entry_articles);
    for (size_t k = 0; k < c->nrare_concepts; k++)
        free(c->rare_concepts[k].concept);
    free(c->rare_concepts);
    free(c->drivers);
    free(c->shares);
    for (size_t k = 0; k < c->nconcepts; k++)
        free(c->concepts[k].concept);
    free(c->concepts);
    slant_trend_free(c->trend);
    free(c->stratified);
    free(c->adjusted);
    free(c->stratum_counts);
    free(c->row_strata);
    free(c);
}

const char *slant_comparison_group_name(const slant_comparison *c, size_t g)
{
    return g == SLANT_REST ? "rest" : slant_dataset_group_at(c->ds, g)->name;
}

/* --- which term rows people read ----------------------------------------------------------- */

int slant_cmp_term_frequent(const slant_comparison *c, const slant_cmp_term *t)
{
    double df = t->k.g2 < 0 ? t->df_b : t->df_a;
    if (c->opts.min_df > 1 && df < (double)c->opts.min_df)
        return 0;
    /* boilerplate: a few articles repeating a word overuse it in the pooled count while
     * the side's articles use it no more often than the other side's */
    return isnan(t->art.g2) || isnan(t->k.g2) || (t->art.g2 > 0) == (t->k.g2 > 0);
}

static int cmp_g2_desc(const void *x, const void *y)
{
    const slant_cmp_term *a = *(const slant_cmp_term *const *)x;
    const slant_cmp_term *b = *(const slant_cmp_term *const *)y;
    double ga = isnan(a->k.g2) ? 0 : fabs(a->k.g2), gb = isnan(b->k.g2) ? 0 : fabs(b->k.g2);
    if (ga != gb)
        return ga < gb ? 1 : -1;
    return (a->entry > b->entry) - (a->entry < b->entry);
}

/* Marks the top `top` of `side` (terms of one block overused on one side) by |G²|. */
static void mark_top(slant_comparison *c, const slant_cmp_term **side, size_t n, size_t top)
{
    qsort(side, n, sizeof *side, cmp_g2_desc);
    for (size_t k = 0; k < n && k < top; k++)
        c->term_listed[side[k] - c->terms] = 1;
}

void slant_comparison_select_terms(slant_comparison *c, double alpha, size_t top)
{
    free(c->term_listed);
    c->term_listed = xcalloc(c->nterms + 1, 1);
    const slant_cmp_term **pos = xmalloc((c->nterms + 1) * sizeof *pos);
    const slant_cmp_term **neg = xmalloc((c->nterms + 1) * sizeof *neg);
    /* keyness_against writes each (group, reference) block's rows together */
    for (size_t from = 0, to; from < c->nterms; from = to) {
        const slant_cmp_term *b = &c->terms[from];
        size_t np = 0, nn = 0;
        for (to = from; to < c->nterms && c->terms[to].group == b->group &&
                        c->terms[to].reference == b->reference;
             to++) {
            const slant_cmp_term *t = &c->terms[to];
            if (!slant_cmp_term_frequent(c, t) || isnan(t->k.g2) || t->k.g2 == 0)
                continue;
            if (t->g2_q < alpha)
                c->term_listed[to] = 1;
            if (t->k.g2 > 0)
                pos[np++] = t;
            else
                neg[nn++] = t;
        }
        mark_top(c, pos, np, top);
        mark_top(c, neg, nn, top);
    }
    c->terms_left_out = 0;
    for (size_t k = 0; k < c->nterms; k++)
        c->terms_left_out += !c->term_listed[k];
    free(pos);
    free(neg);
}
