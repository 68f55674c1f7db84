/* Byte-level checks of a JSON Lines record before parsing (see jsonline.h). */

#include "jsonline.h"

#include <string.h>

static int hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Shows up to 6 bytes of a bad escape as printable text, for the message. */
static void shown(const char *p, size_t n, char out[16])
{
    size_t k = 0;
    for (size_t i = 0; i < n && i < 6; i++) {
        unsigned char c = (unsigned char)p[i];
        out[k++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
    }
    out[k] = '\0';
}

slant_status slant_jsonline_check(char *line, size_t len, const char *path, long lineno,
                                  size_t *replaced, slant_error *err)
{
    *replaced = 0;
    /* Scans by the C library's memchr (many bytes an instruction: the text of an article
     * is most of a record): the first NUL, then each backslash before it, and the quotes
     * between two backslashes, which open and close strings (none of them is escaped: the
     * escapes are taken in order, and each skips the byte it escapes). */
    const char *nul = memchr(line, '\0', len);
    size_t end = nul ? (size_t)(nul - line) : len, pos = 0;
    int in_string = 0;
    for (;;) {
        const char *b = memchr(line + pos, '\\', end - pos);
        const char *stop = b ? b : line + end;
        for (const char *q = line + pos; (q = memchr(q, '"', (size_t)(stop - q))) != NULL; q++)
            in_string = !in_string;
        if (!b)
            break;
        size_t i = (size_t)(b - line);
        pos = i + 1;
        if (!in_string)
            continue; /* not an escape: JSON has no backslash there, and cJSON says so */
        char e = i + 1 < len ? line[i + 1] : '\0';
        if (e == 'u') {
            if (i + 6 > len || !hex(line[i + 2]) || !hex(line[i + 3]) || !hex(line[i + 4]) ||
                !hex(line[i + 5])) {
                char what[16];
                shown(line + i, len - i, what);
                return slant_error_set(err, SLANT_ERR_INPUT, path, lineno, (long)i + 1,
                                       "invalid JSON: invalid escape '%s' in a string "
                                       "(\\u needs four hex digits)",
                                       what);
            }
            if (memcmp(line + i + 2, "0000", 4) == 0) {
                memcpy(line + i + 2, "FFFD", 4);
                (*replaced)++;
            }
            pos = i + 6;
        } else if (e && strchr("\"\\/bfnrt", e)) {
            pos = i + 2;
        } else {
            char what[16];
            shown(line + i, len - i, what);
            return slant_error_set(err, SLANT_ERR_INPUT, path, lineno, (long)i + 1,
                                   "invalid JSON: invalid escape '%s' in a string", what);
        }
    }
    if (nul)
        return slant_error_set(err, SLANT_ERR_INPUT, path, lineno, (long)end + 1,
                               "invalid JSON: a NUL byte (binary data?)");
    return SLANT_OK;
}

/* --- a top-level member's raw number --------------------------------------------------- */

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

/* Past the string that opens at s[i] (a '"'); len when it never closes. A quote closes
 * it when an even number of backslashes stands before it (memchr: strings are long). */
static size_t skip_string(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    while (j < len) {
        const char *q = memchr(s + j, '"', len - j);
        if (!q)
            return len;
        size_t k = (size_t)(q - s), bs = 0;
        while (k - bs > i + 1 && s[k - 1 - bs] == '\\')
            bs++;
        if (bs % 2 == 0)
            return k + 1;
        j = k + 1;
    }
    return len;
}

/* Past the value that starts at s[i]: a string, an object or array (nested), or a bare
 * word or number. */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '"')
        return skip_string(s, len, i);
    if (i < len && (s[i] == '{' || s[i] == '[')) {
        size_t depth = 0;
        while (i < len) {
            char c = s[i];
            if (c == '"') {
                i = skip_string(s, len, i);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            i++;
        }
        return len;
    }
    while (i < len && !strchr(",}] \t\r\n", s[i]))
        i++;
    return i;
}

int slant_jsonline_number(const char *line, size_t len, const char *name, const char **num,
                          size_t *n)
{
    const char *v;
    size_t vn;
    if (!slant_jsonline_member(line, len, name, &v, &vn) || !vn ||
        !(v[0] == '-' || (v[0] >= '0' && v[0] <= '9')))
        return 0;
    *num = v;
    *n = vn;
    return 1;
}

int slant_jsonline_member(const char *line, size_t len, const char *name, const char **value,
                          size_t *n)
{
    size_t nlen = strlen(name);
    size_t i = skip_space(line, len, 0);
    if (i + 3 <= len && memcmp(line + i, "\xEF\xBB\xBF", 3) == 0)
        i = skip_space(line, len, i + 3);
    if (i >= len || line[i] != '{')
        return 0;
    i = skip_space(line, len, i + 1);
    while (i < len && line[i] == '"') {
        size_t key = i + 1, end = skip_string(line, len, i);
        int match = end - key - 1 == nlen && memcmp(line + key, name, nlen) == 0;
        i = skip_space(line, len, end);
        if (i >= len || line[i] != ':')
            return 0;
        i = skip_space(line, len, i + 1);
        size_t v = i;
        i = skip_value(line, len, i);
        if (match) {
            *value = line + v;
            *n = i - v;
            return 1;
        }
        i = skip_space(line, len, i);
        if (i >= len || line[i] != ',')
            return 0;
        i = skip_space(line, len, i + 1);
    }
    return 0;
}

/* --- \u escapes ------------------------------------------------------------------------- */

int slant_jsonline_hex4(const char *s, unsigned *v)
{
    unsigned x = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return 0;
        x = x * 16 + d;
    }
    *v = x;
    return 1;
}

size_t slant_jsonline_put_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
