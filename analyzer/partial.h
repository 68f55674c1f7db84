#ifndef SLANT_PARTIAL_H
#define SLANT_PARTIAL_H

#include <stddef.h>

#include "buf.h"

/*
 * What a partial (`slant compare --partial`, `slant merge`) says about where its data came
 * from, so that `merge` and `compare` combine only partials that add up to one corpus: its
 * identity. partial_json.c writes and reads the data (schema, by, event, indicators,
 * entries, groups, rows); this file reads and stamps the members that follow the data:
 *
 *   "lexicon": {"id", "version", "hash"}     what the articles were scored with
 *   "slant":   "0.1.0"                        the version of slant that made the data
 *   "options": {"subset", "weights"}          the options that change the rows: the
 *              --where/--from/--to conditions as spelled (null: none), the hash of the
 *              --weights file articles were scored with (null: none)
 *   "shards":  ["ID", ...]                    the shards the partial holds, each
 *              "fnv1a64:DATA" (a partial of a whole input) or
 *              "fnv1a64:DATA:shard:K/N:inputs:fnv1a64:INPUTS" (--shard K/N), DATA the
 *              hash of the data's bytes, INPUTS the hash of what the shard was taken from
 *
 * `by` and `event` are part of the data and checked by the readers. --indicators,
 * --pairs, --correction and the other options of the comparison itself do not change a
 * partial's data (they apply when the merged partial is compared), so they are not part
 * of its identity. Older partials without "slant" or "options" are read with those
 * members unknown, and an unknown member is not compared.
 *
 * No I/O: the caller reads the file and says what is wrong.
 */

/* One shard a partial holds. Strings owned by the identity. */
typedef struct {
    char *id;                 /* the shard's id, as above */
    unsigned long k, n;       /* --shard K/N; n 0: not a --shard run */
    char *inputs;             /* with n > 0: "fnv1a64:..." of the inputs, or NULL (older) */
} slant_partial_shard;

/* A partial's identity. Strings are owned (slant_partial_identity_release); a string
 * member is NULL when the partial does not record it. String values are kept as JSON
 * text without their quotes (escapes as written), which is how they are compared. */
typedef struct {
    char *schema;             /* the data's "schema" number as written, or NULL */
    char *tool;               /* "slant": the version that made it */
    char *lexicon, *version, *hash;
    int has_options;          /* "options" was recorded (then NULL subset/weights: none) */
    char *subset;             /* --where/--from/--to as spelled, or NULL */
    char *weights;            /* the --weights file's hash, or NULL */
    slant_partial_shard *shards;
    size_t nshards;
} slant_partial_identity;

void slant_partial_identity_init(slant_partial_identity *id);
void slant_partial_identity_release(slant_partial_identity *id);

/* Reads the identity of the partial `data` (`len` bytes) into `id` (initialised here). A
 * partial without "shards" (hand-made) is one shard whose id is the hash of its bytes. */
void slant_partial_identity_read(const char *data, size_t len, slant_partial_identity *id);

/* Adds shard `id` (copied; parsed for K/N and the inputs) to `into`'s shards. */
void slant_partial_add_shard(slant_partial_identity *into, const char *id);

/*
 * The id of a new shard made of the data `data`: "fnv1a64:DATA", and with `n` > 0
 * ":shard:K/N:inputs:INPUTS" (INPUTS as given, NULL leaves it out). Caller frees.
 */
char *slant_partial_shard_id(const char *data, size_t len, unsigned long k, unsigned long n,
                             const char *inputs);

/*
 * Adds the identity members above to the partial in `partial` (as slant_json_write_partial
 * wrote it: one JSON object and a newline): "lexicon" when id->lexicon, id->hash or
 * id->version is set, "slant" when id->tool is, "options" with id->has_options, and
 * "shards": id's shards or, when it
 * has none, one new shard made of the partial's bytes. `schema` is not written (the data
 * has it).
 */
void slant_partial_stamp(slant_buf *partial, const slant_partial_identity *id);

/* Whether two recorded values of an identity (or of a score record's provenance) are the
 * same: both unrecorded (NULL) or equal strings. */
int slant_partial_same_value(const char *a, const char *b);

/* How two partials differ, in the order they are checked. */
typedef enum {
    SLANT_PARTIAL_SAME = 0,
    SLANT_PARTIAL_SCHEMA,     /* different data schemas: never combined */
    SLANT_PARTIAL_TOOL,       /* made by different slant versions (--force: allowed) */
    SLANT_PARTIAL_SUBSET,     /* different --where/--from/--to (--force: allowed) */
    SLANT_PARTIAL_WEIGHTS     /* articles scored with different --weights (--force) */
} slant_partial_difference;

/*
 * The first way partials `a` and `b` differ (lexicons apart: the callers check those with
 * the lexicons of score records), or SLANT_PARTIAL_SAME. A member one of them does not
 * record (an older partial) counts as different only for the schema.
 */
slant_partial_difference slant_partial_differ(const slant_partial_identity *a,
                                              const slant_partial_identity *b);

/* "the slant version", "--where, --from and --to", ... for messages. */
const char *slant_partial_difference_name(slant_partial_difference d);

/* The values of difference `d` in `id`, for messages ("0.1.0", "(none)", ...); borrowed. */
const char *slant_partial_difference_value(const slant_partial_identity *id,
                                           slant_partial_difference d);

/* How two shards overlap. */
typedef enum {
    SLANT_SHARDS_APART = 0,
    SLANT_SHARDS_SAME_ID,     /* the same shard (the same data): its articles count twice */
    SLANT_SHARDS_SAME_SHARD,  /* shard K/N of the same inputs made twice */
    SLANT_SHARDS_OTHER_SPLIT  /* shards of the same inputs split into different N */
} slant_shards_overlap;

/* Whether shards `a` and `b` may be combined. Shards of different inputs, or of unknown
 * inputs (older partials) with different ids, are apart. */
slant_shards_overlap slant_partial_overlap(const slant_partial_shard *a,
                                           const slant_partial_shard *b);

#endif
