#ifndef SLANT_LABELLED_H
#define SLANT_LABELLED_H

#include <stddef.h>

#include "error.h"

/*
 * A labelled sample, what `slant calibrate` fits weights to: units (sentences or
 * articles), each a text with a numeric label, read from JSON Lines (one object per
 * line) or from CSV or TSV with a header row (RFC 4180 quoting: quoted cells may hold the
 * delimiter, line breaks and doubled quotes).
 *
 * A label is a JSON number, a string holding a number, or true/false (1/0); anything else,
 * or a missing or null label, is an error for that row. Whether labels are 0/1 or
 * ordinal is the caller's business (slant_labelled_binary).
 */

typedef enum {
    SLANT_LABELLED_AUTO = 0,   /* by extension, else by content (slant_labelled_detect) */
    SLANT_LABELLED_JSONL,
    SLANT_LABELLED_CSV,
    SLANT_LABELLED_TSV
} slant_labelled_format;

/* Which fields or columns hold what. Borrowed. */
typedef struct {
    const char *text_field;    /* "text" by default */
    const char *label_field;   /* "label" by default */
    const char *id_field;      /* "id" by default; a unit without one gets "FILE:LINE" */
} slant_labelled_fields;

/* One unit. Strings are owned by the sample. */
typedef struct {
    char *id;
    char *text;                /* NUL-terminated after text_len bytes */
    size_t text_len;
    double label;
    const char *origin;        /* the file it came from: borrowed, as given to _parse */
    long line;                 /* its line (the first line of a CSV record) */
} slant_labelled_unit;

typedef struct {
    slant_labelled_unit *units;
    size_t n, cap;
} slant_labelled;

void slant_labelled_init(slant_labelled *s);
void slant_labelled_release(slant_labelled *s);

/*
 * The format of `data`, read from `path`: .jsonl, .ndjson and .json are JSON Lines,
 * .csv is CSV, .tsv and .tab are TSV; otherwise (standard input, other names) the content
 * decides: a first non-blank character '{' means JSON Lines, a tab in the first line
 * TSV, anything else CSV.
 */
slant_labelled_format slant_labelled_detect(const char *path, const char *data, size_t len);

/*
 * Appends the units of `data` (the contents of `path`, which must outlive `s`) to `s`.
 * Every bad row is passed to `report` with the file and line and skipped; the others are
 * kept. A CSV or TSV header without the text or the label column is one error (line 1)
 * and the file gives no units. Returns the number of errors reported.
 */
size_t slant_labelled_parse(const char *data, size_t len, const char *path,
                            slant_labelled_format fmt, const slant_labelled_fields *f,
                            slant_labelled *s,
                            void (*report)(const slant_error *err, void *ctx), void *ctx);

/*
 * Whether every label is 0 or 1. When not, `*example` is set to the first unit whose
 * label is something else.
 */
int slant_labelled_binary(const slant_labelled *s, size_t *example);

#endif
