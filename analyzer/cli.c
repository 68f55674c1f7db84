#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "lexicon.h"
#include "pipeline.h"
#include "version.h"
#include "xalloc.h"

#define DEFAULT_MAX_ARTICLE_BYTES ((size_t)64 << 20)
#define MAX_THREADS 256

void slant_cli_usage(void)
{
    fputs("usage: slant COMMAND [OPTIONS] [FILES|DIRS|-]\n"
          "\n"
          "Measures bias indicators in news articles: loaded terms, contested labels,\n"
          "hedges, report verbs and more, with evidence for every match.\n"
          "\n"
          "commands:\n"
          "  score      per-article indicators as JSON Lines, CSV or TSV\n"
          "\n"
          "  slant COMMAND --help   explains a command, with examples\n"
          "  slant --version        prints the version\n"
          "\n"
          "example:\n"
          "  slant score corpus/ > scores.jsonl\n",
          stdout);
}

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
        "inputs:\n"
        "  FILE.txt      one article; metadata in a header block of 'key: value' lines\n"
        "                (title, source, date, url, event, lang, id) ended by a blank\n"
        "                line, or in a sidecar FILE.txt.meta of the same form\n"
        "  FILE.jsonl    one article per line (also .ndjson)\n"
        "  DIR           every .txt, .text, .jsonl and .ndjson file below it, sorted\n"
        "  -             standard input: JSON Lines if it starts with '{', else one text\n"
        "  Without a source in the metadata, the source is the parent directory's name.\n"
        "\n"
        "options:\n"
        "  -o, --output FILE     write to FILE (atomically: all or nothing) not stdout\n"
        "  -f, --format FMT      jsonl (default), csv or tsv: one row per article\n"
        "      --evidence        add every match: byte offsets, sentence, surface form,\n"
        "                        lexicon entry, category, negated, boosted, in quote\n"
        "  -j, --threads N       worker threads (default: the number of cores); the\n"
        "                        output is the same for every N\n"
        "      --lexicon DIR     the lexicon directory (default: the installed lexicon\n"
        "                        for --lang)\n"
        "      --lang LANG       the language of the installed lexicon (default: en)\n"
        "      --text-field F    JSON Lines: the field holding the text (default: text)\n"
        "      --id-field F      JSON Lines: the field holding the id (default: id)\n"
        "      --keep F1,F2      JSON Lines: fields to copy into each record\n"
        "      --input FMT       auto (default), text or jsonl: how to read files named\n"
        "                        on the command line and standard input\n"
        "      --max-bytes N     skip (with an error) articles larger than N bytes\n"
        "                        (default: 64 MiB)\n"
        "  -q, --quiet           no progress line and no notes (errors are still shown)\n"
        "  -h, --help            this help\n"
        "\n"
        "exit status: 0 all scored; 1 some inputs were skipped with an error (the rest\n"
        "were scored); 2 usage error or bad lexicon; 3 nothing could be scored.\n"
        "\n"
        "examples:\n"
        "  slant score corpus/                          # JSON Lines, one record per article\n"
        "  slant score --format csv corpus/ > s.csv     # a table for pandas or R\n"
        "  slant score --evidence corpus/seeds/000_5941d1ad503c0a8e.txt\n"
        "  cat articles.jsonl | slant score --keep outlet,date -\n"
        "  slant score -j 2 -o scores.jsonl big.jsonl\n"
        "\n"
        "The record fields are documented in docs/schema/score.md; the lexicon format in\n"
        "lexicons/FORMAT.md.\n",
        f);
}

/* --- small helpers ----------------------------------------------------------------- */

static void message(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static void message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("slant: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

#define usage_error(...) (message(__VA_ARGS__), \
                          fputs("Try 'slant score --help'.\n", stderr), SLANT_EXIT_USAGE)

static int parse_count(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static long default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (n > MAX_THREADS ? MAX_THREADS : n);
}

/*
 * The installed lexicon for `lang`, looked for from the binary's directory upwards (three
 * levels): PREFIX/bin/slant finds PREFIX/share/slant/lexicons/LANG, and a binary in a
 * build tree (build/slant, build/asan/slant) finds the source tree's lexicons/LANG.
 * Caller frees; NULL if there is none.
 */
static char *default_lexicon(const char *lang)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    static const char *const places[] = { "share/slant/lexicons", "lexicons" };
    for (int level = 0; level < 3; level++) {
        char *slash = strrchr(exe, '/');
        if (!slash)
            return NULL;
        *slash = '\0'; /* one directory up */
        for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
            char *base = slant_path_join(exe[0] ? exe : "/", places[i]);
            char *dir = slant_path_join(base, lang);
            free(base);
            char *manifest = slant_path_join(dir, "lexicon.json");
            struct stat sb;
            int found = stat(manifest, &sb) == 0;
            free(manifest);
            if (found)
                return dir;
            free(dir);
        }
    }
    return NULL;
}

/* Splits "a,b,c" into a NULL-terminated array of owned strings. */
static char **split_list(const char *s, size_t *n)
{
    size_t cap = 0;
    char **items = NULL;
    *n = 0;
    const char *p = s;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len) {
            items = xgrow(items, &cap, *n + 2, sizeof *items);
            items[(*n)++] = xmemdup(p, len);
        }
        p += len + (comma ? 1 : 0);
    }
    items = xgrow(items, &cap, *n + 1, sizeof *items);
    items[*n] = NULL;
    return items;
}

static void free_list(char **items)
{
    if (!items)
        return;
    for (char **p = items; *p; p++)
        free(*p);
    free(items);
}

/* --- progress and errors --------------------------------------------------------------- */

typedef struct {
    int progress;             /* stderr is a terminal and --quiet was not given */
    struct timespec last;
} run_context;

static void report_error(const slant_error *err, void *ctx)
{
    run_context *rc = ctx;
    char text[1200];
    slant_error_format(err, text, sizeof text);
    if (rc->progress)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "slant: %s\n", text);
}

static void report_progress(size_t articles, size_t bytes, void *ctx)
{
    run_context *rc = ctx;
    if (!rc->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double since = (double)(now.tv_sec - rc->last.tv_sec) +
                   (double)(now.tv_nsec - rc->last.tv_nsec) / 1e9;
    if (since < 0.25)
        return;
    rc->last = now;
    fprintf(stderr, "\r\033[Kslant: scored %zu articles, %.1f MB", articles, (double)bytes / 1e6);
}

/* --- output ---------------------------------------------------------------------------- */

/* Where the records go: stdout, or a temporary file renamed to -o FILE on success. */
typedef struct {
    FILE *f;
    const char *path;         /* -o FILE, or NULL for stdout */
    char *tmp;
} output;

static int output_open(output *o, const char *path)
{
    o->path = path;
    o->tmp = NULL;
    if (!path) {
        o->f = stdout;
        return 0;
    }
    o->tmp = xmalloc(strlen(path) + 16);
    sprintf(o->tmp, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        message("cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        free(o->tmp);
        return -1;
    }
    return 0;
}

/* Closes the output; keeps it (renaming a temporary file into place) if `keep`. */
static int output_close(output *o, int keep)
{
    if (!o->path)
        return 0; /* stdout is checked once at exit */
    int failed = ferror(o->f);
    failed |= fclose(o->f) != 0;
    int rc = 0;
    if (keep && !failed && rename(o->tmp, o->path) != 0)
        failed = 1;
    if (failed && keep) {
        message("cannot write '%s': %s", o->path, strerror(errno));
        rc = -1;
    }
    if (failed || !keep)
        unlink(o->tmp);
    free(o->tmp);
    return rc;
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
} score_args;

enum {
    OPT_EVIDENCE = 256, OPT_LEXICON, OPT_LANG, OPT_TEXT_FIELD, OPT_ID_FIELD, OPT_KEEP,
    OPT_INPUT, OPT_MAX_BYTES
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
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Parses the options; returns -1 to go on, or an exit status. */
static int parse_score_args(int argc, char **argv, score_args *a)
{
    memset(a, 0, sizeof *a);
    a->threads = default_threads();
    a->lang = "en";
    a->text_field = "text";
    a->id_field = "id";
    a->max_bytes = DEFAULT_MAX_ARTICLE_BYTES;
    optind = 1;
    opterr = 0;
    int c;
    long v;
    while ((c = getopt_long(argc, argv, ":o:f:j:qh", score_options, NULL)) != -1) {
        switch (c) {
        case 'o': a->output = optarg; break;
        case 'f':
            if (strcmp(optarg, "jsonl") == 0 || strcmp(optarg, "json") == 0)
                a->format = SLANT_FORMAT_JSONL;
            else if (strcmp(optarg, "csv") == 0)
                a->format = SLANT_FORMAT_CSV;
            else if (strcmp(optarg, "tsv") == 0)
                a->format = SLANT_FORMAT_TSV;
            else
                return usage_error("unknown format '%s' (jsonl, csv or tsv)", optarg);
            break;
        case OPT_EVIDENCE: a->evidence = 1; break;
        case 'j':
            if (parse_count(optarg, 1, MAX_THREADS, &v) != 0)
                return usage_error("invalid thread count '%s' (1 to 256)", optarg);
            a->threads = v;
            break;
        case OPT_LEXICON: a->lexicon = optarg; break;
        case OPT_LANG: a->lang = optarg; break;
        case OPT_TEXT_FIELD: a->text_field = optarg; break;
        case OPT_ID_FIELD: a->id_field = optarg; break;
        case OPT_KEEP:
            free_list(a->keep);
            a->keep = split_list(optarg, &a->nkeep);
            break;
        case OPT_INPUT:
            if (strcmp(optarg, "auto") == 0)
                a->input = SLANT_INPUT_AUTO;
            else if (strcmp(optarg, "text") == 0)
                a->input = SLANT_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                a->input = SLANT_INPUT_JSONL;
            else
                return usage_error("unknown input format '%s' (auto, text or jsonl)", optarg);
            break;
        case OPT_MAX_BYTES:
            if (parse_count(optarg, 1, LONG_MAX, &v) != 0)
                return usage_error("invalid byte count '%s'", optarg);
            a->max_bytes = (size_t)v;
            break;
        case 'q': a->quiet = 1; break;
        case 'h': score_usage(stdout); return SLANT_EXIT_OK;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (a->evidence && a->format != SLANT_FORMAT_JSONL)
        return usage_error("--evidence needs --format jsonl (a table has no room for it)");
    if (optind == argc)
        return usage_error("no input given: name files, directories, or - for stdin");
    return -1;
}

static int load_lexicon(const score_args *a, slant_lexicon **lex)
{
    char *found = NULL;
    const char *dir = a->lexicon;
    if (!dir) {
        found = default_lexicon(a->lang);
        if (!found) {
            message("no installed lexicon for language '%s': give one with --lexicon DIR",
                    a->lang);
            return SLANT_EXIT_USAGE;
        }
        dir = found;
    }
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_lexicon_load(dir, lex, &err);
    free(found);
    if (st != SLANT_OK) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        message("%s", text);
        return SLANT_EXIT_USAGE;
    }
    return SLANT_EXIT_OK;
}

static int score_status(const slant_pipeline_stats *s, int quiet)
{
    if (s->ignored && !quiet) {
        fprintf(stderr, "slant: note: ignored %zu file%s that %s not .txt, .text, .jsonl or "
                        ".ndjson:",
                s->ignored, s->ignored == 1 ? "" : "s", s->ignored == 1 ? "is" : "are");
        for (size_t i = 0; i < 3 && i < s->ignored; i++)
            fprintf(stderr, " '%s'", s->ignored_names[i]);
        fputs(s->ignored > 3 ? " ...\n" : "\n", stderr);
    }
    if (s->failed) {
        fprintf(stderr, "slant: %zu input%s skipped with errors; %zu article%s scored\n",
                s->failed, s->failed == 1 ? "" : "s", s->articles,
                s->articles == 1 ? "" : "s");
        return s->articles ? SLANT_EXIT_PARTIAL : SLANT_EXIT_NOTHING;
    }
    if (!s->articles) {
        fputs("slant: no articles found in the inputs\n", stderr);
        return SLANT_EXIT_NOTHING;
    }
    return SLANT_EXIT_OK;
}

int slant_cli_score(int argc, char **argv)
{
    score_args a;
    int rc = parse_score_args(argc, argv, &a);
    if (rc >= 0) {
        free_list(a.keep);
        return rc;
    }
    slant_lexicon *lex = NULL;
    rc = load_lexicon(&a, &lex);
    output out;
    if (rc == SLANT_EXIT_OK && output_open(&out, a.output) != 0)
        rc = SLANT_EXIT_NOTHING;
    if (rc != SLANT_EXIT_OK) {
        slant_lexicon_free(lex);
        free_list(a.keep);
        return rc;
    }

    run_context rc_ctx = { isatty(STDERR_FILENO) && !a.quiet, { 0, 0 } };
    slant_pipeline_options po = {
        .lex = lex,
        .input = {
            .paths = (const char *const *)(argv + optind),
            .npaths = (size_t)(argc - optind),
            .format = a.input,
            .fields = { a.text_field, a.id_field, (const char *const *)a.keep, a.nkeep },
            .max_article_bytes = a.max_bytes,
        },
        .score = { a.format, a.evidence, (const char *const *)a.keep, a.nkeep },
        .threads = (int)a.threads,
        .out = out.f,
        .on_error = report_error,
        .on_progress = report_progress,
        .ctx = &rc_ctx,
    };
    slant_pipeline_stats stats;
    slant_status st = slant_pipeline_run(&po, &stats);
    if (rc_ctx.progress)
        fputs("\r\033[K", stderr);
    if (st != SLANT_OK) {
        message("cannot write the output: %s", strerror(stats.write_errno));
        rc = SLANT_EXIT_NOTHING;
    } else {
        rc = score_status(&stats, a.quiet);
    }
    if (output_close(&out, st == SLANT_OK && stats.articles > 0) != 0)
        rc = SLANT_EXIT_NOTHING;
    slant_lexicon_free(lex);
    free_list(a.keep);
    return rc;
}
