/* What the dataset suites share (dataset_helpers.h). */

#include "dataset_helpers.h"

#include <stdint.h>
#include <string.h>

/* Whether rows `x` of `a` and `y` of `b` hold the same fields and signature. */
static int same_row_extras(const slant_dataset *a, const slant_row *x, const slant_dataset *b,
                           const slant_row *y)
{
    if (x->day != y->day || x->nsig != y->nsig || (x->stratum == UINT32_MAX) != (y->stratum == UINT32_MAX))
        return 0;
    if (x->stratum != UINT32_MAX &&
        strcmp(slant_dataset_stratum_name(a, x->stratum), slant_dataset_stratum_name(b, y->stratum)))
        return 0;
    for (size_t i = 0; i < x->nsig; i++) {
        size_t n1, n2;
        const char *s1 = slant_dataset_sig_term_name(a, x->sig_terms[i], &n1);
        const char *s2 = slant_dataset_sig_term_name(b, y->sig_terms[i], &n2);
        if (n1 != n2 || memcmp(s1, s2, n1) || x->sig_counts[i] != y->sig_counts[i])
            return 0;
    }
    return 1;
}

int dataset_same(const slant_dataset *a, const slant_dataset *b)
{
    if (slant_dataset_nrows(a) != slant_dataset_nrows(b) ||
        slant_dataset_nindicators(a) != slant_dataset_nindicators(b) ||
        slant_dataset_ngroups(a) != slant_dataset_ngroups(b) ||
        slant_dataset_nevents(a) != slant_dataset_nevents(b) ||
        slant_dataset_nentries(a) != slant_dataset_nentries(b) ||
        slant_dataset_bad_dates(a) != slant_dataset_bad_dates(b))
        return 0;
    for (size_t i = 0; i < slant_dataset_nindicators(a); i++)
        if (strcmp(slant_dataset_indicator_name(a, i), slant_dataset_indicator_name(b, i)))
            return 0;
    for (size_t e = 0; e < slant_dataset_nevents(a); e++)
        if (strcmp(slant_dataset_event_name(a, e), slant_dataset_event_name(b, e)))
            return 0;
    for (size_t e = 0; e < slant_dataset_nentries(a); e++)
        if (strcmp(slant_dataset_entry_name(a, e), slant_dataset_entry_name(b, e)))
            return 0;
    for (size_t r = 0; r < slant_dataset_nrows(a); r++) {
        const slant_row *x = slant_dataset_row(a, r), *y = slant_dataset_row(b, r);
        if (x->group != y->group || x->event != y->event || strcmp(x->id, y->id) ||
            memcmp(&x->tokens, &y->tokens, sizeof x->tokens) ||
            memcmp(x->values, y->values, slant_dataset_nindicators(a) * sizeof(double)) ||
            !same_row_extras(a, x, b, y))
            return 0;
    }
    for (size_t g = 0; g < slant_dataset_ngroups(a); g++) {
        const slant_group *x = slant_dataset_group_at(a, g), *y = slant_dataset_group_at(b, g);
        size_t ne = slant_dataset_nentries(a);
        if (strcmp(x->name, y->name) || x->articles != y->articles ||
            memcmp(&x->tokens, &y->tokens, sizeof x->tokens) ||
            (ne && (memcmp(x->entry_counts, y->entry_counts, ne * sizeof(double)) ||
                    memcmp(x->entry_articles, y->entry_articles, ne * sizeof(double)))))
            return 0;
    }
    return 1;
}
