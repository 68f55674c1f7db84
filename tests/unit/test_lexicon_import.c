/* The import's check (lexicon_import.h: slant_import_check), on the sample LIWC file of
 * tests/lexicon. */

#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lexicon_import.h"

#define SAMPLE_DIC "tests/lexicon/sample.dic"

static void count_problems(slant_import_severity sev, const slant_error *err, void *ctx)
{
    (void)err;
    ((size_t *)ctx)[sev]++;
}

static void checks_a_file_as_the_import_would(void)
{
    slant_import_options o = { .format = SLANT_IMPORT_LIWC };
    size_t problems[SLANT_IMPORT_NOTE + 1] = { 0 };
    slant_import_counts counts;
    slant_error err;
    slant_error_clear(&err);
    CHECK_INT(slant_import_check(SAMPLE_DIC, &o, count_problems, problems, &counts, &err),
              SLANT_OK);
    CHECK_INT(counts.categories, 4);
    CHECK_INT(counts.entries, 17);
    CHECK_INT(problems[SLANT_IMPORT_ERROR], 0);
    CHECK_INT(problems[SLANT_IMPORT_MERGED], 2);
}

static void says_when_it_cannot_make_its_directory(void)
{
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", "tests/data/no-such-directory", 1);
    slant_import_options o = { .format = SLANT_IMPORT_LIWC };
    size_t problems[SLANT_IMPORT_NOTE + 1] = { 0 };
    slant_import_counts counts;
    slant_error err;
    slant_error_clear(&err);
    CHECK_INT(slant_import_check(SAMPLE_DIC, &o, count_problems, problems, &counts, &err),
              SLANT_ERR_IO);
    char text[1200];
    slant_error_format(&err, text, sizeof text);
    CHECK(strncmp(text, "cannot make a temporary directory 'tests/data/no-such-directory/",
                  64) == 0);
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);

    /* A file that cannot be read: nothing counted. */
    CHECK_INT(slant_import_check("tests/lexicon/no-such.dic", &o, count_problems, problems,
                                 &counts, &err),
              SLANT_ERR_IO);
    CHECK_INT(counts.categories, 0);
    CHECK_INT(counts.entries, 0);
}

void suite_lexicon_import(void)
{
    RUN(checks_a_file_as_the_import_would);
    RUN(says_when_it_cannot_make_its_directory);
}
