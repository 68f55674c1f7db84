/*
 * slant lexicon import: converts a LIWC .dic, LIWC-22 .dicx or Lexicoder .lc3 dictionary
 * (lexicon_import.h) into a slant lexicon directory, written whole or not at all.
 */

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_lexicon.h"
#include "lexicon_import.h"
#include "xalloc.h"

enum { OPT_FROM = 256, OPT_ENCODING, OPT_LANG, OPT_STEMMER, OPT_ID, OPT_STEM };

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

int cli_lexicon_import(int argc, char **argv)
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
            if (cli_parse_encoding(optarg, &o.encoding) != 0)
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

    cli_import_report rc = { quiet, { 0 } };
    slant_import *im = NULL;
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_import_read(in, &o, cli_import_problem, &rc, &im, &err);
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
        st = slant_import_write(im, tmp, cli_import_problem, &rc, &err);
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

