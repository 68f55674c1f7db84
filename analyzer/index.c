#include "index.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "hash.h"
#include "weights_json.h"
#include "xalloc.h"

/* A weights file is a few kilobytes; this bounds what is read. */
#define MAX_WEIGHTS_BYTES ((size_t)16 << 20)

/* --- weights ------------------------------------------------------------------------------ */

static void weights_zero(slant_weights *w, const slant_lexicon *lex)
{
    memset(w, 0, sizeof *w);
    w->n = slant_lexicon_ncategories(lex);
    w->w = xcalloc(w->n ? w->n : 1, sizeof *w->w);
    w->member = xcalloc(w->n ? w->n : 1, 1);
    for (size_t i = 0; i < w->n; i++)
        w->member[i] = (uint8_t)slant_category_in_index(slant_lexicon_category(lex, i));
}

void slant_weights_default(slant_weights *w, const slant_lexicon *lex)
{
    weights_zero(w, lex);
    for (size_t i = 0; i < w->n; i++)
        w->w[i] = w->member[i] ? 1.0 : 0.0;
}

void slant_weights_release(slant_weights *w)
{
    free(w->w);
    free(w->member);
    free(w->file);
    free(w->hash);
    free(w->unit);
    memset(w, 0, sizeof *w);
}

/* Checks what was read against `lex` and fills `w`. */
static slant_status check_weights(slant_weights *w, const slant_weights_file *f,
                                  const char *path, const slant_lexicon *lex, slant_error *err)
{
    const char *have = slant_lexicon_hash(lex);
    if (!f->lexicon_hash)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "the weights name no lexicon hash (\"lexicon\": {\"hash\": "
                               "\"%s\"} for the lexicon in use)",
                               have);
    if (strcmp(f->lexicon_hash, have) != 0)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "the weights are for lexicon hash '%s', but the lexicon in use "
                               "has hash '%s' (refit them, or use the lexicon they were fitted "
                               "with)",
                               f->lexicon_hash, have);
    if (f->feature && strcmp(f->feature, "rate_per_1000") != 0)
        return slant_error_set(err, SLANT_ERR_INPUT, path, 0, 0,
                               "unknown feature '%s' (rate_per_1000)", f->feature);
    weights_zero(w, lex);
    for (size_t k = 0; k < f->nitems; k++) {
        const slant_weights_item *it = &f->items[k];
        long c = slant_lexicon_find_category(lex, it->name);
        if (c < 0) {
            slant_weights_release(w);
            return slant_error_set(err, SLANT_ERR_INPUT, path, it->line, it->col,
                                   "unknown category '%s' (not in lexicon '%s')", it->name,
                                   slant_lexicon_id(lex));
        }
        for (size_t j = 0; j < k; j++) {
            if (strcmp(f->items[j].name, it->name) == 0) {
                slant_weights_release(w);
                return slant_error_set(err, SLANT_ERR_INPUT, path, it->line, it->col,
                                       "category '%s' is given two weights", it->name);
            }
        }
        const slant_category *cat = slant_lexicon_category(lex, (size_t)c);
        if (!slant_category_in_index(cat)) {
            slant_weights_release(w);
            return slant_error_set(err, SLANT_ERR_INPUT, path, it->line, it->col,
                                   "category '%s' is not in the loaded-language index "
                                   "(its group is '%s'%s)",
                                   it->name, cat->group,
                                   cat->concept ? ", a contested concept"
                                   : cat->actor ? ", an actor" : "");
        }
        w->w[c] = it->weight;
    }
    w->unit = f->unit ? xstrdup(f->unit) : NULL;
    w->intercept = f->intercept;
    return SLANT_OK;
}

slant_status slant_weights_parse(slant_weights *w, const char *text, size_t len,
                                 const char *path, const slant_lexicon *lex, slant_error *err)
{
    memset(w, 0, sizeof *w);
    slant_weights_file f;
    slant_status st = slant_json_parse_weights(text, len, path, &f, err);
    if (st != SLANT_OK)
        return st;
    st = check_weights(w, &f, path, lex, err);
    slant_weights_file_release(&f);
    if (st != SLANT_OK)
        return st;
    w->file = xstrdup(path);
    char hash[32];
    snprintf(hash, sizeof hash, "fnv1a64:%016llx",
             (unsigned long long)slant_hash64(text, len));
    w->hash = xstrdup(hash);
    return SLANT_OK;
}

slant_status slant_weights_load(slant_weights *w, const char *path, const slant_lexicon *lex,
                                slant_error *err)
{
    memset(w, 0, sizeof *w);
    char *data;
    size_t len;
    slant_status st = slant_read_file(path, MAX_WEIGHTS_BYTES, &data, &len, err);
    if (st != SLANT_OK)
        return st;
    st = slant_weights_parse(w, data, len, path, lex, err);
    free(data);
    return st;
}

/* --- the index ---------------------------------------------------------------------------- */

static double per_1000(double sum, size_t words)
{
    return words ? 1000.0 * sum / (double)words : NAN;
}

slant_index slant_index_from_sums(double all, double author, double quoted, size_t tokens,
                                  size_t quote_tokens)
{
    slant_index x;
    x.all = per_1000(all, tokens);
    x.author = per_1000(author, tokens - quote_tokens);
    x.quoted = per_1000(quoted, quote_tokens);
    return x;
}

/* Whether match `j` covers the words of match `k` and takes precedence over it. */
static int shadows(const slant_weights *w, const slant_match *j, const slant_match *k)
{
    if (j->category == k->category || !w->member[j->category])
        return 0;
    if (j->first_token > k->first_token ||
        j->first_token + j->ntokens < k->first_token + k->ntokens)
        return 0;
    return j->ntokens > k->ntokens || j->category < k->category;
}

int slant_index_counts(const slant_weights *w, const slant_match *m, size_t n, size_t k)
{
    if (!w->member[m[k].category])
        return 0;
    /* Matches are in order of their first word and at most SLANT_MAX_ENTRY_WORDS long, so
     * a match that covers m[k] starts at most that many words before it. */
    for (size_t j = k; j-- > 0 && m[j].first_token + SLANT_MAX_ENTRY_WORDS > m[k].first_token;)
        if (shadows(w, &m[j], &m[k]))
            return 0;
    for (size_t j = k + 1; j < n && m[j].first_token == m[k].first_token; j++)
        if (shadows(w, &m[j], &m[k]))
            return 0;
    return 1;
}

int slant_index_add(slant_index_sums *s, const slant_weights *w, const slant_match *m,
                    size_t n, size_t k, int speech)
{
    if (!slant_index_counts(w, m, n, k))
        return 0;
    double x = w->w[m[k].category];
    if (x != 0) {
        s->all += x;
        if (speech)
            s->quoted += x;
        else
            s->author += x;
    }
    return 1;
}

slant_index slant_index_of_matches(const slant_weights *w, const uint8_t *speech,
                                   const slant_match *m, size_t n, size_t tokens,
                                   size_t quote_tokens)
{
    slant_index_sums s = { 0, 0, 0 };
    for (size_t k = 0; k < n; k++)
        slant_index_add(&s, w, m, n, k, speech[m[k].first_token] != 0);
    return slant_index_from_sums(s.all, s.author, s.quoted, tokens, quote_tokens);
}

/* --- sentences ---------------------------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The end of sentence `i`, widened over the marks attached to its last word. */
static size_t widened_end(const slant_doc *doc, size_t i)
{
    size_t e = doc->sentences[i].end;
    size_t limit = i + 1 < doc->nsentences ? doc->sentences[i + 1].start : doc->len;
    while (e < limit && !is_space(doc->text[e]))
        e++;
    return e;
}

/* The start of sentence `i`, widened over the marks attached to its first word. */
static size_t widened_start(const slant_doc *doc, size_t i)
{
    size_t b = doc->sentences[i].start;
    size_t limit = i ? widened_end(doc, i - 1) : 0;
    while (b > limit && !is_space(doc->text[b - 1]))
        b--;
    return b;
}

void slant_sentence_unit_of(const slant_doc *doc, const uint8_t *speech,
                            const slant_matches *m, const slant_weights *w, size_t i,
                            size_t *cursor, slant_sentence_unit *u)
{
    const slant_sentence *s = &doc->sentences[i];
    memset(u, 0, sizeof *u);
    u->sentence = i;
    u->paragraph = s->paragraph;
    u->start = widened_start(doc, i);
    u->end = widened_end(doc, i);
    u->tokens = s->ntokens;
    for (size_t t = s->first_token; t < (size_t)s->first_token + s->ntokens; t++)
        u->quote_tokens += speech[t] != 0;
    size_t k = *cursor;
    while (k < m->n && doc->tokens[m->items[k].first_token].sentence < i)
        k++; /* (none: every earlier match went to an earlier sentence) */
    u->first_match = k;
    while (k < m->n && doc->tokens[m->items[k].first_token].sentence == i)
        k++;
    u->nmatches = k - u->first_match;
    *cursor = k;
    u->index = slant_index_of_matches(w, speech, slant_sentence_unit_matches(m, u),
                                      u->nmatches, u->tokens, u->quote_tokens);
}
