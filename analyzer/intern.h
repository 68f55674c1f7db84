#ifndef SLANT_INTERN_H
#define SLANT_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/*
 * An intern table: byte strings to dense ids 0, 1, 2, ... in order of first insertion.
 * Open addressing with linear probing; the strings are copied into the table's own arena,
 * so the caller's bytes may die after slant_intern_add() returns.
 *
 * A table is owned by one thread at a time (a lexicon's table is only read once loaded,
 * so workers may share it then).
 */
typedef struct {
    uint64_t *slots;       /* high 32 bits: hash; low 32: id + 1, or 0 for an empty slot */
    size_t nslots;         /* a power of two */
    const char **strs;     /* id -> string in the arena */
    uint32_t *lens;        /* id -> length */
    uint64_t *hashes;      /* id -> hash, so growing never rehashes strings */
    size_t count;
    size_t cap;
    slant_arena strings;
} slant_intern;

#define SLANT_INTERN_NONE UINT32_MAX

void slant_intern_init(slant_intern *t);
void slant_intern_release(slant_intern *t);

/* Empties the table and keeps its slot array (ids restart at 0). */
void slant_intern_reset(slant_intern *t);

/* The id of `s`, or SLANT_INTERN_NONE if it was never added. */
uint32_t slant_intern_find(const slant_intern *t, const char *s, size_t len);

/* The id of `s`, adding it if needed; `*added` (if not NULL) says whether it was new. */
uint32_t slant_intern_add(slant_intern *t, const char *s, size_t len, int *added);

/* The string of `id` (NUL-terminated) and its length; valid until reset or release. */
const char *slant_intern_str(const slant_intern *t, uint32_t id, size_t *len);

static inline size_t slant_intern_count(const slant_intern *t)
{
    return t->count;
}

#endif
