#ifndef SLANT_ARTICLE_JSON_H
#define SLANT_ARTICLE_JSON_H

#include <stddef.h>

#include "article.h"
#include "error.h"

/*
 * One JSON Lines record read into an article (article.h): the text, the id, the metadata
 * and the --keep fields. read.c, labelled.c and the CLI's input readers call it. The
 * article owns what is read into it.
 *
 * Threads: one call at a time (cJSON's parser writes a static error position; json.h).
 */

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

#endif
