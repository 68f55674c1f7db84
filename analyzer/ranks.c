/* Sorted samples and the rank statistics that come from merging them: see ranks.h. */
#include "ranks.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* A double's bits as an unsigned key in the same order (no NaN): negative numbers with
 * every bit flipped, the others with the sign bit set. */
static uint64_t sort_key(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u >> 63 ? ~u : u | (UINT64_C(1) << 63);
}

static double key_value(uint64_t u)
{
    u = u >> 63 ? u & ~(UINT64_C(1) << 63) : ~u;
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

/*
 * An LSD radix sort, a byte at a time, skipping the bytes every key shares (the sign and
 * exponent of values in a narrow range): 8 passes at most, n and 256 steps each, several
 * times faster than a heapsort (gsl_sort) on the columns compare sorts. -0.0 sorts before
 * 0.0, which compare as equal: every statistic sees them the same.
 */
void slant_sort(double *x, size_t n)
{
    if (n < 64) { /* insertion sort */
        for (size_t i = 1; i < n; i++) {
            double v = x[i];
            size_t j = i;
            for (; j > 0 && x[j - 1] > v; j--)
                x[j] = x[j - 1];
            x[j] = v;
        }
        return;
    }
    uint64_t *a = xmalloc(n * sizeof *a), *b = xmalloc(n * sizeof *b);
    size_t(*count)[256] = xcalloc(8, sizeof *count);
    for (size_t i = 0; i < n; i++) {
        a[i] = sort_key(x[i]);
        for (unsigned d = 0; d < 8; d++)
            count[d][(a[i] >> (8 * d)) & 0xff]++;
    }
    for (unsigned d = 0; d < 8; d++) {
        if (count[d][(a[0] >> (8 * d)) & 0xff] == n)
            continue; /* every key has this byte */
        size_t at = 0;
        for (unsigned v = 0; v < 256; v++) {
            size_t c = count[d][v];
            count[d][v] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            b[count[d][(a[i] >> (8 * d)) & 0xff]++] = a[i];
        uint64_t *t = a;
        a = b;
        b = t;
    }
    for (size_t i = 0; i < n; i++)
        x[i] = key_value(a[i]);
    free(a);
    free(b);
    free(count);
}

/*
 * Merges the k sorted samples into `out` (ascending; N values in all), and when `tag` is
 * not NULL, the sample each value came from into tag[]. A binary heap of the samples'
 * next values: N log k steps.
 */
static void merge_sorted(const double *const *sorted, const size_t *n, size_t k, double *out,
                         size_t *tag)
{
    size_t *heap = xmalloc((k ? k : 1) * sizeof *heap), *at = xcalloc(k ? k : 1, sizeof *at);
    size_t len = 0, done = 0;
#define HEAD(h) (sorted[h][at[h]])
#define BEFORE(a, b) (HEAD(a) < HEAD(b) || (HEAD(a) == HEAD(b) && (a) < (b)))
    for (size_t i = 0; i < k; i++) {
        if (!n[i])
            continue;
        size_t c = len++; /* sift up */
        heap[c] = i;
        while (c && BEFORE(heap[c], heap[(c - 1) / 2])) {
            size_t t = heap[c];
            heap[c] = heap[(c - 1) / 2];
            heap[(c - 1) / 2] = t;
            c = (c - 1) / 2;
        }
    }
    while (len) {
        size_t h = heap[0];
        out[done] = HEAD(h);
        if (tag)
            tag[done] = h;
        done++;
        if (++at[h] == n[h])
            heap[0] = heap[--len];
        for (size_t c = 0;;) { /* sift down */
            size_t l = 2 * c + 1, r = l + 1, m = c;
            if (l < len && BEFORE(heap[l], heap[m]))
                m = l;
            if (r < len && BEFORE(heap[r], heap[m]))
                m = r;
            if (m == c)
                break;
            size_t t = heap[c];
            heap[c] = heap[m];
            heap[m] = t;
            c = m;
        }
    }
#undef BEFORE
#undef HEAD
    free(heap);
    free(at);
}

void slant_merge_sorted(const double *const *sorted, const size_t *n, size_t k, double *out)
{
    merge_sorted(sorted, n, k, out, NULL);
}

size_t slant_remove_sorted(const double *all, size_t nall, const double *part, size_t npart,
                           double *out)
{
    size_t i = 0, j = 0, m = 0;
    while (i < nall) {
        if (j < npart && all[i] == part[j]) {
            i++;
            j++;
        } else if (j < npart && part[j] < all[i]) {
            j++; /* not in `all`: nothing to remove */
        } else {
            out[m++] = all[i++];
        }
    }
    return m;
}

double slant_mwu_u_sorted(const double *x, size_t nx, const double *y, size_t ny,
                          double *ties)
{
    /* Walks the two samples together one value at a time: the t values equal to v
     * (from both) take ranks below + 1 .. below + t, whose mean is below + (t + 1) / 2.
     * Every term is a multiple of 1/2 below 2^52, so the sums are exact. */
    size_t i = 0, j = 0;
    double below = 0.0, r1 = 0.0, tie_sum = 0.0;
    while (i < nx || j < ny) {
        /* The common case first: a value that nothing equals takes rank below + 1 and
         * adds 0 to the tie sum (the general step below gives the same numbers). */
        if (i < nx && (j >= ny || x[i] < y[j]) && (i + 1 == nx || x[i + 1] != x[i])) {
            below += 1.0;
            r1 += below;
            i++;
            continue;
        }
        if (j < ny && (i >= nx || y[j] < x[i]) && (j + 1 == ny || y[j + 1] != y[j])) {
            below += 1.0;
            j++;
            continue;
        }
        double v = j >= ny || (i < nx && x[i] <= y[j]) ? x[i] : y[j];
        size_t cx = 0, cy = 0;
        for (; i < nx && x[i] == v; i++)
            cx++;
        for (; j < ny && y[j] == v; j++)
            cy++;
        double t = (double)(cx + cy);
        r1 += (double)cx * (below + (t + 1.0) / 2.0);
        tie_sum += t * t * t - t;
        below += t;
    }
    if (ties)
        *ties = tie_sum;
    return r1 - (double)nx * (double)(nx + 1) / 2.0;
}

void slant_mwu_all_pairs_sorted(const double *const *sorted, const size_t *n, size_t k,
                                double *u, double *ties, double *all_ties)
{
    double pooled_ties = 0.0;
    size_t total = 0;
    for (size_t a = 0; a < k; a++)
        total += n[a];
    for (size_t a = 0; a < k * k; a++)
        u[a] = ties[a] = 0.0;
    double *v = xmalloc((total ? total : 1) * sizeof *v);
    size_t *tag = xmalloc((total ? total : 1) * sizeof *tag);
    double *below = xcalloc(k ? k : 1, sizeof *below); /* each sample's values so far */
    double *c = xcalloc(k ? k : 1, sizeof *c);         /* ... and in this run of ties */
    size_t *touched = xmalloc((k ? k : 1) * sizeof *touched);
    merge_sorted(sorted, n, k, v, tag);
    for (size_t i = 0; i < total;) {
        size_t j = i + 1;
        while (j < total && v[j] == v[i])
            j++;
        if (j == i + 1) { /* one value, tied with nothing: the common case */
            size_t a = tag[i];
            double *ua = u + a * k;
            for (size_t b = 0; b < k; b++)
                ua[b] += below[b];
            below[a] += 1.0;
            i = j;
            continue;
        }
        /* A run of equal values: each of sample a's c[a] values counts the values of b
         * below it and half of b's values equal to it. */
        double run = (double)(j - i);
        pooled_ties += run * run * run - run;
        size_t nt = 0;
        for (size_t m = i; m < j; m++)
            if (c[tag[m]]++ == 0.0)
                touched[nt++] = tag[m];
        for (size_t x = 0; x < nt; x++) {
            size_t a = touched[x];
            double *ua = u + a * k;
            for (size_t b = 0; b < k; b++)
                ua[b] += c[a] * (below[b] + c[b] / 2.0);
        }
        /* The tie sums of the pairs with a sample in this run, in the order of the values
         * (as a merge of the two samples adds them). */
        for (size_t x = 0; x < nt; x++) {
            size_t a = touched[x];
            for (size_t b = 0; b < k; b++) {
                if (b == a || (b < a && c[b] > 0.0))
                    continue; /* a pair of two samples in the run: added once, from b */
                double t = c[a] + c[b];
                if (t >= 2.0) {
                    ties[a * k + b] += t * t * t - t;
                    ties[b * k + a] = ties[a * k + b];
                }
            }
        }
        for (size_t x = 0; x < nt; x++) {
            below[touched[x]] += c[touched[x]];
            c[touched[x]] = 0.0;
        }
        i = j;
    }
    for (size_t a = 0; a < k; a++)
        u[a * k + a] = NAN;
    if (all_ties)
        *all_ties = pooled_ties;
    free(v);
    free(tag);
    free(below);
    free(c);
    free(touched);
}

void slant_rank_sums_from_u(const double *u, const size_t *n, size_t k, double *rank_sum)
{
    for (size_t a = 0; a < k; a++) {
        rank_sum[a] = (double)n[a] * ((double)n[a] + 1.0) / 2.0;
        for (size_t b = 0; b < k; b++)
            if (b != a)
                rank_sum[a] += u[a * k + b];
    }
}
