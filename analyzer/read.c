#include "read.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "compress.h"
#include "file.h"
#include "jsonline.h"
#include "xalloc.h"

#define MAX_DEPTH 64
#define CHUNK 65536
/* Bad JSON Lines records in a row after which the rest of an input is not read (it is not
 * JSON Lines: a binary file, /dev/urandom), with one message. */
#define MAX_BAD_IN_A_ROW 1000
/* How far past the limit an overlong JSON line is skipped to find its end; beyond it the
 * line never ends (/dev/zero) and the rest of the input is not read. */
#define MAX_SKIP ((size_t)1 << 30)

/* A directory being walked: its entries sorted, and how far we are. */
typedef struct {
    char *path;
    char **names;
    size_t n, next;
    dev_t dev;            /* the directory's identity, to find symbolic link loops */
    ino_t ino;
} frame;

/* The columns of a spreadsheet (CSV or TSV) and the cells of its current row. */
#define MAX_COLUMNS 4096
#define NMETA 6
static const char *const meta_names[NMETA] = { "source", "date", "title", "url", "event",
                                                "lang" };
typedef struct {
    char sep;                 /* ',' (CSV, quoted as in RFC 4180) or '\t' (TSV) */
    long text, id;            /* column numbers, -1 for none */
    long meta[NMETA];
    long *keep;               /* per kept field (the reader's fields.keep), or -1 */
    size_t start[MAX_COLUMNS], len[MAX_COLUMNS];
    size_t ncells;
    slant_buf more;           /* a continuation line of a quoted cell */
} table;

/* Lines from a stream, with a buffer we can also peek into (stdin's format guess). */
typedef struct {
    FILE *f;
    int owned;            /* fclose when done (not stdin) */
    char *path;
    long line;
    size_t bad_in_a_row;  /* records that could not be read, since the last good one */
    table *tab;           /* a spreadsheet's columns; NULL for JSON Lines */
    int header_read;
    char buf[CHUNK];
    size_t pos, len;
    int eof;
} line_stream;

struct slant_reader {
    slant_reader_options o;
    size_t next_arg;
    const char *arg;      /* the argument being walked: ids are relative to it */
    frame stack[MAX_DEPTH];
    int depth;
    line_stream *jsonl;   /* the JSON Lines stream being read, or NULL */
    slant_buf line;
    size_t ignored;
    char *ignored_names[3];
    size_t filtered;      /* articles the subset left out */
    size_t user_keep;     /* the fields kept for the output; more are kept for the subset */
    const char **keep;    /* o.fields.keep and the subset's fields (owned array) */
};

slant_reader *slant_reader_new(const slant_reader_options *o)
{
    slant_reader *r = xcalloc(1, sizeof *r);
    r->o = *o;
    /* JSON Lines fields the subset reads are kept while reading, and dropped after. */
    size_t nsub;
    const char *const *sub = slant_subset_fields(o->subset, &nsub);
    r->user_keep = o->fields.nkeep;
    r->keep = xcalloc(o->fields.nkeep + nsub + 1, sizeof *r->keep);
    for (size_t k = 0; k < o->fields.nkeep; k++)
        r->keep[k] = o->fields.keep[k];
    size_t nkeep = o->fields.nkeep;
    for (size_t k = 0; k < nsub; k++) {
        size_t j = 0;
        while (j < nkeep && strcmp(r->keep[j], sub[k]))
            j++;
        if (j == nkeep)
            r->keep[nkeep++] = sub[k];
    }
    r->o.fields.keep = r->keep;
    r->o.fields.nkeep = nkeep;
    slant_buf_init(&r->line, o->max_article_bytes + 1);
    return r;
}

static void stream_close(slant_reader *r)
{
    if (!r->jsonl)
        return;
    if (r->jsonl->owned)
        fclose(r->jsonl->f);
    if (r->jsonl->tab) {
        free(r->jsonl->tab->keep);
        slant_buf_release(&r->jsonl->tab->more);
        free(r->jsonl->tab);
    }
    free(r->jsonl->path);
    free(r->jsonl);
    r->jsonl = NULL;
}

static void frame_release(frame *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->path);
}

void slant_reader_free(slant_reader *r)
{
    if (!r)
        return;
    stream_close(r);
    while (r->depth > 0)
        frame_release(&r->stack[--r->depth]);
    for (size_t i = 0; i < 3; i++)
        free(r->ignored_names[i]);
    slant_buf_release(&r->line);
    free(r->keep);
    free(r);
}

size_t slant_reader_filtered(const slant_reader *r)
{
    return r->filtered;
}

/* Whether the subset takes article `a`; its fields kept only for the subset are dropped. */
static int in_subset(slant_reader *r, slant_article *a)
{
    int pass = slant_subset_article(r->o.subset, a);
    while (a->nfields > r->user_keep) {
        slant_field *f = &a->fields[--a->nfields];
        free(f->name);
        free(f->value);
    }
    if (!a->nfields) {
        free(a->fields);
        a->fields = NULL;
    }
    if (!pass)
        r->filtered++;
    return pass;
}

size_t slant_reader_ignored(const slant_reader *r, const char **names, size_t max)
{
    for (size_t i = 0; i < max && i < 3 && i < r->ignored; i++)
        names[i] = r->ignored_names[i];
    return r->ignored;
}

/* --- kinds of file ----------------------------------------------------------------- */

/* Does `s`, without a final .gz or .zst (compress.h), end with `suffix`? */
static int ends_with(const char *s, const char *suffix)
{
    size_t n = slant_compression_base_len(s), k = strlen(suffix);
    return n >= k && strncmp(s + n - k, suffix, k) == 0;
}

static int is_jsonl_name(const char *path)
{
    return ends_with(path, ".jsonl") || ends_with(path, ".ndjson");
}

static int is_text_name(const char *path)
{
    return ends_with(path, ".txt") || ends_with(path, ".text");
}

/* The name of the directory that holds `path`, or NULL if the path has none. */
static char *parent_name(const char *path)
{
    if (!strncmp(path, "/dev/", 5) || !strncmp(path, "/proc/", 6))
        return NULL; /* a pipe (`<(jq ...)`: /dev/fd/63) names no source */
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    while (n > 0 && path[n - 1] != '/')
        n--; /* now path[0..n) is the directory part, with its slash */
    while (n > 1 && path[n - 1] == '/')
        n--;
    if (n == 0 || (n == 1 && path[0] == '/'))
        return NULL;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/')
        start--;
    if (n - start == 1 && path[start] == '.')
        return NULL;
    return xmemdup(path + start, n - start);
}

/* --- JSON Lines ------------------------------------------------------------------------ */

static int stream_fill(line_stream *s)
{
    if (s->eof)
        return 0;
    if (s->pos < s->len)
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
    s->len -= s->pos;
    s->pos = 0;
    size_t got = fread(s->buf + s->len, 1, CHUNK - s->len, s->f);
    s->len += got;
    if (got == 0)
        s->eof = 1;
    return got > 0;
}

/*
 * Reads the next line into `out` (without its line break). Returns 1 for a line, 0 at the
 * end, -1 for a line longer than the buffer's maximum (skipped to its end), -2 for one
 * with no end within MAX_SKIP bytes more (/dev/zero): the rest of the input is not read.
 */
static int stream_line(line_stream *s, slant_buf *out)
{
    slant_buf_reset(out);
    int too_long = 0, any = 0;
    size_t skipped = 0;
    for (;;) {
        if (s->pos == s->len && !stream_fill(s))
            break;
        any = 1;
        char *start = s->buf + s->pos;
        char *nl = memchr(start, '\n', s->len - s->pos);
        size_t n = nl ? (size_t)(nl - start) : s->len - s->pos;
        if (!too_long && slant_buf_add(out, start, n) != SLANT_OK)
            too_long = 1;
        s->pos += n;
        if (nl) {
            s->pos++;
            break;
        }
        if (too_long && (skipped += n) > MAX_SKIP) {
            s->line++;
            s->eof = 1;
            s->pos = s->len = 0;
            return -2;
        }
    }
    if (!any)
        return 0;
    s->line++;
    if (too_long)
        return -1;
    if (out->len && out->data[out->len - 1] == '\r')
        out->data[--out->len] = '\0';
    return 1;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/*
 * Counts a record that could not be read; after MAX_BAD_IN_A_ROW of them in a row the
 * input is given up, and the last error says so. Returns `st`.
 */
static slant_status bad_record(slant_reader *r, slant_status st, slant_error *err)
{
    line_stream *s = r->jsonl;
    if (++s->bad_in_a_row < MAX_BAD_IN_A_ROW)
        return st;
    s->eof = 1;
    s->pos = s->len = 0;
    s->bad_in_a_row = 0;
    return slant_error_set(err, SLANT_ERR_LIMIT, s->path, s->line, 0,
                           "%d bad records in a row: not JSON Lines? the rest of '%s' is "
                           "not read",
                           MAX_BAD_IN_A_ROW, s->path);
}

/* Metadata and kept fields whose JSON values are numbers, as the input spells them: an
 * id of 29 digits must not go through a double. */
static void keep_numbers(slant_reader *r, slant_article *a)
{
    const char *data = r->line.data, *num;
    size_t len = r->line.len, n;
    if (slant_jsonline_number(data, len, r->o.fields.id_field, &num, &n)) {
        free(a->id);
        a->id = xmemdup(num, n);
    }
    static const char *const meta[] = { "source", "date", "title", "url", "event", "lang" };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++)
        if (slant_jsonline_number(data, len, meta[k], &num, &n))
            slant_article_set(a, meta[k], strlen(meta[k]), num, n);
    for (size_t k = 0; k < a->nfields; k++) {
        if (slant_jsonline_number(data, len, a->fields[k].name, &num, &n)) {
            free(a->fields[k].value);
            a->fields[k].value = xmemdup(num, n);
        }
    }
}

static slant_status next_row(slant_reader *r, slant_article *a, char **origin, long *line,
                             slant_error *err);

static slant_status next_record(slant_reader *r, slant_article *a, char **origin, long *line,
                                slant_error *err)
{
    line_stream *s = r->jsonl;
    if (s->tab)
        return next_row(r, a, origin, line, err);
    for (;;) {
        int got = stream_line(s, &r->line);
        if (got == 0) {
            int failed = ferror(s->f), e = errno;
            char *path = xstrdup(s->path);
            stream_close(r);
            if (failed) {
                slant_status st = slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0,
                                                  "cannot read '%s': %s", path,
                                                  slant_compress_strerror(e));
                free(path);
                return st;
            }
            free(path);
            return SLANT_END;
        }
        if (got == -2)
            return slant_error_set(err, SLANT_ERR_LIMIT, s->path, s->line, 0,
                                   "line longer than the limit of %zu bytes (--max-bytes) "
                                   "with no end in sight: the rest of '%s' is not read",
                                   r->o.max_article_bytes, s->path);
        if (got < 0)
            return bad_record(r, slant_error_set(err, SLANT_ERR_LIMIT, s->path, s->line, 0,
                                                 "line longer than the limit of %zu bytes "
                                                 "(--max-bytes)",
                                                 r->o.max_article_bytes),
                              err);
        if (blank(r->line.data, r->line.len))
            continue;
        size_t nuls;
        slant_status st = slant_jsonline_check(r->line.data, r->line.len, s->path, s->line,
                                               &nuls, err);
        if (st == SLANT_OK)
            st = slant_json_parse_article(r->line.data, r->line.len, &r->o.fields, s->path,
                                          s->line, a, err);
        if (st != SLANT_OK) {
            slant_article_release(a);
            return bad_record(r, st, err);
        }
        s->bad_in_a_row = 0;
        keep_numbers(r, a);
        if (!a->id) {
            char id[64];
            snprintf(id, sizeof id, "%ld", s->line);
            size_t n = strlen(s->path) + strlen(id) + 2;
            a->id = xmalloc(n);
            snprintf(a->id, n, "%s:%s", s->path, id);
        }
        if (!a->source)
            a->source = parent_name(s->path);
        *origin = xstrdup(s->path);
        *line = s->line;
        return SLANT_OK;
    }
}


/* --- spreadsheets (CSV, TSV) ----------------------------------------------------------- */

static size_t count_quotes(const char *p, size_t n)
{
    size_t q = 0;
    for (const char *e = p + n; (p = memchr(p, '"', (size_t)(e - p))) != NULL; p++)
        q++;
    return q;
}

/*
 * The next row into r->line, as stream_line returns (1, 0, -1, -2): in CSV a quoted cell
 * may hold line breaks, so lines are joined while a quotation is open.
 */
static int table_row(slant_reader *r, long *first_line)
{
    line_stream *s = r->jsonl;
    int got = stream_line(s, &r->line);
    *first_line = s->line;
    if (got != 1 || s->tab->sep != ',')
        return got;
    size_t quotes = count_quotes(r->line.data, r->line.len);
    while (quotes % 2) {
        int more = stream_line(s, &s->tab->more);
        if (more == 0)
            break; /* an unclosed quotation ends at the end of the input */
        if (more < 0)
            return more;
        quotes += count_quotes(s->tab->more.data, s->tab->more.len);
        if (slant_buf_addc(&r->line, '\n') != SLANT_OK ||
            slant_buf_add(&r->line, s->tab->more.data, s->tab->more.len) != SLANT_OK)
            return -1;
    }
    return 1;
}

/* Splits r->line into cells (unquoting CSV cells in place). */
static void split_cells(slant_reader *r)
{
    table *t = r->jsonl->tab;
    char *p = r->line.data;
    size_t n = r->line.len, i = 0;
    t->ncells = 0;
    while (t->ncells < MAX_COLUMNS) {
        size_t k = t->ncells++;
        if (t->sep == ',' && i < n && p[i] == '"') {
            size_t w = ++i;
            t->start[k] = i;
            while (i < n) {
                if (p[i] == '"') {
                    if (i + 1 < n && p[i + 1] == '"') {
                        p[w++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                p[w++] = p[i++];
            }
            t->len[k] = w - t->start[k];
            while (i < n && p[i] != t->sep)
                i++; /* anything after the closing quote is not part of the cell */
        } else {
            t->start[k] = i;
            while (i < n && p[i] != t->sep)
                i++;
            t->len[k] = i - t->start[k];
        }
        if (i >= n)
            break;
        i++;
    }
}

static int cell_is(const slant_reader *r, size_t k, const char *name)
{
    const table *t = r->jsonl->tab;
    size_t n = strlen(name);
    return t->len[k] == n && memcmp(r->line.data + t->start[k], name, n) == 0;
}

/* Reads the header row: which column holds what. An input without the text column is an
 * error, and the rest of it is not read. */
static slant_status table_header(slant_reader *r, slant_error *err)
{
    line_stream *s = r->jsonl;
    table *t = s->tab;
    long line;
    int got;
    /* no column known until the header is read: a stream whose header fails reads no row */
    t->text = t->id = -1;
    for (size_t m = 0; m < NMETA; m++)
        t->meta[m] = -1;
    t->keep = xmalloc((r->o.fields.nkeep + 1) * sizeof *t->keep);
    for (size_t k = 0; k < r->o.fields.nkeep; k++)
        t->keep[k] = -1;
    do
        got = table_row(r, &line);
    while (got == 1 && blank(r->line.data, r->line.len));
    s->header_read = 1;
    if (got != 1) {
        s->eof = 1;
        s->pos = s->len = 0; /* the rest of the stream is not read as rows */
        return got == 0 ? SLANT_END
                        : slant_error_set(err, SLANT_ERR_LIMIT, s->path, line, 0,
                                          "header row longer than the limit of %zu bytes",
                                          r->o.max_article_bytes);
    }
    if (r->line.len >= 3 && memcmp(r->line.data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(r->line.data, r->line.data + 3, r->line.len - 3); /* a byte order mark */
        r->line.len -= 3;
    }
    split_cells(r);
    for (size_t c = t->ncells; c-- > 0;) { /* the first column of a name counts */
        if (cell_is(r, c, r->o.fields.text_field))
            t->text = (long)c;
        if (cell_is(r, c, r->o.fields.id_field))
            t->id = (long)c;
        for (size_t m = 0; m < NMETA; m++)
            if (cell_is(r, c, meta_names[m]))
                t->meta[m] = (long)c;
        for (size_t k = 0; k < r->o.fields.nkeep; k++)
            if (cell_is(r, c, r->o.fields.keep[k]))
                t->keep[k] = (long)c;
    }
    if (t->text < 0) {
        s->eof = 1;
        s->pos = s->len = 0;
        char names[400];
        size_t used = 0;
        for (size_t c = 0; c < t->ncells && used + 8 < sizeof names; c++) {
            int w = snprintf(names + used, sizeof names - used, "%s'%.*s'", c ? ", " : "",
                             (int)(t->len[c] < 64 ? t->len[c] : 64),
                             r->line.data + t->start[c]);
            used += w > 0 ? (size_t)w : 0;
        }
        if (used >= sizeof names)
            memcpy(names + sizeof names - 4, "...", 4);
        return slant_error_set(err, SLANT_ERR_INPUT, s->path, line, 0,
                               "no column '%s' for the text (--text-field) among the header "
                               "row's %s: '%s' is not read",
                               r->o.fields.text_field, names, s->path);
    }
    return SLANT_OK;
}

static char *cell_dup(const slant_reader *r, long c)
{
    const table *t = r->jsonl->tab;
    if (!t->len[c])
        return xstrdup(""); /* the line's buffer may be NULL: no offset on it */
    return xmemdup(r->line.data + t->start[c], t->len[c]);
}

/* The next row as an article, as next_record does for JSON Lines. */
static slant_status next_row(slant_reader *r, slant_article *a, char **origin, long *line,
                             slant_error *err)
{
    line_stream *s = r->jsonl;
    table *t = s->tab;
    if (!s->header_read) {
        slant_status st = table_header(r, err);
        if (st != SLANT_OK && st != SLANT_END)
            return st; /* the stream is at its end: closed at the next call */
    }
    for (;;) {
        long first;
        int got = s->eof && s->pos == s->len ? 0 : table_row(r, &first);
        if (got == 0) {
            int failed = ferror(s->f);
            char *path = xstrdup(s->path);
            stream_close(r);
            slant_status st = SLANT_END;
            if (failed)
                st = slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s",
                                     path, strerror(errno));
            free(path);
            return st;
        }
        if (got < 0) {
            if (got == -2)
                s->eof = 1;
            return bad_record(r, slant_error_set(err, SLANT_ERR_LIMIT, s->path, first, 0,
                                                 "row longer than the limit of %zu bytes "
                                                 "(--max-bytes)",
                                                 r->o.max_article_bytes),
                              err);
        }
        if (blank(r->line.data, r->line.len))
            continue;
        split_cells(r);
        if ((size_t)t->text >= t->ncells)
            return bad_record(r, slant_error_set(err, SLANT_ERR_INPUT, s->path, first, 0,
                                                 "row of %zu cells has no text column (%ld)",
                                                 t->ncells, t->text + 1),
                              err);
        s->bad_in_a_row = 0;
        a->text = cell_dup(r, t->text);
        a->text_len = t->len[t->text];
        if (memchr(a->text, '\0', a->text_len)) {
            slant_article_release(a);
            return bad_record(r, slant_error_set(err, SLANT_ERR_INPUT, s->path, first, 0,
                                                 "a NUL byte in the text"),
                              err);
        }
        for (size_t m = 0; m < NMETA; m++) {
            long c = t->meta[m];
            if (c >= 0 && (size_t)c < t->ncells && t->len[c])
                slant_article_set(a, meta_names[m], strlen(meta_names[m]),
                                  r->line.data + t->start[c], t->len[c]);
        }
        if (t->id >= 0 && (size_t)t->id < t->ncells && t->len[t->id])
            a->id = cell_dup(r, t->id);
        if (r->o.fields.nkeep) {
            a->fields = xcalloc(r->o.fields.nkeep, sizeof *a->fields);
            for (size_t k = 0; k < r->o.fields.nkeep; k++) {
                slant_field *f = &a->fields[a->nfields++];
                f->name = xstrdup(r->o.fields.keep[k]);
                long c = t->keep[k];
                if (c >= 0 && (size_t)c < t->ncells) {
                    f->value = cell_dup(r, c);
                    f->is_string = 1;
                }
            }
        }
        if (!a->id) {
            char id[64];
            snprintf(id, sizeof id, "%ld", first);
            size_t n = strlen(s->path) + strlen(id) + 2;
            a->id = xmalloc(n);
            snprintf(a->id, n, "%s:%s", s->path, id);
        }
        if (!a->source)
            a->source = parent_name(s->path);
        *origin = xstrdup(s->path);
        *line = first;
        return SLANT_OK;
    }
}

/* Whether the first line of `p` (n bytes) is a header with a column named `name`,
 * separated by `sep` (CSV cells may be quoted). */
static int header_has(const char *p, size_t n, char sep, const char *name)
{
    const char *nl = memchr(p, '\n', n);
    if (nl)
        n = (size_t)(nl - p);
    size_t want = strlen(name), i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && p[j] != sep)
            j++;
        size_t a = i, b = j;
        while (b > a && (p[b - 1] == '\r' || p[b - 1] == ' '))
            b--;
        if (sep == ',' && b - a >= 2 && p[a] == '"' && p[b - 1] == '"') {
            a++;
            b--;
        }
        if (b - a == want && memcmp(p + a, name, want) == 0)
            return 1;
        i = j + 1;
    }
    return 0;
}

/* The format of an input from its first bytes (`p`, `n`) and its name. */
static slant_input_format guess_format(const char *p, size_t n, const char *name,
                                       const char *text_field)
{
    size_t i = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        i = 3; /* a byte order mark, as files may have */
    size_t start = i;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        i++;
    if ((i < n && p[i] == '{') || is_jsonl_name(name))
        return SLANT_INPUT_JSONL;
    if (ends_with(name, ".csv"))
        return SLANT_INPUT_CSV;
    if (ends_with(name, ".tsv") || ends_with(name, ".tab"))
        return SLANT_INPUT_TSV;
    if (header_has(p + start, n - start, '\t', text_field))
        return SLANT_INPUT_TSV;
    if (header_has(p + start, n - start, ',', text_field))
        return SLANT_INPUT_CSV;
    return SLANT_INPUT_TEXT;
}

static slant_status open_jsonl(slant_reader *r, const char *path, FILE *f, slant_error *err)
{
    if (!f) {
        f = slant_compress_open(path); /* .gz and .zst too, by content */
        if (!f)
            return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot open '%s': %s", path,
                                   strerror(errno));
    }
    line_stream *s = xcalloc(1, sizeof *s);
    s->f = f;
    s->owned = f != stdin;
    s->path = xstrdup(path);
    r->jsonl = s;
    return SLANT_OK;
}

/* Makes the open stream a spreadsheet's (CSV or TSV), or leaves it JSON Lines. */
static void set_table(slant_reader *r, slant_input_format fmt)
{
    if (fmt != SLANT_INPUT_CSV && fmt != SLANT_INPUT_TSV)
        return;
    table *t = xcalloc(1, sizeof *t);
    t->sep = fmt == SLANT_INPUT_CSV ? ',' : '\t';
    slant_buf_init(&t->more, r->o.max_article_bytes + 1);
    r->jsonl->tab = t;
}

/* --- text files ------------------------------------------------------------------------ */

static slant_status read_text(slant_reader *r, const char *path, const char *id,
                              slant_article *a, char **origin, slant_error *err)
{
    char *data;
    size_t len;
    slant_status st = slant_read_file(path, r->o.max_article_bytes, &data, &len, err);
    if (st != SLANT_OK)
        return st;
    char *meta_path = xmalloc(strlen(path) + 6);
    strcpy(meta_path, path);
    strcat(meta_path, ".meta");
    char *meta = NULL;
    size_t meta_len = 0;
    slant_error ignored;
    if (slant_read_file(meta_path, 1 << 20, &meta, &meta_len, &ignored) != SLANT_OK)
        meta = NULL; /* no sidecar: the usual case */
    char *source = parent_name(path);
    st = slant_article_from_text(a, data, len, meta, meta_len, path, id, source, err);
    free(source);
    free(meta);
    free(meta_path);
    if (st != SLANT_OK) {
        slant_article_release(a);
        return st;
    }
    *origin = xstrdup(path);
    return SLANT_OK;
}

static slant_status read_stdin(slant_reader *r, slant_article *a, char **origin,
                               slant_error *err)
{
    /* Closed (`<&-`) or a directory (`< dir`): an error, not an empty article. */
    struct stat sb;
    if (fstat(fileno(stdin), &sb) != 0)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot read standard input: %s",
                               strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0,
                               "cannot read standard input: %s", strerror(EISDIR));
    line_stream *s = xcalloc(1, sizeof *s);
    s->f = slant_compress_wrap_read(stdin); /* gzip or zstd: decompressed (compress.h) */
    s->owned = s->f != NULL;                 /* closing it leaves stdin open */
    if (!s->f)
        s->f = stdin;
    s->path = xstrdup("-");
    stream_fill(s);
    if (ferror(s->f) && s->len == 0) { /* (after some data: said at its end) */
        int e = errno;
        if (s->owned)
            fclose(s->f);
        free(s->path);
        free(s);
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot read standard input: %s",
                               slant_compress_strerror(e));
    }
    slant_input_format fmt = r->o.format;
    if (fmt == SLANT_INPUT_AUTO)
        fmt = guess_format(s->buf, s->len, "-", r->o.fields.text_field);
    if (fmt != SLANT_INPUT_TEXT) {
        r->jsonl = s; /* its records are read like a file's */
        set_table(r, fmt);
        return SLANT_END;
    }
    slant_buf text;
    slant_buf_init(&text, r->o.max_article_bytes);
    slant_status st = slant_buf_add(&text, s->buf, s->len);
    while (st == SLANT_OK && stream_fill(s)) {
        st = slant_buf_add(&text, s->buf, s->len);
        s->len = s->pos = 0;
    }
    int read_failed = ferror(s->f), e = errno;
    if (s->owned)
        fclose(s->f);
    free(s->path);
    free(s);
    if (read_failed) {
        slant_buf_release(&text);
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot read standard input: %s",
                               slant_compress_strerror(e));
    }
    if (st != SLANT_OK) {
        slant_buf_release(&text);
        return slant_error_set(err, SLANT_ERR_LIMIT, "-", 0, 0,
                               "standard input is longer than the limit of %zu bytes "
                               "(--max-bytes)",
                               r->o.max_article_bytes);
    }
    size_t len;
    char *data = slant_buf_detach(&text, &len);
    *origin = xstrdup("-");
    return slant_article_from_text(a, data, len, NULL, 0, "-", "-", NULL, err);
}

/* --- directories ----------------------------------------------------------------------- */

static int cmp_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static slant_status push_dir(slant_reader *r, const char *path, const struct stat *sb,
                             slant_error *err)
{
    for (int k = 0; k < r->depth; k++)
        if (r->stack[k].dev == sb->st_dev && r->stack[k].ino == sb->st_ino)
            return slant_error_set(err, SLANT_ERR_INPUT, NULL, 0, 0,
                                   "directory '%s' is '%s' again (a symbolic link loop): "
                                   "not read twice",
                                   path, r->stack[k].path);
    if (r->depth == MAX_DEPTH)
        return slant_error_set(err, SLANT_ERR_LIMIT, NULL, 0, 0,
                               "directory '%s' is nested more than %d deep: not read", path,
                               MAX_DEPTH);
    DIR *d = opendir(path);
    if (!d)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot open '%s': %s", path,
                               strerror(errno));
    frame *f = &r->stack[r->depth];
    memset(f, 0, sizeof *f);
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .. and hidden files */
        f->names = xgrow(f->names, &cap, f->n + 1, sizeof *f->names);
        f->names[f->n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (f->n)
        qsort(f->names, f->n, sizeof *f->names, cmp_names); /* an empty one has no array */
    f->path = xstrdup(path);
    f->dev = sb->st_dev;
    f->ino = sb->st_ino;
    r->depth++;
    return SLANT_OK;
}

static void note_ignored(slant_reader *r, const char *path)
{
    if (r->ignored < 3)
        r->ignored_names[r->ignored] = xstrdup(path);
    r->ignored++;
}

/* The id of a file found in a walk: its path relative to the argument. */
static const char *relative_id(const slant_reader *r, const char *path)
{
    size_t n = strlen(r->arg);
    if (strncmp(path, r->arg, n) == 0) {
        path += n;
        while (*path == '/')
            path++;
    }
    return path;
}

/*
 * Looks at `path`: a directory is pushed to be walked (SLANT_END: nothing to read yet), a
 * file is left to the caller (SLANT_OK), a path that cannot be opened is an error. In a
 * walk (`walking`), what is neither a regular file nor a directory (a FIFO would block
 * the walk in open(), a device never ends) is passed over with a note (SLANT_END);
 * named on the command line, it is read as the user asked.
 */
static slant_status enter(slant_reader *r, const char *path, int walking, slant_error *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot open '%s': %s", path,
                               strerror(errno));
    if (walking && !S_ISDIR(sb.st_mode) && !S_ISREG(sb.st_mode)) {
        note_ignored(r, path);
        return SLANT_END;
    }
    if (!S_ISDIR(sb.st_mode))
        return SLANT_OK;
    slant_status st = push_dir(r, path, &sb, err);
    return st == SLANT_OK ? SLANT_END : st;
}

/* Opens or reads one file found in a directory walk. Returns SLANT_END for "nothing yet". */
static slant_status walk_file(slant_reader *r, const char *path, slant_article *a,
                              char **origin, slant_error *err)
{
    slant_status st = enter(r, path, 1, err);
    if (st != SLANT_OK)
        return st;
    if (ends_with(path, ".meta") || ends_with(path, ".md"))
        return SLANT_END; /* a sidecar, read with its article; documentation */
    if (is_jsonl_name(path)) {
        st = open_jsonl(r, path, NULL, err);
        return st == SLANT_OK ? SLANT_END : st;
    }
    if (!is_text_name(path)) {
        note_ignored(r, path);
        return SLANT_END;
    }
    return read_text(r, path, relative_id(r, path), a, origin, err);
}

/* --- the stream -------------------------------------------------------------------- */

static slant_status next_argument(slant_reader *r, slant_article *a, char **origin,
                                  slant_error *err)
{
    const char *path = r->o.paths[r->next_arg++];
    r->arg = path;
    if (strcmp(path, "-") == 0)
        return read_stdin(r, a, origin, err);
    slant_status st = enter(r, path, 0, err);
    if (st != SLANT_OK)
        return st;
    slant_input_format fmt = r->o.format;
    if (fmt == SLANT_INPUT_TEXT)
        return read_text(r, path, path, a, origin, err);
    st = open_jsonl(r, path, NULL, err);
    if (st != SLANT_OK)
        return st;
    if (fmt == SLANT_INPUT_AUTO) {
        /* By content: a pipe or `<(jq ...)` has no telling name. The bytes peeked at stay
         * in the stream's buffer. */
        stream_fill(r->jsonl);
        fmt = guess_format(r->jsonl->buf, r->jsonl->len, path, r->o.fields.text_field);
    }
    if (fmt == SLANT_INPUT_TEXT) {
        stream_close(r);
        return read_text(r, path, path, a, origin, err);
    }
    set_table(r, fmt);
    return SLANT_END;
}

slant_status slant_reader_next(slant_reader *r, slant_article *a, char **origin, long *line,
                               slant_error *err)
{
    *origin = NULL;
    *line = 0;
    for (;;) {
        slant_status st;
        if (r->jsonl) {
            st = next_record(r, a, origin, line, err);
        } else if (r->depth > 0) {
            frame *f = &r->stack[r->depth - 1];
            if (f->next == f->n) {
                frame_release(f);
                r->depth--;
                continue;
            }
            char *path = slant_path_join(f->path, f->names[f->next++]);
            st = walk_file(r, path, a, origin, err);
            free(path);
        } else if (r->next_arg < r->o.npaths) {
            st = next_argument(r, a, origin, err);
        } else {
            return SLANT_END;
        }
        if (st == SLANT_OK && (!slant_shard_holds(&r->o.shard, a->id) ||
                               (r->o.subset && !in_subset(r, a)))) {
            slant_article_release(a); /* another shard's (--shard), or outside the subset */
            free(*origin);
            *origin = NULL;
            *line = 0;
            continue;
        }
        if (st != SLANT_END)
            return st;
    }
}
