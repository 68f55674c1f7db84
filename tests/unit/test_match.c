#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "harness.h"
#include "lexicon.h"
#include "score.h"
#include "xalloc.h"

static slant_lexicon *lex;
static slant_scorer *scorer;
static const char *current;

/* Scores `text` with the test lexicon. */
static const slant_matches *score(const char *text)
{
    current = text;
    harness_score(scorer, text);
    return slant_scorer_matches(scorer);
}

/* The matches as "category:surface[flags]" joined by spaces; flags n b q. */
static const char *summary(const slant_matches *m)
{
    static char out[2048];
    const slant_doc *d = slant_scorer_doc(scorer);
    out[0] = '\0';
    for (size_t k = 0; k < m->n; k++) {
        const slant_match *x = &m->items[k];
        const slant_token *first = &d->tokens[x->first_token];
        const slant_token *last = &d->tokens[x->first_token + x->ntokens - 1];
        char one[256];
        snprintf(one, sizeof one, "%s%s:%.*s%s%s%s", k ? " " : "",
                 slant_lexicon_category(lex, x->category)->id,
                 (int)(last->end - first->start), current + first->start,
                 x->negated ? "[n]" : "", x->boosted ? "[b]" : "", first->quote ? "[q]" : "");
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    return out;
}

static void stems_prefixes_and_exact_forms(void)
{
    CHECK_STR(summary(score("Radicals and terrorists met the RADICAL terror cell.")),
              "labels:Radicals labels:terrorists labels:RADICAL labels:terror");
    /* Exact entries take no stemming: "Artsakh's" is another form. */
    CHECK_STR(summary(score("Artsakh, not Artsakh's.")),
              "labels:Artsakh region_name:Artsakh negators:not");
    /* İlham folds to ilham; an exact entry written İlham matches Ilham too. */
    CHECK_STR(summary(score("Ilham and \xC4\xB0lham")), "victims:Ilham victims:\xC4\xB0lham");
}

static void expressions_longest_first(void)
{
    CHECK_STR(summary(score("This was ethnic cleansing, an ethnic group.")),
              "labels:ethnic cleansing");
    /* "hate crime" beats "hate" in labels; victims counts it as well. */
    CHECK_STR(summary(score("a hate crime and hate")),
              "labels:hate crime victims:hate crime labels:hate");
    /* A hyphenated entry matches the spaced form and the hyphenated form. */
    CHECK_STR(summary(score("a cease fire, a cease-fire, a so-called truce")),
              "labels:cease fire labels:cease-fire labels:so-called");
    /* An expression never spans two sentences. */
    CHECK_STR(summary(score("It was ethnic. Cleansing came later.")), "");
}

static void negation_and_boosting(void)
{
    CHECK_STR(summary(score("They are not radical.")), "negators:not labels:radical[n]");
    CHECK_STR(summary(score("never a very radical group")),
              "negators:never boosters:very[n] labels:radical[n][b]");
    /* A clause boundary stops negation; so does distance (more than three words). */
    CHECK_STR(summary(score("Not at all, radical.")), "negators:Not labels:radical");
    CHECK_STR(summary(score("not one of those many radical")), "negators:not labels:radical");
    CHECK_STR(summary(score("no longer radical")), "negators:no longer labels:radical[n]");
    CHECK_STR(summary(score("They didn\xE2\x80\x99t attack civilians")),
              "negators:didn\xE2\x80\x99t victims:civilians[n]");
}

static void author_voice_and_quotes(void)
{
    CHECK_STR(summary(score("Radical, they said: \"radical civilians\" and 'hate'.")),
              "labels:Radical labels:radical[q] victims:civilians[q] labels:hate[q]");
    const slant_record *r = slant_scorer_record(scorer);
    /* 'hate' has no speaker: a scare quote, the author's own word (frame.h), so its
     * match is the author's and its word is not quoted speech */
    CHECK_INT(r->cats[0].count, 3);
    CHECK_INT(r->cats[0].author, 2);
    CHECK_INT(r->cats[0].quoted, 1);
    CHECK_INT(r->quote_tokens, 2);
    CHECK_INT(r->tokens, 7);
    CHECK_INT(r->matched_tokens, 4);
}

static void weights_and_counts(void)
{
    score("Brutal, brutally brutal.");
    const slant_record *r = slant_scorer_record(scorer);
    CHECK_INT(r->cats[0].count, 3);
    CHECK(r->cats[0].score == 6.0);
    score("");
    r = slant_scorer_record(scorer);
    CHECK_INT(r->tokens, 0);
    CHECK_INT(r->cats[0].count, 0);
}

static void headline_and_lead(void)
{
    slant_article a;
    slant_article_init(&a);
    a.title = xstrdup("Radical hate crime");
    a.text = xstrdup("A radical said it. Then a radical. Third radical.");
    a.text_len = strlen(a.text);
    slant_scorer_score(scorer, &a);
    const slant_record *r = slant_scorer_record(scorer);
    CHECK_INT(r->headline_tokens, 3);
    CHECK_INT(r->lead_tokens, 7);
    CHECK_INT(r->cats[0].count, 3);     /* the text only */
    CHECK_INT(r->cats[0].lead, 2);      /* the first two sentences */
    CHECK_INT(r->cats[0].headline, 2);  /* "Radical", "hate crime" */
    CHECK_INT(r->cats[1].headline, 1);
    CHECK(slant_scorer_headline(scorer) != NULL);
    slant_article_release(&a);
    score("No title here.");
    CHECK(slant_scorer_headline(scorer) == NULL);
    CHECK_INT(slant_scorer_record(scorer)->headline_tokens, 0);
}

static void contested_variants(void)
{
    CHECK_STR(summary(score("Artsakh, or Nagorno-Karabakh: the Karabakh region was captured.")),
              "labels:Artsakh region_name:Artsakh region_name:Nagorno-Karabakh "
              "region_name:Karabakh region takeover:captured");
}

static void cache_stems_each_form_once(void)
{
    size_t before = slant_scorer_stemmed(scorer);
    score("zebra zebra zebra Zebra zebra ZEBRA Zebra");
    CHECK_INT(slant_scorer_stemmed(scorer) - before, 3); /* one per form of its bytes */
}

void suite_match(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-test");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(stems_prefixes_and_exact_forms);
    RUN(expressions_longest_first);
    RUN(negation_and_boosting);
    RUN(author_voice_and_quotes);
    RUN(weights_and_counts);
    RUN(headline_and_lead);
    RUN(contested_variants);
    RUN(cache_stems_each_form_once);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
