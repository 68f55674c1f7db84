/* Keyword in context: the occurrences of a term in a scored article (see kwic.h). */

#include "kwic.h"

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "normalize.h"
#include "tokenize.h"
#include "xalloc.h"

#define MAX_TERM_WORDS SLANT_MAX_ENTRY_WORDS

struct slant_kwic {
    const slant_lexicon *lex;
    slant_kwic_mode mode;
    unsigned char *wanted;        /* per category or per entry (by mode): 1 if wanted */
    char *words[MAX_TERM_WORDS];  /* plain words, folded */
    size_t nwords;
    int prefix;                   /* the last word ends in '*' */
    slant_folder folder;
    slant_kwic_hit *hits;
    size_t nhits, cap;
};

static int cmp_hits(const void *x, const void *y)
{
    const slant_kwic_hit *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->category < b->category ? -1 : a->category > b->category;
}

/* Splits `term` into folded words; returns their number. */
static size_t fold_words(slant_kwic *k, const char *term, size_t len)
{
    slant_doc d;
    slant_doc_init(&d);
    slant_tokenize(&d, term, len);
    for (size_t i = 0; i < d.ntokens && k->nwords < MAX_TERM_WORDS; i++) {
        size_t n;
        const char *f = slant_fold(&k->folder, term + d.tokens[i].start,
                                   d.tokens[i].end - d.tokens[i].start, &n);
        if (f)
            k->words[k->nwords++] = xmemdup(f, n);
    }
    slant_doc_release(&d);
    return k->nwords;
}

/* Whether entry `text` (as written in its file) is `term`, with or without its marks: an
 * exact '=' and quotes around an expression ("=radical" is "radical"). */
static int entry_is(const char *text, const char *term)
{
    if (!strcmp(text, term))
        return 1;
    if (text[0] == '=')
        text++;
    size_t n = strlen(text), t = strlen(term);
    if (n >= 2 && text[0] == '"' && text[n - 1] == '"') {
        text++;
        n -= 2;
    }
    return n == t && !memcmp(text, term, n);
}

slant_kwic *slant_kwic_new(const slant_lexicon *lex, const char *term, int words,
                           slant_error *err)
{
    slant_kwic *k = xcalloc(1, sizeof *k);
    k->lex = lex;
    slant_folder_init(&k->folder);
    size_t ncat = slant_lexicon_ncategories(lex), nent = slant_lexicon_nentries(lex);
    if (!words) {
        k->wanted = xcalloc(ncat > nent ? ncat : nent, 1);
        int any = 0;
        for (size_t c = 0; c < ncat; c++)
            if (!strcmp(slant_lexicon_category(lex, c)->id, term))
                any = k->wanted[c] = 1;
        if (any) {
            k->mode = SLANT_KWIC_CATEGORY;
            return k;
        }
        for (size_t e = 0; e < nent; e++)
            if (entry_is(slant_lexicon_entry(lex, e)->text, term))
                any = k->wanted[e] = 1;
        if (any) {
            k->mode = SLANT_KWIC_ENTRY;
            return k;
        }
    }
    k->mode = SLANT_KWIC_WORDS;
    size_t len = strlen(term);
    if (len && term[len - 1] == '*') {
        k->prefix = 1;
        len--;
    }
    if (!fold_words(k, term, len)) {
        slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0, "the term '%s' has no word in it",
                        term);
        slant_kwic_free(k);
        return NULL;
    }
    return k;
}

void slant_kwic_free(slant_kwic *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->nwords; i++)
        free(k->words[i]);
    free(k->wanted);
    free(k->hits);
    slant_folder_release(&k->folder);
    free(k);
}

slant_kwic_mode slant_kwic_get_mode(const slant_kwic *k)
{
    return k->mode;
}

static void add_hit(slant_kwic *k, size_t start, size_t end, uint32_t sentence, long entry,
                    long category)
{
    k->hits = xgrow(k->hits, &k->cap, k->nhits + 1, sizeof *k->hits);
    slant_kwic_hit *h = &k->hits[k->nhits++];
    h->start = start;
    h->end = end;
    h->sentence = sentence;
    h->entry = entry;
    h->category = category;
}

/* Whether token `t` of `text` is folded word `w` (or starts with it, for a prefix). */
static int word_is(slant_kwic *k, const char *text, const slant_token *t, const char *w,
                   int prefix)
{
    size_t n;
    const char *f = slant_fold(&k->folder, text + t->start, t->end - t->start, &n);
    size_t wn = strlen(w);
    if (!f)
        return 0;
    return prefix ? n >= wn && !memcmp(f, w, wn) : n == wn && !memcmp(f, w, wn);
}

size_t slant_kwic_find(slant_kwic *k, const slant_scorer *s, const slant_article *a,
                       const slant_kwic_hit **hits)
{
    k->nhits = 0;
    const slant_doc *d = slant_scorer_doc(s);
    const char *text = a->text + a->text_offset;
    size_t base = a->text_offset;
    if (k->mode != SLANT_KWIC_WORDS) {
        const slant_matches *m = slant_scorer_matches(s);
        for (size_t i = 0; i < m->n; i++) {
            const slant_match *x = &m->items[i];
            if (!k->wanted[k->mode == SLANT_KWIC_CATEGORY ? x->category : x->entry])
                continue;
            const slant_token *first = &d->tokens[x->first_token];
            const slant_token *last = &d->tokens[x->first_token + x->ntokens - 1];
            add_hit(k, base + first->start, base + last->end, first->sentence, (long)x->entry,
                    (long)x->category);
        }
        if (k->nhits > 1)
            qsort(k->hits, k->nhits, sizeof *k->hits, cmp_hits);
    } else {
        for (size_t i = 0; i + k->nwords <= d->ntokens; i++) {
            size_t j = 0;
            while (j < k->nwords &&
                   d->tokens[i + j].sentence == d->tokens[i].sentence &&
                   word_is(k, text, &d->tokens[i + j], k->words[j],
                           k->prefix && j + 1 == k->nwords))
                j++;
            if (j == k->nwords)
                add_hit(k, base + d->tokens[i].start, base + d->tokens[i + j - 1].end,
                        d->tokens[i].sentence, -1, -1);
        }
    }
    *hits = k->hits;
    return k->nhits;
}
