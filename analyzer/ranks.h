#ifndef SLANT_RANKS_H
#define SLANT_RANKS_H

#include <stddef.h>

/*
 * Sorted samples and the rank statistics that come from merging them, for the tests of
 * stats.h (which build on these) and for slant compare, which sorts each group's values
 * once and compares every pair of groups by merging. No GSL here.
 *
 * Conventions: samples are borrowed for the call; scratch memory comes from xmalloc();
 * no global state, so the functions may run concurrently on different data. A sorted
 * sample is ascending and holds no NaN (the rank functions also want no infinity: the
 * tests of stats.h return "undefined" for non-finite samples, so check first). Rank
 * sums, U statistics and tie sums are sums of multiples of 1/2 and are exact while the
 * samples together hold fewer than about 6e7 values.
 */

/* Sorts the n values of x ascending, in place. No value may be NaN. */
void slant_sort(double *x, size_t n);

/*
 * Merges k samples, each sorted ascending, into `out` (room for the sum of n[i]
 * values), ascending; in n log k steps.
 */
void slant_merge_sorted(const double *const *sorted, const size_t *n, size_t k, double *out);

/*
 * The values of `all` (sorted, nall values) without those of `part` (sorted, npart, a
 * sub-multiset of `all`): one of each value of part is removed per occurrence. Writes
 * the rest to `out` (room for nall values; it may not be `all`), ascending, and returns
 * how many.
 */
size_t slant_remove_sorted(const double *all, size_t nall, const double *part, size_t npart,
                           double *out);

/*
 * U of x against y, both sorted ascending with finite values (the `statistic` of
 * slant_mann_whitney), and sum(t^3 - t) over the groups of t tied values of the pooled
 * sample into *ties (may be NULL). One merge of the two: nx + ny steps, no memory. The
 * result is exact (sums of multiples of 1/2) while nx + ny is below about 6e7.
 */
double slant_mwu_u_sorted(const double *x, size_t nx, const double *y, size_t ny,
                          double *ties);

/*
 * U and the tie sum of slant_mwu_u_sorted for every pair of k samples sorted ascending,
 * at once: u[a * k + b] is U of sample a against sample b, ties[a * k + b] (= ties[b * k
 * + a]) the tie sum of the two pooled; u[a * k + a] is NAN. One merge of all the samples
 * (N log k steps) and k additions per value, without a branch per pair: for many pairs
 * much faster than a merge per pair, and the same numbers (U and the tie sums are
 * exact; a tie sum adds its runs in ascending order, as slant_mwu_u_sorted does).
 * U of a against all the other samples together is the sum of its row, and the tie sum
 * of all the samples pooled goes to *all_ties (may be NULL).
 */
void slant_mwu_all_pairs_sorted(const double *const *sorted, const size_t *n, size_t k,
                                double *u, double *ties, double *all_ties);

/*
 * Each of the k samples' rank sum in the pooled ranking, from the U of every pair that
 * slant_mwu_all_pairs_sorted gave: sample a's values outrank u[a * k + b] of b's, and
 * take n[a] (n[a] + 1) / 2 ranks among themselves. Exact as U is. rank_sum has room for k.
 */
void slant_rank_sums_from_u(const double *u, const size_t *n, size_t k, double *rank_sum);

#endif
