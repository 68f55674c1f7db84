/* compare's fast reader of score records (see score_read.h). No JSON library: a scan of
 * the record into a flat array of values, then the members compare reads, in the order and
 * with the meaning score_json.c's slant_json_read_score gives them. */

#include "score_read.h"
#include "score_read_parts.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "indicator.h"
#include "jsonline.h"
#include "xalloc.h"

enum { V_NULL, V_FALSE, V_TRUE, V_NUMBER, V_STRING, V_ARRAY, V_OBJECT };

#define NONE UINT32_MAX
#define MAX_DEPTH 1000   /* cJSON's nesting limit: deeper records go to it, and fail there */
#define MAX_NUMBER 63    /* longer numbers go to cJSON, which reads them its own way */

/* One value of the record: its text in the line (a string between its quotes, a number as
 * written), the name it has in its object, its first child and its next sibling. */
typedef struct {
    uint8_t type;
    uint8_t escaped;          /* a string with a backslash: decode before use */
    uint32_t key, keylen;     /* the member name (without quotes); keylen 0 and key NONE: none */
    uint32_t at, n;
    uint32_t child, next;
} node;

struct slant_score_reader {
    const char *line;
    size_t len;
    node *nodes;
    size_t nnodes, nodes_cap;
    slant_score_parsed *p;    /* what the record being parsed goes into */
    slant_score_parsed own;   /* for slant_score_reader_read */
    size_t fallbacks;
};

static void parsed_init(slant_score_parsed *p)
{
    memset(p, 0, sizeof *p);
    slant_buf_init(&p->strings, SIZE_MAX / 2);
}

static void parsed_release(slant_score_parsed *p)
{
    slant_buf_release(&p->strings);
    free(p->names);
    free(p->ids);
    free(p->values);
    free(p->adds);
    free(p->sig);
}

slant_score_parsed *slant_score_parsed_new(void)
{
    slant_score_parsed *p = xmalloc(sizeof *p);
    parsed_init(p);
    return p;
}

void slant_score_parsed_free(slant_score_parsed *p)
{
    if (!p)
        return;
    parsed_release(p);
    free(p);
}

slant_score_reader *slant_score_reader_new(void)
{
    slant_score_reader *r = xcalloc(1, sizeof *r);
    parsed_init(&r->own);
    return r;
}

void slant_score_reader_free(slant_score_reader *r)
{
    if (!r)
        return;
    free(r->nodes);
    parsed_release(&r->own);
    free(r);
}

size_t slant_score_reader_fallbacks(const slant_score_reader *r) { return r->fallbacks; }

/* --- the scan ----------------------------------------------------------------------------- */

static size_t skip_ws(const slant_score_reader *r, size_t p)
{
    while (p < r->len) {
        char c = r->line[p];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p++;
    }
    return p;
}

/* A string whose opening quote is at `p`: sets its text span and whether it has escapes;
 * returns the position after the closing quote, or 0 for anything not taken as it is
 * (a raw control byte, a bad escape, "\u0000", a lone surrogate). */
static size_t scan_string(const slant_score_reader *r, size_t p, uint32_t *at, uint32_t *n,
                          uint8_t *escaped)
{
    const char *s = r->line;
    size_t len = r->len;
    *escaped = 0;
    for (size_t k = p + 1; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c == '"') {
            *at = (uint32_t)(p + 1);
            *n = (uint32_t)(k - p - 1);
            return k + 1;
        }
        if (c < 0x20)
            return 0;
        if (c != '\\')
            continue;
        *escaped = 1;
        if (k + 1 >= len)
            return 0;
        char e = s[k + 1];
        if (e != 'u') {
            if (!e || !strchr("\"\\/bfnrt", e))
                return 0;
            k++;
            continue;
        }
        unsigned v, w;
        if (k + 6 > len || !slant_jsonline_hex4(s + k + 2, &v) || v == 0 ||
            (v >= 0xDC00 && v <= 0xDFFF))
            return 0;
        if (v >= 0xD800 && v <= 0xDBFF) {
            if (k + 12 > len || s[k + 6] != '\\' || s[k + 7] != 'u' ||
                !slant_jsonline_hex4(s + k + 8, &w) || w < 0xDC00 || w > 0xDFFF)
                return 0;
            k += 6;
        }
        k += 5;
    }
    return 0;
}

static int digit(char c) { return c >= '0' && c <= '9'; }

/* A number as JSON writes it, from `p`: its end, or 0. */
static size_t scan_number(const slant_score_reader *r, size_t p)
{
    const char *s = r->line;
    size_t i = p, len = r->len;
    if (i < len && s[i] == '-')
        i++;
    if (i >= len || !digit(s[i]))
        return 0;
    if (s[i] == '0')
        i++;
    else
        while (i < len && digit(s[i]))
            i++;
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || !digit(s[i]))
            return 0;
        while (i < len && digit(s[i]))
            i++;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= len || !digit(s[i]))
            return 0;
        while (i < len && digit(s[i]))
            i++;
    }
    if (i - p > MAX_NUMBER)
        return 0;
    /* cJSON reads on over these: what follows must end the number for both readers */
    if (i < len && (s[i] == '+' || s[i] == '-' || s[i] == 'e' || s[i] == 'E' || s[i] == '.'))
        return 0;
    return i;
}

static uint32_t new_node(slant_score_reader *r, uint8_t type)
{
    r->nodes = xgrow(r->nodes, &r->nodes_cap, r->nnodes + 1, sizeof *r->nodes);
    node *x = &r->nodes[r->nnodes];
    memset(x, 0, sizeof *x);
    x->type = type;
    x->key = NONE;
    x->child = NONE;
    x->next = NONE;
    return (uint32_t)r->nnodes++;
}

/* The value at `*p` (white space skipped), as node *out; 0 when not taken. */
static int scan_value(slant_score_reader *r, size_t *p, int depth, uint32_t *out)
{
    const char *s = r->line;
    size_t i = skip_ws(r, *p);
    if (i >= r->len)
        return 0;
    char c = s[i];
    if (c == '"') {
        uint32_t x = new_node(r, V_STRING), at, n;
        uint8_t esc;
        size_t end = scan_string(r, i, &at, &n, &esc);
        if (!end)
            return 0;
        r->nodes[x].at = at;
        r->nodes[x].n = n;
        r->nodes[x].escaped = esc;
        *p = end;
        *out = x;
        return 1;
    }
    if (c == '{' || c == '[') {
        if (depth >= MAX_DEPTH)
            return 0;
        int object = c == '{';
        uint32_t x = new_node(r, object ? V_OBJECT : V_ARRAY), last = NONE;
        i = skip_ws(r, i + 1);
        if (i < r->len && s[i] == (object ? '}' : ']')) {
            *p = i + 1;
            *out = x;
            return 1;
        }
        for (;;) {
            uint32_t key = NONE, keylen = 0;
            if (object) {
                i = skip_ws(r, i);
                uint8_t esc;
                if (i >= r->len || s[i] != '"')
                    return 0;
                i = scan_string(r, i, &key, &keylen, &esc);
                if (!i || esc)
                    return 0;
                i = skip_ws(r, i);
                if (i >= r->len || s[i] != ':')
                    return 0;
                i++;
            }
            uint32_t v;
            if (!scan_value(r, &i, depth + 1, &v))
                return 0;
            r->nodes[v].key = key;
            r->nodes[v].keylen = keylen;
            if (last == NONE)
                r->nodes[x].child = v;
            else
                r->nodes[last].next = v;
            last = v;
            i = skip_ws(r, i);
            if (i >= r->len)
                return 0;
            if (s[i] == ',') {
                i++;
                continue;
            }
            if (s[i] != (object ? '}' : ']'))
                return 0;
            *p = i + 1;
            *out = x;
            return 1;
        }
    }
    static const struct {
        const char *word;
        uint8_t type;
    } words[] = { { "null", V_NULL }, { "true", V_TRUE }, { "false", V_FALSE } };
    for (size_t w = 0; w < 3 && (c == 'n' || c == 't' || c == 'f'); w++) {
        size_t n = strlen(words[w].word);
        if (r->len - i >= n && !memcmp(s + i, words[w].word, n)) {
            *out = new_node(r, words[w].type);
            *p = i + n;
            return 1;
        }
    }
    size_t end = scan_number(r, i);
    if (!end)
        return 0;
    uint32_t x = new_node(r, V_NUMBER);
    r->nodes[x].at = (uint32_t)i;
    r->nodes[x].n = (uint32_t)(end - i);
    *p = end;
    *out = x;
    return 1;
}

/* --- reading the values --------------------------------------------------------------------- */

/* The first member `name` of object `obj`, or NONE (also when `obj` is not an object). */
static uint32_t member(const slant_score_reader *r, uint32_t obj, const char *name)
{
    if (obj == NONE || r->nodes[obj].type != V_OBJECT)
        return NONE;
    size_t n = strlen(name);
    for (uint32_t c = r->nodes[obj].child; c != NONE; c = r->nodes[c].next)
        if (r->nodes[c].keylen == n && r->line[r->nodes[c].key] == name[0] &&
            !memcmp(r->line + r->nodes[c].key, name, n))
            return c;
    return NONE;
}

/* Child `i` of an array or object (as cJSON_GetArrayItem), or NONE. */
static uint32_t nth(const slant_score_reader *r, uint32_t x, size_t i)
{
    if (x == NONE)
        return NONE;
    uint32_t c = r->nodes[x].child;
    while (c != NONE && i--)
        c = r->nodes[c].next;
    return c;
}

static int is(const slant_score_reader *r, uint32_t x, uint8_t type)
{
    return x != NONE && r->nodes[x].type == type;
}

static double number(const slant_score_reader *r, uint32_t x)
{
    return is(r, x, V_NUMBER) ? strtod(r->line + r->nodes[x].at, NULL) : NAN;
}

static double number_of(const slant_score_reader *r, uint32_t obj, const char *name)
{
    return number(r, member(r, obj, name));
}

/* Appends the decoded text of the span (a string's, or a member name's) to the strings,
 * without its NUL (the scan checked every escape). */
static void add_text(slant_score_reader *r, uint32_t at, uint32_t n, int escaped)
{
    const char *s = r->line + at;
    if (!escaped) {
        slant_buf_add(&r->p->strings, s, n);
        return;
    }
    for (size_t k = 0; k < n; k++) {
        if (s[k] != '\\') {
            slant_buf_addc(&r->p->strings, s[k]);
            continue;
        }
        char e = s[++k];
        if (e == 'u') {
            unsigned v, w;
            slant_jsonline_hex4(s + k + 1, &v);
            k += 4;
            if (v >= 0xD800 && v <= 0xDBFF) {
                slant_jsonline_hex4(s + k + 3, &w);
                k += 6;
                v = 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00);
            }
            char u[4];
            slant_buf_add(&r->p->strings, u, slant_jsonline_put_utf8(v, u));
            continue;
        }
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        slant_buf_addc(&r->p->strings, to[strchr(from, e) - from]);
    }
}

static size_t end_text(slant_score_reader *r)
{
    slant_buf_addc(&r->p->strings, '\0');
    return r->p->strings.len;
}

/* A string value as a NUL-terminated string in the strings: its offset. */
static size_t string_at(slant_score_reader *r, uint32_t x)
{
    size_t at = r->p->strings.len;
    add_text(r, r->nodes[x].at, r->nodes[x].n, r->nodes[x].escaped);
    end_text(r);
    return at;
}

/* A member's name in the strings: its offset. */
static size_t key_at(slant_score_reader *r, uint32_t x)
{
    size_t at = r->p->strings.len;
    add_text(r, r->nodes[x].key, r->nodes[x].keylen, 0);
    end_text(r);
    return at;
}

/* A field's text as slant_json_scalar_text gives it: 1 with `*at` set for a string, 1 with
 * `*at` SIZE_MAX for none (missing, null, an object), 0 for a number or a boolean (cJSON
 * prints those the way cJSON does: left to it). */
static int scalar(slant_score_reader *r, uint32_t x, size_t *at)
{
    *at = SIZE_MAX;
    if (x == NONE)
        return 1;
    uint8_t t = r->nodes[x].type;
    if (t == V_NUMBER || t == V_TRUE || t == V_FALSE)
        return 0;
    if (t == V_STRING)
        *at = string_at(r, x);
    return 1;
}

static uint32_t field_of(const slant_score_reader *r, uint32_t root, const char *name)
{
    uint32_t v = member(r, root, name);
    return v != NONE ? v : member(r, member(r, root, "fields"), name);
}

static int is_count(double v)
{
    return v >= 0 && v <= 9007199254740992.0 && v == floor(v);
}

/* As score_json.c's member_at: "tokens", or "attribution.quotations" one object down. */
static double member_at(const slant_score_reader *r, uint32_t root, const char *path)
{
    const char *dot = strchr(path, '.');
    if (!dot)
        return number_of(r, root, path);
    char object[64];
    size_t len = (size_t)(dot - path);
    if (len >= sizeof object)
        return NAN;
    memcpy(object, path, len);
    object[len] = '\0';
    return number_of(r, member(r, root, object), dot + 1);
}

/* The members of a scanned record, for slant_score_read_derived. */
typedef struct {
    const slant_score_reader *r;
    uint32_t root;
} scanned;

static double scanned_at(const void *src, const char *path)
{
    const scanned *x = src;
    return member_at(x->r, x->root, path);
}

static int scanned_has(const void *src, const char *name)
{
    const scanned *x = src;
    return member(x->r, x->root, name) != NONE;
}

static void add_node_text(slant_score_reader *r, uint32_t x, int as_key)
{
    if (as_key)
        add_text(r, r->nodes[x].key, r->nodes[x].keylen, 0);
    else
        add_text(r, r->nodes[x].at, r->nodes[x].n, r->nodes[x].escaped);
}

/* Pends the entry of kind `kind`, owner A and name B, where A and B are nodes' texts (a
 * member name when *_key), or B the C string `b_text` when `b` is NONE. */
static void pend_keyed(slant_score_reader *r, slant_entry_key_kind kind, uint32_t a, int a_key,
                       uint32_t b, int b_key, const char *b_text, double count)
{
    size_t owner = r->p->strings.len;
    add_node_text(r, a, a_key);
    end_text(r);
    size_t name = r->p->strings.len;
    if (b != NONE)
        add_node_text(r, b, b_key);
    else
        slant_buf_adds(&r->p->strings, b_text);
    end_text(r);
    slant_score_parsed_pend(r->p, kind, owner, name, 0, count);
}

/* The whole record read, or 0 to leave it to score_json.c. Adds to `ds` only at the end. */
static int fast(slant_score_reader *r, const slant_score_fields *f)
{
    r->nnodes = 0;
    r->p->nadds = 0;
    slant_buf_reset(&r->p->strings);
    if (r->len >= NONE - 16)
        return 0;
    size_t p = 0;
    uint32_t root;
    if (!scan_value(r, &p, 0, &root) || skip_ws(r, p) != r->len || !is(r, root, V_OBJECT))
        return 0;
    uint32_t cats = member(r, root, "categories");
    double tokens = number_of(r, root, "tokens");
    if (!is(r, cats, V_OBJECT) || isnan(tokens))
        return 0;
    if (is(r, member(r, root, "sentence"), V_NUMBER) && is(r, member(r, root, "matches"), V_ARRAY))
        return 0;
    double quoted = number_of(r, root, "quote_tokens");
    if (!is_count(tokens) || (!isnan(quoted) && !(is_count(quoted) && quoted <= tokens)))
        return 0;
    /* a compact record (docs/schema/score.md) leaves a category's zero count out */
    uint32_t compact = member(r, member(r, root, "provenance"), "compact");
    double absent = is(r, compact, V_TRUE) ? 0 : NAN;
    size_t ncats = 0;
    for (uint32_t c = r->nodes[cats].child; c != NONE; c = r->nodes[c].next, ncats++) {
        double count = number_of(r, c, "count");
        if (!isnan(count) && !is_count(count))
            return 0;
    }
    size_t group, event = SIZE_MAX, id, stratum = SIZE_MAX;
    if (f->bin) /* a group binned from a date (--by date:month): score_json.c bins it */
        return 0;
    size_t date;
    if (!scalar(r, field_of(r, root, f->by), &group) ||
        (f->event && !scalar(r, field_of(r, root, f->event), &event)) ||
        !scalar(r, member(r, root, "id"), &id) || !scalar(r, field_of(r, root, "date"), &date) ||
        (f->stratum && !scalar(r, field_of(r, root, f->stratum), &stratum)))
        return 0;
    slant_score_parsed_room(r->p, ncats + slant_indicator_count());
    scanned src = { r, root };
    slant_score_member_source m = { scanned_at, scanned_has, &src };
    size_t k = slant_score_read_derived(r->p, &m, tokens, SLANT_IND_LEADS, 0);
    for (uint32_t c = r->nodes[cats].child; c != NONE; c = r->nodes[c].next) {
        double count = member(r, c, "count") == NONE ? absent : number_of(r, c, "count");
        r->p->names[k] = key_at(r, c);
        r->p->values[k++] = tokens > 0 && !isnan(count) ? 1000.0 * count / tokens : NAN;
    }
    k = slant_score_read_derived(r->p, &m, tokens, 0, k);
    int ok = 1;
    /* contested variants */
    uint32_t contested = member(r, root, "contested");
    for (uint32_t v = contested == NONE ? NONE : r->nodes[contested].child; v != NONE;
         v = r->nodes[v].next) {
        uint32_t concept = member(r, v, "concept"), variant = member(r, v, "variant");
        double count = number_of(r, v, "count");
        if (is(r, concept, V_STRING) && is(r, variant, V_STRING) && count > 0)
            pend_keyed(r, SLANT_ENTRY_VARIANT, concept, 0, variant, 0, NULL, count);
    }
    /* actors */
    uint32_t actors = member(r, root, "actors");
    for (uint32_t a = actors == NONE ? NONE : r->nodes[actors].child; ok && a != NONE;
         a = r->nodes[a].next) {
        if (r->nodes[a].key == NONE) {
            ok = 0; /* an array of actors: score_json.c's business */
            break;
        }
        double mentions = number_of(r, a, "mentions");
        if (mentions > 0)
            pend_keyed(r, SLANT_ENTRY_ACTOR, a, 1, NONE, 0, "mentions", mentions);
        uint32_t sentence = member(r, a, "sentence");
        if (is(r, sentence, V_ARRAY) && r->nodes[sentence].child != NONE) {
            ok = 0;
            break;
        }
        for (uint32_t c = sentence == NONE ? NONE : r->nodes[sentence].child; c != NONE;
             c = r->nodes[c].next) {
            double v = number(r, c);
            if (is(r, c, V_NUMBER) && v > 0)
                pend_keyed(r, SLANT_ENTRY_ACTOR, a, 1, c, 1, NULL, v);
        }
    }
    /* entry counts, or else the evidence */
    uint32_t entries = member(r, root, "entries"), evidence = member(r, root, "evidence");
    int had = 0;
    if (ok && is(r, entries, V_ARRAY)) {
        had = 1;
        for (uint32_t e = r->nodes[entries].child; e != NONE; e = r->nodes[e].next) {
            uint32_t cat = nth(r, e, 0), entry = nth(r, e, 1), count = nth(r, e, 2);
            if (is(r, cat, V_STRING) && is(r, entry, V_STRING) && is(r, count, V_NUMBER) &&
                number(r, count) > 0)
                pend_keyed(r, SLANT_ENTRY_TERM, cat, 0, entry, 0, NULL, number(r, count));
        }
    } else if (ok && is(r, evidence, V_ARRAY)) {
        had = 1;
        for (uint32_t e = r->nodes[evidence].child; e != NONE; e = r->nodes[e].next) {
            uint32_t field = member(r, e, "field"), cat = member(r, e, "category");
            uint32_t entry = member(r, e, "entry");
            if (!is(r, cat, V_STRING) || !is(r, entry, V_STRING))
                continue;
            if (is(r, field, V_STRING)) {
                const node *x = &r->nodes[field];
                if (x->escaped || x->n != 4 || memcmp(r->line + x->at, "text", 4) != 0) {
                    if (x->escaped) {
                        ok = 0; /* "te\u0078t": score_json.c decodes it */
                        break;
                    }
                    continue;
                }
            }
            if (member(r, e, "stance") != NONE)
                continue;
            pend_keyed(r, SLANT_ENTRY_TERM, cat, 0, entry, 0, NULL, 1);
        }
    }
    if (!ok)
        return 0;
    r->p->k = k;
    r->p->group = group;
    r->p->event = event;
    r->p->stratum = stratum;
    r->p->id = id;
    r->p->date = date;
    r->p->tokens = tokens;
    r->p->had = had;
    r->p->has_sig = 0;
    return 1;
}

/* Sets the signature of the row just added (as slant_json_read_signature does from the
 * record's "signature"). */
static void apply_signature(const slant_score_parsed *p, slant_dataset *ds)
{
    size_t n = p->nsig ? p->nsig : 1;
    const char **stems = xmalloc(n * sizeof *stems);
    size_t *lens = xmalloc(n * sizeof *lens);
    uint32_t *counts = xmalloc(n * sizeof *counts);
    for (size_t i = 0; i < p->nsig; i++) {
        stems[i] = p->strings.data + p->sig[i].stem;
        lens[i] = p->sig[i].len;
        counts[i] = p->sig[i].count;
    }
    slant_dataset_set_signature(ds, slant_dataset_nrows(ds) - 1, stems, lens, counts, p->nsig);
    free(stems);
    free(lens);
    free(counts);
}

/* Adds a parsed record to the dataset: its row, then its entry counts. */
static void apply(slant_score_parsed *p, slant_dataset *ds, int *had_evidence)
{
    const char *s = p->strings.data;
    for (size_t i = 0; i < p->k; i++)
        p->ids[i] = s + p->names[i];
    const char *g = p->group == SIZE_MAX ? "(none)" : s + p->group;
    slant_dataset_add_row(ds, p->id == SIZE_MAX ? NULL : s + p->id, g,
                          p->event == SIZE_MAX ? NULL : s + p->event, p->tokens, p->ids,
                          p->values, p->k);
    if (p->date != SIZE_MAX) {
        int32_t day;
        if (slant_date_parse(s + p->date, strlen(s + p->date), &day) == 0)
            slant_dataset_set_day(ds, slant_dataset_nrows(ds) - 1, day);
        else
            slant_dataset_note_bad_date(ds, 1);
    }
    if (p->stratum != SIZE_MAX)
        slant_dataset_set_stratum(ds, slant_dataset_nrows(ds) - 1, s + p->stratum);
    size_t gi = p->nadds ? slant_dataset_group(ds, g) : 0;
    for (size_t i = 0; i < p->nadds; i++) {
        const slant_score_pending *x = &p->adds[i];
        slant_entry_key key = { x->kind, s + x->owner, s + x->name };
        slant_dataset_add_entry_hinted(ds, gi, &key, x->hint, x->count);
    }
    if (p->has_sig)
        apply_signature(p, ds);
    if (p->had)
        *had_evidence = 1;
}

int slant_score_reader_parse(slant_score_reader *r, slant_score_parsed *p, const char *json,
                             size_t len, const slant_score_fields *f)
{
    r->line = json;
    r->len = len;
    r->p = p;
    p->ok = fast(r, f);
    r->line = NULL;
    r->p = NULL;
    if (!p->ok)
        r->fallbacks++;
    return p->ok;
}

slant_status slant_score_parsed_apply(slant_score_parsed *p, const char *json, size_t len,
                                      const slant_score_fields *f, const char *path, long line,
                                      slant_dataset *ds, int *had_evidence, slant_error *err)
{
    if (p->ok) {
        apply(p, ds, had_evidence);
        return SLANT_OK;
    }
    return slant_json_read_score(json, len, f, path, line, ds, had_evidence, err);
}

slant_status slant_score_reader_read(slant_score_reader *r, const char *json, size_t len,
                                     const slant_score_fields *f, const char *path, long line,
                                     slant_dataset *ds, int *had_evidence, slant_error *err)
{
    slant_score_reader_parse(r, &r->own, json, len, f);
    return slant_score_parsed_apply(&r->own, json, len, f, path, line, ds, had_evidence, err);
}

/* --- what the reader and the row builder share (score_read_parts.h) ---------------------------- */

size_t slant_score_parsed_add_name(slant_score_parsed *p, const char *name)
{
    size_t at = p->strings.len;
    slant_buf_adds(&p->strings, name);
    slant_buf_addc(&p->strings, '\0');
    return at;
}

size_t slant_score_read_derived(slant_score_parsed *p, const slant_score_member_source *m,
                                double tokens, unsigned leads, size_t k)
{
    for (size_t i = 0; i < slant_indicator_count(); i++) {
        const slant_indicator *x = slant_indicator_at(i);
        if (!(x->flags & SLANT_IND_COMPARED) || (x->flags & SLANT_IND_LEADS) != leads)
            continue;
        if (x->needs && !m->has(m->src, x->needs))
            continue;
        double a = x->a ? m->at(m->src, x->a) : NAN, b = x->b ? m->at(m->src, x->b) : NAN;
        p->names[k] = slant_score_parsed_add_name(p, x->id);
        p->values[k++] = slant_indicator_compute(x, a, b, tokens);
    }
    return k;
}

void slant_score_parsed_room(slant_score_parsed *p, size_t n)
{
    if (n > p->names_cap) {
        p->names = xrealloc(p->names, n * sizeof *p->names);
        p->ids = xrealloc(p->ids, n * sizeof *p->ids);
        p->values = xrealloc(p->values, n * sizeof *p->values);
        p->names_cap = n;
    }
}

void slant_score_parsed_pend(slant_score_parsed *p, slant_entry_key_kind kind, size_t owner,
                             size_t name, size_t hint, double count)
{
    p->adds = xgrow(p->adds, &p->adds_cap, p->nadds + 1, sizeof *p->adds);
    slant_score_pending *x = &p->adds[p->nadds++];
    x->kind = kind;
    x->owner = owner;
    x->name = name;
    x->hint = hint;
    x->count = count;
}
