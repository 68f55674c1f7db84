#include "score.h"

#include <stdlib.h>
#include <string.h>

#include "intern.h"
#include "json.h"
#include "normalize.h"
#include "stem.h"
#include "table.h"
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
    slant_record_release(&s->record);
    slant_frame_release(&s->frame);
    slant_weights_release(&s->default_weights);
    slant_intern_release(&s->forms);
    free(s->form_spans);
    free(s->pool);
    free(s->word_forms);
    free(s);
}

/* The form of the word `w` (bytes of the text) in the cache, with its patterns: found, or
 * folded, stemmed and looked up in the lexicon the first time. */
static uint32_t word_form(slant_scorer *s, const char *w, size_t len, int number)
{
    if (len > SLANT_MAX_WORD_BYTES)
        return SLANT_NO_FORM; /* no entry is that long; and the cache keeps only words */
    int added;
    uint32_t id = slant_intern_add(&s->forms, w, len, &added);
    if (!added)
        return id;
    size_t n = 0, nstarts = 0;
    uint32_t pats[2 * MAX_PATTERNS_PER_FORM]; /* patterns, then the nodes they start */
    size_t flen;
    const char *f = slant_fold(&s->folder, w, len, &flen);
    if (f) {
        size_t slen = flen;
        const char *stem = f;
        if (!number) {
            /* The folder's buffer is not touched by the stemmer: f stays valid. */
            stem = slant_stem(s->stemmer, f, flen, &slen);
            s->stemmed++;
        }
        n = slant_lexicon_patterns_of(s->lex, f, flen, stem, number ? 0 : slen, pats,
                                      MAX_PATTERNS_PER_FORM);
        for (size_t p = 0; p < n; p++) {
            uint32_t node = slant_lexicon_step(s->lex, SLANT_TRIE_ROOT, pats[p]);
            if (node != SLANT_TRIE_NONE)
                pats[n + nstarts++] = node;
        }
    }
    slant_pattern_span span = { (uint32_t)s->npool, (uint32_t)n, (uint32_t)nstarts };
    if (n + nstarts) {
        s->pool = xgrow(s->pool, &s->pool_cap, s->npool + n + nstarts, sizeof *s->pool);
        memcpy(s->pool + s->npool, pats, (n + nstarts) * sizeof *pats);
        s->npool += n + nstarts;
    }
    s->form_spans = xgrow(s->form_spans, &s->form_cap, id + 1, sizeof *s->form_spans);
    s->form_spans[id] = span;
    return id;
}

/* Tokenizes `text` into `d`, looks up every word in the form cache and matches. */
static void analyze(slant_scorer *s, const char *text, size_t len, slant_doc *d,
                    slant_matches *m)
{
    slant_tokenize(d, text, len);
    s->word_forms = xgrow(s->word_forms, &s->word_cap, d->ntokens, sizeof *s->word_forms);
    for (size_t k = 0; k < d->ntokens; k++) {
        const slant_token *t = &d->tokens[k];
        s->word_forms[k] = word_form(s, text + t->start, t->end - t->start,
                                     (t->flags & SLANT_TOK_NUMBER) != 0);
    }
    slant_word_patterns w = { s->pool, s->form_spans, s->word_forms };
    slant_match_doc(s->lex, d, &w, m);
}

void slant_scorer_score(slant_scorer *s, const slant_article *a)
{
    /* Only between articles: the words being matched point into the pool. */
    if (slant_intern_count(&s->forms) >= SLANT_FORM_CACHE_MAX) {
        slant_intern_reset(&s->forms);
        s->npool = 0;
    }
    analyze(s, a->text + a->text_offset, a->text_len - a->text_offset, &s->doc, &s->matches);
    s->has_headline = a->title && a->title[0];
    if (s->has_headline)
        analyze(s, a->title, strlen(a->title), &s->headline, &s->headline_matches);
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

void slant_scorer_write(slant_scorer *s, const slant_article *a, const char *origin, long line,
                        const slant_score_options *o, slant_buf *out)
{
    slant_scorer_set_window(s, o->window);
    slant_scorer_set_weights(s, o->weights);
    slant_scorer_score(s, a);
    slant_result r = {
        .article = a,
        .origin = origin,
        .line = line,
        .doc = &s->doc,
        .matches = &s->matches,
        .headline = slant_scorer_headline(s),
        .headline_matches = slant_scorer_headline_matches(s),
        .record = &s->record,
        .frame = &s->frame,
        .lex = s->lex,
        .weights = s->weights,
        .evidence = o->evidence,
        .compact = o->compact,
        .keep = o->keep,
        .nkeep = o->nkeep,
    };
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
