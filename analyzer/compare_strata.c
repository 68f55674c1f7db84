/* The comparison within strata (compare --strata; compare_parts.h): the articles per
 * stratum, each indicator's fit with stratum fixed effects and van Elteren's test per
 * pair, and the verdict on each difference. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "compare.h"
#include "compare_parts.h"
#include "strata.h"
#include "xalloc.h"

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
void slant_cmp_stratum_counts(slant_comparison *c)
{
    c->nstrata = slant_dataset_nstrata(c->ds);
    c->stratum_counts = xcalloc(c->ngroups * c->nstrata + 1, sizeof *c->stratum_counts);
    uint32_t *slots = slant_cmp_group_slots(c);
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
void slant_cmp_within_strata(slant_comparison *c, size_t i, const uint32_t *slots)
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
