#include "explain.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "normalize.h"
#include "xalloc.h"

/* --- tables as data ------------------------------------------------------------------------ */

static void table_start(slant_explain_table *t, const char *title, size_t ncols,
                        const char *const *head)
{
    t->title = title;
    t->ncols = ncols;
    for (size_t i = 0; i < ncols; i++)
        t->head[i] = head[i];
}

static void table_clear(slant_explain_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    t->nrows = 0;
}

/* Adds a row of `t->ncols` cells, copied (NULL is an empty cell). */
static void table_row(slant_explain_table *t, const char *const *cells)
{
    if ((t->nrows + 1) * t->ncols > t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16 * t->ncols;
        t->cells = xrealloc(t->cells, t->cap * sizeof *t->cells);
    }
    for (size_t i = 0; i < t->ncols; i++)
        t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
    t->nrows++;
}

const char *slant_explain_cell(const slant_explain *x, slant_explain_section t, size_t row,
                               size_t col)
{
    const slant_explain_table *tb = &x->tables[t];
    if (row >= tb->nrows || col >= tb->ncols)
        return "";
    return tb->cells[row * tb->ncols + col];
}

void slant_explain_init(slant_explain *x)
{
    memset(x, 0, sizeof *x);
}

void slant_explain_release(slant_explain *x)
{
    for (size_t t = 0; t < SLANT_EXPLAIN_NTABLES; t++) {
        table_clear(&x->tables[t]);
        free(x->tables[t].cells);
    }
    free(x->title);
    free(x->marks);
    free(x->summary);
    slant_explain_init(x);
}

/* The article being explained: what the builders read. */
typedef struct {
    const slant_lexicon *lex;
    const slant_doc *d;
    const slant_matches *m;
    const slant_frame *f;
    const slant_record *r;
} source;

static const char *category_id(const source *s, size_t c)
{
    return slant_lexicon_category(s->lex, c)->id;
}

/* --- building ------------------------------------------------------------------------------- */

static int cmp_mark(const void *a, const void *b)
{
    const slant_explain_mark *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->number < y->number ? -1 : x->number > y->number;
}

static void build_marks(slant_explain *x, const source *v)
{
    size_t n = v->m->n;
    if (n > x->marks_cap) {
        x->marks_cap = n;
        x->marks = xrealloc(x->marks, n * sizeof *x->marks);
    }
    for (size_t i = 0; i < n; i++) {
        const slant_match *y = &v->m->items[i];
        x->marks[i].end = v->d->tokens[y->first_token + y->ntokens - 1].end;
        x->marks[i].number = i + 1;
    }
    x->nmarks = n;
    if (n)
        qsort(x->marks, n, sizeof *x->marks, cmp_mark);
}

static void words_of(const slant_doc *d, int32_t first, uint32_t n, char *out, size_t size)
{
    if (first < 0 || !n) {
        snprintf(out, size, "-");
        return;
    }
    const slant_token *a = &d->tokens[first], *b = &d->tokens[(uint32_t)first + n - 1];
    snprintf(out, size, "%.*s", (int)(b->end - a->start), d->text + a->start);
}

static void build_matches(slant_explain_table *t, const source *v)
{
    static const char *const h[] = { "#", "text", "category", "entry", "voice", "flags",
                                     "nearest actor" };
    table_start(t, "Matches", 7, h);
    for (size_t i = 0; i < v->m->n; i++) {
        const slant_match *x = &v->m->items[i];
        const slant_token *a = &v->d->tokens[x->first_token];
        const slant_token *b = &v->d->tokens[x->first_token + x->ntokens - 1];
        char num[24], surface[160], flags[64], actor[64];
        snprintf(num, sizeof num, "%zu", i + 1);
        snprintf(surface, sizeof surface, "%.*s", (int)(b->end - a->start), v->d->text + a->start);
        snprintf(flags, sizeof flags, "%s%s%s", x->negated ? "negated " : "",
                 x->boosted ? "boosted " : "", x->diminished ? "diminished" : "");
        slant_nearest_actor near = slant_frame_nearest(v->f, i);
        if (near.actor != UINT32_MAX)
            snprintf(actor, sizeof actor, "%s (%u words)", category_id(v, near.actor),
                     near.words);
        else
            snprintf(actor, sizeof actor, "-");
        const slant_entry *e = slant_lexicon_entry(v->lex, x->entry);
        const char *cells[] = { num, surface, category_id(v, x->category), e->text,
                                v->f->speech[x->first_token] ? "quoted" : "author", flags,
                                actor };
        table_row(t, cells);
    }
}

static void build_quotations(slant_explain_table *t, const source *v)
{
    static const char *const h[] = { "#", "speaker", "verb", "words", "actor", "opens with" };
    table_start(t, "Quotations", 6, h);
    for (size_t i = 0; i < v->f->nquotes; i++) {
        const slant_quotation *q = &v->f->quotes[i];
        const slant_quote *sq = &v->d->quotes[q->quote];
        char num[24], speaker[160], verb[64], words[24], opening[80];
        snprintf(num, sizeof num, "%zu", i + 1);
        words_of(v->d, q->speaker_first, q->speaker_words, speaker, sizeof speaker);
        if (q->continued)
            strncat(speaker, " (continued)", sizeof speaker - strlen(speaker) - 1);
        if (q->anonymous)
            strncat(speaker, " (anonymous)", sizeof speaker - strlen(speaker) - 1);
        words_of(v->d, q->verb, q->verb >= 0, verb, sizeof verb);
        if (q->verb_kind)
            strncat(verb, q->verb_kind == SLANT_VERB_LOADED ? " (loaded)" : " (neutral)",
                    sizeof verb - strlen(verb) - 1);
        snprintf(words, sizeof words, "%u", q->words);
        words_of(v->d, (int32_t)sq->first_token, sq->ntokens < 6 ? sq->ntokens : 6, opening,
                 sizeof opening);
        const char *cells[] = { num, speaker, verb, words,
                                q->actor == UINT32_MAX ? "-" : category_id(v, q->actor),
                                opening };
        table_row(t, cells);
    }
}

static void build_scare(slant_explain_table *t, const source *v)
{
    static const char *const h[] = { "kind", "text" };
    table_start(t, "Scare quotes and so-called", 2, h);
    for (size_t i = 0; i < v->f->nscare; i++) {
        const slant_quote *sq = &v->d->quotes[v->f->scare[i]];
        char text[160];
        snprintf(text, sizeof text, "%.*s", (int)(sq->end - sq->start), v->d->text + sq->start);
        const char *cells[] = { sq->depth ? "scare quote inside a quotation" : "scare quote",
                                text };
        table_row(t, cells);
    }
    for (size_t i = 0; i < v->f->nso_called; i++) {
        const slant_so_called *s = &v->f->so_called[i];
        char text[160];
        snprintf(text, sizeof text, "%.*s", (int)(s->end - s->start), v->d->text + s->start);
        const char *cells[] = { "so-called", text };
        table_row(t, cells);
    }
}

static void build_actors(slant_explain_table *t, const source *v)
{
    static const char *const h[] = { "actor", "mentions", "quotes", "agent", "patient",
                                     "categories" };
    table_start(t, "Actors (matches in the same sentence as a mention / within the window)", 6,
                h);
    size_t ncats = slant_lexicon_ncategories(v->lex);
    for (size_t a = 0; a < v->f->nactors; a++) {
        const slant_actor_stats *s = &v->f->actors[a];
        if (!s->mentions && !s->quotes)
            continue;
        char m[16], q[16], ag[16], pa[16];
        snprintf(m, sizeof m, "%u", s->mentions);
        snprintf(q, sizeof q, "%u", s->quotes);
        snprintf(ag, sizeof ag, "%u", s->agent);
        snprintf(pa, sizeof pa, "%u", s->patient);
        slant_buf cats;
        slant_buf_init(&cats, SLANT_FIELD_MAX_BYTES);
        for (size_t i = 0; i < ncats; i++)
            if (s->sentence[i] || s->window[i])
                slant_buf_addf(&cats, "%s%s %u/%u", cats.len ? ", " : "", category_id(v, i),
                               s->sentence[i], s->window[i]);
        const char *cells[] = { category_id(v, s->category), m, q, ag, pa,
                                cats.data ? cats.data : "" };
        table_row(t, cells);
        slant_buf_release(&cats);
    }
}

static void build_indicators(slant_explain_table *t, const source *v)
{
    static const char *const h[] = { "category", "count", "rate", "author", "quoted" };
    table_start(t, "Indicators (per 1,000 words; author's voice / quotations)", 5, h);
    const slant_record *r = v->r;
    for (size_t i = 0; i < r->ncats; i++) {
        const slant_category *c = slant_lexicon_category(v->lex, i);
        if (c->actor || !r->cats[i].count)
            continue;
        char n[16], rate[32], au[16], qu[16];
        snprintf(n, sizeof n, "%u", r->cats[i].count);
        snprintf(rate, sizeof rate, "%.2f", slant_rate_per_1000(r->cats[i].count, r->tokens));
        snprintf(au, sizeof au, "%u", r->cats[i].author);
        snprintf(qu, sizeof qu, "%u", r->cats[i].quoted);
        const char *cells[] = { c->id, n, rate, au, qu };
        table_row(t, cells);
    }
}

static char *summary_of(const source *v)
{
    const slant_record *r = v->r;
    const slant_frame *f = v->f;
    char line[512];
    snprintf(line, sizeof line,
             "%zu words (%zu in quotations), %zu quotations (%zu attributed, %zu speakers, "
             "%zu loaded report verbs, %zu anonymous), %zu scare quotes, certainty %.2f "
             "(hedges %.2f, assertives %.2f per 1,000 words of the author's voice)",
             r->tokens, r->quote_tokens, f->nquotes, f->attributed, f->speakers,
             f->loaded_verbs, f->anonymous_quotes, f->scare_quotes, f->certainty,
             isnan(f->hedges) ? 0 : f->hedges, isnan(f->assertives) ? 0 : f->assertives);
    return xstrdup(line);
}

void slant_explain_build(slant_explain *x, const slant_lexicon *lex, const slant_scorer *s,
                         const slant_article *a, const char *origin)
{
    source v = { lex, slant_scorer_doc(s), slant_scorer_matches(s), slant_scorer_frame(s),
                 slant_scorer_record(s) };
    for (size_t t = 0; t < SLANT_EXPLAIN_NTABLES; t++)
        table_clear(&x->tables[t]);
    free(x->title);
    free(x->summary);
    char title[1024];
    snprintf(title, sizeof title, "%s%s%s (source: %s)", a->id ? a->id : origin,
             a->title ? ": " : "", a->title ? a->title : "", a->source ? a->source : "unknown");
    x->title = xstrdup(title);
    x->text = v.d->text;
    x->len = v.d->len;
    build_marks(x, &v);
    build_matches(&x->tables[SLANT_EXPLAIN_MATCHES], &v);
    build_quotations(&x->tables[SLANT_EXPLAIN_QUOTATIONS], &v);
    build_scare(&x->tables[SLANT_EXPLAIN_SCARE], &v);
    build_actors(&x->tables[SLANT_EXPLAIN_ACTORS], &v);
    build_indicators(&x->tables[SLANT_EXPLAIN_INDICATORS], &v);
    x->summary = summary_of(&v);
}

/* --- writing ---------------------------------------------------------------------------------- */

typedef struct {
    int html, colour;
    slant_buf *out;
} writer;

/* Appends text made valid UTF-8, escaped for HTML when the view is HTML. */
static void text(const writer *w, const char *s, size_t len)
{
    slant_buf clean;
    slant_buf_init(&clean, SLANT_FIELD_MAX_BYTES);
    slant_utf8_sanitize(s, len, &clean);
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        if (w->html && c == '<')
            slant_buf_adds(w->out, "&lt;");
        else if (w->html && c == '>')
            slant_buf_adds(w->out, "&gt;");
        else if (w->html && c == '&')
            slant_buf_adds(w->out, "&amp;");
        else if (w->html && c == '"')
            slant_buf_adds(w->out, "&quot;");
        else if (w->html && c == '\n')
            slant_buf_adds(w->out, "<br>\n");
        else
            slant_buf_addc(w->out, c);
    }
    slant_buf_release(&clean);
}

static void ctext(const writer *w, const char *s)
{
    text(w, s, strlen(s));
}

static void marked_text(const writer *w, const slant_explain *x)
{
    size_t at = 0, e = 0, n = x->nmarks;
    if (w->html)
        slant_buf_adds(w->out, "<p class=\"article\">");
    while (e < n) {
        size_t pos = x->marks[e].end;
        text(w, x->text + at, pos - at);
        at = pos;
        /* every match ending here: its number */
        slant_buf_adds(w->out, w->html ? "<sup>" : (w->colour ? "\033[1;33m[" : "["));
        for (int first = 1; e < n && x->marks[e].end == pos; e++, first = 0)
            slant_buf_addf(w->out, "%s%zu", first ? "" : ",", x->marks[e].number);
        slant_buf_adds(w->out, w->html ? "</sup>" : (w->colour ? "]\033[0m" : "]"));
    }
    text(w, x->text + at, x->len - at);
    if (w->html)
        slant_buf_adds(w->out, "</p>\n");
    slant_buf_addc(w->out, '\n');
}

static void heading(const writer *w, const char *title)
{
    if (w->html) {
        slant_buf_adds(w->out, "<h2>");
        ctext(w, title);
        slant_buf_adds(w->out, "</h2>\n");
    } else {
        slant_buf_addf(w->out, "\n%s%s%s\n", w->colour ? "\033[1m" : "", title,
                       w->colour ? "\033[0m" : "");
    }
}

/* A row of cells: HTML table cells or text columns padded to 18 characters. */
static void row(const writer *w, const char *const *cells, size_t n, int header)
{
    if (w->html) {
        slant_buf_adds(w->out, "<tr>");
        for (size_t i = 0; i < n; i++) {
            slant_buf_adds(w->out, header ? "<th scope=\"col\">" : "<td>");
            ctext(w, cells[i]);
            slant_buf_adds(w->out, header ? "</th>" : "</td>");
        }
        slant_buf_adds(w->out, "</tr>\n");
        return;
    }
    slant_buf_adds(w->out, " ");
    for (size_t i = 0; i < n; i++)
        slant_buf_addf(w->out, " %-*s", i + 1 < n ? 18 : 0, cells[i]);
    slant_buf_addc(w->out, '\n');
}

static void table(const writer *w, const slant_explain_table *t)
{
    heading(w, t->title);
    if (w->html)
        slant_buf_adds(w->out, "<table>\n");
    row(w, t->head, t->ncols, 1);
    for (size_t r = 0; r < t->nrows; r++)
        row(w, (const char *const *)&t->cells[r * t->ncols], t->ncols, 0);
    if (w->html)
        slant_buf_adds(w->out, "</table>\n");
}

void slant_explain_write(const slant_explain *x, slant_explain_style style, slant_buf *out)
{
    writer w = { style == SLANT_EXPLAIN_HTML, style == SLANT_EXPLAIN_COLOUR, out };
    if (w.html) {
        slant_buf_adds(out, "<section>\n<h1>");
        ctext(&w, x->title);
        slant_buf_adds(out, "</h1>\n");
    } else {
        slant_buf_addf(out, "%s%s%s\n\n", w.colour ? "\033[1m" : "", x->title,
                       w.colour ? "\033[0m" : "");
    }
    marked_text(&w, x);
    for (size_t t = 0; t < SLANT_EXPLAIN_NTABLES; t++)
        table(&w, &x->tables[t]);
    slant_buf_adds(out, w.html ? "<p>" : "\n  ");
    ctext(&w, x->summary);
    slant_buf_adds(out, w.html ? "</p>\n" : "\n");
    if (w.html)
        slant_buf_adds(out, "</section>\n");
    slant_buf_addc(out, '\n');
}

void slant_explain_page_open(slant_buf *out)
{
    slant_buf_adds(out,
                   "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>slant explain</title>\n<style>\n"
                   "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;"
                   "padding:0 1rem}\n"
                   ".article{white-space:normal}sup{color:#8a4b00;font-weight:bold}\n"
                   "table{border-collapse:collapse;margin:.5rem 0;display:block;overflow-x:auto}\n"
                   "th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;"
                   "vertical-align:top}\n"
                   "</style>\n</head>\n<body>\n");
}

void slant_explain_page_close(slant_buf *out)
{
    slant_buf_adds(out, "</body>\n</html>\n");
}
