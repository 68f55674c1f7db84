#include "hash.h"

uint64_t slant_hash64_more(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

uint64_t slant_hash64(const void *data, size_t len)
{
    return slant_hash64_more(SLANT_HASH64_INIT, data, len);
}
