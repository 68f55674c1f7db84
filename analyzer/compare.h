#ifndef SLANT_COMPARE_H
#define SLANT_COMPARE_H

#include <stddef.h>

#include "dataset.h"
#include "error.h"
#include "stats.h"

/*
 * The comparison of groups of articles (by default, sources), computed from a dataset:
 *
 *   - per group and indicator: n, mean, sd, median, IQR, a t-based CI of the mean and,
 *     with bootstrap resamples, a percentile bootstrap CI;
 *   - across the groups: Kruskal-Wallis and Welch's ANOVA per indicator;
 *   - per pair of groups (every pair, or each group against the rest): Welch's t,
 *     Mann-Whitney U (exact or normal, named), Hedges' g with a CI, Cliff's delta and,
 *     with permutations, a permutation p for the difference of means;
 *   - within events (when rows have events): for each pair, the events both groups cover,
 *     with the paired t test and the Wilcoxon signed-rank test on the differences of the
 *     groups' mean values per event;
 *   - keyness of every lexicon entry per group against the rest and per pair, and the
 *     entries that drive each category's difference;
 *   - for each contested concept, each group's shares of its variants and a chi-square
 *     test of groups by variants;
 *   - q-values (Benjamini-Hochberg, or Holm's adjusted p) within named families.
 *
 * All numbers come from stats.c (GSL). An undefined statistic (a group of one, zero
 * variance) is NAN; writers print it as null and say so.
 *
 * Cost: per indicator one pass over the rows, a sort of each group's values and one
 * merge of the sorted groups (every pair's rank statistics at once): linear in the rows
 * up to the sorts, whatever the number of pairs. Memory beyond the dataset: per thread,
 * a few arrays of one value per row. Indicators are spread over opts.threads threads;
 * each result goes to the place the one-thread order gives it, so the comparison is the
 * same for every thread count.
 */

#define SLANT_REST ((size_t)-1)   /* "all other compared groups" in place of a group */
#define SLANT_MAX_FAMILIES 12     /* more than the families compare.c names */

typedef enum { SLANT_PAIRS_ALL, SLANT_PAIRS_VS_REST, SLANT_PAIRS_NONE } slant_pairs_mode;
typedef enum { SLANT_CORRECT_BH, SLANT_CORRECT_HOLM } slant_correction;

typedef struct {
    slant_pairs_mode pairs;
    slant_correction correction;
    double level;                   /* confidence level of every interval, e.g. 0.95 */
    size_t min_n;                   /* groups with fewer articles are left out, and named */
    size_t max_pairs;               /* more pairs than this: each group against the rest */
    size_t permutations;            /* 0: no permutation tests */
    size_t bootstrap;               /* 0: no bootstrap intervals */
    unsigned long seed;
    const char *const *indicators;  /* NULL: every indicator of the dataset */
    size_t nindicators;
    size_t threads;                 /* 0 or 1: in the calling thread; the result is the
                                     * same for every count */
} slant_compare_options;

typedef struct {
    size_t group, indicator;
    slant_summary s;
    double boot_low, boot_high;     /* NAN without bootstrap */
} slant_cmp_summary;

typedef struct {
    size_t indicator;
    slant_test kruskal, welch;
    double kruskal_q, welch_q;
} slant_cmp_omnibus;

typedef struct {
    size_t a, b;                    /* groups; b may be SLANT_REST */
    size_t indicator;
    size_t na, nb;
    double mean_a, mean_b;
    slant_test welch;
    double welch_q;
    slant_test mwu;
    slant_mwu_method mwu_method;
    double mwu_q;
    double g, g_low, g_high, delta;
    double perm_p, perm_q;          /* NAN without permutations */
} slant_cmp_pair;

typedef struct {
    size_t a, b, indicator;
    size_t events;                  /* events both groups cover */
    double mean_diff;               /* mean over events of (a's value - b's value) */
    slant_test paired_t;
    double paired_q;
    slant_test wilcoxon;
    slant_mwu_method wilcoxon_method;
    double wilcoxon_q;
} slant_cmp_paired;

typedef struct {
    size_t group, reference;        /* reference may be SLANT_REST */
    size_t entry;
    double a, b, c, d;              /* entry count and words in the group and the reference */
    slant_keyness k;
    double g2_q;
} slant_cmp_term;

typedef struct {
    size_t a, b, indicator, entry;
    double rate_a, rate_b;          /* the entry's matches per 1,000 words in each group */
} slant_cmp_driver;

/* A contested concept: each group's use of each variant. */
typedef struct {
    size_t group, entry;            /* entry: "contested/concept:variant" */
    double count, share;            /* share of the group's uses of the concept */
} slant_cmp_share;

typedef struct {
    char *concept;                  /* owned */
    size_t groups, variants;        /* with any use, in the compared groups */
    slant_test chi2;                /* groups x variants, Pearson; NAN below 2 x 2 */
    double chi2_q;
} slant_cmp_concept;

typedef struct {
    const char *name;               /* e.g. "pairs/welch" */
    const char *what;               /* one line: which tests form the family */
    size_t tests;                   /* defined p-values corrected together */
} slant_cmp_family;

typedef struct {
    const slant_dataset *ds;        /* borrowed */
    slant_compare_options opts;
    size_t *groups, ngroups;        /* the compared groups, in dataset order */
    size_t *left_out, nleft_out;    /* groups with fewer than min_n articles */
    size_t *indicators, nindicators;
    int has_events, has_entries, vs_rest;
    slant_cmp_summary *summaries;
    size_t nsummaries;
    slant_cmp_omnibus *omnibus;
    size_t nomnibus;
    slant_cmp_pair *pairs;
    size_t npairs;
    slant_cmp_paired *paired;
    size_t npaired;
    slant_cmp_term *terms;
    size_t nterms;
    slant_cmp_driver *drivers;
    size_t ndrivers;
    slant_cmp_share *shares;
    size_t nshares;
    slant_cmp_concept *concepts;
    size_t nconcepts;
    slant_cmp_family families[SLANT_MAX_FAMILIES];
    size_t nfamilies;
} slant_comparison;

/*
 * Compares the groups of `ds` (borrowed: it must outlive the result). Returns NULL with
 * `err` set when there is nothing to compare (fewer than two groups with min_n articles)
 * or an indicator named in the options does not exist.
 */
slant_comparison *slant_compare(const slant_dataset *ds, const slant_compare_options *o,
                                slant_error *err);
void slant_comparison_free(slant_comparison *c);

/* The name of group `g` of the comparison, or "rest" for SLANT_REST. */
const char *slant_comparison_group_name(const slant_comparison *c, size_t g);

#endif
