/* The report for a terminal: the sources, the findings in plain words, then the tables,
 * the terms with their evidence, and the method. Paragraphs are wrapped at 92 columns.
 * With `colour` (the CLI passes it only for a terminal without NO_COLOR), headings are
 * bold and evidence matches bold and underlined; without it, matches are marked *so*.
 * Strings from the data are made printable (no control characters reach the terminal). */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "report.h"
#include "xalloc.h"

#define WIDTH 92

typedef struct {
    slant_buf *out;
    int colour;
} writer;

/* Appends `len` bytes of `s` as printable text: valid UTF-8, control characters as '?'. */
static void printable(slant_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int invalid;
        size_t n = slant_utf8_next(s + i, len - i, &cp, &invalid);
        if (invalid)
            slant_buf_adds(out, "\xEF\xBF\xBD");
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            slant_buf_addc(out, cp == '\t' || cp == '\n' || cp == '\r' ? ' ' : '?');
        else
            slant_buf_add(out, s + i, n);
        i += n;
    }
}

/* Columns a printable UTF-8 string takes (one per code point). */
static size_t columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static void heading(writer *w, const char *title)
{
    slant_buf_adds(w->out, w->colour ? "\n\033[1m" : "\n");
    slant_buf_adds(w->out, title);
    slant_buf_adds(w->out, w->colour ? "\033[0m\n" : "\n");
}

/*
 * Appends `text` (printable already) wrapped at WIDTH: the first line after `first`
 * (which takes `first_cols` columns), the others indented by `indent` spaces.
 */
static void wrap(slant_buf *out, const char *text, size_t first_cols, size_t indent)
{
    size_t col = first_cols;
    const char *p = text;
    int start = 1;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        size_t wcols = columns(p, (size_t)(e - p));
        if (!start && col + 1 + wcols > WIDTH) {
            slant_buf_addc(out, '\n');
            for (size_t k = 0; k < indent; k++)
                slant_buf_addc(out, ' ');
            col = indent;
        } else if (!start) {
            slant_buf_addc(out, ' ');
            col++;
        }
        slant_buf_add(out, p, (size_t)(e - p));
        col += wcols;
        start = 0;
        p = e;
    }
    slant_buf_addc(out, '\n');
}

/* A paragraph of data text: made printable, then wrapped after `prefix`. */
static void para(writer *w, const char *prefix, const char *text, size_t indent)
{
    slant_buf clean;
    slant_buf_init(&clean, SLANT_REPORT_MAX_BYTES);
    printable(&clean, text, strlen(text));
    slant_buf_adds(w->out, prefix);
    wrap(w->out, clean.data ? clean.data : "", columns(prefix, strlen(prefix)), indent);
    slant_buf_release(&clean);
}

/* --- tables ---------------------------------------------------------------------------------- */

/*
 * A table wider than this many columns is written in parts, each with the first column
 * and as many of the others as fit (so that no column is dropped). Tables are allowed
 * wider than the prose: a table of three sources' means with their intervals takes about
 * 150 columns.
 */
#define TABLE_WIDTH 160

/* A cell as the terminal shows it: its text and note, printable; caller frees. */
static char *cell_text(const slant_report_cell *c)
{
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    printable(&b, c->text, strlen(c->text));
    if (c->note) {
        slant_buf_addc(&b, ' ');
        printable(&b, c->note, strlen(c->note));
    }
    char *s = slant_buf_detach(&b, NULL);
    slant_buf_release(&b);
    return s;
}

/* Writes the rows of `cells` (rows x ncols, the first `head` rows the header's lines) in
 * the columns `cols` (nshown of them), two spaces of indent and two between columns. */
static void table_part(writer *w, const slant_report_table *t, char **cells, size_t head,
                       const size_t *width, const size_t *cols, size_t nshown)
{
    for (size_t r = 0; r < head + t->nrows; r++) {
        int blank = r < head; /* a header line none of these columns needs */
        for (size_t k = 0; k < nshown && blank; k++)
            blank = !cells[r * t->ncols + cols[k]][0];
        if (blank)
            continue;
        slant_buf_adds(w->out, "  ");
        if (r < head && w->colour)
            slant_buf_adds(w->out, "\033[1m");
        for (size_t k = 0; k < nshown; k++) {
            size_t c = cols[k];
            const char *s = cells[r * t->ncols + c];
            size_t pad = width[c] - columns(s, strlen(s));
            if (k)
                slant_buf_adds(w->out, "  ");
            if (t->align[c] == SLANT_ALIGN_RIGHT)
                for (size_t j = 0; j < pad; j++)
                    slant_buf_addc(w->out, ' ');
            slant_buf_adds(w->out, s);
            if (t->align[c] == SLANT_ALIGN_LEFT && k + 1 < nshown)
                for (size_t j = 0; j < pad; j++)
                    slant_buf_addc(w->out, ' ');
        }
        if (r < head && w->colour)
            slant_buf_adds(w->out, "\033[0m");
        /* no trailing spaces (a right-aligned last column has none; a left one is cut) */
        while (w->out->len && w->out->data[w->out->len - 1] == ' ')
            w->out->len--;
        slant_buf_addc(w->out, '\n');
    }
}

/* The most lines a header cell is wrapped into. */
#define HEAD_LINES 4

/* Wraps header text `s` (printable) at spaces into lines of at most `target` columns (a
 * longer word stays whole), at most HEAD_LINES of them (the last takes the rest). Returns
 * the number of lines; lines[k] are owned by the caller. */
static size_t wrap_head(const char *s, size_t target, char **lines)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len && n < HEAD_LINES) {
        size_t start = i, end = i, cols = 0;
        if (n + 1 == HEAD_LINES) {
            end = len;
        } else {
            /* take words while they fit; always at least one */
            size_t j = i;
            while (j < len) {
                size_t k = j;
                while (k < len && s[k] != ' ')
                    k++;
                size_t wc = columns(s + j, k - j);
                if (end > start && cols + 1 + wc > target)
                    break;
                cols += (end > start ? 1 : 0) + wc;
                end = k;
                j = k < len ? k + 1 : k;
            }
        }
        lines[n++] = xmemdup(s + start, end - start);
        i = end;
        while (i < len && s[i] == ' ')
            i++;
    }
    if (!n)
        lines[n++] = xstrdup("");
    return n;
}

/* Writes table `t`: its caption first when it leads, then the columns, in parts of at most
 * TABLE_WIDTH columns (the first column repeated in each) when it is wider. A table that
 * is too wide has its header cells wrapped over up to HEAD_LINES lines, to the width of
 * their column's values (long source names would otherwise widen every column), before it
 * is split. */
static void table_write(writer *w, const slant_report_table *t)
{
    if (t->caption_leads)
        para(w, "  ", t->caption, 2);
    char **head = xcalloc(t->ncols, sizeof *head);
    size_t *width = xcalloc(t->ncols, sizeof *width);
    size_t *data = xcalloc(t->ncols, sizeof *data);
    size_t *cols = xcalloc(t->ncols, sizeof *cols);
    char **body = xcalloc(t->nrows * t->ncols + 1, sizeof *body);
    for (size_t c = 0; c < t->ncols; c++)
        head[c] = cell_text(&t->header[c]);
    for (size_t k = 0; k < t->nrows * t->ncols; k++) {
        body[k] = cell_text(&t->cells[k]);
        size_t c = k % t->ncols, len = columns(body[k], strlen(body[k]));
        if (len > data[c])
            data[c] = len;
    }
    size_t total = 2;
    for (size_t c = 0; c < t->ncols; c++) {
        size_t h = columns(head[c], strlen(head[c]));
        total += (c ? 2 : 0) + (h > data[c] ? h : data[c]);
    }
    /* the header's lines: one, or wrapped when the table is too wide */
    size_t nlines = 1;
    char **lines = xcalloc(t->ncols * HEAD_LINES, sizeof *lines);
    for (size_t c = 0; c < t->ncols; c++) {
        size_t n = 1;
        if (total > TABLE_WIDTH && c > 0)
            n = wrap_head(head[c], data[c] > 8 ? data[c] : 8, &lines[c * HEAD_LINES]);
        else
            lines[c * HEAD_LINES] = xstrdup(head[c]);
        if (n > nlines)
            nlines = n;
    }
    size_t n = (nlines + t->nrows) * t->ncols;
    char **cells = xcalloc(n, sizeof *cells);
    for (size_t l = 0; l < nlines; l++)
        for (size_t c = 0; c < t->ncols; c++) {
            /* bottom-aligned: the last line of every header on the last header row */
            size_t have = 0;
            while (have < HEAD_LINES && lines[c * HEAD_LINES + have])
                have++;
            size_t from = nlines - have;
            cells[l * t->ncols + c] = l >= from ? lines[c * HEAD_LINES + (l - from)]
                                                : xstrdup("");
        }
    for (size_t k = 0; k < t->nrows * t->ncols; k++)
        cells[nlines * t->ncols + k] = body[k];
    for (size_t k = 0; k < n; k++) {
        size_t c = k % t->ncols, len = columns(cells[k], strlen(cells[k]));
        if (len > width[c])
            width[c] = len;
    }
    size_t next = 1;
    do {
        size_t nshown = 0, used = 2 + width[0];
        cols[nshown++] = 0;
        /* at least one more column per part, however wide */
        while (next < t->ncols && (nshown == 1 || used + 2 + width[next] <= TABLE_WIDTH)) {
            used += 2 + width[next];
            cols[nshown++] = next++;
        }
        if (nshown > 1 && cols[1] > 1)
            slant_buf_addc(w->out, '\n'); /* a blank line between the parts */
        table_part(w, t, cells, nlines, width, cols, nshown);
    } while (next < t->ncols);
    for (size_t k = 0; k < n; k++)
        free(cells[k]);
    for (size_t c = 0; c < t->ncols; c++)
        free(head[c]);
    free(cells);
    free(lines);
    free(body);
    free(head);
    free(width);
    free(data);
    free(cols);
}

/* --- sections ---------------------------------------------------------------------------------- */

static void sources(const slant_report *r, writer *w)
{
    char h[64];
    snprintf(h, sizeof h, "WHICH %s WERE COMPARED", r->noun[0] == 's' ? "SOURCES" : "GROUPS");
    heading(w, h);
    table_write(w, &r->tables[r->sources_table]);
    if (r->left_out)
        para(w, "  ", r->left_out, 2);
}

/* What is not listed, and how to list it: "42 more significant differences: ...: --all
 * lists them." */
static void more(writer *w, const char *sentence)
{
    if (!sentence)
        return;
    slant_buf line;
    slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&line, "%s: --all lists them.", sentence);
    para(w, "  ", line.data, 2);
    slant_buf_release(&line);
}

/* Findings [from, to), numbered from from + 1. */
static void finding_items(const slant_report *r, writer *w, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        const slant_report_finding *f = &r->findings[k];
        char num[32];
        snprintf(num, sizeof num, "%3zu. ", k + 1);
        if (w->colour) {
            /* the sentence in bold: wrap first, then wrap the whole in bold */
            slant_buf_adds(w->out, "\033[1m");
            para(w, num, f->sentence, 5);
            w->out->len--; /* the newline goes after the reset */
            slant_buf_adds(w->out, "\033[0m\n");
        } else {
            para(w, num, f->sentence, 5);
        }
        para(w, "     ", f->detail, 5);
        if (f->event_sentence)
            para(w, "     ", f->event_sentence, 5);
    }
}

static void findings(const slant_report *r, writer *w)
{
    heading(w, "WHERE THEY DIFFER");
    para(w, "  ", r->findings_note, 2);
    if (r->no_headline)
        para(w, "  ", r->no_headline, 2);
    finding_items(r, w, 0, r->headline_listed);
    more(w, r->more_headline);
    heading(w, "IN BRIEF");
    for (size_t k = 0; k < r->pairs_listed; k++)
        para(w, "  - ", r->pairlines[k].sentence, 4);
    more(w, r->more_pairs);
}

/* The context: differences in structural and epistemic counts. */
static void context(const slant_report *r, writer *w)
{
    char h[160];
    snprintf(h, sizeof h, "%s", r->context_title);
    for (char *p = h; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    heading(w, h);
    para(w, "  ", r->context_note, 2);
    if (r->no_context)
        para(w, "  ", r->no_context, 2);
    finding_items(r, w, r->nheadline, r->nheadline + r->context_listed);
    more(w, r->more_context);
}

/* Within strata (--strata): the verdicts, then the tables. */
static void strata(const slant_report *r, writer *w)
{
    if (!r->strata_title)
        return;
    char h[160];
    snprintf(h, sizeof h, "%s", r->strata_title);
    for (char *p = h; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    heading(w, h);
    para(w, "  ", r->strata_note, 2);
    for (size_t k = 0; k < r->nstrata_sentences; k++)
        para(w, "  - ", r->strata_sentences[k], 4);
    if (r->tables[r->strata_table].nrows) {
        table_write(w, &r->tables[r->strata_table]);
        table_write(w, &r->tables[r->strata_means_table]);
    }
    table_write(w, &r->tables[r->strata_counts_table]);
}

static void means(const slant_report *r, writer *w)
{
    char h[160];
    snprintf(h, sizeof h, "RATES PER %s (mean per article [%g%% CI]; per 1,000 words)",
             r->noun[0] == 's' ? "SOURCE" : "GROUP", 100 * r->c->opts.level);
    heading(w, h);
    table_write(w, &r->tables[r->means_table]);
}

static void labels(const slant_report *r, writer *w)
{
    heading(w, "WHO IS CALLED WHAT (contested labels: each source's share of a concept's names)");
    if (r->no_concepts)
        para(w, "  ", r->no_concepts, 2);
    if (r->active)
        para(w, "  ", r->active, 2);
    size_t untested = 0;
    for (size_t k = 0; k < r->nconcepts; k++) {
        const slant_report_concept *x = &r->concepts[k];
        if (isnan(x->chi2)) {
            untested++;
            continue;
        }
        para(w, "  ", x->sentence, 2);
        table_write(w, &r->tables[x->table]);
    }
    if (untested) {
        char s[128];
        snprintf(s, sizeof s, "%s:", r->untested_title);
        para(w, "  ", s, 2);
    }
    for (size_t k = 0; k < r->nconcepts && untested; k++)
        if (isnan(r->concepts[k].chi2))
            para(w, "  - ", r->concepts[k].sentence, 4);
    /* Actor framing: only when the data has it. */
    if (r->nactors)
        heading(w, "WHICH CATEGORIES OCCUR NEAR EACH ACTOR");
    for (size_t a = 0; a < r->nactors; a++)
        table_write(w, &r->tables[r->actors[a].table]);
}

static void attribution(const slant_report *r, writer *w)
{
    char h[160];
    snprintf(h, sizeof h, "HOW THEY ATTRIBUTE (means per article [%g%% CI])",
             100 * r->c->opts.level);
    heading(w, h);
    if (r->no_attribution) {
        para(w, "  ", r->no_attribution, 2);
        return;
    }
    table_write(w, &r->tables[r->attribution_table]);
    if (r->pooled_note)
        para(w, "  ", r->pooled_note, 2);
    for (size_t s = 0; s < r->nsources; s++) {
        const slant_report_attribution *a = &r->attribution[s];
        if (!r->has_verbs)
            break;
        slant_buf line;
        slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
        slant_buf_addf(&line, "%s, most used report verbs:", r->sources[s].name);
        for (size_t k = 0; k < a->nverbs; k++)
            slant_buf_addf(&line, "%s %s %s", k ? "," : "", r->terms[a->verbs[k]].term,
                           a->verb_notes[k]);
        if (!a->nverbs)
            slant_buf_adds(&line, " none");
        para(w, "  ", line.data, 4);
        slant_buf_release(&line);
    }
}

/* Over time (compare --every, --split): the trend tests, the period means, the split. */
static void over_time(const slant_report *r, writer *w)
{
    size_t tables[SLANT_REPORT_MAX_TIME_TABLES];
    size_t n = slant_report_time_tables(r, tables);
    if (!n)
        return;
    heading(w, "OVER TIME");
    for (size_t k = 0; k < n; k++)
        table_write(w, &r->tables[tables[k]]);
}

static void terms(const slant_report *r, writer *w)
{
    heading(w, "WHICH TERMS DRIVE THE DIFFERENCES (rates per 1,000 words, higher first)");
    for (size_t k = 0; k < r->nfindings; k++) {
        const slant_report_finding *f = &r->findings[k];
        if (!slant_report_listed(r, k) || (!f->ndrivers && r->has_keyness))
            continue; /* not listed, or not a lexicon category (an index, a share) */
        slant_buf line;
        slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
        slant_buf_addf(&line, "%s, %s vs %s:", f->label, slant_report_source_name(r, f->hi),
                       slant_report_source_name(r, f->lo));
        for (size_t d = 0; d < f->ndrivers; d++)
            slant_buf_addf(&line, "%s %s %s", d ? ";" : "", r->terms[f->drivers[d].term].term,
                           f->drivers[d].rates);
        if (!f->ndrivers)
            slant_buf_adds(&line, " no entry data");
        char num[32];
        snprintf(num, sizeof num, "%3zu. ", k + 1);
        para(w, num, line.data, 5);
        slant_buf_release(&line);
    }
    char h[200];
    snprintf(h, sizeof h, "KEY TERMS (most over-represented against %s, by G²; Log Ratio "
                          "[%g%% CI]; n.s.: %s >= %g)",
             r->rest, 100 * r->c->opts.level, slant_report_q_name(r), r->opts.alpha);
    heading(w, h);
    if (r->no_keyness)
        para(w, "  ", r->no_keyness, 2);
    /* Each source's key terms on one wrapped line, read from its table (report_table.c:
     * term, category, count, rates, G², q, Log Ratio). */
    for (size_t s = 0; s < r->nsources && r->has_keyness; s++) {
        const slant_report_keyness *k = &r->keyness[s];
        slant_buf line;
        slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
        slant_buf_addf(&line, "%s:", r->sources[s].name);
        const slant_report_table *t =
            k->table == SLANT_REPORT_NONE ? NULL : &r->tables[k->table];
        for (size_t row = 0; t && row < t->nrows; row++) {
            const slant_report_cell *c = &t->cells[row * t->ncols];
            slant_buf_addf(&line, "%s %s (%s; G² %s, %s %s%s%s, LR %s%s%s)", row ? "," : "",
                           c[0].text, c[1].text, c[5].text, t->header[6].text, c[6].text,
                           c[6].note ? " " : "", c[6].note ? c[6].note : "", c[7].text,
                           c[7].note ? " " : "", c[7].note ? c[7].note : "");
        }
        if (!t)
            slant_buf_adds(&line, " none");
        para(w, "  ", line.data, 4);
        slant_buf_release(&line);
    }
}

static void evidence(const slant_report *r, writer *w)
{
    heading(w, "EVIDENCE");
    if (r->evidence != SLANT_EVIDENCE_COLLECTED) {
        para(w, "  ", r->method[r->nmethod - 1], 2);
        return;
    }
    for (size_t s = 0; s < r->nsources; s++) {
        if (!slant_report_has_evidence(r, s))
            continue;
        para(w, "  ", r->sources[s].name, 2);
        for (size_t t = 0; t < r->nterms; t++) {
            const slant_report_term *x = &r->terms[t];
            if (x->source != s || !x->nsnippets)
                continue;
            slant_buf line;
            slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
            slant_buf_addf(&line, "%s (%s)", x->term, x->category_label);
            para(w, "    ", line.data, 4);
            for (size_t k = 0; k < x->nsnippets; k++) {
                const slant_report_snippet *sn = &x->snippets[k];
                slant_buf_reset(&line);
                slant_buf_add(&line, sn->text, sn->mark_start);
                slant_buf_adds(&line, w->colour ? "\033[1;4m" : "*");
                slant_buf_add(&line, sn->text + sn->mark_start, sn->mark_end - sn->mark_start);
                slant_buf_adds(&line, w->colour ? "\033[0m" : "*");
                slant_buf_adds(&line, sn->text + sn->mark_end);
                slant_buf_adds(&line, " (");
                slant_buf_adds(&line, sn->article);
                slant_buf_adds(&line, ")");
                /* printable() would drop the escapes: the parts are made printable here */
                slant_buf clean;
                slant_buf_init(&clean, SLANT_REPORT_MAX_BYTES);
                size_t i = 0;
                while (i < line.len) {
                    if (line.data[i] == '\033') {
                        size_t j = i;
                        while (j < line.len && line.data[j] != 'm')
                            j++;
                        slant_buf_add(&clean, line.data + i, j + 1 - i);
                        i = j + 1;
                        continue;
                    }
                    size_t j = i;
                    while (j < line.len && line.data[j] != '\033')
                        j++;
                    printable(&clean, line.data + i, j - i);
                    i = j;
                }
                slant_buf_adds(w->out, "      - ");
                wrap(w->out, clean.data, 8, 8);
                slant_buf_release(&clean);
            }
            slant_buf_release(&line);
        }
    }
}

static void method(const slant_report *r, writer *w)
{
    heading(w, "PROVENANCE");
    for (size_t k = 0; k < r->nprovenance; k++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "  %s: ", r->provenance[k].label);
        para(w, prefix, r->provenance[k].value, 4);
    }
    if (r->nglossary) {
        heading(w, "INDICATORS");
        for (size_t k = 0; k < r->nglossary; k++) {
            slant_buf line;
            slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
            slant_buf_addf(&line, "%s: %s", r->glossary[k].label, r->glossary[k].value);
            para(w, "  ", line.data, 4);
            slant_buf_release(&line);
        }
    }
    heading(w, "METHOD NOTES");
    for (size_t k = 0; k < r->nmethod; k++)
        para(w, "  ", r->method[k], 2);
}

void slant_report_write_text(const slant_report *r, int colour, slant_buf *out)
{
    writer w = { out, colour };
    slant_buf_adds(out, colour ? "\033[1m" : "");
    slant_buf_adds(out, "slant report: ");
    printable(out, r->title, strlen(r->title));
    slant_buf_adds(out, colour ? "\033[0m\n" : "\n");
    slant_buf all;
    slant_buf_init(&all, SLANT_REPORT_MAX_BYTES);
    slant_buf_adds(&all, r->summary);
    slant_buf_addc(&all, ' ');
    slant_buf_adds(&all, r->count_sentence);
    para(&w, "", all.data, 0);
    slant_buf_release(&all);
    findings(r, &w);
    strata(r, &w);
    sources(r, &w);
    means(r, &w);
    labels(r, &w);
    attribution(r, &w);
    context(r, &w);
    over_time(r, &w);
    terms(r, &w);
    evidence(r, &w);
    method(r, &w);
}
