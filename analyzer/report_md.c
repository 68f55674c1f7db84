/* The report as GitHub-flavoured Markdown: the same sections and numbers as the HTML page,
 * with tables and lists; the charts are left to the HTML page. Strings from the data are
 * escaped so that they stay text (no emphasis, links, HTML or table cells of their own). */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "normalize.h"
#include "report.h"

/* Appends `len` bytes of `s` as Markdown text: valid UTF-8, one line, and every
 * character that could start markup escaped. */
static void md_escape(slant_buf *out, const char *s, size_t len)
{
    slant_buf clean;
    slant_buf_init(&clean, SIZE_MAX / 2);
    slant_utf8_sanitize(s, len, &clean);
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        char next = i + 1 < clean.len ? clean.data[i + 1] : '\0';
        int word = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                   (next >= '0' && next <= '9');
        /* '<' opens HTML or an autolink only before a letter, '/', '!' or '?'; '&' is an
         * entity only before a letter, digit or '#'; elsewhere they are text as they are. */
        if (c == '&' && (word || next == '#'))
            slant_buf_adds(out, "&amp;");
        else if (c == '<' && (word || next == '/' || next == '!' || next == '?'))
            slant_buf_adds(out, "&lt;");
        else if (c == '\n' || c == '\r' || c == '\t')
            slant_buf_addc(out, ' ');
        else if ((unsigned char)c < 0x20 || c == 0x7F)
            slant_buf_adds(out, "\xEF\xBF\xBD");
        else {
            if (strchr("\\`*_[]|#~!{}", c))
                slant_buf_addc(out, '\\');
            slant_buf_addc(out, c);
        }
    }
    slant_buf_release(&clean);
}

static void esc(slant_buf *out, const char *s)
{
    md_escape(out, s, strlen(s));
}

static void mean_cell(slant_buf *out, const slant_cmp_summary *m, int share)
{
    slant_report_mean t;
    slant_report_fmt_mean(&t, m, share);
    if (!t.has_ci)
        slant_buf_addf(out, " %s |", t.mean);
    else
        slant_buf_addf(out, " %s [%s, %s] |", t.mean, t.low, t.high);
}

/* A header row: the first column left-aligned, the others right-aligned. */
static void header(slant_buf *out, const char *const *cols, size_t n)
{
    slant_buf_adds(out, "|");
    for (size_t k = 0; k < n; k++) {
        slant_buf_addc(out, ' ');
        esc(out, cols[k]);
        slant_buf_adds(out, " |");
    }
    slant_buf_adds(out, "\n|");
    for (size_t k = 0; k < n; k++)
        slant_buf_adds(out, k ? " --: |" : " :-- |");
    slant_buf_addc(out, '\n');
}

static void source_header(const slant_report *r, slant_buf *out, const char *first,
                          const char *const *after, size_t nafter)
{
    slant_buf_addf(out, "| %s |", first);
    for (size_t s = 0; s < r->nsources; s++) {
        slant_buf_addc(out, ' ');
        esc(out, r->sources[s].name);
        slant_buf_adds(out, " |");
    }
    for (size_t k = 0; k < nafter; k++)
        slant_buf_addf(out, " %s |", after[k]);
    slant_buf_adds(out, "\n| :-- |");
    for (size_t k = 0; k < r->nsources + nafter; k++)
        slant_buf_adds(out, " --: |");
    slant_buf_addc(out, '\n');
}

static void sources(const slant_report *r, slant_buf *out)
{
    slant_buf_addf(out, "## 1. Which %s were compared\n\n", r->nouns);
    const char *cols[] = { r->noun[0] == 's' ? "Source" : "Group", "Articles", "Words",
                           "Words per article" };
    header(out, cols, 4);
    for (size_t s = 0; s < r->nsources; s++) {
        char a[32], w[32];
        slant_report_fmt_count(a, sizeof a, (double)r->sources[s].articles);
        slant_report_fmt_count(w, sizeof w, r->sources[s].words);
        slant_buf_adds(out, "| ");
        esc(out, r->sources[s].name);
        slant_buf_addf(out, " | %s | %s | %.1f |\n", a, w,
                       r->sources[s].articles
                           ? r->sources[s].words / (double)r->sources[s].articles
                           : 0.0);
    }
    for (size_t k = 0; k < r->nleft_out; k++) {
        slant_buf_adds(out, "\n");
        esc(out, r->left_out[k]);
        slant_buf_addc(out, '\n');
    }
    slant_buf_addc(out, '\n');
}

/* Findings [from, to), numbered from from + 1. */
static void finding_items(const slant_report *r, slant_buf *out, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        const slant_report_finding *f = &r->findings[k];
        slant_buf_addf(out, "%zu. **", k + 1);
        esc(out, f->sentence);
        slant_buf_adds(out, "**  \n   ");
        esc(out, f->detail);
        if (f->event_sentence) {
            slant_buf_adds(out, "  \n   ");
            esc(out, f->event_sentence);
        }
        slant_buf_addc(out, '\n');
    }
}

/* The context: differences in structural and epistemic counts. */
static void context(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 5. ");
    esc(out, r->context_title);
    slant_buf_adds(out, "\n\n");
    esc(out, r->context_note);
    slant_buf_adds(out, "\n\n");
    if (r->nheadline == r->nfindings)
        slant_buf_adds(out, "None is significant.\n\n");
    finding_items(r, out, r->nheadline, r->nfindings);
    if (r->nheadline < r->nfindings)
        slant_buf_addc(out, '\n');
}

static void differences(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 2. Where they differ\n\n### In brief\n\n");
    for (size_t k = 0; k < r->npairlines; k++) {
        slant_buf_adds(out, "- ");
        esc(out, r->pairlines[k].sentence);
        slant_buf_addc(out, '\n');
    }
    slant_buf_addf(out, "\n### Significant differences\n\n%s < %g in the primary test, "
                        "Mann-Whitney U, after correction; %slargest effect (Hedges' g) first.\n\n",
                   slant_report_q_name(r), r->opts.alpha, r->findings_order);
    if (!r->nheadline)
        slant_buf_addf(out, "No difference between the %s is significant%s.\n\n", r->nouns,
                       r->nfindings ? " in judgement, contested labels or attribution" : "");
    finding_items(r, out, 0, r->nheadline);
    slant_buf_addf(out, "\n### Rates per %s\n\nMean per article with its %g%% CI; rates per "
                        "1,000 words. (The HTML report draws these as charts: `slant report "
                        "--format html`.)\n\n",
                   r->noun, 100 * r->c->opts.level);
    char k1[64], k2[64];
    snprintf(k1, sizeof k1, "Kruskal-Wallis %s", slant_report_q_name(r));
    snprintf(k2, sizeof k2, "Welch ANOVA %s", slant_report_q_name(r));
    const char *after[] = { k1, k2 };
    source_header(r, out, "Indicator", after, 2);
    for (size_t i = 0; i < r->nindicators; i++) {
        const slant_report_indicator *x = &r->indicators[i];
        slant_buf_adds(out, "| ");
        esc(out, x->label);
        slant_buf_adds(out, " |");
        for (size_t s = 0; s < r->nsources; s++)
            mean_cell(out, x->summaries[s], x->share);
        char a[32], b[32];
        slant_report_fmt_q(a, sizeof a, x->kruskal_q);
        slant_report_fmt_q(b, sizeof b, x->welch_q);
        slant_buf_addf(out, " %s | %s |\n", a, b);
    }
    slant_buf_addc(out, '\n');
}

static void labels(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 3. Who is called what\n\n");
    if (!r->nconcepts)
        slant_buf_addf(out, "No contested-label concept was used in these data: the lexicon "
                            "defines none (a `variants.json`), or none of the %s's articles "
                            "used one of its names.\n\n",
                       r->nouns);
    size_t untested = 0;
    for (size_t k = 0; k < r->nconcepts; k++) {
        const slant_report_concept *x = &r->concepts[k];
        if (isnan(x->chi2)) {
            untested++;
            continue;
        }
        esc(out, x->sentence);
        slant_buf_adds(out, "\n\n| ");
        slant_buf_adds(out, r->noun[0] == 's' ? "Source" : "Group");
        slant_buf_adds(out, " |");
        for (size_t v = 0; v < x->nvariants; v++) {
            slant_buf_addc(out, ' ');
            esc(out, x->variants[v]);
            slant_buf_adds(out, " |");
        }
        slant_buf_adds(out, "\n| :-- |");
        for (size_t v = 0; v < x->nvariants; v++)
            slant_buf_adds(out, " --: |");
        slant_buf_addc(out, '\n');
        for (size_t s = 0; s < r->nsources; s++) {
            slant_buf_adds(out, "| ");
            esc(out, r->sources[s].name);
            slant_buf_adds(out, " |");
            for (size_t v = 0; v < x->nvariants; v++) {
                double share = x->shares[s * x->nvariants + v];
                if (isnan(share))
                    slant_buf_adds(out, " – |");
                else
                    slant_buf_addf(out, " %.0f%% (%.0f) |", 100 * share,
                                   x->counts[s * x->nvariants + v]);
            }
            slant_buf_addc(out, '\n');
        }
        slant_buf_addc(out, '\n');
    }
    if (untested)
        slant_buf_adds(out, "#### Concepts without a test (one source, or one name)\n\n");
    for (size_t k = 0; k < r->nconcepts && untested; k++)
        if (isnan(r->concepts[k].chi2)) {
            slant_buf_adds(out, "- ");
            esc(out, r->concepts[k].sentence);
            slant_buf_addc(out, '\n');
        }
    if (untested)
        slant_buf_addc(out, '\n');
    /* Actor framing: only when the data has it. */
    if (r->nactors)
        slant_buf_adds(out, "### Which categories occur near each actor\n\n");
    for (size_t t = 0; t < r->nactors; t++) {
        const slant_report_actor_table *x = &r->actors[t];
        slant_buf_adds(out, "**");
        esc(out, r->sources[x->source].name);
        slant_buf_adds(out, "** (");
        esc(out, x->unit);
        slant_buf_adds(out, ")\n\n| Category |");
        for (size_t a = 0; a < x->nactors; a++) {
            slant_buf_addc(out, ' ');
            esc(out, x->actors[a]);
            slant_buf_adds(out, " |");
        }
        slant_buf_adds(out, "\n| :-- |");
        for (size_t a = 0; a < x->nactors; a++)
            slant_buf_adds(out, " --: |");
        slant_buf_addc(out, '\n');
        for (size_t c = 0; c < x->ncategories; c++) {
            slant_buf_adds(out, "| ");
            esc(out, x->categories[c]);
            slant_buf_adds(out, " |");
            for (size_t a = 0; a < x->nactors; a++) {
                double v = x->values[a * x->ncategories + c];
                if (isfinite(v))
                    slant_buf_addf(out, " %.2f |", v);
                else
                    slant_buf_adds(out, " n/a |");
            }
            slant_buf_addc(out, '\n');
        }
        slant_buf_addc(out, '\n');
    }
}

static void attribution(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 4. How they attribute\n\n");
    if (!r->nattribution_rows) {
        slant_buf_adds(out, "The data has no report-verb, anonymous-source or quotation "
                            "indicators.\n\n");
        return;
    }
    slant_buf_addf(out, "Means per article with their %g%% CI.\n\n", 100 * r->c->opts.level);
    source_header(r, out, "Measure", NULL, 0);
    for (size_t k = 0; k < r->nattribution_rows; k++) {
        const slant_report_indicator *x = &r->indicators[r->attribution_rows[k]];
        slant_buf_adds(out, "| ");
        esc(out, x->label);
        if (x->kind == SLANT_UNIT_RATE)
            slant_buf_adds(out, " per 1,000 words");
        slant_buf_adds(out, " |");
        for (size_t s = 0; s < r->nsources; s++)
            mean_cell(out, x->summaries[s], x->share);
        slant_buf_addc(out, '\n');
        if (r->has_verb_counts && slant_indicator_role(x->id) == SLANT_IND_ROLE_LOADED_VERBS) {
            slant_buf_adds(out, "| loaded share of all report verbs (pooled) |");
            for (size_t s = 0; s < r->nsources; s++) {
                const slant_report_attribution *a = &r->attribution[s];
                char v[32];
                slant_report_fmt_value(v, sizeof v, a->loaded_share, 1);
                slant_buf_addf(out, " %s (%.0f of %.0f) |", v, a->loaded_count,
                               a->loaded_count + a->neutral_count);
            }
            slant_buf_addc(out, '\n');
        }
    }
    slant_buf_adds(out, "\n### Most used report verbs\n\n");
    for (size_t s = 0; s < r->nsources; s++) {
        const slant_report_attribution *a = &r->attribution[s];
        slant_buf_adds(out, "- ");
        esc(out, r->sources[s].name);
        slant_buf_adds(out, ":");
        for (size_t k = 0; k < a->nverbs; k++) {
            const slant_report_term *t = &r->terms[a->verbs[k]];
            slant_buf_adds(out, k ? ", " : " ");
            esc(out, t->term);
            slant_buf_addf(out, " %.0f%s", a->verb_counts[k],
                           slant_indicator_role(t->category) == SLANT_IND_ROLE_LOADED_VERBS
                               ? " (loaded)"
                               : "");
        }
        if (!a->nverbs)
            slant_buf_adds(out, " none (no term counts)");
        slant_buf_addc(out, '\n');
    }
    slant_buf_adds(out, "\nThe pooled loaded share counts every report verb the lexicon knows "
                        "over all of the articles; the share of the verbs that introduce "
                        "quotations is a mean per article, over the articles with attributed "
                        "quotations.\n\n");
}

static void terms(const slant_report *r, slant_buf *out)
{
    char label[128];
    slant_buf_adds(out, "## 6. Which terms drive the differences\n\n");
    if (r->nfindings)
        slant_buf_adds(out, "### Drivers of each difference\n\nThe entries of the category with "
                            "the largest difference in rate per 1,000 words, higher first.\n\n");
    for (size_t k = 0; k < r->nfindings; k++) {
        const slant_report_finding *f = &r->findings[k];
        if (!f->ndrivers && r->has_keyness)
            continue; /* not a lexicon category (an index or a share): no terms */
        slant_buf_adds(out, "- ");
        esc(out, slant_indicator_label(slant_dataset_indicator_name(r->c->ds, f->indicator), label,
                                    sizeof label));
        slant_buf_adds(out, ", ");
        esc(out, slant_report_source_name(r, f->hi));
        slant_buf_adds(out, " vs ");
        esc(out, slant_report_source_name(r, f->lo));
        slant_buf_adds(out, ":");
        for (size_t d = 0; d < f->ndrivers; d++) {
            slant_buf_adds(out, d ? "; " : " ");
            esc(out, r->terms[f->drivers[d].term].term);
            slant_buf_addf(out, " %.2f vs %.2f", f->drivers[d].rate_hi, f->drivers[d].rate_lo);
        }
        if (!f->ndrivers)
            slant_buf_adds(out, " no entry data");
        slant_buf_addc(out, '\n');
    }
    slant_buf_addf(out, "\n### Key terms of each %s\n\n", r->noun);
    if (!r->has_keyness)
        slant_buf_adds(out, "No term counts in these data: score with `--evidence`, or give the "
                            "articles.\n\n");
    else
        slant_buf_addf(out, "The lexicon entries most over-represented in each %s against %s, "
                            "by log-likelihood G²; n.s.: %s ≥ %g, not significant.\n\n",
                       r->noun, r->rest, slant_report_q_name(r), r->opts.alpha);
    for (size_t s = 0; s < r->nsources && r->has_keyness; s++) {
        const slant_report_keyness *k = &r->keyness[s];
        slant_buf_adds(out, "#### ");
        esc(out, r->sources[s].name);
        slant_buf_adds(out, "\n\n");
        if (!k->nterms) {
            slant_buf_addf(out, "No term is more frequent in this %s than elsewhere.\n\n", r->noun);
            continue;
        }
        const char *cols[] = { "Term", "Category", "Count", "Per 1,000 words",
                               "Elsewhere per 1,000 words", "G²", slant_report_q_name(r),
                               "Log Ratio [CI]" };
        header(out, cols, 8);
        for (size_t t = 0; t < k->nterms; t++) {
            const slant_report_keyterm *x = &k->terms[t];
            char q[32];
            slant_report_fmt_q(q, sizeof q, x->g2_q);
            slant_buf_adds(out, "| ");
            esc(out, r->terms[x->term].term);
            slant_buf_adds(out, " | ");
            esc(out, r->terms[x->term].category_label);
            slant_buf_addf(out, " | %.0f | %.2f | %.2f | %.1f | %s%s | %.2f [%.2f, %.2f] |\n",
                           x->count, x->rate, x->rate_rest, x->g2, q,
                           x->significant ? "" : " (n.s.)", x->log_ratio.value,
                           x->log_ratio.low, x->log_ratio.high);
        }
        slant_buf_addc(out, '\n');
    }
    slant_buf_adds(out, "### Evidence\n\n");
    if (r->evidence != SLANT_EVIDENCE_COLLECTED) {
        esc(out, r->method[r->nmethod - 1]);
        slant_buf_adds(out, "\n\n");
        return;
    }
    for (size_t s = 0; s < r->nsources; s++) {
        if (!slant_report_has_evidence(r, s))
            continue;
        slant_buf_adds(out, "#### ");
        esc(out, r->sources[s].name);
        slant_buf_adds(out, "\n\n");
        for (size_t t = 0; t < r->nterms; t++) {
            const slant_report_term *x = &r->terms[t];
            if (x->source != s || !x->nsnippets)
                continue;
            slant_buf_adds(out, "**");
            esc(out, x->term);
            slant_buf_adds(out, "** (");
            esc(out, x->category_label);
            slant_buf_adds(out, ")\n\n");
            for (size_t k = 0; k < x->nsnippets; k++) {
                const slant_report_snippet *sn = &x->snippets[k];
                slant_buf_adds(out, "- ");
                md_escape(out, sn->text, sn->mark_start);
                slant_buf_adds(out, "**");
                md_escape(out, sn->text + sn->mark_start, sn->mark_end - sn->mark_start);
                slant_buf_adds(out, "**");
                esc(out, sn->text + sn->mark_end);
                slant_buf_adds(out, " — *");
                esc(out, sn->article);
                slant_buf_adds(out, "*\n");
            }
            slant_buf_addc(out, '\n');
        }
    }
}

static void items(slant_buf *out, const slant_report_item *x, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        slant_buf_adds(out, "- **");
        esc(out, x[k].label);
        slant_buf_adds(out, "**: ");
        esc(out, x[k].value);
        slant_buf_addc(out, '\n');
    }
    slant_buf_addc(out, '\n');
}

void slant_report_write_md(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "# ");
    esc(out, r->title);
    slant_buf_adds(out, "\n\n");
    esc(out, r->summary);
    slant_buf_addf(out, " %zu significant difference%s at %s < %g.\n\n", r->nfindings,
                   r->nfindings == 1 ? "" : "s", slant_report_q_name(r), r->opts.alpha);
    sources(r, out);
    differences(r, out);
    labels(r, out);
    attribution(r, out);
    context(r, out);
    terms(r, out);
    slant_buf_adds(out, "## 7. Provenance and method\n\n### Provenance\n\n");
    items(out, r->provenance, r->nprovenance);
    if (r->nglossary) {
        slant_buf_adds(out, "### Indicators\n\n");
        items(out, r->glossary, r->nglossary);
    }
    slant_buf_adds(out, "### Method notes\n\n");
    for (size_t k = 0; k < r->nmethod; k++) {
        esc(out, r->method[k]);
        slant_buf_adds(out, "\n\n");
    }
}
