#ifndef SLANT_JSON_H
#define SLANT_JSON_H

#include <stddef.h>

#include "error.h"

/*
 * The common ground of slant's JSON readers: parsing a document or a JSON Lines record
 * with cJSON, with errors that name the line and column, and reading members. Only the
 * JSON reader files use it: lexicon_json.c, weights_json.c, article_json.c, score_json.c
 * and partial_json.c. cJSON is included by those files, json.c and jw.c (the writer,
 * which escapes strings with it) and no others; this header names `struct cJSON` without
 * its members and does not include it.
 *
 * Threads: cJSON's parser writes a static error position on every call, so the readers
 * must be called from one thread at a time (slant's reader thread).
 */

struct cJSON;

/* Parses the JSON value `text` (`len` bytes), which only white space may follow. Returns
 * the tree (caller frees: cJSON_Delete) or NULL with `*stop` where parsing stopped (NULL
 * when cJSON gave no place). */
struct cJSON *slant_json_parse(const char *text, size_t len, const char **stop);

/* As slant_json_parse, a whole document read from `path`; NULL with `err` naming the line
 * and column of the problem ("invalid JSON: unexpected 'x'"). */
struct cJSON *slant_json_parse_document(const char *text, size_t len, const char *path,
                                        slant_error *err);

/* As slant_json_parse, one JSON Lines record, line `line` of `path`; NULL with `err`
 * naming the line and the column of the problem. */
struct cJSON *slant_json_parse_record(const char *json, size_t len, const char *path,
                                      long line, slant_error *err);

/* Line and column (1-based) of byte `at` in `text`. */
void slant_json_position(const char *text, const char *at, long *line, long *col);

/* A copy of the string member `name` of `obj` (caller frees), or NULL when it is missing
 * or not a string. */
char *slant_json_string_field(const struct cJSON *obj, const char *name);

/* The value of a metadata field as text (caller frees): a string as it is, a number or
 * boolean as JSON; NULL for anything else (missing, null, an object, an array). */
char *slant_json_scalar_text(const struct cJSON *v);

/* Sets `err` to the problem `what` of the file `path` as a whole (no line); returns
 * SLANT_ERR_INPUT. */
slant_status slant_json_error(slant_error *err, const char *path, const char *what);

#endif
