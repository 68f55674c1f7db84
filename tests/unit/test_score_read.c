/* The fast score-record reader (score_read.h) against score_json.c's slant_json_read_score: the
 * same dataset, status, error message and keyness flag for every record, and the records
 * it hands on are the ones it should. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "dataset_helpers.h"
#include "harness.h"
#include "score_json.h"
#include "score_read.h"

/* Reads `lines` (records separated by newlines) with both readers; checks they agree and
 * that the fast reader handed `want_fallbacks` of them to score_json.c. */
static void both(const char *lines, const char *event, size_t want_fallbacks)
{
    slant_score_fields f = { .by = "source", .event = event };
    slant_dataset *old = slant_dataset_new(), *now = slant_dataset_new();
    slant_score_reader *reader = slant_score_reader_new();
    int had_old = 0, had_now = 0;
    long lineno = 0;
    for (const char *p = lines; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = malloc(len + 1);
        memcpy(line, p, len);
        line[len] = '\0';
        lineno++;
        slant_error e1, e2;
        slant_error_clear(&e1);
        slant_error_clear(&e2);
        slant_status s1 = slant_json_read_score(line, len, &f, "t.jsonl", lineno, old,
                                                &had_old, &e1);
        slant_status s2 = slant_score_reader_read(reader, line, len, &f, "t.jsonl", lineno,
                                                  now, &had_now, &e2);
        CHECK_INT(s2, s1);
        CHECK_STR(e2.message, e1.message);
        free(line);
        p += len + (nl != NULL);
    }
    CHECK_INT(had_now, had_old);
    if (!dataset_same(old, now))
        fprintf(stderr, "    datasets differ for: %.120s\n", lines);
    CHECK(dataset_same(old, now));
    CHECK_INT(slant_score_reader_fallbacks(reader), want_fallbacks);
    slant_score_reader_free(reader);
    slant_dataset_free(old);
    slant_dataset_free(now);
}

#define REC(extra) \
    "{\"schema\":1,\"id\":\"a1\",\"source\":\"Outlet A\",\"event\":\"e1\",\"tokens\":200," \
    "\"quote_tokens\":50,\"loaded_index\":7.5,\"categories\":{\"labels\":{\"count\":3}," \
    "\"victims\":{\"count\":0,\"rate\":0}},\"epistemic\":{\"certainty\":-0.25}," \
    "\"attribution\":{\"quotations\":4,\"attributed\":3,\"anonymous\":1}" extra "}"

static void records_as_slant_writes_them(void)
{
    both(REC(",\"entries\":[[\"labels\",\"\\\"hate crime\\\"\",2],[\"labels\",\"radical\",1]],"
             "\"contested\":[{\"concept\":\"c\",\"variant\":\"v\\u00e9\",\"count\":2}],"
             "\"actors\":{\"gov\":{\"mentions\":3,\"sentence\":{\"labels\":2,\"victims\":0}}}"),
         "event", 0);
    both(REC(",\"evidence\":[{\"field\":\"title\",\"category\":\"labels\",\"entry\":\"x\"},"
             "{\"field\":\"text\",\"category\":\"labels\",\"entry\":\"radical\"},"
             "{\"field\":\"text\",\"category\":\"c\",\"entry\":\"v\",\"stance\":\"s\"},"
             "{\"field\":\"text\",\"category\":\"labels\",\"entry\":\"\\ud83d\\ude00 x\"}]"),
         NULL, 0);
    /* entries and evidence: the entries only */
    both(REC(",\"entries\":[[\"labels\",\"radical\",1]],\"evidence\":[{\"field\":\"text\","
             "\"category\":\"labels\",\"entry\":\"radical\"}]"),
         NULL, 0);
    /* the group from --keep fields, escapes of every kind, duplicate members, empty
     * containers, white space */
    both(" { \"tokens\" : 10 , \"tokens\":20, \"fields\" : {\"source\":\"K\\\\e\\/p\\t\\n\"},"
         "\"categories\":{}, \"id\":null, \"entries\":[ ], \"actors\":{} }\r",
         NULL, 0);
    both(REC(",\"entries\":[[\"labels\",\"x\",0],[\"labels\",\"y\"],{\"a\":\"labels\"}]"), NULL, 0);
    both(REC(",\"contested\":{\"k\":{\"concept\":\"c\",\"variant\":\"v\",\"count\":1}}"), NULL, 0);
    both("{\"tokens\":0,\"categories\":{\"labels\":{\"count\":0}},\"source\":{\"x\":1}}\n"
         "{\"tokens\":5e1,\"categories\":{\"labels\":{\"count\":1.0E0}},\"source\":null}\n"
         "{\"tokens\":-0,\"categories\":{\"labels\":[1]},\"source\":\"\"}",
         NULL, 0);
}

static void the_rest_goes_to_json_c(void)
{
    both(REC(",\"x\":\"\\u0000\""), NULL, 1);                 /* NUL: cJSON truncates */
    both(REC(",\"x\":\"\\ud800\""), NULL, 1);                 /* lone surrogate: an error */
    both(REC(",\"x\":\"\\q\""), NULL, 1);                     /* bad escape: an error */
    both(REC(",\"x\":01"), NULL, 1);                          /* read by cJSON as 1 */
    both(REC(",\"x\":1.5.2"), NULL, 1);
    both(REC(",\"x\":\"a\tb\""), NULL, 1);                    /* raw control byte */
    both(REC(",\"x\":[1,]"), NULL, 1);                        /* syntax errors */
    both(REC("") " x", NULL, 1);
    both("[1,2]", NULL, 1);
    both("\xEF\xBB\xBF" REC(""), NULL, 1);                    /* a byte order mark */
    both(REC(",\"\\u0078\":1"), NULL, 1);                     /* an escaped member name */
    both("{\"tokens\":3,\"source\":7,\"categories\":{}}", NULL, 1);   /* a number as group */
    both("{\"tokens\":3,\"source\":true,\"categories\":{}}", NULL, 1);
    both("{\"tokens\":3,\"id\":12,\"categories\":{}}", NULL, 1);
    both("{\"tokens\":3.5,\"categories\":{}}", NULL, 1);      /* invalid counts */
    both("{\"tokens\":3,\"quote_tokens\":4,\"categories\":{}}", NULL, 1);
    both("{\"tokens\":3,\"categories\":{\"a\":{\"count\":-1}}}", NULL, 1);
    both("{\"tokens\":3}", NULL, 1);                          /* not a score record */
    both("{\"tokens\":3,\"categories\":{},\"sentence\":1,\"matches\":[]}", NULL, 1);
    both(REC(",\"actors\":[{\"mentions\":1}]"), NULL, 1);
    both(REC(",\"actors\":{\"a\":{\"sentence\":[1]}}"), NULL, 1);
    both(REC(",\"evidence\":[{\"field\":\"te\\u0078t\",\"category\":\"l\",\"entry\":\"e\"}]"),
         NULL, 1);
    char deep[4200];
    size_t n = 0;
    n += (size_t)snprintf(deep, sizeof deep, "{\"tokens\":1,\"categories\":{},\"x\":");
    for (int i = 0; i < 1500; i++)
        deep[n++] = '[';
    for (int i = 0; i < 1500; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = '\0';
    both(deep, NULL, 1);
}

/* Real records: every line of a golden score output, one dataset. */
static void real_records(void)
{
    FILE *f = fopen("tests/golden/score-seeds-evidence/out", "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    CHECK(n > 10000);
    both(text, "event", 0);
}

void suite_score_read(void)
{
    RUN(records_as_slant_writes_them);
    RUN(the_rest_goes_to_json_c);
    RUN(real_records);
}
