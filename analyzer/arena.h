#ifndef SLANT_ARENA_H
#define SLANT_ARENA_H

#include <stddef.h>

/*
 * A bump allocator for data that dies together: per-article scratch (reset between
 * articles) and long-lived strings owned by one table. Allocations are aligned for any
 * type. Nothing is freed one by one: slant_arena_reset() makes all of it reusable and
 * keeps the first block, slant_arena_release() frees everything.
 */
typedef struct slant_arena_block slant_arena_block;

typedef struct {
    slant_arena_block *head;   /* the block being filled; older blocks follow */
    size_t block_size;         /* size of a normal block */
    size_t used_bytes;         /* bytes handed out since the last reset */
} slant_arena;

void slant_arena_init(slant_arena *a, size_t block_size);
void slant_arena_release(slant_arena *a);
void slant_arena_reset(slant_arena *a);

/* Returns `size` bytes valid until the next reset or release. Never NULL. */
void *slant_arena_alloc(slant_arena *a, size_t size);

/* A NUL-terminated copy of `len` bytes in the arena. */
char *slant_arena_strdup(slant_arena *a, const char *s, size_t len);

#endif
