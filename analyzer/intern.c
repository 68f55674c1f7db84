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

static uint32_t stored_len(const char *str)
{
    uint32_t len;
    memcpy(&len, str - sizeof len, sizeof len);
    return len;
}

static uint32_t lookup(const slant_intern *t, const char *s, size_t len, uint64_t h,
                       size_t *slot_out)
{
    size_t mask = t->nslots - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t i = probe_start(t, h);; i = (i + 1) & mask) {
        const slant_intern_slot *slot = &t->slots[i];
        if (!slot->id_plus_1) {
            *slot_out = i;
            return SLANT_INTERN_NONE;
        }
        if (slot->tag == tag && stored_len(slot->str) == len && memcmp(slot->str, s, len) == 0)
            return slot->id_plus_1 - 1;
    }
}

uint32_t slant_intern_find(const slant_intern *t, const char *s, size_t len)
{
    size_t slot;
    return lookup(t, s, len, slant_hash64(s, len), &slot);
}

static void place(slant_intern *t, size_t i, uint32_t id)
{
    t->slots[i].tag = (uint32_t)(t->hashes[id] >> 32);
    t->slots[i].id_plus_1 = id + 1;
    t->slots[i].str = t->strs[id];
}

static void grow_slots(slant_intern *t)
{
    free(t->slots);
    t->nslots *= 2;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    size_t mask = t->nslots - 1;
    for (size_t id = 0; id < t->count; id++) {
        size_t i = probe_start(t, t->hashes[id]);
        while (t->slots[i].id_plus_1)
            i = (i + 1) & mask;
        place(t, i, (uint32_t)id);
    }
}

/* Copies `s` into the arena after its length, and returns where the bytes start. */
static const char *store(slant_intern *t, const char *s, size_t len)
{
    uint32_t n = (uint32_t)len;
    char *p = slant_arena_alloc(&t->strings, sizeof n + len + 1);
    memcpy(p, &n, sizeof n);
    if (len)
        memcpy(p + sizeof n, s, len);
    p[sizeof n + len] = '\0';
    return p + sizeof n;
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
    if (t->count >= SLANT_INTERN_NONE - 1 || len >= UINT32_MAX)
        abort(); /* four billion strings, or one of 4 GiB: a bug, not an input */
    size_t cap = t->cap;
    t->strs = xgrow(t->strs, &cap, t->count + 1, sizeof *t->strs);
    t->hashes = xgrow(t->hashes, &t->cap, t->count + 1, sizeof *t->hashes);
    id = (uint32_t)t->count++;
    t->strs[id] = store(t, s, len);
    t->hashes[id] = h;
    place(t, slot, id);
    if (t->count * 2 > t->nslots) /* keep the load factor at most one half */
        grow_slots(t);
    return id;
}

const char *slant_intern_str(const slant_intern *t, uint32_t id, size_t *len)
{
    if (len)
        *len = stored_len(t->strs[id]);
    return t->strs[id];
}
