/* The per-article record (record.h): sizes, the voice of each match, negation, rates. */

#include <math.h>
#include <string.h>

#include "harness.h"
#include "record.h"
#include "score.h"

static slant_lexicon *lex;
static slant_scorer *scorer;

/* The index of category `id` in the test lexicon. */
static size_t cat(const char *id)
{
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++)
        if (!strcmp(slant_lexicon_category(lex, i)->id, id))
            return i;
    CHECK(!"a category of the test lexicon");
    return 0;
}

static void rate_per_1000(void)
{
    CHECK(fabs(slant_rate_per_1000(3, 1500) - 2.0) < 1e-12);
    CHECK(slant_rate_per_1000(0, 10) == 0.0);
    CHECK(isnan(slant_rate_per_1000(0, 0))); /* no words: undefined, not 0 */
}

/* Words, sentences, quotations; each match counted once, in the author's voice or in
 * quoted speech; a negator before a label negates it. */
static void sizes_and_voices(void)
{
    harness_score(scorer, "Not a radical plan. \"They are brutal and radical people,\" she "
                          "said. Never again.");
    const slant_record *r = slant_scorer_record(scorer);
    CHECK_INT(r->tokens, 14);
    CHECK_INT(r->sentences, 3);
    CHECK_INT(r->quotes, 1);
    CHECK_INT(r->quote_tokens, 6);
    const slant_category_stats *labels = &r->cats[cat("labels")];
    CHECK_INT(labels->count, 3);
    CHECK_INT(labels->author, 1);
    CHECK_INT(labels->quoted, 2);
    CHECK_INT(labels->negated, 1);
    CHECK(fabs(labels->score - 4.0) < 1e-12); /* radical 1, brutal 2, radical 1 */
    CHECK_INT(r->cats[cat("negators")].count, 2);
    CHECK_INT(r->cats[cat("victims")].count, 0);
    CHECK_INT(r->matched_tokens, 5);
    CHECK_INT(r->invalid_utf8, 0);
}

/* Scoring again replaces what the record held. */
static void replaced_by_the_next_article(void)
{
    harness_score(scorer, "A radical, brutal plan.");
    harness_score(scorer, "A calm plan.");
    const slant_record *r = slant_scorer_record(scorer);
    CHECK_INT(r->tokens, 3);
    CHECK_INT(r->cats[cat("labels")].count, 0);
    CHECK_INT(r->matched_tokens, 0);
    harness_score(scorer, "");
    r = slant_scorer_record(scorer);
    CHECK_INT(r->tokens, 0);
    CHECK_INT(r->sentences, 0);
}

void suite_record(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-test");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(rate_per_1000);
    RUN(sizes_and_voices);
    RUN(replaced_by_the_next_article);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
