#include "stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define MAX_STEM_BYTES 1100

struct slant_stemmer {
    struct sb_stemmer *sb;
    char *algorithm;
    char out[MAX_STEM_BYTES + 1];
};

slant_stemmer *slant_stemmer_new(const char *algorithm)
{
    struct sb_stemmer *sb = sb_stemmer_new(algorithm, "UTF_8");
    if (!sb)
        return NULL;
    slant_stemmer *st = xcalloc(1, sizeof *st);
    st->sb = sb;
    st->algorithm = xstrdup(algorithm);
    return st;
}

void slant_stemmer_free(slant_stemmer *st)
{
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    free(st->algorithm);
    free(st);
}

const char *slant_stemmer_algorithm(const slant_stemmer *st)
{
    return st->algorithm;
}

const char *slant_stem(slant_stemmer *st, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *r = NULL;
    if (len <= MAX_STEM_BYTES)
        r = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
    int n = r ? sb_stemmer_length(st->sb) : -1;
    if (n < 0 || (size_t)n > MAX_STEM_BYTES) {
        r = (const sb_symbol *)word;
        n = (int)(len > MAX_STEM_BYTES ? MAX_STEM_BYTES : len);
    }
    /* The library's buffer dies at its next call: copy it now. */
    memcpy(st->out, r, (size_t)n);
    st->out[n] = '\0';
    *out_len = (size_t)n;
    return st->out;
}

const char **slant_stemmer_algorithms(void)
{
    return sb_stemmer_list();
}
