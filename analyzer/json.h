#ifndef SLANT_JSON_H
#define SLANT_JSON_H

#include <stddef.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "dataset.h"
#include "error.h"
#include "index.h"
#include "jw.h"
#include "record_json.h"
#include "manifest.h"
#include "record.h"

/*
 * Everything slant reads or writes as JSON. This is the only file that includes cJSON.
 * Strings are written as valid UTF-8 whatever the input held (invalid bytes become
 * U+FFFD). A number that is undefined (a rate of an article with no words) is written as
 * null, and the schema (docs/schema/score.md) says so for each such field.
 *
 * Threads: cJSON's parser writes a static error position on every call, so the parsing
 * functions here must be called from one thread at a time (slant's reader thread). The
 * writer only allocates and prints, and may run in every worker at once.
 */

/*
 * Parses a lexicon manifest (lexicon.json) into `m`. Errors name `path` and, for syntax
 * errors, the line and column.
 */
slant_status slant_json_parse_manifest(const char *text, size_t len, const char *path,
                                       slant_manifest *m, slant_error *err);

/*
 * Parses a lexicon's variants.json (contested concepts) into `m->concepts`. Errors name
 * `path` and the concept.
 */
slant_status slant_json_parse_variants(const char *text, size_t len, const char *path,
                                       slant_manifest *m, slant_error *err);

/*
 * Parses a weights file (docs/schema/weights.md; written by `slant calibrate`) into `f`
 * without checking it against a lexicon (slant_weights_parse in index.h does that).
 * Errors name `path`: invalid JSON with the line and column, a "schema" other than 1, a
 * "kind" other than "slant-weights", "weights" not an object of finite numbers.
 */
slant_status slant_json_parse_weights(const char *text, size_t len, const char *path,
                                      slant_weights_file *f, slant_error *err);

/* Which fields of a JSON Lines record hold what (see `slant score --help`). */
typedef struct {
    const char *text_field;           /* default "text" */
    const char *id_field;             /* default "id" */
    const char *const *keep;          /* fields passed through to the output */
    size_t nkeep;
} slant_jsonl_fields;

/*
 * Parses one JSON Lines record into `a`. Returns SLANT_ERR_INPUT with `err` naming
 * `path` and `line` when the line is not a JSON object or lacks a string text field.
 */
slant_status slant_json_parse_article(const char *json, size_t len,
                                      const slant_jsonl_fields *fields, const char *path,
                                      long line, slant_article *a, slant_error *err);

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

/*
 * Partial comparisons: a dataset as one JSON object (kind "slant-partial"), written by
 * `slant compare --partial` and combined by `slant merge`. Numbers keep 17 significant
 * digits, so merging partials and comparing gives exactly the comparison of the whole.
 * `by` and `event` name the fields the rows were grouped by (event may be NULL), `strata`
 * the field of their strata (compare --strata; NULL: none): each row's stratum is kept.
 */
void slant_json_write_partial(const slant_dataset *ds, const char *by, const char *event,
                              const char *strata, slant_buf *out);
int slant_json_is_partial(const char *text, size_t len);
/* Adds a partial to `ds`; sets `*by`, `*event` and `*strata` (owned by the caller; event
 * and strata may be NULL). */
slant_status slant_json_read_partial(const char *text, size_t len, const char *path,
                                     slant_dataset *ds, char **by, char **event,
                                     char **strata, slant_error *err);

#endif
