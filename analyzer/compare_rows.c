/* The rows of a comparison (compare_out_parts.h): one per result, with the keys that name
 * it and its statistics by name, in one walk that every table writer (JSON, CSV, long)
 * takes with its own sink. */

#include <math.h>
#include <string.h>

#include "compare_out.h"
#include "compare_out_parts.h"
#include "trend.h"

static void put(slant_cmp_row *r, const char *name, double value)
{
    r->stats[r->n].name = name;
    r->stats[r->n].value = value;
    r->stats[r->n].text = NULL;
    r->n++;
}

static void put_text(slant_cmp_row *r, const char *name, const char *text)
{
    r->stats[r->n].name = name;
    r->stats[r->n].value = NAN;
    r->stats[r->n].text = text;
    r->n++;
}

static slant_cmp_row row_of(const char *table)
{
    slant_cmp_row r;
    memset(&r, 0, sizeof r);
    r.table = table;
    return r;
}

const char *slant_cmp_out_method(slant_mwu_method m)
{
    return m == SLANT_MWU_EXACT ? "exact" : "normal";
}

const char *slant_cmp_out_indicator(const slant_comparison *c, size_t i)
{
    return slant_dataset_indicator_name(c->ds, i);
}

static void visit_summaries(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nsummaries; k++) {
        const slant_cmp_summary *s = &c->summaries[k];
        slant_cmp_row r = row_of("summary");
        r.group = slant_comparison_group_name(c, s->group);
        r.indicator = slant_cmp_out_indicator(c, s->indicator);
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

static void visit_omnibus(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nomnibus; k++) {
        const slant_cmp_omnibus *o = &c->omnibus[k];
        slant_cmp_row r = row_of("omnibus");
        r.indicator = slant_cmp_out_indicator(c, o->indicator);
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

static void visit_pairs(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->npairs; k++) {
        const slant_cmp_pair *p = &c->pairs[k];
        slant_cmp_row r = row_of("pairs");
        r.group = slant_comparison_group_name(c, p->a);
        r.reference = slant_comparison_group_name(c, p->b);
        r.indicator = slant_cmp_out_indicator(c, p->indicator);
        put(&r, "n_a", (double)p->na);
        put(&r, "n_b", (double)p->nb);
        put(&r, "mean_a", p->mean_a);
        put(&r, "mean_b", p->mean_b);
        put(&r, "welch_t", p->welch.statistic);
        put(&r, "welch_df", p->welch.df);
        put(&r, "welch_p", p->welch.p);
        put(&r, "welch_q", p->welch_q);
        put(&r, "mwu_u", p->mwu.statistic);
        put_text(&r, "mwu_method", slant_cmp_out_method(p->mwu_method));
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
static void visit_count_models(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; c->count_models && k < c->nindicators; k++) {
        const slant_cmp_count_model *cm = &c->count_models[k];
        if (!cm->counts)
            continue;
        const slant_nb_model *m = &cm->m;
        int ok = count_model_ok(cm);
        slant_cmp_row r = row_of("count_model");
        r.reference = slant_comparison_group_name(c, cm->reference);
        r.indicator = slant_cmp_out_indicator(c, cm->indicator);
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
            slant_cmp_row x = row_of("count_model_coef");
            slant_nb_ratio rr;
            slant_nb_rate_ratio(m, g, 0, c->opts.level, &rr);
            x.group = slant_comparison_group_name(c, c->groups[g]);
            x.reference = slant_comparison_group_name(c, cm->reference);
            x.indicator = slant_cmp_out_indicator(c, cm->indicator);
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

static void visit_events(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->npaired; k++) {
        const slant_cmp_paired *p = &c->paired[k];
        slant_cmp_row r = row_of("events");
        r.group = slant_comparison_group_name(c, p->a);
        r.reference = slant_comparison_group_name(c, p->b);
        r.indicator = slant_cmp_out_indicator(c, p->indicator);
        put(&r, "events", (double)p->events);
        put(&r, "mean_diff", p->mean_diff);
        put(&r, "diff_low", p->diff_low);
        put(&r, "diff_high", p->diff_high);
        put(&r, "paired_t", p->paired_t.statistic);
        put(&r, "paired_df", p->paired_t.df);
        put(&r, "paired_p", p->paired_t.p);
        put(&r, "paired_q", p->paired_q);
        put(&r, "wilcoxon_w", p->wilcoxon.statistic);
        put_text(&r, "wilcoxon_method", slant_cmp_out_method(p->wilcoxon_method));
        put(&r, "wilcoxon_p", p->wilcoxon.p);
        put(&r, "wilcoxon_q", p->wilcoxon_q);
        sink(&r, ctx);
    }
}

static void visit_keyness(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nterms; k++) {
        const slant_cmp_term *t = &c->terms[k];
        if (c->term_listed && !c->term_listed[k])
            continue; /* counted in keyness_rows.left_out (slant_comparison_select_terms) */
        slant_cmp_row r = row_of("keyness");
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

static void visit_drivers(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->ndrivers; k++) {
        const slant_cmp_driver *d = &c->drivers[k];
        slant_cmp_row r = row_of("drivers");
        r.group = slant_comparison_group_name(c, d->a);
        r.reference = slant_comparison_group_name(c, d->b);
        r.indicator = slant_cmp_out_indicator(c, d->indicator);
        r.entry = slant_dataset_entry_name(c->ds, d->entry);
        put(&r, "rate_a", d->rate_a);
        put(&r, "rate_b", d->rate_b);
        sink(&r, ctx);
    }
}

/* A variant entry's variant (its whole text if it is no variant). */
const char *slant_cmp_out_variant(const slant_dataset *ds, size_t e)
{
    const slant_entry_key *key = slant_dataset_entry_info(ds, e);
    return key->kind == SLANT_ENTRY_VARIANT ? key->name : slant_dataset_entry_name(ds, e);
}

static void visit_contested(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    for (size_t k = 0; k < c->nconcepts; k++) {
        const slant_cmp_concept *x = &c->concepts[k];
        slant_cmp_row r = row_of("contested_tests");
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
        slant_cmp_row r = row_of("contested_shares");
        r.group = slant_comparison_group_name(c, s->group);
        r.indicator = slant_dataset_entry_info(c->ds, s->entry)->owner;
        r.entry = slant_cmp_out_variant(c->ds, s->entry);
        put(&r, "count", s->count);
        put(&r, "share", s->share);
        put(&r, "share_low", s->share_low);
        put(&r, "share_high", s->share_high);
        sink(&r, ctx);
    }
}

/* The time tables (compare --every, --split; trend.h): "periods" (the period's label in
 * `entry` too, so that it is a key of the long format), "trend" and "split". */
static void visit_time(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    const slant_trend *t = c->trend;
    if (!t)
        return;
    for (size_t k = 0; k < t->npoints; k++) {
        const slant_trend_point *pt = &t->points[k];
        char label[SLANT_DATE_TEXT], start[SLANT_DATE_TEXT];
        slant_period_label(t->every, pt->start, label);
        slant_date_format(pt->start, start);
        slant_cmp_row r = row_of("periods");
        r.group = slant_comparison_group_name(c, pt->group);
        r.indicator = slant_cmp_out_indicator(c, pt->indicator);
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
        slant_cmp_row r = row_of("trend");
        r.group = slant_comparison_group_name(c, tt->group);
        r.indicator = slant_cmp_out_indicator(c, tt->indicator);
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
        slant_cmp_row r = row_of("split");
        r.group = slant_comparison_group_name(c, sp->group);
        r.indicator = slant_cmp_out_indicator(c, sp->indicator);
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
            put_text(&r, "mwu_method", slant_cmp_out_method(sp->mwu_method));
        else
            put(&r, "mwu_method", NAN); /* no test: null, an empty cell */
        put(&r, "mwu_p", sp->mwu.p);
        put(&r, "mwu_q", sp->mwu_q);
        sink(&r, ctx);
    }
}

/* Within strata (--strata): each pair with the strata held fixed, the groups' adjusted
 * means, and the articles of each group in each stratum (entry: the stratum). */
static void visit_strata(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
{
    if (!c->opts.strata)
        return;
    for (size_t k = 0; c->stratified && k < c->npairs; k++) {
        const slant_cmp_stratified *x = &c->stratified[k];
        slant_cmp_row r = row_of("strata_pairs");
        r.group = slant_comparison_group_name(c, x->a);
        r.reference = slant_comparison_group_name(c, x->b);
        r.indicator = slant_cmp_out_indicator(c, x->indicator);
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
        slant_cmp_row r = row_of("strata_means");
        r.group = slant_comparison_group_name(c, x->group);
        r.indicator = slant_cmp_out_indicator(c, x->indicator);
        put(&r, "n", (double)x->n);
        put(&r, "adj_mean", x->mean);
        put(&r, "adj_low", x->low);
        put(&r, "adj_high", x->high);
        sink(&r, ctx);
    }
    for (size_t k = 0; k < c->ngroups; k++) {
        for (size_t s = 0; s < c->nstrata; s++) {
            slant_cmp_row r = row_of("strata_counts");
            r.group = slant_comparison_group_name(c, c->groups[k]);
            r.entry = slant_dataset_stratum_name(c->ds, s);
            put(&r, "articles", (double)c->stratum_counts[k * c->nstrata + s]);
            sink(&r, ctx);
        }
    }
}

void slant_cmp_out_visit(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx)
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
