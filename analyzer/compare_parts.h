#ifndef SLANT_COMPARE_PARTS_H
#define SLANT_COMPARE_PARTS_H

/*
 * The parts of the comparison of groups (compare.h), each in its own file, shared between
 * those files only: everyone else uses compare.h.
 *   compare.c             the groups and indicators picked, the run in its order, the
 *                         corrections, the comparison freed
 *   compare_indicators.c  each indicator's statistics, on threads
 *   compare_strata.c      the comparison within strata
 *   compare_terms.c       keyness, drivers, contested concepts, the term rows people read
 * Each function fills its part of `c` (arrays the comparison owns and
 * slant_comparison_free frees); slant_compare calls them in the order given below.
 */

#include <stddef.h>
#include <stdint.h>

#include "compare.h"

/* --- compare.c ----------------------------------------------------------------------------- */

/* Which position in c->groups each dataset group has, or UINT32_MAX when it is not
 * compared. Caller frees. */
uint32_t *slant_cmp_group_slots(const slant_comparison *c);

/* --- compare_strata.c ---------------------------------------------------------------------- */

/* With strata: the compared groups' articles per stratum, and those without one (first). */
void slant_cmp_stratum_counts(slant_comparison *c);

/* Indicator i (its position in c->indicators) within strata, after its pairs; `slots` as
 * slant_cmp_group_slots gives them. Called by the workers of slant_cmp_per_indicator. */
void slant_cmp_within_strata(slant_comparison *c, size_t i, const uint32_t *slots);

/* --- compare_indicators.c ------------------------------------------------------------------ */

/* Every indicator's summaries, omnibus tests, pairs, count model, paired tests within
 * events and strata, on up to opts.threads threads; the same for every thread count. */
void slant_cmp_per_indicator(slant_comparison *c);

/* --- compare_terms.c (after the indicators, in this order) --------------------------------- */

/* The entry totals over the compared groups that keyness and drivers take the rest from. */
void slant_cmp_entry_totals(slant_comparison *c);

/* The keyness of every entry: each group against the rest, then each pair of groups. */
void slant_cmp_keyness(slant_comparison *c);

/* The entries behind each pair's difference: their rates on both sides. */
void slant_cmp_drivers(slant_comparison *c);

/* The contested concepts: each group's share of each name, chi-square per concept. */
void slant_cmp_contested(slant_comparison *c);

#endif
