/* The report as one self-contained HTML page: no script, no external resource, inline CSS
 * that reflows for a phone, real tables with header scopes, headings in order, and the
 * charts of report_svg.c with their text alternatives. Every string from the data is
 * escaped (slant_xml_escape). */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "report_svg.h"
#include "version.h"

static const char css[] =
    ":root{--fg:#1b1b1b;--muted:#545454;--line:#d6d6d6;--bg:#fff;--soft:#f5f6f8;"
    "--accent:#0b5cad;--mark:#ffe066}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0;color:var(--fg);background:var(--bg);font:16px/1.55 system-ui,"
    "-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
    "header,nav,main,footer{max-width:70rem;margin:0 auto;padding:0 1rem}\n"
    "header{padding-top:1.5rem}\n"
    "h1{font-size:1.9rem;line-height:1.2;margin:0 0 .5rem}\n"
    "h2{font-size:1.4rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-bottom:.3rem;"
    "border-bottom:2px solid var(--line)}\n"
    "h3{font-size:1.15rem;margin:1.75rem 0 .5rem}\n"
    "h4{font-size:1rem;margin:1.25rem 0 .4rem}\n"
    "p{margin:.5rem 0}\n"
    "a{color:var(--accent)}\n"
    ".lede{font-size:1.1rem;color:var(--muted)}\n"
    "nav ol{columns:2 16rem;padding-left:1.25rem;margin:.5rem 0}\n"
    "nav h2{border:0;margin-top:1rem;font-size:1rem}\n"
    ".brief{padding-left:1.25rem}\n"
    ".brief li{margin:.3rem 0}\n"
    ".findings{padding-left:1.5rem}\n"
    ".findings>li{margin:0 0 1rem;padding-left:.25rem}\n"
    ".sentence{font-weight:600;margin:0}\n"
    ".detail,.events,.note{color:var(--muted);font-size:.93rem;margin:.2rem 0}\n"
    ".scroll{overflow-x:auto;margin:.75rem 0 1.25rem;-webkit-overflow-scrolling:touch}\n"
    ".scroll:focus{outline:2px solid var(--accent);outline-offset:2px}\n"
    "table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.95rem}\n"
    "caption{text-align:left;font-weight:600;padding:.25rem 0 .4rem;caption-side:top}\n"
    "th,td{padding:.4rem .65rem;border-bottom:1px solid var(--line);text-align:right;"
    "vertical-align:top}\n"
    "thead th{border-bottom:2px solid #9a9a9a;vertical-align:bottom}\n"
    "th[scope=row],thead th:first-child,td.text{text-align:left}\n"
    "th[scope=row]{font-weight:600}\n"
    ".ci{color:var(--muted);font-size:.85em;white-space:nowrap}\n"
    ".num{white-space:nowrap}\n"
    ".src{padding-left:1.1em;background:linear-gradient(var(--c),var(--c)) no-repeat "
    "0 .3em/.75em .75em}\n"
    ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));"
    "gap:1rem;margin:1rem 0}\n"
    ".charts.wide{grid-template-columns:repeat(auto-fill,minmax(min(26rem,100%),1fr))}\n"
    ".charts>figure{min-width:0}\n"
    "thead th{min-width:6rem;max-width:12rem;white-space:normal;overflow-wrap:anywhere}\n"
    "tbody th[scope=row]{position:sticky;left:0;z-index:1;background:var(--bg)}\n"
    "details.more{margin:.5rem 0 1rem;border:1px solid var(--line);border-radius:6px;"
    "padding:.25rem .75rem}\n"
    "details.more>summary{cursor:pointer;padding:.35rem 0;color:var(--muted)}\n"
    "details.more[open]>summary{border-bottom:1px solid var(--line);margin-bottom:.5rem}\n"
    "figure{margin:0;padding:.6rem .6rem .4rem;border:1px solid var(--line);"
    "border-radius:6px;background:var(--bg)}\n"
    "figcaption{font-size:.9rem;font-weight:600;margin:0 0 .3rem}\n"
    "svg.chart{display:block;width:100%;height:auto}\n"
    ".drivers{padding-left:1.25rem}\n"
    ".drivers li{margin:.45rem 0}\n"
    ".term{margin:1rem 0 .25rem}\n"
    "details.evidence{margin:.5rem 0;border:1px solid var(--line);border-radius:6px;"
    "padding:.25rem .75rem}\n"
    "details.evidence>summary{cursor:pointer;padding:.35rem 0}\n"
    "details.evidence>summary h4{display:inline;margin:0}\n"
    "details.evidence[open]>summary{border-bottom:1px solid var(--line);margin-bottom:.5rem}\n"
    ".snippets{list-style:none;margin:0 0 .75rem;padding:0}\n"
    ".snippets li{margin:.35rem 0;padding:.35rem .75rem;border-left:3px solid var(--line);"
    "background:var(--soft)}\n"
    ".snippets .cite{display:block;color:var(--muted);font-size:.82rem;"
    "overflow-wrap:anywhere}\n"
    "mark{background:var(--mark);color:inherit;padding:0 .12em;border-radius:2px}\n"
    "dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}\n"
    "dl.kv dt{font-weight:600}\n"
    "dl.kv dd{margin:0;overflow-wrap:anywhere}\n"
    ".placeholder{border:1px dashed var(--line);padding:.5rem .75rem;color:var(--muted)}\n"
    "footer{margin:3rem auto 2rem;color:var(--muted);font-size:.9rem}\n"
    "@media (max-width:40rem){body{font-size:15px}h1{font-size:1.5rem}"
    "h2{font-size:1.25rem}th,td{padding:.35rem .45rem}"
    "dl.kv{grid-template-columns:1fr}dl.kv dd{margin-bottom:.4rem}}\n"
    "@media print{nav{display:none}.scroll{overflow:visible}}\n";

/* --- small writers --------------------------------------------------------------------------- */

static void esc(slant_buf *out, const char *s)
{
    slant_xml_escapes(out, s);
}

/* A source's name with its chart colour: a square drawn as the name's background, so it
 * never wraps apart from the name and adds no character to its text. */
static void source_cell(slant_buf *out, const slant_report *r, size_t s)
{
    if (s == SLANT_REPORT_REST) {
        esc(out, r->rest);
        return;
    }
    char colour[8];
    slant_svg_colour(s, r->nsources, colour);
    slant_buf_addf(out, "<span class=\"src\" style=\"--c:%s\">", colour);
    esc(out, slant_report_source_name(r, s));
    slant_buf_adds(out, "</span>");
}

/* A scrollable region around a table, named by its caption. */
static void table_open(slant_buf *out, const char *id, const char *caption)
{
    slant_buf_addf(out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
                        "aria-labelledby=\"%s\">\n<table>\n<caption id=\"%s\">",
                   id, id);
    esc(out, caption);
    slant_buf_adds(out, "</caption>\n");
}

static void table_close(slant_buf *out)
{
    slant_buf_adds(out, "</tbody>\n</table>\n</div>\n");
}


static void snippet(slant_buf *out, const slant_report_snippet *s)
{
    slant_buf_adds(out, "<li>");
    slant_xml_escape(out, s->text, s->mark_start);
    slant_buf_adds(out, "<mark>");
    slant_xml_escape(out, s->text + s->mark_start, s->mark_end - s->mark_start);
    slant_buf_adds(out, "</mark>");
    slant_xml_escapes(out, s->text + s->mark_end);
    slant_buf_adds(out, "<span class=\"cite\">");
    esc(out, s->article);
    slant_buf_adds(out, "</span></li>\n");
}

/* A term, linked to its evidence when it has any. */
static void term_link(slant_buf *out, const slant_report *r, size_t t)
{
    const slant_report_term *x = &r->terms[t];
    if (x->nsnippets) {
        slant_buf_addf(out, "<a href=\"#%s\">", x->anchor);
        esc(out, x->term);
        slant_buf_adds(out, "</a>");
    } else {
        esc(out, x->term);
    }
}

/* A table cell after the first: numbers with their note set apart, n/a plain, text
 * left-aligned. Everything escaped ("< 0.0001" too). */
static void cell(slant_buf *out, const slant_report_table *t, size_t col,
                 const slant_report_cell *c)
{
    if (c->kind == SLANT_CELL_TEXT) {
        slant_buf_adds(out, t->align[col] == SLANT_ALIGN_LEFT ? "<td class=\"text\">" : "<td>");
        esc(out, c->text);
    } else if (c->kind == SLANT_CELL_NA) {
        slant_buf_adds(out, "<td>");
        esc(out, c->text);
    } else if (c->note) {
        slant_buf_adds(out, "<td><span class=\"num\">");
        esc(out, c->text);
        slant_buf_adds(out, "</span> <span class=\"ci\">");
        esc(out, c->note);
        slant_buf_adds(out, "</span>");
    } else {
        slant_buf_adds(out, "<td class=\"num\">");
        esc(out, c->text);
    }
    slant_buf_adds(out, "</td>");
}

/* A cell's text that names a source (with its colour), a term (linked to its evidence) or
 * neither. */
static void name(slant_buf *out, const slant_report *r, const slant_report_cell *c)
{
    if (c->source != SLANT_REPORT_NONE)
        source_cell(out, r, c->source);
    else if (c->term != SLANT_REPORT_NONE)
        term_link(out, r, c->term);
    else
        esc(out, c->text);
}

/* A table of the report in its scrollable region: the caption, the header (words of the
 * report capitalised), each row headed by its first cell. */
static void table(const slant_report *r, slant_buf *out, const slant_report_table *t)
{
    char id[80];
    snprintf(id, sizeof id, "cap-%s", t->id);
    table_open(out, id, t->caption);
    slant_buf_adds(out, "<thead><tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        const slant_report_cell *h = &t->header[c];
        slant_buf_adds(out, "<th scope=\"col\">");
        if (h->word && h->text[0] >= 'a' && h->text[0] <= 'z') {
            slant_buf_addc(out, (char)(h->text[0] - 'a' + 'A'));
            esc(out, h->text + 1);
        } else {
            name(out, r, h);
        }
        slant_buf_adds(out, "</th>");
    }
    slant_buf_adds(out, "</tr></thead>\n<tbody>\n");
    for (size_t row = 0; row < t->nrows; row++) {
        const slant_report_cell *cells = &t->cells[row * t->ncols];
        slant_buf_adds(out, "<tr><th scope=\"row\">");
        name(out, r, &cells[0]);
        slant_buf_adds(out, "</th>");
        for (size_t c = 1; c < t->ncols; c++)
            cell(out, t, c, &cells[c]);
        slant_buf_adds(out, "</tr>\n");
    }
    table_close(out);
}

/* --- sections ------------------------------------------------------------------------------- */

/* The rates of every indicator per source: a dot plot each, then the table of means. */
static void rates_block(const slant_report *r, slant_buf *out)
{
    slant_buf_addf(out, "<h3 id=\"h-rates\">Rates per %s</h3>\n"
                        "<p class=\"note\">Dots are means per article, sorted from the highest, "
                        "whiskers their %g%% confidence intervals (cut at 0, and at 100%% for "
                        "shares, where the interval reaches beyond; the table gives them as "
                        "computed). Indicators with a significant difference come first.</p>\n"
                        "<div class=\"charts%s\">\n",
                   r->noun, 100 * r->c->opts.level,
                   r->nsources > SLANT_REPORT_MANY_SOURCES ? " wide" : "");
    for (size_t i = 0; i < r->nindicators; i++) {
        char id[48];
        snprintf(id, sizeof id, "chart-rate-%zu", i + 1);
        const slant_report_indicator *x = &r->indicators[i];
        slant_buf_adds(out, "<figure>\n<figcaption>");
        esc(out, x->label);
        const slant_indicator *row = slant_indicator_find(x->id);
        if (x->kind == SLANT_UNIT_RATE)
            slant_buf_adds(out, " per 1,000 words");
        else if (x->kind == SLANT_UNIT_SHARE)
            slant_buf_adds(out, " (%)");
        else if (row && row->axis)
            slant_buf_addf(out, " (%s)", row->axis);
        slant_buf_adds(out, "</figcaption>\n");
        slant_svg_rates(r, i, id, out);
        slant_buf_adds(out, "\n</figure>\n");
    }
    slant_buf_adds(out, "</div>\n");
    table(r, out, &r->tables[r->means_table]);
}

static void sources_section(const slant_report *r, slant_buf *out)
{
    slant_buf_addf(out, "<section id=\"sources\" aria-labelledby=\"h-sources\">\n"
                        "<h2 id=\"h-sources\">2. Which %s were compared</h2>\n",
                   r->nouns);
    table(r, out, &r->tables[r->sources_table]);
    if (r->left_out) {
        slant_buf_adds(out, "<p class=\"note left-out\">");
        esc(out, r->left_out);
        slant_buf_adds(out, "</p>\n");
    }
    rates_block(r, out);
    slant_buf_adds(out, "</section>\n");
}

/* Findings [from, to) as an ordered list numbered from from + 1. */
static void finding_items(const slant_report *r, slant_buf *out, size_t from, size_t to)
{
    if (from == to)
        return;
    if (from)
        slant_buf_addf(out, "<ol class=\"findings\" start=\"%zu\">\n", from + 1);
    else
        slant_buf_adds(out, "<ol class=\"findings\">\n");
    for (size_t k = from; k < to; k++) {
        const slant_report_finding *f = &r->findings[k];
        slant_buf_addf(out, "<li id=\"finding-%zu\" data-indicator=\"", k + 1);
        esc(out, slant_dataset_indicator_name(r->c->ds, f->indicator));
        slant_buf_adds(out, "\" data-hi=\"");
        esc(out, slant_report_source_name(r, f->hi));
        slant_buf_adds(out, "\" data-lo=\"");
        esc(out, slant_report_source_name(r, f->lo));
        slant_buf_adds(out, "\"><p class=\"sentence\">");
        esc(out, f->sentence);
        slant_buf_adds(out, "</p>\n<p class=\"detail\">");
        esc(out, f->detail);
        slant_buf_adds(out, "</p>\n");
        if (f->event_sentence) {
            slant_buf_adds(out, "<p class=\"events\">");
            esc(out, f->event_sentence);
            slant_buf_adds(out, "</p>\n");
        }
        slant_buf_adds(out, "</li>\n");
    }
    slant_buf_adds(out, "</ol>\n");
}

/* The findings of a part past the listed ones [from, to), in a closed <details> under
 * `sentence`. */
static void more_findings(const slant_report *r, slant_buf *out, const char *sentence,
                          size_t from, size_t to)
{
    if (!sentence || from == to)
        return;
    slant_buf_adds(out, "<details class=\"more\">\n<summary>");
    esc(out, sentence);
    slant_buf_adds(out, "</summary>\n");
    finding_items(r, out, from, to);
    slant_buf_adds(out, "</details>\n");
}

static void findings_list(const slant_report *r, slant_buf *out)
{
    if (r->no_headline) {
        slant_buf_adds(out, "<p>");
        esc(out, r->no_headline);
        slant_buf_adds(out, "</p>\n");
    }
    finding_items(r, out, 0, r->headline_listed);
    more_findings(r, out, r->more_headline, r->headline_listed, r->nheadline);
}

/* The context: differences in structural and epistemic counts. */
static void context_section(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<section id=\"context\" aria-labelledby=\"h-context\">\n"
                        "<h2 id=\"h-context\">5. ");
    esc(out, r->context_title);
    slant_buf_adds(out, "</h2>\n<p class=\"note\">");
    esc(out, r->context_note);
    slant_buf_adds(out, "</p>\n");
    if (r->no_context) {
        slant_buf_adds(out, "<p>");
        esc(out, r->no_context);
        slant_buf_adds(out, "</p>\n");
    }
    finding_items(r, out, r->nheadline, r->nheadline + r->context_listed);
    more_findings(r, out, r->more_context, r->nheadline + r->context_listed, r->nfindings);
    slant_buf_adds(out, "</section>\n");
}

static void pair_items(const slant_report *r, slant_buf *out, size_t from, size_t to)
{
    slant_buf_adds(out, "<ul class=\"brief\">\n");
    for (size_t k = from; k < to; k++) {
        slant_buf_adds(out, "<li>");
        esc(out, r->pairlines[k].sentence);
        slant_buf_adds(out, "</li>\n");
    }
    slant_buf_adds(out, "</ul>\n");
}

static void differences_section(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<section id=\"differences\" aria-labelledby=\"h-differences\">\n"
                        "<h2 id=\"h-differences\">1. Where they differ</h2>\n"
                        "<h3 id=\"h-findings\">Significant differences</h3>\n"
                        "<p class=\"note\">");
    esc(out, r->findings_note);
    slant_buf_adds(out, "</p>\n");
    findings_list(r, out);
    slant_buf_adds(out, "<h3 id=\"h-brief\">In brief</h3>\n");
    pair_items(r, out, 0, r->pairs_listed);
    if (r->more_pairs) {
        slant_buf_adds(out, "<details class=\"more\">\n<summary>");
        esc(out, r->more_pairs);
        slant_buf_adds(out, "</summary>\n");
        pair_items(r, out, r->pairs_listed, r->npairlines);
        slant_buf_adds(out, "</details>\n");
    }
    if (r->strata_title) {
        slant_buf_adds(out, "<h3 id=\"h-strata\">");
        esc(out, r->strata_title);
        slant_buf_adds(out, "</h3>\n<p class=\"note\">");
        esc(out, r->strata_note);
        slant_buf_adds(out, "</p>\n");
        if (r->nstrata_sentences)
            slant_buf_adds(out, "<ul class=\"brief\">\n");
        for (size_t k = 0; k < r->nstrata_sentences; k++) {
            slant_buf_adds(out, "<li>");
            esc(out, r->strata_sentences[k]);
            slant_buf_adds(out, "</li>\n");
        }
        if (r->nstrata_sentences)
            slant_buf_adds(out, "</ul>\n");
        if (r->tables[r->strata_table].nrows) {
            table(r, out, &r->tables[r->strata_table]);
            table(r, out, &r->tables[r->strata_means_table]);
        }
        table(r, out, &r->tables[r->strata_counts_table]);
    }
    slant_buf_adds(out, "</section>\n");
}

static void actor_tables(const slant_report *r, slant_buf *out)
{
    /* Only when the data carries actor framing: nothing is shown without it. */
    if (!r->nactors)
        return;
    slant_buf_addf(out, "<h3 id=\"h-actors\">Which categories occur near each actor</h3>\n"
                        "<p class=\"note\">For each actor, the matches of each category in "
                        "sentences that mention it, per 100 mentions of the actor; darker is "
                        "more.</p>\n<div class=\"charts\">\n");
    for (size_t t = 0; t < r->nactors; t++) {
        char id[48];
        snprintf(id, sizeof id, "chart-actors-%zu", t + 1);
        slant_buf_adds(out, "<figure>\n<figcaption>");
        esc(out, r->sources[r->actors[t].source].name);
        slant_buf_adds(out, "</figcaption>\n");
        slant_svg_heatmap(r, t, id, out);
        slant_buf_adds(out, "\n</figure>\n");
    }
    slant_buf_adds(out, "</div>\n");
    for (size_t t = 0; t < r->nactors; t++)
        table(r, out, &r->tables[r->actors[t].table]);
}

static void labels_section(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<section id=\"labels\" aria-labelledby=\"h-labels\">\n"
                        "<h2 id=\"h-labels\">3. Who is called what</h2>\n");
    if (r->active) {
        slant_buf_adds(out, "<p class=\"note\">");
        esc(out, r->active);
        slant_buf_adds(out, "</p>\n");
    }
    if (r->no_concepts) {
        slant_buf_adds(out, "<p>");
        esc(out, r->no_concepts);
        slant_buf_adds(out, "</p>\n");
    } else {
        slant_buf_adds(out, "<h3 id=\"h-contested\">Contested labels</h3>\n"
                            "<p class=\"note\">Where one referent has several names, the "
                            "share of each name in each source's uses.</p>\n");
        size_t untested = 0;
        for (size_t k = 0; k < r->nconcepts; k++) {
            if (isnan(r->concepts[k].chi2)) {
                untested++;
                continue;
            }
            slant_buf_adds(out, "<p>");
            esc(out, r->concepts[k].sentence);
            slant_buf_adds(out, "</p>\n<div class=\"charts\"><figure>\n<figcaption>");
            esc(out, r->concepts[k].name);
            slant_buf_adds(out, "</figcaption>\n");
            char id[48];
            snprintf(id, sizeof id, "chart-concept-%zu", k + 1);
            slant_svg_shares(r, k, id, out);
            slant_buf_adds(out, "\n</figure></div>\n");
            table(r, out, &r->tables[r->concepts[k].table]);
        }
        if (untested) {
            slant_buf_adds(out, "<h4 id=\"h-contested-few\">");
            esc(out, r->untested_title);
            slant_buf_adds(out, "</h4>\n<ul class=\"brief\">\n");
            for (size_t k = 0; k < r->nconcepts; k++) {
                if (!isnan(r->concepts[k].chi2))
                    continue;
                slant_buf_adds(out, "<li>");
                esc(out, r->concepts[k].sentence);
                slant_buf_adds(out, "</li>\n");
            }
            slant_buf_adds(out, "</ul>\n");
        }
    }
    actor_tables(r, out);
    slant_buf_adds(out, "</section>\n");
}

static void attribution_section(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<section id=\"attribution\" aria-labelledby=\"h-attribution\">\n"
                        "<h2 id=\"h-attribution\">4. How they attribute</h2>\n");
    if (r->no_attribution) {
        slant_buf_adds(out, "<p>");
        esc(out, r->no_attribution);
        slant_buf_adds(out, "</p>\n</section>\n");
        return;
    }
    table(r, out, &r->tables[r->attribution_table]);
    if (r->has_verbs) {
        slant_buf_adds(out, "<h3 id=\"h-verbs\">Most used report verbs</h3>\n"
                            "<ul class=\"brief\">\n");
        for (size_t s = 0; s < r->nsources; s++) {
            const slant_report_attribution *a = &r->attribution[s];
            slant_buf_adds(out, "<li>");
            source_cell(out, r, s);
            slant_buf_adds(out, ": ");
            for (size_t k = 0; k < a->nverbs; k++) {
                if (k)
                    slant_buf_adds(out, ", ");
                term_link(out, r, a->verbs[k]);
                slant_buf_addc(out, ' ');
                esc(out, a->verb_notes[k]);
            }
            if (!a->nverbs)
                slant_buf_adds(out, "none");
            slant_buf_adds(out, "</li>\n");
        }
        slant_buf_adds(out, "</ul>\n");
    }
    if (r->pooled_note) {
        slant_buf_adds(out, "<p class=\"note\">");
        esc(out, r->pooled_note);
        slant_buf_adds(out, "</p>\n");
    }
    slant_buf_adds(out, "</section>\n");
}

/* Over time (compare --every, --split): a chart and a table per charted indicator, the
 * trend tests, the split. */
static void time_section(const slant_report *r, slant_buf *out)
{
    size_t tables[SLANT_REPORT_MAX_TIME_TABLES];
    size_t n = slant_report_time_tables(r, tables);
    if (!n)
        return;
    slant_buf_adds(out, "<section id=\"time\" aria-labelledby=\"h-time\">\n"
                        "<h2 id=\"h-time\">Over time</h2>\n");
    for (size_t k = 0; k < r->nperiod_tables; k++) {
        char id[48];
        snprintf(id, sizeof id, "chart-time-%zu", k + 1);
        slant_buf_adds(out, "<figure>\n<figcaption>");
        esc(out, r->tables[r->period_tables[k]].caption);
        slant_buf_adds(out, "</figcaption>\n");
        slant_svg_trend(r, k, id, out);
        slant_buf_adds(out, "\n</figure>\n");
    }
    for (size_t k = 0; k < n; k++)
        table(r, out, &r->tables[tables[k]]);
    slant_buf_adds(out, "</section>\n");
}

static void drivers_list(const slant_report *r, slant_buf *out)
{
    if (!r->nfindings)
        return;
    slant_buf_adds(out, "<h3 id=\"h-drivers\">Drivers of each difference</h3>\n"
                        "<p class=\"note\">The entries of the category with the largest "
                        "difference in rate per 1,000 words between the two, higher first; "
                        "linked to their evidence.</p>\n<ul class=\"drivers\">\n");
    for (size_t k = 0; k < r->nfindings; k++) {
        const slant_report_finding *f = &r->findings[k];
        if (!slant_report_listed(r, k) || (!f->ndrivers && r->has_keyness))
            continue; /* not listed, or not a lexicon category (an index, a share) */
        slant_buf_addf(out, "<li><a href=\"#finding-%zu\">", k + 1);
        esc(out, f->label);
        slant_buf_adds(out, "</a>, ");
        esc(out, slant_report_source_name(r, f->hi));
        slant_buf_adds(out, " vs ");
        esc(out, slant_report_source_name(r, f->lo));
        slant_buf_adds(out, ": ");
        for (size_t d = 0; d < f->ndrivers; d++) {
            if (d)
                slant_buf_adds(out, "; ");
            term_link(out, r, f->drivers[d].term);
            slant_buf_adds(out, " <span class=\"num\">");
            esc(out, f->drivers[d].rates);
            slant_buf_adds(out, "</span>");
        }
        if (!f->ndrivers)
            slant_buf_adds(out, "no entry data");
        slant_buf_adds(out, "</li>\n");
    }
    slant_buf_adds(out, "</ul>\n");
}

static void keyness_block(const slant_report *r, slant_buf *out)
{
    slant_buf_addf(out, "<h3 id=\"h-keyness\">Key terms of each %s</h3>\n", r->noun);
    if (r->no_keyness) {
        slant_buf_adds(out, "<p>");
        esc(out, r->no_keyness);
        slant_buf_adds(out, "</p>\n");
        return;
    }
    slant_buf_addf(out, "<p class=\"note\">The lexicon entries most over-represented in each "
                        "%s against %s, by log-likelihood G²; those with %s &ge; %g are not "
                        "significant (pale bars). Bars show the Log Ratio (the binary log of "
                        "the ratio of relative frequencies) with its %g%% interval.</p>\n"
                        "<div class=\"charts\">\n",
                   r->noun, r->rest, slant_report_q_name(r), r->opts.alpha,
                   100 * r->c->opts.level);
    for (size_t s = 0; s < r->nsources; s++) {
        if (!r->keyness[s].nterms)
            continue;
        char id[48];
        snprintf(id, sizeof id, "chart-key-%zu", s + 1);
        slant_buf_adds(out, "<figure>\n<figcaption>");
        source_cell(out, r, s);
        slant_buf_adds(out, "</figcaption>\n");
        slant_svg_keyness(r, s, id, out);
        slant_buf_adds(out, "\n</figure>\n");
    }
    slant_buf_adds(out, "</div>\n");
    for (size_t s = 0; s < r->nsources; s++) {
        const slant_report_keyness *k = &r->keyness[s];
        slant_buf_addf(out, "<h4 id=\"h-key-%zu\">", s + 1);
        esc(out, r->sources[s].name);
        slant_buf_adds(out, "</h4>\n");
        if (!k->nterms) {
            slant_buf_addf(out, "<p>No term is more frequent in this %s than elsewhere.</p>\n",
                           r->noun);
            continue;
        }
        table(r, out, &r->tables[k->table]);
    }
}

static void evidence_block(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<h3 id=\"h-evidence\">Evidence</h3>\n");
    if (r->evidence != SLANT_EVIDENCE_COLLECTED) {
        slant_buf_adds(out, "<p>");
        esc(out, r->method[r->nmethod - 1]);
        slant_buf_adds(out, "</p>\n");
        return;
    }
    slant_buf_addf(out, "<p class=\"note\">Up to %zu sentences per term, from different "
                        "articles, the match highlighted. Open a %s to read them; the links "
                        "above lead to them.</p>\n",
                   r->opts.snippets, r->noun);
    for (size_t s = 0; s < r->nsources; s++) {
        if (!slant_report_has_evidence(r, s))
            continue;
        size_t terms = 0, sentences = 0;
        for (size_t t = 0; t < r->nterms; t++)
            if (r->terms[t].source == s && r->terms[t].nsnippets) {
                terms++;
                sentences += r->terms[t].nsnippets;
            }
        slant_buf_addf(out, "<details class=\"evidence\">\n<summary><h4 id=\"h-evidence-%zu\">",
                       s + 1);
        esc(out, r->sources[s].name);
        slant_buf_addf(out, "</h4> <span class=\"note\">%zu term%s, %zu sentence%s</span>"
                            "</summary>\n",
                       terms, terms == 1 ? "" : "s", sentences, sentences == 1 ? "" : "s");
        for (size_t t = 0; t < r->nterms; t++) {
            const slant_report_term *x = &r->terms[t];
            if (x->source != s || !x->nsnippets)
                continue;
            slant_buf_addf(out, "<p class=\"term\" id=\"%s\"><strong>", x->anchor);
            esc(out, x->term);
            slant_buf_adds(out, "</strong> (");
            esc(out, x->category_label);
            slant_buf_adds(out, ")</p>\n<ul class=\"snippets\">\n");
            for (size_t k = 0; k < x->nsnippets; k++)
                snippet(out, &x->snippets[k]);
            slant_buf_adds(out, "</ul>\n");
        }
        slant_buf_adds(out, "</details>\n");
    }
}

static void terms_section(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<section id=\"terms\" aria-labelledby=\"h-terms\">\n"
                        "<h2 id=\"h-terms\">6. Which terms drive the differences</h2>\n");
    drivers_list(r, out);
    keyness_block(r, out);
    evidence_block(r, out);
    slant_buf_adds(out, "</section>\n");
}

static void items(slant_buf *out, const slant_report_item *x, size_t n)
{
    slant_buf_adds(out, "<dl class=\"kv\">\n");
    for (size_t k = 0; k < n; k++) {
        slant_buf_adds(out, "<dt>");
        esc(out, x[k].label);
        slant_buf_adds(out, "</dt><dd>");
        esc(out, x[k].value);
        slant_buf_adds(out, "</dd>\n");
    }
    slant_buf_adds(out, "</dl>\n");
}

static void method_section(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<section id=\"method\" aria-labelledby=\"h-method\">\n"
                        "<h2 id=\"h-method\">7. Provenance and method</h2>\n"
                        "<h3 id=\"h-provenance\">Provenance</h3>\n");
    items(out, r->provenance, r->nprovenance);
    if (r->nglossary) {
        slant_buf_adds(out, "<h3 id=\"h-glossary\">Indicators</h3>\n");
        items(out, r->glossary, r->nglossary);
    }
    slant_buf_adds(out, "<h3 id=\"h-notes\">Method notes</h3>\n");
    for (size_t k = 0; k < r->nmethod; k++) {
        slant_buf_adds(out, "<p>");
        esc(out, r->method[k]);
        slant_buf_adds(out, "</p>\n");
    }
    slant_buf_adds(out, "</section>\n");
}

void slant_report_write_html(const slant_report *r, slant_buf *out)
{
    slant_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\">\n<meta name=\"generator\" content=\"slant "
                        SLANT_VERSION "\">\n<title>");
    esc(out, r->title);
    slant_buf_adds(out, " – slant report</title>\n<style>\n");
    slant_buf_adds(out, css);
    slant_buf_adds(out, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(out, r->title);
    slant_buf_adds(out, "</h1>\n<p class=\"lede\">");
    esc(out, r->summary);
    slant_buf_addc(out, ' ');
    esc(out, r->count_sentence);
    slant_buf_adds(out, "</p>\n</header>\n");
    size_t time_tables[SLANT_REPORT_MAX_TIME_TABLES];
    slant_buf_addf(out, "<nav aria-labelledby=\"h-contents\">\n<h2 id=\"h-contents\">Contents"
                        "</h2>\n<ol>\n<li><a href=\"#differences\">Where they differ</a></li>\n"
                        "<li><a href=\"#sources\">Which %s were compared</a></li>\n"
                        "<li><a href=\"#labels\">Who is called what</a></li>\n"
                        "<li><a href=\"#attribution\">How they attribute</a></li>\n"
                        "<li><a href=\"#context\">%s</a></li>\n"
                        "%s"
                        "<li><a href=\"#terms\">Which terms drive the differences</a></li>\n"
                        "<li><a href=\"#method\">Provenance and method</a></li>\n</ol>\n</nav>\n"
                        "<main>\n",
                   r->nouns, r->context_title,
                   slant_report_time_tables(r, time_tables)
                       ? "<li><a href=\"#time\">Over time</a></li>\n"
                       : "");
    differences_section(r, out);
    sources_section(r, out);
    labels_section(r, out);
    attribution_section(r, out);
    context_section(r, out);
    time_section(r, out);
    terms_section(r, out);
    method_section(r, out);
    slant_buf_adds(out, "</main>\n<footer>\n<p>Made with slant " SLANT_VERSION
                        ". Indicators of word choice, not verdicts: read the evidence.</p>\n"
                        "</footer>\n</body>\n</html>\n");
}
