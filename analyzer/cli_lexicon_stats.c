/*
 * slant lexicon stats: entries per category, their kinds, and the overlaps between
 * categories (lexicon_inspect.h computes them; this file formats them as text or JSON).
 */

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "jw.h"
#include "lexicon_inspect.h"

enum { OPT_LEXICON = 256, OPT_LANG };

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
    cli_pad(stdout, name, wname + 2);
    printf("%7zu  %10s  %8s  %6s\n", cs->entries, m, w, e);
}

static void stats_text(const slant_lexicon *lex, const slant_lexicon_stats *s)
{
    size_t ncats = slant_lexicon_ncategories(lex);
    size_t wname = strlen("category");
    for (size_t c = 0; c < ncats; c++) {
        size_t n = cli_display_width(slant_lexicon_category(lex, c)->id);
        wname = n > wname ? n : wname;
    }
    printf("lexicon %s %s (%s), %s\n\n", slant_lexicon_id(lex), slant_lexicon_version(lex),
           slant_lexicon_dir(lex), slant_lexicon_hash(lex));
    cli_pad(stdout, "category", wname + 2);
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
        size_t na = cli_display_width(slant_lexicon_category(lex, s->overlaps[i].a)->id);
        size_t nb = cli_display_width(slant_lexicon_category(lex, s->overlaps[i].b)->id);
        wa = na > wa ? na : wa;
        wb = nb > wb ? nb : wb;
    }
    for (size_t i = 0; i < s->noverlaps; i++) {
        const slant_overlap *o = &s->overlaps[i];
        fputs("  ", stdout);
        cli_pad(stdout, slant_lexicon_category(lex, o->a)->id, wa + 2);
        cli_pad(stdout, slant_lexicon_category(lex, o->b)->id, wb + 2);
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

int cli_lexicon_stats(int argc, char **argv)
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
    int rc = cli_lexicon_load_any(path, lang, &lex, &im);
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

