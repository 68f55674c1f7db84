/* The reader of `slant score` records from a file: lines read in batches, parsed on the
 * -j threads, added to the dataset in input order; with the --shard filter and the
 * --event auto signatures of each record (see cli_inputs_parts.h). */

#include "cli_inputs_parts.h"

#include <pthread.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_json.h"
#include "cli.h"
#include "compress.h"
#include "jsonline.h"
#include "score_json.h"
#include "score_read.h"
#include "xalloc.h"

/*
 * Is the score record `line` one of shard `s` (--shard)? By its "id", as the article was;
 * a record without one is kept (slant_json_read_score reports it).
 */
static int in_shard(const char *line, size_t len, const slant_shard *s)
{
    const char *v;
    size_t n;
    if (!s->n || !slant_jsonline_member(line, len, "id", &v, &n) || n < 2 || v[0] != '"')
        return 1;
    if (!memchr(v, '\\', n)) { /* no escapes: the id is the bytes between the quotes */
        char *id = xmemdup(v + 1, n - 2);
        int in = slant_shard_holds(s, id);
        free(id);
        return in;
    }
    slant_jsonl_fields f = { "id", "id", NULL, 0 }; /* the id as the text: unescaped */
    slant_article a;
    slant_article_init(&a);
    slant_error err;
    int in = slant_json_parse_article(line, len, &f, "", 0, &a, &err) != SLANT_OK ||
             slant_shard_holds(s, a.text);
    slant_article_release(&a);
    return in;
}

/*
 * With --event auto: the content signature of the score record
 * `line`, just added to `ds` as its last row. A record without a signature is counted
 * (cli_events_find refuses them); a malformed one is reported and counted as failed.
 */
void cli_read_extras(const cli_inputs_options *o, cli_inputs_result *r, slant_dataset *ds,
                     const char *line, size_t len, const char *path, long lineno)
{
    if (!o->event_auto)
        return;
    size_t row = slant_dataset_nrows(ds) - 1; /* its day: set by the record reader */
    slant_error err;
    slant_error_clear(&err);
    int rc = slant_json_read_signature(line, len, path, lineno, ds, row, &err);
    if (rc < 0) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        r->failed++;
    } else if (rc == 0 && !r->no_signature++) {
        char where[1100];
        snprintf(where, sizeof where, "%s:%ld", path, lineno);
        r->no_signature_where = xstrdup(where);
    }
}

/* Lines of score records read at a time: parsed on the -j threads, then added to the
 * dataset in input order on this one, so the dataset is the same for every -j. */
#define SCORE_BATCH 256

typedef struct {
    char *line[SCORE_BATCH];      /* getline's buffers, reused from batch to batch */
    size_t cap[SCORE_BATCH], len[SCORE_BATCH];
    long lineno[SCORE_BATCH];
    slant_score_parsed *parsed[SCORE_BATCH];
    size_t n;
    const slant_score_fields *fields;
} score_batch;

typedef struct {
    score_batch *b;
    slant_score_reader *reader;
    size_t first, step;           /* this thread parses lines first, first + step, ... */
} score_share;

static void *parse_share(void *arg)
{
    score_share *sh = arg;
    score_batch *b = sh->b;
    for (size_t i = sh->first; i < b->n; i += sh->step)
        if (b->len[i])
            slant_score_reader_parse(sh->reader, b->parsed[i], b->line[i], b->len[i],
                                     b->fields);
    return NULL;
}

/* Reads `slant score` records from `f`; returns the number of bad lines (reported). */
size_t cli_read_scores(FILE *f, const char *path, const slant_score_fields *fields,
                       const cli_inputs_options *o, slant_dataset *ds, cli_inputs_result *r)
{
    size_t threads = o->threads > 1 ? (size_t)o->threads : 1, bad = 0;
    if (threads > 8)
        threads = 8; /* reading is bound by one thread adding to the dataset */
    score_batch *b = xcalloc(1, sizeof *b);
    b->fields = fields;
    for (size_t i = 0; i < SCORE_BATCH; i++)
        b->parsed[i] = slant_score_parsed_new();
    score_share share[8];
    pthread_t tid[8];
    for (size_t t = 0; t < threads; t++)
        share[t] = (score_share){ b, slant_score_reader_new(), t, threads };
    long lineno = 0;
    int more = 1;
    while (more) {
        b->n = 0;
        while (b->n < SCORE_BATCH) {
            size_t i = b->n;
            ssize_t n = getline(&b->line[i], &b->cap[i], f);
            if (n < 0) {
                more = 0;
                break;
            }
            size_t len = (size_t)n;
            while (len && (b->line[i][len - 1] == '\n' || b->line[i][len - 1] == '\r'))
                len--;
            b->len[i] = len;
            b->lineno[i] = ++lineno;
            b->n++;
        }
        size_t started = 1;
        for (size_t t = 1; t < threads && b->n > SCORE_BATCH / 4; t++, started++)
            if (pthread_create(&tid[t], NULL, parse_share, &share[t]) != 0)
                break;
        if (started < threads) { /* one thread (or too few lines): parse the rest here */
            for (size_t t = started; t < threads; t++)
                parse_share(&share[t]);
        }
        parse_share(&share[0]);
        for (size_t t = 1; t < started; t++)
            pthread_join(tid[t], NULL);
        for (size_t i = 0; i < b->n; i++) {
            if (!b->len[i] || !in_shard(b->line[i], b->len[i], &o->shard))
                continue;
            if (o->subset && slant_json_is_score_record(b->line[i], b->len[i]) &&
                !slant_subset_record(o->subset, b->line[i], b->len[i])) {
                r->filtered++;
                continue;
            }
            slant_error err;
            slant_error_clear(&err);
            if (slant_score_parsed_apply(b->parsed[i], b->line[i], b->len[i], fields, path,
                                         b->lineno[i], ds, &r->had_evidence, &err)) {
                char text[1200];
                slant_error_format(&err, text, sizeof text);
                cli_message("%s", text);
                bad++;
            } else {
                r->records++;
                if (o->provenance >= 0)
                    cli_note_provenance(b->line[i], b->len[i], path, o, r);
                cli_read_extras(o, r, ds, b->line[i], b->len[i], path, b->lineno[i]);
            }
        }
    }
    if (ferror(f)) { /* a disk error, or a compressed file that is corrupt or cut short */
        cli_message("cannot read '%s': %s", path, slant_compress_strerror(errno));
        bad++;
    }
    for (size_t t = 0; t < threads; t++)
        slant_score_reader_free(share[t].reader);
    for (size_t i = 0; i < SCORE_BATCH; i++) {
        slant_score_parsed_free(b->parsed[i]);
        free(b->line[i]);
    }
    free(b);
    return bad;
}
