#ifndef SLANT_STEM_H
#define SLANT_STEM_H

#include <stddef.h>

/*
 * Snowball stemming. This is the only file that includes libstemmer.h. A stemmer is not
 * thread-safe: each worker owns one, and callers cache stems (a word is stemmed once per
 * run, not once per occurrence).
 */
typedef struct slant_stemmer slant_stemmer;

/* A stemmer for a Snowball algorithm name ("english", "turkish"), or NULL if there is no
 * such algorithm. Free with slant_stemmer_free(). */
slant_stemmer *slant_stemmer_new(const char *algorithm);
void slant_stemmer_free(slant_stemmer *st);

/* The algorithm's name as given to slant_stemmer_new(); valid while `st` lives. */
const char *slant_stemmer_algorithm(const slant_stemmer *st);

/*
 * Stems `len` bytes of a folded (lower-case) UTF-8 word. Returns the stem, copied into
 * the stemmer's own memory and valid until the next call on `st`, with its length in
 * `*out_len`; for a word the stemmer cannot take, returns the word itself.
 */
const char *slant_stem(slant_stemmer *st, const char *word, size_t len, size_t *out_len);

/* The algorithm names libstemmer offers, NULL-terminated; static. */
const char **slant_stemmer_algorithms(void);

#endif
