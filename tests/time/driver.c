/*
 * The time driver: reads commands on standard input, one per line, calls date.h or
 * trend.h, and prints one answer line per command. No test logic: the scripts of tests/time write
 * the commands and judge the answers against Python and SciPy.
 *
 *   date TEXT               "ok DAY" (days since 1970-01-01) or "no"
 *   span TEXT               "ok FIRST LAST" or "no"
 *   mk LEVEL | x... | y...  "ok S VAR TAU Z P SLOPE INTERCEPT LOW HIGH" (%.17g; nan where
 *                           undefined): slant_trend_mann_kendall
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "trend.h"
#include "xalloc.h"

#define MAX_LINE 65536
#define MAX_VALUES 4096

static size_t numbers(char *s, double *out, size_t cap)
{
    size_t n = 0;
    char *end;
    for (;;) {
        double v = strtod(s, &end);
        if (end == s || n == cap)
            return n;
        out[n++] = v;
        s = end;
    }
}

int main(void)
{
    static char line[MAX_LINE];
    static double x[MAX_VALUES], y[MAX_VALUES];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strcspn(line, "\n");
        line[len] = '\0';
        if (!strncmp(line, "date ", 5)) {
            int32_t d;
            if (slant_date_parse(line + 5, len - 5, &d) == 0)
                printf("ok %ld\n", (long)d);
            else
                puts("no");
        } else if (!strncmp(line, "span ", 5)) {
            int32_t a, b;
            if (slant_date_parse_span(line + 5, len - 5, &a, &b) == 0)
                printf("ok %ld %ld\n", (long)a, (long)b);
            else
                puts("no");
        } else if (!strncmp(line, "mk ", 3)) {
            char *bar1 = strchr(line, '|'), *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
            if (!bar2) {
                puts("error: mk LEVEL | x... | y...");
                continue;
            }
            *bar1 = *bar2 = '\0';
            double level = strtod(line + 3, NULL);
            size_t nx = numbers(bar1 + 1, x, MAX_VALUES), ny = numbers(bar2 + 1, y, MAX_VALUES);
            if (nx != ny) {
                puts("error: x and y differ in length");
                continue;
            }
            slant_trend_test t;
            memset(&t, 0, sizeof t);
            slant_trend_mann_kendall(x, y, nx, level, &t);
            printf("ok %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g %.17g\n", t.s, t.var_s,
                   t.tau, t.z, t.p, t.slope, t.intercept, t.slope_low, t.slope_high);
        } else {
            puts("error: unknown command");
        }
        fflush(stdout);
    }
    return 0;
}
