#include <string.h>

#include "harness.h"
#include "jsonline.h"

/* Checks a copy of `s`; returns the status and leaves the changed copy in `out`. */
static slant_status check(const char *s, char *out, size_t *replaced, slant_error *err)
{
    size_t n = strlen(s);
    memcpy(out, s, n + 1);
    slant_error_clear(err);
    return slant_jsonline_check(out, n, "t.jsonl", 3, replaced, err);
}

static void nul_escape_becomes_replacement(void)
{
    char buf[128];
    size_t k;
    slant_error err;
    CHECK_INT(check("{\"text\":\"a\\u0000b\\u0000\"}", buf, &k, &err), SLANT_OK);
    CHECK_STR(buf, "{\"text\":\"a\\uFFFDb\\uFFFD\"}");
    CHECK_INT(k, 2);
    /* An escaped backslash before u0000 is not an escape of it. */
    CHECK_INT(check("{\"text\":\"a\\\\u0000\"}", buf, &k, &err), SLANT_OK);
    CHECK_STR(buf, "{\"text\":\"a\\\\u0000\"}");
    CHECK_INT(k, 0);
    /* Outside strings nothing is touched. */
    CHECK_INT(check("{\"n\":1, \"t\":\"\\\"\\u0041\"}", buf, &k, &err), SLANT_OK);
    CHECK_INT(k, 0);
}

static void invalid_escapes_are_errors_at_their_column(void)
{
    char buf[128];
    size_t k;
    slant_error err;
    CHECK_INT(check("{\"text\":\"ab\\uZZZZ\"}", buf, &k, &err), SLANT_ERR_INPUT);
    CHECK_INT(err.line, 3);
    CHECK_INT(err.col, 12);
    CHECK(strstr(err.message, "\\uZZZZ") != NULL);
    CHECK_INT(check("{\"text\":\"\\q\"}", buf, &k, &err), SLANT_ERR_INPUT);
    CHECK_INT(err.col, 10);
    CHECK_INT(check("{\"text\":\"\\u12\"}", buf, &k, &err), SLANT_ERR_INPUT);
    CHECK_INT(check("{\"text\":\"x\\", buf, &k, &err), SLANT_ERR_INPUT);
    char raw[] = "{\"text\":\"a\0b\"}";
    CHECK_INT(slant_jsonline_check(raw, sizeof raw - 1, "t", 1, &k, &err), SLANT_ERR_INPUT);
    CHECK_INT(err.col, 11);
}

/* A NUL, a bad escape, a \u0000 and a quote at every place of a long string (the check
 * passes over runs of other bytes eight at a time): found at their column, in order. */
static void found_at_every_place(void)
{
    for (size_t at = 9; at < 40; at++) {
        char line[64];
        memset(line, 'a', sizeof line);
        memcpy(line, "{\"text\":\"", 9);
        memcpy(line + 50, "\"}", 2);
        size_t len = 52, k;
        slant_error err;
        char bad[64];
        memcpy(bad, line, len);
        bad[at] = '\0';
        slant_error_clear(&err);
        CHECK_INT(slant_jsonline_check(bad, len, "t", 1, &k, &err), SLANT_ERR_INPUT);
        CHECK_INT(err.col, (long)at + 1);
        memcpy(bad, line, len);
        memcpy(bad + at, "\\q", 2);
        CHECK_INT(slant_jsonline_check(bad, len, "t", 1, &k, &err), SLANT_ERR_INPUT);
        CHECK_INT(err.col, (long)at + 1);
        memcpy(bad, line, len);
        memcpy(bad + at, "\\u0000", 6);
        CHECK_INT(slant_jsonline_check(bad, len, "t", 1, &k, &err), SLANT_OK);
        CHECK_INT(k, 1);
        CHECK(memcmp(bad + at, "\\uFFFD", 6) == 0);
        /* a quote ends the string: a NUL after it is outside, still an error */
        memcpy(bad, line, len);
        bad[at] = '"';
        bad[at + 1] = '\0';
        CHECK_INT(slant_jsonline_check(bad, len, "t", 1, &k, &err), SLANT_ERR_INPUT);
        CHECK_INT(err.col, (long)at + 2);
        /* after the quote, outside a string, "\q" is not an escape */
        memcpy(bad, line, len);
        bad[at] = '"';
        memcpy(bad + at + 1, "\\q\"", 3);
        CHECK_INT(slant_jsonline_check(bad, len, "t", 1, &k, &err), SLANT_OK);
    }
}

static void members_as_written(void)
{
    const char *line = " {\"text\":\"x,\\\"id\\\":1\",\"meta\":{\"id\":2,\"s\":\"}\"},"
                       "\"id\":12345678901234567890123456789 ,\"n\":-1.50e3}";
    const char *v;
    size_t n;
    CHECK(slant_jsonline_number(line, strlen(line), "id", &v, &n));
    CHECK_INT(n, 29);
    CHECK(strncmp(v, "12345678901234567890123456789", n) == 0);
    CHECK(slant_jsonline_number(line, strlen(line), "n", &v, &n));
    CHECK(strncmp(v, "-1.50e3", n) == 0 && n == 7);
    CHECK(!slant_jsonline_number(line, strlen(line), "text", &v, &n));
    CHECK(slant_jsonline_member(line, strlen(line), "meta", &v, &n));
    CHECK(strncmp(v, "{\"id\":2,\"s\":\"}\"}", n) == 0 && n == 16);
    CHECK(!slant_jsonline_member(line, strlen(line), "s", &v, &n));
    CHECK(!slant_jsonline_member("[1]", 3, "id", &v, &n));
    CHECK(!slant_jsonline_member("{\"id\"", 5, "id", &v, &n));
}

void suite_jsonline(void)
{
    RUN(nul_escape_becomes_replacement);
    RUN(invalid_escapes_are_errors_at_their_column);
    RUN(members_as_written);
    RUN(found_at_every_place);
}
