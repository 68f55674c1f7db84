#ifndef SLANT_TEST_HARNESS_H
#define SLANT_TEST_HARNESS_H

/*
 * A tiny test harness. A test is a function; RUN(test) runs it and counts it as passed
 * when none of its CHECKs failed. Failed checks print the file, the line and the values.
 * The unit test program ends with "N passed, N failed".
 */

#include <stddef.h>

#include "lexicon.h"
#include "score.h"

void harness_check(int ok, const char *expr, const char *file, int line);
void harness_check_int(long long got, long long want, const char *expr, const char *file,
                       int line);
void harness_check_str(const char *got, const char *want, const char *expr, const char *file,
                       int line);
void harness_run(void (*test)(void), const char *name);

#define CHECK(cond) harness_check((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_INT(got, want) \
    harness_check_int((long long)(got), (long long)(want), #got, __FILE__, __LINE__)
#define CHECK_STR(got, want) harness_check_str((got), (want), #got, __FILE__, __LINE__)
#define RUN(test) harness_run(test, #test)

/* Loads a test lexicon; on failure, says why, counts a failed check and returns NULL. */
slant_lexicon *harness_load_lexicon(const char *dir);
/* Scores `text` as an article without metadata (the scorer's results hold until the next
 * call; the text they point into is freed, so callers keep their own copy). */
void harness_score(slant_scorer *scorer, const char *text);

/* The suites, one per module (tests/unit/test_MODULE.c defines `void suite_MODULE(void)`):
 * declared, and listed as SLANT_UNIT_SUITES(X), by the header the Makefile generates from
 * the files (tools/unit_suites.sh). */
#include "unit_suites.h"

#endif
