#include "normalize.h"

#include <string.h>
#include <utf8proc.h>

#include "xalloc.h"

size_t slant_utf8_next(const char *s, size_t len, int32_t *cp, int *invalid)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        *invalid = 0;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          len > 4 ? 4 : (utf8proc_ssize_t)len, &v);
    if (n < 1) {
        *cp = SLANT_REPLACEMENT_CHAR;
        *invalid = 1;
        return 1;
    }
    *cp = v;
    *invalid = 0;
    return (size_t)n;
}

slant_char_class slant_char_classify(int32_t cp)
{
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            return SLANT_CHAR_LETTER;
        if (cp >= '0' && cp <= '9')
            return SLANT_CHAR_DIGIT;
        if (cp == '\n' || cp == '\r')
            return SLANT_CHAR_NEWLINE;
        if (cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v')
            return SLANT_CHAR_SPACE;
        if (cp > 0x20 && cp < 0x7f)
            return SLANT_CHAR_PUNCT;
        return SLANT_CHAR_OTHER;
    }
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return SLANT_CHAR_NEWLINE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return SLANT_CHAR_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return SLANT_CHAR_MARK;
    case UTF8PROC_CATEGORY_ND:
        return SLANT_CHAR_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return SLANT_CHAR_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return SLANT_CHAR_NEWLINE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return SLANT_CHAR_PUNCT;
    default:
        return SLANT_CHAR_OTHER;
    }
}

int slant_char_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

size_t slant_utf8_sanitize(const char *s, size_t len, slant_buf *out)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    size_t bad = 0, i = 0, run = 0;
    while (i < len) {
        int32_t cp;
        int invalid;
        size_t n = slant_utf8_next(s + i, len - i, &cp, &invalid);
        if (invalid) {
            slant_buf_add(out, s + run, i - run);
            slant_buf_add(out, replacement, 3);
            bad++;
            run = i + n;
        }
        i += n;
    }
    slant_buf_add(out, s + run, len - run);
    return bad;
}

size_t slant_utf8_count_invalid(const char *s, size_t len)
{
    size_t bad = 0, i = 0;
    while (i < len) {
        int32_t cp;
        int invalid;
        i += slant_utf8_next(s + i, len - i, &cp, &invalid);
        bad += (size_t)invalid;
    }
    return bad;
}

void slant_folder_init(slant_folder *f)
{
    f->cps_cap = SLANT_MAX_WORD_BYTES * 4;
    f->cps = xmalloc(f->cps_cap * sizeof *f->cps);
}

void slant_folder_release(slant_folder *f)
{
    free(f->cps);
    f->cps = NULL;
    f->cps_cap = 0;
}

/* The mappings full case folding lacks for reading news in this region's languages. */
static utf8proc_int32_t fold_extra(utf8proc_int32_t cp, void *data)
{
    (void)data;
    if (cp == 0x0130)
        return 'i';
    if (cp == 0x2019 || cp == 0x02BC)
        return '\'';
    return cp;
}

const char *slant_fold(slant_folder *f, const char *s, size_t len, size_t *out_len)
{
    if (len == 0 || len > SLANT_MAX_WORD_BYTES)
        return NULL;
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80) {
        char c = s[i];
        f->out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
        i++;
    }
    if (i == len) { /* ASCII: lower case is the whole of NFC and case folding */
        f->out[len] = '\0';
        *out_len = len;
        return f->out;
    }
    const utf8proc_option_t opts = UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t n = utf8proc_decompose_custom(
        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, f->cps,
        (utf8proc_ssize_t)f->cps_cap, opts, fold_extra, NULL);
    if (n < 0 || (size_t)n >= f->cps_cap)
        return NULL; /* words never hold invalid UTF-8: the tokenizer ends them there */
    /* Recomposes (NFC) and writes UTF-8 over the code points, in place. */
    utf8proc_ssize_t bytes = utf8proc_reencode(f->cps, n, opts);
    if (bytes < 0 || (size_t)bytes >= sizeof f->out)
        return NULL;
    memcpy(f->out, f->cps, (size_t)bytes);
    f->out[bytes] = '\0';
    *out_len = (size_t)bytes;
    return f->out;
}
