/*
 * slant lexicon: check, list, stats and import. Validating and inspecting lexicons, and
 * converting LIWC .dic, LIWC-22 .dicx and Lexicoder .lc3 dictionaries (lexicon_import.h)
 * into slant's own format (lexicons/FORMAT.md).
 */

#include <errno.h>
#include <dirent.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "file.h"
#include "json.h"
#include "lexicon_import.h"
#include "lexicon_inspect.h"
#include "normalize.h"
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

static void list_usage(FILE *f)
{
    fputs("usage: slant lexicon list [OPTIONS]\n"
          "\n"
          "Lists the entries of a lexicon (all, or one category's) with their category,\n"
          "weight and the FILE:LINE that defines them.\n"
          "\n"
          "With --match WORD (a word or a phrase), shows what the text WORD would match\n"
          "and why: each word's folded form and stem, and each matching entry with its\n"
          "category, the entry as written, FILE:LINE and its kind (stem, exact, prefix or\n"
          "expression). The phrase is scored like an article, by the same matcher as\n"
          "'slant score': within a category only the longest match counts.\n"
          "\n"
          "options:\n"
          "      --category C     only category C\n"
          "      --match WORD     what WORD matches, and why\n"
          "      --lexicon DIR    the lexicon directory, or a .dic, .dicx or .lc3 file\n"
          "                       (default: the installed lexicon for --lang)\n"
          "      --lang LANG      the language of the installed lexicon (default: en)\n"
          "  -h, --help           this help\n"
          "\n"
          "examples:\n"
          "  slant lexicon list --category hedges\n"
          "  slant lexicon list --match 'Radicals'\n"
          "  slant lexicon list --match 'ethnic cleansing'\n"
          "  slant lexicon list --lexicon tests/lexicon/sample.dic --match 'Clashes'\n",
          f);
}

static void stats_usage(FILE *f)
{
    fputs("usage: slant lexicon stats [OPTIONS] [DIR|FILE]\n"
          "\n"
          "Describes a lexicon: per category the number of entries and the share of\n"
          "multi-word expressions, of prefix wildcards and of exact forms; and the\n"
          "overlaps between categories: how many entry patterns two categories share\n"
          "(entries that match the same words after folding and stemming), with examples.\n"
          "\n"
          "options:\n"
          "  -f, --format FMT     text (default) or json\n"
          "      --lexicon DIR    the same as naming DIR (a .dic, .dicx or .lc3 file too)\n"
          "      --lang LANG      the language of the installed lexicon, used when no DIR\n"
          "                       is given (default: en)\n"
          "  -h, --help           this help\n"
          "\n"
          "examples:\n"
          "  slant lexicon stats\n"
          "  slant lexicon stats --format json lexicons/en\n",
          f);
}

static void import_usage(FILE *f)
{
    fputs("usage: slant lexicon import [OPTIONS] IN -o OUTDIR\n"
          "\n"
          "Converts a dictionary of another tool into a slant lexicon directory: a\n"
          "lexicon.json and one file per category, named by safe ids (a-z, 0-9, _).\n"
          "\n"
          "  liwc   LIWC .dic: a '%' block numbering the categories, then one entry per\n"
          "         line with its category numbers\n"
          "  dicx   LIWC-22 .dicx: CSV with a DicTerm column and one column per category;\n"
          "         a non-empty cell is a member (a number from 0 to 100 is its weight)\n"
          "  lc3    Lexicoder .lc3: '+category' lines, then the patterns beneath\n"
          "\n"
          "In those formats a plain word matches only itself, so it becomes an exact entry\n"
          "(=word); word* stays a prefix. The imported lexicon matches what the original\n"
          "did, within slant's tokenizer (docs/lexicons.md lists the limits).\n"
          "\n"
          "Nothing is dropped silently: each entry slant cannot express (a '*' inside a\n"
          "word, punctuation such as ':)', LIWC's conditional codes, more than 8 words) is\n"
          "reported with IN:LINE:COL, and entries that match the same words are written\n"
          "once, with a note.\n"
          "\n"
          "options:\n"
          "  -o, --output OUTDIR  the directory to write; it must not exist or be empty\n"
          "      --from FMT       liwc, dicx or lc3 (default: from IN's extension)\n"
          "      --encoding ENC   utf8 (default) or latin1 (converted to UTF-8)\n"
          "      --lang LANG      the lexicon's language (default: en)\n"
          "      --stemmer ALG    its Snowball stemmer (default: english)\n"
          "      --id ID          its id (default: IN's file name)\n"
          "      --stem           import plain words as stemmed words (slant's own style:\n"
          "                       more matches, no longer what the original matched)\n"
          "  -q, --quiet          no summary line and no notes\n"
          "  -h, --help           this help\n"
          "\n"
          "exit status: 0 every entry imported; 1 some entries were dropped (each was\n"
          "reported; the rest is written); 2 usage error or malformed input (nothing is\n"
          "written); 3 IN could not be read or OUTDIR could not be written.\n"
          "\n"
          "examples:\n"
          "  slant lexicon import tests/lexicon/sample.dic -o /tmp/sample-dic\n"
          "  slant lexicon import --from lc3 tests/lexicon/sample.lc3 -o /tmp/sample-lc3\n"
          "  slant score --lexicon /tmp/sample-dic corpus/\n",
          f);
}

/* --- shared ------------------------------------------------------------------------ */

/* Prints an importer's problems and counts them by severity. */
typedef struct {
    int quiet;                  /* no notes */
    size_t count[SLANT_IMPORT_NOTE + 1];
} report_ctx;

static void print_problem(slant_import_severity sev, const slant_error *err, void *ctx)
{
    report_ctx *rc = ctx;
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

/*
 * Loads a lexicon directory, an import-format file (then `*im` maps its entries back to
 * the file's lines), or the installed lexicon for `lang` when `path` is NULL. Prints
 * what went wrong; returns 0 or an exit status.
 */
static int load_lexicon(const char *path, const char *lang, slant_lexicon **lex,
                        slant_import **im)
{
    *im = NULL;
    slant_import_format fmt;
    if (!path || !is_import_file(path, &fmt))
        return cli_load_lexicon(path, lang, lex);
    slant_import_options o = { .format = fmt, .language = lang };
    report_ctx rc = { 1, { 0 } };
    slant_error err;
    slant_error_clear(&err);
    if (slant_import_load(path, &o, print_problem, &rc, lex, im, &err) != SLANT_OK) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return SLANT_EXIT_USAGE;
    }
    return SLANT_EXIT_OK;
}

static void print_weight(double w, char *out, size_t size)
{
    snprintf(out, size, "%g", w);
}

/* --- check ------------------------------------------------------------------------- */

static const struct option check_options[] = {
    { "encoding", required_argument, NULL, 'e' },
    { "stem", no_argument, NULL, 's' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static int parse_encoding(const char *s, slant_encoding *enc)
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

static void count_line(size_t n, const char *one, const char *many, slant_buf *b)
{
    slant_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

/* Checks an import-format file: what `slant lexicon import` would say. */
static int check_import_file(const char *path, slant_import_format fmt, slant_encoding enc,
                             int stem, int quiet)
{
    slant_import_options o = { .format = fmt, .encoding = enc, .stem = stem };
    report_ctx rc = { quiet, { 0 } };
    slant_import *im = NULL;
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_import_read(path, &o, print_problem, &rc, &im, &err);
    slant_import_counts counts = { 0, 0, 0, 0, 0 };
    if (st == SLANT_OK) {
        /* Write it where nobody looks and load it back, as the import does. */
        const char *tmp = getenv("TMPDIR");
        char *dir = slant_path_join(tmp && tmp[0] ? tmp : "/tmp", "slant-check-XXXXXX");
        if (!mkdtemp(dir)) {
            cli_message("cannot make a temporary directory '%s': %s", dir, strerror(errno));
            free(dir);
            slant_import_free(im);
            return SLANT_EXIT_USAGE;
        }
        st = slant_import_write(im, dir, print_problem, &rc, &err);
        slant_import_remove(im, dir);
        free(dir);
        counts = slant_import_get_counts(im);
        slant_import_free(im);
    }
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
            if (parse_encoding(optarg, &enc) != 0)
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

/* --- list -------------------------------------------------------------------------- */

enum { OPT_CATEGORY = 256, OPT_MATCH, OPT_LEXICON, OPT_LANG, OPT_FROM, OPT_ENCODING,
       OPT_STEMMER, OPT_ID, OPT_STEM };

static const struct option list_options[] = {
    { "category", required_argument, NULL, OPT_CATEGORY },
    { "match", required_argument, NULL, OPT_MATCH },
    { "lexicon", required_argument, NULL, OPT_LEXICON },
    { "lang", required_argument, NULL, OPT_LANG },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Column widths of a table of strings: the widest cell of each column. */
static size_t display_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80; /* code points, near enough for a table */
    return n;
}

static void pad(FILE *f, const char *s, size_t width)
{
    fputs(s, f);
    for (size_t n = display_width(s); n < width; n++)
        fputc(' ', f);
}

static void list_entries(const slant_lexicon *lex, const slant_import *im, long only)
{
    slant_keyer k;
    slant_keyer_init(&k, slant_lexicon_stemmer(lex));
    slant_buf place, scratch;
    slant_buf_init(&place, 1 << 16);
    slant_buf_init(&scratch, 1 << 16);
    size_t wcat = strlen("category"), wentry = strlen("entry"), wweight = strlen("weight");
    size_t wkind = strlen("kind");
    char weight[32];
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            pad(stdout, "category", wcat + 2);
            pad(stdout, "weight", wweight + 2);
            pad(stdout, "kind", wkind + 2);
            pad(stdout, "entry", wentry + 2);
            fputs("defined at\n", stdout);
        }
        for (size_t c = 0; c < slant_lexicon_ncategories(lex); c++) {
            if (only >= 0 && (size_t)only != c)
                continue;
            const slant_category *cat = slant_lexicon_category(lex, c);
            for (size_t i = 0; i < cat->nentries; i++) {
                const slant_entry *e = slant_lexicon_entry(lex, cat->first_entry + i);
                print_weight(e->weight, weight, sizeof weight);
                const char *kind = slant_entry_kind(&k, e, &scratch);
                if (pass == 0) {
                    size_t w = display_width(cat->id);
                    wcat = w > wcat ? w : wcat;
                    w = display_width(e->text);
                    wentry = w > wentry ? w : wentry;
                    w = strlen(weight);
                    wweight = w > wweight ? w : wweight;
                    w = strlen(kind);
                    wkind = w > wkind ? w : wkind;
                    continue;
                }
                slant_entry_place(e, im, &place);
                pad(stdout, cat->id, wcat + 2);
                pad(stdout, weight, wweight + 2);
                pad(stdout, kind, wkind + 2);
                pad(stdout, e->text, wentry + 2);
                fputs(place.data, stdout);
                fputc('\n', stdout);
            }
        }
    }
    slant_buf_release(&place);
    slant_buf_release(&scratch);
    slant_keyer_release(&k);
}

/* What `phrase` matches, and why: the words, then the matches of category `only` (or
 * of every category when `only` is negative). */
static int list_match(const slant_lexicon *lex, const slant_import *im, long only,
                      const char *phrase)
{
    slant_phrase_inspection p;
    slant_phrase_inspect(lex, phrase, &p);
    if (p.nwords == 0)
        printf("'%s' has no word: nothing can match it\n", phrase);
    for (size_t t = 0; t < p.nwords; t++) {
        const slant_phrase_word *w = &p.words[t];
        int wl = (int)(w->end - w->start);
        const char *text = p.text + w->start;
        if (w->kind == SLANT_WORD_TOO_LONG)
            printf("word %zu '%.*s': longer than %d bytes, matches nothing\n", t + 1, wl, text,
                   SLANT_MAX_WORD_BYTES);
        else if (w->kind == SLANT_WORD_NUMBER)
            printf("word %zu '%.*s': folded '%s', a number (matched exactly, never stemmed)\n",
                   t + 1, wl, text, w->folded);
        else
            printf("word %zu '%.*s': folded '%s', stem '%s'\n", t + 1, wl, text, w->folded,
                   w->stem);
    }
    slant_buf place;
    slant_buf_init(&place, 1 << 16);
    size_t shown = 0;
    for (size_t i = 0; i < p.nmatches; i++) {
        const slant_phrase_match *x = &p.matches[i];
        if (only >= 0 && (size_t)only != x->category)
            continue;
        const slant_entry *e = slant_lexicon_entry(lex, x->entry);
        if (!shown++)
            puts("matches (within a category the longest match wins):");
        slant_entry_place(e, im, &place);
        printf("  %s: %s (%s) at %s, matching '%.*s'", slant_lexicon_category(lex, x->category)->id,
               e->text, x->kind, place.data, (int)(x->end - x->start), p.text + x->start);
        if (e->weight != 1.0)
            printf(", weight %g", e->weight);
        if (e->stance)
            printf(", stance %s", e->stance);
        printf("%s%s%s\n", x->negated ? ", negated" : "", x->boosted ? ", boosted" : "",
               x->diminished ? ", diminished" : "");
    }
    if (!shown)
        printf("no entry matches '%s'%s\n", phrase, only >= 0 ? " in that category" : "");
    slant_buf_release(&place);
    slant_phrase_inspection_release(&p);
    return SLANT_EXIT_OK;
}

static int lexicon_list(int argc, char **argv)
{
    const char *category = NULL, *match = NULL, *path = NULL, *lang = "en";
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", list_options, NULL)) != -1) {
        switch (c) {
        case OPT_CATEGORY: category = optarg; break;
        case OPT_MATCH: match = optarg; break;
        case OPT_LEXICON: path = optarg; break;
        case OPT_LANG: lang = optarg; break;
        case 'h': list_usage(stdout); return SLANT_EXIT_OK;
        case ':':
            return cli_usage_error("lexicon list", "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error("lexicon list", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc)
        return cli_usage_error("lexicon list", "unexpected argument '%s' (name the lexicon "
                                               "with --lexicon, a phrase with --match)",
                               argv[optind]);
    slant_lexicon *lex = NULL;
    slant_import *im = NULL;
    int rc = load_lexicon(path, lang, &lex, &im);
    if (rc != SLANT_EXIT_OK)
        return rc;
    long only = -1;
    if (category && (only = slant_lexicon_find_category(lex, category)) < 0) {
        cli_message("unknown category '%s' ('slant lexicon stats' lists them)", category);
        rc = SLANT_EXIT_USAGE;
    } else if (match) {
        rc = list_match(lex, im, only, match);
    } else {
        list_entries(lex, im, only);
    }
    slant_import_free(im);
    slant_lexicon_free(lex);
    return rc;
}

/* --- stats ------------------------------------------------------------------------- */

static const struct option stats_options[] = {
    { "format", required_argument, NULL, 'f' },
    { "lexicon", required_argument, NULL, OPT_LEXICON },
    { "lang", required_argument, NULL, OPT_LANG },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static double share(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : NAN;
}

static void percent(size_t part, size_t whole, char *out, size_t size)
{
    if (!whole)
        snprintf(out, size, "-");
    else
        snprintf(out, size, "%.1f%%", 100.0 * (double)part / (double)whole);
}

static void stats_row(const char *name, const slant_entry_counts *cs, size_t wname)
{
    char m[16], w[16], e[16];
    percent(cs->multiword, cs->entries, m, sizeof m);
    percent(cs->wildcard, cs->entries, w, sizeof w);
    percent(cs->exact, cs->entries, e, sizeof e);
    pad(stdout, name, wname + 2);
    printf("%7zu  %10s  %8s  %6s\n", cs->entries, m, w, e);
}

static void stats_text(const slant_lexicon *lex, const slant_lexicon_stats *s)
{
    size_t ncats = slant_lexicon_ncategories(lex);
    size_t wname = strlen("category");
    for (size_t c = 0; c < ncats; c++) {
        size_t n = display_width(slant_lexicon_category(lex, c)->id);
        wname = n > wname ? n : wname;
    }
    printf("lexicon %s %s (%s), %s\n\n", slant_lexicon_id(lex), slant_lexicon_version(lex),
           slant_lexicon_dir(lex), slant_lexicon_hash(lex));
    pad(stdout, "category", wname + 2);
    printf("%7s  %10s  %8s  %6s\n", "entries", "multi-word", "wildcard", "exact");
    for (size_t c = 0; c < ncats; c++)
        stats_row(slant_lexicon_category(lex, c)->id, &s->cats[c], wname);
    stats_row("total", &s->total, wname);

    puts("\noverlaps (entries of two categories that match the same words):");
    if (!s->noverlaps) {
        puts("  none");
        return;
    }
    size_t wa = 0, wb = 0;
    for (size_t i = 0; i < s->noverlaps; i++) {
        size_t na = display_width(slant_lexicon_category(lex, s->overlaps[i].a)->id);
        size_t nb = display_width(slant_lexicon_category(lex, s->overlaps[i].b)->id);
        wa = na > wa ? na : wa;
        wb = nb > wb ? nb : wb;
    }
    for (size_t i = 0; i < s->noverlaps; i++) {
        const slant_overlap *o = &s->overlaps[i];
        fputs("  ", stdout);
        pad(stdout, slant_lexicon_category(lex, o->a)->id, wa + 2);
        pad(stdout, slant_lexicon_category(lex, o->b)->id, wb + 2);
        printf("%5zu  e.g.", o->count);
        for (size_t k = 0; k < o->count && k < SLANT_OVERLAP_EXAMPLES; k++)
            printf("%s %s", k ? "," : "", o->examples[k]);
        fputs(o->count > SLANT_OVERLAP_EXAMPLES ? ", ...\n" : "\n", stdout);
    }
}

static void stats_json_counts(slant_jw *w, const slant_entry_counts *cs)
{
    slant_jw_member_count(w, "entries", cs->entries);
    slant_jw_member_count(w, "multiword", cs->multiword);
    slant_jw_member_count(w, "wildcard", cs->wildcard);
    slant_jw_member_count(w, "exact", cs->exact);
    slant_jw_member_number(w, "multiword_share", share(cs->multiword, cs->entries));
    slant_jw_member_number(w, "wildcard_share", share(cs->wildcard, cs->entries));
    slant_jw_member_number(w, "exact_share", share(cs->exact, cs->entries));
}

static void stats_json(const slant_lexicon *lex, const slant_lexicon_stats *s)
{
    slant_buf out;
    slant_buf_init(&out, SLANT_OUTPUT_MAX_BYTES);
    slant_jw w;
    slant_jw_init(&w, &out);
    slant_jw_open(&w, '{');
    slant_jw_key(&w, "lexicon");
    slant_jw_open(&w, '{');
    slant_jw_member_cstring(&w, "id", slant_lexicon_id(lex));
    slant_jw_member_cstring(&w, "version", slant_lexicon_version(lex));
    slant_jw_member_cstring(&w, "hash", slant_lexicon_hash(lex));
    slant_jw_member_cstring(&w, "stemmer", slant_lexicon_stemmer(lex));
    slant_jw_close(&w, '}');
    slant_jw_key(&w, "categories");
    slant_jw_open(&w, '[');
    for (size_t c = 0; c < slant_lexicon_ncategories(lex); c++) {
        const slant_category *cat = slant_lexicon_category(lex, c);
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_member_cstring(&w, "id", cat->id);
        slant_jw_member_cstring(&w, "group", cat->group);
        stats_json_counts(&w, &s->cats[c]);
        slant_jw_close(&w, '}');
    }
    slant_jw_close(&w, ']');
    slant_jw_key(&w, "total");
    slant_jw_open(&w, '{');
    stats_json_counts(&w, &s->total);
    slant_jw_close(&w, '}');
    slant_jw_key(&w, "overlaps");
    slant_jw_open(&w, '[');
    for (size_t i = 0; i < s->noverlaps; i++) {
        const slant_overlap *o = &s->overlaps[i];
        slant_jw_element(&w);
        slant_jw_open(&w, '{');
        slant_jw_key(&w, "categories");
        slant_jw_open(&w, '[');
        slant_jw_element(&w);
        const char *a = slant_lexicon_category(lex, o->a)->id;
        const char *b = slant_lexicon_category(lex, o->b)->id;
        slant_jw_string(&w, a, strlen(a));
        slant_jw_element(&w);
        slant_jw_string(&w, b, strlen(b));
        slant_jw_close(&w, ']');
        slant_jw_member_count(&w, "entries", o->count);
        slant_jw_key(&w, "examples");
        slant_jw_open(&w, '[');
        for (size_t k = 0; k < o->count && k < SLANT_OVERLAP_EXAMPLES; k++) {
            slant_jw_element(&w);
            slant_jw_string(&w, o->examples[k], strlen(o->examples[k]));
        }
        slant_jw_close(&w, ']');
        slant_jw_close(&w, '}');
    }
    slant_jw_close(&w, ']');
    slant_jw_close(&w, '}');
    slant_buf_addc(&out, '\n');
    if (!cli_output_too_large(&out))
        fwrite(out.data, 1, out.len, stdout);
    slant_jw_release(&w);
    slant_buf_release(&out);
}

static int stats_command(int argc, char **argv)
{
    const char *path = NULL, *lang = "en";
    int json = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:h", stats_options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "text") == 0)
                json = 0;
            else
                return cli_usage_error("lexicon stats", "unknown format '%s' (text or json)",
                                       optarg);
            break;
        case OPT_LEXICON: path = optarg; break;
        case OPT_LANG: lang = optarg; break;
        case 'h': stats_usage(stdout); return SLANT_EXIT_OK;
        case ':':
            return cli_usage_error("lexicon stats", "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error("lexicon stats", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc) {
        if (path || optind + 1 < argc)
            return cli_usage_error("lexicon stats", "name one lexicon only");
        path = argv[optind];
    }
    slant_lexicon *lex = NULL;
    slant_import *im = NULL;
    int rc = load_lexicon(path, lang, &lex, &im);
    if (rc != SLANT_EXIT_OK)
        return rc;
    slant_lexicon_stats s;
    slant_lexicon_stats_compute(lex, &s);
    if (json)
        stats_json(lex, &s);
    else
        stats_text(lex, &s);
    slant_lexicon_stats_release(&s);
    slant_import_free(im);
    slant_lexicon_free(lex);
    return SLANT_EXIT_OK;
}

/* --- import ------------------------------------------------------------------------ */

static const struct option import_options[] = {
    { "output", required_argument, NULL, 'o' },
    { "from", required_argument, NULL, OPT_FROM },
    { "encoding", required_argument, NULL, OPT_ENCODING },
    { "lang", required_argument, NULL, OPT_LANG },
    { "stemmer", required_argument, NULL, OPT_STEMMER },
    { "id", required_argument, NULL, OPT_ID },
    { "stem", no_argument, NULL, OPT_STEM },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* Whether `dir` may be written: it does not exist, or it is an empty directory. */
static int output_dir_free(const char *dir)
{
    struct stat sb;
    if (stat(dir, &sb) != 0)
        return errno == ENOENT;
    if (!S_ISDIR(sb.st_mode))
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int empty = 1;
    const struct dirent *e;
    while (empty && (e = readdir(d)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(d);
    return empty; /* rename() replaces an empty directory */
}

static int lexicon_import(int argc, char **argv)
{
    const char *out = NULL, *from = NULL;
    slant_import_options o = { .language = "en", .stemmer = "english" };
    int quiet = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", import_options, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case OPT_FROM: from = optarg; break;
        case OPT_ENCODING:
            if (parse_encoding(optarg, &o.encoding) != 0)
                return cli_usage_error("lexicon import",
                                       "unknown encoding '%s' (utf8 or latin1)", optarg);
            break;
        case OPT_LANG: o.language = optarg; break;
        case OPT_STEMMER: o.stemmer = optarg; break;
        case OPT_ID: o.id = optarg; break;
        case OPT_STEM: o.stem = 1; break;
        case 'q': quiet = 1; break;
        case 'h': import_usage(stdout); return SLANT_EXIT_OK;
        case ':':
            return cli_usage_error("lexicon import", "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error("lexicon import", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return cli_usage_error("lexicon import", "name the file to import");
    if (optind + 1 < argc)
        return cli_usage_error("lexicon import", "name one file only (got '%s' too)",
                               argv[optind + 1]);
    if (!out)
        return cli_usage_error("lexicon import", "name the output directory with -o OUTDIR");
    const char *in = argv[optind];
    if (from) {
        if (slant_import_format_named(from, &o.format) != 0)
            return cli_usage_error("lexicon import", "unknown format '%s' (liwc, dicx or lc3)",
                                   from);
    } else if (slant_import_format_of(in, &o.format) != 0) {
        return cli_usage_error("lexicon import", "cannot tell the format of '%s' from its "
                                                 "name: give --from liwc, dicx or lc3",
                               in);
    }

    report_ctx rc = { quiet, { 0 } };
    slant_import *im = NULL;
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_import_read(in, &o, print_problem, &rc, &im, &err);
    if (st != SLANT_OK) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s%s", text, st == SLANT_ERR_INPUT ? "; nothing was written" : "");
        return st == SLANT_ERR_INPUT || st == SLANT_ERR_USAGE ? SLANT_EXIT_USAGE
                                                               : SLANT_EXIT_NOTHING;
    }

    /* Write next to OUTDIR, then rename: OUTDIR is all there or not there. */
    size_t n = strlen(out);
    while (n > 1 && out[n - 1] == '/')
        n--;
    char *target = xmemdup(out, n);
    int status = SLANT_EXIT_OK;
    if (!output_dir_free(target)) {
        cli_message("'%s' exists and is not an empty directory: remove it or choose another",
                    target);
        status = SLANT_EXIT_USAGE;
    }
    char *tmp = NULL;
    if (status == SLANT_EXIT_OK) {
        tmp = xmalloc(n + sizeof ".tmp.XXXXXX");
        memcpy(tmp, target, n);
        memcpy(tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
        if (!mkdtemp(tmp)) {
            cli_message("cannot write '%s': %s", target, strerror(errno));
            status = SLANT_EXIT_NOTHING;
        }
    }
    if (status == SLANT_EXIT_OK) {
        st = slant_import_write(im, tmp, print_problem, &rc, &err);
        if (st == SLANT_OK && rename(tmp, target) != 0)
            st = slant_error_set(&err, SLANT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s",
                                 target, strerror(errno));
        if (st != SLANT_OK) {
            char text[1200];
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            slant_import_remove(im, tmp);
            status = SLANT_EXIT_NOTHING;
        }
    }
    if (status == SLANT_EXIT_OK) {
        slant_import_counts k = slant_import_get_counts(im);
        if (!quiet) {
            printf("%s: %zu categor%s, %zu entr%s from %s", target, k.categories,
                   k.categories == 1 ? "y" : "ies", k.entries, k.entries == 1 ? "y" : "ies", in);
            if (k.dropped)
                printf("; %zu dropped", k.dropped);
            if (k.merged)
                printf("; %zu merged", k.merged);
            fputc('\n', stdout);
        }
        if (k.dropped) {
            /* Said even with -q: a directory that looks complete but is not. */
            cli_message("'%s' is a partial import: %zu entr%s of '%s' could not be "
                        "expressed and %s not in it (each reported above; its lexicon.json "
                        "says so too)",
                        target, k.dropped, k.dropped == 1 ? "y" : "ies", in,
                        k.dropped == 1 ? "is" : "are");
            status = SLANT_EXIT_PARTIAL;
        }
    }
    free(tmp);
    free(target);
    slant_import_free(im);
    return status;
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
        return lexicon_list(argc - 1, argv + 1);
    if (strcmp(cmd, "stats") == 0)
        return stats_command(argc - 1, argv + 1);
    if (strcmp(cmd, "import") == 0)
        return lexicon_import(argc - 1, argv + 1);
    return cli_usage_error("lexicon", "unknown lexicon command '%s' (check, list, stats or "
                                      "import)",
                           cmd);
}
