#ifndef SLANT_CLI_INPUTS_PARTS_H
#define SLANT_CLI_INPUTS_PARTS_H

/*
 * The parts of the input reader of compare and report (cli_inputs.h), each in its own file,
 * shared between those files only: commands use cli_inputs.h.
 *   cli_input_kind.c    what a path holds; standard input and pipes spooled
 *   cli_provenance.c    what score records say they were scored with
 *   cli_scores_read.c   the batched reader of score records
 *   cli_inputs.c        the fields read from metadata (also for cli_checks.c)
 * Messages go to stderr through cli_message; nothing here exits.
 */

#include <stdio.h>

#include "cli_inputs.h"
#include "score_json.h"

/* --- cli_input_kind.c ----------------------------------------------------------------------- */

typedef enum { CLI_INPUT_ARTICLES, CLI_INPUT_SCORES, CLI_INPUT_PARTIAL } cli_input_kind;

/* The kind of the file or directory at `path`, by its first non-blank line (a directory, a
 * path that cannot be opened: articles, so the error comes from the article reader). */
cli_input_kind cli_input_kind_of(const char *path);

/* Is `path` standard input ("-") or a pipe or other non-regular file, read only once? */
int cli_input_needs_spool(const char *path);

/* The bytes of `path` ("-": standard input) copied into a temporary file, rewound; the
 * caller closes it. NULL after printing why. */
FILE *cli_input_spool(const char *path);

/* The kind of the open file `f` by its first non-blank line; `f` is rewound. */
cli_input_kind cli_input_kind_of_stream(FILE *f);

/* --- cli_provenance.c ----------------------------------------------------------------------- */

/* Notes the provenance of the score record `json` (from `path`) in `r`: its lexicon
 * always, the whole provenance with o->provenance; a record without one is counted. */
void cli_note_provenance(const char *json, size_t len, const char *path,
                         const cli_inputs_options *o, cli_inputs_result *r);

/* Frees what `p` holds and zeroes it. */
void cli_provenance_release(cli_provenance *p);

/* --- cli_scores_read.c ---------------------------------------------------------------------- */

/* Reads `slant score` records from `f` (named `path` in messages) into `ds` with o->threads
 * parsing threads, in input order; returns the number of bad lines (each reported). */
size_t cli_read_scores(FILE *f, const char *path, const slant_score_fields *fields,
                       const cli_inputs_options *o, slant_dataset *ds, cli_inputs_result *r);

/* With --event auto: reads the signature of the score record `line` (from `path`, line
 * `lineno`), just added to `ds` as its last row; counts records without one in `r`. */
void cli_read_extras(const cli_inputs_options *o, cli_inputs_result *r, slant_dataset *ds,
                     const char *line, size_t len, const char *path, long lineno);

/* --- cli_inputs.c --------------------------------------------------------------------------- */

/* Is `field` one the readers fill from an article's metadata ("source", "date", ...), rather
 * than one that must be kept from JSON Lines? */
int cli_is_metadata(const char *field);

#endif
