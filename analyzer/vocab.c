/* Open-vocabulary keyness: every word and 2-3 word phrase counted per group (vocab.h). */

#include "vocab.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "intern.h"
#include "match.h"
#include "normalize.h"
#include "tokenize.h"
#include "xalloc.h"

#define MAX_WORDS 3

/* English function words (articles, pronouns, auxiliaries, prepositions, conjunctions):
 * the built-in stop list. */
static const char *const english_stop[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might",
    "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
    "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
    "s", "same", "she", "should", "since", "so", "some", "such", "t",
    "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until",
    "up", "upon", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
    "yourself", "yourselves",
};

typedef struct {
    char *name;
    size_t articles;
    double words;
    double *count;              /* per term */
    uint32_t *df;               /* per term */
    size_t cap;
} group;

struct slant_vocab {
    const slant_lexicon *lex;
    size_t max_words;
    slant_intern stop;
    slant_intern terms;
    uint32_t *last_doc;         /* per term: the last article (+1) that counted it */
    unsigned char *covered;     /* per term: in_lexicon */
    size_t terms_cap;
    group *groups;
    size_t ngroups, groups_cap;
    uint32_t docs;
    slant_folder folder;
    slant_buf folded;           /* the article's words, folded, NUL-separated */
    size_t *word_at, word_cap;  /* per token: its offset in `folded`, or SIZE_MAX */
    unsigned char *in_match;    /* per token: inside a lexicon match */
    size_t in_match_cap;
    slant_buf term;
};

slant_vocab *slant_vocab_new(const slant_lexicon *lex, size_t max_words,
                             const char *const *stop, size_t nstop)
{
    slant_vocab *v = xcalloc(1, sizeof *v);
    v->lex = lex;
    v->max_words = max_words < 1 ? 1 : max_words > MAX_WORDS ? MAX_WORDS : max_words;
    slant_intern_init(&v->stop);
    slant_intern_init(&v->terms);
    slant_folder_init(&v->folder);
    slant_buf_init(&v->folded, SIZE_MAX / 2);
    slant_buf_init(&v->term, SIZE_MAX / 2);
    if (!stop) {
        stop = english_stop;
        nstop = sizeof english_stop / sizeof english_stop[0];
    }
    for (size_t i = 0; i < nstop; i++) {
        size_t n;
        const char *f = slant_fold(&v->folder, stop[i], strlen(stop[i]), &n);
        if (f)
            slant_intern_add(&v->stop, f, n, NULL);
    }
    return v;
}

const char *const *slant_vocab_stop_words(size_t *n)
{
    *n = sizeof english_stop / sizeof english_stop[0];
    return english_stop;
}

void slant_vocab_free(slant_vocab *v)
{
    if (!v)
        return;
    for (size_t g = 0; g < v->ngroups; g++) {
        free(v->groups[g].name);
        free(v->groups[g].count);
        free(v->groups[g].df);
    }
    free(v->groups);
    free(v->last_doc);
    free(v->covered);
    free(v->word_at);
    free(v->in_match);
    slant_intern_release(&v->stop);
    slant_intern_release(&v->terms);
    slant_folder_release(&v->folder);
    slant_buf_release(&v->folded);
    slant_buf_release(&v->term);
    free(v);
}

static size_t group_of(slant_vocab *v, const char *name)
{
    for (size_t g = 0; g < v->ngroups; g++)
        if (!strcmp(v->groups[g].name, name))
            return g;
    v->groups = xgrow(v->groups, &v->groups_cap, v->ngroups + 1, sizeof *v->groups);
    group *n = &v->groups[v->ngroups];
    memset(n, 0, sizeof *n);
    n->name = xstrdup(name);
    return v->ngroups++;
}

/* A capacity of at least `need`, doubling from `cap`. */
static size_t grown(size_t cap, size_t need)
{
    cap = cap ? cap : 1024;
    while (cap < need)
        cap *= 2;
    return cap;
}

/* Makes room for term `id` in the per-term arrays of the vocabulary and of group `gr`
 * (new places zeroed). */
static void room(slant_vocab *v, group *gr, uint32_t id)
{
    size_t need = (size_t)id + 1;
    if (need > v->terms_cap) {
        size_t cap = grown(v->terms_cap, need), old = v->terms_cap;
        v->last_doc = xrealloc(v->last_doc, cap * sizeof *v->last_doc);
        v->covered = xrealloc(v->covered, cap);
        memset(v->last_doc + old, 0, (cap - old) * sizeof *v->last_doc);
        memset(v->covered + old, 0, cap - old);
        v->terms_cap = cap;
    }
    if (need > gr->cap) {
        size_t cap = grown(gr->cap, need), old = gr->cap;
        gr->count = xrealloc(gr->count, cap * sizeof *gr->count);
        gr->df = xrealloc(gr->df, cap * sizeof *gr->df);
        memset(gr->count + old, 0, (cap - old) * sizeof *gr->count);
        memset(gr->df + old, 0, (cap - old) * sizeof *gr->df);
        gr->cap = cap;
    }
}

static int is_stop(const slant_vocab *v, const char *w)
{
    return slant_intern_find(&v->stop, w, strlen(w)) != SLANT_INTERN_NONE;
}

void slant_vocab_add(slant_vocab *v, const char *group_name, const slant_scorer *s,
                     const slant_article *a)
{
    size_t gi = group_of(v, group_name); /* may move the groups */
    group *gr = &v->groups[gi];
    const slant_doc *d = slant_scorer_doc(s);
    const slant_matches *m = slant_scorer_matches(s);
    const char *text = a->text + a->text_offset;
    uint32_t doc = ++v->docs;
    gr->articles++;
    gr->words += (double)d->ntokens;
    /* The words folded once; numbers and unfoldable words are no term's words. */
    slant_buf_reset(&v->folded);
    v->word_at = xgrow(v->word_at, &v->word_cap, d->ntokens + 1, sizeof *v->word_at);
    size_t ic = v->in_match_cap;
    v->in_match = xgrow(v->in_match, &ic, d->ntokens + 1, 1);
    v->in_match_cap = ic;
    memset(v->in_match, 0, d->ntokens + 1);
    for (size_t i = 0; i < m->n; i++) {
        if (slant_lexicon_category(v->lex, m->items[i].category)->actor)
            continue; /* an actor's name says who, not how */
        for (uint32_t t = 0; t < m->items[i].ntokens; t++)
            v->in_match[m->items[i].first_token + t] = 1;
    }
    for (size_t i = 0; i < d->ntokens; i++) {
        const slant_token *t = &d->tokens[i];
        size_t n;
        const char *f = (t->flags & SLANT_TOK_NUMBER)
                            ? NULL
                            : slant_fold(&v->folder, text + t->start, t->end - t->start, &n);
        if (!f) {
            v->word_at[i] = SIZE_MAX;
            continue;
        }
        v->word_at[i] = v->folded.len;
        slant_buf_add(&v->folded, f, n);
        slant_buf_addc(&v->folded, '\0');
    }
    for (size_t i = 0; i < d->ntokens; i++) {
        if (v->word_at[i] == SIZE_MAX)
            continue;
        const char *first = v->folded.data + v->word_at[i];
        if (is_stop(v, first))
            continue;
        slant_buf_reset(&v->term);
        int covered = 0;
        for (size_t n = 1; n <= v->max_words && i + n <= d->ntokens; n++) {
            size_t j = i + n - 1;
            if (v->word_at[j] == SIZE_MAX || d->tokens[j].sentence != d->tokens[i].sentence)
                break;
            const char *w = v->folded.data + v->word_at[j];
            if (n > 1)
                slant_buf_addc(&v->term, ' ');
            slant_buf_adds(&v->term, w);
            covered = covered || v->in_match[j];
            if (n > 1 && is_stop(v, w))
                continue; /* a phrase may hold a stop word, not end in one */
            uint32_t id = slant_intern_add(&v->terms, v->term.data, v->term.len, NULL);
            room(v, gr, id);
            gr->count[id] += 1;
            if (v->last_doc[id] != doc) {
                v->last_doc[id] = doc;
                gr->df[id]++;
            }
            if (covered)
                v->covered[id] = 1;
        }
    }
}

size_t slant_vocab_ngroups(const slant_vocab *v)
{
    return v->ngroups;
}

const char *slant_vocab_group(const slant_vocab *v, size_t g, size_t *articles, double *words)
{
    *articles = v->groups[g].articles;
    *words = v->groups[g].words;
    return v->groups[g].name;
}

static int cmp_terms(const void *x, const void *y)
{
    const slant_vocab_term *a = x, *b = y;
    if (a->k.g2 != b->k.g2)
        return a->k.g2 > b->k.g2 ? -1 : 1;
    return strcmp(a->term, b->term);
}

/* Group `g`'s value at term `id` (0 past its arrays: terms added after its last article). */
static double count_at(const group *gr, size_t id)
{
    return id < gr->cap ? gr->count[id] : 0;
}

static size_t df_at(const group *gr, size_t id)
{
    return id < gr->cap ? gr->df[id] : 0;
}

size_t slant_vocab_key_terms(const slant_vocab *v, size_t g, size_t min_df, double level,
                             slant_vocab_term **out)
{
    *out = NULL;
    if (v->ngroups < 2 || g >= v->ngroups)
        return 0;
    const group *gr = &v->groups[g];
    double rest_words = 0;
    for (size_t h = 0; h < v->ngroups; h++)
        if (h != g)
            rest_words += v->groups[h].words;
    size_t nterms = slant_intern_count(&v->terms), n = 0;
    slant_vocab_term *t = xmalloc((nterms ? nterms : 1) * sizeof *t);
    for (size_t id = 0; id < nterms; id++) {
        size_t df = df_at(gr, id);
        if (df < min_df || df == 0)
            continue;
        slant_vocab_term *x = &t[n];
        memset(x, 0, sizeof *x);
        x->term = slant_intern_str(&v->terms, (uint32_t)id, NULL);
        x->words = 1;
        for (const char *p = x->term; *p; p++)
            x->words += *p == ' ';
        x->count = count_at(gr, id);
        x->df = df;
        for (size_t h = 0; h < v->ngroups; h++) {
            if (h == g)
                continue;
            x->rest += count_at(&v->groups[h], id);
            x->df_rest += df_at(&v->groups[h], id);
        }
        x->in_lexicon = v->covered[id];
        if (slant_keyness_of(x->count, x->rest, gr->words, rest_words, level, &x->k) != 0)
            continue;
        n++;
    }
    double *p = xmalloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = t[i].k.g2_p;
    slant_bh(p, n, p);
    for (size_t i = 0; i < n; i++)
        t[i].q = p[i];
    free(p);
    if (n > 1)
        qsort(t, n, sizeof *t, cmp_terms);
    *out = t;
    return n;
}
