#ifndef SLANT_JSON_H
#define SLANT_JSON_H

#include <stddef.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "dataset.h"
#include "error.h"
#include "index.h"
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
 * A streaming JSON writer into a slant_buf, for every JSON slant writes. Keys must be
 * plain identifiers (they are not escaped); string values are made valid UTF-8 and
 * escaped by cJSON; a NaN or infinite number is written as null (each output's schema
 * says what null means there). Calls: open '{' or '[', then members (key + value) or
 * elements (element + value), then close.
 *
 * A score record has a hundred or more fractional numbers, and printf's exact conversion
 * is the most expensive thing in writing it; the same values recur within a record (the
 * rates of equal counts over the same words). So the writer remembers the text of the
 * last SLANT_JW_MEMO numbers it formatted, by their bits, and copies it when one recurs.
 */
#define SLANT_JW_MEMO_BITS 6
#define SLANT_JW_MEMO (1 << SLANT_JW_MEMO_BITS)

typedef struct {
    slant_buf *out;
    slant_buf scratch;
    int first;              /* nothing written yet in the open object or array */
    struct {
        double value;
        unsigned char len;  /* 0: empty */
        char text[23];
    } memo[SLANT_JW_MEMO];
} slant_jw;

void slant_jw_init(slant_jw *w, slant_buf *out);
void slant_jw_release(slant_jw *w);
void slant_jw_open(slant_jw *w, char brace);
void slant_jw_close(slant_jw *w, char brace);
void slant_jw_element(slant_jw *w);
void slant_jw_key_len(slant_jw *w, const char *name, size_t len);

/* Inline, so that the length of a literal name is known when compiling. */
static inline void slant_jw_key(slant_jw *w, const char *name)
{
    slant_jw_key_len(w, name, strlen(name));
}
void slant_jw_string(slant_jw *w, const char *s, size_t len);   /* NULL: null */
void slant_jw_count(slant_jw *w, size_t v);
void slant_jw_number(slant_jw *w, double v);                     /* 10 significant digits */
void slant_jw_bool(slant_jw *w, int v);
void slant_jw_raw(slant_jw *w, const char *json);                /* JSON text as it is */
void slant_jw_member_string(slant_jw *w, const char *name, const char *s, size_t len);
void slant_jw_member_cstring(slant_jw *w, const char *name, const char *s);
static inline void slant_jw_member_count(slant_jw *w, const char *name, size_t v)
{
    slant_jw_key(w, name);
    slant_jw_count(w, v);
}

static inline void slant_jw_member_number(slant_jw *w, const char *name, double v)
{
    slant_jw_key(w, name);
    slant_jw_number(w, v);
}
void slant_jw_member_bool(slant_jw *w, const char *name, int v);

/* A number with 17 significant digits: reads back as the same double (for partials). */
void slant_jw_number_exact(slant_jw *w, double v);

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

/* Appends the JSON Lines record of `r` (one line, with its newline) to `out`. */
void slant_json_write_record(const slant_result *r, slant_buf *out);

/*
 * Appends one JSON Lines record per sentence of the text of `r` (`slant score
 * --sentences`; docs/schema/score.md): its place, bytes, words, index, index-category
 * counts and matches. A text without sentences (no words) appends nothing.
 */
void slant_json_write_sentences(const slant_result *r, slant_buf *out);

#endif
