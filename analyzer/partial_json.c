/* The data of a partial comparison written and read as JSON (partial_json.h). One of
 * the files that include cJSON (json.h lists them). */

#include "partial_json.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "jw.h"
#include "xalloc.h"

/* A member holding an array of numbers that read back exactly. */
static void exact_array(slant_jw *w, const char *name, const double *v, size_t n)
{
    slant_jw_key(w, name);
    slant_jw_open(w, '[');
    for (size_t i = 0; i < n; i++) {
        slant_jw_element(w);
        slant_jw_number_exact(w, v[i]);
    }
    slant_jw_close(w, ']');
}

void slant_json_write_partial(const slant_dataset *ds, const char *by, const char *event,
                              const char *strata, slant_buf *out)
{
    slant_jw w;
    slant_jw_init(&w, out);
    slant_jw_open(&w, '{');
    slant_jw_member_count(&w, "schema", 1);
    slant_jw_member_cstring(&w, "kind", "slant-partial");
    slant_jw_member_cstring(&w, "by", by);
    slant_jw_member_cstring(&w, "event", event);
    if (strata)
        slant_jw_member_cstring(&w, "strata", strata);
    size_t nind = slant_dataset_nindicators(ds), nent = slant_dataset_nentries(ds);
    slant_jw_key(&w, "indicators");
    slant_jw_open(&w, '[');
    for (size_t i = 0; i < nind; i++) {
        slant_jw_element(&w);
        const char *name = slant_dataset_indicator_name(ds, i);
        slant_jw_string(&w, name, strlen(name));
    }
    slant_jw_close(&w, ']');
    slant_jw_key(&w, "entries");
    slant_jw_open(&w, '[');
    for (size_t e = 0; e < nent; e++) {
        slant_jw_element(&w);
        const char *name = slant_dataset_entry_name(ds, e);
        slant_jw_string(&w, name, strlen(name));
    }
    slant_jw_close(&w, ']');
    slant_jw_key(&w, "groups");
    slant_jw_open(&w, '[');
    for (size_t g = 0; g < slant_dataset_ngroups(ds); g++) {
        const slant_group *x = slant_dataset_group_at(ds, g);
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "name", x->name);
        exact_array(&w, "entry_counts", x->entry_counts, nent);
        exact_array(&w, "entry_articles", x->entry_articles, nent);
        slant_jw_close(&w, '}');
    }
    slant_jw_close(&w, ']');
    slant_jw_key(&w, "rows");
    slant_jw_open(&w, '[');
    for (size_t r = 0; r < slant_dataset_nrows(ds); r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "id", row->id);
        slant_jw_member_cstring(&w, "group", slant_dataset_group_at(ds, row->group)->name);
        slant_jw_member_cstring(&w, "event", row->event == UINT32_MAX
                                                 ? NULL
                                                 : slant_dataset_event_name(ds, row->event));
        if (strata)
            slant_jw_member_cstring(&w, "stratum",
                                    row->stratum == UINT32_MAX
                                        ? NULL
                                        : slant_dataset_stratum_name(ds, row->stratum));
        slant_jw_key(&w, "tokens");
        slant_jw_number_exact(&w, row->tokens);
        if (row->day != INT32_MIN) {
            slant_jw_key(&w, "day");
            slant_jw_number_exact(&w, row->day);
        }
        exact_array(&w, "values", row->values, nind);
        slant_jw_close(&w, '}');
    }
    slant_jw_close(&w, ']');
    if (slant_dataset_bad_dates(ds))
        slant_jw_member_count(&w, "bad_dates", slant_dataset_bad_dates(ds));
    slant_jw_close(&w, '}');
    slant_buf_addc(out, '\n');
    slant_jw_release(&w);
}

int slant_json_is_partial(const char *text, size_t len)
{
    const char *stop;
    cJSON *root = slant_json_parse(text, len, &stop);
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(root, "kind");
    int yes = cJSON_IsString(kind) && strcmp(kind->valuestring, "slant-partial") == 0;
    cJSON_Delete(root);
    return yes;
}

/* The strings of a JSON array, borrowed from `arr`; NULL where an item is not a string. */
static const char **strings_of(const cJSON *arr, size_t *n)
{
    *n = (size_t)cJSON_GetArraySize(arr);
    const char **v = xcalloc(*n ? *n : 1, sizeof *v);
    size_t k = 0;
    const cJSON *x;
    cJSON_ArrayForEach(x, arr)
    {
        v[k++] = cJSON_IsString(x) ? x->valuestring : NULL;
    }
    return v;
}

static double number_or_nan(const cJSON *x)
{
    return cJSON_IsNumber(x) ? x->valuedouble : NAN;
}

slant_status slant_json_read_partial(const char *text, size_t len, const char *path,
                                     slant_dataset *ds, char **by, char **event,
                                     char **strata, slant_error *err)
{
    const char *stop;
    cJSON *root = slant_json_parse(text, len, &stop);
    *by = *event = *strata = NULL;
    const cJSON *inds = cJSON_GetObjectItemCaseSensitive(root, "indicators");
    const cJSON *ents = cJSON_GetObjectItemCaseSensitive(root, "entries");
    const cJSON *groups = cJSON_GetObjectItemCaseSensitive(root, "groups");
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(root, "rows");
    if (!cJSON_IsArray(inds) || !cJSON_IsArray(ents) || !cJSON_IsArray(groups) ||
        !cJSON_IsArray(rows)) {
        cJSON_Delete(root);
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "not a slant partial (indicators, entries, groups and rows "
                               "are needed)");
    }
    *by = slant_json_scalar_text(cJSON_GetObjectItemCaseSensitive(root, "by"));
    *event = slant_json_scalar_text(cJSON_GetObjectItemCaseSensitive(root, "event"));
    *strata = slant_json_scalar_text(cJSON_GetObjectItemCaseSensitive(root, "strata"));
    size_t nind, nent;
    const char **ind_names = strings_of(inds, &nind);
    const char **ent_names = strings_of(ents, &nent);
    double *values = xcalloc(nind ? nind : 1, sizeof *values);
    slant_status st = SLANT_OK;
    const cJSON *r;
    cJSON_ArrayForEach(r, rows)
    {
        const cJSON *group = cJSON_GetObjectItemCaseSensitive(r, "group");
        const cJSON *vals = cJSON_GetObjectItemCaseSensitive(r, "values");
        if (!cJSON_IsString(group) || !cJSON_IsArray(vals) ||
            (size_t)cJSON_GetArraySize(vals) != nind) {
            st = slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                 "a row of the partial lacks its group or its %zu values", nind);
            break;
        }
        size_t k = 0;
        const cJSON *v;
        cJSON_ArrayForEach(v, vals)
        {
            values[k++] = number_or_nan(v);
        }
        const cJSON *ev = cJSON_GetObjectItemCaseSensitive(r, "event");
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
        slant_dataset_add_row(ds, cJSON_IsString(id) ? id->valuestring : "",
                              group->valuestring, cJSON_IsString(ev) ? ev->valuestring : NULL,
                              number_or_nan(cJSON_GetObjectItemCaseSensitive(r, "tokens")),
                              ind_names, values, nind);
        double day = number_or_nan(cJSON_GetObjectItemCaseSensitive(r, "day"));
        if (day >= -(double)INT32_MAX && day <= (double)INT32_MAX && day == floor(day))
            slant_dataset_set_day(ds, slant_dataset_nrows(ds) - 1, (int32_t)day);
        const cJSON *stratum = cJSON_GetObjectItemCaseSensitive(r, "stratum");
        if (*strata && cJSON_IsString(stratum))
            slant_dataset_set_stratum(ds, slant_dataset_nrows(ds) - 1, stratum->valuestring);
    }
    double bad = number_or_nan(cJSON_GetObjectItemCaseSensitive(root, "bad_dates"));
    if (bad > 0 && bad < 1e15)
        slant_dataset_note_bad_date(ds, (size_t)bad);
    const cJSON *g;
    cJSON_ArrayForEach(g, groups)
    {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(g, "name");
        const cJSON *counts = cJSON_GetObjectItemCaseSensitive(g, "entry_counts");
        const cJSON *articles = cJSON_GetObjectItemCaseSensitive(g, "entry_articles");
        if (st != SLANT_OK || !cJSON_IsString(name) || !cJSON_IsArray(counts))
            continue;
        if (!cJSON_IsArray(articles) || cJSON_GetArraySize(articles) != cJSON_GetArraySize(counts)) {
            st = slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                 "group '%s' of the partial lacks its entry_articles (a "
                                 "partial of an older slant: write it again)",
                                 name->valuestring);
            continue;
        }
        slant_dataset_group(ds, name->valuestring);
        size_t e = 0;
        const cJSON *x, *y = articles->child;
        cJSON_ArrayForEach(x, counts)
        {
            double na = number_or_nan(y);
            if (e < nent && ent_names[e] && (number_or_nan(x) > 0 || na > 0))
                slant_dataset_add_entry_pooled(ds, name->valuestring, ent_names[e],
                                               number_or_nan(x) > 0 ? x->valuedouble : 0,
                                               na > 0 ? na : 0);
            e++;
            y = y ? y->next : NULL;
        }
    }
    free(values);
    free(ind_names);
    free(ent_names);
    cJSON_Delete(root);
    return st;
}
