#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct slant_arena_block {
    slant_arena_block *next;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

void slant_arena_init(slant_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 65536;
    a->used_bytes = 0;
}

void slant_arena_release(slant_arena *a)
{
    slant_arena_block *b = a->head;
    while (b) {
        slant_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_bytes = 0;
}

void slant_arena_reset(slant_arena *a)
{
    if (!a->head)
        return;
    /* Keep the oldest block (the normal-sized one) and free the rest. */
    slant_arena_block *b = a->head;
    while (b->next) {
        slant_arena_block *next = b->next;
        free(b);
        b = next;
    }
    b->used = 0;
    a->head = b;
    a->used_bytes = 0;
}

static size_t align_up(size_t n)
{
    size_t al = alignof(max_align_t);
    return (n + al - 1) & ~(al - 1);
}

void *slant_arena_alloc(slant_arena *a, size_t size)
{
    size = align_up(size ? size : 1);
    slant_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = size > a->block_size ? size : a->block_size;
        b = xmalloc(sizeof *b + want);
        b->size = want;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_bytes += size;
    return p;
}

char *slant_arena_strdup(slant_arena *a, const char *s, size_t len)
{
    char *p = slant_arena_alloc(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
