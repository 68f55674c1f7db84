#ifndef SLANT_CLI_INPUTS_H
#define SLANT_CLI_INPUTS_H

#include <stddef.h>

#include "dataset.h"
#include "lexicon.h"

/*
 * The inputs of `slant compare` and `slant report`, read into a dataset. Each named input
 * is one of three kinds, told apart by its first line:
 *
 *   - `slant score` output (JSON Lines whose records have "schema" and "categories"),
 *     read as it is;
 *   - a partial written by `slant compare --partial` (checked to be grouped the same way);
 *   - articles (text files, JSON Lines, directories, and '-' for standard input), scored
 *     with evidence into a temporary file by the score pipeline and read back, so that
 *     articles and score output go through one path.
 *
 * This is CLI code: problems are printed on stderr ("slant: " first) as they are met, and
 * counted; the rest of the inputs is still read.
 */

typedef struct {
    const char *by;              /* the grouping field */
    const char *event;           /* the event field, or NULL */
    const char *lexicon;         /* --lexicon DIR, or NULL for the installed one */
    const char *lang;            /* --lang, for the installed lexicon */
    long threads;                /* -j, for scoring articles */
    const char *text_field;      /* JSON Lines articles: the text field */
    const char *id_field;        /* JSON Lines articles: the id field */
    int quiet;                   /* no progress line */
    int keep_lexicon;            /* hand the lexicon the articles were scored with to the caller */
    int provenance;              /* collect the provenance of score records (costs a parse) */
} cli_inputs_options;

#define CLI_MAX_PROVENANCES 8

/* What a `slant score` record says it was made with. Strings are owned. */
typedef struct {
    char *tool;
    char *lexicon;
    char *lexicon_version;
    char *lexicon_hash;
} cli_provenance;

typedef struct {
    size_t records;              /* rows read into the dataset */
    size_t failed;               /* inputs or records skipped with errors (printed) */
    int had_evidence;            /* some record had evidence (entry counts for keyness) */
    int lexicon_error;           /* the lexicon could not be loaded (printed) */
    /* Inputs read as articles, in order: borrowed from the `paths` given to
     * cli_inputs_read (the array is owned). */
    const char **articles;
    size_t narticles;
    size_t score_files, partial_files;       /* inputs of the two other kinds */
    /* With keep_lexicon, the lexicon the articles were scored with (owned), else NULL. */
    slant_lexicon *lex;
    /* With provenance: the distinct provenances of the score records read (at most
     * CLI_MAX_PROVENANCES; `more_provenances` set when there were more). */
    cli_provenance provenances[CLI_MAX_PROVENANCES];
    size_t nprovenances;
    int more_provenances;
    size_t records_without_provenance;
} cli_inputs_result;

/* Reads the `n` inputs at `paths` into `ds`. `r` is filled (release with
 * cli_inputs_release). */
void cli_inputs_read(const cli_inputs_options *o, char **paths, size_t n, slant_dataset *ds,
                     cli_inputs_result *r);
void cli_inputs_release(cli_inputs_result *r);

/*
 * The fields JSON Lines articles must pass through for grouping (`by` and `event` when
 * they are not metadata the reader fills itself): writes up to 2 names to `keep` and
 * returns how many. Borrowed from `o`.
 */
size_t cli_inputs_keep(const cli_inputs_options *o, const char *keep[2]);

#endif
