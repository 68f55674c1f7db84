/*
 * Fuzzes the spreadsheet reader of read.c (CSV with RFC 4180 quoting, TSV) and the format
 * guess by content: the input is written to a temporary file and read as CSV, as TSV or
 * as the guess makes it (one way per fuzzed input, by its first byte; all three in the
 * replay), with kept fields and a subset. Every article must have its text
 * inside the input's bytes (a cell is never longer than the input), an id and a kept field
 * per name; errors must carry a message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "fuzz.h"
#include "read.h"
#include "subset.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_table: invariant failed: %s\n", what);
    abort();
}

static void read_as(const char *path, slant_input_format fmt, size_t size,
                    const slant_subset *subset)
{
    static const char *const keep[] = { "outlet", "n" };
    const char *paths[] = { path };
    slant_reader_options o = {
        .paths = paths,
        .npaths = 1,
        .format = fmt,
        .fields = { "text", "id", keep, 2 },
        .max_article_bytes = 1 << 16,
        .subset = subset,
    };
    slant_reader *r = slant_reader_new(&o);
    for (int guard = 0; guard < 100000; guard++) {
        slant_article a;
        slant_article_init(&a);
        char *origin;
        long line;
        slant_error err;
        slant_error_clear(&err);
        slant_status st = slant_reader_next(r, &a, &origin, &line, &err);
        if (st == SLANT_END)
            break;
        if (st != SLANT_OK) {
            if (!err.message[0])
                fail("an error without a message");
            continue;
        }
        if (fmt != SLANT_INPUT_TEXT && (fmt == SLANT_INPUT_CSV || fmt == SLANT_INPUT_TSV)) {
            if (a.text_len > size)
                fail("a cell longer than the input");
            if (a.nfields != 2 || strcmp(a.fields[0].name, "outlet"))
                fail("the kept fields are not the ones asked for");
        }
        if (!a.id || !a.text)
            fail("an article without an id or a text");
        free(origin);
        slant_article_release(&a);
    }
    slant_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[4096];
    fuzz_temp_template(path, sizeof path, "fuzz_table");
    int fd = mkstemp(path);
    if (fd < 0)
        abort();
    if (size && write(fd, data, size) != (ssize_t)size)
        abort();
    close(fd);
    slant_subset *s = slant_subset_new();
    slant_error err;
    if (slant_subset_where(s, "outlet!=X", &err) != SLANT_OK)
        abort();
    /* A fuzzed input is read one of the three ways, by its first byte (so it always takes
     * the same way and a crash reproduces); a replayed one all three. */
    if (fuzz_takes_way(data, size, 3, 0))
        read_as(path, SLANT_INPUT_CSV, size, NULL);
    if (fuzz_takes_way(data, size, 3, 1))
        read_as(path, SLANT_INPUT_TSV, size, s);
    if (fuzz_takes_way(data, size, 3, 2))
        read_as(path, SLANT_INPUT_AUTO, size, s);
    slant_subset_free(s);
    unlink(path);
    return 0;
}
