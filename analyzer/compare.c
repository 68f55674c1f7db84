#include "compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
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

/* --- values ----------------------------------------------------------------------------- */

/* The defined values of indicator `ind` in group `g`, or in every compared group but `g`
 * for rest (`g` is then the group left out). Caller frees. */
static double *values_of(const slant_comparison *c, size_t g, int rest, size_t ind, size_t *n)
{
    const slant_dataset *ds = c->ds;
    size_t cap = slant_dataset_nrows(ds);
    double *v = xmalloc((cap ? cap : 1) * sizeof *v);
    *n = 0;
    for (size_t r = 0; r < cap; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (isnan(row->values[ind]))
            continue;
        int in_group = row->group == g;
        if (rest) {
            int compared = 0;
            for (size_t k = 0; k < c->ngroups; k++)
                compared |= c->groups[k] == row->group;
            if (in_group || !compared)
                continue;
        } else if (!in_group) {
            continue;
        }
        v[(*n)++] = row->values[ind];
    }
    return v;
}

/* --- per group ---------------------------------------------------------------------- */

static void summarize(slant_comparison *c)
{
    c->summaries = xcalloc(c->ngroups * c->nindicators, sizeof *c->summaries);
    for (size_t k = 0; k < c->ngroups; k++) {
        for (size_t i = 0; i < c->nindicators; i++) {
            slant_cmp_summary *s = &c->summaries[c->nsummaries++];
            s->group = c->groups[k];
            s->indicator = c->indicators[i];
            size_t n;
            double *v = values_of(c, s->group, 0, s->indicator, &n);
            slant_summary_of(v, n, c->opts.level, &s->s);
            s->boot_low = s->boot_high = NAN;
            if (c->opts.bootstrap)
                slant_bootstrap_mean_ci(v, n, c->opts.bootstrap, c->opts.seed, c->opts.level,
                                        &s->boot_low, &s->boot_high);
            free(v);
        }
    }
}

static void omnibus(slant_comparison *c)
{
    c->omnibus = xcalloc(c->nindicators, sizeof *c->omnibus);
    double **vals = xcalloc(c->ngroups, sizeof *vals);
    size_t *ns = xcalloc(c->ngroups, sizeof *ns);
    for (size_t i = 0; i < c->nindicators; i++) {
        slant_cmp_omnibus *o = &c->omnibus[c->nomnibus++];
        o->indicator = c->indicators[i];
        for (size_t k = 0; k < c->ngroups; k++)
            vals[k] = values_of(c, c->groups[k], 0, o->indicator, &ns[k]);
        slant_kruskal_wallis((const double *const *)vals, ns, c->ngroups, &o->kruskal);
        slant_welch_anova((const double *const *)vals, ns, c->ngroups, &o->welch);
        for (size_t k = 0; k < c->ngroups; k++)
            free(vals[k]);
    }
    free(vals);
    free(ns);
}

/* --- pairs ------------------------------------------------------------------------------- */

static void compare_pair(slant_comparison *c, size_t a, size_t b, size_t ind)
{
    slant_cmp_pair *p = &c->pairs[c->npairs++];
    memset(p, 0, sizeof *p);
    p->a = a;
    p->b = b;
    p->indicator = ind;
    size_t na, nb;
    double *x = values_of(c, a, 0, ind, &na);
    double *y = b == SLANT_REST ? values_of(c, a, 1, ind, &nb) : values_of(c, b, 0, ind, &nb);
    p->na = na;
    p->nb = nb;
    slant_summary sa, sb;
    slant_summary_of(x, na, c->opts.level, &sa);
    slant_summary_of(y, nb, c->opts.level, &sb);
    p->mean_a = sa.mean;
    p->mean_b = sb.mean;
    slant_welch_t(x, na, y, nb, &p->welch);
    p->mwu_method = slant_mann_whitney_auto(x, na, y, nb);
    slant_mann_whitney(x, na, y, nb, p->mwu_method, &p->mwu);
    slant_hedges_g(x, na, y, nb, c->opts.level, &p->g, &p->g_low, &p->g_high);
    p->delta = slant_cliffs_delta(x, na, y, nb);
    p->perm_p = NAN;
    if (c->opts.permutations)
        slant_permutation_mean_diff(x, na, y, nb, c->opts.permutations, c->opts.seed,
                                    &p->perm_p);
    free(x);
    free(y);
}

/* The pairs to compare: every pair, or each group against the rest. */
static void pairs(slant_comparison *c)
{
    if (c->opts.pairs == SLANT_PAIRS_NONE)
        return;
    size_t all_pairs = c->ngroups * (c->ngroups - 1) / 2;
    c->vs_rest = c->opts.pairs == SLANT_PAIRS_VS_REST || all_pairs > c->opts.max_pairs;
    size_t npairs = c->vs_rest ? c->ngroups : all_pairs;
    c->pairs = xcalloc(npairs * c->nindicators, sizeof *c->pairs);
    for (size_t i = 0; i < c->nindicators; i++) {
        for (size_t k = 0; k < c->ngroups; k++) {
            if (c->vs_rest) {
                compare_pair(c, c->groups[k], SLANT_REST, c->indicators[i]);
                continue;
            }
            for (size_t l = k + 1; l < c->ngroups; l++)
                compare_pair(c, c->groups[k], c->groups[l], c->indicators[i]);
        }
    }
}

/* --- within events ----------------------------------------------------------------------- */

/* Mean value of indicator `ind` per event for group `g` (NAN where the group has none). */
static double *event_means(const slant_comparison *c, size_t g, size_t ind)
{
    const slant_dataset *ds = c->ds;
    size_t ne = slant_dataset_nevents(ds);
    double *sum = xcalloc(ne ? ne : 1, sizeof *sum);
    double *count = xcalloc(ne ? ne : 1, sizeof *count);
    for (size_t r = 0; r < slant_dataset_nrows(ds); r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (row->group != g || row->event == UINT32_MAX || isnan(row->values[ind]))
            continue;
        sum[row->event] += row->values[ind];
        count[row->event] += 1;
    }
    for (size_t e = 0; e < ne; e++)
        sum[e] = count[e] ? sum[e] / count[e] : NAN;
    free(count);
    return sum;
}

static void within_events(slant_comparison *c)
{
    size_t ne = slant_dataset_nevents(c->ds);
    c->has_events = ne > 0;
    if (!ne || c->opts.pairs == SLANT_PAIRS_NONE)
        return;
    size_t all_pairs = c->ngroups * (c->ngroups - 1) / 2;
    if (all_pairs > c->opts.max_pairs)
        return; /* within events needs real pairs: too many of them */
    c->paired = xcalloc(all_pairs * c->nindicators, sizeof *c->paired);
    double *x = xmalloc(ne * sizeof *x), *y = xmalloc(ne * sizeof *y);
    for (size_t i = 0; i < c->nindicators; i++) {
        size_t ind = c->indicators[i];
        for (size_t k = 0; k < c->ngroups; k++) {
            double *ma = event_means(c, c->groups[k], ind);
            for (size_t l = k + 1; l < c->ngroups; l++) {
                double *mb = event_means(c, c->groups[l], ind);
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
                slant_cmp_paired *p = &c->paired[c->npaired++];
                memset(p, 0, sizeof *p);
                p->a = c->groups[k];
                p->b = c->groups[l];
                p->indicator = ind;
                p->events = n;
                p->mean_diff = n ? diff / (double)n : NAN;
                slant_paired_t(x, y, n, &p->paired_t);
                p->wilcoxon_method = slant_wilcoxon_auto(x, y, n);
                slant_wilcoxon(x, y, n, p->wilcoxon_method, &p->wilcoxon);
                free(mb);
            }
            free(ma);
        }
    }
    free(x);
    free(y);
}

/* --- terms ------------------------------------------------------------------------------- */

/* Entry counts and words of a group, or of every other compared group for rest. */
static void pooled(const slant_comparison *c, size_t g, int rest, size_t entry, double *count,
                   double *words)
{
    *count = 0;
    *words = 0;
    for (size_t k = 0; k < c->ngroups; k++) {
        size_t h = c->groups[k];
        if (rest ? h == g : h != g)
            continue;
        const slant_group *x = slant_dataset_group_at(c->ds, h);
        *count += x->entry_counts[entry];
        *words += x->tokens;
    }
}

static void keyness_against(slant_comparison *c, size_t g, size_t ref)
{
    size_t ne = slant_dataset_nentries(c->ds);
    size_t nactor = strlen(SLANT_ACTOR_PREFIX);
    for (size_t e = 0; e < ne; e++) {
        if (!strncmp(slant_dataset_entry_name(c->ds, e), SLANT_ACTOR_PREFIX, nactor))
            continue; /* actor framing, not a term */
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
    }
}

static void keyness(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->has_entries = ne > 0;
    if (!ne)
        return;
    size_t refs = c->ngroups + (c->vs_rest || c->opts.pairs == SLANT_PAIRS_NONE
                                    ? 0
                                    : c->ngroups * (c->ngroups - 1) / 2);
    c->terms = xcalloc(refs * ne, sizeof *c->terms);
    for (size_t k = 0; k < c->ngroups; k++)
        keyness_against(c, c->groups[k], SLANT_REST);
    if (c->vs_rest || c->opts.pairs == SLANT_PAIRS_NONE)
        return;
    for (size_t k = 0; k < c->ngroups; k++)
        for (size_t l = k + 1; l < c->ngroups; l++)
            keyness_against(c, c->groups[k], c->groups[l]);
}

/* The entries of a category indicator are those named "category:...". */
static int entry_in(const char *entry, const char *category)
{
    size_t n = strlen(category);
    return strncmp(entry, category, n) == 0 && entry[n] == ':';
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
            if (!entry_in(slant_dataset_entry_name(c->ds, e), cat))
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

/* The concept of a "contested/concept:variant" entry, as a length into `name`, or 0. */
static size_t concept_of(const char *name, const char **concept)
{
    size_t n = strlen(SLANT_CONTESTED_PREFIX);
    if (strncmp(name, SLANT_CONTESTED_PREFIX, n) != 0)
        return 0;
    *concept = name + n;
    const char *colon = strchr(*concept, ':');
    return colon ? (size_t)(colon - *concept) : 0;
}

static void contested_concept(slant_comparison *c, const char *concept, size_t len,
                              const size_t *entries, size_t nentries)
{
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
        }
    }
    slant_cmp_concept *x = &c->concepts[c->nconcepts++];
    x->concept = xmemdup(concept, len);
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
    free(table);
}

static void contested(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->shares = xcalloc(ne * c->ngroups + 1, sizeof *c->shares);
    c->concepts = xcalloc(ne + 1, sizeof *c->concepts);
    size_t *entries = xmalloc((ne + 1) * sizeof *entries);
    char *done = xcalloc(ne + 1, 1);
    for (size_t e = 0; e < ne; e++) {
        const char *concept;
        size_t len = concept_of(slant_dataset_entry_name(c->ds, e), &concept);
        if (!len || done[e])
            continue;
        size_t n = 0;
        for (size_t f = e; f < ne; f++) { /* every variant of this concept */
            const char *other;
            size_t olen = concept_of(slant_dataset_entry_name(c->ds, f), &other);
            if (olen == len && strncmp(other, concept, len) == 0) {
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
        correct(c, "pairs/welch_t", "Welch's t tests, every pair and indicator", c->npairs,
                &c->pairs[0].welch.p, sizeof *c->pairs, &c->pairs[0].welch_q, sizeof *c->pairs);
        correct(c, "pairs/mann_whitney", "Mann-Whitney U tests, every pair and indicator",
                c->npairs, &c->pairs[0].mwu.p, sizeof *c->pairs, &c->pairs[0].mwu_q,
                sizeof *c->pairs);
        if (c->opts.permutations)
            correct(c, "pairs/permutation", "permutation tests, every pair and indicator",
                    c->npairs, &c->pairs[0].perm_p, sizeof *c->pairs, &c->pairs[0].perm_q,
                    sizeof *c->pairs);
        else
            for (size_t k = 0; k < c->npairs; k++)
                c->pairs[k].perm_q = NAN;
    }
    if (c->npaired) {
        correct(c, "events/paired_t", "paired t tests within events, every pair and indicator",
                c->npaired, &c->paired[0].paired_t.p, sizeof *c->paired,
                &c->paired[0].paired_q, sizeof *c->paired);
        correct(c, "events/wilcoxon",
                "Wilcoxon signed-rank tests within events, every pair and indicator",
                c->npaired, &c->paired[0].wilcoxon.p, sizeof *c->paired,
                &c->paired[0].wilcoxon_q, sizeof *c->paired);
    }
    if (c->nconcepts)
        correct(c, "contested/chi2", "chi-square tests of groups by variants, one per concept",
                c->nconcepts, &c->concepts[0].chi2.p, sizeof *c->concepts,
                &c->concepts[0].chi2_q, sizeof *c->concepts);
    if (c->nterms)
        correct(c, "keyness/g2", "log-likelihood tests, every term against every reference",
                c->nterms, &c->terms[0].k.g2_p, sizeof *c->terms, &c->terms[0].g2_q,
                sizeof *c->terms);
}

/* --- the whole ------------------------------------------------------------------------ */

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
    summarize(c);
    omnibus(c);
    pairs(c);
    within_events(c);
    keyness(c);
    drivers(c);
    contested(c);
    corrections(c);
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
    free(c->terms);
    free(c->drivers);
    free(c->shares);
    for (size_t k = 0; k < c->nconcepts; k++)
        free(c->concepts[k].concept);
    free(c->concepts);
    free(c);
}

const char *slant_comparison_group_name(const slant_comparison *c, size_t g)
{
    return g == SLANT_REST ? "rest" : slant_dataset_group_at(c->ds, g)->name;
}
