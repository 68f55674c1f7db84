#include "compare_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "jw.h"
#include "trend.h"
#include "normalize.h"
#include "version.h"
#include "xalloc.h"

/*
 * Every writer walks the same rows: one per result, with the keys that name it (table,
 * group, reference, indicator, entry) and its statistics by name. So the statistic names
 * and values are the same in JSON, CSV and the long format.
 */

#define MAX_STATS 40

typedef struct {
    const char *name;
    double value;            /* NAN: undefined */
    const char *text;        /* a word instead of a number (a method), or NULL */
} stat;

typedef struct {
    const char *table;
    const char *group, *reference, *indicator, *entry;   /* NULL where not applicable */
    stat stats[MAX_STATS];
    size_t n;
} result_row;

typedef void (*row_sink)(const result_row *r, void *ctx);

static void put(result_row *r, const char *name, double value)
{
    r->stats[r->n].name = name;
    r->stats[r->n].value = value;
    r->stats[r->n].text = NULL;
    r->n++;
}

static void put_text(result_row *r, const char *name, const char *text)
{
    r->stats[r->n].name = name;
    r->stats[r->n].value = NAN;
    r->stats[r->n].text = text;
    r->n++;
}

static result_row row_of(const char *table)
{
    result_row r;
    memset(&r, 0, sizeof r);
    r.table = table;
    return r;
}

static const char *method_name(slant_mwu_method m)
{
    return m == SLANT_MWU_EXACT ? "exact" : "normal";
}

static const char *indicator(const slant_comparison *c, size_t i)
{
    return slant_dataset_indicator_name(c->ds, i);
}

static void visit_summaries(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nsummaries; k++) {
        const slant_cmp_summary *s = &c->summaries[k];
        result_row r = row_of("summary");
        r.group = slant_comparison_group_name(c, s->group);
        r.indicator = indicator(c, s->indicator);
        put(&r, "n", (double)s->s.n);
        put(&r, "mean", s->s.mean);
        put(&r, "sd", s->s.sd);
        put(&r, "median", s->s.median);
        put(&r, "q1", s->s.q1);
        put(&r, "q3", s->s.q3);
        put(&r, "ci_low", s->s.ci_low);
        put(&r, "ci_high", s->s.ci_high);
        put(&r, "boot_low", s->boot_low);
        put(&r, "boot_high", s->boot_high);
        sink(&r, ctx);
    }
}

static void visit_omnibus(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nomnibus; k++) {
        const slant_cmp_omnibus *o = &c->omnibus[k];
        result_row r = row_of("omnibus");
        r.indicator = indicator(c, o->indicator);
        put(&r, "kruskal_h", o->kruskal.statistic);
        put(&r, "kruskal_df", o->kruskal.df);
        put(&r, "kruskal_p", o->kruskal.p);
        put(&r, "kruskal_q", o->kruskal_q);
        put(&r, "welch_f", o->welch.statistic);
        put(&r, "welch_df1", o->welch.df);
        put(&r, "welch_df2", o->welch.df2);
        put(&r, "welch_p", o->welch.p);
        put(&r, "welch_q", o->welch_q);
        put(&r, "kruskal_epsilon2", o->epsilon2);
        put(&r, "welch_dropped", (double)o->welch_dropped);
        sink(&r, ctx);
    }
}

static void visit_pairs(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->npairs; k++) {
        const slant_cmp_pair *p = &c->pairs[k];
        result_row r = row_of("pairs");
        r.group = slant_comparison_group_name(c, p->a);
        r.reference = slant_comparison_group_name(c, p->b);
        r.indicator = indicator(c, p->indicator);
        put(&r, "n_a", (double)p->na);
        put(&r, "n_b", (double)p->nb);
        put(&r, "mean_a", p->mean_a);
        put(&r, "mean_b", p->mean_b);
        put(&r, "welch_t", p->welch.statistic);
        put(&r, "welch_df", p->welch.df);
        put(&r, "welch_p", p->welch.p);
        put(&r, "welch_q", p->welch_q);
        put(&r, "mwu_u", p->mwu.statistic);
        put_text(&r, "mwu_method", method_name(p->mwu_method));
        put(&r, "mwu_p", p->mwu.p);
        put(&r, "mwu_q", p->mwu_q);
        put(&r, "hedges_g", p->g);
        put(&r, "g_low", p->g_low);
        put(&r, "g_high", p->g_high);
        put(&r, "cliffs_delta", p->delta);
        put(&r, "perm_p", p->perm_p);
        put(&r, "perm_q", p->perm_q);
        put(&r, "diff_low", p->diff_low);
        put(&r, "diff_high", p->diff_high);
        put(&r, "delta_low", p->delta_low);
        put(&r, "delta_high", p->delta_high);
        put(&r, "cluster_se", p->cluster.se);
        put(&r, "cluster_t", p->cluster.t);
        put(&r, "cluster_df", p->cluster.df);
        put(&r, "cluster_p", p->cluster.p);
        put(&r, "cluster_q", p->cluster_q);
        put(&r, "cluster_low", p->cluster.lo);
        put(&r, "cluster_high", p->cluster.hi);
        if (c->count_models) {
            put(&r, "rate_ratio", p->rr);
            put(&r, "rr_low", p->rr_low);
            put(&r, "rr_high", p->rr_high);
            put(&r, "rr_p", p->rr_p);
            put(&r, "rr_q", p->rr_q);
        }
        put_text(&r, "flags", slant_cmp_pair_flags(p->flags));
        sink(&r, ctx);
    }
}

/* Whether indicator k's count model has coefficients. */
static int count_model_ok(const slant_cmp_count_model *cm)
{
    return cm->counts && cm->m.status == SLANT_NB_OK && !strcmp(cm->status, "ok");
}

/* The count model: a row per rate indicator, then (a table of its own, after them) a row
 * per coefficient of a group: its rate ratio to the reference group. */
static void visit_count_models(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; c->count_models && k < c->nindicators; k++) {
        const slant_cmp_count_model *cm = &c->count_models[k];
        if (!cm->counts)
            continue;
        const slant_nb_model *m = &cm->m;
        int ok = count_model_ok(cm);
        result_row r = row_of("count_model");
        r.reference = slant_comparison_group_name(c, cm->reference);
        r.indicator = indicator(c, cm->indicator);
        put_text(&r, "status", cm->status);
        put_text(&r, "covariance", m->robust ? "cluster" : "model");
        put(&r, "n", (double)cm->articles);
        put(&r, "rows_dropped", (double)m->rows_dropped);
        put(&r, "strata", ok && c->opts.stratum ? (double)m->nstrata : NAN);
        put(&r, "strata_dropped", ok && c->opts.stratum ? (double)m->strata_dropped : NAN);
        put(&r, "clusters", ok && m->robust ? (double)m->clusters : NAN);
        put(&r, "iterations", ok ? (double)m->iterations : NAN);
        put(&r, "alpha", m->alpha);
        put(&r, "alpha_se", m->alpha_se);
        put(&r, "intercept", ok ? m->coef[0] : NAN);
        put(&r, "intercept_se", ok ? m->se[0] : NAN);
        put(&r, "loglik", m->loglik);
        put(&r, "loglik_null", m->loglik_restricted);
        put(&r, "lr_chi2", m->lr);
        put(&r, "lr_df", m->lr_df);
        put(&r, "lr_p", m->lr_p);
        put(&r, "wald_chi2", m->wald);
        put(&r, "wald_df", m->wald_df);
        put(&r, "wald_p", m->wald_p);
        put(&r, "group_p", cm->group_p);
        put(&r, "group_q", cm->group_q);
        sink(&r, ctx);
    }
    for (size_t k = 0; c->count_models && k < c->nindicators; k++) {
        const slant_cmp_count_model *cm = &c->count_models[k];
        const slant_nb_model *m = &cm->m;
        if (!count_model_ok(cm))
            continue;
        for (size_t g = 1; g < c->ngroups; g++) {
            result_row x = row_of("count_model_coef");
            slant_nb_ratio rr;
            slant_nb_rate_ratio(m, g, 0, c->opts.level, &rr);
            x.group = slant_comparison_group_name(c, c->groups[g]);
            x.reference = slant_comparison_group_name(c, cm->reference);
            x.indicator = indicator(c, cm->indicator);
            put(&x, "coef", m->coef[g]);
            put(&x, "coef_se", m->se[g]);
            put(&x, "coef_z", rr.z);
            put(&x, "coef_p", rr.p);
            put(&x, "rate_ratio", rr.ratio);
            put(&x, "rr_low", rr.low);
            put(&x, "rr_high", rr.high);
            sink(&x, ctx);
        }
    }
}

static void visit_events(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->npaired; k++) {
        const slant_cmp_paired *p = &c->paired[k];
        result_row r = row_of("events");
        r.group = slant_comparison_group_name(c, p->a);
        r.reference = slant_comparison_group_name(c, p->b);
        r.indicator = indicator(c, p->indicator);
        put(&r, "events", (double)p->events);
        put(&r, "mean_diff", p->mean_diff);
        put(&r, "diff_low", p->diff_low);
        put(&r, "diff_high", p->diff_high);
        put(&r, "paired_t", p->paired_t.statistic);
        put(&r, "paired_df", p->paired_t.df);
        put(&r, "paired_p", p->paired_t.p);
        put(&r, "paired_q", p->paired_q);
        put(&r, "wilcoxon_w", p->wilcoxon.statistic);
        put_text(&r, "wilcoxon_method", method_name(p->wilcoxon_method));
        put(&r, "wilcoxon_p", p->wilcoxon.p);
        put(&r, "wilcoxon_q", p->wilcoxon_q);
        sink(&r, ctx);
    }
}

static void visit_keyness(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nterms; k++) {
        const slant_cmp_term *t = &c->terms[k];
        if (c->term_listed && !c->term_listed[k])
            continue; /* counted in keyness_rows.left_out (slant_comparison_select_terms) */
        result_row r = row_of("keyness");
        r.group = slant_comparison_group_name(c, t->group);
        r.reference = slant_comparison_group_name(c, t->reference);
        r.entry = slant_dataset_entry_name(c->ds, t->entry);
        put(&r, "count_a", t->a);
        put(&r, "count_b", t->b);
        put(&r, "words_a", t->c);
        put(&r, "words_b", t->d);
        put(&r, "g2", t->k.g2);
        put(&r, "g2_p", t->k.g2_p);
        put(&r, "g2_q", t->g2_q);
        put(&r, "chi2", t->k.chi2);
        put(&r, "chi2_p", t->k.chi2_p);
        put(&r, "log_ratio", t->k.log_ratio);
        put(&r, "lr_low", t->k.lr_low);
        put(&r, "lr_high", t->k.lr_high);
        put(&r, "pct_diff", t->k.pct_diff);
        put(&r, "fisher_p", t->k.fisher_p);
        put_text(&r, "keyness_test", isnan(t->k.fisher_p) ? "g2" : "fisher");
        put(&r, "df_a", t->df_a);
        put(&r, "df_b", t->df_b);
        put(&r, "articles_a", t->articles_a);
        put(&r, "articles_b", t->articles_b);
        put(&r, "art_g2", t->art.g2);
        put(&r, "art_log_ratio", t->art.log_ratio);
        put(&r, "art_fisher_p", t->art.fisher_p);
        put(&r, "art_p", t->art_p);
        put(&r, "art_q", t->art_q);
        put_text(&r, "art_test", isnan(t->art.fisher_p) ? "g2" : "fisher");
        sink(&r, ctx);
    }
}

static void visit_drivers(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->ndrivers; k++) {
        const slant_cmp_driver *d = &c->drivers[k];
        result_row r = row_of("drivers");
        r.group = slant_comparison_group_name(c, d->a);
        r.reference = slant_comparison_group_name(c, d->b);
        r.indicator = indicator(c, d->indicator);
        r.entry = slant_dataset_entry_name(c->ds, d->entry);
        put(&r, "rate_a", d->rate_a);
        put(&r, "rate_b", d->rate_b);
        sink(&r, ctx);
    }
}

/* A variant entry's variant (its whole text if it is no variant). */
static const char *variant_of(const slant_dataset *ds, size_t e)
{
    const slant_entry_key *key = slant_dataset_entry_info(ds, e);
    return key->kind == SLANT_ENTRY_VARIANT ? key->name : slant_dataset_entry_name(ds, e);
}

static void visit_contested(const slant_comparison *c, row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nconcepts; k++) {
        const slant_cmp_concept *x = &c->concepts[k];
        result_row r = row_of("contested_tests");
        r.indicator = x->concept;
        put(&r, "articles", x->articles);
        put(&r, "groups", (double)x->groups);
        put(&r, "variants", (double)x->variants);
        put(&r, "chi2", x->chi2.statistic);
        put(&r, "chi2_df", x->chi2.df);
        put(&r, "chi2_p", x->chi2.p);
        put(&r, "chi2_q", x->chi2_q);
        put(&r, "cramers_v", x->cramers_v);
        sink(&r, ctx);
    }
    for (size_t k = 0; k < c->nshares; k++) {
        const slant_cmp_share *s = &c->shares[k];
        result_row r = row_of("contested_shares");
        r.group = slant_comparison_group_name(c, s->group);
        r.indicator = slant_dataset_entry_info(c->ds, s->entry)->owner;
        r.entry = variant_of(c->ds, s->entry);
        put(&r, "count", s->count);
        put(&r, "share", s->share);
        put(&r, "share_low", s->share_low);
        put(&r, "share_high", s->share_high);
        sink(&r, ctx);
    }
}

/* The time tables (compare --every, --split; trend.h): "periods" (the period's label in
 * `entry` too, so that it is a key of the long format), "trend" and "split". */
static void visit_time(const slant_comparison *c, row_sink sink, void *ctx)
{
    const slant_trend *t = c->trend;
    if (!t)
        return;
    for (size_t k = 0; k < t->npoints; k++) {
        const slant_trend_point *pt = &t->points[k];
        char label[SLANT_DATE_TEXT], start[SLANT_DATE_TEXT];
        slant_period_label(t->every, pt->start, label);
        slant_date_format(pt->start, start);
        result_row r = row_of("periods");
        r.group = slant_comparison_group_name(c, pt->group);
        r.indicator = indicator(c, pt->indicator);
        r.entry = label;
        put_text(&r, "period", label);
        put_text(&r, "period_start", start);
        put(&r, "n", (double)pt->s.n);
        put(&r, "mean", pt->s.mean);
        put(&r, "sd", pt->s.sd);
        put(&r, "ci_low", pt->s.ci_low);
        put(&r, "ci_high", pt->s.ci_high);
        sink(&r, ctx);
    }
    for (size_t k = 0; k < t->ntests; k++) {
        const slant_trend_test *tt = &t->tests[k];
        result_row r = row_of("trend");
        r.group = slant_comparison_group_name(c, tt->group);
        r.indicator = indicator(c, tt->indicator);
        put(&r, "periods", (double)tt->periods);
        put(&r, "n", (double)tt->n);
        put(&r, "mk_s", tt->s);
        put(&r, "mk_var", tt->var_s);
        put(&r, "kendall_tau", tt->tau);
        put(&r, "mk_z", tt->z);
        put(&r, "mk_p", tt->p);
        put(&r, "mk_q", tt->q);
        put(&r, "sen_slope", tt->slope);
        put(&r, "sen_intercept", tt->intercept);
        put(&r, "sen_low", tt->slope_low);
        put(&r, "sen_high", tt->slope_high);
        sink(&r, ctx);
    }
    for (size_t k = 0; k < t->nsplits; k++) {
        const slant_trend_split *sp = &t->splits[k];
        result_row r = row_of("split");
        r.group = slant_comparison_group_name(c, sp->group);
        r.indicator = indicator(c, sp->indicator);
        put(&r, "n_before", (double)sp->n_before);
        put(&r, "n_after", (double)sp->n_after);
        put(&r, "mean_before", sp->mean_before);
        put(&r, "mean_after", sp->mean_after);
        put(&r, "mean_diff", sp->diff);
        put(&r, "diff_low", sp->diff_low);
        put(&r, "diff_high", sp->diff_high);
        put(&r, "welch_t", sp->welch.statistic);
        put(&r, "welch_df", sp->welch.df);
        put(&r, "welch_p", sp->welch.p);
        put(&r, "welch_q", sp->welch_q);
        put(&r, "mwu_u", sp->mwu.statistic);
        if (sp->n_before && sp->n_after)
            put_text(&r, "mwu_method", method_name(sp->mwu_method));
        else
            put(&r, "mwu_method", NAN); /* no test: null, an empty cell */
        put(&r, "mwu_p", sp->mwu.p);
        put(&r, "mwu_q", sp->mwu_q);
        sink(&r, ctx);
    }
}

/* Within strata (--strata): each pair with the strata held fixed, the groups' adjusted
 * means, and the articles of each group in each stratum (entry: the stratum). */
static void visit_strata(const slant_comparison *c, row_sink sink, void *ctx)
{
    if (!c->opts.strata)
        return;
    for (size_t k = 0; c->stratified && k < c->npairs; k++) {
        const slant_cmp_stratified *x = &c->stratified[k];
        result_row r = row_of("strata_pairs");
        r.group = slant_comparison_group_name(c, x->a);
        r.reference = slant_comparison_group_name(c, x->b);
        r.indicator = indicator(c, x->indicator);
        put(&r, "strata", (double)x->strata);
        put(&r, "n_a", (double)x->na);
        put(&r, "n_b", (double)x->nb);
        put(&r, "ve_z", x->z);
        put(&r, "ve_p", x->p);
        put(&r, "ve_q", x->q);
        put(&r, "crude_diff", x->crude_diff);
        put(&r, "adj_diff", x->adj_diff);
        put(&r, "adj_se", x->adj_se);
        put(&r, "adj_t", x->adj_t);
        put(&r, "adj_df", x->adj_df);
        put(&r, "adj_p", x->adj_p);
        put(&r, "adj_q", x->adj_q);
        put(&r, "adj_low", x->adj_low);
        put(&r, "adj_high", x->adj_high);
        put_text(&r, "verdict", slant_strata_verdict_name((slant_strata_verdict)x->verdict));
        sink(&r, ctx);
    }
    for (size_t k = 0; k < c->nadjusted; k++) {
        const slant_cmp_adjusted *x = &c->adjusted[k];
        result_row r = row_of("strata_means");
        r.group = slant_comparison_group_name(c, x->group);
        r.indicator = indicator(c, x->indicator);
        put(&r, "n", (double)x->n);
        put(&r, "adj_mean", x->mean);
        put(&r, "adj_low", x->low);
        put(&r, "adj_high", x->high);
        sink(&r, ctx);
    }
    for (size_t k = 0; k < c->ngroups; k++) {
        for (size_t s = 0; s < c->nstrata; s++) {
            result_row r = row_of("strata_counts");
            r.group = slant_comparison_group_name(c, c->groups[k]);
            r.entry = slant_dataset_stratum_name(c->ds, s);
            put(&r, "articles", (double)c->stratum_counts[k * c->nstrata + s]);
            sink(&r, ctx);
        }
    }
}

static void visit(const slant_comparison *c, row_sink sink, void *ctx)
{
    visit_summaries(c, sink, ctx);
    visit_omnibus(c, sink, ctx);
    visit_pairs(c, sink, ctx);
    visit_count_models(c, sink, ctx);
    visit_events(c, sink, ctx);
    visit_keyness(c, sink, ctx);
    visit_drivers(c, sink, ctx);
    visit_contested(c, sink, ctx);
    visit_time(c, sink, ctx);
    visit_strata(c, sink, ctx);
}

/* --- tables ---------------------------------------------------------------------------- */

/* Every statistic name, in column order for CSV. */
static const char *const columns[] = {
    "n", "mean", "sd", "median", "q1", "q3", "ci_low", "ci_high", "boot_low", "boot_high",
    "kruskal_h", "kruskal_df", "kruskal_p", "kruskal_q", "welch_f", "welch_df1", "welch_df2",
    "welch_p", "welch_q", "n_a", "n_b", "mean_a", "mean_b", "welch_t", "welch_df", "mwu_u",
    "mwu_method", "mwu_p", "mwu_q", "hedges_g", "g_low", "g_high", "cliffs_delta", "perm_p",
    "perm_q", "events", "mean_diff", "paired_t", "paired_df", "paired_p", "paired_q",
    "wilcoxon_w", "wilcoxon_method", "wilcoxon_p", "wilcoxon_q", "count_a", "count_b",
    "words_a", "words_b", "g2", "g2_p", "g2_q", "chi2", "chi2_p", "log_ratio", "lr_low",
    "lr_high", "pct_diff", "fisher_p", "rate_a", "rate_b", "groups", "variants", "chi2_df",
    "chi2_q", "count", "share", "kruskal_epsilon2", "welch_dropped", "diff_low",
    "diff_high", "delta_low", "delta_high", "cluster_se", "cluster_t", "cluster_df",
    "cluster_p", "cluster_q", "cluster_low", "cluster_high", "flags", "cramers_v", "keyness_test",
    "share_low", "share_high",
    "period", "period_start", "periods", "mk_s", "mk_var", "kendall_tau", "mk_z", "mk_p",
    "mk_q", "sen_slope", "sen_intercept", "sen_low", "sen_high", "n_before", "n_after",
    "mean_before", "mean_after", "df_a", "df_b", "articles_a", "articles_b", "art_g2",
    "art_log_ratio", "art_fisher_p", "art_p", "art_q", "art_test", "articles",
    "rate_ratio", "rr_low", "rr_high", "rr_p", "rr_q", "status",
    "covariance", "rows_dropped", "strata", "strata_dropped", "clusters", "iterations",
    "alpha", "alpha_se", "intercept", "intercept_se", "loglik", "loglik_null", "lr_chi2",
    "lr_df", "lr_p", "wald_chi2", "wald_df", "wald_p", "group_p", "group_q", "coef",
    "coef_se", "coef_z", "coef_p",
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

/* With --strata only, after the others (so a table without strata keeps its columns). */
static const char *const strata_columns[] = {
    "strata", "ve_z", "ve_p", "ve_q", "crude_diff", "adj_diff", "adj_se", "adj_t", "adj_df",
    "adj_p", "adj_q", "adj_low", "adj_high", "verdict", "adj_mean", "articles",
};
#define NSTRATA_COLUMNS (sizeof strata_columns / sizeof strata_columns[0])

static void number_cell(slant_buf *out, double v)
{
    if (isnan(v) || isinf(v))
        return;
    slant_buf_addf(out, "%.10g", v);
}

static void keys(slant_buf *out, const result_row *r)
{
    slant_buf_add_csv(out, r->table);
    const char *k[] = { r->group, r->reference, r->indicator, r->entry };
    for (size_t i = 0; i < 4; i++) {
        slant_buf_addc(out, ',');
        slant_buf_add_csv(out, k[i]);
    }
}

typedef struct {
    slant_buf *out;
    int strata;             /* the strata columns too */
} csv_ctx;

static void csv_cells(const result_row *r, const char *const *cols, size_t ncols,
                      slant_buf *out)
{
    for (size_t col = 0; col < ncols; col++) {
        slant_buf_addc(out, ',');
        for (size_t s = 0; s < r->n; s++) {
            if (strcmp(r->stats[s].name, cols[col]) != 0)
                continue;
            if (r->stats[s].text)
                slant_buf_add_csv(out, r->stats[s].text);
            else
                number_cell(out, r->stats[s].value);
        }
    }
}

static void csv_row(const result_row *r, void *ctx)
{
    csv_ctx *x = ctx;
    keys(x->out, r);
    csv_cells(r, columns, NCOLUMNS, x->out);
    if (x->strata)
        csv_cells(r, strata_columns, NSTRATA_COLUMNS, x->out);
    slant_buf_addc(x->out, '\n');
}

void slant_compare_write_csv(const slant_comparison *c, slant_buf *out)
{
    csv_ctx x = { out, c->opts.strata != NULL };
    slant_buf_adds(out, "table,group,reference,indicator,entry");
    for (size_t col = 0; col < NCOLUMNS; col++) {
        slant_buf_addc(out, ',');
        slant_buf_adds(out, columns[col]);
    }
    for (size_t col = 0; x.strata && col < NSTRATA_COLUMNS; col++) {
        slant_buf_addc(out, ',');
        slant_buf_adds(out, strata_columns[col]);
    }
    slant_buf_addc(out, '\n');
    visit(c, csv_row, &x);
}

static void long_row(const result_row *r, void *ctx)
{
    slant_buf *out = ctx;
    for (size_t s = 0; s < r->n; s++) {
        if (r->stats[s].text)
            continue; /* a method is a label of the row's p-value, not a value */
        keys(out, r);
        slant_buf_addc(out, ',');
        slant_buf_adds(out, r->stats[s].name);
        slant_buf_addc(out, ',');
        number_cell(out, r->stats[s].value);
        slant_buf_addc(out, '\n');
    }
}

void slant_compare_write_long(const slant_comparison *c, slant_buf *out)
{
    slant_buf_adds(out, "table,group,reference,indicator,entry,statistic,value\n");
    visit(c, long_row, out);
}

/* --- JSON ------------------------------------------------------------------------------- */

typedef struct {
    slant_jw *w;
    const char *table;       /* the table whose array is open, or NULL */
} json_ctx;

static void json_row(const result_row *r, void *ctx)
{
    json_ctx *j = ctx;
    if (!j->table || strcmp(j->table, r->table) != 0) {
        if (j->table)
            slant_jw_close(j->w, ']');
        slant_jw_key(j->w, r->table);
        slant_jw_open(j->w, '[');
        j->table = r->table;
    }
    slant_jw_element(j->w);
    slant_jw_open(j->w, '{');
    const char *names[] = { "group", "reference", "indicator", "entry" };
    const char *vals[] = { r->group, r->reference, r->indicator, r->entry };
    for (size_t i = 0; i < 4; i++)
        if (vals[i])
            slant_jw_member_cstring(j->w, names[i], vals[i]);
    for (size_t s = 0; s < r->n; s++) {
        if (r->stats[s].text)
            slant_jw_member_cstring(j->w, r->stats[s].name, r->stats[s].text);
        else
            slant_jw_member_number(j->w, r->stats[s].name, r->stats[s].value);
    }
    slant_jw_close(j->w, '}');
}

/* A concept's or an actor's articles over the compared groups. */
static void active_item(slant_jw *w, const char *key, const char *name, size_t len,
                        double articles, int reported)
{
    slant_jw_element(w);
    slant_jw_open(w, '{');
    slant_jw_key(w, key);
    slant_jw_string(w, name, len);
    slant_jw_member_number(w, "articles", articles);
    if (reported >= 0)
        slant_jw_member_bool(w, "reported", reported);
    slant_jw_close(w, '}');
}

/* What the corpus uses: each contested concept with its articles (reported, or left out
 * under min_df) and each actor with the articles that mention it. */
static void write_active(const slant_comparison *c, slant_jw *w)
{
    slant_jw_key(w, "active");
    slant_jw_open(w, '{');
    slant_jw_key(w, "concepts");
    slant_jw_open(w, '[');
    for (size_t k = 0; k < c->nconcepts; k++)
        active_item(w, "concept", c->concepts[k].concept, strlen(c->concepts[k].concept),
                    c->concepts[k].articles, 1);
    for (size_t k = 0; k < c->nrare_concepts; k++)
        active_item(w, "concept", c->rare_concepts[k].concept,
                    strlen(c->rare_concepts[k].concept), c->rare_concepts[k].articles, 0);
    slant_jw_close(w, ']');
    slant_jw_key(w, "actors");
    slant_jw_open(w, '[');
    for (size_t e = 0; e < slant_dataset_nentries(c->ds); e++) {
        const slant_entry_key *key = slant_dataset_entry_info(c->ds, e);
        if (key->kind == SLANT_ENTRY_ACTOR && !strcmp(key->name, "mentions"))
            active_item(w, "actor", key->owner, strlen(key->owner), c->entry_articles[e], -1);
    }
    slant_jw_close(w, ']');
    slant_jw_close(w, '}');
}

static const char *correction_name(slant_correction k)
{
    return k == SLANT_CORRECT_HOLM ? "holm" : "benjamini-hochberg";
}

/* "events_found": how --event auto found the events, and how many articles they hold. */
static void write_events_found(slant_jw *w, const slant_comparison *c,
                               const slant_compare_view *v)
{
    const slant_events_summary *s = v->events_found;
    slant_jw_key(w, "events_found");
    slant_jw_open(w, '{');
    slant_jw_member_cstring(w, "method", slant_events_method_name(v->events_options->method));
    slant_jw_member_count(w, "window_days", (size_t)v->events_options->window);
    slant_jw_member_number(w, "threshold", s->threshold);
    slant_jw_member_count(w, "events", s->events);
    slant_jw_member_count(w, "articles", s->rows);
    slant_jw_member_count(w, "in_events", s->in_events);
    slant_jw_member_count(w, "left_out", s->rows - s->in_events);
    slant_jw_member_count(w, "undated", s->undated);
    slant_jw_member_count(w, "in_no_event", s->alone);
    slant_jw_member_count(w, "pairs_compared", s->candidates);
    slant_jw_member_count(w, "pairs_linked", s->links);
    slant_jw_key(w, "assignments");
    slant_jw_open(w, '[');
    const slant_dataset *ds = c->ds;
    for (size_t r = 0; r < slant_dataset_nrows(ds); r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (row->event == UINT32_MAX)
            continue;
        slant_jw_element(w);
        slant_jw_open(w, '{');
        slant_jw_member_cstring(w, "id", row->id);
        slant_jw_member_cstring(w, "group", slant_dataset_group_at(ds, row->group)->name);
        slant_jw_member_cstring(w, "event", slant_dataset_event_name(ds, row->event));
        slant_jw_close(w, '}');
    }
    slant_jw_close(w, ']');
    slant_jw_close(w, '}');
}

void slant_compare_write_json(const slant_comparison *c, const slant_compare_view *v,
                              slant_buf *out)
{
    slant_jw w;
    slant_jw_init(&w, out);
    slant_jw_open(&w, '{');
    slant_jw_member_count(&w, "schema", 1);
    slant_jw_member_cstring(&w, "kind", "compare");
    slant_jw_member_cstring(&w, "tool", "slant " SLANT_VERSION);
    slant_jw_member_cstring(&w, "by", v->by);
    slant_jw_member_cstring(&w, "event", v->event);
    if (v->events_found)
        write_events_found(&w, c, v);
    if (c->opts.strata) {
        slant_jw_key(&w, "strata");
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "field", c->opts.strata);
        slant_jw_member_count(&w, "strata", c->nstrata);
        slant_jw_member_count(&w, "articles_without", c->strata_missing);
        slant_jw_member_number(&w, "alpha", c->opts.alpha > 0 ? c->opts.alpha : 0.05);
        slant_jw_member_cstring(&w, "verdicts", SLANT_STRATA_VERDICTS_TEXT);
        slant_jw_close(&w, '}');
    }
    slant_jw_member_number(&w, "level", c->opts.level);
    slant_jw_member_cstring(&w, "correction", correction_name(c->opts.correction));
    slant_jw_member_cstring(&w, "pairs", c->opts.pairs == SLANT_PAIRS_NONE ? "none"
                                         : c->vs_rest                      ? "vs-rest"
                                                                           : "all");
    slant_jw_member_count(&w, "permutations", c->opts.permutations);
    slant_jw_member_count(&w, "bootstrap", c->opts.bootstrap);
    slant_jw_member_bool(&w, "count_model", c->count_models != NULL);
    slant_jw_member_count(&w, "seed", c->opts.seed);
    slant_jw_member_cstring(&w, "null_means",
                            "the statistic is undefined for these data: a group too small, "
                            "no variance, no events in common; or not computed: permutations "
                            "and bootstrap only when asked for, Fisher's test only where an "
                            "expected count is below 5");
    slant_jw_key(&w, "groups");
    slant_jw_open(&w, '[');
    for (size_t g = 0; g < slant_dataset_ngroups(c->ds); g++) {
        const slant_group *x = slant_dataset_group_at(c->ds, g);
        int compared = 0;
        for (size_t k = 0; k < c->ngroups; k++)
            compared |= c->groups[k] == g;
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "name", x->name);
        slant_jw_member_count(&w, "articles", x->articles);
        slant_jw_member_number(&w, "words", x->tokens);
        slant_jw_member_bool(&w, "compared", compared);
        slant_jw_close(&w, '}');
    }
    slant_jw_close(&w, ']');
    slant_jw_key(&w, "keyness_rows");
    slant_jw_open(&w, '{');
    slant_jw_member_count(&w, "written", c->nterms - (c->term_listed ? c->terms_left_out : 0));
    slant_jw_member_count(&w, "left_out", c->term_listed ? c->terms_left_out : 0);
    slant_jw_member_count(&w, "min_df", c->opts.min_df);
    slant_jw_member_cstring(&w, "selection",
                            c->term_listed
                                ? "per group against the rest and per pair: the terms with q "
                                  "below alpha and the top terms by |G2| on each side, of "
                                  "those in at least min_df articles of the side that "
                                  "overuses them (--keyness all writes every row)"
                                : "every row (--keyness all)");
    slant_jw_close(&w, '}');
    write_active(c, &w);
    slant_jw_key(&w, "families");
    slant_jw_open(&w, '[');
    for (size_t f = 0; f < c->nfamilies; f++) {
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "name", c->families[f].name);
        slant_jw_member_cstring(&w, "tests_of", c->families[f].what);
        slant_jw_member_count(&w, "tests", c->families[f].tests);
        slant_jw_member_cstring(&w, "correction", correction_name(c->opts.correction));
        slant_jw_close(&w, '}');
    }
    for (size_t f = 0; c->trend && f < c->trend->nfamilies; f++) {
        const slant_cmp_family *x = &c->trend->families[f];
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "name", x->name);
        slant_jw_member_cstring(&w, "tests_of", x->what);
        slant_jw_member_count(&w, "tests", x->tests);
        slant_jw_member_cstring(&w, "correction", correction_name(c->opts.correction));
        slant_jw_close(&w, '}');
    }
    slant_jw_close(&w, ']');
    if (c->trend) {
        const slant_trend *t = c->trend;
        slant_jw_key(&w, "time");
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "every", t->every ? slant_period_name(t->every) : NULL);
        char day[SLANT_DATE_TEXT];
        if (t->has_split)
            slant_date_format(t->split, day);
        slant_jw_member_cstring(&w, "split", t->has_split ? day : NULL);
        slant_jw_member_cstring(&w, "trend_test", "mann-kendall on period means, sen's slope "
                                                  "per period");
        slant_jw_member_count(&w, "dated", t->dated);
        slant_jw_member_count(&w, "undated", t->undated);
        slant_jw_member_count(&w, "unreadable_dates", t->bad_dates);
        slant_jw_close(&w, '}');
    }
    slant_jw_key(&w, "tables");
    slant_jw_open(&w, '{');
    json_ctx j = { &w, NULL };
    visit(c, json_row, &j);
    if (j.table)
        slant_jw_close(&w, ']');
    slant_jw_close(&w, '}');
    slant_jw_close(&w, '}');
    slant_buf_addc(out, '\n');
    slant_jw_release(&w);
}

/* --- text ------------------------------------------------------------------------------- */

static void fmt_num(char *out, size_t size, double v)
{
    if (isnan(v) || isinf(v))
        snprintf(out, size, "n/a");
    else
        snprintf(out, size, "%.3g", v);
}

static void fmt_p(char *out, size_t size, double p)
{
    if (isnan(p))
        snprintf(out, size, "n/a");
    else if (p < 0.0001)
        snprintf(out, size, "<0.0001");
    else
        snprintf(out, size, "%.4f", p);
}

static const char *bold(const slant_compare_view *v)
{
    return v->colour ? "\033[1m" : "";
}

static const char *plain(const slant_compare_view *v)
{
    return v->colour ? "\033[0m" : "";
}

/* The drivers of one difference: its category's entries sorted by |rate difference|. */
static int cmp_driver(const void *x, const void *y)
{
    const slant_cmp_driver *a = x, *b = y;
    double da = fabs(a->rate_a - a->rate_b), db = fabs(b->rate_a - b->rate_b);
    return da < db ? 1 : (da > db ? -1 : (a->entry > b->entry) - (a->entry < b->entry));
}

static void text_drivers(const slant_comparison *c, const slant_cmp_pair *p, size_t top,
                         slant_buf *out)
{
    slant_cmp_driver *mine = xmalloc((c->ndrivers ? c->ndrivers : 1) * sizeof *mine);
    size_t n = 0;
    for (size_t k = 0; k < c->ndrivers; k++) {
        const slant_cmp_driver *d = &c->drivers[k];
        if (d->a == p->a && d->b == p->b && d->indicator == p->indicator)
            mine[n++] = *d;
    }
    qsort(mine, n, sizeof *mine, cmp_driver);
    if (n)
        slant_buf_adds(out, "      driven by:");
    for (size_t k = 0; k < n && k < top; k++) {
        const slant_entry_key *key = slant_dataset_entry_info(c->ds, mine[k].entry);
        slant_buf_addf(out, "%s %s (%.2f vs %.2f)", k ? "," : "",
                       key->name ? key->name : key->owner, mine[k].rate_a, mine[k].rate_b);
    }
    if (n)
        slant_buf_addc(out, '\n');
    free(mine);
}

static int cmp_pair_effect(const void *x, const void *y)
{
    const slant_cmp_pair *a = *(const slant_cmp_pair *const *)x;
    const slant_cmp_pair *b = *(const slant_cmp_pair *const *)y;
    double ga = isnan(a->g) ? 0 : fabs(a->g), gb = isnan(b->g) ? 0 : fabs(b->g);
    return ga < gb ? 1 : (ga > gb ? -1 : 0);
}

static void text_findings(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    const slant_cmp_pair **sig = xmalloc((c->npairs ? c->npairs : 1) * sizeof *sig);
    size_t n = 0;
    for (size_t k = 0; k < c->npairs; k++)
        if (slant_cmp_pair_called(&c->pairs[k], v->alpha))
            sig[n++] = &c->pairs[k];
    qsort(sig, n, sizeof *sig, cmp_pair_effect);
    slant_buf_addf(out, "%sDifferences between groups%s (called when the primary test, %s, "
                        "has q < %g; the others are secondary; largest effects first)\n",
                   bold(v), plain(v),
                   c->opts.cluster ? "the cluster-robust t" : "Mann-Whitney", v->alpha);
    if (!n)
        slant_buf_adds(out, "  none at this threshold\n");
    for (size_t k = 0; k < n; k++) {
        const slant_cmp_pair *p = sig[k];
        char g[16], lo[16], hi[16], wq[16], mq[16];
        fmt_num(g, sizeof g, p->g);
        fmt_num(lo, sizeof lo, p->g_low);
        fmt_num(hi, sizeof hi, p->g_high);
        fmt_p(wq, sizeof wq, p->welch_q);
        fmt_p(mq, sizeof mq, p->mwu_q);
        const char *ind = indicator(c, p->indicator);
        int per_1000 = slant_indicator_unit(ind) == SLANT_UNIT_RATE;
        slant_buf_addf(out, "  %s: %s %.2f vs %s %.2f%s", ind,
                       slant_comparison_group_name(c, p->a), p->mean_a,
                       slant_comparison_group_name(c, p->b), p->mean_b,
                       per_1000 ? " per 1,000 words" : "");
        if (p->mean_b > 0 && p->mean_a > 0)
            slant_buf_addf(out, " (%.1f times)", p->mean_a / p->mean_b);
        slant_buf_addf(out, "\n      Cliff's delta %.2f [%.2f, %.2f], Hedges' g %s [%s, %s]; "
                            "Mann-Whitney (%s) q %s, Welch q %s",
                       p->delta, p->delta_low, p->delta_high, g, lo, hi,
                       method_name(p->mwu_method), mq, wq);
        if (p->flags & SLANT_PAIR_CLUSTERED) {
            char cq[16];
            fmt_p(cq, sizeof cq, p->cluster_q);
            slant_buf_addf(out, ", cluster-robust q %s (%zu clusters)", cq, p->cluster.clusters);
        }
        if (p->flags & SLANT_PAIR_ZERO_VARIANCE)
            slant_buf_adds(out, " (no Welch t: a group's values are all equal)");
        if (p->flags & SLANT_PAIR_SMALL_N)
            slant_buf_addf(out, " [small group: n %zu vs %zu]", p->na, p->nb);
        slant_buf_addc(out, '\n');
        if (!isnan(p->rr_high)) {
            char rq[16];
            fmt_p(rq, sizeof rq, p->rr_q);
            slant_buf_addf(out, "      rate ratio %.2f [%.2f, %.2f] (%s, q %s)\n", p->rr,
                           p->rr_low, p->rr_high,
                           c->vs_rest ? "quasi-Poisson" : "negative binomial", rq);
        }
        text_drivers(c, p, v->top_terms, out);
    }
    free(sig);
}

static void text_means(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    slant_buf_addf(out, "\n%sMean per article%s (rates per 1,000 words, shares from 0 to 1, "
                        "certainty from -1 to 1; %g%% CI of the mean)\n",
                   bold(v), plain(v), 100 * c->opts.level);
    slant_buf_addf(out, "  %-22s", "indicator");
    for (size_t k = 0; k < c->ngroups; k++)
        slant_buf_addf(out, " %24.24s", slant_comparison_group_name(c, c->groups[k]));
    slant_buf_addc(out, '\n');
    for (size_t i = 0; i < c->nindicators; i++) {
        slant_buf_addf(out, "  %-22.22s", indicator(c, c->indicators[i]));
        for (size_t k = 0; k < c->ngroups; k++) {
            const slant_cmp_summary *s = &c->summaries[k * c->nindicators + i];
            char cell[64];
            if (isnan(s->s.ci_low))
                snprintf(cell, sizeof cell, "%.2f", s->s.mean);
            else
                snprintf(cell, sizeof cell, "%.2f [%.2f, %.2f]", s->s.mean, s->s.ci_low,
                         s->s.ci_high);
            slant_buf_addf(out, " %24s", cell);
        }
        slant_buf_addc(out, '\n');
    }
}

/* compare --every and --split: the trend of each group and indicator, and the split. */
static void text_time(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    const slant_trend *t = c->trend;
    if (!t)
        return;
    if (t->every) {
        slant_buf_addf(out, "\n%sOver time%s, per %s (Mann-Kendall on the period means; Sen's "
                            "slope per %s with its %g%% CI)\n",
                       bold(v), plain(v), slant_period_name(t->every),
                       slant_period_name(t->every), 100 * c->opts.level);
        slant_buf_addf(out, "  %-22s %-24s %7s %7s %26s %9s %9s\n", "indicator", "group",
                       "periods", "tau", "slope [CI]", "p", "q");
        for (size_t k = 0; k < t->ntests; k++) {
            const slant_trend_test *tt = &t->tests[k];
            char tau[16], p[16], q[16], slope[64];
            fmt_num(tau, sizeof tau, tt->tau);
            fmt_p(p, sizeof p, tt->p);
            fmt_p(q, sizeof q, tt->q);
            if (isnan(tt->slope))
                snprintf(slope, sizeof slope, "n/a");
            else
                snprintf(slope, sizeof slope, "%.3g [%.3g, %.3g]", tt->slope, tt->slope_low,
                         tt->slope_high);
            slant_buf_addf(out, "  %-22.22s %-24.24s %7zu %7s %26s %9s %9s\n",
                           indicator(c, tt->indicator),
                           slant_comparison_group_name(c, tt->group), tt->periods, tau, slope,
                           p, q);
        }
    }
    if (t->has_split) {
        char day[SLANT_DATE_TEXT];
        slant_date_format(t->split, day);
        slant_buf_addf(out, "\n%sBefore and after %s%s (difference after - before, Welch %g%% "
                            "CI; Mann-Whitney U)\n",
                       bold(v), day, plain(v), 100 * c->opts.level);
        slant_buf_addf(out, "  %-22s %-24s %6s %6s %26s %9s %9s\n", "indicator", "group",
                       "before", "after", "difference [CI]", "p", "q");
        for (size_t k = 0; k < t->nsplits; k++) {
            const slant_trend_split *sp = &t->splits[k];
            char p[16], q[16], diff[64];
            fmt_p(p, sizeof p, sp->mwu.p);
            fmt_p(q, sizeof q, sp->mwu_q);
            if (isnan(sp->diff_low))
                snprintf(diff, sizeof diff, "n/a");
            else
                snprintf(diff, sizeof diff, "%.3g [%.3g, %.3g]", sp->diff, sp->diff_low,
                         sp->diff_high);
            slant_buf_addf(out, "  %-22.22s %-24.24s %6zu %6zu %26s %9s %9s\n",
                           indicator(c, sp->indicator),
                           slant_comparison_group_name(c, sp->group), sp->n_before,
                           sp->n_after, diff, p, q);
        }
    }
    slant_buf_addf(out, "  (%zu articles dated; %zu without a date, %zu of them with one slant "
                        "cannot read: left out)\n",
                   t->dated, t->undated, t->bad_dates);
}

static void text_omnibus(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    slant_buf_addf(out, "\n%sAcross all groups%s\n", bold(v), plain(v));
    slant_buf_addf(out, "  %-22s %10s %9s %9s %10s %9s %9s\n", "indicator", "Kruskal H",
                   "p", "q", "Welch F", "p", "q");
    for (size_t k = 0; k < c->nomnibus; k++) {
        const slant_cmp_omnibus *o = &c->omnibus[k];
        char h[16], p1[16], q1[16], f[16], p2[16], q2[16];
        fmt_num(h, sizeof h, o->kruskal.statistic);
        fmt_p(p1, sizeof p1, o->kruskal.p);
        fmt_p(q1, sizeof q1, o->kruskal_q);
        fmt_num(f, sizeof f, o->welch.statistic);
        fmt_p(p2, sizeof p2, o->welch.p);
        fmt_p(q2, sizeof q2, o->welch_q);
        slant_buf_addf(out, "  %-22.22s %10s %9s %9s %10s %9s %9s", indicator(c, o->indicator),
                       h, p1, q1, f, p2, q2);
        if (o->welch_dropped)
            slant_buf_addf(out, "  (Welch without %zu group%s of equal values)",
                           o->welch_dropped, o->welch_dropped == 1 ? "" : "s");
        slant_buf_addc(out, '\n');
    }
}

static void text_count_models(const slant_comparison *c, const slant_compare_view *v,
                              slant_buf *out)
{
    if (!c->count_models)
        return;
    slant_buf_addf(out, "\n%sCount model%s (negative binomial regression of each article's "
                        "count with log(words) as offset, alpha its dispersion, 0 where the "
                        "counts are no more dispersed than Poisson's and the fit is Poisson's; "
                        "reference group %s; %s)\n",
                   bold(v), plain(v), slant_comparison_group_name(c, c->groups[0]),
                   c->opts.cluster ? "cluster-robust Wald test of the groups"
                                   : "likelihood-ratio test of the groups");
    slant_buf_addf(out, "  %-22s %9s %10s %4s %9s %9s\n", "indicator", "alpha", "chi2", "df",
                   "p", "q");
    for (size_t k = 0; k < c->nindicators; k++) {
        const slant_cmp_count_model *cm = &c->count_models[k];
        if (!cm->counts)
            continue;
        const slant_nb_model *m = &cm->m;
        if (m->status != SLANT_NB_OK || strcmp(cm->status, "ok") != 0) {
            slant_buf_addf(out, "  %-22.22s no fit: %s\n", indicator(c, cm->indicator),
                           cm->status);
            continue;
        }
        char a[16], x[16], p[16], q[16];
        double chi2 = m->robust ? m->wald : m->lr, df = m->robust ? m->wald_df : m->lr_df;
        fmt_num(a, sizeof a, m->alpha);
        fmt_num(x, sizeof x, chi2);
        fmt_p(p, sizeof p, cm->group_p);
        fmt_p(q, sizeof q, cm->group_q);
        slant_buf_addf(out, "  %-22.22s %9s %10s %4.0f %9s %9s\n", indicator(c, cm->indicator),
                       a, x, df, p, q);
    }
}

static void text_events(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    if (!c->npaired)
        return;
    if (v->events_found)
        slant_buf_addf(out, "\n%sWithin events%s (%zu found automatically: articles at most "
                            "%d days apart with %s similarity >= %g; the same events "
                            "covered by both groups; called when the Wilcoxon q < %g)\n",
                       bold(v), plain(v), v->events_found->events,
                       (int)v->events_options->window,
                       slant_events_method_name(v->events_options->method),
                       v->events_found->threshold, v->alpha);
    else
        slant_buf_addf(out, "\n%sWithin events%s (field '%s': the same events covered by "
                            "both groups; called when the Wilcoxon q < %g)\n",
                       bold(v), plain(v), v->event ? v->event : "", v->alpha);
    size_t shown = 0;
    for (size_t k = 0; k < c->npaired; k++) {
        const slant_cmp_paired *p = &c->paired[k];
        if (!(p->wilcoxon_q < v->alpha)) /* the rank test is primary here too */
            continue;
        char tq[16], wq[16];
        fmt_p(tq, sizeof tq, p->paired_q);
        fmt_p(wq, sizeof wq, p->wilcoxon_q);
        slant_buf_addf(out, "  %s: %s - %s = %.2f on average over %zu events; paired t q %s, "
                            "Wilcoxon (%s) q %s\n",
                       indicator(c, p->indicator), slant_comparison_group_name(c, p->a),
                       slant_comparison_group_name(c, p->b), p->mean_diff, p->events, tq,
                       method_name(p->wilcoxon_method), wq);
        shown++;
    }
    if (!shown)
        slant_buf_adds(out, "  none at this threshold\n");
}

static int cmp_term(const void *x, const void *y)
{
    const slant_cmp_term *a = *(const slant_cmp_term *const *)x;
    const slant_cmp_term *b = *(const slant_cmp_term *const *)y;
    return a->k.g2 < b->k.g2 ? 1 : (a->k.g2 > b->k.g2 ? -1 : 0);
}

static void text_keyness(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    if (!c->nterms) {
        slant_buf_adds(out, "\n(no term keyness: the input had no evidence; score with "
                            "--evidence, or give compare the articles)\n");
        return;
    }
    slant_buf_addf(out, "\n%sTerms that set each group apart%s (against the rest: signed G², "
                        "Log Ratio, q, articles with the term; in at least %zu of the "
                        "group's articles)\n",
                   bold(v), plain(v), c->opts.min_df > 1 ? c->opts.min_df : 1);
    const slant_cmp_term **mine = xmalloc(c->nterms * sizeof *mine);
    for (size_t k = 0; k < c->ngroups; k++) {
        size_t n = 0;
        for (size_t t = 0; t < c->nterms; t++)
            if (c->terms[t].group == c->groups[k] && c->terms[t].reference == SLANT_REST &&
                c->terms[t].k.g2 > 0 && slant_cmp_term_frequent(c, &c->terms[t]))
                mine[n++] = &c->terms[t];
        qsort(mine, n, sizeof *mine, cmp_term);
        slant_buf_addf(out, "  %s:", slant_comparison_group_name(c, c->groups[k]));
        for (size_t t = 0; t < n && t < v->top_terms; t++) {
            char q[16];
            fmt_p(q, sizeof q, mine[t]->g2_q);
            slant_buf_addf(out, "%s %s (G² %.1f, LR %.2f, q %s, %.0f/%.0f articles)",
                           t ? "," : "", slant_dataset_entry_name(c->ds, mine[t]->entry),
                           mine[t]->k.g2, mine[t]->k.log_ratio, q, mine[t]->df_a,
                           mine[t]->articles_a);
        }
        slant_buf_adds(out, n ? "\n" : " none\n");
    }
    free(mine);
}

static void text_contested(const slant_comparison *c, const slant_compare_view *v,
                           slant_buf *out)
{
    if (c->nrare_concepts) {
        slant_buf_addf(out, "\n%zu contested concept%s used in fewer than %zu articles, not "
                            "tested:",
                       c->nrare_concepts, c->nrare_concepts == 1 ? "" : "s", c->opts.min_df);
        for (size_t k = 0; k < c->nrare_concepts; k++)
            slant_buf_addf(out, "%s %s (%.0f)", k ? "," : "", c->rare_concepts[k].concept,
                           c->rare_concepts[k].articles);
        slant_buf_addc(out, '\n');
    }
    if (!c->nconcepts)
        return;
    slant_buf_addf(out, "\n%sWho is called what%s (contested labels: each group's share of "
                        "a concept's variants; chi-square of groups by variants)\n",
                   bold(v), plain(v));
    for (size_t k = 0; k < c->nconcepts; k++) {
        const slant_cmp_concept *x = &c->concepts[k];
        char chi2[16], p[16], q[16];
        fmt_num(chi2, sizeof chi2, x->chi2.statistic);
        fmt_p(p, sizeof p, x->chi2.p);
        fmt_p(q, sizeof q, x->chi2_q);
        slant_buf_addf(out, "  %s (%.0f articles; chi2 %s, p %s, q %s)\n", x->concept,
                       x->articles, chi2, p, q);
        for (size_t g = 0; g < c->ngroups; g++) {
            int any = 0;
            for (size_t s = 0; s < c->nshares; s++) {
                const slant_cmp_share *sh = &c->shares[s];
                const slant_entry_key *key = slant_dataset_entry_info(c->ds, sh->entry);
                if (sh->group != c->groups[g] || strcmp(key->owner, x->concept) ||
                    sh->count == 0)
                    continue;
                if (!any)
                    slant_buf_addf(out, "    %-28s", slant_comparison_group_name(c, sh->group));
                slant_buf_addf(out, "%s %s %.0f%% (%.0f)", any ? "," : "", variant_of(c->ds, sh->entry),
                               100 * sh->share, sh->count);
                any = 1;
            }
            if (any)
                slant_buf_addc(out, '\n');
        }
    }
}

/* One sentence per pair called with or without strata (the verdict). */
static void text_strata(const slant_comparison *c, const slant_compare_view *v, slant_buf *out)
{
    if (!c->opts.strata)
        return;
    slant_buf_addf(out, "\n%sWithin strata%s (field '%s': %zu strata; %zu article%s without "
                        "one left out; called when van Elteren's q < %g; adjusted "
                        "differences from OLS with stratum fixed effects)\n",
                   bold(v), plain(v), c->opts.strata, c->nstrata, c->strata_missing,
                   c->strata_missing == 1 ? "" : "s", v->alpha);
    size_t shown = 0;
    for (size_t k = 0; c->stratified && k < c->npairs; k++) {
        const slant_cmp_stratified *x = &c->stratified[k];
        if (x->verdict == SLANT_STRATA_NONE)
            continue;
        char q[16], lo[16], hi[16];
        fmt_p(q, sizeof q, x->q);
        fmt_num(lo, sizeof lo, x->adj_low);
        fmt_num(hi, sizeof hi, x->adj_high);
        slant_buf_addf(out, "  %s: %s - %s = %.2f without strata, %.2f [%s, %s] within them "
                            "(%zu strata; van Elteren q %s): the difference %s.\n",
                       indicator(c, x->indicator), slant_comparison_group_name(c, x->a),
                       slant_comparison_group_name(c, x->b), x->crude_diff, x->adj_diff, lo,
                       hi, x->strata, q,
                       slant_strata_verdict_name((slant_strata_verdict)x->verdict));
        shown++;
    }
    if (!shown)
        slant_buf_adds(out, "  no difference called with or without strata\n");
}

void slant_compare_write_text(const slant_comparison *c, const slant_compare_view *v,
                              slant_buf *out)
{
    size_t articles = 0;
    for (size_t k = 0; k < c->ngroups; k++)
        articles += slant_dataset_group_at(c->ds, c->groups[k])->articles;
    slant_buf_addf(out, "%sslant compare%s: %zu groups by '%s', %zu articles\n", bold(v),
                   plain(v), c->ngroups, v->by, articles);
    for (size_t k = 0; k < c->ngroups; k++) {
        const slant_group *g = slant_dataset_group_at(c->ds, c->groups[k]);
        slant_buf_addf(out, "  %-30s %5zu articles %9.0f words\n", g->name, g->articles,
                       g->tokens);
    }
    for (size_t k = 0; k < c->nleft_out; k++) {
        const slant_group *g = slant_dataset_group_at(c->ds, c->left_out[k]);
        slant_buf_addf(out, "  %-30s %5zu article%s: left out (fewer than --min-n %zu)\n",
                       g->name, g->articles, g->articles == 1 ? "" : "s", c->opts.min_n);
    }
    slant_buf_addc(out, '\n');
    text_findings(c, v, out);
    text_events(c, v, out);
    text_strata(c, v, out);
    text_means(c, v, out);
    text_omnibus(c, v, out);
    text_count_models(c, v, out);
    text_contested(c, v, out);
    text_keyness(c, v, out);
    text_time(c, v, out);
    slant_buf_addf(out, "\n%sMethod%s: %s within each family:", bold(v), plain(v),
                   correction_name(c->opts.correction));
    for (size_t f = 0; f < c->nfamilies; f++)
        slant_buf_addf(out, "%s %s (%zu tests)", f ? "," : "", c->families[f].name,
                       c->families[f].tests);
    for (size_t f = 0; c->trend && f < c->trend->nfamilies; f++)
        slant_buf_addf(out, "%s %s (%zu tests)", f || c->nfamilies ? "," : "",
                       c->trend->families[f].name, c->trend->families[f].tests);
    slant_buf_addf(out, ". Intervals at %g%%. Mann-Whitney and Wilcoxon are exact for small "
                        "samples without ties, normal with tie correction otherwise. The "
                        "primary test of a pair is %s: a difference is called on its q "
                        "alone; the other pair tests are secondary (docs/schema/compare.md). "
                        "n/a: undefined for these data.\n",
                   100 * c->opts.level,
                   c->opts.cluster ? "the cluster-robust t (pairs/cluster_t)"
                                   : "Mann-Whitney U (pairs/mann_whitney), which holds its "
                                     "size on zero-heavy rates where Welch's t does not");
}
