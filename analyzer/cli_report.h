#ifndef SLANT_CLI_REPORT_H
#define SLANT_CLI_REPORT_H

/*
 * The parts of slant report in a file of their own (cli_report_inputs.c), so that
 * cli_report.c keeps to options and wiring: what the report says of its inputs, the
 * evidence sentences it reads from the articles, and the lexicon that names the
 * categories of score records. Nothing here prints or exits.
 */

#include <stddef.h>

#include "cli.h"
#include "cli_inputs.h"
#include "lexicon.h"
#include "report.h"

/* The items of the report's "inputs" section: labels and values owned by the caller, who
 * frees each with free() once the report is built. */
typedef struct {
    slant_report_item items[4];
    size_t n;
} cli_input_items;

/* Describes the inputs `paths` (read into `in`) and the lexicons they were scored with into
 * `x`, which must start empty. */
void cli_report_describe_inputs(const cli_inputs_result *in, char **paths, size_t n,
                                cli_input_items *x);

/* Adds to `r` at most `snippets` evidence sentences per term from the article inputs (read
 * with `io`; not standard input, which cannot be read twice); nothing without keyness,
 * articles or `snippets`. */
void cli_report_add_evidence(const cli_inputs_options *io, size_t snippets,
                             const cli_inputs_result *in, slant_report *r, cli_phases *ph);

/* The lexicon directory of --lexicon (or the installed one), loaded; NULL when there is
 * none or it does not load (nothing is said). Caller frees. */
slant_lexicon *cli_report_named_lexicon(const cli_inputs_options *io);

/*
 * With score records only, whether they were scored with `lex` (the named lexicon): it has
 * the hash all the records name. Then the report reads the groups of the categories from
 * it, as with articles, and the definitions; any other lexicon only names the categories.
 */
int cli_report_records_scored_with(const cli_inputs_result *in, const slant_lexicon *lex);

#endif
