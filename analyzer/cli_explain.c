/* slant explain: one article with every match marked and explained, then its quotations,
 * scare quotes, actors and indicators: the evidence behind each number, for a person. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "explain.h"
#include "read.h"
#include "score.h"

static void explain_usage(FILE *f)
{
    fputs("usage: slant explain [OPTIONS] FILE...\n"
          "\n"
          "Shows each article with every lexicon match marked by a number, then what each\n"
          "number is (category, lexicon entry, negated or boosted, the author's voice or a\n"
          "quotation, the nearest actor), the quotations with their speakers and report\n"
          "verbs, the scare quotes, the actor-by-category table and the indicators.\n"
          "Inputs are read as by 'slant score' (a JSON Lines file explains every record).\n"
          "\n"
          "options:\n"
          "  -f, --format FMT     text (default; colour on a terminal unless NO_COLOR is set)\n"
          "                       or html (one self-contained page)\n"
          "  -o, --output FILE    write to FILE instead of stdout\n"
          "      --id ID          only the article with this id (one record of a JSON\n"
          "                       Lines or CSV file; its id from --id-field, or FILE:LINE)\n"
          "      --where COND, --from DATE, --to DATE\n"
          "                       only the articles that pass (as for 'slant score')\n"
          "      --text-field F, --id-field F, --lexicon DIR, --lang LANG, --actors FILE,\n"
          "      --window K       as for 'slant score'\n"
          "  -h, --help           this help\n"
          "\n"
          "exit status: 0 explained; 1 some inputs were skipped with an error; 2 usage error\n"
          "or bad lexicon; 3 nothing to explain; 4 the output could not be written (\"slant:\n"
          "FILE: No space left on device\"); 130 or 143 interrupted.\n"
          "\n"
          "examples:\n"
          "  slant explain corpus/seeds/000_5941d1ad503c0a8e.txt\n"
          "  slant explain --format html -o seed.html corpus/seeds/001_73481201f27bdbcc.txt\n"
          "  slant explain --id d2 --text-field body --id-field doc tests/data/workflow/articles.csv\n",
          f);
}

typedef struct {
    slant_explain *view;
    const slant_lexicon *lex;
    slant_explain_style style;
    slant_buf *out;
} explaining;

/* cli_each_article's callback: the article explained into the output buffer. */
static int explain_article(const slant_article *a, const char *origin, long line,
                           const slant_scorer *s, void *ctx)
{
    (void)line;
    explaining *ex = ctx;
    slant_explain_build(ex->view, ex->lex, s, a, origin);
    slant_explain_write(ex->view, ex->style, ex->out);
    return 0;
}

int slant_cli_explain(int argc, char **argv)
{
    static const struct option options[] = {
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "actors", required_argument, NULL, 'a' },
        { "window", required_argument, NULL, 'w' },
        { "id", required_argument, NULL, 'I' },
        CLI_READ_INPUT_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    const char *format = "text", *output = NULL, *id = NULL;
    const char *actors[16];
    size_t nactors = 0;
    long window = SLANT_FRAME_WINDOW;
    int rc = -1;
    cli_read_args r;
    cli_read_args_init(&r);
    optind = 1;
    opterr = 0;
    int c;
    while (rc < 0 && (c = getopt_long(argc, argv, ":f:o:h", options, NULL)) != -1) {
        switch (c) {
        case 'I': id = optarg; break;
        case 'f': format = optarg; break;
        case 'o': output = optarg; break;
        case 'a':
            if (nactors == 16)
                rc = cli_usage_error("explain", "at most 16 --actors files");
            else
                actors[nactors++] = optarg;
            break;
        case 'w':
            if (cli_parse_count(optarg, 1, 1000, &window) != 0)
                rc = cli_usage_error("explain", "invalid window '%s'", optarg);
            break;
        default: rc = cli_read_option(&r, c, optarg, "explain", argv, explain_usage); break;
        }
    }
    if (rc < 0 && strcmp(format, "text") && strcmp(format, "html"))
        rc = cli_usage_error("explain", "unknown format '%s' (text or html)", format);
    else if (rc < 0 && optind == argc)
        rc = cli_usage_error("explain", "no input given: name an article file");
    if (rc < 0 && id) {
        /* --id ID is --where id=ID, spelled so that a comma in an id is no list. */
        if (!r.subset)
            r.subset = slant_subset_new();
        slant_error err;
        slant_error_clear(&err);
        if (slant_subset_id(r.subset, id, &err) != SLANT_OK)
            rc = cli_usage_error("explain", "%s", err.message);
    }
    if (rc >= 0) {
        slant_subset_free(r.subset);
        return rc;
    }
    slant_lexicon *lex = NULL;
    rc = cli_load_lexicon_actors(r.lexicon, r.lang, actors, nactors, &lex);
    if (rc != SLANT_EXIT_OK) {
        slant_subset_free(r.subset);
        return rc;
    }
    slant_scorer *scorer = slant_scorer_new(lex);
    slant_scorer_set_window(scorer, (size_t)window);
    slant_buf out;
    slant_buf_init(&out, SLANT_OUTPUT_MAX_BYTES);
    slant_explain_style style = SLANT_EXPLAIN_TEXT;
    if (!strcmp(format, "html"))
        style = SLANT_EXPLAIN_HTML;
    else if (!output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"))
        style = SLANT_EXPLAIN_COLOUR;
    if (style == SLANT_EXPLAIN_HTML)
        slant_explain_page_open(&out);
    slant_explain view;
    slant_explain_init(&view);
    explaining ex = { &view, lex, style, &out };
    cli_article_counts counts;
    cli_each_article((const char *const *)(argv + optind), (size_t)(argc - optind),
                     (slant_jsonl_fields){ r.text_field, r.id_field, NULL, 0 }, r.subset, scorer,
                     explain_article, &ex, &counts);
    size_t explained = counts.articles, failed = counts.failed, left_out = counts.left_out;
    if (!explained && id)
        cli_message("no article with the id '%s' in the inputs (ids come from --id-field, or "
                    "are FILE:LINE)", id);
    else if (!explained && left_out)
        cli_message("no article passed --where, --from and --to");
    slant_explain_release(&view);
    if (style == SLANT_EXPLAIN_HTML)
        slant_explain_page_close(&out);
    rc = explained ? (failed ? SLANT_EXIT_PARTIAL : SLANT_EXIT_OK) : SLANT_EXIT_NOTHING;
    if (explained) {
        int wrc = cli_output_buf(output, &out);
        if (wrc != SLANT_EXIT_OK)
            rc = wrc;
    }
    slant_buf_release(&out);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
    slant_subset_free(r.subset);
    return rc;
}
