/* The wide table writer (table.h): the header and the rows agree, cells are quoted or
 * flattened as CSV and TSV need, an undefined number is an empty cell. */

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "harness.h"
#include "score.h"
#include "table.h"
#include "xalloc.h"

#define MAX_FIELDS 512

static slant_lexicon *lex;
static slant_scorer *scorer;
static slant_article article;

/* Splits one CSV line (RFC 4180 quoting) or TSV line into fields (copies, caller frees
 * with free_fields); returns how many. */
static size_t split(const char *line, char sep, char **fields)
{
    size_t n = 0;
    const char *p = line;
    for (;;) {
        char *f = xmalloc(strlen(p) + 1);
        size_t len = 0;
        if (sep == ',' && *p == '"') {
            p++;
            while (*p && !(*p == '"' && p[1] != '"')) {
                if (*p == '"')
                    p++;
                f[len++] = *p++;
            }
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != sep && *p != '\n')
                f[len++] = *p++;
        }
        f[len] = '\0';
        if (n < MAX_FIELDS)
            fields[n++] = f;
        else
            free(f);
        if (*p != sep)
            break;
        p++;
    }
    return n;
}

static void free_fields(char **fields, size_t n)
{
    for (size_t k = 0; k < n; k++)
        free(fields[k]);
}

static size_t column(char **header, size_t n, const char *name)
{
    for (size_t k = 0; k < n; k++)
        if (!strcmp(header[k], name))
            return k;
    return n;
}

/* Scores `text` as the article `id` and writes the header and its row. */
static void write_table(slant_table_kind kind, const char *id, const char *text,
                        slant_buf *header, slant_buf *row)
{
    slant_article_release(&article);
    slant_article_init(&article);
    article.id = xstrdup(id);
    article.source = xstrdup("Test Source");
    article.text = xstrdup(text);
    article.text_len = strlen(text);
    slant_scorer_score(scorer, &article);
    slant_result r = { 0 };
    r.article = &article;
    r.origin = "test.txt";
    r.doc = slant_scorer_doc(scorer);
    r.matches = slant_scorer_matches(scorer);
    r.record = slant_scorer_record(scorer);
    r.frame = slant_scorer_frame(scorer);
    r.lex = lex;
    slant_table_write_header(kind, lex, NULL, 0, header);
    slant_table_write_row(kind, &r, row);
}

static void header_and_row_agree(void)
{
    slant_buf h, row;
    slant_buf_init(&h, 1 << 20);
    slant_buf_init(&row, 1 << 20);
    write_table(SLANT_TABLE_CSV, "a1", "A radical plan. Not brutal.", &h, &row);
    char *head[MAX_FIELDS], *cells[MAX_FIELDS];
    size_t nh = split(h.data, ',', head), nc = split(row.data, ',', cells);
    CHECK_INT(nc, nh);
    CHECK_STR(head[0], "id");
    CHECK_STR(cells[0], "a1");
    size_t k = column(head, nh, "labels_count");
    CHECK(k < nh);
    if (k < nc)
        CHECK_STR(cells[k], "2");
    k = column(head, nh, "labels_negated");
    if (k < nc)
        CHECK_STR(cells[k], "1");
    k = column(head, nh, "tokens");
    CHECK(k < nh);
    if (k < nc)
        CHECK_STR(cells[k], "5");
    k = column(head, nh, "labels_rate");
    if (k < nc)
        CHECK_STR(cells[k], "400");
    CHECK(column(head, nh, "loaded_index") < nh);
    CHECK(row.data[row.len - 1] == '\n');
    free_fields(head, nh);
    free_fields(cells, nc);
    slant_buf_release(&h);
    slant_buf_release(&row);
}

/* A comma or a quote makes a CSV cell quoted; TSV flattens tabs and line breaks. */
static void cells_quoted_and_flattened(void)
{
    slant_buf h, row;
    slant_buf_init(&h, 1 << 20);
    slant_buf_init(&row, 1 << 20);
    write_table(SLANT_TABLE_CSV, "a,\"b\"", "Calm.", &h, &row);
    CHECK(!strncmp(row.data, "\"a,\"\"b\"\"\",Test Source,", 22));
    slant_buf_reset(&h);
    slant_buf_reset(&row);
    write_table(SLANT_TABLE_TSV, "a\tb\nc", "Calm.", &h, &row);
    CHECK(!strncmp(row.data, "a b c\tTest Source\t", 18));
    char *head[MAX_FIELDS], *cells[MAX_FIELDS];
    size_t nh = split(h.data, '\t', head), nc = split(row.data, '\t', cells);
    CHECK_INT(nc, nh);
    free_fields(head, nh);
    free_fields(cells, nc);
    slant_buf_release(&h);
    slant_buf_release(&row);
}

/* An article without words: its rates are undefined, written as empty cells. */
static void undefined_is_empty(void)
{
    slant_buf h, row;
    slant_buf_init(&h, 1 << 20);
    slant_buf_init(&row, 1 << 20);
    write_table(SLANT_TABLE_CSV, "empty", "", &h, &row);
    char *head[MAX_FIELDS], *cells[MAX_FIELDS];
    size_t nh = split(h.data, ',', head), nc = split(row.data, ',', cells);
    size_t k = column(head, nh, "labels_rate");
    CHECK(k < nc);
    if (k < nc)
        CHECK_STR(cells[k], "");
    k = column(head, nh, "labels_count");
    if (k < nc)
        CHECK_STR(cells[k], "0");
    free_fields(head, nh);
    free_fields(cells, nc);
    slant_buf_release(&h);
    slant_buf_release(&row);
}

/* The long form: one row per numeric column of the wide one, "id,source,indicator,value". */
static void long_rows_match_wide_columns(void)
{
    slant_buf h, row, wide_h, wide_row;
    slant_buf_init(&h, 1 << 20);
    slant_buf_init(&row, 1 << 20);
    slant_buf_init(&wide_h, 1 << 20);
    slant_buf_init(&wide_row, 1 << 20);
    write_table(SLANT_TABLE_LONG, "a1", "A radical plan.", &h, &row);
    CHECK_STR(h.data, "id,source,indicator,value\n");
    write_table(SLANT_TABLE_CSV, "a1", "A radical plan.", &wide_h, &wide_row);
    char *head[MAX_FIELDS];
    size_t nh = split(wide_h.data, ',', head);
    size_t lines = 0;
    for (size_t i = 0; i < row.len; i++)
        lines += row.data[i] == '\n';
    /* the wide table's metadata columns: id, source, date, title, url, event, lang, file,
     * line */
    CHECK_INT(lines, nh - 9);
    CHECK(strstr(row.data, "a1,Test Source,labels_count,1\n") != NULL);
    free_fields(head, nh);
    slant_buf_release(&h);
    slant_buf_release(&row);
    slant_buf_release(&wide_h);
    slant_buf_release(&wide_row);
}

void suite_table(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-test");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    slant_article_init(&article);
    RUN(header_and_row_agree);
    RUN(cells_quoted_and_flattened);
    RUN(undefined_is_empty);
    RUN(long_rows_match_wide_columns);
    slant_article_release(&article);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
