#ifndef SLANT_DATASET_H
#define SLANT_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "intern.h"

/*
 * What `slant compare` compares: one row per article (its group, its event, its words and
 * the value of every indicator) and, per group, the pooled count of every lexicon entry
 * (for keyness). Everything in it is a sum or a list of values, so two datasets built from
 * two halves of a corpus merge into the dataset of the whole (slant_dataset_merge).
 *
 * Indicators are named (a category's rate per 1,000 words is named after the category);
 * rows and groups refer to them and to entries by index.
 */

typedef struct {
    uint32_t group;         /* index into the groups */
    uint32_t event;         /* index into the events, or UINT32_MAX without one */
    uint32_t stratum;       /* index into the strata (compare --strata), or UINT32_MAX
                             * without one; set by slant_dataset_set_stratum */
    char *id;
    double tokens;
    double *values;         /* one per indicator; NAN where undefined (no words) */
    int32_t day;            /* the article's date in days since 1970-01-01 (date.h), or
                             * INT32_MIN when undated or unparseable; set by
                             * slant_dataset_set_day after slant_dataset_add_row */
    /* The article's content signature (signature.h), or nsig 0 without one: stems as ids
     * of slant_dataset_sig_term_name, with their counts, in the record's order
     * (slant_dataset_set_signature). Owned by the dataset. */
    uint32_t *sig_terms;
    uint32_t *sig_counts;
    uint32_t nsig;
} slant_row;

typedef struct {
    char *name;
    size_t articles;
    double tokens;
    double *entry_counts;   /* one per entry, pooled over the group's articles */
    double *entry_articles; /* one per entry: the group's articles it occurs in (its
                             * document frequency; a sum, so it merges exactly) */
} slant_group;

typedef struct slant_dataset slant_dataset;

slant_dataset *slant_dataset_new(void);
void slant_dataset_free(slant_dataset *ds);

/* The index of an indicator, a group or an event, added if new (an entry's:
 * slant_dataset_entry_key below). An entry's external text (slant_entry_key_format below:
 * "category:entry as written", a contested concept's variants "contested/concept:variant
 * as written") is what partials and the output hold; in the program entries are typed
 * keys (slant_dataset_entry_info). */
#define SLANT_CONTESTED_PREFIX "contested/"
/* Actor framing, pooled per group the same way: "actor/ACTOR:CATEGORY" counts the matches
 * of CATEGORY in sentences that mention ACTOR, and "actor/ACTOR:mentions" its mentions. */
#define SLANT_ACTOR_PREFIX "actor/"

size_t slant_dataset_indicator(slant_dataset *ds, const char *name);
size_t slant_dataset_group(slant_dataset *ds, const char *name);
size_t slant_dataset_event(slant_dataset *ds, const char *name);

/*
 * An entry as a typed key, so that no reader of a dataset parses names back:
 *   SLANT_ENTRY_TERM     owner: the category, name: the entry as written
 *   SLANT_ENTRY_VARIANT  owner: the contested concept, name: the variant as written
 *   SLANT_ENTRY_ACTOR    owner: the actor, name: a category or "mentions"
 *   SLANT_ENTRY_CONCEPT  owner: the contested concept, name: NULL (its totals)
 * Each distinct key has one index, the same as the entry's name (its external text,
 * slant_entry_key_format) has: the two are one entry seen two ways.
 */
typedef enum {
    SLANT_ENTRY_TERM,
    SLANT_ENTRY_VARIANT,
    SLANT_ENTRY_ACTOR,
    SLANT_ENTRY_CONCEPT
} slant_entry_key_kind;

typedef struct {
    slant_entry_key_kind kind;
    const char *owner;
    const char *name; /* NULL for a concept's totals */
} slant_entry_key;

/*
 * The one place the external text of an entry is composed (partials, JSON output, the
 * names above): "OWNER:NAME", "contested/OWNER:NAME", "actor/OWNER:NAME",
 * "concept/OWNER". Writes at most `cap` bytes with a NUL (when cap > 0) and returns the
 * length of the whole text, as snprintf does: a return of cap or more means truncated.
 */
size_t slant_entry_key_format(const slant_entry_key *key, char *out, size_t cap);

/*
 * The one place the external text of an entry is read (a partial's entry names): fills
 * `key` from `text`; `owner` (of `cap` bytes) receives the owner, key->name points into
 * `text`. Text without a kind's prefix and colon is a term (a name without a colon: a term
 * with a NULL name, whose text is its owner). Returns 0, or -1 when the owner does not fit.
 */
int slant_entry_key_parse(const char *text, slant_entry_key *key, char *owner, size_t cap);

/* The index of the entry of `key`, added if new (its strings are copied). */
size_t slant_dataset_entry_key(slant_dataset *ds, const slant_entry_key *key);

/* The key of entry `e` (below slant_dataset_nentries): borrowed, its strings valid while
 * `ds` lives and is not sorted. */
const slant_entry_key *slant_dataset_entry_info(const slant_dataset *ds, size_t e);

/*
 * Adds a row; `names`/`values` give `n` indicator values by name (others are NAN).
 * `event` may be NULL. Strings are copied.
 */
void slant_dataset_add_row(slant_dataset *ds, const char *id, const char *group,
                           const char *event, double tokens, const char *const *names,
                           const double *values, size_t n);

/*
 * The index of stratum `name` (compare --strata: the value of the strata field, such as
 * a topic), added if new, like events.
 */
size_t slant_dataset_stratum(slant_dataset *ds, const char *name);

/*
 * Puts row `r` (an index below slant_dataset_nrows) in stratum `name` (copied), or in
 * none when `name` is NULL. A row added by slant_dataset_add_row has none until this is
 * called; slant_dataset_merge and slant_dataset_sort keep each row's stratum.
 */
void slant_dataset_set_stratum(slant_dataset *ds, size_t r, const char *name);

size_t slant_dataset_nstrata(const slant_dataset *ds);
const char *slant_dataset_stratum_name(const slant_dataset *ds, size_t s);

/*
 * Sets the day of row `row` (an index below slant_dataset_nrows; usually the row just
 * added). INT32_MIN: undated. slant_dataset_merge, slant_dataset_sort and partials keep it.
 */
void slant_dataset_set_day(slant_dataset *ds, size_t row, int32_t day);

/*
 * Counts a row whose date was given but could not be read (its day stays INT32_MIN), so
 * that undated and unparseable rows can be told apart: the count is kept through merge and
 * partials. slant_dataset_bad_dates returns it.
 */
void slant_dataset_note_bad_date(slant_dataset *ds, size_t count);
size_t slant_dataset_bad_dates(const slant_dataset *ds);

/* Sets the event of row `r` to the event named `event` (added if new), or none (NULL). */
void slant_dataset_set_event(slant_dataset *ds, size_t r, const char *event);

/*
 * Sets the signature of row `r` (replacing any): `n` stems (`stems[i]` of `lens[i]` bytes,
 * copied) with their counts. The stems are interned in the dataset's table of signature
 * terms, shared by all rows.
 */
void slant_dataset_set_signature(slant_dataset *ds, size_t r, const char *const *stems,
                                 const size_t *lens, const uint32_t *counts, size_t n);

/* The signature terms: how many, and the stem of id `t` (borrowed, valid while `ds`). */
size_t slant_dataset_nsig_terms(const slant_dataset *ds);
const char *slant_dataset_sig_term_name(const slant_dataset *ds, size_t t, size_t *len);

/* A contested concept's uses and articles, whatever the variant: "concept/CONCEPT". The
 * dataset adds them itself for each "contested/CONCEPT:VARIANT" of an article (an article
 * with two variants of a concept is one article of it), so they are not terms. */
#define SLANT_CONCEPT_PREFIX "concept/"

/* Adds `count` occurrences of the entry of `key` in the article added last (the last row;
 * it must be of group `group`): the entry's count in the group grows by `count` and, the
 * first time the entry is added for this article with a count above 0, its article count
 * by 1. A VARIANT adds to the CONCEPT of its owner too. */
void slant_dataset_add_entry_key(slant_dataset *ds, const char *group,
                                 const slant_entry_key *key, double count);

/* The same for group number `g` (slant_dataset_group). `hint`, when not 0, is the caller's
 * number for `key`: a dataset must be given the same key with the same hint every time
 * (the articles of one lexicon number their entries so), and then finds the entry by its
 * hint, without formatting and looking up the key, after the first time. */
void slant_dataset_add_entry_hinted(slant_dataset *ds, size_t g, const slant_entry_key *key,
                                    size_t hint, double count);

/* Adds pooled sums to group `group`: `count` occurrences of the entry of `key` in
 * `articles` articles (a partial's or another dataset's totals; nothing is derived). */
void slant_dataset_add_entry_key_pooled(slant_dataset *ds, const char *group,
                                        const slant_entry_key *key, double count,
                                        double articles);

/* slant_dataset_add_entry_key_pooled of an entry named by its external text (a partial's
 * entry names, as its reader finds them), parsed into its key once when the entry is new
 * (slant_entry_key_parse). */
void slant_dataset_add_entry_pooled(slant_dataset *ds, const char *group, const char *entry,
                                    double count, double articles);

/* Adds everything in `from` to `into` (rows with their days and signatures, groups,
 * events, entries, counts). */
void slant_dataset_merge(slant_dataset *into, const slant_dataset *from);

/*
 * Puts `ds` in its canonical order, which does not depend on the order the articles came
 * in: rows sorted by id (bytewise; then group, event, and their order before for equal
 * ones); groups and events in the order of their first row so sorted (for a corpus
 * whose ids are its paths: the order of the directory walk), those without rows after
 * them by name; entries by name. Indicators keep their order (the columns of every score
 * record, the same in each). So a corpus read whole, in another
 * order, or in shards (--shard K/N) merged, is the same dataset, down to the order of
 * the sums that make every statistic: the comparisons are equal byte for byte.
 */
void slant_dataset_sort(slant_dataset *ds);

/* The order slant_dataset_sort puts the rows in: row k of the sorted dataset is row
 * order[k] of `ds` as it is. Returns nrows indexes (at least one slot); caller frees. */
size_t *slant_dataset_sort_order(const slant_dataset *ds);

size_t slant_dataset_nindicators(const slant_dataset *ds);
const char *slant_dataset_indicator_name(const slant_dataset *ds, size_t i);
size_t slant_dataset_ngroups(const slant_dataset *ds);
const slant_group *slant_dataset_group_at(const slant_dataset *ds, size_t g);
size_t slant_dataset_nevents(const slant_dataset *ds);
const char *slant_dataset_event_name(const slant_dataset *ds, size_t e);
size_t slant_dataset_nentries(const slant_dataset *ds);
const char *slant_dataset_entry_name(const slant_dataset *ds, size_t e);
size_t slant_dataset_nrows(const slant_dataset *ds);
const slant_row *slant_dataset_row(const slant_dataset *ds, size_t r);

/*
 * The values of indicator `ind` in group `group`, skipping undefined ones: writes up to
 * `cap` of them to `out` and returns how many there are.
 */
size_t slant_dataset_values(const slant_dataset *ds, size_t group, size_t ind, double *out,
                            size_t cap);

#endif
