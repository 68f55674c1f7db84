/* A labelled sample from JSON Lines, CSV or TSV (labelled.h). */

#include "labelled.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "article_json.h"
#include "buf.h"
#include "xalloc.h"

#define MAX_CELL_BYTES ((size_t)64 << 20)

void slant_labelled_init(slant_labelled *s)
{
    memset(s, 0, sizeof *s);
}

void slant_labelled_release(slant_labelled *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->units[i].id);
        free(s->units[i].text);
    }
    free(s->units);
    slant_labelled_init(s);
}

int slant_labelled_binary(const slant_labelled *s, size_t *example)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->units[i].label != 0.0 && s->units[i].label != 1.0) {
            *example = i;
            return 0;
        }
    }
    return 1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

slant_labelled_format slant_labelled_detect(const char *path, const char *data, size_t len)
{
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".json"))
        return SLANT_LABELLED_JSONL;
    if (ends_with(path, ".csv"))
        return SLANT_LABELLED_CSV;
    if (ends_with(path, ".tsv") || ends_with(path, ".tab"))
        return SLANT_LABELLED_TSV;
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && data[i] == '{')
        return SLANT_LABELLED_JSONL;
    for (; i < len && data[i] != '\n'; i++)
        if (data[i] == '\t')
            return SLANT_LABELLED_TSV;
    return SLANT_LABELLED_CSV;
}

/* A label from its text: a number, or true/false. Returns 0, or -1 with `err` set. */
static int parse_label(const char *v, const char *field, const char *path, long line,
                       double *out, slant_error *err)
{
    if (!v) {
        slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                        "the record has no label '%s' (choose it with --label-field)", field);
        return -1;
    }
    while (*v == ' ' || *v == '\t')
        v++;
    if (!strcmp(v, "true") || !strcmp(v, "false")) {
        *out = v[0] == 't';
        return 0;
    }
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    while (end != v && (*end == ' ' || *end == '\t' || *end == '\r'))
        end++;
    if (end == v || *end || errno || !isfinite(d)) {
        slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                        "the label '%.40s' is not a number", v);
        return -1;
    }
    *out = d;
    return 0;
}

static void add_unit(slant_labelled *s, char *id, char *text, size_t text_len, double label,
                     const char *path, long line)
{
    s->units = xgrow(s->units, &s->cap, s->n + 1, sizeof *s->units);
    slant_labelled_unit *u = &s->units[s->n++];
    if (!id || !*id) {
        free(id);
        char where[600];
        snprintf(where, sizeof where, "%s:%ld", path, line);
        id = xstrdup(where);
    }
    *u = (slant_labelled_unit){ id, text, text_len, label, path, line };
}

/* --- JSON Lines --------------------------------------------------------------------------- */

static size_t parse_jsonl(const char *data, size_t len, const char *path,
                          const slant_labelled_fields *f, slant_labelled *s,
                          void (*report)(const slant_error *, void *), void *ctx)
{
    const char *keep[1] = { f->label_field };
    slant_jsonl_fields jf = { f->text_field, f->id_field, keep, 1 };
    size_t bad = 0;
    long line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len, n = end - pos;
        const char *row = data + pos;
        pos = end + 1;
        line++;
        while (n && (row[n - 1] == '\r' || row[n - 1] == ' ' || row[n - 1] == '\t'))
            n--;
        if (line == 1 && n >= 3 && !memcmp(row, "\xEF\xBB\xBF", 3)) {
            row += 3;
            n -= 3;
        }
        size_t lead = 0;
        while (lead < n && (row[lead] == ' ' || row[lead] == '\t'))
            lead++;
        if (lead == n)
            continue;
        slant_article a;
        slant_article_init(&a);
        slant_error err;
        slant_error_clear(&err);
        double label;
        if (slant_json_parse_article(row, n, &jf, path, line, &a, &err) != SLANT_OK ||
            parse_label(a.fields[0].value, f->label_field, path, line, &label, &err) != 0) {
            report(&err, ctx);
            bad++;
        } else {
            add_unit(s, a.id, a.text, a.text_len, label, path, line);
            a.id = NULL;
            a.text = NULL;
        }
        slant_article_release(&a);
    }
    return bad;
}

/* --- CSV and TSV -------------------------------------------------------------------------- */

typedef struct {
    char **cells;
    size_t n, cap;
    slant_buf cell; /* the cell being read, kept from row to row */
} row_t;

static void row_init(row_t *r)
{
    r->cells = NULL;
    r->n = r->cap = 0;
    slant_buf_init(&r->cell, MAX_CELL_BYTES);
}

static void row_clear(row_t *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i]);
    r->n = 0;
}

/*
 * Reads the record at `*pos` into `r`: cells split at `delim`, quoted cells as RFC 4180
 * has them. `*line` counts the lines passed. Returns 1, 0 at the end of the data, or -1
 * for an unterminated quoted cell (the rest of the data is then skipped).
 */
static int read_row(const char *data, size_t len, char delim, size_t *pos, long *line, row_t *r)
{
    row_clear(r);
    size_t i = *pos;
    if (i >= len)
        return 0;
    slant_buf *v = &r->cell;
    int rc = 1;
    for (;;) {
        slant_buf_reset(v);
        slant_buf_adds(v, ""); /* data is never NULL */
        if (i < len && data[i] == '"') {
            i++;
            for (;;) {
                if (i >= len) {
                    rc = -1;
                    break;
                }
                if (data[i] == '"' && i + 1 < len && data[i + 1] == '"') {
                    slant_buf_addc(v, '"');
                    i += 2;
                } else if (data[i] == '"') {
                    i++;
                    break;
                } else {
                    if (data[i] == '\n')
                        (*line)++;
                    slant_buf_addc(v, data[i++]);
                }
            }
            if (rc < 0)
                break;
        }
        while (i < len && data[i] != delim && data[i] != '\n')
            slant_buf_addc(v, data[i++]);
        size_t n = v->len;
        if (n && v->data[n - 1] == '\r' && (i >= len || data[i] == '\n'))
            n--;
        r->cells = xgrow(r->cells, &r->cap, r->n + 1, sizeof *r->cells);
        r->cells[r->n++] = xmemdup(v->data, n);
        if (i < len && data[i] == delim) {
            i++;
            continue;
        }
        if (i < len) { /* a line break */
            i++;
            (*line)++;
        }
        break;
    }
    *pos = rc < 0 ? len : i;
    return rc;
}

static int row_blank(const row_t *r)
{
    return r->n == 1 && r->cells[0][strspn(r->cells[0], " \t")] == '\0';
}

static long column(const row_t *header, const char *name)
{
    for (size_t i = 0; i < header->n; i++)
        if (!strcmp(header->cells[i], name))
            return (long)i;
    return -1;
}

static size_t parse_table(const char *data, size_t len, const char *path, char delim,
                          const slant_labelled_fields *f, slant_labelled *s,
                          void (*report)(const slant_error *, void *), void *ctx)
{
    slant_error err;
    slant_error_clear(&err);
    size_t pos = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    long line = 1, start;
    row_t header, row;
    row_init(&header);
    row_init(&row);
    size_t bad = 0;
    int rc;
    do {
        start = line;
        rc = read_row(data, len, delim, &pos, &line, &header);
    } while (rc == 1 && row_blank(&header));
    if (rc <= 0) {
        if (rc < 0) {
            slant_error_set(&err, SLANT_ERR_INPUT, path, start, 0,
                            "unterminated quoted cell (no closing '\"')");
            report(&err, ctx);
            bad++;
        }
        goto done;
    }
    long tcol = column(&header, f->text_field), lcol = column(&header, f->label_field);
    long icol = column(&header, f->id_field);
    if (tcol < 0 || lcol < 0) {
        slant_error_set(&err, SLANT_ERR_INPUT, path, start, 0,
                        "the header has no column '%s' (choose it with %s)",
                        tcol < 0 ? f->text_field : f->label_field,
                        tcol < 0 ? "--text-field" : "--label-field");
        report(&err, ctx);
        bad++;
        goto done;
    }
    for (;;) {
        start = line;
        rc = read_row(data, len, delim, &pos, &line, &row);
        if (rc == 0)
            break;
        if (rc < 0) {
            slant_error_set(&err, SLANT_ERR_INPUT, path, start, 0,
                            "unterminated quoted cell (no closing '\"')");
            report(&err, ctx);
            bad++;
            break;
        }
        if (row_blank(&row))
            continue;
        double label;
        if (row.n != header.n) {
            slant_error_set(&err, SLANT_ERR_INPUT, path, start, 0,
                            "the row has %zu cells, the header %zu", row.n, header.n);
        } else if (parse_label(row.cells[lcol][0] ? row.cells[lcol] : NULL, f->label_field,
                               path, start, &label, &err) == 0) {
            char *text = row.cells[tcol];
            row.cells[tcol] = xstrdup("");
            add_unit(s, icol >= 0 ? xstrdup(row.cells[icol]) : NULL, text, strlen(text),
                     label, path, start);
            continue;
        }
        report(&err, ctx);
        bad++;
    }
done:
    row_clear(&header);
    row_clear(&row);
    free(header.cells);
    free(row.cells);
    slant_buf_release(&header.cell);
    slant_buf_release(&row.cell);
    return bad;
}

size_t slant_labelled_parse(const char *data, size_t len, const char *path,
                            slant_labelled_format fmt, const slant_labelled_fields *f,
                            slant_labelled *s,
                            void (*report)(const slant_error *err, void *ctx), void *ctx)
{
    if (fmt == SLANT_LABELLED_AUTO)
        fmt = slant_labelled_detect(path, data, len);
    if (fmt == SLANT_LABELLED_JSONL)
        return parse_jsonl(data, len, path, f, s, report, ctx);
    return parse_table(data, len, path, fmt == SLANT_LABELLED_TSV ? '\t' : ',', f, s, report,
                       ctx);
}
