#include "dataset.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* An entry's key and the strings it points to, which the dataset owns. */
typedef struct {
    slant_entry_key key;
    char *owner, *name;
    size_t concept;              /* a VARIANT's concept entry, once looked up; else SIZE_MAX */
} entry_slot;

struct slant_dataset {
    slant_intern indicators, groups, events, entries, strata;
    slant_intern sig_terms;      /* the stems of the rows' signatures */
    slant_row *rows;
    size_t nrows, rows_cap;
    slant_group *group_data;     /* parallel to `groups` */
    size_t group_cap;
    size_t bad_dates;            /* rows whose date could not be read */
    size_t *entry_row;           /* per entry: nrows when the last article counted it for
                                  * its article count, SIZE_MAX when none did */
    size_t entry_row_cap;
    entry_slot *keys;            /* parallel to `entries` */
    size_t keys_cap;
    size_t *hinted;              /* per caller's hint (slant_dataset_add_entry_hinted): its
                                  * entry + 1, or 0 when not seen yet */
    size_t hinted_cap;
};

slant_dataset *slant_dataset_new(void)
{
    slant_dataset *ds = xcalloc(1, sizeof *ds);
    slant_intern_init(&ds->indicators);
    slant_intern_init(&ds->groups);
    slant_intern_init(&ds->events);
    slant_intern_init(&ds->entries);
    slant_intern_init(&ds->sig_terms);
    slant_intern_init(&ds->strata);
    return ds;
}

void slant_dataset_free(slant_dataset *ds)
{
    if (!ds)
        return;
    for (size_t r = 0; r < ds->nrows; r++) {
        free(ds->rows[r].id);
        free(ds->rows[r].values);
        free(ds->rows[r].sig_terms);
        free(ds->rows[r].sig_counts);
    }
    free(ds->rows);
    for (size_t g = 0; g < slant_intern_count(&ds->groups); g++) {
        free(ds->group_data[g].name);
        free(ds->group_data[g].entry_counts);
        free(ds->group_data[g].entry_articles);
    }
    free(ds->entry_row);
    for (size_t e = 0; e < slant_intern_count(&ds->entries); e++) {
        free(ds->keys[e].owner);
        free(ds->keys[e].name);
    }
    free(ds->keys);
    free(ds->hinted);
    free(ds->group_data);
    slant_intern_release(&ds->indicators);
    slant_intern_release(&ds->groups);
    slant_intern_release(&ds->events);
    slant_intern_release(&ds->entries);
    slant_intern_release(&ds->sig_terms);
    slant_intern_release(&ds->strata);
    free(ds);
}

/* Rows and groups hold arrays sized by the indicator and entry counts: grow them all
 * when either count grows, so every row and group always has a slot for each. */
static void widen_rows(slant_dataset *ds, size_t old, size_t now)
{
    for (size_t r = 0; r < ds->nrows; r++) {
        ds->rows[r].values = xrealloc(ds->rows[r].values, now * sizeof(double));
        for (size_t i = old; i < now; i++)
            ds->rows[r].values[i] = NAN;
    }
}

static void widen_groups(slant_dataset *ds, size_t old, size_t now)
{
    for (size_t g = 0; g < slant_intern_count(&ds->groups); g++) {
        ds->group_data[g].entry_counts =
            xrealloc(ds->group_data[g].entry_counts, now * sizeof(double));
        ds->group_data[g].entry_articles =
            xrealloc(ds->group_data[g].entry_articles, now * sizeof(double));
        for (size_t e = old; e < now; e++)
            ds->group_data[g].entry_counts[e] = ds->group_data[g].entry_articles[e] = 0;
    }
    ds->entry_row = xgrow(ds->entry_row, &ds->entry_row_cap, now, sizeof *ds->entry_row);
    for (size_t e = old; e < now; e++)
        ds->entry_row[e] = SIZE_MAX;
}

size_t slant_dataset_indicator(slant_dataset *ds, const char *name)
{
    int added;
    size_t i = slant_intern_add(&ds->indicators, name, strlen(name), &added);
    if (added)
        widen_rows(ds, i, i + 1);
    return i;
}

/* --- entries as typed keys --------------------------------------------------------- */

static const char *const kind_prefix[] = {
    [SLANT_ENTRY_TERM] = "",
    [SLANT_ENTRY_VARIANT] = SLANT_CONTESTED_PREFIX,
    [SLANT_ENTRY_ACTOR] = SLANT_ACTOR_PREFIX,
    [SLANT_ENTRY_CONCEPT] = SLANT_CONCEPT_PREFIX,
};

/* Appends `s` at out[*at] while it fits (keeping a byte for the NUL); counts it all. */
static void put(char *out, size_t cap, size_t *at, const char *s)
{
    for (; *s; s++, (*at)++)
        if (*at + 1 < cap)
            out[*at] = *s;
}

size_t slant_entry_key_format(const slant_entry_key *key, char *out, size_t cap)
{
    size_t at = 0;
    put(out, cap, &at, kind_prefix[key->kind]);
    put(out, cap, &at, key->owner);
    if (key->name && key->kind != SLANT_ENTRY_CONCEPT) {
        put(out, cap, &at, ":");
        put(out, cap, &at, key->name);
    }
    if (cap)
        out[at < cap ? at : cap - 1] = '\0';
    return at;
}

int slant_entry_key_parse(const char *text, slant_entry_key *key, char *owner, size_t cap)
{
    key->kind = SLANT_ENTRY_TERM;
    for (int k = SLANT_ENTRY_VARIANT; k <= SLANT_ENTRY_CONCEPT; k++) {
        size_t n = strlen(kind_prefix[k]);
        if (strncmp(text, kind_prefix[k], n) != 0)
            continue;
        if (k == SLANT_ENTRY_CONCEPT || strchr(text + n, ':')) {
            key->kind = (slant_entry_key_kind)k;
            text += n;
        }
        break;
    }
    const char *colon = key->kind == SLANT_ENTRY_CONCEPT ? NULL : strchr(text, ':');
    size_t len = colon ? (size_t)(colon - text) : strlen(text);
    key->owner = owner;
    key->name = colon ? colon + 1 : NULL;
    if (len >= cap) {
        if (cap)
            owner[0] = '\0';
        return -1;
    }
    memcpy(owner, text, len);
    owner[len] = '\0';
    return 0;
}

/* Interns entry `text`; when new, with a copy of `key`, or else the key parsed from it. */
static size_t entry_of(slant_dataset *ds, const char *text, size_t len,
                       const slant_entry_key *key)
{
    int added;
    size_t e = slant_intern_add(&ds->entries, text, len, &added);
    if (!added)
        return e;
    widen_groups(ds, e, e + 1);
    ds->keys = xgrow(ds->keys, &ds->keys_cap, e + 1, sizeof *ds->keys);
    entry_slot *k = &ds->keys[e];
    k->concept = SIZE_MAX;
    if (key) {
        k->owner = xstrdup(key->owner);
        k->name = key->name && key->kind != SLANT_ENTRY_CONCEPT ? xstrdup(key->name) : NULL;
        k->key.kind = key->kind;
    } else {
        slant_entry_key parsed;
        k->owner = xmalloc(len + 1);
        slant_entry_key_parse(text, &parsed, k->owner, len + 1); /* fits: a part of text */
        k->name = parsed.name ? xstrdup(parsed.name) : NULL;
        k->key.kind = parsed.kind;
    }
    k->key.owner = k->owner;
    k->key.name = k->name;
    return e;
}

#define ENTRY_TEXT_STACK 512 /* most entries' text fits; longer ones are allocated */

size_t slant_dataset_entry_key(slant_dataset *ds, const slant_entry_key *key)
{
    char stack[ENTRY_TEXT_STACK];
    size_t len = slant_entry_key_format(key, stack, sizeof stack);
    if (len < sizeof stack)
        return entry_of(ds, stack, len, key);
    char *text = xmalloc(len + 1);
    slant_entry_key_format(key, text, len + 1);
    size_t e = entry_of(ds, text, len, key);
    free(text);
    return e;
}

const slant_entry_key *slant_dataset_entry_info(const slant_dataset *ds, size_t e)
{
    return &ds->keys[e].key;
}

size_t slant_dataset_group(slant_dataset *ds, const char *name)
{
    int added;
    size_t g = slant_intern_add(&ds->groups, name, strlen(name), &added);
    if (added) {
        ds->group_data = xgrow(ds->group_data, &ds->group_cap, g + 1, sizeof *ds->group_data);
        slant_group *x = &ds->group_data[g];
        memset(x, 0, sizeof *x);
        x->name = xstrdup(name);
        size_t n = slant_intern_count(&ds->entries);
        x->entry_counts = xcalloc(n ? n : 1, sizeof *x->entry_counts);
        x->entry_articles = xcalloc(n ? n : 1, sizeof *x->entry_articles);
    }
    return g;
}

size_t slant_dataset_event(slant_dataset *ds, const char *name)
{
    return slant_intern_add(&ds->events, name, strlen(name), NULL);
}

size_t slant_dataset_stratum(slant_dataset *ds, const char *name)
{
    return slant_intern_add(&ds->strata, name, strlen(name), NULL);
}

void slant_dataset_set_stratum(slant_dataset *ds, size_t r, const char *name)
{
    ds->rows[r].stratum = name ? (uint32_t)slant_dataset_stratum(ds, name) : UINT32_MAX;
}

size_t slant_dataset_nstrata(const slant_dataset *ds) { return slant_intern_count(&ds->strata); }

const char *slant_dataset_stratum_name(const slant_dataset *ds, size_t s)
{
    return slant_intern_str(&ds->strata, (uint32_t)s, NULL);
}

void slant_dataset_add_row(slant_dataset *ds, const char *id, const char *group,
                           const char *event, double tokens, const char *const *names,
                           const double *values, size_t n)
{
    size_t idx[64];
    size_t *ind = n <= 64 ? idx : xmalloc(n * sizeof *ind);
    for (size_t k = 0; k < n; k++) /* indicators first: they widen existing rows */
        ind[k] = slant_dataset_indicator(ds, names[k]);
    size_t g = slant_dataset_group(ds, group);
    ds->rows = xgrow(ds->rows, &ds->rows_cap, ds->nrows + 1, sizeof *ds->rows);
    slant_row *row = &ds->rows[ds->nrows++];
    row->group = (uint32_t)g;
    row->event = event ? (uint32_t)slant_dataset_event(ds, event) : UINT32_MAX;
    row->stratum = UINT32_MAX;
    row->id = xstrdup(id ? id : "");
    row->tokens = tokens;
    row->day = INT32_MIN;
    row->sig_terms = row->sig_counts = NULL;
    row->nsig = 0;
    size_t nind = slant_intern_count(&ds->indicators);
    row->values = xmalloc((nind ? nind : 1) * sizeof *row->values);
    for (size_t i = 0; i < nind; i++)
        row->values[i] = NAN;
    for (size_t k = 0; k < n; k++)
        row->values[ind[k]] = values[k];
    if (ind != idx)
        free(ind);
    ds->group_data[g].articles++;
    ds->group_data[g].tokens += tokens;
}

void slant_dataset_set_day(slant_dataset *ds, size_t row, int32_t day)
{
    ds->rows[row].day = day;
}

void slant_dataset_note_bad_date(slant_dataset *ds, size_t count)
{
    ds->bad_dates += count;
}

size_t slant_dataset_bad_dates(const slant_dataset *ds)
{
    return ds->bad_dates;
}

void slant_dataset_set_event(slant_dataset *ds, size_t r, const char *event)
{
    ds->rows[r].event = event ? (uint32_t)slant_dataset_event(ds, event) : UINT32_MAX;
}

void slant_dataset_set_signature(slant_dataset *ds, size_t r, const char *const *stems,
                                 const size_t *lens, const uint32_t *counts, size_t n)
{
    slant_row *row = &ds->rows[r];
    free(row->sig_terms);
    free(row->sig_counts);
    row->sig_terms = row->sig_counts = NULL;
    row->nsig = 0;
    if (!n)
        return;
    row->sig_terms = xmalloc(n * sizeof *row->sig_terms);
    row->sig_counts = xmalloc(n * sizeof *row->sig_counts);
    for (size_t i = 0; i < n; i++) {
        row->sig_terms[i] = slant_intern_add(&ds->sig_terms, stems[i], lens[i], NULL);
        row->sig_counts[i] = counts[i];
    }
    row->nsig = (uint32_t)n;
}

size_t slant_dataset_nsig_terms(const slant_dataset *ds)
{
    return slant_intern_count(&ds->sig_terms);
}

const char *slant_dataset_sig_term_name(const slant_dataset *ds, size_t t, size_t *len)
{
    return slant_intern_str(&ds->sig_terms, (uint32_t)t, len);
}

/* Copies the day and the signature of `from`'s row `row` to `into`'s row `r`. */
static void copy_row_extras(slant_dataset *into, size_t r, const slant_dataset *from,
                            const slant_row *row)
{
    into->rows[r].day = row->day;
    if (!row->nsig)
        return;
    const char **stems = xmalloc(row->nsig * sizeof *stems);
    size_t *lens = xmalloc(row->nsig * sizeof *lens);
    for (size_t i = 0; i < row->nsig; i++)
        stems[i] = slant_dataset_sig_term_name(from, row->sig_terms[i], &lens[i]);
    slant_dataset_set_signature(into, r, stems, lens, row->sig_counts, row->nsig);
    free(stems);
    free(lens);
}

/* Adds `count` to entry `e` of group `g` in the last article, and the article once. */
static void add_in_article(slant_dataset *ds, size_t g, size_t e, double count)
{
    ds->group_data[g].entry_counts[e] += count;
    if (count > 0 && ds->entry_row[e] != ds->nrows) {
        ds->group_data[g].entry_articles[e] += 1;
        ds->entry_row[e] = ds->nrows;
    }
}

/* Adds `count` of entry `e` to the last article, and to its concept's totals if a
 * variant. */
static void add_entry_at(slant_dataset *ds, size_t g, size_t e, double count)
{
    add_in_article(ds, g, e, count);
    if (ds->keys[e].key.kind == SLANT_ENTRY_VARIANT) {
        if (ds->keys[e].concept == SIZE_MAX) {
            slant_entry_key concept = { SLANT_ENTRY_CONCEPT, ds->keys[e].owner, NULL };
            size_t c = slant_dataset_entry_key(ds, &concept); /* may move ds->keys */
            ds->keys[e].concept = c;
        }
        add_in_article(ds, g, ds->keys[e].concept, count);
    }
}

void slant_dataset_add_entry_key(slant_dataset *ds, const char *group,
                                 const slant_entry_key *key, double count)
{
    size_t g = slant_dataset_group(ds, group);
    add_entry_at(ds, g, slant_dataset_entry_key(ds, key), count);
}

void slant_dataset_add_entry_hinted(slant_dataset *ds, size_t g, const slant_entry_key *key,
                                    size_t hint, double count)
{
    if (!hint) {
        add_entry_at(ds, g, slant_dataset_entry_key(ds, key), count);
        return;
    }
    if (hint >= ds->hinted_cap) {
        size_t old = ds->hinted_cap;
        ds->hinted = xgrow(ds->hinted, &ds->hinted_cap, hint + 1, sizeof *ds->hinted);
        memset(ds->hinted + old, 0, (ds->hinted_cap - old) * sizeof *ds->hinted);
    }
    if (!ds->hinted[hint])
        ds->hinted[hint] = slant_dataset_entry_key(ds, key) + 1;
    add_entry_at(ds, g, ds->hinted[hint] - 1, count);
}

static void add_pooled_at(slant_dataset *ds, const char *group, size_t e, double count,
                          double articles)
{
    size_t g = slant_dataset_group(ds, group);
    ds->group_data[g].entry_counts[e] += count;
    ds->group_data[g].entry_articles[e] += articles;
}

void slant_dataset_add_entry_pooled(slant_dataset *ds, const char *group, const char *entry,
                                    double count, double articles)
{
    add_pooled_at(ds, group, entry_of(ds, entry, strlen(entry), NULL), count, articles);
}

void slant_dataset_add_entry_key_pooled(slant_dataset *ds, const char *group,
                                        const slant_entry_key *key, double count,
                                        double articles)
{
    add_pooled_at(ds, group, slant_dataset_entry_key(ds, key), count, articles);
}

void slant_dataset_merge(slant_dataset *into, const slant_dataset *from)
{
    size_t nind = slant_dataset_nindicators(from);
    const char **names = xmalloc((nind ? nind : 1) * sizeof *names);
    for (size_t i = 0; i < nind; i++)
        names[i] = slant_dataset_indicator_name(from, i);
    for (size_t r = 0; r < from->nrows; r++) {
        const slant_row *row = &from->rows[r];
        slant_dataset_add_row(into, row->id, from->group_data[row->group].name,
                              row->event == UINT32_MAX ? NULL
                                                       : slant_dataset_event_name(from, row->event),
                              row->tokens, names, row->values, nind);
        copy_row_extras(into, into->nrows - 1, from, row);
        if (row->stratum != UINT32_MAX)
            slant_dataset_set_stratum(into, slant_dataset_nrows(into) - 1,
                                      slant_dataset_stratum_name(from, row->stratum));
    }
    into->bad_dates += from->bad_dates;
    free(names);
    for (size_t g = 0; g < slant_dataset_ngroups(from); g++) {
        const slant_group *x = &from->group_data[g];
        slant_dataset_group(into, x->name); /* a group may have entries but no rows yet */
        for (size_t e = 0; e < slant_dataset_nentries(from); e++)
            if (x->entry_counts[e] || x->entry_articles[e])
                slant_dataset_add_entry_key_pooled(into, x->name, &from->keys[e].key,
                                                   x->entry_counts[e], x->entry_articles[e]);
    }
}

size_t slant_dataset_nindicators(const slant_dataset *ds) { return slant_intern_count(&ds->indicators); }
size_t slant_dataset_ngroups(const slant_dataset *ds) { return slant_intern_count(&ds->groups); }
size_t slant_dataset_nevents(const slant_dataset *ds) { return slant_intern_count(&ds->events); }
size_t slant_dataset_nentries(const slant_dataset *ds) { return slant_intern_count(&ds->entries); }
size_t slant_dataset_nrows(const slant_dataset *ds) { return ds->nrows; }
const slant_row *slant_dataset_row(const slant_dataset *ds, size_t r) { return &ds->rows[r]; }
const slant_group *slant_dataset_group_at(const slant_dataset *ds, size_t g) { return &ds->group_data[g]; }

const char *slant_dataset_indicator_name(const slant_dataset *ds, size_t i)
{
    return slant_intern_str(&ds->indicators, (uint32_t)i, NULL);
}

const char *slant_dataset_event_name(const slant_dataset *ds, size_t e)
{
    return slant_intern_str(&ds->events, (uint32_t)e, NULL);
}

const char *slant_dataset_entry_name(const slant_dataset *ds, size_t e)
{
    return slant_intern_str(&ds->entries, (uint32_t)e, NULL);
}

size_t slant_dataset_values(const slant_dataset *ds, size_t group, size_t ind, double *out,
                            size_t cap)
{
    size_t n = 0;
    for (size_t r = 0; r < ds->nrows; r++) {
        const slant_row *row = &ds->rows[r];
        if (row->group != group || isnan(row->values[ind]))
            continue;
        if (n < cap)
            out[n] = row->values[ind];
        n++;
    }
    return n;
}

/* --- the canonical order -------------------------------------------------------------- */

typedef int (*index_cmp)(const slant_dataset *ds, size_t x, size_t y);

/* The indices 0..n-1 sorted by `cmp`, stable: a bottom-up merge sort (caller frees). */
static size_t *sorted(const slant_dataset *ds, size_t n, index_cmp cmp)
{
    size_t *order = xmalloc((n ? n : 1) * sizeof *order);
    size_t *tmp = xmalloc((n ? n : 1) * sizeof *tmp);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = cmp(ds, order[b], order[a]) < 0 ? order[b++] : order[a++];
            while (a < mid)
                tmp[k++] = order[a++];
            while (b < hi)
                tmp[k++] = order[b++];
        }
        memcpy(order, tmp, n * sizeof *order);
    }
    free(tmp);
    return order;
}

static int cmp_groups(const slant_dataset *ds, size_t x, size_t y)
{
    return strcmp(ds->group_data[x].name, ds->group_data[y].name);
}

static int cmp_events(const slant_dataset *ds, size_t x, size_t y)
{
    return strcmp(slant_dataset_event_name(ds, x), slant_dataset_event_name(ds, y));
}

static int cmp_strata(const slant_dataset *ds, size_t x, size_t y)
{
    return strcmp(slant_dataset_stratum_name(ds, x), slant_dataset_stratum_name(ds, y));
}

/* Strata in the order of their first sorted row (`rows`), then those without rows by
 * name, as groups and events: the new index of each old one (caller frees). */
static size_t *strata_order(const slant_dataset *ds, const size_t *rows)
{
    size_t n = slant_dataset_nstrata(ds), k = 0;
    size_t *by_name = sorted(ds, n, cmp_strata);
    size_t *new_s = xmalloc((n ? n : 1) * sizeof *new_s);
    for (size_t s = 0; s < n; s++)
        new_s[s] = SIZE_MAX;
    for (size_t r = 0; r < ds->nrows; r++) {
        uint32_t s = ds->rows[rows[r]].stratum;
        if (s != UINT32_MAX && new_s[s] == SIZE_MAX)
            new_s[s] = k++;
    }
    for (size_t i = 0; i < n; i++)
        if (new_s[by_name[i]] == SIZE_MAX)
            new_s[by_name[i]] = k++;
    free(by_name);
    return new_s;
}

/* The place of indicator `name` (its first `n` bytes), or the end when it is none. */
static size_t indicator_rank(const slant_dataset *ds, const char *name, size_t n)
{
    uint32_t i = slant_intern_find(&ds->indicators, name, n);
    return i == SLANT_INTERN_NONE ? SIZE_MAX : i;
}

/*
 * Entries in the order of the indicators they count toward, as the lexicon lists its
 * categories: "CATEGORY:entry" by the category's place among the indicators, then by
 * name; "actor/ACTOR:CATEGORY" by actor, then the category's place; the rest
 * ("contested/CONCEPT:variant") by name after them.
 */
/* The place of the indicator an entry counts toward: a term's category's; an actor's
 * after every other; variants and concept totals at the end. */
static size_t entry_rank(const slant_dataset *ds, const slant_entry_key *k)
{
    if (k->kind == SLANT_ENTRY_ACTOR)
        return SIZE_MAX - 1;
    if (k->kind != SLANT_ENTRY_TERM)
        return SIZE_MAX;
    return indicator_rank(ds, k->owner, strlen(k->owner));
}

static int cmp_entries(const slant_dataset *ds, size_t x, size_t y)
{
    const char *a = slant_dataset_entry_name(ds, x), *b = slant_dataset_entry_name(ds, y);
    const slant_entry_key *ka = &ds->keys[x].key, *kb = &ds->keys[y].key;
    if (ka->kind == SLANT_ENTRY_ACTOR && kb->kind == SLANT_ENTRY_ACTOR) {
        size_t la = strlen(ka->owner), lb = strlen(kb->owner);
        int c = la == lb ? memcmp(ka->owner, kb->owner, la) : strcmp(a, b);
        if (c)
            return c < 0 ? -1 : 1;
        size_t ra = ka->name ? indicator_rank(ds, ka->name, strlen(ka->name)) : SIZE_MAX;
        size_t rb = kb->name ? indicator_rank(ds, kb->name, strlen(kb->name)) : SIZE_MAX;
        if (ra != rb)
            return ra < rb ? -1 : 1;
        return strcmp(a, b);
    }
    size_t ra = entry_rank(ds, ka), rb = entry_rank(ds, kb);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return strcmp(a, b);
}

static int cmp_rows(const slant_dataset *ds, size_t x, size_t y)
{
    const slant_row *a = &ds->rows[x], *b = &ds->rows[y];
    int c = strcmp(a->id, b->id);
    if (!c)
        c = strcmp(ds->group_data[a->group].name, ds->group_data[b->group].name);
    if (!c && a->event != b->event) {
        if (a->event == UINT32_MAX || b->event == UINT32_MAX)
            c = a->event == UINT32_MAX ? -1 : 1;
        else
            c = strcmp(slant_dataset_event_name(ds, a->event),
                       slant_dataset_event_name(ds, b->event));
    }
    if (!c && a->day != b->day)
        c = a->day < b->day ? -1 : 1;
    return c;
}

/* A new intern table of `old`'s strings, the one of id i at new_id[i]. */
static void reorder_names(slant_intern *t, const size_t *new_id)
{
    size_t n = slant_intern_count(t);
    size_t *at = xmalloc((n ? n : 1) * sizeof *at); /* new id -> old id */
    for (size_t i = 0; i < n; i++)
        at[new_id[i]] = i;
    slant_intern fresh;
    slant_intern_init(&fresh);
    for (size_t k = 0; k < n; k++) {
        size_t len;
        const char *name = slant_intern_str(t, (uint32_t)at[k], &len);
        slant_intern_add(&fresh, name, len, NULL);
    }
    slant_intern_release(t);
    *t = fresh;
    free(at);
}

/*
 * In place, so that memory holds the dataset once: rows and groups are moved (their
 * arrays of values are not copied), entry counts permuted per group, and the three name
 * tables rebuilt in the new order.
 */
size_t *slant_dataset_sort_order(const slant_dataset *ds)
{
    return sorted(ds, ds->nrows, cmp_rows);
}

void slant_dataset_sort(slant_dataset *ds)
{
    size_t ngroups = slant_dataset_ngroups(ds), nevents = slant_dataset_nevents(ds);
    size_t nentries = slant_dataset_nentries(ds);
    size_t *rows = sorted(ds, ds->nrows, cmp_rows);
    size_t *by_name_g = sorted(ds, ngroups, cmp_groups);
    size_t *by_name_e = sorted(ds, nevents, cmp_events);
    size_t *entries = sorted(ds, nentries, cmp_entries);
    /* groups and events: in the order of their first sorted row, then the rest by name */
    size_t *new_g = xmalloc((ngroups ? ngroups : 1) * sizeof *new_g);
    size_t *new_e = xmalloc((nevents ? nevents : 1) * sizeof *new_e);
    size_t *new_entry = xmalloc((nentries ? nentries : 1) * sizeof *new_entry);
    for (size_t g = 0; g < ngroups; g++)
        new_g[g] = SIZE_MAX;
    for (size_t e = 0; e < nevents; e++)
        new_e[e] = SIZE_MAX;
    size_t ng = 0, ne = 0;
    for (size_t k = 0; k < ds->nrows; k++) {
        const slant_row *row = &ds->rows[rows[k]];
        if (new_g[row->group] == SIZE_MAX)
            new_g[row->group] = ng++;
        if (row->event != UINT32_MAX && new_e[row->event] == SIZE_MAX)
            new_e[row->event] = ne++;
    }
    for (size_t k = 0; k < ngroups; k++)
        if (new_g[by_name_g[k]] == SIZE_MAX)
            new_g[by_name_g[k]] = ng++;
    for (size_t k = 0; k < nevents; k++)
        if (new_e[by_name_e[k]] == SIZE_MAX)
            new_e[by_name_e[k]] = ne++;
    for (size_t k = 0; k < nentries; k++)
        new_entry[entries[k]] = k;
    size_t *new_s = strata_order(ds, rows);

    slant_row *moved = xmalloc((ds->nrows ? ds->nrows : 1) * sizeof *moved);
    for (size_t k = 0; k < ds->nrows; k++) {
        moved[k] = ds->rows[rows[k]];
        moved[k].group = (uint32_t)new_g[moved[k].group];
        if (moved[k].event != UINT32_MAX)
            moved[k].event = (uint32_t)new_e[moved[k].event];
        if (moved[k].stratum != UINT32_MAX)
            moved[k].stratum = (uint32_t)new_s[moved[k].stratum];
    }
    free(ds->rows);
    ds->rows = moved;
    ds->rows_cap = ds->nrows ? ds->nrows : 1;

    slant_group *groups = xmalloc((ngroups ? ngroups : 1) * sizeof *groups);
    for (size_t g = 0; g < ngroups; g++) {
        slant_group *x = &groups[new_g[g]];
        *x = ds->group_data[g];
        double *counts = xmalloc((nentries ? nentries : 1) * sizeof *counts);
        double *articles = xmalloc((nentries ? nentries : 1) * sizeof *articles);
        for (size_t e = 0; e < nentries; e++) {
            counts[new_entry[e]] = x->entry_counts[e];
            articles[new_entry[e]] = x->entry_articles[e];
        }
        free(x->entry_counts);
        free(x->entry_articles);
        x->entry_counts = counts;
        x->entry_articles = articles;
    }
    free(ds->group_data);
    ds->group_data = groups;
    for (size_t e = 0; e < nentries; e++)
        ds->entry_row[e] = SIZE_MAX; /* the rows moved: no article is the last one now */
    entry_slot *keys = xmalloc((nentries ? nentries : 1) * sizeof *keys);
    for (size_t e = 0; e < nentries; e++) {
        keys[new_entry[e]] = ds->keys[e];
        if (ds->keys[e].concept != SIZE_MAX)
            keys[new_entry[e]].concept = new_entry[ds->keys[e].concept];
    }
    for (size_t h = 0; h < ds->hinted_cap; h++)
        if (ds->hinted[h])
            ds->hinted[h] = new_entry[ds->hinted[h] - 1] + 1;
    free(ds->keys);
    ds->keys = keys;
    ds->keys_cap = nentries ? nentries : 1;
    ds->group_cap = ngroups ? ngroups : 1;

    reorder_names(&ds->groups, new_g);
    reorder_names(&ds->events, new_e);
    reorder_names(&ds->entries, new_entry);
    reorder_names(&ds->strata, new_s);
    free(new_s);
    free(rows);
    free(by_name_g);
    free(by_name_e);
    free(entries);
    free(new_g);
    free(new_e);
    free(new_entry);
}
