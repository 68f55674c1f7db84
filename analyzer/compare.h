#ifndef SLANT_COMPARE_H
#define SLANT_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "countmodel.h"
#include "dataset.h"
#include "error.h"
#include "inference.h"
#include "progress.h"
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
 * All numbers come from stats.c and stats_counts.c (GSL). An undefined statistic (a group of one, zero
 * variance) is NAN; writers print it as null and say so.
 *
 * Cost: per indicator one pass over the rows, a sort of each group's values and one
 * merge of the sorted groups (every pair's rank statistics at once): linear in the rows
 * up to the sorts, whatever the number of pairs. Memory beyond the dataset: per thread,
 * a few arrays of one value per row. Indicators, and then the keyness blocks (each group
 * against the rest, each pair), are spread over opts.threads threads (parallel.h); each
 * result goes to the place the one-thread order gives it, so the comparison is the same
 * for every thread count.
 */

#define SLANT_REST ((size_t)-1)   /* "all other compared groups" in place of a group */
#define SLANT_MAX_FAMILIES 24     /* more than the families compare.c names */
/* The default --min-df: a term or a concept must occur in 3 articles. One or two articles
 * are one story's words or one template's (six gallery pages repeating a caption made a
 * top key term); 3 asks for the word in more than one pair of stories, and still keeps a
 * word that an outlet of a dozen articles uses in a quarter of them. */
#define SLANT_DEFAULT_MIN_DF 3

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
    const uint32_t *cluster;        /* NULL, or each dataset row's cluster (an id below
                                     * cluster_ids), borrowed: cluster-robust standard
                                     * errors of every pair's mean difference */
    size_t cluster_ids;
    int every;                      /* a slant_period (date.h): period summaries and trend
                                     * tests (trend.h); 0: none */
    int has_split;                  /* 1: before/after `split` (a day, date.h) */
    int32_t split;
    size_t min_df;                  /* a contested concept used in fewer articles of the
                                     * compared groups is left out (counted, not tested);
                                     * slant_comparison_select_terms: a term in fewer
                                     * articles of the side that overuses it is not key.
                                     * 0 or 1: no minimum */
    slant_progress progress;        /* "statistics": indicators done of all (progress.h);
                                     * zeroed: none */
    int count_model;                /* fit the count model of every rate indicator (below) */
    const uint32_t *stratum;        /* NULL, or each dataset row's stratum (an id below
                                     * nstrata, UINT32_MAX for none), borrowed: stratum
                                     * fixed effects in the count model */
    size_t nstrata;
    const char *strata;             /* NULL, or the field of the rows' strata (borrowed;
                                     * slant_row.stratum; compare --strata): compare
                                     * within them too */
    double alpha;                   /* q below which a difference is called, for the
                                     * verdicts within strata; 0: 0.05 */
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
    double epsilon2;                /* Kruskal-Wallis' epsilon^2 (inference.h) */
    size_t welch_dropped;           /* groups of constant values left out of Welch's ANOVA */
} slant_cmp_omnibus;

/*
 * The primary test of a pair is Mann-Whitney U: a difference is "called" when its q in
 * the family pairs/mann_whitney is below alpha, and only then. Welch's t is secondary
 * (its own family, pairs/welch_t), never run on a group of constant values, and reported
 * for the size of the difference in means. Why Mann-Whitney: the rates are counts per
 * 1,000 words with many zeros and long tails; on such data with small or unbalanced
 * groups Welch's t rejects a true null far more often than alpha (22% at 10 vs 500
 * articles), while the rank test holds its size (docs/schema/compare.md, the calibration
 * test tests/compare/calibration.py).
 *
 * With clusters (opts.cluster: articles of one outlet are not independent), the primary
 * test is the cluster-robust t of the mean difference instead (family pairs/cluster_t):
 * article-level tests, the rank test included, overstate the evidence when the groups
 * are made of whole clusters; Mann-Whitney and Welch are then secondary.
 */
#define SLANT_SMALL_N 30            /* a group smaller than this: the pair is flagged, and
                                     * its summary has a BCa interval of the mean */
#define SLANT_SMALL_N_RESAMPLES 2000 /* ... from this many resamples without --bootstrap */
enum {
    SLANT_PAIR_SMALL_N = 1u << 0,       /* a group has fewer than SLANT_SMALL_N values */
    SLANT_PAIR_ZERO_VARIANCE = 1u << 1, /* a group's values are all equal: no Welch t */
    SLANT_PAIR_CLUSTERED = 1u << 2      /* with --cluster: the cluster-robust t is primary */
};

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
    double delta_low, delta_high;   /* interval of Cliff's delta (inference.h) */
    double diff_low, diff_high;     /* Welch interval of mean_a - mean_b */
    double perm_p, perm_q;          /* permutation of Welch's t; NAN without permutations */
    slant_cluster_test cluster;     /* cluster-robust mean difference; NAN without clusters */
    double cluster_q;
    /* the count model's rate ratio of a to b with its Wald interval, z test p and q
     * (family pairs/nb_rate_ratio, secondary); against the rest, the quasi-Poisson ratio
     * (family pairs/qp_rate_ratio; countmodel.h); NAN without the model, for an indicator
     * that is not a count, and when the model did not fit */
    double rr, rr_low, rr_high, rr_p, rr_q;
    unsigned flags;                 /* SLANT_PAIR_* */
} slant_cmp_pair;

/* Whether the pair's difference is called at `alpha`: the primary test's q (above):
 * cluster_q with clusters, else mwu_q. */
int slant_cmp_pair_called(const slant_cmp_pair *p, double alpha);

/* The flags of a pair as words ("small_n zero_variance"), "" for none; static text. */
const char *slant_cmp_pair_flags(unsigned flags);

typedef struct {
    size_t a, b, indicator;
    size_t events;                  /* events both groups cover */
    double mean_diff;               /* mean over events of (a's value - b's value) */
    double diff_low, diff_high;     /* its t interval (the paired t's) */
    slant_test paired_t;
    double paired_q;
    slant_test wilcoxon;
    slant_mwu_method wilcoxon_method;
    double wilcoxon_q;
} slant_cmp_paired;

/*
 * A pair compared within strata (compare --strata), parallel to the pairs: stratified[k]
 * is pairs[k] with the stratum held fixed. Rows without a stratum are left out (counted
 * in slant_comparison.strata_missing). The primary test is van Elteren's (strata.h;
 * family strata/van_elteren); the size is the adjusted difference of the OLS fit with
 * stratum fixed effects (strata/ols_fe): for every pair, of the fit of all compared
 * groups; against the rest, of the fit of the group against the rest.
 */
typedef struct {
    size_t a, b, indicator;         /* as the pair's; b may be SLANT_REST */
    size_t strata;                  /* strata where both sides have values */
    size_t na, nb;                  /* their values */
    double z, p, q;                 /* van Elteren's z (> 0: a ranks higher), p and q */
    double crude_diff;              /* the pair's mean_a - mean_b, strata ignored */
    double adj_diff, adj_se, adj_t, adj_df, adj_p, adj_q;
    double adj_low, adj_high;       /* the t interval of adj_diff */
    int verdict;                    /* slant_strata_verdict at opts.alpha */
} slant_cmp_stratified;

/* What holding the strata fixed does to a pair, at `alpha`: */
typedef enum {
    SLANT_STRATA_NONE,      /* called neither without strata nor within them */
    SLANT_STRATA_HOLDS,     /* called both ways, |adjusted diff| >= half the crude one */
    SLANT_STRATA_SHRINKS,   /* called both ways, |adjusted diff| < half the crude one */
    SLANT_STRATA_VANISHES,  /* called without strata (slant_cmp_pair_called), not within
                             * them (van Elteren's q >= alpha or undefined) */
    SLANT_STRATA_APPEARS,   /* called within strata only */
    SLANT_STRATA_UNTESTED   /* called without strata; within them van Elteren's test is
                             * undefined (no stratum holds both sides, or all ties) */
} slant_strata_verdict;

#define SLANT_STRATA_VERDICTS_TEXT                                                          \
    "holds: called without strata (the primary pair test) and within them (van Elteren), "  \
    "the adjusted difference at least half the unadjusted one; shrinks: called both ways, "  \
    "the adjusted difference below half the unadjusted one; vanishes: called without "      \
    "strata, not within them; appears: called within strata only; untested: called "       \
    "without strata, and no stratum holds both groups (or all values tie); none: called "  \
    "neither way"

slant_strata_verdict slant_cmp_strata_verdict(const slant_cmp_pair *p,
                                              const slant_cmp_stratified *s, double alpha);
/* "holds", "shrinks", "vanishes", "appears", "untested" or "none"; static text. */
const char *slant_strata_verdict_name(slant_strata_verdict v);

/* A group's adjusted mean of an indicator (strata.h: its fitted mean with the strata in
 * the proportions of all fitted articles) and its t interval; NAN when not identified. */
typedef struct {
    size_t group, indicator;
    size_t n;                       /* the group's values in the fit */
    double mean, low, high;
} slant_cmp_adjusted;

typedef struct {
    size_t group, reference;        /* reference may be SLANT_REST */
    size_t entry;
    double a, b, c, d;              /* entry count and words in the group and the reference */
    slant_keyness k;
    double p;                       /* the term's p: Fisher's exact p where it was computed
                                     * (an expected count below 5), else G²'s */
    double g2_q;                    /* the q of p, in the family of its kind of reference
                                     * (keyness/vs_rest or keyness/pairs) */
    /* The same at the level of articles, which boilerplate repeated in a few articles
     * cannot drive: the entry's document frequency (articles it occurs in) in the group
     * and the reference, their articles, and the 2x2 test of articles with the term
     * against those without (slant_keyness_of on these counts: G², Fisher's exact p where
     * an expected count is below 5), its p and q (keyness/vs_rest_articles or
     * keyness/pairs_articles). */
    double df_a, df_b, articles_a, articles_b;
    slant_keyness art;
    double art_p, art_q;
} slant_cmp_term;

/* Pairwise keyness is left out (vs-rest only) when it would make more rows than this. */
#define SLANT_KEYNESS_MAX_PAIR_ROWS 2000000

typedef struct {
    size_t a, b, indicator, entry;
    double rate_a, rate_b;          /* the entry's matches per 1,000 words in each group */
} slant_cmp_driver;

/* A contested concept: each group's use of each variant. */
typedef struct {
    size_t group, entry;            /* entry: "contested/concept:variant" */
    double count, share;            /* share of the group's uses of the concept */
    double share_low, share_high;   /* Wilson interval of the share (inference.h) */
} slant_cmp_share;

typedef struct {
    char *concept;                  /* owned */
    double articles;                /* articles of the compared groups that use it */
    size_t groups, variants;        /* with any use, in the compared groups */
    slant_test chi2;                /* groups x variants, Pearson; NAN below 2 x 2 */
    double chi2_q;
    double cramers_v;
} slant_cmp_concept;

/*
 * The count model of one rate indicator (opts.count_model; countmodel.h): each article's
 * count, round(rate * words / 1000), by negative binomial regression (NB2) with
 * log(words) as offset, the compared groups as a factor (reference: the first compared
 * group) and, with opts.stratum, strata as fixed effects; with opts.cluster its
 * covariance is the CR1 sandwich. Shares and indices are not counts: they have no model
 * (`counts` 0). An indicator whose values do not give whole counts (a rate that is not
 * matches per 1,000 words) has status "not_counts"; a model that did not fit, its
 * status (slant_nb_status_name) and NaNs. The test of the group factor (group_p, family
 * omnibus/nb_groups) is the likelihood-ratio test, or with clusters the robust Wald test.
 */
typedef struct {
    size_t indicator;
    int counts;                     /* a rate indicator: the model was tried */
    const char *status;             /* "ok", "not_counts", or slant_nb_status_name; static */
    size_t articles;                /* compared articles with a value: the model's rows */
    size_t reference;               /* the reference group (dataset index) */
    slant_nb_model m;               /* owned: coefficients by compared group slot */
    double group_p, group_q;
} slant_cmp_count_model;

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
    size_t nterms_rest;             /* terms[0 .. nterms_rest) are against the rest */
    int keyness_pairs_capped;       /* pairwise keyness left out: too many rows */
    double *entry_totals;           /* each entry's count over the compared groups */
    double words_total;             /* and their words (keyness, drivers) */
    slant_cmp_driver *drivers;
    size_t ndrivers;
    slant_cmp_share *shares;
    size_t nshares;
    slant_cmp_concept *concepts;
    size_t nconcepts;
    slant_cmp_concept *rare_concepts;   /* used in fewer than opts.min_df articles: not
                                         * tested (concept and articles only) */
    size_t nrare_concepts;
    double *entry_articles;         /* each entry's articles over the compared groups */
    double articles_total;          /* and their articles */
    uint8_t *term_listed;           /* NULL: every term row is written; else per term, 1
                                     * when slant_comparison_select_terms keeps it */
    size_t terms_left_out;          /* term rows not listed */
    slant_cmp_count_model *count_models; /* one per indicator with opts.count_model, else NULL */
    slant_cmp_family families[SLANT_MAX_FAMILIES];
    size_t nfamilies;
    int clusters_nested;            /* with clusters: each lies within one compared group */
    struct slant_trend *trend;      /* with opts.every or opts.has_split (trend.h), else NULL */
    /* With opts.strata: */
    slant_cmp_stratified *stratified;   /* parallel to pairs (npairs) */
    slant_cmp_adjusted *adjusted;       /* group-major: [k * nindicators + i] */
    size_t nadjusted;
    size_t nstrata;                     /* strata of the dataset */
    size_t *stratum_counts;             /* articles of compared group k in stratum s:
                                         * [k * nstrata + s] */
    size_t strata_missing;              /* articles of the compared groups without a
                                         * stratum: left out of the stratified statistics */
    uint32_t *row_strata;               /* each row's stratum, for the count model's
                                         * stratum fixed effects (opts.stratum; owned) */
} slant_comparison;

/*
 * Compares the groups of `ds` (borrowed: it must outlive the result). Returns NULL with
 * `err` set when there is nothing to compare (fewer than two groups with min_n articles)
 * or an indicator named in the options does not exist.
 */
slant_comparison *slant_compare(const slant_dataset *ds, const slant_compare_options *o,
                                slant_error *err);
void slant_comparison_free(slant_comparison *c);

/*
 * Chooses the term rows worth a reader's time, for every writer: per group against the
 * rest and per pair, the terms key to either side (q of the pooled test below `alpha`)
 * and the `top` terms by |G²| on each side, of those occurring in at least opts.min_df
 * articles of the side that overuses them (the group for G² > 0, the reference
 * otherwise). Sets term_listed and terms_left_out. Without this call every row is
 * written (--keyness all).
 */
void slant_comparison_select_terms(slant_comparison *c, double alpha, size_t top);

/* Whether term `t` can be key for the side that overuses it (pooled G²): it occurs in at
 * least opts.min_df articles there, and in a larger share of that side's articles than
 * of the other side's (the article-level G² has the same sign), so that a few articles
 * repeating a word (a caption on six gallery pages) do not make it key. */
int slant_cmp_term_frequent(const slant_comparison *c, const slant_cmp_term *t);

/* The name of group `g` of the comparison, or "rest" for SLANT_REST. */
const char *slant_comparison_group_name(const slant_comparison *c, size_t g);

#endif
