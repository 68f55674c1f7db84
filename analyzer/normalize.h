#ifndef SLANT_NORMALIZE_H
#define SLANT_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Unicode for the rest of slant: decoding with validation, character classes, and the
 * folding that makes a word comparable (NFC, then full case folding). This is the only
 * file that includes utf8proc.
 *
 * Text is never rewritten in place: the tokenizer walks the original bytes, so every
 * offset slant prints is an offset into the bytes as received. Folding is applied to one
 * word at a time.
 */

#define SLANT_REPLACEMENT_CHAR 0xFFFD

/* The longest word, in bytes, that is folded and looked up; longer words still count as
 * tokens but match nothing (no lexicon entry is that long). */
#define SLANT_MAX_WORD_BYTES 256

typedef enum {
    SLANT_CHAR_OTHER = 0,   /* symbols, controls, unassigned */
    SLANT_CHAR_LETTER,
    SLANT_CHAR_MARK,        /* combining marks: part of the word they follow */
    SLANT_CHAR_DIGIT,
    SLANT_CHAR_SPACE,       /* white space other than line breaks */
    SLANT_CHAR_NEWLINE,     /* \n, \r, U+2028, U+2029, U+0085 */
    SLANT_CHAR_PUNCT        /* punctuation, including quote marks and dashes */
} slant_char_class;

/*
 * Decodes the code point at `s` (with `len` > 0 bytes available) into `*cp` and returns
 * the number of bytes it takes. An invalid or truncated sequence yields U+FFFD, consumes
 * one byte and sets `*invalid` to 1 (else 0).
 */
size_t slant_utf8_next(const char *s, size_t len, int32_t *cp, int *invalid);

slant_char_class slant_char_classify(int32_t cp);

/* Whether `cp` is an upper-case or title-case letter. */
int slant_char_is_upper(int32_t cp);

/*
 * Appends `len` bytes of `s` to `out` with every invalid sequence replaced by U+FFFD, so
 * that what slant writes is always valid UTF-8. Returns the number of replacements.
 */
size_t slant_utf8_sanitize(const char *s, size_t len, slant_buf *out);

/* Counts the invalid sequences in `s`. */
size_t slant_utf8_count_invalid(const char *s, size_t len);

/*
 * Folds one word: NFC, full case folding, the Turkic capital İ (U+0130) read as i (plain
 * full folding would give i + U+0307, which would not match "ilham"), and the right single
 * quotation mark used as an apostrophe (U+2019, U+02BC) read as "'". Combining marks stay:
 * "Türkiye" and "Turkiye" remain different words.
 *
 * A folder holds the scratch memory; one per thread.
 */
typedef struct {
    int32_t *cps;
    size_t cps_cap;
    char out[SLANT_MAX_WORD_BYTES * 4 + 8];
} slant_folder;

void slant_folder_init(slant_folder *f);
void slant_folder_release(slant_folder *f);

/*
 * Folds `len` bytes at `s`. Returns the folded bytes (borrowed from the folder, valid until
 * its next call) and their length in `*out_len`, or NULL when the word is longer than
 * SLANT_MAX_WORD_BYTES or cannot be folded.
 */
const char *slant_fold(slant_folder *f, const char *s, size_t len, size_t *out_len);

#endif
