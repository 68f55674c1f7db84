#ifndef SLANT_COMPARE_OUT_PARTS_H
#define SLANT_COMPARE_OUT_PARTS_H

/*
 * The parts of the comparison's writers (compare_out.h), shared between their files only:
 *   compare_rows.c   the rows of a comparison and the one walk over them
 *   compare_out.c    a sink per format (JSON, CSV, long) and the JSON around the tables
 *   compare_text.c   the text report
 *
 * Every table writer walks the same rows: one per result, with the keys that name it
 * (table, group, reference, indicator, entry) and its statistics by name. So the statistic
 * names and values are the same in JSON, CSV and the long format.
 */

#include <stddef.h>

#include "compare.h"

#define SLANT_CMP_ROW_MAX_STATS 40

typedef struct {
    const char *name;
    double value;            /* NAN: undefined */
    const char *text;        /* a word instead of a number (a method), or NULL */
} slant_cmp_stat;

/* A row lives for one call of the sink; its strings are borrowed from the comparison (and
 * its dataset) or are literals. */
typedef struct {
    const char *table;
    const char *group, *reference, *indicator, *entry;   /* NULL where not applicable */
    slant_cmp_stat stats[SLANT_CMP_ROW_MAX_STATS];
    size_t n;
} slant_cmp_row;

typedef void (*slant_cmp_row_sink)(const slant_cmp_row *r, void *ctx);

/* --- compare_rows.c ------------------------------------------------------------------------ */

/* Calls `sink` with every row of `c`, table after table, in a fixed order. */
void slant_cmp_out_visit(const slant_comparison *c, slant_cmp_row_sink sink, void *ctx);

/* "exact" or "normal". */
const char *slant_cmp_out_method(slant_mwu_method m);

/* The name of dataset indicator `i`; borrowed from the dataset. */
const char *slant_cmp_out_indicator(const slant_comparison *c, size_t i);

/* A variant entry's variant (its whole text if it is no variant); borrowed from `ds`. */
const char *slant_cmp_out_variant(const slant_dataset *ds, size_t e);

/* --- compare_out.c ------------------------------------------------------------------------- */

/* "holm" or "benjamini-hochberg". */
const char *slant_cmp_out_correction(slant_correction k);

#endif
