#ifndef SLANT_PARALLEL_H
#define SLANT_PARALLEL_H

#include <stddef.h>

/*
 * Runs worker(ctx) on up to `threads` threads at once, the calling thread among them, and
 * returns when every one has returned. The workers share `ctx` and take their work from
 * it (under a lock of its own). When a thread cannot be started, fewer run (at least the
 * calling one). threads 0 and 1 both mean the calling thread alone.
 */
void slant_parallel_run(size_t threads, void *(*worker)(void *ctx), void *ctx);

/*
 * Runs task(i, ctx) for every i in [0, n) on up to `threads` threads, the calling thread
 * among them, and returns when all are done. Tasks are handed out in order of i, one at a
 * time, so long and short ones balance; they may run in any order and at the same time,
 * so a task writes only to what belongs to its i (a slot of an array sized beforehand).
 * The result is then the same for every thread count. When a thread cannot be started,
 * the others (at least the calling one) do its share: the same results, later.
 * threads 0 and 1 both mean the calling thread alone.
 */
void slant_parallel_for(size_t n, size_t threads, void (*task)(size_t i, void *ctx),
                        void *ctx);

#endif
