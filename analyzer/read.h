#ifndef SLANT_READ_H
#define SLANT_READ_H

#include <stddef.h>

#include "article.h"
#include "article_json.h"
#include "error.h"
#include "shard.h"
#include "subset.h"

/*
 * The reader: turns the command line's inputs into a stream of articles, one at a time,
 * in a fixed order (arguments in order, directories walked recursively with names
 * sorted bytewise), so memory never holds more than one article.
 *
 * Inputs: a text file (one article; metadata in a header block or a NAME.meta sidecar),
 * a JSON Lines file (.jsonl or .ndjson: one article per line), a spreadsheet (CSV as in
 * RFC 4180, or TSV: a header row, then one article per row, its text in the column named
 * like the JSON Lines text field), a directory (its .txt, .text, .jsonl and .ndjson
 * files; other files are counted as ignored), or "-" for standard input.
 *
 * A file named on the command line and standard input are told apart by their content,
 * not only their name (a pipe or `<(jq ...)` has none): JSON Lines if the first visible
 * byte is '{' (or the name ends .jsonl/.ndjson); CSV or TSV if the name ends .csv or .tsv,
 * or the first line is a header with a column named like the text field (TSV when it
 * has tabs); else one text article. --input overrides the guess.
 */

typedef enum {
    SLANT_INPUT_AUTO = 0,
    SLANT_INPUT_TEXT,
    SLANT_INPUT_JSONL,
    SLANT_INPUT_CSV,
    SLANT_INPUT_TSV
} slant_input_format;

typedef struct {
    const char *const *paths;
    size_t npaths;
    slant_input_format format;      /* for files given by name and stdin; AUTO: by extension */
    slant_jsonl_fields fields;
    size_t max_article_bytes;       /* larger articles (and JSON lines) are skipped with an error */
    slant_shard shard;              /* only the articles of this shard (shard.h); n 0: all */
    const slant_subset *subset;     /* articles it leaves out are passed over and counted
                                     * (slant_reader_filtered); NULL: all are read */
} slant_reader_options;

typedef struct slant_reader slant_reader;

/* A reader over `o` (borrowed: the paths must outlive the reader). */
slant_reader *slant_reader_new(const slant_reader_options *o);
void slant_reader_free(slant_reader *r);

/*
 * The next article. Returns SLANT_OK with `a` filled (the caller releases it), `*origin`
 * set to an owned copy of the file name (caller frees) and `*line` to its line (JSON
 * Lines) or 0; SLANT_END when every input is done; or an error status with `err` filled
 * for one input or record that could not be read, which is skipped: call again.
 */
slant_status slant_reader_next(slant_reader *r, slant_article *a, char **origin, long *line,
                               slant_error *err);

/* Articles the subset left out so far. */
size_t slant_reader_filtered(const slant_reader *r);

/* Files that directory walks passed over (not an article format), and up to three of
 * their names (borrowed until the reader is freed). */
size_t slant_reader_ignored(const slant_reader *r, const char **names, size_t max);

#endif
