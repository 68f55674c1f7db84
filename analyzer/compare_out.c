/* The comparison as JSON, CSV and long tables (compare_out.h): a sink per format for the
 * one walk over its rows (compare_rows.c), and the JSON's members around the tables. The
 * text report is compare_text.c. */

#include "compare_out.h"

#include <math.h>
#include <string.h>

#include "compare_out_parts.h"
#include "jw.h"
#include "trend.h"
#include "version.h"

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

static void keys(slant_buf *out, const slant_cmp_row *r)
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

static void csv_cells(const slant_cmp_row *r, const char *const *cols, size_t ncols,
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

static void csv_row(const slant_cmp_row *r, void *ctx)
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
    slant_cmp_out_visit(c, csv_row, &x);
}

static void long_row(const slant_cmp_row *r, void *ctx)
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
    slant_cmp_out_visit(c, long_row, out);
}

/* --- JSON ------------------------------------------------------------------------------- */

typedef struct {
    slant_jw *w;
    const char *table;       /* the table whose array is open, or NULL */
} json_ctx;

static void json_row(const slant_cmp_row *r, void *ctx)
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

const char *slant_cmp_out_correction(slant_correction k)
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
    slant_jw_member_cstring(&w, "correction", slant_cmp_out_correction(c->opts.correction));
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
        slant_jw_member_cstring(&w, "correction", slant_cmp_out_correction(c->opts.correction));
        slant_jw_close(&w, '}');
    }
    for (size_t f = 0; c->trend && f < c->trend->nfamilies; f++) {
        const slant_cmp_family *x = &c->trend->families[f];
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "name", x->name);
        slant_jw_member_cstring(&w, "tests_of", x->what);
        slant_jw_member_count(&w, "tests", x->tests);
        slant_jw_member_cstring(&w, "correction", slant_cmp_out_correction(c->opts.correction));
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
    slant_cmp_out_visit(c, json_row, &j);
    if (j.table)
        slant_jw_close(&w, ']');
    slant_jw_close(&w, '}');
    slant_jw_close(&w, '}');
    slant_buf_addc(out, '\n');
    slant_jw_release(&w);
}
