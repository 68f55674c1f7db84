/* Partials read by compare and merge: whether they can be combined (see cli_inputs.h). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_inputs.h"
#include "hash.h"
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

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

int cli_partial_note(cli_inputs_result *r, const char *path, const slant_partial_identity *id,
                     int force)
{
    cli_note_lexicon(r, id->lexicon, id->version, id->hash, path);
    if (!r->partial_first_path) {
        slant_partial_identity *f = &r->partial_first;
        f->schema = dup_or_null(id->schema);
        f->tool = dup_or_null(id->tool);
        f->has_options = id->has_options;
        f->subset = dup_or_null(id->subset);
        f->weights = dup_or_null(id->weights);
        r->partial_first_path = xstrdup(path);
    } else if (check_first(r, path, id, force)) {
        return 1;
    } else if (!r->partial_first.tool && id->tool) {
        /* an older first partial: the first that records them sets the rest */
        r->partial_first.tool = xstrdup(id->tool);
    }
    if (!r->partial_first.has_options && id->has_options) {
        r->partial_first.has_options = 1;
        r->partial_first.subset = dup_or_null(id->subset);
        r->partial_first.weights = dup_or_null(id->weights);
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
