/* The comparison as a text report for a terminal (compare_out.h): the findings first, then
 * the tables, then the method. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_out.h"
#include "compare_out_parts.h"
#include "indicator.h"
#include "trend.h"
#include "xalloc.h"

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

/* "v [low, high]", or "n/a" when the estimate is undefined (`undefined`). */
static void fmt_interval(char *out, size_t size, int undefined, double v, double low,
                         double high)
{
    if (undefined)
        snprintf(out, size, "n/a");
    else
        snprintf(out, size, "%.3g [%.3g, %.3g]", v, low, high);
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
        const char *ind = slant_cmp_out_indicator(c, p->indicator);
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
                       slant_cmp_out_method(p->mwu_method), mq, wq);
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
        slant_buf_addf(out, "  %-22.22s", slant_cmp_out_indicator(c, c->indicators[i]));
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
            fmt_interval(slope, sizeof slope, isnan(tt->slope), tt->slope, tt->slope_low,
                         tt->slope_high);
            slant_buf_addf(out, "  %-22.22s %-24.24s %7zu %7s %26s %9s %9s\n",
                           slant_cmp_out_indicator(c, tt->indicator),
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
            fmt_interval(diff, sizeof diff, isnan(sp->diff_low), sp->diff, sp->diff_low,
                         sp->diff_high);
            slant_buf_addf(out, "  %-22.22s %-24.24s %6zu %6zu %26s %9s %9s\n",
                           slant_cmp_out_indicator(c, sp->indicator),
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
        slant_buf_addf(out, "  %-22.22s %10s %9s %9s %10s %9s %9s",
                       slant_cmp_out_indicator(c, o->indicator), h, p1, q1, f, p2, q2);
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
            slant_buf_addf(out, "  %-22.22s no fit: %s\n",
                           slant_cmp_out_indicator(c, cm->indicator), cm->status);
            continue;
        }
        char a[16], x[16], p[16], q[16];
        double chi2 = m->robust ? m->wald : m->lr, df = m->robust ? m->wald_df : m->lr_df;
        fmt_num(a, sizeof a, m->alpha);
        fmt_num(x, sizeof x, chi2);
        fmt_p(p, sizeof p, cm->group_p);
        fmt_p(q, sizeof q, cm->group_q);
        slant_buf_addf(out, "  %-22.22s %9s %10s %4.0f %9s %9s\n",
                       slant_cmp_out_indicator(c, cm->indicator), a, x, df, p, q);
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
                       slant_cmp_out_indicator(c, p->indicator),
                       slant_comparison_group_name(c, p->a),
                       slant_comparison_group_name(c, p->b), p->mean_diff, p->events, tq,
                       slant_cmp_out_method(p->wilcoxon_method), wq);
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
                slant_buf_addf(out, "%s %s %.0f%% (%.0f)", any ? "," : "",
                               slant_cmp_out_variant(c->ds, sh->entry), 100 * sh->share,
                               sh->count);
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
                       slant_cmp_out_indicator(c, x->indicator),
                       slant_comparison_group_name(c, x->a),
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
                   slant_cmp_out_correction(c->opts.correction));
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
