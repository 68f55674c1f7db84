#include "article.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void slant_article_init(slant_article *a)
{
    memset(a, 0, sizeof *a);
}

void slant_article_release(slant_article *a)
{
    free(a->id);
    free(a->source);
    free(a->date);
    free(a->title);
    free(a->url);
    free(a->event);
    free(a->lang);
    free(a->text);
    for (size_t i = 0; i < a->nfields; i++) {
        free(a->fields[i].name);
        free(a->fields[i].value);
    }
    free(a->fields);
    memset(a, 0, sizeof *a);
}

/* The offset of metadata key `key` in slant_article, or SIZE_MAX when it is not one. */
static size_t key_offset(const char *key, size_t n)
{
    static const struct {
        const char *name;
        size_t offset;
    } keys[] = {
        { "id", offsetof(slant_article, id) },
        { "source", offsetof(slant_article, source) },
        { "date", offsetof(slant_article, date) },
        { "title", offsetof(slant_article, title) },
        { "url", offsetof(slant_article, url) },
        { "event", offsetof(slant_article, event) },
        { "lang", offsetof(slant_article, lang) },
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strlen(keys[i].name) == n && memcmp(keys[i].name, key, n) == 0)
            return keys[i].offset;
    return SIZE_MAX;
}

static char **slot_of(slant_article *a, const char *key, size_t n)
{
    size_t at = key_offset(key, n);
    return at == SIZE_MAX ? NULL : (char **)(void *)((char *)a + at);
}

int slant_article_get(const slant_article *a, const char *key, const char **value)
{
    size_t at = key_offset(key, strlen(key));
    if (at == SIZE_MAX)
        return 0;
    char *const *slot = (char *const *)(const void *)((const char *)a + at);
    *value = *slot;
    return 1;
}

static int is_hspace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

int slant_article_set(slant_article *a, const char *key, size_t key_len, const char *value,
                      size_t len)
{
    char **slot = slot_of(a, key, key_len);
    if (!slot)
        return -1;
    while (len && is_hspace(*value)) {
        value++;
        len--;
    }
    while (len && is_hspace(value[len - 1]))
        len--;
    free(*slot);
    *slot = xmemdup(value, len);
    return 0;
}

/* Splits the line [p, end) as `key: value`; returns 1 if it is one with a known key. */
static int header_line(slant_article *a, const char *p, const char *end, int set)
{
    const char *colon = memchr(p, ':', (size_t)(end - p));
    if (!colon || colon == p)
        return 0;
    for (const char *k = p; k < colon; k++)
        if (!((*k >= 'a' && *k <= 'z') || *k == '_'))
            return 0;
    if (!slot_of(a, p, (size_t)(colon - p)))
        return 0;
    if (set)
        slant_article_set(a, p, (size_t)(colon - p), colon + 1, (size_t)(end - colon - 1));
    return 1;
}

/*
 * The end of the line that starts at `p`: its first LF, CR LF or lone CR (old Mac line
 * ends), or NULL if it has none. `*next` is set to the start of the next line.
 */
static const char *line_end(const char *p, const char *end, const char **next)
{
    for (const char *q = p; q < end; q++) {
        if (*q == '\n') {
            *next = q + 1;
            return q;
        }
        if (*q == '\r') {
            *next = q + 1 < end && q[1] == '\n' ? q + 2 : q + 1;
            return q;
        }
    }
    return NULL;
}

/* Walks the header block; with `set` 0 it only measures it. */
static size_t header_block(slant_article *a, const char *data, size_t len, int set)
{
    const char *p = data, *end = data + len;
    size_t lines = 0;
    while (p < end) {
        const char *next;
        const char *nl = line_end(p, end, &next);
        if (!nl)
            return 0; /* a header block ends with a blank line */
        const char *le = nl;
        while (le > p && is_hspace(le[-1]))
            le--;
        if (le == p)
            return lines ? (size_t)(next - data) : 0;
        if (!header_line(a, p, le, set))
            return 0;
        lines++;
        p = next;
    }
    return 0;
}

size_t slant_article_parse_header(slant_article *a, const char *data, size_t len)
{
    size_t n = header_block(a, data, len, 0);
    if (n)
        header_block(a, data, len, 1);
    return n;
}

/* Reads a sidecar: `key: value` lines, blank lines and `#` comments; unknown keys ignored. */
static void parse_sidecar(slant_article *a, const char *meta, size_t len)
{
    const char *p = meta, *end = meta + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        while (le > p && is_hspace(le[-1]))
            le--;
        if (le > p && *p != '#')
            header_line(a, p, le, 1);
        p = nl ? nl + 1 : end;
    }
}

slant_status slant_article_from_text(slant_article *a, char *data, size_t len,
                                     const char *meta, size_t meta_len, const char *path,
                                     const char *default_id, const char *default_source,
                                     slant_error *err)
{
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        size_t at = (size_t)(nul - data);
        free(data);
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "binary file (a NUL byte at offset %zu): not an article", at);
    }
    if (meta)
        parse_sidecar(a, meta, meta_len);
    size_t start = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    size_t header = slant_article_parse_header(a, data + start, len - start);
    a->text = data;
    a->text_len = len;
    a->text_offset = 0;
    if (header) {
        /* Keep the original bytes; score only what follows the header. */
        a->text_offset = start + header;
    }
    if (!a->id && default_id)
        a->id = xstrdup(default_id);
    if (!a->source && default_source)
        a->source = xstrdup(default_source);
    return SLANT_OK;
}
