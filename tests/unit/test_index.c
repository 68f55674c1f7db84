/* The loaded-language index (index.h): which categories count, the arithmetic against
 * hand-computed values, sentences, and the weights file with its errors. */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "article.h"
#include "harness.h"
#include "index.h"
#include "xalloc.h"

static slant_lexicon *lex;
static slant_scorer *scorer;

/* |got - want| within 1e-9 relative, or both NaN. */
#define CHECK_NEAR(got, want)                                                            \
    CHECK((isnan(got) && isnan(want)) ||                                                 \
          fabs((got) - (want)) <= 1e-9 * fmax(1.0, fabs(want)))

static const slant_category *category(const char *id)
{
    long i = slant_lexicon_find_category(lex, id);
    return i < 0 ? NULL : slant_lexicon_category(lex, (size_t)i);
}

static void which_categories_count(void)
{
    /* loaded: in; structural: out; a contested concept (group contested): out; an actor: out */
    CHECK(slant_category_in_index(category("labels")));
    CHECK(slant_category_in_index(category("victims")));
    CHECK(!slant_category_in_index(category("negators")));
    CHECK(!slant_category_in_index(category("boosters")));
    size_t concepts = 0, actors = 0;
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++) {
        const slant_category *c = slant_lexicon_category(lex, i);
        if (c->concept) {
            concepts++;
            CHECK_STR(c->group, "contested");
            CHECK(!slant_category_in_index(c));
        }
        if (c->actor) {
            actors++;
            CHECK(!slant_category_in_index(c));
        }
    }
    CHECK(concepts > 0 && actors > 0);
    slant_weights w;
    slant_weights_default(&w, lex);
    for (size_t i = 0; i < w.n; i++)
        CHECK_NEAR(w.w[i], slant_category_in_index(slant_lexicon_category(lex, i)) ? 1.0 : 0.0);
    CHECK(w.file == NULL && w.hash == NULL);
    slant_weights_release(&w);
}

static void arithmetic_by_hand(void)
{
    /* 3 weighted matches in 20 words, 1 of them in the 15 words of the author's voice,
     * 2 in the 5 quoted words. */
    slant_index x = slant_index_from_sums(3, 1, 2, 20, 5);
    CHECK_NEAR(x.all, 150.0);
    CHECK_NEAR(x.author, 1000.0 / 15);
    CHECK_NEAR(x.quoted, 400.0);
    /* No words: all three undefined. */
    x = slant_index_from_sums(0, 0, 0, 0, 0);
    CHECK(isnan(x.all) && isnan(x.author) && isnan(x.quoted));
    /* No quotation: quoted undefined, author equals the whole. */
    x = slant_index_from_sums(2, 2, 0, 8, 0);
    CHECK_NEAR(x.all, 250.0);
    CHECK_NEAR(x.author, 250.0);
    CHECK(isnan(x.quoted));
    /* All quoted: the author's voice undefined. */
    x = slant_index_from_sums(1, 0, 1, 4, 4);
    CHECK(isnan(x.author));
    CHECK_NEAR(x.quoted, 250.0);
    /* Negative weights give a negative index (a fitted weight may be negative). */
    x = slant_index_from_sums(-0.5, -0.5, 0, 10, 2);
    CHECK_NEAR(x.all, -50.0);
    CHECK_NEAR(x.author, -62.5);
    CHECK_NEAR(x.quoted, 0.0);
}

/* 9 words, 4 of them quoted speech ("The radical hate returns": longer than a scare
 * quote); labels: Radicals (author), radical and hate (quoted); victims: civilians
 * (author); "said" matches nothing here. */
static const char *const TEXT =
    "Radicals attacked civilians. \"The radical hate returns,\" she said.";

static void article_default_weights(void)
{
    harness_score(scorer, TEXT);
    const slant_record *r = slant_scorer_record(scorer);
    CHECK_INT(r->tokens, 9);
    CHECK_INT(r->quote_tokens, 4);
    CHECK_NEAR(r->index.all, 1000.0 * 4 / 9);
    CHECK_NEAR(r->index.author, 1000.0 * 2 / 5);
    CHECK_NEAR(r->index.quoted, 1000.0 * 2 / 4);
    /* A scare quote is the author's own word choice (frame.h): no quoted speech here. */
    harness_score(scorer, "Critics call the plan a \"radical\" idea.");
    r = slant_scorer_record(scorer);
    CHECK_INT(r->quote_tokens, 0);
    CHECK_NEAR(r->index.author, 1000.0 * 1 / 7);
    CHECK(isnan(r->index.quoted));
    harness_score(scorer, "");
    r = slant_scorer_record(scorer);
    CHECK(isnan(r->index.all) && isnan(r->index.author) && isnan(r->index.quoted));
}

/* A stretch of words in two index categories counts once (index.h): "hate crime" is a
 * label and a victim term of the test lexicon; the index counts it in labels, listed
 * first, and the record still reports both. */
static void counted_once(void)
{
    harness_score(scorer, "A radical hate crime.");
    const slant_record *r = slant_scorer_record(scorer);
    long labels = slant_lexicon_find_category(lex, "labels");
    long victims = slant_lexicon_find_category(lex, "victims");
    CHECK_INT(r->tokens, 4);
    CHECK_INT(r->cats[labels].count, 2);
    CHECK_INT(r->cats[victims].count, 1);
    CHECK_INT(r->cats[labels].indexed, 2);
    CHECK_INT(r->cats[victims].indexed, 0);
    CHECK_NEAR(r->index.all, 1000.0 * 2 / 4);
    /* A shorter match inside a longer one of another category: "crime" alone would be
     * covered too; here only the equal spans decide, by the lexicon's order. */
    slant_match m[] = {
        { .category = (uint32_t)labels, .first_token = 1, .ntokens = 2 },
        { .category = (uint32_t)victims, .first_token = 2, .ntokens = 1 },
        { .category = (uint32_t)victims, .first_token = 3, .ntokens = 2 },
        { .category = (uint32_t)labels, .first_token = 3, .ntokens = 2 },
    };
    slant_weights w;
    slant_weights_default(&w, lex);
    CHECK(slant_index_counts(&w, m, 4, 0));   /* longest */
    CHECK(!slant_index_counts(&w, m, 4, 1));  /* inside the longer label */
    CHECK(!slant_index_counts(&w, m, 4, 2));  /* same words, victims listed after labels */
    CHECK(slant_index_counts(&w, m, 4, 3));
    slant_weights_release(&w);
}

static const char *const WEIGHTS_FMT =
    "{\"schema\": 1, \"kind\": \"slant-weights\",\n"
    " \"lexicon\": {\"id\": \"slant-test\", \"version\": \"1\", \"hash\": \"%s\"},\n"
    " \"unit\": \"sentence\", \"feature\": \"rate_per_1000\", \"intercept\": -1.2,\n"
    " \"weights\": {%s}}\n";

/* Parses a weights file of `weights` members for `hash` (NULL: the lexicon's). */
static slant_status parse(const char *hash, const char *weights, slant_weights *w,
                          slant_error *err)
{
    char text[2048];
    snprintf(text, sizeof text, WEIGHTS_FMT, hash ? hash : slant_lexicon_hash(lex), weights);
    slant_error_clear(err);
    return slant_weights_parse(w, text, strlen(text), "w.json", lex, err);
}

static void article_with_weights(void)
{
    slant_weights w;
    slant_error err;
    CHECK_INT(parse(NULL, "\"labels\": 0.5, \"victims\": 2", &w, &err), SLANT_OK);
    CHECK_STR(w.file, "w.json");
    CHECK(w.hash && strncmp(w.hash, "fnv1a64:", 8) == 0 && strlen(w.hash) == 24);
    CHECK_STR(w.unit, "sentence");
    CHECK_NEAR(w.intercept, -1.2);
    slant_scorer_set_weights(scorer, &w);
    harness_score(scorer, TEXT);
    const slant_record *r = slant_scorer_record(scorer);
    CHECK_NEAR(r->index.all, 1000.0 * (3 * 0.5 + 2) / 9);
    CHECK_NEAR(r->index.author, 1000.0 * (0.5 + 2) / 5);
    CHECK_NEAR(r->index.quoted, 1000.0 * (2 * 0.5) / 4);
    slant_weights_release(&w);
    /* A category the file does not name weighs 0. */
    CHECK_INT(parse(NULL, "\"victims\": 3", &w, &err), SLANT_OK);
    slant_scorer_set_weights(scorer, &w);
    harness_score(scorer, TEXT);
    r = slant_scorer_record(scorer);
    CHECK_NEAR(r->index.all, 1000.0 * 3 / 9);
    CHECK_NEAR(r->index.quoted, 0.0);
    slant_scorer_set_weights(scorer, NULL);
    slant_weights_release(&w);
}

/* Scores `text` and keeps it alive (the sentences read their bytes) until the next call. */
static slant_article kept;

static void score_kept(const char *text)
{
    slant_article_release(&kept);
    slant_article_init(&kept);
    kept.text = xstrdup(text);
    kept.text_len = strlen(text);
    slant_scorer_score(scorer, &kept);
}

static void sentences_and_their_bytes(void)
{
    score_kept(TEXT);
    const slant_doc *d = slant_scorer_doc(scorer);
    const uint8_t *speech = slant_scorer_frame(scorer)->speech;
    const slant_matches *m = slant_scorer_matches(scorer);
    slant_weights w;
    slant_weights_default(&w, lex);
    CHECK_INT(d->nsentences, 2);
    size_t cursor = 0;
    slant_sentence_unit u;
    slant_sentence_unit_of(d, speech, m, &w, 0, &cursor, &u);
    CHECK_INT(u.start, 0);
    CHECK_INT(u.end, strlen("Radicals attacked civilians."));
    CHECK_INT(u.tokens, 3);
    CHECK_INT(u.quote_tokens, 0);
    CHECK_INT(u.nmatches, 2);
    CHECK_NEAR(u.index.all, 1000.0 * 2 / 3);
    CHECK_NEAR(u.index.author, 1000.0 * 2 / 3);
    CHECK(isnan(u.index.quoted));
    slant_sentence_unit_of(d, speech, m, &w, 1, &cursor, &u);
    /* The opening quote mark and the final period belong to the sentence. */
    CHECK_INT(u.start, strlen("Radicals attacked civilians. "));
    CHECK_INT(u.end, strlen(TEXT));
    CHECK_INT(u.tokens, 6);
    CHECK_INT(u.quote_tokens, 4);
    CHECK_INT(u.first_match + u.nmatches, m->n);
    CHECK_NEAR(u.index.all, 1000.0 * 2 / 6);
    CHECK_NEAR(u.index.author, 0.0);
    CHECK_NEAR(u.index.quoted, 1000.0 * 2 / 4);

    /* Marks attached to the words go with them; white space between sentences to none. */
    static const char two[] = "He left (quickly)...  \"Radicals!\" she said.\n";
    score_kept(two);
    d = slant_scorer_doc(scorer);
    speech = slant_scorer_frame(scorer)->speech;
    CHECK_INT(d->nsentences, 2);
    cursor = 0;
    slant_sentence_unit_of(d, speech, slant_scorer_matches(scorer), &w, 0, &cursor, &u);
    CHECK_INT(u.start, 0);
    CHECK_INT(u.end, strlen("He left (quickly)..."));
    slant_sentence_unit_of(d, speech, slant_scorer_matches(scorer), &w, 1, &cursor, &u);
    CHECK_INT(u.start, strlen("He left (quickly)...  "));
    CHECK_INT(u.end, strlen(two) - 1);
    CHECK_INT(u.nmatches, 1);
    slant_weights_release(&w);
}

/* The error message of parsing a weights file of `weights` for `hash`. */
static const char *problem(const char *hash, const char *weights, long *line)
{
    static char text[1200];
    slant_weights w;
    slant_error err;
    if (parse(hash, weights, &w, &err) == SLANT_OK) {
        slant_weights_release(&w);
        return "(accepted)";
    }
    CHECK(w.w == NULL);
    *line = err.line;
    CHECK_STR(err.file, "w.json");
    snprintf(text, sizeof text, "%s", err.message);
    return text;
}

static void weights_file_errors(void)
{
    long line = 0;
    CHECK(strstr(problem(NULL, "\"nonesuch\": 1", &line), "unknown category 'nonesuch'"));
    CHECK_INT(line, 4);
    CHECK(strstr(problem(NULL, "\"negators\": 1", &line),
                 "category 'negators' is not in the loaded-language index"));
    CHECK(strstr(problem(NULL, "\"varenia\": 1", &line), "an actor"));
    CHECK(strstr(problem(NULL, "\"labels\": \"1\"", &line), "not a finite number"));
    CHECK(strstr(problem(NULL, "\"labels\": 1, \"labels\": 2", &line), "two weights"));
    const char *msg = problem("fnv1a64:0000000000000000", "\"labels\": 1", &line);
    CHECK(strstr(msg, "fnv1a64:0000000000000000"));
    CHECK(strstr(msg, slant_lexicon_hash(lex)));

    slant_weights w;
    slant_error err;
    static const char bad_json[] = "{\"schema\": 1,\n \"kind\": \"slant-weights\",\n \"weights\": {]}";
    CHECK_INT(slant_weights_parse(&w, bad_json, strlen(bad_json), "w.json", lex, &err),
              SLANT_ERR_INPUT);
    CHECK_INT(err.line, 3);
    CHECK(err.col > 0);
    CHECK(strstr(err.message, "invalid JSON"));
    static const char no_kind[] = "{\"schema\": 1, \"weights\": {}}";
    CHECK_INT(slant_weights_parse(&w, no_kind, strlen(no_kind), "w.json", lex, &err),
              SLANT_ERR_INPUT);
    CHECK(strstr(err.message, "slant-weights"));
    static const char no_hash[] = "{\"schema\": 1, \"kind\": \"slant-weights\", \"weights\": {}}";
    CHECK_INT(slant_weights_parse(&w, no_hash, strlen(no_hash), "w.json", lex, &err),
              SLANT_ERR_INPUT);
    CHECK(strstr(err.message, "no lexicon hash"));
    CHECK_INT(slant_weights_load(&w, "tests/data/no-such-weights.json", lex, &err),
              SLANT_ERR_IO);
}

static void weights_file_of_the_tests(void)
{
    slant_weights w;
    slant_error err;
    slant_error_clear(&err);
    /* Its hash is the test lexicon's (with its actors): it must load. */
    CHECK_INT(slant_weights_load(&w, "tests/data/weights-test.json", lex, &err), SLANT_OK);
    if (!w.w)
        return;
    CHECK_NEAR(w.w[slant_lexicon_find_category(lex, "labels")], 0.5);
    CHECK_NEAR(w.w[slant_lexicon_find_category(lex, "victims")], 2.0);
    CHECK_NEAR(w.w[slant_lexicon_find_category(lex, "negators")], 0.0);
    CHECK_STR(w.file, "tests/data/weights-test.json");
    slant_weights_release(&w);
}

void suite_index(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-test");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(which_categories_count);
    RUN(arithmetic_by_hand);
    RUN(article_default_weights);
    RUN(counted_once);
    RUN(article_with_weights);
    RUN(sentences_and_their_bytes);
    RUN(weights_file_errors);
    RUN(weights_file_of_the_tests);
    slant_article_release(&kept);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
