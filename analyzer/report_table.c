/* The report's tables as data (report_table.h): each built once here, from the report,
 * for every writer. */

#include "report_table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "trend.h"
#include "xalloc.h"

/* --- the table type ----------------------------------------------------------------------- */

static void cell_init(slant_report_cell *c)
{
    memset(c, 0, sizeof *c);
    c->kind = SLANT_CELL_TEXT;
    c->value = NAN;
    c->source = SLANT_REPORT_NONE;
    c->term = SLANT_REPORT_NONE;
}

static void cell_release(slant_report_cell *c)
{
    free(c->text);
    free(c->note);
}

void slant_report_table_init(slant_report_table *t, const char *id, const char *caption,
                             size_t ncols)
{
    memset(t, 0, sizeof *t);
    t->id = xstrdup(id);
    t->caption = xstrdup(caption);
    t->ncols = ncols;
    t->header = xcalloc(ncols, sizeof *t->header);
    t->align = xcalloc(ncols, sizeof *t->align);
    for (size_t c = 0; c < ncols; c++) {
        cell_init(&t->header[c]);
        t->header[c].text = xstrdup("");
        t->align[c] = c ? SLANT_ALIGN_RIGHT : SLANT_ALIGN_LEFT;
    }
}

void slant_report_table_release(slant_report_table *t)
{
    for (size_t c = 0; c < t->ncols; c++)
        cell_release(&t->header[c]);
    for (size_t k = 0; k < t->nrows * t->ncols; k++)
        cell_release(&t->cells[k]);
    free(t->header);
    free(t->align);
    free(t->cells);
    free(t->id);
    free(t->caption);
    memset(t, 0, sizeof *t);
}

void slant_report_table_head(slant_report_table *t, size_t col, const char *text, int word,
                             size_t source)
{
    slant_report_cell *c = &t->header[col];
    free(c->text);
    c->text = xstrdup(text);
    c->word = word;
    c->source = source;
}

slant_report_cell *slant_report_table_row(slant_report_table *t)
{
    if (t->nrows == t->cap)
        t->cells = xgrow(t->cells, &t->cap, t->nrows + 1, t->ncols * sizeof *t->cells);
    slant_report_cell *row = &t->cells[t->nrows * t->ncols];
    for (size_t c = 0; c < t->ncols; c++) {
        cell_init(&row[c]);
        row[c].text = xstrdup("");
    }
    t->nrows++;
    return row;
}

void slant_report_cell_text(slant_report_cell *c, const char *text)
{
    free(c->text);
    free(c->note);
    c->kind = SLANT_CELL_TEXT;
    c->text = xstrdup(text);
    c->note = NULL;
}

void slant_report_cell_number(slant_report_cell *c, const char *text, const char *note,
                              double value)
{
    free(c->text);
    free(c->note);
    c->kind = SLANT_CELL_NUMBER;
    c->text = xstrdup(text);
    c->note = note ? xstrdup(note) : NULL;
    c->value = value;
}

void slant_report_cell_na(slant_report_cell *c)
{
    free(c->text);
    free(c->note);
    c->kind = SLANT_CELL_NA;
    c->text = xstrdup(SLANT_REPORT_NA);
    c->note = NULL;
    c->value = NAN;
}

/* --- cells of the report's numbers ----------------------------------------------------------- */

/* A mean with its interval as the note ("6.56", "[4.22, 8.90]"). */
static void mean_cell(slant_report_cell *c, const slant_cmp_summary *m, int share)
{
    if (!m || !isfinite(m->s.mean)) {
        slant_report_cell_na(c);
        return;
    }
    slant_report_mean t;
    slant_report_fmt_mean(&t, m, share);
    char ci[80];
    snprintf(ci, sizeof ci, "[%s, %s]", t.low, t.high);
    slant_report_cell_number(c, t.mean, t.has_ci ? ci : NULL, m->s.mean);
}

/* A number with `decimals` decimals. */
static void fixed_cell(slant_report_cell *c, int decimals, double v)
{
    if (!isfinite(v)) {
        slant_report_cell_na(c);
        return;
    }
    char s[64];
    snprintf(s, sizeof s, "%.*f", decimals, v);
    slant_report_cell_number(c, s, NULL, v);
}

static void source_cell(slant_report_cell *c, const slant_report *r, size_t s)
{
    slant_report_cell_text(c, slant_report_source_name(r, s));
    c->source = s;
}

size_t slant_report_add_table(slant_report *r, const char *id, const char *caption,
                              size_t ncols, size_t *cap)
{
    r->tables = xgrow(r->tables, cap, r->ntables + 1, sizeof *r->tables);
    slant_report_table_init(&r->tables[r->ntables], id, caption, ncols);
    return r->ntables++;
}

/* --- the tables -------------------------------------------------------------------------------- */

static void sources_table(slant_report *r, size_t *cap)
{
    char caption[128];
    snprintf(caption, sizeof caption, "Articles and words per %s", r->noun);
    r->sources_table = slant_report_add_table(r, "sources", caption, 4, cap);
    slant_report_table *t = &r->tables[r->sources_table];
    slant_report_table_head(t, 0, r->noun, 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 1, "articles", 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 2, "words", 1, SLANT_REPORT_NONE);
    slant_report_table_head(t, 3, "words per article", 1, SLANT_REPORT_NONE);
    for (size_t s = 0; s < r->nsources; s++) {
        const slant_report_source *x = &r->sources[s];
        slant_report_cell *row = slant_report_table_row(t);
        char a[32], w[32];
        slant_report_fmt_count(a, sizeof a, (double)x->articles);
        slant_report_fmt_count(w, sizeof w, x->words);
        source_cell(&row[0], r, s);
        slant_report_cell_number(&row[1], a, NULL, (double)x->articles);
        slant_report_cell_number(&row[2], w, NULL, x->words);
        fixed_cell(&row[3], 1, x->articles ? x->words / (double)x->articles : 0.0);
    }
}

void slant_report_source_columns(const slant_report *r, slant_report_table *t,
                                 const char *first, int word)
{
    slant_report_table_head(t, 0, first, word, SLANT_REPORT_NONE);
    for (size_t s = 0; s < r->nsources; s++)
        slant_report_table_head(t, 1 + s, r->sources[s].name, 0, s);
}

static void means_table(slant_report *r, size_t *cap)
{
    char caption[256];
    snprintf(caption, sizeof caption, "Mean per article with %g%% CI (rates per 1,000 words), "
                                      "and tests across all %s",
             100 * r->c->opts.level, r->nouns);
    r->means_table = slant_report_add_table(r, "means", caption, r->nsources + 3, cap);
    slant_report_table *t = &r->tables[r->means_table];
    slant_report_source_columns(r, t, "indicator", 1);
    char h[64];
    snprintf(h, sizeof h, "Kruskal-Wallis %s", slant_report_q_name(r));
    slant_report_table_head(t, r->nsources + 1, h, 0, SLANT_REPORT_NONE);
    snprintf(h, sizeof h, "Welch ANOVA %s", slant_report_q_name(r));
    slant_report_table_head(t, r->nsources + 2, h, 0, SLANT_REPORT_NONE);
    for (size_t i = 0; i < r->nindicators; i++) {
        const slant_report_indicator *x = &r->indicators[i];
        slant_report_cell *row = slant_report_table_row(t);
        slant_report_cell_text(&row[0], x->label);
        for (size_t s = 0; s < r->nsources; s++)
            mean_cell(&row[1 + s], x->summaries[s], x->share);
        slant_report_cell_q(&row[r->nsources + 1], x->kruskal_q);
        slant_report_cell_q(&row[r->nsources + 2], x->welch_q);
    }
}

static void concept_tables(slant_report *r, size_t *cap)
{
    for (size_t k = 0; k < r->nconcepts; k++) {
        slant_report_concept *x = &r->concepts[k];
        x->table = SLANT_REPORT_NONE;
        if (isnan(x->chi2))
            continue; /* untested: a sentence, no table */
        char id[48];
        snprintf(id, sizeof id, "concept-%zu", k + 1);
        size_t n = strlen(x->name) + strlen(r->noun) + 64;
        char *caption = xmalloc(n);
        snprintf(caption, n, "Names used for \"%s\": share of the %s's uses (count)", x->name,
                 r->noun);
        x->table = slant_report_add_table(r, id, caption, x->nvariants + 1, cap);
        free(caption);
        slant_report_table *t = &r->tables[x->table];
        slant_report_table_head(t, 0, r->noun, 1, SLANT_REPORT_NONE);
        for (size_t v = 0; v < x->nvariants; v++)
            slant_report_table_head(t, 1 + v, x->variants[v], 0, SLANT_REPORT_NONE);
        for (size_t s = 0; s < r->nsources; s++) {
            slant_report_cell *row = slant_report_table_row(t);
            source_cell(&row[0], r, s);
            for (size_t v = 0; v < x->nvariants; v++) {
                double share = x->shares[s * x->nvariants + v];
                if (isnan(share)) {
                    slant_report_cell_na(&row[1 + v]);
                    continue;
                }
                char text[32], note[40];
                snprintf(text, sizeof text, "%.0f%%", 100 * share);
                snprintf(note, sizeof note, "(%.0f)", x->counts[s * x->nvariants + v]);
                slant_report_cell_number(&row[1 + v], text, note, share);
            }
        }
    }
}

static void actor_tables(slant_report *r, size_t *cap)
{
    for (size_t k = 0; k < r->nactors; k++) {
        slant_report_actor_table *x = &r->actors[k];
        char id[48];
        snprintf(id, sizeof id, "actors-%zu", k + 1);
        const char *name = r->sources[x->source].name;
        size_t n = strlen(name) + strlen(x->unit) + 3;
        char *caption = xmalloc(n);
        snprintf(caption, n, "%s: %s", name, x->unit);
        x->table = slant_report_add_table(r, id, caption, x->nactors + 1, cap);
        free(caption);
        slant_report_table *t = &r->tables[x->table];
        t->caption_leads = 1; /* which source, and what the numbers are */
        slant_report_table_head(t, 0, "category", 1, SLANT_REPORT_NONE);
        for (size_t a = 0; a < x->nactors; a++)
            slant_report_table_head(t, 1 + a, x->actors[a], 0, SLANT_REPORT_NONE);
        for (size_t c = 0; c < x->ncategories; c++) {
            slant_report_cell *row = slant_report_table_row(t);
            slant_report_cell_text(&row[0], x->categories[c]);
            for (size_t a = 0; a < x->nactors; a++)
                fixed_cell(&row[1 + a], 2, x->values[a * x->ncategories + c]);
        }
    }
}

static void attribution_table(slant_report *r, size_t *cap)
{
    r->attribution_table = SLANT_REPORT_NONE;
    if (!r->nattribution_rows)
        return;
    char caption[256];
    snprintf(caption, sizeof caption, "Report verbs, sources and quotation per %s (means per "
                                      "article with %g%% CI)",
             r->noun, 100 * r->c->opts.level);
    r->attribution_table =
        slant_report_add_table(r, "attribution", caption, r->nsources + 1, cap);
    slant_report_table *t = &r->tables[r->attribution_table];
    slant_report_source_columns(r, t, "measure", 1);
    for (size_t k = 0; k < r->nattribution_rows; k++) {
        const slant_report_indicator *x = &r->indicators[r->attribution_rows[k]];
        slant_report_cell *row = slant_report_table_row(t);
        char label[200];
        snprintf(label, sizeof label, "%s%s", x->label,
                 x->kind == SLANT_UNIT_RATE ? " per 1,000 words" : "");
        slant_report_cell_text(&row[0], label);
        for (size_t s = 0; s < r->nsources; s++)
            mean_cell(&row[1 + s], x->summaries[s], x->share);
        if (!r->has_verb_counts ||
            slant_indicator_role(x->id, r->opts.lex ? r->opts.lex : r->opts.names) !=
                SLANT_ROLE_REPORT_LOADED)
            continue;
        row = slant_report_table_row(t);
        slant_report_cell_text(&row[0], "loaded share of all report verbs (pooled)");
        for (size_t s = 0; s < r->nsources; s++) {
            const slant_report_attribution *a = &r->attribution[s];
            char v[32], note[80];
            slant_report_fmt_value(v, sizeof v, a->loaded_share, 1);
            snprintf(note, sizeof note, "(%.0f of %.0f)", a->loaded_count,
                     a->loaded_count + a->neutral_count);
            /* undefined without verbs, but the counts (0 of 0) say why */
            slant_report_cell_number(&row[1 + s], v, note, a->loaded_share);
        }
    }
}

static void keyness_tables(slant_report *r, size_t *cap)
{
    for (size_t s = 0; s < r->nsources && r->has_keyness; s++) {
        slant_report_keyness *k = &r->keyness[s];
        k->table = SLANT_REPORT_NONE;
        if (!k->nterms)
            continue;
        char id[48];
        snprintf(id, sizeof id, "key-%zu", s + 1);
        size_t n = strlen(r->sources[s].name) + strlen(r->rest) + 32;
        char *caption = xmalloc(n);
        snprintf(caption, n, "Key terms of %s against %s", r->sources[s].name, r->rest);
        k->table = slant_report_add_table(r, id, caption, 9, cap);
        free(caption);
        slant_report_table *t = &r->tables[k->table];
        slant_report_table_head(t, 0, "term", 1, SLANT_REPORT_NONE);
        slant_report_table_head(t, 1, "category", 1, SLANT_REPORT_NONE);
        slant_report_table_head(t, 2, "count", 1, SLANT_REPORT_NONE);
        slant_report_table_head(t, 3, "per 1,000 words", 1, SLANT_REPORT_NONE);
        slant_report_table_head(t, 4, "elsewhere per 1,000 words", 1, SLANT_REPORT_NONE);
        slant_report_table_head(t, 5, "G²", 0, SLANT_REPORT_NONE);
        slant_report_table_head(t, 6, slant_report_q_name(r), 0, SLANT_REPORT_NONE);
        slant_report_table_head(t, 7, "Log Ratio [CI]", 0, SLANT_REPORT_NONE);
        slant_report_table_head(t, 8, "articles", 1, SLANT_REPORT_NONE);
        t->align[1] = SLANT_ALIGN_LEFT;
        for (size_t j = 0; j < k->nterms; j++) {
            const slant_report_keyterm *x = &k->terms[j];
            slant_report_cell *row = slant_report_table_row(t);
            slant_report_cell_text(&row[0], r->terms[x->term].term);
            row[0].term = x->term;
            slant_report_cell_text(&row[1], r->terms[x->term].category_label);
            fixed_cell(&row[2], 0, x->count);
            fixed_cell(&row[3], 2, x->rate);
            fixed_cell(&row[4], 2, x->rate_rest);
            fixed_cell(&row[5], 1, x->g2);
            if (isnan(x->g2_q)) {
                slant_report_cell_na(&row[6]);
            } else {
                char q[32];
                slant_report_fmt_q(q, sizeof q, x->g2_q);
                slant_report_cell_number(&row[6], q, x->significant ? NULL : "(n.s.)", x->g2_q);
            }
            char lr[32], ci[80];
            snprintf(lr, sizeof lr, "%.2f", x->log_ratio.value);
            snprintf(ci, sizeof ci, "[%.2f, %.2f]", x->log_ratio.low, x->log_ratio.high);
            slant_report_cell_number(&row[7], lr, ci, x->log_ratio.value);
            char art[64];
            snprintf(art, sizeof art, "%.0f of %.0f", x->df, x->articles);
            slant_report_cell_number(&row[8], art, NULL, x->df);
        }
    }
}

/* --- over time (compare --every, --split) ---------------------------------------------------- */

/* The report's indicator row of dataset indicator `ind`, or NULL. */
static const slant_report_indicator *indicator_row(const slant_report *r, size_t ind)
{
    for (size_t i = 0; i < r->nindicators; i++)
        if (r->indicators[i].indicator == ind)
            return &r->indicators[i];
    return NULL;
}

/* The report's source of dataset group `g`, or SLANT_REPORT_NONE. */
static size_t source_of(const slant_report *r, size_t g)
{
    for (size_t s = 0; s < r->nsources; s++)
        if (r->sources[s].group == g)
            return s;
    return SLANT_REPORT_NONE;
}

/* The head of the trend and the split tables: indicator, source, the three columns
 * `heads` (`words`: see slant_report_cell), p and q, the caption above. Stores the
 * table's index in `*index` and returns the table (valid until the next table is added). */
static slant_report_table *test_table(slant_report *r, const char *id, const char *caption,
                                      const char *const heads[3], const int words[3],
                                      size_t *index, size_t *cap)
{
    *index = slant_report_add_table(r, id, caption, 7, cap);
    slant_report_table *tb = &r->tables[*index];
    tb->caption_leads = 1;
    slant_report_table_head(tb, 0, "indicator", 1, SLANT_REPORT_NONE);
    slant_report_table_head(tb, 1, r->noun, 1, SLANT_REPORT_NONE);
    for (size_t k = 0; k < 3; k++)
        slant_report_table_head(tb, 2 + k, heads[k], words[k], SLANT_REPORT_NONE);
    slant_report_table_head(tb, 5, "p", 0, SLANT_REPORT_NONE);
    slant_report_table_head(tb, 6, slant_report_q_name(r), 0, SLANT_REPORT_NONE);
    tb->align[1] = SLANT_ALIGN_LEFT;
    return tb;
}

/* A new row of a trend or split table for dataset indicator `ind` and group `g`, its
 * indicator and source cells set and the indicator's report row in `*x`; NULL (no row)
 * when the report does not show that indicator or source. */
static slant_report_cell *test_row(slant_report *r, slant_report_table *tb, size_t ind,
                                   size_t g, const slant_report_indicator **x)
{
    *x = indicator_row(r, ind);
    size_t s = source_of(r, g);
    if (!*x || s == SLANT_REPORT_NONE)
        return NULL;
    slant_report_cell *row = slant_report_table_row(tb);
    slant_report_cell_text(&row[0], (*x)->label);
    source_cell(&row[1], r, s);
    return row;
}

static void trend_table(slant_report *r, size_t *cap)
{
    const slant_trend *t = r->c->trend;
    char caption[256];
    snprintf(caption, sizeof caption, "Trend per %s: Sen's slope with its %g%% CI and the "
                                      "Mann-Kendall test of the period means",
             slant_period_name(t->every), 100 * r->c->opts.level);
    static const char *const heads[3] = { "periods", "slope [CI]", "Kendall's tau" };
    static const int words[3] = { 1, 1, 0 };
    slant_report_table *tb = test_table(r, "trend", caption, heads, words, &r->trend_table, cap);
    for (size_t k = 0; k < t->ntests; k++) {
        const slant_trend_test *x = &t->tests[k];
        const slant_report_indicator *ind;
        slant_report_cell *row = test_row(r, tb, x->indicator, x->group, &ind);
        if (!row)
            continue;
        fixed_cell(&row[2], 0, (double)x->periods);
        if (isfinite(x->slope)) {
            char v[32], ci[80];
            snprintf(v, sizeof v, "%.3g", x->slope);
            snprintf(ci, sizeof ci, "[%.3g, %.3g]", x->slope_low, x->slope_high);
            slant_report_cell_number(&row[3], v, isfinite(x->slope_low) ? ci : NULL, x->slope);
        } else {
            slant_report_cell_na(&row[3]);
        }
        fixed_cell(&row[4], 2, x->tau);
        slant_report_cell_q(&row[5], x->p);
        slant_report_cell_q(&row[6], x->q);
    }
}

static void split_table(slant_report *r, size_t *cap)
{
    const slant_trend *t = r->c->trend;
    char day[SLANT_DATE_TEXT], caption[256];
    slant_date_format(t->split, day);
    snprintf(caption, sizeof caption, "Before and after %s: means, the difference after - "
                                      "before with its %g%% Welch CI, Mann-Whitney U",
             day, 100 * r->c->opts.level);
    static const char *const heads[3] = { "before", "after", "difference [CI]" };
    static const int words[3] = { 1, 1, 1 };
    slant_report_table *tb = test_table(r, "split", caption, heads, words, &r->split_table, cap);
    for (size_t k = 0; k < t->nsplits; k++) {
        const slant_trend_split *x = &t->splits[k];
        const slant_report_indicator *ind;
        slant_report_cell *row = test_row(r, tb, x->indicator, x->group, &ind);
        if (!row)
            continue;
        const double v[] = { x->mean_before, x->mean_after };
        const size_t n[] = { x->n_before, x->n_after };
        for (size_t j = 0; j < 2; j++) {
            if (!isfinite(v[j])) {
                slant_report_cell_na(&row[2 + j]);
                continue;
            }
            char text[32], note[32];
            slant_report_fmt_value(text, sizeof text, v[j], ind->share);
            snprintf(note, sizeof note, "(%zu)", n[j]);
            slant_report_cell_number(&row[2 + j], text, note, v[j]);
        }
        if (isfinite(x->diff_low)) {
            char text[32], lo[32], hi[32], ci[80];
            slant_report_fmt_value(text, sizeof text, x->diff, ind->share);
            slant_report_fmt_value(lo, sizeof lo, x->diff_low, ind->share);
            slant_report_fmt_value(hi, sizeof hi, x->diff_high, ind->share);
            snprintf(ci, sizeof ci, "[%s, %s]", lo, hi);
            slant_report_cell_number(&row[4], text, ci, x->diff);
        } else {
            slant_report_cell_na(&row[4]);
        }
        slant_report_cell_q(&row[5], x->mwu.p);
        slant_report_cell_q(&row[6], x->mwu_q);
    }
}

/* Whether indicator `ind` is charted: a leading one, or one with a trend at q < alpha. */
static int charted(const slant_report *r, const slant_report_indicator *x)
{
    if (x->leads)
        return 1;
    const slant_trend *t = r->c->trend;
    for (size_t k = 0; k < t->ntests; k++)
        if (t->tests[k].indicator == x->indicator && t->tests[k].q < r->opts.alpha)
            return 1;
    return 0;
}

static void period_table(slant_report *r, const slant_report_indicator *x, size_t *cap)
{
    const slant_trend *t = r->c->trend;
    /* the periods any source has a value in, in time order (points are by period) */
    int64_t *periods = xmalloc((t->npoints + 1) * sizeof *periods);
    int32_t *starts = xmalloc((t->npoints + 1) * sizeof *starts);
    size_t np = 0;
    for (size_t k = 0; k < t->npoints; k++) {
        const slant_trend_point *p = &t->points[k];
        if (p->indicator != x->indicator || source_of(r, p->group) == SLANT_REPORT_NONE)
            continue;
        size_t at = 0;
        while (at < np && periods[at] < p->period)
            at++;
        if (at < np && periods[at] == p->period)
            continue;
        memmove(periods + at + 1, periods + at, (np - at) * sizeof *periods);
        memmove(starts + at + 1, starts + at, (np - at) * sizeof *starts);
        periods[at] = p->period;
        starts[at] = p->start;
        np++;
    }
    char id[48], caption[300];
    snprintf(id, sizeof id, "periods-%zu", r->nperiod_tables + 1);
    snprintf(caption, sizeof caption, "%s per %s: mean per article with %g%% CI (articles)",
             x->label, slant_period_name(t->every), 100 * r->c->opts.level);
    size_t ti = slant_report_add_table(r, id, caption, r->nsources + 1, cap);
    r->period_tables[r->nperiod_tables] = ti;
    r->period_indicators[r->nperiod_tables++] = x->indicator;
    slant_report_table *tb = &r->tables[ti];
    tb->caption_leads = 1;
    slant_report_source_columns(r, tb, slant_period_name(t->every), 1);
    for (size_t j = 0; j < np; j++) {
        slant_report_cell *row = slant_report_table_row(tb);
        char label[SLANT_DATE_TEXT];
        slant_period_label(t->every, starts[j], label);
        slant_report_cell_text(&row[0], label);
        for (size_t s = 0; s < r->nsources; s++)
            slant_report_cell_na(&row[1 + s]);
        for (size_t k = 0; k < t->npoints; k++) {
            const slant_trend_point *p = &t->points[k];
            size_t s = source_of(r, p->group);
            if (p->indicator != x->indicator || p->period != periods[j] ||
                s == SLANT_REPORT_NONE)
                continue;
            char text[32], lo[32], hi[32], note[100];
            slant_report_fmt_value(text, sizeof text, p->s.mean, x->share);
            if (isfinite(p->s.ci_low)) {
                slant_report_fmt_value(lo, sizeof lo, p->s.ci_low, x->share);
                slant_report_fmt_value(hi, sizeof hi, p->s.ci_high, x->share);
                snprintf(note, sizeof note, "[%s, %s] (%zu)", lo, hi, p->s.n);
            } else {
                snprintf(note, sizeof note, "(%zu)", p->s.n);
            }
            slant_report_cell_number(&row[1 + s], text, note, p->s.mean);
        }
    }
    free(periods);
    free(starts);
}

static void time_tables(slant_report *r, size_t *cap)
{
    r->trend_table = r->split_table = SLANT_REPORT_NONE;
    r->nperiod_tables = 0;
    const slant_trend *t = r->c->trend;
    if (!t)
        return;
    if (t->every) {
        trend_table(r, cap);
        r->period_tables = xmalloc(SLANT_REPORT_MAX_TREND_CHARTS * sizeof *r->period_tables);
        r->period_indicators =
            xmalloc(SLANT_REPORT_MAX_TREND_CHARTS * sizeof *r->period_indicators);
        for (size_t i = 0; i < r->nindicators; i++)
            if (r->nperiod_tables < SLANT_REPORT_MAX_TREND_CHARTS &&
                charted(r, &r->indicators[i]))
                period_table(r, &r->indicators[i], cap);
    }
    if (t->has_split)
        split_table(r, cap);
}

size_t slant_report_time_tables(const slant_report *r, size_t *tables)
{
    size_t n = 0;
    if (r->trend_table != SLANT_REPORT_NONE)
        tables[n++] = r->trend_table;
    for (size_t k = 0; k < r->nperiod_tables; k++)
        tables[n++] = r->period_tables[k];
    if (r->split_table != SLANT_REPORT_NONE)
        tables[n++] = r->split_table;
    return n;
}

void slant_report_build_tables(slant_report *r)
{
    size_t cap = 0;
    sources_table(r, &cap);
    means_table(r, &cap);
    concept_tables(r, &cap);
    actor_tables(r, &cap);
    attribution_table(r, &cap);
    keyness_tables(r, &cap);
    time_tables(r, &cap);
    slant_report_strata_tables(r, &cap);
}

void slant_report_cell_q(slant_report_cell *c, double q)
{
    if (isnan(q)) {
        slant_report_cell_na(c);
        return;
    }
    char s[32];
    slant_report_fmt_q(s, sizeof s, q);
    slant_report_cell_number(c, s, NULL, q);
}
