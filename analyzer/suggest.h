#ifndef SLANT_SUGGEST_H
#define SLANT_SUGGEST_H

#include <stddef.h>

/*
 * Suggestions for a misspelled name ("did you mean"): how far two names are apart. No
 * I/O; the caller says what to suggest.
 */

/* The Levenshtein distance of the NUL-terminated names `a` and `b`, counted in bytes:
 * the fewest insertions, deletions and substitutions of one byte that make `a` into `b`. */
size_t slant_edit_distance(const char *a, const char *b);

#endif
