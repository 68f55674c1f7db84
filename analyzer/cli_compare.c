/* slant compare: its options and its wiring, from the inputs to the written comparison
 * (or partial). The clusters of --cluster are read in cli_cluster.c, the identity of a
 * partial stamped in cli_partial.c; slant merge is in cli_merge.c. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_compare.h"
#include "cli_inputs.h"
#include "compare.h"
#include "compare_out.h"
#include "partial_json.h"

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
        "'slant score' output (JSON Lines: its entry counts give the keyness), or\n"
        "partials written by 'slant compare --partial'; '-' reads standard input.\n"
        "\n",
        f);
    fputs(
        "options:\n"
        "      --by FIELD          the field that names the groups (default: source);\n"
        "                          any metadata field, or a JSON Lines field; date:year,\n"
        "                          date:month or date:week: the date binned (ISO weeks),\n"
        "                          groups in time order\n"
        "      --where COND        only articles or records that pass COND: FIELD=VALUE,\n"
        "                          FIELD=A,B (one of), FIELD!=VALUE, FIELD~REGEX (POSIX\n"
        "                          extended), FIELD!~REGEX; repeatable (all must hold)\n"
        "      --from DATE         only those dated on or after DATE (YYYY, YYYY-MM, or a\n"
        "                          date: 2025-03-10, 'March 10, 2025', '10 Mar 2025', ...;\n"
        "                          'man slant', DATES); undated ones are left out\n"
        "      --to DATE           only those dated on or before DATE; the count left\n"
        "                          out goes to stderr\n"
        "      --event FIELD       the field that names the event an article covers;\n"
        "                          auto: events found from dates and content stems\n"
        "                          (docs/events.md; score records need --signature)\n"
        "      --event-window DAYS  with --event auto: days apart at most (default 2)\n"
        "      --event-threshold T  with --event auto: the similarity that links two\n"
        "                          articles (default 0.25)\n"
        "      --event-method M    with --event auto: tfidf (cosine, default) or jaccard\n"
        "      --every UNIT        over time: per group and day, week, month or year the\n"
        "                          mean of each indicator with its CI, and per group a\n"
        "                          Mann-Kendall test of the period means with Sen's slope\n"
        "      --split DATE        per group, the articles before DATE against those on or\n"
        "                          after it: the difference, its Welch CI, Mann-Whitney p\n"
        "      --strata FIELD      compare within the strata FIELD names (e.g. topic) too:\n"
        "                          van Elteren's test, the adjusted difference (OLS with\n"
        "                          stratum fixed effects), and whether each difference\n"
        "                          holds, shrinks or vanishes with the stratum held fixed\n",
        f);
    fputs(
        "      --indicators A,B    only these indicators (category ids, quote_share)\n"
        "      --pairs MODE        all (default), vs-rest (each group against the rest),\n"
        "                          or none\n"
        "      --max-pairs N       more pairs than N (default 45): vs-rest instead\n"
        "      --min-n N           leave out groups with fewer articles (default 5)\n"
        "      --correction C      bh (Benjamini-Hochberg, default) or holm\n"
        "      --level L           confidence level of every interval (default 0.95)\n"
        "      --alpha A           q below which the report calls a difference (0.05)\n"
        "      --permutations N    add permutation p-values for every pair\n"
        "      --bootstrap N       add percentile bootstrap CIs of the means\n"
        "      --seed S            seed of permutations and bootstrap (default 1)\n"
        "      --top N             terms shown per group and difference (default 5); the\n"
        "                          keyness rows: the significant ones and the top N per\n"
        "                          group and pair\n"
        "      --keyness ROWS      selected (default: as --top says) or all (every term\n"
        "                          row); the JSON says how many were left out\n"
        "      --min-df N          a term is key only in N or more articles of the side\n"
        "                          that overuses it, and a contested concept is tested\n"
        "                          only when N or more articles use it (default 3)\n"
        "      --actors FILE       add the actors of FILE (lines 'id: alias, alias') when\n"
        "                          the inputs are articles; may be repeated (at most 16)\n",
        f);
    fputs(
        "  -f, --format FMT        text (default), json, csv or long (one row per\n"
        "                          statistic)\n"
        "      --partial           write the data of the comparison as a partial, for\n"
        "                          'slant merge', instead of comparing\n"
        "      --shard K/N         with --partial: only shard K of N of the articles or\n"
        "                          score records, by id (docs/batch.md); the N partials\n"
        "                          merge to exactly the whole\n"
        "  -o, --output FILE       write to FILE (atomically) instead of stdout; FILE.gz\n"
        "                          or FILE.zst is written compressed\n"
        "      --lexicon DIR, --lang LANG, --weights FILE, --text-field F, --id-field F\n"
        "                          as for 'slant score', when the inputs are articles\n"
        "  -j, --threads N         threads for scoring articles and for comparing (default:\n"
        "                          the number of cores); the output is the same for any N\n",
        f);
    fputs(
        "      --cluster FIELD     cluster-robust (CR1) standard errors of every pair's mean\n"
        "                          difference, articles clustered by FIELD (e.g. source when\n"
        "                          comparing ratings); the inputs are read twice; the\n"
        "                          count model's covariance is then CR1 too\n"
        "      --no-count-model    no count model: by default each rate indicator also gets\n"
        "                          a negative binomial regression of the articles' counts\n"
        "                          with log(words) as offset: every pair's rate ratio with\n"
        "                          its CI and q (secondary), and the test of the groups\n"
        "  -q, --quiet             no progress line\n"
        "  -h, --help              this help\n"
        "\n"
        "      --force             compare inputs scored with different lexicons\n"
        "                          (refused by default: their counts differ in kind)\n"
        "\n"
        "exit status: 0 compared; 1 some inputs or records were skipped with an error (the\n"
        "rest was compared); 2 usage error, bad lexicon, or inputs of different lexicons;\n"
        "3 nothing to compare; 4 the output could not be written (\"slant: FILE: No space\n"
        "left on device\"); 130 or 143 interrupted (the temporary file of -o removed).\n"
        "\n"
        "examples:\n"
        "  slant compare corpus/synthetic/\n"
        "  slant score -j 2 corpus/synthetic/ > s.jsonl && slant compare s.jsonl\n"
        "  slant compare --event event --format json corpus/synthetic/ > c.json\n"
        "  slant compare --event auto --format json corpus/synthetic/ > c.json\n"
        "  slant score --signature corpus/synthetic/ | slant compare --event auto -\n"
        "  slant compare --strata event --indicators pejorative_labels corpus/synthetic/\n"
        "  slant compare --indicators pejorative_labels,hedges --pairs vs-rest s.jsonl\n"
        "  slant compare --format csv --keyness all --min-df 1 corpus/synthetic/ > k.csv\n"
        "  slant compare --min-n 1 --lexicon tests/data/lexicon-frame \\\n"
        "      --actors lexicons/actors/armenia-azerbaijan.txt -f json corpus/seeds/\n"
        "  slant compare --no-count-model --format csv s.jsonl > c.csv\n"
        "  slant compare --by date:month --where 'source=Northern Voice' corpus/synthetic/\n"
        "  slant compare --from 2025-03-10 --to 2025-04 --where 'source!=Meridian Wire' s.jsonl\n"
        "  slant compare --every month --split 2025-06-01 --indicators loaded_index s.jsonl\n"
        "  slant compare --partial -o a.json corpus/synthetic/northern-voice corpus/synthetic/wire-neutral\n"
        "  slant compare --partial -o b.json corpus/synthetic/southern-herald\n"
        "  slant merge -o ab.json a.json b.json && slant compare ab.json\n"
        "\n"
        "The JSON output is documented in docs/schema/compare.md.\n",
        f);
}

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_CSV, FORMAT_LONG } compare_format;

typedef struct {
    cli_comparison_args common;    /* the options compare shares with report */
    compare_format format;
    int partial;
    const char *cluster;           /* --cluster FIELD, or NULL */
    const char *output;
    int keyness_all;               /* --keyness all: every term row, not the selection */
} compare_args;

enum { OPT_PERMUTATIONS = CLI_OPT_OWN, OPT_BOOTSTRAP, OPT_PARTIAL, OPT_SHARD, OPT_CLUSTER,
       OPT_KEYNESS, OPT_NO_COUNT_MODEL };

static const struct option compare_options[] = {
    CLI_COMPARISON_OPTIONS,
    { "permutations", required_argument, NULL, OPT_PERMUTATIONS },
    { "bootstrap", required_argument, NULL, OPT_BOOTSTRAP },
    { "format", required_argument, NULL, 'f' },
    { "partial", no_argument, NULL, OPT_PARTIAL },
    { "shard", required_argument, NULL, OPT_SHARD },
    { "cluster", required_argument, NULL, OPT_CLUSTER },
    { "keyness", required_argument, NULL, OPT_KEYNESS },
    { "no-count-model", no_argument, NULL, OPT_NO_COUNT_MODEL },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

#define BAD(...) cli_usage_error("compare", __VA_ARGS__)

static int parse_compare_args(int argc, char **argv, compare_args *a)
{
    memset(a, 0, sizeof *a);
    cli_comparison_defaults(&a->common);
    optind = 1;
    opterr = 0;
    int c;
    long v;
    int li = -1;
    while ((c = getopt_long(argc, argv, ":f:o:j:qh", compare_options, &li)) != -1) {
        char spelled[48];
        cli_option_spelled(compare_options, &li, c, spelled, sizeof spelled);
        int shared = c == ':' || c == '?'
                         ? CLI_OPTION_OTHER
                         : cli_comparison_option(&a->common, c, optarg, spelled, "compare");
        if (shared == CLI_OPTION_APPLIED)
            continue;
        if (shared != CLI_OPTION_OTHER)
            return shared;
        switch (c) {
        case OPT_PERMUTATIONS:
        case OPT_BOOTSTRAP:
            if (cli_parse_count(optarg, 0, 1000000000L, &v) != 0)
                return BAD("invalid number '%s' for %s", optarg, spelled);
            if (c == OPT_PERMUTATIONS)
                a->common.cmp.permutations = (size_t)v;
            else
                a->common.cmp.bootstrap = (size_t)v;
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
        case OPT_SHARD:
            if (slant_shard_parse(optarg, &a->common.in.shard) != 0)
                return BAD("invalid shard '%s' (K/N, 1 <= K <= N)", optarg);
            break;
        case OPT_CLUSTER: a->cluster = optarg; break;
        case OPT_KEYNESS:
            if (!strcmp(optarg, "all"))
                a->keyness_all = 1;
            else if (!strcmp(optarg, "selected"))
                a->keyness_all = 0;
            else
                return BAD("unknown keyness rows '%s' (selected or all)", optarg);
            break;
        case OPT_NO_COUNT_MODEL: a->common.cmp.count_model = 0; break;
        case 'o': a->output = optarg; break;
        case 'h': compare_usage(stdout); return SLANT_EXIT_OK;
        case ':': return BAD("option '%s' needs a value", argv[optind - 1]);
        default: return BAD("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return BAD("no input given: name files, directories, or - for stdin");
    if (a->common.in.shard.n && !a->partial)
        return BAD("--shard needs --partial (a shard is merged with the others, not "
                   "compared alone)");
    if (a->cluster && a->partial)
        return BAD("--cluster needs the articles' rows: it cannot be combined with --partial");
    if (a->common.in.event_auto && a->partial)
        return BAD("--event auto finds events over the whole corpus: it cannot be combined "
                   "with --partial (score the shards with --signature and compare the "
                   "records with --event auto)");
    return -1;
}

/* --- slant compare ------------------------------------------------------------------------ */

static int write_result(const compare_args *a, const slant_buf *b)
{
    return cli_output_buf(a->output, b);
}

int slant_cli_compare(int argc, char **argv)
{
    compare_args a;
    int rc = parse_compare_args(argc, argv, &a);
    if (rc >= 0) {
        cli_comparison_release(&a.common);
        return rc;
    }
    cli_phases ph;
    cli_phases_start(&ph, a.common.in.quiet);
    slant_dataset *ds = slant_dataset_new();
    const cli_inputs_options *io = &a.common.in;
    a.common.cmp.threads = (size_t)io->threads; /* -j: scoring and comparing alike */
    a.common.in.input_order = a.cluster != NULL; /* sorted with the clusters (cli_read_clusters) */
    cli_inputs_result in;
    slant_events_summary found;
    memset(&found, 0, sizeof found);
    cli_inputs_read(io, argv + optind, (size_t)(argc - optind), ds, &in);
    uint32_t *cluster = NULL;
    if (a.cluster && in.records && !in.lexicon_error && !in.lexicon_mismatch)
        cluster = cli_read_clusters(&a.common.in, a.cluster, argv + optind,
                                    (size_t)(argc - optind), ds, &a.common.cmp.cluster_ids);
    else if (a.cluster)
        slant_dataset_sort(ds);
    size_t records = in.records, failed = in.failed;
    int had_evidence = in.had_evidence, lexicon_error = in.lexicon_error;
    slant_buf b;
    slant_buf_init(&b, SLANT_OUTPUT_MAX_BYTES);
    if (lexicon_error || in.lexicon_mismatch) {
        rc = SLANT_EXIT_USAGE;
    } else if (!records && !(a.partial && io->shard.n && !failed && !in.filtered)) {
        if (!a.common.in.quiet)
            cli_subset_note(in.filtered, in.filtered, "article");
        cli_message(in.filtered ? "no article passed --where, --from and --to"
                                : "no articles could be read from the inputs");
        rc = SLANT_EXIT_NOTHING;
    } else if (a.partial) {
        rc = cli_inputs_check(&a.common, &in, &ds, "compare");
        if (rc == SLANT_EXIT_OK) {
            slant_json_write_partial(ds, io->by, io->event, io->strata, &b);
            cli_partial_stamp(&a.common, &in, argv + optind, (size_t)(argc - optind), &b);
            rc = write_result(&a, &b);
        }
    } else if ((rc = cli_events_find(&a.common, &in, ds, &found)) != SLANT_EXIT_OK ||
               (rc = cli_inputs_check(&a.common, &in, &ds, "compare")) != SLANT_EXIT_OK ||
               (rc = cli_strata_check(&a.common, ds)) != SLANT_EXIT_OK) {
        /* said why */
    } else {
        slant_error err;
        slant_error_clear(&err);
        a.common.cmp.cluster = cluster;
        a.common.cmp.progress = (slant_progress){ cli_phase_progress, &ph };
        slant_comparison *c = a.cluster && !cluster ? NULL
                                                    : slant_compare(ds, &a.common.cmp, &err);
        if (a.cluster && !cluster) {
            rc = SLANT_EXIT_USAGE;
        } else if (!c) {
            char text[1200];
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            rc = err.message[0] && strstr(err.message, "unknown indicator") ? SLANT_EXIT_USAGE
                                                                          : SLANT_EXIT_NOTHING;
        } else {
            slant_compare_view v = { io->by, io->event, a.common.top, a.common.alpha,
                                     !a.output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
                                     NULL, NULL };
            if (io->event_auto) {
                v.event = "auto";
                v.events_options = &a.common.events;
                v.events_found = &found;
            }
            if (!a.keyness_all)
                slant_comparison_select_terms(c, a.common.alpha, a.common.top);
            if (a.format == FORMAT_JSON)
                slant_compare_write_json(c, &v, &b);
            else if (a.format == FORMAT_CSV)
                slant_compare_write_csv(c, &b);
            else if (a.format == FORMAT_LONG)
                slant_compare_write_long(c, &b);
            else
                slant_compare_write_text(c, &v, &b);
            if (!had_evidence && a.format != FORMAT_TEXT && !io->quiet)
                cli_message("note: no term keyness: the score records have no entry "
                            "counts (score them again with this slant)");
            if (c->terms_left_out && (a.format == FORMAT_CSV || a.format == FORMAT_LONG) &&
                !io->quiet)
                cli_message("note: %zu of %zu keyness rows left out: those not significant "
                            "beyond the top %zu per group and pair, or in fewer than %zu "
                            "articles (--keyness all writes every row)",
                            c->terms_left_out, c->nterms, a.common.top, a.common.cmp.min_df);
            if (c->keyness_pairs_capped && !io->quiet)
                cli_message("note: keyness of each group against the rest only: every pair "
                            "would make more than %d rows", SLANT_KEYNESS_MAX_PAIR_ROWS);
            if (c->clusters_nested && !io->quiet)
                cli_message("note: '%s' is constant within each '%s': the groups are made of "
                            "whole clusters, so the evidence is in the %zu clusters, not the "
                            "articles; read the cluster-robust columns (cluster_p)",
                            io->by, a.cluster, a.common.cmp.cluster_ids);
            if (c->opts.strata && c->strata_missing)
                cli_message("note: %zu article%s without a '%s' value (--strata) left out of "
                            "the comparison within strata%s",
                            c->strata_missing, c->strata_missing == 1 ? "" : "s",
                            c->opts.strata,
                            c->nstrata ? "" : ": no article has one (a JSON Lines field "
                                              "reaches score records only if kept: 'slant "
                                              "score --keep FIELD')");
            rc = write_result(&a, &b);
            if (rc == SLANT_EXIT_OK)
                cli_run_summary(&ph, slant_dataset_nrows(ds), c->ngroups,
                                c->nindicators ? c->npairs / c->nindicators : 0);
            slant_comparison_free(c);
        }
    }
    free(cluster);
    if (rc == SLANT_EXIT_OK && failed) {
        cli_message("%zu input%s or record%s skipped with errors", failed,
                    failed == 1 ? "" : "s", failed == 1 ? "" : "s");
        rc = SLANT_EXIT_PARTIAL;
    }
    cli_inputs_release(&in);
    slant_buf_release(&b);
    slant_dataset_free(ds);
    cli_comparison_release(&a.common);
    return rc;
}
