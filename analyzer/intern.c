#include "intern.h"

#include <stdlib.h>
#include <string.h>

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
    slant_arena_release(&t->strings);
    memset(t, 0, sizeof *t);
}

void slant_intern_reset(slant_intern *t)
{
    memset(t->slots, 0, t->nslots * sizeof *t->slots);
    t->count = 0;
    slant_arena_reset(&t->strings);
}

static uint32_t stored_len(const char *str)
{
    uint32_t len;
    memcpy(&len, str - sizeof len, sizeof len);
    return len;
}

typedef slant_intern_key key;

static uint32_t check_of(uint64_t hash, size_t len)
{
    return (uint32_t)(hash >> 40) << 8 | (uint32_t)(len < 255 ? len : 255);
}

/* Inlined into its callers: slant_intern_add_keyed runs it for every word of every
 * article, and a call cost it a sixth of its instructions. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint32_t lookup(const slant_intern *t, const char *s, size_t len, const key *k,
                              size_t *slot_out)
{
    size_t mask = t->nslots - 1;
    uint32_t check = check_of(k->hash, len);
    for (size_t i = slant_intern_slot_of_(t, k->hash);; i = (i + 1) & mask) {
        const slant_intern_slot *slot = &t->slots[i];
        if (!slot->id_plus_1) {
            *slot_out = i;
            return SLANT_INTERN_NONE;
        }
        if (slot->check != check || slot->head != k->head)
            continue;
        uint32_t id = slot->id_plus_1 - 1;
        if (len <= 8)
            return id; /* the head is the whole string, and the lengths agree */
        const char *str = t->strs[id];
        if (stored_len(str) == len && memcmp(str, s, len) == 0)
            return id;
    }
}

uint32_t slant_intern_find(const slant_intern *t, const char *s, size_t len)
{
    size_t slot;
    key k = slant_intern_key_of(s, len);
    return lookup(t, s, len, &k, &slot);
}

static void place(slant_intern *t, size_t i, uint32_t id, const key *k, size_t len)
{
    t->slots[i].check = check_of(k->hash, len);
    t->slots[i].id_plus_1 = id + 1;
    t->slots[i].head = k->head;
}

/* Doubles the slot array and places every string again (their keys are computed afresh:
 * keeping them would cost 16 bytes a string, and growth is rare). */
static void grow_slots(slant_intern *t)
{
    free(t->slots);
    t->nslots *= 2;
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    size_t mask = t->nslots - 1;
    for (size_t id = 0; id < t->count; id++) {
        const char *str = t->strs[id];
        size_t len = stored_len(str);
        key k = slant_intern_key_of(str, len);
        size_t i = slant_intern_slot_of_(t, k.hash);
        while (t->slots[i].id_plus_1)
            i = (i + 1) & mask;
        place(t, i, (uint32_t)id, &k, len);
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
    key k = slant_intern_key_of(s, len);
    return slant_intern_add_keyed(t, s, len, &k, added);
}

uint32_t slant_intern_add_keyed(slant_intern *t, const char *s, size_t len,
                                const slant_intern_key *k0, int *added)
{
    size_t slot;
    key k = *k0;
    uint32_t id = lookup(t, s, len, &k, &slot);
    if (added)
        *added = id == SLANT_INTERN_NONE;
    if (id != SLANT_INTERN_NONE)
        return id;
    if (t->count >= SLANT_INTERN_NONE - 1 || len >= UINT32_MAX)
        abort(); /* four billion strings, or one of 4 GiB: a bug, not an input */
    t->strs = xgrow(t->strs, &t->cap, t->count + 1, sizeof *t->strs);
    id = (uint32_t)t->count++;
    t->strs[id] = store(t, s, len);
    place(t, slot, id, &k, len);
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
