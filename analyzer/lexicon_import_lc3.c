/* The Lexicoder .lc3 parser of the importer (lexicon_import.h has the format). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_import_impl.h"
#include "xalloc.h"


void slant_imp_parse_lc3(slant_import *im, const char *data, size_t len)
{
    size_t pos = 0;
    line_t l = { NULL, 0, 0 };
    long cat = -1;
    int any = 0, before_reported = 0;
    while (slant_imp_next_line(data, len, &pos, &l)) {
        const char *s = l.s;
        size_t n = l.len;
        slant_imp_trim(&s, &n);
        if (!n)
            continue;
        any = 1;
        long col = (long)(s - l.s) + 1;
        if (s[0] == '+') {
            const char *name = s + 1;
            size_t nl = n - 1;
            slant_imp_trim(&name, &nl);
            if (!nl) {
                slant_imp_problem(im, SLANT_IMPORT_ERROR, l.number, col,
                        "bad category line: no name after '+'");
                cat = -1;
                continue;
            }
            const imp_category *c = slant_imp_find_category(im, name, nl);
            cat = c ? (long)(c - im->cats)
                    : (long)slant_imp_add_category(im, name, nl, -1, l.number, "Lexicoder category");
            continue;
        }
        if (cat < 0) {
            if (im->ncats == 0 && !before_reported++)
                slant_imp_problem(im, SLANT_IMPORT_ERROR, l.number, col,
                        "bad header: pattern '%.*s' before the first '+category' line",
                        (int)(n > 60 ? 60 : n), s);
            continue;
        }
        char name[600];
        snprintf(name, sizeof name, "'%s'", im->cats[cat].name);
        size_t e = slant_imp_add_entry(im, s, n, l.number, col, name);
        slant_imp_add_member(im, (size_t)cat, e, "");
    }
    if (!any)
        slant_imp_problem(im, SLANT_IMPORT_ERROR, 0, 0, "empty file: no '+category' line");
}
