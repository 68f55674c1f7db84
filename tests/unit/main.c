/* The unit test program: runs every suite and ends with "N passed, N failed". */

#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "stats.h"

static int passed, failed, current_failed;

void harness_check(int ok, const char *expr, const char *file, int line)
{
    if (ok)
        return;
    current_failed = 1;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
}

void harness_check_int(long long got, long long want, const char *expr, const char *file,
                       int line)
{
    if (got == want)
        return;
    current_failed = 1;
    fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", file, line, expr, got, want);
}

void harness_check_str(const char *got, const char *want, const char *expr, const char *file,
                       int line)
{
    if (got && want && strcmp(got, want) == 0)
        return;
    if (!got && !want)
        return;
    current_failed = 1;
    fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", file, line, expr,
            got ? got : "(null)", want ? want : "(null)");
}

void harness_run(void (*test)(void), const char *name)
{
    current_failed = 0;
    test();
    if (current_failed) {
        failed++;
        fprintf(stderr, "FAIL %s\n", name);
    } else {
        passed++;
    }
}

int main(void)
{
    slant_stats_init();
#define RUN_SUITE(name) suite_##name();
    SLANT_UNIT_SUITES(RUN_SUITE)
#undef RUN_SUITE
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
