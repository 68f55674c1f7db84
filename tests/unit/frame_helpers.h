#ifndef SLANT_TEST_FRAME_HELPERS_H
#define SLANT_TEST_FRAME_HELPERS_H

/*
 * What the framing suites (test_frame.c, test_speaker.c) share: a quotation's speaker and
 * report verb as the words of the text, for checks written as strings.
 */

#include <stddef.h>

#include "frame.h"
#include "tokenize.h"

/*
 * The words of `q`'s speaker and of its report verb, copied from `text` (the caller's copy
 * of the text `d` was made from) into `speaker` and `verb` (room for `size` bytes each,
 * cut short to fit); "" where the quotation has none.
 */
void frame_quote_words(const slant_doc *d, const slant_quotation *q, const char *text,
                       char *speaker, char *verb, size_t size);

#endif
