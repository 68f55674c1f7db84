#ifndef SLANT_SCORE_READ_PARTS_H
#define SLANT_SCORE_READ_PARTS_H

/*
 * What compare's fast reader of score records (score_read.c) and its builder of rows from
 * scored articles (score_row.c) share: the parsed row both fill, and the few steps both
 * take to fill it. Private to those two files; the interface is score_read.h.
 */

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dataset.h"
#include "score_read.h"

/* A count to add to the group's entry of kind `kind` whose owner and name start at `owner`
 * and `name` in the strings. */
typedef struct {
    slant_entry_key_kind kind;
    size_t owner, name;
    size_t hint;            /* slant_dataset_add_entry_hinted's hint, 0 for none */
    double count;
} slant_score_pending;

/* A stem of the signature: its offset in the strings, its length and its count. */
typedef struct {
    size_t stem, len;
    uint32_t count;
} slant_score_sig_term;

struct slant_score_parsed {
    int ok;                   /* 0: the record goes to score_json.c */
    slant_buf strings;        /* decoded strings, each NUL-terminated; offsets into it */
    size_t *names;            /* offsets of the indicator names in the strings */
    const char **ids;         /* the names, as pointers when applied */
    double *values;
    size_t k, names_cap;
    slant_score_pending *adds;
    size_t nadds, adds_cap;
    size_t group, event, id;  /* offsets, or SIZE_MAX for none */
    size_t date;              /* offset of the date's text, or SIZE_MAX */
    size_t stratum;           /* offset, or SIZE_MAX for none */
    double tokens;
    int had;                  /* the record has entry counts or evidence */
    int has_sig;              /* a row of a scored article with its signature: `sig` */
    slant_score_sig_term *sig;
    size_t nsig, sig_cap;
};


/* Where compare's formulas take the members of a record from: a scanned record, or a
 * scored article (score_row.c). */
typedef struct {
    double (*at)(const void *src, const char *path);    /* as score_json.c's member_at */
    int (*has)(const void *src, const char *name);      /* a member of the record's top */
    const void *src;
} slant_score_member_source;

/* A name of the row into the strings: its offset. */
size_t slant_score_parsed_add_name(slant_score_parsed *p, const char *name);

/* As score_json.c's read_derived: the compared indicators of the table that the record has,
 * those that lead (`leads` = SLANT_IND_LEADS) or the others (0), in table order, from row
 * `k` on; returns the rows' count after them. */
size_t slant_score_read_derived(slant_score_parsed *p, const slant_score_member_source *m,
                                double tokens, unsigned leads, size_t k);

/* Room in `p` for `n` names and values. */
void slant_score_parsed_room(slant_score_parsed *p, size_t n);

/* Pends a count for the group's entry of kind `kind`, owner and name at those offsets;
 * `hint` is 0 or the entry's number (slant_dataset_add_entry_hinted). */
void slant_score_parsed_pend(slant_score_parsed *p, slant_entry_key_kind kind, size_t owner,
                             size_t name, size_t hint, double count);

#endif
