/* The JSON readers' common ground (json.h): parsing with located errors, members. One
 * of the files that include cJSON (json.h lists them). */

#include "json.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#include "xalloc.h"

/* Line and column (1-based) of byte `at` in `text`. */
void slant_json_position(const char *text, const char *at, long *line, long *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

/* Describes where cJSON stopped: "unexpected 'x'" or "unexpected end of input". */
static void syntax_problem(const char *text, size_t len, const char *at, char *out, size_t size)
{
    if (!at || at >= text + len || !*at)
        snprintf(out, size, "unexpected end of input");
    else if ((unsigned char)*at < 0x20 || (unsigned char)*at >= 0x7f)
        snprintf(out, size, "unexpected byte 0x%02x", (unsigned char)*at);
    else
        snprintf(out, size, "unexpected '%c'", *at);
}

cJSON *slant_json_parse(const char *text, size_t len, const char **stop)
{
    *stop = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, stop, 0);
    if (root) {
        /* Only white space may follow the value. */
        const char *p = *stop;
        while (p < text + len && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (p < text + len) {
            cJSON_Delete(root);
            *stop = p;
            return NULL;
        }
    }
    return root;
}

/* Parses a whole JSON document; NULL with `err` set at the line and column of the problem. */
cJSON *slant_json_parse_document(const char *text, size_t len, const char *path, slant_error *err)
{
    const char *stop;
    cJSON *root = slant_json_parse(text, len, &stop);
    if (!root) {
        char what[64];
        long line, col;
        syntax_problem(text, len, stop, what, sizeof what);
        slant_json_position(text, stop ? stop : text + len, &line, &col);
        slant_error_set(err, SLANT_ERR_INPUT, path, line, col, "invalid JSON: %s", what);
    }
    return root;
}

/* Parses one JSON Lines record, line `line` of `path`; NULL with `err` set, naming the
 * column of the problem. */
cJSON *slant_json_parse_record(const char *json, size_t len, const char *path, long line,
                           slant_error *err)
{
    const char *stop;
    cJSON *root = slant_json_parse(json, len, &stop);
    if (!root) {
        char what[64];
        syntax_problem(json, len, stop, what, sizeof what);
        long col = stop ? (long)(stop - json) + 1 : (long)len + 1;
        slant_error_set(err, SLANT_ERR_INPUT, path, line, 0, "invalid JSON: %s at column %ld",
                        what, col);
    }
    return root;
}

char *slant_json_string_field(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) && v->valuestring ? xstrdup(v->valuestring) : NULL;
}

slant_status slant_json_error(slant_error *err, const char *path, const char *what)
{
    return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0, "%s", what);
}

/* The value of a metadata field as text: a string as it is, a number or boolean as JSON. */
char *slant_json_scalar_text(const cJSON *v)
{
    if (cJSON_IsString(v) && v->valuestring)
        return xstrdup(v->valuestring);
    if (cJSON_IsNumber(v) || cJSON_IsBool(v)) {
        char *s = cJSON_PrintUnformatted(v);
        char *copy = xstrdup(s ? s : "");
        cJSON_free(s);
        return copy;
    }
    return NULL;
}
