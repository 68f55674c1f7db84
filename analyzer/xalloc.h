#ifndef SLANT_XALLOC_H
#define SLANT_XALLOC_H

#include <stddef.h>

/*
 * Allocation that never returns NULL. Out of memory is not a recoverable state for a
 * batch analyzer: these print one message on stderr and abort, in this one place, so no
 * caller carries an untested recovery path. Everything they return is owned by the
 * caller and released with free().
 */

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);

/* Grows an array to hold at least `need` elements of `elem` bytes, doubling. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem);

/* A NUL-terminated copy of `len` bytes of `s` (which need not be terminated). */
char *xmemdup(const char *s, size_t len);
char *xstrdup(const char *s);

/* A copy of `s`, or NULL when `s` is NULL. */
char *xstrdup_or_null(const char *s);

/* A formatted string (printf's `fmt`); caller frees. */
char *xstrf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
