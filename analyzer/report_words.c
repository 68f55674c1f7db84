/* The report's sections on words (report_parts.h): who is called what (contested labels),
 * how the sources attribute (report verbs, anonymous sources), actors, and key terms. */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "report.h"
#include "report_parts.h"
#include "xalloc.h"

/* --- who is called what ------------------------------------------------------------------ */

/* The variant of entry `e` when it is a variant of `concept`, or NULL. */
static const char *variant_in(const slant_comparison *c, size_t e, const char *concept)
{
    const slant_entry_key *key = slant_dataset_entry_info(c->ds, e);
    return key->kind == SLANT_ENTRY_VARIANT && !strcmp(key->owner, concept) ? key->name : NULL;
}

static void concept_sentence(slant_report *r, slant_report_concept *x)
{
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&b, "For \"%s\"", x->name);
    if (x->referent)
        slant_buf_addf(&b, " (%s)", x->referent);
    slant_buf_addc(&b, ',');
    int any = 0;
    if (r->nsources > SLANT_REPORT_MANY_SOURCES) {
        /* Too many sources for a clause each (the table has them): which name most of
         * them use most. */
        size_t *most = xcalloc(x->nvariants ? x->nvariants : 1, sizeof *most);
        size_t using = 0, best = 0;
        for (size_t s = 0; s < r->nsources; s++) {
            size_t top = 0;
            double total = 0;
            for (size_t v = 0; v < x->nvariants; v++) {
                total += x->counts[s * x->nvariants + v];
                if (x->counts[s * x->nvariants + v] > x->counts[s * x->nvariants + top])
                    top = v;
            }
            if (total > 0) {
                using++;
                most[top]++;
            }
        }
        for (size_t v = 1; v < x->nvariants; v++)
            if (most[v] > most[best])
                best = v;
        slant_buf_addf(&b, " %zu of the %zu %s name it", using, r->nsources, r->nouns);
        if (using && x->nvariants)
            slant_buf_addf(&b, "; \"%s\" is the name %zu of them use most", x->variants[best],
                           most[best]);
        free(most);
        any = 1;
    }
    for (size_t s = 0; s < r->nsources && r->nsources <= SLANT_REPORT_MANY_SOURCES; s++) {
        double total = 0;
        size_t best = 0;
        for (size_t v = 0; v < x->nvariants; v++) {
            total += x->counts[s * x->nvariants + v];
            if (x->counts[s * x->nvariants + v] > x->counts[s * x->nvariants + best])
                best = v;
        }
        char n[32];
        slant_report_fmt_count(n, sizeof n, total);
        if (total > 0)
            slant_buf_addf(&b, "%s %s says \"%s\" in %.0f%% of its %s use%s", any ? ";" : "",
                           r->sources[s].name, x->variants[best],
                           100 * x->shares[s * x->nvariants + best], n, total == 1 ? "" : "s");
        else
            slant_buf_addf(&b, "%s %s never names it", any ? ";" : "", r->sources[s].name);
        any = 1;
    }
    size_t sources_using = 0, names_used = 0;
    for (size_t s = 0; s < r->nsources; s++) {
        int used = 0;
        for (size_t v = 0; v < x->nvariants; v++)
            used |= x->counts[s * x->nvariants + v] > 0;
        sources_using += used;
    }
    for (size_t v = 0; v < x->nvariants; v++) {
        int used = 0;
        for (size_t s = 0; s < r->nsources; s++)
            used |= x->counts[s * x->nvariants + v] > 0;
        names_used += used;
    }
    char q[32];
    slant_report_fmt_q(q, sizeof q, x->q);
    if (isnan(x->chi2) && sources_using < 2)
        slant_buf_addf(&b, " (one %s only: no test).", r->noun);
    else if (isnan(x->chi2) && names_used < 2)
        slant_buf_addf(&b, " (one name only: no test).");
    else if (isnan(x->chi2))
        slant_buf_addf(&b, " (no test: too few uses).");
    else
        slant_buf_addf(&b, " (chi-square %.2f, df %.0f, %s %s).", x->chi2, x->df,
                       slant_report_q_name(r), q);
    x->sentence = slant_buf_detach(&b, NULL);
    slant_buf_release(&b);
}

static int cmp_concept(const void *p, const void *q)
{
    const slant_report_concept *a = p, *b = q;
    int ta = !isnan(a->q), tb = !isnan(b->q);
    if (ta != tb)
        return tb - ta;
    if (ta && a->q != b->q)
        return a->q < b->q ? -1 : 1;
    if (a->uses != b->uses)
        return a->uses < b->uses ? 1 : -1;
    return strcmp(a->name, b->name);
}

/* What a concept's names refer to, from the lexicon (its category's definition). */
static const char *referent_of(const slant_report *r, const char *concept)
{
    if (!r->opts.lex)
        return NULL;
    long k = slant_lexicon_find_category(r->opts.lex, concept);
    if (k < 0)
        return NULL;
    const slant_category *cat = slant_lexicon_category(r->opts.lex, (size_t)k);
    return cat->concept && cat->definition && cat->definition[0] ? cat->definition : NULL;
}

void slant_report_build_concepts(slant_report *r)
{
    const slant_comparison *c = r->c;
    r->concepts = xcalloc(c->nconcepts ? c->nconcepts : 1, sizeof *r->concepts);
    for (size_t k = 0; k < c->nconcepts; k++) {
        const slant_cmp_concept *cc = &c->concepts[k];
        slant_report_concept *x = &r->concepts[r->nconcepts++];
        x->name = xstrdup(cc->concept);
        const char *referent = referent_of(r, cc->concept);
        x->referent = referent ? xstrdup(referent) : NULL;
        x->chi2 = cc->chi2.statistic;
        x->df = cc->chi2.df;
        x->p = cc->chi2.p;
        x->q = cc->chi2_q;
        size_t vcap = 0;
        /* The variants as written, in the order the comparison has them. */
        for (size_t s = 0; s < c->nshares; s++) {
            const char *variant = variant_in(c, c->shares[s].entry, cc->concept);
            if (!variant)
                continue;
            size_t v;
            for (v = 0; v < x->nvariants; v++)
                if (!strcmp(x->variants[v], variant))
                    break;
            if (v == x->nvariants) {
                x->variants = xgrow(x->variants, &vcap, v + 1, sizeof *x->variants);
                x->variants[x->nvariants++] = xstrdup(variant);
            }
        }
        size_t cells = r->nsources * (x->nvariants ? x->nvariants : 1);
        x->counts = xcalloc(cells, sizeof *x->counts);
        x->shares = xcalloc(cells, sizeof *x->shares);
        for (size_t i = 0; i < cells; i++)
            x->shares[i] = NAN;
        for (size_t s = 0; s < c->nshares; s++) {
            const slant_cmp_share *sh = &c->shares[s];
            size_t src = slant_report_source_of(r, sh->group);
            const char *variant = variant_in(c, sh->entry, cc->concept);
            if (src == SLANT_REPORT_REST || !variant)
                continue;
            for (size_t v = 0; v < x->nvariants; v++)
                if (!strcmp(x->variants[v], variant)) {
                    x->counts[src * x->nvariants + v] = sh->count;
                    x->shares[src * x->nvariants + v] = sh->share;
                    x->uses += sh->count;
                }
        }
        for (size_t v = 0; v < x->nvariants; v++) {
            char *shown = slant_report_clean_entry(x->variants[v]);
            free(x->variants[v]);
            x->variants[v] = shown;
        }
        concept_sentence(r, x);
    }
    qsort(r->concepts, r->nconcepts, sizeof *r->concepts, cmp_concept);
}

/* --- how they attribute ------------------------------------------------------------------- */

/* A category's matches in group `g`, pooled: each article's rate times its words. */
static double pooled_count(const slant_comparison *c, size_t g, long ind)
{
    if (ind < 0)
        return NAN;
    double sum = 0;
    for (size_t i = 0; i < slant_dataset_nrows(c->ds); i++) {
        const slant_row *row = slant_dataset_row(c->ds, i);
        if (row->group == g && !isnan(row->values[ind]))
            sum += round(row->values[ind] * row->tokens / 1000.0);
    }
    return sum;
}

typedef struct {
    size_t entry;
    double count;
} counted;

static int cmp_counted(const void *x, const void *y)
{
    const counted *a = x, *b = y;
    if (a->count != b->count)
        return a->count < b->count ? 1 : -1;
    return (a->entry > b->entry) - (a->entry < b->entry);
}

/* Whether a dataset entry (a term) is a report verb: its category has a report verb role
 * in the lexicon. */
static int is_verb_entry(const slant_report *r, const slant_entry_key *key)
{
    if (key->kind != SLANT_ENTRY_TERM || !key->name)
        return 0;
    slant_role role = slant_indicator_role(key->owner, slant_report_naming(r));
    return role == SLANT_ROLE_REPORT_NEUTRAL || role == SLANT_ROLE_REPORT_LOADED;
}

/* The indicator of the comparison whose category has framing role `role`, or -1. */
static long find_role(const slant_report *r, slant_role role)
{
    const slant_comparison *c = r->c;
    for (size_t i = 0; i < c->nindicators; i++)
        if (slant_indicator_role(slant_dataset_indicator_name(c->ds, c->indicators[i]),
                                 slant_report_naming(r)) == role)
            return (long)c->indicators[i];
    return -1;
}

/* Whether indicator row `x` is shown in "how they attribute": the compared rows of the
 * attribution section. */
static int in_attribution(const slant_indicator *x)
{
    return (x->flags & SLANT_IND_COMPARED) && x->section == SLANT_SECTION_ATTRIBUTION;
}

/* The framing roles whose categories "how they attribute" shows first, in this order:
 * the neutral report verbs beside the loaded ones, and anonymous sources. */
static const slant_role attribution_roles[] = { SLANT_ROLE_REPORT_NEUTRAL,
                                                SLANT_ROLE_REPORT_LOADED,
                                                SLANT_ROLE_ANONYMOUS_SOURCE };

void slant_report_build_attribution(slant_report *r, size_t *term_cap)
{
    const slant_comparison *c = r->c;
    size_t nrows = slant_indicator_count();
    size_t nroles = sizeof attribution_roles / sizeof attribution_roles[0];
    r->attribution_rows = xcalloc(nrows + nroles, sizeof *r->attribution_rows);
    for (size_t k = 0; k < nroles; k++) {
        long ind = find_role(r, attribution_roles[k]);
        for (size_t i = 0; i < r->nindicators && ind >= 0; i++)
            if (r->indicators[i].indicator == (size_t)ind)
                r->attribution_rows[r->nattribution_rows++] = i;
    }
    for (size_t k = 0; k < nrows; k++) {
        const slant_indicator *x = slant_indicator_at(k);
        for (size_t i = 0; i < r->nindicators && in_attribution(x); i++)
            if (!strcmp(r->indicators[i].id, x->id))
                r->attribution_rows[r->nattribution_rows++] = i;
    }
    long neutral = find_role(r, SLANT_ROLE_REPORT_NEUTRAL);
    long loaded = find_role(r, SLANT_ROLE_REPORT_LOADED);
    r->has_verb_counts = neutral >= 0 && loaded >= 0;
    r->attribution = xcalloc(r->nsources ? r->nsources : 1, sizeof *r->attribution);
    size_t nent = slant_dataset_nentries(c->ds);
    counted *verbs = xmalloc((nent ? nent : 1) * sizeof *verbs);
    for (size_t s = 0; s < r->nsources; s++) {
        slant_report_attribution *a = &r->attribution[s];
        size_t g = r->sources[s].group;
        a->neutral_count = pooled_count(c, g, neutral);
        a->loaded_count = pooled_count(c, g, loaded);
        double all = a->neutral_count + a->loaded_count;
        a->loaded_share = all > 0 ? a->loaded_count / all : NAN;
        const slant_group *grp = slant_dataset_group_at(c->ds, g);
        size_t n = 0;
        for (size_t e = 0; e < nent; e++)
            if (grp->entry_counts[e] > 0 && is_verb_entry(r, slant_dataset_entry_info(c->ds, e)))
                verbs[n++] = (counted){ e, grp->entry_counts[e] };
        qsort(verbs, n, sizeof *verbs, cmp_counted);
        if (n > r->opts.top)
            n = r->opts.top;
        a->verbs = xcalloc(n ? n : 1, sizeof *a->verbs);
        a->verb_counts = xcalloc(n ? n : 1, sizeof *a->verb_counts);
        a->verb_notes = xcalloc(n ? n : 1, sizeof *a->verb_notes);
        for (size_t k = 0; k < n; k++) {
            a->verbs[k] = slant_report_term_of(r, term_cap, s, verbs[k].entry);
            a->verb_counts[k] = verbs[k].count;
            const char *category = r->terms[a->verbs[k]].category;
            int is_loaded =
                slant_indicator_role(category, slant_report_naming(r)) == SLANT_ROLE_REPORT_LOADED;
            a->verb_notes[k] = xstrf("%.0f%s", verbs[k].count, is_loaded ? " (loaded)" : "");
        }
        a->nverbs = n;
        r->has_verbs |= n > 0;
    }
    free(verbs);
}

/* --- actors (when the data carries actor framing) ------------------------------------------ */

/* The actor and what is counted (a category or "mentions") of an actor entry; returns 0
 * when entry `e` is none. */
static int split_actor(const slant_comparison *c, size_t e, const char **actor, size_t *alen,
                       const char **what)
{
    const slant_entry_key *key = slant_dataset_entry_info(c->ds, e);
    if (key->kind != SLANT_ENTRY_ACTOR)
        return 0;
    *actor = key->owner;
    *alen = strlen(key->owner);
    *what = key->name;
    return 1;
}

/* The index of `s` (`len` bytes) in `list`, added if new. */
static size_t intern_name(char ***list, size_t *n, size_t *cap, const char *s, size_t len)
{
    for (size_t k = 0; k < *n; k++)
        if (strlen((*list)[k]) == len && !strncmp((*list)[k], s, len))
            return k;
    *list = xgrow(*list, cap, *n + 1, sizeof **list);
    (*list)[*n] = xmemdup(s, len);
    return (*n)++;
}

void slant_report_build_actors(slant_report *r)
{
    const slant_comparison *c = r->c;
    size_t nent = slant_dataset_nentries(c->ds);
    char **actors = NULL, **cats = NULL;
    size_t nactors = 0, ncats = 0, acap = 0, ccap = 0;
    for (size_t e = 0; e < nent; e++) {
        const char *actor, *what;
        size_t alen;
        if (!split_actor(c, e, &actor, &alen, &what))
            continue;
        intern_name(&actors, &nactors, &acap, actor, alen);
        if (strcmp(what, "mentions") != 0)
            intern_name(&cats, &ncats, &ccap, what, strlen(what));
    }
    if (nactors && ncats)
        r->actors = xcalloc(r->nsources, sizeof *r->actors);
    for (size_t s = 0; s < r->nsources && nactors && ncats; s++) {
        const slant_group *g = slant_dataset_group_at(c->ds, r->sources[s].group);
        double *counts = xcalloc(nactors * ncats, sizeof *counts);
        double *mentions = xcalloc(nactors, sizeof *mentions);
        double any = 0;
        for (size_t e = 0; e < nent; e++) {
            const char *actor, *what;
            size_t alen;
            if (!split_actor(c, e, &actor, &alen, &what))
                continue;
            size_t a = intern_name(&actors, &nactors, &acap, actor, alen);
            if (!strcmp(what, "mentions")) {
                mentions[a] += g->entry_counts[e];
                continue;
            }
            size_t k = intern_name(&cats, &ncats, &ccap, what, strlen(what));
            counts[a * ncats + k] += g->entry_counts[e];
            any += g->entry_counts[e];
        }
        if (any > 0) {
            slant_report_actor_table *t = &r->actors[r->nactors++];
            t->source = s;
            t->nactors = nactors;
            t->ncategories = ncats;
            t->actors = xcalloc(nactors, sizeof *t->actors);
            t->categories = xcalloc(ncats, sizeof *t->categories);
            t->values = xcalloc(nactors * ncats, sizeof *t->values);
            char label[128];
            for (size_t a = 0; a < nactors; a++)
                t->actors[a] = xstrdup(actors[a]);
            for (size_t k = 0; k < ncats; k++)
                t->categories[k] =
                    xstrdup(slant_indicator_label(cats[k], slant_report_naming(r), label,
                                                  sizeof label));
            for (size_t a = 0; a < nactors; a++)
                for (size_t k = 0; k < ncats; k++)
                    t->values[a * ncats + k] =
                        mentions[a] > 0 ? 100 * counts[a * ncats + k] / mentions[a] : NAN;
            t->unit = xstrdup("matches in sentences that mention the actor, per 100 mentions");
        }
        free(counts);
        free(mentions);
    }
    for (size_t k = 0; k < nactors; k++)
        free(actors[k]);
    for (size_t k = 0; k < ncats; k++)
        free(cats[k]);
    free(actors);
    free(cats);
}

/* --- key terms ----------------------------------------------------------------------------- */

static int cmp_key(const void *x, const void *y)
{
    const slant_cmp_term *a = *(const slant_cmp_term *const *)x;
    const slant_cmp_term *b = *(const slant_cmp_term *const *)y;
    if (a->k.g2 != b->k.g2)
        return a->k.g2 < b->k.g2 ? 1 : -1;
    return (a->entry > b->entry) - (a->entry < b->entry);
}

void slant_report_build_keyness(slant_report *r, size_t *term_cap)
{
    const slant_comparison *c = r->c;
    /* Term counts come from evidence; contested variants and actors are counted without. */
    r->has_keyness = 0;
    for (size_t e = 0; e < slant_dataset_nentries(c->ds); e++) {
        slant_entry_key_kind kind = slant_dataset_entry_info(c->ds, e)->kind;
        if (kind != SLANT_ENTRY_VARIANT && kind != SLANT_ENTRY_ACTOR)
            r->has_keyness = 1; /* a term (or, as before, a concept's totals) */
    }
    r->keyness = xcalloc(r->nsources ? r->nsources : 1, sizeof *r->keyness);
    const slant_cmp_term **mine = xmalloc((c->nterms ? c->nterms : 1) * sizeof *mine);
    for (size_t s = 0; s < r->nsources; s++) {
        size_t n = 0;
        for (size_t t = 0; t < c->nterms; t++) {
            const slant_cmp_term *x = &c->terms[t];
            slant_entry_key_kind kind = slant_dataset_entry_info(c->ds, x->entry)->kind;
            if (x->group == r->sources[s].group && x->reference == SLANT_REST && x->k.g2 > 0 &&
                slant_cmp_term_frequent(c, x) && kind != SLANT_ENTRY_VARIANT &&
                kind != SLANT_ENTRY_ACTOR)
                mine[n++] = x;
        }
        qsort(mine, n, sizeof *mine, cmp_key);
        if (n > r->opts.top)
            n = r->opts.top;
        slant_report_keyness *k = &r->keyness[s];
        k->source = s;
        k->terms = xcalloc(n ? n : 1, sizeof *k->terms);
        for (size_t t = 0; t < n; t++) {
            const slant_cmp_term *x = mine[t];
            slant_report_keyterm *kt = &k->terms[t];
            kt->term = slant_report_term_of(r, term_cap, s, x->entry);
            r->terms[kt->term].wanted = 1;
            kt->significant = x->g2_q < r->opts.alpha;
            kt->count = x->a;
            kt->rate = x->c > 0 ? 1000 * x->a / x->c : NAN;
            kt->rate_rest = x->d > 0 ? 1000 * x->b / x->d : NAN;
            kt->g2 = x->k.g2;
            kt->g2_q = x->g2_q;
            kt->log_ratio = (slant_report_ci){ x->k.log_ratio, x->k.lr_low, x->k.lr_high };
            kt->df = x->df_a;
            kt->articles = x->articles_a;
        }
        k->nterms = n;
    }
    free(mine);
}
