/* The streaming JSON writer (jw.h). It includes cJSON only to escape strings (json.h
 * lists the files that include cJSON). */

#include "jw.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "numtext.h"

/*
 * Records are written straight into the output buffer, in a fixed member order. Keys are
 * literals or identifiers (category ids are checked to be [a-z0-9_] when a lexicon
 * loads), numbers are formatted here, and every string value is escaped by cJSON's
 * printer. Building a cJSON tree per record and printing it took a third of slant's run
 * time: two allocations and a print per number, two hundred numbers per article.
 */

void slant_jw_init(slant_jw *w, slant_buf *out)
{
    w->out = out;
    slant_buf_init(&w->scratch, SLANT_FIELD_MAX_BYTES);
    w->first = 1;
    for (size_t i = 0; i < SLANT_JW_MEMO; i++)
        w->memo[i].len = 0;
}

void slant_jw_release(slant_jw *w)
{
    slant_buf_release(&w->scratch);
}

void slant_jw_open(slant_jw *w, char brace)
{
    slant_buf_addc(w->out, brace);
    w->first = 1;
}

void slant_jw_close(slant_jw *w, char brace)
{
    slant_buf_addc(w->out, brace);
    w->first = 0;
}

void slant_jw_element(slant_jw *w)
{
    if (!w->first)
        slant_buf_addc(w->out, ',');
    w->first = 0;
}

void slant_jw_key_len(slant_jw *w, const char *name, size_t n)
{
    char *at = slant_buf_space(w->out, n + 4);
    if (!at)
        abort(); /* past the output's maximum of 2 GiB */
    char *p = at;
    if (!w->first)
        *p++ = ',';
    w->first = 0;
    *p++ = '"';
    memcpy(p, name, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    slant_buf_commit(w->out, (size_t)(p - at));
}

/* Whether `s` can be written between quotes as it is: printable ASCII, no quote or
 * backslash. Most strings of a record are (ids, dates, category names). */
static int plain_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            return 0;
    }
    return 1;
}

void slant_jw_string(slant_jw *w, const char *s, size_t len)
{
    if (!s) {
        slant_buf_add(w->out, "null", 4);
        return;
    }
    if (plain_ascii(s, len)) {
        slant_buf_addc(w->out, '"');
        slant_buf_add(w->out, s, len);
        slant_buf_addc(w->out, '"');
        return;
    }
    /* Everything else is escaped by cJSON, after invalid UTF-8 became U+FFFD. A string
     * item that only references the bytes, printed into the output's own memory: no
     * allocation. Escaping makes at most six bytes of one; cJSON asks for five spare. */
    slant_buf_reset(&w->scratch);
    slant_utf8_sanitize(s, len, &w->scratch);
    static char empty[1];
    cJSON item;
    memset(&item, 0, sizeof item);
    item.type = cJSON_String | cJSON_IsReference;
    item.valuestring = w->scratch.data ? w->scratch.data : empty;
    size_t room = 6 * w->scratch.len + 8;
    char *at = room <= INT_MAX ? slant_buf_space(w->out, room) : NULL;
    if (!at || !cJSON_PrintPreallocated(&item, at, (int)room, 0))
        abort(); /* past the output's maximum of 2 GiB, or cJSON's estimate was wrong */
    slant_buf_commit(w->out, strlen(at));
}

void slant_jw_count(slant_jw *w, size_t v)
{
    slant_buf_addu(w->out, v);
}

/* Appends `v` with 17 significant digits (exact) or 10. */
static void add_double(slant_buf *out, int exact, double v)
{
    enum { ROOM = 32 }; /* "%.17g" of a double takes at most 24 bytes */
    char *at = slant_buf_space(out, ROOM);
    if (!at)
        abort(); /* past the output's maximum of 2 GiB */
    slant_buf_commit(out, slant_number_format(v, exact, at, ROOM));
}

void slant_jw_number(slant_jw *w, double v)
{
    if (isnan(v) || isinf(v)) {
        slant_buf_add(w->out, "null", 4);
        return;
    }
    if (slant_number_is_whole(v)) {
        slant_buf_addu(w->out, (unsigned long long)v);
        return;
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    size_t slot = (size_t)((bits * UINT64_C(0x9e3779b97f4a7c15)) >> (64 - SLANT_JW_MEMO_BITS));
    if (w->memo[slot].len && memcmp(&w->memo[slot].value, &v, sizeof v) == 0) {
        slant_buf_add(w->out, w->memo[slot].text, w->memo[slot].len);
        return;
    }
    size_t before = w->out->len;
    add_double(w->out, 0, v);
    size_t n = w->out->len - before;
    if (n && n < sizeof w->memo[slot].text) {
        w->memo[slot].value = v;
        w->memo[slot].len = (unsigned char)n;
        memcpy(w->memo[slot].text, w->out->data + before, n);
    }
}

void slant_jw_number_exact(slant_jw *w, double v)
{
    if (isnan(v) || isinf(v))
        slant_buf_add(w->out, "null", 4);
    else
        add_double(w->out, 1, v);
}

void slant_jw_bool(slant_jw *w, int v)
{
    slant_buf_adds(w->out, v ? "true" : "false");
}

void slant_jw_raw(slant_jw *w, const char *json)
{
    slant_buf_adds(w->out, json);
}

/* Members: a key and a value. */

void slant_jw_member_string(slant_jw *w, const char *name, const char *s, size_t len)
{
    slant_jw_key(w, name);
    slant_jw_string(w, s, len);
}

void slant_jw_member_cstring(slant_jw *w, const char *name, const char *s)
{
    slant_jw_key(w, name);
    slant_jw_string(w, s, s ? strlen(s) : 0);
}

void slant_jw_member_bool(slant_jw *w, const char *name, int v)
{
    slant_jw_key(w, name);
    slant_jw_bool(w, v);
}
