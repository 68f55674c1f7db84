/* Dataset entries as typed keys (dataset.h): their text and back, one index per key
 * whichever way it is named, the canonical order, and merging datasets keyed so. */

#include <string.h>

#include "dataset.h"
#include "harness.h"

typedef struct {
    slant_entry_key key;
    const char *text;
} keyed;

static const keyed kinds[] = {
    { { SLANT_ENTRY_TERM, "labels", "radical" }, "labels:radical" },
    { { SLANT_ENTRY_TERM, "labels", "a:b" }, "labels:a:b" }, /* the name may hold a colon */
    { { SLANT_ENTRY_VARIANT, "takeover", "occupied" }, "contested/takeover:occupied" },
    { { SLANT_ENTRY_ACTOR, "Bob", "mentions" }, "actor/Bob:mentions" },
    { { SLANT_ENTRY_ACTOR, "Bob", "labels" }, "actor/Bob:labels" },
    { { SLANT_ENTRY_CONCEPT, "takeover", NULL }, "concept/takeover" },
    { { SLANT_ENTRY_TERM, "bare", NULL }, "bare" },
};

static const slant_entry_key takeover = { SLANT_ENTRY_CONCEPT, "takeover", NULL };

static void same_key(const slant_entry_key *got, const slant_entry_key *want)
{
    CHECK_INT(got->kind, want->kind);
    CHECK_STR(got->owner, want->owner);
    if (want->name)
        CHECK_STR(got->name, want->name);
    else
        CHECK(got->name == NULL);
}

static void keys_round_trip(void)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        char text[64], owner[64];
        CHECK_INT(slant_entry_key_format(&kinds[k].key, text, sizeof text), strlen(kinds[k].text));
        CHECK_STR(text, kinds[k].text);
        slant_entry_key back;
        CHECK_INT(slant_entry_key_parse(text, &back, owner, sizeof owner), 0);
        same_key(&back, &kinds[k].key);
    }
    /* a prefix without a colon is no variant or actor: a term, its text its owner */
    char owner[64];
    slant_entry_key k;
    CHECK_INT(slant_entry_key_parse("actor/nobody", &k, owner, sizeof owner), 0);
    CHECK_INT(k.kind, SLANT_ENTRY_TERM);
    CHECK_STR(k.owner, "actor/nobody");
    CHECK(k.name == NULL);
    /* too small: truncated with a NUL, the whole length returned; an owner too long */
    char small[8];
    CHECK_INT(slant_entry_key_format(&kinds[2].key, small, sizeof small), 27);
    CHECK_STR(small, "contest");
    CHECK_INT(slant_entry_key_parse("labels:radical", &k, owner, 6), -1);
    CHECK_INT(slant_entry_key_parse("labels:radical", &k, owner, 7), 0);
    CHECK_STR(k.owner, "labels");
}

static void one_index_per_key(void)
{
    slant_dataset *ds = slant_dataset_new();
    size_t n = sizeof kinds / sizeof *kinds;
    for (size_t k = 0; k < n; k++) {
        char owner[32];
        strcpy(owner, kinds[k].key.owner);
        slant_entry_key key = kinds[k].key;
        key.owner = owner; /* the dataset copies it */
        size_t e = slant_dataset_entry_key(ds, &key);
        strcpy(owner, "XXXX");
        CHECK_INT(e, k);
        CHECK_INT(slant_dataset_entry_key(ds, &kinds[k].key), e);
        slant_dataset_add_entry_pooled(ds, "A", kinds[k].text, 1, 1); /* a partial's name */
        CHECK_INT(slant_dataset_nentries(ds), k + 1);
        CHECK_STR(slant_dataset_entry_name(ds, e), kinds[k].text);
        same_key(slant_dataset_entry_info(ds, e), &kinds[k].key);
        CHECK(slant_dataset_group_at(ds, slant_dataset_group(ds, "A"))->entry_counts[e] == 1);
    }
    CHECK_INT(slant_dataset_nentries(ds), n);
    /* named first by text (a partial's), the key is read from it */
    slant_dataset_add_entry_pooled(ds, "A", "actor/Al:hedges", 1, 1);
    CHECK_INT(slant_dataset_nentries(ds), n + 1);
    same_key(slant_dataset_entry_info(ds, n),
             &(slant_entry_key){ SLANT_ENTRY_ACTOR, "Al", "hedges" });
    slant_dataset_free(ds);
}

static const char *const canonical[] = {
    "labels:brutal",   "labels:radical",     "hedges:may",         "actor/Al:labels",
    "actor/Al:hedges", "actor/Alice:labels", "actor/Bob:labels",   "actor/Bob:mentions",
    "concept/takeover", "contested/takeover:liberated", "contested/takeover:occupied",
};

/* Adds the entries of `canonical`, keyed, in a scrambled order, to one article of "A". */
static void add_scrambled(slant_dataset *ds)
{
    const char *names[] = { "labels", "hedges" };
    const double v[] = { 1, 2 };
    slant_dataset_add_row(ds, "a1", "A", NULL, 100, names, v, 2);
    const slant_entry_key keys[] = {
        { SLANT_ENTRY_VARIANT, "takeover", "occupied" },
        { SLANT_ENTRY_ACTOR, "Bob", "mentions" },
        { SLANT_ENTRY_TERM, "hedges", "may" },
        { SLANT_ENTRY_ACTOR, "Alice", "labels" },
        { SLANT_ENTRY_TERM, "labels", "radical" },
        { SLANT_ENTRY_ACTOR, "Al", "hedges" },
        { SLANT_ENTRY_VARIANT, "takeover", "liberated" },
        { SLANT_ENTRY_ACTOR, "Bob", "labels" },
        { SLANT_ENTRY_TERM, "labels", "brutal" },
        { SLANT_ENTRY_ACTOR, "Al", "labels" },
    };
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        slant_dataset_add_entry_key(ds, "A", &keys[k], (double)(k + 1));
}

static void canonical_order(void)
{
    slant_dataset *ds = slant_dataset_new();
    add_scrambled(ds);
    slant_dataset_sort(ds);
    size_t n = sizeof canonical / sizeof *canonical;
    CHECK_INT(slant_dataset_nentries(ds), n);
    for (size_t e = 0; e < n && e < slant_dataset_nentries(ds); e++) {
        CHECK_STR(slant_dataset_entry_name(ds, e), canonical[e]);
        /* the key moved with its entry */
        char text[64];
        slant_entry_key_format(slant_dataset_entry_info(ds, e), text, sizeof text);
        CHECK_STR(text, canonical[e]);
    }
    size_t a = slant_dataset_group(ds, "A");
    const slant_group *g = slant_dataset_group_at(ds, a);
    const slant_entry_key may = { SLANT_ENTRY_TERM, "hedges", "may" };
    CHECK(g->entry_counts[slant_dataset_entry_key(ds, &may)] == 3);
    CHECK(g->entry_counts[slant_dataset_entry_key(ds, &takeover)] == 1 + 7);
    CHECK(g->entry_articles[slant_dataset_entry_key(ds, &takeover)] == 1);
    slant_dataset_free(ds);
}

static void typed_datasets_merge(void)
{
    slant_dataset *x = slant_dataset_new(), *y = slant_dataset_new();
    add_scrambled(x);
    const char *names[] = { "labels", "hedges" }; /* the indicators in x's order */
    const double v[] = { 1, 1 };
    slant_dataset_add_row(y, "b1", "B", NULL, 50, names, v, 2);
    slant_dataset_add_entry_key(y, "B", &kinds[2].key, 2); /* contested/takeover:occupied */
    const slant_entry_key may = { SLANT_ENTRY_TERM, "hedges", "may" };
    slant_dataset_add_entry_key(y, "B", &may, 4);
    slant_dataset_merge(y, x);
    slant_dataset_merge(x, y); /* x now holds its own counts twice and y's once */
    slant_dataset_sort(x);
    slant_dataset_sort(y);
    CHECK_INT(slant_dataset_nentries(x), sizeof canonical / sizeof *canonical);
    CHECK_INT(slant_dataset_nentries(y), sizeof canonical / sizeof *canonical);
    for (size_t e = 0; e < slant_dataset_nentries(x); e++) {
        CHECK_STR(slant_dataset_entry_name(x, e), canonical[e]);
        CHECK_STR(slant_dataset_entry_name(y, e), canonical[e]);
        const slant_entry_key *kx = slant_dataset_entry_info(x, e);
        same_key(slant_dataset_entry_info(y, e), kx);
    }
    size_t occupied = slant_dataset_entry_key(
        y, &(slant_entry_key){ SLANT_ENTRY_VARIANT, "takeover", "occupied" });
    CHECK_STR(slant_dataset_entry_name(y, occupied), "contested/takeover:occupied");
    const slant_group *b = slant_dataset_group_at(y, slant_dataset_group(y, "B"));
    const slant_group *a = slant_dataset_group_at(y, slant_dataset_group(y, "A"));
    CHECK(b->entry_counts[occupied] == 2);
    CHECK(a->entry_counts[occupied] == 1);
    size_t concept = slant_dataset_entry_key(y, &takeover);
    CHECK(b->entry_counts[concept] == 2);
    CHECK(a->entry_counts[concept] == 8);
    size_t bmay = slant_dataset_entry_key(x, &may);
    CHECK(slant_dataset_group_at(x, slant_dataset_group(x, "A"))->entry_counts[bmay] == 6);
    CHECK(slant_dataset_group_at(x, slant_dataset_group(x, "B"))->entry_counts[bmay] == 4);
    slant_dataset_free(x);
    slant_dataset_free(y);
}

void suite_entries(void)
{
    RUN(keys_round_trip);
    RUN(one_index_per_key);
    RUN(canonical_order);
    RUN(typed_datasets_merge);
}
