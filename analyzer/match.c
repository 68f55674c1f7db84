#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The trie nodes reachable at one depth of the walk; a word fits few patterns, so few. */
#define MAX_ACTIVE 32

void slant_matches_init(slant_matches *m)
{
    memset(m, 0, sizeof *m);
}

void slant_matches_release(slant_matches *m)
{
    free(m->items);
    free(m->covered);
    free(m->roles);
    free(m->cand);
    memset(m, 0, sizeof *m);
}

static void add_candidate(slant_matches *m, const slant_lexicon *lex, uint32_t entry,
                          uint32_t first, uint32_t ntokens)
{
    uint32_t cat = slant_lexicon_entry(lex, entry)->category;
    /* Keep only the best candidate per category: the longest, then the first listed. */
    for (size_t k = 0; k < m->ncand; k++) {
        slant_match *c = &m->cand[k];
        if (c->category != cat)
            continue;
        if (ntokens > c->ntokens || (ntokens == c->ntokens && entry < c->entry)) {
            c->entry = entry;
            c->ntokens = ntokens;
        }
        return;
    }
    m->cand = xgrow(m->cand, &m->cand_cap, m->ncand + 1, sizeof *m->cand);
    slant_match *c = &m->cand[m->ncand++];
    memset(c, 0, sizeof *c);
    c->entry = entry;
    c->category = cat;
    c->first_token = first;
    c->ntokens = ntokens;
}

/* The candidates of the entries that end at trie node `node`, `n` words from word `i`. */
static void add_ends(slant_matches *m, const slant_lexicon *lex, uint32_t node, size_t i,
                     size_t n)
{
    size_t nends;
    const uint32_t *ends = slant_lexicon_entries_at(lex, node, &nends);
    for (size_t e = 0; e < nends; e++)
        add_candidate(m, lex, ends[e], (uint32_t)i, (uint32_t)n);
}

/* Collects into m->cand the best match of each category starting at word `i`. */
static void candidates_at(const slant_lexicon *lex, const slant_doc *doc,
                          const slant_word_patterns *w, size_t i, slant_matches *m)
{
    uint32_t active[MAX_ACTIVE], next[MAX_ACTIVE];
    size_t nactive = 0;
    m->ncand = 0;
    const slant_pattern_span first = slant_word_span(w, i);
    const uint32_t *starts = w->pool + first.first + first.count;
    for (uint32_t s = 0; s < first.nstarts; s++) {
        add_ends(m, lex, starts[s], i, 1);
        if (slant_lexicon_continues(lex, starts[s]) && nactive < MAX_ACTIVE)
            active[nactive++] = starts[s];
    }
    for (size_t j = i + 1; nactive && j < doc->ntokens && j - i < SLANT_MAX_ENTRY_WORDS; j++) {
        if (doc->tokens[j].sentence != doc->tokens[i].sentence)
            break;
        size_t nnext = 0;
        const slant_pattern_span span = slant_word_span(w, j);
        const uint32_t *pats = w->pool + span.first;
        for (size_t a = 0; a < nactive; a++) {
            for (uint32_t p = 0; p < span.count; p++) {
                uint32_t child = slant_lexicon_step(lex, active[a], pats[p]);
                if (child == SLANT_TRIE_NONE)
                    continue;
                add_ends(m, lex, child, i, j - i + 1);
                if (slant_lexicon_continues(lex, child) && nnext < MAX_ACTIVE)
                    next[nnext++] = child;
            }
        }
        memcpy(active, next, nnext * sizeof *next);
        nactive = nnext;
    }
}

/* Whether a match of `role` ends within `window` words before word `i`, same clause. */
static int role_before(const slant_doc *doc, const uint8_t *roles, size_t i, int role,
                       size_t window)
{
    for (size_t k = 1; k <= window && k <= i; k++) {
        if (doc->tokens[i - k].clause != doc->tokens[i].clause)
            return 0;
        if (roles[i - k] & (1u << role))
            return 1;
    }
    return 0;
}

static int cmp_category(const void *a, const void *b)
{
    const slant_match *x = a, *y = b;
    return x->category < y->category ? -1 : (x->category > y->category);
}

void slant_match_doc(const slant_lexicon *lex, const slant_doc *doc,
                     const slant_word_patterns *w, slant_matches *m)
{
    size_t ncats = slant_lexicon_ncategories(lex);
    m->n = 0;
    m->covered = xgrow(m->covered, &m->covered_cap, ncats, sizeof *m->covered);
    memset(m->covered, 0, ncats * sizeof *m->covered);
    m->roles = xgrow(m->roles, &m->roles_cap, doc->ntokens, sizeof *m->roles);
    if (doc->ntokens)
        memset(m->roles, 0, doc->ntokens * sizeof *m->roles);

    for (size_t i = 0; i < doc->ntokens; i++) {
        if (!slant_word_span(w, i).nstarts)
            continue;
        candidates_at(lex, doc, w, i, m);
        if (m->ncand > 1)
            qsort(m->cand, m->ncand, sizeof *m->cand, cmp_category);
        for (size_t k = 0; k < m->ncand; k++) {
            slant_match c = m->cand[k];
            if (i < m->covered[c.category])
                continue;
            m->covered[c.category] = (uint32_t)(i + c.ntokens);
            c.negated = (uint8_t)role_before(doc, m->roles, i, SLANT_ROLE_NEGATOR,
                                             SLANT_NEGATION_WINDOW);
            c.boosted = (uint8_t)role_before(doc, m->roles, i, SLANT_ROLE_BOOSTER, 1);
            c.diminished = (uint8_t)role_before(doc, m->roles, i, SLANT_ROLE_DIMINISHER, 1);
            slant_role role = slant_lexicon_category(lex, c.category)->role;
            if (role != SLANT_ROLE_NONE && role <= SLANT_ROLE_LAST_SCOPE)
                m->roles[i + c.ntokens - 1] |= (uint8_t)(1u << role);
            m->items = xgrow(m->items, &m->cap, m->n + 1, sizeof *m->items);
            m->items[m->n++] = c;
        }
    }
}
