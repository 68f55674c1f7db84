/* slant keyness: open-vocabulary keyness, every word and 2-3 word phrase of each group
 * against the rest (vocab.h counts and tests them). */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "read.h"
#include "score.h"
#include "subset.h"
#include "vocab.h"
#include "xalloc.h"

static void keyness_usage(FILE *f)
{
    fputs("usage: slant keyness [OPTIONS] [FILES|DIRS|-]\n"
          "\n"
          "Open-vocabulary keyness: every word and every phrase of 2 to 3 words, not only\n"
          "the lexicon's entries, of each group of articles (by default, each source)\n"
          "against the other groups: its count, its document frequency (the articles it\n"
          "occurs in), Dunning's G2 with its p and Benjamini-Hochberg q over the group's\n"
          "terms, and Log Ratio. Terms the lexicon already covers are marked, so the rest\n"
          "are candidates for it. Words are case-folded; numbers and stop words (English\n"
          "function words, or --stopwords FILE) are left out, and a phrase does not begin\n"
          "or end with a stop word. Inputs as for 'slant score'.\n"
          "\n"
          "options:\n"
          "      --by FIELD          the field that names the groups (default: source; as\n"
          "                          for 'slant compare', date:year|month|week too)\n"
          "      --ngrams N          terms of 1 to N words (default 3; 1 to 3)\n"
          "      --min-df N          only terms in at least N of the group's articles\n"
          "                          (default 2)\n"
          "      --stopwords FILE    stop words, one per line ('none': no stop words)\n"
          "      --top N             terms shown per group (default 15; 0: all)\n"
          "      --new-only          only terms the lexicon does not cover\n"
          "  -f, --format FMT        text (default) or csv (every tested term)\n"
          "  -o, --output FILE       write to FILE (atomically) instead of stdout\n"
          "      --where COND, --from DATE, --to DATE\n"
          "                          only the articles that pass (as for 'slant score')\n"
          "      --text-field F, --id-field F, --lexicon DIR, --lang LANG\n"
          "                          as for 'slant score'\n"
          "  -q, --quiet             no notes on stderr\n"
          "  -h, --help              this help\n"
          "\n"
          "exit status: 0 done; 1 some inputs were skipped with an error; 2 usage error or\n"
          "bad lexicon; 3 fewer than 2 groups; 4 the output could not be written.\n"
          "\n"
          "examples:\n"
          "  slant keyness corpus/synthetic/\n"
          "  slant keyness --new-only --ngrams 2 --top 10 corpus/synthetic/\n"
          "  slant keyness --format csv --by event --min-df 1 corpus/synthetic/ > terms.csv\n",
          f);
}

/* The group of an article: a metadata field, a kept field, or a binned date. */
static const char *group_of(const slant_article *a, const char *by, char *bin, size_t size)
{
    int unit = slant_bin_of(by);
    if (unit > 0)
        return slant_bin_date((slant_bin)unit, a->date, bin, size) == 0 ? bin : "(none)";
    const char *meta[] = { "id", "source", "date", "title", "url", "event", "lang" };
    const char *vals[] = { a->id, a->source, a->date, a->title, a->url, a->event, a->lang };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++)
        if (!strcmp(by, meta[k]))
            return vals[k] ? vals[k] : "(none)";
    for (size_t k = 0; k < a->nfields; k++)
        if (!strcmp(a->fields[k].name, by))
            return a->fields[k].value ? a->fields[k].value : "(none)";
    return "(none)";
}

/* Stop words from `path`, one per line; NULL with a message when it cannot be read. */
static char **read_stopwords(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_message("cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    char **words = NULL, *line = NULL;
    size_t cap = 0, lcap = 0;
    ssize_t len;
    *n = 0;
    while ((len = getline(&line, &lcap, f)) >= 0) {
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        words = xgrow(words, &cap, *n + 2, sizeof *words);
        words[(*n)++] = xstrdup(line);
    }
    free(line);
    fclose(f);
    if (!words)
        words = xcalloc(1, sizeof *words);
    words[*n] = NULL;
    return words;
}

typedef struct {
    slant_vocab *vocab;
    const char *by;
} counting;

/* cli_each_article's callback: counts the article's terms in its group. */
static int count_article(const slant_article *a, const char *origin, long line,
                         const slant_scorer *s, void *ctx)
{
    (void)origin;
    (void)line;
    counting *cx = ctx;
    char bin[32];
    slant_vocab_add(cx->vocab, group_of(a, cx->by, bin, sizeof bin), s, a);
    return 0;
}

int slant_cli_keyness(int argc, char **argv)
{
    static const struct option options[] = {
        { "by", required_argument, NULL, 'B' },
        { "ngrams", required_argument, NULL, 'N' },
        { "min-df", required_argument, NULL, 'M' },
        { "stopwords", required_argument, NULL, 'S' },
        { "top", required_argument, NULL, 't' },
        { "new-only", no_argument, NULL, 'n' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        CLI_READ_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    const char *by = "source", *stopfile = NULL, *format = "text", *output = NULL;
    long ngrams = 3, min_df = 2, top = 15;
    int new_only = 0, rc = -1;
    cli_read_args r;
    cli_read_args_init(&r);
    optind = 1;
    opterr = 0;
    int c;
    while (rc < 0 && (c = getopt_long(argc, argv, ":f:o:qh", options, NULL)) != -1) {
        switch (c) {
        case 'B':
            by = optarg;
            if (slant_bin_of(by) < 0)
                rc = cli_usage_error("keyness", "unknown date bin '%s' (date:year, "
                                     "date:month or date:week)", by);
            break;
        case 'N':
            if (cli_parse_count(optarg, 1, 3, &ngrams) != 0)
                rc = cli_usage_error("keyness", "invalid --ngrams '%s' (1 to 3)", optarg);
            break;
        case 'M':
            if (cli_parse_count(optarg, 1, 1000000000L, &min_df) != 0)
                rc = cli_usage_error("keyness", "invalid --min-df '%s'", optarg);
            break;
        case 't':
            if (cli_parse_count(optarg, 0, 1000000000L, &top) != 0)
                rc = cli_usage_error("keyness", "invalid --top '%s'", optarg);
            break;
        case 'S': stopfile = optarg; break;
        case 'n': new_only = 1; break;
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        default: rc = cli_read_option(&r, c, optarg, "keyness", argv, keyness_usage); break;
        }
    }
    if (rc < 0 && strcmp(format, "text") && strcmp(format, "csv"))
        rc = cli_usage_error("keyness", "unknown format '%s' (text or csv)", format);
    if (rc < 0 && optind == argc)
        rc = cli_usage_error("keyness", "no input given: name files, directories, or - for stdin");
    char **stop = NULL;
    size_t nstop = 0;
    if (rc < 0 && stopfile && strcmp(stopfile, "none")) {
        stop = read_stopwords(stopfile, &nstop);
        if (!stop)
            rc = SLANT_EXIT_USAGE;
    }
    slant_lexicon *lex = NULL;
    if (rc < 0 && cli_load_lexicon(r.lexicon, r.lang, &lex) != 0)
        rc = SLANT_EXIT_USAGE;
    if (rc >= 0) {
        cli_free_list(stop);
        slant_subset_free(r.subset);
        slant_lexicon_free(lex);
        return rc;
    }
    /* --stopwords none: an empty list (not NULL, which is the built-in one). */
    static const char *const none[1] = { "" };
    slant_vocab *v = slant_vocab_new(lex, (size_t)ngrams,
                                     stop ? (const char *const *)stop : stopfile ? none : NULL,
                                     stop ? nstop : 0);
    slant_scorer *scorer = slant_scorer_new(lex);
    const char *keep[1] = { by };
    int kept = slant_bin_of(by) == SLANT_BIN_NONE;
    static const char *const meta[] = { "id", "source", "date", "title", "url", "event", "lang" };
    for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++)
        if (!strcmp(by, meta[k]))
            kept = 0;
    counting cx = { v, by };
    cli_article_counts counts;
    cli_each_article((const char *const *)(argv + optind), (size_t)(argc - optind),
                     (slant_jsonl_fields){ r.text_field, r.id_field, keep, kept ? 1 : 0 },
                     r.subset, scorer, count_article, &cx, &counts);
    if (!r.quiet)
        cli_subset_note(counts.left_out, counts.left_out + counts.articles, "article");
    size_t ngroups = slant_vocab_ngroups(v);
    slant_buf b;
    slant_buf_init(&b, SLANT_OUTPUT_MAX_BYTES);
    if (ngroups < 2) {
        cli_message("nothing to compare: %zu group%s by '%s' (--by chooses the field)",
                    ngroups, ngroups == 1 ? "" : "s", by);
        rc = SLANT_EXIT_NOTHING;
    } else {
        int csv = !strcmp(format, "csv");
        if (csv)
            slant_buf_adds(&b, "group,term,words,count,rest,per_million,rest_per_million,"
                               "log_ratio,g2,p,q,df,df_rest,in_lexicon\n");
        for (size_t g = 0; g < ngroups; g++) {
            size_t n_art;
            double words;
            const char *name = slant_vocab_group(v, g, &n_art, &words);
            double rest_words = 0;
            for (size_t h = 0; h < ngroups; h++) {
                size_t x;
                double w;
                if (h != g) {
                    slant_vocab_group(v, h, &x, &w);
                    rest_words += w;
                }
            }
            slant_vocab_term *t;
            size_t n = slant_vocab_key_terms(v, g, (size_t)min_df, 0.95, &t);
            if (!csv)
                slant_buf_addf(&b, "%s against the rest: %zu articles, %.0f words\n"
                                   "  %-32s %7s %7s %9s %9s %8s %10s %9s %5s\n",
                               name, n_art, words, "term", "n", "rest", "per 1M", "rest 1M",
                               "log2 r", "G2", "q", "df");
            size_t shown = 0;
            for (size_t i = 0; i < n; i++) {
                const slant_vocab_term *x = &t[i];
                if (new_only && x->in_lexicon)
                    continue;
                if (csv) {
                    slant_buf_add_csv(&b, name);
                    slant_buf_addc(&b, ',');
                    slant_buf_add_csv(&b, x->term);
                    slant_buf_addf(&b, ",%zu,%.0f,%.0f,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,"
                                       "%zu,%zu,%s\n",
                                   x->words, x->count, x->rest, 1e6 * x->count / words,
                                   1e6 * x->rest / rest_words, x->k.log_ratio, x->k.g2,
                                   x->k.g2_p, x->q, x->df, x->df_rest,
                                   x->in_lexicon ? "true" : "false");
                    continue;
                }
                if (x->k.g2 <= 0 || (top && shown == (size_t)top))
                    break;
                shown++;
                slant_buf_addf(&b, "  %-32s %7.0f %7.0f %9.1f %9.1f %8.2f %10.2f %9.3g %5zu%s\n",
                               x->term, x->count, x->rest, 1e6 * x->count / words,
                               1e6 * x->rest / rest_words, x->k.log_ratio, x->k.g2, x->q,
                               x->df, x->in_lexicon ? "  (lexicon)" : "");
            }
            if (!csv)
                slant_buf_adds(&b, shown ? "\n" : "  (no term over-used here)\n\n");
            free(t);
        }
        if (b.full) {
            cli_message("the output is larger than %zu bytes: nothing written (raise "
                        "--min-df, or --top with text)", (size_t)SLANT_OUTPUT_MAX_BYTES);
            rc = SLANT_EXIT_WRITE;
        } else {
            rc = cli_output_all(output, b.data ? b.data : "", b.len);
        }
        if (rc == SLANT_EXIT_OK && counts.failed)
            rc = SLANT_EXIT_PARTIAL;
    }
    slant_buf_release(&b);
    slant_scorer_free(scorer);
    slant_vocab_free(v);
    slant_lexicon_free(lex);
    cli_free_list(stop);
    slant_subset_free(r.subset);
    return rc;
}
