#include "intern.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xalloc.h"

void slant_intern_init(slant_intern *t)
{
    memset(t, 0, sizeof *t);
    t->nslots = 64;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    slant_arena_init(&t->strings, 65536);
}

void slant_intern_release(slant_intern *t)
{
    free(t->slots);
    free(t->strs);
    free(t->lens);
    free(t->hashes);
    slant_arena_release(&t->strings);
    memset(t, 0, sizeof *t);
}

void slant_intern_reset(slant_intern *t)
{
    memset(t->slots, 0, t->nslots * sizeof *t->slots);
    t->count = 0;
    slant_arena_reset(&t->strings);
}

static size_t probe_start(const slant_intern *t, uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & (t->nslots - 1);
}

/* The slot's copy of the hash lets a probe skip other strings without touching them. */
static uint64_t tag_of(uint64_t h)
{
    return (h >> 32) << 32;
}

static uint32_t lookup(const slant_intern *t, const char *s, size_t len, uint64_t h,
                       size_t *slot_out)
{
    size_t mask = t->nslots - 1;
    uint64_t tag = tag_of(h);
    for (size_t i = probe_start(t, h);; i = (i + 1) & mask) {
        uint64_t v = t->slots[i];
        if (!v) {
            *slot_out = i;
            return SLANT_INTERN_NONE;
        }
        if ((v & ~UINT64_C(0xFFFFFFFF)) != tag)
            continue;
        uint32_t id = (uint32_t)v - 1;
        if (t->lens[id] == len && memcmp(t->strs[id], s, len) == 0)
            return id;
    }
}

uint32_t slant_intern_find(const slant_intern *t, const char *s, size_t len)
{
    size_t slot;
    return lookup(t, s, len, slant_hash64(s, len), &slot);
}

static void grow_slots(slant_intern *t)
{
    free(t->slots);
    t->nslots *= 2;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    size_t mask = t->nslots - 1;
    for (size_t id = 0; id < t->count; id++) {
        size_t i = probe_start(t, t->hashes[id]);
        while (t->slots[i])
            i = (i + 1) & mask;
        t->slots[i] = tag_of(t->hashes[id]) | ((uint32_t)id + 1);
    }
}

uint32_t slant_intern_add(slant_intern *t, const char *s, size_t len, int *added)
{
    uint64_t h = slant_hash64(s, len);
    size_t slot;
    uint32_t id = lookup(t, s, len, h, &slot);
    if (added)
        *added = id == SLANT_INTERN_NONE;
    if (id != SLANT_INTERN_NONE)
        return id;
    if (t->count >= SLANT_INTERN_NONE - 1)
        abort(); /* four billion distinct strings: a bug, not an input */
    size_t cap = t->cap;
    t->strs = xgrow(t->strs, &cap, t->count + 1, sizeof *t->strs);
    cap = t->cap;
    t->lens = xgrow(t->lens, &cap, t->count + 1, sizeof *t->lens);
    t->hashes = xgrow(t->hashes, &t->cap, t->count + 1, sizeof *t->hashes);
    id = (uint32_t)t->count++;
    t->strs[id] = slant_arena_strdup(&t->strings, s, len);
    t->lens[id] = (uint32_t)len;
    t->hashes[id] = h;
    t->slots[slot] = tag_of(h) | (id + 1);
    if (t->count * 2 > t->nslots) /* keep the load factor at most one half */
        grow_slots(t);
    return id;
}

const char *slant_intern_str(const slant_intern *t, uint32_t id, size_t *len)
{
    if (len)
        *len = t->lens[id];
    return t->strs[id];
}
