#ifndef SLANT_RECORD_JSON_H
#define SLANT_RECORD_JSON_H

#include "buf.h"
#include "record.h"

/*
 * The JSON Lines writers of a scored article (`slant score`; docs/schema/score.md): its
 * score record and its sentence records, written with the JSON writer (jw.h) in a fixed
 * member order. The objects "epistemic" and "attribution" are written from the indicator
 * table (indicator.h: each row's `record` member). No JSON parsing, no cJSON here.
 *
 * Both append to `out` (owned by the caller) and only read `r`; they allocate and print
 * only, and may run in every worker at once.
 */

/* Appends the JSON Lines record of `r` (one line, with its newline) to `out`. */
void slant_json_write_record(const slant_result *r, slant_buf *out);

/*
 * Appends one JSON Lines record per sentence of the text of `r` (`slant score
 * --sentences`; docs/schema/score.md): its place, bytes, words, index, index-category
 * counts and matches. A text without sentences (no words) appends nothing.
 */
void slant_json_write_sentences(const slant_result *r, slant_buf *out);

#endif
