#include "harness.h"
#include "suggest.h"

static void counts_edits_of_bytes(void)
{
    CHECK_INT(slant_edit_distance("", ""), 0);
    CHECK_INT(slant_edit_distance("hedge", "hedge"), 0);
    CHECK_INT(slant_edit_distance("", "hedge"), 5);
    CHECK_INT(slant_edit_distance("hedge", ""), 5);
    CHECK_INT(slant_edit_distance("hedges", "hedge"), 1);    /* a deletion */
    CHECK_INT(slant_edit_distance("hedge", "hedges"), 1);    /* an insertion */
    CHECK_INT(slant_edit_distance("hedge", "hadge"), 1);     /* a substitution */
    CHECK_INT(slant_edit_distance("kitten", "sitting"), 3);
    CHECK_INT(slant_edit_distance("flaw", "lawn"), 2);
    CHECK_INT(slant_edit_distance("modality", "mod"), 5);
    /* bytes, not characters: "é" is two bytes in UTF-8 */
    CHECK_INT(slant_edit_distance("caf\xc3\xa9", "cafe"), 2);
}

static void is_symmetric(void)
{
    static const char *const w[] = { "", "a", "ab", "ba", "hedging", "hedges", "sourcing",
                                     "sources", "intensifiers", "intensity" };
    size_t n = sizeof w / sizeof w[0], wrong = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            wrong += slant_edit_distance(w[i], w[j]) != slant_edit_distance(w[j], w[i]);
    CHECK_INT(wrong, 0);
}

void suite_suggest(void)
{
    RUN(counts_edits_of_bytes);
    RUN(is_symmetric);
}
