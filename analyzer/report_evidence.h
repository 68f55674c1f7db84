#ifndef SLANT_REPORT_EVIDENCE_H
#define SLANT_REPORT_EVIDENCE_H

#include <stddef.h>

#include "error.h"
#include "lexicon.h"
#include "progress.h"
#include "read.h"
#include "report.h"

/*
 * Evidence sentences for the terms of a report, read again from the articles. Scores
 * counted the matches; this pass finds them in their sentences. The articles are read in
 * input order and scored one at a time with the same lexicon (one thread: the pass stops
 * as soon as every term has its sentences, which on a corpus with a few common terms is
 * after a few articles). For each match of a term's entry in an article of the term's
 * source, the sentence holding it is copied (text body only: headline matches are not in
 * the counts either), at most one sentence per article and `max_per_term` per term.
 *
 * A sentence is the tokenizer's sentence widened to the punctuation and quote marks
 * around its first and last word; white space runs become one space; invalid UTF-8
 * becomes U+FFFD; a sentence longer than `max_bytes` is cut around the match at spaces,
 * with "…" where it was cut.
 */

typedef struct {
    const slant_lexicon *lex;          /* the lexicon the counts came from (borrowed) */
    slant_reader_options input;        /* the article inputs, as the first pass read them */
    const char *by;                    /* the grouping field */
    size_t max_per_term;
    size_t max_bytes;                  /* longest sentence kept whole */
    slant_progress progress;           /* "evidence": articles read of `articles_total`
                                        * (progress.h); zeroed: none */
    size_t articles_total;             /* the articles the inputs hold, or 0: unknown (the
                                        * pass may stop before the end) */
} slant_evidence_options;

/*
 * Adds snippets to the wanted terms of `r` (drivers and key terms) of a real source (not
 * the rest).
 * Articles that cannot be read are skipped silently (the first pass reported them).
 * Sets `*articles` to the number of articles read. Returns SLANT_OK.
 */
slant_status slant_report_collect_evidence(slant_report *r, const slant_evidence_options *o,
                                           size_t *articles);

#endif
