/* One JSON Lines record read into an article (article_json.h). One of the files that
 * include cJSON (json.h lists them). */

#include "article_json.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "xalloc.h"

slant_status slant_json_parse_article(const char *json, size_t len,
                                      const slant_jsonl_fields *fields, const char *path,
                                      long line, slant_article *a, slant_error *err)
{
    cJSON *root = slant_json_parse_record(json, len, path, line, err);
    if (!root)
        return SLANT_ERR_INPUT;
    slant_status st = SLANT_OK;
    if (!cJSON_IsObject(root)) {
        st = slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                             "the record is not a JSON object");
        goto done;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, fields->text_field);
    if (!text) {
        st = slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                             "the record has no field '%s' (choose it with --text-field)",
                             fields->text_field);
        goto done;
    }
    if (!cJSON_IsString(text) || !text->valuestring) {
        st = slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                             "the field '%s' is not a string", fields->text_field);
        goto done;
    }
    /* Take the decoded string from cJSON rather than copy it: the text is nearly all of
     * a record. cJSON allocated it with malloc (slant installs no cJSON hooks), so the
     * article frees it with free(); the item no longer owns it. */
    cJSON *owned = cJSON_GetObjectItemCaseSensitive(root, fields->text_field);
    a->text = owned->valuestring;
    owned->valuestring = NULL;
    a->text_len = strlen(a->text);
    a->text_offset = 0;
    a->id = slant_json_scalar_text(cJSON_GetObjectItemCaseSensitive(root, fields->id_field));
    static const char *const meta[] = { "source", "date", "title", "url", "event", "lang" };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++) {
        char *v = slant_json_scalar_text(cJSON_GetObjectItemCaseSensitive(root, meta[k]));
        if (v) {
            slant_article_set(a, meta[k], strlen(meta[k]), v, strlen(v));
            free(v);
        }
    }
    if (fields->nkeep) {
        a->fields = xcalloc(fields->nkeep, sizeof *a->fields);
        for (size_t k = 0; k < fields->nkeep; k++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, fields->keep[k]);
            slant_field *f = &a->fields[a->nfields++];
            f->name = xstrdup(fields->keep[k]);
            if (!v || cJSON_IsNull(v)) {
                f->value = NULL;
            } else if (cJSON_IsString(v)) {
                f->value = xstrdup(v->valuestring);
                f->is_string = 1;
            } else {
                char *s = cJSON_PrintUnformatted(v);
                f->value = xstrdup(s ? s : "null");
                cJSON_free(s);
            }
        }
    }
done:
    cJSON_Delete(root);
    return st;
}
