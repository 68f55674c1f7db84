/* Events found automatically (events.h), the rows' days and signatures in the dataset
 * (dataset.h), and the scorer's content signature (signature.h). */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dataset.h"
#include "events.h"
#include "harness.h"
#include "xalloc.h"

/* One article: its id, group, day and words (each word one stem of count 1). */
typedef struct {
    const char *id, *group;
    int32_t day;
    const char *words[6];
} fake;

static const fake corpus[] = {
    { "a1", "A", 100, { "bridge", "dumar", "crowd", "police", "river", NULL } },
    { "b1", "B", 100, { "bridge", "dumar", "crowd", "flag", "river", NULL } },
    { "c1", "C", 101, { "bridge", "dumar", "police", "flag", "armistice", NULL } },
    { "a2", "A", 110, { "vote", "council", "ballot", "turnout", "kelsa", NULL } },
    { "b2", "B", 111, { "vote", "council", "ballot", "boycott", "kelsa", NULL } },
    { "c2", "C", 130, { "vote", "council", "ballot", "boycott", "kelsa", NULL } },  /* late */
    { "a3", "A", INT32_MIN, { "vote", "council", "ballot", "turnout", NULL } },     /* undated */
};
#define NFAKE (sizeof corpus / sizeof corpus[0])

static void add_fake(slant_dataset *ds, const fake *f)
{
    const char *names[] = { "x" };
    const double v[] = { 1.0 };
    slant_dataset_add_row(ds, f->id, f->group, NULL, 100, names, v, 1);
    size_t r = slant_dataset_nrows(ds) - 1, n = 0, lens[6];
    uint32_t counts[6];
    while (f->words[n]) {
        lens[n] = strlen(f->words[n]);
        counts[n] = 1;
        n++;
    }
    slant_dataset_set_day(ds, r, f->day);
    slant_dataset_set_signature(ds, r, f->words, lens, counts, n);
}

static const char *event_of(const slant_dataset *ds, const char *id)
{
    for (size_t r = 0; r < slant_dataset_nrows(ds); r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (!strcmp(row->id, id))
            return row->event == UINT32_MAX ? "" : slant_dataset_event_name(ds, row->event);
    }
    return "(missing)";
}

static void found_in_any_order(void)
{
    slant_events_options o = { SLANT_EVENTS_WINDOW, NAN, SLANT_EVENTS_JACCARD };
    slant_dataset *fwd = slant_dataset_new(), *rev = slant_dataset_new();
    for (size_t k = 0; k < NFAKE; k++) {
        add_fake(fwd, &corpus[k]);
        add_fake(rev, &corpus[NFAKE - 1 - k]);
    }
    slant_events_summary s, t;
    slant_events_find(fwd, &o, &s);
    slant_events_find(rev, &o, &t);
    CHECK_INT(s.events, 2);
    CHECK_INT(s.in_events, 5);
    CHECK_INT(s.undated, 1);
    CHECK_INT(s.alone, 1); /* c2: 19 days after b2 */
    CHECK_STR(event_of(fwd, "a1"), "auto-0001");
    CHECK_STR(event_of(fwd, "b1"), "auto-0001");
    CHECK_STR(event_of(fwd, "c1"), "auto-0001");
    CHECK_STR(event_of(fwd, "a2"), "auto-0002");
    CHECK_STR(event_of(fwd, "b2"), "auto-0002");
    CHECK_STR(event_of(fwd, "c2"), "");
    CHECK_STR(event_of(fwd, "a3"), "");
    for (size_t k = 0; k < NFAKE; k++)
        CHECK_STR(event_of(rev, corpus[k].id), event_of(fwd, corpus[k].id));
    CHECK_INT(t.candidates, s.candidates);
    CHECK_INT(t.links, s.links);
    /* a window of 30 days takes c2 in */
    o.window = 30;
    slant_events_find(fwd, &o, &s);
    CHECK_STR(event_of(fwd, "c2"), "auto-0002");
    CHECK_INT(s.events, 2);
    slant_dataset_free(fwd);
    slant_dataset_free(rev);
}

static void days_and_signatures_survive_merge_and_sort(void)
{
    slant_dataset *half = slant_dataset_new(), *whole = slant_dataset_new();
    for (size_t k = 0; k < NFAKE; k++)
        add_fake(half, &corpus[NFAKE - 1 - k]);
    slant_dataset_sort(half);
    slant_dataset_merge(whole, half);
    CHECK_INT(slant_dataset_nrows(whole), NFAKE);
    for (size_t r = 0; r < slant_dataset_nrows(whole); r++) {
        const slant_row *row = slant_dataset_row(whole, r);
        const fake *f = NULL;
        for (size_t k = 0; k < NFAKE; k++)
            if (!strcmp(corpus[k].id, row->id))
                f = &corpus[k];
        CHECK(f != NULL);
        if (!f)
            continue;
        CHECK_INT(row->day, f->day);
        size_t n = 0;
        while (f->words[n])
            n++;
        CHECK_INT(row->nsig, n);
        for (uint32_t i = 0; i < row->nsig && i < n; i++) {
            size_t len;
            CHECK_STR(slant_dataset_sig_term_name(whole, row->sig_terms[i], &len), f->words[i]);
            CHECK_INT(row->sig_counts[i], 1);
        }
    }
    slant_dataset_free(half);
    slant_dataset_free(whole);
}

/* Scores `text` and copies its signature's stems and counts to `out` (the article's text
 * must be alive while the signature is made). Returns how many. */
static size_t signature_of(slant_scorer *s, const char *text, char out[][16], uint32_t *counts)
{
    slant_article a;
    slant_article_init(&a);
    a.text = xstrdup(text);
    a.text_len = strlen(text);
    slant_scorer_score(s, &a);
    const slant_signature *g = slant_scorer_signature(s);
    for (size_t i = 0; i < g->n; i++) {
        snprintf(out[i], 16, "%s", g->terms[i].stem);
        counts[i] = g->terms[i].count;
    }
    slant_article_release(&a);
    return g->n;
}

static void scorer_signature(void)
{
    slant_lexicon *lex = harness_load_lexicon("lexicons/en");
    if (!lex)
        return;
    slant_scorer *s = slant_scorer_new(lex);
    /* stop words, numbers and one-letter words are no content stems; stems are counted */
    static char a[SLANT_SIGNATURE_MAX][16], b[SLANT_SIGNATURE_MAX][16];
    uint32_t ca[SLANT_SIGNATURE_MAX], cb[SLANT_SIGNATURE_MAX];
    size_t n = signature_of(s, "The bridges of Dumar: a bridge, 14 crowds and the crowd at a "
                               "bridge.", a, ca);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(a[0], "bridg");
        CHECK_INT(ca[0], 3);
        CHECK_STR(a[1], "crowd");
        CHECK_INT(ca[1], 2);
        CHECK_STR(a[2], "dumar");
        CHECK_INT(ca[2], 1);
    }
    /* at most SLANT_SIGNATURE_MAX stems; the same ones whatever the order of the words */
    char text[8000], other[8000];
    size_t at = 0, bt = 0;
    for (int i = 0; i < 200; i++) {
        at += (size_t)snprintf(text + at, sizeof text - at, "word%c%c ", 'a' + i % 26,
                               'a' + i / 26);
        bt += (size_t)snprintf(other + bt, sizeof other - bt, "word%c%c ", 'a' + (199 - i) % 26,
                               'a' + (199 - i) / 26);
    }
    CHECK_INT(signature_of(s, text, a, ca), SLANT_SIGNATURE_MAX);
    CHECK_INT(signature_of(s, other, b, cb), SLANT_SIGNATURE_MAX);
    int same = 1;
    for (size_t i = 0; i < SLANT_SIGNATURE_MAX; i++)
        same &= !strcmp(a[i], b[i]) && ca[i] == cb[i];
    CHECK(same);
    slant_scorer_free(s);
    slant_lexicon_free(lex);
}

void suite_events(void)
{
    RUN(found_in_any_order);
    RUN(days_and_signatures_survive_merge_and_sort);
    RUN(scorer_signature);
}
