/* Compressed streams: gzip through zlib, Zstandard through libzstd (see compress.h). */

#define _GNU_SOURCE /* fopencookie */

#include "compress.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/types.h>
#include <zlib.h>
#include <zstd.h>

#include "xalloc.h"

#define CHUNK 65536

static const unsigned char gzip_magic[2] = { 0x1f, 0x8b };
static const unsigned char zstd_magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };

slant_compression slant_compression_of_bytes(const void *data, size_t n)
{
    if (n >= 2 && memcmp(data, gzip_magic, 2) == 0)
        return SLANT_COMPRESS_GZIP;
    if (n >= 4 && memcmp(data, zstd_magic, 4) == 0)
        return SLANT_COMPRESS_ZSTD;
    return SLANT_COMPRESS_NONE;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

slant_compression slant_compression_of_name(const char *path)
{
    if (has_suffix(path, ".gz"))
        return SLANT_COMPRESS_GZIP;
    if (has_suffix(path, ".zst"))
        return SLANT_COMPRESS_ZSTD;
    return SLANT_COMPRESS_NONE;
}

size_t slant_compression_base_len(const char *path)
{
    size_t n = strlen(path);
    if (has_suffix(path, ".gz"))
        return n - 3;
    if (has_suffix(path, ".zst"))
        return n - 4;
    return n;
}

const char *slant_compress_strerror(int e)
{
    if (e == SLANT_EBADDATA)
        return "not valid compressed data, or cut short";
    return strerror(e);
}

/* --- reading ------------------------------------------------------------------------------ */

/* `buf` comes last: a new reader zeroes the members before it, not the 64 KiB that are
 * written before they are read (a directory walk opens one reader per file). */
typedef struct {
    FILE *in;
    int owned;                  /* fclose `in` when closed */
    slant_compression kind;
    size_t pos, len;
    int eof;                    /* `in` has no more */
    z_stream z;
    int in_member;              /* inside a gzip member or zstd frame (its end not yet seen) */
    ZSTD_DCtx *zd;
    unsigned char buf[CHUNK];   /* input not yet decompressed: buf[pos, len) */
} zreader;

/* More input into buf when it is used up: 0, or -1 with errno on a read error. */
static int refill(zreader *r)
{
    if (r->pos < r->len || r->eof)
        return 0;
    r->pos = 0;
    r->len = fread(r->buf, 1, CHUNK, r->in);
    if (r->len == 0) {
        if (ferror(r->in))
            return -1;
        r->eof = 1;
    }
    return 0;
}

static ssize_t bad_data(void)
{
    errno = SLANT_EBADDATA;
    return -1;
}

static ssize_t read_gzip(zreader *r, char *out, size_t size)
{
    for (;;) {
        if (refill(r) != 0)
            return -1;
        if (!r->in_member) {
            if (r->pos == r->len)
                return 0; /* the end, after a complete member */
            if (inflateReset(&r->z) != Z_OK)
                return bad_data();
            r->in_member = 1; /* another member follows */
        }
        r->z.next_in = r->buf + r->pos;
        r->z.avail_in = (uInt)(r->len - r->pos);
        r->z.next_out = (unsigned char *)out;
        r->z.avail_out = (uInt)(size > UINT32_MAX ? UINT32_MAX : size);
        uInt avail_out = r->z.avail_out;
        int ret = inflate(&r->z, Z_NO_FLUSH);
        r->pos = r->len - r->z.avail_in;
        if (ret == Z_STREAM_END)
            r->in_member = 0;
        else if (ret != Z_OK && ret != Z_BUF_ERROR)
            return bad_data();
        size_t made = avail_out - r->z.avail_out;
        if (made)
            return (ssize_t)made;
        if (r->in_member && r->pos == r->len && r->eof)
            return bad_data(); /* cut short inside a member */
    }
}

static ssize_t read_zstd(zreader *r, char *out, size_t size)
{
    for (;;) {
        if (refill(r) != 0)
            return -1;
        ZSTD_inBuffer in = { r->buf, r->len, r->pos };
        ZSTD_outBuffer o = { out, size, 0 };
        size_t ret = ZSTD_decompressStream(r->zd, &o, &in);
        if (ZSTD_isError(ret))
            return bad_data();
        if (ret == 0)
            r->in_member = 0; /* a frame decoded and flushed to its end */
        else if (in.pos > r->pos)
            r->in_member = 1; /* (after an end, the hint is the next header's size) */
        r->pos = in.pos;
        if (o.pos)
            return (ssize_t)o.pos;
        if (r->pos == r->len && r->eof)
            return r->in_member ? bad_data() : 0; /* cut short inside a frame */
    }
}

static ssize_t zreader_read(void *cookie, char *out, size_t size)
{
    zreader *r = cookie;
    if (size == 0)
        return 0;
    switch (r->kind) {
    case SLANT_COMPRESS_GZIP:
        return read_gzip(r, out, size);
    case SLANT_COMPRESS_ZSTD:
        return read_zstd(r, out, size);
    case SLANT_COMPRESS_NONE:
        break;
    }
    if (r->pos < r->len) { /* the bytes looked at first */
        size_t n = r->len - r->pos < size ? r->len - r->pos : size;
        memcpy(out, r->buf + r->pos, n);
        r->pos += n;
        return (ssize_t)n;
    }
    size_t n = fread(out, 1, size, r->in);
    return n == 0 && ferror(r->in) ? -1 : (ssize_t)n;
}

static int zreader_close(void *cookie)
{
    zreader *r = cookie;
    int st = 0;
    if (r->kind == SLANT_COMPRESS_GZIP)
        inflateEnd(&r->z);
    ZSTD_freeDCtx(r->zd);
    if (r->owned && fclose(r->in) != 0)
        st = EOF;
    free(r);
    return st;
}

/* A reading stream over `in`, whose first `n` bytes `head` were read already. */
static FILE *zreader_new(FILE *in, int owned, const unsigned char *head, size_t n)
{
    zreader *r = xmalloc(sizeof *r);
    memset(r, 0, offsetof(zreader, buf));
    r->in = in;
    r->owned = owned;
    memcpy(r->buf, head, n);
    r->len = n;
    r->kind = slant_compression_of_bytes(head, n);
    r->in_member = 1;
    int ok = 1;
    if (r->kind == SLANT_COMPRESS_GZIP)
        ok = inflateInit2(&r->z, 16 + MAX_WBITS) == Z_OK; /* gzip only, as its magic said */
    else if (r->kind == SLANT_COMPRESS_ZSTD)
        ok = (r->zd = ZSTD_createDCtx()) != NULL;
    cookie_io_functions_t io = { zreader_read, NULL, NULL, zreader_close };
    FILE *f = ok ? fopencookie(r, "r", io) : NULL;
    if (!f) {
        if (r->kind == SLANT_COMPRESS_GZIP && ok)
            inflateEnd(&r->z);
        ZSTD_freeDCtx(r->zd);
        free(r);
        errno = ok ? errno : ENOMEM;
        return NULL;
    }
    return f;
}

/* Reads up to 4 bytes of `f`'s beginning into head. */
static size_t read_head(FILE *f, unsigned char head[4])
{
    size_t n = 0, got;
    while (n < 4 && (got = fread(head + n, 1, 4 - n, f)) > 0)
        n += got;
    return n;
}

FILE *slant_compress_open(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char head[4];
    size_t n = read_head(f, head);
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        errno = e;
        return NULL;
    }
    /* A plain file is read as it is, from its start again; a pipe cannot go back. */
    if (slant_compression_of_bytes(head, n) == SLANT_COMPRESS_NONE &&
        fseek(f, 0, SEEK_SET) == 0)
        return f;
    clearerr(f);
    FILE *z = zreader_new(f, 1, head, n);
    if (!z) {
        int e = errno;
        fclose(f);
        errno = e;
    }
    return z;
}

FILE *slant_compress_wrap_read(FILE *f)
{
    unsigned char head[4];
    size_t n = read_head(f, head);
    if (ferror(f))
        return NULL;
    return zreader_new(f, 0, head, n);
}

/* --- writing ------------------------------------------------------------------------------ */

typedef struct {
    FILE *out;
    slant_compression kind;
    z_stream z;
    ZSTD_CCtx *zc;
    unsigned char buf[CHUNK];
} zwriter;

static int put(zwriter *w, const void *data, size_t n)
{
    if (n && fwrite(data, 1, n, w->out) != n) {
        if (!errno)
            errno = EIO;
        return -1;
    }
    return 0;
}

/* Compresses `size` bytes (finishing the data if `finish`); 0, or -1 with errno. */
static int deflate_some(zwriter *w, const char *data, size_t size, int finish)
{
    if (w->kind == SLANT_COMPRESS_GZIP) {
        w->z.next_in = (unsigned char *)(uintptr_t)data;
        w->z.avail_in = (uInt)size;
        int ret;
        do {
            w->z.next_out = w->buf;
            w->z.avail_out = CHUNK;
            ret = deflate(&w->z, finish ? Z_FINISH : Z_NO_FLUSH);
            if (ret == Z_STREAM_ERROR) {
                errno = EIO;
                return -1;
            }
            if (put(w, w->buf, CHUNK - w->z.avail_out) != 0)
                return -1;
        } while (w->z.avail_out == 0 || (finish && ret != Z_STREAM_END));
        return 0;
    }
    ZSTD_inBuffer in = { data, size, 0 };
    for (;;) {
        ZSTD_outBuffer o = { w->buf, CHUNK, 0 };
        size_t left = ZSTD_compressStream2(w->zc, &o, &in, finish ? ZSTD_e_end : ZSTD_e_continue);
        if (ZSTD_isError(left)) {
            errno = EIO;
            return -1;
        }
        if (put(w, w->buf, o.pos) != 0)
            return -1;
        if (finish ? left == 0 : in.pos == in.size)
            return 0;
    }
}

static ssize_t zwriter_write(void *cookie, const char *data, size_t size)
{
    zwriter *w = cookie;
    size_t done = 0;
    while (done < size) { /* zlib counts in uInt */
        size_t n = size - done > (1u << 30) ? (1u << 30) : size - done;
        if (deflate_some(w, data + done, n, 0) != 0)
            return 0; /* fopencookie's "error" */
        done += n;
    }
    return (ssize_t)size;
}

static int zwriter_close(void *cookie)
{
    zwriter *w = cookie;
    int st = deflate_some(w, NULL, 0, 1), e = errno;
    if (w->kind == SLANT_COMPRESS_GZIP)
        deflateEnd(&w->z);
    ZSTD_freeCCtx(w->zc);
    if (fclose(w->out) != 0 && st == 0) {
        st = -1;
        e = errno;
    }
    free(w);
    if (st != 0) {
        errno = e;
        return EOF;
    }
    return 0;
}

FILE *slant_compress_wrap_write(FILE *f, slant_compression c)
{
    if (c == SLANT_COMPRESS_NONE)
        return f;
    zwriter *w = xmalloc(sizeof *w);
    memset(w, 0, offsetof(zwriter, buf)); /* (buf is last: written before it is read) */
    w->out = f;
    w->kind = c;
    int ok;
    if (c == SLANT_COMPRESS_GZIP) {
        /* 16 + MAX_WBITS: a gzip header, with no name and no time (deterministic) */
        ok = deflateInit2(&w->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                          Z_DEFAULT_STRATEGY) == Z_OK;
    } else {
        w->zc = ZSTD_createCCtx();
        ok = w->zc && !ZSTD_isError(ZSTD_CCtx_setParameter(w->zc, ZSTD_c_compressionLevel,
                                                            ZSTD_CLEVEL_DEFAULT));
    }
    cookie_io_functions_t io = { NULL, zwriter_write, NULL, zwriter_close };
    FILE *z = ok ? fopencookie(w, "w", io) : NULL;
    if (!z) {
        if (c == SLANT_COMPRESS_GZIP && ok)
            deflateEnd(&w->z);
        ZSTD_freeCCtx(w->zc);
        free(w);
        errno = ENOMEM;
        return NULL;
    }
    return z;
}
