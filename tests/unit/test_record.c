/* The per-article record (record.h): sizes, the voice of each match, negation, rates. */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "record.h"
#include "score.h"
#include "xalloc.h"

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

/* What the walks of record.h gave, as "owner/name/count" lines. */
typedef struct {
    char text[1024];
    size_t len;
} walked;

static void walked_add(walked *w, const char *owner, const char *name, size_t count)
{
    int n = snprintf(w->text + w->len, sizeof w->text - w->len, "%s/%s/%zu\n", owner, name,
                     count);
    CHECK(n > 0 && (size_t)n < sizeof w->text - w->len);
    if (n > 0 && (size_t)n < sizeof w->text - w->len)
        w->len += (size_t)n;
}

static void on_entry(const slant_record_entry *e, void *ctx)
{
    walked_add(ctx, e->category, e->entry, e->count);
}

static void on_variant(const slant_record_variant *v, void *ctx)
{
    walked_add(ctx, v->concept, v->variant->stance, v->count);
}

static void on_actor(const char *actor, const slant_actor_stats *s, void *ctx)
{
    walked_add(ctx, actor, "mentions", s->mentions);
}

/* The matched entries in the order of first matches (contested variants left out, actor
 * aliases in), the contested variants in lexicon order, the actors the text mentions, the
 * record's language, the categories it counts by name. */
static void what_a_record_holds(void)
{
    slant_article a;
    slant_article_init(&a);
    a.text = xstrdup("Varenian radicals occupied Artsakh. Calvor called it brutal terror; "
                     "radical Varenia captured it, the Artsakh radicals said.");
    a.text_len = strlen(a.text);
    slant_score_options o = { .format = SLANT_FORMAT_JSONL };
    slant_result r;
    slant_scorer_result(scorer, &a, "t.txt", 0, &o, &r);
    walked w = { "", 0 };
    slant_record_visit_entries(&r, on_entry, &w);
    CHECK_STR(w.text, "varenia/Varenian*/1\nlabels/radical/3\nlabels/=Artsakh/2\n"
                      "varenia/Calvor/1\nlabels/brutal/1\nlabels/terror*/1\n"
                      "varenia/Varenia/1\n");
    w.len = 0;
    w.text[0] = '\0';
    slant_record_visit_contested(&r, on_variant, &w);
    CHECK_STR(w.text, "region_name/side_a/2\ntakeover/neutral/1\ntakeover/side_a/1\n");
    w.len = 0;
    w.text[0] = '\0';
    slant_record_visit_actors(&r, on_actor, &w);
    CHECK_STR(w.text, "varenia/mentions/3\n"); /* not ostrania: not mentioned */
    CHECK_STR(slant_record_lang(&r), "en");   /* the lexicon's */
    CHECK(slant_record_lists_category(slant_lexicon_category(lex, cat("labels"))));
    CHECK(!slant_record_lists_category(slant_lexicon_category(lex, cat("region_name"))));
    CHECK(!slant_record_lists_category(slant_lexicon_category(lex, cat("varenia"))));
    slant_article_set(&a, "lang", 4, "de", 2);
    slant_scorer_result(scorer, &a, "t.txt", 0, &o, &r);
    CHECK_STR(slant_record_lang(&r), "de");
    slant_article_release(&a);
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
    RUN(what_a_record_holds);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
