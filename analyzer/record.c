#include "record.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void slant_record_init(slant_record *r)
{
    memset(r, 0, sizeof *r);
}

void slant_record_release(slant_record *r)
{
    free(r->cats);
    free(r->covered);
    memset(r, 0, sizeof *r);
}

double slant_rate_per_1000(size_t count, size_t tokens)
{
    return tokens ? 1000.0 * (double)count / (double)tokens : NAN;
}

void slant_record_compute(slant_record *r, const slant_lexicon *lex, const slant_weights *w,
                          const slant_doc *doc, const slant_matches *m, const slant_frame *f,
                          const slant_doc *headline, const slant_matches *hm)
{
    size_t ncats = slant_lexicon_ncategories(lex);
    r->cats = xgrow(r->cats, &r->cats_cap, ncats, sizeof *r->cats);
    memset(r->cats, 0, ncats * sizeof *r->cats);
    r->ncats = ncats;
    r->tokens = doc->ntokens;
    r->sentences = doc->nsentences;
    r->paragraphs = doc->nparagraphs;
    r->quotes = doc->nquotes;
    r->invalid_utf8 = doc->invalid_utf8;
    r->quote_tokens = doc->ntokens - f->author_tokens;

    r->covered = xgrow(r->covered, &r->covered_cap, doc->ntokens, 1);
    if (doc->ntokens)
        memset(r->covered, 0, doc->ntokens);
    /* The index's sums, added up in this loop so that each match's overlap rule is decided
     * once (slant_index_add, as slant_index_of_matches does for a sentence). */
    slant_index_sums sums = { 0, 0, 0 };
    for (size_t k = 0; k < m->n; k++) {
        const slant_match *x = &m->items[k];
        slant_category_stats *c = &r->cats[x->category];
        c->count++;
        /* A match is quoted speech when its first word is (a scare quote is not). */
        int speech = f->speech[x->first_token] != 0;
        c->indexed += (uint32_t)slant_index_add(&sums, w, m->items, m->n, k, speech);
        if (speech)
            c->quoted++;
        else
            c->author++;
        c->lead += x->first_token < doc->lead_tokens;
        c->negated += x->negated;
        c->boosted += x->boosted;
        c->diminished += x->diminished;
        c->score += slant_lexicon_entry(lex, x->entry)->weight;
        memset(r->covered + x->first_token, 1, x->ntokens);
    }
    r->matched_tokens = 0;
    for (size_t i = 0; i < doc->ntokens; i++)
        r->matched_tokens += r->covered[i];
    r->index = slant_index_from_sums(sums.all, sums.author, sums.quoted, r->tokens, r->quote_tokens);
    r->lead_tokens = doc->lead_tokens;
    r->headline_tokens = headline ? headline->ntokens : 0;
    for (size_t k = 0; hm && k < hm->n; k++)
        r->cats[hm->items[k].category].headline++;
}

/* --- what a score record holds ------------------------------------------------------------ */

const char *slant_record_lang(const slant_result *r)
{
    return r->article->lang ? r->article->lang : slant_lexicon_language(r->lex);
}

int slant_record_field_is_text(const slant_field *x)
{
    return x->is_string || !x->value;
}

int slant_record_lists_category(const slant_category *cat)
{
    return !cat->concept && !cat->actor;
}

/* A matched entry of a text: the first of its matches (an index into the matches) and
 * how many there are. */
typedef struct {
    uint32_t entry;
    size_t first, count;
} entry_tally;

/* Room for the entry slots of slant_record_visit_entries on the stack; more matches: malloc. */
#define ENTRY_SLOTS_ON_STACK 1024

void slant_record_visit_entries(const slant_result *r,
                                void (*sink)(const slant_record_entry *e, void *ctx),
                                void *ctx)
{
    const slant_lexicon *lex = r->lex;
    const slant_matches *m = r->matches;
    entry_tally *x = xmalloc((m->n ? m->n : 1) * sizeof *x);
    /* One pass in match order: an entry seen for the first time gets the next tally (so
     * the tallies are in the order of first matches), a table of entry -> tally (open
     * addressing, at most half full) finds it again. */
    size_t nslots = 16;
    while (nslots < 2 * m->n)
        nslots *= 2;
    uint32_t stack[ENTRY_SLOTS_ON_STACK];
    uint32_t *slot = nslots <= ENTRY_SLOTS_ON_STACK ? stack : xmalloc(nslots * sizeof *slot);
    memset(slot, 0xff, nslots * sizeof *slot); /* UINT32_MAX: empty */
    size_t u = 0;
    for (size_t k = 0; k < m->n; k++) {
        uint32_t e = m->items[k].entry;
        if (slant_lexicon_entry(lex, e)->stance)
            continue;
        size_t i = (size_t)((e * UINT64_C(0x9e3779b97f4a7c15)) >> 40) & (nslots - 1);
        while (slot[i] != UINT32_MAX && x[slot[i]].entry != e)
            i = (i + 1) & (nslots - 1);
        if (slot[i] == UINT32_MAX) {
            slot[i] = (uint32_t)u;
            x[u].entry = e;
            x[u].first = k;
            x[u++].count = 0;
        }
        x[slot[i]].count++;
    }
    if (slot != stack)
        free(slot);
    for (size_t k = 0; k < u; k++) {
        /* the entry's category: its first match's */
        slant_record_entry item = {
            slant_lexicon_category(lex, m->items[x[k].first].category)->id,
            slant_lexicon_entry(lex, x[k].entry)->text, x[k].count, x[k].entry
        };
        sink(&item, ctx);
    }
    free(x);
}

void slant_record_visit_contested(const slant_result *r,
                                  void (*sink)(const slant_record_variant *v, void *ctx),
                                  void *ctx)
{
    const slant_matches *m = r->matches;
    for (size_t i = 0; i < r->record->ncats; i++) {
        const slant_category *cat = slant_lexicon_category(r->lex, i);
        if (!cat->concept || !r->record->cats[i].count)
            continue;
        /* the matches of each variant (the category's entries are a range), in one pass */
        size_t on_stack[64];
        size_t *n = cat->nentries <= 64 ? on_stack : xmalloc(cat->nentries * sizeof *n);
        memset(n, 0, cat->nentries * sizeof *n);
        for (size_t k = 0; k < m->n; k++) {
            size_t e = m->items[k].entry;
            if (e >= cat->first_entry && e - cat->first_entry < cat->nentries)
                n[e - cat->first_entry]++;
        }
        for (size_t j = 0; j < cat->nentries; j++) {
            if (!n[j])
                continue;
            slant_record_variant v = { cat->id, slant_lexicon_entry(r->lex, cat->first_entry + j),
                                       n[j] };
            sink(&v, ctx);
        }
        if (n != on_stack)
            free(n);
    }
}

void slant_record_visit_actors(const slant_result *r,
                               void (*sink)(const char *actor, const slant_actor_stats *s,
                                            void *ctx),
                               void *ctx)
{
    const slant_frame *f = r->frame;
    for (size_t a = 0; a < f->nactors; a++) {
        const slant_actor_stats *s = &f->actors[a];
        if (s->mentions || s->quotes)
            sink(slant_lexicon_category(r->lex, s->category)->id, s, ctx);
    }
}
