#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"

static void adds_and_terminates(void)
{
    slant_buf b;
    slant_buf_init(&b, 100);
    CHECK_INT(slant_buf_adds(&b, "news"), SLANT_OK);
    CHECK_INT(slant_buf_addc(&b, '!'), SLANT_OK);
    CHECK_INT(slant_buf_addf(&b, " %d%%", 42), SLANT_OK);
    CHECK_STR(b.data, "news! 42%");
    CHECK_INT(b.len, 9);
    slant_buf_reset(&b);
    CHECK_INT(b.len, 0);
    CHECK_STR(b.data, "");
    slant_buf_release(&b);
}

static void refuses_beyond_maximum(void)
{
    slant_buf b;
    slant_buf_init(&b, 8);
    CHECK_INT(slant_buf_adds(&b, "12345678"), SLANT_OK);
    CHECK_INT(slant_buf_adds(&b, "9"), SLANT_ERR_LIMIT);
    CHECK_INT(slant_buf_addf(&b, "%s", "x"), SLANT_ERR_LIMIT);
    CHECK_STR(b.data, "12345678"); /* unchanged by the refused appends */
    slant_buf_release(&b);
}

/* A refused append leaves a mark that a writer of many appends checks once. */
static void full_marks_a_refusal(void)
{
    slant_buf b;
    slant_buf_init(&b, 4);
    CHECK(!slant_buf_full(&b));
    slant_buf_adds(&b, "1234");
    CHECK(!slant_buf_full(&b)); /* exactly the maximum is not a refusal */
    slant_buf_addc(&b, '5');
    CHECK(slant_buf_full(&b));
    slant_buf_adds(&b, ""); /* still full after an append that fits */
    CHECK(slant_buf_full(&b));
    slant_buf_reset(&b);
    CHECK(!slant_buf_full(&b));
    CHECK(slant_buf_space(&b, 5) == NULL);
    CHECK(slant_buf_full(&b));
    slant_buf_release(&b);
    CHECK(!slant_buf_full(&b));
}

static void detach_hands_over(void)
{
    slant_buf b;
    slant_buf_init(&b, 100);
    size_t len;
    char *empty = slant_buf_detach(&b, &len);
    CHECK_INT(len, 0);
    CHECK_STR(empty, "");
    free(empty);
    slant_buf_adds(&b, "abc");
    char *p = slant_buf_detach(&b, &len);
    CHECK_STR(p, "abc");
    CHECK_INT(len, 3);
    CHECK(b.data == NULL && b.len == 0);
    free(p);
}

static void space_then_commit(void)
{
    slant_buf b;
    slant_buf_init(&b, 10);
    slant_buf_adds(&b, "ab");
    char *at = slant_buf_space(&b, 5);
    CHECK(at != NULL);
    memcpy(at, "cde", 3);
    slant_buf_commit(&b, 3);
    CHECK_STR(b.data, "abcde");
    CHECK(slant_buf_space(&b, 6) == NULL); /* 5 + 6 bytes would pass the maximum of 10 */
    CHECK(slant_buf_space(&b, 5) != NULL);
    CHECK_STR(b.data, "abcde");
    slant_buf_release(&b);
}

void suite_buf(void)
{
    RUN(adds_and_terminates);
    RUN(refuses_beyond_maximum);
    RUN(full_marks_a_refusal);
    RUN(detach_hands_over);
    RUN(space_then_commit);
}
