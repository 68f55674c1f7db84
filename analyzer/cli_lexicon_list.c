/*
 * slant lexicon list: the entries of a lexicon, or what a phrase matches and why
 * (lexicon_inspect.h computes both; this file parses the options and formats them).
 */

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "cli_lexicon.h"
#include "lexicon_inspect.h"
#include "normalize.h"

enum { OPT_CATEGORY = 256, OPT_MATCH, OPT_LEXICON, OPT_LANG };

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

static void print_weight(double w, char *out, size_t size)
{
    snprintf(out, size, "%g", w);
}

static const struct option list_options[] = {
    { "category", required_argument, NULL, OPT_CATEGORY },
    { "match", required_argument, NULL, OPT_MATCH },
    { "lexicon", required_argument, NULL, OPT_LEXICON },
    { "lang", required_argument, NULL, OPT_LANG },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

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
            cli_pad(stdout, "category", wcat + 2);
            cli_pad(stdout, "weight", wweight + 2);
            cli_pad(stdout, "kind", wkind + 2);
            cli_pad(stdout, "entry", wentry + 2);
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
                    size_t w = cli_display_width(cat->id);
                    wcat = w > wcat ? w : wcat;
                    w = cli_display_width(e->text);
                    wentry = w > wentry ? w : wentry;
                    w = strlen(weight);
                    wweight = w > wweight ? w : wweight;
                    w = strlen(kind);
                    wkind = w > wkind ? w : wkind;
                    continue;
                }
                slant_entry_place(e, im, &place);
                cli_pad(stdout, cat->id, wcat + 2);
                cli_pad(stdout, weight, wweight + 2);
                cli_pad(stdout, kind, wkind + 2);
                cli_pad(stdout, e->text, wentry + 2);
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

int cli_lexicon_list(int argc, char **argv)
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
    int rc = cli_lexicon_load_any(path, lang, &lex, &im);
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

