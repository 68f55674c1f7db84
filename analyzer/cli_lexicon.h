#ifndef SLANT_CLI_LEXICON_H
#define SLANT_CLI_LEXICON_H

#include <stdio.h>

#include "error.h"
#include "lexicon.h"
#include "lexicon_import.h"

/*
 * The `slant lexicon` commands (cli_lexicon.c dispatches; list, stats and import have a
 * file each) and the helpers they share. This is CLI code: it prints on stdout and stderr.
 */

/* The commands: each takes its own argv (argv[0] is the command's name) and returns an
 * exit status. */
int cli_lexicon_list(int argc, char **argv);
int cli_lexicon_stats(int argc, char **argv);
int cli_lexicon_import(int argc, char **argv);

/* An importer's report callback (slant_import_report) that prints each problem as
 * "slant: ..." on stderr (notes only when not `quiet`) and counts them by severity. */
typedef struct {
    int quiet;                  /* no notes */
    size_t count[SLANT_IMPORT_NOTE + 1];
} cli_import_report;

void cli_import_problem(slant_import_severity sev, const slant_error *err, void *ctx);

/* Reads an --encoding value (utf8 or latin1, in their usual spellings): 0, or -1. */
int cli_parse_encoding(const char *s, slant_encoding *enc);

/*
 * Loads a lexicon directory, an import-format file (then `*im` maps its entries back to
 * the file's lines; free with slant_import_free), or the installed lexicon for `lang` when
 * `path` is NULL. Prints what went wrong; returns SLANT_EXIT_OK or an exit status.
 */
int cli_lexicon_load_any(const char *path, const char *lang, slant_lexicon **lex,
                         slant_import **im);

/* The width of `s` in a table: its code points, near enough for a terminal. */
size_t cli_display_width(const char *s);
/* Writes `s` to `f`, then spaces up to `width` columns. */
void cli_pad(FILE *f, const char *s, size_t width);

#endif
