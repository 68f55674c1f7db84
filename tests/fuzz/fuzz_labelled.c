/*
 * Fuzzes the labelled-sample reader of slant calibrate (labelled.h) in all three formats:
 * the input is read as CSV, as TSV and as JSON Lines. Invariants: every unit has an id and
 * a NUL-terminated text of its stated length and a finite label, its line is within the
 * input's lines, and every error reported has a message, the file and a line.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "labelled.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_labelled: invariant failed: %s\n", what);
    abort();
}

static void on_error(const slant_error *err, void *ctx)
{
    (*(size_t *)ctx)++;
    if (!err->message[0] || strcmp(err->file, "fuzz.in") || err->line < 1)
        fail("an error without a message, the file or a line");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const slant_labelled_format formats[] = { SLANT_LABELLED_CSV, SLANT_LABELLED_TSV,
                                                     SLANT_LABELLED_JSONL,
                                                     SLANT_LABELLED_AUTO };
    const slant_labelled_fields f = { "text", "label", "id" };
    long lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        slant_labelled s;
        slant_labelled_init(&s);
        size_t reported = 0;
        size_t bad = slant_labelled_parse((const char *)data, size, "fuzz.in", formats[k], &f,
                                          &s, on_error, &reported);
        if (bad != reported)
            fail("the count of errors is not the number reported");
        for (size_t i = 0; i < s.n; i++) {
            const slant_labelled_unit *u = &s.units[i];
            if (!u->id || !u->text || u->text[u->text_len] != '\0')
                fail("a unit without an id or a terminated text");
            if (!isfinite(u->label))
                fail("a label that is not finite");
            if (u->line < 1 || u->line > lines)
                fail("a unit's line is outside the input");
        }
        size_t ex;
        slant_labelled_binary(&s, &ex);
        slant_labelled_release(&s);
    }
    return 0;
}
