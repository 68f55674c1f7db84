/* slant merge: its options and its wiring, combining partial comparisons from sharded runs
 * into one partial (checked by cli_partial.c; read and written by partial_json.c). */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_compare.h"
#include "cli_inputs.h"
#include "file.h"
#include "partial_json.h"
#include "xalloc.h"

static void merge_usage(FILE *f)
{
    fputs("usage: slant merge [-o FILE] [--force] PARTIAL...\n"
          "\n"
          "Combines partial comparisons (written by 'slant compare --partial', for example\n"
          "one per shard of a corpus) into one partial. Comparing the merged partial gives\n"
          "exactly the comparison of the whole corpus: 'slant compare merged.json'.\n"
          "All partials must be grouped by the same field (and events), scored with the\n"
          "same lexicon, made by the same slant, with the same --where, --from and --to and\n"
          "the same --weights; --force merges them anyway when only these differ. Always\n"
          "refused (their articles would count twice): the same partial twice, a shard\n"
          "another partial holds too, shard K/N of the same inputs made twice, and shards\n"
          "of the same inputs split into different N; and partials of other schemas.\n"
          "\n"
          "options:\n"
          "  -o, --output FILE   write the merged partial to FILE (default: standard output)\n"
          "      --force         merge partials of different lexicons, slant versions,\n"
          "                      --where/--from/--to or --weights (a note says which)\n"
          "\n"
          "exit status: 0 merged; 1 some partials could not be read (the rest were merged);\n"
          "2 usage error, or partials that cannot be merged (above; both named); 3 nothing\n"
          "to merge; 4 the output could not be written.\n"
          "\n"
          "example:\n"
          "  slant compare --partial -o a.json corpus/synthetic/northern-voice\n"
          "  slant compare --partial -o b.json corpus/synthetic/southern-herald\n"
          "  slant merge -o all.json a.json b.json && slant compare all.json\n",
          f);
}

int slant_cli_merge(int argc, char **argv)
{
    const char *output = NULL;
    int force = 0;
    optind = 1;
    opterr = 0;
    static const struct option options[] = {
        { "output", required_argument, NULL, 'o' },
        { "force", no_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'F')
            force = 1;
        else if (c == 'h') {
            merge_usage(stdout);
            return SLANT_EXIT_OK;
        } else if (c == ':')
            return cli_usage_error("merge", "option '%s' needs a value", argv[optind - 1]);
        else
            return cli_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
    }
    if (optind == argc)
        return cli_usage_error("merge", "no partials given");
    slant_dataset *ds = slant_dataset_new();
    char *by = NULL, *event = NULL, *strata = NULL;
    size_t failed = 0;
    cli_inputs_result seen; /* the lexicons and shards of the partials */
    memset(&seen, 0, sizeof seen);
    for (int i = optind; i < argc; i++) {
        char *data;
        size_t len;
        slant_error err;
        char text[1200];
        char *b = NULL, *e = NULL, *s = NULL;
        slant_status st = slant_read_file(argv[i], CLI_MAX_PARTIAL_BYTES, &data, &len, &err);
        if (st == SLANT_OK) {
            slant_partial_identity id;
            slant_partial_identity_read(data, len, &id);
            int refused = cli_partial_note(&seen, argv[i], &id, force) ||
                          cli_lexicons_check(&seen, force, 0);
            slant_partial_identity_release(&id);
            if (refused) {
                free(data);
                free(by);
                free(event);
                free(strata);
                cli_inputs_release(&seen);
                slant_dataset_free(ds);
                return SLANT_EXIT_USAGE;
            }
            st = slant_json_read_partial(data, len, argv[i], ds, &b, &e, &s, &err);
            free(data);
        }
        if (st != SLANT_OK) {
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            failed++;
        } else if (!by) {
            by = b ? b : xstrdup("source");
            event = e;
            strata = s;
            b = e = s = NULL;
        } else if (!b || strcmp(b, by) || (e ? !event || strcmp(e, event) : event != NULL) ||
                   (s ? !strata || strcmp(s, strata) : strata != NULL)) {
            cli_message("'%s' was grouped differently from the first partial: not merged "
                        "into a mixed comparison",
                        argv[i]);
            free(b);
            free(e);
            free(s);
            free(by);
            free(event);
            free(strata);
            cli_inputs_release(&seen);
            slant_dataset_free(ds);
            return SLANT_EXIT_USAGE;
        }
        free(b);
        free(e);
        free(s);
    }
    int rc = SLANT_EXIT_NOTHING;
    if (by) {
        slant_buf out;
        slant_buf_init(&out, SLANT_OUTPUT_MAX_BYTES);
        slant_dataset_sort(ds); /* the same whatever the order of the partials */
        slant_json_write_partial(ds, by, event, strata, &out);
        slant_partial_identity id; /* the partials' (they agree, or --force) */
        slant_partial_identity_init(&id);
        cli_partial_identity_lexicon(&seen, &id);
        id.tool = xstrdup_or_null(seen.partial_first.tool);
        id.has_options = seen.partial_first.has_options;
        id.subset = xstrdup_or_null(seen.partial_first.subset);
        id.weights = xstrdup_or_null(seen.partial_first.weights);
        for (size_t k = 0; k < seen.partial_shards.nshards; k++)
            slant_partial_add_shard(&id, seen.partial_shards.shards[k].id);
        slant_partial_stamp(&out, &id);
        slant_partial_identity_release(&id);
        rc = cli_output_buf(output, &out);
        if (rc == SLANT_EXIT_OK && failed)
            rc = SLANT_EXIT_PARTIAL;
        slant_buf_release(&out);
    }
    free(by);
    free(event);
    free(strata);
    cli_inputs_release(&seen);
    slant_dataset_free(ds);
    return rc;
}
