/* The explain view (explain.h): what `slant explain` shows of one article, as data and as
 * text and HTML; on the framing test lexicon (two fictional actors). */

#include <stdio.h>
#include <string.h>

#include "article.h"
#include "explain.h"
#include "harness.h"
#include "xalloc.h"

static slant_lexicon *lex;
static slant_scorer *scorer;
static slant_explain view;
static slant_article art;

/* Scores `text` as an article with id "a1" and builds its view; the article lives until
 * the next call (the view borrows its text). */
static const slant_explain *explain(const char *text)
{
    slant_article_release(&art);
    slant_article_init(&art);
    art.text = xstrdup(text);
    art.text_len = strlen(text);
    art.id = xstrdup("a1");
    slant_scorer_score(scorer, &art);
    slant_explain_build(&view, lex, scorer, &art, "file.txt");
    return &view;
}

static const char *cell(slant_explain_section t, size_t row, size_t col)
{
    return slant_explain_cell(&view, t, row, col);
}

/* The row of the Matches table whose text is `surface`, or SIZE_MAX. */
static size_t match_row(const char *surface)
{
    for (size_t r = 0; r < view.tables[SLANT_EXPLAIN_MATCHES].nrows; r++)
        if (!strcmp(cell(SLANT_EXPLAIN_MATCHES, r, 1), surface))
            return r;
    return SIZE_MAX;
}

static const char *nearest(const char *surface)
{
    size_t r = match_row(surface);
    return r == SIZE_MAX ? "(no such match)" : cell(SLANT_EXPLAIN_MATCHES, r, 6);
}

static void tables_of_an_article(void)
{
    const slant_explain *x = explain("Varenian radicals attacked Ostrani villages, officials "
                                     "said. \"Calvor clearly wants war,\" said Tomas Rell.");
    CHECK_STR(x->title, "a1 (source: unknown)");
    size_t r = match_row("radicals");
    CHECK(r != SIZE_MAX);
    CHECK_STR(cell(SLANT_EXPLAIN_MATCHES, r, 2), "labels");
    CHECK_STR(cell(SLANT_EXPLAIN_MATCHES, r, 3), "radical");
    CHECK_STR(cell(SLANT_EXPLAIN_MATCHES, r, 4), "author");
    CHECK_STR(cell(SLANT_EXPLAIN_MATCHES, r, 5), "");
    /* the number is the match's, 1-based */
    char num[24];
    snprintf(num, sizeof num, "%zu", r + 1);
    CHECK_STR(cell(SLANT_EXPLAIN_MATCHES, r, 0), num);
    CHECK_STR(nearest("radicals"), "varenia (1 words)");
    CHECK_STR(nearest("attacked"), "ostrania (1 words)"); /* Ostrani right after, Varenian 2 before */
    CHECK_STR(nearest("clearly"), "varenia (1 words)");
    CHECK_STR(cell(SLANT_EXPLAIN_MATCHES, match_row("clearly"), 4), "quoted"); /* so certainty 0 */
    CHECK_STR(nearest("Varenian"), "ostrania (3 words)"); /* an actor is not near itself */

    CHECK_INT(x->tables[SLANT_EXPLAIN_QUOTATIONS].nrows, 1);
    CHECK_STR(cell(SLANT_EXPLAIN_QUOTATIONS, 0, 1), "Tomas Rell");
    CHECK_STR(cell(SLANT_EXPLAIN_QUOTATIONS, 0, 2), "said (neutral)");
    CHECK_STR(cell(SLANT_EXPLAIN_QUOTATIONS, 0, 3), "4");
    CHECK_STR(cell(SLANT_EXPLAIN_QUOTATIONS, 0, 4), "ostrania");
    CHECK_STR(cell(SLANT_EXPLAIN_QUOTATIONS, 0, 5), "Calvor clearly wants war");
    CHECK_INT(x->tables[SLANT_EXPLAIN_SCARE].nrows, 0);

    /* both actors, in the lexicon's order */
    CHECK_INT(x->tables[SLANT_EXPLAIN_ACTORS].nrows, 2);
    CHECK_STR(cell(SLANT_EXPLAIN_ACTORS, 0, 0), "varenia");
    CHECK_STR(cell(SLANT_EXPLAIN_ACTORS, 0, 1), "2");   /* Varenian, Calvor */
    CHECK_STR(cell(SLANT_EXPLAIN_ACTORS, 1, 0), "ostrania");
    CHECK_STR(cell(SLANT_EXPLAIN_ACTORS, 1, 2), "1");   /* Tomas Rell speaks */

    /* indicators: categories with matches, actors left out */
    const slant_explain_table *ind = &x->tables[SLANT_EXPLAIN_INDICATORS];
    int labels = 0;
    for (size_t i = 0; i < ind->nrows; i++) {
        CHECK(strcmp(cell(SLANT_EXPLAIN_INDICATORS, i, 0), "varenia") != 0);
        if (!strcmp(cell(SLANT_EXPLAIN_INDICATORS, i, 0), "labels")) {
            labels = 1;
            CHECK_STR(cell(SLANT_EXPLAIN_INDICATORS, i, 1), "1");
            CHECK_STR(cell(SLANT_EXPLAIN_INDICATORS, i, 2), "71.43"); /* 1 of 14 words */
        }
    }
    CHECK(labels);
    CHECK_STR(x->summary, "14 words (4 in quotations), 1 quotations (1 attributed, 1 speakers, "
                          "0 loaded report verbs, 0 anonymous), 0 scare quotes, certainty 0.00 "
                          "(hedges 0.00, assertives 0.00 per 1,000 words of the author's voice)");
    /* past the last row, an empty cell */
    CHECK_STR(cell(SLANT_EXPLAIN_QUOTATIONS, 5, 0), "");
}

/* Nearest actor: same sentence only; of two equally near, the first in match order. */
static void nearest_actor_rules(void)
{
    explain("Miresk thugs. Varenia radicals Ostrania.");
    CHECK_STR(nearest("thugs"), "ostrania (1 words)");
    CHECK_STR(nearest("radicals"), "varenia (1 words)");
    explain("Calvor says the radicals left. Thugs came.");
    CHECK_STR(nearest("radicals"), "varenia (3 words)");
    CHECK_STR(nearest("Thugs"), "-");
}

static void marks_after_each_match(void)
{
    const slant_explain *x = explain("Radical thugs & extremists <b>.");
    CHECK_INT(x->nmarks, 3);
    slant_buf out;
    slant_buf_init(&out, 1 << 20);
    slant_explain_write(x, SLANT_EXPLAIN_TEXT, &out);
    CHECK(strstr(out.data, "a1 (source: unknown)\n\nRadical[1] thugs[2] & extremists[3] <b>.\n")
          == out.data);
    CHECK(strstr(out.data, "\nMatches\n  #                  text               category") != NULL);
    CHECK(strstr(out.data, "\x1b[") == NULL);
    slant_buf_reset(&out);
    slant_explain_write(x, SLANT_EXPLAIN_COLOUR, &out);
    CHECK(strstr(out.data, "Radical\x1b[1;33m[1]\x1b[0m") != NULL);
    slant_buf_reset(&out);
    slant_explain_write(x, SLANT_EXPLAIN_HTML, &out);
    CHECK(strstr(out.data, "<section>\n<h1>a1 (source: unknown)</h1>\n<p class=\"article\">"
                           "Radical<sup>1</sup> thugs<sup>2</sup> &amp; extremists<sup>3</sup> "
                           "&lt;b&gt;.</p>\n") == out.data);
    CHECK(strstr(out.data, "<h2>Matches</h2>\n<table>\n<tr><th scope=\"col\">#</th>") != NULL);
    slant_buf_release(&out);
}

void suite_explain(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-frame");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    slant_explain_init(&view);
    slant_article_init(&art);
    RUN(tables_of_an_article);
    RUN(nearest_actor_rules);
    RUN(marks_after_each_match);
    slant_article_release(&art);
    slant_explain_release(&view);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
