#ifndef SLANT_PIPELINE_H
#define SLANT_PIPELINE_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "lexicon.h"
#include "read.h"
#include "score.h"

/*
 * The batch pipeline of `slant score`: the calling thread reads articles, N worker
 * threads score them, a writer thread writes the results in input order. Items travel
 * through a ring of 2 x N + 2 slots of up to 64 articles (or 512 KiB of text) each, so
 * memory holds at most that many articles at once
 * whatever the corpus size, and the output is byte-identical for every N.
 *
 * The pipeline prints nothing itself: bad inputs go to `on_error` and progress to
 * `on_progress` (both called from the writer thread, in input order).
 */

typedef struct {
    const slant_lexicon *lex;
    slant_reader_options input;
    slant_score_options score;
    int threads;                                  /* workers, at least 1 */
    FILE *out;                                    /* NULL with on_output */
    /* Instead of writing to `out`: called with each batch's output (whole lines, in input
     * order) from the writer thread; `data` lives until the call returns. */
    void (*on_output)(const char *data, size_t len, void *ctx);
    /* Instead of slant_scorer_write: scores article `a` with scorer `s` (the worker's own)
     * and appends its output to `out`. Called on the worker threads, several at once:
     * `write_ctx` is shared by them all and must only be read. The output still goes to
     * `out` or `on_output` in input order. NULL: slant_scorer_write with `score`. */
    void (*write)(slant_scorer *s, const slant_article *a, const char *origin, long line,
                  const slant_score_options *o, slant_buf *out, const void *write_ctx);
    const void *write_ctx;
    void (*on_error)(const slant_error *err, void *ctx);
    void (*on_progress)(size_t articles, size_t bytes, void *ctx);
    void *ctx;
} slant_pipeline_options;

typedef struct {
    size_t articles;          /* scored and written */
    size_t failed;            /* inputs or records skipped with an error */
    size_t bytes;             /* text bytes scored */
    size_t ignored;           /* files passed over in directory walks */
    size_t filtered;          /* articles left out by the subset (input.subset) */
    char ignored_names[3][512];   /* the first three of them */
    int write_failed;         /* writing the output failed (errno kept in write_errno) */
    int write_errno;
} slant_pipeline_stats;

/*
 * Runs the pipeline to the end of the input. Returns SLANT_OK, or SLANT_ERR_IO if the
 * output could not be written. Per-input errors do not stop it: they are counted in
 * `stats->failed` and reported through `on_error`.
 */
slant_status slant_pipeline_run(const slant_pipeline_options *o, slant_pipeline_stats *stats);

#endif
