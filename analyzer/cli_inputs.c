/* The inputs of slant compare and slant report: score records, partials and articles,
 * read into one dataset (see cli_inputs.h). */

#include "cli_inputs.h"

#include <pthread.h>

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "compress.h"
#include "date.h"
#include "file.h"
#include "hash.h"
#include "json.h"
#include "jsonline.h"
#include "score_read.h"
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
    FILE *f = slant_compress_open(path);
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

/*
 * Standard input and pipes (`<(slant score ...)`) can be read once: their bytes are copied
 * into a temporary file (by read(2), so stdin's own buffer stays empty), whose first line
 * then tells the kind. Returns the file, rewound, or NULL after printing why.
 */
static FILE *spool(const char *path)
{
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;
    const char *name = strcmp(path, "-") ? path : "standard input";
    if (fd < 0) {
        cli_message("cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    FILE *tmp = tmpfile();
    if (!tmp) {
        cli_message("cannot create a temporary file: %s", strerror(errno));
        if (fd != STDIN_FILENO)
            close(fd);
        return NULL;
    }
    char buf[65536];
    ssize_t n;
    int failed = 0;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cli_message("cannot read %s%s%s: %s", strcmp(path, "-") ? "'" : "", name,
                        strcmp(path, "-") ? "'" : "", strerror(errno));
            failed = 1;
            break;
        }
        if (fwrite(buf, 1, (size_t)n, tmp) != (size_t)n) {
            cli_message("cannot write a temporary file: %s", strerror(errno));
            failed = 1;
            break;
        }
    }
    if (fd != STDIN_FILENO)
        close(fd);
    if (failed || fflush(tmp) != 0) {
        fclose(tmp);
        return NULL;
    }
    rewind(tmp);
    return tmp;
}

static input_kind kind_of_stream(FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    input_kind k = INPUT_ARTICLES;
    if (first_line(f, &line, &cap)) {
        if (slant_json_is_score_record(line, strlen(line)))
            k = INPUT_SCORES;
        else if (strstr(line, "\"slant-partial\""))
            k = INPUT_PARTIAL;
    }
    free(line);
    rewind(f);
    return k;
}

static int needs_spool(const char *path)
{
    struct stat sb;
    return !strcmp(path, "-") ||
           (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode));
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

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void cli_note_lexicon(cli_inputs_result *r, const char *lexicon, const char *version,
                      const char *hash, const char *where)
{
    if (!lexicon && !version && !hash)
        return;
    for (size_t k = 0; k < r->nlexicons; k++) {
        const cli_provenance *q = &r->lexicons[k];
        if (same(q->lexicon, lexicon) && same(q->lexicon_version, version) &&
            same(q->lexicon_hash, hash))
            return;
    }
    if (r->nlexicons == CLI_MAX_PROVENANCES)
        return; /* two are enough to refuse */
    cli_provenance *n = &r->lexicons[r->nlexicons++];
    n->lexicon = dup_or_null(lexicon);
    n->lexicon_version = dup_or_null(version);
    n->lexicon_hash = dup_or_null(hash);
    n->where = dup_or_null(where);
}

/*
 * Notes what a score record says it was made with (its "provenance" object): the lexicon
 * always (for the check that all records share one), the whole provenance with
 * o->provenance. The object is found by a scan of the bytes (jsonline.h) and, when it
 * differs from the last record's, read with the JSON Lines article reader of json.c as a
 * field extractor: an article whose text is its "lexicon". (json.c has no reader of
 * provenance; this keeps cJSON in json.c alone. A record without it is counted.)
 */
static void note_provenance(const char *json, size_t len, const char *path,
                            const cli_inputs_options *o, cli_inputs_result *r)
{
    static const char *const inner_keep[] = { "tool", "lexicon_version", "lexicon_hash" };
    slant_jsonl_fields inner = { "lexicon", "lexicon", inner_keep, 3 };
    const char *object;
    size_t n;
    if (!slant_jsonline_member(json, len, "provenance", &object, &n) || !n ||
        object[0] != '{') {
        r->records_without_provenance++;
        return;
    }
    if (r->last_provenance && strlen(r->last_provenance) == n &&
        memcmp(r->last_provenance, object, n) == 0)
        return; /* as the last record: noted already */
    free(r->last_provenance);
    r->last_provenance = xmemdup(object, n);
    slant_article prov;
    slant_article_init(&prov);
    slant_error err;
    if (slant_json_parse_article(object, n, &inner, "", 0, &prov, &err) != SLANT_OK) {
        r->records_without_provenance++;
        free(r->last_provenance);
        r->last_provenance = NULL;
        slant_article_release(&prov);
        return;
    }
    const char *tool = kept(&prov, "tool"), *lexicon = prov.text;
    const char *version = kept(&prov, "lexicon_version"), *hash = kept(&prov, "lexicon_hash");
    cli_note_lexicon(r, lexicon, version, hash, path);
    if (!o->provenance)
        goto done;
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
    cli_provenance *p = &r->provenances[r->nprovenances++];
    p->tool = dup_or_null(tool);
    p->lexicon = dup_or_null(lexicon);
    p->lexicon_version = dup_or_null(version);
    p->lexicon_hash = dup_or_null(hash);
done:
    slant_article_release(&prov);
}

static void provenance_release(cli_provenance *p)
{
    free(p->tool);
    free(p->lexicon);
    free(p->lexicon_version);
    free(p->lexicon_hash);
    free(p->where);
    memset(p, 0, sizeof *p);
}

/* "slant-en 0.3.0 (fnv1a64:...)" */
static void lexicon_words(const cli_provenance *p, char *out, size_t size)
{
    snprintf(out, size, "%s %s (%s)", p->lexicon ? p->lexicon : "(unnamed lexicon)",
             p->lexicon_version ? p->lexicon_version : "(no version)",
             p->lexicon_hash ? p->lexicon_hash : "no hash");
}

int cli_lexicons_check(cli_inputs_result *r, int force, int quiet)
{
    if (r->nlexicons < 2)
        return 0;
    char one[400], two[400];
    lexicon_words(&r->lexicons[0], one, sizeof one);
    lexicon_words(&r->lexicons[1], two, sizeof two);
    if (force) {
        if (!quiet)
            cli_message("note: comparing inputs scored with different lexicons (--force): "
                        "'%s' with %s, '%s' with %s",
                        r->lexicons[0].where, one, r->lexicons[1].where, two);
        return 0;
    }
    cli_message("the inputs were scored with different lexicons: '%s' with %s, '%s' with "
                "%s; their counts are not comparable (--force compares them anyway)",
                r->lexicons[0].where, one, r->lexicons[1].where, two);
    r->lexicon_mismatch = 1;
    return 1;
}

/* --- the three kinds ---------------------------------------------------------------------- */

/*
 * Is the score record `line` one of shard `s` (--shard)? By its "id", as the article was;
 * a record without one is kept (slant_json_read_score reports it).
 */
static int in_shard(const char *line, size_t len, const slant_shard *s)
{
    const char *v;
    size_t n;
    if (!s->n || !slant_jsonline_member(line, len, "id", &v, &n) || n < 2 || v[0] != '"')
        return 1;
    if (!memchr(v, '\\', n)) { /* no escapes: the id is the bytes between the quotes */
        char *id = xmemdup(v + 1, n - 2);
        int in = slant_shard_holds(s, id);
        free(id);
        return in;
    }
    slant_jsonl_fields f = { "id", "id", NULL, 0 }; /* the id as the text: unescaped */
    slant_article a;
    slant_article_init(&a);
    slant_error err;
    int in = slant_json_parse_article(line, len, &f, "", 0, &a, &err) != SLANT_OK ||
             slant_shard_holds(s, a.text);
    slant_article_release(&a);
    return in;
}

/*
 * With --event auto: the content signature of the score record
 * `line`, just added to `ds` as its last row. A record without a signature is counted
 * (cli_events_find refuses them); a malformed one is reported and counted as failed.
 */
static void read_extras(const cli_inputs_options *o, cli_inputs_result *r, slant_dataset *ds,
                        const char *line, size_t len, const char *path, long lineno)
{
    if (!o->event_auto)
        return;
    size_t row = slant_dataset_nrows(ds) - 1; /* its day: set by the record reader */
    slant_error err;
    slant_error_clear(&err);
    int rc = slant_json_read_signature(line, len, path, lineno, ds, row, &err);
    if (rc < 0) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        r->failed++;
    } else if (rc == 0 && !r->no_signature++) {
        char where[1100];
        snprintf(where, sizeof where, "%s:%ld", path, lineno);
        r->no_signature_where = xstrdup(where);
    }
}

/* Lines of score records read at a time: parsed on the -j threads, then added to the
 * dataset in input order on this one, so the dataset is the same for every -j. */
#define SCORE_BATCH 256

typedef struct {
    char *line[SCORE_BATCH];      /* getline's buffers, reused from batch to batch */
    size_t cap[SCORE_BATCH], len[SCORE_BATCH];
    long lineno[SCORE_BATCH];
    slant_score_parsed *parsed[SCORE_BATCH];
    size_t n;
    const slant_score_fields *fields;
} score_batch;

typedef struct {
    score_batch *b;
    slant_score_reader *reader;
    size_t first, step;           /* this thread parses lines first, first + step, ... */
} score_share;

static void *parse_share(void *arg)
{
    score_share *sh = arg;
    score_batch *b = sh->b;
    for (size_t i = sh->first; i < b->n; i += sh->step)
        if (b->len[i])
            slant_score_reader_parse(sh->reader, b->parsed[i], b->line[i], b->len[i],
                                     b->fields);
    return NULL;
}

/* Reads `slant score` records from `f`; returns the number of bad lines (reported). */
static size_t read_scores(FILE *f, const char *path, const slant_score_fields *fields,
                          const cli_inputs_options *o, slant_dataset *ds, cli_inputs_result *r)
{
    size_t threads = o->threads > 1 ? (size_t)o->threads : 1, bad = 0;
    if (threads > 8)
        threads = 8; /* reading is bound by one thread adding to the dataset */
    score_batch *b = xcalloc(1, sizeof *b);
    b->fields = fields;
    for (size_t i = 0; i < SCORE_BATCH; i++)
        b->parsed[i] = slant_score_parsed_new();
    score_share share[8];
    pthread_t tid[8];
    for (size_t t = 0; t < threads; t++)
        share[t] = (score_share){ b, slant_score_reader_new(), t, threads };
    long lineno = 0;
    int more = 1;
    while (more) {
        b->n = 0;
        while (b->n < SCORE_BATCH) {
            size_t i = b->n;
            ssize_t n = getline(&b->line[i], &b->cap[i], f);
            if (n < 0) {
                more = 0;
                break;
            }
            size_t len = (size_t)n;
            while (len && (b->line[i][len - 1] == '\n' || b->line[i][len - 1] == '\r'))
                len--;
            b->len[i] = len;
            b->lineno[i] = ++lineno;
            b->n++;
        }
        size_t started = 1;
        for (size_t t = 1; t < threads && b->n > SCORE_BATCH / 4; t++, started++)
            if (pthread_create(&tid[t], NULL, parse_share, &share[t]) != 0)
                break;
        if (started < threads) { /* one thread (or too few lines): parse the rest here */
            for (size_t t = started; t < threads; t++)
                parse_share(&share[t]);
        }
        parse_share(&share[0]);
        for (size_t t = 1; t < started; t++)
            pthread_join(tid[t], NULL);
        for (size_t i = 0; i < b->n; i++) {
            if (!b->len[i] || !in_shard(b->line[i], b->len[i], &o->shard))
                continue;
            if (o->subset && slant_json_is_score_record(b->line[i], b->len[i]) &&
                !slant_subset_record(o->subset, b->line[i], b->len[i])) {
                r->filtered++;
                continue;
            }
            slant_error err;
            slant_error_clear(&err);
            if (slant_score_parsed_apply(b->parsed[i], b->line[i], b->len[i], fields, path,
                                         b->lineno[i], ds, &r->had_evidence, &err)) {
                char text[1200];
                slant_error_format(&err, text, sizeof text);
                cli_message("%s", text);
                bad++;
            } else {
                r->records++;
                if (o->provenance >= 0)
                    note_provenance(b->line[i], b->len[i], path, o, r);
                read_extras(o, r, ds, b->line[i], b->len[i], path, b->lineno[i]);
            }
        }
    }
    if (ferror(f)) { /* a disk error, or a compressed file that is corrupt or cut short */
        cli_message("cannot read '%s': %s", path, slant_compress_strerror(errno));
        bad++;
    }
    for (size_t t = 0; t < threads; t++)
        slant_score_reader_free(share[t].reader);
    for (size_t i = 0; i < SCORE_BATCH; i++) {
        slant_score_parsed_free(b->parsed[i]);
        free(b->line[i]);
    }
    free(b);
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

size_t cli_inputs_keep(const cli_inputs_options *o, const char *keep[CLI_MAX_KEEP])
{
    size_t nkeep = 0;
    if (!is_metadata(o->by) && slant_bin_of(o->by) == SLANT_BIN_NONE)
        keep[nkeep++] = o->by;
    if (o->event && !o->event_auto && !is_metadata(o->event))
        keep[nkeep++] = o->event;
    if (o->strata && !is_metadata(o->strata))
        keep[nkeep++] = o->strata;
    return nkeep;
}

/* What the scoring pipeline's output goes to when compare scores articles: the reader of
 * score records, straight from memory (the run context first: on_error and on_progress
 * take the same pointer). */
typedef struct {
    cli_run_context rc;
    slant_score_reader *reader;
    const slant_score_fields *fields;
    const cli_inputs_options *o;
    slant_dataset *ds;
    cli_inputs_result *r;
    long lineno;
    size_t failed;
} scored_sink;

/* A batch of score records, in input order: each line into the dataset. */
static void add_scored(const char *data, size_t len, void *ctx)
{
    scored_sink *k = ctx;
    const char *end = data + len;
    while (data < end) {
        const char *nl = memchr(data, '\n', (size_t)(end - data));
        size_t n = nl ? (size_t)(nl - data) : (size_t)(end - data);
        k->lineno++;
        slant_error err;
        slant_error_clear(&err);
        if (n && slant_score_reader_read(k->reader, data, n, k->fields, "(scored articles)",
                                         k->lineno, k->ds, &k->r->had_evidence, &err)) {
            char text[1200];
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            k->failed++;
        } else if (n) {
            k->r->records++;
            read_extras(k->o, k->r, k->ds, data, n, "(scored articles)", k->lineno);
        }
        data += n + (nl != NULL);
    }
}

/* Scores the articles at `paths` and adds their records to `ds` as the pipeline writes
 * them, in input order (no temporary file): articles and score output go through one
 * reader, so they give the same comparison. The records carry their entry counts, so
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
    scored_sink sink = {
        .rc = { isatty(STDERR_FILENO) && !o->quiet, { 0, 0 }, { 0, 0 }, 0 },
        .reader = slant_score_reader_new(),
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
        .score = { .format = SLANT_FORMAT_JSONL, .keep = keep, .nkeep = nkeep,
                   .weights = o->weights ? &weights : NULL, .signature = o->event_auto },
        .threads = (int)o->threads,
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
    if (slant_read_file(path, MAX_PARTIAL_BYTES, &data, &len, &err) != SLANT_OK) {
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
        if (needs_spool(path)) {
            FILE *f = spool(path);
            if (!f) {
                r->failed++;
                continue;
            }
            input_kind k = kind_of_stream(f);
            if (k == INPUT_SCORES) {
                r->score_files++;
                r->failed += read_scores(f, path, &fields, o, ds, r);
            } else if (k == INPUT_PARTIAL) {
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
        switch (kind_of(path)) {
        case INPUT_SCORES: {
            r->score_files++;
            FILE *f = slant_compress_open(path);
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
        provenance_release(&r->provenances[k]);
    r->nprovenances = 0;
    for (size_t k = 0; k < r->nlexicons; k++)
        provenance_release(&r->lexicons[k]);
    r->nlexicons = 0;
    free(r->last_provenance);
    r->last_provenance = NULL;
    free(r->no_signature_where);
    r->no_signature_where = NULL;
    cli_partials_release(r);
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
    a->cmp.min_n = 5;
    a->cmp.min_df = SLANT_DEFAULT_MIN_DF;
    a->cmp.max_pairs = 45;
    a->cmp.seed = 1;
    a->cmp.count_model = 1;
    a->in.by = "source";
    a->in.lang = "en";
    a->in.threads = cli_default_threads();
    a->in.text_field = "text";
    a->in.id_field = "id";
    a->alpha = 0.05;
    a->cmp.alpha = a->alpha;
    a->top = 5;
    a->events.window = SLANT_EVENTS_WINDOW;
    a->events.threshold = NAN;
    a->events.method = SLANT_EVENTS_TFIDF;
}

/* Appends " --where ARG" (as `spelled`) to a->subset_spelled. */
static void spell_subset(cli_comparison_args *a, const char *spelled, const char *arg)
{
    size_t had = a->subset_spelled ? strlen(a->subset_spelled) : 0;
    size_t size = had + strlen(spelled) + strlen(arg) + 3;
    a->subset_spelled = xrealloc(a->subset_spelled, size);
    snprintf(a->subset_spelled + had, size - had, "%s%s %s", had ? " " : "", spelled, arg);
}

int cli_comparison_option(cli_comparison_args *a, int c, const char *arg, const char *spelled,
                          const char *command)
{
    long v;
    switch (c) {
    case CLI_OPT_BY:
        if (slant_bin_of(arg) < 0)
            return cli_usage_error(command, "unknown date bin '%s' (date:year, date:month or "
                                   "date:week)", arg);
        a->in.by = arg;
        break;
    case CLI_OPT_EVENT:
        a->in.event_auto = !strcmp(arg, "auto");
        a->in.event = a->in.event_auto ? NULL : arg;
        break;
    case CLI_OPT_EVENT_WINDOW:
        if (cli_parse_count(arg, 0, SLANT_EVENTS_MAX_WINDOW, &v) != 0)
            return cli_usage_error(command, "invalid number of days '%s' for %s (0 to %d)",
                                   arg, spelled, SLANT_EVENTS_MAX_WINDOW);
        a->events.window = (int32_t)v;
        a->events_tuned = 1;
        break;
    case CLI_OPT_EVENT_THRESHOLD:
        if (cli_parse_real(arg, 1e-9, 1, &a->events.threshold) != 0)
            return cli_usage_error(command, "invalid threshold '%s' for %s (above 0, at "
                                   "most 1)", arg, spelled);
        a->events_tuned = 1;
        break;
    case CLI_OPT_EVENT_METHOD: {
        int m = slant_events_method_of(arg);
        if (m < 0)
            return cli_usage_error(command, "unknown event method '%s' (tfidf or jaccard)",
                                   arg);
        a->events.method = (slant_events_method)m;
        a->events_tuned = 1;
        break;
    }
    case CLI_OPT_STRATA:
        a->in.strata = arg;
        a->cmp.strata = arg;
        break;
    case CLI_OPT_LEXICON: a->in.lexicon = arg; break;
    case CLI_OPT_LANG: a->in.lang = arg; break;
    case CLI_OPT_WEIGHTS: a->in.weights = arg; break;
    case CLI_OPT_TEXT_FIELD: a->in.text_field = arg; break;
    case CLI_OPT_ID_FIELD: a->in.id_field = arg; break;
    case 'q': a->in.quiet = 1; break;
    case CLI_OPT_FORCE: a->in.force = 1; break;
    case CLI_OPT_MIN_DF:
        if (cli_parse_count(arg, 1, 1000000000L, &v) != 0)
            return cli_usage_error(command, "invalid number '%s' for %s (1 or more)", arg,
                                   spelled);
        a->cmp.min_df = (size_t)v;
        break;
    case CLI_OPT_ACTORS:
        if (a->in.nactors == CLI_MAX_ACTORS)
            return cli_usage_error(command, "at most %d --actors files", CLI_MAX_ACTORS);
        a->in.actors[a->in.nactors++] = arg;
        break;
    case CLI_OPT_WHERE:
    case CLI_OPT_FROM:
    case CLI_OPT_TO:
        if (cli_subset_option(&a->subset, c == CLI_OPT_WHERE ? "where"
                                          : c == CLI_OPT_FROM ? "from" : "to",
                              arg, command) != 0)
            return SLANT_EXIT_USAGE;
        a->in.subset = a->subset;
        spell_subset(a, spelled, arg);
        break;
    case CLI_OPT_EVERY: {
        int unit = slant_period_of(arg);
        if (unit < 0)
            return cli_usage_error(command, "unknown period '%s' for --every (day, week, "
                                   "month or year)", arg);
        a->cmp.every = unit;
        break;
    }
    case CLI_OPT_SPLIT:
        if (slant_date_parse(arg, strlen(arg), &a->cmp.split) != 0)
            return cli_usage_error(command, "invalid date '%s' for --split (2025-03-04, "
                                   "'March 4, 2025', '4 Mar 2025', ...)", arg);
        a->cmp.has_split = 1;
        break;
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
        a->cmp.alpha = a->alpha;
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

void cli_comparison_release(cli_comparison_args *a)
{
    cli_free_list(a->indicators);
    a->indicators = NULL;
    slant_subset_free(a->subset);
    a->subset = NULL;
    free(a->subset_spelled);
    a->subset_spelled = NULL;
    a->in.subset = NULL;
}

/* --- events found automatically ------------------------------------------------------------ */

void cli_events_describe(const cli_comparison_args *a, const slant_events_summary *found,
                         char *out, size_t size)
{
    snprintf(out, size,
             "found automatically (%s similarity of content stems, window %d day%s either "
             "side, threshold %g): %zu event%s holding %zu article%s; %zu left out (%zu "
             "undated, %zu in no event)",
             slant_events_method_name(a->events.method), (int)a->events.window,
             a->events.window == 1 ? "" : "s", found->threshold, found->events,
             found->events == 1 ? "" : "s", found->in_events, found->in_events == 1 ? "" : "s",
             found->rows - found->in_events, found->undated, found->alone);
}

int cli_events_find(const cli_comparison_args *a, const cli_inputs_result *r,
                    slant_dataset *ds, slant_events_summary *found)
{
    memset(found, 0, sizeof *found);
    if (!a->in.event_auto) {
        if (a->events_tuned && !a->in.quiet)
            cli_message("note: --event-window, --event-threshold and --event-method apply "
                        "to --event auto only");
        return 0;
    }
    if (r->no_signature) {
        cli_message("%s: score record has no 'signature': --event auto finds events from "
                    "the articles' content signatures; score them with 'slant score "
                    "--signature', or give the articles themselves (%zu record%s without one)",
                    r->no_signature_where, r->no_signature, r->no_signature == 1 ? "" : "s");
        return SLANT_EXIT_USAGE;
    }
    slant_events_find(ds, &a->events, found);
    if (!a->in.quiet) {
        char text[400];
        cli_events_describe(a, found, text, sizeof text);
        cli_message("note: events (--event auto) %s", text);
    }
    return 0;
}

/* --- checks after reading ----------------------------------------------------------------- */

/* Levenshtein distance of two names (bytes), for "did you mean". */
static size_t distance(const char *a, const char *b)
{
    size_t m = strlen(a), n = strlen(b);
    size_t *row = xmalloc((n + 1) * sizeof *row);
    for (size_t j = 0; j <= n; j++)
        row[j] = j;
    for (size_t i = 1; i <= m; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[n];
    free(row);
    return d;
}

static int check_indicators(const cli_comparison_args *a, const slant_dataset *ds,
                            const char *command)
{
    size_t all = slant_dataset_nindicators(ds);
    for (size_t k = 0; k < a->cmp.nindicators; k++) {
        const char *want = a->cmp.indicators[k];
        size_t best = SIZE_MAX, at = 0, i;
        for (i = 0; i < all; i++) {
            const char *name = slant_dataset_indicator_name(ds, i);
            if (!strcmp(name, want))
                break;
            size_t d = distance(want, name);
            if (d < best) {
                best = d;
                at = i;
            }
        }
        if (i < all)
            continue;
        slant_buf list;
        slant_buf_init(&list, SLANT_FIELD_MAX_BYTES);
        for (i = 0; i < all; i++) {
            if (i)
                slant_buf_add(&list, ", ", 2);
            const char *name = slant_dataset_indicator_name(ds, i);
            slant_buf_add(&list, name, strlen(name));
        }
        /* The nearest is a suggestion when it is near: within a third of the name. */
        if (all && best <= strlen(want) / 3 + 1)
            cli_message("unknown indicator '%s' (--indicators); did you mean '%s'? the "
                        "indicators are: %s",
                        want, slant_dataset_indicator_name(ds, at), list.data ? list.data : "");
        else
            cli_message("unknown indicator '%s' (--indicators); the indicators are: %s", want,
                        list.data ? list.data : "(none)");
        slant_buf_release(&list);
        fprintf(stderr, "Try 'slant %s --help'.\n", command);
        return SLANT_EXIT_USAGE;
    }
    return 0;
}

static int cmp_bins(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    int an = a[0] == '(', bn = b[0] == '('; /* "(none)": undated, last */
    if (an != bn)
        return an - bn;
    return strcmp(a, b);
}

/* The same dataset with its groups in the order of their names (ISO bins: time order). */
static slant_dataset *in_time_order(slant_dataset *ds)
{
    size_t n = slant_dataset_ngroups(ds);
    const char **names = xmalloc((n ? n : 1) * sizeof *names);
    for (size_t g = 0; g < n; g++)
        names[g] = slant_dataset_group_at(ds, g)->name;
    qsort(names, n, sizeof *names, cmp_bins);
    slant_dataset *sorted = slant_dataset_new();
    for (size_t g = 0; g < n; g++)
        slant_dataset_group(sorted, names[g]);
    free(names);
    slant_dataset_merge(sorted, ds);
    slant_dataset_free(ds);
    return sorted;
}

int cli_inputs_check(const cli_comparison_args *a, const cli_inputs_result *r,
                     slant_dataset **ds, const char *command)
{
    const cli_inputs_options *o = &a->in;
    if (!o->quiet)
        cli_subset_note(r->filtered, r->filtered + r->records, "article");
    if (o->nactors && (r->score_files || r->partial_files) && !o->quiet)
        cli_message("note: --actors applies to the articles only; score records and "
                    "partials (%zu input%s) keep the actors they were scored with",
                    r->score_files + r->partial_files,
                    r->score_files + r->partial_files == 1 ? "" : "s");
    if (slant_bin_of(o->by) > 0)
        *ds = in_time_order(*ds);
    if (r->records && slant_dataset_ngroups(*ds) == 1 &&
        !strcmp(slant_dataset_group_at(*ds, 0)->name, "(none)")) {
        if (slant_bin_of(o->by) > 0)
            cli_message("no record has a date slant can read (see 'man slant', DATES) to group by "
                        "(--by %s)", o->by);
        else if (r->score_files && !r->narticles && !is_metadata(o->by))
            cli_message("no record has the field '%s' (--by); a JSON Lines field reaches "
                        "score records only if it was kept ('slant score --keep %s')",
                        o->by, o->by);
        else
            cli_message("no record has the field '%s' (--by): every article is in one "
                        "group, nothing to compare", o->by);
        return SLANT_EXIT_NOTHING;
    }
    if ((a->cmp.every || a->cmp.has_split) && !o->quiet) {
        size_t undated = 0, n = slant_dataset_nrows(*ds);
        for (size_t i = 0; i < n; i++)
            undated += slant_dataset_row(*ds, i)->day == INT32_MIN;
        size_t bad = slant_dataset_bad_dates(*ds);
        if (undated)
            cli_message("%zu of %zu articles have no date%s%zu with a date slant cannot read, "
                        "see 'man slant', DATES): left out of the time analysis",
                        undated, n, " (", bad);
    }
    return check_indicators(a, *ds, command);
}

int cli_strata_check(const cli_comparison_args *a, const slant_dataset *ds)
{
    if (!a->in.strata || slant_dataset_nstrata(ds) || !slant_dataset_nrows(ds))
        return 0;
    cli_message("no record has the field '%s' (--strata): nothing to hold fixed%s",
                a->in.strata,
                is_metadata(a->in.strata) ? ""
                                          : " (a JSON Lines field reaches score records only "
                                            "if it was kept: 'slant score --keep FIELD')");
    return SLANT_EXIT_NOTHING;
}
