#include "lexicon_inspect.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "intern.h"
#include "normalize.h"
#include "score.h"
#include "stem.h"
#include "xalloc.h"

/* A keyed entry is at most SLANT_MAX_ENTRY_WORDS words of a bounded length each. */
#define KEY_MAX_BYTES (1 << 16)

/* --- entries ------------------------------------------------------------------------ */

const char *slant_entry_kind(slant_keyer *k, const slant_entry *e, slant_buf *scratch)
{
    slant_entry_shape shape;
    slant_buf_reset(scratch);
    if (slant_keyer_key(k, e->text, scratch, &shape) != 0)
        return "?";
    if (shape.nwords > 1)
        return shape.prefix ? "expression, prefix" : shape.exact ? "expression, exact"
                                                                  : "expression";
    if (shape.prefix)
        return "prefix";
    return scratch->data[0] == 'e' ? "exact" : "stem";
}

void slant_entry_place(const slant_entry *e, const slant_import *im, slant_buf *out)
{
    slant_buf_reset(out);
    long line = im ? slant_import_origin(im, e->category, (long)e->line) : 0;
    size_t n = strlen(e->file);
    if (im && line)
        slant_buf_addf(out, "%s:%ld", slant_import_path(im), line);
    else if (e->stance && n && e->file[n - 1] == ')')
        /* A contested concept's variant: "variants.json (concept 'x', variant 2)". */
        slant_buf_addf(out, "%.*s %u)", (int)(n - 1), e->file, e->line);
    else
        slant_buf_addf(out, "%s:%u", e->file, e->line);
}

/* --- stats -------------------------------------------------------------------------- */

static int cmp_overlap(const void *x, const void *y)
{
    const slant_overlap *p = x, *q = y;
    if (p->count != q->count)
        return p->count > q->count ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : (p->b > q->b);
}

/* Counts each entry's kinds into its category; `key_of[i]` becomes entry i's key id in
 * `keys`, or SIZE_MAX when it has none. */
static void count_entries(const slant_lexicon *lex, slant_keyer *k, slant_intern *keys,
                          size_t *key_of, slant_lexicon_stats *s)
{
    slant_buf key;
    slant_buf_init(&key, KEY_MAX_BYTES);
    for (size_t i = 0; i < slant_lexicon_nentries(lex); i++) {
        const slant_entry *e = slant_lexicon_entry(lex, i);
        slant_entry_counts *cs = &s->cats[e->category];
        slant_entry_shape shape;
        slant_buf_reset(&key);
        key_of[i] = SIZE_MAX;
        cs->entries++;
        if (slant_keyer_key(k, e->text, &key, &shape) != 0)
            continue;
        int all_exact = 1;
        for (size_t p = 0; p < key.len; p += strlen(key.data + p) + 1)
            all_exact &= key.data[p] == 'e';
        cs->multiword += shape.nwords > 1;
        cs->wildcard += shape.prefix;
        cs->exact += all_exact;
        key_of[i] = slant_intern_add(keys, key.data, key.len, NULL);
    }
    slant_buf_release(&key);
    for (size_t c = 0; c < slant_lexicon_ncategories(lex); c++) {
        s->total.entries += s->cats[c].entries;
        s->total.multiword += s->cats[c].multiword;
        s->total.wildcard += s->cats[c].wildcard;
        s->total.exact += s->cats[c].exact;
    }
}

/* Counts entries i and j (same key) as an overlap of their categories, if they differ. */
static void add_overlap(const slant_lexicon *lex, size_t i, size_t j, slant_intern *pairs,
                        size_t *cap, slant_lexicon_stats *s)
{
    const slant_entry *x = slant_lexicon_entry(lex, i);
    const slant_entry *y = slant_lexicon_entry(lex, j);
    if (x->category == y->category)
        return;
    const slant_entry *of_a = x->category < y->category ? x : y; /* the lower category */
    const slant_entry *of_b = of_a == x ? y : x;
    size_t a = of_a->category, b = of_b->category;
    size_t ab[2] = { a, b };
    int added;
    uint32_t slot = slant_intern_add(pairs, (const char *)ab, sizeof ab, &added);
    if (added) {
        s->overlaps = xgrow(s->overlaps, cap, s->noverlaps + 1, sizeof *s->overlaps);
        slant_overlap *o = &s->overlaps[s->noverlaps++];
        memset(o, 0, sizeof *o);
        o->a = a;
        o->b = b;
    }
    slant_overlap *o = &s->overlaps[slot];
    if (o->count < SLANT_OVERLAP_EXAMPLES)
        o->examples[o->count] = of_a->text;
    o->count++;
}

void slant_lexicon_stats_compute(const slant_lexicon *lex, slant_lexicon_stats *s)
{
    size_t ncats = slant_lexicon_ncategories(lex), nentries = slant_lexicon_nentries(lex);
    memset(s, 0, sizeof *s);
    s->cats = xcalloc(ncats ? ncats : 1, sizeof *s->cats);
    slant_keyer k;
    slant_keyer_init(&k, slant_lexicon_stemmer(lex));
    /* Each pattern key -> the entries (of distinct categories) that reduce to it. */
    slant_intern keys;
    slant_intern_init(&keys);
    size_t *key_of = xmalloc((nentries + 1) * sizeof *key_of);
    count_entries(lex, &k, &keys, key_of, s);

    /* Overlaps: for every key, the pairs of categories that share it. */
    size_t nkeys = slant_intern_count(&keys);
    size_t *first = xmalloc((nkeys + 1) * sizeof *first);
    size_t *next = xmalloc((nentries + 1) * sizeof *next);
    for (size_t i = 0; i < nkeys; i++)
        first[i] = SIZE_MAX;
    for (size_t i = nentries; i-- > 0;) {
        next[i] = SIZE_MAX;
        if (key_of[i] == SIZE_MAX)
            continue;
        next[i] = first[key_of[i]];
        first[key_of[i]] = i;
    }
    slant_intern pairs; /* (a, b) -> overlap index */
    slant_intern_init(&pairs);
    size_t cap = 0;
    for (size_t key_id = 0; key_id < nkeys; key_id++)
        for (size_t i = first[key_id]; i != SIZE_MAX; i = next[i])
            for (size_t j = next[i]; j != SIZE_MAX; j = next[j])
                add_overlap(lex, i, j, &pairs, &cap, s);
    if (s->noverlaps)
        qsort(s->overlaps, s->noverlaps, sizeof *s->overlaps, cmp_overlap);
    slant_intern_release(&pairs);
    free(first);
    free(next);
    free(key_of);
    slant_intern_release(&keys);
    slant_keyer_release(&k);
}

void slant_lexicon_stats_release(slant_lexicon_stats *s)
{
    free(s->cats);
    free(s->overlaps);
    memset(s, 0, sizeof *s);
}

/* --- what a phrase matches ---------------------------------------------------------- */

/* Fills `*w` with token `tok`'s folded form and stem. */
static void inspect_word(slant_keyer *k, const char *text, const slant_token *tok,
                         slant_phrase_word *w)
{
    w->start = tok->start;
    w->end = tok->end;
    w->folded = NULL;
    w->stem = NULL;
    size_t flen, slen;
    const char *f = slant_fold(&k->folder, text + tok->start, tok->end - tok->start, &flen);
    if (!f) {
        w->kind = SLANT_WORD_TOO_LONG;
        return;
    }
    w->folded = xmemdup(f, flen);
    if (tok->flags & SLANT_TOK_NUMBER) {
        w->kind = SLANT_WORD_NUMBER;
        return;
    }
    w->kind = SLANT_WORD_STEMMED;
    const char *st = slant_stem(k->stemmer, w->folded, flen, &slen);
    w->stem = xmemdup(st, slen);
}

void slant_phrase_inspect(const slant_lexicon *lex, const char *phrase,
                          slant_phrase_inspection *out)
{
    memset(out, 0, sizeof *out);
    out->text = xstrdup(phrase);
    slant_scorer *s = slant_scorer_new(lex);
    slant_keyer k;
    slant_keyer_init(&k, slant_lexicon_stemmer(lex));
    slant_article a;
    slant_article_init(&a);
    a.text = xstrdup(phrase);
    a.text_len = strlen(phrase);
    slant_scorer_score(s, &a);
    const slant_doc *d = slant_scorer_doc(s);
    const slant_matches *m = slant_scorer_matches(s);

    out->nwords = d->ntokens;
    out->words = xcalloc(d->ntokens ? d->ntokens : 1, sizeof *out->words);
    for (size_t t = 0; t < d->ntokens; t++)
        inspect_word(&k, a.text, &d->tokens[t], &out->words[t]);

    slant_buf scratch;
    slant_buf_init(&scratch, KEY_MAX_BYTES);
    out->nmatches = m->n;
    out->matches = xcalloc(m->n ? m->n : 1, sizeof *out->matches);
    for (size_t i = 0; i < m->n; i++) {
        const slant_match *x = &m->items[i];
        slant_phrase_match *pm = &out->matches[i];
        pm->entry = x->entry;
        pm->category = x->category;
        pm->start = d->tokens[x->first_token].start;
        pm->end = d->tokens[x->first_token + x->ntokens - 1].end;
        pm->kind = slant_entry_kind(&k, slant_lexicon_entry(lex, x->entry), &scratch);
        pm->negated = x->negated;
        pm->boosted = x->boosted;
        pm->diminished = x->diminished;
    }
    slant_buf_release(&scratch);
    slant_article_release(&a);
    slant_keyer_release(&k);
    slant_scorer_free(s);
}

void slant_phrase_inspection_release(slant_phrase_inspection *p)
{
    for (size_t i = 0; i < p->nwords; i++) {
        free(p->words[i].folded);
        free(p->words[i].stem);
    }
    free(p->words);
    free(p->matches);
    free(p->text);
    memset(p, 0, sizeof *p);
}
