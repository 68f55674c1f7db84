/*
 * Importers of LIWC .dic, LIWC-22 .dicx and Lexicoder .lc3 dictionaries: what every
 * import shares. The header (lexicon_import.h) states the rules; an import runs
 *
 *   decode (UTF-8 check or Latin-1 conversion) -> lines -> one parser per format
 *   (lexicon_import_liwc.c, _dicx.c, _lc3.c) -> translate each entry into native syntax
 *   (or drop it, saying why) -> merge entries that match the same words -> write the
 *   directory -> load it back with the real loader, dropping what it rejects
 *   (lexicon_import_write.c).
 *
 * This file holds the imported lexicon (categories, entries, members), the translation
 * and merging of entries, decoding, and the import's entry points.
 */
#include "lexicon_import.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "file.h"
#include "lexicon_import_impl.h"
#include "xalloc.h"

/* --- the imported lexicon ------------------------------------------------------------ */

const char *slant_imp_format_name(slant_import_format f)
{
    switch (f) {
    case SLANT_IMPORT_LIWC: return "LIWC .dic";
    case SLANT_IMPORT_DICX: return "LIWC-22 .dicx";
    case SLANT_IMPORT_LC3: return "Lexicoder .lc3";
    }
    return "?";
}

/* Counts a problem and passes it to the report callback. */
void slant_imp_problem(slant_import *im, slant_import_severity sev, long line, long col,
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

int slant_imp_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* Trims blanks (and a stray carriage return) at both ends of [*s, *s + *n). */
void slant_imp_trim(const char **s, size_t *n)
{
    while (*n && (slant_imp_is_blank(**s) || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && (slant_imp_is_blank((*s)[*n - 1]) || (*s)[*n - 1] == '\r'))
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
        if (slant_imp_is_blank(s[i]) || s[i] == '\r' || s[i] == '\n') {
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
imp_category *slant_imp_find_category(slant_import *im, const char *name, size_t len)
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
size_t slant_imp_add_category(slant_import *im, const char *name, size_t len, long number,
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
        slant_imp_problem(im, SLANT_IMPORT_NOTE, line, 0,
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
    slant_imp_trim(&p, &n);
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
size_t slant_imp_add_entry(slant_import *im, const char *text, size_t len, long line, long col,
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
    slant_buf_init(&native, SLANT_FIELD_MAX_BYTES);
    char why[256];
    if (translate(im, e->source, n, &native, why, sizeof why) == 0) {
        e->native = xmemdup(native.data, native.len);
    } else {
        slant_imp_problem(im, SLANT_IMPORT_DROPPED, line, col, "cannot express entry '%s'%s%s: %s; dropped",
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
void slant_imp_add_member(slant_import *im, size_t cat, size_t entry, const char *weight)
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
            slant_imp_problem(im, SLANT_IMPORT_DROPPED, e->line, e->col,
                    "entry '%s' of category '%s' matches what line %ld's '%s' matches, with "
                    "another weight (%s, not %s); dropped",
                    e->source, c->name, first->line, first->source, weight[0] ? weight : "1",
                    fm->weight[0] ? fm->weight : "1");
        } else if (first != e) {
            slant_imp_problem(im, SLANT_IMPORT_MERGED, e->line, e->col,
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
                slant_imp_problem(im, SLANT_IMPORT_ERROR, line, col,
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
                slant_imp_problem(im, SLANT_IMPORT_ERROR, line, col,
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

/* The next line at `*pos` of `len` bytes of `data` (\n, \r\n or \r end a line); 0 at the end. */
int slant_imp_next_line(const char *data, size_t len, size_t *pos, line_t *l)
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
        case SLANT_IMPORT_LIWC: slant_imp_parse_liwc(im, t, text.len); break;
        case SLANT_IMPORT_DICX: slant_imp_parse_dicx(im, t, text.len); break;
        case SLANT_IMPORT_LC3: slant_imp_parse_lc3(im, t, text.len); break;
        }
    }
    slant_buf_release(&text);
    if (im->counts.errors) {
        slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0, "%zu error%s in the %s file",
                        im->counts.errors, im->counts.errors == 1 ? "" : "s",
                        slant_imp_format_name(o->format));
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
