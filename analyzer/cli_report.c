/* slant report: its options and its wiring. The comparison of slant compare, written for a
 * person to read, as text for a terminal, Markdown, or one self-contained HTML page. What
 * it says of its inputs and the evidence it reads are in cli_report_inputs.c. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_inputs.h"
#include "cli_report.h"
#include "compare.h"
#include "report.h"

static void report_usage(FILE *f)
{
    fputs(
        "usage: slant report [OPTIONS] [FILES|DIRS|-]\n"
        "\n"
        "Writes the comparison of 'slant compare' for a person to read: which sources were\n"
        "compared and how much text each had; where they differ significantly in judgement\n"
        "(the loaded-language index first, when the records have it), contested labels and\n"
        "attribution, in plain words (\"A uses 2.4 times as many pejorative labels per\n"
        "1,000 words as B\", with the interval of the ratio, Hedges' g with its interval\n"
        "and the corrected q); who is called what (contested labels); how they attribute\n"
        "(report verbs, anonymous sources, quotation); differences in structural and\n"
        "epistemic counts (negators, neutral report verbs, hedges) as context; which terms\n"
        "drive each difference, with evidence sentences from the articles; and the\n"
        "provenance and method notes a reviewer needs.\n"
        "\n"
        "inputs: as for 'slant compare': articles (text files, JSON Lines, directories),\n"
        "'slant score' output, or partials. Evidence sentences need the articles: with\n"
        "score records the report says so. With score records, the lexicon of --lexicon\n"
        "(or the installed one) gives the categories' groups when its hash is the one the\n"
        "records name.\n"
        "\n"
        "options:\n"
        "  -f, --format FMT        text (default; colour on a terminal unless NO_COLOR is\n"
        "                          set), md (GitHub-flavoured Markdown) or html (one\n"
        "                          self-contained page with charts)\n"
        "  -o, --output FILE       write to FILE (atomically) instead of stdout\n"
        "      --snippets N        evidence sentences per term (default 3; 0: none)\n"
        "      --resamples N       bootstrap resamples for the interval of each ratio\n"
        "                          (default 2000)\n"
        "      --top N             terms shown per source and difference (default 5)\n"
        "      --min-df N          a term is a key term only in N or more of the source's\n"
        "                          articles (and in a larger share of them than elsewhere);\n"
        "                          a contested concept is shown only when N or more\n"
        "                          articles use it (default 3)\n"
        "      --actors FILE       add the actors of FILE (lines 'id: alias, alias') when\n"
        "                          the inputs are articles; may be repeated (at most 16)\n"
        "      --top-findings N    findings listed per part (headline, context) and pairs\n"
        "                          in brief (default 10); the rest are counted, and the\n"
        "                          HTML page holds them under a closed \"more\"\n"
        "      --min-delta D       the effect-size floor: a significant difference with\n"
        "                          |Cliff's delta| below D is counted, not listed (default\n"
        "                          0.147, the lower bound of a small effect, Romano et al.\n"
        "                          2006; 0: no floor)\n"
        "      --all               list every significant difference and every pair\n"
        "      --by FIELD          the field that names the groups (default: source);\n"
        "                          date:year, date:month or date:week: the date binned,\n"
        "                          groups in time order\n"
        "      --where COND        only articles or records that pass COND (FIELD=VALUE,\n"
        "                          FIELD=A,B, FIELD!=VALUE, FIELD~REGEX, FIELD!~REGEX;\n"
        "                          repeatable: all must hold)\n"
        "      --from DATE, --to DATE   only those dated in the range (YYYY, YYYY-MM or a\n"
        "                          date, 'man slant', DATES; the count left out: stderr)\n"
        "      --event FIELD       the field that names the event an article covers;\n"
        "                          auto: events found from dates and content stems\n"
        "                          (docs/events.md; score records need --signature)\n"
        "      --event-window DAYS  with --event auto: days apart at most (default 2)\n"
        "      --event-threshold T  with --event auto: the similarity that links two\n"
        "                          articles (default 0.25)\n"
        "      --event-method M    with --event auto: tfidf (cosine, default) or jaccard\n",
        f);
    fputs(
        "      --every UNIT        add an Over time section: per source the trend of each\n"
        "                          indicator by day, week, month or year (Mann-Kendall,\n"
        "                          Sen's slope), the period means, and charts in HTML\n"
        "      --split DATE        add before/after DATE per source and indicator\n"
        "      --strata FIELD      a section holding FIELD (e.g. topic) fixed: whether each\n"
        "                          difference holds, shrinks or vanishes within its strata\n"
        "      --indicators A,B    only these indicators (category ids, quote_share)\n"
        "      --pairs MODE        all (default), vs-rest or none\n"
        "      --max-pairs N       more pairs than N (default 45): vs-rest instead\n"
        "      --min-n N           leave out groups with fewer articles (default 5)\n"
        "      --correction C      bh (Benjamini-Hochberg, default) or holm\n"
        "      --level L           confidence level of every interval (default 0.95)\n"
        "      --alpha A           q below which a difference is reported (default 0.05)\n"
        "      --seed S            seed of the bootstrap (default 1)\n"
        "      --lexicon DIR, --lang LANG, --weights FILE, -j N, --text-field F,\n"
        "      --id-field F        as for 'slant score', when the inputs are articles\n"
        "      --force             report on inputs scored with different lexicons\n"
        "                          (refused by default)\n"
        "  -q, --quiet             no progress line\n"
        "  -h, --help              this help\n"
        "\n",
        f);
    fputs(
        "exit status: 0 reported; 1 some inputs or records were skipped with an error; 2\n"
        "usage error, bad lexicon, or inputs of different lexicons; 3 nothing to compare;\n"
        "4 the output could not be written (\"slant: FILE: No space left on device\");\n"
        "130 or 143 interrupted (the temporary file of -o removed).\n"
        "\n"
        "examples:\n"
        "  slant report corpus/synthetic/\n"
        "  slant report --format md corpus/synthetic/ > report.md\n"
        "  slant report --format html -o report.html corpus/synthetic/\n"
        "  slant report --event event --format html -o report.html corpus/synthetic/\n"
        "  slant report --event auto corpus/synthetic/     # events found, not labelled\n"
        "  slant report --strata event --format md corpus/synthetic/ > report.md\n"
        "  slant report --where 'source!=Meridian Wire' --from 2025-04 corpus/synthetic/\n"
        "  slant report --every month --split 2025-04-01 --format md corpus/synthetic/\n"
        "  slant report --min-df 5 corpus/synthetic/\n"
        "  slant report --min-n 1 --lexicon tests/data/lexicon-frame --actors lexicons/actors/armenia-azerbaijan.txt corpus/seeds/\n"
        "  slant report --top-findings 3 --min-delta 0.33 corpus/synthetic/\n"
        "  slant report --all --format md corpus/synthetic/ > everything.md\n"
        "\n"
        "The report's method is described in docs/report.md.\n",
        f);
}

typedef enum { FORMAT_TEXT, FORMAT_MD, FORMAT_HTML } report_format;

typedef struct {
    cli_comparison_args common;    /* the options report shares with compare */
    report_format format;
    size_t snippets, resamples;
    size_t top_findings;
    double min_delta;
    int all;
    const char *output;
} report_args;

enum { OPT_SNIPPETS = CLI_OPT_OWN, OPT_RESAMPLES, OPT_TOP_FINDINGS, OPT_MIN_DELTA, OPT_ALL };

static const struct option report_options[] = {
    CLI_COMPARISON_OPTIONS,
    { "snippets", required_argument, NULL, OPT_SNIPPETS },
    { "resamples", required_argument, NULL, OPT_RESAMPLES },
    { "top-findings", required_argument, NULL, OPT_TOP_FINDINGS },
    { "min-delta", required_argument, NULL, OPT_MIN_DELTA },
    { "all", no_argument, NULL, OPT_ALL },
    { "format", required_argument, NULL, 'f' },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

#define BAD(...) cli_usage_error("report", __VA_ARGS__)

/* Options as 'slant compare' reads them (the same names, ranges and messages). */
static int parse_report_args(int argc, char **argv, report_args *a)
{
    memset(a, 0, sizeof *a);
    cli_comparison_defaults(&a->common);
    a->common.in.keep_lexicon = 1;
    a->common.in.provenance = 1;
    a->snippets = 3;
    a->resamples = 2000;
    a->top_findings = SLANT_REPORT_TOP_FINDINGS;
    a->min_delta = SLANT_REPORT_MIN_DELTA;
    optind = 1;
    opterr = 0;
    int c;
    long v;
    int li = -1;
    while ((c = getopt_long(argc, argv, ":f:o:j:qh", report_options, &li)) != -1) {
        char spelled[48];
        cli_option_spelled(report_options, &li, c, spelled, sizeof spelled);
        int shared = c == ':' || c == '?'
                         ? CLI_OPTION_OTHER
                         : cli_comparison_option(&a->common, c, optarg, spelled, "report");
        if (shared == CLI_OPTION_APPLIED)
            continue;
        if (shared != CLI_OPTION_OTHER)
            return shared;
        switch (c) {
        case OPT_SNIPPETS:
        case OPT_RESAMPLES:
            if (cli_parse_count(optarg, 0, 1000000000L, &v) != 0)
                return BAD("invalid number '%s' for %s", optarg, spelled);
            if (c == OPT_SNIPPETS)
                a->snippets = (size_t)v;
            else
                a->resamples = (size_t)v;
            break;
        case OPT_TOP_FINDINGS:
            if (cli_parse_count(optarg, 1, 1000000000L, &v) != 0)
                return BAD("invalid number '%s' for %s (1 or more)", optarg, spelled);
            a->top_findings = (size_t)v;
            break;
        case OPT_MIN_DELTA:
            if (cli_parse_real(optarg, 0, 1, &a->min_delta) != 0)
                return BAD("invalid effect-size floor '%s' for %s (from 0 to 1)", optarg,
                           spelled);
            break;
        case OPT_ALL: a->all = 1; break;
        case 'f':
            if (!strcmp(optarg, "text"))
                a->format = FORMAT_TEXT;
            else if (!strcmp(optarg, "md") || !strcmp(optarg, "markdown"))
                a->format = FORMAT_MD;
            else if (!strcmp(optarg, "html"))
                a->format = FORMAT_HTML;
            else
                return BAD("unknown format '%s' (text, md or html)", optarg);
            break;
        case 'o': a->output = optarg; break;
        case 'h': report_usage(stdout); return SLANT_EXIT_OK;
        case ':': return BAD("option '%s' needs a value", argv[optind - 1]);
        default: return BAD("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return BAD("no input given: name files, directories, or - for stdin");
    return -1;
}

/* --- slant report ---------------------------------------------------------------------------- */

static int write_result(const report_args *a, const slant_buf *b)
{
    return cli_output_buf(a->output, b);
}

static int report(const report_args *a, const cli_inputs_result *in, char **paths, size_t n,
                  const slant_dataset *ds, const slant_events_summary *found,
                  cli_phases *ph)
{
    slant_error err;
    slant_error_clear(&err);
    slant_compare_options co = a->common.cmp;
    co.progress = (slant_progress){ cli_phase_progress, ph };
    slant_comparison *c = slant_compare(ds, &co, &err);
    if (!c) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return err.message[0] && strstr(err.message, "unknown indicator") ? SLANT_EXIT_USAGE
                                                                         : SLANT_EXIT_NOTHING;
    }
    cli_input_items items = { .n = 0 };
    cli_report_describe_inputs(in, paths, n, &items);
    slant_lexicon *named = in->lex ? NULL : cli_report_named_lexicon(&a->common.in);
    int scored_with = cli_report_records_scored_with(in, named);
    char events_found[400];
    if (a->common.in.event_auto)
        cli_events_describe(&a->common, found, events_found, sizeof events_found);
    slant_report_options o = {
        .by = a->common.in.by,
        .event = a->common.in.event_auto ? "auto" : a->common.in.event,
        .events_found = a->common.in.event_auto ? events_found : NULL,
        .alpha = a->common.alpha,
        .top = a->common.top,
        .snippets = a->snippets,
        .resamples = a->resamples,
        .seed = a->common.cmp.seed,
        .lex = in->lex ? in->lex : scored_with ? named : NULL,
        .names = scored_with ? NULL : named,
        .inputs = items.items,
        .ninputs = items.n,
        .min_delta = a->min_delta,
        .top_findings = a->top_findings,
        .all = a->all,
        .progress = { cli_phase_progress, ph },
    };
    slant_report *r = slant_report_build(c, &o);
    for (size_t k = 0; k < items.n; k++) {
        free(items.items[k].label);
        free(items.items[k].value);
    }
    cli_report_add_evidence(&a->common.in, a->snippets, in, r, ph);
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    if (a->format == FORMAT_HTML)
        slant_report_write_html(r, &b);
    else if (a->format == FORMAT_MD)
        slant_report_write_md(r, &b);
    else
        slant_report_write_text(r, !a->output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
                                &b);
    int rc = write_result(a, &b);
    if (rc == SLANT_EXIT_OK)
        cli_run_summary(ph, slant_dataset_nrows(ds), c->ngroups,
                        c->nindicators ? c->npairs / c->nindicators : 0);
    slant_buf_release(&b);
    slant_report_free(r);
    slant_lexicon_free(named);
    slant_comparison_free(c);
    return rc;
}

int slant_cli_report(int argc, char **argv)
{
    report_args a;
    int rc = parse_report_args(argc, argv, &a);
    if (rc >= 0) {
        cli_comparison_release(&a.common);
        return rc;
    }
    cli_phases ph;
    cli_phases_start(&ph, a.common.in.quiet);
    slant_dataset *ds = slant_dataset_new();
    cli_inputs_result in;
    slant_events_summary found;
    char **paths = argv + optind;
    size_t n = (size_t)(argc - optind);
    cli_inputs_read(&a.common.in, paths, n, ds, &in);
    if (in.lexicon_error || in.lexicon_mismatch) {
        rc = SLANT_EXIT_USAGE;
    } else if (!in.records) {
        if (!a.common.in.quiet)
            cli_subset_note(in.filtered, in.filtered, "article");
        cli_message(in.filtered ? "no article passed --where, --from and --to"
                                : "no articles could be read from the inputs");
        rc = SLANT_EXIT_NOTHING;
    } else if ((rc = cli_events_find(&a.common, &in, ds, &found)) == SLANT_EXIT_OK &&
               (rc = cli_inputs_check(&a.common, &in, &ds, "report")) == SLANT_EXIT_OK &&
               (rc = cli_strata_check(&a.common, ds)) == SLANT_EXIT_OK) {
        rc = report(&a, &in, paths, n, ds, &found, &ph);
    }
    if (rc == SLANT_EXIT_OK && in.failed) {
        cli_message("%zu input%s or record%s skipped with errors", in.failed,
                    in.failed == 1 ? "" : "s", in.failed == 1 ? "" : "s");
        rc = SLANT_EXIT_PARTIAL;
    }
    cli_inputs_release(&in);
    slant_dataset_free(ds);
    cli_comparison_release(&a.common);
    return rc;
}
