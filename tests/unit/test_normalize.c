#include <string.h>

#include "harness.h"
#include "normalize.h"
#include "tokenize.h"

static slant_folder folder;

/* The folded form of a C string, copied so two can be compared. */
static const char *fold(const char *s, char *out, size_t cap)
{
    size_t n;
    const char *f = slant_fold(&folder, s, strlen(s), &n);
    if (!f || n >= cap)
        return NULL;
    memcpy(out, f, n);
    out[n] = '\0';
    return out;
}

static void folds_case_and_normalizes(void)
{
    char a[64], b[64];
    CHECK_STR(fold("Radicals", a, sizeof a), "radicals");
    /* The Turkic capital dotted I must still match "ilham". */
    CHECK_STR(fold("\xC4\xB0lham", a, sizeof a), "ilham");
    /* Combining marks stay: Türkiye and Turkiye differ, however Türkiye was composed. */
    CHECK_STR(fold("T\xC3\xBCrkiye", a, sizeof a), "t\xC3\xBCrkiye");
    CHECK_STR(fold("Tu\xCC\x88rkiye", b, sizeof b), "t\xC3\xBCrkiye");
    CHECK(strcmp(fold("Turkiye", b, sizeof b), a) != 0);
    /* Full case folding: German sharp s and the Greek final sigma. */
    CHECK_STR(fold("STRASSE", a, sizeof a), "strasse");
    CHECK_STR(fold("Stra\xC3\x9F" "e", a, sizeof a), "strasse");
    /* The right single quotation mark as an apostrophe. */
    CHECK_STR(fold("Azerbaijan\xE2\x80\x99s", a, sizeof a), "azerbaijan's");
}

static void refuses_overlong_words(void)
{
    char big[SLANT_MAX_WORD_BYTES + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    size_t n;
    CHECK(slant_fold(&folder, big, strlen(big), &n) == NULL);
    CHECK(slant_fold(&folder, big, SLANT_MAX_WORD_BYTES, &n) != NULL);
}

static void validates_utf8(void)
{
    const char bad[] = "ok \xFF then \xC3\x28 and \xED\xA0\x80 end \xE2\x82";
    CHECK_INT(slant_utf8_count_invalid(bad, sizeof bad - 1), 1 + 1 + 3 + 2);
    slant_buf out;
    slant_buf_init(&out, 1000);
    size_t replaced = slant_utf8_sanitize(bad, sizeof bad - 1, &out);
    CHECK_INT(replaced, 7);
    CHECK_INT(slant_utf8_count_invalid(out.data, out.len), 0);
    CHECK(strstr(out.data, "ok \xEF\xBF\xBD then") != NULL);
    slant_buf_release(&out);
    int32_t cp;
    int invalid;
    CHECK_INT(slant_utf8_next("\xE2\x80\x9C", 3, &cp, &invalid), 3);
    CHECK_INT(cp, 0x201C);
    CHECK_INT(invalid, 0);
    CHECK_INT(slant_utf8_next("\xE2\x80", 2, &cp, &invalid), 1);
    CHECK_INT(invalid, 1);
    CHECK_INT(cp, SLANT_REPLACEMENT_CHAR);
}

static void classes_agree_with_tokenizer_table(void)
{
    int disagree = 0;
    for (int c = 0; c < 128; c++)
        disagree += slant_tokenize_ascii_class(c) != (int)slant_char_classify(c);
    CHECK_INT(disagree, 0);
    CHECK_INT(slant_char_classify(0x0130), SLANT_CHAR_LETTER);
    CHECK_INT(slant_char_classify(0x0307), SLANT_CHAR_MARK);
    CHECK_INT(slant_char_classify(0x201C), SLANT_CHAR_PUNCT);
    CHECK_INT(slant_char_classify(0x00A0), SLANT_CHAR_SPACE);
    CHECK_INT(slant_char_classify(0x2029), SLANT_CHAR_NEWLINE);
    CHECK_INT(slant_char_classify(0x0661), SLANT_CHAR_DIGIT);
}

void suite_normalize(void)
{
    slant_folder_init(&folder);
    RUN(folds_case_and_normalizes);
    RUN(refuses_overlong_words);
    RUN(validates_utf8);
    RUN(classes_agree_with_tokenizer_table);
    slant_folder_release(&folder);
}
