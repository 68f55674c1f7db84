/* Actors (frame_parts.h): each actor's mentions, the categories near them (same sentence,
 * within the window), its quotations, its roles in violence (agent, patient, agentless
 * passives); the nearest actor of each match (slant_nearest_actors). */

#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "frame_parts.h"
#include "xalloc.h"

/* --- actors ------------------------------------------------------------------------------------ */

static slant_actor_stats *actor_stats(slant_frame *f, uint32_t category)
{
    for (size_t i = 0; i < f->nactors; i++)
        if (f->actors[i].category == category)
            return &f->actors[i];
    return NULL;
}

static void setup_actors(const slant_frame_ctx *c, slant_frame *f)
{
    size_t ncats = slant_lexicon_ncategories(c->lex);
    f->nactors = 0;
    for (size_t i = 0; i < ncats; i++)
        f->nactors += slant_lexicon_category(c->lex, i)->actor;
    f->actors = xgrow(f->actors, &f->actors_cap, f->nactors + 1, sizeof *f->actors);
    f->counts = xgrow(f->counts, &f->counts_cap, 2 * f->nactors * ncats + 1, sizeof *f->counts);
    memset(f->counts, 0, (2 * f->nactors * ncats + 1) * sizeof *f->counts);
    size_t a = 0;
    for (size_t i = 0; i < ncats; i++) {
        if (!slant_lexicon_category(c->lex, i)->actor)
            continue;
        slant_actor_stats *s = &f->actors[a];
        memset(s, 0, sizeof *s);
        s->category = (uint32_t)i;
        s->sentence = f->counts + 2 * a * ncats;
        s->window = s->sentence + ncats;
        a++;
    }
}

/* The actor mentioned within `reach` words after word `from`, same clause, or SLANT_FRAME_NONE. */
static uint32_t actor_after(const slant_frame_ctx *c, size_t from, size_t reach)
{
    const slant_doc *d = c->doc;
    for (size_t k = from + 1;
         k <= from + reach && k < d->ntokens && slant_frame_same_place(d, from, k); k++) {
        uint32_t a = slant_frame_actor_at(c, k);
        if (a != SLANT_FRAME_NONE)
            return a;
    }
    return SLANT_FRAME_NONE;
}

/* Violence: agent and patient roles of actors, and agentless passives. */
static void violence_roles(const slant_frame_ctx *c, slant_frame *f, const slant_match *v)
{
    const slant_doc *d = c->doc;
    size_t at = v->first_token, after = at + v->ntokens;
    int be_before = at > 0 && slant_frame_same_place(d, at - 1, at) && slant_frame_is_be(d, at - 1);
    /* X attacked (agent), X were attacked (patient): a mention ending at most 3 words
     * before the match in its clause, with no "by" between. */
    for (size_t back = 1; back <= 3 && back <= at; back++) {
        size_t k = at - back;
        if (!slant_frame_same_place(d, k, at) || slant_frame_word_is(d, k, "by"))
            break;
        if (c->actor_end[k] != SLANT_FRAME_NONE) {
            slant_actor_stats *s = actor_stats(f, c->actor_end[k]);
            if (!be_before) {
                s->agent++;
                return;
            }
            s->patient++; /* a passive: its agent may follow ("by X") */
            break;
        }
    }
    int had_patient = 0;
    for (size_t back = 1; back <= 3 && back <= at && be_before; back++)
        had_patient |= c->actor_end[at - back] != SLANT_FRAME_NONE;
    uint32_t a;
    if (slant_frame_word_is(d, after, "by")) { /* attacked by X */
        if ((a = actor_after(c, after, 3)) != SLANT_FRAME_NONE)
            actor_stats(f, a)->agent++;
        return;
    }
    if (be_before && !had_patient)
        f->agentless_passives++;
    if ((slant_frame_word_is(d, after, "on") ||
         slant_frame_word_is(d, after, "against")) && /* attacks on X */
        (a = actor_after(c, after, 3)) != SLANT_FRAME_NONE)
        actor_stats(f, a)->patient++;
}

void slant_frame_actors(const slant_frame_ctx *c, slant_frame *f, size_t window)
{
    const slant_doc *d = c->doc;
    const slant_matches *m = c->s.m;
    setup_actors(c, f);
    if (!f->nactors)
        return;
    for (size_t i = 0; i < m->n; i++) {
        const slant_match *x = &m->items[i];
        slant_actor_stats *s = slant_lexicon_category(c->lex, x->category)->actor
                                   ? actor_stats(f, x->category)
                                   : NULL;
        if (s)
            s->mentions++;
    }
    /* Co-occurrence: for each mentioned actor, mark the sentences that mention it and the
     * words within the window of a mention; then each match of an ordinary category
     * counts once per actor whose marks it touches. */
    uint8_t *in_sentence = xcalloc(d->nsentences + 1, 1);
    uint8_t *near = xcalloc(d->ntokens + 1, 1);
    for (size_t a = 0; a < f->nactors; a++) {
        slant_actor_stats *s = &f->actors[a];
        if (!s->mentions)
            continue;
        memset(in_sentence, 0, d->nsentences + 1);
        memset(near, 0, d->ntokens + 1);
        for (size_t j = 0; j < m->n; j++) {
            const slant_match *y = &m->items[j];
            if (y->category != s->category)
                continue;
            size_t y0 = y->first_token, y1 = y0 + y->ntokens - 1;
            in_sentence[d->tokens[y0].sentence] = 1;
            size_t lo = y0 > window ? y0 - window : 0;
            size_t hi = y1 + window < d->ntokens ? y1 + window : d->ntokens - 1;
            memset(near + lo, 1, hi - lo + 1);
        }
        for (size_t i = 0; i < m->n; i++) {
            const slant_match *x = &m->items[i];
            const slant_category *cat = slant_lexicon_category(c->lex, x->category);
            if (cat->actor || cat->concept)
                continue;
            s->sentence[x->category] += in_sentence[d->tokens[x->first_token].sentence];
            int touches = 0;
            for (size_t t = x->first_token; t < x->first_token + x->ntokens && !touches; t++)
                touches = near[t];
            s->window[x->category] += (uint32_t)touches;
        }
    }
    free(in_sentence);
    free(near);
    for (size_t i = 0; i < f->nquotes; i++) {
        const slant_quotation *q = &f->quotes[i];
        if (q->actor == SLANT_FRAME_NONE)
            continue;
        slant_actor_stats *s = actor_stats(f, q->actor);
        s->quotes++;
        s->quoted_words += q->words;
    }
    for (size_t i = 0; i < m->n; i++)
        if (c->r.violence >= 0 && m->items[i].category == (uint32_t)c->r.violence)
            violence_roles(c, f, &m->items[i]);
}

/* --- the nearest actor of each match -------------------------------------------------------- */

/*
 * The actor mentions of a text, sorted two ways, so that the nearest of every match is
 * found in O(log n) (looking at every mention for each match is quadratic: 30,000 matches
 * took seconds). A key orders by sentence, then a word position, then match number.
 */
typedef struct {
    uint32_t sentence, pos, index;
} actor_key;

typedef struct {
    actor_key *by_end;      /* pos: the mention's last word */
    actor_key *by_start;    /* pos: its first word */
    size_t n;
    uint32_t longest;       /* words of the longest mention */
} actor_index;

static int key_cmp(const actor_key *a, const actor_key *b)
{
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int key_qsort(const void *a, const void *b)
{
    return key_cmp(a, b);
}

/* The first key not less than `k`. */
static size_t lower_bound(const actor_key *v, size_t n, actor_key k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(&v[mid], &k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void actor_index_build(const slant_lexicon *lex, const slant_doc *d,
                              const slant_matches *m, actor_index *ix)
{
    memset(ix, 0, sizeof *ix);
    size_t mentions = 0;
    for (size_t i = 0; i < m->n; i++)
        mentions += slant_lexicon_category(lex, m->items[i].category)->actor != 0;
    ix->by_end = xmalloc((mentions ? mentions : 1) * sizeof *ix->by_end);
    ix->by_start = xmalloc((mentions ? mentions : 1) * sizeof *ix->by_start);
    for (size_t i = 0; i < m->n; i++) {
        const slant_match *y = &m->items[i];
        if (!slant_lexicon_category(lex, y->category)->actor)
            continue;
        uint32_t s = d->tokens[y->first_token].sentence;
        ix->by_start[ix->n] = (actor_key){ s, y->first_token, (uint32_t)i };
        ix->by_end[ix->n] = (actor_key){ s, y->first_token + y->ntokens - 1, (uint32_t)i };
        ix->n++;
        if (y->ntokens > ix->longest)
            ix->longest = y->ntokens;
    }
    qsort(ix->by_end, ix->n, sizeof *ix->by_end, key_qsort);
    qsort(ix->by_start, ix->n, sizeof *ix->by_start, key_qsort);
}

/* The nearest actor mention of match `xi` (frame.h): its match number and distance. */
static slant_nearest_actor nearest_of(const slant_doc *d, const slant_matches *m,
                                      const actor_index *ix, size_t xi)
{
    const slant_match *x = &m->items[xi];
    uint32_t s = d->tokens[x->first_token].sentence;
    uint32_t x0 = x->first_token, x1 = x0 + x->ntokens - 1;
    size_t best_d = SIZE_MAX, best_i = SIZE_MAX;
    /* Overlapping x: mentions that start at most `longest` words before it ends. */
    uint32_t from = x0 >= ix->longest ? x0 - ix->longest + 1 : 0;
    for (size_t k = lower_bound(ix->by_start, ix->n, (actor_key){ s, from, 0 });
         k < ix->n && ix->by_start[k].sentence == s && ix->by_start[k].pos <= x1; k++) {
        const slant_match *y = &m->items[ix->by_start[k].index];
        if (ix->by_start[k].index != xi && y->first_token + y->ntokens - 1 >= x0 &&
            ix->by_start[k].index < best_i) {
            best_d = 0;
            best_i = ix->by_start[k].index;
        }
    }
    if (best_d != 0) {
        /* Before x: the latest end before its first word (the first of that end). */
        size_t k = lower_bound(ix->by_end, ix->n, (actor_key){ s, x0, 0 });
        if (k > 0 && ix->by_end[k - 1].sentence == s) {
            actor_key g = ix->by_end[k - 1];
            g = ix->by_end[lower_bound(ix->by_end, ix->n, (actor_key){ s, g.pos, 0 })];
            best_d = x0 - g.pos;
            best_i = g.index;
        }
        /* After x: the earliest start after its last word. */
        k = lower_bound(ix->by_start, ix->n, (actor_key){ s, x1 + 1, 0 });
        if (k < ix->n && ix->by_start[k].sentence == s) {
            size_t dist = ix->by_start[k].pos - x1;
            if (dist < best_d || (dist == best_d && ix->by_start[k].index < best_i)) {
                best_d = dist;
                best_i = ix->by_start[k].index;
            }
        }
    }
    if (best_i == SIZE_MAX)
        return (slant_nearest_actor){ SLANT_FRAME_NONE, 0 };
    return (slant_nearest_actor){ m->items[best_i].category, (uint32_t)best_d };
}

void slant_nearest_actors(const slant_lexicon *lex, const slant_doc *doc,
                          const slant_matches *m, slant_nearest_actor *out)
{
    actor_index ix;
    actor_index_build(lex, doc, m, &ix);
    for (size_t i = 0; i < m->n; i++)
        out[i] = nearest_of(doc, m, &ix, i);
    free(ix.by_end);
    free(ix.by_start);
}
