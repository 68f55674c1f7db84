#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "table.h"
#include "xalloc.h"

/* The largest output one batch may produce (evidence can be long). */
#define MAX_BATCH_OUTPUT ((size_t)1 << 31)
/* A batch closes at this many articles or this much text, whichever comes first: big
 * enough that threads rarely wait on each other, small enough to bound memory. */
#define BATCH_ARTICLES 64
#define BATCH_BYTES ((size_t)512 << 10)

/* One input: an article to score, or an error to report in its place. */
typedef struct {
    slant_status status;
    slant_article article;
    char *origin;
    long line;
    slant_error err;
} item;

typedef enum {
    SLOT_EMPTY = 0,
    SLOT_READY,      /* a batch waits for a worker */
    SLOT_BUSY,       /* a worker scores it */
    SLOT_DONE        /* its output waits for the writer */
} slot_state;

typedef struct {
    slot_state state;
    item items[BATCH_ARTICLES];
    size_t n;
    slant_buf out;
} slot;

typedef struct {
    const slant_pipeline_options *o;
    slot *ring;
    size_t nslots;
    size_t next_read, next_take, next_write;   /* batch sequence numbers */
    int eof;
    pthread_mutex_t lock;
    pthread_cond_t can_read;    /* a slot became empty */
    pthread_cond_t can_take;    /* a batch became ready, or the input ended */
    pthread_cond_t can_write;   /* a batch was scored, or the input ended */
    slant_pipeline_stats *stats;
} pipeline;

static void *worker_main(void *arg)
{
    pipeline *p = arg;
    slant_scorer *scorer = slant_scorer_new(p->o->lex);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next_take == p->next_read && !p->eof)
            pthread_cond_wait(&p->can_take, &p->lock);
        if (p->next_take == p->next_read)
            break;
        slot *s = &p->ring[p->next_take++ % p->nslots];
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->lock);

        for (size_t i = 0; i < s->n; i++) {
            item *it = &s->items[i];
            if (it->status != SLANT_OK)
                continue;
            if (p->o->write)
                p->o->write(scorer, &it->article, it->origin, it->line, &p->o->score, &s->out,
                            p->o->write_ctx);
            else
                slant_scorer_write(scorer, &it->article, it->origin, it->line, &p->o->score,
                                   &s->out);
        }

        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_signal(&p->can_write);
    }
    pthread_mutex_unlock(&p->lock);
    slant_scorer_free(scorer);
    return NULL;
}

static void write_bytes(pipeline *p, const char *data, size_t len)
{
    if (p->stats->write_failed || !len)
        return;
    if (p->o->on_output) {
        p->o->on_output(data, len, p->o->ctx);
        return;
    }
    if (fwrite(data, 1, len, p->o->out) != len) {
        p->stats->write_failed = 1;
        p->stats->write_errno = errno;
    }
}

/* Writes a scored batch: its records, then its errors, both in input order. */
static void write_batch(pipeline *p, slot *s)
{
    const slant_pipeline_options *o = p->o;
    write_bytes(p, s->out.data, s->out.len);
    for (size_t i = 0; i < s->n; i++) {
        item *it = &s->items[i];
        if (it->status != SLANT_OK) {
            p->stats->failed++;
            if (o->on_error)
                o->on_error(&it->err, o->ctx);
        } else {
            p->stats->articles++;
            p->stats->bytes += it->article.text_len - it->article.text_offset;
        }
        slant_article_release(&it->article);
        free(it->origin);
        it->origin = NULL;
    }
    if (o->on_progress)
        o->on_progress(p->stats->articles, p->stats->bytes, o->ctx);
    s->n = 0;
    slant_buf_reset(&s->out);
}

static void *writer_main(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        slot *s = &p->ring[p->next_write % p->nslots];
        while (!(p->next_write < p->next_read && s->state == SLOT_DONE) &&
               !(p->eof && p->next_write == p->next_read))
            pthread_cond_wait(&p->can_write, &p->lock);
        if (p->next_write == p->next_read)
            break; /* the input ended and everything is written */
        pthread_mutex_unlock(&p->lock);

        write_batch(p, s);

        pthread_mutex_lock(&p->lock);
        s->state = SLOT_EMPTY;
        p->next_write++;
        pthread_cond_signal(&p->can_read);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Hands the filled batch to the workers. */
static void publish(pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    p->ring[p->next_read % p->nslots].state = SLOT_READY;
    p->next_read++;
    pthread_cond_signal(&p->can_take);
    pthread_mutex_unlock(&p->lock);
}

/* Waits for the slot the next batch goes into. */
static slot *next_empty(pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    slot *s = &p->ring[p->next_read % p->nslots];
    while (s->state != SLOT_EMPTY)
        pthread_cond_wait(&p->can_read, &p->lock);
    pthread_mutex_unlock(&p->lock);
    return s;
}

/* Reads every input into batches; runs on the calling thread. */
static void read_all(pipeline *p, slant_reader *reader)
{
    slot *s = NULL;
    size_t bytes = 0;
    for (;;) {
        if (!s) {
            s = next_empty(p);
            bytes = 0;
        }
        item *it = &s->items[s->n];
        slant_article_init(&it->article);
        slant_error_clear(&it->err);
        it->status = slant_reader_next(reader, &it->article, &it->origin, &it->line, &it->err);
        if (it->status == SLANT_END)
            break;
        s->n++;
        bytes += it->article.text_len;
        if (s->n == BATCH_ARTICLES || bytes >= BATCH_BYTES) {
            publish(p);
            s = NULL;
        }
    }
    if (s && s->n)
        publish(p);
    pthread_mutex_lock(&p->lock);
    p->eof = 1;
    pthread_cond_broadcast(&p->can_take);
    pthread_cond_broadcast(&p->can_write);
    pthread_mutex_unlock(&p->lock);
}

static void write_header(pipeline *p)
{
    const slant_pipeline_options *o = p->o;
    if (o->score.format == SLANT_FORMAT_JSONL)
        return;
    slant_buf b;
    slant_buf_init(&b, MAX_BATCH_OUTPUT);
    slant_table_kind kind = o->score.format == SLANT_FORMAT_CSV   ? SLANT_TABLE_CSV
                            : o->score.format == SLANT_FORMAT_TSV ? SLANT_TABLE_TSV
                                                                  : SLANT_TABLE_LONG;
    if (o->score.sentences)
        slant_table_write_sentence_header(kind, o->lex, o->score.keep, o->score.nkeep, &b);
    else
        slant_table_write_header(kind, o->lex, o->score.keep, o->score.nkeep, &b);
    write_bytes(p, b.data, b.len);
    slant_buf_release(&b);
}

slant_status slant_pipeline_run(const slant_pipeline_options *o, slant_pipeline_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    pipeline p;
    memset(&p, 0, sizeof p);
    p.o = o;
    p.stats = stats;
    int threads = o->threads > 0 ? o->threads : 1;
    p.nslots = 2 * (size_t)threads + 2;
    p.ring = xcalloc(p.nslots, sizeof *p.ring);
    for (size_t i = 0; i < p.nslots; i++)
        slant_buf_init(&p.ring[i].out, MAX_BATCH_OUTPUT);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.can_read, NULL);
    pthread_cond_init(&p.can_take, NULL);
    pthread_cond_init(&p.can_write, NULL);
    write_header(&p);

    pthread_t *workers = xcalloc((size_t)threads, sizeof *workers);
    pthread_t writer;
    for (int i = 0; i < threads; i++)
        if (pthread_create(&workers[i], NULL, worker_main, &p) != 0)
            abort(); /* no thread: nothing sensible can continue */
    if (pthread_create(&writer, NULL, writer_main, &p) != 0)
        abort();

    slant_reader *reader = slant_reader_new(&o->input);
    read_all(&p, reader);
    for (int i = 0; i < threads; i++)
        pthread_join(workers[i], NULL);
    pthread_join(writer, NULL);

    const char *ignored[3];
    stats->ignored = slant_reader_ignored(reader, ignored, 3);
    stats->filtered = slant_reader_filtered(reader);
    for (size_t i = 0; i < 3 && i < stats->ignored; i++)
        snprintf(stats->ignored_names[i], sizeof stats->ignored_names[i], "%s", ignored[i]);
    if (!stats->write_failed && o->out && fflush(o->out) != 0) {
        stats->write_failed = 1;
        stats->write_errno = errno;
    }
    slant_reader_free(reader);
    for (size_t i = 0; i < p.nslots; i++)
        slant_buf_release(&p.ring[i].out);
    free(p.ring);
    free(workers);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.can_read);
    pthread_cond_destroy(&p.can_take);
    pthread_cond_destroy(&p.can_write);
    return stats->write_failed ? SLANT_ERR_IO : SLANT_OK;
}
