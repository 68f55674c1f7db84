/* The shared plumbing of the slant commands (see cli.h): the top-level usage, small
 * helpers (messages, numbers, lists, --where), loading the lexicon, weights and actors,
 * and the options of the article reader. Progress and run summaries are in
 * cli_progress.c, output files and signals in cli_output.c. */

#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "lexicon_import.h"
#include "score.h"
#include "version.h"
#include "xalloc.h"



void slant_cli_usage(FILE *f)
{
    fputs("usage: slant COMMAND [OPTIONS] [FILES|DIRS|-]\n"
          "\n"
          "Measures bias indicators in news articles: loaded terms, contested labels,\n"
          "hedges, report verbs and more, with evidence for every match.\n"
          "\n"
          "commands:\n"
          "  score      per-article indicators as JSON Lines, CSV or TSV\n"
          "  compare    compares groups of articles (by default, sources) with statistics\n"
          "  report     the comparison as a report: terminal, Markdown or an HTML page\n"
          "  explain    one article with every match marked and explained\n"
          "  kwic       keyword in context: every occurrence of a term, with its offsets\n"
          "  keyness    every word and phrase of each group against the rest (open vocabulary)\n"
          "  lexicon    check, list, count and import lexicons\n"
          "  merge      combines partial comparisons from sharded runs\n"
          "  calibrate  fits the loaded-language index's weights to a labelled sample\n"
          "\n"
          "  slant COMMAND --help   explains a command, with examples\n"
          "  slant --version        prints the version\n"
          "\n"
          "exit status: 0 success; 1 some inputs were skipped with an error (the rest was\n"
          "processed); 2 usage error or bad lexicon; 3 nothing could be processed; 4 the\n"
          "output could not be written; 130 or 143 interrupted by SIGINT or SIGTERM.\n"
          "\n"
          "example:\n"
          "  slant score corpus/ > scores.jsonl\n",
          f);
}

/* --- small helpers ----------------------------------------------------------------- */

int cli_subset_option(slant_subset **s, const char *option, const char *arg,
                      const char *command)
{
    if (!*s)
        *s = slant_subset_new();
    slant_error err;
    slant_error_clear(&err);
    slant_status st = !strcmp(option, "where") ? slant_subset_where(*s, arg, &err)
                      : slant_subset_date(*s, !strcmp(option, "to"), arg, &err);
    if (st == SLANT_OK)
        return 0;
    return cli_usage_error(command, "%s", err.message);
}

void cli_subset_note(size_t left_out, size_t total, const char *what)
{
    if (left_out)
        cli_message("note: %zu of %zu %s%s left out by --where, --from or --to", left_out,
                    total, what, total == 1 ? "" : "s");
}

void cli_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("slant: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}


int cli_parse_count(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

long cli_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (n > CLI_MAX_THREADS ? CLI_MAX_THREADS : n);
}

/* Three levels up from the binary (cli.h). */
char *cli_default_lexicon(const char *lang)
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
char **cli_split_list(const char *s, size_t *n)
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

void cli_free_list(char **items)
{
    if (!items)
        return;
    for (char **p = items; *p; p++)
        free(*p);
    free(items);
}

int cli_load_lexicon(const char *dir, const char *lang, slant_lexicon **lex)
{
    /* A LIWC .dic, LIWC-22 .dicx or Lexicoder .lc3 file: imported into a temporary
     * directory, loaded from there, and the directory removed (lexicon_import.h). Every
     * entry that could not be imported is reported with the file and line. */
    slant_import_format fmt;
    struct stat sb;
    if (dir && stat(dir, &sb) == 0 && S_ISREG(sb.st_mode) &&
        slant_import_format_of(dir, &fmt) == 0) {
        slant_import_options o = { .format = fmt, .language = lang };
        slant_import_problems problems = { NULL, NULL, 0, 0 };
        slant_error err;
        slant_error_clear(&err);
        slant_status st = slant_import_load(dir, &o, slant_import_problems_collect, &problems,
                                            lex, NULL, &err);
        char text[1200];
        for (size_t i = 0; i < problems.n; i++) {
            if (problems.severity[i] == SLANT_IMPORT_ERROR ||
                problems.severity[i] == SLANT_IMPORT_DROPPED) {
                slant_error_format(&problems.items[i], text, sizeof text);
                cli_message("%s", text);
            }
        }
        slant_import_problems_release(&problems);
        if (st != SLANT_OK) {
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            return SLANT_EXIT_USAGE;
        }
        return SLANT_EXIT_OK;
    }
    char *found = NULL;
    if (!dir) {
        found = cli_default_lexicon(lang);
        if (!found) {
            cli_message("no installed lexicon for language '%s': give one with --lexicon DIR",
                    lang);
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
        cli_message("%s", text);
        return SLANT_EXIT_USAGE;
    }
    return SLANT_EXIT_OK;
}


int cli_parse_real(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

int cli_load_weights(const char *path, const slant_lexicon *lex, slant_weights *w)
{
    slant_error err;
    slant_error_clear(&err);
    if (slant_weights_load(w, path, lex, &err) == SLANT_OK)
        return SLANT_EXIT_OK;
    char text[1200];
    slant_error_format(&err, text, sizeof text);
    cli_message("%s", text);
    return SLANT_EXIT_USAGE;
}

int cli_add_actors(slant_lexicon *lex, const char *path)
{
    slant_error err;
    slant_error_clear(&err);
    if (slant_lexicon_add_actors(lex, path, &err) == SLANT_OK)
        return SLANT_EXIT_OK;
    char text[1200];
    slant_error_format(&err, text, sizeof text);
    cli_message("%s", text);
    return SLANT_EXIT_USAGE;
}

int cli_load_lexicon_actors(const char *dir, const char *lang, const char *const *actors,
                            size_t nactors, slant_lexicon **lex)
{
    int rc = cli_load_lexicon(dir, lang, lex);
    for (size_t i = 0; rc == SLANT_EXIT_OK && i < nactors; i++)
        rc = cli_add_actors(*lex, actors[i]);
    if (rc != SLANT_EXIT_OK) {
        slant_lexicon_free(*lex);
        *lex = NULL;
    }
    return rc;
}

slant_status cli_next_article(slant_reader *reader, slant_article *a, char **origin,
                              long *line, size_t *failed)
{
    for (;;) {
        slant_error err;
        slant_error_clear(&err);
        slant_article_init(a);
        slant_status st = slant_reader_next(reader, a, origin, line, &err);
        if (st == SLANT_OK || st == SLANT_END)
            return st;
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        (*failed)++;
    }
}

slant_reader_options cli_reader_options(const char *const *paths, size_t npaths,
                                        slant_jsonl_fields fields, const slant_subset *subset)
{
    slant_reader_options ro = {
        .paths = paths,
        .npaths = npaths,
        .fields = fields,
        .max_article_bytes = CLI_MAX_ARTICLE_BYTES,
        .subset = subset,
    };
    return ro;
}

void cli_each_article(const char *const *paths, size_t npaths, slant_jsonl_fields fields,
                      const slant_subset *subset, slant_scorer *scorer, cli_article_fn each,
                      void *ctx, cli_article_counts *counts)
{
    slant_reader_options ro = cli_reader_options(paths, npaths, fields, subset);
    slant_reader *reader = slant_reader_new(&ro);
    *counts = (cli_article_counts){ 0, 0, 0 };
    for (;;) {
        slant_article a;
        char *origin;
        long line;
        if (cli_next_article(reader, &a, &origin, &line, &counts->failed) == SLANT_END)
            break;
        slant_scorer_score(scorer, &a);
        counts->articles++;
        int stop = each(&a, origin, line, scorer, ctx);
        free(origin);
        slant_article_release(&a);
        if (stop)
            break;
    }
    counts->left_out = slant_reader_filtered(reader);
    slant_reader_free(reader);
}

void cli_read_args_init(cli_read_args *r)
{
    r->text_field = "text";
    r->id_field = "id";
    r->lexicon = NULL;
    r->lang = "en";
    r->subset = NULL;
    r->quiet = 0;
}

int cli_read_option(cli_read_args *r, int c, const char *arg, const char *command,
                    char **argv, void (*usage)(FILE *))
{
    switch (c) {
    case CLI_READ_WHERE:
    case CLI_READ_FROM:
    case CLI_READ_TO: {
        const char *name = c == CLI_READ_WHERE ? "where" : c == CLI_READ_FROM ? "from" : "to";
        return cli_subset_option(&r->subset, name, arg, command) != 0 ? SLANT_EXIT_USAGE : -1;
    }
    case CLI_READ_TEXT_FIELD: r->text_field = arg; return -1;
    case CLI_READ_ID_FIELD: r->id_field = arg; return -1;
    case CLI_READ_LEXICON: r->lexicon = arg; return -1;
    case CLI_READ_LANG: r->lang = arg; return -1;
    case 'q': r->quiet = 1; return -1;
    case 'h': usage(stdout); return SLANT_EXIT_OK;
    case ':': return cli_usage_error(command, "option '%s' needs a value", argv[optind - 1]);
    default: return cli_usage_error(command, "unknown option '%s'", argv[optind - 1]);
    }
}
