/* A partial's identity: read, stamped and compared (see partial.h). */

#include "partial.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "jsonline.h"
#include "jw.h"
#include "xalloc.h"

void slant_partial_identity_init(slant_partial_identity *id)
{
    memset(id, 0, sizeof *id);
}

void slant_partial_identity_release(slant_partial_identity *id)
{
    free(id->schema);
    free(id->tool);
    free(id->lexicon);
    free(id->version);
    free(id->hash);
    free(id->subset);
    free(id->weights);
    for (size_t k = 0; k < id->nshards; k++) {
        free(id->shards[k].id);
        free(id->shards[k].inputs);
    }
    free(id->shards);
    memset(id, 0, sizeof *id);
}

/* --- reading ------------------------------------------------------------------------------ */

/*
 * The JSON string at `s` (`n` bytes, quotes included) decoded into a new C string, or NULL
 * when it is not a string (null, a number) or holds "\u0000". Surrogate pairs are joined;
 * a lone surrogate becomes U+FFFD.
 */
static char *decode_string(const char *s, size_t n)
{
    if (n < 2 || s[0] != '"' || s[n - 1] != '"')
        return NULL;
    char *out = xmalloc(n); /* decoding never lengthens: "\uXXXX" (6) is at most 4 bytes */
    size_t o = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] != '\\') {
            out[o++] = s[i];
            continue;
        }
        if (i + 2 >= n)
            break;
        char e = s[++i];
        unsigned cp, lo;
        switch (e) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u':
            if (i + 5 >= n || !slant_jsonline_hex4(s + i + 1, &cp) || cp == 0) {
                free(out);
                return NULL;
            }
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 7 < n && s[i + 1] == '\\' &&
                s[i + 2] == 'u' && slant_jsonline_hex4(s + i + 3, &lo) && lo >= 0xDC00 &&
                lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            o += slant_jsonline_put_utf8(cp, out + o);
            break;
        default: out[o++] = e; break; /* \" \\ \/ */
        }
    }
    out[o] = '\0';
    return out;
}

/* Member `name` of the object `obj` as a decoded string, or NULL. */
static char *member_string(const char *obj, size_t len, const char *name)
{
    const char *v;
    size_t n;
    return slant_jsonline_member(obj, len, name, &v, &n) ? decode_string(v, n) : NULL;
}

/* Member `name` of `obj` when it is an object: its text into `*v`, `*n`. */
static int member_object(const char *obj, size_t len, const char *name, const char **v,
                         size_t *n)
{
    return slant_jsonline_member(obj, len, name, v, n) && *n && (*v)[0] == '{';
}

/* Reads "fnv1a64:DATA[:shard:K/N[:inputs:INPUTS]]" into `s` (id copied). */
static void parse_shard(const char *id, slant_partial_shard *s)
{
    memset(s, 0, sizeof *s);
    s->id = xstrdup(id);
    const char *at = strstr(id, ":shard:");
    if (!at)
        return;
    char *end;
    unsigned long k = strtoul(at + 7, &end, 10);
    if (end == at + 7 || *end != '/')
        return;
    const char *nat = end + 1;
    unsigned long n = strtoul(nat, &end, 10);
    if (end == nat || (*end && *end != ':') || k < 1 || k > n)
        return;
    s->k = k;
    s->n = n;
    if (!strncmp(end, ":inputs:", 8) && end[8])
        s->inputs = xstrdup(end + 8);
}

void slant_partial_add_shard(slant_partial_identity *into, const char *id)
{
    into->shards = xrealloc(into->shards, (into->nshards + 1) * sizeof *into->shards);
    parse_shard(id, &into->shards[into->nshards++]);
}

/* The strings of the raw JSON array `v` as shards. */
static void read_shards(const char *v, size_t n, slant_partial_identity *id)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i] != '"')
            continue;
        size_t j = i + 1;
        while (j < n && v[j] != '"')
            j += v[j] == '\\' ? 2 : 1;
        if (j >= n)
            break;
        char *s = decode_string(v + i, j - i + 1);
        if (s)
            slant_partial_add_shard(id, s);
        free(s);
        i = j;
    }
}

static char *hash_text(const char *prefix, const char *data, size_t len)
{
    char id[64];
    snprintf(id, sizeof id, "%sfnv1a64:%016llx", prefix,
             (unsigned long long)slant_hash64(data, len));
    return xstrdup(id);
}

void slant_partial_identity_read(const char *data, size_t len, slant_partial_identity *id)
{
    slant_partial_identity_init(id);
    const char *v;
    size_t n;
    if (slant_jsonline_member(data, len, "schema", &v, &n) && n && v[0] != '"')
        id->schema = xmemdup(v, n);
    id->tool = member_string(data, len, "slant");
    if (member_object(data, len, "lexicon", &v, &n)) {
        id->lexicon = member_string(v, n, "id");
        id->version = member_string(v, n, "version");
        id->hash = member_string(v, n, "hash");
    }
    if (member_object(data, len, "options", &v, &n)) {
        id->has_options = 1;
        id->subset = member_string(v, n, "subset");
        id->weights = member_string(v, n, "weights");
    }
    if (slant_jsonline_member(data, len, "shards", &v, &n) && n && v[0] == '[')
        read_shards(v, n, id);
    if (!id->nshards) {
        char *own = hash_text("", data, len);
        slant_partial_add_shard(id, own);
        free(own);
    }
}

/* --- writing ------------------------------------------------------------------------------ */

char *slant_partial_shard_id(const char *data, size_t len, unsigned long k, unsigned long n,
                             const char *inputs)
{
    char *h = hash_text("", data, len);
    if (!n)
        return h;
    size_t size = strlen(h) + 64 + (inputs ? strlen(inputs) : 0);
    char *id = xmalloc(size);
    snprintf(id, size, "%s:shard:%lu/%lu%s%s", h, k, n, inputs ? ":inputs:" : "",
             inputs ? inputs : "");
    free(h);
    return id;
}

void slant_partial_stamp(slant_buf *partial, const slant_partial_identity *id)
{
    char *own = id->nshards ? NULL : slant_partial_shard_id(partial->data, partial->len, 0, 0,
                                                            NULL);
    slant_buf extra;
    slant_buf_init(&extra, SLANT_FIELD_MAX_BYTES);
    slant_jw w;
    slant_jw_init(&w, &extra);
    slant_jw_open(&w, '{');
    if (id->lexicon || id->version || id->hash) {
        slant_jw_key(&w, "lexicon");
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "id", id->lexicon);
        slant_jw_member_cstring(&w, "version", id->version);
        slant_jw_member_cstring(&w, "hash", id->hash);
        slant_jw_close(&w, '}');
    }
    if (id->tool)
        slant_jw_member_cstring(&w, "slant", id->tool);
    if (id->has_options) {
        slant_jw_key(&w, "options");
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "subset", id->subset);
        slant_jw_member_cstring(&w, "weights", id->weights);
        slant_jw_close(&w, '}');
    }
    slant_jw_key(&w, "shards");
    slant_jw_open(&w, '[');
    for (size_t k = 0; k < id->nshards || (own && k == 0); k++) {
        const char *s = own ? own : id->shards[k].id;
        slant_jw_element(&w);
        slant_jw_string(&w, s, strlen(s));
    }
    slant_jw_close(&w, ']');
    slant_jw_close(&w, '}');
    slant_jw_release(&w);
    /* "{...}\n" + "{extra}" -> "{...,extra}\n" */
    size_t end = partial->len;
    while (end && partial->data[end - 1] != '}')
        end--;
    if (end && extra.len > 2) {
        slant_buf out;
        slant_buf_init(&out, partial->max);
        slant_buf_add(&out, partial->data, end - 1);
        slant_buf_addc(&out, ',');
        slant_buf_add(&out, extra.data + 1, extra.len - 1);
        slant_buf_addc(&out, '\n');
        out.full |= partial->full || extra.full; /* cut short already: still refused */
        slant_buf_release(partial);
        *partial = out;
    }
    slant_buf_release(&extra);
    free(own);
}

/* --- comparing ---------------------------------------------------------------------------- */

int slant_partial_same_value(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

slant_partial_difference slant_partial_differ(const slant_partial_identity *a,
                                              const slant_partial_identity *b)
{
    if (!slant_partial_same_value(a->schema, b->schema))
        return SLANT_PARTIAL_SCHEMA;
    if (a->tool && b->tool && strcmp(a->tool, b->tool))
        return SLANT_PARTIAL_TOOL;
    if (a->has_options && b->has_options) {
        if (!slant_partial_same_value(a->subset, b->subset))
            return SLANT_PARTIAL_SUBSET;
        if (!slant_partial_same_value(a->weights, b->weights))
            return SLANT_PARTIAL_WEIGHTS;
    }
    return SLANT_PARTIAL_SAME;
}

const char *slant_partial_difference_name(slant_partial_difference d)
{
    switch (d) {
    case SLANT_PARTIAL_SCHEMA: return "partial schemas";
    case SLANT_PARTIAL_TOOL: return "slant versions";
    case SLANT_PARTIAL_SUBSET: return "--where, --from and --to";
    case SLANT_PARTIAL_WEIGHTS: return "--weights";
    case SLANT_PARTIAL_SAME: break;
    }
    return "identities";
}

const char *slant_partial_difference_value(const slant_partial_identity *id,
                                           slant_partial_difference d)
{
    const char *v = NULL;
    switch (d) {
    case SLANT_PARTIAL_SCHEMA: v = id->schema; break;
    case SLANT_PARTIAL_TOOL: v = id->tool; break;
    case SLANT_PARTIAL_SUBSET: v = id->subset; break;
    case SLANT_PARTIAL_WEIGHTS: v = id->weights; break;
    case SLANT_PARTIAL_SAME: break;
    }
    return v ? v : "(none)";
}

slant_shards_overlap slant_partial_overlap(const slant_partial_shard *a,
                                           const slant_partial_shard *b)
{
    if (!strcmp(a->id, b->id))
        return SLANT_SHARDS_SAME_ID;
    if (!a->n || !b->n || !a->inputs || !b->inputs || strcmp(a->inputs, b->inputs))
        return SLANT_SHARDS_APART;
    return a->n != b->n ? SLANT_SHARDS_OTHER_SPLIT
           : a->k == b->k ? SLANT_SHARDS_SAME_SHARD
                          : SLANT_SHARDS_APART;
}
