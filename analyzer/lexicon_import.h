#ifndef SLANT_LEXICON_IMPORT_H
#define SLANT_LEXICON_IMPORT_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "lexicon.h"
#include "normalize.h"
#include "stem.h"
#include "tokenize.h"

/*
 * Importers of other tools' dictionaries into slant's own lexicon format
 * (lexicons/FORMAT.md), and the writer of the lexicon directory they produce.
 *
 *   LIWC .dic     a '%' block that numbers the categories ("126<TAB>posemo"), closed by a
 *                 second '%' line, then one entry per line followed by its category
 *                 numbers. The entry is the line's text up to the first tab or the first
 *                 run of numbers, so "kind of 131" is the expression "kind of".
 *   LIWC-22 .dicx CSV: a header row with a `DicTerm` column and one column per category;
 *                 a non-empty cell makes the row's term a member. A cell holding a plain
 *                 number from 0 to 100 is the entry's weight; any other mark ("X") is
 *                 weight 1.
 *   Lexicoder .lc3  `+name` lines open a category; the patterns beneath it follow, one
 *                 per line.
 *
 * Meaning is kept, not just syntax: in these formats a plain word matches only itself,
 * while slant stems plain words, so a plain word is imported as an exact entry
 * (`=abandon`) and `word*` as a prefix entry (`abandon*`). With `stem` set, plain words
 * are imported as stemmed words instead (slant's own style: more recall, no longer what
 * the original matched).
 *
 * Nothing is dropped silently. Every problem is passed to a report callback with the
 * input file, line and column:
 *   SLANT_IMPORT_ERROR    malformed input (a bad '%' header, an unknown category number,
 *                         an unterminated '%' block, an empty file, invalid UTF-8): the
 *                         import fails and nothing is written, but parsing goes on so
 *                         that every error is reported;
 *   SLANT_IMPORT_DROPPED  an entry, or its membership of one category, that the native
 *                         format cannot express (a '*' that is not at the end, a
 *                         character that is not part of a word, LIWC's conditional codes
 *                         such as "(02 134)125/464", more than 8 words, a weight out of
 *                         range); the rest is imported;
 *   SLANT_IMPORT_MERGED   an entry that matches exactly the words an earlier entry of the
 *                         same category matches ("Abandon" after "abandon"; with `stem`,
 *                         "abandons" after "abandon"): written once, nothing is lost;
 *   SLANT_IMPORT_NOTE     information: a category id that had to be changed to be unique.
 *
 * The library never prints. Imports are independent of each other (no shared state).
 */

typedef enum {
    SLANT_IMPORT_LIWC = 0,   /* .dic */
    SLANT_IMPORT_DICX,       /* .dicx */
    SLANT_IMPORT_LC3         /* .lc3 */
} slant_import_format;

typedef enum {
    SLANT_ENCODING_UTF8 = 0,
    SLANT_ENCODING_LATIN1    /* ISO-8859-1: every byte is one character, converted to UTF-8 */
} slant_encoding;

typedef enum {
    SLANT_IMPORT_ERROR = 0,
    SLANT_IMPORT_DROPPED,
    SLANT_IMPORT_MERGED,
    SLANT_IMPORT_NOTE
} slant_import_severity;

/* Receives each problem; `err` is valid for the call only. */
typedef void (*slant_import_report)(slant_import_severity severity, const slant_error *err,
                                    void *ctx);

/*
 * A report callback that keeps the problems for later: pass
 * slant_import_problems_collect as the callback and a slant_import_problems (zeroed) as
 * its context; free the list with slant_import_problems_release().
 */
typedef struct {
    slant_import_severity *severity;
    slant_error *items;
    size_t n, cap;
} slant_import_problems;

void slant_import_problems_collect(slant_import_severity severity, const slant_error *err,
                                   void *ctx);
void slant_import_problems_release(slant_import_problems *p);

typedef struct {
    slant_import_format format;
    slant_encoding encoding;
    const char *id;          /* the lexicon id; NULL: from the input's file name */
    const char *language;    /* NULL: "en" */
    const char *stemmer;     /* a Snowball algorithm; NULL: "english" */
    int stem;                /* import plain words as stemmed words, not exact ones */
} slant_import_options;

/* What an import produced, for summaries. */
typedef struct {
    size_t categories;
    size_t entries;          /* entry lines written, over all categories */
    size_t errors;
    size_t dropped;
    size_t merged;
} slant_import_counts;

typedef struct slant_import slant_import;

/* The format a file name says (.dic, .dicx, .lc3, any case): 0 and `*fmt`, or -1. */
int slant_import_format_of(const char *path, slant_import_format *fmt);

/* "liwc", "dicx" or "lc3" to a format: 0, or -1 for another name. */
int slant_import_format_named(const char *name, slant_import_format *fmt);

/*
 * Parses `len` bytes of `data`, a dictionary in format `o->format`; `path` names it in
 * every report and in the manifest (its base name only, so that the lexicon's content
 * hash does not depend on where the file lies). Returns:
 *   SLANT_OK          `*out` is set (free with slant_import_free), possibly after DROPPED
 *                     and MERGED reports;
 *   SLANT_ERR_INPUT   malformed input: each error was reported, `*out` is NULL;
 *   SLANT_ERR_USAGE   an unknown stemmer: `err` says so, nothing was reported.
 * `report` may be NULL. `data` is borrowed for the call.
 */
slant_status slant_import_parse(const char *data, size_t len, const char *path,
                                const slant_import_options *o, slant_import_report report,
                                void *ctx, slant_import **out, slant_error *err);

/* Reads the file at `path` (at most 64 MiB) and parses it; I/O errors go to `err`. */
slant_status slant_import_read(const char *path, const slant_import_options *o,
                               slant_import_report report, void *ctx, slant_import **out,
                               slant_error *err);

void slant_import_free(slant_import *im);

/*
 * Writes the lexicon into the existing directory `dir` (lexicon.json and one file
 * CATEGORY.txt per category, replacing files of those names), then loads it back with
 * slant's own lexicon loader: an entry the loader rejects is dropped, reported (DROPPED,
 * with the input's line) and the files are written again, so that what is written always
 * loads. Returns SLANT_OK, or SLANT_ERR_IO with `err` naming the file that could not be
 * written.
 */
slant_status slant_import_write(slant_import *im, const char *dir, slant_import_report report,
                                void *ctx, slant_error *err);

/* Removes the files slant_import_write() wrote into `dir`, then `dir` if it is empty. */
void slant_import_remove(const slant_import *im, const char *dir);

/*
 * Imports the file at `path` into a fresh temporary directory (under $TMPDIR or /tmp),
 * loads it into `*lex` (free with slant_lexicon_free) and removes the directory. Reports
 * go to `report` as in slant_import_parse(). On success, when `keep` is not NULL, the
 * import is handed to the caller in `*keep` (free with slant_import_free), so that
 * slant_import_origin() can map entries back to the input. Returns SLANT_OK,
 * SLANT_ERR_INPUT (malformed input; errors reported; `err` says how many), or
 * SLANT_ERR_IO / SLANT_ERR_USAGE / SLANT_ERR_LIMIT with `err` set.
 */
slant_status slant_import_load(const char *path, const slant_import_options *o,
                               slant_import_report report, void *ctx, slant_lexicon **lex,
                               slant_import **keep, slant_error *err);

/* What the import produced so far. */
slant_import_counts slant_import_get_counts(const slant_import *im);

/*
 * Checks the file at `path` as an import would convert it (`slant lexicon check FILE`):
 * reads it, writes it into a fresh temporary directory (under $TMPDIR or /tmp) and removes
 * that again, so every problem the import would meet goes to `report`. Sets `*counts` to
 * what the import produced (all 0 when the file could not be read). Returns as
 * slant_import_read() and slant_import_write() do, or SLANT_ERR_IO when the temporary
 * directory cannot be made.
 */
slant_status slant_import_check(const char *path, const slant_import_options *o,
                                slant_import_report report, void *ctx,
                                slant_import_counts *counts, slant_error *err);

/*
 * The input line of the entry slant_import_write() wrote at line `line` of category
 * `cat`'s file (categories are numbered as in the manifest it wrote, which is the order
 * the lexicon loads them in), or 0 if no entry was written there.
 */
long slant_import_origin(const slant_import *im, size_t cat, long line);

/* The input file's name as given to slant_import_parse(); valid while `im` lives. */
const char *slant_import_path(const slant_import *im);

/*
 * Entry keys: what a native entry matches, as bytes. Two entries with equal keys match
 * exactly the same words (`radical` and `radicals` stem alike; `=Artsakh` and `=artsakh`
 * fold alike). Each word becomes its kind ('s' stem, 'e' exact, 'p' prefix) and its
 * stemmed or folded form, as lexicons/FORMAT.md and lexicon.c define them; numbers are
 * always exact. A keyer holds a stemmer and scratch; one per thread.
 */
typedef struct {
    slant_stemmer *stemmer;
    slant_folder folder;
    slant_doc doc;
} slant_keyer;

/* 0, or -1 if there is no such stemmer (then nothing needs releasing). */
int slant_keyer_init(slant_keyer *k, const char *stemmer);
void slant_keyer_release(slant_keyer *k);

/* Word kinds of an entry, as written: for `list` and `stats`. */
typedef struct {
    int exact;               /* '=' before it */
    int prefix;              /* '*' at its end */
    size_t nwords;
} slant_entry_shape;

/*
 * Appends the key of `entry` (as written in a category file, without its weight: `word`,
 * `=Word`, `word*`, `"two words"`, `="two words"`) to `out` and describes it in `*shape`
 * (may be NULL). Returns 0, or -1 when the entry has no word or a word that cannot be
 * folded (then `out` is unchanged).
 */
int slant_keyer_key(slant_keyer *k, const char *entry, slant_buf *out, slant_entry_shape *shape);

#endif
