#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "intern.h"
#include "normalize.h"
#include "record_json.h"
#include "stem.h"
#include "table.h"
#include "vocab.h"
#include "xalloc.h"

/* A word fits at most this many patterns: its stem, its exact form, a few prefixes. */
#define MAX_PATTERNS_PER_FORM 16

struct slant_scorer {
    const slant_lexicon *lex;
    slant_stemmer *stemmer;
    slant_folder folder;
    slant_doc doc;
    slant_matches matches;
    slant_doc headline;
    slant_matches headline_matches;
    slant_nearest_actor *headline_nearest;   /* per headline match: not framed, but this */
    size_t headline_nearest_cap;
    int has_headline;
    slant_record record;
    slant_frame frame;
    size_t window;
    slant_weights default_weights;
    const slant_weights *weights;     /* borrowed, or &default_weights */

    /* The form cache: a word's bytes as they stand in the text -> where its patterns
     * are in `pool`. Keyed by the bytes before folding, so that a word seen before is
     * not even folded again. */
    slant_intern forms;
    slant_pattern_span *form_spans;
    size_t form_cap;
    uint32_t *pool;
    size_t npool, pool_cap;
    size_t stemmed;

    /* Per word of the current article: its form in the cache (SLANT_NO_FORM: none). */
    uint32_t *word_forms;
    size_t word_cap;

    /* Content stems, for signatures (signature.h): per form, the id of its stem in
     * `stems`, or SLANT_INTERN_NONE for a number, a stop word or a one-character word.
     * `stems` is emptied with the form cache (stem ids live for one article). */
    slant_intern stems, stop;
    uint32_t *form_stem;
    size_t form_stem_cap;
    uint32_t *stem_count;         /* per stem: occurrences in this article (zero between) */
    size_t stem_count_cap;
    slant_signature signature;
};

slant_scorer *slant_scorer_new(const slant_lexicon *lex)
{
    slant_stemmer *st = slant_stemmer_new(slant_lexicon_stemmer(lex));
    if (!st)
        return NULL; /* the lexicon was loaded with this stemmer, so this does not happen */
    slant_scorer *s = xcalloc(1, sizeof *s);
    s->lex = lex;
    s->stemmer = st;
    slant_folder_init(&s->folder);
    slant_doc_init(&s->doc);
    slant_matches_init(&s->matches);
    slant_doc_init(&s->headline);
    slant_matches_init(&s->headline_matches);
    slant_record_init(&s->record);
    slant_frame_init(&s->frame);
    s->window = SLANT_FRAME_WINDOW;
    slant_weights_default(&s->default_weights, lex);
    s->weights = &s->default_weights;
    slant_intern_init(&s->forms);
    slant_intern_init(&s->stems);
    slant_intern_init(&s->stop);
    size_t nstop;
    const char *const *stop = slant_vocab_stop_words(&nstop);
    for (size_t i = 0; i < nstop; i++) {
        size_t n;
        const char *f = slant_fold(&s->folder, stop[i], strlen(stop[i]), &n);
        if (f)
            slant_intern_add(&s->stop, f, n, NULL);
    }
    return s;
}

void slant_scorer_free(slant_scorer *s)
{
    if (!s)
        return;
    slant_stemmer_free(s->stemmer);
    slant_folder_release(&s->folder);
    slant_doc_release(&s->doc);
    slant_matches_release(&s->matches);
    slant_doc_release(&s->headline);
    slant_matches_release(&s->headline_matches);
    free(s->headline_nearest);
    slant_record_release(&s->record);
    slant_frame_release(&s->frame);
    slant_weights_release(&s->default_weights);
    slant_intern_release(&s->forms);
    free(s->form_spans);
    free(s->pool);
    free(s->word_forms);
    slant_intern_release(&s->stems);
    slant_intern_release(&s->stop);
    free(s->form_stem);
    free(s->stem_count);
    free(s->signature.terms);
    free(s);
}

/* The number of characters (not bytes) of the UTF-8 word `w`; 0 for a word with a byte a
 * JSON key would have to escape (a signature's stems are written as keys unescaped). */
static size_t characters(const char *w, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x20 || c == '"' || c == '\\')
            return 0;
        n += (c & 0xC0) != 0x80;
    }
    return n;
}

/* The form of the word `w` (bytes of the text; `key` its slant_intern_key_of) in the
 * cache, with its patterns: found, or folded, stemmed and looked up in the lexicon the
 * first time. */
static uint32_t word_form(slant_scorer *s, const char *w, size_t len, int number,
                          const slant_intern_key *key)
{
    if (len > SLANT_MAX_WORD_BYTES)
        return SLANT_NO_FORM; /* no entry is that long; and the cache keeps only words */
    int added;
    uint32_t id = slant_intern_add_keyed(&s->forms, w, len, key, &added);
    if (!added)
        return id;
    size_t n = 0, nstarts = 0;
    uint32_t pats[2 * MAX_PATTERNS_PER_FORM]; /* patterns, then the nodes they start */
    size_t flen;
    uint32_t content = SLANT_INTERN_NONE;
    const char *f = slant_fold(&s->folder, w, len, &flen);
    if (f) {
        size_t slen = flen;
        const char *stem = f;
        if (!number) {
            /* The folder's buffer is not touched by the stemmer: f stays valid. */
            stem = slant_stem(s->stemmer, f, flen, &slen);
            s->stemmed++;
            if (characters(f, flen) > 1 && slant_intern_find(&s->stop, f, flen) ==
                                                   SLANT_INTERN_NONE)
                content = slant_intern_add(&s->stems, stem, slen, NULL);
        }
        n = slant_lexicon_patterns_of(s->lex, f, flen, stem, number ? 0 : slen, pats,
                                      MAX_PATTERNS_PER_FORM);
        uint32_t starts[MAX_PATTERNS_PER_FORM];
        size_t follow = 0;
        for (size_t p = 0; p < n; p++) {
            uint32_t node = slant_lexicon_step(s->lex, SLANT_TRIE_ROOT, pats[p]);
            if (node != SLANT_TRIE_NONE)
                starts[nstarts++] = node;
            if (slant_lexicon_follows(s->lex, pats[p])) /* the matcher steps only on these */
                pats[follow++] = pats[p];
        }
        n = follow;
        memcpy(pats + n, starts, nstarts * sizeof *starts);
    }
    slant_pattern_span span = { (uint32_t)s->npool, (uint32_t)n, (uint32_t)nstarts };
    if (n + nstarts) {
        s->pool = xgrow(s->pool, &s->pool_cap, s->npool + n + nstarts, sizeof *s->pool);
        memcpy(s->pool + s->npool, pats, (n + nstarts) * sizeof *pats);
        s->npool += n + nstarts;
    }
    s->form_spans = xgrow(s->form_spans, &s->form_cap, id + 1, sizeof *s->form_spans);
    s->form_spans[id] = span;
    s->form_stem = xgrow(s->form_stem, &s->form_stem_cap, id + 1, sizeof *s->form_stem);
    s->form_stem[id] = content;
    return id;
}

/* How many words ahead analyze() asks the form cache to fetch a word's slot: the cache is
 * larger than the processor's, and its slots are read in no order. */
#define PREFETCH_WORDS 8

/* Tokenizes `text` into `d`, looks up every word in the form cache and matches. */
static void analyze(slant_scorer *s, const char *text, size_t len, slant_doc *d,
                    slant_matches *m)
{
    slant_tokenize(d, text, len);
    s->word_forms = xgrow(s->word_forms, &s->word_cap, d->ntokens, sizeof *s->word_forms);
    slant_intern_key keys[PREFETCH_WORDS + 1]; /* of the words j .. k */
    for (size_t k = 0; k < d->ntokens + PREFETCH_WORDS; k++) {
        if (k < d->ntokens) { /* the key of word k, its slot fetched while words go on */
            const slant_token *u = &d->tokens[k];
            slant_intern_key *key = &keys[k % (PREFETCH_WORDS + 1)];
            *key = slant_intern_key_of(text + u->start, u->end - u->start);
            slant_intern_prefetch(&s->forms, key);
        }
        if (k < PREFETCH_WORDS)
            continue;
        size_t j = k - PREFETCH_WORDS; /* the word looked up now */
        const slant_token *t = &d->tokens[j];
        s->word_forms[j] = word_form(s, text + t->start, t->end - t->start,
                                     (t->flags & SLANT_TOK_NUMBER) != 0,
                                     &keys[j % (PREFETCH_WORDS + 1)]);
    }
    slant_word_patterns w = { s->pool, s->form_spans, s->word_forms };
    slant_match_doc(s->lex, d, &w, m);
}

void slant_scorer_score(slant_scorer *s, const slant_article *a)
{
    /* Only between articles: the words being matched point into the pool. */
    if (slant_intern_count(&s->forms) >= SLANT_FORM_CACHE_MAX) {
        slant_intern_reset(&s->forms);
        slant_intern_reset(&s->stems);
        s->npool = 0;
    }
    analyze(s, a->text + a->text_offset, a->text_len - a->text_offset, &s->doc, &s->matches);
    s->has_headline = a->title && a->title[0];
    if (s->has_headline) {
        analyze(s, a->title, strlen(a->title), &s->headline, &s->headline_matches);
        s->headline_nearest = xgrow(s->headline_nearest, &s->headline_nearest_cap,
                                    s->headline_matches.n + 1, sizeof *s->headline_nearest);
        slant_nearest_actors(s->lex, &s->headline, &s->headline_matches, s->headline_nearest);
    }
    slant_frame_compute(&s->frame, s->lex, &s->doc, &s->matches, s->window);
    slant_record_compute(&s->record, s->lex, s->weights, &s->doc, &s->matches, &s->frame,
                         s->has_headline ? &s->headline : NULL,
                         s->has_headline ? &s->headline_matches : NULL);
}

void slant_scorer_set_window(slant_scorer *s, size_t window)
{
    s->window = window ? window : SLANT_FRAME_WINDOW;
}

void slant_scorer_set_weights(slant_scorer *s, const slant_weights *w)
{
    s->weights = w ? w : &s->default_weights;
}

const slant_frame *slant_scorer_frame(const slant_scorer *s)
{
    return &s->frame;
}

void slant_scorer_result(slant_scorer *s, const slant_article *a, const char *origin, long line,
                         const slant_score_options *o, slant_result *result)
{
    slant_scorer_set_window(s, o->window);
    slant_scorer_set_weights(s, o->weights);
    slant_scorer_score(s, a);
    *result = (slant_result){
        .article = a,
        .origin = origin,
        .line = line,
        .doc = &s->doc,
        .matches = &s->matches,
        .headline = slant_scorer_headline(s),
        .headline_matches = slant_scorer_headline_matches(s),
        .headline_nearest = s->headline_nearest,
        .record = &s->record,
        .frame = &s->frame,
        .lex = s->lex,
        .weights = s->weights,
        .evidence = o->evidence,
        .compact = o->compact,
        .keep = o->keep,
        .nkeep = o->nkeep,
        .signature = o->signature && !o->sentences ? slant_scorer_signature(s) : NULL,
    };
}

void slant_scorer_write(slant_scorer *s, const slant_article *a, const char *origin, long line,
                        const slant_score_options *o, slant_buf *out)
{
    slant_result r;
    slant_scorer_result(s, a, origin, line, o, &r);
    if (o->sentences) {
        if (o->format == SLANT_FORMAT_JSONL)
            slant_json_write_sentences(&r, out);
        else
            slant_table_write_sentences(o->format == SLANT_FORMAT_CSV ? SLANT_TABLE_CSV
                                                                      : SLANT_TABLE_TSV,
                                        &r, out);
        return;
    }
    switch (o->format) {
    case SLANT_FORMAT_JSONL:
        slant_json_write_record(&r, out);
        break;
    case SLANT_FORMAT_CSV:
        slant_table_write_row(SLANT_TABLE_CSV, &r, out);
        break;
    case SLANT_FORMAT_TSV:
        slant_table_write_row(SLANT_TABLE_TSV, &r, out);
        break;
    case SLANT_FORMAT_LONG:
        slant_table_write_row(SLANT_TABLE_LONG, &r, out);
        break;
    }
}

/* --- the signature (signature.h) ------------------------------------------------------- */

/* Adds the content stems of the words of `d` to s->stem_count, listing each new one in
 * s->signature (its count filled in later). */
static void count_stems(slant_scorer *s, const slant_doc *d)
{
    size_t nstems = slant_intern_count(&s->stems);
    if (nstems > s->stem_count_cap) {
        size_t old = s->stem_count_cap;
        s->stem_count = xgrow(s->stem_count, &s->stem_count_cap, nstems, sizeof *s->stem_count);
        memset(s->stem_count + old, 0, (s->stem_count_cap - old) * sizeof *s->stem_count);
    }
    for (size_t k = 0; k < d->ntokens; k++) {
        const slant_token *t = &d->tokens[k];
        if (t->flags & SLANT_TOK_NUMBER)
            continue;
        uint32_t form = slant_intern_find(&s->forms, d->text + t->start, t->end - t->start);
        uint32_t st = form == SLANT_INTERN_NONE ? SLANT_INTERN_NONE : s->form_stem[form];
        if (st == SLANT_INTERN_NONE)
            continue;
        if (s->stem_count[st]++ == 0) {
            slant_signature *g = &s->signature;
            g->terms = xgrow(g->terms, &g->cap, g->n + 1, sizeof *g->terms);
            size_t len;
            const char *stem = slant_intern_str(&s->stems, st, &len);
            g->terms[g->n++] = (slant_signature_term){ stem, len, st };
        }
    }
}

typedef struct {
    slant_signature_term term;
    uint64_t hash;
} ranked_term;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked_term *a = x, *b = y;
    if (a->term.count != b->term.count)
        return a->term.count > b->term.count ? -1 : 1;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return strcmp(a->term.stem, b->term.stem);
}

const slant_signature *slant_scorer_signature(slant_scorer *s)
{
    slant_signature *g = &s->signature;
    g->n = 0;
    count_stems(s, &s->doc);
    if (s->has_headline)
        count_stems(s, &s->headline);
    /* `count` held the stem's id while counting: now the count, and the counts zeroed */
    ranked_term *r = xmalloc((g->n ? g->n : 1) * sizeof *r);
    for (size_t i = 0; i < g->n; i++) {
        uint32_t st = g->terms[i].count;
        r[i].term = g->terms[i];
        r[i].term.count = s->stem_count[st];
        r[i].hash = slant_hash64(g->terms[i].stem, g->terms[i].len);
        s->stem_count[st] = 0;
    }
    qsort(r, g->n, sizeof *r, cmp_ranked);
    if (g->n > SLANT_SIGNATURE_MAX)
        g->n = SLANT_SIGNATURE_MAX;
    for (size_t i = 0; i < g->n; i++)
        g->terms[i] = r[i].term;
    free(r);
    return g;
}

const slant_doc *slant_scorer_doc(const slant_scorer *s) { return &s->doc; }
const slant_matches *slant_scorer_matches(const slant_scorer *s) { return &s->matches; }
const slant_record *slant_scorer_record(const slant_scorer *s) { return &s->record; }

const slant_doc *slant_scorer_headline(const slant_scorer *s)
{
    return s->has_headline ? &s->headline : NULL;
}

const slant_matches *slant_scorer_headline_matches(const slant_scorer *s)
{
    return s->has_headline ? &s->headline_matches : NULL;
}
size_t slant_scorer_stemmed(const slant_scorer *s) { return s->stemmed; }
