/* The checks after the inputs are read, before a comparison: groups to compare, dates
 * for the time analysis, --indicators that exist (with "did you mean"), --strata found
 * (see cli_inputs.h). */

#include "cli_inputs_parts.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "suggest.h"
#include "xalloc.h"

static int check_indicators(const cli_comparison_args *a, const slant_dataset *ds,
                            const char *command)
{
    size_t all = slant_dataset_nindicators(ds);
    for (size_t k = 0; k < a->cmp.nindicators; k++) {
        const char *want = a->cmp.indicators[k];
        size_t best = SIZE_MAX, at = 0, i;
        for (i = 0; i < all; i++) {
            const char *name = slant_dataset_indicator_name(ds, i);
            if (!strcmp(name, want))
                break;
            size_t d = slant_edit_distance(want, name);
            if (d < best) {
                best = d;
                at = i;
            }
        }
        if (i < all)
            continue;
        slant_buf list;
        slant_buf_init(&list, SLANT_FIELD_MAX_BYTES);
        for (i = 0; i < all; i++) {
            if (i)
                slant_buf_add(&list, ", ", 2);
            const char *name = slant_dataset_indicator_name(ds, i);
            slant_buf_add(&list, name, strlen(name));
        }
        /* The nearest is a suggestion when it is near: within a third of the name. */
        if (all && best <= strlen(want) / 3 + 1)
            cli_message("unknown indicator '%s' (--indicators); did you mean '%s'? the "
                        "indicators are: %s",
                        want, slant_dataset_indicator_name(ds, at), list.data ? list.data : "");
        else
            cli_message("unknown indicator '%s' (--indicators); the indicators are: %s", want,
                        list.data ? list.data : "(none)");
        slant_buf_release(&list);
        fprintf(stderr, "Try 'slant %s --help'.\n", command);
        return SLANT_EXIT_USAGE;
    }
    return 0;
}

static int cmp_bins(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    int an = a[0] == '(', bn = b[0] == '('; /* "(none)": undated, last */
    if (an != bn)
        return an - bn;
    return strcmp(a, b);
}

/* The same dataset with its groups in the order of their names (ISO bins: time order). */
static slant_dataset *in_time_order(slant_dataset *ds)
{
    size_t n = slant_dataset_ngroups(ds);
    const char **names = xmalloc((n ? n : 1) * sizeof *names);
    for (size_t g = 0; g < n; g++)
        names[g] = slant_dataset_group_at(ds, g)->name;
    qsort(names, n, sizeof *names, cmp_bins);
    slant_dataset *sorted = slant_dataset_new();
    for (size_t g = 0; g < n; g++)
        slant_dataset_group(sorted, names[g]);
    free(names);
    slant_dataset_merge(sorted, ds);
    slant_dataset_free(ds);
    return sorted;
}

int cli_inputs_check(const cli_comparison_args *a, const cli_inputs_result *r,
                     slant_dataset **ds, const char *command)
{
    const cli_inputs_options *o = &a->in;
    if (!o->quiet)
        cli_subset_note(r->filtered, r->filtered + r->records, "article");
    if (o->nactors && (r->score_files || r->partial_files) && !o->quiet)
        cli_message("note: --actors applies to the articles only; score records and "
                    "partials (%zu input%s) keep the actors they were scored with",
                    r->score_files + r->partial_files,
                    r->score_files + r->partial_files == 1 ? "" : "s");
    if (slant_bin_of(o->by) > 0)
        *ds = in_time_order(*ds);
    if (r->records && slant_dataset_ngroups(*ds) == 1 &&
        !strcmp(slant_dataset_group_at(*ds, 0)->name, "(none)")) {
        if (slant_bin_of(o->by) > 0)
            cli_message("no record has a date slant can read (see 'man slant', DATES) to group by "
                        "(--by %s)", o->by);
        else if (r->score_files && !r->narticles && !cli_is_metadata(o->by))
            cli_message("no record has the field '%s' (--by); a JSON Lines field reaches "
                        "score records only if it was kept ('slant score --keep %s')",
                        o->by, o->by);
        else
            cli_message("no record has the field '%s' (--by): every article is in one "
                        "group, nothing to compare", o->by);
        return SLANT_EXIT_NOTHING;
    }
    if ((a->cmp.every || a->cmp.has_split) && !o->quiet) {
        size_t undated = 0, n = slant_dataset_nrows(*ds);
        for (size_t i = 0; i < n; i++)
            undated += slant_dataset_row(*ds, i)->day == INT32_MIN;
        size_t bad = slant_dataset_bad_dates(*ds);
        if (undated)
            cli_message("%zu of %zu articles have no date%s%zu with a date slant cannot read, "
                        "see 'man slant', DATES): left out of the time analysis",
                        undated, n, " (", bad);
    }
    return check_indicators(a, *ds, command);
}

int cli_strata_check(const cli_comparison_args *a, const slant_dataset *ds)
{
    if (!a->in.strata || slant_dataset_nstrata(ds) || !slant_dataset_nrows(ds))
        return 0;
    cli_message("no record has the field '%s' (--strata): nothing to hold fixed%s",
                a->in.strata,
                cli_is_metadata(a->in.strata) ? ""
                                          : " (a JSON Lines field reaches score records only "
                                            "if it was kept: 'slant score --keep FIELD')");
    return SLANT_EXIT_NOTHING;
}
