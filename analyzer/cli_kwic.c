/* slant kwic: keyword in context, the occurrences of a term with their source, id, byte
 * offsets and the words around them (kwic.h finds them). */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "jw.h"
#include "kwic.h"
#include "normalize.h"
#include "read.h"
#include "score.h"

static void kwic_usage(FILE *f)
{
    fputs("usage: slant kwic [OPTIONS] TERM [FILES|DIRS|-]\n"
          "\n"
          "Keyword in context: every occurrence of TERM in the articles, with its source,\n"
          "id, byte offsets, the words to its left and right, and the form matched. TERM\n"
          "is a category id of the lexicon (every match of the category), an entry of the\n"
          "lexicon as written (its matches as scoring finds them: stems and multi-word\n"
          "entries, in every category listing it), or else a plain word or phrase,\n"
          "compared after case folding; a final '*' matches any ending ('extrem*').\n"
          "Use it to read how a word is used, and to find the loaded words a lexicon lacks.\n"
          "Inputs are read as by 'slant score' (text, JSON Lines, CSV, TSV, directories).\n"
          "\n"
          "options:\n"
          "  -f, --format FMT     text (default: one line per occurrence) or jsonl (source,\n"
          "                       id, file, line, start, end, sentence, left, match,\n"
          "                       right, entry, category)\n"
          "  -w, --width N        bytes of context on each side (default 40)\n"
          "      --words          read TERM as plain words even if the lexicon has it\n"
          "  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
          "      --where COND, --from DATE, --to DATE\n"
          "                       only the articles that pass (as for 'slant score')\n"
          "      --text-field F, --id-field F, --lexicon DIR, --lang LANG\n"
          "                       as for 'slant score'\n"
          "  -q, --quiet          no summary on stderr\n"
          "  -h, --help           this help\n"
          "\n"
          "Offsets are bytes of the article's text as read (of the file for text files;\n"
          "of the decoded text field or cell for JSON Lines, CSV and TSV), as in 'slant\n"
          "score --evidence; a title's words (a headline) are not searched. The\n"
          "summary (occurrences, articles) goes to stderr.\n"
          "\n"
          "exit status: 0 searched (with or without occurrences); 1 some inputs were\n"
          "skipped with an error; 2 usage error or bad lexicon; 3 no article could be\n"
          "read; 4 the output could not be written.\n"
          "\n"
          "examples:\n"
          "  slant kwic radical corpus/synthetic/\n"
          "  slant kwic pejorative_labels --format jsonl corpus/seeds/ > hits.jsonl\n"
          "  slant kwic --words 'the bridge' -w 30 corpus/synthetic/\n"
          "  slant kwic 'extrem*' --where 'source=Northern Voice' corpus/synthetic/\n",
          f);
}

/* The bytes [from, to) of `text` without cutting a UTF-8 character: `from` moved forward
 * and `to` back to character starts. */
static void char_bounds(const char *text, size_t len, size_t *from, size_t *to)
{
    while (*from < len && *from > 0 && ((unsigned char)text[*from] & 0xC0) == 0x80)
        (*from)++;
    while (*to < len && *to > *from && ((unsigned char)text[*to] & 0xC0) == 0x80)
        (*to)--;
}

/* Context as one line: runs of white space (line breaks too) become one space. */
static void flat(slant_buf *out, const char *s, size_t n)
{
    slant_buf tmp;
    slant_buf_init(&tmp, SLANT_FIELD_MAX_BYTES);
    slant_utf8_sanitize(s, n, &tmp);
    int space = 0;
    for (size_t i = 0; i < tmp.len; i++) {
        char c = tmp.data[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = 1;
            continue;
        }
        if (space)
            slant_buf_addc(out, ' ');
        space = 0;
        slant_buf_addc(out, c);
    }
    if (space)
        slant_buf_addc(out, ' ');
    slant_buf_release(&tmp);
}

typedef struct {
    const slant_lexicon *lex;
    int jsonl;
    size_t width;
    slant_buf *out;
    slant_buf left, match, right;
} writer;

static void write_hit(writer *w, const slant_article *a, const char *origin, long line,
                      const slant_kwic_hit *h)
{
    const char *text = a->text;
    size_t len = a->text_len, lo = h->start > w->width ? h->start - w->width : 0;
    size_t hi = h->end + w->width < len ? h->end + w->width : len;
    if (lo < a->text_offset)
        lo = a->text_offset; /* not into a header block */
    size_t l0 = lo, l1 = h->start, r0 = h->end, r1 = hi;
    char_bounds(text, len, &l0, &l1);
    char_bounds(text, len, &r0, &r1);
    slant_buf_reset(&w->left);
    slant_buf_reset(&w->match);
    slant_buf_reset(&w->right);
    flat(&w->left, text + l0, h->start - l0);
    flat(&w->match, text + h->start, h->end - h->start);
    flat(&w->right, text + h->end, r1 - h->end);
    const char *id = a->id ? a->id : origin;
    const slant_entry *e = h->entry >= 0 ? slant_lexicon_entry(w->lex, (size_t)h->entry) : NULL;
    const char *cat = h->category >= 0
                          ? slant_lexicon_category(w->lex, (size_t)h->category)->id
                          : NULL;
    if (w->jsonl) {
        slant_jw j;
        slant_jw_init(&j, w->out);
        slant_jw_open(&j, '{');
        slant_jw_member_cstring(&j, "source", a->source);
        slant_jw_member_cstring(&j, "id", id);
        slant_jw_member_cstring(&j, "file", origin);
        if (line)
            slant_jw_member_count(&j, "line", (size_t)line);
        slant_jw_member_count(&j, "start", h->start);
        slant_jw_member_count(&j, "end", h->end);
        slant_jw_member_count(&j, "sentence", h->sentence);
        slant_jw_member_string(&j, "left", w->left.data ? w->left.data : "", w->left.len);
        slant_jw_member_string(&j, "match", w->match.data ? w->match.data : "", w->match.len);
        slant_jw_member_string(&j, "right", w->right.data ? w->right.data : "", w->right.len);
        slant_jw_member_cstring(&j, "entry", e ? e->text : NULL);
        slant_jw_member_cstring(&j, "category", cat);
        slant_jw_close(&j, '}');
        slant_jw_release(&j);
        slant_buf_addc(w->out, '\n');
        return;
    }
    slant_buf_addf(w->out, "%s [%zu,%zu] ", id, h->start, h->end);
    for (size_t pad = w->left.len; pad < w->width; pad++)
        slant_buf_addc(w->out, ' ');
    slant_buf_add(w->out, w->left.data ? w->left.data : "", w->left.len);
    slant_buf_addc(w->out, '[');
    slant_buf_add(w->out, w->match.data ? w->match.data : "", w->match.len);
    slant_buf_addc(w->out, ']');
    slant_buf_add(w->out, w->right.data ? w->right.data : "", w->right.len);
    if (cat)
        slant_buf_addf(w->out, "  (%s: %s)", cat, e ? e->text : "");
    slant_buf_addc(w->out, '\n');
}

typedef struct {
    slant_kwic *kwic;
    writer *w;
    cli_output *out;
    size_t with, total; /* articles with an occurrence; occurrences */
    int write_failed;
} searching;

/* cli_each_article's callback: writes the article's occurrences (the buffer goes out every
 * 64 KiB and after each article with one); stops when a write failed. */
static int search_article(const slant_article *a, const char *origin, long line,
                          const slant_scorer *s, void *ctx)
{
    searching *sx = ctx;
    const slant_kwic_hit *hits;
    size_t n = slant_kwic_find(sx->kwic, s, a, &hits);
    sx->with += n > 0;
    sx->total += n;
    for (size_t i = 0; i < n; i++)
        write_hit(sx->w, a, origin, line, &hits[i]);
    slant_buf *buf = sx->w->out;
    if (buf->len >= 1 << 16 || n) {
        if (cli_output_write(sx->out, buf->data ? buf->data : "", buf->len) != 0)
            sx->write_failed = 1;
        slant_buf_reset(buf);
    }
    return sx->write_failed;
}

int slant_cli_kwic(int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "width", required_argument, NULL, 'w' },
        { "words", no_argument, NULL, 'W' },
        { "output", required_argument, NULL, 'o' },
        CLI_READ_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    const char *format = "text", *output = NULL;
    long width = 40;
    int words = 0, rc = -1;
    cli_read_args r;
    cli_read_args_init(&r);
    optind = 1;
    opterr = 0;
    int c;
    while (rc < 0 && (c = getopt_long(argc, argv, ":f:w:o:qh", options, NULL)) != -1) {
        switch (c) {
        case 'f': format = optarg; break;
        case 'w':
            if (cli_parse_count(optarg, 0, 10000, &width) != 0)
                rc = cli_usage_error("kwic", "invalid width '%s' (0 to 10000 bytes)", optarg);
            break;
        case 'W': words = 1; break;
        case 'o': output = optarg; break;
        default: rc = cli_read_option(&r, c, optarg, "kwic", argv, kwic_usage); break;
        }
    }
    if (rc < 0 && strcmp(format, "text") && strcmp(format, "jsonl"))
        rc = cli_usage_error("kwic", "unknown format '%s' (text or jsonl)", format);
    if (rc < 0 && optind >= argc)
        rc = cli_usage_error("kwic", "no term given: 'slant kwic TERM FILES'");
    if (rc < 0 && optind + 1 >= argc)
        rc = cli_usage_error("kwic", "no input given: name files, directories, or - for stdin");
    if (rc >= 0) {
        slant_subset_free(r.subset);
        return rc;
    }
    const char *term = argv[optind];
    slant_lexicon *lex = NULL;
    if (cli_load_lexicon(r.lexicon, r.lang, &lex) != 0) {
        slant_subset_free(r.subset);
        return SLANT_EXIT_USAGE;
    }
    slant_error err;
    slant_error_clear(&err);
    slant_kwic *k = slant_kwic_new(lex, term, words, &err);
    if (!k) {
        rc = cli_usage_error("kwic", "%s", err.message);
        slant_lexicon_free(lex);
        slant_subset_free(r.subset);
        return rc;
    }
    cli_output out;
    if (cli_output_open(&out, output) != 0) {
        slant_kwic_free(k);
        slant_lexicon_free(lex);
        slant_subset_free(r.subset);
        return SLANT_EXIT_NOTHING;
    }
    slant_scorer *scorer = slant_scorer_new(lex);
    slant_buf buf;
    slant_buf_init(&buf, SLANT_OUTPUT_MAX_BYTES); /* written every 64 KiB */
    writer w = { lex, !strcmp(format, "jsonl"), (size_t)width, &buf, { 0 }, { 0 }, { 0 } };
    slant_buf_init(&w.left, SLANT_FIELD_MAX_BYTES);
    slant_buf_init(&w.match, SLANT_FIELD_MAX_BYTES);
    slant_buf_init(&w.right, SLANT_FIELD_MAX_BYTES);
    searching sx = { k, &w, &out, 0, 0, 0 };
    cli_article_counts counts;
    cli_each_article((const char *const *)(argv + optind + 1), (size_t)(argc - optind - 1),
                     (slant_jsonl_fields){ r.text_field, r.id_field, NULL, 0 }, r.subset,
                     scorer, search_article, &sx, &counts);
    size_t articles = counts.articles, failed = counts.failed, left_out = counts.left_out;
    size_t with = sx.with, total = sx.total;
    int write_failed = sx.write_failed;
    static const char *const modes[] = { "category", "lexicon entry", "words" };
    if (!r.quiet) {
        cli_subset_note(left_out, left_out + articles, "article");
        cli_message("%zu occurrence%s of '%s' (%s) in %zu of %zu article%s", total,
                    total == 1 ? "" : "s", term, modes[slant_kwic_get_mode(k)], with, articles,
                    articles == 1 ? "" : "s");
    }
    rc = failed ? (articles ? SLANT_EXIT_PARTIAL : SLANT_EXIT_NOTHING)
                : (articles ? SLANT_EXIT_OK : SLANT_EXIT_NOTHING);
    if (!articles && !failed)
        cli_message(left_out ? "no article passed --where, --from and --to"
                             : "no articles found in the inputs");
    if (cli_output_close(&out, !write_failed && articles > 0) != 0 || write_failed)
        rc = SLANT_EXIT_WRITE;
    slant_buf_release(&w.left);
    slant_buf_release(&w.match);
    slant_buf_release(&w.right);
    slant_buf_release(&buf);
    slant_scorer_free(scorer);
    slant_kwic_free(k);
    slant_lexicon_free(lex);
    slant_subset_free(r.subset);
    return rc;
}
