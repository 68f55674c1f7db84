/* The comparison of groups (compare.h): the groups and indicators picked, the run in its
 * order, the corrections of every family of tests, and the comparison freed. Its parts
 * (compare_parts.h): compare_indicators.c computes each indicator's statistics on threads,
 * compare_strata.c the comparisons within strata, compare_terms.c the keyness, the drivers
 * and the contested concepts. */

#include "compare.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare_parts.h"
#include "indicator.h"
#include "trend.h"
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

/* Which position in c->groups each dataset group has, or UINT32_MAX when it is not
 * compared. Caller frees. */
uint32_t *slant_cmp_group_slots(const slant_comparison *c)
{
    size_t n = slant_dataset_ngroups(c->ds);
    uint32_t *slot = xmalloc((n ? n : 1) * sizeof *slot);
    for (size_t g = 0; g < n; g++)
        slot[g] = UINT32_MAX;
    for (size_t k = 0; k < c->ngroups; k++)
        slot[c->groups[k]] = (uint32_t)k;
    return slot;
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
    uint32_t *slots = slant_cmp_group_slots(c);
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
        slant_cmp_stratum_counts(c);
        if (!c->opts.stratum) { /* the count model holds the strata fixed too */
            size_t rows = slant_dataset_nrows(ds);
            c->row_strata = xmalloc((rows ? rows : 1) * sizeof *c->row_strata);
            for (size_t r = 0; r < rows; r++)
                c->row_strata[r] = slant_dataset_row(ds, r)->stratum;
            c->opts.stratum = c->row_strata;
            c->opts.nstrata = c->nstrata;
        }
    }
    slant_cmp_per_indicator(c);
    slant_cmp_entry_totals(c);
    slant_cmp_keyness(c);
    slant_cmp_drivers(c);
    slant_cmp_contested(c);
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
