/* Evidence sentences for a report's terms, read again from the articles (see
 * report_evidence.h). */

#include "report_evidence.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "normalize.h"
#include "score.h"
#include "subset.h"
#include "xalloc.h"

/* The group of an article as compare knows it from the article's score record: a
 * metadata field, or a field kept from JSON Lines (a string, or a number or boolean as
 * JSON; anything else is no value), or a binned date (date:month, into `bin`); "(none)"
 * without one. */
static const char *group_of(const slant_article *a, const char *by, char *bin, size_t size)
{
    int unit = slant_bin_of(by);
    if (unit > 0)
        return slant_bin_date((slant_bin)unit, a->date, bin, size) == 0 ? bin : "(none)";
    const struct {
        const char *name;
        const char *value;
    } meta[] = {
        { "source", a->source }, { "date", a->date }, { "title", a->title },
        { "url", a->url },       { "event", a->event }, { "lang", a->lang },
        { "id", a->id },
    };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++)
        if (!strcmp(by, meta[k].name))
            return meta[k].value ? meta[k].value : "(none)";
    for (size_t k = 0; k < a->nfields; k++) {
        const slant_field *f = &a->fields[k];
        if (strcmp(f->name, by) != 0)
            continue;
        if (!f->value || (!f->is_string && (f->value[0] == '{' || f->value[0] == '[')))
            return "(none)";
        return f->value;
    }
    return "(none)";
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Appends `len` bytes of `s` as valid UTF-8 with white space runs made one space;
 * `*space` carries whether the output ends in a space. */
static void add_text(slant_buf *out, slant_buf *scratch, const char *s, size_t len, int *space)
{
    slant_buf_reset(scratch);
    slant_utf8_sanitize(s, len, scratch);
    for (size_t i = 0; i < scratch->len; i++) {
        if (is_space(scratch->data[i])) {
            if (!*space)
                slant_buf_addc(out, ' ');
            *space = 1;
        } else {
            slant_buf_addc(out, scratch->data[i]);
            *space = 0;
        }
    }
}

/* The sentence of match `m` in `doc`, widened and cut as the header says, into `out`;
 * sets the match's place in it. */
static void snippet_of(const slant_doc *doc, const slant_match *m, size_t max_bytes,
                       slant_buf *out, slant_buf *scratch, size_t *mark_start,
                       size_t *mark_end)
{
    const char *text = doc->text;
    const slant_token *first = &doc->tokens[m->first_token];
    const slant_token *last = &doc->tokens[m->first_token + m->ntokens - 1];
    size_t ms = first->start, me = last->end;
    const slant_sentence *sen = &doc->sentences[first->sentence];
    const slant_paragraph *par = &doc->paragraphs[sen->paragraph];
    size_t ss = sen->start, se = sen->end;
    while (ss > par->start && !is_space(text[ss - 1]))
        ss--;
    while (se < par->end && !is_space(text[se]))
        se++;
    size_t ws = ss, we = se;
    if (se - ss > max_bytes) {
        /* Half the room before the match, half after; what one side cannot use goes to
         * the other. */
        size_t room = max_bytes > me - ms ? max_bytes - (me - ms) : 0;
        size_t before = ms - ss < room / 2 ? ms - ss : room / 2;
        size_t after = se - me < room - before ? se - me : room - before;
        if (before + after < room)
            before = ms - ss < room - after ? ms - ss : room - after;
        ws = ms - before;
        we = me + after;
        /* Cut at spaces, never inside a word (nor inside a UTF-8 sequence). */
        while (ws > ss && ws < ms && !is_space(text[ws - 1]))
            ws++;
        while (we < se && we > me && !is_space(text[we]))
            we--;
    }
    int space = 1;
    slant_buf_reset(out);
    if (ws > ss)
        slant_buf_adds(out, "… ");
    add_text(out, scratch, text + ws, ms - ws, &space);
    *mark_start = out->len;
    space = 0;
    add_text(out, scratch, text + ms, me - ms, &space);
    *mark_end = out->len;
    add_text(out, scratch, text + me, we - me, &space);
    while (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    if (we < se)
        slant_buf_adds(out, " …");
}

typedef struct {
    size_t *first;       /* per lexicon entry: its first term, or SIZE_MAX */
    size_t *next;        /* per term: the next term of the same entry, or SIZE_MAX */
    size_t *needy;       /* per source: terms that want more sentences */
    size_t needy_all;
} wanted;

/* "category:entry as written" of lexicon entry `e`, into `b`. */
/* Whether dataset entry `key` is the term of lexicon entry `x`. */
static int is_entry(const slant_lexicon *lex, const slant_entry *x, const slant_entry_key *key)
{
    return key->kind == SLANT_ENTRY_TERM && key->name && !strcmp(key->name, x->text) &&
           !strcmp(key->owner, slant_lexicon_category(lex, x->category)->id);
}

static void want(const slant_report *r, const slant_evidence_options *o, wanted *w)
{
    size_t nent = slant_lexicon_nentries(o->lex);
    w->first = xmalloc((nent ? nent : 1) * sizeof *w->first);
    w->next = xmalloc((r->nterms ? r->nterms : 1) * sizeof *w->next);
    w->needy = xcalloc(r->nsources ? r->nsources : 1, sizeof *w->needy);
    w->needy_all = 0;
    for (size_t t = 0; t < r->nterms; t++)
        w->next[t] = SIZE_MAX;
    for (size_t e = 0; e < nent; e++) {
        w->first[e] = SIZE_MAX;
        const slant_entry *x = slant_lexicon_entry(o->lex, e);
        for (size_t t = r->nterms; t-- > 0;) {
            const slant_report_term *term = &r->terms[t];
            if (term->source == SLANT_REPORT_REST || !term->wanted ||
                !is_entry(o->lex, x, slant_dataset_entry_info(r->c->ds, term->entry)))
                continue;
            w->next[t] = w->first[e];
            w->first[e] = t;
            w->needy[term->source]++;
            w->needy_all++;
        }
    }
}

static void unwant(wanted *w)
{
    free(w->first);
    free(w->next);
    free(w->needy);
}

static size_t source_named(const slant_report *r, const char *name)
{
    for (size_t s = 0; s < r->nsources; s++)
        if (!strcmp(r->sources[s].name, name))
            return s;
    return SIZE_MAX;
}

slant_status slant_report_collect_evidence(slant_report *r, const slant_evidence_options *o,
                                           size_t *articles)
{
    *articles = 0;
    if (!o->max_per_term || !r->nterms)
        return SLANT_OK;
    wanted w;
    want(r, o, &w);
    slant_reader *reader = slant_reader_new(&o->input);
    slant_scorer *scorer = slant_scorer_new(o->lex);
    slant_buf text, scratch;
    slant_buf_init(&text, SLANT_REPORT_MAX_BYTES);
    slant_buf_init(&scratch, SLANT_REPORT_MAX_BYTES);
    size_t number = 0;
    slant_progress_report(&o->progress, "evidence", 0, o->articles_total);
    while (w.needy_all) {
        slant_article a;
        slant_article_init(&a);
        char *origin = NULL;
        long line = 0;
        slant_error err;
        slant_status st = slant_reader_next(reader, &a, &origin, &line, &err);
        if (st == SLANT_END)
            break;
        if (st != SLANT_OK)
            continue; /* reported by the first pass */
        number++;
        char bin[32];
        size_t src = source_named(r, group_of(&a, o->by, bin, sizeof bin));
        if (src != SIZE_MAX && w.needy[src]) {
            slant_scorer_score(scorer, &a);
            const slant_doc *doc = slant_scorer_doc(scorer);
            const slant_matches *m = slant_scorer_matches(scorer);
            for (size_t k = 0; k < m->n; k++) {
                for (size_t t = w.first[m->items[k].entry]; t != SIZE_MAX; t = w.next[t]) {
                    slant_report_term *term = &r->terms[t];
                    if (term->source != src || term->nsnippets >= o->max_per_term ||
                        term->last_article == number)
                        continue;
                    size_t mark_start, mark_end;
                    snippet_of(doc, &m->items[k], o->max_bytes, &text, &scratch, &mark_start,
                               &mark_end);
                    slant_report_add_snippet(r, t, text.data, mark_start, mark_end,
                                             a.id ? a.id : origin);
                    term->last_article = number;
                    if (term->nsnippets == o->max_per_term) {
                        w.needy[src]--;
                        w.needy_all--;
                    }
                }
            }
        }
        free(origin);
        slant_article_release(&a);
        slant_progress_report(&o->progress, "evidence", number, o->articles_total);
    }
    *articles = number;
    slant_buf_release(&text);
    slant_buf_release(&scratch);
    slant_scorer_free(scorer);
    slant_reader_free(reader);
    unwant(&w);
    return SLANT_OK;
}
