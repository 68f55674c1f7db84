/*
 * Importers of LIWC .dic, LIWC-22 .dicx and Lexicoder .lc3 dictionaries, and the writer
 * of the native lexicon directory they become. The header (lexicon_import.h) states the
 * rules; this file is laid out in the order an import runs:
 *
 *   decode (UTF-8 check or Latin-1 conversion) -> lines -> one parser per format ->
 *   translate each entry into native syntax (or drop it, saying why) -> merge entries
 *   that match the same words -> write the directory -> load it back with the real
 *   loader, dropping what it rejects.
 */
#include "lexicon_import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "file.h"
#include "intern.h"
#include "json.h"
#include "xalloc.h"

#define MAX_IMPORT_FILE_BYTES ((size_t)64 << 20)
#define MAX_ID_BYTES 64
#define MAX_WEIGHT 100.0
#define VERIFY_ROUNDS 3

/* --- the imported lexicon ------------------------------------------------------------ */

/* One distinct entry of the input, translated. */
typedef struct {
    char *source;             /* as the input writes it (white space runs made one space) */
    char *native;             /* the category-file line without weight; NULL: not expressible */
    long line, col;
} imp_entry;

/* An entry's membership of one category: what becomes one line of the category file. */
typedef struct {
    size_t entry;
    char weight[32];          /* "" for the default weight 1 */
    long out_line;            /* its line in the category file, once written; 0 before */
    int removed;              /* the loader rejected it */
} imp_member;

typedef struct {
    char *name;               /* as the input names it */
    char *id;                 /* unique; a-z, 0-9 and _ */
    char *definition;
    long line;                /* where the input declares it */
    long number;              /* LIWC: its number; else -1 */
    imp_member *members;
    size_t nmembers, members_cap;
    /* As last written: members[written[i]] is on line first_line + i of the file. */
    size_t *written;
    size_t nwritten;
    long first_line;
} imp_category;

struct slant_import {
    slant_import_format format;
    int stem;
    char *path;               /* as given, for reports */
    char *base;               /* its base name, for the manifest */
    char *id, *language, *stemmer;
    imp_category *cats;
    size_t ncats, cats_cap;
    imp_entry *entries;
    size_t nentries, entries_cap;

    /* (category, key) of every member so far -> the member's entry, for merging. */
    slant_intern seen;
    size_t *seen_entry;
    size_t seen_cap;

    slant_keyer keyer;
    slant_buf scratch;
    slant_import_report report;
    void *ctx;
    slant_import_counts counts;
};

static const char *format_name(slant_import_format f)
{
    switch (f) {
    case SLANT_IMPORT_LIWC: return "LIWC .dic";
    case SLANT_IMPORT_DICX: return "LIWC-22 .dicx";
    case SLANT_IMPORT_LC3: return "Lexicoder .lc3";
    }
    return "?";
}

static void problem(slant_import *im, slant_import_severity sev, long line, long col,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Counts a problem and passes it to the report callback. */
static void problem(slant_import *im, slant_import_severity sev, long line, long col,
                    const char *fmt, ...)
{
    switch (sev) {
    case SLANT_IMPORT_ERROR: im->counts.errors++; break;
    case SLANT_IMPORT_DROPPED: im->counts.dropped++; break;
    case SLANT_IMPORT_MERGED: im->counts.merged++; break;
    case SLANT_IMPORT_NOTE: break;
    }
    if (!im->report)
        return;
    char message[sizeof ((slant_error *)0)->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    slant_error err;
    slant_error_set(&err, SLANT_ERR_INPUT, im->path, line, col, "%s", message);
    im->report(sev, &err, im->ctx);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* Trims blanks (and a stray carriage return) at both ends of [*s, *s + *n). */
static void trim(const char **s, size_t *n)
{
    while (*n && (is_blank(**s) || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && (is_blank((*s)[*n - 1]) || (*s)[*n - 1] == '\r'))
        (*n)--;
}

void slant_import_problems_collect(slant_import_severity severity, const slant_error *err,
                                   void *ctx)
{
    slant_import_problems *p = ctx;
    size_t cap = p->cap;
    p->items = xgrow(p->items, &cap, p->n + 1, sizeof *p->items);
    p->severity = xgrow(p->severity, &p->cap, p->n + 1, sizeof *p->severity);
    p->items[p->n] = *err;
    p->severity[p->n] = severity;
    p->n++;
}

void slant_import_problems_release(slant_import_problems *p)
{
    free(p->items);
    free(p->severity);
    memset(p, 0, sizeof *p);
}

/* Copies `len` bytes of `s` with every run of blanks made one space. */
static char *squeeze(const char *s, size_t len, size_t *out_len)
{
    char *out = xmalloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_blank(s[i]) || s[i] == '\r' || s[i] == '\n') {
            if (n && out[n - 1] != ' ')
                out[n++] = ' ';
        } else {
            out[n++] = s[i];
        }
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    *out_len = n;
    return out;
}

/* --- category ids ------------------------------------------------------------------- */

/* ASCII for the Latin letters U+00C0 to U+017F in ids ("Gefühl" -> "gefuhl"). */
static const char *const latin_ascii[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
    "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
    "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u",
    "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c",
    "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e",
    "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i",
    "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k",
    "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n",
    "n", "n", "n", "n", "n", "n", "ng", "ng", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s",
    "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* A name as an id: ASCII letters lowercased, digits kept, Latin letters without their
 * accents, anything else one '_'; writes at most MAX_ID_BYTES bytes to `out` and returns
 * how many (0: nothing was left). */
static size_t id_chars(const char *name, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < MAX_ID_BYTES;) {
        int32_t cp;
        int invalid;
        i += slant_utf8_next(name + i, len - i, &cp, &invalid);
        const char *ascii = NULL;
        char one[2] = { 0, 0 };
        if (cp >= 'A' && cp <= 'Z')
            one[0] = (char)(cp - 'A' + 'a');
        else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            one[0] = (char)cp;
        else if (cp >= 0xC0 && cp < 0x180)
            ascii = latin_ascii[cp - 0xC0];
        if (one[0])
            ascii = one;
        if (ascii && *ascii) {
            for (; *ascii && n < MAX_ID_BYTES; ascii++)
                out[n++] = *ascii;
        } else if (n && out[n - 1] != '_') {
            out[n++] = '_';
        }
    }
    while (n && out[n - 1] == '_')
        n--;
    return n;
}

/* The id of a category name; a name with no ASCII letter or digit is numbered. */
static char *make_id(const char *name, size_t len, long number, size_t index)
{
    char out[MAX_ID_BYTES + 1];
    size_t n = id_chars(name, len, out);
    if (!n) {
        if (number >= 0)
            n = (size_t)snprintf(out, sizeof out, "category_%ld", number);
        else
            n = (size_t)snprintf(out, sizeof out, "category_%zu", index + 1);
    }
    return xmemdup(out, n);
}

/* The category of this name (compared with white space squeezed, as names are kept). */
static imp_category *find_category_named(slant_import *im, const char *name, size_t len)
{
    size_t n;
    char *squeezed = squeeze(name, len, &n);
    imp_category *found = NULL;
    for (size_t i = 0; i < im->ncats && !found; i++)
        if (strcmp(im->cats[i].name, squeezed) == 0)
            found = &im->cats[i];
    free(squeezed);
    return found;
}

static int id_taken(const slant_import *im, const char *id)
{
    for (size_t i = 0; i < im->ncats; i++)
        if (strcmp(im->cats[i].id, id) == 0)
            return 1;
    return 0;
}

/* Adds a category named by `len` bytes of `name`, with a unique id. */
static size_t add_category(slant_import *im, const char *name, size_t len, long number,
                           long line, const char *what)
{
    im->cats = xgrow(im->cats, &im->cats_cap, im->ncats + 1, sizeof *im->cats);
    char *id = make_id(name, len, number, im->ncats);
    if (id_taken(im, id)) {
        size_t base = strlen(id);
        char *unique = xmalloc(base + 24);
        for (unsigned k = 2;; k++) {
            snprintf(unique, base + 24, "%s_%u", id, k);
            if (!id_taken(im, unique))
                break;
        }
        problem(im, SLANT_IMPORT_NOTE, line, 0,
                "category '%.*s' is written as '%s': the id '%s' was taken", (int)len, name,
                unique, id);
        free(id);
        id = unique;
    }
    imp_category *c = &im->cats[im->ncats];
    memset(c, 0, sizeof *c);
    size_t name_len;
    c->name = squeeze(name, len, &name_len); /* one line: it is written in a comment */
    c->id = id;
    c->line = line;
    c->number = number;
    slant_buf_reset(&im->scratch);
    if (number >= 0)
        slant_buf_addf(&im->scratch, "%s %ld '%s' of %s", what, number, c->name, im->base);
    else
        slant_buf_addf(&im->scratch, "%s '%s' of %s", what, c->name, im->base);
    c->definition = xmemdup(im->scratch.data, im->scratch.len);
    return im->ncats++;
}

/* --- entry keys ---------------------------------------------------------------------- */

int slant_keyer_init(slant_keyer *k, const char *stemmer)
{
    k->stemmer = slant_stemmer_new(stemmer);
    if (!k->stemmer)
        return -1;
    slant_folder_init(&k->folder);
    slant_doc_init(&k->doc);
    return 0;
}

void slant_keyer_release(slant_keyer *k)
{
    slant_stemmer_free(k->stemmer);
    slant_folder_release(&k->folder);
    slant_doc_release(&k->doc);
    memset(k, 0, sizeof *k);
}

int slant_keyer_key(slant_keyer *k, const char *entry, slant_buf *out, slant_entry_shape *shape)
{
    const char *p = entry;
    size_t n = strlen(entry);
    trim(&p, &n);
    slant_entry_shape sh = { 0, 0, 0 };
    if (n && *p == '=') {
        sh.exact = 1;
        p++;
        n--;
    }
    if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
        p++;
        n -= 2;
    }
    if (n && p[n - 1] == '*') {
        sh.prefix = 1;
        n--;
    }
    slant_tokenize(&k->doc, p, n);
    if (k->doc.ntokens == 0)
        return -1;
    size_t mark = out->len;
    for (size_t t = 0; t < k->doc.ntokens; t++) {
        const slant_token *tok = &k->doc.tokens[t];
        size_t flen;
        const char *f = slant_fold(&k->folder, p + tok->start, tok->end - tok->start, &flen);
        if (!f) {
            out->len = mark;
            if (out->data)
                out->data[mark] = '\0';
            return -1;
        }
        if (sh.prefix && t + 1 == k->doc.ntokens) {
            slant_buf_addc(out, 'p');
            slant_buf_add(out, f, flen);
        } else if (sh.exact || (tok->flags & SLANT_TOK_NUMBER)) {
            slant_buf_addc(out, 'e');
            slant_buf_add(out, f, flen);
        } else {
            size_t slen;
            const char *s = slant_stem(k->stemmer, f, flen, &slen);
            slant_buf_addc(out, 's');
            slant_buf_add(out, s, slen);
        }
        slant_buf_addc(out, '\0');
    }
    sh.nwords = k->doc.ntokens;
    if (shape)
        *shape = sh;
    return 0;
}

/* --- translation into native syntax -------------------------------------------------- */

/*
 * Why `len` bytes of `phrase` (an entry without its '*') cannot be written as words, in
 * `why`; 0 if they can: every byte belongs to a word, is a space, or is a hyphen between
 * two words (FORMAT.md: hyphens split words), and there are 1 to 8 words that fold.
 */
static int phrase_problem(slant_import *im, const char *phrase, size_t len, char *why,
                          size_t size)
{
    slant_doc *d = &im->keyer.doc;
    slant_tokenize(d, phrase, len);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        while (k < d->ntokens && d->tokens[k].end <= i)
            k++;
        if (k < d->ntokens && d->tokens[k].start <= i)
            continue;
        if (phrase[i] == ' ')
            continue;
        if (phrase[i] == '-' && i > 0 && k > 0 && d->tokens[k - 1].end == i &&
            k < d->ntokens && d->tokens[k].start == i + 1)
            continue;
        int32_t cp;
        int invalid;
        size_t n = slant_utf8_next(phrase + i, len - i, &cp, &invalid);
        if (phrase[i] == '-')
            snprintf(why, size, "a hyphen that does not join two words");
        else
            snprintf(why, size, "'%.*s' is not part of a word (slant matches words only)",
                     (int)n, phrase + i);
        return -1;
    }
    if (d->ntokens == 0) {
        snprintf(why, size, "it has no word");
        return -1;
    }
    if (d->ntokens > SLANT_MAX_ENTRY_WORDS) {
        snprintf(why, size, "it has more than %d words", SLANT_MAX_ENTRY_WORDS);
        return -1;
    }
    for (size_t t = 0; t < d->ntokens; t++) {
        size_t flen;
        if (!slant_fold(&im->keyer.folder, phrase + d->tokens[t].start,
                        d->tokens[t].end - d->tokens[t].start, &flen)) {
            snprintf(why, size, "a word is longer than %d bytes", SLANT_MAX_WORD_BYTES);
            return -1;
        }
    }
    return 0;
}

/* Whether every word but the last of the phrase just tokenized is a number (exact anyway). */
static int leading_words_are_numbers(const slant_import *im)
{
    const slant_doc *d = &im->keyer.doc;
    for (size_t t = 0; t + 1 < d->ntokens; t++)
        if (!(d->tokens[t].flags & SLANT_TOK_NUMBER))
            return 0;
    return 1;
}

/*
 * Translates `s` (an entry as the input writes it, white space normalized) into a native
 * entry, written to `out`; returns 0, or -1 with the reason in `why`.
 */
static int translate(slant_import *im, const char *s, size_t n, slant_buf *out, char *why,
                     size_t size)
{
    int prefix = n && s[n - 1] == '*';
    size_t plen = prefix ? n - 1 : n;
    const char *star = memchr(s, '*', plen);
    if (star) {
        snprintf(why, size, "a wildcard '*' that is not at its end (slant has prefix "
                            "wildcards only)");
        return -1;
    }
    if (prefix && (plen == 0 || s[plen - 1] == ' ' || s[plen - 1] == '-')) {
        snprintf(why, size, "a wildcard '*' that does not follow a word");
        return -1;
    }
    if (phrase_problem(im, s, plen, why, size) != 0)
        return -1;
    size_t nwords = im->keyer.doc.ntokens;
    int spaced = memchr(s, ' ', plen) != NULL;
    slant_buf_reset(out);
    if (prefix && nwords > 1 && !im->stem && !leading_words_are_numbers(im)) {
        snprintf(why, size, "an expression that ends in a wildcard cannot keep its other "
                            "words exact in slant (import with --stem to take it with "
                            "stemmed words)");
        return -1;
    }
    if (!prefix && !im->stem)
        slant_buf_addc(out, '=');
    if (spaced)
        slant_buf_addc(out, '"');
    slant_buf_add(out, s, n);
    if (spaced)
        slant_buf_addc(out, '"');
    return 0;
}

/*
 * Adds an entry of the input, `len` bytes at `text` (line and column of its start), and
 * translates it. Returns its index. An entry that cannot be expressed is reported once,
 * here, naming the categories it would have joined (`cats` may name them).
 */
static size_t add_entry(slant_import *im, const char *text, size_t len, long line, long col,
                        const char *cats)
{
    im->entries = xgrow(im->entries, &im->entries_cap, im->nentries + 1, sizeof *im->entries);
    imp_entry *e = &im->entries[im->nentries];
    size_t n;
    e->source = squeeze(text, len, &n);
    e->line = line;
    e->col = col;
    e->native = NULL;
    slant_buf native;
    slant_buf_init(&native, SIZE_MAX / 2);
    char why[256];
    if (translate(im, e->source, n, &native, why, sizeof why) == 0) {
        e->native = xmemdup(native.data, native.len);
    } else {
        problem(im, SLANT_IMPORT_DROPPED, line, col, "cannot express entry '%s'%s%s: %s; dropped",
                e->source, cats ? " of " : "", cats ? cats : "", why);
    }
    slant_buf_release(&native);
    return im->nentries++;
}

/*
 * Makes entry `entry` a member of category `cat` with `weight` ("" for 1): written once,
 * unless an earlier member of the category matches exactly the same words (then it is
 * merged, or dropped when the weights differ).
 */
static void add_member(slant_import *im, size_t cat, size_t entry, const char *weight)
{
    const imp_entry *e = &im->entries[entry];
    imp_category *c = &im->cats[cat];
    if (!e->native)
        return;
    slant_buf *key = &im->scratch;
    slant_buf_reset(key);
    uint32_t c32 = (uint32_t)cat;
    slant_buf_add(key, &c32, sizeof c32);
    if (slant_keyer_key(&im->keyer, e->native, key, NULL) != 0)
        return; /* translate() checked the words: does not happen */
    int added;
    uint32_t id = slant_intern_add(&im->seen, key->data, key->len, &added);
    if (!added) {
        const imp_entry *first = &im->entries[im->seen_entry[id]];
        const imp_member *fm = NULL;
        for (size_t k = 0; k < c->nmembers; k++)
            if (c->members[k].entry == im->seen_entry[id])
                fm = &c->members[k];
        if (fm && strcmp(fm->weight, weight) != 0) {
            problem(im, SLANT_IMPORT_DROPPED, e->line, e->col,
                    "entry '%s' of category '%s' matches what line %ld's '%s' matches, with "
                    "another weight (%s, not %s); dropped",
                    e->source, c->name, first->line, first->source, weight[0] ? weight : "1",
                    fm->weight[0] ? fm->weight : "1");
        } else if (first != e) {
            problem(im, SLANT_IMPORT_MERGED, e->line, e->col,
                    "entry '%s' of category '%s' matches what line %ld's '%s' matches%s; "
                    "written once",
                    e->source, c->name, first->line, first->source,
                    im->stem ? " (they stem alike)" : "");
        }
        return;
    }
    im->seen_entry = xgrow(im->seen_entry, &im->seen_cap, id + 1, sizeof *im->seen_entry);
    im->seen_entry[id] = entry;
    c->members = xgrow(c->members, &c->members_cap, c->nmembers + 1, sizeof *c->members);
    imp_member *m = &c->members[c->nmembers++];
    memset(m, 0, sizeof *m);
    m->entry = entry;
    snprintf(m->weight, sizeof m->weight, "%s", weight);
}

/* --- input text: decoding and lines -------------------------------------------------- */

/* The line (1-based) and column of byte `at` of `data`. */
static void place_of(const char *data, size_t at, long *line, long *col)
{
    long l = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++) {
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= at || data[i + 1] != '\n'))) {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = (long)(at - start) + 1;
}

/*
 * The input as UTF-8 without a byte order mark, in `out`. Latin-1 is converted; UTF-8 is
 * checked, and each line with an invalid sequence or a NUL byte is reported. Returns 0,
 * or -1 after reporting.
 */
static int decode(slant_import *im, const char *data, size_t len, slant_encoding enc,
                  slant_buf *out)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    int bad = 0;
    long last_bad_line = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        long line, col;
        if (c == 0) {
            place_of(data, i, &line, &col);
            if (line != last_bad_line)
                problem(im, SLANT_IMPORT_ERROR, line, col,
                        "NUL byte (is the file UTF-16? save it as UTF-8)");
            last_bad_line = line;
            bad = 1;
            i++;
            continue;
        }
        if (enc == SLANT_ENCODING_LATIN1) {
            if (c < 0x80) {
                slant_buf_addc(out, (char)c);
            } else {
                slant_buf_addc(out, (char)(0xC0 | (c >> 6)));
                slant_buf_addc(out, (char)(0x80 | (c & 0x3F)));
            }
            i++;
            continue;
        }
        int32_t cp;
        int invalid;
        size_t n = slant_utf8_next(data + i, len - i, &cp, &invalid);
        if (invalid) {
            place_of(data, i, &line, &col);
            if (line != last_bad_line)
                problem(im, SLANT_IMPORT_ERROR, line, col,
                        "invalid UTF-8 (for a Latin-1 file give --encoding latin1)");
            last_bad_line = line;
            bad = 1;
        } else {
            slant_buf_add(out, data + i, n);
        }
        i += n;
    }
    return bad ? -1 : 0;
}

/* A line of the input: [s, s + len) without its line break. */
typedef struct {
    const char *s;
    size_t len;
    long number;
} line_t;

/* The next line at `*pos` of `len` bytes of `data` (\n, \r\n or \r end a line); 0 at the end. */
static int next_line(const char *data, size_t len, size_t *pos, line_t *l)
{
    if (*pos >= len)
        return 0;
    size_t i = *pos;
    while (i < len && data[i] != '\n' && data[i] != '\r')
        i++;
    l->s = data + *pos;
    l->len = i - *pos;
    l->number++;
    if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
        i++;
    *pos = i + 1;
    return 1;
}

/* --- LIWC .dic ----------------------------------------------------------------------- */

static int is_comment(const char *s, size_t n)
{
    return (n >= 1 && s[0] == '#') || (n >= 2 && s[0] == '/' && s[1] == '/');
}

static int all_digits(const char *s, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* A category number: up to 9 digits. 0 and `*v`, or -1. */
static int parse_number(const char *s, size_t n, long *v)
{
    if (!all_digits(s, n) || n > 9)
        return -1;
    long x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (s[i] - '0');
    *v = x;
    return 0;
}

/* One '%' block line: "NUMBER NAME [description]". */
static void liwc_header_line(slant_import *im, const line_t *l, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    long number;
    size_t name_at = i;
    while (name_at < n && is_blank(s[name_at]))
        name_at++;
    long col = (long)(s - l->s) + 1;
    if (parse_number(s, i, &number) != 0 || name_at == i || name_at == n) {
        problem(im, SLANT_IMPORT_ERROR, l->number, col,
                "bad header line '%.*s': expected a category number and a name", (int)n, s);
        return;
    }
    for (size_t c = 0; c < im->ncats; c++) {
        if (im->cats[c].number == number) {
            problem(im, SLANT_IMPORT_ERROR, l->number, col,
                    "category number '%ld' is defined twice (first on line %ld)", number,
                    im->cats[c].line);
            return;
        }
    }
    /* The name runs to a tab (LIWC2015 puts a description after one) or the end. */
    const char *name = s + name_at;
    const char *tab = memchr(name, '\t', n - name_at);
    size_t name_len = tab ? (size_t)(tab - name) : n - name_at;
    trim(&name, &name_len);
    add_category(im, name, name_len, number, l->number, "LIWC category");
}

static long liwc_category(const slant_import *im, long number)
{
    for (size_t c = 0; c < im->ncats; c++)
        if (im->cats[c].number == number)
            return (long)c;
    return -1;
}

typedef struct {
    const char *s;
    size_t len;
} field_t;

/* Whether a field after an entry is a category code: a number or a conditional code. */
static int is_code(const field_t *f)
{
    if (all_digits(f->s, f->len))
        return 1;
    if (f->s[0] == '(' || f->s[0] == '<')
        return 1;
    const char *slash = memchr(f->s, '/', f->len);
    return slash && slash > f->s && all_digits(f->s, (size_t)(slash - f->s));
}

/* One entry line: the entry, then its category numbers. */
static void liwc_entry_line(slant_import *im, const line_t *l, const char *s, size_t n)
{
    /* Split into blank-separated fields; `tab_field`: the first field after a tab. */
    field_t fields[256];
    size_t nf = 0, tab_field = SIZE_MAX;
    int seen_tab = 0;
    for (size_t i = 0; i < n;) {
        if (is_blank(s[i])) {
            seen_tab |= s[i] == '\t';
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !is_blank(s[j]))
            j++;
        if (nf == sizeof fields / sizeof fields[0]) {
            problem(im, SLANT_IMPORT_ERROR, l->number, (long)(s + i - l->s) + 1,
                    "more than %zu fields on one line", nf);
            return;
        }
        if (seen_tab && tab_field == SIZE_MAX)
            tab_field = nf;
        fields[nf].s = s + i;
        fields[nf].len = j - i;
        nf++;
        i = j;
    }
    /* The entry: the fields before the first tab; on a line without tabs, the fields
     * before the first category code. */
    size_t k = tab_field;
    if (k == SIZE_MAX)
        for (k = 1; k < nf && !is_code(&fields[k]); k++)
            ;
    const char *entry = fields[0].s;
    size_t entry_len = (size_t)(fields[k - 1].s + fields[k - 1].len - entry);
    long entry_col = (long)(entry - l->s) + 1;

    /* The codes: category numbers; conditional codes cannot be expressed. */
    size_t cats[256];
    size_t ncats = 0;
    slant_buf dropped_codes;
    slant_buf_init(&dropped_codes, 4096);
    for (size_t i = k; i < nf; i++) {
        const field_t *f = &fields[i];
        long col = (long)(f->s - l->s) + 1;
        long number;
        if (parse_number(f->s, f->len, &number) == 0) {
            long c = liwc_category(im, number);
            if (c < 0) {
                problem(im, SLANT_IMPORT_ERROR, l->number, col,
                        "unknown category number '%ld' (not in the '%%' block)", number);
                continue;
            }
            size_t x = 0;
            while (x < ncats && cats[x] != (size_t)c)
                x++;
            if (x == ncats)
                cats[ncats++] = (size_t)c; /* a repeated number counts once */
            continue;
        }
        if (!is_code(f)) {
            problem(im, SLANT_IMPORT_ERROR, l->number, col,
                    "invalid category number '%.*s'", (int)f->len, f->s);
            continue;
        }
        /* A conditional code runs to the field that closes its parenthesis. */
        size_t last = i;
        if (f->s[0] == '(')
            while (last + 1 < nf && !memchr(fields[last].s, ')', fields[last].len))
                last++;
        const char *code_end = fields[last].s + fields[last].len;
        if (dropped_codes.len)
            slant_buf_adds(&dropped_codes, ", ");
        slant_buf_addf(&dropped_codes, "'%.*s'", (int)(code_end - f->s), f->s);
        i = last;
    }
    if (dropped_codes.len)
        problem(im, SLANT_IMPORT_DROPPED, l->number, entry_col,
                "cannot express the conditional category code %s of entry '%.*s' (slant has "
                "no conditional categories); dropped",
                dropped_codes.data, (int)entry_len, entry);
    slant_buf_release(&dropped_codes);
    if (ncats == 0) {
        if (k == nf)
            problem(im, SLANT_IMPORT_DROPPED, l->number, entry_col,
                    "entry '%.*s' has no category number; dropped", (int)entry_len, entry);
        return;
    }
    slant_buf names;
    slant_buf_init(&names, 4096);
    for (size_t c = 0; c < ncats; c++)
        slant_buf_addf(&names, "%s'%s'", c ? ", " : "", im->cats[cats[c]].name);
    size_t e = add_entry(im, entry, entry_len, l->number, entry_col, names.data);
    slant_buf_release(&names);
    for (size_t c = 0; c < ncats; c++)
        add_member(im, cats[c], e, "");
}

static void parse_liwc(slant_import *im, const char *data, size_t len)
{
    enum { BEFORE, HEADER, ENTRIES } state = BEFORE;
    long open_line = 0;
    size_t pos = 0;
    line_t l = { NULL, 0, 0 };
    while (next_line(data, len, &pos, &l)) {
        const char *s = l.s;
        size_t n = l.len;
        trim(&s, &n);
        if (!n || is_comment(s, n))
            continue;
        int percent = n == 1 && s[0] == '%';
        switch (state) {
        case BEFORE:
            if (!percent) {
                problem(im, SLANT_IMPORT_ERROR, l.number, (long)(s - l.s) + 1,
                        "bad header: a LIWC dictionary starts with a '%%' line, then "
                        "'NUMBER NAME' lines and another '%%'; found '%.*s'",
                        (int)(n > 60 ? 60 : n), s);
                return;
            }
            state = HEADER;
            open_line = l.number;
            break;
        case HEADER:
            if (percent) {
                if (im->ncats == 0)
                    problem(im, SLANT_IMPORT_ERROR, l.number, 1,
                            "bad header: no categories between the '%%' lines");
                state = ENTRIES;
            } else {
                liwc_header_line(im, &l, s, n);
            }
            break;
        case ENTRIES:
            if (percent)
                problem(im, SLANT_IMPORT_ERROR, l.number, 1,
                        "a third '%%' line (the category block was closed on an earlier line)");
            else
                liwc_entry_line(im, &l, s, n);
            break;
        }
    }
    if (state == BEFORE)
        problem(im, SLANT_IMPORT_ERROR, 0, 0, "empty file: no '%%' category block");
    else if (state == HEADER)
        problem(im, SLANT_IMPORT_ERROR, open_line, 1,
                "unterminated '%%' block: no closing '%%' line after the categories");
}

/* --- LIWC-22 .dicx (CSV) ------------------------------------------------------------ */

typedef struct {
    char *value;
    long line, col;
} cell_t;

typedef struct {
    cell_t *cells;
    size_t n, cap;
    long line;
} row_t;

static void row_clear(row_t *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i].value);
    r->n = 0;
}

/* The delimiter of the header line: the first ',', ';' or tab outside quotes. */
static char csv_delimiter(const char *data, size_t len)
{
    int quoted = 0;
    for (size_t i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
        if (data[i] == '"')
            quoted = !quoted;
        else if (!quoted && (data[i] == ',' || data[i] == ';' || data[i] == '\t'))
            return data[i];
    }
    return ',';
}

/*
 * Reads the CSV record at `*pos` into `r` (RFC 4180: quoted fields may hold the
 * delimiter, line breaks and doubled quotes). Returns 1, 0 at the end, or -1 after
 * reporting an error (the rest of the input is then skipped).
 */
static int csv_row(slant_import *im, const char *data, size_t len, char delim, size_t *pos,
                   long *line, long *line_start_pos, row_t *r)
{
    row_clear(r);
    if (*pos >= len)
        return 0;
    r->line = *line;
    slant_buf v;
    slant_buf_init(&v, MAX_IMPORT_FILE_BYTES);
    size_t i = *pos;
    for (;;) {
        cell_t cell = { NULL, *line, (long)(i - (size_t)*line_start_pos) + 1 };
        slant_buf_reset(&v);
        if (i < len && data[i] == '"') {
            long qline = *line, qcol = cell.col;
            i++;
            for (;;) {
                if (i >= len) {
                    problem(im, SLANT_IMPORT_ERROR, qline, qcol,
                            "unterminated quoted field (no closing '\"')");
                    slant_buf_release(&v);
                    *pos = len;
                    return -1;
                }
                if (data[i] == '"' && i + 1 < len && data[i + 1] == '"') {
                    slant_buf_addc(&v, '"');
                    i += 2;
                } else if (data[i] == '"') {
                    i++;
                    break;
                } else {
                    int eol = data[i] == '\n' ||
                              (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n'));
                    if (eol) {
                        (*line)++;
                        *line_start_pos = (long)i + 1;
                    }
                    slant_buf_addc(&v, data[i]);
                    i++;
                }
            }
            if (i < len && data[i] != delim && data[i] != '\n' && data[i] != '\r') {
                problem(im, SLANT_IMPORT_ERROR, *line, (long)(i - (size_t)*line_start_pos) + 1,
                        "unexpected '%c' after a closing quote", data[i]);
                while (i < len && data[i] != delim && data[i] != '\n' && data[i] != '\r')
                    i++;
            }
        } else {
            while (i < len && data[i] != delim && data[i] != '\n' && data[i] != '\r')
                slant_buf_addc(&v, data[i++]);
        }
        cell.value = xmemdup(v.data ? v.data : "", v.len);
        r->cells = xgrow(r->cells, &r->cap, r->n + 1, sizeof *r->cells);
        r->cells[r->n++] = cell;
        if (i < len && data[i] == delim) {
            i++;
            continue;
        }
        break;
    }
    if (i < len && data[i] == '\r')
        i++;
    if (i < len && data[i] == '\n')
        i++;
    (*line)++;
    *line_start_pos = (long)i;
    *pos = i;
    slant_buf_release(&v);
    return 1;
}

/* Whether a row is blank: one empty cell, or only empty cells. */
static int row_blank(const row_t *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const char *s = r->cells[i].value;
        size_t n = strlen(s);
        trim(&s, &n);
        if (n)
            return 0;
    }
    return 1;
}

/*
 * A cell's mark: a plain number is a weight (0 to 100 fits; written unless it is 1); any
 * other mark is weight 1. Returns 0 with `weight` set, or -1 if the number is out of range.
 */
static int cell_weight(const char *s, size_t n, char *weight, size_t size)
{
    weight[0] = '\0';
    size_t i = (n && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    size_t digits = 0, dots = 0;
    for (size_t k = i; k < n; k++) {
        if (s[k] >= '0' && s[k] <= '9')
            digits++;
        else if (s[k] == '.')
            dots++;
        else
            return 0; /* a mark such as "X" */
    }
    if (!digits || dots > 1 || n - i > 20)
        return 0;
    char text[32];
    snprintf(text, sizeof text, "%.*s", (int)(n - i), s + i);
    double w = strtod(text, NULL);
    if ((i && s[0] == '-' && w != 0) || w > MAX_WEIGHT)
        return -1;
    if (w != 1.0 && size > 1) {
        size_t at = 0;
        if (text[0] == '.')
            weight[at++] = '0';
        for (size_t k = 0; text[k] && at + 1 < size; k++)
            weight[at++] = text[k];
        weight[at] = '\0';
    }
    return 0;
}

static void parse_dicx(slant_import *im, const char *data, size_t len)
{
    char delim = csv_delimiter(data, len);
    size_t pos = 0;
    long line = 1, line_start = 0;
    row_t r = { NULL, 0, 0, 0 };
    int got;
    /* The header: the first row that is not blank. */
    while ((got = csv_row(im, data, len, delim, &pos, &line, &line_start, &r)) == 1 &&
           row_blank(&r))
        ;
    if (got != 1) {
        if (got == 0)
            problem(im, SLANT_IMPORT_ERROR, 0, 0, "empty file: no header row");
        row_clear(&r);
        free(r.cells);
        return;
    }
    size_t term_col = SIZE_MAX;
    size_t ncols = r.n;
    long *col_cat = xmalloc(ncols * sizeof *col_cat);
    size_t *members = xmalloc(ncols * sizeof *members);
    char (*weights)[32] = xmalloc(ncols * sizeof *weights);
    for (size_t c = 0; c < ncols; c++) {
        const char *s = r.cells[c].value;
        size_t n = strlen(s);
        trim(&s, &n);
        col_cat[c] = -1;
        if (n == 7 && strncasecmp(s, "DicTerm", 7) == 0 && term_col == SIZE_MAX) {
            term_col = c;
        } else if (n == 0) {
            col_cat[c] = -2; /* checked below: must stay empty */
        } else if (find_category_named(im, s, n)) {
            problem(im, SLANT_IMPORT_ERROR, r.cells[c].line, r.cells[c].col,
                    "bad header: column '%.*s' appears twice", (int)n, s);
        } else {
            col_cat[c] = (long)add_category(im, s, n, -1, r.cells[c].line, "LIWC-22 category");
        }
    }
    if (term_col == SIZE_MAX)
        problem(im, SLANT_IMPORT_ERROR, r.line, 1,
                "bad header: no 'DicTerm' column (a .dicx file starts with a row "
                "'DicTerm,CATEGORY,...')");
    else if (im->ncats == 0)
        problem(im, SLANT_IMPORT_ERROR, r.line, 1,
                "bad header: no category column after 'DicTerm'");
    while (term_col != SIZE_MAX &&
           (got = csv_row(im, data, len, delim, &pos, &line, &line_start, &r)) == 1) {
        if (row_blank(&r))
            continue;
        if (r.n > ncols) {
            problem(im, SLANT_IMPORT_ERROR, r.line, r.cells[ncols].col,
                    "row has %zu fields, the header %zu", r.n, ncols);
            continue;
        }
        const cell_t *tc = term_col < r.n ? &r.cells[term_col] : NULL;
        const char *term = tc ? tc->value : "";
        size_t term_len = strlen(term);
        const char *t = term;
        trim(&t, &term_len);
        /* The categories it joins, with their weights. */
        size_t nm = 0;
        slant_buf names;
        slant_buf_init(&names, 1 << 16);
        for (size_t c = 0; c < r.n; c++) {
            if (c == term_col)
                continue;
            const char *s = r.cells[c].value;
            size_t n = strlen(s);
            trim(&s, &n);
            if (!n)
                continue;
            if (col_cat[c] == -2) {
                problem(im, SLANT_IMPORT_ERROR, r.cells[c].line, r.cells[c].col,
                        "a mark '%.*s' in column %zu, which has no category name", (int)n, s,
                        c + 1);
                continue;
            }
            if (col_cat[c] < 0)
                continue;
            if (cell_weight(s, n, weights[nm], sizeof weights[nm]) != 0) {
                problem(im, SLANT_IMPORT_DROPPED, r.cells[c].line, r.cells[c].col,
                        "cannot express weight '%.*s' of entry '%.*s' in category '%s' (slant "
                        "weights are 0 to 100); dropped",
                        (int)n, s, (int)term_len, t, im->cats[col_cat[c]].name);
                continue;
            }
            slant_buf_addf(&names, "%s'%s'", nm ? ", " : "", im->cats[col_cat[c]].name);
            members[nm++] = (size_t)col_cat[c];
        }
        if (!term_len) {
            if (nm)
                problem(im, SLANT_IMPORT_DROPPED, r.line, 1,
                        "row has marks but no term in column 'DicTerm'; dropped");
        } else if (!nm) {
            problem(im, SLANT_IMPORT_DROPPED, tc->line, tc->col,
                    "entry '%.*s' has no mark in any category; dropped", (int)term_len, t);
        } else {
            long col = tc->col + (long)(t - term);
            size_t e = add_entry(im, t, term_len, tc->line, col, names.data);
            for (size_t k = 0; k < nm; k++)
                add_member(im, members[k], e, weights[k]);
        }
        slant_buf_release(&names);
    }
    free(col_cat);
    free(members);
    free(weights);
    row_clear(&r);
    free(r.cells);
}

/* --- Lexicoder .lc3 ------------------------------------------------------------------ */

static void parse_lc3(slant_import *im, const char *data, size_t len)
{
    size_t pos = 0;
    line_t l = { NULL, 0, 0 };
    long cat = -1;
    int any = 0, before_reported = 0;
    while (next_line(data, len, &pos, &l)) {
        const char *s = l.s;
        size_t n = l.len;
        trim(&s, &n);
        if (!n)
            continue;
        any = 1;
        long col = (long)(s - l.s) + 1;
        if (s[0] == '+') {
            const char *name = s + 1;
            size_t nl = n - 1;
            trim(&name, &nl);
            if (!nl) {
                problem(im, SLANT_IMPORT_ERROR, l.number, col,
                        "bad category line: no name after '+'");
                cat = -1;
                continue;
            }
            const imp_category *c = find_category_named(im, name, nl);
            cat = c ? (long)(c - im->cats)
                    : (long)add_category(im, name, nl, -1, l.number, "Lexicoder category");
            continue;
        }
        if (cat < 0) {
            if (im->ncats == 0 && !before_reported++)
                problem(im, SLANT_IMPORT_ERROR, l.number, col,
                        "bad header: pattern '%.*s' before the first '+category' line",
                        (int)(n > 60 ? 60 : n), s);
            continue;
        }
        char name[600];
        snprintf(name, sizeof name, "'%s'", im->cats[cat].name);
        size_t e = add_entry(im, s, n, l.number, col, name);
        add_member(im, (size_t)cat, e, "");
    }
    if (!any)
        problem(im, SLANT_IMPORT_ERROR, 0, 0, "empty file: no '+category' line");
}

/* --- the import ---------------------------------------------------------------------- */

int slant_import_format_of(const char *path, slant_import_format *fmt)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return -1;
    if (strcasecmp(dot, ".dic") == 0)
        *fmt = SLANT_IMPORT_LIWC;
    else if (strcasecmp(dot, ".dicx") == 0)
        *fmt = SLANT_IMPORT_DICX;
    else if (strcasecmp(dot, ".lc3") == 0)
        *fmt = SLANT_IMPORT_LC3;
    else
        return -1;
    return 0;
}

int slant_import_format_named(const char *name, slant_import_format *fmt)
{
    if (strcmp(name, "liwc") == 0 || strcmp(name, "dic") == 0)
        *fmt = SLANT_IMPORT_LIWC;
    else if (strcmp(name, "dicx") == 0)
        *fmt = SLANT_IMPORT_DICX;
    else if (strcmp(name, "lc3") == 0 || strcmp(name, "lexicoder") == 0)
        *fmt = SLANT_IMPORT_LC3;
    else
        return -1;
    return 0;
}

/* The base name of `path` without its extension. */
static char *stem_of_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return xmemdup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

slant_status slant_import_parse(const char *data, size_t len, const char *path,
                                const slant_import_options *o, slant_import_report report,
                                void *ctx, slant_import **out, slant_error *err)
{
    *out = NULL;
    slant_import *im = xcalloc(1, sizeof *im);
    const char *stemmer = o->stemmer ? o->stemmer : "english";
    if (slant_keyer_init(&im->keyer, stemmer) != 0) {
        free(im);
        return slant_error_set(err, SLANT_ERR_USAGE, NULL, 0, 0,
                               "unknown stemmer '%s' (a Snowball algorithm such as english, "
                               "turkish or russian)",
                               stemmer);
    }
    im->format = o->format;
    im->stem = o->stem;
    im->path = xstrdup(path);
    const char *slash = strrchr(path, '/');
    im->base = xstrdup(slash ? slash + 1 : path);
    if (o->id) {
        im->id = xstrdup(o->id);
    } else {
        char *name = stem_of_path(path);
        char id[MAX_ID_BYTES + 1];
        size_t n = id_chars(name, strlen(name), id);
        im->id = n ? xmemdup(id, n) : xstrdup("imported");
        free(name);
    }
    im->language = xstrdup(o->language ? o->language : "en");
    im->stemmer = xstrdup(stemmer);
    im->report = report;
    im->ctx = ctx;
    slant_intern_init(&im->seen);
    slant_buf_init(&im->scratch, MAX_IMPORT_FILE_BYTES);

    slant_buf text;
    slant_buf_init(&text, MAX_IMPORT_FILE_BYTES * 2);
    if (decode(im, data, len, o->encoding, &text) == 0) {
        const char *t = text.data ? text.data : "";
        switch (o->format) {
        case SLANT_IMPORT_LIWC: parse_liwc(im, t, text.len); break;
        case SLANT_IMPORT_DICX: parse_dicx(im, t, text.len); break;
        case SLANT_IMPORT_LC3: parse_lc3(im, t, text.len); break;
        }
    }
    slant_buf_release(&text);
    if (im->counts.errors) {
        slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0, "%zu error%s in the %s file",
                        im->counts.errors, im->counts.errors == 1 ? "" : "s",
                        format_name(o->format));
        slant_import_free(im);
        return SLANT_ERR_INPUT;
    }
    im->counts.categories = im->ncats;
    for (size_t c = 0; c < im->ncats; c++)
        im->counts.entries += im->cats[c].nmembers;
    *out = im;
    return SLANT_OK;
}

slant_status slant_import_read(const char *path, const slant_import_options *o,
                               slant_import_report report, void *ctx, slant_import **out,
                               slant_error *err)
{
    *out = NULL;
    char *data;
    size_t len;
    slant_status st = slant_read_file(path, MAX_IMPORT_FILE_BYTES, &data, &len, err);
    if (st != SLANT_OK)
        return st;
    st = slant_import_parse(data, len, path, o, report, ctx, out, err);
    free(data);
    return st;
}

void slant_import_free(slant_import *im)
{
    if (!im)
        return;
    for (size_t c = 0; c < im->ncats; c++) {
        free(im->cats[c].name);
        free(im->cats[c].id);
        free(im->cats[c].definition);
        free(im->cats[c].members);
        free(im->cats[c].written);
    }
    free(im->cats);
    for (size_t e = 0; e < im->nentries; e++) {
        free(im->entries[e].source);
        free(im->entries[e].native);
    }
    free(im->entries);
    slant_intern_release(&im->seen);
    free(im->seen_entry);
    slant_keyer_release(&im->keyer);
    slant_buf_release(&im->scratch);
    free(im->path);
    free(im->base);
    free(im->id);
    free(im->language);
    free(im->stemmer);
    free(im);
}

slant_import_counts slant_import_get_counts(const slant_import *im)
{
    return im->counts;
}

const char *slant_import_path(const slant_import *im)
{
    return im->path;
}

long slant_import_origin(const slant_import *im, size_t cat, long line)
{
    if (cat >= im->ncats)
        return 0;
    const imp_category *c = &im->cats[cat];
    if (line < c->first_line || (size_t)(line - c->first_line) >= c->nwritten)
        return 0;
    return im->entries[c->members[c->written[line - c->first_line]].entry].line;
}

/* --- writing the directory ------------------------------------------------------------- */

static slant_status write_bytes(const char *path, const slant_buf *b, slant_error *err)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
                               strerror(errno));
    int bad = b->len && fwrite(b->data, 1, b->len, f) != b->len;
    bad |= fclose(f) != 0;
    if (bad)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
                               strerror(errno));
    return SLANT_OK;
}

static void json_member(slant_jw *w, slant_buf *b, const char *indent, const char *key,
                        const char *value, int last)
{
    slant_buf_addf(b, "%s\"%s\": ", indent, key);
    slant_jw_string(w, value, strlen(value));
    slant_buf_adds(b, last ? "\n" : ",\n");
}

static void manifest_text(const slant_import *im, slant_buf *b)
{
    slant_jw w;
    slant_jw_init(&w, b);
    char description[1024];
    snprintf(description, sizeof description,
             "Imported from %s (%s) by slant lexicon import; plain words %s.", im->base,
             format_name(im->format),
             im->stem ? "are stemmed (--stem)" : "are exact forms, as in the original");
    slant_buf_adds(b, "{\n");
    json_member(&w, b, "  ", "id", im->id, 0);
    json_member(&w, b, "  ", "version", "imported", 0);
    json_member(&w, b, "  ", "language", im->language, 0);
    json_member(&w, b, "  ", "stemmer", im->stemmer, 0);
    json_member(&w, b, "  ", "description", description, 0);
    slant_buf_adds(b, "  \"categories\": [\n");
    for (size_t c = 0; c < im->ncats; c++) {
        const imp_category *cat = &im->cats[c];
        char file[MAX_ID_BYTES + 32];
        snprintf(file, sizeof file, "%s.txt", cat->id);
        slant_buf_adds(b, "    {\n");
        json_member(&w, b, "      ", "id", cat->id, 0);
        json_member(&w, b, "      ", "file", file, 0);
        json_member(&w, b, "      ", "group", "loaded", 0);
        json_member(&w, b, "      ", "definition", cat->definition, 1);
        slant_buf_adds(b, c + 1 < im->ncats ? "    },\n" : "    }\n");
    }
    slant_buf_adds(b, "  ]\n}\n");
    slant_jw_release(&w);
}

/* The category file of `cat`; records the line of every member written. */
static void category_text(slant_import *im, imp_category *cat, slant_buf *b)
{
    long line = 0;
    slant_buf_addf(b, "# %s: %s\n", cat->id, cat->definition);
    line++;
    slant_buf_addf(b, "# Imported by slant lexicon import from %s.\n", im->base);
    line++;
    slant_buf_adds(b, im->stem ? "# Plain words are stemmed (--stem); word* is a prefix.\n"
                               : "# Plain words are =exact, as in the original; word* is a "
                                 "prefix.\n");
    line++;
    free(cat->written);
    cat->written = xmalloc((cat->nmembers ? cat->nmembers : 1) * sizeof *cat->written);
    cat->nwritten = 0;
    cat->first_line = line + 1;
    for (size_t k = 0; k < cat->nmembers; k++) {
        imp_member *m = &cat->members[k];
        m->out_line = 0;
        if (m->removed)
            continue;
        slant_buf_adds(b, im->entries[m->entry].native);
        if (m->weight[0])
            slant_buf_addf(b, "\t%s", m->weight);
        slant_buf_addc(b, '\n');
        m->out_line = ++line;
        cat->written[cat->nwritten++] = k;
    }
}

static char *category_path(const char *dir, const imp_category *cat)
{
    char file[MAX_ID_BYTES + 32];
    snprintf(file, sizeof file, "%s.txt", cat->id);
    return slant_path_join(dir, file);
}

static slant_status write_all(slant_import *im, const char *dir, slant_error *err)
{
    slant_buf b;
    slant_buf_init(&b, SIZE_MAX / 2);
    manifest_text(im, &b);
    char *path = slant_path_join(dir, "lexicon.json");
    slant_status st = write_bytes(path, &b, err);
    free(path);
    for (size_t c = 0; c < im->ncats && st == SLANT_OK; c++) {
        slant_buf_reset(&b);
        category_text(im, &im->cats[c], &b);
        path = category_path(dir, &im->cats[c]);
        st = write_bytes(path, &b, err);
        free(path);
    }
    slant_buf_release(&b);
    return st;
}

/* What the loader said about the lexicon just written. */
typedef struct {
    slant_error *items;
    size_t n, cap;
} error_list;

static void collect_error(const slant_error *err, void *ctx)
{
    error_list *l = ctx;
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = *err;
}

/* Drops the member the loader's error `e` is about; 0, or -1 if it is about no member. */
static int drop_rejected(slant_import *im, const char *dir, const slant_error *e)
{
    for (size_t c = 0; c < im->ncats; c++) {
        char *path = category_path(dir, &im->cats[c]);
        slant_error probe;
        slant_error_set(&probe, SLANT_ERR_INPUT, path, 0, 0, "%s", "");
        free(path);
        if (strcmp(probe.file, e->file) != 0)
            continue;
        imp_category *cat = &im->cats[c];
        for (size_t k = 0; k < cat->nmembers; k++) {
            imp_member *m = &cat->members[k];
            if (m->removed || m->out_line != e->line)
                continue;
            const imp_entry *x = &im->entries[m->entry];
            m->removed = 1;
            im->counts.entries--;
            problem(im, SLANT_IMPORT_DROPPED, x->line, x->col,
                    "cannot express entry '%s' of '%s': slant's loader says: %s; dropped",
                    x->source, cat->name, e->message);
            return 0;
        }
    }
    return -1;
}

slant_status slant_import_write(slant_import *im, const char *dir, slant_import_report report,
                                void *ctx, slant_error *err)
{
    im->report = report;
    im->ctx = ctx;
    for (int round = 0; round < VERIFY_ROUNDS; round++) {
        slant_status st = write_all(im, dir, err);
        if (st != SLANT_OK)
            return st;
        error_list l = { NULL, 0, 0 };
        slant_lexicon_check(dir, collect_error, &l);
        size_t unknown = SIZE_MAX;
        for (size_t i = 0; i < l.n; i++)
            if (drop_rejected(im, dir, &l.items[i]) != 0 && unknown == SIZE_MAX)
                unknown = i;
        size_t n = l.n;
        if (unknown != SIZE_MAX) {
            char text[1200];
            slant_error_format(&l.items[unknown], text, sizeof text);
            slant_error_set(err, SLANT_ERR_INPUT, im->path, 0, 0,
                            "the imported lexicon does not load: %s", text);
        }
        free(l.items);
        if (unknown != SIZE_MAX)
            return SLANT_ERR_INPUT;
        if (n == 0)
            return SLANT_OK;
    }
    return slant_error_set(err, SLANT_ERR_INPUT, im->path, 0, 0,
                           "the imported lexicon still does not load after dropping the "
                           "entries the loader rejected");
}

void slant_import_remove(const slant_import *im, const char *dir)
{
    char *path = slant_path_join(dir, "lexicon.json");
    unlink(path);
    free(path);
    for (size_t c = 0; c < im->ncats; c++) {
        path = category_path(dir, &im->cats[c]);
        unlink(path);
        free(path);
    }
    rmdir(dir);
}

slant_status slant_import_load(const char *path, const slant_import_options *o,
                               slant_import_report report, void *ctx, slant_lexicon **lex,
                               slant_import **keep, slant_error *err)
{
    *lex = NULL;
    if (keep)
        *keep = NULL;
    slant_import *im;
    slant_status st = slant_import_read(path, o, report, ctx, &im, err);
    if (st != SLANT_OK)
        return st;
    const char *tmp = getenv("TMPDIR");
    char *dir = slant_path_join(tmp && tmp[0] ? tmp : "/tmp", "slant-import-XXXXXX");
    if (!mkdtemp(dir)) {
        st = slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0,
                             "cannot make a temporary directory '%s': %s", dir,
                             strerror(errno));
        free(dir);
        slant_import_free(im);
        return st;
    }
    st = slant_import_write(im, dir, report, ctx, err);
    if (st == SLANT_OK)
        st = slant_lexicon_load(dir, lex, err);
    slant_import_remove(im, dir);
    free(dir);
    if (st == SLANT_OK && keep)
        *keep = im;
    else
        slant_import_free(im);
    return st;
}
