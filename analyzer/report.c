/* The report as data: what `slant report` says about a comparison (see report.h). */

#include "report.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "report_ratio.h"
#include "version.h"
#include "xalloc.h"

/* --- the lexicon ----------------------------------------------------------------------------- */

/* The lexicon that names the categories: the data's, else the naming one (report.h). */
static const slant_lexicon *naming(const slant_report *r)
{
    return r->opts.lex ? r->opts.lex : r->opts.names;
}

/* The section of indicator `id`: from the data's lexicon; without it, the naming lexicon
 * places the categories of the report roles (and nothing else: their groups are unknown). */
static slant_section section_of(const slant_report *r, const char *id)
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

/* A value in a sentence: "10.88" or "21.3%". */
static void val(char *out, size_t size, double v, int share)
{
    slant_report_fmt_value(out, size, v, share);
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

static slant_unit unit_of(const slant_report *r, size_t ind)
{
    return slant_indicator_unit(slant_dataset_indicator_name(r->c->ds, ind));
}

static const char *indicator_id(const slant_report *r, size_t ind)
{
    return slant_dataset_indicator_name(r->c->ds, ind);
}

/* --- sources and values ------------------------------------------------------------------ */

/* The report's index of dataset group `g` (SLANT_REST stays rest). */
static size_t source_of(const slant_report *r, size_t g)
{
    if (g == SLANT_REST)
        return SLANT_REPORT_REST;
    for (size_t k = 0; k < r->nsources; k++)
        if (r->sources[k].group == g)
            return k;
    return SLANT_REPORT_REST;
}

static int compared(const slant_comparison *c, size_t g)
{
    for (size_t k = 0; k < c->ngroups; k++)
        if (c->groups[k] == g)
            return 1;
    return 0;
}

/* The defined values of indicator `ind` in group `g`, or, for SLANT_REST, in every compared
 * group but `other`; in row order, as compare.c takes them. Caller frees. */
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
static char *clean_entry(const char *t)
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
    return clean_entry(key->name ? key->name : key->owner);
}

/* The term for `entry` in `source`, added if new. */
static size_t term_of(slant_report *r, size_t *cap, size_t source, size_t entry)
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
            xstrdup(slant_indicator_label(t->category, naming(r), label, sizeof label));
    }
    t->term = display_term(key);
    t->anchor = xstrf("ev-%zu", r->nterms);
    return r->nterms++;
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
    const char *id = indicator_id(r, f->indicator);
    slant_unit kind = slant_indicator_unit(id);
    int share = kind == SLANT_UNIT_SHARE;
    const char *uses = f->hi == SLANT_REPORT_REST ? "use" : "uses";
    slant_indicator_label(id, naming(r), label, sizeof label);
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
    const char *id = indicator_id(r, f->indicator);
    slant_unit kind = slant_indicator_unit(id);
    const char *qn = slant_report_q_name(r);
    subject_of(r, f->hi, 0, a, sizeof a, apos, sizeof apos);
    slant_indicator_label(id, naming(r), label, sizeof label);
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
        f->drivers[k].term = term_of(r, term_cap, f->hi, all[k].d->entry);
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
    if (unit_of(r, p->indicator) != SLANT_UNIT_INDEX)
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

static void build_findings(slant_report *r, size_t *term_cap)
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
        f->hi = source_of(r, flip ? p->b : p->a);
        f->lo = source_of(r, flip ? p->a : p->b);
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
        const char *id = indicator_id(r, p->indicator);
        f->section = section_of(r, id);
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
        f->label = xstrdup(slant_indicator_label(indicator_id(r, p->indicator), naming(r),
                                                 label, sizeof label));
        finding_sentences(r, f);
        r->nheadline += f->headline;
        r->nleading += f->leads;
    }
    r->nfindings = n;
    free(all);
}

/* The notes that say how the findings are split and ordered (every writer shows them). */
static void findings_notes(slant_report *r)
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
static void build_pairlines(slant_report *r)
{
    const slant_comparison *c = r->c;
    size_t cap = 0;
    for (size_t k = 0; k < c->npairs; k++) {
        const slant_cmp_pair *p = &c->pairs[k];
        size_t a = source_of(r, p->a), b = source_of(r, p->b);
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
        slant_unit kind = unit_of(r, top->indicator);
        slant_indicator_label(indicator_id(r, top->indicator), naming(r), label, sizeof label);
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
        x->id = xstrdup(indicator_id(r, ind));
        x->label = xstrdup(slant_indicator_label(x->id, naming(r), label, sizeof label));
        x->kind = slant_indicator_unit(x->id);
        x->share = x->kind == SLANT_UNIT_SHARE;
        x->section = section_of(r, x->id);
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

static void build_concepts(slant_report *r)
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
            size_t src = source_of(r, sh->group);
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
            char *shown = clean_entry(x->variants[v]);
            free(x->variants[v]);
            x->variants[v] = shown;
        }
        concept_sentence(r, x);
    }
    qsort(r->concepts, r->nconcepts, sizeof *r->concepts, cmp_concept);
}

/* --- how they attribute ------------------------------------------------------------------- */

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
    slant_role role = slant_indicator_role(key->owner, naming(r));
    return role == SLANT_ROLE_REPORT_NEUTRAL || role == SLANT_ROLE_REPORT_LOADED;
}

/* The indicator of the comparison whose category has framing role `role`, or -1. */
static long find_role(const slant_report *r, slant_role role)
{
    const slant_comparison *c = r->c;
    for (size_t i = 0; i < c->nindicators; i++)
        if (slant_indicator_role(slant_dataset_indicator_name(c->ds, c->indicators[i]),
                                 naming(r)) == role)
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

static void build_attribution(slant_report *r, size_t *term_cap)
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
            a->verbs[k] = term_of(r, term_cap, s, verbs[k].entry);
            a->verb_counts[k] = verbs[k].count;
            const char *category = r->terms[a->verbs[k]].category;
            int is_loaded =
                slant_indicator_role(category, naming(r)) == SLANT_ROLE_REPORT_LOADED;
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

static void build_actors(slant_report *r)
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
                    xstrdup(slant_indicator_label(cats[k], naming(r), label, sizeof label));
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

static void build_keyness(slant_report *r, size_t *term_cap)
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
            kt->term = term_of(r, term_cap, s, x->entry);
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

static void build_glossary(slant_report *r)
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

static void build_method(slant_report *r)
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

static void build_provenance(slant_report *r)
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
static char *left_out_sentence(const slant_report *r)
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
    r->left_out = left_out_sentence(r);
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
    build_findings(r, &term_cap);
    findings_notes(r);
    build_pairlines(r);
    build_indicators(r);
    build_concepts(r);
    build_attribution(r, &term_cap);
    build_actors(r);
    build_keyness(r, &term_cap);
    build_glossary(r);
    build_provenance(r);
    build_method(r);
    slant_report_build_strata(r);
    build_sentences(r);
    r->evidence = !r->has_keyness ? SLANT_EVIDENCE_NO_TERMS
                                  : (o->snippets ? SLANT_EVIDENCE_NEED_ARTICLES
                                                 : SLANT_EVIDENCE_OFF);
    add_method(r, evidence_note(r)); /* last: slant_report_set_evidence replaces it */
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
