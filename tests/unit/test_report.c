/* The report (report.h) and its tables as data (report_table.h): each table built once,
 * an undefined value "n/a" in every format, no column dropped by the text writer. */

#include <math.h>
#include <stdio.h>
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
            slant_dataset_add_entry(ds, group, "contested/takeover:occupied", g ? 1 : 6);
            slant_dataset_add_entry(ds, group, "contested/takeover:liberated", g ? 7 : 1);
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
        const char *kw = strstr(means, "Kruskal-Wallis q");
        CHECK(kw && kw < end);
    }
    slant_buf_release(&text);
    release(&f);
}

void suite_report(void)
{
    RUN(tables_are_complete);
    RUN(undefined_is_na_everywhere);
    RUN(wide_tables_split_not_dropped);
}
