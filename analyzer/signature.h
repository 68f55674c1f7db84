#ifndef SLANT_SIGNATURE_H
#define SLANT_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

/*
 * An article's content signature: what `compare --event auto` (events.h) needs of its
 * words once the text is gone. `slant score --signature` writes it into the score record
 * as "signature": {"STEM": COUNT, ...}; compare and report keep it in the dataset
 * (slant_dataset_set_signature) and compare articles by it.
 *
 * Content stems: the words of the title and the text, folded and stemmed by the scorer's
 * own stemmer (the lexicon's language), except numbers, words of one character and the
 * stop words of vocab.h (the function words `slant keyness` leaves out); a stop word is
 * recognised before stemming, on its folded form.
 *
 * The signature holds at most SLANT_SIGNATURE_MAX stems: those with the highest counts;
 * among stems of equal count, those of lowest FNV-1a hash (hash.h) of the stem's bytes.
 * The hash is the same for a stem in every article, so two articles that keep only some
 * of their stems of count 1 keep the same ones where they share them (consistent
 * sampling: no bias toward the start of the alphabet). Terms are listed in that order.
 */

#define SLANT_SIGNATURE_MAX 128

typedef struct {
    const char *stem;       /* borrowed from the scorer's stem table (NUL-terminated) */
    size_t len;
    uint32_t count;         /* occurrences in the title and the text */
} slant_signature_term;

typedef struct {
    slant_signature_term *terms;   /* owned by whoever filled it */
    size_t n, cap;
} slant_signature;

#endif
