/*
 * Fuzzes the text-file article reader (article.h): slant_article_from_text() on the
 * input as a whole file without a sidecar, then with the first half of the input as the
 * sidecar NAME.meta and the second half as the file. Both are handed over in buffers of
 * their exact size, so a read past either is caught. Checks that the scored text lies
 * inside the text, that an error says something, and tokenizes the scored part.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fuzz.h"
#include "tokenize.h"

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_article: invariant failed: %s\n", what);
    abort();
}

/* A malloc'ed copy of exactly `len` bytes (one byte when empty, never NULL). */
static char *copy(const uint8_t *data, size_t len)
{
    char *p = malloc(len ? len : 1);
    if (!p)
        fail("out of memory");
    if (len)
        memcpy(p, data, len);
    return p;
}

static void read_one(const uint8_t *text, size_t len, const uint8_t *meta, size_t meta_len,
                     int with_meta, slant_doc *doc)
{
    slant_article a;
    slant_article_init(&a);
    slant_error err;
    slant_error_clear(&err);
    char *m = with_meta ? copy(meta, meta_len) : NULL;
    slant_status st = slant_article_from_text(&a, copy(text, len), len, m, meta_len,
                                              "fuzz/article.txt", with_meta ? "fuzz-id" : NULL,
                                              with_meta ? "fuzz-source" : NULL, &err);
    free(m);
    if (st == SLANT_OK) {
        if (a.text_len != len)
            fail("text_len is not the length given");
        if (a.text_offset > a.text_len)
            fail("text_offset > text_len");
        if (len && !a.text)
            fail("no text");
        if (with_meta && (!a.id || !a.source))
            fail("a default id or source was not applied");
        slant_tokenize(doc, a.text + a.text_offset, a.text_len - a.text_offset);
    } else {
        if (st != SLANT_ERR_INPUT)
            fail("an error other than SLANT_ERR_INPUT");
        if (!err.message[0])
            fail("an error without a message");
        if (!memchr(text, '\0', len))
            fail("an error for a text without a NUL byte");
    }
    slant_article_release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    slant_doc doc;
    slant_doc_init(&doc);
    read_one(data, size, NULL, 0, 0, &doc);
    size_t half = size / 2;
    read_one(data + half, size - half, data, half, 1, &doc);
    slant_doc_release(&doc);
    return 0;
}
