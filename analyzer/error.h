#ifndef SLANT_ERROR_H
#define SLANT_ERROR_H

#include <stddef.h>

/*
 * Errors as values. The library never prints and never exits: a function that can fail
 * on bad input returns a slant_status and fills a caller's slant_error with the place
 * (file, line, column; 0 where unknown) and a message that says the problem first and
 * quotes the subject: "invalid weight 'x2'".
 */

typedef enum {
    SLANT_OK = 0,
    SLANT_END,          /* a reader has nothing more: not an error */
    SLANT_ERR_INPUT,    /* bad input: the item is skipped, the run goes on */
    SLANT_ERR_IO,       /* a file could not be opened, read or written */
    SLANT_ERR_LIMIT,    /* a documented maximum was exceeded */
    SLANT_ERR_USAGE     /* the caller asked for something that does not exist */
} slant_status;

typedef struct {
    char file[512];
    long line;          /* 1-based; 0 when the error has no line */
    long col;           /* 1-based; 0 when the error has no column */
    char message[512];
} slant_error;

/* Clears an error to "no error". */
void slant_error_clear(slant_error *err);

/*
 * Fills `err` (if not NULL) with a place and a printf-style message and returns
 * `status`, so a failing function can end with `return slant_error_set(...)`.
 * `file` may be NULL.
 */
slant_status slant_error_set(slant_error *err, slant_status status, const char *file,
                             long line, long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Writes "FILE:LINE:COL: message" (parts that are unknown are left out) into `out`. */
void slant_error_format(const slant_error *err, char *out, size_t size);

#endif
