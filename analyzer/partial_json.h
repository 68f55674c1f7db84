#ifndef SLANT_PARTIAL_JSON_H
#define SLANT_PARTIAL_JSON_H

#include <stddef.h>

#include "buf.h"
#include "dataset.h"
#include "error.h"

/*
 * The data of a partial comparison as JSON (`slant compare --partial`, `slant merge`):
 * written with the JSON writer (jw.h), read with cJSON. Its identity (lexicon, version,
 * options, shards) is partial.h's, stamped on after the data.
 *
 * Threads: the readers one call at a time (cJSON's parser writes a static error
 * position; json.h); the writer on any thread.
 */

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
