/* compare's rows built from scored articles (see score_read.h): the row a score record
 * would give, made on the scoring thread from the scored article itself, and rows as bytes
 * (the pipeline carries them from the workers to the writer). */

#include "score_read.h"
#include "score_read_parts.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "jsonline.h"
#include "normalize.h"
#include "numtext.h"
#include "record.h"
#include "xalloc.h"

/* A string as a score record writes it and a reader reads it back (jw.c's
 * slant_jw_string): made valid UTF-8 (cJSON's escapes read back as the bytes they stand
 * for); a NULL as none. Its offset, or SIZE_MAX. */
static size_t add_written(slant_score_parsed *p, const char *s)
{
    if (!s)
        return SIZE_MAX;
    size_t at = p->strings.len;
    slant_utf8_sanitize(s, strlen(s), &p->strings);
    slant_buf_addc(&p->strings, '\0');
    return at;
}

/* The member `path` of the record `src` (a slant_result) would have, as a reader gets it
 * back: from the indicator table's row of that member (its column function), a count
 * exactly, any other number as written (numtext.h); NAN for no such member. */
static double result_at(const void *src, const char *path)
{
    const slant_indicator *x = slant_indicator_of_member(path);
    if (!x)
        return NAN;
    double v = x->column(src);
    return x->unit == SLANT_UNIT_COUNT ? (double)(size_t)v : slant_number_as_written(v);
}

/* Whether the record has member `name` at its top: some row of the table is that member or
 * one inside it ("attribution" for "attribution.quotations"). */
static int result_has(const void *src, const char *name)
{
    (void)src;
    size_t n = strlen(name);
    for (size_t i = 0; i < slant_indicator_count(); i++) {
        const char *m = slant_indicator_at(i)->record;
        if (m && !strncmp(m, name, n) && (m[n] == '\0' || m[n] == '.'))
            return 1;
    }
    return 0;
}

/* Field `name` of the scored article as the readers take it from its record (field_of,
 * then scalar): 1 with its offset in the strings (SIZE_MAX: none), or 0 when only the
 * record's JSON can say (a number or a boolean, printed the way cJSON prints it). A field
 * the record holds as a member of its own ("file", "tokens") is not asked for here
 * (slant_score_rows_possible). */
static int field_text(slant_score_parsed *p, const slant_result *r, const char *name,
                      size_t *at)
{
    const slant_article *a = r->article;
    const char *v;
    if (slant_article_get(a, name, &v)) {
        if (!strcmp(name, "lang"))
            v = slant_record_lang(r);
        *at = add_written(p, v);
        return 1;
    }
    *at = SIZE_MAX;
    for (size_t k = 0; k < a->nfields; k++) {
        const slant_field *x = &a->fields[k];
        if (strcmp(x->name, name) != 0)
            continue;
        if (slant_record_field_is_text(x))
            *at = add_written(p, x->value);
        else if (x->value[0] != '{' && x->value[0] != '[' && strcmp(x->value, "null") != 0)
            return 0;
        return 1;
    }
    return 1;
}

/* A contested variant of the record (slant_record_visit_contested), into the row `ctx`. */
static void row_variant(const slant_record_variant *v, void *ctx)
{
    slant_score_parsed *p = ctx;
    size_t owner = add_written(p, v->concept), name = add_written(p, v->variant->text);
    slant_score_parsed_pend(p, SLANT_ENTRY_VARIANT, owner, name, 0, (double)v->count);
}

/* What row_actor adds to: the row, and the lexicon that names the categories. */
typedef struct {
    slant_score_parsed *p;
    const slant_lexicon *lex;
} row_sink;

/* An actor of the record (slant_record_visit_actors): its mentions, then its matches per
 * category in the sentences that mention it (what the readers take of "actors"). Their
 * names are member names, written as they are. */
static void row_actor(const char *actor, const slant_actor_stats *x, void *ctx)
{
    const row_sink *k = ctx;
    slant_score_parsed *p = k->p;
    if (x->mentions)
        slant_score_parsed_pend(p, SLANT_ENTRY_ACTOR, slant_score_parsed_add_name(p, actor),
                                slant_score_parsed_add_name(p, "mentions"), 0,
                                (double)x->mentions);
    for (size_t i = 0; i < slant_lexicon_ncategories(k->lex); i++) {
        const slant_category *cat = slant_lexicon_category(k->lex, i);
        if (slant_record_lists_category(cat) && x->sentence[i])
            slant_score_parsed_pend(p, SLANT_ENTRY_ACTOR, slant_score_parsed_add_name(p, actor),
                                    slant_score_parsed_add_name(p, cat->id), 0,
                                    (double)x->sentence[i]);
    }
}

/* A matched entry of the record (slant_record_visit_entries), into the row `ctx`. */
static void row_entry(const slant_record_entry *e, void *ctx)
{
    slant_score_parsed *p = ctx;
    size_t owner = add_written(p, e->category), name = add_written(p, e->entry);
    /* the hint: the entry's number in the one lexicon of a compare on articles (a match's
     * category is its entry's, so the number names the whole key) */
    slant_score_parsed_pend(p, SLANT_ENTRY_TERM, owner, name, 1 + e->entry_index,
                            (double)e->count);
}

/* The record's signature: its stems as they are (score.c writes them without escapes). */
static void row_signature(slant_score_parsed *p, const slant_signature *g)
{
    p->has_sig = 1;
    p->sig = xgrow(p->sig, &p->sig_cap, g->n ? g->n : 1, sizeof *p->sig);
    for (size_t i = 0; i < g->n; i++) {
        p->sig[i].stem = p->strings.len;
        p->sig[i].len = g->terms[i].len;
        p->sig[i].count = g->terms[i].count;
        slant_buf_add(&p->strings, g->terms[i].stem, g->terms[i].len);
        slant_buf_addc(&p->strings, '\0');
    }
    p->nsig = g->n;
}

int slant_score_parsed_of_result(slant_score_parsed *p, const slant_result *r,
                                 const slant_score_fields *f)
{
    slant_buf_reset(&p->strings);
    p->nadds = 0;
    p->nsig = 0;
    p->has_sig = 0;
    p->ok = 0;
    if (f->bin) /* a group binned from a date: score_json.c's reader bins it */
        return 0;
    size_t group, event = SIZE_MAX, id, date, stratum = SIZE_MAX;
    if (!field_text(p, r, f->by, &group) || (f->event && !field_text(p, r, f->event, &event)) ||
        !field_text(p, r, "id", &id) || !field_text(p, r, "date", &date) ||
        (f->stratum && !field_text(p, r, f->stratum, &stratum)))
        return 0;
    const slant_record *rec = r->record;
    double tokens = (double)rec->tokens;
    slant_score_parsed_room(p, rec->ncats + slant_indicator_count());
    slant_score_member_source m = { result_at, result_has, r };
    size_t k = slant_score_read_derived(p, &m, tokens, SLANT_IND_LEADS, 0);
    for (size_t i = 0; i < rec->ncats; i++) { /* the record's "categories" */
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (!slant_record_lists_category(cat))
            continue;
        p->names[k] = slant_score_parsed_add_name(p, cat->id);
        p->values[k++] = slant_rate_per_1000(rec->cats[i].count, rec->tokens);
    }
    k = slant_score_read_derived(p, &m, tokens, 0, k);
    /* the record's contested variants, actors and entry counts, as the readers take them */
    slant_record_visit_contested(r, row_variant, p);
    row_sink actors = { p, r->lex };
    slant_record_visit_actors(r, row_actor, &actors);
    slant_record_visit_entries(r, row_entry, p);
    if (r->signature)
        row_signature(p, r->signature);
    p->k = k;
    p->group = group;
    p->event = event;
    p->stratum = stratum;
    p->id = id;
    p->date = date;
    p->tokens = tokens;
    p->had = 1;
    p->ok = 1;
    return 1;
}

/* Whether `name` is a metadata key of articles (article.h), which field_text takes from
 * the article. */
static int is_metadata(const char *name)
{
    slant_article none;
    slant_article_init(&none);
    const char *v;
    return slant_article_get(&none, name, &v);
}

int slant_score_rows_possible(const slant_score_fields *f, const char *record, size_t len)
{
    const char *names[] = { f->by, f->event, f->stratum };
    const char *v;
    size_t n;
    if (f->bin)
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i] && !is_metadata(names[i]) &&
            slant_jsonline_member(record, len, names[i], &v, &n))
            return 0;
    return 1;
}

/* --- rows as bytes --------------------------------------------------------------------------- */

/* What comes first in an encoded row; then names, values, adds, sig and strings. */
typedef struct {
    size_t k, nadds, nsig, nstrings;
    size_t group, event, id, date, stratum;
    double tokens;
    int had, has_sig;
} row_head;

void slant_score_parsed_encode(const slant_score_parsed *p, slant_buf *out)
{
    row_head h = { p->k, p->nadds, p->nsig, p->strings.len, p->group, p->event, p->id,
                   p->date, p->stratum, p->tokens, p->had, p->has_sig };
    slant_buf_add(out, &h, sizeof h);
    slant_buf_add(out, p->names, p->k * sizeof *p->names);
    slant_buf_add(out, p->values, p->k * sizeof *p->values);
    slant_buf_add(out, p->adds, p->nadds * sizeof *p->adds);
    slant_buf_add(out, p->sig, p->nsig * sizeof *p->sig);
    slant_buf_add(out, p->strings.data, p->strings.len);
}

size_t slant_score_parsed_decode(slant_score_parsed *p, const char *data, size_t len)
{
    row_head h;
    assert(len >= sizeof h);
    memcpy(&h, data, sizeof h);
    const char *at = data + sizeof h;
    slant_score_parsed_room(p, h.k);
    memcpy(p->names, at, h.k * sizeof *p->names);
    at += h.k * sizeof *p->names;
    memcpy(p->values, at, h.k * sizeof *p->values);
    at += h.k * sizeof *p->values;
    p->adds = xgrow(p->adds, &p->adds_cap, h.nadds ? h.nadds : 1, sizeof *p->adds);
    memcpy(p->adds, at, h.nadds * sizeof *p->adds);
    at += h.nadds * sizeof *p->adds;
    p->sig = xgrow(p->sig, &p->sig_cap, h.nsig ? h.nsig : 1, sizeof *p->sig);
    memcpy(p->sig, at, h.nsig * sizeof *p->sig);
    at += h.nsig * sizeof *p->sig;
    slant_buf_reset(&p->strings);
    slant_buf_add(&p->strings, at, h.nstrings);
    at += h.nstrings;
    assert((size_t)(at - data) <= len);
    p->k = h.k;
    p->nadds = h.nadds;
    p->nsig = h.nsig;
    p->group = h.group;
    p->event = h.event;
    p->id = h.id;
    p->date = h.date;
    p->stratum = h.stratum;
    p->tokens = h.tokens;
    p->had = h.had;
    p->has_sig = h.has_sig;
    p->ok = 1;
    return (size_t)(at - data);
}
