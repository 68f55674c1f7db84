/* Rows of scored articles (score_read.h): for each article, the row built from the scored
 * article itself, sent through bytes, makes the same dataset as reading the score record
 * written of it, bit for bit: names in order, values, entry counts, fields, dates, strata
 * and signatures. And the articles whose record only JSON can read are left to it. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "dataset_helpers.h"
#include "harness.h"
#include "record_json.h"
#include "score_json.h"
#include "score.h"
#include "score_read.h"
#include "xalloc.h"

static slant_lexicon *lex;
static slant_scorer *scorer;

typedef struct {
    const char *id, *source, *date, *event, *title;
    const char *topic;          /* kept field "topic" (a string), or NULL */
    const char *topic_json;     /* ...or as JSON (a number, an object): not a string */
    const char *text;
} article_spec;

static void make_article(slant_article *a, const article_spec *s)
{
    slant_article_init(a);
    a->text = xstrdup(s->text);
    a->text_len = strlen(s->text);
    a->id = s->id ? xstrdup(s->id) : NULL;
    a->source = s->source ? xstrdup(s->source) : NULL;
    a->date = s->date ? xstrdup(s->date) : NULL;
    a->event = s->event ? xstrdup(s->event) : NULL;
    a->title = s->title ? xstrdup(s->title) : NULL;
    a->fields = xcalloc(1, sizeof *a->fields);
    a->nfields = 1;
    a->fields[0].name = xstrdup("topic");
    a->fields[0].is_string = s->topic != NULL;
    a->fields[0].value = s->topic ? xstrdup(s->topic) : s->topic_json ? xstrdup(s->topic_json)
                                                                        : NULL;
}

/* Scores the articles and adds each to one dataset by its row and to another by its
 * record; checks they agree and that `want_rows` of them went as rows. */
static void both(const article_spec *specs, size_t n, const slant_score_fields *f,
                 int signature, size_t want_rows)
{
    const char *keep[] = { "topic" };
    slant_score_options o = { .format = SLANT_FORMAT_JSONL, .keep = keep, .nkeep = 1,
                              .signature = signature };
    slant_dataset *by_record = slant_dataset_new(), *by_row = slant_dataset_new();
    slant_score_parsed *p = slant_score_parsed_new(), *q = slant_score_parsed_new();
    slant_buf bytes, record;
    slant_buf_init(&bytes, SLANT_OUTPUT_MAX_BYTES);
    slant_buf_init(&record, SLANT_OUTPUT_MAX_BYTES);
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        slant_article a;
        make_article(&a, &specs[i]);
        slant_result r;
        slant_scorer_result(scorer, &a, "t.jsonl", (long)i + 1, &o, &r);
        slant_buf_reset(&record);
        slant_json_write_record(&r, &record);
        int had1 = 0, had2 = 0;
        slant_error err;
        slant_error_clear(&err);
        CHECK_INT(slant_json_read_score(record.data, record.len - 1, f, "t.jsonl", 1, by_record,
                                        &had1, &err), SLANT_OK);
        if (signature)
            CHECK_INT(slant_json_read_signature(record.data, record.len - 1, "t.jsonl", 1,
                                                by_record, slant_dataset_nrows(by_record) - 1,
                                                &err), 1);
        if (slant_score_parsed_of_result(p, &r, f)) {
            rows++;
            slant_buf_reset(&bytes);
            slant_buf_add(&bytes, "x", 1); /* not at the start of the bytes */
            slant_score_parsed_encode(p, &bytes);
            CHECK_INT(slant_score_parsed_decode(q, bytes.data + 1, bytes.len - 1), bytes.len - 1);
            CHECK_INT(slant_score_parsed_apply(q, NULL, 0, f, "t", 1, by_row, &had2, &err),
                      SLANT_OK);
            CHECK_INT(had2, had1);
        } else {
            CHECK_INT(slant_json_read_score(record.data, record.len - 1, f, "t.jsonl", 1,
                                            by_row, &had2, &err), SLANT_OK);
            if (signature)
                slant_json_read_signature(record.data, record.len - 1, "t.jsonl", 1, by_row,
                                          slant_dataset_nrows(by_row) - 1, &err);
        }
        slant_article_release(&a);
    }
    CHECK_INT(rows, want_rows);
    CHECK(slant_dataset_nrows(by_record) == n && slant_dataset_nentries(by_record) > 0);
    CHECK(dataset_same(by_record, by_row));
    slant_buf_release(&bytes);
    slant_buf_release(&record);
    slant_score_parsed_free(p);
    slant_score_parsed_free(q);
    slant_dataset_free(by_record);
    slant_dataset_free(by_row);
}

static const article_spec articles[] = {
    { "a1", "Northern Voice", "2025-03-01", "e1", "Radical thugs riot",
      "politics", NULL,
      "The radical regime's thugs stormed the square. \"They are terrorists,\" the minister "
      "claimed. Officials said the so-called 'peaceful' protest was a massacre. Critics "
      "allegedly hinted the government might perhaps respond. Clearly the rebels attacked." },
    { "a2", "S\xc3\xbc" "d \"Herald\"\\", "4 March 2025", NULL, NULL, NULL, "{\"x\":1}",
      "Militants and freedom fighters clashed; the occupation forces killed civilians. "
      "\"We will fight,\" said a spokesman. The separatists were slaughtered, the report "
      "said, and the settlers fled." },
    { "a3", "bad \xff utf8", "not a date", "e1", "", "t\xc3\xa9ma\n", NULL, "" },
    { NULL, NULL, NULL, NULL, NULL, NULL, "null",
      "Quiet day. Nothing happened at all in the town, the mayor said in a statement." },
    /* contested variants and actors ("contested", "actors") */
    { "a5", "Northern Voice", "2025-03-02", "e1", "Artsakh falls", "politics", NULL,
      "Azerbaijan liberated Shusha, Baku claimed; Armenian radicals called it the fall of "
      "Artsakh. Azerbaijani troops retook Shushi and Stepanakert. Aliyev praised the brutal "
      "liberation. Pashinyan said Armenia was attacked by the aggressor." },
};

static void rows_equal_records(void)
{
    size_t n = sizeof articles / sizeof articles[0];
    slant_score_fields by_source = { .by = "source", .event = "event" };
    both(articles, n, &by_source, 0, n);
    both(articles, n, &by_source, 1, n);
    slant_score_fields by_topic = { .by = "topic", .stratum = "topic" };
    both(articles, n, &by_topic, 0, n);
    slant_score_fields by_title = { .by = "title", .event = "lang", .stratum = "date" };
    both(articles, n, &by_title, 1, n);
    slant_score_fields by_missing = { .by = "nofield", .event = "url" };
    both(articles, n, &by_missing, 0, n);
}

static void some_records_only_json_reads(void)
{
    /* a number as the group: printed as cJSON prints it */
    static const article_spec numbered[] = {
        { "n1", "A", NULL, NULL, NULL, NULL, "7", "A radical plan." },
        { "n2", "A", NULL, NULL, NULL, NULL, "true", "A radical plan." },
        { "n3", "A", NULL, NULL, NULL, "x", NULL, "A radical plan." },
    };
    slant_score_fields by_topic = { .by = "topic" };
    both(numbered, 3, &by_topic, 0, 1);
    /* a binned date, a member of the record's own: never rows */
    slant_score_fields binned = { .by = "date", .bin = 2 };
    CHECK(!slant_score_rows_possible(&binned, "{}", 2));
    slant_score_fields by_file = { .by = "file" }, by_source = { .by = "source" };
    const char *rec = "{\"schema\":1,\"id\":\"a\",\"source\":null,\"file\":\"x\",\"tokens\":3}";
    CHECK(!slant_score_rows_possible(&by_file, rec, strlen(rec)));
    CHECK(slant_score_rows_possible(&by_source, rec, strlen(rec)));
    slant_score_fields by_tokens = { .by = "source", .stratum = "tokens" };
    CHECK(!slant_score_rows_possible(&by_tokens, rec, strlen(rec)));
}

void suite_score_row(void)
{
    lex = harness_load_lexicon("lexicons/en");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(rows_equal_records);
    RUN(some_records_only_json_reads);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
