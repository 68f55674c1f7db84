/* Score records and sentence records as JSON Lines (record_json.h). */

#include "record_json.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "indicator.h"
#include "jw.h"
#include "version.h"

static void add_fields(slant_jw *w, const slant_article *a)
{
    if (!a->nfields)
        return;
    slant_jw_key(w, "fields");
    slant_jw_open(w, '{');
    for (size_t k = 0; k < a->nfields; k++) {
        const slant_field *x = &a->fields[k];
        if (slant_record_field_is_text(x)) {
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
        if (!slant_record_lists_category(cat))
            continue;
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

/* What the walks of record.h (write_actor, write_variant) write with: the writer and
 * the record. */
typedef struct {
    slant_jw *w;
    const slant_result *r;
    int opened;               /* "contested" is open */
} walk_sink;

/* One actor of "actors": mentions, quoted speech, violence roles, co-occurrence. */
static void write_actor(const char *actor, const slant_actor_stats *s, void *ctx)
{
    const walk_sink *k = ctx;
    slant_jw *w = k->w;
    int compact = k->r->compact;
    const slant_lexicon *lex = k->r->lex;
    size_t ncats = slant_lexicon_ncategories(lex);
    slant_jw_key(w, actor);
    slant_jw_open(w, '{');
    count_member(w, compact, "mentions", s->mentions);
    count_member(w, compact, "quotes", s->quotes);
    count_member(w, compact, "quoted_words", s->quoted_words);
    count_member(w, compact, "agent", s->agent);
    count_member(w, compact, "patient", s->patient);
    const uint32_t *tables[] = { s->sentence, s->window };
    const char *names[] = { "sentence", "window" };
    for (size_t t = 0; t < 2; t++) {
        size_t any = 0;
        for (size_t i = 0; i < ncats && compact && !any; i++)
            any = tables[t][i];
        if (compact && !any)
            continue; /* no category near it: {} left out */
        slant_jw_key(w, names[t]);
        slant_jw_open(w, '{');
        for (size_t i = 0; i < ncats; i++) {
            const slant_category *cat = slant_lexicon_category(lex, i);
            if (slant_record_lists_category(cat))
                count_member(w, compact, cat->id, tables[t][i]);
        }
        slant_jw_close(w, '}');
    }
    slant_jw_close(w, '}');
}

/* Each actor the text mentions or quotes. */
static void add_actors(slant_jw *w, const slant_result *r)
{
    walk_sink k = { w, r, 0 };
    slant_jw_key(w, "actors");
    slant_jw_open(w, '{');
    slant_record_visit_actors(r, write_actor, &k);
    slant_jw_close(w, '}');
}

/* One variant of "contested", the list opened before the first. */
static void write_variant(const slant_record_variant *v, void *ctx)
{
    walk_sink *k = ctx;
    slant_jw *w = k->w;
    if (!k->opened) {
        slant_jw_key(w, "contested");
        slant_jw_open(w, '[');
        k->opened = 1;
    }
    slant_jw_element(w);
    slant_jw_open(w, '{');
    slant_jw_member_cstring(w, "concept", v->concept);
    slant_jw_member_cstring(w, "variant", v->variant->text);
    slant_jw_member_cstring(w, "stance", v->variant->stance);
    slant_jw_member_count(w, "count", v->count);
    slant_jw_close(w, '}');
}

/* Each contested concept's variants the text uses, with their counts; a compact record
 * leaves an empty list out (it is opened at the first variant). */
static void add_contested(slant_jw *w, const slant_result *r)
{
    walk_sink k = { w, r, 0 };
    if (!r->compact) {
        slant_jw_key(w, "contested");
        slant_jw_open(w, '[');
        k.opened = 1;
    }
    slant_record_visit_contested(r, write_variant, &k);
    if (k.opened)
        slant_jw_close(w, ']');
}

/* One entry of "entries": ["CATEGORY", "ENTRY", n]. */
static void write_entry(const slant_record_entry *e, void *ctx)
{
    slant_jw *w = ctx;
    slant_jw_element(w);
    slant_jw_open(w, '[');
    slant_jw_element(w);
    slant_jw_string(w, e->category, strlen(e->category));
    slant_jw_element(w);
    slant_jw_string(w, e->entry, strlen(e->entry));
    slant_jw_element(w);
    slant_jw_count(w, e->count);
    slant_jw_close(w, ']');
}

/* The text's matched entries with their counts, [["CATEGORY", "ENTRY", n], ...], in the
 * order of each entry's first match: the order in which the text's evidence names them,
 * so that compare's keyness from these counts is its keyness from the evidence, term
 * order included. A contested variant is under "contested" instead (as in evidence
 * read by compare, where a match with a stance is skipped). */
static void add_entries(slant_jw *w, const slant_result *r)
{
    slant_jw_key(w, "entries");
    slant_jw_open(w, '[');
    slant_record_visit_entries(r, write_entry, w);
    slant_jw_close(w, ']');
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
    slant_jw_member_cstring(&w, "lang", slant_record_lang(r));
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
