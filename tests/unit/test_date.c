#include <string.h>

#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "dataset.h"
#include "date.h"
#include "harness.h"
#include "partial_json.h"

/* The day of `s`, or -999999 when it is not a date. */
static long day_of(const char *s)
{
    int32_t d;
    return slant_date_parse(s, strlen(s), &d) == 0 ? (long)d : -999999L;
}

static void forms(void)
{
    long want = 18474; /* 2020-07-31 */
    const char *same[] = {
        "2020-07-31", "2020-07-31T14:02", "2020-07-31T14:02:00Z", "2020-07-31T23:30:00-05:00",
        "2020-07-31 14:02:00.123+0530", "2020-07-31T00:00:00+05", "  2020-07-31\n",
        "Fri, 31 Jul 2020 14:02:00 +0000", "Fri, 31 Jul 2020 14:02 GMT", "31 Jul 2020 14:02:00",
        "31 Jul 2020", "31 July 2020", "31 Jul. 2020", "July 31, 2020", "Jul. 31, 2020",
        "Jul 31 2020", "JULY 31, 2020", "Friday, July 31, 2020", "2020/07/31", "Friday 31 July 2020",
        "2020/07/31 14:02",
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        long got = day_of(same[i]);
        if (got != want)
            CHECK_STR(same[i], "a date of 2020-07-31");
    }
    CHECK_INT(day_of("1970-01-01"), 0);
    CHECK_INT(day_of("1969-12-31"), -1);
    CHECK_INT(day_of("2000-02-29"), 11016);
    CHECK_INT(day_of("Sept. 5, 2020"), 18510);
    CHECK_INT(day_of("0001-01-01"), -719162);
    CHECK_INT(day_of("9999-12-31"), 2932896);
}

static void refusals(void)
{
    const char *bad[] = {
        "", "2020", "2020-07", "2020-7-31", "2020-02-30", "2021-02-29", "2020-13-01",
        "2020-07-31T24:00", "2020-07-31T14:60", "2020-07-31T14:02:60", "2020-07-31X",
        "2020-07-31T14:02+2400", "31 Jul 20", "Fri, 31 Jul 20 14:02 +0000", "07/31/2020",
        "Jul 32, 2020", "Foo 31, 2020", "31 Jul 2020 14:02 XYZ", "yesterday", "0000-01-01",
        "2020/07/31T14:02", "Jul 31, 2020 and more", "2020-07-31T14", "31 Jul 2020 +0000", "July 31,2020", "31Jul 2020",
        "31 Jul 2020 14:02GMT", "Jul.31, 2020", "0 Mar 1967", "Mar 0, 1969", "2020-00-10",
        "2020-07-00",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (day_of(bad[i]) != -999999L)
            CHECK_STR(bad[i], "refused");
    int32_t d = 7;
    CHECK_INT(slant_date_parse("2020-07-31", 4, &d), -1); /* only `len` bytes are read */
    CHECK_INT(d, 7);
}

static void spans(void)
{
    int32_t a, b;
    CHECK_INT(slant_date_parse_span("2020", 4, &a, &b), 0);
    CHECK_INT(a, 18262);
    CHECK_INT(b, 18627);
    CHECK_INT(slant_date_parse_span("2020-02", 7, &a, &b), 0);
    CHECK_INT(b - a, 28);
    CHECK_INT(slant_date_parse_span("2020/13", 7, &a, &b), -1);
    CHECK_INT(slant_date_parse_span("2020-00", 7, &a, &b), -1);
    CHECK_INT(slant_date_parse_span("July 31, 2020", 13, &a, &b), 0);
    CHECK_INT(a, 18474);
    CHECK_INT(b, 18474);
}

static void civil_round_trip(void)
{
    int bad = 0;
    for (int32_t day = -800000; day < 3000000; day += 17) {
        int y, m, d;
        slant_date_to_civil(day, &y, &m, &d);
        if (slant_date_from_civil(y, m, d) != day)
            bad++;
    }
    CHECK_INT(bad, 0);
    char out[SLANT_DATE_TEXT];
    slant_date_format(18474, out);
    CHECK_STR(out, "2020-07-31");
}

static void periods(void)
{
    char out[SLANT_DATE_TEXT];
    int32_t d = (int32_t)day_of("2021-01-03"); /* a Sunday of 2020's week 53 */
    slant_period_label(SLANT_PERIOD_WEEK, d, out);
    CHECK_STR(out, "2020-W53");
    slant_period_label(SLANT_PERIOD_WEEK, (int32_t)day_of("2024-12-30"), out);
    CHECK_STR(out, "2025-W01");
    slant_period_label(SLANT_PERIOD_MONTH, d, out);
    CHECK_STR(out, "2021-01");
    slant_period_label(SLANT_PERIOD_YEAR, d, out);
    CHECK_STR(out, "2021");
    slant_period_label(SLANT_PERIOD_DAY, d, out);
    CHECK_STR(out, "2021-01-03");
    CHECK_INT(slant_period_start(SLANT_PERIOD_WEEK, d), day_of("2020-12-28"));
    CHECK_INT(slant_period_index(SLANT_PERIOD_WEEK, d) -
                  slant_period_index(SLANT_PERIOD_WEEK, d - 7), 1);
    CHECK_INT(slant_period_index(SLANT_PERIOD_WEEK, -3), 0);
    CHECK_INT(slant_period_index(SLANT_PERIOD_WEEK, -4), -1);
    CHECK_INT(slant_period_index(SLANT_PERIOD_MONTH, d), 51 * 12);
    CHECK_INT(slant_period_index(SLANT_PERIOD_YEAR, d), 51);
    CHECK_INT(slant_period_of("month"), SLANT_PERIOD_MONTH);
    CHECK_INT(slant_period_of("decade"), -1);
    CHECK_STR(slant_period_name(SLANT_PERIOD_WEEK), "week");
}

/* A row's day survives merge, sort and a partial's round trip; bad dates are counted. */
static void row_days(void)
{
    slant_dataset *a = slant_dataset_new(), *b = slant_dataset_new();
    const char *names[] = { "x" };
    double v[] = { 1 };
    slant_dataset_add_row(a, "z", "G", NULL, 10, names, v, 1);
    slant_dataset_set_day(a, 0, 18474);
    slant_dataset_add_row(a, "y", "G", NULL, 10, names, v, 1);
    slant_dataset_note_bad_date(a, 1);
    slant_dataset_merge(b, a);
    slant_dataset_sort(b);
    CHECK_INT(slant_dataset_row(b, 0)->day, INT32_MIN); /* "y" first */
    CHECK_INT(slant_dataset_row(b, 1)->day, 18474);
    CHECK_INT(slant_dataset_bad_dates(b), 1);
    slant_buf out;
    slant_buf_init(&out, 1 << 20);
    slant_json_write_partial(b, "source", NULL, NULL, &out);
    slant_dataset *c = slant_dataset_new();
    char *by, *event, *strata;
    slant_error err;
    CHECK_INT(slant_json_read_partial(out.data, out.len, "p", c, &by, &event, &strata, &err),
              SLANT_OK);
    CHECK(strata == NULL);
    CHECK_INT(slant_dataset_row(c, 1)->day, 18474);
    CHECK_INT(slant_dataset_row(c, 0)->day, INT32_MIN);
    CHECK_INT(slant_dataset_bad_dates(c), 1);
    free(by);
    free(event);
    free(strata);
    slant_buf_release(&out);
    slant_dataset_free(a);
    slant_dataset_free(b);
    slant_dataset_free(c);
}

void suite_date(void)
{
    RUN(row_days);
    RUN(forms);
    RUN(refusals);
    RUN(spans);
    RUN(civil_round_trip);
    RUN(periods);
}
