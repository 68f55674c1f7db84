#include "table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "normalize.h"

static const char *const category_columns[] = {
    "count", "rate", "score", "author", "quoted", "negated", "boosted", "diminished",
    "lead", "headline",
};

/* The size and framing columns come from the indicator table (indicator.h), in its order. */

static const char *const actor_columns[] = {
    "mentions", "quotes", "quoted_words", "agent", "patient",
};

static char separator(slant_table_kind kind)
{
    return kind == SLANT_TABLE_CSV ? ',' : '\t';
}

/* Appends one cell: valid UTF-8, quoted or flattened as the format needs. */
static void cell(slant_table_kind kind, const char *s, size_t len, slant_buf *out)
{
    if (!s)
        return;
    slant_buf clean;
    slant_buf_init(&clean, SLANT_FIELD_MAX_BYTES);
    slant_utf8_sanitize(s, len, &clean);
    const char *p = clean.data ? clean.data : "";
    if (kind == SLANT_TABLE_TSV) {
        for (size_t i = 0; i < clean.len; i++) {
            char c = p[i];
            slant_buf_addc(out, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
        }
    } else if (strpbrk(p, ",\"\r\n") || (clean.len && (p[0] == ' ' || p[clean.len - 1] == ' '))) {
        slant_buf_addc(out, '"');
        for (size_t i = 0; i < clean.len; i++) {
            if (p[i] == '"')
                slant_buf_addc(out, '"');
            slant_buf_addc(out, p[i]);
        }
        slant_buf_addc(out, '"');
    } else {
        slant_buf_add(out, p, clean.len);
    }
    slant_buf_release(&clean);
}

static void cstr_cell(slant_table_kind kind, const char *s, slant_buf *out)
{
    cell(kind, s, s ? strlen(s) : 0, out);
}

static void number_cell(double v, slant_buf *out)
{
    if (isnan(v) || isinf(v))
        return;
    /* Integers exactly, other numbers to 10 significant digits, as the JSON writer does. */
    if (v == floor(v) && v >= 0 && v < 1e15)
        slant_buf_addu(out, (unsigned long long)v);
    else
        slant_buf_addf(out, "%.10g", v);
}

/* Calls `emit` with each numeric indicator of a record: name (built into `name`) and value. */
typedef void (*value_sink)(const char *name, double value, void *ctx);

static void each_value(const slant_result *r, slant_buf *name, value_sink emit, void *ctx)
{
    const slant_record *rec = r->record;
    const slant_frame *f = r->frame;
    for (size_t k = 0; k < slant_indicator_count(); k++) {
        const slant_indicator *x = slant_indicator_at(k);
        if (x->flags & SLANT_IND_COLUMN)
            emit(x->id, x->column(r), ctx);
    }
    for (size_t i = 0; i < rec->ncats; i++) {
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (cat->concept || cat->actor)
            continue;
        const slant_category_stats *s = &rec->cats[i];
        const double v[] = { s->count, slant_rate_per_1000(s->count, rec->tokens), s->score,
                             s->author, s->quoted, s->negated, s->boosted, s->diminished,
                             s->lead, s->headline };
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
            slant_buf_reset(name);
            slant_buf_addf(name, "%s_%s", cat->id, category_columns[k]);
            emit(name->data, v[k], ctx);
        }
    }
    /* Each actor: mentions, quotations, quoted words, agent and patient of violence. */
    for (size_t a = 0; a < f->nactors; a++) {
        const slant_actor_stats *s = &f->actors[a];
        const double v[] = { s->mentions, s->quotes, s->quoted_words, s->agent, s->patient };
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
            slant_buf_reset(name);
            slant_buf_addf(name, "actor_%s_%s", slant_lexicon_category(r->lex, s->category)->id,
                           actor_columns[k]);
            emit(name->data, v[k], ctx);
        }
    }
    /* A contested concept's variants: one count each, "concept:variant". */
    for (size_t i = 0; i < rec->ncats; i++) {
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (!cat->concept)
            continue;
        for (size_t e = cat->first_entry; e < cat->first_entry + cat->nentries; e++) {
            size_t n = 0;
            for (size_t k = 0; k < r->matches->n; k++)
                n += r->matches->items[k].entry == e;
            slant_buf_reset(name);
            slant_buf_addf(name, "%s:%s", cat->id, slant_lexicon_entry(r->lex, e)->text);
            emit(name->data, (double)n, ctx);
        }
    }
}

/* The names of the values, for the wide header: every record has the same. */
static void each_name(const slant_lexicon *lex, slant_buf *name,
                      void (*emit)(const char *name, void *ctx), void *ctx)
{
    for (size_t k = 0; k < slant_indicator_count(); k++) {
        const slant_indicator *x = slant_indicator_at(k);
        if (x->flags & SLANT_IND_COLUMN)
            emit(x->id, ctx);
    }
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++) {
        const slant_category *cat = slant_lexicon_category(lex, i);
        if (cat->concept || cat->actor)
            continue;
        for (size_t k = 0; k < sizeof category_columns / sizeof category_columns[0]; k++) {
            slant_buf_reset(name);
            slant_buf_addf(name, "%s_%s", cat->id, category_columns[k]);
            emit(name->data, ctx);
        }
    }
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++) {
        const slant_category *cat = slant_lexicon_category(lex, i);
        if (!cat->actor)
            continue;
        for (size_t k = 0; k < sizeof actor_columns / sizeof actor_columns[0]; k++) {
            slant_buf_reset(name);
            slant_buf_addf(name, "actor_%s_%s", cat->id, actor_columns[k]);
            emit(name->data, ctx);
        }
    }
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++) {
        const slant_category *cat = slant_lexicon_category(lex, i);
        if (!cat->concept)
            continue;
        for (size_t e = cat->first_entry; e < cat->first_entry + cat->nentries; e++) {
            slant_buf_reset(name);
            slant_buf_addf(name, "%s:%s", cat->id, slant_lexicon_entry(lex, e)->text);
            emit(name->data, ctx);
        }
    }
}

typedef struct {
    slant_table_kind kind;
    slant_buf *out;
    const slant_result *r;   /* long rows: the article they belong to */
} sink_ctx;

static void header_cell(const char *name, void *ctx)
{
    sink_ctx *c = ctx;
    slant_buf_addc(c->out, separator(c->kind));
    cstr_cell(c->kind, name, c->out);
}

static void wide_cell(const char *name, double value, void *ctx)
{
    sink_ctx *c = ctx;
    (void)name;
    slant_buf_addc(c->out, separator(c->kind));
    number_cell(value, c->out);
}

static void long_row(const char *name, double value, void *ctx)
{
    sink_ctx *c = ctx;
    cstr_cell(SLANT_TABLE_CSV, c->r->article->id, c->out);
    slant_buf_addc(c->out, ',');
    cstr_cell(SLANT_TABLE_CSV, c->r->article->source, c->out);
    slant_buf_addc(c->out, ',');
    const slant_article *a = c->r->article;
    for (size_t k = 0; k < c->r->nkeep; k++) {
        if (k < a->nfields)
            cstr_cell(SLANT_TABLE_CSV, a->fields[k].value, c->out);
        slant_buf_addc(c->out, ',');
    }
    cstr_cell(SLANT_TABLE_CSV, name, c->out);
    slant_buf_addc(c->out, ',');
    number_cell(value, c->out);
    slant_buf_addc(c->out, '\n');
}

void slant_table_write_header(slant_table_kind kind, const slant_lexicon *lex,
                              const char *const *keep, size_t nkeep, slant_buf *out)
{
    if (kind == SLANT_TABLE_LONG) {
        slant_buf_adds(out, "id,source,");
        for (size_t k = 0; k < nkeep; k++) {
            cstr_cell(kind, keep[k], out);
            slant_buf_addc(out, ',');
        }
        slant_buf_adds(out, "indicator,value\n");
        return;
    }
    char sep = separator(kind);
    slant_buf_adds(out, "id");
    static const char *const meta[] = { "source", "date", "title", "url", "event", "lang",
                                        "file", "line" };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++) {
        slant_buf_addc(out, sep);
        slant_buf_adds(out, meta[k]);
    }
    for (size_t k = 0; k < nkeep; k++) {
        slant_buf_addc(out, sep);
        cstr_cell(kind, keep[k], out);
    }
    slant_buf name;
    slant_buf_init(&name, SLANT_FIELD_MAX_BYTES);
    sink_ctx c = { kind, out, NULL };
    each_name(lex, &name, header_cell, &c);
    slant_buf_release(&name);
    slant_buf_addc(out, '\n');
}

void slant_table_write_row(slant_table_kind kind, const slant_result *r, slant_buf *out)
{
    slant_buf name;
    slant_buf_init(&name, SLANT_FIELD_MAX_BYTES);
    sink_ctx c = { kind, out, r };
    if (kind == SLANT_TABLE_LONG) {
        each_value(r, &name, long_row, &c);
        slant_buf_release(&name);
        return;
    }
    char sep = separator(kind);
    const slant_article *a = r->article;
    cstr_cell(kind, a->id, out);
    const char *const meta[] = { a->source, a->date, a->title, a->url, a->event,
                                 a->lang ? a->lang : slant_lexicon_language(r->lex), r->origin };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++) {
        slant_buf_addc(out, sep);
        cstr_cell(kind, meta[k], out);
    }
    slant_buf_addc(out, sep);
    if (r->line)
        slant_buf_addf(out, "%ld", r->line);
    for (size_t k = 0; k < r->nkeep; k++) {
        slant_buf_addc(out, sep);
        if (k < a->nfields)
            cstr_cell(kind, a->fields[k].value, out);
    }
    each_value(r, &name, wide_cell, &c);
    slant_buf_release(&name);
    slant_buf_addc(out, '\n');
}

/* --- sentence rows ------------------------------------------------------------------------ */

static const char *const sentence_columns[] = {
    "id", "source", "file", "line", "sentence", "paragraph", "start", "end", "tokens",
    "quote_tokens", "loaded_index", "loaded_index_author", "loaded_index_quoted",
};

void slant_table_write_sentence_header(slant_table_kind kind, const slant_lexicon *lex,
                                       const char *const *keep, size_t nkeep, slant_buf *out)
{
    char sep = separator(kind);
    for (size_t k = 0; k < sizeof sentence_columns / sizeof sentence_columns[0]; k++) {
        if (k)
            slant_buf_addc(out, sep);
        slant_buf_adds(out, sentence_columns[k]);
        if (k == 3) { /* after "line", as in the article rows */
            for (size_t f = 0; f < nkeep; f++) {
                slant_buf_addc(out, sep);
                cstr_cell(kind, keep[f], out);
            }
        }
    }
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++) {
        const slant_category *cat = slant_lexicon_category(lex, i);
        if (!slant_category_in_index(cat))
            continue;
        slant_buf_addc(out, sep);
        slant_buf_adds(out, cat->id);
        slant_buf_adds(out, "_count");
    }
    slant_buf_addc(out, sep);
    slant_buf_adds(out, "text\n");
}

void slant_table_write_sentences(slant_table_kind kind, const slant_result *r, slant_buf *out)
{
    char sep = separator(kind);
    const slant_doc *d = r->doc;
    size_t base = r->article->text_offset, cursor = 0;
    size_t ncats = slant_lexicon_ncategories(r->lex);
    for (size_t i = 0; i < d->nsentences; i++) {
        slant_sentence_unit u;
        slant_sentence_unit_of(d, r->frame->speech, r->matches, r->weights, i, &cursor, &u);
        cstr_cell(kind, r->article->id, out);
        slant_buf_addc(out, sep);
        cstr_cell(kind, r->article->source, out);
        slant_buf_addc(out, sep);
        cstr_cell(kind, r->origin, out);
        slant_buf_addc(out, sep);
        if (r->line)
            slant_buf_addf(out, "%ld", r->line);
        for (size_t f = 0; f < r->nkeep; f++) {
            slant_buf_addc(out, sep);
            if (f < r->article->nfields)
                cstr_cell(kind, r->article->fields[f].value, out);
        }
        const double v[] = { (double)u.sentence, (double)u.paragraph, (double)(base + u.start),
                             (double)(base + u.end), (double)u.tokens, (double)u.quote_tokens,
                             u.index.all, u.index.author, u.index.quoted };
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
            slant_buf_addc(out, sep);
            number_cell(v[k], out);
        }
        for (size_t c = 0; c < ncats; c++) {
            if (!slant_category_in_index(slant_lexicon_category(r->lex, c)))
                continue;
            size_t n = 0;
            for (size_t k = 0; k < u.nmatches; k++)
                n += r->matches->items[u.first_match + k].category == c;
            slant_buf_addc(out, sep);
            slant_buf_addu(out, n);
        }
        slant_buf_addc(out, sep);
        cell(kind, d->text + u.start, u.end - u.start, out);
        slant_buf_addc(out, '\n');
    }
}
