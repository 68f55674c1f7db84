#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "table.h"
#include "xalloc.h"

/* The largest output one article may produce (its evidence can be long). */
#define MAX_RECORD_BYTES ((size_t)1 << 30)

typedef enum {
    SLOT_EMPTY = 0,
    SLOT_READY,      /* an article waits for a worker */
    SLOT_BUSY,       /* a worker scores it */
    SLOT_DONE,       /* its output waits for the writer */
    SLOT_FAILED      /* an input error waits for the writer */
} slot_state;

typedef struct {
    slot_state state;
    slant_article article;
    char *origin;
    long line;
    slant_error err;
    slant_buf out;
} slot;

typedef struct {
    const slant_pipeline_options *o;
    slot *ring;
    size_t nslots;
    size_t next_read, next_take, next_write;
    int eof;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    slant_pipeline_stats *stats;
} pipeline;

static void *worker_main(void *arg)
{
    pipeline *p = arg;
    slant_scorer *scorer = slant_scorer_new(p->o->lex);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next_take == p->next_read && !p->eof)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->next_take == p->next_read)
            break;
        slot *s = &p->ring[p->next_take++ % p->nslots];
        if (s->state != SLOT_READY)
            continue; /* an input error: the writer reports it */
        s->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->lock);

        slant_scorer_write(scorer, &s->article, s->origin, s->line, &p->o->score, &s->out);

        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    slant_scorer_free(scorer);
    return NULL;
}

static void write_bytes(pipeline *p, const char *data, size_t len)
{
    if (p->stats->write_failed || !len)
        return;
    if (fwrite(data, 1, len, p->o->out) != len) {
        p->stats->write_failed = 1;
        p->stats->write_errno = errno;
    }
}

static void *writer_main(void *arg)
{
    pipeline *p = arg;
    const slant_pipeline_options *o = p->o;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        slot *s = &p->ring[p->next_write % p->nslots];
        while (p->next_write < p->next_read && s->state != SLOT_DONE && s->state != SLOT_FAILED)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->next_write == p->next_read) {
            if (p->eof)
                break;
            pthread_cond_wait(&p->changed, &p->lock);
            continue;
        }
        pthread_mutex_unlock(&p->lock);

        if (s->state == SLOT_FAILED) {
            p->stats->failed++;
            if (o->on_error)
                o->on_error(&s->err, o->ctx);
        } else {
            write_bytes(p, s->out.data, s->out.len);
            p->stats->articles++;
            p->stats->bytes += s->article.text_len - s->article.text_offset;
            if (o->on_progress)
                o->on_progress(p->stats->articles, p->stats->bytes, o->ctx);
        }
        slant_article_release(&s->article);
        free(s->origin);
        s->origin = NULL;
        slant_buf_reset(&s->out);

        pthread_mutex_lock(&p->lock);
        s->state = SLOT_EMPTY;
        p->next_write++;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Reads every input into the ring, waiting for free slots; runs on the calling thread. */
static void read_all(pipeline *p, slant_reader *reader)
{
    for (;;) {
        slant_article a;
        slant_article_init(&a);
        char *origin;
        long line;
        slant_error err;
        slant_error_clear(&err);
        slant_status st = slant_reader_next(reader, &a, &origin, &line, &err);
        if (st == SLANT_END)
            break;
        pthread_mutex_lock(&p->lock);
        slot *s = &p->ring[p->next_read % p->nslots];
        while (s->state != SLOT_EMPTY)
            pthread_cond_wait(&p->changed, &p->lock);
        pthread_mutex_unlock(&p->lock);
        s->article = a;
        s->origin = origin;
        s->line = line;
        s->err = err;
        pthread_mutex_lock(&p->lock);
        s->state = st == SLANT_OK ? SLOT_READY : SLOT_FAILED;
        p->next_read++;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    pthread_mutex_lock(&p->lock);
    p->eof = 1;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

static void write_header(pipeline *p)
{
    const slant_pipeline_options *o = p->o;
    if (o->score.format == SLANT_FORMAT_JSONL)
        return;
    slant_buf b;
    slant_buf_init(&b, MAX_RECORD_BYTES);
    slant_table_write_header(o->score.format == SLANT_FORMAT_CSV ? SLANT_TABLE_CSV
                                                                 : SLANT_TABLE_TSV,
                             o->lex, o->score.keep, o->score.nkeep, &b);
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
    p.nslots = 4 * (size_t)threads;
    p.ring = xcalloc(p.nslots, sizeof *p.ring);
    for (size_t i = 0; i < p.nslots; i++) {
        slant_article_init(&p.ring[i].article);
        slant_buf_init(&p.ring[i].out, MAX_RECORD_BYTES);
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
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
    for (size_t i = 0; i < 3 && i < stats->ignored; i++)
        snprintf(stats->ignored_names[i], sizeof stats->ignored_names[i], "%s", ignored[i]);

    if (!stats->write_failed && fflush(o->out) != 0) {
        stats->write_failed = 1;
        stats->write_errno = errno;
    }
    slant_reader_free(reader);
    for (size_t i = 0; i < p.nslots; i++) {
        slant_article_release(&p.ring[i].article);
        free(p.ring[i].origin);
        slant_buf_release(&p.ring[i].out);
    }
    free(p.ring);
    free(workers);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.changed);
    return stats->write_failed ? SLANT_ERR_IO : SLANT_OK;
}
