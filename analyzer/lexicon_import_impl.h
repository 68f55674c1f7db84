#ifndef SLANT_LEXICON_IMPORT_IMPL_H
#define SLANT_LEXICON_IMPORT_IMPL_H

/*
 * The inside of an import, shared by the files that make it up and by nothing else:
 * lexicon_import.c (the imported lexicon, translation, decoding, the entry points), one
 * parser per format (lexicon_import_liwc.c, lexicon_import_dicx.c, lexicon_import_lc3.c)
 * and the writer of the directory (lexicon_import_write.c).
 */

#include <stddef.h>

#include "buf.h"
#include "intern.h"
#include "lexicon_import.h"

#define MAX_IMPORT_FILE_BYTES ((size_t)64 << 20)
#define MAX_ID_BYTES 64
#define MAX_WEIGHT 100.0

/* --- the imported lexicon ------------------------------------------------------------ */

/* One distinct entry of the input, translated. */
typedef struct {
    char *source;             /* as the input writes it (white space runs made one space) */
    char *native;             /* the category-file line without weight; NULL: not expressible */
    long line, col;
} imp_entry;

/* An entry's membership of one category: what becomes one line of the category file. */
typedef struct {
    size_t entry;
    char weight[32];          /* "" for the default weight 1 */
    long out_line;            /* its line in the category file, once written; 0 before */
    int removed;              /* the loader rejected it */
} imp_member;

typedef struct {
    char *name;               /* as the input names it */
    char *id;                 /* unique; a-z, 0-9 and _ */
    char *definition;
    long line;                /* where the input declares it */
    long number;              /* LIWC: its number; else -1 */
    imp_member *members;
    size_t nmembers, members_cap;
    /* As last written: members[written[i]] is on line first_line + i of the file. */
    size_t *written;
    size_t nwritten;
    long first_line;
} imp_category;

struct slant_import {
    slant_import_format format;
    int stem;
    char *path;               /* as given, for reports */
    char *base;               /* its base name, for the manifest */
    char *id, *language, *stemmer;
    imp_category *cats;
    size_t ncats, cats_cap;
    imp_entry *entries;
    size_t nentries, entries_cap;

    /* (category, key) of every member so far -> the member's entry, for merging. */
    slant_intern seen;
    size_t *seen_entry;
    size_t seen_cap;

    slant_keyer keyer;
    slant_buf scratch;
    slant_import_report report;
    void *ctx;
    slant_import_counts counts;
};

/* A line of the input: [s, s + len) without its line break. */
typedef struct {
    const char *s;
    size_t len;
    long number;
} line_t;

/* --- shared by the parsers and the writer ----------------------------------------------- */

/* "LIWC .dic" and the like, for messages. */
const char *slant_imp_format_name(slant_import_format f);

/* Counts a problem and passes it to the import's report callback. */
void slant_imp_problem(slant_import *im, slant_import_severity sev, long line, long col,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* A space or tab (not a line break). */
int slant_imp_is_blank(char c);

/* Trims blanks (and a stray carriage return) at both ends of [*s, *s + *n). */
void slant_imp_trim(const char **s, size_t *n);

/* The next line at `*pos` of `len` bytes of `data`; 0 at the end. */
int slant_imp_next_line(const char *data, size_t len, size_t *pos, line_t *l);

/* Adds a category named by `len` bytes of `name` (`number`: LIWC's, else -1) declared on
 * `line`; `what` says what it was in the input. Returns its index. */
size_t slant_imp_add_category(slant_import *im, const char *name, size_t len, long number,
                              long line, const char *what);

/* The category of this name, or NULL. */
imp_category *slant_imp_find_category(slant_import *im, const char *name, size_t len);

/* Adds and translates an entry of the input; returns its index (see the definition). */
size_t slant_imp_add_entry(slant_import *im, const char *text, size_t len, long line, long col,
                           const char *cats);

/* Makes entry `entry` a member of category `cat` with `weight` ("" for 1). */
void slant_imp_add_member(slant_import *im, size_t cat, size_t entry, const char *weight);

/* The parsers: each reads decoded UTF-8 text into `im`, reporting every problem. */
void slant_imp_parse_liwc(slant_import *im, const char *data, size_t len);
void slant_imp_parse_dicx(slant_import *im, const char *data, size_t len);
void slant_imp_parse_lc3(slant_import *im, const char *data, size_t len);

#endif
