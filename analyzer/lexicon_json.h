#ifndef SLANT_LEXICON_JSON_H
#define SLANT_LEXICON_JSON_H

#include <stddef.h>

#include "error.h"
#include "manifest.h"

/*
 * The lexicon's JSON files read into a manifest (manifest.h): lexicon.json and
 * variants.json. lexicon.c calls these; they know nothing of a loaded lexicon. Strings
 * read are owned by the manifest (slant_manifest_release).
 *
 * Threads: one call at a time (cJSON's parser writes a static error position; json.h).
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

#endif
