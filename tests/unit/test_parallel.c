/* Independent tasks on threads (parallel.h): every task runs once, whatever the number
 * of threads, and none when there is none. */

#include <stdatomic.h>
#include <stddef.h>

#include "harness.h"
#include "parallel.h"

typedef struct {
    atomic_int runs[100];
    double out[100];
} tasks;

static void square(size_t i, void *ctx)
{
    tasks *t = ctx;
    atomic_fetch_add(&t->runs[i], 1);
    t->out[i] = (double)i * (double)i;
}

static void every_task_runs_once(void)
{
    const size_t threads[] = { 0, 1, 2, 7, 200 };
    const size_t counts[] = { 0, 1, 3, 100 };
    for (size_t a = 0; a < sizeof threads / sizeof *threads; a++) {
        for (size_t b = 0; b < sizeof counts / sizeof *counts; b++) {
            tasks t;
            for (size_t i = 0; i < 100; i++) {
                atomic_init(&t.runs[i], 0);
                t.out[i] = -1;
            }
            slant_parallel_for(counts[b], threads[a], square, &t);
            int ok = 1;
            for (size_t i = 0; i < 100; i++) {
                int want = i < counts[b];
                ok &= atomic_load(&t.runs[i]) == want;
                ok &= t.out[i] == (want ? (double)i * (double)i : -1);
            }
            CHECK(ok);
        }
    }
}

void suite_parallel(void)
{
    RUN(every_task_runs_once);
}
