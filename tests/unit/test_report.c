/* The report (report.h) and its tables as data (report_table.h): each table built once,
 * an undefined value "n/a" in every format, no column dropped by the text writer. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "dataset.h"
#include "harness.h"
#include "report.h"

#define NGROUPS 20

/* `ngroups` sources of three articles each; the first two use a contested concept's
 * names, the others never do. */
static slant_dataset *dataset(size_t ngroups)
{
    slant_dataset *ds = slant_dataset_new();
    const char *names[] = { "labels", "quote_share" };
    for (size_t g = 0; g < ngroups; g++) {
        char group[32], id[48];
        snprintf(group, sizeof group, "Source %02zu", g + 1);
        for (size_t k = 0; k < 3; k++) {
            double v[] = { (double)(g * 3 + k) * (g == 0 ? 4 : 1), 0.1 * (double)(k + 1) };
            snprintf(id, sizeof id, "%s/%zu", group, k);
            slant_dataset_add_row(ds, id, group, NULL, 400, names, v, 2);
        }
        if (g < 2) {
            const slant_entry_key occupied = { SLANT_ENTRY_VARIANT, "takeover", "occupied" };
            const slant_entry_key liberated = { SLANT_ENTRY_VARIANT, "takeover", "liberated" };
            slant_dataset_add_entry_key(ds, group, &occupied, g ? 1 : 6);
            slant_dataset_add_entry_key(ds, group, &liberated, g ? 7 : 1);
        }
    }
    return ds;
}

typedef struct {
    slant_dataset *ds;
    slant_comparison *c;
    slant_report *r;
} fixture;

static int build(fixture *f, size_t ngroups)
{
    f->ds = dataset(ngroups);
    slant_compare_options o = { .pairs = SLANT_PAIRS_ALL, .correction = SLANT_CORRECT_BH,
                                .level = 0.95, .min_n = 2, .max_pairs = 45, .seed = 1 };
    slant_error err;
    slant_error_clear(&err);
    f->c = slant_compare(f->ds, &o, &err);
    CHECK(f->c != NULL);
    if (!f->c) {
        slant_dataset_free(f->ds);
        return 0;
    }
    slant_report_options ro = { .by = "source", .alpha = 0.05, .top = 5, .resamples = 200,
                                .seed = 1 };
    f->r = slant_report_build(f->c, &ro);
    return 1;
}

static void release(fixture *f)
{
    slant_report_free(f->r);
    slant_comparison_free(f->c);
    slant_dataset_free(f->ds);
}

/* Every table has its cells; the sources and the means tables have a column per source. */
static void tables_are_complete(void)
{
    fixture f;
    if (!build(&f, 3))
        return;
    const slant_report *r = f.r;
    CHECK(r->ntables >= 3);
    const slant_report_table *s = &r->tables[r->sources_table];
    CHECK_INT(s->ncols, 4);
    CHECK_INT(s->nrows, 3);
    CHECK_STR(s->header[0].text, "source");
    CHECK(s->header[0].word);
    CHECK_STR(s->cells[0].text, "Source 01");
    CHECK_INT(s->cells[0].source, 0);
    CHECK_STR(s->cells[1].text, "3");
    CHECK_STR(s->cells[3].text, "400.0");
    const slant_report_table *m = &r->tables[r->means_table];
    CHECK_INT(m->ncols, 3 + 3);
    CHECK_INT(m->nrows, r->nindicators);
    CHECK_INT(m->header[1].source, 0);
    CHECK(m->align[0] == SLANT_ALIGN_LEFT && m->align[1] == SLANT_ALIGN_RIGHT);
    for (size_t k = 0; k < r->ntables; k++) {
        const slant_report_table *t = &r->tables[k];
        for (size_t j = 0; j < t->nrows * t->ncols; j++)
            CHECK(t->cells[j].text != NULL);
        for (size_t j = 0; j < k; j++)
            CHECK(strcmp(t->id, r->tables[j].id) != 0); /* ids unique: HTML anchors */
    }
    release(&f);
}

/* A source that never names the concept has an undefined share: an n/a cell, written
 * "n/a" in every format. */
static void undefined_is_na_everywhere(void)
{
    fixture f;
    if (!build(&f, 3))
        return;
    const slant_report *r = f.r;
    CHECK_INT(r->nconcepts, 1);
    if (r->nconcepts != 1 || r->concepts[0].table == SLANT_REPORT_NONE) {
        release(&f);
        return;
    }
    const slant_report_table *t = &r->tables[r->concepts[0].table];
    CHECK_INT(t->nrows, 3);
    const slant_report_cell *third = &t->cells[2 * t->ncols + 1];
    CHECK_INT(third->kind, SLANT_CELL_NA);
    CHECK_STR(third->text, SLANT_REPORT_NA);
    CHECK(isnan(third->value));
    const slant_report_cell *first = &t->cells[1 * 0 + 1];
    CHECK_INT(first->kind, SLANT_CELL_NUMBER);
    CHECK_STR(first->note, "(6)");
    slant_buf text, md, html;
    slant_buf_init(&text, SLANT_REPORT_MAX_BYTES);
    slant_buf_init(&md, SLANT_REPORT_MAX_BYTES);
    slant_buf_init(&html, SLANT_REPORT_MAX_BYTES);
    slant_report_write_text(r, 0, &text);
    slant_report_write_md(r, &md);
    slant_report_write_html(r, &html);
    CHECK(strstr(text.data, "\n  Source 03       n/a        n/a\n") != NULL);
    CHECK(strstr(md.data, "| Source 03 | n/a | n/a |") != NULL);
    CHECK(strstr(md.data, " – |") == NULL);
    CHECK(strstr(html.data, "Source 03</span></th><td>n/a</td><td>n/a</td></tr>") != NULL);
    CHECK(strstr(md.data, "| Source | ") != NULL); /* a word of the report, capitalised */
    CHECK(!slant_buf_full(&text) && !slant_buf_full(&md) && !slant_buf_full(&html));
    slant_buf_release(&text);
    slant_buf_release(&md);
    slant_buf_release(&html);
    release(&f);
}

/* Twenty sources: the text writer splits the means table into parts of at most 160
 * columns, each headed by the indicator column, and drops none. */
static void wide_tables_split_not_dropped(void)
{
    fixture f;
    if (!build(&f, NGROUPS))
        return;
    slant_buf text;
    slant_buf_init(&text, SLANT_REPORT_MAX_BYTES);
    slant_report_write_text(f.r, 0, &text);
    const char *means = strstr(text.data, "\nRATES PER SOURCE");
    const char *end = means ? strstr(means, "\nWHO IS CALLED WHAT") : NULL;
    CHECK(means && end);
    if (means && end) {
        size_t parts = 0, longest = 0;
        for (const char *p = means + 1; p < end;) {
            const char *nl = strchr(p, '\n');
            size_t len = (size_t)(nl - p);
            if (!strncmp(p, "  indicator ", 12))
                parts++;
            if (len > longest && strncmp(p, "RATES", 5))
                longest = len;
            p = nl + 1;
        }
        CHECK(parts > 1);
        CHECK(longest <= 160);
        for (size_t g = 0; g < NGROUPS; g++) {
            char name[32];
            snprintf(name, sizeof name, "Source %02zu", g + 1);
            const char *at = strstr(means, name);
            CHECK(at && at < end);
        }
        const char *kw = strstr(means, "Kruskal-Wallis");
        CHECK(kw && kw < end);
    }
    slant_buf_release(&text);
    release(&f);
}

/* `ngroups` sources of `per` articles, one indicator: source g's values are 0..49 shifted
 * by shift[g]. */
static slant_comparison *shifted(slant_dataset **ds, size_t ngroups, size_t per,
                                 const double *shift)
{
    *ds = slant_dataset_new();
    const char *names[] = { "labels" };
    for (size_t g = 0; g < ngroups; g++) {
        char group[32], id[48];
        snprintf(group, sizeof group, "Size %zu", g + 1);
        for (size_t k = 0; k < per; k++) {
            double v[] = { (double)(k % 50) + shift[g] };
            snprintf(id, sizeof id, "%s/%zu", group, k);
            slant_dataset_add_row(*ds, id, group, NULL, 400, names, v, 1);
        }
    }
    slant_compare_options o = { .pairs = SLANT_PAIRS_ALL, .correction = SLANT_CORRECT_BH,
                                .level = 0.95, .min_n = 2, .max_pairs = 1000, .seed = 1 };
    slant_error err;
    slant_error_clear(&err);
    return slant_compare(*ds, &o, &err);
}

/* The text with every run of white space made one space (paragraphs are wrapped). */
static char *flat_text(const slant_report *r)
{
    slant_buf text;
    slant_buf_init(&text, SLANT_REPORT_MAX_BYTES);
    slant_report_write_text(r, 0, &text);
    size_t o = 0;
    for (size_t i = 0; i < text.len; i++) {
        char c = text.data[i] == '\n' ? ' ' : text.data[i];
        if (c == ' ' && o && text.data[o - 1] == ' ')
            continue;
        text.data[o++] = c;
    }
    text.data[o] = '\0';
    return slant_buf_detach(&text, NULL);
}

/* Three sources of 600 articles: the second a little above the first (a shift of 3 on
 * 0..49: Cliff's delta about 0.12, significant at this size, below the floor), the third
 * far above both. */
static slant_comparison *small_effects(slant_dataset **ds)
{
    const double shift[] = { 0, 3, 20 };
    return shifted(ds, 3, 600, shift);
}

/* Below the effect-size floor: counted, not listed; --all lists it; the text says how. */
static void floor_counts_and_lists(void)
{
    slant_dataset *ds;
    slant_comparison *c = small_effects(&ds);
    CHECK(c != NULL);
    if (!c) {
        slant_dataset_free(ds);
        return;
    }
    slant_report_options ro = { .by = "source", .alpha = 0.05, .top = 5, .resamples = 50,
                                .seed = 1, .min_delta = SLANT_REPORT_MIN_DELTA };
    slant_report *r = slant_report_build(c, &ro);
    CHECK_INT(r->nfindings, 3);
    CHECK_INT(r->nbelow_floor, 1);
    size_t listed = 0;
    for (size_t k = 0; k < r->nfindings; k++) {
        const slant_report_finding *f = &r->findings[k];
        CHECK(!isnan(f->delta));
        CHECK_INT(slant_report_listed(r, k), fabs(f->delta) >= SLANT_REPORT_MIN_DELTA);
        listed += slant_report_listed(r, k);
        /* the listed ones come first in their part */
        if (k && slant_report_listed(r, k) && f->headline == r->findings[k - 1].headline)
            CHECK(slant_report_listed(r, k - 1));
    }
    CHECK_INT(listed, 2);
    const char *more = r->nheadline ? r->more_headline : r->more_context;
    CHECK(more && strstr(more, "1 more significant difference below the effect-size floor"));
    CHECK(strstr(r->count_sentence, "3 significant differences at q < 0.05, 1 of them below"));
    char *text = flat_text(r);
    CHECK(strstr(text, "1 more significant difference below the effect-size floor "
                       "(|Cliff's delta| < 0.147): --all lists them."));
    CHECK(strstr(text, "Size 2 uses") == NULL); /* the small one is not written */
    free(text);
    slant_report_free(r);
    ro.all = 1;
    r = slant_report_build(c, &ro);
    CHECK_INT(r->headline_listed + r->context_listed, 3);
    CHECK(r->more_headline == NULL && r->more_context == NULL);
    text = flat_text(r);
    CHECK(strstr(text, "Size 2 uses") != NULL);
    CHECK(strstr(text, "--all lists them") == NULL);
    free(text);
    slant_report_free(r);
    slant_comparison_free(c);
    slant_dataset_free(ds);
}

/* Twelve sources far apart, the top 3: three findings and three pairs listed, the rest
 * counted; the HTML page holds every finding, the rest in a closed <details>. */
static void top_findings_listed(void)
{
    double shift[12];
    for (size_t g = 0; g < 12; g++)
        shift[g] = 8.0 * (double)g;
    slant_dataset *ds;
    slant_comparison *c = shifted(&ds, 12, 40, shift);
    CHECK(c != NULL);
    if (!c) {
        slant_dataset_free(ds);
        return;
    }
    slant_report_options ro = { .by = "source", .alpha = 0.05, .top = 5, .resamples = 50,
                                .seed = 1, .top_findings = 3 };
    slant_report *r = slant_report_build(c, &ro);
    CHECK(r->nfindings > 3);
    size_t ncontext = r->nfindings - r->nheadline;
    CHECK_INT(r->headline_listed, r->nheadline < 3 ? r->nheadline : 3);
    CHECK_INT(r->context_listed, ncontext < 3 ? ncontext : 3);
    /* without a floor, the listed ones are the first of their part in rank order: the
     * leading indicators first, then by Hedges' g */
    for (size_t k = 1; k < r->nfindings; k++) {
        const slant_report_finding *a = &r->findings[k - 1], *b = &r->findings[k];
        if (a->headline == b->headline)
            CHECK(a->leads > b->leads || (a->leads == b->leads && a->g.value >= b->g.value));
    }
    CHECK_INT(r->npairlines, 66);
    CHECK_INT(r->pairs_listed, 3);
    CHECK(r->more_pairs && strstr(r->more_pairs, "63 more pairs: "));
    for (size_t k = 1; k < r->npairlines; k++)
        CHECK(r->pairlines[k - 1].differ >= r->pairlines[k].differ);
    char *text = flat_text(r);
    CHECK(strstr(text, "past the top 3: --all lists them.") != NULL);
    CHECK(strstr(text, "63 more pairs: ") != NULL);
    free(text);
    slant_buf html;
    slant_buf_init(&html, SLANT_REPORT_MAX_BYTES);
    slant_report_write_html(r, &html);
    size_t items = 0;
    for (const char *p = html.data; (p = strstr(p, "<li id=\"finding-")); p++)
        items++;
    CHECK_INT(items, r->nfindings);
    CHECK(strstr(html.data, "<details class=\"more\">\n<summary>") != NULL);
    slant_buf_release(&html);
    slant_report_free(r);
    slant_comparison_free(c);
    slant_dataset_free(ds);
}

/* Twenty sources: a concept's sentence counts the sources that name it and the name most
 * use, not a clause per source (the table has them). */
static void many_sources_short_concept(void)
{
    fixture f;
    if (!build(&f, NGROUPS))
        return;
    CHECK_INT(f.r->nconcepts, 1);
    if (f.r->nconcepts == 1) {
        const char *s = f.r->concepts[0].sentence;
        CHECK(strstr(s, "For \"takeover\", 2 of the 20 sources name it; \"") == s);
        CHECK(strstr(s, "Source 03") == NULL);
    }
    release(&f);
}

/* Twelve sources with long names: the text writer wraps the header cells of the table of
 * means to their column's values (a name does not widen its column), keeps every word,
 * and no line of the table is wider than 160 columns. */
static void long_names_wrap_headers(void)
{
    double shift[12] = { 0 };
    slant_dataset *ds = slant_dataset_new();
    const char *names[] = { "labels" };
    for (size_t g = 0; g < 12; g++) {
        char group[80], id[96];
        snprintf(group, sizeof group, "Outlet %02zu Courier Gazette and Evening Post", g + 1);
        for (size_t k = 0; k < 6; k++) {
            double v[] = { (double)k + shift[g] + (double)g };
            snprintf(id, sizeof id, "%s/%zu", group, k);
            slant_dataset_add_row(ds, id, group, NULL, 400, names, v, 1);
        }
    }
    slant_compare_options o = { .pairs = SLANT_PAIRS_VS_REST, .correction = SLANT_CORRECT_BH,
                                .level = 0.95, .min_n = 2, .max_pairs = 45, .seed = 1 };
    slant_error err;
    slant_error_clear(&err);
    slant_comparison *c = slant_compare(ds, &o, &err);
    CHECK(c != NULL);
    if (!c) {
        slant_dataset_free(ds);
        return;
    }
    slant_report_options ro = { .by = "source", .alpha = 0.05, .top = 5, .resamples = 20,
                                .seed = 1 };
    slant_report *r = slant_report_build(c, &ro);
    slant_buf text;
    slant_buf_init(&text, SLANT_REPORT_MAX_BYTES);
    slant_report_write_text(r, 0, &text);
    const char *means = strstr(text.data, "\nRATES PER SOURCE");
    const char *end = means ? strstr(means, "\nWHO IS CALLED WHAT") : NULL;
    CHECK(means && end);
    size_t longest = 0, heads = 0;
    for (const char *p = means + 1; means && end && p < end;) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p);
        if (strncmp(p, "RATES", 5) && len > longest)
            longest = len;
        /* a header line above "indicator": the wrapped names' first words */
        heads += strstr(p, "Outlet 01 Courier") != NULL && strstr(p, "Outlet 01 Courier") < nl;
        p = nl + 1;
    }
    CHECK(longest <= 160);
    CHECK_INT(heads, 1);
    /* the names are cut only at spaces: every word is in the table */
    const char *evening = means ? strstr(means, "Evening") : NULL;
    CHECK(evening && evening < end);
    /* wrapped to the values' width: five sources' columns fit in a part of 160 */
    const char *fifth = means ? strstr(means, "Outlet 05 Courier") : NULL;
    const char *first_part_end = means ? strstr(means + 1, "\n\n") : NULL;
    CHECK(fifth && first_part_end && fifth < first_part_end);
    slant_buf_release(&text);
    slant_report_free(r);
    slant_comparison_free(c);
    slant_dataset_free(ds);
}

void suite_report(void)
{
    RUN(long_names_wrap_headers);
    RUN(many_sources_short_concept);
    RUN(floor_counts_and_lists);
    RUN(top_findings_listed);
    RUN(tables_are_complete);
    RUN(undefined_is_na_everywhere);
    RUN(wide_tables_split_not_dropped);
}
