#ifndef SLANT_SCORE_JSON_H
#define SLANT_SCORE_JSON_H

#include <stddef.h>

#include "dataset.h"
#include "error.h"

/*
 * `slant score` records read back, with cJSON, into a dataset (dataset.h) for compare and
 * report: the reader of record. score_read.h is the fast path, which gives the same result
 * and hands this reader every record it does not take as it is.
 *
 * Threads: one call at a time (cJSON's parser writes a static error position; json.h).
 */

/* Whether a JSON Lines line is a `slant score` record (it has "schema" and "categories"). */
int slant_json_is_score_record(const char *json, size_t len);

/*
 * Reads the "signature" member of the score record `json` (signature.h) into row `row`
 * of `ds` (slant_dataset_set_signature). Returns 1 when it was read, 0 when the record has
 * none (or null), -1 when it is malformed (`err` names `path` and `line`; the row keeps
 * no signature).
 */
int slant_json_read_signature(const char *json, size_t len, const char *path, long line,
                              slant_dataset *ds, size_t row, slant_error *err);

/* How compare reads score records: which field groups them, which names the event. */
typedef struct {
    const char *by;          /* a top-level field or a --keep field; default "source" */
    const char *event;       /* NULL: no events */
    int bin;                 /* a slant_bin (subset.h): `by` is a date, grouped by year,
                              * month or ISO week ("(none)" when it is not ISO 8601) */
    const char *stratum;     /* compare --strata: the field naming each record's stratum
                              * (a top-level or kept field); NULL: no strata */
} slant_score_fields;

/*
 * Reads one `slant score` record into `ds`: a row in the group its `by` field names
 * ("(none)" when the field is missing or null), in the event its `event` field names (none
 * when missing), in the stratum its `stratum` field names (none when missing or null),
 * with one indicator per category (its rate per 1,000 words, recomputed
 * from the count), and the share of words in quotations; and, when the record has entry
 * counts ("entries", every record of this slant) or else evidence (an older slant's
 * records with --evidence), the entries of its text matches added to the group's counts
 * (`*had_evidence` set to 1). Errors name `path` and `line`.
 */
slant_status slant_json_read_score(const char *json, size_t len, const slant_score_fields *f,
                                   const char *path, long line, slant_dataset *ds,
                                   int *had_evidence, slant_error *err);

#endif
