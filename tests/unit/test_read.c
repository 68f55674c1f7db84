#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "harness.h"
#include "read.h"

typedef struct {
    char text[64][256];
    size_t n;
} lines;

/* Reads everything from `paths`, one line per article or error. */
static void read_all(const char *const *paths, size_t npaths, const char *const *keep,
                     size_t nkeep, lines *out)
{
    slant_reader_options o = {
        .paths = paths,
        .npaths = npaths,
        .fields = { "text", "id", keep, nkeep },
        .max_article_bytes = 1 << 20,
    };
    slant_reader *r = slant_reader_new(&o);
    out->n = 0;
    for (;;) {
        slant_article a;
        slant_article_init(&a);
        char *origin;
        long line;
        slant_error err;
        slant_error_clear(&err);
        slant_status st = slant_reader_next(r, &a, &origin, &line, &err);
        if (st == SLANT_END)
            break;
        char *t = out->text[out->n++];
        if (st == SLANT_OK) {
            snprintf(t, 256, "%s|%s|%s|%s|%.*s|%s:%ld%s%s", a.id, a.source ? a.source : "-",
                     a.date ? a.date : "-", a.title ? a.title : "-",
                     (int)(a.text_len - a.text_offset), a.text + a.text_offset, origin, line,
                     a.nfields ? "|" : "",
                     a.nfields && a.fields[0].value ? a.fields[0].value : "");
        } else {
            char e[240];
            slant_error_format(&err, e, sizeof e);
            snprintf(t, 256, "error: %s", e);
        }
        free(origin);
        slant_article_release(&a);
        if (out->n == 64)
            break;
    }
    const char *ignored[3];
    size_t nign = slant_reader_ignored(r, ignored, 3);
    if (nign && out->n < 64)
        snprintf(out->text[out->n++], 256, "ignored %zu: %s", nign, ignored[0]);
    slant_reader_free(r);
}

static void walks_directories_in_order(void)
{
    const char *paths[] = { "tests/data/read" };
    const char *keep[] = { "outlet" };
    lines l;
    read_all(paths, 1, keep, 1, &l);
    CHECK_INT(l.n, 9);
    CHECK_STR(l.text[0], "r1|Outlet A|-|-|First record.|tests/data/read/a.jsonl:1|");
    CHECK_STR(l.text[1], "error: tests/data/read/a.jsonl:3: invalid JSON: unexpected '\"' "
                         "at column 28");
    CHECK_STR(l.text[2], "error: tests/data/read/a.jsonl:4: the record is not a JSON object");
    CHECK_STR(l.text[3], "error: tests/data/read/a.jsonl:5: the record has no field 'text' "
                         "(choose it with --text-field)");
    CHECK_STR(l.text[4], "error: tests/data/read/a.jsonl:6: the field 'text' is not a string");
    CHECK_STR(l.text[5], "7|read|2024-02-02|-|Seventh.|tests/data/read/a.jsonl:7|{\"n\":1}");
    /* The sidecar gives the source; a header block gives metadata and is not scored. */
    CHECK_STR(l.text[6], "b/1.txt|Side|2024-01-01|-|Body one.\n|tests/data/read/b/1.txt:0");
    CHECK_STR(l.text[7], "b/2.txt|Wire|-|Second story|Body two.\n|tests/data/read/b/2.txt:0");
    CHECK_STR(l.text[8], "ignored 1: tests/data/read/notes.csv");
}

static void files_and_missing_paths(void)
{
    const char *paths[] = { "tests/data/read/b/2.txt", "tests/data/read/none.txt",
                            "tests/data/read/notes.csv" };
    lines l;
    read_all(paths, 3, NULL, 0, &l);
    CHECK_INT(l.n, 3);
    /* A file named on the command line keeps its path as its id. */
    CHECK_STR(l.text[0], "tests/data/read/b/2.txt|Wire|-|Second story|Body two.\n|"
                         "tests/data/read/b/2.txt:0");
    CHECK_STR(l.text[1], "error: cannot open 'tests/data/read/none.txt': No such file or "
                         "directory");
    /* Named explicitly, a file is read by its content: a CSV as one article per row (in
     * a directory walk it is passed over, above). */
    CHECK_STR(l.text[2], "1|read|-|-|x|tests/data/read/notes.csv:2");
}

static void header_blocks(void)
{
    slant_article a;
    slant_article_init(&a);
    const char *h = "title: T\nsource: S\n\nBody";
    CHECK_INT(slant_article_parse_header(&a, h, strlen(h)), 20);
    CHECK_STR(a.title, "T");
    slant_article_release(&a);
    slant_article_init(&a);
    /* Not a header: an unknown key, or no blank line after it. */
    const char *n1 = "Note: this is text\n\nBody";
    const char *n2 = "title: T\nBody";
    CHECK_INT(slant_article_parse_header(&a, n1, strlen(n1)), 0);
    CHECK_INT(slant_article_parse_header(&a, n2, strlen(n2)), 0);
    CHECK(a.title == NULL);
    slant_article_release(&a);
}

static void binary_files_are_refused(void)
{
    slant_article a;
    slant_article_init(&a);
    char *data = malloc(4);
    memcpy(data, "ab\0c", 4);
    slant_error err;
    CHECK_INT(slant_article_from_text(&a, data, 4, NULL, 0, "x.txt", "x", NULL, &err),
              SLANT_ERR_INPUT);
    char e[1200];
    slant_error_format(&err, e, sizeof e);
    CHECK_STR(e, "x.txt: binary file (a NUL byte at offset 2): not an article");
    slant_article_release(&a);
}

void suite_read(void)
{
    RUN(walks_directories_in_order);
    RUN(files_and_missing_paths);
    RUN(header_blocks);
    RUN(binary_files_are_refused);
}
