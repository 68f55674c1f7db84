/* The report as data: what `slant report` says about a comparison (see report.h). This file
 * holds what its parts share (report_parts.h: names, sections and units of indicators,
 * sources, terms), the table of means, the sentences every writer shows, and the whole
 * report built and freed; the findings, the sections on words and the method notes are
 * built in report_findings.c, report_words.c and report_method.c. */

#include "report.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "report_parts.h"
#include "xalloc.h"

/* --- the lexicon ----------------------------------------------------------------------------- */

/* The lexicon that names the categories: the data's, else the naming one (report.h). */
const slant_lexicon *slant_report_naming(const slant_report *r)
{
    return r->opts.lex ? r->opts.lex : r->opts.names;
}

/* The section of indicator `id`: from the data's lexicon; without it, the naming lexicon
 * places the categories of the report roles (and nothing else: their groups are unknown). */
slant_section slant_report_section_of(const slant_report *r, const char *id)
{
    if (r->opts.lex || !r->opts.names)
        return slant_indicator_section(id, r->opts.lex);
    if (slant_role_label(slant_indicator_role(id, r->opts.names)))
        return slant_indicator_section(id, r->opts.names);
    return slant_indicator_section(id, NULL);
}

/* --- strings and numbers ------------------------------------------------------------------ */

void slant_report_fmt_value(char *out, size_t size, double v, int share)
{
    if (isnan(v) || isinf(v))
        snprintf(out, size, "n/a");
    else if (share)
        snprintf(out, size, "%.1f%%", 100 * v);
    else
        snprintf(out, size, "%.2f", v);
}

void slant_report_fmt_mean(slant_report_mean *t, const slant_cmp_summary *m, int share)
{
    slant_report_fmt_value(t->mean, sizeof t->mean, m ? m->s.mean : NAN, share);
    slant_report_fmt_value(t->low, sizeof t->low, m ? m->s.ci_low : NAN, share);
    slant_report_fmt_value(t->high, sizeof t->high, m ? m->s.ci_high : NAN, share);
    t->has_ci = m && !isnan(m->s.ci_low);
}

void slant_report_fmt_ratio(char *out, size_t size, double v)
{
    if (isinf(v) && v > 0)
        snprintf(out, size, "no upper bound");
    else if (isnan(v) || isinf(v))
        snprintf(out, size, "n/a");
    else if (v >= 0.95 && v < 1.05)
        snprintf(out, size, "%.2f", v); /* never "1.0 times as many" */
    else if (v < 100)
        snprintf(out, size, "%.1f", v);
    else
        snprintf(out, size, "%.0f", v);
}

void slant_report_fmt_q(char *out, size_t size, double q)
{
    if (isnan(q))
        snprintf(out, size, "n/a");
    else if (q < 0.0001)
        snprintf(out, size, "< 0.0001");
    else
        snprintf(out, size, "%.4f", q);
}

void slant_report_fmt_count(char *out, size_t size, double v)
{
    if (isnan(v) || isinf(v) || v < 0 || v >= 1e18) {
        snprintf(out, size, isnan(v) ? "n/a" : "%.0f", v);
        return;
    }
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", v);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len && o + 1 < size; i++) {
        if (i && (len - i) % 3 == 0 && o + 2 < size)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}


const char *slant_report_q_name(const slant_report *r)
{
    return r->c->opts.correction == SLANT_CORRECT_HOLM ? "adjusted p" : "q";
}

int slant_report_listed(const slant_report *r, size_t k)
{
    return k < r->headline_listed ||
           (k >= r->nheadline && k < r->nheadline + r->context_listed);
}

int slant_report_has_evidence(const slant_report *r, size_t s)
{
    for (size_t t = 0; t < r->nterms; t++)
        if (r->terms[t].source == s && r->terms[t].nsnippets > 0)
            return 1;
    return 0;
}

const char *slant_report_source_name(const slant_report *r, size_t s)
{
    return s == SLANT_REPORT_REST ? r->rest : r->sources[s].name;
}

/* --- indicators for a reader ---------------------------------------------------------------- */

slant_unit slant_report_unit_of(const slant_report *r, size_t ind)
{
    return slant_indicator_unit(slant_dataset_indicator_name(r->c->ds, ind));
}

const char *slant_report_indicator_id(const slant_report *r, size_t ind)
{
    return slant_dataset_indicator_name(r->c->ds, ind);
}

/* --- sources and values ------------------------------------------------------------------ */

/* The report's index of dataset group `g` (SLANT_REST stays rest). */
size_t slant_report_source_of(const slant_report *r, size_t g)
{
    if (g == SLANT_REST)
        return SLANT_REPORT_REST;
    for (size_t k = 0; k < r->nsources; k++)
        if (r->sources[k].group == g)
            return k;
    return SLANT_REPORT_REST;
}

static const slant_cmp_summary *summary_of(const slant_comparison *c, size_t g, long ind)
{
    if (ind < 0)
        return NULL;
    for (size_t k = 0; k < c->nsummaries; k++)
        if (c->summaries[k].group == g && c->summaries[k].indicator == (size_t)ind)
            return &c->summaries[k];
    return NULL;
}

/* --- terms ---------------------------------------------------------------------------------- */

/* An entry as a reader writes it: "=clearly" -> clearly, "\"so-called\"" -> so-called. */
char *slant_report_clean_entry(const char *t)
{
    size_t len = strlen(t);
    if (len && t[0] == '=') {
        t++;
        len--;
    }
    if (len >= 2 && t[0] == '"' && t[len - 1] == '"') {
        t++;
        len -= 2;
    }
    return xmemdup(t, len);
}

/* The display form of a term entry (the entry as written). */
static char *display_term(const slant_entry_key *key)
{
    return slant_report_clean_entry(key->name ? key->name : key->owner);
}

/* The term for `entry` in `source`, added if new. */
size_t slant_report_term_of(slant_report *r, size_t *cap, size_t source, size_t entry)
{
    for (size_t t = 0; t < r->nterms; t++)
        if (r->terms[t].source == source && r->terms[t].entry == entry)
            return t;
    r->terms = xgrow(r->terms, cap, r->nterms + 1, sizeof *r->terms);
    slant_report_term *t = &r->terms[r->nterms];
    memset(t, 0, sizeof *t);
    t->source = source;
    t->entry = entry;
    const slant_entry_key *key = slant_dataset_entry_info(r->c->ds, entry);
    t->category = xstrdup(key->name ? key->owner : "");
    long k = r->opts.lex ? slant_lexicon_find_category(r->opts.lex, t->category) : -1;
    if (k >= 0 && slant_lexicon_category(r->opts.lex, (size_t)k)->actor) {
        t->category_label = xstrf("actor %s", t->category);
    } else {
        char label[128];
        t->category_label =
            xstrdup(slant_indicator_label(t->category, slant_report_naming(r), label,
                                          sizeof label));
    }
    t->term = display_term(key);
    t->anchor = xstrf("ev-%zu", r->nterms);
    return r->nterms++;
}

void slant_report_add_snippet(slant_report *r, size_t t, const char *text, size_t mark_start,
                              size_t mark_end, const char *article)
{
    slant_report_term *term = &r->terms[t];
    term->snippets = xrealloc(term->snippets, (term->nsnippets + 1) * sizeof *term->snippets);
    slant_report_snippet *s = &term->snippets[term->nsnippets++];
    s->text = xstrdup(text);
    s->mark_start = mark_start;
    s->mark_end = mark_end;
    s->article = xstrdup(article ? article : "");
}

/* --- the table of means ------------------------------------------------------------------ */

/* The largest Hedges' g of the indicator's findings (0 when undefined), -1 without any. */
static double max_effect(const slant_report *r, size_t ind)
{
    double m = -1;
    for (size_t k = 0; k < r->nfindings; k++) {
        double g = isnan(r->findings[k].g.value) ? 0 : r->findings[k].g.value;
        if (r->findings[k].indicator == ind && g > m)
            m = g;
    }
    return m;
}

typedef struct {
    slant_report_indicator x;
    double effect;
    size_t order;
} ranked_indicator;

static int cmp_indicator(const void *x, const void *y)
{
    const ranked_indicator *a = x, *b = y;
    if (a->x.leads != b->x.leads)
        return b->x.leads - a->x.leads;
    if (a->effect != b->effect)
        return a->effect < b->effect ? 1 : -1;
    return (a->order > b->order) - (a->order < b->order);
}

static void build_indicators(slant_report *r)
{
    const slant_comparison *c = r->c;
    ranked_indicator *all = xcalloc(c->nindicators ? c->nindicators : 1, sizeof *all);
    for (size_t i = 0; i < c->nindicators; i++) {
        slant_report_indicator *x = &all[i].x;
        size_t ind = c->indicators[i];
        char label[128];
        x->indicator = ind;
        x->id = xstrdup(slant_report_indicator_id(r, ind));
        x->label = xstrdup(slant_indicator_label(x->id, slant_report_naming(r), label,
                                                 sizeof label));
        x->kind = slant_indicator_unit(x->id);
        x->share = x->kind == SLANT_UNIT_SHARE;
        x->section = slant_report_section_of(r, x->id);
        x->leads = slant_indicator_leads(x->id);
        x->summaries = xcalloc(r->nsources ? r->nsources : 1, sizeof *x->summaries);
        for (size_t s = 0; s < r->nsources; s++)
            x->summaries[s] = summary_of(c, r->sources[s].group, (long)ind);
        x->kruskal_q = x->welch_q = NAN;
        for (size_t k = 0; k < c->nomnibus; k++)
            if (c->omnibus[k].indicator == ind) {
                x->kruskal_q = c->omnibus[k].kruskal_q;
                x->welch_q = c->omnibus[k].welch_q;
            }
        all[i].effect = max_effect(r, ind);
        x->differs = all[i].effect >= 0;
        all[i].order = i;
    }
    qsort(all, c->nindicators, sizeof *all, cmp_indicator);
    r->indicators = xcalloc(c->nindicators ? c->nindicators : 1, sizeof *r->indicators);
    for (size_t i = 0; i < c->nindicators; i++)
        r->indicators[i] = all[i].x;
    r->nindicators = c->nindicators;
    free(all);
}

/* --- the sentences every writer shows --------------------------------------------------------- */

/* Appends "name (N articles)" items of `name` bytes to `b`, the first after `lead`. */
static void active_item(slant_buf *b, int *first, const char *lead, const char *name,
                        size_t len, double articles)
{
    slant_buf_addf(b, "%s%.*s (%.0f article%s)", *first ? lead : ", ", (int)len, name,
                   articles, articles == 1 ? "" : "s");
    *first = 0;
}

/* What the corpus uses: concepts reported and left out under --min-df, actors mentioned. */
static char *active_sentence(const slant_comparison *c)
{
    if (!c->nconcepts && !c->nrare_concepts && !c->entry_articles)
        return NULL;
    slant_buf b;
    slant_buf_init(&b, 1u << 20);
    int first = 1;
    char lead[96];
    snprintf(lead, sizeof lead, "Contested concepts used in %zu or more articles: ",
             c->opts.min_df > 1 ? c->opts.min_df : 1);
    for (size_t k = 0; k < c->nconcepts; k++)
        active_item(&b, &first, lead, c->concepts[k].concept, strlen(c->concepts[k].concept),
                    c->concepts[k].articles);
    if (!first)
        slant_buf_adds(&b, ". ");
    first = 1;
    snprintf(lead, sizeof lead, "Left out, in fewer articles: ");
    for (size_t k = 0; k < c->nrare_concepts; k++)
        active_item(&b, &first, lead, c->rare_concepts[k].concept,
                    strlen(c->rare_concepts[k].concept), c->rare_concepts[k].articles);
    if (!first)
        slant_buf_adds(&b, ". ");
    first = 1;
    for (size_t e = 0; e < slant_dataset_nentries(c->ds) && c->entry_articles; e++) {
        const slant_entry_key *key = slant_dataset_entry_info(c->ds, e);
        if (key->kind == SLANT_ENTRY_ACTOR && !strcmp(key->name, "mentions") &&
            c->entry_articles[e] > 0)
            active_item(&b, &first, "Actors mentioned: ", key->owner, strlen(key->owner),
                        c->entry_articles[e]);
    }
    if (!first)
        slant_buf_adds(&b, ".");
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    char *s = b.len ? xstrdup(b.data) : NULL;
    slant_buf_release(&b);
    return s;
}

/* The sentences every writer shows as they are (after the findings, concepts, attribution
 * and keyness are built). */
static void build_sentences(slant_report *r)
{
    if (r->nbelow_floor)
        r->count_sentence = xstrf("%zu significant difference%s at %s < %g, %zu of them below "
                                 "the effect-size floor (|Cliff's delta| < %g).",
                                 r->nfindings, r->nfindings == 1 ? "" : "s",
                                 slant_report_q_name(r), r->opts.alpha, r->nbelow_floor,
                                 r->opts.min_delta);
    else
        r->count_sentence = xstrf("%zu significant difference%s at %s < %g.", r->nfindings,
                                 r->nfindings == 1 ? "" : "s", slant_report_q_name(r),
                                 r->opts.alpha);
    if (!r->nheadline)
        r->no_headline =
            xstrf("No difference between the %s is significant%s.", r->nouns,
                 r->nfindings ? " in judgement, contested labels or attribution" : "");
    else if (!r->headline_listed)
        r->no_headline = xstrdup("No significant difference in judgement, contested labels "
                                 "or attribution reaches the effect-size floor.");
    if (r->nheadline == r->nfindings)
        r->no_context = xstrdup("None is significant.");
    else if (!r->context_listed)
        r->no_context = xstrdup("None reaches the effect-size floor.");
    if (!r->nconcepts)
        r->no_concepts = xstrf("No contested-label concept was used in these data: the lexicon "
                              "defines none (a variants.json), or none of the %s' articles "
                              "used one of its names.",
                              r->nouns);
    r->untested_title = xstrdup("Concepts without a test (one source, or one name)");
    if (!r->nattribution_rows)
        r->no_attribution = xstrdup("The data has no report-verb, anonymous-source or "
                                    "quotation indicators.");
    if (r->has_verb_counts)
        r->pooled_note = xstrdup("The pooled loaded share counts every report verb the lexicon "
                                 "knows over all of the articles; the share of the verbs that "
                                 "introduce quotations is a mean per article, over the articles "
                                 "with attributed quotations.");
    if (!r->has_keyness)
        r->no_keyness = xstrdup("No term counts in these data: score with --evidence, or give "
                                "the articles.");
    r->active = active_sentence(r->c);
}

/* --- the whole report ---------------------------------------------------------------------- */

slant_report *slant_report_build(const slant_comparison *c, const slant_report_options *o)
{
    slant_report *r = xcalloc(1, sizeof *r);
    r->c = c;
    r->opts = *o;
    int by_source = !strcmp(o->by, "source");
    r->noun = xstrdup(by_source ? "source" : "group");
    r->nouns = xstrdup(by_source ? "sources" : "groups");
    r->rest = xstrf("the other %s", r->nouns);
    r->sources = xcalloc(c->ngroups ? c->ngroups : 1, sizeof *r->sources);
    double words = 0;
    size_t articles = 0;
    for (size_t k = 0; k < c->ngroups; k++) {
        const slant_group *g = slant_dataset_group_at(c->ds, c->groups[k]);
        slant_report_source *s = &r->sources[r->nsources++];
        s->name = xstrdup(g->name);
        s->articles = g->articles;
        s->words = g->tokens;
        s->group = c->groups[k];
        words += g->tokens;
        articles += g->articles;
    }
    if (!r->opts.top_findings)
        r->opts.top_findings = SLANT_REPORT_TOP_FINDINGS;
    r->left_out = slant_report_left_out_sentence(r);
    char w[32], n[32];
    slant_report_fmt_count(w, sizeof w, words);
    slant_report_fmt_count(n, sizeof n, (double)articles);
    r->title = xstrf("How %zu %s compare", r->nsources, r->nouns);
    r->summary = xstrf("%s articles (%s words) from %zu %s, grouped by '%s'%s%s%s.", n, w,
                      r->nsources, r->nouns, o->by,
                      !o->event ? "" : o->events_found ? ", events found automatically"
                                                       : ", events by '",
                      o->event && !o->events_found ? o->event : "",
                      o->event && !o->events_found ? "'" : "");
    size_t term_cap = 0;
    slant_report_build_findings(r, &term_cap);
    slant_report_findings_notes(r);
    slant_report_build_pairlines(r);
    build_indicators(r);
    slant_report_build_concepts(r);
    slant_report_build_attribution(r, &term_cap);
    slant_report_build_actors(r);
    slant_report_build_keyness(r, &term_cap);
    slant_report_build_glossary(r);
    slant_report_build_provenance(r);
    slant_report_build_method(r);
    slant_report_build_strata(r);
    build_sentences(r);
    r->evidence = !r->has_keyness ? SLANT_EVIDENCE_NO_TERMS
                                  : (o->snippets ? SLANT_EVIDENCE_NEED_ARTICLES
                                                 : SLANT_EVIDENCE_OFF);
    slant_report_add_evidence_note(r); /* last: slant_report_set_evidence replaces it */
    slant_report_build_tables(r);
    r->opts.inputs = NULL;          /* copied into the provenance */
    r->opts.ninputs = 0;
    return r;
}

static void free_items(slant_report_item *items, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        free(items[k].label);
        free(items[k].value);
    }
    free(items);
}

void slant_report_free(slant_report *r)
{
    if (r) {
        free(r->period_tables);
        free(r->period_indicators);
    }
    if (!r)
        return;
    free(r->noun);
    free(r->nouns);
    free(r->rest);
    free(r->title);
    free(r->summary);
    for (size_t k = 0; k < r->nsources; k++)
        free(r->sources[k].name);
    free(r->sources);
    free(r->left_out);
    free(r->more_headline);
    free(r->more_context);
    free(r->more_pairs);
    for (size_t k = 0; k < r->nfindings; k++) {
        free(r->findings[k].sentence);
        free(r->findings[k].detail);
        free(r->findings[k].event_sentence);
        free(r->findings[k].label);
        for (size_t d = 0; d < r->findings[k].ndrivers; d++)
            free(r->findings[k].drivers[d].rates);
        free(r->findings[k].drivers);
    }
    free(r->findings);
    free(r->findings_note);
    free(r->context_title);
    free(r->context_note);
    free(r->count_sentence);
    free(r->no_headline);
    free(r->no_context);
    free(r->no_concepts);
    free(r->untested_title);
    free(r->no_attribution);
    free(r->pooled_note);
    free(r->no_keyness);
    free(r->active);
    for (size_t k = 0; k < r->npairlines; k++)
        free(r->pairlines[k].sentence);
    free(r->pairlines);
    for (size_t k = 0; k < r->nindicators; k++) {
        free(r->indicators[k].id);
        free(r->indicators[k].label);
        free(r->indicators[k].summaries);
    }
    free(r->indicators);
    for (size_t k = 0; k < r->nconcepts; k++) {
        slant_report_concept *x = &r->concepts[k];
        free(x->name);
        free(x->referent);
        for (size_t v = 0; v < x->nvariants; v++)
            free(x->variants[v]);
        free(x->variants);
        free(x->counts);
        free(x->shares);
        free(x->sentence);
    }
    free(r->concepts);
    for (size_t k = 0; k < r->nsources && r->attribution; k++) {
        free(r->attribution[k].verbs);
        free(r->attribution[k].verb_counts);
        for (size_t v = 0; v < r->attribution[k].nverbs; v++)
            free(r->attribution[k].verb_notes[v]);
        free(r->attribution[k].verb_notes);
    }
    free(r->attribution);
    free(r->attribution_rows);
    for (size_t k = 0; k < r->nactors; k++) {
        slant_report_actor_table *t = &r->actors[k];
        for (size_t a = 0; a < t->nactors; a++)
            free(t->actors[a]);
        for (size_t a = 0; a < t->ncategories; a++)
            free(t->categories[a]);
        free(t->actors);
        free(t->categories);
        free(t->values);
        free(t->unit);
    }
    free(r->actors);
    for (size_t k = 0; k < r->nsources && r->keyness; k++)
        free(r->keyness[k].terms);
    free(r->keyness);
    for (size_t k = 0; k < r->nterms; k++) {
        slant_report_term *t = &r->terms[k];
        free(t->category);
        free(t->category_label);
        free(t->term);
        free(t->anchor);
        for (size_t s = 0; s < t->nsnippets; s++) {
            free(t->snippets[s].text);
            free(t->snippets[s].article);
        }
        free(t->snippets);
    }
    free(r->terms);
    free_items(r->glossary, r->nglossary);
    free_items(r->provenance, r->nprovenance);
    for (size_t k = 0; k < r->nmethod; k++)
        free(r->method[k]);
    free(r->method);
    for (size_t k = 0; k < r->ntables; k++)
        slant_report_table_release(&r->tables[k]);
    free(r->tables);
    slant_report_strata_release(r);
    free(r);
}
