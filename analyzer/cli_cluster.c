/* The clusters of slant compare --cluster FIELD: the inputs read once more, grouped by
 * FIELD, matched row by row with the comparison's dataset (see cli_compare.h). */

#include "cli_compare.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "xalloc.h"

/*
 * The cluster of every row of `ds` for --cluster FIELD. The reader keeps one grouping field
 * per read, so the inputs are read once more, grouped by FIELD. Both reads leave their rows
 * in input order (the same whatever -j is), so they match row by row (their ids must
 * agree); only then are `ds` and the clusters put in the canonical order, together.
 * (Sorting each read on its own ordered rows that share an id by their group in one read
 * and by their cluster in the other, and gave such rows each other's clusters.) `ds` must
 * be in input order (cli_inputs_options.input_order) and is sorted on return. Returns the
 * clusters of the sorted rows (caller frees) and their number in `*ids`, or NULL after a
 * message.
 */
uint32_t *cli_read_clusters(const cli_inputs_options *in_options, const char *field,
                            char **paths, size_t npaths, slant_dataset *ds, size_t *ids)
{
    cli_inputs_options io = *in_options;
    io.by = field;
    io.event = NULL;
    io.quiet = 1;
    io.input_order = 1;
    slant_dataset *by_cluster = slant_dataset_new();
    cli_inputs_result in;
    cli_inputs_read(&io, paths, npaths, by_cluster, &in);
    size_t rows = slant_dataset_nrows(ds);
    uint32_t *cluster = NULL;
    if (slant_dataset_nrows(by_cluster) != rows) {
        cli_message("--cluster %s: the inputs gave %zu rows the second time, not %zu",
                    field, slant_dataset_nrows(by_cluster), rows);
    } else {
        cluster = xmalloc((rows ? rows : 1) * sizeof *cluster);
        for (size_t r = 0; r < rows && cluster; r++) {
            const slant_row *x = slant_dataset_row(ds, r), *y = slant_dataset_row(by_cluster, r);
            if ((x->id == NULL) != (y->id == NULL) || (x->id && strcmp(x->id, y->id))) {
                cli_message("--cluster %s: row %zu is '%s' the second time, not '%s'",
                            field, r + 1, y->id ? y->id : "", x->id ? x->id : "");
                free(cluster);
                cluster = NULL;
                break;
            }
            cluster[r] = y->group;
        }
        *ids = slant_dataset_ngroups(by_cluster);
    }
    if (cluster) {
        size_t *order = slant_dataset_sort_order(ds);
        uint32_t *sorted = xmalloc((rows ? rows : 1) * sizeof *sorted);
        for (size_t k = 0; k < rows; k++)
            sorted[k] = cluster[order[k]];
        free(order);
        free(cluster);
        cluster = sorted;
    }
    slant_dataset_sort(ds);
    cli_inputs_release(&in);
    slant_dataset_free(by_cluster);
    return cluster;
}
