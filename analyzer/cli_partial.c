/* Partials read by compare and merge: whether they can be combined (see cli_inputs.h);
 * and the identity stamped on the partials they write (see cli_compare.h). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_compare.h"
#include "cli_inputs.h"
#include "file.h"
#include "hash.h"
#include "version.h"
#include "xalloc.h"

/* Refuses or notes a partial that differs from the first one read; 1 when refused. */
static int check_first(cli_inputs_result *r, const char *path, const slant_partial_identity *id,
                       int force)
{
    const slant_partial_identity *first = &r->partial_first;
    slant_partial_difference d = slant_partial_differ(first, id);
    if (d == SLANT_PARTIAL_SAME)
        return 0;
    const char *what = slant_partial_difference_name(d);
    const char *one = slant_partial_difference_value(first, d);
    const char *two = slant_partial_difference_value(id, d);
    if (d == SLANT_PARTIAL_SCHEMA) {
        cli_message("'%s' and '%s' are partials of different schemas (%s and %s): make both "
                    "with one slant; not combined",
                    r->partial_first_path, path, one, two);
        return 1;
    }
    const char *why = d == SLANT_PARTIAL_TOOL ? "their articles may be scored differently"
                                             : "they hold different articles or indices";
    if (force) {
        cli_message("note: combining partials of different %s (--force): '%s' with %s, "
                    "'%s' with %s",
                    what, r->partial_first_path, one, path, two);
        return 0;
    }
    cli_message("the partials were made with different %s: '%s' with %s, '%s' with %s; %s "
                "(--force combines them anyway)",
                what, r->partial_first_path, one, path, two, why);
    return 1;
}

/* Refuses a shard of `id` that one read before holds, or overlaps; 1 when refused. */
static int check_shards(const cli_inputs_result *r, const char *path,
                        const slant_partial_identity *id)
{
    const slant_partial_identity *seen = &r->partial_shards;
    for (size_t k = 0; k < id->nshards; k++) {
        const slant_partial_shard *s = &id->shards[k];
        for (size_t j = 0; j < seen->nshards; j++) {
            const slant_partial_shard *t = &seen->shards[j];
            switch (slant_partial_overlap(s, t)) {
            case SLANT_SHARDS_APART:
                continue;
            case SLANT_SHARDS_SAME_ID:
                if (!strcmp(path, r->shard_paths[j]))
                    cli_message("'%s' is given twice: every article of it would be counted "
                                "twice; not combined",
                                path);
                else
                    cli_message("'%s' holds shard %s, which '%s' holds too: every article "
                                "of it would be counted twice; not combined",
                                path, s->id, r->shard_paths[j]);
                return 1;
            case SLANT_SHARDS_SAME_SHARD:
                cli_message("'%s' and '%s' both hold shard %lu/%lu of the same inputs (made "
                            "twice): every article of it would be counted twice; not combined",
                            r->shard_paths[j], path, s->k, s->n);
                return 1;
            case SLANT_SHARDS_OTHER_SPLIT:
                cli_message("'%s' holds shard %lu/%lu and '%s' shard %lu/%lu of the same "
                            "inputs: shards of different N overlap, so articles would be "
                            "counted twice; not combined",
                            r->shard_paths[j], t->k, t->n, path, s->k, s->n);
                return 1;
            }
        }
    }
    return 0;
}

int cli_partial_note(cli_inputs_result *r, const char *path, const slant_partial_identity *id,
                     int force)
{
    cli_note_lexicon(r, id->lexicon, id->version, id->hash, path);
    if (!r->partial_first_path) {
        slant_partial_identity *f = &r->partial_first;
        f->schema = xstrdup_or_null(id->schema);
        f->tool = xstrdup_or_null(id->tool);
        f->has_options = id->has_options;
        f->subset = xstrdup_or_null(id->subset);
        f->weights = xstrdup_or_null(id->weights);
        r->partial_first_path = xstrdup(path);
    } else if (check_first(r, path, id, force)) {
        return 1;
    } else if (!r->partial_first.tool && id->tool) {
        /* an older first partial: the first that records them sets the rest */
        r->partial_first.tool = xstrdup(id->tool);
    }
    if (!r->partial_first.has_options && id->has_options) {
        r->partial_first.has_options = 1;
        r->partial_first.subset = xstrdup_or_null(id->subset);
        r->partial_first.weights = xstrdup_or_null(id->weights);
    }
    if (check_shards(r, path, id))
        return 1;
    size_t had = r->partial_shards.nshards;
    r->shard_paths = xrealloc(r->shard_paths, (had + id->nshards) * sizeof *r->shard_paths);
    for (size_t k = 0; k < id->nshards; k++) {
        slant_partial_add_shard(&r->partial_shards, id->shards[k].id);
        r->shard_paths[had + k] = xstrdup(path);
    }
    return 0;
}

void cli_partials_release(cli_inputs_result *r)
{
    for (size_t k = 0; k < r->partial_shards.nshards; k++)
        free(r->shard_paths[k]);
    free(r->shard_paths);
    r->shard_paths = NULL;
    slant_partial_identity_release(&r->partial_shards);
    slant_partial_identity_release(&r->partial_first);
    free(r->partial_first_path);
    r->partial_first_path = NULL;
}

char *cli_partial_inputs_id(char *const *paths, size_t n)
{
    uint64_t h = slant_hash64("slant-inputs", 12);
    for (size_t i = 0; i < n; i++) {
        h = slant_hash64_more(h, paths[i], strlen(paths[i]) + 1); /* with its NUL: a list */
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISREG(st.st_mode)) {
            char size[32];
            snprintf(size, sizeof size, "%lld", (long long)st.st_size);
            h = slant_hash64_more(h, size, strlen(size) + 1);
        }
    }
    char id[40];
    snprintf(id, sizeof id, "fnv1a64:%016llx", (unsigned long long)h);
    return xstrdup(id);
}

/* --- the identity of a new partial ------------------------------------------------------- */

/* The lexicon the inputs were scored with (when they agree) into `id`. */
void cli_partial_identity_lexicon(const cli_inputs_result *in, slant_partial_identity *id)
{
    if (in->nlexicons != 1)
        return;
    id->lexicon = xstrdup_or_null(in->lexicons[0].lexicon);
    id->version = xstrdup_or_null(in->lexicons[0].lexicon_version);
    id->hash = xstrdup_or_null(in->lexicons[0].lexicon_hash);
}

/* "fnv1a64:..." of the file at `path` (as index.c names a weights file), or NULL. */
static char *file_hash(const char *path)
{
    char *data;
    size_t len;
    slant_error err;
    if (slant_read_file(path, (size_t)1 << 30, &data, &len, &err) != SLANT_OK)
        return NULL;
    char text[40];
    snprintf(text, sizeof text, "fnv1a64:%016llx",
             (unsigned long long)slant_hash64(data, len));
    free(data);
    return xstrdup(text);
}

/*
 * Adds to a new partial its identity (partial.h): the lexicon its inputs were scored with
 * (when they agree), the slant and the options that made it (those of the partials among
 * the inputs, or this run's), and its shards: those of the partials among the inputs, and
 * a new one for the rest (with --shard K/N, named with K/N and the inputs).
 */
void cli_partial_stamp(const cli_comparison_args *common, const cli_inputs_result *in,
                       char **paths, size_t npaths, slant_buf *b)
{
    const cli_inputs_options *io = &common->in;
    slant_partial_identity id;
    slant_partial_identity_init(&id);
    cli_partial_identity_lexicon(in, &id);
    const slant_partial_identity *first = in->partial_first_path ? &in->partial_first : NULL;
    id.tool = xstrdup(first && first->tool ? first->tool : SLANT_VERSION);
    id.has_options = 1;
    if (first && first->has_options) {
        id.subset = xstrdup_or_null(first->subset);
        id.weights = xstrdup_or_null(first->weights);
    } else if (!first) {
        id.subset = xstrdup_or_null(common->subset_spelled);
        id.weights = in->narticles && io->weights ? file_hash(io->weights) : NULL;
    }
    for (size_t k = 0; k < in->partial_shards.nshards; k++)
        slant_partial_add_shard(&id, in->partial_shards.shards[k].id);
    if (in->partial_shards.nshards && (in->score_files || in->narticles || io->shard.n)) {
        /* the rest, as a shard of its own (--shard K/N named in it, so that two empty
         * shards are not one) */
        char *inputs = io->shard.n ? cli_partial_inputs_id(paths, npaths) : NULL;
        char *own = slant_partial_shard_id(b->data, b->len, io->shard.k, io->shard.n, inputs);
        slant_partial_add_shard(&id, own);
        free(own);
        free(inputs);
    } else if (!in->partial_shards.nshards && io->shard.n) {
        char *inputs = cli_partial_inputs_id(paths, npaths);
        char *own = slant_partial_shard_id(b->data, b->len, io->shard.k, io->shard.n, inputs);
        slant_partial_add_shard(&id, own);
        free(own);
        free(inputs);
    }
    slant_partial_stamp(b, &id); /* no shard: one made of the data */
    slant_partial_identity_release(&id);
}
