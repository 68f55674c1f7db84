/* The inputs of slant compare and slant report: score records, partials and articles,
 * read into one dataset (see cli_inputs.h). */

#include "cli_inputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "file.h"
#include "json.h"
#include "pipeline.h"
#include "xalloc.h"

#define MAX_PARTIAL_BYTES ((size_t)1 << 31)

typedef enum { INPUT_ARTICLES, INPUT_SCORES, INPUT_PARTIAL } input_kind;

/* The first line of a file with something other than white space on it, into `line`. */
static int first_line(FILE *f, char **line, size_t *cap)
{
    ssize_t n;
    while ((n = getline(line, cap, f)) >= 0) {
        for (ssize_t i = 0; i < n; i++)
            if ((*line)[i] != ' ' && (*line)[i] != '\t' && (*line)[i] != '\r' &&
                (*line)[i] != '\n')
                return 1;
    }
    return 0;
}

static input_kind kind_of(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || S_ISDIR(sb.st_mode))
        return INPUT_ARTICLES; /* directories hold articles; a bad path errors later */
    FILE *f = fopen(path, "rb");
    if (!f)
        return INPUT_ARTICLES;
    char *line = NULL;
    size_t cap = 0;
    input_kind k = INPUT_ARTICLES;
    if (first_line(f, &line, &cap)) {
        if (slant_json_is_score_record(line, strlen(line)))
            k = INPUT_SCORES;
        else if (strstr(line, "\"slant-partial\"")) /* confirmed when it is read */
            k = INPUT_PARTIAL;
    }
    free(line);
    fclose(f);
    return k;
}

/* --- provenance of score records --------------------------------------------------------- */

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static const char *kept(const slant_article *a, const char *name)
{
    for (size_t k = 0; k < a->nfields; k++)
        if (!strcmp(a->fields[k].name, name))
            return a->fields[k].value;
    return NULL;
}

/*
 * Notes what a score record says it was made with (its "provenance" object), using the
 * JSON Lines article reader of json.c as a field extractor: the record is read as an
 * article whose text is its "id" with "provenance" kept, and that object in turn as an
 * article whose text is its "lexicon". (json.c has no reader of provenance; this keeps
 * cJSON in json.c alone. A record without it is counted.)
 */
static void note_provenance(const char *json, size_t len, cli_inputs_result *r)
{
    static const char *const outer_keep[] = { "provenance" };
    static const char *const inner_keep[] = { "tool", "lexicon_version", "lexicon_hash" };
    slant_jsonl_fields outer = { "id", "id", outer_keep, 1 };
    slant_jsonl_fields inner = { "lexicon", "lexicon", inner_keep, 3 };
    slant_article rec, prov;
    slant_article_init(&rec);
    slant_article_init(&prov);
    slant_error err;
    const char *object = NULL;
    if (slant_json_parse_article(json, len, &outer, "", 0, &rec, &err) == SLANT_OK)
        object = kept(&rec, "provenance");
    if (!object || object[0] != '{' ||
        slant_json_parse_article(object, strlen(object), &inner, "", 0, &prov, &err) !=
            SLANT_OK) {
        r->records_without_provenance++;
        goto done;
    }
    const char *tool = kept(&prov, "tool"), *lexicon = prov.text;
    const char *version = kept(&prov, "lexicon_version"), *hash = kept(&prov, "lexicon_hash");
    for (size_t k = 0; k < r->nprovenances; k++) {
        const cli_provenance *q = &r->provenances[k];
        if (same(q->tool, tool) && same(q->lexicon, lexicon) &&
            same(q->lexicon_version, version) && same(q->lexicon_hash, hash))
            goto done;
    }
    if (r->nprovenances == CLI_MAX_PROVENANCES) {
        r->more_provenances = 1;
        goto done;
    }
    cli_provenance *n = &r->provenances[r->nprovenances++];
    n->tool = tool ? xstrdup(tool) : NULL;
    n->lexicon = lexicon ? xstrdup(lexicon) : NULL;
    n->lexicon_version = version ? xstrdup(version) : NULL;
    n->lexicon_hash = hash ? xstrdup(hash) : NULL;
done:
    slant_article_release(&rec);
    slant_article_release(&prov);
}

/* --- the three kinds ---------------------------------------------------------------------- */

/* Reads `slant score` records from `f`; returns the number of bad lines (reported). */
static size_t read_scores(FILE *f, const char *path, const slant_score_fields *fields,
                          const cli_inputs_options *o, slant_dataset *ds, cli_inputs_result *r)
{
    char *line = NULL;
    size_t cap = 0, bad = 0;
    long lineno = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (!len)
            continue;
        slant_error err;
        slant_error_clear(&err);
        if (slant_json_read_score(line, len, fields, path, lineno, ds, &r->had_evidence,
                                  &err)) {
            char text[1200];
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            bad++;
        } else {
            r->records++;
            if (o->provenance)
                note_provenance(line, len, r);
        }
    }
    free(line);
    return bad;
}

/* Is `field` one the reader fills from metadata, or must it be kept from JSON Lines? */
static int is_metadata(const char *field)
{
    static const char *const names[] = { "source", "date", "title", "url", "event", "lang",
                                         "id" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(field, names[i]))
            return 1;
    return 0;
}

size_t cli_inputs_keep(const cli_inputs_options *o, const char *keep[2])
{
    size_t nkeep = 0;
    if (!is_metadata(o->by))
        keep[nkeep++] = o->by;
    if (o->event && !is_metadata(o->event))
        keep[nkeep++] = o->event;
    return nkeep;
}

/* Scores the articles at `paths` with evidence into a temporary file and reads it back:
 * articles and score output then go through one path. Returns the number of failures. */
static size_t score_articles(const cli_inputs_options *o, const char *const *paths, size_t n,
                             const slant_score_fields *fields, slant_dataset *ds,
                             cli_inputs_result *r)
{
    slant_lexicon *lex = NULL;
    if (cli_load_lexicon(o->lexicon, o->lang, &lex) != 0) {
        r->lexicon_error = 1;
        return 0;
    }
    slant_weights weights = { 0 };
    if (o->weights && cli_load_weights(o->weights, lex, &weights) != 0) {
        r->lexicon_error = 1;
        slant_lexicon_free(lex);
        return 0;
    }
    const char *keep[2];
    size_t nkeep = cli_inputs_keep(o, keep);
    FILE *tmp = tmpfile();
    if (!tmp) {
        cli_message("cannot create a temporary file: %s", strerror(errno));
        slant_weights_release(&weights);
        slant_lexicon_free(lex);
        return n;
    }
    cli_run_context rc = { isatty(STDERR_FILENO) && !o->quiet, { 0, 0 } };
    slant_pipeline_options po = {
        .lex = lex,
        .input = {
            .paths = paths,
            .npaths = n,
            .fields = { o->text_field, o->id_field, keep, nkeep },
            .max_article_bytes = (size_t)64 << 20,
        },
        .score = { .format = SLANT_FORMAT_JSONL, .evidence = 1, .keep = keep, .nkeep = nkeep,
                   .weights = o->weights ? &weights : NULL },
        .threads = (int)o->threads,
        .out = tmp,
        .on_error = cli_report_error,
        .on_progress = cli_report_progress,
        .ctx = &rc,
    };
    slant_pipeline_stats stats;
    slant_status st = slant_pipeline_run(&po, &stats);
    if (rc.progress)
        fputs("\r\033[K", stderr);
    size_t failed = stats.failed;
    if (st != SLANT_OK) {
        cli_message("cannot write a temporary file: %s", strerror(stats.write_errno));
        failed++;
    } else {
        rewind(tmp);
        cli_inputs_options plain = *o;
        plain.provenance = 0; /* the lexicon itself is the provenance of these */
        failed += read_scores(tmp, "(scored articles)", fields, &plain, ds, r);
    }
    fclose(tmp);
    slant_weights_release(&weights);
    if (o->keep_lexicon)
        r->lex = lex;
    else
        slant_lexicon_free(lex);
    return failed;
}

/* Adds a partial to `ds`; checks it was grouped like the others. */
static size_t read_partial_file(const char *path, const cli_inputs_options *o,
                                slant_dataset *ds, size_t *records)
{
    char *data;
    size_t len;
    slant_error err;
    char text[1200];
    if (slant_read_file(path, MAX_PARTIAL_BYTES, &data, &len, &err) != SLANT_OK) {
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return 1;
    }
    char *by, *event;
    size_t before = slant_dataset_nrows(ds);
    slant_status st = slant_json_read_partial(data, len, path, ds, &by, &event, &err);
    free(data);
    size_t bad = 0;
    if (st != SLANT_OK) {
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        bad = 1;
    } else if (!by || strcmp(by, o->by) || (event ? !o->event || strcmp(event, o->event)
                                                   : o->event != NULL)) {
        cli_message("'%s' was grouped by '%s' and events '%s'; this comparison uses '%s' "
                    "and '%s'",
                    path, by ? by : "?", event ? event : "(none)", o->by,
                    o->event ? o->event : "(none)");
        bad = 1;
    }
    *records += slant_dataset_nrows(ds) - before;
    free(by);
    free(event);
    return bad;
}

void cli_inputs_read(const cli_inputs_options *o, char **paths, size_t n, slant_dataset *ds,
                     cli_inputs_result *r)
{
    memset(r, 0, sizeof *r);
    slant_score_fields fields = { o->by, o->event };
    r->articles = xcalloc(n ? n : 1, sizeof *r->articles);
    for (size_t i = 0; i < n; i++) {
        const char *path = paths[i];
        if (!strcmp(path, "-")) {
            r->articles[r->narticles++] = path; /* standard input: read as articles */
            continue;
        }
        switch (kind_of(path)) {
        case INPUT_SCORES: {
            r->score_files++;
            FILE *f = fopen(path, "rb");
            if (!f) {
                cli_message("cannot open '%s': %s", path, strerror(errno));
                r->failed++;
                break;
            }
            r->failed += read_scores(f, path, &fields, o, ds, r);
            fclose(f);
            break;
        }
        case INPUT_PARTIAL:
            r->partial_files++;
            r->failed += read_partial_file(path, o, ds, &r->records);
            break;
        case INPUT_ARTICLES:
            r->articles[r->narticles++] = path;
            break;
        }
    }
    if (r->narticles)
        r->failed += score_articles(o, r->articles, r->narticles, &fields, ds, r);
    else if (o->weights && !o->quiet)
        cli_message("note: --weights applies to articles scored here; score records keep "
                    "the index they were scored with");
}

void cli_inputs_release(cli_inputs_result *r)
{
    free(r->articles);
    r->articles = NULL;
    slant_lexicon_free(r->lex);
    r->lex = NULL;
    for (size_t k = 0; k < r->nprovenances; k++) {
        free(r->provenances[k].tool);
        free(r->provenances[k].lexicon);
        free(r->provenances[k].lexicon_version);
        free(r->provenances[k].lexicon_hash);
    }
    r->nprovenances = 0;
}

/* --- the options compare and report share ------------------------------------------------- */

void cli_option_spelled(const struct option *options, int *longindex, int c, char *out,
                        size_t size)
{
    if (*longindex >= 0)
        snprintf(out, size, "--%s", options[*longindex].name);
    else
        snprintf(out, size, "-%c", c);
    *longindex = -1;
}

void cli_comparison_defaults(cli_comparison_args *a)
{
    memset(a, 0, sizeof *a);
    a->cmp.pairs = SLANT_PAIRS_ALL;
    a->cmp.correction = SLANT_CORRECT_BH;
    a->cmp.level = 0.95;
    a->cmp.min_n = 2;
    a->cmp.max_pairs = 45;
    a->cmp.seed = 1;
    a->in.by = "source";
    a->in.lang = "en";
    a->in.threads = cli_default_threads();
    a->in.text_field = "text";
    a->in.id_field = "id";
    a->alpha = 0.05;
    a->top = 5;
}

int cli_comparison_option(cli_comparison_args *a, int c, const char *arg, const char *spelled,
                          const char *command)
{
    long v;
    switch (c) {
    case CLI_OPT_BY: a->in.by = arg; break;
    case CLI_OPT_EVENT: a->in.event = arg; break;
    case CLI_OPT_LEXICON: a->in.lexicon = arg; break;
    case CLI_OPT_LANG: a->in.lang = arg; break;
    case CLI_OPT_WEIGHTS: a->in.weights = arg; break;
    case CLI_OPT_TEXT_FIELD: a->in.text_field = arg; break;
    case CLI_OPT_ID_FIELD: a->in.id_field = arg; break;
    case 'q': a->in.quiet = 1; break;
    case CLI_OPT_INDICATORS:
        cli_free_list(a->indicators);
        a->indicators = cli_split_list(arg, &a->cmp.nindicators);
        a->cmp.indicators = (const char *const *)a->indicators;
        break;
    case CLI_OPT_PAIRS:
        if (!strcmp(arg, "all"))
            a->cmp.pairs = SLANT_PAIRS_ALL;
        else if (!strcmp(arg, "vs-rest"))
            a->cmp.pairs = SLANT_PAIRS_VS_REST;
        else if (!strcmp(arg, "none"))
            a->cmp.pairs = SLANT_PAIRS_NONE;
        else
            return cli_usage_error(command, "unknown pairs mode '%s' (all, vs-rest or none)",
                                   arg);
        break;
    case CLI_OPT_MAX_PAIRS:
    case CLI_OPT_MIN_N:
    case CLI_OPT_TOP:
    case CLI_OPT_SEED:
        if (cli_parse_count(arg, c == CLI_OPT_MIN_N ? 1 : 0, 1000000000L, &v) != 0)
            return cli_usage_error(command, "invalid number '%s' for %s", arg, spelled);
        if (c == CLI_OPT_MAX_PAIRS)
            a->cmp.max_pairs = (size_t)v;
        else if (c == CLI_OPT_MIN_N)
            a->cmp.min_n = (size_t)v;
        else if (c == CLI_OPT_TOP)
            a->top = (size_t)v;
        else
            a->cmp.seed = (unsigned long)v;
        break;
    case CLI_OPT_CORRECTION:
        if (!strcmp(arg, "bh"))
            a->cmp.correction = SLANT_CORRECT_BH;
        else if (!strcmp(arg, "holm"))
            a->cmp.correction = SLANT_CORRECT_HOLM;
        else
            return cli_usage_error(command, "unknown correction '%s' (bh or holm)", arg);
        break;
    case CLI_OPT_LEVEL:
        if (cli_parse_real(arg, 0.5, 0.9999, &a->cmp.level) != 0)
            return cli_usage_error(command, "invalid level '%s' (0.5 to 0.9999)", arg);
        break;
    case CLI_OPT_ALPHA:
        if (cli_parse_real(arg, 1e-12, 1, &a->alpha) != 0)
            return cli_usage_error(command, "invalid alpha '%s' (above 0, at most 1)", arg);
        break;
    case 'j':
        if (cli_parse_count(arg, 1, CLI_MAX_THREADS, &v) != 0)
            return cli_usage_error(command, "invalid thread count '%s' (1 to 256)", arg);
        a->in.threads = v;
        break;
    default:
        return CLI_OPTION_OTHER;
    }
    return CLI_OPTION_APPLIED;
}
