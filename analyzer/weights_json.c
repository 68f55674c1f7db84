/* A weights file (docs/schema/weights.md) as read from JSON (weights_json.h). One of the
 * files that include cJSON (json.h lists them). */

#include "weights_json.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "xalloc.h"

void slant_weights_file_release(slant_weights_file *f)
{
    free(f->lexicon_id);
    free(f->lexicon_version);
    free(f->lexicon_hash);
    free(f->unit);
    free(f->feature);
    for (size_t i = 0; i < f->nitems; i++)
        free(f->items[i].name);
    free(f->items);
    memset(f, 0, sizeof *f);
}

/* Where the key `"name"` first stands in `text` at or after `from`, or NULL. */
static const char *find_key(const char *text, size_t len, const char *from, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = from; p && p + n + 2 <= text + len; p++)
        if (p[0] == '"' && memcmp(p + 1, name, n) == 0 && p[n + 1] == '"')
            return p;
    return NULL;
}

static char *member_string(const cJSON *obj, const char *name)
{
    return cJSON_IsObject(obj) ? slant_json_string_field(obj, name) : NULL;
}

slant_status slant_json_parse_weights(const char *text, size_t len, const char *path,
                                      slant_weights_file *f, slant_error *err)
{
    memset(f, 0, sizeof *f);
    cJSON *root = slant_json_parse_document(text, len, path, err);
    if (!root)
        return SLANT_ERR_INPUT;
    slant_status st = SLANT_OK;
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(root, "kind");
    const cJSON *weights = cJSON_GetObjectItemCaseSensitive(root, "weights");
    const cJSON *intercept = cJSON_GetObjectItemCaseSensitive(root, "intercept");
    if (!cJSON_IsObject(root)) {
        st = slant_json_error(err, path, "a weights file is a JSON object");
    } else if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "slant-weights") != 0) {
        st = slant_json_error(err, path, "not a weights file (\"kind\" is not \"slant-weights\")");
    } else if (!cJSON_IsNumber(schema) || schema->valuedouble != 1) {
        st = slant_json_error(err, path, "unknown weights schema (this slant reads \"schema\": 1)");
    } else if (!cJSON_IsObject(weights)) {
        st = slant_json_error(err, path, "the weights file lacks an object 'weights'");
    } else if (intercept && !cJSON_IsNull(intercept) &&
               (!cJSON_IsNumber(intercept) || !isfinite(intercept->valuedouble))) {
        st = slant_json_error(err, path, "'intercept' is not a finite number");
    }
    if (st != SLANT_OK)
        goto done;
    const cJSON *lexicon = cJSON_GetObjectItemCaseSensitive(root, "lexicon");
    f->lexicon_id = member_string(lexicon, "id");
    f->lexicon_version = member_string(lexicon, "version");
    f->lexicon_hash = member_string(lexicon, "hash");
    f->unit = slant_json_string_field(root, "unit");
    f->feature = slant_json_string_field(root, "feature");
    f->intercept = cJSON_IsNumber(intercept) ? intercept->valuedouble : 0;
    size_t n = (size_t)cJSON_GetArraySize(weights);
    f->items = xcalloc(n ? n : 1, sizeof *f->items);
    /* Where each name stands, for messages: its first place after the key "weights". */
    const char *at = find_key(text, len, text, "weights");
    const cJSON *x;
    cJSON_ArrayForEach(x, weights)
    {
        slant_weights_item *it = &f->items[f->nitems++];
        it->name = xstrdup(x->string);
        const char *key = find_key(text, len, at, x->string);
        if (key)
            slant_json_position(text, key, &it->line, &it->col);
        if (!cJSON_IsNumber(x) || !isfinite(x->valuedouble)) {
            st = slant_error_set(err, SLANT_ERR_INPUT, path, it->line, it->col,
                                 "the weight of '%s' is not a finite number", x->string);
            goto done;
        }
        it->weight = x->valuedouble;
    }
done:
    cJSON_Delete(root);
    if (st != SLANT_OK)
        slant_weights_file_release(f);
    return st;
}
