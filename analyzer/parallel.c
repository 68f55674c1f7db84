/* Independent tasks on a few threads (parallel.h). */

#include <pthread.h>
#include <stdlib.h>

#include "parallel.h"
#include "xalloc.h"

typedef struct {
    size_t n, next;
    void (*task)(size_t i, void *ctx);
    void *ctx;
    pthread_mutex_t lock;
} queue;

static void *run(void *arg)
{
    queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t i = q->next < q->n ? q->next++ : q->n;
        pthread_mutex_unlock(&q->lock);
        if (i == q->n)
            return NULL;
        q->task(i, q->ctx);
    }
}

void slant_parallel_run(size_t threads, void *(*worker)(void *ctx), void *ctx)
{
    size_t want = threads > 1 ? threads : 1;
    pthread_t *extra = xmalloc(want * sizeof *extra);
    size_t started = 0;
    for (size_t t = 1; t < want; t++) {
        if (pthread_create(&extra[started], NULL, worker, ctx) != 0)
            break; /* fewer threads: the same results, later */
        started++;
    }
    worker(ctx);
    for (size_t t = 0; t < started; t++)
        pthread_join(extra[t], NULL);
    free(extra);
}

void slant_parallel_for(size_t n, size_t threads, void (*task)(size_t i, void *ctx),
                        void *ctx)
{
    queue q = { n, 0, task, ctx, PTHREAD_MUTEX_INITIALIZER };
    slant_parallel_run(threads < n ? threads : n, run, &q);
    pthread_mutex_destroy(&q.lock);
}
