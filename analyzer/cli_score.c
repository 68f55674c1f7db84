/* slant score: the command that writes one record per article. */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "pipeline.h"


static void score_usage(FILE *f)
{
    fputs(
        "usage: slant score [OPTIONS] [FILES|DIRS|-]\n"
        "\n"
        "Scores each article against a lexicon and writes one record per article, in\n"
        "input order: words, sentences, paragraphs and quotations, and for every lexicon\n"
        "category the number of matches, the rate per 1,000 words, the weighted score,\n"
        "and how many matches were in the author's voice, inside quotations, negated,\n"
        "boosted or diminished.\n"
        "\n"
        "Each record leads with the loaded-language index: the weighted matches of the\n"
        "'loaded' and 'contested' categories per 1,000 words (loaded_index), and apart\n"
        "per 1,000 words of the author's voice (loaded_index_author) and of quoted\n"
        "speech (loaded_index_quoted); null when that part has no words. Every weight is\n"
        "1 unless --weights names a file of them (as 'slant calibrate' writes); the\n"
        "record's provenance says which.\n"
        "\n",
        f);
    fputs(
        "inputs:\n"
        "  FILE.txt      one article; metadata in a header block of 'key: value' lines\n"
        "                (title, source, date, url, event, lang, id) ended by a blank\n"
        "                line, or in a sidecar FILE.txt.meta of the same form\n"
        "  FILE.jsonl    one article per line (also .ndjson)\n"
        "  FILE.csv      one article per row (also .tsv): a header row names the\n"
        "                columns; the text in --text-field, the id in --id-field,\n"
        "                metadata in columns source, date, title, url, event, lang\n"
        "  FILE.gz, FILE.zst  any of these compressed with gzip or zstd (known by\n"
        "                their content; FILE.jsonl.gz is read as JSON Lines)\n"
        "  DIR           every .txt, .text, .jsonl and .ndjson file below it, sorted\n"
        "  -             standard input\n"
        "  A file named here and standard input are read by content: JSON Lines if\n"
        "  the first visible byte is '{'; CSV or TSV if named so or if the first line\n"
        "  is a header with the text column; else one text article.\n"
        "  Without a source in the metadata, the source is the parent directory's name.\n"
        "\n",
        f);
    fputs(
        "options:\n"
        "  -o, --output FILE     write to FILE (atomically: all or nothing) not stdout;\n"
        "                        FILE.gz or FILE.zst is written compressed\n"
        "      --shard K/N       score only shard K of N: the articles whose id hashes\n"
        "                        to it (docs/batch.md); N runs cover every article once\n"
        "  -f, --format FMT      jsonl (default); csv or tsv: one row per article;\n"
        "                        long: one row per article and indicator\n"
        "                        (id,source,KEPT...,indicator,value), for pandas and R\n"
        "      --evidence        add every match: byte offsets, sentence, surface form,\n"
        "                        lexicon entry, category, negated, boosted, in quote\n"
        "      --compact         JSON Lines without the zero counts and empty members\n"
        "                        (smaller; compare and report read them as they read\n"
        "                        the full records; docs/schema/score.md)\n"
        "      --sentences       one record per sentence instead: its byte offsets and\n"
        "                        text, words, index, index-category counts and matches\n"
        "                        (jsonl; csv and tsv: one row per sentence)\n"
        "      --signature       add the article's content signature: its most frequent\n"
        "                        content stems with counts (at most 128), which\n"
        "                        'compare --event auto' needs to find events\n"
        "      --weights FILE    the index's category weights (a weights file made for\n"
        "                        this lexicon: its hash must match); categories it does\n"
        "                        not name weigh 0\n"
        "  -j, --threads N       worker threads (default: the number of cores); the\n"
        "                        output is the same for every N\n"
        "      --lexicon DIR     the lexicon directory (default: the installed lexicon\n"
        "                        for --lang)\n"
        "      --lang LANG       the language of the installed lexicon (default: en)\n"
        "      --actors FILE     add the actors of FILE (lines 'id: alias, alias'); may\n"
        "                        be repeated; the lexicon's own actor files load anyway\n"
        "      --window K        an actor's co-occurrence window in words (default: 5)\n"
        "      --text-field F    JSON Lines, CSV, TSV: the field (column) holding the\n"
        "                        text (default: text)\n"
        "      --id-field F      JSON Lines, CSV, TSV: the field holding the id\n"
        "                        (default: id)\n"
        "      --keep F1,F2      JSON Lines, CSV, TSV: fields to copy into each record\n"
        "      --where COND      only the articles that pass COND: FIELD=VALUE,\n"
        "                        FIELD=A,B (one of), FIELD!=VALUE, FIELD~REGEX (POSIX\n"
        "                        extended), FIELD!~REGEX; repeat for more (all must\n"
        "                        hold); fields: metadata or JSON Lines fields\n"
        "      --from DATE       only articles dated on or after DATE (YYYY, YYYY-MM or\n"
        "                        YYYY-MM-DD); undated articles are left out\n"
        "      --to DATE         only articles dated on or before DATE (--to 2025-03:\n"
        "                        all of March); the count left out goes to stderr\n"
        "      --input FMT       auto (default), text, jsonl, csv or tsv: how to read\n"
        "                        files named on the command line and standard input\n"
        "                        (auto: by content; see inputs)\n"
        "      --max-bytes N     skip (with an error) articles and JSON lines larger\n"
        "                        than N bytes (default: 64 MiB); a line with no end\n"
        "                        within 1 GiB more ends its input, as do 1,000 bad\n"
        "                        records in a row\n",
        f);
    fputs(
        "  -q, --quiet           no progress line and no notes (errors are still shown)\n"
        "  -h, --help            this help\n"
        "\n"
        "exit status: 0 all scored; 1 some inputs were skipped with an error (the rest\n"
        "were scored); 2 usage error or bad lexicon; 3 nothing could be scored; 4 the\n"
        "output could not be written (\"slant: FILE: No space left on device\"); 130 or\n"
        "143 interrupted by SIGINT or SIGTERM (the temporary file of -o is removed).\n"
        "\n"
        "memory: about 7 times the largest article, per thread (-j), without\n"
        "--evidence; JSON Lines hold the line as well (README.md, \"Memory\").\n"
        "\n"
        "examples:\n"
        "  slant score corpus/                          # JSON Lines, one record per article\n"
        "  slant score --format csv corpus/ > s.csv     # a table for pandas or R\n"
        "  slant score --evidence corpus/seeds/000_5941d1ad503c0a8e.txt\n"
        "  slant score --sentences corpus/seeds/000_5941d1ad503c0a8e.txt   # per sentence\n"
        "  slant score --compact -o scores.jsonl.gz corpus/   # small records, gzip\n"
        "  slant score --sentences --format csv corpus/ > sentences.csv\n"
        "  slant score --signature corpus/synthetic/ > s.jsonl   # for compare --event auto\n"
        "  slant score --lexicon tests/data/lexicon-test --weights tests/data/weights-test.json corpus/\n"
        "  printf '{\"id\":\"a1\",\"outlet\":\"X\",\"text\":\"Radicals attacked.\"}\\n' |\n"
        "      slant score --keep outlet -             # JSON Lines on standard input\n"
        "  slant score -j 2 -o scores.jsonl corpus/    # the same for every -j\n"
        "  slant score --text-field body --id-field doc --keep outlet tests/data/workflow/articles.csv\n"
        "  slant score --where 'source!=Meridian Wire' --from 2025-03 --to 2025-04 corpus/synthetic/\n"
        "\n"
        "The record fields are documented in docs/schema/score.md; the lexicon format in\n"
        "lexicons/FORMAT.md.\n",
        f);
}

/* --- slant score ------------------------------------------------------------------------ */

typedef struct {
    const char *output;
    slant_format format;
    int evidence;
    long threads;
    const char *lexicon;
    const char *lang;
    const char *text_field;
    const char *id_field;
    char **keep;
    size_t nkeep;
    slant_input_format input;
    size_t max_bytes;
    int quiet;
    char **actors;
    size_t nactors;
    size_t window;
    const char *weights;
    int sentences;
    int signature;             /* --signature */
    int compact;
    slant_shard shard;
    slant_subset *subset;      /* --where, --from, --to; NULL without them */
} score_args;

enum {
    OPT_EVIDENCE = 256, OPT_LEXICON, OPT_LANG, OPT_TEXT_FIELD, OPT_ID_FIELD, OPT_KEEP,
    OPT_INPUT, OPT_MAX_BYTES, OPT_ACTORS, OPT_WINDOW, OPT_WEIGHTS, OPT_SENTENCES,
    OPT_SHARD, OPT_WHERE, OPT_FROM, OPT_TO, OPT_SIGNATURE, OPT_COMPACT
};

static const struct option score_options[] = {
    { "output", required_argument, NULL, 'o' },
    { "format", required_argument, NULL, 'f' },
    { "evidence", no_argument, NULL, OPT_EVIDENCE },
    { "threads", required_argument, NULL, 'j' },
    { "lexicon", required_argument, NULL, OPT_LEXICON },
    { "lang", required_argument, NULL, OPT_LANG },
    { "text-field", required_argument, NULL, OPT_TEXT_FIELD },
    { "id-field", required_argument, NULL, OPT_ID_FIELD },
    { "keep", required_argument, NULL, OPT_KEEP },
    { "input", required_argument, NULL, OPT_INPUT },
    { "max-bytes", required_argument, NULL, OPT_MAX_BYTES },
    { "actors", required_argument, NULL, OPT_ACTORS },
    { "window", required_argument, NULL, OPT_WINDOW },
    { "weights", required_argument, NULL, OPT_WEIGHTS },
    { "sentences", no_argument, NULL, OPT_SENTENCES },
    { "signature", no_argument, NULL, OPT_SIGNATURE },
    { "compact", no_argument, NULL, OPT_COMPACT },
    { "shard", required_argument, NULL, OPT_SHARD },
    { "where", required_argument, NULL, OPT_WHERE },
    { "from", required_argument, NULL, OPT_FROM },
    { "to", required_argument, NULL, OPT_TO },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Parses the options; returns -1 to go on, or an exit status. */
static int parse_score_args(int argc, char **argv, score_args *a)
{
    memset(a, 0, sizeof *a);
    a->threads = cli_default_threads();
    a->lang = "en";
    a->text_field = "text";
    a->id_field = "id";
    a->max_bytes = CLI_MAX_ARTICLE_BYTES;
    optind = 1;
    opterr = 0;
    int c;
    long v;
    int li = -1;
    while ((c = getopt_long(argc, argv, ":o:f:j:qh", score_options, &li)) != -1) {
        switch (c) {
        case OPT_WHERE:
        case OPT_FROM:
        case OPT_TO:
            if (cli_subset_option(&a->subset, score_options[li].name, optarg, "score") != 0)
                return SLANT_EXIT_USAGE;
            break;
        case 'o': a->output = optarg; break;
        case 'f':
            if (strcmp(optarg, "jsonl") == 0 || strcmp(optarg, "json") == 0)
                a->format = SLANT_FORMAT_JSONL;
            else if (strcmp(optarg, "csv") == 0)
                a->format = SLANT_FORMAT_CSV;
            else if (strcmp(optarg, "tsv") == 0)
                a->format = SLANT_FORMAT_TSV;
            else if (strcmp(optarg, "long") == 0)
                a->format = SLANT_FORMAT_LONG;
            else
                return cli_usage_error("score", "unknown format '%s' (jsonl, csv, tsv or long)",
                                       optarg);
            break;
        case OPT_EVIDENCE: a->evidence = 1; break;
        case OPT_SIGNATURE: a->signature = 1; break;
        case 'j':
            if (cli_parse_count(optarg, 1, CLI_MAX_THREADS, &v) != 0)
                return cli_usage_error("score", "invalid thread count '%s' (1 to 256)", optarg);
            a->threads = v;
            break;
        case OPT_LEXICON: a->lexicon = optarg; break;
        case OPT_LANG: a->lang = optarg; break;
        case OPT_TEXT_FIELD: a->text_field = optarg; break;
        case OPT_ID_FIELD: a->id_field = optarg; break;
        case OPT_KEEP:
            cli_free_list(a->keep);
            a->keep = cli_split_list(optarg, &a->nkeep);
            break;
        case OPT_INPUT:
            if (strcmp(optarg, "auto") == 0)
                a->input = SLANT_INPUT_AUTO;
            else if (strcmp(optarg, "text") == 0)
                a->input = SLANT_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                a->input = SLANT_INPUT_JSONL;
            else if (strcmp(optarg, "csv") == 0)
                a->input = SLANT_INPUT_CSV;
            else if (strcmp(optarg, "tsv") == 0)
                a->input = SLANT_INPUT_TSV;
            else
                return cli_usage_error("score", "unknown input format '%s' (auto, text, jsonl, "
                                       "csv or tsv)", optarg);
            break;
        case OPT_MAX_BYTES:
            if (cli_parse_count(optarg, 1, LONG_MAX, &v) != 0)
                return cli_usage_error("score", "invalid byte count '%s'", optarg);
            a->max_bytes = (size_t)v;
            break;
        case OPT_ACTORS:
            a->actors = realloc(a->actors, (a->nactors + 2) * sizeof *a->actors);
            if (!a->actors)
                abort();
            a->actors[a->nactors++] = optarg;
            a->actors[a->nactors] = NULL;
            break;
        case OPT_WINDOW:
            if (cli_parse_count(optarg, 1, 1000, &v) != 0)
                return cli_usage_error("score", "invalid window '%s' (1 to 1000 words)", optarg);
            a->window = (size_t)v;
            break;
        case OPT_WEIGHTS: a->weights = optarg; break;
        case OPT_SENTENCES: a->sentences = 1; break;
        case OPT_COMPACT: a->compact = 1; break;
        case OPT_SHARD:
            if (slant_shard_parse(optarg, &a->shard) != 0)
                return cli_usage_error("score", "invalid shard '%s' (K/N, 1 <= K <= N)", optarg);
            break;
        case 'q': a->quiet = 1; break;
        case 'h': score_usage(stdout); return SLANT_EXIT_OK;
        case ':': return cli_usage_error("score", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage_error("score", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (a->sentences && a->format == SLANT_FORMAT_LONG)
        return cli_usage_error("score", "--sentences writes jsonl, csv or tsv, not long");
    if (a->evidence && a->format != SLANT_FORMAT_JSONL)
        return cli_usage_error("score", "--evidence needs --format jsonl (a table has no room for it)");
    if (a->signature && (a->format != SLANT_FORMAT_JSONL || a->sentences))
        return cli_usage_error("score", "--signature needs --format jsonl, one record per "
                               "article (not --sentences)");
    if (a->compact && (a->format != SLANT_FORMAT_JSONL || a->sentences))
        return cli_usage_error("score", "--compact writes article records in JSON Lines (not "
                               "with --format %s%s)",
                               a->format == SLANT_FORMAT_JSONL ? "jsonl" : "csv, tsv or long",
                               a->sentences ? " --sentences" : "");
    if (optind == argc)
        return cli_usage_error("score", "no input given: name files, directories, or - for stdin");
    return -1;
}

int slant_cli_score(int argc, char **argv)
{
    score_args a;
    int rc = parse_score_args(argc, argv, &a);
    if (rc >= 0) {
        cli_free_list(a.keep);
        free(a.actors);
        slant_subset_free(a.subset);
        return rc;
    }
    slant_lexicon *lex = NULL;
    rc = cli_load_lexicon_actors(a.lexicon, a.lang, (const char *const *)a.actors, a.nactors,
                                 &lex);
    /* After the actors: the weights name the hash of the lexicon as it is used. */
    slant_weights weights = { 0 };
    if (rc == SLANT_EXIT_OK && a.weights)
        rc = cli_load_weights(a.weights, lex, &weights);
    cli_output out;
    if (rc == SLANT_EXIT_OK && cli_output_open(&out, a.output) != 0)
        rc = SLANT_EXIT_NOTHING;
    if (rc != SLANT_EXIT_OK) {
        slant_weights_release(&weights);
        slant_lexicon_free(lex);
        cli_free_list(a.keep);
        free(a.actors);
        slant_subset_free(a.subset);
        return rc;
    }

    cli_phases ph; /* the clock of the summary line */
    cli_phases_start(&ph, a.quiet);
    cli_run_context rc_ctx = { isatty(STDERR_FILENO) && !a.quiet, { 0, 0 }, { 0, 0 }, 0 };
    if (rc_ctx.progress)
        rc_ctx.total = cli_input_bytes((const char *const *)(argv + optind),
                                       (size_t)(argc - optind));
    slant_pipeline_options po = {
        .lex = lex,
        .input = {
            .paths = (const char *const *)(argv + optind),
            .npaths = (size_t)(argc - optind),
            .format = a.input,
            .fields = { a.text_field, a.id_field, (const char *const *)a.keep, a.nkeep },
            .max_article_bytes = a.max_bytes,
            .shard = a.shard,
            .subset = a.subset,
        },
        .score = { a.format, a.evidence, (const char *const *)a.keep, a.nkeep, a.window,
                   a.weights ? &weights : NULL, a.sentences, a.signature, a.compact },
        .threads = (int)a.threads,
        .out = out.f,
        .on_error = cli_report_error,
        .on_progress = cli_report_progress,
        .ctx = &rc_ctx,
    };
    slant_pipeline_stats stats;
    slant_status st = slant_pipeline_run(&po, &stats);
    if (rc_ctx.progress)
        fputs("\r\033[K", stderr);
    if (st != SLANT_OK) {
        out.write_errno = stats.write_errno ? stats.write_errno : EIO;
        rc = SLANT_EXIT_WRITE;
    } else {
        rc = cli_score_status(&stats, a.quiet, a.subset != NULL, &a.shard);
        cli_score_summary(&ph, stats.articles, (double)stats.bytes);
    }
    if (cli_output_close(&out, st == SLANT_OK && (stats.articles > 0 || a.shard.n)) != 0)
        rc = SLANT_EXIT_WRITE;
    slant_weights_release(&weights);
    slant_lexicon_free(lex);
    cli_free_list(a.keep);
    free(a.actors);
    slant_subset_free(a.subset);
    return rc;
}
