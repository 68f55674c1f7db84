#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "intern.h"

static void ids_are_dense_and_stable(void)
{
    slant_intern t;
    slant_intern_init(&t);
    int added;
    CHECK_INT(slant_intern_add(&t, "radical", 7, &added), 0);
    CHECK(added);
    CHECK_INT(slant_intern_add(&t, "protest", 7, &added), 1);
    CHECK_INT(slant_intern_add(&t, "radical", 7, &added), 0);
    CHECK(!added);
    CHECK_INT(slant_intern_find(&t, "protest", 7), 1);
    CHECK_INT(slant_intern_find(&t, "protes", 6), SLANT_INTERN_NONE);
    size_t len;
    CHECK_STR(slant_intern_str(&t, 1, &len), "protest");
    CHECK_INT(len, 7);
    slant_intern_release(&t);
}

static void survives_growth_and_reset(void)
{
    slant_intern t;
    slant_intern_init(&t);
    char word[32];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(word, sizeof word, "w%d", i);
        CHECK_INT(slant_intern_add(&t, word, (size_t)n, NULL), i);
    }
    int wrong = 0;
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(word, sizeof word, "w%d", i);
        wrong += slant_intern_find(&t, word, (size_t)n) != (uint32_t)i;
    }
    CHECK_INT(wrong, 0);
    /* Bytes, not C strings: an embedded NUL is part of the key. */
    CHECK(slant_intern_add(&t, "a\0b", 3, NULL) != slant_intern_add(&t, "a\0c", 3, NULL));
    slant_intern_reset(&t);
    CHECK_INT(slant_intern_count(&t), 0);
    CHECK_INT(slant_intern_find(&t, "w1", 2), SLANT_INTERN_NONE);
    CHECK_INT(slant_intern_add(&t, "w1", 2, NULL), 0);
    slant_intern_release(&t);
}

void suite_intern(void)
{
    RUN(ids_are_dense_and_stable);
    RUN(survives_growth_and_reset);
}
