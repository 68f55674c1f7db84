/*
 * Fuzzes compare's fast score-record reader (score_read.h) against the cJSON reader it
 * stands in for (slant_json_read_score): on any input, both must give the same status, the
 * same message and the same dataset (rows, names in order, values bit for bit, entry
 * counts). Each input is read as one record, grouped by "source" with events "event".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "fuzz.h"
#include "score_json.h"
#include "score_read.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_score_read: the readers differ: %s\n", what);
    abort();
}

static void same(const slant_dataset *a, const slant_dataset *b)
{
    size_t ni = slant_dataset_nindicators(a), ne = slant_dataset_nentries(a);
    if (slant_dataset_nrows(a) != slant_dataset_nrows(b) || ni != slant_dataset_nindicators(b) ||
        slant_dataset_ngroups(a) != slant_dataset_ngroups(b) ||
        slant_dataset_nevents(a) != slant_dataset_nevents(b) || ne != slant_dataset_nentries(b))
        fail("counts of rows, indicators, groups, events or entries");
    for (size_t i = 0; i < ni; i++)
        if (strcmp(slant_dataset_indicator_name(a, i), slant_dataset_indicator_name(b, i)))
            fail("an indicator name");
    for (size_t e = 0; e < slant_dataset_nevents(a); e++)
        if (strcmp(slant_dataset_event_name(a, e), slant_dataset_event_name(b, e)))
            fail("an event name");
    for (size_t e = 0; e < ne; e++)
        if (strcmp(slant_dataset_entry_name(a, e), slant_dataset_entry_name(b, e)))
            fail("an entry name");
    for (size_t r = 0; r < slant_dataset_nrows(a); r++) {
        const slant_row *x = slant_dataset_row(a, r), *y = slant_dataset_row(b, r);
        if (x->group != y->group || x->event != y->event || strcmp(x->id, y->id) ||
            memcmp(&x->tokens, &y->tokens, sizeof x->tokens) ||
            (ni && memcmp(x->values, y->values, ni * sizeof(double))))
            fail("a row");
    }
    for (size_t g = 0; g < slant_dataset_ngroups(a); g++) {
        const slant_group *x = slant_dataset_group_at(a, g), *y = slant_dataset_group_at(b, g);
        if (strcmp(x->name, y->name) || x->articles != y->articles ||
            (ne && memcmp(x->entry_counts, y->entry_counts, ne * sizeof(double))))
            fail("a group");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* exactly `size` bytes, as compare's getline gives them (NUL-terminated after) */
    char *line = malloc(size + 1);
    if (!line)
        abort();
    memcpy(line, data, size);
    line[size] = '\0';
    slant_score_fields f = { .by = "source", .event = "event" };
    slant_dataset *old = slant_dataset_new(), *now = slant_dataset_new();
    slant_score_reader *reader = slant_score_reader_new();
    slant_error e1, e2;
    slant_error_clear(&e1);
    slant_error_clear(&e2);
    int h1 = 0, h2 = 0;
    slant_status s1 = slant_json_read_score(line, size, &f, "f.jsonl", 1, old, &h1, &e1);
    slant_status s2 = slant_score_reader_read(reader, line, size, &f, "f.jsonl", 1, now, &h2,
                                              &e2);
    if (s1 != s2 || strcmp(e1.message, e2.message) || h1 != h2)
        fail("status, message or keyness flag");
    same(old, now);
    slant_score_reader_free(reader);
    slant_dataset_free(old);
    slant_dataset_free(now);
    free(line);
    return 0;
}
