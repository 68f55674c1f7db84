#ifndef SLANT_CLI_COMPARE_H
#define SLANT_CLI_COMPARE_H

/*
 * The parts of slant compare and slant merge in files of their own, so that cli_compare.c
 * and cli_merge.c keep to options and wiring: the clusters of --cluster (cli_cluster.c)
 * and the identity stamped on a partial they write (cli_partial.c). Messages go to stderr
 * through cli_message; nothing here exits.
 */

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cli_inputs.h"
#include "dataset.h"
#include "partial.h"

/*
 * The cluster of every row of `ds` for --cluster `field`. The reader keeps one grouping
 * field per read, so the inputs `paths` are read once more with `in_options`, grouped by
 * `field`. Both reads leave their rows in input order (the same whatever -j is), so they
 * match row by row (their ids must agree); only then are `ds` and the clusters put in the
 * canonical order, together. `ds` must be in input order (cli_inputs_options.input_order)
 * and is sorted on return. Returns the clusters of the sorted rows (caller frees) and
 * their number in `*ids`, or NULL after a message.
 */
uint32_t *cli_read_clusters(const cli_inputs_options *in_options, const char *field,
                            char **paths, size_t npaths, slant_dataset *ds, size_t *ids);

/* The lexicon the inputs were scored with, when they agree (one in in->lexicons), into
 * `id` (copies, released with the identity); nothing when they do not. */
void cli_partial_identity_lexicon(const cli_inputs_result *in, slant_partial_identity *id);

/*
 * Adds to the new partial in `b` (written by compare --partial from the inputs `paths`,
 * read into `in` with `common`) its identity (partial.h): the lexicon, the slant and the
 * options that made it, and its shards.
 */
void cli_partial_stamp(const cli_comparison_args *common, const cli_inputs_result *in,
                       char **paths, size_t npaths, slant_buf *b);

#endif
