/* Lexicon inspection (lexicon_inspect.h): stats, entry kinds and places, what a phrase
 * matches; on the test lexicon, whose entries are one of each form. */

#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lexicon_inspect.h"
#include "normalize.h"

#define TEST_LEXICON "tests/data/lexicon-test"

static slant_lexicon *lex;

static const slant_entry *entry_of(const char *category, size_t i)
{
    long c = slant_lexicon_find_category(lex, category);
    if (c < 0)
        return NULL;
    return slant_lexicon_entry(lex, slant_lexicon_category(lex, (size_t)c)->first_entry + i);
}

static size_t category_of(const char *id)
{
    long c = slant_lexicon_find_category(lex, id);
    CHECK(c >= 0);
    return c < 0 ? SIZE_MAX : (size_t)c;
}

static void counts_entries_by_kind(void)
{
    slant_lexicon_stats s;
    slant_lexicon_stats_compute(lex, &s);
    const slant_entry_counts *labels = &s.cats[category_of("labels")];
    CHECK_INT(labels->entries, 9);
    CHECK_INT(labels->multiword, 4); /* "ethnic cleansing", cease-fire, "hate crime", "so-called" */
    CHECK_INT(labels->wildcard, 1);  /* terror* */
    CHECK_INT(labels->exact, 1);     /* =Artsakh */
    const slant_entry_counts *victims = &s.cats[category_of("victims")];
    CHECK_INT(victims->entries, 3);
    CHECK_INT(victims->exact, 1);
    size_t entries = 0, multiword = 0;
    for (size_t c = 0; c < slant_lexicon_ncategories(lex); c++) {
        entries += s.cats[c].entries;
        multiword += s.cats[c].multiword;
    }
    CHECK_INT(s.total.entries, entries);
    CHECK_INT(s.total.entries, slant_lexicon_nentries(lex));
    CHECK_INT(s.total.multiword, multiword);
    slant_lexicon_stats_release(&s);
    CHECK(s.cats == NULL && s.overlaps == NULL);
}

static void finds_overlaps_between_categories(void)
{
    slant_lexicon_stats s;
    slant_lexicon_stats_compute(lex, &s);
    CHECK_INT(s.noverlaps, 2);
    if (s.noverlaps == 2) {
        /* Equal counts: ordered by the first category, then the second. */
        CHECK_INT(s.overlaps[0].a, category_of("labels"));
        CHECK_INT(s.overlaps[0].b, category_of("victims"));
        CHECK_INT(s.overlaps[0].count, 1);
        CHECK_STR(s.overlaps[0].examples[0], "\"hate crime\"");
        CHECK_INT(s.overlaps[1].a, category_of("labels"));
        CHECK_INT(s.overlaps[1].b, category_of("region_name"));
        CHECK_STR(s.overlaps[1].examples[0], "=Artsakh");
        CHECK(s.overlaps[0].a < s.overlaps[0].b);
    }
    slant_lexicon_stats_release(&s);
}

static void names_entry_kinds_and_places(void)
{
    static const char *const kinds[] = { "stem", "prefix", "exact", "expression", "stem",
                                         "expression", "stem", "expression", "expression" };
    slant_keyer k;
    CHECK_INT(slant_keyer_init(&k, slant_lexicon_stemmer(lex)), 0);
    slant_buf scratch, place;
    slant_buf_init(&scratch, 1 << 16);
    slant_buf_init(&place, 1 << 16);
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        CHECK_STR(slant_entry_kind(&k, entry_of("labels", i), &scratch), kinds[i]);
    CHECK_STR(slant_entry_kind(&k, entry_of("varenia", 1), &scratch), "prefix"); /* Varenian* */
    slant_entry_place(entry_of("labels", 0), NULL, &place);
    CHECK_STR(place.data, TEST_LEXICON "/labels.txt:2");
    slant_entry_place(entry_of("takeover", 2), NULL, &place);
    CHECK_STR(place.data, TEST_LEXICON "/variants.json (concept 'takeover', variant 3)");
    slant_buf_release(&place);
    slant_buf_release(&scratch);
    slant_keyer_release(&k);
}

static void inspects_a_phrase(void)
{
    slant_phrase_inspection p;
    slant_phrase_inspect(lex, "not brutal Radicals 1999", &p);
    CHECK_INT(p.nwords, 4);
    if (p.nwords == 4) {
        CHECK_STR(p.words[2].folded, "radicals");
        CHECK_STR(p.words[2].stem, "radic");
        CHECK_INT(p.words[2].kind, SLANT_WORD_STEMMED);
        CHECK_INT(p.words[2].start, 11);
        CHECK_INT(p.words[2].end, 19);
        CHECK_INT(p.words[3].kind, SLANT_WORD_NUMBER);
        CHECK_STR(p.words[3].folded, "1999");
        CHECK(p.words[3].stem == NULL);
    }
    CHECK_INT(p.nmatches, 3);
    if (p.nmatches == 3) {
        const slant_phrase_match *m = &p.matches[2];
        CHECK_INT(m->category, category_of("labels"));
        CHECK_STR(slant_lexicon_entry(lex, m->entry)->text, "radical");
        CHECK_STR(m->kind, "stem");
        CHECK(strncmp(p.text + m->start, "Radicals", m->end - m->start) == 0);
        CHECK_INT(m->end - m->start, 8);
        CHECK(m->negated && !m->boosted && !m->diminished);
        CHECK(!p.matches[0].negated); /* "not" itself */
    }
    slant_phrase_inspection_release(&p);
}

static void inspects_phrases_without_matches(void)
{
    slant_phrase_inspection p;
    slant_phrase_inspect(lex, " ... ", &p);
    CHECK_INT(p.nwords, 0);
    CHECK_INT(p.nmatches, 0);
    slant_phrase_inspection_release(&p);

    char long_word[SLANT_MAX_WORD_BYTES + 2];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    slant_phrase_inspect(lex, long_word, &p);
    CHECK_INT(p.nwords, 1);
    if (p.nwords == 1) {
        CHECK_INT(p.words[0].kind, SLANT_WORD_TOO_LONG);
        CHECK(p.words[0].folded == NULL && p.words[0].stem == NULL);
    }
    CHECK_INT(p.nmatches, 0);
    slant_phrase_inspection_release(&p);
}

void suite_lexicon_inspect(void)
{
    lex = harness_load_lexicon(TEST_LEXICON);
    if (!lex)
        return;
    RUN(counts_entries_by_kind);
    RUN(finds_overlaps_between_categories);
    RUN(names_entry_kinds_and_places);
    RUN(inspects_a_phrase);
    RUN(inspects_phrases_without_matches);
    slant_lexicon_free(lex);
    lex = NULL;
}
