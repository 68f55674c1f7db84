#ifndef SLANT_EVENTS_H
#define SLANT_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "dataset.h"

/*
 * Events found automatically (`compare --event auto`, `report --event auto`): articles of
 * different groups that report the same story, found from their dates and their content
 * signatures (signature.h), so that the paired within-event tests run without hand labels.
 *
 * Candidates. Only rows with a day (slant_row.day) and a signature take part. Two rows are
 * compared when they are of different groups (an outlet's two articles on one story are
 * not linked to each other directly; each may join the event through another outlet's
 * article) and their days differ by at most `window` days.
 *
 * Similarity, one of:
 *   - TF-IDF cosine (the default): each signature term weighs (1 + ln count) *
 *     ln((1 + N) / (1 + df)), N the rows with a signature and df those holding the term;
 *     the vectors are L2-normalised and their dot product is the similarity;
 *   - Jaccard: |A n B| / |A u B| of the two sets of signature stems (what a MinHash
 *     sketch estimates, computed exactly).
 *
 * Clustering: average linkage over the candidate pairs, greedy. The pairs at or above the
 * threshold are taken in descending similarity (ties by row order); a pair whose rows lie
 * in two different clusters joins them when the mean similarity over every pair of rows of
 * different groups across the two clusters is at or above the threshold, where a pair
 * further apart than the window counts 0. So a chain of stories, each like the next, does
 * not become one event: every member must resemble the others on average, and a cluster
 * cannot stretch far beyond the window.
 *
 * Events are the clusters of two rows or more (always of two groups or more), named
 * "auto-0001", "auto-0002", ... in the order of their earliest day, then of their first
 * row. The rows in no event get none.
 *
 * Deterministic: the dataset is in its canonical order (slant_dataset_sort) and the terms
 * are ranked by their bytes, not by the order they were met, so the events are the same
 * for any input order, sharding and -j.
 *
 * Cost: with R rows, k the rows of other groups within the window of a row, T at most
 * SLANT_SIGNATURE_MAX terms: O(R log R) to sort by day, O(R k T) for the similarities,
 * O(E log E) for the E links, and for each merge O(|A| |B| T). Never all pairs of the
 * corpus unless it all lies within one window. Memory: one weighted vector per row and the
 * links.
 */

#define SLANT_EVENTS_WINDOW 2                 /* days either side */
#define SLANT_EVENTS_MAX_WINDOW 3650
#define SLANT_EVENTS_TFIDF_THRESHOLD 0.25
#define SLANT_EVENTS_JACCARD_THRESHOLD 0.25
#define SLANT_EVENTS_PREFIX "auto-"

typedef enum { SLANT_EVENTS_TFIDF = 0, SLANT_EVENTS_JACCARD } slant_events_method;

typedef struct {
    int32_t window;                 /* days either side (0: the same day only) */
    double threshold;               /* in (0, 1]; NAN: the method's default */
    slant_events_method method;
} slant_events_options;

typedef struct {
    size_t rows;                    /* rows of the dataset */
    size_t events;                  /* events found */
    size_t in_events;               /* rows given an event */
    size_t undated;                 /* rows without a day: no event */
    size_t unsigned_rows;           /* rows with a day but no signature: no event */
    size_t alone;                   /* dated rows with a signature in no event */
    size_t candidates;              /* pairs compared */
    size_t links;                   /* of them, at or above the threshold */
    double threshold;               /* the threshold used */
} slant_events_summary;

/* The method's name ("tfidf", "jaccard"), and back (-1: unknown). */
const char *slant_events_method_name(slant_events_method m);
int slant_events_method_of(const char *name);

/*
 * Finds the events of `ds` and gives each row its event (slant_dataset_set_event; rows
 * in none get none), replacing any event the rows had; then puts `ds` in its canonical
 * order again (slant_dataset_sort). Fills `s`.
 */
void slant_events_find(slant_dataset *ds, const slant_events_options *o,
                       slant_events_summary *s);

#endif
