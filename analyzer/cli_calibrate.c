/* slant calibrate: fits the loaded-language index's category weights to a labelled sample
 * (the reading in labelled.c, the features and the file in calibrate.c, the fit in
 * logit.c; this file holds the options and the wiring). */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calibrate.h"
#include "cli.h"
#include "file.h"
#include "xalloc.h"

#define MAX_INPUT_BYTES ((size_t)1 << 31)

static void calibrate_usage(FILE *f)
{
    fputs(
        "usage: slant calibrate [OPTIONS] LABELLED...\n"
        "\n"
        "Fits the weights of the loaded-language index to a sample a researcher has\n"
        "labelled (sentences or articles, 1 = slanted, 0 = not), and writes a weights\n"
        "file for 'slant score --weights FILE'. Each unit is scored with the lexicon;\n"
        "its features are the rates per 1,000 words of the index categories (group\n"
        "loaded or contested; not contested concepts, not actors). The fit is an\n"
        "L2-regularised logistic regression on standardised rates (z-scores; the\n"
        "intercept is not penalised), solved by Newton's method with GSL; the weights\n"
        "are written back on the raw rate scale. A category with the same rate in every\n"
        "unit gets weight 0 and is named in the summary. Its quality is the ROC AUC of\n"
        "k-fold cross-validation (folds stratified by label, pooled out-of-fold scores)\n"
        "with a 95% confidence interval by DeLong's method.\n"
        "\n"
        "inputs:\n"
        "  FILE.jsonl    one object per line with a text and a label (also .ndjson)\n"
        "  FILE.csv      CSV with a header row (also FILE.tsv, tab-separated)\n"
        "  -             standard input; other names too: JSON Lines if the first\n"
        "                character is '{', TSV if the first line has a tab, else CSV\n"
        "  Labels are numbers (or true/false). Labels other than 0 and 1 are ordinal:\n"
        "  give --threshold T to count a label >= T as positive.\n"
        "\n"
        "options:\n"
        "  -o, --output FILE     write the weights file to FILE (atomically) not stdout;\n"
        "                        the summary then goes to stdout, else to stderr\n"
        "      --predictions FILE  write each unit's fold and out-of-fold probability\n"
        "                        (JSON Lines: id, file, line, label, y, fold, score)\n"
        "      --text-field F    the field or column holding the text (default: text)\n"
        "      --label-field F   the field or column holding the label (default: label)\n"
        "      --id-field F      the field or column holding the id (default: id; a\n"
        "                        unit without one is named FILE:LINE)\n"
        "      --input FMT       auto (default), jsonl, csv or tsv\n"
        "      --threshold T     ordinal labels: positive when label >= T\n"
        "      --unit U          what a unit is: sentence (default) or article; written\n"
        "                        to the weights file\n"
        "      --l2 LAMBDA       the penalty: 0.5 * LAMBDA * ||w||^2 is added to the\n"
        "                        log loss of the standardised fit (default: 1; this is\n"
        "                        scikit-learn's C = 1 / LAMBDA)\n"
        "      --folds K         cross-validation folds (default: 10)\n"
        "      --seed S          the seed of the fold assignment (default: 1)\n"
        "      --lexicon DIR     the lexicon directory (default: the installed lexicon\n"
        "                        for --lang)\n"
        "      --lang LANG       the language of the installed lexicon (default: en)\n"
        "      --actors FILE     add the actors of FILE, as 'slant score' does (the\n"
        "                        lexicon hash in the weights file then covers them)\n"
        "  -q, --quiet           no summary (errors are still shown)\n"
        "  -h, --help            this help\n"
        "\n"
        "exit status: 0 fitted; 1 some rows were skipped with an error (the rest were\n"
        "used); 2 usage error or bad lexicon; 3 nothing could be fitted; 4 the output could\n"
        "not be written (\"slant: FILE: No space left on device\").\n"
        "\n"
        "examples:\n"
        "  slant calibrate --lexicon tests/data/lexicon-calibrate \\\n"
        "      tests/data/calibrate/sample.jsonl        # the weights file to stdout\n"
        "  slant calibrate --lexicon tests/data/lexicon-calibrate --folds 5 \\\n"
        "      -o /tmp/weights.json tests/data/calibrate/sample.csv\n"
        "  slant calibrate --lexicon tests/data/lexicon-calibrate --threshold 3 \\\n"
        "      --label-field rating -o /tmp/w.json tests/data/calibrate/ordinal.jsonl\n"
        "\n"
        "The weights file is documented in docs/schema/weights.md, the method in\n"
        "docs/calibrate.md.\n",
        f);
}

typedef struct {
    const char *output, *predictions, *lexicon, *lang, *unit;
    slant_labelled_fields fields;
    slant_labelled_format input;
    int has_threshold, quiet;
    double threshold, l2;
    long folds;
    unsigned long seed;
    const char **actors;
    size_t nactors;
} calibrate_args;

enum {
    OPT_PREDICTIONS = 256, OPT_TEXT_FIELD, OPT_LABEL_FIELD, OPT_ID_FIELD, OPT_INPUT,
    OPT_THRESHOLD, OPT_UNIT, OPT_L2, OPT_FOLDS, OPT_SEED, OPT_LEXICON, OPT_LANG, OPT_ACTORS
};

static const struct option calibrate_options[] = {
    { "output", required_argument, NULL, 'o' },
    { "predictions", required_argument, NULL, OPT_PREDICTIONS },
    { "text-field", required_argument, NULL, OPT_TEXT_FIELD },
    { "label-field", required_argument, NULL, OPT_LABEL_FIELD },
    { "id-field", required_argument, NULL, OPT_ID_FIELD },
    { "input", required_argument, NULL, OPT_INPUT },
    { "threshold", required_argument, NULL, OPT_THRESHOLD },
    { "unit", required_argument, NULL, OPT_UNIT },
    { "l2", required_argument, NULL, OPT_L2 },
    { "folds", required_argument, NULL, OPT_FOLDS },
    { "seed", required_argument, NULL, OPT_SEED },
    { "lexicon", required_argument, NULL, OPT_LEXICON },
    { "lang", required_argument, NULL, OPT_LANG },
    { "actors", required_argument, NULL, OPT_ACTORS },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

#define USAGE(...) cli_usage_error("calibrate", __VA_ARGS__)

/* Parses the options; returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, calibrate_args *a)
{
    memset(a, 0, sizeof *a);
    a->lang = "en";
    a->unit = "sentence";
    a->fields = (slant_labelled_fields){ "text", "label", "id" };
    a->l2 = 1.0;
    a->folds = 10;
    a->seed = 1;
    optind = 1;
    opterr = 0;
    int c;
    long v;
    while ((c = getopt_long(argc, argv, ":o:qh", calibrate_options, NULL)) != -1) {
        switch (c) {
        case 'o': a->output = optarg; break;
        case OPT_PREDICTIONS: a->predictions = optarg; break;
        case OPT_TEXT_FIELD: a->fields.text_field = optarg; break;
        case OPT_LABEL_FIELD: a->fields.label_field = optarg; break;
        case OPT_ID_FIELD: a->fields.id_field = optarg; break;
        case OPT_INPUT:
            if (!strcmp(optarg, "auto"))
                a->input = SLANT_LABELLED_AUTO;
            else if (!strcmp(optarg, "jsonl"))
                a->input = SLANT_LABELLED_JSONL;
            else if (!strcmp(optarg, "csv"))
                a->input = SLANT_LABELLED_CSV;
            else if (!strcmp(optarg, "tsv"))
                a->input = SLANT_LABELLED_TSV;
            else
                return USAGE("unknown input format '%s' (auto, jsonl, csv or tsv)", optarg);
            break;
        case OPT_THRESHOLD:
            if (cli_parse_real(optarg, -1e300, 1e300, &a->threshold) != 0)
                return USAGE("invalid threshold '%s' (a number)", optarg);
            a->has_threshold = 1;
            break;
        case OPT_UNIT:
            if (strcmp(optarg, "sentence") && strcmp(optarg, "article"))
                return USAGE("unknown unit '%s' (sentence or article)", optarg);
            a->unit = optarg;
            break;
        case OPT_L2:
            if (cli_parse_real(optarg, 1e-12, 1e12, &a->l2) != 0)
                return USAGE("invalid penalty '%s' (above 0, at most 1e12)", optarg);
            break;
        case OPT_FOLDS:
            if (cli_parse_count(optarg, 2, 1000000, &a->folds) != 0)
                return USAGE("invalid number of folds '%s' (2 or more)", optarg);
            break;
        case OPT_SEED:
            if (cli_parse_count(optarg, 0, 2147483647L, &v) != 0)
                return USAGE("invalid seed '%s' (0 to 2147483647)", optarg);
            a->seed = (unsigned long)v;
            break;
        case OPT_LEXICON: a->lexicon = optarg; break;
        case OPT_LANG: a->lang = optarg; break;
        case OPT_ACTORS:
            a->actors = xrealloc(a->actors, (a->nactors + 1) * sizeof *a->actors);
            a->actors[a->nactors++] = optarg;
            break;
        case 'q': a->quiet = 1; break;
        case 'h': calibrate_usage(stdout); return SLANT_EXIT_OK;
        case ':': return USAGE("option '%s' needs a value", argv[optind - 1]);
        default: return USAGE("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return USAGE("no input given: name labelled files, or - for stdin");
    return -1;
}

static void report_error(const slant_error *err, void *ctx)
{
    char text[1200];
    slant_error_format(err, text, sizeof text);
    cli_message("%s", text);
    (*(size_t *)ctx)++;
}

/* Reads every input into `s`; returns the number of errors (printed). */
static size_t read_inputs(char **paths, size_t n, const calibrate_args *a, slant_labelled *s)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        char *data = NULL;
        size_t len = 0;
        const char *name = paths[i];
        if (!strcmp(name, "-")) {
            slant_buf b;
            slant_buf_init(&b, MAX_INPUT_BYTES);
            char chunk[65536];
            size_t got;
            int over = 0;
            while (!over && (got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
                over = slant_buf_add(&b, chunk, got) != SLANT_OK;
            if (over || ferror(stdin)) {
                cli_message("cannot read standard input%s", over ? ": larger than 2 GiB" : "");
                slant_buf_release(&b);
                bad++;
                continue;
            }
            data = b.data; /* the buffer's memory, now ours */
            len = b.len;
            name = "-";
        } else {
            slant_error err;
            slant_error_clear(&err);
            if (slant_read_file(name, MAX_INPUT_BYTES, &data, &len, &err) != SLANT_OK) {
                report_error(&err, &bad);
                continue;
            }
        }
        slant_labelled_parse(data ? data : "", len, name, a->input, &a->fields, s,
                             report_error, &bad);
        free(data);
    }
    return bad;
}

/* Writes `b` to `path` (atomically) or stdout; returns 0 or the exit status of the
 * failure (printed: 3 when it cannot be created, 4 when it cannot be written). */
static int write_out(const char *path, const slant_buf *b)
{
    return cli_output_buf(path, b);
}

/* Fits the used units and writes the results; returns the exit status. */
static int fit_and_write(const calibrate_args *a, const slant_lexicon *lex,
                         const slant_labelled *s, const size_t *cats, size_t p,
                         const double *x, const unsigned char *y, const size_t *units,
                         size_t n, size_t skipped)
{
    size_t pos = 0;
    for (size_t i = 0; i < n; i++)
        pos += y[i];
    if (pos < 2 || n - pos < 2) {
        cli_message("cannot fit: %zu positive and %zu negative units (at least 2 of each)",
                    pos, n - pos);
        return SLANT_EXIT_NOTHING;
    }
    if ((size_t)a->folds > n) {
        cli_message("cannot cross-validate %ld folds with %zu units", a->folds, n);
        return SLANT_EXIT_NOTHING;
    }
    slant_logit_options o = { a->l2, 0 };
    slant_logit_model m;
    slant_logit_model_init(&m);
    size_t *fold = xmalloc(n * sizeof *fold), bad_fold = 0;
    double *oof = xmalloc(n * sizeof *oof);
    slant_auc auc;
    int rc = SLANT_EXIT_NOTHING;
    slant_logit_status st = slant_logit_fit(x, y, n, p, NULL, &o, &m);
    if (st != SLANT_LOGIT_OK) {
        cli_message("cannot fit: %s", slant_logit_status_text(st));
        goto done;
    }
    slant_logit_folds(y, n, (size_t)a->folds, a->seed, fold);
    st = slant_logit_cv(x, y, n, p, fold, (size_t)a->folds, &o, oof, &bad_fold);
    if (st != SLANT_LOGIT_OK) {
        cli_message("cannot fit fold %zu of the cross-validation: %s", bad_fold + 1,
                    slant_logit_status_text(st));
        goto done;
    }
    slant_roc_auc(oof, y, n, 0.95, &auc);
    slant_weights_info w = { lex, a->unit, cats, p, &m, n, pos, a->l2, (size_t)a->folds,
                             a->seed, &auc };
    slant_buf b;
    slant_buf_init(&b, SLANT_OUTPUT_MAX_BYTES);
    slant_calibrate_write_weights(&w, &b);
    int failed = write_out(a->output, &b);
    if (!failed && a->predictions) {
        slant_buf_reset(&b);
        slant_calibrate_write_predictions(s, units, y, fold, oof, n, &b);
        failed = write_out(a->predictions, &b);
    }
    if (!failed && !a->quiet) {
        slant_buf_reset(&b);
        slant_calibrate_write_summary(&w, skipped, &b);
        fputs(b.data ? b.data : "", a->output ? stdout : stderr);
    }
    slant_buf_release(&b);
    rc = failed ? failed : skipped ? SLANT_EXIT_PARTIAL : SLANT_EXIT_OK;
done:
    slant_logit_model_release(&m);
    free(fold);
    free(oof);
    return rc;
}

static int run(const calibrate_args *a, char **paths, size_t npaths, const slant_lexicon *lex)
{
    size_t *cats = xmalloc((slant_lexicon_ncategories(lex) + 1) * sizeof *cats);
    size_t p = slant_calibrate_categories(lex, cats);
    slant_labelled s;
    slant_labelled_init(&s);
    int rc = SLANT_EXIT_NOTHING;
    double *x = NULL, *xu = NULL;
    unsigned char *ok = NULL, *y = NULL;
    size_t *units = NULL, ex;
    if (!p) {
        cli_message("the lexicon '%s' has no index categories (group loaded or contested)",
                    slant_lexicon_id(lex));
        rc = SLANT_EXIT_USAGE;
        goto done;
    }
    size_t skipped = read_inputs(paths, npaths, a, &s);
    if (!s.n) {
        cli_message("no labelled units in the input");
        goto done;
    }
    if (!a->has_threshold && !slant_labelled_binary(&s, &ex)) {
        rc = USAGE("labels other than 0 and 1 are ordinal and need --threshold T (positive "
                   "when the label is at least T): %s:%ld has label %g", s.units[ex].origin,
                   s.units[ex].line, s.units[ex].label);
        goto done;
    }
    x = xmalloc(s.n * p * sizeof *x);
    ok = xmalloc(s.n);
    skipped += slant_calibrate_features(lex, &s, cats, p, x, ok, report_error, &(size_t){ 0 });
    xu = xmalloc(s.n * p * sizeof *xu);
    y = xmalloc(s.n);
    units = xmalloc(s.n * sizeof *units);
    size_t n = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (!ok[i])
            continue;
        memcpy(xu + n * p, x + i * p, p * sizeof *x);
        y[n] = a->has_threshold ? s.units[i].label >= a->threshold : s.units[i].label == 1.0;
        units[n++] = i;
    }
    rc = fit_and_write(a, lex, &s, cats, p, xu, y, units, n, skipped);
done:
    free(x);
    free(xu);
    free(ok);
    free(y);
    free(units);
    free(cats);
    slant_labelled_release(&s);
    return rc;
}

int slant_cli_calibrate(int argc, char **argv)
{
    calibrate_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0) {
        free(a.actors);
        return rc;
    }
    slant_lexicon *lex = NULL;
    rc = cli_load_lexicon_actors(a.lexicon, a.lang, a.actors, a.nactors, &lex);
    if (rc == SLANT_EXIT_OK)
        rc = run(&a, argv + optind, (size_t)(argc - optind), lex);
    slant_lexicon_free(lex);
    free(a.actors);
    return rc;
}
