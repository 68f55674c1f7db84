#ifndef SLANT_INTERN_H
#define SLANT_INTERN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/*
 * An intern table: byte strings to dense ids 0, 1, 2, ... in order of first insertion.
 * Open addressing with linear probing. The strings are copied into the table's own arena,
 * so the caller's bytes may die after slant_intern_add() returns.
 *
 * It sits on the hot path (every word of every article is looked up in a worker's cache),
 * so it is built for short strings of random lengths:
 * - A slot is 16 bytes and holds what a lookup compares: 24 bits of the hash, the length
 *   and a 64-bit "head". A string of at most 8 bytes is found by reading its slot alone;
 *   a longer one also compares its copy in the arena.
 * - The head and the hash are made from a few loads chosen by the length class (1-3, 4-8,
 *   9-16 bytes: two loads that overlap when the string is shorter than both), the way
 *   the hashes of XXH3 and wyhash read short keys, instead of a loop over the bytes whose
 *   exit the processor mispredicts at every new word length. For strings of at most 8
 *   bytes these loads cover every byte, so with the length the head is the string.
 * The hash depends on the machine's byte order; it decides only where a string sits in
 * the table, never an id or an output.
 *
 * A table is owned by one thread at a time (a lexicon's table is only read once loaded,
 * so workers may share it then).
 */
typedef struct {
    uint32_t check;        /* the hash's high 24 bits and the length (255: 255 or more) */
    uint32_t id_plus_1;    /* 0 for an empty slot */
    uint64_t head;         /* the string's first bytes, or all of them (see above) */
} slant_intern_slot;

typedef struct {
    slant_intern_slot *slots;
    size_t nslots;         /* a power of two */
    const char **strs;     /* id -> string in the arena; its length is the uint32_t before it */
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

/*
 * For a caller that knows the strings it will look up next (the words of a text): the key
 * of a string (its head and hash, the same for every table) made once with
 * slant_intern_key_of, then slant_intern_prefetch starts loading the slot where its search
 * begins (a hint: it changes nothing), and slant_intern_add_keyed, a few strings later, is
 * slant_intern_add without computing the key again. The table's slots are read in no
 * order and may be larger than the processor's cache: this way the wait for memory
 * overlaps the work on the strings before.
 */
typedef struct {
    uint64_t head;
    uint64_t hash;
} slant_intern_key;

static inline slant_intern_key slant_intern_key_of(const char *s, size_t len);
static inline void slant_intern_prefetch(const slant_intern *t, const slant_intern_key *k);
/* As slant_intern_add; `k` must be slant_intern_key_of(s, len). */
uint32_t slant_intern_add_keyed(slant_intern *t, const char *s, size_t len,
                                const slant_intern_key *k, int *added);

/* The id of `s`, adding it if needed; `*added` (if not NULL) says whether it was new.
 * Strings longer than UINT32_MAX - 1 bytes are not supported (abort). */
uint32_t slant_intern_add(slant_intern *t, const char *s, size_t len, int *added);

/* The string of `id` (NUL-terminated) and its length; valid until reset or release. */
const char *slant_intern_str(const slant_intern *t, uint32_t id, size_t *len);

static inline size_t slant_intern_count(const slant_intern *t)
{
    return t->count;
}

/* --- the inline part: the key and the slot a search starts at, made in the caller's loop
 * (a call per word to intern.c cost more than the key) ------------------------------------ */

static inline uint64_t slant_intern_load64_(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline uint64_t slant_intern_load32_(const char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Multiply-xorshift rounds with the odd constants of SplitMix64's finalizer (Steele, Lea
 * and Flood, OOPSLA 2014). */
static inline uint64_t slant_intern_mix_(uint64_t h)
{
    h ^= h >> 31;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    h ^= h >> 29;
    h *= UINT64_C(0x94d049bb133111eb);
    return h ^ (h >> 32);
}

static inline slant_intern_key slant_intern_key_of(const char *s, size_t len)
{
    slant_intern_key k;
    uint64_t tail;
    if (len <= 3) {
        k.head = len ? (uint64_t)(unsigned char)s[0] << 16 |
                           (uint64_t)(unsigned char)s[len >> 1] << 8 |
                           (unsigned char)s[len - 1]
                     : 0;
        tail = 0;
    } else if (len <= 8) {
        k.head = slant_intern_load32_(s) | slant_intern_load32_(s + len - 4) << 32;
        tail = 0;
    } else if (len <= 16) {
        k.head = slant_intern_load64_(s);
        tail = slant_intern_load64_(s + len - 8);
    } else {
        k.head = slant_intern_load64_(s);
        tail = 0;
        for (size_t i = 8; i + 8 <= len; i += 8)
            tail = slant_intern_mix_(tail ^ slant_intern_load64_(s + i));
        tail ^= slant_intern_load64_(s + len - 8);
    }
    k.hash = slant_intern_mix_(slant_intern_mix_(k.head ^ (uint64_t)len *
                                                             UINT64_C(0x9e3779b97f4a7c15)) ^
                               tail);
    return k;
}

/* The slot where the search for a string of hash `h` begins. */
static inline size_t slant_intern_slot_of_(const slant_intern *t, uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & (t->nslots - 1);
}

static inline void slant_intern_prefetch(const slant_intern *t, const slant_intern_key *k)
{
#if defined(__GNUC__)
    __builtin_prefetch(&t->slots[slant_intern_slot_of_(t, k->hash)]);
#else
    (void)t, (void)k;
#endif
}

#endif
