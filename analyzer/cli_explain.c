/* slant explain: one article with every match marked and explained, then its quotations,
 * scare quotes, actors and indicators: the evidence behind each number, for a person. */

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "normalize.h"
#include "read.h"
#include "score.h"
#include "xalloc.h"

static void explain_usage(FILE *f)
{
    fputs("usage: slant explain [OPTIONS] FILE...\n"
          "\n"
          "Shows each article with every lexicon match marked by a number, then what each\n"
          "number is (category, lexicon entry, negated or boosted, the author's voice or a\n"
          "quotation, the nearest actor), the quotations with their speakers and report\n"
          "verbs, the scare quotes, the actor-by-category table and the indicators.\n"
          "Inputs are read as by 'slant score' (a JSON Lines file explains every record).\n"
          "\n"
          "options:\n"
          "  -f, --format FMT     text (default; colour on a terminal unless NO_COLOR is set)\n"
          "                       or html (one self-contained page)\n"
          "  -o, --output FILE    write to FILE instead of stdout\n"
          "      --id ID          only the article with this id (one record of a JSON\n"
          "                       Lines or CSV file; its id from --id-field, or FILE:LINE)\n"
          "      --where COND, --from DATE, --to DATE\n"
          "                       only the articles that pass (as for 'slant score')\n"
          "      --text-field F, --id-field F, --lexicon DIR, --lang LANG, --actors FILE,\n"
          "      --window K       as for 'slant score'\n"
          "  -h, --help           this help\n"
          "\n"
          "exit status: 0 explained; 1 some inputs were skipped with an error; 2 usage error\n"
          "or bad lexicon; 3 nothing to explain; 4 the output could not be written (\"slant:\n"
          "FILE: No space left on device\"); 130 or 143 interrupted.\n"
          "\n"
          "examples:\n"
          "  slant explain corpus/seeds/000_5941d1ad503c0a8e.txt\n"
          "  slant explain --format html -o seed.html corpus/seeds/001_73481201f27bdbcc.txt\n"
          "  slant explain --id d2 --text-field body --id-field doc tests/data/workflow/articles.csv\n",
          f);
}

typedef struct {
    int html;
    int colour;
    const slant_lexicon *lex;
    const slant_article *a;
    const slant_doc *d;
    const slant_matches *m;
    const slant_frame *f;
    const slant_record *r;
    slant_buf *out;
} view;

/* --- escaping ----------------------------------------------------------------------------- */

/* Appends text made valid UTF-8, escaped for HTML when the view is HTML. */
static void text(const view *v, const char *s, size_t len)
{
    slant_buf clean;
    slant_buf_init(&clean, SLANT_FIELD_MAX_BYTES);
    slant_utf8_sanitize(s, len, &clean);
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        if (v->html && c == '<')
            slant_buf_adds(v->out, "&lt;");
        else if (v->html && c == '>')
            slant_buf_adds(v->out, "&gt;");
        else if (v->html && c == '&')
            slant_buf_adds(v->out, "&amp;");
        else if (v->html && c == '"')
            slant_buf_adds(v->out, "&quot;");
        else if (v->html && c == '\n')
            slant_buf_adds(v->out, "<br>\n");
        else
            slant_buf_addc(v->out, c);
    }
    slant_buf_release(&clean);
}

static void ctext(const view *v, const char *s)
{
    text(v, s ? s : "", s ? strlen(s) : 0);
}

/* --- nearest actor ---------------------------------------------------------------------------- */

/*
 * The actor matches of an article, sorted two ways for the nearest actor of every match
 * in O(log n) each (looking at every match for each match was quadratic: 30,000 matches
 * took seconds). A key orders by sentence, then a word position, then match number.
 */
typedef struct {
    uint32_t sentence, pos, index;
} actor_key;

typedef struct {
    actor_key *by_end;      /* pos: the actor match's last word */
    actor_key *by_start;    /* pos: its first word */
    size_t n;
    uint32_t longest;       /* words of the longest actor match */
} actor_index;

static int key_cmp(const actor_key *a, const actor_key *b)
{
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int key_qsort(const void *a, const void *b)
{
    return key_cmp(a, b);
}

/* The first key not less than `k`. */
static size_t lower_bound(const actor_key *v, size_t n, actor_key k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(&v[mid], &k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void actor_index_build(const view *v, actor_index *ix)
{
    memset(ix, 0, sizeof *ix);
    size_t n = v->m->n;
    ix->by_end = xmalloc((n ? n : 1) * sizeof *ix->by_end);
    ix->by_start = xmalloc((n ? n : 1) * sizeof *ix->by_start);
    for (size_t i = 0; i < n; i++) {
        const slant_match *y = &v->m->items[i];
        if (!slant_lexicon_category(v->lex, y->category)->actor)
            continue;
        uint32_t s = v->d->tokens[y->first_token].sentence;
        ix->by_start[ix->n] = (actor_key){ s, y->first_token, (uint32_t)i };
        ix->by_end[ix->n] = (actor_key){ s, y->first_token + y->ntokens - 1, (uint32_t)i };
        ix->n++;
        if (y->ntokens > ix->longest)
            ix->longest = y->ntokens;
    }
    qsort(ix->by_end, ix->n, sizeof *ix->by_end, key_qsort);
    qsort(ix->by_start, ix->n, sizeof *ix->by_start, key_qsort);
}

static void actor_index_release(actor_index *ix)
{
    free(ix->by_end);
    free(ix->by_start);
}

/*
 * The actor mentioned nearest to match number `xi` in its sentence, and how many words
 * away (0 when they overlap); of actors equally near, the first in match order.
 */
static const char *nearest_actor(const view *v, const actor_index *ix, size_t xi,
                                 size_t *distance)
{
    const slant_match *x = &v->m->items[xi];
    uint32_t s = v->d->tokens[x->first_token].sentence;
    uint32_t x0 = x->first_token, x1 = x0 + x->ntokens - 1;
    size_t best_d = (size_t)-1, best_i = (size_t)-1;
    /* Overlapping x: actor matches that start at most `longest` words before it ends. */
    uint32_t from = x0 >= ix->longest ? x0 - ix->longest + 1 : 0;
    for (size_t k = lower_bound(ix->by_start, ix->n, (actor_key){ s, from, 0 });
         k < ix->n && ix->by_start[k].sentence == s && ix->by_start[k].pos <= x1; k++) {
        const slant_match *y = &v->m->items[ix->by_start[k].index];
        if (ix->by_start[k].index != xi && y->first_token + y->ntokens - 1 >= x0 &&
            ix->by_start[k].index < best_i) {
            best_d = 0;
            best_i = ix->by_start[k].index;
        }
    }
    if (best_d != 0) {
        /* Before x: the latest end before its first word (the first of that end). */
        size_t k = lower_bound(ix->by_end, ix->n, (actor_key){ s, x0, 0 });
        if (k > 0 && ix->by_end[k - 1].sentence == s) {
            actor_key g = ix->by_end[k - 1];
            g = ix->by_end[lower_bound(ix->by_end, ix->n, (actor_key){ s, g.pos, 0 })];
            best_d = x0 - g.pos;
            best_i = g.index;
        }
        /* After x: the earliest start after its last word. */
        k = lower_bound(ix->by_start, ix->n, (actor_key){ s, x1 + 1, 0 });
        if (k < ix->n && ix->by_start[k].sentence == s) {
            size_t d = ix->by_start[k].pos - x1;
            if (d < best_d || (d == best_d && ix->by_start[k].index < best_i)) {
                best_d = d;
                best_i = ix->by_start[k].index;
            }
        }
    }
    *distance = best_d;
    if (best_i == (size_t)-1)
        return NULL;
    return slant_lexicon_category(v->lex, v->m->items[best_i].category)->id;
}

/* --- the article with its marks ------------------------------------------------------------------- */

/* A match's number (its index) and where it ends, to sort the marks by place. */
typedef struct {
    size_t end, index;
} mark;

static int cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static void marked_text(const view *v)
{
    const slant_doc *d = v->d;
    size_t n = v->m->n;
    mark *marks = xmalloc((n + 1) * sizeof *marks);
    for (size_t i = 0; i < n; i++) {
        marks[i].end = d->tokens[v->m->items[i].first_token + v->m->items[i].ntokens - 1].end;
        marks[i].index = i;
    }
    qsort(marks, n, sizeof *marks, cmp_mark);
    size_t at = 0, e = 0;
    if (v->html)
        slant_buf_adds(v->out, "<p class=\"article\">");
    while (e < n) {
        size_t pos = marks[e].end;
        text(v, d->text + at, pos - at);
        at = pos;
        /* every match ending here: its number (1-based, in match order) */
        slant_buf_adds(v->out, v->html ? "<sup>" : (v->colour ? "\033[1;33m[" : "["));
        for (int first = 1; e < n && marks[e].end == pos; e++, first = 0)
            slant_buf_addf(v->out, "%s%zu", first ? "" : ",", marks[e].index + 1);
        slant_buf_adds(v->out, v->html ? "</sup>" : (v->colour ? "]\033[0m" : "]"));
    }
    text(v, d->text + at, d->len - at);
    if (v->html)
        slant_buf_adds(v->out, "</p>\n");
    slant_buf_addc(v->out, '\n');
    free(marks);
}

/* --- tables ------------------------------------------------------------------------------------ */

static void heading(const view *v, const char *title)
{
    if (v->html) {
        slant_buf_adds(v->out, "<h2>");
        ctext(v, title);
        slant_buf_adds(v->out, "</h2>\n");
    } else {
        slant_buf_addf(v->out, "\n%s%s%s\n", v->colour ? "\033[1m" : "", title,
                       v->colour ? "\033[0m" : "");
    }
}

/* A row of cells: HTML table cells or tab-free text columns. */
static void row(const view *v, const char *const *cells, size_t n, int header)
{
    if (v->html) {
        slant_buf_adds(v->out, "<tr>");
        for (size_t i = 0; i < n; i++) {
            slant_buf_adds(v->out, header ? "<th scope=\"col\">" : "<td>");
            ctext(v, cells[i]);
            slant_buf_adds(v->out, header ? "</th>" : "</td>");
        }
        slant_buf_adds(v->out, "</tr>\n");
        return;
    }
    slant_buf_adds(v->out, " ");
    for (size_t i = 0; i < n; i++)
        slant_buf_addf(v->out, " %-*s", i + 1 < n ? 18 : 0, cells[i] ? cells[i] : "");
    slant_buf_addc(v->out, '\n');
}

static void table_open(const view *v)
{
    if (v->html)
        slant_buf_adds(v->out, "<table>\n");
}

static void table_close(const view *v)
{
    if (v->html)
        slant_buf_adds(v->out, "</table>\n");
}

static void words_of(const slant_doc *d, int32_t first, uint32_t n, char *out, size_t size)
{
    if (first < 0 || !n) {
        snprintf(out, size, "-");
        return;
    }
    const slant_token *a = &d->tokens[first], *b = &d->tokens[(uint32_t)first + n - 1];
    snprintf(out, size, "%.*s", (int)(b->end - a->start), d->text + a->start);
}

static void match_table(const view *v)
{
    heading(v, "Matches");
    table_open(v);
    const char *h[] = { "#", "text", "category", "entry", "voice", "flags", "nearest actor" };
    row(v, h, 7, 1);
    actor_index ix;
    actor_index_build(v, &ix);
    for (size_t i = 0; i < v->m->n; i++) {
        const slant_match *x = &v->m->items[i];
        const slant_token *a = &v->d->tokens[x->first_token];
        const slant_token *b = &v->d->tokens[x->first_token + x->ntokens - 1];
        char num[24], surface[160], flags[64], actor[64];
        snprintf(num, sizeof num, "%zu", i + 1);
        snprintf(surface, sizeof surface, "%.*s", (int)(b->end - a->start), v->d->text + a->start);
        snprintf(flags, sizeof flags, "%s%s%s", x->negated ? "negated " : "",
                 x->boosted ? "boosted " : "", x->diminished ? "diminished" : "");
        size_t dist;
        const char *near = nearest_actor(v, &ix, i, &dist);
        if (near)
            snprintf(actor, sizeof actor, "%s (%zu words)", near, dist);
        else
            snprintf(actor, sizeof actor, "-");
        const slant_entry *e = slant_lexicon_entry(v->lex, x->entry);
        const char *cells[] = { num, surface, slant_lexicon_category(v->lex, x->category)->id,
                                e->text, v->f->speech[x->first_token] ? "quoted" : "author",
                                flags, actor };
        row(v, cells, 7, 0);
    }
    actor_index_release(&ix);
    table_close(v);
}

static void quotation_table(const view *v)
{
    heading(v, "Quotations");
    table_open(v);
    const char *h[] = { "#", "speaker", "verb", "words", "actor", "opens with" };
    row(v, h, 6, 1);
    for (size_t i = 0; i < v->f->nquotes; i++) {
        const slant_quotation *q = &v->f->quotes[i];
        const slant_quote *sq = &v->d->quotes[q->quote];
        char num[24], speaker[160], verb[64], words[24], opening[80];
        snprintf(num, sizeof num, "%zu", i + 1);
        words_of(v->d, q->speaker_first, q->speaker_words, speaker, sizeof speaker);
        if (q->continued)
            strncat(speaker, " (continued)", sizeof speaker - strlen(speaker) - 1);
        if (q->anonymous)
            strncat(speaker, " (anonymous)", sizeof speaker - strlen(speaker) - 1);
        words_of(v->d, q->verb, q->verb >= 0, verb, sizeof verb);
        if (q->verb_kind)
            strncat(verb, q->verb_kind == SLANT_VERB_LOADED ? " (loaded)" : " (neutral)",
                    sizeof verb - strlen(verb) - 1);
        snprintf(words, sizeof words, "%u", q->words);
        words_of(v->d, (int32_t)sq->first_token, sq->ntokens < 6 ? sq->ntokens : 6, opening,
                 sizeof opening);
        const char *cells[] = { num, speaker, verb, words,
                                q->actor == UINT32_MAX ? "-" : slant_lexicon_category(v->lex, q->actor)->id,
                                opening };
        row(v, cells, 6, 0);
    }
    table_close(v);
    heading(v, "Scare quotes and so-called");
    table_open(v);
    const char *h2[] = { "kind", "text" };
    row(v, h2, 2, 1);
    for (size_t i = 0; i < v->f->nscare; i++) {
        const slant_quote *sq = &v->d->quotes[v->f->scare[i]];
        char t[160];
        snprintf(t, sizeof t, "%.*s", (int)(sq->end - sq->start), v->d->text + sq->start);
        const char *cells[] = { sq->depth ? "scare quote inside a quotation" : "scare quote", t };
        row(v, cells, 2, 0);
    }
    for (size_t i = 0; i < v->f->nso_called; i++) {
        const slant_so_called *s = &v->f->so_called[i];
        char t[160];
        snprintf(t, sizeof t, "%.*s", (int)(s->end - s->start), v->d->text + s->start);
        const char *cells[] = { "so-called", t };
        row(v, cells, 2, 0);
    }
    table_close(v);
}

static void actor_table(const view *v)
{
    heading(v, "Actors (matches in the same sentence as a mention / within the window)");
    table_open(v);
    const char *h[] = { "actor", "mentions", "quotes", "agent", "patient", "categories" };
    row(v, h, 6, 1);
    size_t ncats = slant_lexicon_ncategories(v->lex);
    for (size_t a = 0; a < v->f->nactors; a++) {
        const slant_actor_stats *s = &v->f->actors[a];
        if (!s->mentions && !s->quotes)
            continue;
        char m[16], q[16], ag[16], pa[16];
        snprintf(m, sizeof m, "%u", s->mentions);
        snprintf(q, sizeof q, "%u", s->quotes);
        snprintf(ag, sizeof ag, "%u", s->agent);
        snprintf(pa, sizeof pa, "%u", s->patient);
        slant_buf cats;
        slant_buf_init(&cats, SLANT_FIELD_MAX_BYTES);
        for (size_t i = 0; i < ncats; i++)
            if (s->sentence[i] || s->window[i])
                slant_buf_addf(&cats, "%s%s %u/%u", cats.len ? ", " : "",
                               slant_lexicon_category(v->lex, i)->id, s->sentence[i], s->window[i]);
        const char *cells[] = { slant_lexicon_category(v->lex, s->category)->id, m, q, ag, pa,
                                cats.data ? cats.data : "" };
        row(v, cells, 6, 0);
        slant_buf_release(&cats);
    }
    table_close(v);
}

static void indicator_table(const view *v)
{
    heading(v, "Indicators (per 1,000 words; author's voice / quotations)");
    table_open(v);
    const char *h[] = { "category", "count", "rate", "author", "quoted" };
    row(v, h, 5, 1);
    const slant_record *r = v->r;
    for (size_t i = 0; i < r->ncats; i++) {
        const slant_category *c = slant_lexicon_category(v->lex, i);
        if (c->actor || !r->cats[i].count)
            continue;
        char n[16], rate[32], au[16], qu[16];
        snprintf(n, sizeof n, "%u", r->cats[i].count);
        snprintf(rate, sizeof rate, "%.2f", slant_rate_per_1000(r->cats[i].count, r->tokens));
        snprintf(au, sizeof au, "%u", r->cats[i].author);
        snprintf(qu, sizeof qu, "%u", r->cats[i].quoted);
        const char *cells[] = { c->id, n, rate, au, qu };
        row(v, cells, 5, 0);
    }
    table_close(v);
    const slant_frame *f = v->f;
    char line[512];
    snprintf(line, sizeof line,
             "%zu words (%zu in quotations), %zu quotations (%zu attributed, %zu speakers, "
             "%zu loaded report verbs, %zu anonymous), %zu scare quotes, certainty %.2f "
             "(hedges %.2f, assertives %.2f per 1,000 words of the author's voice)",
             r->tokens, r->quote_tokens, f->nquotes, f->attributed, f->speakers,
             f->loaded_verbs, f->anonymous_quotes, f->scare_quotes, f->certainty,
             isnan(f->hedges) ? 0 : f->hedges, isnan(f->assertives) ? 0 : f->assertives);
    if (v->html)
        slant_buf_adds(v->out, "<p>");
    else
        slant_buf_adds(v->out, "\n  ");
    ctext(v, line);
    slant_buf_adds(v->out, v->html ? "</p>\n" : "\n");
}

static void explain_article(view *v, const char *origin)
{
    char title[1024];
    snprintf(title, sizeof title, "%s%s%s (source: %s)", origin,
             v->a->title ? ": " : "", v->a->title ? v->a->title : "",
             v->a->source ? v->a->source : "unknown");
    if (v->html) {
        slant_buf_adds(v->out, "<section>\n<h1>");
        ctext(v, title);
        slant_buf_adds(v->out, "</h1>\n");
    } else {
        slant_buf_addf(v->out, "%s%s%s\n\n", v->colour ? "\033[1m" : "", title,
                       v->colour ? "\033[0m" : "");
    }
    marked_text(v);
    match_table(v);
    quotation_table(v);
    actor_table(v);
    indicator_table(v);
    if (v->html)
        slant_buf_adds(v->out, "</section>\n");
    slant_buf_addc(v->out, '\n');
}

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>slant explain</title>\n<style>\n"
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}\n"
    ".article{white-space:normal}sup{color:#8a4b00;font-weight:bold}\n"
    "table{border-collapse:collapse;margin:.5rem 0;display:block;overflow-x:auto}\n"
    "th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}\n"
    "</style>\n</head>\n<body>\n";

int slant_cli_explain(int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "lexicon", required_argument, NULL, 'L' },
        { "lang", required_argument, NULL, 'l' },
        { "actors", required_argument, NULL, 'a' },
        { "window", required_argument, NULL, 'w' },
        { "id", required_argument, NULL, 'I' },
        { "text-field", required_argument, NULL, 'T' },
        { "id-field", required_argument, NULL, 'D' },
        { "where", required_argument, NULL, 'W' },
        { "from", required_argument, NULL, 'F' },
        { "to", required_argument, NULL, 'U' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *format = "text", *output = NULL, *lexicon = NULL, *lang = "en";
    const char *text_field = "text", *id_field = "id", *id = NULL;
    slant_subset *subset = NULL;
    int li = -1;
    const char *actors[16];
    size_t nactors = 0;
    long window = SLANT_FRAME_WINDOW;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:h", options, &li)) != -1) {
        switch (c) {
        case 'I': id = optarg; break;
        case 'T': text_field = optarg; break;
        case 'D': id_field = optarg; break;
        case 'W':
        case 'F':
        case 'U':
            if (cli_subset_option(&subset, options[li].name, optarg, "explain") != 0) {
                slant_subset_free(subset);
                return SLANT_EXIT_USAGE;
            }
            break;
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case 'L': lexicon = optarg; break;
        case 'l': lang = optarg; break;
        case 'a':
            if (nactors == 16) {
                slant_subset_free(subset);
                return cli_usage_error("explain", "at most 16 --actors files");
            }
            actors[nactors++] = optarg;
            break;
        case 'w':
            if (cli_parse_count(optarg, 1, 1000, &window) != 0) {
                slant_subset_free(subset);
                return cli_usage_error("explain", "invalid window '%s'", optarg);
            }
            break;
        case 'h': slant_subset_free(subset); explain_usage(stdout); return SLANT_EXIT_OK;
        case ':':
            slant_subset_free(subset);
            return cli_usage_error("explain", "option '%s' needs a value", argv[optind - 1]);
        default:
            slant_subset_free(subset);
            return cli_usage_error("explain", "unknown option '%s'", argv[optind - 1]);
        }
    }
    int rc = SLANT_EXIT_OK;
    if (strcmp(format, "text") && strcmp(format, "html"))
        rc = cli_usage_error("explain", "unknown format '%s' (text or html)", format);
    else if (optind == argc)
        rc = cli_usage_error("explain", "no input given: name an article file");
    if (rc == SLANT_EXIT_OK && id) {
        /* --id ID is --where id=ID, spelled so that a comma in an id is no list. */
        if (!subset)
            subset = slant_subset_new();
        slant_error err;
        slant_error_clear(&err);
        if (slant_subset_id(subset, id, &err) != SLANT_OK)
            rc = cli_usage_error("explain", "%s", err.message);
    }
    if (rc != SLANT_EXIT_OK) {
        slant_subset_free(subset);
        return rc;
    }
    slant_lexicon *lex = NULL;
    rc = cli_load_lexicon_actors(lexicon, lang, actors, nactors, &lex);
    if (rc != SLANT_EXIT_OK) {
        slant_subset_free(subset);
        return rc;
    }
    slant_scorer *scorer = slant_scorer_new(lex);
    slant_scorer_set_window(scorer, (size_t)window);
    slant_buf out;
    slant_buf_init(&out, SLANT_OUTPUT_MAX_BYTES);
    view v;
    memset(&v, 0, sizeof v);
    v.html = !strcmp(format, "html");
    v.colour = !v.html && !output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    v.lex = lex;
    v.out = &out;
    if (v.html)
        slant_buf_adds(&out, page_head);
    slant_reader_options ro =
        cli_reader_options((const char *const *)(argv + optind), (size_t)(argc - optind),
                           (slant_jsonl_fields){ text_field, id_field, NULL, 0 }, subset);
    slant_reader *reader = slant_reader_new(&ro);
    size_t explained = 0, failed = 0;
    for (;;) {
        slant_article a;
        char *origin;
        long line;
        if (cli_next_article(reader, &a, &origin, &line, &failed) == SLANT_END)
            break;
        slant_scorer_score(scorer, &a);
        v.a = &a;
        v.d = slant_scorer_doc(scorer);
        v.m = slant_scorer_matches(scorer);
        v.f = slant_scorer_frame(scorer);
        v.r = slant_scorer_record(scorer);
        explain_article(&v, a.id ? a.id : origin);
        explained++;
        free(origin);
        slant_article_release(&a);
    }
    size_t left_out = slant_reader_filtered(reader);
    slant_reader_free(reader);
    if (!explained && id)
        cli_message("no article with the id '%s' in the inputs (ids come from --id-field, or "
                    "are FILE:LINE)", id);
    else if (!explained && left_out)
        cli_message("no article passed --where, --from and --to");
    if (v.html)
        slant_buf_adds(&out, "</body>\n</html>\n");
    rc = explained ? (failed ? SLANT_EXIT_PARTIAL : SLANT_EXIT_OK) : SLANT_EXIT_NOTHING;
    if (explained) {
        int wrc = cli_output_buf(output, &out);
        if (wrc != SLANT_EXIT_OK)
            rc = wrc;
    }
    slant_buf_release(&out);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
    slant_subset_free(subset);
    return rc;
}
