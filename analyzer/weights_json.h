#ifndef SLANT_WEIGHTS_JSON_H
#define SLANT_WEIGHTS_JSON_H

#include <stddef.h>

#include "error.h"

/*
 * A weights file (docs/schema/weights.md; written by `slant calibrate`) as it is read
 * from JSON, before index.c checks it against a lexicon (slant_weights_parse, index.h).
 * index.c calls this; it knows nothing of a lexicon or the index.
 *
 * Threads: one call at a time (cJSON's parser writes a static error position; json.h).
 */

/* A weights file as it was read. Strings are owned (slant_weights_file_release). */
typedef struct {
    char *name;           /* a category id */
    double weight;
    long line, col;       /* where the name stands in the file (0 when unknown) */
} slant_weights_item;

typedef struct {
    char *lexicon_id;         /* "lexicon": {"id", "version", "hash"}; NULL when absent */
    char *lexicon_version;
    char *lexicon_hash;
    char *unit;               /* "sentence" or "article"; NULL when absent */
    char *feature;            /* "rate_per_1000"; NULL when absent */
    double intercept;         /* 0 when absent */
    slant_weights_item *items;
    size_t nitems;
} slant_weights_file;

void slant_weights_file_release(slant_weights_file *f);

/*
 * Parses a weights file (docs/schema/weights.md; written by `slant calibrate`) into `f`
 * without checking it against a lexicon (slant_weights_parse in index.h does that).
 * Errors name `path`: invalid JSON with the line and column, a "schema" other than 1, a
 * "kind" other than "slant-weights", "weights" not an object of finite numbers.
 */
slant_status slant_json_parse_weights(const char *text, size_t len, const char *path,
                                      slant_weights_file *f, slant_error *err);

#endif
