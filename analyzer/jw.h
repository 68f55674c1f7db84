#ifndef SLANT_JW_H
#define SLANT_JW_H

#include <stddef.h>
#include <string.h>

#include "buf.h"

/*
 * The JSON writer (below). Ownership: the writer borrows `out`, which must outlive it;
 * slant_jw_release frees the writer's own scratch, never `out`.
 *
 * cJSON: jw.c includes it only to escape strings (cJSON_PrintPreallocated, into the
 * output's own memory); it parses nothing. The writer only allocates and prints, and may
 * run in every worker at once.
 */

/*
 * A streaming JSON writer into a slant_buf, for every JSON slant writes. Keys must be
 * plain identifiers (they are not escaped); string values are made valid UTF-8 and
 * escaped by cJSON; a NaN or infinite number is written as null (each output's schema
 * says what null means there). Calls: open '{' or '[', then members (key + value) or
 * elements (element + value), then close.
 *
 * A score record has a hundred or more fractional numbers, and printf's exact conversion
 * is the most expensive thing in writing it; the same values recur within a record (the
 * rates of equal counts over the same words). So the writer remembers the text of the
 * last SLANT_JW_MEMO numbers it formatted, by their bits, and copies it when one recurs.
 */
#define SLANT_JW_MEMO_BITS 6
#define SLANT_JW_MEMO (1 << SLANT_JW_MEMO_BITS)

typedef struct {
    slant_buf *out;
    slant_buf scratch;
    int first;              /* nothing written yet in the open object or array */
    struct {
        double value;
        unsigned char len;  /* 0: empty */
        char text[23];
    } memo[SLANT_JW_MEMO];
} slant_jw;

void slant_jw_init(slant_jw *w, slant_buf *out);
void slant_jw_release(slant_jw *w);
void slant_jw_open(slant_jw *w, char brace);
void slant_jw_close(slant_jw *w, char brace);
void slant_jw_element(slant_jw *w);
void slant_jw_key_len(slant_jw *w, const char *name, size_t len);

/* Inline, so that the length of a literal name is known when compiling. */
static inline void slant_jw_key(slant_jw *w, const char *name)
{
    slant_jw_key_len(w, name, strlen(name));
}
void slant_jw_string(slant_jw *w, const char *s, size_t len);   /* NULL: null */
void slant_jw_count(slant_jw *w, size_t v);
void slant_jw_number(slant_jw *w, double v);                     /* 10 significant digits */
void slant_jw_bool(slant_jw *w, int v);
void slant_jw_raw(slant_jw *w, const char *json);                /* JSON text as it is */
void slant_jw_member_string(slant_jw *w, const char *name, const char *s, size_t len);
void slant_jw_member_cstring(slant_jw *w, const char *name, const char *s);
static inline void slant_jw_member_count(slant_jw *w, const char *name, size_t v)
{
    slant_jw_key(w, name);
    slant_jw_count(w, v);
}

static inline void slant_jw_member_number(slant_jw *w, const char *name, double v)
{
    slant_jw_key(w, name);
    slant_jw_number(w, v);
}
void slant_jw_member_bool(slant_jw *w, const char *name, int v);

/* A number with 17 significant digits: reads back as the same double (for partials). */
void slant_jw_number_exact(slant_jw *w, double v);

#endif
