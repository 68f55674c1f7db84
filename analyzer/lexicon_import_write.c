/*
 * The writer of an import: the native lexicon directory (lexicon.json and one file per
 * category), checked by loading it back with the real loader; what the loader rejects is
 * dropped and reported, and the directory written again.
 */
#include "lexicon_import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "jw.h"
#include "lexicon_import_impl.h"
#include "xalloc.h"

#define VERIFY_ROUNDS 3


static slant_status write_bytes(const char *path, const slant_buf *b, slant_error *err)
{
    if (slant_buf_full(b))
        return slant_error_set(err, SLANT_ERR_LIMIT, NULL, 0, 0,
                               "the text of '%s' is larger than %zu MiB", path, b->max >> 20);
    FILE *f = fopen(path, "wb");
    if (!f)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
                               strerror(errno));
    int bad = b->len && fwrite(b->data, 1, b->len, f) != b->len;
    bad |= fclose(f) != 0;
    if (bad)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot write '%s': %s", path,
                               strerror(errno));
    return SLANT_OK;
}

static void json_member(slant_jw *w, slant_buf *b, const char *indent, const char *key,
                        const char *value, int last)
{
    slant_buf_addf(b, "%s\"%s\": ", indent, key);
    slant_jw_string(w, value, strlen(value));
    slant_buf_adds(b, last ? "\n" : ",\n");
}

static void manifest_text(const slant_import *im, slant_buf *b)
{
    slant_jw w;
    slant_jw_init(&w, b);
    char description[1024];
    int n = snprintf(description, sizeof description,
                     "Imported from %s (%s) by slant lexicon import; plain words %s.", im->base,
                     slant_imp_format_name(im->format),
                     im->stem ? "are stemmed (--stem)" : "are exact forms, as in the original");
    if (im->counts.dropped && n > 0 && (size_t)n < sizeof description)
        snprintf(description + n, sizeof description - (size_t)n,
                 " PARTIAL: %zu entr%s of the original could not be expressed and %s not "
                 "here (slant lexicon import reports each).",
                 im->counts.dropped, im->counts.dropped == 1 ? "y" : "ies",
                 im->counts.dropped == 1 ? "is" : "are");
    slant_buf_adds(b, "{\n");
    json_member(&w, b, "  ", "id", im->id, 0);
    json_member(&w, b, "  ", "version", "imported", 0);
    json_member(&w, b, "  ", "language", im->language, 0);
    json_member(&w, b, "  ", "stemmer", im->stemmer, 0);
    json_member(&w, b, "  ", "description", description, 0);
    slant_buf_adds(b, "  \"categories\": [\n");
    for (size_t c = 0; c < im->ncats; c++) {
        const imp_category *cat = &im->cats[c];
        char file[MAX_ID_BYTES + 32];
        snprintf(file, sizeof file, "%s.txt", cat->id);
        slant_buf_adds(b, "    {\n");
        json_member(&w, b, "      ", "id", cat->id, 0);
        json_member(&w, b, "      ", "file", file, 0);
        json_member(&w, b, "      ", "group", "loaded", 0);
        json_member(&w, b, "      ", "definition", cat->definition, 1);
        slant_buf_adds(b, c + 1 < im->ncats ? "    },\n" : "    }\n");
    }
    slant_buf_adds(b, "  ]\n}\n");
    slant_jw_release(&w);
}

/* The category file of `cat`; records the line of every member written. */
static void category_text(slant_import *im, imp_category *cat, slant_buf *b)
{
    long line = 0;
    slant_buf_addf(b, "# %s: %s\n", cat->id, cat->definition);
    line++;
    slant_buf_addf(b, "# Imported by slant lexicon import from %s.\n", im->base);
    line++;
    slant_buf_adds(b, im->stem ? "# Plain words are stemmed (--stem); word* is a prefix.\n"
                               : "# Plain words are =exact, as in the original; word* is a "
                                 "prefix.\n");
    line++;
    free(cat->written);
    cat->written = xmalloc((cat->nmembers ? cat->nmembers : 1) * sizeof *cat->written);
    cat->nwritten = 0;
    cat->first_line = line + 1;
    for (size_t k = 0; k < cat->nmembers; k++) {
        imp_member *m = &cat->members[k];
        m->out_line = 0;
        if (m->removed)
            continue;
        slant_buf_adds(b, im->entries[m->entry].native);
        if (m->weight[0])
            slant_buf_addf(b, "\t%s", m->weight);
        slant_buf_addc(b, '\n');
        m->out_line = ++line;
        cat->written[cat->nwritten++] = k;
    }
}

static char *category_path(const char *dir, const imp_category *cat)
{
    char file[MAX_ID_BYTES + 32];
    snprintf(file, sizeof file, "%s.txt", cat->id);
    return slant_path_join(dir, file);
}

static slant_status write_all(slant_import *im, const char *dir, slant_error *err)
{
    slant_buf b;
    slant_buf_init(&b, SLANT_OUTPUT_MAX_BYTES);
    manifest_text(im, &b);
    char *path = slant_path_join(dir, "lexicon.json");
    slant_status st = write_bytes(path, &b, err);
    free(path);
    for (size_t c = 0; c < im->ncats && st == SLANT_OK; c++) {
        slant_buf_reset(&b);
        category_text(im, &im->cats[c], &b);
        path = category_path(dir, &im->cats[c]);
        st = write_bytes(path, &b, err);
        free(path);
    }
    slant_buf_release(&b);
    return st;
}

/* What the loader said about the lexicon just written. */
typedef struct {
    slant_error *items;
    size_t n, cap;
} error_list;

static void collect_error(const slant_error *err, void *ctx)
{
    error_list *l = ctx;
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = *err;
}

/* Drops the member the loader's error `e` is about; 0, or -1 if it is about no member. */
static int drop_rejected(slant_import *im, const char *dir, const slant_error *e)
{
    for (size_t c = 0; c < im->ncats; c++) {
        char *path = category_path(dir, &im->cats[c]);
        slant_error probe;
        slant_error_set(&probe, SLANT_ERR_INPUT, path, 0, 0, "%s", "");
        free(path);
        if (strcmp(probe.file, e->file) != 0)
            continue;
        imp_category *cat = &im->cats[c];
        for (size_t k = 0; k < cat->nmembers; k++) {
            imp_member *m = &cat->members[k];
            if (m->removed || m->out_line != e->line)
                continue;
            const imp_entry *x = &im->entries[m->entry];
            m->removed = 1;
            im->counts.entries--;
            slant_imp_problem(im, SLANT_IMPORT_DROPPED, x->line, x->col,
                    "cannot express entry '%s' of '%s': slant's loader says: %s; dropped",
                    x->source, cat->name, e->message);
            return 0;
        }
    }
    return -1;
}

slant_status slant_import_write(slant_import *im, const char *dir, slant_import_report report,
                                void *ctx, slant_error *err)
{
    im->report = report;
    im->ctx = ctx;
    for (int round = 0; round < VERIFY_ROUNDS; round++) {
        slant_status st = write_all(im, dir, err);
        if (st != SLANT_OK)
            return st;
        error_list l = { NULL, 0, 0 };
        slant_lexicon_check(dir, collect_error, &l);
        size_t unknown = SIZE_MAX;
        for (size_t i = 0; i < l.n; i++)
            if (drop_rejected(im, dir, &l.items[i]) != 0 && unknown == SIZE_MAX)
                unknown = i;
        size_t n = l.n;
        if (unknown != SIZE_MAX) {
            char text[1200];
            slant_error_format(&l.items[unknown], text, sizeof text);
            slant_error_set(err, SLANT_ERR_INPUT, im->path, 0, 0,
                            "the imported lexicon does not load: %s", text);
        }
        free(l.items);
        if (unknown != SIZE_MAX)
            return SLANT_ERR_INPUT;
        if (n == 0)
            return SLANT_OK;
    }
    return slant_error_set(err, SLANT_ERR_INPUT, im->path, 0, 0,
                           "the imported lexicon still does not load after dropping the "
                           "entries the loader rejected");
}

void slant_import_remove(const slant_import *im, const char *dir)
{
    char *path = slant_path_join(dir, "lexicon.json");
    unlink(path);
    free(path);
    for (size_t c = 0; c < im->ncats; c++) {
        path = category_path(dir, &im->cats[c]);
        unlink(path);
        free(path);
    }
    rmdir(dir);
}

/* Makes a fresh directory under $TMPDIR (or /tmp) from `template` ("name-XXXXXX"): sets
 * `*dir` (caller frees) and returns SLANT_OK, or SLANT_ERR_IO with `err` set. */
static slant_status make_temp_dir(const char *template, char **dir, slant_error *err)
{
    const char *tmp = getenv("TMPDIR");
    *dir = slant_path_join(tmp && tmp[0] ? tmp : "/tmp", template);
    if (mkdtemp(*dir))
        return SLANT_OK;
    slant_status st = slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0,
                                      "cannot make a temporary directory '%s': %s", *dir,
                                      strerror(errno));
    free(*dir);
    *dir = NULL;
    return st;
}

slant_status slant_import_check(const char *path, const slant_import_options *o,
                                slant_import_report report, void *ctx,
                                slant_import_counts *counts, slant_error *err)
{
    memset(counts, 0, sizeof *counts);
    slant_import *im = NULL;
    slant_status st = slant_import_read(path, o, report, ctx, &im, err);
    if (st != SLANT_OK)
        return st;
    char *dir;
    st = make_temp_dir("slant-check-XXXXXX", &dir, err);
    if (st == SLANT_OK) {
        st = slant_import_write(im, dir, report, ctx, err);
        slant_import_remove(im, dir);
        free(dir);
    }
    *counts = slant_import_get_counts(im);
    slant_import_free(im);
    return st;
}

slant_status slant_import_load(const char *path, const slant_import_options *o,
                               slant_import_report report, void *ctx, slant_lexicon **lex,
                               slant_import **keep, slant_error *err)
{
    *lex = NULL;
    if (keep)
        *keep = NULL;
    slant_import *im;
    slant_status st = slant_import_read(path, o, report, ctx, &im, err);
    if (st != SLANT_OK)
        return st;
    char *dir;
    st = make_temp_dir("slant-import-XXXXXX", &dir, err);
    if (st != SLANT_OK) {
        slant_import_free(im);
        return st;
    }
    st = slant_import_write(im, dir, report, ctx, err);
    if (st == SLANT_OK)
        st = slant_lexicon_load(dir, lex, err);
    slant_import_remove(im, dir);
    free(dir);
    if (st == SLANT_OK && keep)
        *keep = im;
    else
        slant_import_free(im);
    return st;
}
