#ifndef SLANT_NUMTEXT_H
#define SLANT_NUMTEXT_H

#include <stddef.h>

/*
 * How slant writes a number that is not a count (jw.c's slant_jw_number and
 * slant_jw_number_exact), in one place, so that a reader that never sees the text
 * (compare's rows built from scored articles, score_read.h) gets the very value a reader
 * of the text gets:
 *   NaN and the infinities are written as null (read back: NaN);
 *   a whole number from 0 to below 1e15 as an integer (read back: itself);
 *   any other with SLANT_NUMBER_DIGITS significant digits ("%.10g"; read back: strtod).
 * Exact numbers (partials) take 17 digits, which read back as the same double.
 * Pure functions: any number of threads may call them.
 */

#define SLANT_NUMBER_DIGITS 10

/* Whether `v` is written as an integer (a whole number from 0 to below 1e15). */
int slant_number_is_whole(double v);

/*
 * Writes finite `v` with SLANT_NUMBER_DIGITS significant digits, or 17 with `exact`, into
 * `out` (NUL-terminated; `cap` of at least 32 always suffices) and returns its length, or
 * 0 when it did not fit.
 */
size_t slant_number_format(double v, int exact, char *out, size_t cap);

/* The value a reader gets back from `v` written as a number that is not exact (NaN for
 * null). */
double slant_number_as_written(double v);

#endif
