#include "json.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
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
    if (strcmp(s, "negator") == 0)
        return SLANT_ROLE_NEGATOR;
    if (strcmp(s, "booster") == 0)
        return SLANT_ROLE_BOOSTER;
    if (strcmp(s, "diminisher") == 0)
        return SLANT_ROLE_DIMINISHER;
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
    static const char *const required[] = { "id", "file", "group", "definition" };
    char *const values[] = { mc->id, mc->file, mc->group, mc->definition };
    for (size_t k = 0; k < 4; k++)
        if (!values[k])
            return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                   "categories[%zu] lacks the string field '%s'", index,
                                   required[k]);
    static const char *const groups[] = { "loaded", "epistemic", "structural", "contested" };
    int known = 0;
    for (size_t k = 0; k < 4; k++)
        known |= strcmp(mc->group, groups[k]) == 0;
    if (!known)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "category '%s' has unknown group '%s' (loaded, epistemic, "
                               "structural or contested)",
                               mc->id, mc->group);
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(c, "role");
    if (role && !cJSON_IsNull(role)) {
        slant_role r = cJSON_IsString(role) ? role_named(role->valuestring) : (slant_role)-1;
        if ((int)r < 0)
            return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                                   "category '%s' has unknown role (negator, booster or "
                                   "diminisher)",
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
    const char *stop;
    cJSON *root = parse(text, len, &stop);
    if (!root) {
        char what[64];
        long line, col;
        syntax_problem(text, len, stop, what, sizeof what);
        position_of(text, stop ? stop : text + len, &line, &col);
        return slant_error_set(err, SLANT_ERR_INPUT, path, line, col, "invalid JSON: %s", what);
    }
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
    const char *stop;
    cJSON *root = parse(json, len, &stop);
    if (!root) {
        char what[64];
        syntax_problem(json, len, stop, what, sizeof what);
        long col = stop ? (long)(stop - json) + 1 : (long)len + 1;
        return slant_error_set(err, SLANT_ERR_INPUT, path, line, 0,
                               "invalid JSON: %s at column %ld", what, col);
    }
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
    a->text_len = strlen(text->valuestring);
    a->text = xmemdup(text->valuestring, a->text_len);
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

/* --- writing ----------------------------------------------------------------------- */

/* Adds a string member, made valid UTF-8; NULL becomes JSON null. */
static void add_string(cJSON *obj, const char *name, const char *s, size_t len, slant_buf *scratch)
{
    if (!s) {
        cJSON_AddNullToObject(obj, name);
        return;
    }
    slant_buf_reset(scratch);
    slant_utf8_sanitize(s, len, scratch);
    cJSON_AddStringToObject(obj, name, scratch->data ? scratch->data : "");
}

static void add_cstring(cJSON *obj, const char *name, const char *s, slant_buf *scratch)
{
    add_string(obj, name, s, s ? strlen(s) : 0, scratch);
}

/*
 * Members are added with cJSON's "CS" calls: the names are string literals or category
 * ids that outlive the record, so cJSON need not copy them.
 */
static void add_item(cJSON *obj, const char *name, cJSON *item)
{
    cJSON_AddItemToObjectCS(obj, name, item);
}

/* A count: a whole number below 2^53, printed exactly. */
static void add_count(cJSON *obj, const char *name, double v)
{
    char text[32];
    snprintf(text, sizeof text, "%.0f", v);
    add_item(obj, name, cJSON_CreateRaw(text));
}

/*
 * A real number, rounded to 10 significant digits (rates and shares are derived from
 * counts that are in the record too, so nothing is lost), or null where it is undefined
 * (NaN): the schema documents each such field. Numbers are printed once here rather than
 * by cJSON, whose print-scan-reprint of every double took a fifth of slant's run time.
 */
static void add_number(cJSON *obj, const char *name, double v)
{
    if (isnan(v) || isinf(v)) {
        add_item(obj, name, cJSON_CreateNull());
    } else if (v == floor(v) && fabs(v) < 1e15) {
        add_count(obj, name, v);
    } else {
        char text[32];
        snprintf(text, sizeof text, "%.10g", v);
        add_item(obj, name, cJSON_CreateRaw(text));
    }
}

static void add_fields(cJSON *root, const slant_article *a, slant_buf *scratch)
{
    if (!a->nfields)
        return;
    cJSON *f = cJSON_AddObjectToObject(root, "fields");
    for (size_t k = 0; k < a->nfields; k++) {
        const slant_field *x = &a->fields[k];
        if (x->is_string)
            add_cstring(f, x->name, x->value, scratch);
        else if (x->value) /* JSON that cJSON itself printed when reading the record */
            cJSON_AddRawToObject(f, x->name, x->value);
        else
            cJSON_AddNullToObject(f, x->name);
    }
}

static void add_categories(cJSON *root, const slant_result *r)
{
    cJSON *cats = cJSON_CreateObject();
    add_item(root, "categories", cats);
    const slant_record *rec = r->record;
    for (size_t i = 0; i < rec->ncats; i++) {
        const slant_category_stats *s = &rec->cats[i];
        cJSON *c = cJSON_CreateObject();
        add_item(cats, slant_lexicon_category(r->lex, i)->id, c);
        add_count(c, "count", s->count);
        add_number(c, "rate", slant_rate_per_1000(s->count, rec->tokens));
        add_number(c, "score", s->score);
        add_count(c, "author", s->author);
        add_count(c, "quoted", s->quoted);
        add_count(c, "negated", s->negated);
        add_count(c, "boosted", s->boosted);
        add_count(c, "diminished", s->diminished);
        add_count(c, "lead", s->lead);
        add_count(c, "headline", s->headline);
    }
}

static void add_provenance(cJSON *root, const slant_lexicon *lex)
{
    cJSON *p = cJSON_AddObjectToObject(root, "provenance");
    cJSON_AddStringToObject(p, "tool", "slant " SLANT_VERSION);
    cJSON_AddStringToObject(p, "lexicon", slant_lexicon_id(lex));
    cJSON_AddStringToObject(p, "lexicon_version", slant_lexicon_version(lex));
    cJSON_AddStringToObject(p, "lexicon_hash", slant_lexicon_hash(lex));
    cJSON_AddStringToObject(p, "stemmer", slant_lexicon_stemmer(lex));
}

/* The matches of one field ("text" or "title"); offsets are relative to `base`. */
static void add_matches(cJSON *ev, const slant_result *r, const char *field,
                        const slant_doc *d, const slant_matches *ms, size_t base,
                        slant_buf *scratch)
{
    for (size_t k = 0; k < ms->n; k++) {
        const slant_match *m = &ms->items[k];
        const slant_token *first = &d->tokens[m->first_token];
        const slant_token *last = &d->tokens[m->first_token + m->ntokens - 1];
        const slant_entry *e = slant_lexicon_entry(r->lex, m->entry);
        cJSON *x = cJSON_CreateObject();
        add_item(x, "field", cJSON_CreateStringReference(field));
        add_count(x, "start", (double)(base + first->start));
        add_count(x, "end", (double)(base + last->end));
        add_count(x, "sentence", first->sentence);
        add_string(x, "surface", d->text + first->start, last->end - first->start, scratch);
        add_item(x, "category",
                 cJSON_CreateStringReference(slant_lexicon_category(r->lex, m->category)->id));
        add_cstring(x, "entry", e->text, scratch);
        cJSON_AddBoolToObject(x, "negated", m->negated);
        cJSON_AddBoolToObject(x, "boosted", m->boosted);
        cJSON_AddBoolToObject(x, "diminished", m->diminished);
        cJSON_AddBoolToObject(x, "in_quote", first->quote != 0);
        cJSON_AddItemToArray(ev, x);
    }
}

static void add_evidence(cJSON *root, const slant_result *r, slant_buf *scratch)
{
    cJSON *ev = cJSON_AddArrayToObject(root, "evidence");
    if (r->headline)
        add_matches(ev, r, "title", r->headline, r->headline_matches, 0, scratch);
    add_matches(ev, r, "text", r->doc, r->matches, r->article->text_offset, scratch);
}

void slant_json_write_record(const slant_result *r, slant_buf *out)
{
    const slant_article *a = r->article;
    const slant_record *rec = r->record;
    slant_buf scratch;
    slant_buf_init(&scratch, SIZE_MAX / 2);
    cJSON *root = cJSON_CreateObject();
    add_count(root, "schema", SLANT_SCORE_SCHEMA);
    add_cstring(root, "id", a->id, &scratch);
    add_cstring(root, "source", a->source, &scratch);
    add_cstring(root, "date", a->date, &scratch);
    add_cstring(root, "title", a->title, &scratch);
    add_cstring(root, "url", a->url, &scratch);
    add_cstring(root, "event", a->event, &scratch);
    add_cstring(root, "lang", a->lang ? a->lang : slant_lexicon_language(r->lex), &scratch);
    add_cstring(root, "file", r->origin, &scratch);
    if (r->line)
        add_count(root, "line", (double)r->line);
    add_fields(root, a, &scratch);
    add_count(root, "tokens", (double)rec->tokens);
    add_count(root, "sentences", (double)rec->sentences);
    add_count(root, "paragraphs", (double)rec->paragraphs);
    add_count(root, "quotes", (double)rec->quotes);
    add_count(root, "quote_tokens", (double)rec->quote_tokens);
    add_count(root, "invalid_utf8", (double)rec->invalid_utf8);
    add_count(root, "lead_tokens", (double)rec->lead_tokens);
    add_count(root, "headline_tokens", (double)rec->headline_tokens);
    add_number(root, "coverage",
               rec->tokens ? (double)rec->matched_tokens / (double)rec->tokens : NAN);
    add_categories(root, r);
    add_provenance(root, r->lex);
    if (r->evidence)
        add_evidence(root, r, &scratch);

    char *s = cJSON_PrintUnformatted(root);
    if (s) {
        slant_buf_adds(out, s);
        cJSON_free(s);
    }
    slant_buf_addc(out, '\n');
    cJSON_Delete(root);
    slant_buf_release(&scratch);
}
