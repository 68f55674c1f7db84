#ifndef SLANT_TEST_DATASET_HELPERS_H
#define SLANT_TEST_DATASET_HELPERS_H

/*
 * What the suites that compare two ways of filling a dataset share (test_score_read.c: the
 * fast reader against the cJSON one; test_score_row.c: rows of scored articles against
 * their records).
 */

#include "dataset.h"

/*
 * Whether `a` and `b` are the same, bit for bit: row, indicator, group, event and entry
 * counts; names in order; every row's group, event, id, tokens, values, day, stratum and
 * signature; every group's name, articles, tokens and entry counts; the unreadable dates.
 */
int dataset_same(const slant_dataset *a, const slant_dataset *b);

#endif
