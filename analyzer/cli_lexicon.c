/*
 * slant lexicon: check, list, stats and import. Validating and inspecting lexicons, and
 * converting LIWC .dic, LIWC-22 .dicx and Lexicoder .lc3 dictionaries (lexicon_import.h)
 * into slant's own format (lexicons/FORMAT.md). This file holds `check`, the dispatch and
 * the helpers the commands share (cli_lexicon.h); list, stats and import have a file each.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "lexicon_import.h"
#include "xalloc.h"

/* --- help -------------------------------------------------------------------------- */

static void lexicon_usage(FILE *f)
{
    fputs("usage: slant lexicon COMMAND [OPTIONS]\n"
          "\n"
          "Validates, inspects and converts lexicons (the format: lexicons/FORMAT.md; the\n"
          "guide: docs/lexicons.md).\n"
          "\n"
          "commands:\n"
          "  check DIR|FILE    every problem with FILE:LINE:COL; exit 2 if there is any\n"
          "  list              the entries, or with --match WORD what a word matches and why\n"
          "  stats [DIR]       entries per category, their kinds, overlaps between categories\n"
          "  import IN -o DIR  converts a LIWC .dic, LIWC-22 .dicx or Lexicoder .lc3 file\n"
          "\n"
          "  slant lexicon COMMAND --help   explains a command, with examples\n"
          "\n"
          "examples:\n"
          "  slant lexicon check lexicons/en\n"
          "  slant lexicon list --match 'radicals'\n"
          "  slant lexicon stats lexicons/en\n"
          "  slant lexicon import tests/lexicon/sample.dic -o /tmp/sample-lexicon\n",
          f);
}

static void check_usage(FILE *f)
{
    fputs("usage: slant lexicon check [OPTIONS] DIR|FILE\n"
          "\n"
          "Checks a lexicon directory (lexicon.json and its category files) and reports\n"
          "every problem, not only the first, as 'slant: FILE:LINE:COL: message' on\n"
          "standard error, then a summary line on standard output.\n"
          "\n"
          "A LIWC .dic, LIWC-22 .dicx or Lexicoder .lc3 FILE is checked as 'slant lexicon\n"
          "import' would convert it: malformed lines and every entry slant's format cannot\n"
          "express are problems; entries that would be merged are notes.\n"
          "\n"
          "options:\n"
          "      --encoding ENC   utf8 (default) or latin1: the encoding of FILE\n"
          "      --stem           check FILE as 'import --stem' would convert it\n"
          "  -q, --quiet          no summary line and no notes\n"
          "  -h, --help           this help\n"
          "\n"
          "exit status: 0 no problem; 2 a problem, a file that cannot be read, or a usage\n"
          "error.\n"
          "\n"
          "examples:\n"
          "  slant lexicon check lexicons/en\n"
          "  slant lexicon check tests/lexicon/sample.dic\n",
          f);
}

/* --- shared ------------------------------------------------------------------------ */

void cli_import_problem(slant_import_severity sev, const slant_error *err, void *ctx)
{
    cli_import_report *rc = ctx;
    rc->count[sev]++;
    if ((sev == SLANT_IMPORT_MERGED || sev == SLANT_IMPORT_NOTE) && rc->quiet)
        return;
    char text[1200];
    slant_error_format(err, text, sizeof text);
    fprintf(stderr, "slant: %s%s\n",
            sev == SLANT_IMPORT_MERGED || sev == SLANT_IMPORT_NOTE ? "note: " : "", text);
}

static void print_error(const slant_error *err, void *ctx)
{
    (void)ctx;
    char text[1200];
    slant_error_format(err, text, sizeof text);
    fprintf(stderr, "slant: %s\n", text);
}

/* Whether `path` is a regular file in an import format (and which). */
static int is_import_file(const char *path, slant_import_format *fmt)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && slant_import_format_of(path, fmt) == 0;
}

int cli_lexicon_load_any(const char *path, const char *lang, slant_lexicon **lex,
                         slant_import **im)
{
    *im = NULL;
    slant_import_format fmt;
    if (!path || !is_import_file(path, &fmt))
        return cli_load_lexicon(path, lang, lex);
    slant_import_options o = { .format = fmt, .language = lang };
    cli_import_report rc = { 1, { 0 } };
    slant_error err;
    slant_error_clear(&err);
    if (slant_import_load(path, &o, cli_import_problem, &rc, lex, im, &err) != SLANT_OK) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return SLANT_EXIT_USAGE;
    }
    return SLANT_EXIT_OK;
}

int cli_parse_encoding(const char *s, slant_encoding *enc)
{
    if (strcmp(s, "utf8") == 0 || strcmp(s, "utf-8") == 0 || strcmp(s, "UTF-8") == 0)
        *enc = SLANT_ENCODING_UTF8;
    else if (strcmp(s, "latin1") == 0 || strcmp(s, "latin-1") == 0 ||
             strcmp(s, "iso-8859-1") == 0 || strcmp(s, "ISO-8859-1") == 0)
        *enc = SLANT_ENCODING_LATIN1;
    else
        return -1;
    return 0;
}

size_t cli_display_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80; /* code points, near enough for a table */
    return n;
}

void cli_pad(FILE *f, const char *s, size_t width)
{
    fputs(s, f);
    for (size_t n = cli_display_width(s); n < width; n++)
        fputc(' ', f);
}

/* --- check ------------------------------------------------------------------------- */

static const struct option check_options[] = {
    { "encoding", required_argument, NULL, 'e' },
    { "stem", no_argument, NULL, 's' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static void count_line(size_t n, const char *one, const char *many, slant_buf *b)
{
    slant_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

/* Checks an import-format file: what `slant lexicon import` would say. */
static int check_import_file(const char *path, slant_import_format fmt, slant_encoding enc,
                             int stem, int quiet)
{
    slant_import_options o = { .format = fmt, .encoding = enc, .stem = stem };
    cli_import_report rc = { quiet, { 0 } };
    slant_error err;
    slant_error_clear(&err);
    slant_import_counts counts;
    slant_status st = slant_import_check(path, &o, cli_import_problem, &rc, &counts, &err);
    if (st != SLANT_OK && st != SLANT_ERR_INPUT) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return SLANT_EXIT_USAGE;
    }
    if (st == SLANT_ERR_INPUT && !rc.count[SLANT_IMPORT_ERROR]) {
        /* Not an error of the input's lines: say what it was. */
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        rc.count[SLANT_IMPORT_ERROR]++;
    }
    counts.errors = rc.count[SLANT_IMPORT_ERROR];
    counts.dropped = rc.count[SLANT_IMPORT_DROPPED];
    counts.merged = rc.count[SLANT_IMPORT_MERGED];
    size_t problems = counts.errors + counts.dropped;
    if (!quiet) {
        slant_buf b;
        slant_buf_init(&b, 1 << 16);
        if (problems) {
            count_line(problems, "problem", "problems", &b);
            slant_buf_adds(&b, ": ");
            if (counts.errors)
                count_line(counts.errors, "error", "errors", &b);
            if (counts.errors && counts.dropped)
                slant_buf_adds(&b, ", ");
            if (counts.dropped)
                count_line(counts.dropped, "entry slant cannot express",
                           "entries slant cannot express", &b);
        } else {
            slant_buf_adds(&b, "ok: ");
            count_line(counts.categories, "category", "categories", &b);
            slant_buf_adds(&b, ", ");
            count_line(counts.entries, "entry", "entries", &b);
        }
        if (counts.merged)
            slant_buf_addf(&b, "; %zu merged", counts.merged);
        printf("%s: %s\n", path, b.data);
        slant_buf_release(&b);
    }
    return problems ? SLANT_EXIT_USAGE : SLANT_EXIT_OK;
}

static int check_dir(const char *dir, int quiet)
{
    size_t problems = slant_lexicon_check(dir, print_error, NULL);
    if (quiet)
        return problems ? SLANT_EXIT_USAGE : SLANT_EXIT_OK;
    if (problems) {
        printf("%s: %zu problem%s\n", dir, problems, problems == 1 ? "" : "s");
        return SLANT_EXIT_USAGE;
    }
    slant_lexicon *lex = NULL;
    slant_error err;
    slant_error_clear(&err);
    if (slant_lexicon_load(dir, &lex, &err) != SLANT_OK) {
        print_error(&err, NULL); /* cannot happen after a clean check */
        return SLANT_EXIT_USAGE;
    }
    size_t ncats = slant_lexicon_ncategories(lex), nentries = slant_lexicon_nentries(lex);
    printf("%s: ok: %zu categor%s, %zu entr%s\n", dir, ncats, ncats == 1 ? "y" : "ies",
           nentries, nentries == 1 ? "y" : "ies");
    slant_lexicon_free(lex);
    return SLANT_EXIT_OK;
}

static int lexicon_check(int argc, char **argv)
{
    slant_encoding enc = SLANT_ENCODING_UTF8;
    int stem = 0, quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", check_options, NULL)) != -1) {
        switch (c) {
        case 'e':
            if (cli_parse_encoding(optarg, &enc) != 0)
                return cli_usage_error("lexicon check", "unknown encoding '%s' (utf8 or latin1)",
                                       optarg);
            break;
        case 's': stem = 1; break;
        case 'q': quiet = 1; break;
        case 'h': check_usage(stdout); return SLANT_EXIT_OK;
        case ':':
            return cli_usage_error("lexicon check", "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error("lexicon check", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("lexicon check", optind == argc
                                                    ? "name a lexicon directory or a .dic, "
                                                      ".dicx or .lc3 file"
                                                    : "name one lexicon only");
    const char *path = argv[optind];
    struct stat sb;
    if (stat(path, &sb) != 0) {
        cli_message("cannot open '%s': %s", path, strerror(errno));
        return SLANT_EXIT_USAGE;
    }
    slant_import_format fmt;
    if (S_ISDIR(sb.st_mode))
        return check_dir(path, quiet);
    if (slant_import_format_of(path, &fmt) == 0)
        return check_import_file(path, fmt, enc, stem, quiet);
    const char *slash = strrchr(path, '/');
    if (strcmp(slash ? slash + 1 : path, "lexicon.json") == 0) {
        char *dir = slash ? xmemdup(path, (size_t)(slash - path) + (slash == path)) : xstrdup(".");
        int rc = check_dir(dir, quiet);
        free(dir);
        return rc;
    }
    cli_message("'%s' is not a lexicon directory, nor a .dic, .dicx or .lc3 file", path);
    return SLANT_EXIT_USAGE;
}

/* --- slant lexicon ----------------------------------------------------------------- */

int slant_cli_lexicon(int argc, char **argv)
{
    if (argc < 2) {
        lexicon_usage(stderr);
        return SLANT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        lexicon_usage(stdout);
        return SLANT_EXIT_OK;
    }
    if (strcmp(cmd, "check") == 0)
        return lexicon_check(argc - 1, argv + 1);
    if (strcmp(cmd, "list") == 0)
        return cli_lexicon_list(argc - 1, argv + 1);
    if (strcmp(cmd, "stats") == 0)
        return cli_lexicon_stats(argc - 1, argv + 1);
    if (strcmp(cmd, "import") == 0)
        return cli_lexicon_import(argc - 1, argv + 1);
    return cli_usage_error("lexicon", "unknown lexicon command '%s' (check, list, stats or "
                                      "import)",
                           cmd);
}
