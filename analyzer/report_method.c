/* The report's glossary, provenance and method notes (report_parts.h), the evidence note
 * among them, and the sentence on the groups --min-n left out. */

#include <stdio.h>
#include <stdlib.h>

#include "indicator.h"
#include "report.h"
#include "report_parts.h"
#include "version.h"
#include "xalloc.h"

/* --- glossary, provenance and method -------------------------------------------------------- */

static void add_item(slant_report_item **items, size_t *n, const char *label,
                     const char *value)
{
    *items = xrealloc(*items, (*n + 1) * sizeof **items);
    (*items)[*n].label = xstrdup(label);
    (*items)[*n].value = xstrdup(value);
    (*n)++;
}

static void add_provenance(slant_report *r, const char *label, const char *value)
{
    add_item(&r->provenance, &r->nprovenance, label, value);
}

void slant_report_build_glossary(slant_report *r)
{
    for (size_t i = 0; i < r->nindicators; i++) {
        const slant_report_indicator *x = &r->indicators[i];
        const slant_indicator *row = slant_indicator_find(x->id);
        const char *def = row ? row->definition : NULL;
        if (!def && r->opts.lex) {
            long k = slant_lexicon_find_category(r->opts.lex, x->id);
            if (k >= 0)
                def = slant_lexicon_category(r->opts.lex, (size_t)k)->definition;
        }
        if (def) {
            char *label = xstrf("%s (%s)", x->label, x->id);
            add_item(&r->glossary, &r->nglossary, label, def);
            free(label);
        }
    }
}

static void add_method(slant_report *r, char *paragraph)
{
    r->method = xrealloc(r->method, (r->nmethod + 1) * sizeof *r->method);
    r->method[r->nmethod++] = paragraph;
}

static const char *correction_words(const slant_comparison *c)
{
    return c->opts.correction == SLANT_CORRECT_HOLM ? "Holm's step-down adjustment"
                                                    : "the Benjamini-Hochberg procedure";
}

void slant_report_build_method(slant_report *r)
{
    const slant_comparison *c = r->c;
    double level = 100 * c->opts.level;
    add_method(r, xstrf("Indicators, not verdicts. Each indicator counts the words of one "
                       "lexicon category. A difference in word choice is evidence about how "
                       "the %s write, not proof of who is right; read the evidence sentences "
                       "before drawing conclusions.",
                       r->nouns));
    add_method(r, xstrf("Unit. An article's value for a category is its matches per 1,000 "
                       "words (in the author's voice and in quotations alike); the other "
                       "indicators (shares, the certainty index, scare quotes) are defined in "
                       "the list of indicators. A %s's value is the mean over its articles, "
                       "with a t-based %g%% confidence interval of the mean.",
                       r->noun, level));
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&b, "Significance. Every pair of %s is compared on every indicator with "
                       "one primary test, the Mann-Whitney U test (exact for small samples "
                       "without ties, else the normal approximation with tie correction), "
                       "and Welch's t test as a secondary one (not run when a group's values "
                       "are all equal). The rank test is primary because rates per 1,000 "
                       "words are mostly zeros with long tails: on such data, with small or "
                       "unbalanced groups, Welch's t rejects a true null far more often than "
                       "it should (23%% of the time at 10 against 500 articles in our "
                       "calibration, where Mann-Whitney stays at 5%%). "
                       "p-values are corrected with %s within each family of tests:",
                   r->nouns, correction_words(c));
    for (size_t f = 0; f < c->nfamilies; f++)
        slant_buf_addf(&b, "%s %s (%zu test%s)", f ? "," : "", c->families[f].name,
                       c->families[f].tests, c->families[f].tests == 1 ? "" : "s");
    slant_buf_addf(&b, ". A difference is reported when its corrected %s in the primary "
                       "family (pairs/mann_whitney) is below %g; Welch's t never decides it.",
                   slant_report_q_name(r), r->opts.alpha);
    add_method(r, slant_buf_detach(&b, NULL));
    add_method(r, xstrf("Ratio. \"A uses R times as many X as B\" is the ratio of the two "
                       "means. Its %g%% interval is a percentile bootstrap: both %s' "
                       "articles are resampled with replacement %zu times (SplitMix64 "
                       "generator, seed %lu) and the ratio of the resampled means is kept; "
                       "when B's resampled mean can be 0 the interval has no upper bound. "
                       "Resamples where both means are 0 are left out.",
                       level, r->nouns, r->opts.resamples, r->opts.seed));
    add_method(r, xstrf("Effect size. Hedges' g is the difference of means in pooled standard "
                       "deviations, with the small-sample correction and a %g%% interval "
                       "from its large-sample variance; Cliff's delta is the share of "
                       "article pairs in which A is higher minus the share in which B is "
                       "(from -1 to 1). Findings are listed by Hedges' g, largest first: "
                       "first those in judgement, contested labels and attribution (the "
                       "loaded-language index before the others, when the data has it), then, "
                       "as context, those in structural and epistemic counts. A category's "
                       "place follows its lexicon group.",
                       level));
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    if (r->opts.min_delta > 0)
        slant_buf_addf(&b, "Effect-size floor. With many articles a test finds differences too "
                           "small to matter. A significant difference is listed when "
                           "|Cliff's delta| is at least %g, the lower bound of a small effect "
                           "in Romano et al. (2006; 0.147, 0.33 and 0.474 for small, medium and "
                           "large); Cliff's delta is the effect size of the primary test "
                           "(2U / (n1 n2) - 1). %zu of the %zu significant differences are "
                           "below it (--min-delta sets the floor, 0 none). ",
                       r->opts.min_delta, r->nbelow_floor, r->nfindings);
    if (r->opts.all)
        slant_buf_adds(&b, "Every significant difference is listed (--all).");
    else
        slant_buf_addf(&b, "The first %zu findings of each part (and %zu pairs in brief) are "
                           "listed; --all lists every significant difference, and the HTML "
                           "page holds the rest under \"more\".",
                       r->opts.top_findings, r->opts.top_findings);
    add_method(r, slant_buf_detach(&b, NULL));
    if (r->opts.event && r->opts.events_found)
        add_method(r, xstrf("Events, %s (--event auto: articles of different %s within the "
                           "window whose content stems are alike, docs/events.md). For each "
                           "pair of %s, the events both covered are compared with the paired "
                           "t test and the Wilcoxon signed-rank test on the per-event "
                           "differences of the means, which measures framing rather than the "
                           "choice of events.",
                           r->opts.events_found, r->nouns, r->nouns));
    else if (r->opts.event)
        add_method(r, xstrf("Events. Articles are paired by their '%s' field: for each pair of "
                           "%s, the events both covered are compared with the paired t test "
                           "and the Wilcoxon signed-rank test on the per-event differences of "
                           "the means, which measures framing rather than the choice of "
                           "events.",
                           r->opts.event, r->nouns));
    add_method(r, xstrf("Across all %s: the Kruskal-Wallis test and Welch's ANOVA per indicator "
                       "(the columns of the table of means).",
                       r->nouns));
    add_method(r, xstrf("Terms. A difference's drivers are the entries of its category with the "
                       "largest difference in rate per 1,000 words between the two %s. Key "
                       "terms are the entries relatively more frequent in one %s than in "
                       "all others together: signed log-likelihood G² (corrected within the "
                       "keyness family) and Log Ratio, the binary log of the ratio of "
                       "relative frequencies (Hardie 2014; a zero count read as 0.5), with "
                       "its %g%% interval. A key term occurs in at least %zu of the %s's "
                       "articles and in a larger share of them than of the others' "
                       "(--min-df), so that words repeated in a few articles (a caption, one "
                       "story's subject) are not key. Terms are lexicon entries: * marks a "
                       "prefix.",
                       r->nouns, r->noun, level,
                       r->c->opts.min_df > 1 ? r->c->opts.min_df : (size_t)1, r->noun));
    if (r->nconcepts)
        add_method(r, xstrf("Contested labels. For each concept, a %s's share of each "
                           "variant among its uses of the concept; Pearson's chi-square test "
                           "of %s by variants. A concept is shown when at least %zu articles "
                           "use it (--min-df).",
                           r->noun, r->nouns,
                           r->c->opts.min_df > 1 ? r->c->opts.min_df : (size_t)1));
    if (!r->nactors)
        add_method(r, xstrf("Not in these data: actor framing (which categories occur near "
                           "each actor, per %s). That table appears when the comparison "
                           "data carries it.",
                           r->noun));
}

/* The evidence note depends on what the CLI could collect. */
static char *evidence_note(const slant_report *r)
{
    switch (r->evidence) {
    case SLANT_EVIDENCE_COLLECTED:
        return xstrf("Evidence. For each term shown, up to %zu sentences from the %s's "
                    "articles in input order, at most one per article; the match is "
                    "highlighted. Sentences are taken from the article text (not the "
                    "headline), the same text the counts come from.",
                    r->opts.snippets, r->noun);
    case SLANT_EVIDENCE_NEED_ARTICLES:
        return xstrdup("Evidence. The inputs were score records or partials, which hold "
                       "counts but no text: evidence sentences need the articles (give "
                       "'slant report' the article files or directories).");
    case SLANT_EVIDENCE_NO_TERMS:
        return xstrdup("Evidence. The score records had no evidence, so there are no term "
                       "counts: score with --evidence, or give 'slant report' the articles.");
    case SLANT_EVIDENCE_OFF:
        break;
    }
    return xstrdup("Evidence. Not asked for (--snippets 0).");
}

void slant_report_set_evidence(slant_report *r, slant_evidence_state state)
{
    r->evidence = state;
    /* The evidence note is the last method paragraph; replace it. */
    free(r->method[r->nmethod - 1]);
    r->method[r->nmethod - 1] = evidence_note(r);
}

/* Adds the evidence note as the last method paragraph. */
void slant_report_add_evidence_note(slant_report *r)
{
    add_method(r, evidence_note(r)); /* last: slant_report_set_evidence replaces it */
}

void slant_report_build_provenance(slant_report *r)
{
    const slant_comparison *c = r->c;
    char *v;
    add_provenance(r, "tool", "slant " SLANT_VERSION);
    for (size_t k = 0; k < r->opts.ninputs; k++)
        add_provenance(r, r->opts.inputs[k].label, r->opts.inputs[k].value);
    int found = r->opts.events_found != NULL;
    v = xstrf("by '%s'%s%s%s; %zu compared, %zu left out (fewer than %zu articles)", r->opts.by,
             !r->opts.event ? "" : found ? ", events found automatically" : ", events by '",
             r->opts.event && !found ? r->opts.event : "", r->opts.event && !found ? "'" : "",
             r->nsources, c->nleft_out, c->opts.min_n);
    add_provenance(r, "grouping", v);
    free(v);
    if (found)
        add_provenance(r, "events", r->opts.events_found);
    v = xstrf("%s, alpha %g, %g%% intervals, pairs: %s", correction_words(c), r->opts.alpha,
             100 * c->opts.level,
             c->opts.pairs == SLANT_PAIRS_NONE ? "none" : (c->vs_rest ? "each against the rest"
                                                                       : "all"));
    add_provenance(r, "tests", v);
    free(v);
    v = xstrf("%zu bootstrap resamples of each ratio, seed %lu; %zu terms per %s and "
             "difference; up to %zu evidence sentences per term",
             r->opts.resamples, r->opts.seed, r->opts.top, r->noun, r->opts.snippets);
    add_provenance(r, "options", v);
    free(v);
}

/* The most names of groups left out by --min-n that the sentence lists. */
#define LEFT_OUT_NAMES 12

/* "12 sources with fewer than 5 articles left out (--min-n): a (3), b (1), ... and 2
 * more.", or NULL without any. */
char *slant_report_left_out_sentence(const slant_report *r)
{
    const slant_comparison *c = r->c;
    if (!c->nleft_out)
        return NULL;
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&b, "%zu %s with fewer than %zu articles left out (--min-n):", c->nleft_out,
                   c->nleft_out == 1 ? r->noun : r->nouns, c->opts.min_n);
    size_t shown = c->nleft_out <= LEFT_OUT_NAMES ? c->nleft_out : LEFT_OUT_NAMES - 1;
    for (size_t k = 0; k < shown; k++) {
        const slant_group *g = slant_dataset_group_at(c->ds, c->left_out[k]);
        slant_buf_addf(&b, "%s %s (%zu)", k ? "," : "", g->name, g->articles);
    }
    if (shown < c->nleft_out)
        slant_buf_addf(&b, " and %zu more", c->nleft_out - shown);
    slant_buf_addc(&b, '.');
    char *s = slant_buf_detach(&b, NULL);
    slant_buf_release(&b);
    return s;
}
