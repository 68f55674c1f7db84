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
    slant_buf_init(&clean, SLANT_REPORT_MAX_BYTES);
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

/* A cell: data text escaped, numbers as they are, with the note after a space. */
static void cell(slant_buf *out, const slant_report_cell *c)
{
    if (c->kind == SLANT_CELL_TEXT)
        esc(out, c->text);
    else
        slant_buf_adds(out, c->text);
    if (c->note) {
        slant_buf_addc(out, ' ');
        slant_buf_adds(out, c->note);
    }
}

/* A table: its caption in bold when it leads, the header (words of the report
 * capitalised), the alignment row, the rows; no blank line after. */
static void table(slant_buf *out, const slant_report_table *t)
{
    if (t->caption_leads) {
        slant_buf_adds(out, "**");
        esc(out, t->caption);
        slant_buf_adds(out, "**\n\n");
    }
    slant_buf_adds(out, "|");
    for (size_t c = 0; c < t->ncols; c++) {
        const slant_report_cell *h = &t->header[c];
        slant_buf_addc(out, ' ');
        if (h->word && h->text[0] >= 'a' && h->text[0] <= 'z') {
            slant_buf_addc(out, (char)(h->text[0] - 'a' + 'A'));
            esc(out, h->text + 1);
        } else {
            esc(out, h->text);
        }
        slant_buf_adds(out, " |");
    }
    slant_buf_adds(out, "\n|");
    for (size_t c = 0; c < t->ncols; c++)
        slant_buf_adds(out, t->align[c] == SLANT_ALIGN_LEFT ? " :-- |" : " --: |");
    slant_buf_addc(out, '\n');
    for (size_t r = 0; r < t->nrows; r++) {
        slant_buf_adds(out, "|");
        for (size_t c = 0; c < t->ncols; c++) {
            slant_buf_addc(out, ' ');
            cell(out, &t->cells[r * t->ncols + c]);
            slant_buf_adds(out, " |");
        }
        slant_buf_addc(out, '\n');
    }
}

static void sources(const slant_report *r, slant_buf *out)
{
    slant_buf_addf(out, "## 2. Which %s were compared\n\n", r->nouns);
    table(out, &r->tables[r->sources_table]);
    if (r->left_out) {
        slant_buf_adds(out, "\n");
        esc(out, r->left_out);
        slant_buf_addc(out, '\n');
    }
    slant_buf_addf(out, "\n### Rates per %s\n\nMean per article with its %g%% CI; rates per "
                        "1,000 words. (The HTML report draws these as charts: `slant report "
                        "--format html`.)\n\n",
                   r->noun, 100 * r->c->opts.level);
    table(out, &r->tables[r->means_table]);
    slant_buf_addc(out, '\n');
}

/* What is not listed, and how to list it. */
static void more(slant_buf *out, const char *sentence)
{
    if (!sentence)
        return;
    slant_buf_addc(out, '\n');
    esc(out, sentence);
    slant_buf_adds(out, ": `--all` lists them.\n");
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
    if (r->no_context) {
        esc(out, r->no_context);
        slant_buf_adds(out, "\n\n");
    }
    finding_items(r, out, r->nheadline, r->nheadline + r->context_listed);
    more(out, r->more_context);
    if (r->nheadline < r->nfindings)
        slant_buf_addc(out, '\n');
}

static void differences(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 1. Where they differ\n\n### Significant differences\n\n");
    esc(out, r->findings_note);
    slant_buf_adds(out, "\n\n");
    if (r->no_headline) {
        esc(out, r->no_headline);
        slant_buf_adds(out, "\n\n");
    }
    finding_items(r, out, 0, r->headline_listed);
    more(out, r->more_headline);
    slant_buf_adds(out, "\n### In brief\n\n");
    for (size_t k = 0; k < r->pairs_listed; k++) {
        slant_buf_adds(out, "- ");
        esc(out, r->pairlines[k].sentence);
        slant_buf_addc(out, '\n');
    }
    more(out, r->more_pairs);
    if (r->strata_title) {
        slant_buf_adds(out, "\n### ");
        esc(out, r->strata_title);
        slant_buf_adds(out, "\n\n");
        esc(out, r->strata_note);
        slant_buf_adds(out, "\n\n");
        for (size_t k = 0; k < r->nstrata_sentences; k++) {
            slant_buf_adds(out, "- ");
            esc(out, r->strata_sentences[k]);
            slant_buf_addc(out, '\n');
        }
        if (r->nstrata_sentences)
            slant_buf_addc(out, '\n');
        if (r->tables[r->strata_table].nrows) {
            table(out, &r->tables[r->strata_table]);
            slant_buf_addc(out, '\n');
            table(out, &r->tables[r->strata_means_table]);
            slant_buf_addc(out, '\n');
        }
        table(out, &r->tables[r->strata_counts_table]);
    }
    slant_buf_addc(out, '\n');
}

static void labels(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 3. Who is called what\n\n");
    if (r->no_concepts) {
        esc(out, r->no_concepts);
        slant_buf_adds(out, "\n\n");
    }
    if (r->active) {
        esc(out, r->active);
        slant_buf_adds(out, "\n\n");
    }
    size_t untested = 0;
    for (size_t k = 0; k < r->nconcepts; k++) {
        const slant_report_concept *x = &r->concepts[k];
        if (isnan(x->chi2)) {
            untested++;
            continue;
        }
        esc(out, x->sentence);
        slant_buf_adds(out, "\n\n");
        table(out, &r->tables[x->table]);
        slant_buf_addc(out, '\n');
    }
    if (untested) {
        slant_buf_adds(out, "#### ");
        esc(out, r->untested_title);
        slant_buf_adds(out, "\n\n");
    }
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
        table(out, &r->tables[r->actors[t].table]);
        slant_buf_addc(out, '\n');
    }
}

static void attribution(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 4. How they attribute\n\n");
    if (r->no_attribution) {
        esc(out, r->no_attribution);
        slant_buf_adds(out, "\n\n");
        return;
    }
    slant_buf_addf(out, "Means per article with their %g%% CI.\n\n", 100 * r->c->opts.level);
    table(out, &r->tables[r->attribution_table]);
    if (r->has_verbs)
        slant_buf_adds(out, "\n### Most used report verbs\n\n");
    for (size_t s = 0; s < r->nsources && r->has_verbs; s++) {
        const slant_report_attribution *a = &r->attribution[s];
        slant_buf_adds(out, "- ");
        esc(out, r->sources[s].name);
        slant_buf_adds(out, ":");
        for (size_t k = 0; k < a->nverbs; k++) {
            slant_buf_adds(out, k ? ", " : " ");
            esc(out, r->terms[a->verbs[k]].term);
            slant_buf_addc(out, ' ');
            esc(out, a->verb_notes[k]);
        }
        if (!a->nverbs)
            slant_buf_adds(out, " none");
        slant_buf_addc(out, '\n');
    }
    slant_buf_addc(out, '\n');
    if (r->pooled_note) {
        esc(out, r->pooled_note);
        slant_buf_adds(out, "\n\n");
    }
}

static void terms(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "## 6. Which terms drive the differences\n\n");
    if (r->nfindings)
        slant_buf_adds(out, "### Drivers of each difference\n\nThe entries of the category with "
                            "the largest difference in rate per 1,000 words, higher first.\n\n");
    for (size_t k = 0; k < r->nfindings; k++) {
        const slant_report_finding *f = &r->findings[k];
        if (!slant_report_listed(r, k) || (!f->ndrivers && r->has_keyness))
            continue; /* not listed, or not a lexicon category (an index, a share) */
        slant_buf_adds(out, "- ");
        esc(out, f->label);
        slant_buf_adds(out, ", ");
        esc(out, slant_report_source_name(r, f->hi));
        slant_buf_adds(out, " vs ");
        esc(out, slant_report_source_name(r, f->lo));
        slant_buf_adds(out, ":");
        for (size_t d = 0; d < f->ndrivers; d++) {
            slant_buf_adds(out, d ? "; " : " ");
            esc(out, r->terms[f->drivers[d].term].term);
            slant_buf_addc(out, ' ');
            esc(out, f->drivers[d].rates);
        }
        if (!f->ndrivers)
            slant_buf_adds(out, " no entry data");
        slant_buf_addc(out, '\n');
    }
    slant_buf_addf(out, "\n### Key terms of each %s\n\n", r->noun);
    if (r->no_keyness) {
        esc(out, r->no_keyness);
        slant_buf_adds(out, "\n\n");
    } else
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
        table(out, &r->tables[k->table]);
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

/* Over time (compare --every, --split): the trend tests, the period means, the split. */
static void over_time(const slant_report *r, slant_buf *out)
{
    size_t tables[SLANT_REPORT_MAX_TIME_TABLES];
    size_t n = slant_report_time_tables(r, tables);
    if (!n)
        return;
    slant_buf_adds(out, "## Over time\n\n");
    for (size_t k = 0; k < n; k++) {
        table(out, &r->tables[tables[k]]);
        slant_buf_addc(out, '\n');
    }
}

void slant_report_write_md(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "# ");
    esc(out, r->title);
    slant_buf_adds(out, "\n\n");
    esc(out, r->summary);
    slant_buf_addc(out, ' ');
    esc(out, r->count_sentence);
    slant_buf_adds(out, "\n\n");
    differences(r, out);
    sources(r, out);
    labels(r, out);
    attribution(r, out);
    context(r, out);
    over_time(r, out);
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
