/*
 * Fuzzes the compressed streams (compress.h). Any bytes are read through the decompressing
 * reader, as an input file is: it must end (EOF or a read error), never crash or spin, and
 * a read error must say SLANT_EBADDATA. Then one input in ROUND_TRIP_EVERY (chosen by a
 * hash of its bytes, so an input always decides the same way, and a crash reproduces) is
 * written through the gzip and the zstd writer and read back: it must come back exactly.
 *
 * Why not every input: a writer makes a zlib deflate state and a zstd compression context
 * (about a megabyte of tables each time), which held the target to about 60 executions a
 * second under ASan; the reader alone runs thousands. The round trip does not depend much
 * on the bytes (any bytes must come back), so a sample keeps its check at little cost.
 */
#define _GNU_SOURCE /* fmemopen */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compress.h"
#include "fuzz.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_compress: invariant failed: %s\n", what);
    abort();
}

/* Reads `f` to its end through the decompressing reader; returns the bytes (malloc). */
static unsigned char *read_all(FILE *f, size_t *len, int *bad)
{
    FILE *r = slant_compress_wrap_read(f);
    if (!r)
        fail("the reader could not be made");
    size_t cap = 4096, n = 0, got;
    unsigned char *out = malloc(cap);
    while (out && (got = fread(out + n, 1, cap - n, r)) > 0) {
        n += got;
        if (n == cap) {
            if (cap > ((size_t)64 << 20))
                break; /* a bomb: enough read to know the reader goes on */
            cap *= 2;
            out = realloc(out, cap);
        }
    }
    if (!out)
        fail("out of memory");
    *bad = ferror(r);
    if (*bad && errno != SLANT_EBADDATA && errno != 0)
        fail("a read error other than SLANT_EBADDATA from memory");
    fclose(r);
    *len = n;
    return out;
}

#define ROUND_TRIP_EVERY 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)(uintptr_t)data, size, "rb");
    if (!f)
        return 0;
    size_t n;
    int bad;
    free(read_all(f, &n, &bad));
    fclose(f);
    if (!fuzz_sampled(data, size, ROUND_TRIP_EVERY))
        return 0;

    slant_compression kinds[] = { SLANT_COMPRESS_GZIP, SLANT_COMPRESS_ZSTD };
    for (size_t k = 0; k < 2; k++) {
        char *buf = NULL;
        size_t blen = 0;
        FILE *mem = open_memstream(&buf, &blen);
        FILE *w = mem ? slant_compress_wrap_write(mem, kinds[k]) : NULL;
        if (!w)
            fail("the writer could not be made");
        if (fwrite(data, 1, size, w) != size)
            fail("short write to memory");
        if (fclose(w) != 0) /* closes mem too: buf and blen are final */
            fail("closing the writer failed");
        FILE *back = fmemopen(buf, blen, "rb");
        if (!back)
            fail("fmemopen");
        unsigned char *again = read_all(back, &n, &bad);
        fclose(back);
        if (bad || n != size || memcmp(again, data, size) != 0)
            fail("a round trip did not give the bytes back");
        free(again);
        free(buf);
    }
    return 0;
}
