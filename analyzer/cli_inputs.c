/* The inputs of slant compare and slant report: score records, partials and articles,
 * read into one dataset (see cli_inputs.h): each path by its kind (cli_input_kind.c),
 * score records by their reader (cli_scores_read.c), articles scored here through the
 * pipeline, partials checked and merged. */

#include "cli_inputs_parts.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article_json.h"
#include "cli.h"
#include "compress.h"
#include "file.h"
#include "partial_json.h"
#include "pipeline.h"
#include "record_json.h"
#include "score_json.h"
#include "score_read.h"
#include "xalloc.h"

/* Is `field` one the reader fills from metadata, or must it be kept from JSON Lines? */
int cli_is_metadata(const char *field)
{
    static const char *const names[] = { "source", "date", "title", "url", "event", "lang",
                                         "id" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(field, names[i]))
            return 1;
    return 0;
}

size_t cli_inputs_keep(const cli_inputs_options *o, const char *keep[CLI_MAX_KEEP])
{
    size_t nkeep = 0;
    if (!cli_is_metadata(o->by) && slant_bin_of(o->by) == SLANT_BIN_NONE)
        keep[nkeep++] = o->by;
    if (o->event && !o->event_auto && !cli_is_metadata(o->event))
        keep[nkeep++] = o->event;
    if (o->strata && !cli_is_metadata(o->strata))
        keep[nkeep++] = o->strata;
    return nkeep;
}

/*
 * How a scored article travels from the scoring threads to the dataset: a frame of one
 * kind byte and the payload's length (a size_t as it is in memory), then the payload: the
 * article's row (slant_score_parsed_encode: no JSON is written or read), or, where only
 * the record's JSON gives the row (score_read.h), its score record with its newline.
 * Frames are written and read in this file only, in one process.
 */
enum { FRAME_ROW = 'R', FRAME_RECORD = 'J' };
#define FRAME_HEAD (1 + sizeof(size_t))

/* What the scoring threads share (read only): the fields and whether rows can be built. */
typedef struct {
    const slant_score_fields *fields;
    int rows;
} frame_writer;

/* The pipeline's writer (pipeline.h): scores `a` and appends its frame to `out`. */
static void write_frame(slant_scorer *s, const slant_article *a, const char *origin, long line,
                        const slant_score_options *o, slant_buf *out, const void *ctx)
{
    const frame_writer *w = ctx;
    slant_result r;
    slant_scorer_result(s, a, origin, line, o, &r);
    size_t at = out->len;
    char head[FRAME_HEAD] = { FRAME_RECORD };
    slant_buf_add(out, head, sizeof head);
    slant_score_parsed *p = w->rows ? slant_score_parsed_new() : NULL;
    if (p && slant_score_parsed_of_result(p, &r, w->fields)) {
        head[0] = FRAME_ROW;
        slant_score_parsed_encode(p, out);
    } else {
        slant_json_write_record(&r, out);
    }
    slant_score_parsed_free(p);
    if (slant_buf_full(out))
        abort(); /* past the batch's maximum of 2 GiB */
    size_t n = out->len - at - FRAME_HEAD;
    memcpy(head + 1, &n, sizeof n);
    memcpy(out->data + at, head, sizeof head);
}

/* Whether rows can be built for `fields` (slant_score_rows_possible), by the score record
 * of an empty article written with the options `so` and the kept fields. */
static int rows_possible(const slant_lexicon *lex, const slant_score_options *so,
                         const slant_score_fields *fields)
{
    slant_article a;
    slant_article_init(&a);
    a.text = xstrdup("");
    a.fields = xcalloc(so->nkeep ? so->nkeep : 1, sizeof *a.fields);
    for (size_t k = 0; k < so->nkeep; k++)
        a.fields[a.nfields++].name = xstrdup(so->keep[k]);
    slant_scorer *s = slant_scorer_new(lex);
    slant_result r;
    slant_scorer_result(s, &a, "-", 1, so, &r);
    slant_buf record;
    slant_buf_init(&record, SLANT_OUTPUT_MAX_BYTES);
    slant_json_write_record(&r, &record);
    int rows = slant_score_rows_possible(fields, record.data, record.len);
    slant_buf_release(&record);
    slant_scorer_free(s);
    slant_article_release(&a);
    return rows;
}

/* What the frames go to: the dataset, with the reader of score records for the records
 * (the run context first: on_error and on_progress take the same pointer). */
typedef struct {
    cli_run_context rc;
    slant_score_reader *reader;
    slant_score_parsed *row;
    const slant_score_fields *fields;
    const cli_inputs_options *o;
    slant_dataset *ds;
    cli_inputs_result *r;
    long lineno;
    size_t failed;
} scored_sink;

/* A batch of frames, in input order: each article into the dataset. */
static void add_scored(const char *data, size_t len, void *ctx)
{
    scored_sink *k = ctx;
    const char *end = data + len;
    while (data < end) {
        size_t n;
        memcpy(&n, data + 1, sizeof n);
        char kind = data[0];
        const char *payload = data + FRAME_HEAD;
        data = payload + n;
        k->lineno++;
        slant_error err;
        slant_error_clear(&err);
        if (kind == FRAME_ROW) {
            slant_score_parsed_decode(k->row, payload, n);
            slant_score_parsed_apply(k->row, NULL, 0, k->fields, "(scored articles)",
                                     k->lineno, k->ds, &k->r->had_evidence, &err);
            k->r->records++;
            continue;
        }
        n--; /* the record's newline */
        if (slant_score_reader_read(k->reader, payload, n, k->fields, "(scored articles)",
                                    k->lineno, k->ds, &k->r->had_evidence, &err)) {
            char text[1200];
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            k->failed++;
        } else {
            k->r->records++;
            cli_read_extras(k->o, k->r, k->ds, payload, n, "(scored articles)", k->lineno);
        }
    }
}

/* Scores the articles at `paths` and adds them to `ds` as the pipeline scores them, in
 * input order (no temporary file): each article's row as reading its score record would
 * give it (score_read.h), so articles and score output give the same comparison. The records carry their entry counts, so
 * keyness needs no evidence. Returns the number of failures. */
static size_t score_articles(const cli_inputs_options *o, const char *const *paths, size_t n,
                             const slant_score_fields *fields, slant_dataset *ds,
                             cli_inputs_result *r)
{
    slant_lexicon *lex = NULL;
    if (cli_load_lexicon_actors(o->lexicon, o->lang, o->actors, o->nactors, &lex) != 0) {
        r->lexicon_error = 1;
        return 0;
    }
    slant_weights weights = { 0 };
    if (o->weights && cli_load_weights(o->weights, lex, &weights) != 0) {
        r->lexicon_error = 1;
        slant_lexicon_free(lex);
        return 0;
    }
    const char *keep[CLI_MAX_KEEP];
    size_t nkeep = cli_inputs_keep(o, keep);
    slant_score_options so = { .format = SLANT_FORMAT_JSONL, .keep = keep, .nkeep = nkeep,
                               .weights = o->weights ? &weights : NULL,
                               .signature = o->event_auto };
    frame_writer writer = { fields, rows_possible(lex, &so, fields) };
    scored_sink sink = {
        .rc = { isatty(STDERR_FILENO) && !o->quiet, { 0, 0 }, { 0, 0 }, 0 },
        .reader = slant_score_reader_new(),
        .row = slant_score_parsed_new(),
        .fields = fields,
        .o = o,
        .ds = ds,
        .r = r,
    };
    if (sink.rc.progress)
        sink.rc.total = cli_input_bytes(paths, n);
    slant_pipeline_options po = {
        .lex = lex,
        .input = cli_reader_options(paths, n,
                                    (slant_jsonl_fields){ o->text_field, o->id_field, keep, nkeep },
                                    o->subset),
        .score = so,
        .threads = (int)o->threads,
        .write = write_frame,
        .write_ctx = &writer,
        .on_output = add_scored,
        .on_error = cli_report_error,
        .on_progress = cli_report_progress,
        .ctx = &sink,
    };
    po.input.shard = o->shard;
    slant_pipeline_stats stats;
    slant_pipeline_run(&po, &stats); /* nothing is written: no write error */
    if (sink.rc.progress)
        fputs("\r\033[K", stderr);
    r->filtered += stats.filtered;
    slant_score_reader_free(sink.reader);
    slant_score_parsed_free(sink.row);
    cli_note_lexicon(r, slant_lexicon_id(lex), slant_lexicon_version(lex), slant_lexicon_hash(lex),
                 n == 1 ? paths[0] : "the articles");
    slant_weights_release(&weights);
    if (o->keep_lexicon)
        r->lex = lex;
    else
        slant_lexicon_free(lex);
    return stats.failed + sink.failed;
}

/* Adds a partial to `ds`; checks it was grouped like the others, and holds no shard read
 * before. */
static size_t read_partial_file(const char *path, const cli_inputs_options *o,
                                slant_dataset *ds, cli_inputs_result *r)
{
    size_t *records = &r->records;
    char *data;
    size_t len;
    slant_error err;
    char text[1200];
    if (slant_read_file(path, CLI_MAX_PARTIAL_BYTES, &data, &len, &err) != SLANT_OK) {
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return 1;
    }
    slant_partial_identity id;
    slant_partial_identity_read(data, len, &id);
    int twice = cli_partial_note(r, path, &id, o->force);
    slant_partial_identity_release(&id);
    if (twice) {
        free(data);
        return 1;
    }
    char *by, *event, *strata;
    size_t before = slant_dataset_nrows(ds);
    slant_status st = slant_json_read_partial(data, len, path, ds, &by, &event, &strata, &err);
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
    } else if (o->strata && (!strata || strcmp(strata, o->strata))) {
        cli_message("'%s' was made %s%s%s; this comparison uses --strata '%s' (give it to "
                    "the 'compare --partial' that makes the partial)",
                    path, strata ? "with --strata '" : "without --strata", strata ? strata : "",
                    strata ? "'" : "", o->strata);
        bad = 1;
    }
    *records += slant_dataset_nrows(ds) - before;
    free(by);
    free(event);
    free(strata);
    return bad;
}

void cli_inputs_read(const cli_inputs_options *o, char **paths, size_t n, slant_dataset *ds,
                     cli_inputs_result *r)
{
    memset(r, 0, sizeof *r);
    int bin = slant_bin_of(o->by);
    slant_score_fields fields = { .by = bin > 0 ? "date" : o->by,
                                  .event = o->event_auto ? NULL : o->event,
                                  .bin = bin > 0 ? bin : 0, .stratum = o->strata };
    r->articles = xcalloc(n ? n : 1, sizeof *r->articles);
    int stdin_taken = 0;
    for (size_t i = 0; i < n; i++) {
        const char *path = paths[i];
        if (cli_input_needs_spool(path)) {
            FILE *f = cli_input_spool(path);
            if (!f) {
                r->failed++;
                continue;
            }
            cli_input_kind k = cli_input_kind_of_stream(f);
            if (k == CLI_INPUT_SCORES) {
                r->score_files++;
                r->failed += cli_read_scores(f, path, &fields, o, ds, r);
            } else if (k == CLI_INPUT_PARTIAL) {
                cli_message("'%s' is a partial: give partials as files", path);
                r->failed++;
            } else if (stdin_taken) {
                cli_message("'%s' holds articles, as another pipe or standard input does: "
                            "only one of them can (save one to a file)", path);
                r->failed++;
            } else {
                /* The articles are read as standard input, from the copy. */
                stdin_taken = 1;
                fflush(stdout);
                if (dup2(fileno(f), STDIN_FILENO) < 0) {
                    cli_message("cannot read '%s': %s", path, strerror(errno));
                    r->failed++;
                } else {
                    lseek(STDIN_FILENO, 0, SEEK_SET);
                    clearerr(stdin);
                    r->articles[r->narticles++] = "-";
                }
            }
            fclose(f);
            continue;
        }
        switch (cli_input_kind_of(path)) {
        case CLI_INPUT_SCORES: {
            r->score_files++;
            FILE *f = slant_compress_open(path);
            if (!f) {
                cli_message("cannot open '%s': %s", path, strerror(errno));
                r->failed++;
                break;
            }
            r->failed += cli_read_scores(f, path, &fields, o, ds, r);
            fclose(f);
            break;
        }
        case CLI_INPUT_PARTIAL:
            r->partial_files++;
            if (o->event_auto) {
                cli_message("'%s' is a partial: --event auto needs every article's date and "
                            "signature, which a partial does not keep (compare score records "
                            "made with 'slant score --signature')", path);
                r->failed++;
                break;
            }
            if (slant_subset_active(o->subset)) {
                cli_message("'%s' is a partial: --where, --from and --to cannot choose its "
                            "articles (give them to the 'compare --partial' that made it)",
                            path);
                r->failed++;
                break;
            }
            r->failed += read_partial_file(path, o, ds, r);
            break;
        case CLI_INPUT_ARTICLES:
            r->articles[r->narticles++] = path;
            break;
        }
    }
    if (r->narticles)
        r->failed += score_articles(o, r->articles, r->narticles, &fields, ds, r);
    else if (o->weights && !o->quiet)
        cli_message("note: --weights applies to articles scored here; score records keep "
                    "the index they were scored with");
    cli_lexicons_check(r, o->force, o->quiet);
    if (!o->input_order)
        slant_dataset_sort(ds); /* the same whatever the order or sharding of the inputs */
}

void cli_inputs_release(cli_inputs_result *r)
{
    free(r->articles);
    r->articles = NULL;
    slant_lexicon_free(r->lex);
    r->lex = NULL;
    for (size_t k = 0; k < r->nprovenances; k++)
        cli_provenance_release(&r->provenances[k]);
    r->nprovenances = 0;
    for (size_t k = 0; k < r->nlexicons; k++)
        cli_provenance_release(&r->lexicons[k]);
    r->nlexicons = 0;
    free(r->last_provenance);
    r->last_provenance = NULL;
    free(r->no_signature_where);
    r->no_signature_where = NULL;
    cli_partials_release(r);
}
