#ifndef SLANT_SCORE_READ_H
#define SLANT_SCORE_READ_H

#include <stddef.h>

#include "buf.h"
#include "dataset.h"
#include "error.h"
#include "record.h"
#include "score_json.h"

/*
 * compare's fast reader of `slant score` records: the same rows and entry counts as
 * slant_json_read_score (score_json.c), without building a cJSON tree of each record.
 *
 * A record is scanned once into a flat array of values that point into the line (no
 * allocation per value, kept from record to record); numbers are converted (strtod, as
 * cJSON does) and strings decoded only when compare needs them. Anything the scan does
 * not take as it is (a syntax error, a raw control byte in a string, "\u0000", a lone
 * surrogate, a number or boolean naming a group, an escaped member name, a record that is
 * not a valid score record) is handed to slant_json_read_score, which then gives the
 * result or the error message it always gave: the fast path never decides an error, and
 * it adds nothing to the dataset unless the whole record is read.
 *
 * Lifecycle: slant_score_reader_new(), any number of reads, slant_score_reader_free().
 * A reader is used by one thread at a time; it holds no pointer into a line after a read.
 */
typedef struct slant_score_reader slant_score_reader;

slant_score_reader *slant_score_reader_new(void);
void slant_score_reader_free(slant_score_reader *r);   /* NULL: no-op */

/* As slant_json_read_score (score_json.h): same arguments, same result, same errors. */
slant_status slant_score_reader_read(slant_score_reader *r, const char *json, size_t len,
                                     const slant_score_fields *f, const char *path, long line,
                                     slant_dataset *ds, int *had_evidence, slant_error *err);

/*
 * The same in two steps, so that records can be parsed on several threads and added to
 * the dataset in input order on one: slant_score_reader_parse() reads a record into `p`
 * and touches no dataset (distinct readers and parsed records may be used on distinct
 * threads at once; `json` is not kept); slant_score_parsed_apply() then adds it to `ds`
 * with the same record bytes, or, for a record the parse left to score_json.c (it returned 0),
 * calls slant_json_read_score with them. A parsed record is reused from record to record:
 * slant_score_parsed_new(), then slant_score_parsed_free() (NULL: no-op).
 */
typedef struct slant_score_parsed slant_score_parsed;

slant_score_parsed *slant_score_parsed_new(void);
void slant_score_parsed_free(slant_score_parsed *p);
int slant_score_reader_parse(slant_score_reader *r, slant_score_parsed *p, const char *json,
                             size_t len, const slant_score_fields *f);
slant_status slant_score_parsed_apply(slant_score_parsed *p, const char *json, size_t len,
                                      const slant_score_fields *f, const char *path, long line,
                                      slant_dataset *ds, int *had_evidence, slant_error *err);

/*
 * Rows without JSON: compare on articles builds each article's row on the scoring
 * threads from the scored article itself, the very row (names, values, entry counts,
 * fields, and with r->signature its signature) that reading the score record
 * slant_json_write_record writes of it would give: numbers as the record writes them
 * (numtext.h), members by the indicator table (indicator.h), strings as written
 * (invalid UTF-8 replaced). Rows that only the record's JSON can give are left to it:
 *
 * slant_score_rows_possible() says whether rows can be built at all for the fields `f`:
 * not for a group binned from a date (--by date:month), nor when a field is a member the
 * record holds of its own rather than the article's metadata ("file", "tokens"), which
 * `record` (any score record written with the same options) shows.
 *
 * slant_score_parsed_of_result() fills `p` from `r` (slant_scorer_result), borrowing
 * nothing from it: returns 1, or 0 for an article whose field is a number or a boolean
 * (score_json.c prints those the way cJSON does: write the record and read that instead).
 *
 * A row crosses threads as bytes: slant_score_parsed_encode() appends `p` to `out`, and
 * slant_score_parsed_decode() reads one back into `p` (in the same process; `data` holds
 * at least one whole encoded row) and returns the bytes it took. A decoded row is applied
 * with slant_score_parsed_apply (no record bytes: json NULL, len 0).
 */
int slant_score_rows_possible(const slant_score_fields *f, const char *record, size_t len);
int slant_score_parsed_of_result(slant_score_parsed *p, const slant_result *r,
                                 const slant_score_fields *f);
void slant_score_parsed_encode(const slant_score_parsed *p, slant_buf *out);
size_t slant_score_parsed_decode(slant_score_parsed *p, const char *data, size_t len);

/* How many records of this reader went to slant_json_read_score (for tests). */
size_t slant_score_reader_fallbacks(const slant_score_reader *r);

#endif
