/* Subsets of a corpus (--where, --from, --to) and binned dates (--by date:UNIT); see
 * subset.h. */

#include "subset.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "jsonline.h"
#include "xalloc.h"

#define MAX_CONDITIONS 64

typedef struct {
    char *field;
    int negate;             /* != or !~ */
    int is_regex;           /* ~ */
    regex_t re;
    char **values;          /* = and !=: the comma list */
    size_t nvalues;
} condition;

struct slant_subset {
    condition conds[MAX_CONDITIONS];
    size_t n;
    int has_from, has_to;
    int32_t from, to;       /* the first day of --from, the last of --to */
    const char *fields[MAX_CONDITIONS + 1];
    size_t nfields;
};

slant_subset *slant_subset_new(void)
{
    return xcalloc(1, sizeof(slant_subset));
}

void slant_subset_free(slant_subset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        condition *c = &s->conds[i];
        free(c->field);
        if (c->is_regex)
            regfree(&c->re);
        for (size_t k = 0; k < c->nvalues; k++)
            free(c->values[k]);
        free(c->values);
    }
    free(s);
}

static void add_field(slant_subset *s, const char *name)
{
    for (size_t k = 0; k < s->nfields; k++)
        if (!strcmp(s->fields[k], name))
            return;
    s->fields[s->nfields++] = name;
}

slant_status slant_subset_where(slant_subset *s, const char *cond, slant_error *err)
{
    size_t at = strcspn(cond, "=~");
    if (!cond[at])
        return slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0,
                               "--where '%s' has no '=', '!=', '~' or '!~' (FIELD=VALUE)", cond);
    size_t flen = at;
    int negate = 0;
    if (flen && cond[flen - 1] == '!') {
        negate = 1;
        flen--;
    }
    if (!flen)
        return slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0,
                               "--where '%s' names no field (FIELD=VALUE)", cond);
    if (s->n == MAX_CONDITIONS)
        return slant_error_set(err, SLANT_ERR_LIMIT, NULL, 0, 0,
                               "more than %d --where conditions", MAX_CONDITIONS);
    condition *c = &s->conds[s->n];
    memset(c, 0, sizeof *c);
    const char *value = cond + at + 1;
    if (cond[at] == '~') {
        int rc = regcomp(&c->re, value, REG_EXTENDED | REG_NOSUB);
        if (rc != 0) {
            char why[200];
            regerror(rc, &c->re, why, sizeof why);
            regfree(&c->re);
            return slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0,
                                   "--where '%s': invalid regular expression: %s", cond, why);
        }
        c->is_regex = 1;
    } else {
        size_t cap = 0;
        const char *p = value;
        for (;;) {
            size_t n = strcspn(p, ",");
            c->values = xgrow(c->values, &cap, c->nvalues + 1, sizeof *c->values);
            c->values[c->nvalues++] = xmemdup(p, n);
            if (!p[n])
                break;
            p += n + 1;
        }
    }
    c->negate = negate;
    c->field = xmemdup(cond, flen);
    s->n++;
    add_field(s, c->field);
    return SLANT_OK;
}

slant_status slant_subset_id(slant_subset *s, const char *id, slant_error *err)
{
    if (s->n == MAX_CONDITIONS)
        return slant_error_set(err, SLANT_ERR_LIMIT, NULL, 0, 0,
                               "more than %d --where conditions", MAX_CONDITIONS);
    condition *c = &s->conds[s->n++];
    memset(c, 0, sizeof *c);
    c->field = xstrdup("id");
    c->values = xmalloc(sizeof *c->values);
    c->values[c->nvalues++] = xstrdup(id);
    add_field(s, c->field);
    return SLANT_OK;
}

slant_status slant_subset_date(slant_subset *s, int to, const char *date, slant_error *err)
{
    int32_t first, last;
    if (slant_date_parse_span(date, strlen(date), &first, &last) != 0)
        return slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0,
                               "invalid date '%s' for %s (YYYY, YYYY-MM, YYYY-MM-DD or a "
                               "date such as 'July 31, 2020' or '31 Jul 2020')",
                               date, to ? "--to" : "--from");
    if (to) {
        s->has_to = 1;
        s->to = last;
    } else {
        s->has_from = 1;
        s->from = first;
    }
    add_field(s, "date");
    return SLANT_OK;
}

int slant_subset_active(const slant_subset *s)
{
    return s && (s->n || s->has_from || s->has_to);
}

const char *const *slant_subset_fields(const slant_subset *s, size_t *n)
{
    *n = s ? s->nfields : 0;
    return s ? s->fields : NULL;
}

static int date_passes(const slant_subset *s, const char *date)
{
    if (!s->has_from && !s->has_to)
        return 1;
    int32_t first, last;
    if (!date || slant_date_parse_span(date, strlen(date), &first, &last) != 0)
        return 0;
    if (s->has_from && first < s->from)
        return 0;
    if (s->has_to && last > s->to)
        return 0;
    return 1;
}

static int condition_passes(const condition *c, const char *value)
{
    int hit = 0;
    if (value) {
        if (c->is_regex) {
            hit = regexec(&c->re, value, 0, NULL, 0) == 0;
        } else {
            for (size_t k = 0; k < c->nvalues && !hit; k++)
                hit = !strcmp(value, c->values[k]);
        }
    }
    return c->negate ? !hit : hit;
}

/* --- articles ------------------------------------------------------------------------------ */

static const char *article_field(const slant_article *a, const char *name)
{
    static const char *const meta[] = { "id", "source", "date", "title", "url", "event", "lang" };
    const char *const values[] = { a->id, a->source, a->date, a->title, a->url, a->event,
                                   a->lang };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++)
        if (!strcmp(name, meta[k]))
            return values[k];
    for (size_t k = 0; k < a->nfields; k++)
        if (!strcmp(a->fields[k].name, name))
            return a->fields[k].value;
    return NULL;
}

int slant_subset_article(const slant_subset *s, const slant_article *a)
{
    if (!slant_subset_active(s))
        return 1;
    for (size_t i = 0; i < s->n; i++)
        if (!condition_passes(&s->conds[i], article_field(a, s->conds[i].field)))
            return 0;
    return date_passes(s, a->date);
}

/* --- score records -------------------------------------------------------------------------- */

/* The value of a raw JSON member as text (a string decoded, anything else as spelled);
 * NULL for null. Caller frees. */
static char *member_text(const char *v, size_t n)
{
    if (n == 4 && !memcmp(v, "null", 4))
        return NULL;
    if (!n || v[0] != '"')
        return xmemdup(v, n);
    char *out = xmalloc(n + 1), *o = out;
    for (size_t i = 1; i + 1 < n; i++) {
        if (v[i] != '\\') {
            *o++ = v[i];
            continue;
        }
        if (++i + 1 >= n)
            break;
        switch (v[i]) {
        case 'n': *o++ = '\n'; break;
        case 't': *o++ = '\t'; break;
        case 'r': *o++ = '\r'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'u': {
            unsigned cp, lo;
            if (i + 4 >= n || !slant_jsonline_hex4(v + i + 1, &cp)) {
                *o++ = '?';
                break;
            }
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && v[i + 1] == '\\' &&
                v[i + 2] == 'u' && slant_jsonline_hex4(v + i + 3, &lo) && lo >= 0xDC00 &&
                lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            o += slant_jsonline_put_utf8(cp, o); /* at most 4 bytes for the 6 or 12 read */
            break;
        }
        default: *o++ = v[i]; break; /* \" \\ \/ */
        }
    }
    *o = '\0';
    return out;
}

/* A top-level member, or one of the record's "fields" (kept with --keep). */
static char *record_field(const char *json, size_t len, const char *name)
{
    const char *v;
    size_t n;
    if (slant_jsonline_member(json, len, name, &v, &n))
        return member_text(v, n);
    if (slant_jsonline_member(json, len, "fields", &v, &n) && n && v[0] == '{' &&
        slant_jsonline_member(v, n, name, &v, &n))
        return member_text(v, n);
    return NULL;
}

int slant_subset_record(const slant_subset *s, const char *json, size_t len)
{
    if (!slant_subset_active(s))
        return 1;
    int pass = 1;
    for (size_t i = 0; i < s->n && pass; i++) {
        char *value = record_field(json, len, s->conds[i].field);
        pass = condition_passes(&s->conds[i], value);
        free(value);
    }
    if (pass && (s->has_from || s->has_to)) {
        char *date = record_field(json, len, "date");
        pass = date_passes(s, date);
        free(date);
    }
    return pass;
}

/* --- dates -------------------------------------------------------------------------------- */

int slant_bin_of(const char *by)
{
    if (strncmp(by, "date:", 5) != 0)
        return SLANT_BIN_NONE;
    if (!strcmp(by + 5, "year"))
        return SLANT_BIN_YEAR;
    if (!strcmp(by + 5, "month"))
        return SLANT_BIN_MONTH;
    if (!strcmp(by + 5, "week"))
        return SLANT_BIN_WEEK;
    return -1;
}

int slant_bin_date(slant_bin bin, const char *date, char *out, size_t size)
{
    int32_t first, last;
    if (!date || size < SLANT_DATE_TEXT ||
        slant_date_parse_span(date, strlen(date), &first, &last) != 0)
        return -1;
    slant_period p = bin == SLANT_BIN_YEAR ? SLANT_PERIOD_YEAR
                   : bin == SLANT_BIN_MONTH ? SLANT_PERIOD_MONTH : SLANT_PERIOD_WEEK;
    /* a span (a year, a month) has a bin only when it lies within one */
    if (slant_period_start(p, first) != slant_period_start(p, last))
        return -1;
    slant_period_label(p, first, out);
    return 0;
}
