#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void slant_buf_init(slant_buf *b, size_t max)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->max = max;
    b->full = 0;
}

void slant_buf_release(slant_buf *b)
{
    free(b->data);
    slant_buf_init(b, b->max);
}

void slant_buf_reset(slant_buf *b)
{
    b->len = 0;
    b->full = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* Makes room for `extra` more bytes plus the terminating NUL. */
static slant_status reserve(slant_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra) {
        b->full = 1;
        return SLANT_ERR_LIMIT;
    }
    b->data = xgrow(b->data, &b->cap, b->len + extra + 1, 1);
    return SLANT_OK;
}

slant_status slant_buf_add_grow(slant_buf *b, const void *data, size_t len)
{
    if (reserve(b, len) != SLANT_OK)
        return SLANT_ERR_LIMIT;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return SLANT_OK;
}

char *slant_buf_space_grow(slant_buf *b, size_t n)
{
    if (reserve(b, n) != SLANT_OK)
        return NULL;
    return b->data + b->len;
}

slant_status slant_buf_addf(slant_buf *b, const char *fmt, ...)
{
    /* Most texts are short: format once into the stack, and twice only when longer. */
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return SLANT_ERR_LIMIT;
    if ((size_t)n < sizeof small)
        return slant_buf_add(b, small, (size_t)n);
    if (reserve(b, (size_t)n) != SLANT_OK)
        return SLANT_ERR_LIMIT;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return SLANT_OK;
}

slant_status slant_buf_addu(slant_buf *b, unsigned long long v)
{
    char digits[24];
    size_t i = sizeof digits;
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return slant_buf_add(b, digits + i, sizeof digits - i);
}

char *slant_buf_detach(slant_buf *b, size_t *len)
{
    if (!b->data)
        b->data = xcalloc(1, 1);
    char *p = b->data;
    if (len)
        *len = b->len;
    slant_buf_init(b, b->max);
    return p;
}

void slant_buf_add_csv(slant_buf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        slant_buf_adds(b, s);
        return;
    }
    slant_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            slant_buf_addc(b, '"');
        slant_buf_addc(b, *s);
    }
    slant_buf_addc(b, '"');
}
