#ifndef SLANT_HASH_H
#define SLANT_HASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * FNV-1a, 64 bits: the lexicon's content hash, the same on every machine (the intern
 * tables hash short keys their own, faster way; see intern.h). Not cryptographic: the content hash identifies a lexicon version in provenance, it
 * does not defend against a forger. slant_hash64_more() continues a running hash so
 * that several pieces hash as their concatenation.
 */

#define SLANT_HASH64_INIT UINT64_C(0xcbf29ce484222325)

uint64_t slant_hash64_more(uint64_t h, const void *data, size_t len);
uint64_t slant_hash64(const void *data, size_t len);

#endif
