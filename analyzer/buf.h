#ifndef SLANT_BUF_H
#define SLANT_BUF_H

#include <stddef.h>
#include <string.h>

#include "error.h"

/*
 * A growable byte buffer with a maximum, in the manner of git's strbuf and curl's dynbuf.
 * `data` is always NUL-terminated after `len` bytes (once anything was added), so it can be
 * handed to functions that want a C string. Appending beyond `max` leaves the buffer as it
 * was, returns SLANT_ERR_LIMIT and marks the buffer `full` (until it is reset), so that a
 * writer of many appends can be checked once at the end.
 *
 * Lifecycle: slant_buf_init() before use, slant_buf_reset() to empty it and keep its
 * memory, slant_buf_release() to free the memory (the struct may be init'ed again).
 */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
    size_t max;
    int full;               /* an append was refused: the content is cut short */
} slant_buf;

/*
 * The maxima of the kinds of buffer that hold text made from the inputs. Every buffer is
 * created with one of these, or with a maximum of its own (named where it is defined:
 * SLANT_REPORT_MAX_BYTES, MAX_BATCH_OUTPUT, ...).
 *
 * SLANT_FIELD_MAX_BYTES: one piece of the input made safe or put in a name: a field, a
 * cell, a sentence escaped, a key built from names. Inputs are read in lines and articles
 * of at most 64 MiB, and making one valid UTF-8 and escaped at most triples it, so a piece
 * never reaches this.
 * SLANT_OUTPUT_MAX_BYTES: a whole output built in memory before it is written (a
 * comparison, a partial, a lexicon's files, a weights file, an explain view): the command
 * says so and writes nothing when it is exceeded.
 */
#define SLANT_FIELD_MAX_BYTES ((size_t)256 << 20)
#define SLANT_OUTPUT_MAX_BYTES ((size_t)1 << 30)

void slant_buf_init(slant_buf *b, size_t max);
void slant_buf_release(slant_buf *b);
void slant_buf_reset(slant_buf *b);

/* Whether an append was refused (the maximum was reached) since init or reset. */
static inline int slant_buf_full(const slant_buf *b)
{
    return b->full;
}

/* Appends with room to spare: the grow-and-check path of slant_buf_add(). */
slant_status slant_buf_add_grow(slant_buf *b, const void *data, size_t len);

/*
 * The appends. They are inline because a score record is written in thousands of small
 * pieces: when the bytes fit in the memory the buffer already has, an append is a copy.
 */
static inline slant_status slant_buf_add(slant_buf *b, const void *data, size_t len)
{
    if (len < b->cap - b->len && len <= b->max - b->len) {
        memcpy(b->data + b->len, data, len);
        b->len += len;
        b->data[b->len] = '\0';
        return SLANT_OK;
    }
    return slant_buf_add_grow(b, data, len);
}

static inline slant_status slant_buf_addc(slant_buf *b, char c)
{
    return slant_buf_add(b, &c, 1);
}

static inline slant_status slant_buf_adds(slant_buf *b, const char *s)
{
    return slant_buf_add(b, s, strlen(s));
}

/* Appends `s` as one CSV field (RFC 4180): as it is, or in double quotes with inner quotes
 * doubled when it holds a comma, a quote or a line break; nothing for NULL. */
void slant_buf_add_csv(slant_buf *b, const char *s);

/*
 * Room for `n` more bytes (and a NUL) to write into directly, followed by
 * slant_buf_commit() of how many were written; NULL if that would pass the maximum.
 */
char *slant_buf_space_grow(slant_buf *b, size_t n);

static inline char *slant_buf_space(slant_buf *b, size_t n)
{
    if (n < b->cap - b->len && n <= b->max - b->len)
        return b->data + b->len;
    return slant_buf_space_grow(b, n);
}

static inline void slant_buf_commit(slant_buf *b, size_t n)
{
    b->len += n;
    b->data[b->len] = '\0';
}
slant_status slant_buf_addf(slant_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends the decimal digits of `v`. */
slant_status slant_buf_addu(slant_buf *b, unsigned long long v);

/* Hands the bytes to the caller (who frees them) and leaves the buffer empty. */
char *slant_buf_detach(slant_buf *b, size_t *len);

#endif
