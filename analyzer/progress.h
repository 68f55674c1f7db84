#ifndef SLANT_PROGRESS_H
#define SLANT_PROGRESS_H

#include <stddef.h>

/*
 * How the library says how far a long phase has got, without printing anything: a
 * callback the caller may set, called with the phase's name ("statistics", "bootstrap",
 * "evidence"), the units done and their total (0: not known). A phase's first call has
 * done == 0 and its last done == total (when the total is known). A library function
 * calls it one call at a time, from whichever of its threads finished a unit, so the
 * callback needs no lock of its own; it must be cheap (the CLI's looks at the clock and
 * returns unless a quarter of a second has passed). A zeroed slant_progress reports
 * nothing.
 */
typedef struct {
    void (*fn)(const char *phase, size_t done, size_t total, void *ctx);
    void *ctx;
} slant_progress;

static inline void slant_progress_report(const slant_progress *p, const char *phase,
                                         size_t done, size_t total)
{
    if (p && p->fn)
        p->fn(phase, done, total, p->ctx);
}

#endif
