#ifndef SLANT_COMPARE_OUT_H
#define SLANT_COMPARE_OUT_H

#include "buf.h"
#include "compare.h"
#include "events.h"

/*
 * Writers of a comparison: a text report for a terminal (the findings first, then the
 * tables), JSON (documented in docs/schema/compare.md), and two tables for notebooks:
 * `csv`, one row per result with one column per statistic, and `long`, one row per
 * statistic (table, group, reference, indicator, entry, statistic, value). An undefined
 * statistic is null in JSON and an empty cell in the tables.
 */

typedef struct {
    const char *by;            /* the grouping field */
    const char *event;         /* the event field, or NULL */
    size_t top_terms;          /* terms and drivers shown per group and difference */
    double alpha;              /* q below which the text report calls a difference significant */
    int colour;                /* ANSI colour in the text report */
    /* With --event auto (`event` is then "auto"): how the events were found, and what
     * was found; both NULL otherwise. Borrowed. */
    const slant_events_options *events_options;
    const slant_events_summary *events_found;
} slant_compare_view;

void slant_compare_write_text(const slant_comparison *c, const slant_compare_view *v,
                              slant_buf *out);
void slant_compare_write_json(const slant_comparison *c, const slant_compare_view *v,
                              slant_buf *out);
void slant_compare_write_csv(const slant_comparison *c, slant_buf *out);
void slant_compare_write_long(const slant_comparison *c, slant_buf *out);

#endif
