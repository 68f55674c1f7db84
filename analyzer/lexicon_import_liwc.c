/* The LIWC .dic parser of the importer (lexicon_import.h has the format). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_import_impl.h"
#include "xalloc.h"


static int is_comment(const char *s, size_t n)
{
    return (n >= 1 && s[0] == '#') || (n >= 2 && s[0] == '/' && s[1] == '/');
}

static int all_digits(const char *s, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* A category number: up to 9 digits. 0 and `*v`, or -1. */
static int parse_number(const char *s, size_t n, long *v)
{
    if (!all_digits(s, n) || n > 9)
        return -1;
    long x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (s[i] - '0');
    *v = x;
    return 0;
}

/* One '%' block line: "NUMBER NAME [description]". */
static void liwc_header_line(slant_import *im, const line_t *l, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    long number;
    size_t name_at = i;
    while (name_at < n && slant_imp_is_blank(s[name_at]))
        name_at++;
    long col = (long)(s - l->s) + 1;
    if (parse_number(s, i, &number) != 0 || name_at == i || name_at == n) {
        slant_imp_problem(im, SLANT_IMPORT_ERROR, l->number, col,
                "bad header line '%.*s': expected a category number and a name", (int)n, s);
        return;
    }
    for (size_t c = 0; c < im->ncats; c++) {
        if (im->cats[c].number == number) {
            slant_imp_problem(im, SLANT_IMPORT_ERROR, l->number, col,
                    "category number '%ld' is defined twice (first on line %ld)", number,
                    im->cats[c].line);
            return;
        }
    }
    /* The name runs to a tab (LIWC2015 puts a description after one) or the end. */
    const char *name = s + name_at;
    const char *tab = memchr(name, '\t', n - name_at);
    size_t name_len = tab ? (size_t)(tab - name) : n - name_at;
    slant_imp_trim(&name, &name_len);
    slant_imp_add_category(im, name, name_len, number, l->number, "LIWC category");
}

static long liwc_category(const slant_import *im, long number)
{
    for (size_t c = 0; c < im->ncats; c++)
        if (im->cats[c].number == number)
            return (long)c;
    return -1;
}

typedef struct {
    const char *s;
    size_t len;
} field_t;

/* Whether a field after an entry is a category code: a number or a conditional code. */
static int is_code(const field_t *f)
{
    if (all_digits(f->s, f->len))
        return 1;
    if (f->s[0] == '(' || f->s[0] == '<')
        return 1;
    const char *slash = memchr(f->s, '/', f->len);
    return slash && slash > f->s && all_digits(f->s, (size_t)(slash - f->s));
}

/* One entry line: the entry, then its category numbers. */
static void liwc_entry_line(slant_import *im, const line_t *l, const char *s, size_t n)
{
    /* Split into blank-separated fields; `tab_field`: the first field after a tab. */
    field_t fields[256];
    size_t nf = 0, tab_field = SIZE_MAX;
    int seen_tab = 0;
    for (size_t i = 0; i < n;) {
        if (slant_imp_is_blank(s[i])) {
            seen_tab |= s[i] == '\t';
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !slant_imp_is_blank(s[j]))
            j++;
        if (nf == sizeof fields / sizeof fields[0]) {
            slant_imp_problem(im, SLANT_IMPORT_ERROR, l->number, (long)(s + i - l->s) + 1,
                    "more than %zu fields on one line", nf);
            return;
        }
        if (seen_tab && tab_field == SIZE_MAX)
            tab_field = nf;
        fields[nf].s = s + i;
        fields[nf].len = j - i;
        nf++;
        i = j;
    }
    /* The entry: the fields before the first tab; on a line without tabs, the fields
     * before the first category code. */
    size_t k = tab_field;
    if (k == SIZE_MAX)
        for (k = 1; k < nf && !is_code(&fields[k]); k++)
            ;
    const char *entry = fields[0].s;
    size_t entry_len = (size_t)(fields[k - 1].s + fields[k - 1].len - entry);
    long entry_col = (long)(entry - l->s) + 1;

    /* The codes: category numbers; conditional codes cannot be expressed. */
    size_t cats[256];
    size_t ncats = 0;
    slant_buf dropped_codes;
    slant_buf_init(&dropped_codes, 4096);
    for (size_t i = k; i < nf; i++) {
        const field_t *f = &fields[i];
        long col = (long)(f->s - l->s) + 1;
        long number;
        if (parse_number(f->s, f->len, &number) == 0) {
            long c = liwc_category(im, number);
            if (c < 0) {
                slant_imp_problem(im, SLANT_IMPORT_ERROR, l->number, col,
                        "unknown category number '%ld' (not in the '%%' block)", number);
                continue;
            }
            size_t x = 0;
            while (x < ncats && cats[x] != (size_t)c)
                x++;
            if (x == ncats)
                cats[ncats++] = (size_t)c; /* a repeated number counts once */
            continue;
        }
        if (!is_code(f)) {
            slant_imp_problem(im, SLANT_IMPORT_ERROR, l->number, col,
                    "invalid category number '%.*s'", (int)f->len, f->s);
            continue;
        }
        /* A conditional code runs to the field that closes its parenthesis. */
        size_t last = i;
        if (f->s[0] == '(')
            while (last + 1 < nf && !memchr(fields[last].s, ')', fields[last].len))
                last++;
        const char *code_end = fields[last].s + fields[last].len;
        if (dropped_codes.len)
            slant_buf_adds(&dropped_codes, ", ");
        slant_buf_addf(&dropped_codes, "'%.*s'", (int)(code_end - f->s), f->s);
        i = last;
    }
    if (dropped_codes.len)
        slant_imp_problem(im, SLANT_IMPORT_DROPPED, l->number, entry_col,
                "cannot express the conditional category code %s of entry '%.*s' (slant has "
                "no conditional categories); dropped",
                dropped_codes.data, (int)entry_len, entry);
    slant_buf_release(&dropped_codes);
    if (ncats == 0) {
        if (k == nf)
            slant_imp_problem(im, SLANT_IMPORT_DROPPED, l->number, entry_col,
                    "entry '%.*s' has no category number; dropped", (int)entry_len, entry);
        return;
    }
    slant_buf names;
    slant_buf_init(&names, 4096);
    for (size_t c = 0; c < ncats; c++)
        slant_buf_addf(&names, "%s'%s'", c ? ", " : "", im->cats[cats[c]].name);
    size_t e = slant_imp_add_entry(im, entry, entry_len, l->number, entry_col, names.data);
    slant_buf_release(&names);
    for (size_t c = 0; c < ncats; c++)
        slant_imp_add_member(im, cats[c], e, "");
}

void slant_imp_parse_liwc(slant_import *im, const char *data, size_t len)
{
    enum { BEFORE, HEADER, ENTRIES } state = BEFORE;
    long open_line = 0;
    size_t pos = 0;
    line_t l = { NULL, 0, 0 };
    while (slant_imp_next_line(data, len, &pos, &l)) {
        const char *s = l.s;
        size_t n = l.len;
        slant_imp_trim(&s, &n);
        if (!n || is_comment(s, n))
            continue;
        int percent = n == 1 && s[0] == '%';
        switch (state) {
        case BEFORE:
            if (!percent) {
                slant_imp_problem(im, SLANT_IMPORT_ERROR, l.number, (long)(s - l.s) + 1,
                        "bad header: a LIWC dictionary starts with a '%%' line, then "
                        "'NUMBER NAME' lines and another '%%'; found '%.*s'",
                        (int)(n > 60 ? 60 : n), s);
                return;
            }
            state = HEADER;
            open_line = l.number;
            break;
        case HEADER:
            if (percent) {
                if (im->ncats == 0)
                    slant_imp_problem(im, SLANT_IMPORT_ERROR, l.number, 1,
                            "bad header: no categories between the '%%' lines");
                state = ENTRIES;
            } else {
                liwc_header_line(im, &l, s, n);
            }
            break;
        case ENTRIES:
            if (percent)
                slant_imp_problem(im, SLANT_IMPORT_ERROR, l.number, 1,
                        "a third '%%' line (the category block was closed on an earlier line)");
            else
                liwc_entry_line(im, &l, s, n);
            break;
        }
    }
    if (state == BEFORE)
        slant_imp_problem(im, SLANT_IMPORT_ERROR, 0, 0, "empty file: no '%%' category block");
    else if (state == HEADER)
        slant_imp_problem(im, SLANT_IMPORT_ERROR, open_line, 1,
                "unterminated '%%' block: no closing '%%' line after the categories");
}
