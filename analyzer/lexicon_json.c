/* A lexicon's manifest (lexicon.json) and contested concepts (variants.json) read
 * from JSON (lexicon_json.h). One of the files that include cJSON (json.h lists them). */

#include "lexicon_json.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "json.h"
#include "xalloc.h"

static slant_role role_named(const char *s)
{
    if (!s)
        return SLANT_ROLE_NONE;
    for (int r = SLANT_ROLE_NONE + 1; r < SLANT_ROLE_COUNT; r++)
        if (strcmp(s, slant_role_name((slant_role)r)) == 0)
            return (slant_role)r;
    return (slant_role)-1;
}

static slant_status parse_category(const cJSON *c, size_t index, const char *path,
                                   slant_manifest_category *mc, slant_error *err)
{
    if (!cJSON_IsObject(c))
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "categories[%zu] is not an object", index);
    mc->id = slant_json_string_field(c, "id");
    mc->file = slant_json_string_field(c, "file");
    mc->group = slant_json_string_field(c, "group");
    mc->polarity = slant_json_string_field(c, "polarity");
    mc->definition = slant_json_string_field(c, "definition");
    mc->label = slant_json_string_field(c, "label");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(c, "label");
    if (label && (!mc->label || !mc->label[0]))
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "categories[%zu]: 'label' is not a non-empty string", index);
    static const char *const required[] = { "id", "file", "group", "definition" };
    char *const values[] = { mc->id, mc->file, mc->group, mc->definition };
    for (size_t k = 0; k < 4; k++)
        if (!values[k])
            return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                   "categories[%zu] lacks the string field '%s'", index,
                                   required[k]);
    static const char *const groups[] = { "loaded", "subject", "epistemic", "structural",
                                          "contested" };
    int known = 0;
    for (size_t k = 0; k < sizeof groups / sizeof groups[0]; k++)
        known |= strcmp(mc->group, groups[k]) == 0;
    if (!known)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "category '%s' has unknown group '%s' (loaded, subject, "
                               "epistemic, structural or contested)",
                               mc->id, mc->group);
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(c, "role");
    if (role && !cJSON_IsNull(role)) {
        slant_role r = cJSON_IsString(role) ? role_named(role->valuestring) : (slant_role)-1;
        if ((int)r < 0)
            return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                   "category '%s' has unknown role (negator, booster, "
                                   "diminisher, report_neutral, report_loaded, "
                                   "anonymous_source, hedge, assertive, factive or violence)",
                                   mc->id);
        mc->role = r;
    }
    const cJSON *refs = cJSON_GetObjectItemCaseSensitive(c, "inspired_by");
    if (cJSON_IsArray(refs)) {
        size_t n = (size_t)cJSON_GetArraySize(refs);
        mc->inspired_by = xcalloc(n ? n : 1, sizeof *mc->inspired_by);
        const cJSON *r;
        cJSON_ArrayForEach(r, refs)
        {
            if (cJSON_IsString(r))
                mc->inspired_by[mc->ninspired++] = xstrdup(r->valuestring);
        }
    }
    return SLANT_OK;
}

slant_status slant_json_parse_manifest(const char *text, size_t len, const char *path,
                                       slant_manifest *m, slant_error *err)
{
    memset(m, 0, sizeof *m);
    cJSON *root = slant_json_parse_document(text, len, path, err);
    if (!root)
        return SLANT_ERR_INPUT;
    slant_status st = SLANT_OK;
    if (!cJSON_IsObject(root)) {
        st = slant_json_error(err, path, "the manifest is not a JSON object");
        goto done;
    }
    m->id = slant_json_string_field(root, "id");
    m->version = slant_json_string_field(root, "version");
    m->language = slant_json_string_field(root, "language");
    m->stemmer = slant_json_string_field(root, "stemmer");
    m->description = slant_json_string_field(root, "description");
    static const char *const required[] = { "id", "version", "language", "stemmer" };
    char *const values[] = { m->id, m->version, m->language, m->stemmer };
    for (size_t k = 0; k < 4; k++) {
        if (!values[k]) {
            st = slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                 "the manifest lacks the string field '%s'", required[k]);
            goto done;
        }
    }
    const cJSON *actors = cJSON_GetObjectItemCaseSensitive(root, "actors");
    if (actors && !cJSON_IsArray(actors)) {
        st = slant_json_error(err, path, "'actors' must be an array of file names");
        goto done;
    }
    if (actors) {
        size_t na = (size_t)cJSON_GetArraySize(actors);
        m->actors = xcalloc(na ? na : 1, sizeof *m->actors);
        const cJSON *a;
        cJSON_ArrayForEach(a, actors)
        {
            if (cJSON_IsString(a))
                m->actors[m->nactors++] = xstrdup(a->valuestring);
        }
    }
    const cJSON *cats = cJSON_GetObjectItemCaseSensitive(root, "categories");
    if (!cJSON_IsArray(cats) || cJSON_GetArraySize(cats) == 0) {
        st = slant_json_error(err, path, "the manifest lacks a non-empty array 'categories'");
        goto done;
    }
    size_t n = (size_t)cJSON_GetArraySize(cats);
    m->categories = xcalloc(n, sizeof *m->categories);
    const cJSON *c;
    cJSON_ArrayForEach(c, cats)
    {
        st = parse_category(c, m->ncategories, path, &m->categories[m->ncategories], err);
        m->ncategories++;
        if (st != SLANT_OK)
            goto done;
    }
done:
    cJSON_Delete(root);
    if (st != SLANT_OK)
        slant_manifest_release(m);
    return st;
}

static slant_status parse_concept(const cJSON *c, size_t index, const char *path,
                                  slant_manifest_concept *mc, slant_error *err)
{
    mc->id = slant_json_string_field(c, "id");
    mc->referent = slant_json_string_field(c, "referent");
    mc->domain = slant_json_string_field(c, "domain");
    mc->notes = slant_json_string_field(c, "notes");
    if (!mc->id || !mc->referent)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "concepts[%zu] lacks the string field '%s'", index,
                               mc->id ? "referent" : "id");
    const cJSON *vars = cJSON_GetObjectItemCaseSensitive(c, "variants");
    size_t n = cJSON_IsArray(vars) ? (size_t)cJSON_GetArraySize(vars) : 0;
    if (n < 2)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "concept '%s' needs at least two variants", mc->id);
    mc->variants = xcalloc(n, sizeof *mc->variants);
    const cJSON *v;
    cJSON_ArrayForEach(v, vars)
    {
        slant_manifest_variant *mv = &mc->variants[mc->nvariants++];
        mv->entry = slant_json_string_field(v, "entry");
        mv->stance = slant_json_string_field(v, "stance");
        if (!mv->entry || !mv->stance || !mv->stance[0])
            return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                   "concept '%s': variant %zu needs the strings 'entry' and "
                                   "'stance'",
                                   mc->id, mc->nvariants);
    }
    return SLANT_OK;
}

slant_status slant_json_parse_variants(const char *text, size_t len, const char *path,
                                       slant_manifest *m, slant_error *err)
{
    cJSON *root = slant_json_parse_document(text, len, path, err);
    if (!root)
        return SLANT_ERR_INPUT;
    const cJSON *concepts = cJSON_GetObjectItemCaseSensitive(root, "concepts");
    slant_status st = SLANT_OK;
    if (!cJSON_IsArray(concepts)) {
        st = slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                             "variants.json lacks an array 'concepts'");
    } else {
        size_t n = (size_t)cJSON_GetArraySize(concepts);
        m->concepts = xcalloc(n ? n : 1, sizeof *m->concepts);
        const cJSON *c;
        cJSON_ArrayForEach(c, concepts)
        {
            st = parse_concept(c, m->nconcepts, path, &m->concepts[m->nconcepts], err);
            m->nconcepts++;
            if (st != SLANT_OK)
                break;
        }
    }
    cJSON_Delete(root);
    return st;
}
