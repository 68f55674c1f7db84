/* What slant report says of its inputs and takes from them beyond the comparison: the
 * description of the inputs and their lexicons, the evidence sentences from the articles,
 * and the lexicon that names the categories of score records (see cli_report.h). */

#include "cli_report.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "report_evidence.h"
#include "xalloc.h"

/* --- provenance of the inputs -------------------------------------------------------------- */

static void item(cli_input_items *x, const char *label, char *value)
{
    x->items[x->n].label = xstrdup(label);
    x->items[x->n].value = value;
    x->n++;
}

static char *lexicon_text(const char *id, const char *version, const char *hash,
                          const char *stemmer)
{
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&b, "%s %s, %s", id ? id : "(unnamed)", version ? version : "",
                   hash ? hash : "no hash recorded");
    if (stemmer)
        slant_buf_addf(&b, ", stemmer %s", stemmer);
    char *s = slant_buf_detach(&b, NULL);
    slant_buf_release(&b);
    return s;
}

void cli_report_describe_inputs(const cli_inputs_result *in, char **paths, size_t n,
                                cli_input_items *x)
{
    slant_buf b;
    slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
    size_t shown = n < 10 ? n : 10;
    for (size_t k = 0; k < shown; k++)
        slant_buf_addf(&b, "%s%s", k ? ", " : "", paths[k]);
    if (n > shown)
        slant_buf_addf(&b, " and %zu more", n - shown);
    slant_buf_addf(&b, " (%zu read as articles, %zu as score records, %zu as partials); "
                       "%zu records",
                   in->narticles, in->score_files, in->partial_files, in->records);
    if (in->failed)
        slant_buf_addf(&b, ", %zu skipped with errors", in->failed);
    item(x, "inputs", slant_buf_detach(&b, NULL));
    slant_buf_release(&b);
    if (in->lex)
        item(x, "lexicon (articles)",
             lexicon_text(slant_lexicon_id(in->lex), slant_lexicon_version(in->lex),
                          slant_lexicon_hash(in->lex), slant_lexicon_stemmer(in->lex)));
    if (in->nprovenances || in->records_without_provenance) {
        slant_buf_init(&b, SLANT_REPORT_MAX_BYTES);
        for (size_t k = 0; k < in->nprovenances; k++) {
            const cli_provenance *p = &in->provenances[k];
            char *l = lexicon_text(p->lexicon, p->lexicon_version, p->lexicon_hash, NULL);
            slant_buf_addf(&b, "%s%s (scored by %s)", k ? "; " : "", l,
                           p->tool ? p->tool : "an unknown tool");
            free(l);
        }
        if (in->more_provenances)
            slant_buf_adds(&b, "; and others");
        if (in->records_without_provenance)
            slant_buf_addf(&b, "%s%zu records name no lexicon", in->nprovenances ? "; " : "",
                           in->records_without_provenance);
        if (in->nprovenances > 1 || in->more_provenances)
            slant_buf_adds(&b, ". The records were scored with different lexicons: their "
                               "counts are not comparable");
        item(x, "lexicon (score records)", slant_buf_detach(&b, NULL));
        slant_buf_release(&b);
    }
}

/* --- evidence ------------------------------------------------------------------------------- */

/* Evidence sentences from the article inputs (standard input cannot be read twice). */
void cli_report_add_evidence(const cli_inputs_options *io, size_t snippets,
                             const cli_inputs_result *in, slant_report *r, cli_phases *ph)
{
    if (!snippets || !r->has_keyness)
        return; /* the report already says why there is none */
    const char **paths = xcalloc(in->narticles ? in->narticles : 1, sizeof *paths);
    size_t n = 0;
    for (size_t k = 0; k < in->narticles; k++)
        if (strcmp(in->articles[k], "-") != 0)
            paths[n++] = in->articles[k];
    if (!n || !in->lex) {
        free(paths);
        return;
    }
    const char *keep[CLI_MAX_KEEP];
    size_t nkeep = cli_inputs_keep(io, keep);
    slant_evidence_options eo = {
        .lex = in->lex,
        .input = cli_reader_options(paths, n,
                                    (slant_jsonl_fields){ io->text_field, io->id_field, keep,
                                                          nkeep },
                                    io->subset),
        .by = io->by,
        .max_per_term = snippets,
        .max_bytes = 360,
        .progress = { cli_phase_progress, ph },
        .articles_total = slant_dataset_nrows(r->c->ds),
    };
    size_t articles;
    slant_report_collect_evidence(r, &eo, &articles);
    slant_report_set_evidence(r, SLANT_EVIDENCE_COLLECTED);
    free(paths);
}

/* --- the lexicon of score records ------------------------------------------------------------ */

/* The lexicon directory of --lexicon (or the installed one), loaded; NULL when there is
 * none or it does not load (nothing is said). Caller frees. */
slant_lexicon *cli_report_named_lexicon(const cli_inputs_options *io)
{
    char *dir = io->lexicon ? xstrdup(io->lexicon) : cli_default_lexicon(io->lang);
    struct stat sb;
    slant_lexicon *lex = NULL;
    slant_error err;
    if (dir && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) &&
        slant_lexicon_load(dir, &lex, &err) != SLANT_OK)
        lex = NULL;
    free(dir);
    return lex;
}

/*
 * With score records only, whether they were scored with `lex` (the named lexicon): it has
 * the hash all the records name. Then the report reads the groups of the categories from
 * it (which differences are headline findings and which context), as with articles, and
 * the definitions. Any other lexicon only names the categories it has (labels and the
 * report roles: report.h, `names`), and nothing is said when there is none: the records'
 * own names stay.
 */
int cli_report_records_scored_with(const cli_inputs_result *in, const slant_lexicon *lex)
{
    return lex && !in->lex && in->score_files && !in->narticles && !in->partial_files &&
           in->nprovenances == 1 && !in->more_provenances && !in->records_without_provenance &&
           in->provenances[0].lexicon_hash &&
           strcmp(slant_lexicon_hash(lex), in->provenances[0].lexicon_hash) == 0;
}

