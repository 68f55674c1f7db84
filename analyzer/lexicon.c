#include "lexicon.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "file.h"
#include "hash.h"
#include "intern.h"
#include "lexicon_json.h"
#include "normalize.h"
#include "stem.h"
#include "tokenize.h"
#include "xalloc.h"

#define MAX_LEXICON_FILE_BYTES ((size_t)64 << 20)
#define MAX_WEIGHT 100.0

/* Pattern keys in the intern table: a kind byte, then the folded text. */
enum { KIND_STEM = 's', KIND_EXACT = 'e', KIND_PREFIX = 'p' };

struct slant_lexicon {
    slant_manifest manifest;
    char *dir;
    char hash[32];
    slant_category *cats;
    size_t ncats;

    slant_entry *entries;
    size_t nentries, entries_cap;
    uint32_t *entry_words;        /* entry i's pattern ids start at entry_first[i] */
    uint32_t *entry_first;
    size_t nwords, words_cap, first_cap;
    slant_arena strings;

    uint64_t content_hash;        /* the running hash behind `hash` */
    slant_intern patterns;
    size_t min_prefix, max_prefix; /* byte lengths of prefix patterns; min > max: none */

    /* The trie: edges in an open-addressing table keyed by (node, pattern). */
    uint64_t *edge_keys;          /* (node << 32 | pattern) + 1; 0 is empty */
    uint32_t *edge_child;
    size_t edge_slots, nedges;
    size_t nnodes;
    uint32_t *term_first;         /* node -> first index in terms, nnodes + 1 of them */
    uint32_t *terms;              /* entry indices, grouped by node, ascending */
    uint8_t *continues;           /* node -> 1 if it has children */
    uint8_t *follows;             /* pattern -> 1 if it is the second word of an entry or
                                   * a later one (an edge from a node below the root) */
};

/* --- the trie ---------------------------------------------------------------------- */

/* Fibonacci hashing: the top bits of the product, which every bit of the key reaches (a
 * middle slice leaves the node out of the slot while the table is small, and the edges of
 * one pattern from different nodes then pile up in one run). edge_slots is a power of two,
 * at least 1024. */
static size_t edge_slot(const slant_lexicon *lex, uint64_t key)
{
    uint64_t h = key * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> (64 - __builtin_ctzll((unsigned long long)lex->edge_slots)));
}

uint32_t slant_lexicon_step(const slant_lexicon *lex, uint32_t node, uint32_t pattern)
{
    uint64_t key = (((uint64_t)node << 32) | pattern) + 1;
    size_t mask = lex->edge_slots - 1;
    for (size_t i = edge_slot(lex, key);; i = (i + 1) & mask) {
        if (lex->edge_keys[i] == key)
            return lex->edge_child[i];
        if (!lex->edge_keys[i])
            return SLANT_TRIE_NONE;
    }
}

static void edges_grow(slant_lexicon *lex)
{
    uint64_t *keys = lex->edge_keys;
    uint32_t *child = lex->edge_child;
    size_t old = lex->edge_slots;
    lex->edge_slots = old ? old * 2 : 1024;
    lex->edge_keys = xcalloc(lex->edge_slots, sizeof *lex->edge_keys);
    lex->edge_child = xcalloc(lex->edge_slots, sizeof *lex->edge_child);
    size_t mask = lex->edge_slots - 1;
    for (size_t i = 0; i < old; i++) {
        if (!keys[i])
            continue;
        size_t j = edge_slot(lex, keys[i]);
        while (lex->edge_keys[j])
            j = (j + 1) & mask;
        lex->edge_keys[j] = keys[i];
        lex->edge_child[j] = child[i];
    }
    free(keys);
    free(child);
}

static uint32_t trie_add(slant_lexicon *lex, uint32_t node, uint32_t pattern)
{
    uint32_t child = slant_lexicon_step(lex, node, pattern);
    if (child != SLANT_TRIE_NONE)
        return child;
    if ((lex->nedges + 1) * 2 > lex->edge_slots)
        edges_grow(lex);
    uint64_t key = (((uint64_t)node << 32) | pattern) + 1;
    size_t mask = lex->edge_slots - 1;
    size_t i = edge_slot(lex, key);
    while (lex->edge_keys[i])
        i = (i + 1) & mask;
    lex->edge_keys[i] = key;
    lex->edge_child[i] = (uint32_t)lex->nnodes;
    lex->nedges++;
    return (uint32_t)lex->nnodes++;
}

typedef struct {
    uint32_t node, entry;
} node_entry;

static int cmp_node_entry(const void *a, const void *b)
{
    const node_entry *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->entry < y->entry ? -1 : (x->entry > y->entry);
}

static void build_trie(slant_lexicon *lex)
{
    lex->nnodes = 1; /* the root */
    edges_grow(lex);
    node_entry *ends = xmalloc((lex->nentries ? lex->nentries : 1) * sizeof *ends);
    for (size_t e = 0; e < lex->nentries; e++) {
        uint32_t node = SLANT_TRIE_ROOT;
        const uint32_t *w = lex->entry_words + lex->entry_first[e];
        for (uint32_t k = 0; k < lex->entries[e].nwords; k++)
            node = trie_add(lex, node, w[k]);
        ends[e].node = node;
        ends[e].entry = (uint32_t)e;
    }
    qsort(ends, lex->nentries, sizeof *ends, cmp_node_entry);
    lex->term_first = xcalloc(lex->nnodes + 1, sizeof *lex->term_first);
    lex->terms = xmalloc((lex->nentries ? lex->nentries : 1) * sizeof *lex->terms);
    for (size_t k = 0; k < lex->nentries; k++) {
        lex->terms[k] = ends[k].entry;
        lex->term_first[ends[k].node + 1]++;
    }
    for (size_t n = 0; n < lex->nnodes; n++)
        lex->term_first[n + 1] += lex->term_first[n];
    free(ends);
    lex->continues = xcalloc(lex->nnodes, 1);
    lex->follows = xcalloc(slant_intern_count(&lex->patterns) + 1, 1);
    for (size_t i = 0; i < lex->edge_slots; i++) {
        if (!lex->edge_keys[i])
            continue;
        uint64_t key = lex->edge_keys[i] - 1;
        lex->continues[key >> 32] = 1;
        if (key >> 32 != SLANT_TRIE_ROOT)
            lex->follows[(uint32_t)key] = 1;
    }
}

int slant_lexicon_follows(const slant_lexicon *lex, uint32_t pattern)
{
    return lex->follows[pattern];
}

int slant_lexicon_continues(const slant_lexicon *lex, uint32_t node)
{
    return lex->continues[node];
}

const uint32_t *slant_lexicon_entries_at(const slant_lexicon *lex, uint32_t node, size_t *n)
{
    *n = lex->term_first[node + 1] - lex->term_first[node];
    return lex->terms + lex->term_first[node];
}

/* --- patterns ---------------------------------------------------------------------- */

static uint32_t pattern_key(char *key, size_t cap, int kind, const char *s, size_t len)
{
    if (len + 1 > cap)
        len = cap - 1;
    key[0] = (char)kind;
    memcpy(key + 1, s, len);
    return (uint32_t)(len + 1);
}

static uint32_t find_pattern(const slant_lexicon *lex, int kind, const char *s, size_t len)
{
    char key[SLANT_MAX_WORD_BYTES * 4 + 16];
    if (len + 1 > sizeof key)
        return SLANT_INTERN_NONE;
    uint32_t n = pattern_key(key, sizeof key, kind, s, len);
    return slant_intern_find(&lex->patterns, key, n);
}

size_t slant_lexicon_patterns_of(const slant_lexicon *lex, const char *folded, size_t len,
                                 const char *stem, size_t stem_len, uint32_t *out,
                                 size_t max)
{
    size_t n = 0;
    uint32_t id;
    if (n < max && (id = find_pattern(lex, KIND_STEM, stem, stem_len)) != SLANT_INTERN_NONE)
        out[n++] = id;
    if (n < max && (id = find_pattern(lex, KIND_EXACT, folded, len)) != SLANT_INTERN_NONE)
        out[n++] = id;
    size_t hi = lex->max_prefix < len ? lex->max_prefix : len;
    for (size_t p = lex->min_prefix; p <= hi && n < max; p++) {
        if (p < len && ((unsigned char)folded[p] & 0xC0) == 0x80)
            continue; /* not a character boundary */
        if ((id = find_pattern(lex, KIND_PREFIX, folded, p)) != SLANT_INTERN_NONE)
            out[n++] = id;
    }
    return n;
}

/* --- parsing category files -------------------------------------------------------- */

/* What the loader needs while it reads entries. */
typedef struct {
    slant_lexicon *lex;
    slant_stemmer *stemmer;
    slant_folder folder;
    slant_doc doc;
    slant_intern seen;            /* (category, patterns) of every entry so far */
    uint32_t *seen_line;          /* seen id -> line */
    size_t seen_cap;
    slant_error *err;
    /* Checking: bad entries go here and loading goes on (NULL: the first one stops it). */
    void (*report)(const slant_error *err, void *ctx);
    void *report_ctx;
    size_t problems;
} loader;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* An error in an entry, at the column of `at` within the line starting at `ls`. */
static slant_status entry_error(loader *ld, const char *path, long line, const char *ls,
                                const char *at, const char *message, const char *subject)
{
    long col = (long)(at - ls) + 1;
    if (subject)
        return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, col, "%s '%s'", message,
                               subject);
    return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, col, "%s", message);
}

/* Reads the optional weight after an entry. */
static slant_status parse_weight(loader *ld, const char *path, long line, const char *ls,
                                 const char *p, const char *end, double *weight)
{
    while (p < end && is_space(*p))
        p++;
    *weight = 1.0;
    if (p == end)
        return SLANT_OK;
    char text[64];
    size_t n = (size_t)(end - p);
    while (n && is_space(p[n - 1]))
        n--;
    if (n >= sizeof text)
        n = sizeof text - 1;
    memcpy(text, p, n);
    text[n] = '\0';
    /* Plain decimals only: strtod alone would also take hex, exponents and "inf". */
    int plain = n > 0 && strspn(text, "0123456789.") == n && strchr(text, '.') == strrchr(text, '.');
    char *stop = text;
    double w = plain ? strtod(text, &stop) : NAN;
    if (!plain || stop == text || *stop)
        return entry_error(ld, path, line, ls, p,
                           strpbrk(text, "0123456789")
                               ? "invalid weight"
                               : "invalid weight (put a multi-word expression in double quotes)",
                           text);
    if (!isfinite(w) || w < 0 || w > MAX_WEIGHT)
        return entry_error(ld, path, line, ls, p, "weight out of range 0 to 100", text);
    *weight = w;
    return SLANT_OK;
}

/* Adds the patterns of the words in `phrase` to the lexicon's word list. */
static slant_status phrase_patterns(loader *ld, const char *path, long line, const char *ls,
                                    const char *phrase, size_t len, int exact, int prefix,
                                    uint32_t *words, uint32_t *nwords)
{
    slant_lexicon *lex = ld->lex;
    slant_doc *d = &ld->doc;
    slant_tokenize(d, phrase, len);
    if (d->ntokens == 0)
        return entry_error(ld, path, line, ls, phrase, "no word in entry", NULL);
    if (d->ntokens > SLANT_MAX_ENTRY_WORDS)
        return entry_error(ld, path, line, ls, phrase, "more than 8 words in expression", NULL);
    /* Every byte must belong to a word, except white space and joining hyphens. */
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        while (k < d->ntokens && d->tokens[k].end <= i)
            k++;
        if (k < d->ntokens && d->tokens[k].start <= i)
            continue;
        char c = phrase[i];
        if (is_space(c) || c == '-')
            continue;
        char bad[8];
        int32_t cp;
        int invalid;
        size_t n = slant_utf8_next(phrase + i, len - i, &cp, &invalid);
        snprintf(bad, sizeof bad, "%.*s", (int)n, phrase + i);
        return entry_error(ld, path, line, ls, phrase + i,
                           "a character that is not part of a word (quote marks and "
                           "punctuation cannot be matched):",
                           bad);
    }
    for (size_t t = 0; t < d->ntokens; t++) {
        const slant_token *tok = &d->tokens[t];
        size_t flen;
        const char *f = slant_fold(&ld->folder, phrase + tok->start, tok->end - tok->start, &flen);
        if (!f)
            return entry_error(ld, path, line, ls, phrase + tok->start, "word too long", NULL);
        char key[SLANT_MAX_WORD_BYTES * 4 + 16];
        uint32_t klen;
        int is_prefix = prefix && t + 1 == d->ntokens;
        if (is_prefix) {
            klen = pattern_key(key, sizeof key, KIND_PREFIX, f, flen);
            if (flen < lex->min_prefix)
                lex->min_prefix = flen;
            if (flen > lex->max_prefix)
                lex->max_prefix = flen;
        } else if (exact || (tok->flags & SLANT_TOK_NUMBER)) {
            klen = pattern_key(key, sizeof key, KIND_EXACT, f, flen);
        } else {
            size_t slen;
            const char *s = slant_stem(ld->stemmer, f, flen, &slen);
            klen = pattern_key(key, sizeof key, KIND_STEM, s, slen);
        }
        words[t] = slant_intern_add(&lex->patterns, key, klen, NULL);
    }
    *nwords = (uint32_t)d->ntokens;
    return SLANT_OK;
}

/* Rejects a second entry of the same category with the same patterns. */
static slant_status check_duplicate(loader *ld, uint32_t cat, const uint32_t *words,
                                    uint32_t nwords, const char *path, long line,
                                    const char *entry)
{
    uint32_t key[SLANT_MAX_ENTRY_WORDS + 1];
    key[0] = cat;
    memcpy(key + 1, words, nwords * sizeof *words);
    int added;
    uint32_t id = slant_intern_add(&ld->seen, (const char *)key,
                                   (nwords + 1) * sizeof *key, &added);
    if (!added)
        return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, 1,
                               "entry '%s' repeats line %u (the same words after folding "
                               "and stemming)",
                               entry, ld->seen_line[id]);
    ld->seen_line = xgrow(ld->seen_line, &ld->seen_cap, id + 1, sizeof *ld->seen_line);
    ld->seen_line[id] = (uint32_t)line;
    return SLANT_OK;
}

/* Parses one entry in [from, le) of the line starting at `ls` (columns count from `ls`). */
static slant_status parse_entry(loader *ld, uint32_t cat, const char *path, long line,
                                const char *ls, const char *from, const char *le)
{
    slant_lexicon *lex = ld->lex;
    /* Cut the comment: a '#' outside double quotes. */
    int quoted = 0;
    const char *end = from;
    while (end < le && (*end != '#' || quoted)) {
        if (*end == '"')
            quoted = !quoted;
        end++;
    }
    const char *p = from;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    if (p == end)
        return SLANT_OK;
    if (slant_utf8_count_invalid(p, (size_t)(end - p)))
        return entry_error(ld, path, line, ls, p, "invalid UTF-8 in entry", NULL);

    const char *entry_start = p;
    int exact = 0, prefix = 0;
    const char *curly = p + (*p == '=');
    if (!strncmp(curly, "\xE2\x80\x9C", 3) || !strncmp(curly, "\xE2\x80\x9D", 3) ||
        !strncmp(curly, "\xE2\x80\x9E", 3))
        return entry_error(ld, path, line, ls, curly,
                           "curly quotes cannot delimit an expression: use straight double "
                           "quotes",
                           NULL);
    if (*p == '=') {
        exact = 1;
        p++;
    }
    const char *phrase, *phrase_end, *rest;
    if (*p == '"') {
        phrase = p + 1;
        const char *close = memchr(phrase, '"', (size_t)(end - phrase));
        if (!close)
            return entry_error(ld, path, line, ls, p, "unclosed double quote", NULL);
        phrase_end = close;
        rest = close + 1;
        if (rest < end && !is_space(*rest))
            return entry_error(ld, path, line, ls, rest,
                               "white space must follow the closing quote", NULL);
    } else {
        phrase = p;
        phrase_end = p;
        while (phrase_end < end && !is_space(*phrase_end))
            phrase_end++;
        rest = phrase_end;
    }
    if (phrase_end > phrase && phrase_end[-1] == '*') {
        prefix = 1;
        phrase_end--;
    }
    const char *star = memchr(phrase, '*', (size_t)(phrase_end - phrase));
    if (star)
        return entry_error(ld, path, line, ls, star,
                           "'*' is allowed only at the end of an entry", NULL);
    if (prefix && exact)
        return entry_error(ld, path, line, ls, entry_start,
                           "an entry cannot be both exact '=' and a prefix '*'", NULL);
    if (prefix && (phrase_end == phrase || phrase_end[-1] == ' ' || phrase_end[-1] == '-'))
        return entry_error(ld, path, line, ls, phrase_end, "'*' must follow a word", NULL);

    double weight;
    slant_status st = parse_weight(ld, path, line, ls, rest, end, &weight);
    if (st != SLANT_OK)
        return st;

    uint32_t words[SLANT_MAX_ENTRY_WORDS];
    uint32_t nwords = 0;
    st = phrase_patterns(ld, path, line, ls, phrase, (size_t)(phrase_end - phrase), exact,
                         prefix, words, &nwords);
    if (st != SLANT_OK)
        return st;

    const char *text_end = rest;
    char *text = slant_arena_strdup(&lex->strings, entry_start,
                                    (size_t)(text_end - entry_start));
    st = check_duplicate(ld, cat, words, nwords, path, line, text);
    if (st != SLANT_OK)
        return st;

    lex->entries = xgrow(lex->entries, &lex->entries_cap, lex->nentries + 1,
                         sizeof *lex->entries);
    lex->entry_first = xgrow(lex->entry_first, &lex->first_cap, lex->nentries + 1,
                             sizeof *lex->entry_first);
    lex->entry_words = xgrow(lex->entry_words, &lex->words_cap, lex->nwords + nwords,
                             sizeof *lex->entry_words);
    slant_entry *e = &lex->entries[lex->nentries];
    e->category = cat;
    e->nwords = nwords;
    e->weight = weight;
    e->text = text;
    e->file = path;
    e->line = (uint32_t)line;
    e->stance = NULL;
    lex->entry_first[lex->nentries] = (uint32_t)lex->nwords;
    memcpy(lex->entry_words + lex->nwords, words, nwords * sizeof *words);
    lex->nwords += nwords;
    lex->nentries++;
    lex->cats[cat].nentries++;
    return SLANT_OK;
}

static slant_status parse_line(loader *ld, uint32_t cat, const char *path, long line,
                               const char *ls, const char *le)
{
    return parse_entry(ld, cat, path, line, ls, ls, le);
}

static slant_status parse_category_file(loader *ld, uint32_t cat, const char *path,
                                        const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3; /* a byte order mark */
    long line = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        if (memchr(p, '\0', (size_t)(le - p)))
            return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, 0,
                                   "NUL byte in a lexicon file");
        slant_status st = parse_line(ld, cat, path, line, p, le);
        if (st != SLANT_OK && ld->report) {
            ld->report(ld->err, ld->report_ctx);
            ld->problems++;
        } else if (st != SLANT_OK) {
            return st;
        }
        p = nl ? nl + 1 : end;
    }
    return SLANT_OK;
}

/* --- loading ----------------------------------------------------------------------- */

static int valid_category_id(const char *id)
{
    if (!*id)
        return 0;
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return 0;
    return 1;
}

static slant_status load_categories(slant_lexicon *lex, loader *ld, uint64_t *hash,
                                    const char *manifest_path)
{
    slant_manifest *m = &lex->manifest;
    lex->ncats = m->ncategories;
    lex->cats = xcalloc(lex->ncats ? lex->ncats : 1, sizeof *lex->cats);
    for (size_t i = 0; i < m->ncategories; i++) {
        const slant_manifest_category *mc = &m->categories[i];
        if (!valid_category_id(mc->id))
            return slant_error_set(ld->err, SLANT_ERR_INPUT, manifest_path, 0, 0,
                                   "invalid category id '%s' (use a-z, 0-9 and _)", mc->id);
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->categories[j].id, mc->id) == 0)
                return slant_error_set(ld->err, SLANT_ERR_INPUT, manifest_path, 0, 0,
                                       "category '%s' is listed twice", mc->id);
        if (strstr(mc->file, "..") || mc->file[0] == '/')
            return slant_error_set(ld->err, SLANT_ERR_INPUT, manifest_path, 0, 0,
                                   "category file '%s' must lie inside the lexicon directory",
                                   mc->file);
        slant_category *c = &lex->cats[i];
        c->first_entry = 0;
        c->id = mc->id;
        c->group = mc->group;
        c->polarity = mc->polarity;
        c->definition = mc->definition;
        c->label = mc->label;
        c->role = mc->role;
    }
    for (size_t i = 0; i < m->ncategories; i++) {
        char *joined = slant_path_join(lex->dir, m->categories[i].file);
        char *path = slant_arena_strdup(&lex->strings, joined, strlen(joined));
        free(joined);
        char *data;
        size_t len;
        slant_status st = slant_read_file(path, MAX_LEXICON_FILE_BYTES, &data, &len, ld->err);
        if (st != SLANT_OK)
            return st;
        *hash = slant_hash64_more(*hash, m->categories[i].file, strlen(m->categories[i].file) + 1);
        *hash = slant_hash64_more(*hash, data, len);
        lex->cats[i].first_entry = lex->nentries;
        st = parse_category_file(ld, (uint32_t)i, path, data, len);
        free(data);
        if (st != SLANT_OK)
            return st;
    }
    return SLANT_OK;
}

/* Adds one concept of variants.json as a category whose entries are its variants. */
static slant_status load_concept(slant_lexicon *lex, loader *ld, const char *vpath,
                                 const slant_manifest_concept *mc)
{
    if (!valid_category_id(mc->id))
        return slant_error_set(ld->err, SLANT_ERR_INPUT, vpath, 0, 0,
                               "invalid concept id '%s' (use a-z, 0-9 and _)", mc->id);
    if (slant_lexicon_find_category(lex, mc->id) >= 0)
        return slant_error_set(ld->err, SLANT_ERR_INPUT, vpath, 0, 0,
                               "concept id '%s' is already a category or concept id", mc->id);
    uint32_t cat = (uint32_t)lex->ncats++;
    slant_category *c = &lex->cats[cat];
    memset(c, 0, sizeof *c);
    c->id = mc->id;
    c->group = "contested";
    c->definition = mc->referent;
    c->concept = 1;
    c->first_entry = lex->nentries;
    /* Errors in a variant name the file, the concept, and the variant's number as the line. */
    char where[512];
    snprintf(where, sizeof where, "%s (concept '%s', variant)", vpath, mc->id);
    const char *path = slant_arena_strdup(&lex->strings, where, strlen(where));
    for (size_t k = 0; k < mc->nvariants; k++) {
        const char *e = mc->variants[k].entry;
        size_t before = lex->nentries;
        slant_status st = parse_line(ld, cat, path, (long)k + 1, e, e + strlen(e));
        if (st != SLANT_OK)
            return st;
        if (lex->nentries == before)
            return slant_error_set(ld->err, SLANT_ERR_INPUT, path, (long)k + 1, 0,
                                   "empty variant");
        lex->entries[before].stance = mc->variants[k].stance;
    }
    return SLANT_OK;
}

/* Loads variants.json when the lexicon directory has one. */
static slant_status load_concepts(slant_lexicon *lex, loader *ld, uint64_t *hash)
{
    char *joined = slant_path_join(lex->dir, "variants.json");
    const char *vpath = slant_arena_strdup(&lex->strings, joined, strlen(joined));
    free(joined);
    struct stat sb;
    if (stat(vpath, &sb) != 0)
        return SLANT_OK; /* no contested concepts */
    char *data;
    size_t len;
    slant_status st = slant_read_file(vpath, MAX_LEXICON_FILE_BYTES, &data, &len, ld->err);
    if (st != SLANT_OK)
        return st;
    *hash = slant_hash64_more(*hash, "variants.json", sizeof "variants.json");
    *hash = slant_hash64_more(*hash, data, len);
    st = slant_json_parse_variants(data, len, vpath, &lex->manifest, ld->err);
    free(data);
    if (st != SLANT_OK)
        return st;
    lex->cats = xrealloc(lex->cats, (lex->ncats + lex->manifest.nconcepts) * sizeof *lex->cats);
    for (size_t i = 0; i < lex->manifest.nconcepts && st == SLANT_OK; i++)
        st = load_concept(lex, ld, vpath, &lex->manifest.concepts[i]);
    return st;
}

/* --- actors ------------------------------------------------------------------------------- */

/* Adds one actor line `id: alias, alias, ...` as a category. */
static slant_status actor_line(slant_lexicon *lex, loader *ld, const char *path, long line,
                               const char *ls, const char *le)
{
    const char *colon = memchr(ls, ':', (size_t)(le - ls));
    const char *p = ls;
    while (p < le && is_space(*p))
        p++;
    if (!colon)
        return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, (long)(p - ls) + 1,
                               "expected 'actor_id: alias, alias, ...'");
    const char *id_end = colon;
    while (id_end > p && is_space(id_end[-1]))
        id_end--;
    char *id = slant_arena_strdup(&lex->strings, p, (size_t)(id_end - p));
    if (!valid_category_id(id) || slant_lexicon_find_category(lex, id) >= 0)
        return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, (long)(p - ls) + 1,
                               "actor id '%s' must be new and use a-z, 0-9 and _", id);
    lex->cats = xrealloc(lex->cats, (lex->ncats + 1) * sizeof *lex->cats);
    uint32_t cat = (uint32_t)lex->ncats++;
    slant_category *c = &lex->cats[cat];
    memset(c, 0, sizeof *c);
    c->id = id;
    c->group = "actor";
    c->definition = path;
    c->actor = 1;
    c->first_entry = lex->nentries;
    /* Aliases: split at commas outside double quotes. */
    const char *a = colon + 1;
    int quoted = 0;
    for (const char *q = a;; q++) {
        if (q < le && *q == '"')
            quoted = !quoted;
        if (q < le && (*q != ',' || quoted) && *q != '#')
            continue;
        slant_status st = parse_entry(ld, cat, path, line, ls, a, q);
        if (st != SLANT_OK)
            return st;
        if (q >= le || *q == '#')
            break;
        a = q + 1;
    }
    lex->cats[cat].nentries = lex->nentries - lex->cats[cat].first_entry;
    if (!lex->cats[cat].nentries)
        return slant_error_set(ld->err, SLANT_ERR_INPUT, path, line, 0,
                               "actor '%s' has no alias", id);
    return SLANT_OK;
}

static slant_status load_actors(slant_lexicon *lex, loader *ld, const char *path, uint64_t *hash)
{
    char *data;
    size_t len;
    const char *stored = slant_arena_strdup(&lex->strings, path, strlen(path));
    slant_status st = slant_read_file(stored, MAX_LEXICON_FILE_BYTES, &data, &len, ld->err);
    if (st != SLANT_OK)
        return st;
    *hash = slant_hash64_more(*hash, data, len);
    const char *p = data, *end = data + len;
    long line = 0;
    while (p < end && st == SLANT_OK) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        const char *q = p;
        while (q < le && is_space(*q))
            q++;
        if (memchr(p, '\0', (size_t)(le - p)))
            st = slant_error_set(ld->err, SLANT_ERR_INPUT, stored, line, 0, "NUL byte");
        else if (q < le && *q != '#')
            st = actor_line(lex, ld, stored, line, p, le);
        p = nl ? nl + 1 : end;
    }
    free(data);
    return st;
}

static void loader_init(loader *ld, slant_lexicon *lex, slant_error *err)
{
    memset(ld, 0, sizeof *ld);
    ld->lex = lex;
    ld->err = err;
    slant_folder_init(&ld->folder);
    slant_doc_init(&ld->doc);
    slant_intern_init(&ld->seen);
}

static void loader_release(loader *ld)
{
    slant_folder_release(&ld->folder);
    slant_doc_release(&ld->doc);
    slant_intern_release(&ld->seen);
    free(ld->seen_line);
    slant_stemmer_free(ld->stemmer);
}

/* Frees the trie, to build it again with more entries. */
static void trie_release(slant_lexicon *lex)
{
    free(lex->edge_keys);
    free(lex->edge_child);
    free(lex->term_first);
    free(lex->terms);
    free(lex->continues);
    free(lex->follows);
    lex->continues = NULL;
    lex->follows = NULL;
    lex->edge_keys = NULL;
    lex->edge_child = NULL;
    lex->term_first = NULL;
    lex->terms = NULL;
    lex->edge_slots = lex->nedges = lex->nnodes = 0;
}

static void finish(slant_lexicon *lex, uint64_t hash)
{
    snprintf(lex->hash, sizeof lex->hash, "fnv1a64:%016llx", (unsigned long long)hash);
    lex->content_hash = hash;
    if (lex->min_prefix > lex->max_prefix) {
        lex->min_prefix = 1;
        lex->max_prefix = 0;
    }
    trie_release(lex);
    build_trie(lex);
}

slant_status slant_lexicon_add_actors(slant_lexicon *lex, const char *path, slant_error *err)
{
    loader ld;
    loader_init(&ld, lex, err);
    ld.stemmer = slant_stemmer_new(lex->manifest.stemmer);
    uint64_t hash = lex->content_hash;
    size_t ncats = lex->ncats, nentries = lex->nentries;
    slant_status st = load_actors(lex, &ld, path, &hash);
    if (st == SLANT_OK) {
        finish(lex, hash);
    } else { /* leave the lexicon as it was */
        lex->ncats = ncats;
        lex->nentries = nentries;
    }
    loader_release(&ld);
    return st;
}

static slant_status load(const char *dir, slant_lexicon **out, slant_error *err,
                         void (*report)(const slant_error *err, void *ctx), void *ctx,
                         size_t *problems)
{
    *out = NULL;
    slant_lexicon *lex = xcalloc(1, sizeof *lex);
    lex->dir = xstrdup(dir);
    slant_arena_init(&lex->strings, 65536);
    slant_intern_init(&lex->patterns);
    lex->min_prefix = SIZE_MAX;

    char *manifest_path = slant_path_join(dir, "lexicon.json");
    char *data = NULL;
    size_t len = 0;
    loader ld;
    loader_init(&ld, lex, err);
    ld.report = report;
    ld.report_ctx = ctx;

    slant_status st = slant_read_file(manifest_path, MAX_LEXICON_FILE_BYTES, &data, &len, err);
    if (st == SLANT_OK)
        st = slant_json_parse_manifest(data, len, manifest_path, &lex->manifest, err);
    if (st == SLANT_OK) {
        ld.stemmer = slant_stemmer_new(lex->manifest.stemmer);
        if (!ld.stemmer)
            st = slant_error_set(err, SLANT_ERR_INPUT, manifest_path, 0, 0,
                                 "unknown stemmer '%s' (a Snowball algorithm such as english, turkish or russian)",
                                 lex->manifest.stemmer);
    }
    uint64_t hash = slant_hash64(data ? data : "", len);
    if (st == SLANT_OK)
        st = load_categories(lex, &ld, &hash, manifest_path);
    if (st == SLANT_OK)
        st = load_concepts(lex, &ld, &hash);
    for (size_t i = 0; st == SLANT_OK && i < lex->manifest.nactors; i++) {
        /* Actor files may sit beside the lexicon directory (lexicons/actors/): "../" is
         * allowed here, unlike for category files. */
        char *apath = slant_path_join(dir, lex->manifest.actors[i]);
        st = load_actors(lex, &ld, apath, &hash);
        free(apath);
    }
    if (st == SLANT_OK)
        finish(lex, hash);
    free(data);
    free(manifest_path);
    loader_release(&ld);
    if (problems)
        *problems = ld.problems;
    if (st != SLANT_OK) {
        slant_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return SLANT_OK;
}

slant_status slant_lexicon_load(const char *dir, slant_lexicon **out, slant_error *err)
{
    return load(dir, out, err, NULL, NULL, NULL);
}

size_t slant_lexicon_check(const char *dir, void (*report)(const slant_error *err, void *ctx),
                           void *ctx)
{
    slant_lexicon *lex;
    slant_error err;
    slant_error_clear(&err);
    size_t problems = 0;
    if (load(dir, &lex, &err, report, ctx, &problems) != SLANT_OK) {
        report(&err, ctx); /* what stopped the check */
        problems++;
    }
    slant_lexicon_free(lex);
    return problems;
}

void slant_lexicon_free(slant_lexicon *lex)
{
    if (!lex)
        return;
    slant_manifest_release(&lex->manifest);
    free(lex->dir);
    free(lex->cats);
    free(lex->entries);
    free(lex->entry_words);
    free(lex->entry_first);
    slant_arena_release(&lex->strings);
    slant_intern_release(&lex->patterns);
    trie_release(lex);
    free(lex);
}

const char *slant_lexicon_id(const slant_lexicon *lex) { return lex->manifest.id; }
const char *slant_lexicon_version(const slant_lexicon *lex) { return lex->manifest.version; }
const char *slant_lexicon_language(const slant_lexicon *lex) { return lex->manifest.language; }
const char *slant_lexicon_stemmer(const slant_lexicon *lex) { return lex->manifest.stemmer; }
const char *slant_lexicon_dir(const slant_lexicon *lex) { return lex->dir; }
const char *slant_lexicon_hash(const slant_lexicon *lex) { return lex->hash; }
size_t slant_lexicon_ncategories(const slant_lexicon *lex) { return lex->ncats; }
size_t slant_lexicon_nentries(const slant_lexicon *lex) { return lex->nentries; }

const slant_category *slant_lexicon_category(const slant_lexicon *lex, size_t i)
{
    return &lex->cats[i];
}

const slant_entry *slant_lexicon_entry(const slant_lexicon *lex, size_t i)
{
    return &lex->entries[i];
}

long slant_lexicon_find_category(const slant_lexicon *lex, const char *id)
{
    for (size_t i = 0; i < lex->ncats; i++)
        if (strcmp(lex->cats[i].id, id) == 0)
            return (long)i;
    return -1;
}

long slant_lexicon_find_role(const slant_lexicon *lex, slant_role role)
{
    for (size_t i = 0; i < slant_lexicon_ncategories(lex); i++)
        if (slant_lexicon_category(lex, i)->role == role)
            return (long)i;
    return -1;
}

int slant_category_in_index(const slant_category *c)
{
    if (c->concept || c->actor || !c->group)
        return 0;
    return strcmp(c->group, "loaded") == 0 || strcmp(c->group, "contested") == 0;
}
