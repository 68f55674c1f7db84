#include "json.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "indicator.h"
#include "jsonline.h"
#include "normalize.h"
#include "numtext.h"
#include "subset.h"
#include "version.h"
#include "xalloc.h"

/* --- reading ----------------------------------------------------------------------- */

/* Line and column (1-based) of byte `at` in `text`. */
static void position_of(const char *text, const char *at, long *line, long *col)
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

static cJSON *parse(const char *text, size_t len, const char **stop)
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
static cJSON *parse_document(const char *text, size_t len, const char *path, slant_error *err)
{
    const char *stop;
    cJSON *root = parse(text, len, &stop);
    if (!root) {
        char what[64];
        long line, col;
        syntax_problem(text, len, stop, what, sizeof what);
        position_of(text, stop ? stop : text + len, &line, &col);
        slant_error_set(err, SLANT_ERR_INPUT, path, line, col, "invalid JSON: %s", what);
    }
    return root;
}

/* Parses one JSON Lines record, line `line` of `path`; NULL with `err` set, naming the
 * column of the problem. */
static cJSON *parse_record(const char *json, size_t len, const char *path, long line,
                           slant_error *err)
{
    const char *stop;
    cJSON *root = parse(json, len, &stop);
    if (!root) {
        char what[64];
        syntax_problem(json, len, stop, what, sizeof what);
        long col = stop ? (long)(stop - json) + 1 : (long)len + 1;
        slant_error_set(err, SLANT_ERR_INPUT, path, line, 0, "invalid JSON: %s at column %ld",
                        what, col);
    }
    return root;
}

static char *string_field(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) && v->valuestring ? xstrdup(v->valuestring) : NULL;
}

static slant_status manifest_error(slant_error *err, const char *path, const char *what)
{
    return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0, "%s", what);
}

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
    mc->id = string_field(c, "id");
    mc->file = string_field(c, "file");
    mc->group = string_field(c, "group");
    mc->polarity = string_field(c, "polarity");
    mc->definition = string_field(c, "definition");
    mc->label = string_field(c, "label");
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
    cJSON *root = parse_document(text, len, path, err);
    if (!root)
        return SLANT_ERR_INPUT;
    slant_status st = SLANT_OK;
    if (!cJSON_IsObject(root)) {
        st = manifest_error(err, path, "the manifest is not a JSON object");
        goto done;
    }
    m->id = string_field(root, "id");
    m->version = string_field(root, "version");
    m->language = string_field(root, "language");
    m->stemmer = string_field(root, "stemmer");
    m->description = string_field(root, "description");
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
        st = manifest_error(err, path, "'actors' must be an array of file names");
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
        st = manifest_error(err, path, "the manifest lacks a non-empty array 'categories'");
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
    mc->id = string_field(c, "id");
    mc->referent = string_field(c, "referent");
    mc->domain = string_field(c, "domain");
    mc->notes = string_field(c, "notes");
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
        mv->entry = string_field(v, "entry");
        mv->stance = string_field(v, "stance");
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
    cJSON *root = parse_document(text, len, path, err);
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
    return cJSON_IsObject(obj) ? string_field(obj, name) : NULL;
}

slant_status slant_json_parse_weights(const char *text, size_t len, const char *path,
                                      slant_weights_file *f, slant_error *err)
{
    memset(f, 0, sizeof *f);
    cJSON *root = parse_document(text, len, path, err);
    if (!root)
        return SLANT_ERR_INPUT;
    slant_status st = SLANT_OK;
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(root, "kind");
    const cJSON *weights = cJSON_GetObjectItemCaseSensitive(root, "weights");
    const cJSON *intercept = cJSON_GetObjectItemCaseSensitive(root, "intercept");
    if (!cJSON_IsObject(root)) {
        st = manifest_error(err, path, "a weights file is a JSON object");
    } else if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "slant-weights") != 0) {
        st = manifest_error(err, path, "not a weights file (\"kind\" is not \"slant-weights\")");
    } else if (!cJSON_IsNumber(schema) || schema->valuedouble != 1) {
        st = manifest_error(err, path, "unknown weights schema (this slant reads \"schema\": 1)");
    } else if (!cJSON_IsObject(weights)) {
        st = manifest_error(err, path, "the weights file lacks an object 'weights'");
    } else if (intercept && !cJSON_IsNull(intercept) &&
               (!cJSON_IsNumber(intercept) || !isfinite(intercept->valuedouble))) {
        st = manifest_error(err, path, "'intercept' is not a finite number");
    }
    if (st != SLANT_OK)
        goto done;
    const cJSON *lexicon = cJSON_GetObjectItemCaseSensitive(root, "lexicon");
    f->lexicon_id = member_string(lexicon, "id");
    f->lexicon_version = member_string(lexicon, "version");
    f->lexicon_hash = member_string(lexicon, "hash");
    f->unit = string_field(root, "unit");
    f->feature = string_field(root, "feature");
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
            position_of(text, key, &it->line, &it->col);
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

/* The value of a metadata field as text: a string as it is, a number or boolean as JSON. */
static char *scalar_text(const cJSON *v)
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

slant_status slant_json_parse_article(const char *json, size_t len,
                                      const slant_jsonl_fields *fields, const char *path,
                                      long line, slant_article *a, slant_error *err)
{
    cJSON *root = parse_record(json, len, path, line, err);
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
    a->id = scalar_text(cJSON_GetObjectItemCaseSensitive(root, fields->id_field));
    static const char *const meta[] = { "source", "date", "title", "url", "event", "lang" };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++) {
        char *v = scalar_text(cJSON_GetObjectItemCaseSensitive(root, meta[k]));
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

/* --- score records as compare reads them -------------------------------------------------- */

int slant_json_read_signature(const char *json, size_t len, const char *path, long line,
                              slant_dataset *ds, size_t row, slant_error *err)
{
    const char *v;
    size_t n;
    if (!slant_jsonline_member(json, len, "signature", &v, &n) || (n == 4 && !memcmp(v, "null", 4)))
        return 0;
    cJSON *obj = n && v[0] == '{' ? cJSON_ParseWithLength(v, n) : NULL;
    if (!cJSON_IsObject(obj)) {
        cJSON_Delete(obj);
        slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                        "'signature' is not an object of stems and counts");
        return -1;
    }
    size_t k = 0, cap = (size_t)cJSON_GetArraySize(obj);
    const char **stems = xmalloc((cap ? cap : 1) * sizeof *stems);
    size_t *lens = xmalloc((cap ? cap : 1) * sizeof *lens);
    uint32_t *counts = xmalloc((cap ? cap : 1) * sizeof *counts);
    int rc = 1;
    for (const cJSON *t = obj->child; t && k < cap; t = t->next) {
        double c = cJSON_IsNumber(t) ? t->valuedouble : -1;
        if (!(c >= 1 && c <= UINT32_MAX && c == floor(c)) || !t->string || !t->string[0]) {
            slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                            "'signature' stem '%s' has no count of 1 or more",
                            t->string ? t->string : "");
            rc = -1;
            break;
        }
        stems[k] = t->string;
        lens[k] = strlen(t->string);
        counts[k++] = (uint32_t)c;
    }
    if (rc == 1)
        slant_dataset_set_signature(ds, row, stems, lens, counts, k);
    free(stems);
    free(lens);
    free(counts);
    cJSON_Delete(obj);
    return rc;
}

int slant_json_is_score_record(const char *json, size_t len)
{
    const char *stop;
    cJSON *root = parse(json, len, &stop);
    int yes = cJSON_IsObject(root) &&
              cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "schema")) &&
              cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(root, "categories"));
    cJSON_Delete(root);
    return yes;
}

/* The value of field `name`: a top-level member, or else a member of "fields". */
static const cJSON *field_of(const cJSON *root, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, name);
    if (!v) {
        const cJSON *kept = cJSON_GetObjectItemCaseSensitive(root, "fields");
        v = cJSON_GetObjectItemCaseSensitive(kept, name);
    }
    return v;
}

static double number_of(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

/* Adds `count` to the group's entry of kind `kind`, owner `a` and name `b`. */
static void add_keyed(slant_dataset *ds, const char *group, slant_entry_key_kind kind,
                      const char *a, const char *b, double count)
{
    if (!a || !b)
        return; /* a member without a name (an array where an object belongs) */
    slant_entry_key key = { kind, a, b };
    slant_dataset_add_entry_key(ds, group, &key, count);
}

/* Adds the entries of the record's text evidence to `group`: "CATEGORY:ENTRY". */
static void read_evidence(const cJSON *evidence, const char *group, slant_dataset *ds)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, evidence)
    {
        const cJSON *field = cJSON_GetObjectItemCaseSensitive(e, "field");
        const cJSON *cat = cJSON_GetObjectItemCaseSensitive(e, "category");
        const cJSON *entry = cJSON_GetObjectItemCaseSensitive(e, "entry");
        if (!cJSON_IsString(cat) || !cJSON_IsString(entry))
            continue;
        if (cJSON_IsString(field) && strcmp(field->valuestring, "text") != 0)
            continue; /* headline matches are not in the text's word count */
        if (cJSON_GetObjectItemCaseSensitive(e, "stance"))
            continue; /* a contested variant: counted from "contested" */
        add_keyed(ds, group, SLANT_ENTRY_TERM, cat->valuestring, entry->valuestring, 1);
    }
}

/* Adds the record's matched entries ("entries": [["CATEGORY", "ENTRY", n], ...]) to
 * `group`: "CATEGORY:ENTRY", as read_evidence does from the evidence of the same text. */
static void read_entries(const cJSON *entries, const char *group, slant_dataset *ds)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, entries)
    {
        const cJSON *cat = cJSON_GetArrayItem(e, 0), *entry = cJSON_GetArrayItem(e, 1);
        const cJSON *count = cJSON_GetArrayItem(e, 2);
        if (cJSON_IsString(cat) && cJSON_IsString(entry) && cJSON_IsNumber(count) &&
            count->valuedouble > 0)
            add_keyed(ds, group, SLANT_ENTRY_TERM, cat->valuestring, entry->valuestring,
                      count->valuedouble);
    }
}

/* Adds the record's contested variants to `group` as entries "contested/CONCEPT:VARIANT". */
static void read_contested(const cJSON *contested, const char *group, slant_dataset *ds)
{
    const cJSON *v;
    cJSON_ArrayForEach(v, contested)
    {
        const cJSON *concept = cJSON_GetObjectItemCaseSensitive(v, "concept");
        const cJSON *variant = cJSON_GetObjectItemCaseSensitive(v, "variant");
        double count = number_of(v, "count");
        if (cJSON_IsString(concept) && cJSON_IsString(variant) && count > 0)
            add_keyed(ds, group, SLANT_ENTRY_VARIANT, concept->valuestring,
                      variant->valuestring, count);
    }
}

/* Adds the record's actor framing to `group`: "actor/ACTOR:mentions" and, per category,
 * "actor/ACTOR:CATEGORY" (its matches in sentences that mention the actor). */
static void read_actors(const cJSON *actors, const char *group, slant_dataset *ds)
{
    const cJSON *a;
    cJSON_ArrayForEach(a, actors)
    {
        double mentions = number_of(a, "mentions");
        if (mentions > 0)
            add_keyed(ds, group, SLANT_ENTRY_ACTOR, a->string, "mentions", mentions);
        const cJSON *c;
        cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(a, "sentence"))
        {
            if (cJSON_IsNumber(c) && c->valuedouble > 0)
                add_keyed(ds, group, SLANT_ENTRY_ACTOR, a->string, c->string,
                          c->valuedouble);
        }
    }
}

/* Whether `v` is a count: a whole number from 0 to 2^53 (exact in a double). */
static int is_count(double v)
{
    return v >= 0 && v <= 9007199254740992.0 && v == floor(v);
}

/*
 * Checks the counts of a score record before any rate is computed from them: words,
 * quoted words (at most the words) and each category's count must be counts, or the
 * record was not written by slant and its rates would be made up (negative, NaN, Inf).
 */
static slant_status check_score_counts(const cJSON *root, const cJSON *cats, const char *path,
                                       long line, slant_error *err)
{
    double tokens = number_of(root, "tokens"), quoted = number_of(root, "quote_tokens");
    if (!is_count(tokens))
        return slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                               "invalid word count 'tokens': %g (a whole number, 0 or more)",
                               tokens);
    if (!isnan(quoted) && !(is_count(quoted) && quoted <= tokens))
        return slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                               "invalid count 'quote_tokens': %g (a whole number from 0 to "
                               "'tokens', %g)",
                               quoted, tokens);
    const cJSON *c;
    cJSON_ArrayForEach(c, cats)
    {
        double count = number_of(c, "count");
        if (!isnan(count) && !is_count(count))
            return slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                                   "invalid count of category '%s': %g (a whole number, 0 "
                                   "or more)",
                                   c->string ? c->string : "?", count);
    }
    return SLANT_OK;
}

/* Whether a score record is compact (its provenance says "compact": true): a member left
 * out of a category is 0. */
static int is_compact(const cJSON *root)
{
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(root, "provenance");
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(p, "compact"));
}

/* A category's "count": NAN when it is not a number, 0 when a compact record leaves it
 * out. */
static double category_count(const cJSON *c, int compact)
{
    if (compact && !cJSON_GetObjectItemCaseSensitive(c, "count"))
        return 0;
    return number_of(c, "count");
}

/* The value of member `path` of `root`: "tokens", or "attribution.quotations" inside an
 * object; NAN when missing or not a number. */
static double member_at(const cJSON *root, const char *path)
{
    const char *dot = strchr(path, '.');
    if (!dot)
        return number_of(root, path);
    char object[64];
    size_t len = (size_t)(dot - path);
    if (len >= sizeof object)
        return NAN;
    memcpy(object, path, len);
    object[len] = '\0';
    return number_of(cJSON_GetObjectItemCaseSensitive(root, object), dot + 1);
}

/* Computes the compared indicators of the table (indicator.h) that the record has: those
 * that lead (`leads` = SLANT_IND_LEADS) or the others (0), in table order, into
 * `names`/`values` (room for one per row). Returns how many. */
static size_t read_derived(const cJSON *root, double tokens, unsigned leads, const char **names,
                           double *values)
{
    size_t k = 0;
    for (size_t i = 0; i < slant_indicator_count(); i++) {
        const slant_indicator *x = slant_indicator_at(i);
        if (!(x->flags & SLANT_IND_COMPARED) || (x->flags & SLANT_IND_LEADS) != leads)
            continue;
        if (x->needs && !cJSON_GetObjectItemCaseSensitive(root, x->needs))
            continue;
        double a = x->a ? member_at(root, x->a) : NAN, b = x->b ? member_at(root, x->b) : NAN;
        names[k] = x->id;
        values[k++] = slant_indicator_compute(x, a, b, tokens);
    }
    return k;
}

slant_status slant_json_read_score(const char *json, size_t len, const slant_score_fields *f,
                                   const char *path, long line, slant_dataset *ds,
                                   int *had_evidence, slant_error *err)
{
    cJSON *root = parse_record(json, len, path, line, err);
    if (!root)
        return SLANT_ERR_INPUT;
    slant_status st = SLANT_OK;
    const cJSON *cats = cJSON_GetObjectItemCaseSensitive(root, "categories");
    double tokens = number_of(root, "tokens");
    if (!cJSON_IsObject(root) || !cJSON_IsObject(cats) || isnan(tokens)) {
        st = slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                             "not a slant score record (no 'categories' or 'tokens')");
        goto done;
    }
    if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "sentence")) &&
        cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "matches"))) {
        st = slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                             "a sentence record (slant score --sentences): comparisons read "
                             "one record per article (score without --sentences)");
        goto done;
    }
    st = check_score_counts(root, cats, path, line, err);
    if (st != SLANT_OK)
        goto done;
    char *group = scalar_text(field_of(root, f->by));
    if (group && f->bin) {
        char bin[32];
        int known = slant_bin_date((slant_bin)f->bin, group, bin, sizeof bin) == 0;
        free(group);
        group = known ? xstrdup(bin) : NULL;
    }
    char *event = f->event ? scalar_text(field_of(root, f->event)) : NULL;
    char *id = scalar_text(cJSON_GetObjectItemCaseSensitive(root, "id"));
    /* The leading indicators of the table, the categories, then the table's others. */
    size_t n = (size_t)cJSON_GetArraySize(cats) + slant_indicator_count();
    const char **names = xmalloc(n * sizeof *names);
    double *values = xmalloc(n * sizeof *values);
    size_t k = read_derived(root, tokens, SLANT_IND_LEADS, names, values);
    const cJSON *c;
    int compact = is_compact(root);
    cJSON_ArrayForEach(c, cats)
    {
        double count = category_count(c, compact);
        names[k] = c->string;
        values[k++] = tokens > 0 && !isnan(count) ? 1000.0 * count / tokens : NAN;
    }
    k += read_derived(root, tokens, 0, names + k, values + k);
    const char *g = group ? group : "(none)";
    slant_dataset_add_row(ds, id, g, event, tokens, names, values, k);
    char *date = scalar_text(field_of(root, "date"));
    if (date) {
        int32_t day;
        if (slant_date_parse(date, strlen(date), &day) == 0)
            slant_dataset_set_day(ds, slant_dataset_nrows(ds) - 1, day);
        else
            slant_dataset_note_bad_date(ds, 1);
        free(date);
    }
    if (f->stratum) {
        char *stratum = scalar_text(field_of(root, f->stratum));
        slant_dataset_set_stratum(ds, slant_dataset_nrows(ds) - 1, stratum);
        free(stratum);
    }
    read_contested(cJSON_GetObjectItemCaseSensitive(root, "contested"), g, ds);
    read_actors(cJSON_GetObjectItemCaseSensitive(root, "actors"), g, ds);
    /* The entry counts, or else (records of an older slant) the evidence they come from;
     * never both, which would count each match twice. */
    const cJSON *entries = cJSON_GetObjectItemCaseSensitive(root, "entries");
    const cJSON *evidence = cJSON_GetObjectItemCaseSensitive(root, "evidence");
    if (cJSON_IsArray(entries)) {
        read_entries(entries, g, ds);
        *had_evidence = 1;
    } else if (cJSON_IsArray(evidence)) {
        read_evidence(evidence, g, ds);
        *had_evidence = 1;
    }
    free(names);
    free(values);
    free(group);
    free(event);
    free(id);
done:
    cJSON_Delete(root);
    return st;
}

/* --- partial comparisons ----------------------------------------------------------------- */

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
    cJSON *root = parse(text, len, &stop);
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
    cJSON *root = parse(text, len, &stop);
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
    *by = scalar_text(cJSON_GetObjectItemCaseSensitive(root, "by"));
    *event = scalar_text(cJSON_GetObjectItemCaseSensitive(root, "event"));
    *strata = scalar_text(cJSON_GetObjectItemCaseSensitive(root, "strata"));
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

/* --- the JSON writer ---------------------------------------------------------------- */

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

/* --- score records ---------------------------------------------------------------------- */


static void add_fields(slant_jw *w, const slant_article *a)
{
    if (!a->nfields)
        return;
    slant_jw_key(w, "fields");
    slant_jw_open(w, '{');
    for (size_t k = 0; k < a->nfields; k++) {
        const slant_field *x = &a->fields[k];
        if (x->is_string || !x->value) {
            slant_jw_member_cstring(w, x->name, x->value);
        } else { /* JSON that cJSON itself printed when reading the record */
            slant_jw_key(w, x->name);
            slant_jw_raw(w, x->value);
        }
    }
    slant_jw_close(w, '}');
}

/*
 * Compact records (slant score --compact, docs/schema/score.md): a count or a number that
 * is 0 is left out of the objects of counts (a category, an actor, an actor's categories),
 * a null metadata member and an empty list are left out; readers take what is missing as
 * 0, null or empty. NaN (null) is kept: a rate of a part without words is not 0.
 */
static void count_member(slant_jw *w, int compact, const char *name, size_t v)
{
    if (!compact || v)
        slant_jw_member_count(w, name, v);
}

static void number_member(slant_jw *w, int compact, const char *name, double v)
{
    if (!compact || v != 0) /* (NaN != 0: written, as null) */
        slant_jw_member_number(w, name, v);
}

static void text_member(slant_jw *w, int compact, const char *name, const char *s)
{
    if (!compact || s)
        slant_jw_member_cstring(w, name, s);
}

/* One category's members, from "count" to "body_rate" (without the zeros when compact). */
static void add_category_stats(slant_jw *w, const slant_record *rec,
                               const slant_category_stats *s, int compact)
{
    count_member(w, compact, "count", s->count);
    number_member(w, compact, "rate", slant_rate_per_1000(s->count, rec->tokens));
    number_member(w, compact, "score", s->score);
    count_member(w, compact, "author", s->author);
    count_member(w, compact, "quoted", s->quoted);
    count_member(w, compact, "negated", s->negated);
    count_member(w, compact, "boosted", s->boosted);
    count_member(w, compact, "diminished", s->diminished);
    count_member(w, compact, "lead", s->lead);
    count_member(w, compact, "headline", s->headline);
    /* voice and position as rates; null where the part has no words */
    size_t author_words = rec->tokens - rec->quote_tokens;
    number_member(w, compact, "author_rate", slant_rate_per_1000(s->author, author_words));
    number_member(w, compact, "quoted_rate",
                  slant_rate_per_1000(s->quoted, rec->quote_tokens));
    number_member(w, compact, "headline_rate",
                  slant_rate_per_1000(s->headline, rec->headline_tokens));
    number_member(w, compact, "lead_rate", slant_rate_per_1000(s->lead, rec->lead_tokens));
    number_member(w, compact, "body_rate", slant_rate_per_1000(s->count - s->lead,
                                                               rec->tokens - rec->lead_tokens));
}

static void add_categories(slant_jw *w, const slant_result *r)
{
    const slant_record *rec = r->record;
    /* Most categories are absent from a given article (text and headline), and the
     * members of every absent one read the same (zeros, and null for a part without
     * words): written once, then copied. */
    slant_buf absent;
    slant_buf_init(&absent, SLANT_FIELD_MAX_BYTES);
    slant_jw_key(w, "categories");
    slant_jw_open(w, '{');
    for (size_t i = 0; i < rec->ncats; i++) {
        const slant_category_stats *s = &rec->cats[i];
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (cat->concept || cat->actor)
            continue; /* reported per variant under "contested", per actor under "actors" */
        slant_jw_key(w, cat->id);
        slant_jw_open(w, '{');
        if (s->count || s->headline) { /* (the headline's matches are not in count) */
            add_category_stats(w, rec, s, r->compact);
        } else {
            if (!absent.len) {
                slant_jw once;
                slant_jw_init(&once, &absent);
                add_category_stats(&once, rec, s, r->compact);
                slant_jw_release(&once);
            }
            if (absent.len) /* compact records write nothing for an absent category */
                slant_buf_add(w->out, absent.data, absent.len);
        }
        slant_jw_close(w, '}');
    }
    slant_jw_close(w, '}');
    slant_buf_release(&absent);
}

/* --- framing ------------------------------------------------------------------------------ */

/* The bytes of words [first, first + n) of the text, as a string member. */
static void add_words(slant_jw *w, const char *name, const slant_doc *d, int32_t first,
                      uint32_t n)
{
    if (first < 0 || !n) {
        slant_jw_member_cstring(w, name, NULL);
        return;
    }
    const slant_token *a = &d->tokens[first], *b = &d->tokens[(uint32_t)first + n - 1];
    slant_jw_member_string(w, name, d->text + a->start, b->end - a->start);
}

static const char *verb_kind_name(slant_verb_kind k)
{
    return k == SLANT_VERB_LOADED ? "loaded" : k == SLANT_VERB_NEUTRAL ? "neutral" : NULL;
}

/* Opens list `name` unless it is empty in a compact record (then returns 0). */
static int list_open(slant_jw *w, int compact, const char *name, size_t n)
{
    if (compact && !n)
        return 0;
    slant_jw_key(w, name);
    slant_jw_open(w, '[');
    return 1;
}

static void list_close(slant_jw *w, int opened)
{
    if (opened)
        slant_jw_close(w, ']');
}

/* Object `object` of the record: the indicator table's rows whose member is in it
 * ("attribution.quotations"), in table order. */
static void add_members(slant_jw *w, const slant_result *r, const char *object)
{
    size_t len = strlen(object);
    slant_jw_key(w, object);
    slant_jw_open(w, '{');
    for (size_t i = 0; i < slant_indicator_count(); i++) {
        const slant_indicator *x = slant_indicator_at(i);
        if (!x->record || strncmp(x->record, object, len) != 0 || x->record[len] != '.')
            continue;
        double v = x->column(r);
        if (x->unit == SLANT_UNIT_COUNT)
            slant_jw_member_count(w, x->record + len + 1, (size_t)v);
        else
            slant_jw_member_number(w, x->record + len + 1, v);
    }
    slant_jw_close(w, '}');
}

static void add_framing(slant_jw *w, const slant_result *r)
{
    const slant_frame *f = r->frame;
    const slant_doc *d = r->doc;
    size_t base = r->article->text_offset;
    add_members(w, r, "epistemic");
    add_members(w, r, "attribution");
    int quotations = list_open(w, r->compact, "quotations", f->nquotes);
    for (size_t i = 0; i < f->nquotes; i++) {
        const slant_quotation *q = &f->quotes[i];
        const slant_quote *sq = &d->quotes[q->quote];
        slant_jw_element(w);
        slant_jw_open(w, '{');
        slant_jw_member_count(w, "start", base + sq->start);
        slant_jw_member_count(w, "end", base + sq->end);
        slant_jw_member_count(w, "words", q->words);
        add_words(w, "speaker", d, q->speaker_first, q->speaker_words);
        add_words(w, "verb", d, q->verb, q->verb >= 0 ? 1 : 0);
        slant_jw_member_cstring(w, "verb_kind", verb_kind_name(q->verb_kind));
        slant_jw_member_cstring(w, "actor", q->actor == UINT32_MAX
                                                ? NULL
                                                : slant_lexicon_category(r->lex, q->actor)->id);
        slant_jw_member_bool(w, "anonymous", q->anonymous);
        slant_jw_member_bool(w, "continued", q->continued);
        slant_jw_member_bool(w, "scare", q->scare);
        slant_jw_member_bool(w, "closed", sq->closed);
        slant_jw_close(w, '}');
    }
    list_close(w, quotations);
    int scare_quotes = list_open(w, r->compact, "scare_quotes", f->nscare);
    for (size_t i = 0; i < f->nscare; i++) {
        const slant_quote *sq = &d->quotes[f->scare[i]];
        slant_jw_element(w);
        slant_jw_open(w, '{');
        slant_jw_member_count(w, "start", base + sq->start);
        slant_jw_member_count(w, "end", base + sq->end);
        slant_jw_member_string(w, "text", d->text + sq->start, sq->end - sq->start);
        slant_jw_member_bool(w, "in_quote", sq->depth > 0);
        slant_jw_close(w, '}');
    }
    list_close(w, scare_quotes);
    int so_called_list = list_open(w, r->compact, "so_called", f->nso_called);
    for (size_t i = 0; i < f->nso_called; i++) {
        const slant_so_called *s = &f->so_called[i];
        const slant_token *a = &d->tokens[s->label];
        const slant_token *b = &d->tokens[s->label + s->label_words - 1];
        slant_jw_element(w);
        slant_jw_open(w, '{');
        slant_jw_member_count(w, "start", base + s->start);
        slant_jw_member_count(w, "end", base + s->end);
        slant_jw_member_string(w, "text", d->text + s->start, s->end - s->start);
        slant_jw_member_string(w, "label", d->text + a->start, b->end - a->start);
        slant_jw_close(w, '}');
    }
    list_close(w, so_called_list);
}

/* Each actor the text mentions: mentions, quoted speech, violence roles, co-occurrence. */
static void add_actors(slant_jw *w, const slant_result *r)
{
    const slant_frame *f = r->frame;
    size_t ncats = slant_lexicon_ncategories(r->lex);
    slant_jw_key(w, "actors");
    slant_jw_open(w, '{');
    for (size_t a = 0; a < f->nactors; a++) {
        const slant_actor_stats *s = &f->actors[a];
        if (!s->mentions && !s->quotes)
            continue;
        slant_jw_key(w, slant_lexicon_category(r->lex, s->category)->id);
        slant_jw_open(w, '{');
        count_member(w, r->compact, "mentions", s->mentions);
        count_member(w, r->compact, "quotes", s->quotes);
        count_member(w, r->compact, "quoted_words", s->quoted_words);
        count_member(w, r->compact, "agent", s->agent);
        count_member(w, r->compact, "patient", s->patient);
        const uint32_t *tables[] = { s->sentence, s->window };
        const char *names[] = { "sentence", "window" };
        for (size_t t = 0; t < 2; t++) {
            size_t any = 0;
            for (size_t i = 0; i < ncats && r->compact && !any; i++)
                any = tables[t][i];
            if (r->compact && !any)
                continue; /* no category near it: {} left out */
            slant_jw_key(w, names[t]);
            slant_jw_open(w, '{');
            for (size_t i = 0; i < ncats; i++) {
                const slant_category *cat = slant_lexicon_category(r->lex, i);
                if (!cat->actor && !cat->concept)
                    count_member(w, r->compact, cat->id, tables[t][i]);
            }
            slant_jw_close(w, '}');
        }
        slant_jw_close(w, '}');
    }
    slant_jw_close(w, '}');
}

/* The text's matches of entry `entry`. */
static size_t matches_of(const slant_matches *m, size_t entry)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n; k++)
        n += m->items[k].entry == entry;
    return n;
}

/* Each contested concept's variants the text uses, with their counts. */
static void add_contested(slant_jw *w, const slant_result *r)
{
    size_t any = 0;
    for (size_t i = 0; i < r->record->ncats && r->compact && !any; i++)
        any = slant_lexicon_category(r->lex, i)->concept && r->record->cats[i].count;
    if (r->compact && !any)
        return; /* no contested label: [] left out */
    slant_jw_key(w, "contested");
    slant_jw_open(w, '[');
    for (size_t i = 0; i < r->record->ncats; i++) {
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (!cat->concept || !r->record->cats[i].count)
            continue;
        for (size_t e = cat->first_entry; e < cat->first_entry + cat->nentries; e++) {
            size_t n = matches_of(r->matches, e);
            if (!n)
                continue;
            const slant_entry *entry = slant_lexicon_entry(r->lex, e);
            slant_jw_element(w);
            slant_jw_open(w, '{');
            slant_jw_member_cstring(w, "concept", cat->id);
            slant_jw_member_cstring(w, "variant", entry->text);
            slant_jw_member_cstring(w, "stance", entry->stance);
            slant_jw_member_count(w, "count", n);
            slant_jw_close(w, '}');
        }
    }
    slant_jw_close(w, ']');
}

/* The text's matched entries with their counts, [["CATEGORY", "ENTRY", n], ...], in the
 * order of each entry's first match: the order in which the text's evidence names them,
 * so that compare's keyness from these counts is its keyness from the evidence, term
 * order included. A contested variant is under "contested" instead (as in evidence
 * read by compare, where a match with a stance is skipped). */
static void add_entries(slant_jw *w, const slant_result *r)
{
    const slant_matches *ms = r->matches;
    slant_entry_tally *t = NULL;
    size_t cap = 0, u = slant_record_entries(r->lex, ms, &t, &cap);
    slant_jw_key(w, "entries");
    slant_jw_open(w, '[');
    for (size_t k = 0; k < u; k++) {
        const slant_match *m = &ms->items[t[k].first];
        slant_jw_element(w);
        slant_jw_open(w, '[');
        slant_jw_element(w);
        const char *cat = slant_lexicon_category(r->lex, m->category)->id;
        slant_jw_string(w, cat, strlen(cat));
        const char *text = slant_lexicon_entry(r->lex, t[k].entry)->text;
        slant_jw_element(w);
        slant_jw_string(w, text, strlen(text));
        slant_jw_element(w);
        slant_jw_count(w, t[k].count);
        slant_jw_close(w, ']');
    }
    slant_jw_close(w, ']');
    free(t);
}

static void add_provenance(slant_jw *w, const slant_lexicon *lex, const slant_weights *weights,
                           int compact)
{
    slant_jw_key(w, "provenance");
    slant_jw_open(w, '{');
    slant_jw_member_cstring(w, "tool", "slant " SLANT_VERSION);
    slant_jw_member_cstring(w, "lexicon", slant_lexicon_id(lex));
    slant_jw_member_cstring(w, "lexicon_version", slant_lexicon_version(lex));
    slant_jw_member_cstring(w, "lexicon_hash", slant_lexicon_hash(lex));
    slant_jw_member_cstring(w, "stemmer", slant_lexicon_stemmer(lex));
    if (weights && weights->file) {
        slant_jw_key(w, "weights");
        slant_jw_open(w, '{');
        slant_jw_member_cstring(w, "file", weights->file);
        slant_jw_member_cstring(w, "hash", weights->hash);
        slant_jw_close(w, '}');
    } else {
        slant_jw_member_cstring(w, "weights", "default");
    }
    if (compact)
        slant_jw_member_bool(w, "compact", 1);
    slant_jw_close(w, '}');
}

/* The three members of the loaded-language index. */
static void add_index(slant_jw *w, const slant_index *x)
{
    slant_jw_member_number(w, "loaded_index", x->all);
    slant_jw_member_number(w, "loaded_index_author", x->author);
    slant_jw_member_number(w, "loaded_index_quoted", x->quoted);
}

/* One match of a field ("text" or "title") as an evidence entry; offsets are relative to
 * `base`; `speech` as for add_matches; `near` is its nearest actor (frame.h). */
static void add_match(slant_jw *w, const slant_lexicon *lex, const char *field,
                      const slant_doc *d, const slant_match *m, size_t base,
                      const uint8_t *speech, slant_nearest_actor near)
{
    const slant_token *first = &d->tokens[m->first_token];
    const slant_token *last = &d->tokens[m->first_token + m->ntokens - 1];
    slant_jw_element(w);
    slant_jw_open(w, '{');
    slant_jw_member_cstring(w, "field", field);
    slant_jw_member_count(w, "start", base + first->start);
    slant_jw_member_count(w, "end", base + last->end);
    slant_jw_member_count(w, "sentence", first->sentence);
    slant_jw_member_string(w, "surface", d->text + first->start, last->end - first->start);
    slant_jw_member_cstring(w, "category", slant_lexicon_category(lex, m->category)->id);
    const slant_entry *entry = slant_lexicon_entry(lex, m->entry);
    slant_jw_member_cstring(w, "entry", entry->text);
    if (entry->stance)
        slant_jw_member_cstring(w, "stance", entry->stance);
    slant_jw_member_bool(w, "negated", m->negated);
    slant_jw_member_bool(w, "boosted", m->boosted);
    slant_jw_member_bool(w, "diminished", m->diminished);
    slant_jw_member_bool(w, "in_quote",
                         speech ? speech[m->first_token] != 0 : first->quote != 0);
    int has_actor = near.actor != UINT32_MAX;
    slant_jw_member_cstring(w, "actor",
                            has_actor ? slant_lexicon_category(lex, near.actor)->id : NULL);
    slant_jw_key(w, "actor_distance");
    if (has_actor)
        slant_jw_count(w, near.words);
    else
        slant_jw_raw(w, "null");
    slant_jw_close(w, '}');
}

/* The matches of one field ("text" or "title"); offsets are relative to `base`. `speech`
 * says per word whether it is quoted speech (the text's framing); NULL for the headline,
 * which is not framed: there every quotation counts. The nearest actors are the frame's
 * for the text, and r->headline_nearest's for the headline (none when it is NULL). */
static void add_matches(slant_jw *w, const slant_result *r, const char *field,
                        const slant_doc *d, const slant_matches *ms, size_t base,
                        const uint8_t *speech)
{
    int title = d == r->headline;
    for (size_t k = 0; k < ms->n; k++) {
        slant_nearest_actor near = { UINT32_MAX, 0 };
        if (!title)
            near = slant_frame_nearest(r->frame, k);
        else if (r->headline_nearest)
            near = r->headline_nearest[k];
        add_match(w, r->lex, field, d, &ms->items[k], base, speech, near);
    }
}

static void add_evidence(slant_jw *w, const slant_result *r)
{
    slant_jw_key(w, "evidence");
    slant_jw_open(w, '[');
    if (r->headline)
        add_matches(w, r, "title", r->headline, r->headline_matches, 0, NULL);
    add_matches(w, r, "text", r->doc, r->matches, r->article->text_offset, r->frame->speech);
    slant_jw_close(w, ']');
}

/* "signature": {"STEM": COUNT, ...} in the signature's order (signature.h). */
static void add_signature(slant_jw *w, const slant_signature *g)
{
    slant_jw_key(w, "signature");
    slant_jw_open(w, '{');
    for (size_t i = 0; i < g->n; i++) {
        slant_jw_key_len(w, g->terms[i].stem, g->terms[i].len); /* no escapes: score.c */
        slant_jw_count(w, g->terms[i].count);
    }
    slant_jw_close(w, '}');
}

void slant_json_write_record(const slant_result *r, slant_buf *out)
{
    const slant_article *a = r->article;
    const slant_record *rec = r->record;
    slant_jw w;
    slant_jw_init(&w, out);
    slant_jw_open(&w, '{');
    slant_jw_member_count(&w, "schema", SLANT_SCORE_SCHEMA);
    slant_jw_member_cstring(&w, "id", a->id);
    slant_jw_member_cstring(&w, "source", a->source);
    text_member(&w, r->compact, "date", a->date);
    text_member(&w, r->compact, "title", a->title);
    text_member(&w, r->compact, "url", a->url);
    text_member(&w, r->compact, "event", a->event);
    slant_jw_member_cstring(&w, "lang", a->lang ? a->lang : slant_lexicon_language(r->lex));
    slant_jw_member_cstring(&w, "file", r->origin);
    if (r->line)
        slant_jw_member_count(&w, "line", (size_t)r->line);
    add_fields(&w, a);
    slant_jw_member_count(&w, "tokens", rec->tokens);
    slant_jw_member_count(&w, "sentences", rec->sentences);
    slant_jw_member_count(&w, "paragraphs", rec->paragraphs);
    slant_jw_member_count(&w, "quotes", rec->quotes);
    slant_jw_member_count(&w, "quote_tokens", rec->quote_tokens);
    slant_jw_member_count(&w, "invalid_utf8", rec->invalid_utf8);
    slant_jw_member_count(&w, "lead_tokens", rec->lead_tokens);
    slant_jw_member_count(&w, "headline_tokens", rec->headline_tokens);
    add_index(&w, &rec->index);
    slant_jw_member_number(&w, "coverage",
               rec->tokens ? (double)rec->matched_tokens / (double)rec->tokens : NAN);
    slant_jw_member_count(&w, "window", r->frame->window);
    add_categories(&w, r);
    add_entries(&w, r);
    add_contested(&w, r);
    add_framing(&w, r);
    add_actors(&w, r);
    add_provenance(&w, r->lex, r->weights, r->compact);
    if (r->signature)
        add_signature(&w, r->signature);
    if (r->evidence)
        add_evidence(&w, r);
    slant_jw_close(&w, '}');
    slant_buf_addc(out, '\n');
    slant_jw_release(&w);
}

/* --- sentence records ------------------------------------------------------------------- */

/* A sentence's matches per index category, sparse: {"ID": {"count", "author", "quoted"}}. */
static void add_sentence_categories(slant_jw *w, const slant_result *r,
                                    const slant_sentence_unit *u)
{
    const slant_match *m = slant_sentence_unit_matches(r->matches, u);
    slant_jw_key(w, "categories");
    slant_jw_open(w, '{');
    for (size_t i = 0; i < slant_lexicon_ncategories(r->lex); i++) {
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (!slant_category_in_index(cat))
            continue;
        size_t count = 0, quoted = 0;
        for (size_t k = 0; k < u->nmatches; k++) {
            if (m[k].category != i)
                continue;
            count++;
            quoted += r->frame->speech[m[k].first_token] != 0;
        }
        if (!count)
            continue;
        slant_jw_key(w, cat->id);
        slant_jw_open(w, '{');
        slant_jw_member_count(w, "count", count);
        slant_jw_member_count(w, "author", count - quoted);
        slant_jw_member_count(w, "quoted", quoted);
        slant_jw_close(w, '}');
    }
    slant_jw_close(w, '}');
}

void slant_json_write_sentences(const slant_result *r, slant_buf *out)
{
    const slant_article *a = r->article;
    const slant_doc *d = r->doc;
    size_t base = a->text_offset, cursor = 0;
    slant_jw w;
    slant_jw_init(&w, out);
    for (size_t i = 0; i < d->nsentences; i++) {
        slant_sentence_unit u;
        slant_sentence_unit_of(d, r->frame->speech, r->matches, r->weights, i, &cursor, &u);
        slant_jw_open(&w, '{');
        slant_jw_member_count(&w, "schema", SLANT_SENTENCE_SCHEMA);
        slant_jw_member_cstring(&w, "id", a->id);
        slant_jw_member_cstring(&w, "source", a->source);
        slant_jw_member_cstring(&w, "file", r->origin);
        if (r->line)
            slant_jw_member_count(&w, "line", (size_t)r->line);
        add_fields(&w, a);
        slant_jw_member_count(&w, "sentence", u.sentence);
        slant_jw_member_count(&w, "paragraph", u.paragraph);
        slant_jw_member_count(&w, "start", base + u.start);
        slant_jw_member_count(&w, "end", base + u.end);
        slant_jw_member_string(&w, "text", d->text + u.start, u.end - u.start);
        slant_jw_member_count(&w, "tokens", u.tokens);
        slant_jw_member_count(&w, "quote_tokens", u.quote_tokens);
        add_index(&w, &u.index);
        add_sentence_categories(&w, r, &u);
        slant_jw_key(&w, "matches");
        slant_jw_open(&w, '[');
        for (size_t k = 0; k < u.nmatches; k++)
            add_match(&w, r->lex, "text", d, &r->matches->items[u.first_match + k], base,
                      r->frame->speech, slant_frame_nearest(r->frame, u.first_match + k));
        slant_jw_close(&w, ']');
        add_provenance(&w, r->lex, r->weights, 0);
        slant_jw_close(&w, '}');
        slant_buf_addc(out, '\n');
    }
    slant_jw_release(&w);
}
