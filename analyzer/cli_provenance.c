/* The provenance of score records: which lexicon (and tool) each input was scored with,
 * noted as records are read, and the check that all inputs share one lexicon
 * (see cli_inputs.h and cli_inputs_parts.h). */

#include "cli_inputs_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_json.h"
#include "cli.h"
#include "jsonline.h"
#include "partial.h"
#include "xalloc.h"

/* --- provenance of score records --------------------------------------------------------- */

static const char *kept(const slant_article *a, const char *name)
{
    for (size_t k = 0; k < a->nfields; k++)
        if (!strcmp(a->fields[k].name, name))
            return a->fields[k].value;
    return NULL;
}

void cli_note_lexicon(cli_inputs_result *r, const char *lexicon, const char *version,
                      const char *hash, const char *where)
{
    if (!lexicon && !version && !hash)
        return;
    for (size_t k = 0; k < r->nlexicons; k++) {
        const cli_provenance *q = &r->lexicons[k];
        if (slant_partial_same_value(q->lexicon, lexicon) &&
            slant_partial_same_value(q->lexicon_version, version) &&
            slant_partial_same_value(q->lexicon_hash, hash))
            return;
    }
    if (r->nlexicons == CLI_MAX_PROVENANCES)
        return; /* two are enough to refuse */
    cli_provenance *n = &r->lexicons[r->nlexicons++];
    n->lexicon = xstrdup_or_null(lexicon);
    n->lexicon_version = xstrdup_or_null(version);
    n->lexicon_hash = xstrdup_or_null(hash);
    n->where = xstrdup_or_null(where);
}

/*
 * Notes what a score record says it was made with (its "provenance" object): the lexicon
 * always (for the check that all records share one), the whole provenance with
 * o->provenance. The object is found by a scan of the bytes (jsonline.h) and, when it
 * differs from the last record's, read with the JSON Lines article reader (article_json.h)
 * as a field extractor: an article whose text is its "lexicon". (There is no reader of
 * provenance; this keeps cJSON in the JSON reader files. A record without it is counted.)
 */
void cli_note_provenance(const char *json, size_t len, const char *path,
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
        if (slant_partial_same_value(q->tool, tool) &&
            slant_partial_same_value(q->lexicon, lexicon) &&
            slant_partial_same_value(q->lexicon_version, version) &&
            slant_partial_same_value(q->lexicon_hash, hash))
            goto done;
    }
    if (r->nprovenances == CLI_MAX_PROVENANCES) {
        r->more_provenances = 1;
        goto done;
    }
    cli_provenance *p = &r->provenances[r->nprovenances++];
    p->tool = xstrdup_or_null(tool);
    p->lexicon = xstrdup_or_null(lexicon);
    p->lexicon_version = xstrdup_or_null(version);
    p->lexicon_hash = xstrdup_or_null(hash);
done:
    slant_article_release(&prov);
}

void cli_provenance_release(cli_provenance *p)
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
