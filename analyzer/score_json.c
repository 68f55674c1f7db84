/* `slant score` records read into a dataset, with cJSON (score_json.h): the reader
 * of record; score_read.c is the fast path that hands it anything unusual. One of the
 * files that include cJSON (json.h lists them). */

#include "score_json.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "indicator.h"
#include "json.h"
#include "jsonline.h"
#include "subset.h"
#include "xalloc.h"

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
    cJSON *root = slant_json_parse(json, len, &stop);
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
    cJSON *root = slant_json_parse_record(json, len, path, line, err);
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
    char *group = slant_json_scalar_text(field_of(root, f->by));
    if (group && f->bin) {
        char bin[32];
        int known = slant_bin_date((slant_bin)f->bin, group, bin, sizeof bin) == 0;
        free(group);
        group = known ? xstrdup(bin) : NULL;
    }
    char *event = f->event ? slant_json_scalar_text(field_of(root, f->event)) : NULL;
    char *id = slant_json_scalar_text(cJSON_GetObjectItemCaseSensitive(root, "id"));
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
    char *date = slant_json_scalar_text(field_of(root, "date"));
    if (date) {
        int32_t day;
        if (slant_date_parse(date, strlen(date), &day) == 0)
            slant_dataset_set_day(ds, slant_dataset_nrows(ds) - 1, day);
        else
            slant_dataset_note_bad_date(ds, 1);
        free(date);
    }
    if (f->stratum) {
        char *stratum = slant_json_scalar_text(field_of(root, f->stratum));
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
