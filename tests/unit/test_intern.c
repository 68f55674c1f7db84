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

/*
 * A string of up to 8 bytes is told apart by its slot alone, from loads that overlap by
 * length class: every byte position of every length must count. Strings of each length
 * 0..40 that differ from a base in one byte only, at each position, must all get ids of
 * their own, and be found again.
 */
static void every_byte_counts(void)
{
    slant_intern t;
    slant_intern_init(&t);
    char base[41], s[41];
    memset(base, 'a', sizeof base);
    size_t expected = 0;
    for (size_t len = 0; len <= 40; len++) {
        CHECK_INT(slant_intern_add(&t, base, len, NULL), expected++);
        for (size_t pos = 0; pos < len; pos++) {
            memcpy(s, base, len);
            s[pos] = 'b';
            int added;
            CHECK_INT(slant_intern_add(&t, s, len, &added), expected++);
            CHECK(added);
        }
    }
    CHECK_INT(slant_intern_count(&t), expected);
    size_t id = 0, wrong = 0;
    for (size_t len = 0; len <= 40; len++) {
        wrong += slant_intern_find(&t, base, len) != id++;
        for (size_t pos = 0; pos < len; pos++) {
            memcpy(s, base, len);
            s[pos] = 'b';
            wrong += slant_intern_find(&t, s, len) != id++;
        }
    }
    CHECK_INT(wrong, 0);
    /* the same bytes at another length are another string */
    CHECK(slant_intern_find(&t, "aaaa\0", 5) == SLANT_INTERN_NONE);
    slant_intern_release(&t);
}

/* A key made once, a prefetch, then the lookup: the ids slant_intern_add gives, across
 * growth of the table between the prefetch and the lookup. */
static void keyed_lookups_are_plain_lookups(void)
{
    slant_intern a, b;
    slant_intern_init(&a);
    slant_intern_init(&b);
    char word[32];
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 3000; i++) {
            int n = snprintf(word, sizeof word, "w%d-%s", i % 1700, i % 3 ? "long enough key" : "x");
            slant_intern_key k = slant_intern_key_of(word, (size_t)n);
            slant_intern_prefetch(&a, &k);
            int added_a, added_b;
            uint32_t ida = slant_intern_add_keyed(&a, word, (size_t)n, &k, &added_a);
            uint32_t idb = slant_intern_add(&b, word, (size_t)n, &added_b);
            CHECK_INT(ida, idb);
            CHECK_INT(added_a, added_b);
        }
    }
    CHECK_INT(slant_intern_count(&a), slant_intern_count(&b));
    slant_intern_release(&a);
    slant_intern_release(&b);
}

void suite_intern(void)
{
    RUN(ids_are_dense_and_stable);
    RUN(survives_growth_and_reset);
    RUN(every_byte_counts);
    RUN(keyed_lookups_are_plain_lookups);
}
