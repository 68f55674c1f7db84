/* The dataset of a comparison (dataset.h): rows by name, values without the undefined,
 * pooled entry counts, and merging two halves into the whole. */

#include <math.h>
#include <string.h>

#include "dataset.h"
#include "harness.h"

static const slant_entry_key radical = { SLANT_ENTRY_TERM, "labels", "radical" };
static const slant_entry_key brutal = { SLANT_ENTRY_TERM, "labels", "brutal" };
static const slant_entry_key occupied = { SLANT_ENTRY_VARIANT, "takeover", "occupied" };
static const slant_entry_key liberated = { SLANT_ENTRY_VARIANT, "takeover", "liberated" };
static const slant_entry_key takeover = { SLANT_ENTRY_CONCEPT, "takeover", NULL };

/* Half a corpus: group "A" with two articles, group "B" with one, or the other half. */
static void add_half(slant_dataset *ds, int second)
{
    const char *names[] = { "labels", "quote_share" };
    if (!second) {
        const double a1[] = { 2.0, 0.1 }, a2[] = { 4.0, NAN }, b1[] = { 1.0, 0.3 };
        slant_dataset_add_row(ds, "a1", "A", "e1", 500, names, a1, 2);
        slant_dataset_add_row(ds, "a2", "A", NULL, 250, names, a2, 2);
        slant_dataset_add_row(ds, "b1", "B", "e1", 1000, names, b1, 2);
        slant_dataset_add_entry_key(ds, "A", &radical, 2);
    } else {
        const double b2[] = { 3.0 };
        slant_dataset_add_row(ds, "b2", "B", "e2", 750, names, b2, 1);
        slant_dataset_add_entry_key(ds, "A", &radical, 1);
        slant_dataset_add_entry_key(ds, "B", &occupied, 5);
    }
}

static void rows_groups_and_values(void)
{
    slant_dataset *ds = slant_dataset_new();
    add_half(ds, 0);
    CHECK_INT(slant_dataset_nrows(ds), 3);
    CHECK_INT(slant_dataset_ngroups(ds), 2);
    CHECK_INT(slant_dataset_nindicators(ds), 2);
    CHECK_INT(slant_dataset_nevents(ds), 1);
    size_t a = slant_dataset_group(ds, "A"), labels = slant_dataset_indicator(ds, "labels");
    size_t share = slant_dataset_indicator(ds, "quote_share");
    CHECK_INT(slant_dataset_ngroups(ds), 2); /* looking a name up does not add it twice */
    const slant_group *g = slant_dataset_group_at(ds, a);
    CHECK_STR(g->name, "A");
    CHECK_INT(g->articles, 2);
    CHECK(g->tokens == 750);
    double v[4];
    CHECK_INT(slant_dataset_values(ds, a, labels, v, 4), 2);
    CHECK(v[0] == 2.0 && v[1] == 4.0);
    CHECK_INT(slant_dataset_values(ds, a, share, v, 4), 1); /* the undefined one skipped */
    CHECK(v[0] == 0.1);
    const slant_row *r = slant_dataset_row(ds, 1);
    CHECK_STR(r->id, "a2");
    CHECK(r->event == UINT32_MAX); /* no event */
    CHECK(isnan(r->values[share]));
    size_t e = slant_dataset_entry_key(ds, &radical);
    CHECK_STR(slant_dataset_entry_name(ds, e), "labels:radical");
    CHECK(g->entry_counts[e] == 2);
    slant_dataset_free(ds);
}

/* The two halves merged are the whole, whatever was named first in each. */
static void halves_merge_into_the_whole(void)
{
    slant_dataset *whole = slant_dataset_new(), *first = slant_dataset_new(),
                  *second = slant_dataset_new();
    add_half(whole, 0);
    add_half(whole, 1);
    add_half(first, 0);
    add_half(second, 1);
    slant_dataset_merge(first, second);
    CHECK_INT(slant_dataset_nrows(first), slant_dataset_nrows(whole));
    CHECK_INT(slant_dataset_ngroups(first), 2);
    CHECK_INT(slant_dataset_nevents(first), 2);
    CHECK_INT(slant_dataset_nentries(first), 3); /* and "concept/takeover" */
    size_t b = slant_dataset_group(first, "B");
    const slant_group *g = slant_dataset_group_at(first, b);
    CHECK_INT(g->articles, 2);
    CHECK(g->tokens == 1750);
    size_t c = slant_dataset_entry_key(first, &occupied);
    CHECK(g->entry_counts[c] == 5);
    size_t a = slant_dataset_group(first, "A");
    CHECK(slant_dataset_group_at(first, a)->entry_counts[slant_dataset_entry_key(first, &radical)]
          == 3);
    /* the second half's row named only "labels": its quote_share is undefined */
    double v[4];
    CHECK_INT(slant_dataset_values(first, b, slant_dataset_indicator(first, "quote_share"), v, 4),
              1);
    CHECK_INT(slant_dataset_values(first, b, slant_dataset_indicator(first, "labels"), v, 4), 2);
    slant_dataset_free(whole);
    slant_dataset_free(first);
    slant_dataset_free(second);
}

static double articles_of(slant_dataset *ds, const char *group, const slant_entry_key *entry)
{
    size_t g = slant_dataset_group(ds, group), e = slant_dataset_entry_key(ds, entry);
    return slant_dataset_group_at(ds, g)->entry_articles[e];
}

/* The articles an entry occurs in: once per article however often it is added, a concept
 * once per article whatever its variants, pooled sums as they are, merged and sorted. */
static void document_frequency(void)
{
    slant_dataset *ds = slant_dataset_new();
    const char *names[] = { "labels" };
    const double one[] = { 1.0 };
    slant_dataset_add_row(ds, "a1", "A", NULL, 100, names, one, 1);
    slant_dataset_add_entry_key(ds, "A", &radical, 1); /* evidence: once per match */
    slant_dataset_add_entry_key(ds, "A", &radical, 1);
    slant_dataset_add_entry_key(ds, "A", &occupied, 1);
    slant_dataset_add_entry_key(ds, "A", &liberated, 2);
    slant_dataset_add_entry_key(ds, "A", &brutal, 0); /* a zero count is no use */
    slant_dataset_add_row(ds, "a2", "A", NULL, 100, names, one, 1);
    slant_dataset_add_entry_key(ds, "A", &radical, 3);
    slant_dataset_add_row(ds, "b1", "B", NULL, 100, names, one, 1);
    slant_dataset_add_entry_key(ds, "B", &occupied, 1);
    CHECK(articles_of(ds, "A", &radical) == 2);
    CHECK(articles_of(ds, "A", &brutal) == 0);
    CHECK(articles_of(ds, "A", &occupied) == 1);
    CHECK(articles_of(ds, "A", &takeover) == 1);
    CHECK(articles_of(ds, "B", &takeover) == 1);
    size_t a = slant_dataset_group(ds, "A");
    CHECK(slant_dataset_group_at(ds, a)->entry_counts[slant_dataset_entry_key(ds, &takeover)] == 3);
    slant_dataset *other = slant_dataset_new();
    slant_dataset_add_entry_key_pooled(other, "A", &radical, 10, 4);
    slant_dataset_merge(other, ds);
    slant_dataset_sort(other);
    CHECK(articles_of(other, "A", &radical) == 6);
    CHECK(articles_of(other, "A", &takeover) == 1); /* carried, not derived again */
    /* after sorting, a new article counts its entries afresh */
    slant_dataset_add_row(other, "c1", "A", NULL, 100, names, one, 1);
    slant_dataset_add_entry_key(other, "A", &radical, 1);
    CHECK(articles_of(other, "A", &radical) == 7);
    slant_dataset_free(ds);
    slant_dataset_free(other);
}

/* Entries added by hint count as the same entries added by key: before and after the
 * canonical order renumbers them, and a variant's concept too. */
static void hinted_entries_are_their_keys(void)
{
    slant_dataset *byhint = slant_dataset_new(), *bykey = slant_dataset_new();
    const char *names[] = { "labels" };
    const double one[] = { 1.0 };
    for (int round = 0; round < 2; round++) {
        slant_dataset_add_row(byhint, "x", "B", NULL, 100, names, one, 1);
        slant_dataset_add_row(bykey, "x", "B", NULL, 100, names, one, 1);
        size_t g = slant_dataset_group(byhint, "B");
        slant_dataset_add_entry_hinted(byhint, g, &occupied, 3, 1);
        slant_dataset_add_entry_hinted(byhint, g, &radical, 7, 2);
        slant_dataset_add_entry_hinted(byhint, g, &brutal, 0, 1); /* 0: no hint */
        slant_dataset_add_entry_hinted(byhint, g, &radical, 7, 1);
        slant_dataset_add_entry_key(bykey, "B", &occupied, 1);
        slant_dataset_add_entry_key(bykey, "B", &radical, 2);
        slant_dataset_add_entry_key(bykey, "B", &brutal, 1);
        slant_dataset_add_entry_key(bykey, "B", &radical, 1);
        /* the second round after sorting, which renumbers the entries (the terms first,
         * labels:brutal first of them; the concept from 1 to 2): hints and concepts
         * must follow them */
        slant_dataset_sort(byhint);
        slant_dataset_sort(bykey);
    }
    CHECK_INT(slant_dataset_nentries(byhint), slant_dataset_nentries(bykey));
    const slant_entry_key *keys[] = { &radical, &brutal, &occupied, &takeover };
    for (size_t k = 0; k < 4; k++) {
        size_t g = slant_dataset_group(byhint, "B");
        size_t eh = slant_dataset_entry_key(byhint, keys[k]), ek = slant_dataset_entry_key(bykey, keys[k]);
        CHECK(slant_dataset_group_at(byhint, g)->entry_counts[eh] ==
              slant_dataset_group_at(bykey, g)->entry_counts[ek]);
        CHECK(articles_of(byhint, "B", keys[k]) == articles_of(bykey, "B", keys[k]));
    }
    CHECK(articles_of(byhint, "B", &radical) == 2);
    CHECK(articles_of(byhint, "B", &takeover) == 2);
    /* and the counts themselves (both datasets find a variant's concept the same way) */
    const slant_group *b = slant_dataset_group_at(byhint, slant_dataset_group(byhint, "B"));
    CHECK(b->entry_counts[slant_dataset_entry_key(byhint, &radical)] == 6);
    CHECK(b->entry_counts[slant_dataset_entry_key(byhint, &occupied)] == 2);
    CHECK(b->entry_counts[slant_dataset_entry_key(byhint, &takeover)] == 2);
    CHECK(b->entry_counts[slant_dataset_entry_key(byhint, &brutal)] == 2);
    slant_dataset_free(byhint);
    slant_dataset_free(bykey);
}

/* A row's stratum: none until set; kept, by name, through a merge and the canonical
 * order, whose strata come in the order of their first sorted row. */
static void strata_survive_merge_and_sort(void)
{
    slant_dataset *ds = slant_dataset_new(), *all = slant_dataset_new();
    const char *names[] = { "labels" };
    const double v[] = { 1.0 };
    slant_dataset_add_row(ds, "z", "A", NULL, 10, names, v, 1);
    slant_dataset_add_row(ds, "b", "B", NULL, 10, names, v, 1);
    slant_dataset_add_row(ds, "a", "A", NULL, 10, names, v, 1);
    CHECK(slant_dataset_row(ds, 0)->stratum == UINT32_MAX);
    slant_dataset_set_stratum(ds, 0, "war");
    slant_dataset_set_stratum(ds, 2, "economy");
    CHECK_INT(slant_dataset_nstrata(ds), 2);
    CHECK_STR(slant_dataset_stratum_name(ds, slant_dataset_row(ds, 0)->stratum), "war");
    slant_dataset_merge(all, ds);
    slant_dataset_sort(all);
    CHECK_INT(slant_dataset_nstrata(all), 2);
    const slant_row *a = slant_dataset_row(all, 0), *b = slant_dataset_row(all, 1);
    const slant_row *z = slant_dataset_row(all, 2);
    CHECK_STR(a->id, "a");
    CHECK_STR(z->id, "z");
    CHECK(b->stratum == UINT32_MAX);
    CHECK(a->stratum == 0 && z->stratum == 1); /* "economy" first: row "a" sorts first */
    CHECK_STR(slant_dataset_stratum_name(all, a->stratum), "economy");
    CHECK_STR(slant_dataset_stratum_name(all, z->stratum), "war");
    slant_dataset_free(ds);
    slant_dataset_free(all);
}

void suite_dataset(void)
{
    RUN(rows_groups_and_values);
    RUN(halves_merge_into_the_whole);
    RUN(document_frequency);
    RUN(hinted_entries_are_their_keys);
    RUN(strata_survive_merge_and_sort);
}
