/* The comparison's terms (compare_parts.h): the keyness of every entry, each group against
 * the rest and each pair; the entries that drive each difference; the contested concepts
 * (who calls what by which name); and which term rows people read. */

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "compare_parts.h"
#include "parallel.h"
#include "xalloc.h"

/* --- terms ------------------------------------------------------------------------------- */

/* The totals over the compared groups that pooled() takes the rest from. Counts and
 * words are integers, so the difference is exact (the sum of the others, as before). */
void slant_cmp_entry_totals(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->entry_totals = xcalloc(ne + 1, sizeof *c->entry_totals);
    c->entry_articles = xcalloc(ne + 1, sizeof *c->entry_articles);
    c->words_total = c->articles_total = 0;
    for (size_t k = 0; k < c->ngroups; k++) {
        const slant_group *x = slant_dataset_group_at(c->ds, c->groups[k]);
        for (size_t e = 0; e < ne; e++) {
            c->entry_totals[e] += x->entry_counts[e];
            c->entry_articles[e] += x->entry_articles[e];
        }
        c->words_total += x->tokens;
        c->articles_total += (double)x->articles;
    }
}

/* Articles with the entry and articles of a group, or of every other compared group. */
static void pooled_articles(const slant_comparison *c, size_t g, int rest, size_t entry,
                            double *df, double *articles)
{
    const slant_group *x = slant_dataset_group_at(c->ds, g);
    *df = rest ? c->entry_articles[entry] - x->entry_articles[entry] : x->entry_articles[entry];
    *articles = rest ? c->articles_total - (double)x->articles : (double)x->articles;
}

/* Entry counts and words of a group, or of every other compared group for rest: constant
 * time (a pair used to cost a pass over the groups per entry). */
static void pooled(const slant_comparison *c, size_t g, int rest, size_t entry, double *count,
                   double *words)
{
    const slant_group *x = slant_dataset_group_at(c->ds, g);
    *count = rest ? c->entry_totals[entry] - x->entry_counts[entry] : x->entry_counts[entry];
    *words = rest ? c->words_total - x->tokens : x->tokens;
}

/* The keyness of every entry of group g against ref (a group or SLANT_REST), written from
 * `out` on; returns how many rows (entries used by neither side have none). */
static size_t keyness_against(const slant_comparison *c, size_t g, size_t ref,
                              slant_cmp_term *out)
{
    size_t ne = slant_dataset_nentries(c->ds), n = 0;
    for (size_t e = 0; e < ne; e++) {
        slant_entry_key_kind kind = slant_dataset_entry_info(c->ds, e)->kind;
        if (kind == SLANT_ENTRY_ACTOR || kind == SLANT_ENTRY_CONCEPT)
            continue; /* actor framing and a concept's totals, not terms */
        double a, b, words_a, words_b;
        pooled(c, g, 0, e, &a, &words_a);
        if (ref == SLANT_REST)
            pooled(c, g, 1, e, &b, &words_b);
        else
            pooled(c, ref, 0, e, &b, &words_b);
        if (a + b == 0)
            continue;
        slant_cmp_term *t = &out[n++];
        memset(t, 0, sizeof *t);
        t->group = g;
        t->reference = ref;
        t->entry = e;
        t->a = a;
        t->b = b;
        t->c = words_a;
        t->d = words_b;
        slant_keyness_of(a, b, words_a, words_b, c->opts.level, &t->k);
        t->p = isnan(t->k.fisher_p) ? t->k.g2_p : t->k.fisher_p;
        pooled_articles(c, g, 0, e, &t->df_a, &t->articles_a);
        if (ref == SLANT_REST)
            pooled_articles(c, g, 1, e, &t->df_b, &t->articles_b);
        else
            pooled_articles(c, ref, 0, e, &t->df_b, &t->articles_b);
        /* articles with the term against articles without, group against reference: the
         * same 2x2 as the pooled test with articles for words */
        slant_keyness_of(t->df_a, t->df_b, t->articles_a, t->articles_b, c->opts.level, &t->art);
        t->art_p = isnan(t->art.fisher_p) ? t->art.g2_p : t->art.fisher_p;
    }
    return n;
}

/* The blocks of keyness rows: each group against the rest, then each pair of groups. A
 * block is computed into its own stretch of `ne` rows, on any thread. */
typedef struct {
    slant_comparison *c;
    size_t ne;
    size_t *pair_of;   /* per pair block: k * ngroups + l */
    size_t *rows;      /* per block: its rows */
} keyness_blocks;

static void keyness_block(size_t b, void *ctx)
{
    keyness_blocks *k = ctx;
    slant_comparison *c = k->c;
    slant_cmp_term *out = c->terms + b * k->ne;
    if (b < c->ngroups) {
        k->rows[b] = keyness_against(c, c->groups[b], SLANT_REST, out);
    } else {
        size_t pair = k->pair_of[b - c->ngroups];
        k->rows[b] = keyness_against(c, c->groups[pair / c->ngroups],
                                     c->groups[pair % c->ngroups], out);
    }
}

void slant_cmp_keyness(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->has_entries = ne > 0;
    if (!ne)
        return;
    size_t all_pairs = c->ngroups * (c->ngroups - 1) / 2;
    int pairwise = !c->vs_rest && c->opts.pairs != SLANT_PAIRS_NONE;
    if (pairwise && all_pairs * ne > SLANT_KEYNESS_MAX_PAIR_ROWS) {
        pairwise = 0;
        c->keyness_pairs_capped = 1;
    }
    size_t blocks = c->ngroups + (pairwise ? all_pairs : 0);
    c->terms = xcalloc(blocks * ne, sizeof *c->terms);
    keyness_blocks k = { c, ne, xmalloc((all_pairs + 1) * sizeof *k.pair_of),
                         xcalloc(blocks + 1, sizeof *k.rows) };
    size_t np = 0;
    for (size_t a = 0; pairwise && a < c->ngroups; a++)
        for (size_t b = a + 1; b < c->ngroups; b++)
            k.pair_of[np++] = a * c->ngroups + b;
    slant_parallel_for(blocks, c->opts.threads, keyness_block, &k);
    /* the blocks' rows, in block order, together */
    c->nterms = 0;
    for (size_t b = 0; b < blocks; b++) {
        if (c->nterms != b * ne)
            memmove(c->terms + c->nterms, c->terms + b * ne, k.rows[b] * sizeof *c->terms);
        c->nterms += k.rows[b];
        if (b + 1 == c->ngroups)
            c->nterms_rest = c->nterms;
    }
    free(k.pair_of);
    free(k.rows);
}

/* The entries of a category indicator are its terms. */
static int entry_in(const slant_entry_key *entry, const char *category)
{
    return entry->kind == SLANT_ENTRY_TERM && entry->name && !strcmp(entry->owner, category);
}

void slant_cmp_drivers(slant_comparison *c)
{
    if (!c->has_entries || !c->npairs)
        return;
    size_t ne = slant_dataset_nentries(c->ds);
    c->drivers = xcalloc(c->npairs * ne, sizeof *c->drivers);
    for (size_t p = 0; p < c->npairs; p++) {
        const slant_cmp_pair *pr = &c->pairs[p];
        const char *cat = slant_dataset_indicator_name(c->ds, pr->indicator);
        for (size_t e = 0; e < ne; e++) {
            if (!entry_in(slant_dataset_entry_info(c->ds, e), cat))
                continue;
            double a, b, wa, wb;
            pooled(c, pr->a, 0, e, &a, &wa);
            if (pr->b == SLANT_REST)
                pooled(c, pr->a, 1, e, &b, &wb);
            else
                pooled(c, pr->b, 0, e, &b, &wb);
            if (a + b == 0)
                continue;
            slant_cmp_driver *d = &c->drivers[c->ndrivers++];
            d->a = pr->a;
            d->b = pr->b;
            d->indicator = pr->indicator;
            d->entry = e;
            d->rate_a = wa > 0 ? 1000.0 * a / wa : NAN;
            d->rate_b = wb > 0 ? 1000.0 * b / wb : NAN;
        }
    }
}

/* --- contested concepts ----------------------------------------------------------------- */

/* The concept of a variant entry (a contested concept's), with its length, or 0. */
static size_t concept_of(const slant_entry_key *key, const char **concept)
{
    if (key->kind != SLANT_ENTRY_VARIANT)
        return 0;
    *concept = key->owner;
    return strlen(key->owner);
}

/* The articles of the compared groups that use a concept: its totals entry's articles
 * (the dataset counts an article with two variants once). */
static double concept_articles(const slant_comparison *c, const char *concept, size_t len)
{
    for (size_t e = 0; e < slant_dataset_nentries(c->ds); e++) {
        const slant_entry_key *key = slant_dataset_entry_info(c->ds, e);
        if (key->kind == SLANT_ENTRY_CONCEPT && strlen(key->owner) == len &&
            !memcmp(key->owner, concept, len))
            return c->entry_articles[e];
    }
    return 0;
}

static void contested_concept(slant_comparison *c, const char *concept, size_t len,
                              const size_t *entries, size_t nentries)
{
    double articles = concept_articles(c, concept, len);
    if (c->opts.min_df > 1 && articles < (double)c->opts.min_df) {
        /* too few articles to say who calls it what: named with its articles, not tested */
        slant_cmp_concept *x = &c->rare_concepts[c->nrare_concepts++];
        x->concept = xmemdup(concept, len);
        x->articles = articles;
        x->chi2.statistic = x->chi2.df = x->chi2.p = x->chi2_q = x->cramers_v = NAN;
        return;
    }
    double *table = xcalloc(c->ngroups * nentries, sizeof *table);
    for (size_t k = 0; k < c->ngroups; k++) {
        const slant_group *g = slant_dataset_group_at(c->ds, c->groups[k]);
        double total = 0;
        for (size_t v = 0; v < nentries; v++)
            total += table[k * nentries + v] = g->entry_counts[entries[v]];
        for (size_t v = 0; v < nentries && total > 0; v++) {
            slant_cmp_share *s = &c->shares[c->nshares++];
            s->group = c->groups[k];
            s->entry = entries[v];
            s->count = table[k * nentries + v];
            s->share = s->count / total;
            slant_wilson_ci(s->count, total, c->opts.level, &s->share_low, &s->share_high);
        }
    }
    slant_cmp_concept *x = &c->concepts[c->nconcepts++];
    x->concept = xmemdup(concept, len);
    x->articles = articles;
    for (size_t k = 0; k < c->ngroups; k++) {
        double row = 0;
        for (size_t v = 0; v < nentries; v++)
            row += table[k * nentries + v];
        x->groups += row > 0;
    }
    for (size_t v = 0; v < nentries; v++) {
        double col = 0;
        for (size_t k = 0; k < c->ngroups; k++)
            col += table[k * nentries + v];
        x->variants += col > 0;
    }
    if (slant_chi2_contingency(table, c->ngroups, nentries, &x->chi2) != 0)
        x->chi2.statistic = x->chi2.df = x->chi2.p = NAN;
    double all = 0;
    for (size_t k = 0; k < c->ngroups * nentries; k++)
        all += table[k];
    x->cramers_v = slant_cramers_v(x->chi2.statistic, all, x->groups, x->variants);
    free(table);
}

void slant_cmp_contested(slant_comparison *c)
{
    size_t ne = slant_dataset_nentries(c->ds);
    c->shares = xcalloc(ne * c->ngroups + 1, sizeof *c->shares);
    c->concepts = xcalloc(ne + 1, sizeof *c->concepts);
    c->rare_concepts = xcalloc(ne + 1, sizeof *c->rare_concepts);
    size_t *entries = xmalloc((ne + 1) * sizeof *entries);
    char *done = xcalloc(ne + 1, 1);
    for (size_t e = 0; e < ne; e++) {
        const char *concept;
        size_t len = concept_of(slant_dataset_entry_info(c->ds, e), &concept);
        if (!len || done[e])
            continue;
        size_t n = 0;
        for (size_t f = e; f < ne; f++) { /* every variant of this concept */
            const char *other;
            size_t olen = concept_of(slant_dataset_entry_info(c->ds, f), &other);
            if (olen == len && memcmp(other, concept, len) == 0) {
                entries[n++] = f;
                done[f] = 1;
            }
        }
        contested_concept(c, concept, len, entries, n);
    }
    free(entries);
    free(done);
}

/* --- which term rows people read ----------------------------------------------------------- */

int slant_cmp_term_frequent(const slant_comparison *c, const slant_cmp_term *t)
{
    double df = t->k.g2 < 0 ? t->df_b : t->df_a;
    if (c->opts.min_df > 1 && df < (double)c->opts.min_df)
        return 0;
    /* boilerplate: a few articles repeating a word overuse it in the pooled count while
     * the side's articles use it no more often than the other side's */
    return isnan(t->art.g2) || isnan(t->k.g2) || (t->art.g2 > 0) == (t->k.g2 > 0);
}

static int cmp_g2_desc(const void *x, const void *y)
{
    const slant_cmp_term *a = *(const slant_cmp_term *const *)x;
    const slant_cmp_term *b = *(const slant_cmp_term *const *)y;
    double ga = isnan(a->k.g2) ? 0 : fabs(a->k.g2), gb = isnan(b->k.g2) ? 0 : fabs(b->k.g2);
    if (ga != gb)
        return ga < gb ? 1 : -1;
    return (a->entry > b->entry) - (a->entry < b->entry);
}

/* Marks the top `top` of `side` (terms of one block overused on one side) by |G²|. */
static void mark_top(slant_comparison *c, const slant_cmp_term **side, size_t n, size_t top)
{
    qsort(side, n, sizeof *side, cmp_g2_desc);
    for (size_t k = 0; k < n && k < top; k++)
        c->term_listed[side[k] - c->terms] = 1;
}

void slant_comparison_select_terms(slant_comparison *c, double alpha, size_t top)
{
    free(c->term_listed);
    c->term_listed = xcalloc(c->nterms + 1, 1);
    const slant_cmp_term **pos = xmalloc((c->nterms + 1) * sizeof *pos);
    const slant_cmp_term **neg = xmalloc((c->nterms + 1) * sizeof *neg);
    /* keyness_against writes each (group, reference) block's rows together */
    for (size_t from = 0, to; from < c->nterms; from = to) {
        const slant_cmp_term *b = &c->terms[from];
        size_t np = 0, nn = 0;
        for (to = from; to < c->nterms && c->terms[to].group == b->group &&
                        c->terms[to].reference == b->reference;
             to++) {
            const slant_cmp_term *t = &c->terms[to];
            if (!slant_cmp_term_frequent(c, t) || isnan(t->k.g2) || t->k.g2 == 0)
                continue;
            if (t->g2_q < alpha)
                c->term_listed[to] = 1;
            if (t->k.g2 > 0)
                pos[np++] = t;
            else
                neg[nn++] = t;
        }
        mark_top(c, pos, np, top);
        mark_top(c, neg, nn, top);
    }
    c->terms_left_out = 0;
    for (size_t k = 0; k < c->nterms; k++)
        c->terms_left_out += !c->term_listed[k];
    free(pos);
    free(neg);
}
