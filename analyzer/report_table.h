#ifndef SLANT_REPORT_TABLE_H
#define SLANT_REPORT_TABLE_H

#include <stddef.h>

/*
 * A table of the report, as data: a caption, a header, each column's alignment and every
 * cell formatted once, with the number behind it. report_table.c builds the report's
 * tables from the report (report.h); the writers lay them out, each the same way for every
 * table: report_text.c as aligned columns (split into parts when too wide, never dropping
 * one), report_md.c as a pipe table, report_html.c as a <table> with a caption.
 *
 * Undefined values (a share of no uses, a mean without articles, a q without a test) are
 * cells of kind SLANT_CELL_NA, shown as SLANT_REPORT_NA ("n/a") in every format.
 *
 * Ownership: a table owns its strings; slant_report_table_release() frees them.
 */

/* In place of an index: none (a cell that is not a source's name, not a term). */
#define SLANT_REPORT_NONE ((size_t)-1)

/* How every format shows an undefined value. */
#define SLANT_REPORT_NA "n/a"

typedef enum {
    SLANT_CELL_TEXT = 0,    /* a name or a label from the data: escaped by each format */
    SLANT_CELL_NUMBER,      /* a formatted number ("6.56", "16.6%", "< 0.0001") */
    SLANT_CELL_NA           /* an undefined value: SLANT_REPORT_NA */
} slant_cell_kind;

typedef enum {
    SLANT_ALIGN_LEFT = 0,
    SLANT_ALIGN_RIGHT
} slant_align;

typedef struct {
    slant_cell_kind kind;
    char *text;             /* as shown; owned */
    char *note;             /* what follows it, set apart by the HTML page: an interval
                             * "[4.22, 8.90]", a count "(2)"; NULL without one; owned */
    double value;           /* the number (for charts and checks); NAN if none */
    size_t source;          /* the index of the source it names (the HTML page shows its
                             * colour), or SLANT_REPORT_NONE */
    size_t term;            /* the index of the term it names (the HTML page links it to
                             * its evidence), or SLANT_REPORT_NONE */
    int word;               /* in a header: a word of the report, written lowercase
                             * ("source"); Markdown and HTML capitalise it */
} slant_report_cell;

typedef struct {
    char *id;               /* unique in the report ("means", "concept-1"); owned */
    char *caption;          /* what the table shows, in one line; owned */
    int caption_leads;      /* text and Markdown also show the caption above the table
                             * (where the section does not say what the table is) */
    size_t ncols, nrows;
    slant_report_cell *header;   /* ncols cells */
    slant_align *align;          /* ncols: the first column left, numbers right */
    slant_report_cell *cells;    /* nrows * ncols, row by row; column 0 heads its row */
    size_t cap;                  /* rows allocated */
} slant_report_table;

/* Starts a table of `ncols` columns (all right-aligned but the first; the header empty). */
void slant_report_table_init(slant_report_table *t, const char *id, const char *caption,
                             size_t ncols);
void slant_report_table_release(slant_report_table *t);

/* Sets header cell `col` (copies `text`); `word`: see slant_report_cell. */
void slant_report_table_head(slant_report_table *t, size_t col, const char *text, int word,
                             size_t source);

/* Appends a row and returns its ncols cells, empty text cells to be set (valid until the
 * next row is added). */
slant_report_cell *slant_report_table_row(slant_report_table *t);

/* Sets a cell: text (copied) and no note. */
void slant_report_cell_text(slant_report_cell *c, const char *text);
/* Sets a cell to a number: `text` and `note` (NULL for none) copied, `value` kept. */
void slant_report_cell_number(slant_report_cell *c, const char *text, const char *note,
                              double value);
/* Sets a cell to an undefined value. */
void slant_report_cell_na(slant_report_cell *c);
/* Sets a cell to a p- or q-value as the report writes them (slant_report_fmt_q), or
 * undefined for NAN. */
void slant_report_cell_q(slant_report_cell *c, double q);

#endif
