/* What the report says within strata (compare --strata): for every difference called
 * without strata or within them, one sentence saying whether it holds, shrinks, vanishes
 * or appears once the stratum is held fixed, and the tables behind it (report.h). */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "report.h"
#include "xalloc.h"

/* The indicator as the report names it ("pejorative labels"), or its id. */
static const char *label_of(const slant_report *r, size_t ind)
{
    for (size_t i = 0; i < r->nindicators; i++)
        if (r->indicators[i].indicator == ind)
            return r->indicators[i].label;
    return slant_dataset_indicator_name(r->c->ds, ind);
}

static const char *group_name(const slant_report *r, size_t g)
{
    return g == SLANT_REST ? r->rest : slant_dataset_group_at(r->c->ds, g)->name;
}

/* What the verdict says, after "the difference" (or in place of it for "appears"). */
static const char *verdict_words(slant_strata_verdict v)
{
    switch (v) {
    case SLANT_STRATA_HOLDS: return "the difference holds";
    case SLANT_STRATA_SHRINKS: return "the difference shrinks to less than half";
    case SLANT_STRATA_VANISHES: return "the difference vanishes";
    case SLANT_STRATA_APPEARS: return "a difference appears only";
    case SLANT_STRATA_UNTESTED: return "it cannot be tested (no stratum holds both sides)";
    case SLANT_STRATA_NONE: break;
    }
    return "no difference";
}

static void number(char *out, size_t size, double v)
{
    if (isfinite(v))
        snprintf(out, size, "%.2f", v);
    else
        snprintf(out, size, "%s", SLANT_REPORT_NA);
}

static char *sentence(const slant_report *r, const slant_cmp_stratified *x)
{
    const char *field = r->c->opts.strata;
    int rate = slant_indicator_unit(slant_dataset_indicator_name(r->c->ds, x->indicator)) ==
               SLANT_UNIT_RATE;
    char crude[32], adj[32], lo[32], hi[32], q[32];
    number(crude, sizeof crude, x->crude_diff);
    number(adj, sizeof adj, x->adj_diff);
    number(lo, sizeof lo, x->adj_low);
    number(hi, sizeof hi, x->adj_high);
    slant_report_fmt_q(q, sizeof q, x->q);
    if (x->verdict == SLANT_STRATA_UNTESTED)
        return xstrf("%s, %s against %s: a difference of %s%s without regard to %s that cannot "
                    "be tested with %s held fixed: no %s holds both, or all their values tie.",
                    label_of(r, x->indicator), group_name(r, x->a), group_name(r, x->b), crude,
                    rate ? " per 1,000 words" : "", field, field, field);
    return xstrf("%s, %s against %s: a difference of %s%s without regard to %s, %s [%s, %s] "
                "with %s held fixed (van Elteren %s %s over %zu strata): %s once %s is held "
                "fixed.",
                label_of(r, x->indicator), group_name(r, x->a), group_name(r, x->b), crude,
                rate ? " per 1,000 words" : "", field, adj, lo, hi, field,
                slant_report_q_name(r), q, x->strata,
                verdict_words((slant_strata_verdict)x->verdict), field);
}

void slant_report_build_strata(slant_report *r)
{
    const slant_comparison *c = r->c;
    r->strata_table = r->strata_counts_table = r->strata_means_table = SLANT_REPORT_NONE;
    if (!c->opts.strata)
        return;
    const char *field = c->opts.strata;
    r->strata_title = xstrf("Holding %s fixed", field);
    r->strata_note = xstrf(
        "Each difference compared again within each %s (%zu strata; %zu article%s without a "
        "%s left out), pooled over them: called when van Elteren's stratified rank test "
        "has %s < %g; the size is the difference of the adjusted means (OLS with %s fixed "
        "effects). It holds when called both ways with the adjusted difference at least "
        "half the unadjusted one, shrinks when below half, vanishes when it is called "
        "without regard to %s but not within it (the mix of %s made it), and appears when "
        "it is called within %s only.",
        field, c->nstrata, c->strata_missing, c->strata_missing == 1 ? "" : "s", field,
        slant_report_q_name(r), r->opts.alpha, field, field, field, field);
    r->strata_sentences = xcalloc(c->npairs + 1, sizeof *r->strata_sentences);
    for (size_t k = 0; c->stratified && k < c->npairs; k++)
        if (c->stratified[k].verdict != SLANT_STRATA_NONE)
            r->strata_sentences[r->nstrata_sentences++] = sentence(r, &c->stratified[k]);
    r->method = xrealloc(r->method, (r->nmethod + 1) * sizeof *r->method);
    r->method[r->nmethod++] = xstrf(
        "Within strata (--strata %s). Van Elteren's test sums each stratum's Wilcoxon rank "
        "sum (mid-ranks, tie-corrected variance) with weight 1/(n+1), n the stratum's "
        "articles in the pair, and refers the sum to the normal distribution; a stratum "
        "lacking one of the pair's %s adds nothing. The adjusted means come from the OLS "
        "fit of each article's value on %s and %s dummies: a %s's adjusted mean is its "
        "fitted mean with the strata in the proportions of all fitted articles, and two "
        "adjusted means differ by the difference of their %s coefficients (t interval, "
        "residual degrees of freedom); against the rest, the fit of the %s against the "
        "rest. Articles without a %s are left out of both (and counted).",
        field, r->nouns, r->noun, field, r->noun, r->noun, r->noun, field);
}

void slant_report_strata_release(slant_report *r)
{
    free(r->strata_title);
    free(r->strata_note);
    for (size_t k = 0; k < r->nstrata_sentences; k++)
        free(r->strata_sentences[k]);
    free(r->strata_sentences);
}

static void fixed(slant_report_cell *c, double v)
{
    if (!isfinite(v)) {
        slant_report_cell_na(c);
        return;
    }
    char s[32];
    snprintf(s, sizeof s, "%.2f", v);
    slant_report_cell_number(c, s, NULL, v);
}

static void verdict_table(slant_report *r, size_t *cap)
{
    const slant_comparison *c = r->c;
    char caption[256], h[64];
    snprintf(caption, sizeof caption, "Differences with and without %s held fixed",
             c->opts.strata);
    r->strata_table = slant_report_add_table(r, "strata", caption, 8, cap);
    slant_report_table *t = &r->tables[r->strata_table];
    t->caption_leads = 1;
    slant_report_table_head(t, 0, "indicator", 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 1, r->noun, 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 2, "against", 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 3, "difference", 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 4, "adjusted difference", 1, SLANT_REPORT_NONE);
    snprintf(h, sizeof h, "van Elteren %s", slant_report_q_name(r));
    slant_report_table_head(t, 5, h, 0, SLANT_REPORT_NONE);
    slant_report_table_head(t, 6, "strata", 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 7, "verdict", 1, SLANT_REPORT_NONE);
    t->align[1] = t->align[2] = t->align[7] = SLANT_ALIGN_LEFT;
    for (size_t k = 0; c->stratified && k < c->npairs; k++) {
        const slant_cmp_stratified *x = &c->stratified[k];
        if (x->verdict == SLANT_STRATA_NONE)
            continue;
        slant_report_cell *row = slant_report_table_row(t);
        slant_report_cell_text(&row[0], label_of(r, x->indicator));
        slant_report_cell_text(&row[1], group_name(r, x->a));
        slant_report_cell_text(&row[2], group_name(r, x->b));
        fixed(&row[3], x->crude_diff);
        fixed(&row[4], x->adj_diff);
        if (isfinite(x->adj_low)) {
            char ci[80];
            snprintf(ci, sizeof ci, "[%.2f, %.2f]", x->adj_low, x->adj_high);
            free(row[4].note);
            row[4].note = xstrdup(ci);
        }
        slant_report_cell_q(&row[5], x->q);
        char n[32];
        snprintf(n, sizeof n, "%zu", x->strata);
        slant_report_cell_number(&row[6], n, NULL, (double)x->strata);
        slant_report_cell_text(&row[7],
                               slant_strata_verdict_name((slant_strata_verdict)x->verdict));
    }
}

static void counts_table(slant_report *r, size_t *cap)
{
    const slant_comparison *c = r->c;
    char caption[256];
    snprintf(caption, sizeof caption, "Articles per %s and %s", r->noun, c->opts.strata);
    r->strata_counts_table =
        slant_report_add_table(r, "strata-counts", caption, r->nsources + 1, cap);
    slant_report_table *t = &r->tables[r->strata_counts_table];
    t->caption_leads = 1;
    slant_report_source_columns(r, t, c->opts.strata, 0);
    for (size_t st = 0; st < c->nstrata; st++) {
        slant_report_cell *row = slant_report_table_row(t);
        slant_report_cell_text(&row[0], slant_dataset_stratum_name(c->ds, st));
        for (size_t s = 0; s < r->nsources && s < c->ngroups; s++) {
            char n[32];
            double v = (double)c->stratum_counts[s * c->nstrata + st];
            slant_report_fmt_count(n, sizeof n, v);
            slant_report_cell_number(&row[1 + s], n, NULL, v);
        }
    }
}

/* Whether some difference in indicator `ind` has a verdict (is called either way). */
static int has_verdict(const slant_comparison *c, size_t ind)
{
    for (size_t k = 0; c->stratified && k < c->npairs; k++)
        if (c->stratified[k].indicator == ind && c->stratified[k].verdict != SLANT_STRATA_NONE)
            return 1;
    return 0;
}

/* The adjusted means of the indicators with a verdict, per source, with their intervals. */
static void means_table(slant_report *r, size_t *cap)
{
    const slant_comparison *c = r->c;
    char caption[256];
    snprintf(caption, sizeof caption, "Adjusted mean per article with %g%% CI, %s held fixed "
                                      "(strata in the proportions of all articles)",
             100 * c->opts.level, c->opts.strata);
    r->strata_means_table =
        slant_report_add_table(r, "strata-means", caption, r->nsources + 1, cap);
    slant_report_table *t = &r->tables[r->strata_means_table];
    t->caption_leads = 1;
    slant_report_source_columns(r, t, "indicator", 1);
    for (size_t i = 0; i < c->nindicators; i++) {
        if (!has_verdict(c, c->indicators[i]))
            continue;
        slant_report_cell *row = slant_report_table_row(t);
        slant_report_cell_text(&row[0], label_of(r, c->indicators[i]));
        for (size_t s = 0; s < r->nsources && s < c->ngroups; s++) {
            const slant_cmp_adjusted *x = &c->adjusted[s * c->nindicators + i];
            fixed(&row[1 + s], x->mean);
            if (isfinite(x->mean) && isfinite(x->low)) {
                char ci[80];
                snprintf(ci, sizeof ci, "[%.2f, %.2f]", x->low, x->high);
                free(row[1 + s].note);
                row[1 + s].note = xstrdup(ci);
            }
        }
    }
}

void slant_report_strata_tables(slant_report *r, size_t *cap)
{
    if (!r->c->opts.strata)
        return;
    verdict_table(r, cap);
    means_table(r, cap);
    counts_table(r, cap);
}
