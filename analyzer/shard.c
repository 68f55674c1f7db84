#include "shard.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

/* One decimal number of 1 to 7 digits at *s, moving *s past it; 0 if there is none. */
static unsigned long number(const char **s)
{
    const char *p = *s;
    if (*p < '0' || *p > '9')
        return 0;
    errno = 0;
    char *end;
    unsigned long v = strtoul(p, &end, 10);
    if (errno || end - p > 7)
        return 0;
    *s = end;
    return v;
}

int slant_shard_parse(const char *s, slant_shard *out)
{
    const char *p = s;
    unsigned long k = number(&p);
    if (!k || *p++ != '/')
        return -1;
    unsigned long n = number(&p);
    if (!n || *p || k > n || n > SLANT_SHARD_MAX)
        return -1;
    out->k = k;
    out->n = n;
    return 0;
}

int slant_shard_holds(const slant_shard *s, const char *id)
{
    if (!s->n)
        return 1;
    uint64_t h = slant_hash64(id, strlen(id));
    h ^= h >> 33; /* MurmurHash3's fmix64 */
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return h % s->n == s->k - 1;
}
