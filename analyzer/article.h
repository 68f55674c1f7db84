#ifndef SLANT_ARTICLE_H
#define SLANT_ARTICLE_H

#include <stddef.h>

#include "error.h"

/*
 * One article: its text and what is known about it. Text files give their metadata in a
 * header block (`key: value` lines ended by a blank line) or in a sidecar file NAME.meta
 * of the same form; JSON Lines records give it as fields. All strings are owned by the
 * article (NULL when unknown) and freed by slant_article_release().
 */

/* A JSON Lines field passed through with --keep: a string, or other JSON as text. */
typedef struct {
    char *name;
    char *value;
    int is_string;
} slant_field;

typedef struct {
    char *id;
    char *source;
    char *date;
    char *title;
    char *url;
    char *event;
    char *lang;
    char *text;            /* the original bytes; may hold any bytes */
    size_t text_len;
    size_t text_offset;    /* the scored text is text[text_offset, text_len): after a header */
    slant_field *fields;
    size_t nfields;
} slant_article;

void slant_article_init(slant_article *a);
void slant_article_release(slant_article *a);

/*
 * Sets metadata key `key` (title, source, date, url, event, lang, id) to a copy of `len`
 * bytes of `value`, trimmed. Returns 0, or -1 if `key` is not a metadata key.
 */
int slant_article_set(slant_article *a, const char *key, size_t key_len, const char *value,
                      size_t len);

/* The value of metadata key `key` (one slant_article_set takes): 1 with `*value` set to
 * it (borrowed from `a`; NULL when unknown), or 0 when `key` is not a metadata key. */
int slant_article_get(const slant_article *a, const char *key, const char **value);

/*
 * Reads the metadata lines at the start of `data`: a block of `key: value` lines with
 * known keys, ended by a blank line. Returns the number of bytes the block takes
 * (including the blank line), or 0 if `data` does not start with such a block, in which
 * case nothing is set.
 */
size_t slant_article_parse_header(slant_article *a, const char *data, size_t len);

/*
 * Makes `a` from a text file's bytes, taking ownership of `data` (freed on every path).
 * `meta` (may be NULL) is the content of a sidecar file; `default_id` and
 * `default_source` apply where neither gives an id or a source. A NUL byte marks a
 * binary file: SLANT_ERR_INPUT with `err` naming `path`.
 */
slant_status slant_article_from_text(slant_article *a, char *data, size_t len,
                                     const char *meta, size_t meta_len, const char *path,
                                     const char *default_id, const char *default_source,
                                     slant_error *err);

#endif
