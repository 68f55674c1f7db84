/* The report's findings (report_parts.h): which significant differences are listed and in
 * what order, each in plain words with its ratio, effect sizes, event sentence and the
 * terms that drive it; the notes on how they are chosen; and a line per pair of sources. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "report.h"
#include "report_parts.h"
#include "report_ratio.h"
#include "xalloc.h"

/* --- values in sentences ---------------------------------------------------------------------- */

/* A value in a sentence: "10.88" or "21.3%". */
static void val(char *out, size_t size, double v, int share)
{
    slant_report_fmt_value(out, size, v, share);
}

static int compared(const slant_comparison *c, size_t g)
{
    for (size_t k = 0; k < c->ngroups; k++)
        if (c->groups[k] == g)
            return 1;
    return 0;
}

/* The defined values of indicator `ind` in group `g`, or, for SLANT_REST, in every compared
 * group but `other`; in row order, as compare_indicators.c takes them. Caller frees. */
static double *values_of(const slant_comparison *c, size_t g, size_t other, size_t ind,
                         size_t *n)
{
    size_t rows = slant_dataset_nrows(c->ds);
    double *v = xmalloc((rows ? rows : 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; i < rows; i++) {
        const slant_row *row = slant_dataset_row(c->ds, i);
        if (isnan(row->values[ind]))
            continue;
        int in = g == SLANT_REST ? row->group != other && compared(c, row->group)
                                 : row->group == g;
        if (in)
            v[(*n)++] = row->values[ind];
    }
    return v;
}

/* --- findings -------------------------------------------------------------------------------- */

static int significant(const slant_cmp_pair *p, double alpha)
{
    return slant_cmp_pair_called(p, alpha); /* the primary test's q alone (compare.h) */
}

static const slant_cmp_paired *paired_of(const slant_comparison *c, const slant_cmp_pair *p)
{
    for (size_t k = 0; k < c->npaired; k++)
        if (c->paired[k].a == p->a && c->paired[k].b == p->b &&
            c->paired[k].indicator == p->indicator)
            return &c->paired[k];
    return NULL;
}

/* A source as the subject of a sentence, and its possessive ("X's"; the rest: "The other
 * sources together", "the other sources'"). */
static void subject_of(const slant_report *r, size_t src, int start, char *subject,
                       size_t ssize, char *poss, size_t psize)
{
    if (src == SLANT_REPORT_REST) {
        snprintf(subject, ssize, "%che other %s together", start ? 'T' : 't', r->nouns);
        snprintf(poss, psize, "%che other %s'", start ? 'T' : 't', r->nouns);
    } else {
        snprintf(subject, ssize, "%s", r->sources[src].name);
        snprintf(poss, psize, "%s's", r->sources[src].name);
    }
}

/* The finding's first sentence, by the kind of indicator. */
static char *finding_sentence(const slant_report *r, const slant_report_finding *f)
{
    char label[128], hi[32], lo[32], ratio[32], rl[32], rh[32], interval[160];
    char a[300], apos[300], b[300], bpos[300];
    const char *id = slant_report_indicator_id(r, f->indicator);
    slant_unit kind = slant_indicator_unit(id);
    int share = kind == SLANT_UNIT_SHARE;
    const char *uses = f->hi == SLANT_REPORT_REST ? "use" : "uses";
    slant_indicator_label(id, slant_report_naming(r), label, sizeof label);
    val(hi, sizeof hi, f->mean_hi, share);
    val(lo, sizeof lo, f->mean_lo, share);
    subject_of(r, f->hi, 1, a, sizeof a, apos, sizeof apos);
    subject_of(r, f->lo, 0, b, sizeof b, bpos, sizeof bpos);
    if (kind == SLANT_UNIT_INDEX) {
        const slant_indicator *x = slant_indicator_find(id); /* an index always has a row */
        return xstrf("%s %s is %s, %s %s (a difference of %.2f %s).", apos, label, hi, bpos, lo,
                    f->mean_hi - f->mean_lo, x && x->scale ? x->scale : "");
    }
    slant_report_fmt_ratio(rl, sizeof rl, f->ratio.low);
    slant_report_fmt_ratio(rh, sizeof rh, f->ratio.high);
    if (isnan(f->ratio.low))
        snprintf(interval, sizeof interval, "the interval of the ratio is undefined for "
                                            "these data");
    else
        snprintf(interval, sizeof interval,
                 isinf(f->ratio.high) ? "%g%% CI of the ratio from %s, with no upper bound"
                                      : "%g%% CI of the ratio %s to %s",
                 100 * r->c->opts.level, rl, rh);
    slant_report_fmt_ratio(ratio, sizeof ratio, f->ratio.value);
    if (share && f->mean_lo == 0)
        return xstrf("%s %s is %s; %s is 0%%.", apos, label, hi, bpos);
    if (share)
        return xstrf("%s %s is %s, %s %s (%s times as high; %s).", apos, label, hi, bpos, lo,
                    ratio, interval);
    if (f->mean_lo == 0)
        return xstrf("%s %s %s %s per 1,000 words; %s %s none.", a, uses, hi, label, b,
                    f->lo == SLANT_REPORT_REST ? "use" : "uses");
    return xstrf("%s %s %s times as many %s per 1,000 words as %s (%s vs %s; %s).", a, uses,
                ratio, label, b, hi, lo, interval);
}

/* Within events, in plain words. */
static char *event_sentence(const slant_report *r, const slant_report_finding *f)
{
    char label[128], d[32], tq[32], xq[32], a[300], apos[300];
    const char *id = slant_report_indicator_id(r, f->indicator);
    slant_unit kind = slant_indicator_unit(id);
    const char *qn = slant_report_q_name(r);
    subject_of(r, f->hi, 0, a, sizeof a, apos, sizeof apos);
    slant_indicator_label(id, slant_report_naming(r), label, sizeof label);
    slant_report_fmt_q(tq, sizeof tq, f->events->paired_q);
    slant_report_fmt_q(xq, sizeof xq, f->events->wilcoxon_q);
    const char *more = f->event_diff >= 0 ? "more" : "fewer";
    if (kind == SLANT_UNIT_SHARE) {
        snprintf(d, sizeof d, "%.1f", 100 * fabs(f->event_diff));
        return xstrf("Within the %zu events both covered, %s %s was %s percentage points %s "
                    "on average (paired t %s %s, Wilcoxon %s %s).",
                    f->events->events, apos, label, d, f->event_diff >= 0 ? "higher" : "lower",
                    qn, tq, qn, xq);
    }
    val(d, sizeof d, fabs(f->event_diff), 0);
    if (kind == SLANT_UNIT_INDEX)
        return xstrf("Within the %zu events both covered, %s %s was %s %s on average "
                    "(paired t %s %s, Wilcoxon %s %s).",
                    f->events->events, apos, label, d, f->event_diff >= 0 ? "higher" : "lower",
                    qn, tq, qn, xq);
    return xstrf("Within the %zu events both covered, %s used %s %s %s per 1,000 words on "
                "average (paired t %s %s, Wilcoxon %s %s).",
                f->events->events, a, d, more, label, qn, tq, qn, xq);
}

static void finding_sentences(slant_report *r, slant_report_finding *f)
{
    char g[32], gl[32], gh[32], wq[32], mq[32];
    f->sentence = finding_sentence(r, f);
    slant_report_fmt_value(g, sizeof g, f->g.value, 0);
    slant_report_fmt_value(gl, sizeof gl, f->g.low, 0);
    slant_report_fmt_value(gh, sizeof gh, f->g.high, 0);
    slant_report_fmt_q(wq, sizeof wq, f->welch_q);
    slant_report_fmt_q(mq, sizeof mq, f->mwu_q);
    const char *qn = slant_report_q_name(r);
    f->detail = xstrf("Hedges' g %s (%g%% CI %s to %s), Cliff's delta %.2f; Welch's t %s %s, "
                     "Mann-Whitney (%s) %s %s.",
                     g, 100 * r->c->opts.level, gl, gh, f->delta, qn, wq, f->mwu_method, qn,
                     mq);
    if (!isnan(f->rate_ratio.low) && !isnan(f->rate_ratio.high)) {
        char rr[32], rl[32], rh[32], rq[32];
        slant_report_fmt_value(rr, sizeof rr, f->rate_ratio.value, 0);
        slant_report_fmt_value(rl, sizeof rl, f->rate_ratio.low, 0);
        slant_report_fmt_value(rh, sizeof rh, f->rate_ratio.high, 0);
        slant_report_fmt_q(rq, sizeof rq, f->rr_q);
        char *more = xstrf("%s Count model (%s): rate ratio %s (%g%% CI %s to %s), %s %s.",
                          f->detail, r->c->vs_rest ? "quasi-Poisson" : "negative binomial", rr,
                          100 * r->c->opts.level, rl, rh, qn, rq);
        free(f->detail);
        f->detail = more;
    }
    if (f->events && f->events->events > 0 && !isnan(f->event_diff))
        f->event_sentence = event_sentence(r, f);
}

/* The entries behind a finding: the category's entries, largest rate difference in the
 * finding's direction first. */
typedef struct {
    const slant_cmp_driver *d;
    double hi, lo;
} oriented_driver;

static int cmp_oriented(const void *x, const void *y)
{
    const oriented_driver *a = x, *b = y;
    double da = a->hi - a->lo, db = b->hi - b->lo;
    if (da != db)
        return da < db ? 1 : -1;
    return (a->d->entry > b->d->entry) - (a->d->entry < b->d->entry);
}

static void finding_drivers(slant_report *r, size_t *term_cap, slant_report_finding *f,
                            const slant_cmp_pair *p, int flip)
{
    const slant_comparison *c = r->c;
    oriented_driver *all = xmalloc((c->ndrivers ? c->ndrivers : 1) * sizeof *all);
    size_t n = 0;
    for (size_t k = 0; k < c->ndrivers; k++) {
        const slant_cmp_driver *d = &c->drivers[k];
        if (d->a != p->a || d->b != p->b || d->indicator != p->indicator)
            continue;
        oriented_driver o = { d, flip ? d->rate_b : d->rate_a, flip ? d->rate_a : d->rate_b };
        if (o.hi - o.lo > 0)
            all[n++] = o;
    }
    qsort(all, n, sizeof *all, cmp_oriented);
    if (n > r->opts.top)
        n = r->opts.top;
    f->drivers = xcalloc(n ? n : 1, sizeof *f->drivers);
    for (size_t k = 0; k < n; k++) {
        f->drivers[k].term = slant_report_term_of(r, term_cap, f->hi, all[k].d->entry);
        r->terms[f->drivers[k].term].wanted = 1;
        f->drivers[k].rate_hi = all[k].hi;
        f->drivers[k].rate_lo = all[k].lo;
        f->drivers[k].rates = xstrf("%.2f vs %.2f", all[k].hi, all[k].lo);
    }
    f->ndrivers = n;
    free(all);
}

static void finding_ratio(slant_report *r, slant_report_finding *f, const slant_cmp_pair *p,
                          int flip)
{
    size_t ghi = flip ? p->b : p->a, glo = flip ? p->a : p->b;
    size_t nx, ny;
    double *x = values_of(r->c, ghi, glo, p->indicator, &nx);
    double *y = values_of(r->c, glo, ghi, p->indicator, &ny);
    slant_ratio q = { NAN, NAN, NAN, 0 };
    if (slant_report_unit_of(r, p->indicator) != SLANT_UNIT_INDEX)
        slant_ratio_of_means(x, nx, y, ny, r->opts.resamples, r->opts.seed, r->c->opts.level,
                             &q);
    /* The point estimate is compare's ratio of means, so it equals the JSON's numbers. */
    f->ratio.value = f->mean_lo > 0 && !isnan(q.ratio) ? f->mean_hi / f->mean_lo : NAN;
    f->ratio.low = q.low;
    f->ratio.high = q.high;
    free(x);
    free(y);
}

typedef struct {
    slant_report_finding f;
    size_t order;
} ranked_finding;

/* Headline findings first (the leading indicators' first among them), then context; each
 * part by Hedges' g, largest first. */
static int cmp_finding(const void *x, const void *y)
{
    const ranked_finding *a = x, *b = y;
    if (a->f.headline != b->f.headline)
        return b->f.headline - a->f.headline;
    if (a->f.leads != b->f.leads)
        return b->f.leads - a->f.leads;
    double ga = isnan(a->f.g.value) ? 0 : a->f.g.value, gb = isnan(b->f.g.value) ? 0 : b->f.g.value;
    if (ga != gb)
        return ga < gb ? 1 : -1;
    return (a->order > b->order) - (a->order < b->order);
}

/* Whether finding `f` reaches the effect-size floor (an undefined delta is not known to be
 * small: it does). */
static int above_floor(const slant_report *r, const slant_report_finding *f)
{
    return isnan(f->delta) || fabs(f->delta) >= r->opts.min_delta;
}

/*
 * Puts the listed findings of part [from, to) of `all` (in rank order) first, the rest
 * after them in the same order: listed are the first top_findings that reach the floor,
 * or every one with opts.all. Returns how many are listed; adds the rest to *below and
 * *past (below the floor, past the top N).
 */
static size_t list_part(const slant_report *r, ranked_finding *all, size_t from, size_t to,
                        size_t *below, size_t *past)
{
    size_t n = to - from, listed = 0, rest = 0;
    ranked_finding *tmp = xcalloc(n ? n : 1, sizeof *tmp);
    for (size_t k = from; k < to; k++) {
        int floor_ok = r->opts.all || above_floor(r, &all[k].f);
        if (floor_ok && (r->opts.all || listed < r->opts.top_findings))
            all[from + listed++] = all[k];
        else {
            tmp[rest++] = all[k];
            *below += !floor_ok;
            *past += floor_ok;
        }
    }
    memcpy(all + from + listed, tmp, rest * sizeof *tmp);
    free(tmp);
    return listed;
}

/* "42 more significant differences: 30 below the effect-size floor (|Cliff's delta| <
 * 0.147), 12 past the top 10", or NULL when none is left out. */
static char *more_sentence(const slant_report *r, size_t below, size_t past)
{
    if (!below && !past)
        return NULL;
    size_t n = below + past;
    const char *more = n == 1 ? "more significant difference" : "more significant differences";
    if (!past)
        return xstrf("%zu %s below the effect-size floor (|Cliff's delta| < %g)", n, more,
                    r->opts.min_delta);
    if (!below)
        return xstrf("%zu %s past the top %zu", n, more, r->opts.top_findings);
    return xstrf("%zu %s: %zu below the effect-size floor (|Cliff's delta| < %g), %zu past the "
                "top %zu",
                n, more, below, r->opts.min_delta, past, r->opts.top_findings);
}

void slant_report_build_findings(slant_report *r, size_t *term_cap)
{
    const slant_comparison *c = r->c;
    ranked_finding *all = xcalloc(c->npairs ? c->npairs : 1, sizeof *all);
    size_t n = 0;
    for (size_t k = 0; k < c->npairs; k++) {
        const slant_cmp_pair *p = &c->pairs[k];
        if (!significant(p, r->opts.alpha) || isnan(p->mean_a) || isnan(p->mean_b) ||
            p->mean_a == p->mean_b)
            continue;
        int flip = p->mean_a < p->mean_b;
        slant_report_finding *f = &all[n].f;
        all[n].order = k;
        n++;
        f->indicator = p->indicator;
        f->hi = slant_report_source_of(r, flip ? p->b : p->a);
        f->lo = slant_report_source_of(r, flip ? p->a : p->b);
        f->mean_hi = flip ? p->mean_b : p->mean_a;
        f->mean_lo = flip ? p->mean_a : p->mean_b;
        double s = flip ? -1 : 1;
        f->g.value = s * p->g;
        f->g.low = flip ? -p->g_high : p->g_low;
        f->g.high = flip ? -p->g_low : p->g_high;
        f->delta = s * p->delta;
        f->welch_q = p->welch_q;
        f->mwu_q = p->mwu_q;
        /* the rate ratio of hi to lo: a to b's, or its inverse */
        f->rate_ratio.value = flip ? 1.0 / p->rr : p->rr;
        f->rate_ratio.low = flip ? 1.0 / p->rr_high : p->rr_low;
        f->rate_ratio.high = flip ? 1.0 / p->rr_low : p->rr_high;
        f->rr_q = p->rr_q;
        f->mwu_method = p->mwu_method == SLANT_MWU_EXACT ? "exact" : "normal";
        f->events = paired_of(c, p);
        f->event_diff = f->events ? s * f->events->mean_diff : NAN;
        const char *id = slant_report_indicator_id(r, p->indicator);
        f->section = slant_report_section_of(r, id);
        f->headline = slant_section_is_headline(f->section);
        f->leads = slant_indicator_leads(id);
        if (!above_floor(r, f))
            r->nbelow_floor++;
    }
    qsort(all, n, sizeof *all, cmp_finding);
    size_t nhead = 0;
    while (nhead < n && all[nhead].f.headline)
        nhead++;
    size_t below = 0, past = 0;
    r->headline_listed = list_part(r, all, 0, nhead, &below, &past);
    r->more_headline = more_sentence(r, below, past);
    below = past = 0;
    r->context_listed = list_part(r, all, nhead, n, &below, &past);
    r->more_context = more_sentence(r, below, past);
    r->findings = xcalloc(n ? n : 1, sizeof *r->findings);
    slant_progress_report(&r->opts.progress, "bootstrap", 0, n);
    for (size_t k = 0; k < n; k++) {
        r->findings[k] = all[k].f;
        slant_report_finding *f = &r->findings[k];
        const slant_cmp_pair *p = &c->pairs[all[k].order];
        int flip = p->mean_a < p->mean_b;
        finding_ratio(r, f, p, flip);
        slant_progress_report(&r->opts.progress, "bootstrap", k + 1, n);
        /* The terms behind a difference (and their evidence) for the listed ones only. */
        if (k < r->headline_listed || (k >= nhead && k < nhead + r->context_listed))
            finding_drivers(r, term_cap, f, p, flip);
        else
            f->drivers = xcalloc(1, sizeof *f->drivers);
        char label[128];
        f->label = xstrdup(slant_indicator_label(slant_report_indicator_id(r, p->indicator),
                                                 slant_report_naming(r), label, sizeof label));
        finding_sentences(r, f);
        r->nheadline += f->headline;
        r->nleading += f->leads;
    }
    r->nfindings = n;
    free(all);
}

/* The notes that say how the findings are split and ordered (every writer shows them). */
void slant_report_findings_notes(slant_report *r)
{
    const char *lead = NULL;
    for (size_t k = 0; k < slant_indicator_count() && !lead; k++)
        if (slant_indicator_at(k)->flags & SLANT_IND_LEADS)
            lead = slant_indicator_at(k)->label;
    char *order = r->nleading && lead ? xstrf("the %s first, then the ", lead) : xstrdup("");
    char *floor = r->opts.min_delta > 0
                      ? xstrf(", and |Cliff's delta| >= %g (at least a small effect)",
                             r->opts.min_delta)
                      : xstrdup("");
    char *top = r->opts.all ? xstrdup("") : xstrf("; the first %zu", r->opts.top_findings);
    r->findings_note = xstrf("%s < %g in the primary test, Mann-Whitney U, after correction%s; "
                            "%slargest effect (Hedges' g) first%s.",
                            slant_report_q_name(r), r->opts.alpha, floor, order, top);
    free(order);
    free(floor);
    free(top);
    r->context_title = xstrdup("Context: subject matter, structure and epistemic stance");
    r->context_note = xstrf("Differences in structural and epistemic counts (negators, neutral "
                           "report verbs, hedges, assertives and the like) and in what the "
                           "articles are about: they describe how the %s write, not slant, "
                           "and are listed apart from the findings above; largest effect "
                           "(Hedges' g) first.",
                           r->nouns);
}

/* The pairs that differ in most indicators first (then in the comparison's order), and
 * the first top_findings of them listed in brief unless opts.all. */
static void list_pairs(slant_report *r)
{
    /* A stable insertion sort by differ, descending: ties keep the comparison's order. */
    for (size_t i = 1; i < r->npairlines; i++) {
        slant_report_pairline x = r->pairlines[i];
        size_t j = i;
        for (; j > 0 && r->pairlines[j - 1].differ < x.differ; j--)
            r->pairlines[j] = r->pairlines[j - 1];
        r->pairlines[j] = x;
    }
    r->pairs_listed = r->npairlines;
    if (r->opts.all || r->npairlines <= r->opts.top_findings)
        return;
    r->pairs_listed = r->opts.top_findings;
    size_t some = 0, rest = r->npairlines - r->pairs_listed;
    for (size_t i = r->pairs_listed; i < r->npairlines; i++)
        some += r->pairlines[i].differ > 0;
    r->more_pairs = xstrf("%zu more pair%s: %zu differ%s in some indicator, %zu in none", rest,
                         rest == 1 ? "" : "s", some, some == 1 ? "s" : "", rest - some);
}

/* Per pair of sources: how many indicators they differ in. */
void slant_report_build_pairlines(slant_report *r)
{
    const slant_comparison *c = r->c;
    size_t cap = 0;
    for (size_t k = 0; k < c->npairs; k++) {
        const slant_cmp_pair *p = &c->pairs[k];
        size_t a = slant_report_source_of(r, p->a), b = slant_report_source_of(r, p->b);
        size_t i;
        for (i = 0; i < r->npairlines; i++)
            if (r->pairlines[i].a == a && r->pairlines[i].b == b)
                break;
        if (i == r->npairlines) {
            r->pairlines = xgrow(r->pairlines, &cap, i + 1, sizeof *r->pairlines);
            memset(&r->pairlines[i], 0, sizeof r->pairlines[i]);
            r->pairlines[i].a = a;
            r->pairlines[i].b = b;
            r->npairlines++;
        }
        slant_report_pairline *l = &r->pairlines[i];
        if (!isnan(p->welch_q) || !isnan(p->mwu_q))
            l->tested++;
    }
    /* A pair differs in the findings that reach the floor (all of them with opts.all). */
    size_t *below = xcalloc(r->npairlines ? r->npairlines : 1, sizeof *below);
    for (size_t k = 0; k < r->nfindings; k++) {
        const slant_report_finding *f = &r->findings[k];
        for (size_t i = 0; i < r->npairlines; i++) {
            slant_report_pairline *l = &r->pairlines[i];
            if ((f->hi == l->a && f->lo == l->b) || (f->hi == l->b && f->lo == l->a)) {
                if (r->opts.all || above_floor(r, f))
                    l->differ++;
                else
                    below[i]++;
                break;
            }
        }
    }
    for (size_t i = 0; i < r->npairlines; i++) {
        slant_report_pairline *l = &r->pairlines[i];
        const char *a = slant_report_source_name(r, l->a), *b = slant_report_source_name(r, l->b);
        /* The largest effect among the pair's headline findings, else among its context. */
        const slant_report_finding *top = NULL;
        for (size_t k = 0; k < r->nfindings; k++) {
            const slant_report_finding *f = &r->findings[k];
            if (!((f->hi == l->a && f->lo == l->b) || (f->hi == l->b && f->lo == l->a)))
                continue;
            if (!r->opts.all && !above_floor(r, f))
                continue;
            double g = isnan(f->g.value) ? 0 : f->g.value;
            double best = !top || isnan(top->g.value) ? 0 : top->g.value;
            if (!top || (f->headline == top->headline && g > best))
                top = f;
        }
        if ((!l->differ || !top) && below[i]) {
            l->sentence = xstrf("%s and %s do not differ beyond a negligible effect in any of "
                               "the %zu indicators tested (%zu significant difference%s below "
                               "the effect-size floor).",
                               a, b, l->tested, below[i], below[i] == 1 ? "" : "s");
            continue;
        }
        if (!l->differ || !top) {
            l->sentence = xstrf("%s and %s do not differ significantly in any of the %zu "
                               "indicators tested.",
                               a, b, l->tested);
            continue;
        }
        char label[128], ratio[32], tested[160];
        if (below[i])
            snprintf(tested, sizeof tested, "%zu of the %zu indicators tested (and in %zu more "
                                            "below the effect-size floor)",
                     l->differ, l->tested, below[i]);
        else
            snprintf(tested, sizeof tested, "%zu of the %zu indicators tested", l->differ,
                     l->tested);
        slant_unit kind = slant_report_unit_of(r, top->indicator);
        slant_indicator_label(slant_report_indicator_id(r, top->indicator), slant_report_naming(r),
                              label, sizeof label);
        slant_report_fmt_ratio(ratio, sizeof ratio, top->ratio.value);
        if (kind == SLANT_UNIT_INDEX)
            l->sentence = xstrf("%s and %s differ in %s; the largest effect: %s (higher in %s "
                               "by %.2f).",
                               a, b, tested, label, slant_report_source_name(r, top->hi),
                               top->mean_hi - top->mean_lo);
        else if (isnan(top->ratio.value))
            l->sentence = xstrf("%s and %s differ in %s; the largest effect: %s (%s only).", a,
                               b, tested, label, slant_report_source_name(r, top->hi));
        else
            l->sentence = xstrf("%s and %s differ in %s; the largest effect: %s (%s times as %s "
                               "in %s).",
                               a, b, tested, label, ratio,
                               kind == SLANT_UNIT_SHARE ? "high" : "many",
                               slant_report_source_name(r, top->hi));
    }
    free(below);
    list_pairs(r);
}
