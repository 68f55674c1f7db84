#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "harness.h"
#include "indicator.h"
#include "lexicon_json.h"
#include "score_json.h"

/* Every row is named once, and every label says one thing. */
static void ids_and_labels_unique(void)
{
    size_t n = slant_indicator_count();
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const slant_indicator *a = slant_indicator_at(i), *b = slant_indicator_at(j);
            if (!strcmp(a->id, b->id) || !strcmp(a->label, b->label))
                fprintf(stderr, "rows %zu and %zu: '%s' '%s'\n", i, j, a->id, b->id);
            CHECK(strcmp(a->id, b->id) != 0);
            CHECK(strcmp(a->label, b->label) != 0);
        }
    CHECK(slant_indicator_at(n) == NULL);
}

/* Each kind of row has what its readers need. */
static void rows_complete(void)
{
    int leading_over = 0, seen_compared = 0;
    for (size_t i = 0; i < slant_indicator_count(); i++) {
        const slant_indicator *x = slant_indicator_at(i);
        CHECK(x->id && x->id[0] && x->label && x->label[0]);
        CHECK((x->flags & (SLANT_IND_COMPARED | SLANT_IND_COLUMN)) || x->record);
        if (x->flags & SLANT_IND_COMPARED) {
            /* compare reads it: a formula over named members, and a definition to print */
            CHECK(x->calc != SLANT_CALC_NONE && x->a != NULL);
            CHECK((x->calc == SLANT_CALC_RATIO || x->calc == SLANT_CALC_SHARE) == (x->b != NULL));
            CHECK(x->definition != NULL);
            CHECK(x->unit != SLANT_UNIT_COUNT);
            /* the leading rows come before every other compared row */
            if (x->flags & SLANT_IND_LEADS)
                leading_over |= seen_compared;
            else
                seen_compared = 1;
        } else {
            CHECK(x->calc == SLANT_CALC_NONE && !(x->flags & SLANT_IND_LEADS));
        }
        if ((x->flags & SLANT_IND_COLUMN) || x->record)
            CHECK(x->column != NULL);
        else
            CHECK(x->column == NULL);
        /* a record member is found by its path, and each path has one row */
        if (x->record)
            CHECK(slant_indicator_of_member(x->record) == x);
        /* compare's formulas read members that the record writer writes from the table
         * (the objects epistemic and attribution), or members of the record's top level */
        for (int m = 0; m < 2 && (x->flags & SLANT_IND_COMPARED); m++) {
            const char *path = m ? x->b : x->a;
            if (path && strchr(path, '.'))
                CHECK(slant_indicator_of_member(path) != NULL);
        }
        if (x->unit == SLANT_UNIT_INDEX)
            CHECK(x->scale && x->axis);
    }
    CHECK(!leading_over);
}

/*
 * One unit for each indicator, the same for compare's writers and the report (both ask
 * slant_indicator_unit): a category is a rate whatever its name, so a category named like
 * a share can no longer be a share in the report and a rate in compare.
 */
static void units(void)
{
    CHECK_INT(slant_indicator_unit("quote_share"), SLANT_UNIT_SHARE);
    CHECK_INT(slant_indicator_unit("loaded_verb_share"), SLANT_UNIT_SHARE);
    CHECK_INT(slant_indicator_unit("certainty"), SLANT_UNIT_INDEX);
    CHECK_INT(slant_indicator_unit("loaded_index"), SLANT_UNIT_INDEX);
    CHECK_INT(slant_indicator_unit("scare_quote_rate"), SLANT_UNIT_RATE);
    CHECK_INT(slant_indicator_unit("pejorative_labels"), SLANT_UNIT_RATE);
    CHECK_INT(slant_indicator_unit("market_share"), SLANT_UNIT_RATE);
    CHECK_INT(slant_indicator_unit("tokens"), SLANT_UNIT_COUNT);
}

static void the_index_leads(void)
{
    const char *ids[] = { "loaded_index", "loaded_index_author", "loaded_index_quoted" };
    size_t at[3];
    for (size_t k = 0; k < 3; k++) {
        CHECK(slant_indicator_leads(ids[k]));
        const slant_indicator *x = slant_indicator_find(ids[k]);
        CHECK(x && x->section == SLANT_SECTION_JUDGEMENT && (x->flags & SLANT_IND_COMPARED));
        at[k] = x ? (size_t)(x - slant_indicator_at(0)) : 0;
    }
    CHECK(at[0] < at[1] && at[1] < at[2]); /* the index, then its companions */
    CHECK(!slant_indicator_leads("quote_share"));
    CHECK(!slant_indicator_leads("pejorative_labels"));
}

static void formulas(void)
{
    const slant_indicator *share = slant_indicator_find("loaded_verb_share");
    const slant_indicator *ratio = slant_indicator_find("quote_share");
    const slant_indicator *rate = slant_indicator_find("scare_quote_rate");
    const slant_indicator *member = slant_indicator_find("certainty");
    CHECK(share && ratio && rate && member);
    if (!share || !ratio || !rate || !member)
        return;
    CHECK(slant_indicator_compute(share, 1, 3, 100) == 0.25);
    CHECK(isnan(slant_indicator_compute(share, 0, 0, 100)));
    CHECK(isnan(slant_indicator_compute(share, NAN, 2, 100)));
    CHECK(slant_indicator_compute(ratio, 30, 120, 120) == 0.25);
    CHECK(isnan(slant_indicator_compute(ratio, 0, 0, 0)));
    CHECK(slant_indicator_compute(rate, 2, NAN, 400) == 5);
    CHECK(isnan(slant_indicator_compute(rate, 2, NAN, 0)));
    CHECK(slant_indicator_compute(member, -0.5, NAN, 10) == -0.5);
}

static void sections_from_groups(void)
{
    slant_lexicon *lex = harness_load_lexicon("tests/data/lexicon-test");
    if (!lex)
        return;
    CHECK_INT(slant_indicator_section("labels", lex), SLANT_SECTION_JUDGEMENT);
    CHECK_INT(slant_indicator_section("negators", lex), SLANT_SECTION_STRUCTURAL);
    CHECK_INT(slant_indicator_section("labels", NULL), SLANT_SECTION_UNKNOWN);
    CHECK_INT(slant_indicator_section("nothing", lex), SLANT_SECTION_UNKNOWN);
    CHECK_INT(slant_indicator_section("certainty", lex), SLANT_SECTION_EPISTEMIC);
    CHECK_INT(slant_indicator_section("loaded_index", NULL), SLANT_SECTION_JUDGEMENT);
    CHECK(slant_section_is_headline(slant_indicator_section("labels", lex)));
    CHECK(!slant_section_is_headline(slant_indicator_section("negators", lex)));
    CHECK(!slant_section_is_headline(SLANT_SECTION_EPISTEMIC));
    CHECK(slant_section_is_headline(SLANT_SECTION_ATTRIBUTION));
    CHECK(slant_section_is_headline(SLANT_SECTION_CONTESTED));
    CHECK_STR(slant_section_name(SLANT_SECTION_STRUCTURAL), "structural");
    slant_lexicon_free(lex);
}

static void labels(void)
{
    char buf[64];
    CHECK_STR(slant_indicator_label("quote_share", NULL, buf, sizeof buf),
              "share of words in quotations");
    CHECK_STR(slant_indicator_label("pejorative_labels", NULL, buf, sizeof buf),
              "pejorative labels");
    CHECK_STR(slant_indicator_label("violence", NULL, buf, sizeof buf), "violence terms");
    /* no id is compiled in: without a lexicon, a report verb category is a category */
    CHECK_STR(slant_indicator_label("report_loaded", NULL, buf, sizeof buf),
              "report loaded terms");
    CHECK_INT(slant_indicator_role("report_loaded", NULL), SLANT_ROLE_NONE);
}

/* Writes `manifest` (its categories' files empty) to a fresh directory and loads it. */
static slant_lexicon *lexicon_with(const char *manifest, const char *const *files, size_t n)
{
    char dir[] = "/tmp/slant-indXXXXXX";
    if (!mkdtemp(dir))
        return NULL;
    char path[128];
    snprintf(path, sizeof path, "%s/lexicon.json", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(manifest, f);
        fclose(f);
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        f = fopen(path, "w");
        if (f) {
            fputs("word\n", f);
            fclose(f);
        }
    }
    slant_lexicon *lex = harness_load_lexicon(dir);
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
    snprintf(path, sizeof path, "%s/lexicon.json", dir);
    remove(path);
    remove(dir);
    return lex;
}

/* Labels, roles and sections of categories come from the manifest: its `label`, else the
 * framing role's label; the role's section for report_loaded and anonymous_source. */
static void categories_from_the_manifest(void)
{
    static const char *const files[] = { "a.txt", "b.txt", "c.txt", "d.txt" };
    slant_lexicon *lex = lexicon_with(
        "{\"id\":\"t\",\"version\":\"1\",\"language\":\"en\",\"stemmer\":\"english\","
        "\"categories\":["
        "{\"id\":\"spin\",\"file\":\"a.txt\",\"group\":\"loaded\",\"definition\":\"d\","
        "\"role\":\"report_loaded\"},"
        "{\"id\":\"plain\",\"file\":\"b.txt\",\"group\":\"structural\",\"definition\":\"d\","
        "\"role\":\"report_neutral\",\"label\":\"plain verbs of saying\"},"
        "{\"id\":\"nameless\",\"file\":\"c.txt\",\"group\":\"structural\","
        "\"definition\":\"d\",\"role\":\"anonymous_source\"},"
        "{\"id\":\"soft\",\"file\":\"d.txt\",\"group\":\"epistemic\",\"definition\":\"d\","
        "\"role\":\"hedge\"}]}",
        files, 4);
    if (!lex)
        return;
    char buf[64];
    CHECK_STR(slant_indicator_label("spin", lex, buf, sizeof buf), "loaded report verbs");
    CHECK_STR(slant_indicator_label("plain", lex, buf, sizeof buf), "plain verbs of saying");
    CHECK_STR(slant_indicator_label("nameless", lex, buf, sizeof buf),
              "anonymous-source attributions");
    CHECK_STR(slant_indicator_label("soft", lex, buf, sizeof buf), "soft terms");
    CHECK_STR(slant_indicator_label("quote_share", lex, buf, sizeof buf),
              "share of words in quotations");
    CHECK_INT(slant_indicator_role("spin", lex), SLANT_ROLE_REPORT_LOADED);
    CHECK_INT(slant_indicator_role("plain", lex), SLANT_ROLE_REPORT_NEUTRAL);
    CHECK_INT(slant_indicator_role("soft", lex), SLANT_ROLE_HEDGE);
    CHECK_INT(slant_indicator_role("quote_share", lex), SLANT_ROLE_NONE);
    CHECK_INT(slant_indicator_section("spin", lex), SLANT_SECTION_ATTRIBUTION);
    CHECK_INT(slant_indicator_section("nameless", lex), SLANT_SECTION_ATTRIBUTION);
    CHECK_INT(slant_indicator_section("plain", lex), SLANT_SECTION_STRUCTURAL);
    CHECK_INT(slant_indicator_section("soft", lex), SLANT_SECTION_EPISTEMIC);
    slant_lexicon_free(lex);
    /* a label must be a non-empty string */
    slant_error err;
    slant_manifest m;
    const char *bad = "{\"id\":\"t\",\"version\":\"1\",\"language\":\"en\","
                      "\"stemmer\":\"english\",\"categories\":[{\"id\":\"a\","
                      "\"file\":\"a.txt\",\"group\":\"loaded\",\"definition\":\"d\","
                      "\"label\":3}]}";
    CHECK_INT(slant_json_parse_manifest(bad, strlen(bad), "lexicon.json", &m, &err),
              SLANT_ERR_INPUT);
    CHECK(strstr(err.message, "'label' is not a non-empty string") != NULL);
    slant_manifest_release(&m);
}

/* Reads one record into `ds`; returns the status. */
static slant_status read_one(slant_dataset *ds, const char *json)
{
    slant_score_fields f = { .by = "source" };
    int had_evidence = 0;
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_json_read_score(json, strlen(json), &f, "t.jsonl", 1, ds,
                                            &had_evidence, &err);
    if (st != SLANT_OK)
        fprintf(stderr, "read: %s\n", err.message);
    return st;
}

static long indicator_index(const slant_dataset *ds, const char *name)
{
    for (size_t i = 0; i < slant_dataset_nindicators(ds); i++)
        if (!strcmp(slant_dataset_indicator_name(ds, i), name))
            return (long)i;
    return -1;
}

/* The reader takes every compared row the record has, the index first, and nothing the
 * record lacks; many derived rows and one category do not overflow it. */
static void reader_takes_the_table(void)
{
    slant_dataset *ds = slant_dataset_new();
    CHECK_INT(read_one(ds, "{\"id\":\"a\",\"source\":\"A\",\"tokens\":200,\"quote_tokens\":50,"
                           "\"loaded_index\":7.5,\"loaded_index_author\":5,"
                           "\"loaded_index_quoted\":null,"
                           "\"categories\":{\"labels\":{\"count\":3}},"
                           "\"epistemic\":{\"certainty\":0.5},"
                           "\"attribution\":{\"quotations\":4,\"attributed\":3,"
                           "\"anonymous\":1,\"neutral_verbs\":3,\"loaded_verbs\":1,"
                           "\"scare_quotes\":2}}"),
              SLANT_OK);
    size_t compared = 0;
    for (size_t i = 0; i < slant_indicator_count(); i++)
        compared += (slant_indicator_at(i)->flags & SLANT_IND_COMPARED) != 0;
    CHECK_INT(slant_dataset_nindicators(ds), compared + 1);
    CHECK_STR(slant_dataset_indicator_name(ds, 0), "loaded_index");
    CHECK_STR(slant_dataset_indicator_name(ds, 1), "loaded_index_author");
    CHECK_STR(slant_dataset_indicator_name(ds, 2), "loaded_index_quoted");
    CHECK_STR(slant_dataset_indicator_name(ds, 3), "labels");
    const slant_row *row = slant_dataset_row(ds, 0);
    CHECK(row->values[0] == 7.5 && row->values[1] == 5 && isnan(row->values[2]));
    CHECK(row->values[3] == 15);
    CHECK(row->values[indicator_index(ds, "quote_share")] == 0.25);
    CHECK(row->values[indicator_index(ds, "certainty")] == 0.5);
    CHECK(row->values[indicator_index(ds, "scare_quote_rate")] == 10);
    CHECK(row->values[indicator_index(ds, "loaded_verb_share")] == 0.25);
    CHECK(row->values[indicator_index(ds, "attributed_share")] == 0.75);
    CHECK(row->values[indicator_index(ds, "anonymous_share")] == 0.25);
    slant_dataset_free(ds);

    /* An older record: no index, no framing; the rest as before. */
    ds = slant_dataset_new();
    CHECK_INT(read_one(ds, "{\"id\":\"b\",\"source\":\"B\",\"tokens\":100,\"quote_tokens\":0,"
                           "\"categories\":{\"labels\":{\"count\":1},"
                           "\"victims\":{\"count\":2}}}"),
              SLANT_OK);
    CHECK_INT(slant_dataset_nindicators(ds), 3);
    CHECK_STR(slant_dataset_indicator_name(ds, 0), "labels");
    CHECK_STR(slant_dataset_indicator_name(ds, 2), "quote_share");
    CHECK_INT(indicator_index(ds, "loaded_index"), -1);
    slant_dataset_free(ds);
}

void suite_indicator(void)
{
    RUN(ids_and_labels_unique);
    RUN(rows_complete);
    RUN(units);
    RUN(the_index_leads);
    RUN(formulas);
    RUN(sections_from_groups);
    RUN(labels);
    RUN(categories_from_the_manifest);
    RUN(reader_takes_the_table);
}
