/* The LIWC-22 .dicx (CSV) parser of the importer (lexicon_import.h has the format). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon_import_impl.h"
#include "xalloc.h"


typedef struct {
    char *value;
    long line, col;
} cell_t;

typedef struct {
    cell_t *cells;
    size_t n, cap;
    long line;
} row_t;

static void row_clear(row_t *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i].value);
    r->n = 0;
}

/* The delimiter of the header line: the first ',', ';' or tab outside quotes. */
static char csv_delimiter(const char *data, size_t len)
{
    int quoted = 0;
    for (size_t i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
        if (data[i] == '"')
            quoted = !quoted;
        else if (!quoted && (data[i] == ',' || data[i] == ';' || data[i] == '\t'))
            return data[i];
    }
    return ',';
}

/*
 * Reads the CSV record at `*pos` into `r` (RFC 4180: quoted fields may hold the
 * delimiter, line breaks and doubled quotes). Returns 1, 0 at the end, or -1 after
 * reporting an error (the rest of the input is then skipped).
 */
static int csv_row(slant_import *im, const char *data, size_t len, char delim, size_t *pos,
                   long *line, long *line_start_pos, row_t *r)
{
    row_clear(r);
    if (*pos >= len)
        return 0;
    r->line = *line;
    slant_buf v;
    slant_buf_init(&v, MAX_IMPORT_FILE_BYTES);
    size_t i = *pos;
    for (;;) {
        cell_t cell = { NULL, *line, (long)(i - (size_t)*line_start_pos) + 1 };
        slant_buf_reset(&v);
        if (i < len && data[i] == '"') {
            long qline = *line, qcol = cell.col;
            i++;
            for (;;) {
                if (i >= len) {
                    slant_imp_problem(im, SLANT_IMPORT_ERROR, qline, qcol,
                            "unterminated quoted field (no closing '\"')");
                    slant_buf_release(&v);
                    *pos = len;
                    return -1;
                }
                if (data[i] == '"' && i + 1 < len && data[i + 1] == '"') {
                    slant_buf_addc(&v, '"');
                    i += 2;
                } else if (data[i] == '"') {
                    i++;
                    break;
                } else {
                    int eol = data[i] == '\n' ||
                              (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n'));
                    if (eol) {
                        (*line)++;
                        *line_start_pos = (long)i + 1;
                    }
                    slant_buf_addc(&v, data[i]);
                    i++;
                }
            }
            if (i < len && data[i] != delim && data[i] != '\n' && data[i] != '\r') {
                slant_imp_problem(im, SLANT_IMPORT_ERROR, *line, (long)(i - (size_t)*line_start_pos) + 1,
                        "unexpected '%c' after a closing quote", data[i]);
                while (i < len && data[i] != delim && data[i] != '\n' && data[i] != '\r')
                    i++;
            }
        } else {
            while (i < len && data[i] != delim && data[i] != '\n' && data[i] != '\r')
                slant_buf_addc(&v, data[i++]);
        }
        cell.value = xmemdup(v.data ? v.data : "", v.len);
        r->cells = xgrow(r->cells, &r->cap, r->n + 1, sizeof *r->cells);
        r->cells[r->n++] = cell;
        if (i < len && data[i] == delim) {
            i++;
            continue;
        }
        break;
    }
    if (i < len && data[i] == '\r')
        i++;
    if (i < len && data[i] == '\n')
        i++;
    (*line)++;
    *line_start_pos = (long)i;
    *pos = i;
    slant_buf_release(&v);
    return 1;
}

/* Whether a row is blank: one empty cell, or only empty cells. */
static int row_blank(const row_t *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const char *s = r->cells[i].value;
        size_t n = strlen(s);
        slant_imp_trim(&s, &n);
        if (n)
            return 0;
    }
    return 1;
}

/*
 * A cell's mark: a plain number is a weight (0 to 100 fits; written unless it is 1); any
 * other mark is weight 1. Returns 0 with `weight` set, or -1 if the number is out of range.
 */
static int cell_weight(const char *s, size_t n, char *weight, size_t size)
{
    weight[0] = '\0';
    size_t i = (n && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    size_t digits = 0, dots = 0;
    for (size_t k = i; k < n; k++) {
        if (s[k] >= '0' && s[k] <= '9')
            digits++;
        else if (s[k] == '.')
            dots++;
        else
            return 0; /* a mark such as "X" */
    }
    if (!digits || dots > 1 || n - i > 20)
        return 0;
    char text[32];
    snprintf(text, sizeof text, "%.*s", (int)(n - i), s + i);
    double w = strtod(text, NULL);
    if ((i && s[0] == '-' && w != 0) || w > MAX_WEIGHT)
        return -1;
    if (w != 1.0 && size > 1) {
        size_t at = 0;
        if (text[0] == '.')
            weight[at++] = '0';
        for (size_t k = 0; text[k] && at + 1 < size; k++)
            weight[at++] = text[k];
        weight[at] = '\0';
    }
    return 0;
}

void slant_imp_parse_dicx(slant_import *im, const char *data, size_t len)
{
    char delim = csv_delimiter(data, len);
    size_t pos = 0;
    long line = 1, line_start = 0;
    row_t r = { NULL, 0, 0, 0 };
    int got;
    /* The header: the first row that is not blank. */
    while ((got = csv_row(im, data, len, delim, &pos, &line, &line_start, &r)) == 1 &&
           row_blank(&r))
        ;
    if (got != 1) {
        if (got == 0)
            slant_imp_problem(im, SLANT_IMPORT_ERROR, 0, 0, "empty file: no header row");
        row_clear(&r);
        free(r.cells);
        return;
    }
    size_t term_col = SIZE_MAX;
    size_t ncols = r.n;
    long *col_cat = xmalloc(ncols * sizeof *col_cat);
    size_t *members = xmalloc(ncols * sizeof *members);
    char (*weights)[32] = xmalloc(ncols * sizeof *weights);
    for (size_t c = 0; c < ncols; c++) {
        const char *s = r.cells[c].value;
        size_t n = strlen(s);
        slant_imp_trim(&s, &n);
        col_cat[c] = -1;
        if (n == 7 && strncasecmp(s, "DicTerm", 7) == 0 && term_col == SIZE_MAX) {
            term_col = c;
        } else if (n == 0) {
            col_cat[c] = -2; /* checked below: must stay empty */
        } else if (slant_imp_find_category(im, s, n)) {
            slant_imp_problem(im, SLANT_IMPORT_ERROR, r.cells[c].line, r.cells[c].col,
                    "bad header: column '%.*s' appears twice", (int)n, s);
        } else {
            col_cat[c] = (long)slant_imp_add_category(im, s, n, -1, r.cells[c].line, "LIWC-22 category");
        }
    }
    if (term_col == SIZE_MAX)
        slant_imp_problem(im, SLANT_IMPORT_ERROR, r.line, 1,
                "bad header: no 'DicTerm' column (a .dicx file starts with a row "
                "'DicTerm,CATEGORY,...')");
    else if (im->ncats == 0)
        slant_imp_problem(im, SLANT_IMPORT_ERROR, r.line, 1,
                "bad header: no category column after 'DicTerm'");
    while (term_col != SIZE_MAX &&
           (got = csv_row(im, data, len, delim, &pos, &line, &line_start, &r)) == 1) {
        if (row_blank(&r))
            continue;
        if (r.n > ncols) {
            slant_imp_problem(im, SLANT_IMPORT_ERROR, r.line, r.cells[ncols].col,
                    "row has %zu fields, the header %zu", r.n, ncols);
            continue;
        }
        const cell_t *tc = term_col < r.n ? &r.cells[term_col] : NULL;
        const char *term = tc ? tc->value : "";
        size_t term_len = strlen(term);
        const char *t = term;
        slant_imp_trim(&t, &term_len);
        /* The categories it joins, with their weights. */
        size_t nm = 0;
        slant_buf names;
        slant_buf_init(&names, 1 << 16);
        for (size_t c = 0; c < r.n; c++) {
            if (c == term_col)
                continue;
            const char *s = r.cells[c].value;
            size_t n = strlen(s);
            slant_imp_trim(&s, &n);
            if (!n)
                continue;
            if (col_cat[c] == -2) {
                slant_imp_problem(im, SLANT_IMPORT_ERROR, r.cells[c].line, r.cells[c].col,
                        "a mark '%.*s' in column %zu, which has no category name", (int)n, s,
                        c + 1);
                continue;
            }
            if (col_cat[c] < 0)
                continue;
            if (cell_weight(s, n, weights[nm], sizeof weights[nm]) != 0) {
                slant_imp_problem(im, SLANT_IMPORT_DROPPED, r.cells[c].line, r.cells[c].col,
                        "cannot express weight '%.*s' of entry '%.*s' in category '%s' (slant "
                        "weights are 0 to 100); dropped",
                        (int)n, s, (int)term_len, t, im->cats[col_cat[c]].name);
                continue;
            }
            slant_buf_addf(&names, "%s'%s'", nm ? ", " : "", im->cats[col_cat[c]].name);
            members[nm++] = (size_t)col_cat[c];
        }
        if (!term_len) {
            if (nm)
                slant_imp_problem(im, SLANT_IMPORT_DROPPED, r.line, 1,
                        "row has marks but no term in column 'DicTerm'; dropped");
        } else if (!nm) {
            slant_imp_problem(im, SLANT_IMPORT_DROPPED, tc->line, tc->col,
                    "entry '%.*s' has no mark in any category; dropped", (int)term_len, t);
        } else {
            long col = tc->col + (long)(t - term);
            size_t e = slant_imp_add_entry(im, t, term_len, tc->line, col, names.data);
            for (size_t k = 0; k < nm; k++)
                slant_imp_add_member(im, members[k], e, weights[k]);
        }
        slant_buf_release(&names);
    }
    free(col_cat);
    free(members);
    free(weights);
    row_clear(&r);
    free(r.cells);
}
