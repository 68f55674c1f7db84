#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "subset.h"
#include "xalloc.h"

static void where_conditions(void)
{
    slant_subset *s = slant_subset_new();
    slant_error err;
    CHECK(!slant_subset_active(s));
    CHECK_INT(slant_subset_where(s, "source=A,B", &err), SLANT_OK);
    CHECK_INT(slant_subset_where(s, "title!~^Breaking", &err), SLANT_OK);
    CHECK_INT(slant_subset_where(s, "outlet!=X", &err), SLANT_OK);
    CHECK(slant_subset_active(s));
    slant_article a;
    slant_article_init(&a);
    a.source = xstrdup("B");
    a.title = xstrdup("Calm day");
    CHECK(slant_subset_article(s, &a)); /* outlet missing: != passes */
    free(a.title);
    a.title = xstrdup("Breaking: calm");
    CHECK(!slant_subset_article(s, &a));
    slant_article_release(&a);
    /* Score records: top-level members and kept fields, strings decoded. */
    const char *yes = "{\"source\":\"A\",\"title\":\"caf\\u00e9\",\"fields\":{\"outlet\":\"Y\"}}";
    const char *no = "{\"source\":\"A\",\"title\":\"x\",\"fields\":{\"outlet\":\"X\"}}";
    CHECK(slant_subset_record(s, yes, strlen(yes)));
    CHECK(!slant_subset_record(s, no, strlen(no)));
    slant_subset_free(s);
    s = slant_subset_new();
    CHECK_INT(slant_subset_where(s, "title=caf\xc3\xa9", &err), SLANT_OK);
    CHECK(slant_subset_record(s, yes, strlen(yes)));
    CHECK_INT(slant_subset_where(s, "nofield", &err), SLANT_ERR_USAGE);
    CHECK_INT(slant_subset_where(s, "=v", &err), SLANT_ERR_USAGE);
    CHECK_INT(slant_subset_where(s, "t~(", &err), SLANT_ERR_USAGE);
    slant_subset_free(s);
    slant_subset_free(NULL);
}

static void date_ranges(void)
{
    slant_subset *s = slant_subset_new();
    slant_error err;
    CHECK_INT(slant_subset_date(s, 0, "2025-03-10", &err), SLANT_OK);
    CHECK_INT(slant_subset_date(s, 1, "2025-04", &err), SLANT_OK);
    CHECK_INT(slant_subset_date(s, 1, "2025-4", &err), SLANT_ERR_USAGE);
    const char *in[] = { "{\"date\":\"2025-03-10\"}", "{\"date\":\"2025-04-30T23:00Z\"}" };
    const char *out[] = { "{\"date\":\"2025-03-09\"}", "{\"date\":\"2025-05-01\"}",
                          "{\"date\":null}", "{\"date\":\"March 2025\"}", "{}" };
    for (size_t i = 0; i < 2; i++)
        CHECK(slant_subset_record(s, in[i], strlen(in[i])));
    for (size_t i = 0; i < 5; i++)
        CHECK(!slant_subset_record(s, out[i], strlen(out[i])));
    slant_subset_free(s);
}

static void date_bins(void)
{
    char b[32];
    CHECK_INT(slant_bin_of("date:month"), SLANT_BIN_MONTH);
    CHECK_INT(slant_bin_of("date:decade"), -1);
    CHECK_INT(slant_bin_of("source"), SLANT_BIN_NONE);
    CHECK_INT(slant_bin_date(SLANT_BIN_YEAR, "2025-03-04", b, sizeof b), 0);
    CHECK_STR(b, "2025");
    CHECK_INT(slant_bin_date(SLANT_BIN_MONTH, "2025-03-04T10:00:00Z", b, sizeof b), 0);
    CHECK_STR(b, "2025-03");
    /* ISO weeks at year turns: 2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01. */
    CHECK_INT(slant_bin_date(SLANT_BIN_WEEK, "2021-01-03", b, sizeof b), 0);
    CHECK_STR(b, "2020-W53");
    CHECK_INT(slant_bin_date(SLANT_BIN_WEEK, "2024-12-30", b, sizeof b), 0);
    CHECK_STR(b, "2025-W01");
    CHECK_INT(slant_bin_date(SLANT_BIN_WEEK, "2026-01-01", b, sizeof b), 0);
    CHECK_STR(b, "2026-W01");
    CHECK_INT(slant_bin_date(SLANT_BIN_WEEK, "2025-02-30", b, sizeof b), -1);
    CHECK_INT(slant_bin_date(SLANT_BIN_MONTH, "2025", b, sizeof b), -1);
    CHECK_INT(slant_bin_date(SLANT_BIN_YEAR, "yesterday", b, sizeof b), -1);
}

void suite_subset(void)
{
    RUN(where_conditions);
    RUN(date_ranges);
    RUN(date_bins);
}
