#ifndef SLANT_SUBSET_H
#define SLANT_SUBSET_H

#include <stddef.h>

#include "article.h"
#include "error.h"

/*
 * Subsets of a corpus: which articles or score records a command reads (--where, --from,
 * --to), and dates binned into groups (--by date:year|month|week). Every command filters
 * through this one file: the reader for articles (read.c), compare and report for score
 * records (cli_inputs.c).
 *
 * Conditions (all must hold):
 *   FIELD=VALUE        the field's value is VALUE; "FIELD=A,B,C": one of them
 *   FIELD!=VALUE       the field's value is none of the values (a missing field passes)
 *   FIELD~REGEX        the value matches the POSIX extended regular expression
 *   FIELD!~REGEX       it does not (a missing field passes)
 *   --from DATE        the `date` field is on or after DATE (YYYY, YYYY-MM, or any date
 *                      form of date.h: 2025-03-04, "March 4, 2025", "4 Mar 2025", ...)
 *   --to DATE          on or before DATE (--to 2025-03 includes all of March)
 * A field is a metadata field (id, source, date, title, url, event, lang), a JSON Lines
 * field or, in a score record, any top-level member or kept field ("fields"); numbers compare as spelled. A record
 * without a date (or with one date.h cannot read) is left out by --from and --to; a record
 * dated by a month or a year only passes when all of it lies in the range.
 */

typedef struct slant_subset slant_subset;

/* An empty subset (everything passes). Free with slant_subset_free (NULL is a no-op). */
slant_subset *slant_subset_new(void);
void slant_subset_free(slant_subset *s);

/* Adds a condition "FIELD=VALUE" (forms above). A malformed condition or regular
 * expression is SLANT_ERR_USAGE with `err` saying why. */
slant_status slant_subset_where(slant_subset *s, const char *condition, slant_error *err);

/* Adds the condition id=ID, ID taken whole (a comma in it is no list). */
slant_status slant_subset_id(slant_subset *s, const char *id, slant_error *err);

/* Sets the first (`to` 0) or last (`to` 1) date; a date not in the forms above is
 * SLANT_ERR_USAGE. */
slant_status slant_subset_date(slant_subset *s, int to, const char *date, slant_error *err);

/* Whether the subset has any condition. `s` may be NULL (no condition). */
int slant_subset_active(const slant_subset *s);

/* The fields the conditions read (borrowed until the subset is freed); `*n` set. */
const char *const *slant_subset_fields(const slant_subset *s, size_t *n);

/* Whether an article passes (its metadata and kept fields). NULL `s`: 1. */
int slant_subset_article(const slant_subset *s, const slant_article *a);

/* Whether a JSON object line (a score record) passes, by its top-level members. */
int slant_subset_record(const slant_subset *s, const char *json, size_t len);

/* --- dates -------------------------------------------------------------------------------- */

typedef enum { SLANT_BIN_NONE = 0, SLANT_BIN_YEAR, SLANT_BIN_MONTH, SLANT_BIN_WEEK } slant_bin;

/* "date:year" -> SLANT_BIN_YEAR (and month, week); SLANT_BIN_NONE for any other field,
 * -1 for "date:" with an unknown unit. */
int slant_bin_of(const char *by);

/*
 * The bin of a date in any form of date.h ("2025-03-04", "Tue, 4 Mar 2025 10:00 +0000",
 * "March 4, 2025"), or of a year or month ("2025", "2025-03") that lies within one bin:
 * "2025", "2025-03" or the ISO week "2025-W10". Writes it to `out` (at least 16 bytes)
 * and returns 0, or -1 when `date` is not such a date (its bin is then unknown). Bins
 * sort in time order.
 */
int slant_bin_date(slant_bin bin, const char *date, char *out, size_t size);

#endif
