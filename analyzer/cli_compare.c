/* slant compare and slant merge: comparing groups of articles, and combining partial
 * comparisons from sharded runs. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_inputs.h"
#include "compare.h"
#include "compare_out.h"
#include "file.h"
#include "json.h"
#include "xalloc.h"

#define MAX_PARTIAL_BYTES ((size_t)1 << 31)

static void compare_usage(FILE *f)
{
    fputs(
        "usage: slant compare [OPTIONS] [FILES|DIRS|-]\n"
        "\n"
        "Compares groups of articles (by default, their sources): per group the mean of\n"
        "every indicator (a lexicon category's rate per 1,000 words, and the share of\n"
        "words in quotations) with its confidence interval; across groups Kruskal-Wallis\n"
        "and Welch's ANOVA; per pair Welch's t, Mann-Whitney U, Hedges' g with its CI and\n"
        "Cliff's delta; within events (--event) the paired t and Wilcoxon signed-rank\n"
        "tests; the keyness of every lexicon entry (G², Log Ratio with its CI, %DIFF,\n"
        "Fisher's exact test for small counts) and the entries behind each difference.\n"
        "p-values are corrected within named families (Benjamini-Hochberg, or Holm).\n"
        "\n"
        "inputs: articles (as for 'slant score': text files, JSON Lines, directories),\n"
        "'slant score' output (JSON Lines; keyness needs it scored with --evidence), or\n"
        "partials written by 'slant compare --partial'; '-' reads standard input.\n"
        "\n"
        "options:\n"
        "      --by FIELD          the field that names the groups (default: source);\n"
        "                          any metadata field, or a JSON Lines field\n"
        "      --event FIELD       the field that names the event an article covers\n"
        "      --indicators A,B    only these indicators (category ids, quote_share)\n"
        "      --pairs MODE        all (default), vs-rest (each group against the rest),\n"
        "                          or none\n"
        "      --max-pairs N       more pairs than N (default 45): vs-rest instead\n"
        "      --min-n N           leave out groups with fewer articles (default 2)\n"
        "      --correction C      bh (Benjamini-Hochberg, default) or holm\n"
        "      --level L           confidence level of every interval (default 0.95)\n"
        "      --alpha A           q below which the report calls a difference (0.05)\n"
        "      --permutations N    add permutation p-values for every pair\n"
        "      --bootstrap N       add percentile bootstrap CIs of the means\n"
        "      --seed S            seed of permutations and bootstrap (default 1)\n"
        "      --top N             terms shown per group and difference (default 5)\n"
        "  -f, --format FMT        text (default), json, csv or long (one row per\n"
        "                          statistic)\n"
        "      --partial           write the data of the comparison as a partial, for\n"
        "                          'slant merge', instead of comparing\n"
        "  -o, --output FILE       write to FILE (atomically) instead of stdout\n"
        "      --lexicon DIR, --lang LANG, -j N, --text-field F, --id-field F\n"
        "                          as for 'slant score', when the inputs are articles\n"
        "  -q, --quiet             no progress line\n"
        "  -h, --help              this help\n"
        "\n"
        "exit status: 0 compared; 1 some inputs or records were skipped with an error (the\n"
        "rest was compared); 2 usage error or bad lexicon; 3 nothing to compare.\n"
        "\n"
        "examples:\n"
        "  slant compare corpus/synthetic/\n"
        "  slant score --evidence -j 2 corpus/synthetic/ > s.jsonl && slant compare s.jsonl\n"
        "  slant compare --event event --format json corpus/synthetic/ > c.json\n"
        "  slant compare --indicators pejorative_labels,hedges --pairs vs-rest s.jsonl\n"
        "  slant compare --partial -o a.json corpus/synthetic/northern-voice corpus/synthetic/wire-neutral\n"
        "  slant compare --partial -o b.json corpus/synthetic/southern-herald\n"
        "  slant merge -o ab.json a.json b.json && slant compare ab.json\n"
        "\n"
        "The JSON output is documented in docs/schema/compare.md.\n",
        f);
}

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV, FORMAT_LONG } compare_format;

typedef struct {
    slant_compare_options cmp;
    const char *by;
    const char *event;
    char **indicators;
    compare_format format;
    double alpha;
    size_t top;
    int partial;
    const char *output;
    const char *lexicon;
    const char *lang;
    long threads;
    const char *text_field;
    const char *id_field;
    int quiet;
} compare_args;

enum {
    OPT_BY = 256, OPT_EVENT, OPT_INDICATORS, OPT_PAIRS, OPT_MAX_PAIRS, OPT_MIN_N,
    OPT_CORRECTION, OPT_LEVEL, OPT_ALPHA, OPT_PERMUTATIONS, OPT_BOOTSTRAP, OPT_SEED, OPT_TOP,
    OPT_PARTIAL, OPT_LEXICON, OPT_LANG, OPT_TEXT_FIELD, OPT_ID_FIELD
};

static const struct option compare_options[] = {
    { "by", required_argument, NULL, OPT_BY },
    { "event", required_argument, NULL, OPT_EVENT },
    { "indicators", required_argument, NULL, OPT_INDICATORS },
    { "pairs", required_argument, NULL, OPT_PAIRS },
    { "max-pairs", required_argument, NULL, OPT_MAX_PAIRS },
    { "min-n", required_argument, NULL, OPT_MIN_N },
    { "correction", required_argument, NULL, OPT_CORRECTION },
    { "level", required_argument, NULL, OPT_LEVEL },
    { "alpha", required_argument, NULL, OPT_ALPHA },
    { "permutations", required_argument, NULL, OPT_PERMUTATIONS },
    { "bootstrap", required_argument, NULL, OPT_BOOTSTRAP },
    { "seed", required_argument, NULL, OPT_SEED },
    { "top", required_argument, NULL, OPT_TOP },
    { "format", required_argument, NULL, 'f' },
    { "partial", no_argument, NULL, OPT_PARTIAL },
    { "output", required_argument, NULL, 'o' },
    { "lexicon", required_argument, NULL, OPT_LEXICON },
    { "lang", required_argument, NULL, OPT_LANG },
    { "threads", required_argument, NULL, 'j' },
    { "text-field", required_argument, NULL, OPT_TEXT_FIELD },
    { "id-field", required_argument, NULL, OPT_ID_FIELD },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

#define BAD(...) cli_usage_error("compare", __VA_ARGS__)

static int parse_compare_args(int argc, char **argv, compare_args *a)
{
    memset(a, 0, sizeof *a);
    a->cmp.pairs = SLANT_PAIRS_ALL;
    a->cmp.correction = SLANT_CORRECT_BH;
    a->cmp.level = 0.95;
    a->cmp.min_n = 2;
    a->cmp.max_pairs = 45;
    a->cmp.seed = 1;
    a->by = "source";
    a->alpha = 0.05;
    a->top = 5;
    a->lang = "en";
    a->threads = cli_default_threads();
    a->text_field = "text";
    a->id_field = "id";
    optind = 1;
    opterr = 0;
    int c;
    long v;
    while ((c = getopt_long(argc, argv, ":f:o:j:qh", compare_options, NULL)) != -1) {
        switch (c) {
        case OPT_BY: a->by = optarg; break;
        case OPT_EVENT: a->event = optarg; break;
        case OPT_INDICATORS:
            cli_free_list(a->indicators);
            a->indicators = cli_split_list(optarg, &a->cmp.nindicators);
            a->cmp.indicators = (const char *const *)a->indicators;
            break;
        case OPT_PAIRS:
            if (!strcmp(optarg, "all"))
                a->cmp.pairs = SLANT_PAIRS_ALL;
            else if (!strcmp(optarg, "vs-rest"))
                a->cmp.pairs = SLANT_PAIRS_VS_REST;
            else if (!strcmp(optarg, "none"))
                a->cmp.pairs = SLANT_PAIRS_NONE;
            else
                return BAD("unknown pairs mode '%s' (all, vs-rest or none)", optarg);
            break;
        case OPT_MAX_PAIRS:
        case OPT_MIN_N:
        case OPT_PERMUTATIONS:
        case OPT_BOOTSTRAP:
        case OPT_TOP:
        case OPT_SEED:
            if (cli_parse_count(optarg, c == OPT_MIN_N ? 1 : 0, 1000000000L, &v) != 0)
                return BAD("invalid number '%s' for %s", optarg, argv[optind - 1]);
            if (c == OPT_MAX_PAIRS) a->cmp.max_pairs = (size_t)v;
            if (c == OPT_MIN_N) a->cmp.min_n = (size_t)v;
            if (c == OPT_PERMUTATIONS) a->cmp.permutations = (size_t)v;
            if (c == OPT_BOOTSTRAP) a->cmp.bootstrap = (size_t)v;
            if (c == OPT_TOP) a->top = (size_t)v;
            if (c == OPT_SEED) a->cmp.seed = (unsigned long)v;
            break;
        case OPT_CORRECTION:
            if (!strcmp(optarg, "bh"))
                a->cmp.correction = SLANT_CORRECT_BH;
            else if (!strcmp(optarg, "holm"))
                a->cmp.correction = SLANT_CORRECT_HOLM;
            else
                return BAD("unknown correction '%s' (bh or holm)", optarg);
            break;
        case OPT_LEVEL:
            if (cli_parse_real(optarg, 0.5, 0.9999, &a->cmp.level) != 0)
                return BAD("invalid level '%s' (0.5 to 0.9999)", optarg);
            break;
        case OPT_ALPHA:
            if (cli_parse_real(optarg, 1e-12, 1, &a->alpha) != 0)
                return BAD("invalid alpha '%s' (above 0, at most 1)", optarg);
            break;
        case 'f':
            if (!strcmp(optarg, "text"))
                a->format = FORMAT_TEXT;
            else if (!strcmp(optarg, "json"))
                a->format = FORMAT_JSON;
            else if (!strcmp(optarg, "csv"))
                a->format = FORMAT_CSV;
            else if (!strcmp(optarg, "long"))
                a->format = FORMAT_LONG;
            else
                return BAD("unknown format '%s' (text, json, csv or long)", optarg);
            break;
        case OPT_PARTIAL: a->partial = 1; break;
        case 'o': a->output = optarg; break;
        case OPT_LEXICON: a->lexicon = optarg; break;
        case OPT_LANG: a->lang = optarg; break;
        case 'j':
            if (cli_parse_count(optarg, 1, CLI_MAX_THREADS, &v) != 0)
                return BAD("invalid thread count '%s' (1 to 256)", optarg);
            a->threads = v;
            break;
        case OPT_TEXT_FIELD: a->text_field = optarg; break;
        case OPT_ID_FIELD: a->id_field = optarg; break;
        case 'q': a->quiet = 1; break;
        case 'h': compare_usage(stdout); return SLANT_EXIT_OK;
        case ':': return BAD("option '%s' needs a value", argv[optind - 1]);
        default: return BAD("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return BAD("no input given: name files, directories, or - for stdin");
    return -1;
}

/* --- slant compare ------------------------------------------------------------------------ */

static int write_result(const compare_args *a, const slant_buf *b)
{
    cli_output out;
    if (cli_output_open(&out, a->output) != 0)
        return SLANT_EXIT_NOTHING;
    int ok = fwrite(b->data ? b->data : "", 1, b->len, out.f) == b->len;
    if (cli_output_close(&out, ok) != 0 || !ok)
        return SLANT_EXIT_NOTHING;
    return SLANT_EXIT_OK;
}

int slant_cli_compare(int argc, char **argv)
{
    compare_args a;
    int rc = parse_compare_args(argc, argv, &a);
    if (rc >= 0) {
        cli_free_list(a.indicators);
        return rc;
    }
    slant_dataset *ds = slant_dataset_new();
    cli_inputs_options io = { a.by, a.event, a.lexicon, a.lang, a.threads, a.text_field,
                              a.id_field, a.quiet, 0, 0 };
    cli_inputs_result in;
    cli_inputs_read(&io, argv + optind, (size_t)(argc - optind), ds, &in);
    size_t records = in.records, failed = in.failed;
    int had_evidence = in.had_evidence, lexicon_error = in.lexicon_error;
    cli_inputs_release(&in);
    slant_buf b;
    slant_buf_init(&b, SIZE_MAX / 2);
    if (lexicon_error) {
        rc = SLANT_EXIT_USAGE;
    } else if (!records) {
        cli_message("no articles could be read from the inputs");
        rc = SLANT_EXIT_NOTHING;
    } else if (a.partial) {
        slant_json_write_partial(ds, a.by, a.event, &b);
        rc = write_result(&a, &b);
    } else {
        slant_error err;
        slant_error_clear(&err);
        slant_comparison *c = slant_compare(ds, &a.cmp, &err);
        if (!c) {
            char text[1200];
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            rc = err.message[0] && strstr(err.message, "unknown indicator") ? SLANT_EXIT_USAGE
                                                                          : SLANT_EXIT_NOTHING;
        } else {
            slant_compare_view v = { a.by, a.event, a.top, a.alpha,
                                     !a.output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR") };
            if (a.format == FORMAT_JSON)
                slant_compare_write_json(c, &v, &b);
            else if (a.format == FORMAT_CSV)
                slant_compare_write_csv(c, &b);
            else if (a.format == FORMAT_LONG)
                slant_compare_write_long(c, &b);
            else
                slant_compare_write_text(c, &v, &b);
            if (!had_evidence && a.format != FORMAT_TEXT && !a.quiet)
                cli_message("note: no term keyness: the score records have no evidence "
                            "(score with --evidence)");
            rc = write_result(&a, &b);
            slant_comparison_free(c);
        }
    }
    if (rc == SLANT_EXIT_OK && failed) {
        cli_message("%zu input%s or record%s skipped with errors", failed,
                    failed == 1 ? "" : "s", failed == 1 ? "" : "s");
        rc = SLANT_EXIT_PARTIAL;
    }
    slant_buf_release(&b);
    slant_dataset_free(ds);
    cli_free_list(a.indicators);
    return rc;
}

/* --- slant merge -------------------------------------------------------------------------- */

static void merge_usage(FILE *f)
{
    fputs("usage: slant merge [-o FILE] PARTIAL...\n"
          "\n"
          "Combines partial comparisons (written by 'slant compare --partial', for example\n"
          "one per shard of a corpus) into one partial. Comparing the merged partial gives\n"
          "exactly the comparison of the whole corpus: 'slant compare merged.json'.\n"
          "All partials must be grouped by the same field (and events).\n"
          "\n"
          "example:\n"
          "  slant compare --partial -o a.json corpus/synthetic/northern-voice\n"
          "  slant compare --partial -o b.json corpus/synthetic/southern-herald\n"
          "  slant merge -o all.json a.json b.json && slant compare all.json\n",
          f);
}

int slant_cli_merge(int argc, char **argv)
{
    const char *output = NULL;
    optind = 1;
    opterr = 0;
    static const struct option options[] = {
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'h') {
            merge_usage(stdout);
            return SLANT_EXIT_OK;
        } else if (c == ':')
            return cli_usage_error("merge", "option '%s' needs a value", argv[optind - 1]);
        else
            return cli_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
    }
    if (optind == argc)
        return cli_usage_error("merge", "no partials given");
    slant_dataset *ds = slant_dataset_new();
    char *by = NULL, *event = NULL;
    size_t failed = 0;
    for (int i = optind; i < argc; i++) {
        char *data;
        size_t len;
        slant_error err;
        char text[1200];
        char *b = NULL, *e = NULL;
        slant_status st = slant_read_file(argv[i], MAX_PARTIAL_BYTES, &data, &len, &err);
        if (st == SLANT_OK) {
            st = slant_json_read_partial(data, len, argv[i], ds, &b, &e, &err);
            free(data);
        }
        if (st != SLANT_OK) {
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            failed++;
        } else if (!by) {
            by = b ? b : xstrdup("source");
            event = e;
            b = e = NULL;
        } else if (!b || strcmp(b, by) || (e ? !event || strcmp(e, event) : event != NULL)) {
            cli_message("'%s' was grouped differently from the first partial: not merged "
                        "into a mixed comparison",
                        argv[i]);
            free(b);
            free(e);
            free(by);
            free(event);
            slant_dataset_free(ds);
            return SLANT_EXIT_USAGE;
        }
        free(b);
        free(e);
    }
    int rc = SLANT_EXIT_NOTHING;
    if (by) {
        slant_buf out;
        slant_buf_init(&out, SIZE_MAX / 2);
        slant_json_write_partial(ds, by, event, &out);
        cli_output o;
        rc = SLANT_EXIT_NOTHING;
        if (cli_output_open(&o, output) == 0) {
            int ok = fwrite(out.data, 1, out.len, o.f) == out.len;
            rc = cli_output_close(&o, ok) == 0 && ok ? (failed ? SLANT_EXIT_PARTIAL : 0)
                                                     : SLANT_EXIT_NOTHING;
        }
        slant_buf_release(&out);
    }
    free(by);
    free(event);
    slant_dataset_free(ds);
    return rc;
}
