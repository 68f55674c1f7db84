#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "jw.h"

/*
 * The writer formats numbers itself (integers) or through printf (fractions), and keeps
 * the text of recent fractions to copy when they recur. Whatever path a number takes,
 * its text must be what printf's "%.10g" gives; and strings written as they are must be
 * the strings cJSON would have escaped to themselves.
 */
static void numbers_read_as_printf(void)
{
    slant_buf out;
    slant_buf_init(&out, 1 << 20);
    slant_jw w;
    slant_jw_init(&w, &out);
    slant_buf expected;
    slant_buf_init(&expected, 1 << 20);
    /* rates of small counts over a few word totals, many recurring and many sharing a
     * memo slot; integers, zero, and numbers too large for the integer path */
    for (int round = 0; round < 3; round++)
        for (int words = 1; words < 300; words += 37)
            for (int count = 0; count < 40; count++) {
                double v = 1000.0 * count / words;
                slant_jw_number(&w, v);
                slant_buf_addc(&out, ' ');
                char text[32];
                if (v == floor(v))
                    snprintf(text, sizeof text, "%.0f ", v);
                else
                    snprintf(text, sizeof text, "%.10g ", v);
                slant_buf_adds(&expected, text);
            }
    slant_jw_number(&w, 1e300);
    slant_jw_number(&w, -0.5);
    slant_jw_number(&w, NAN);
    slant_buf_adds(&expected, "1e+300-0.5null");
    CHECK_STR(out.data, expected.data);
    slant_jw_release(&w);
    slant_buf_release(&out);
    slant_buf_release(&expected);
}

static void strings_plain_and_escaped(void)
{
    slant_buf out;
    slant_buf_init(&out, 1 << 20);
    slant_jw w;
    slant_jw_init(&w, &out);
    slant_jw_open(&w, '[');
    const char *values[] = { "plain text", "", "say \"no\"", "back\\slash", "tab\there",
                             "caf\xc3\xa9", "bad \xff byte", "line\nbreak" };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        slant_jw_element(&w);
        slant_jw_string(&w, values[i], strlen(values[i]));
    }
    slant_jw_element(&w);
    slant_jw_string(&w, NULL, 0);
    slant_jw_close(&w, ']');
    CHECK_STR(out.data, "[\"plain text\",\"\",\"say \\\"no\\\"\",\"back\\\\slash\","
                        "\"tab\\there\",\"caf\xc3\xa9\",\"bad \xef\xbf\xbd byte\","
                        "\"line\\nbreak\",null]");
    slant_jw_release(&w);
    slant_buf_release(&out);
}

void suite_json(void)
{
    RUN(numbers_read_as_printf);
    RUN(strings_plain_and_escaped);
}
