#ifndef SLANT_SHARD_H
#define SLANT_SHARD_H

/*
 * Shards: a deterministic share of a corpus for one of N workers (`--shard K/N`).
 *
 * An article belongs to shard K of N when
 *     mix(fnv1a64(id)) mod N == K - 1
 * where fnv1a64 is the hash of hash.h over the bytes of the article's id and mix is the
 * 64-bit finalizer of MurmurHash3 (so that ids differing in their last byte spread over
 * all shards). The share depends on the id alone, never on the position of the article
 * or on which files the worker was given: N workers run over the same inputs cover every
 * article exactly once, and the shards of one corpus merge to exactly the whole. It is
 * the same on every machine (no seed, no word size).
 */

#define SLANT_SHARD_MAX 1000000

typedef struct {
    unsigned long k;    /* 1 .. n */
    unsigned long n;    /* 0: no sharding (every article) */
} slant_shard;

/* Parses "K/N" (1 <= K <= N <= SLANT_SHARD_MAX) into `out`; 0, or -1 if it is not one. */
int slant_shard_parse(const char *s, slant_shard *out);

/* Does shard `s` hold the article with id `id`? (Always, when s->n is 0.) */
int slant_shard_holds(const slant_shard *s, const char *id);

#endif
