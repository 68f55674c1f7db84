/* Features of a labelled sample and the weights file of `slant calibrate` (calibrate.h). */

#include "calibrate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "jw.h"
#include "record.h"
#include "score.h"
#include "xalloc.h"

size_t slant_calibrate_categories(const slant_lexicon *lex, size_t *out)
{
    size_t p = 0;
    for (size_t c = 0; c < slant_lexicon_ncategories(lex); c++)
        if (slant_category_in_index(slant_lexicon_category(lex, c)))
            out[p++] = c;
    return p;
}

size_t slant_calibrate_features(const slant_lexicon *lex, const slant_labelled *s,
                                const size_t *cats, size_t p, double *x, unsigned char *ok,
                                void (*report)(const slant_error *err, void *ctx), void *ctx)
{
    slant_scorer *scorer = slant_scorer_new(lex);
    size_t bad = 0;
    for (size_t i = 0; i < s->n; i++) {
        const slant_labelled_unit *u = &s->units[i];
        /* The unit as an article without metadata; its text is borrowed, not released. */
        slant_article a;
        slant_article_init(&a);
        a.text = u->text;
        a.text_len = u->text_len;
        slant_scorer_score(scorer, &a);
        const slant_record *r = slant_scorer_record(scorer);
        double *row = x + i * p;
        ok[i] = r->tokens > 0;
        for (size_t j = 0; j < p; j++)
            row[j] = ok[i] ? 1000.0 * (double)r->cats[cats[j]].indexed / (double)r->tokens
                           : NAN;
        if (!ok[i]) {
            slant_error err;
            slant_error_set(&err, SLANT_ERR_INPUT, u->origin, u->line, 0,
                            "the text has no words, so no rates");
            report(&err, ctx);
            bad++;
        }
    }
    slant_scorer_free(scorer);
    return bad;
}

void slant_calibrate_write_weights(const slant_weights_info *w, slant_buf *out)
{
    slant_jw j;
    slant_jw_init(&j, out);
    slant_jw_open(&j, '{');
    slant_jw_member_count(&j, "schema", 1);
    slant_jw_member_cstring(&j, "kind", "slant-weights");
    slant_jw_key(&j, "lexicon");
    slant_jw_open(&j, '{');
    slant_jw_member_cstring(&j, "id", slant_lexicon_id(w->lex));
    slant_jw_member_cstring(&j, "version", slant_lexicon_version(w->lex));
    slant_jw_member_cstring(&j, "hash", slant_lexicon_hash(w->lex));
    slant_jw_close(&j, '}');
    slant_jw_member_cstring(&j, "unit", w->unit);
    slant_jw_member_cstring(&j, "feature", "rate_per_1000");
    slant_jw_key(&j, "intercept");
    slant_jw_number_exact(&j, w->model->intercept);
    slant_jw_key(&j, "weights");
    slant_jw_open(&j, '{');
    for (size_t k = 0; k < w->p; k++) {
        slant_jw_key(&j, slant_lexicon_category(w->lex, w->cats[k])->id);
        slant_jw_number_exact(&j, w->model->weights[k]);
    }
    slant_jw_close(&j, '}');
    slant_jw_key(&j, "fit");
    slant_jw_open(&j, '{');
    slant_jw_member_count(&j, "n", w->n);
    slant_jw_member_count(&j, "positives", w->positives);
    slant_jw_key(&j, "l2");
    slant_jw_number_exact(&j, w->l2);
    slant_jw_member_count(&j, "folds", w->folds);
    slant_jw_member_count(&j, "seed", w->seed);
    slant_jw_key(&j, "cv_auc");
    slant_jw_number_exact(&j, w->cv->auc);
    slant_jw_key(&j, "cv_auc_ci");
    slant_jw_open(&j, '[');
    slant_jw_element(&j);
    slant_jw_number_exact(&j, w->cv->low);
    slant_jw_element(&j);
    slant_jw_number_exact(&j, w->cv->high);
    slant_jw_close(&j, ']');
    slant_jw_member_bool(&j, "standardized", 1);
    slant_jw_close(&j, '}');
    slant_jw_close(&j, '}');
    slant_buf_addc(out, '\n');
    slant_jw_release(&j);
}

void slant_calibrate_write_predictions(const slant_labelled *s, const size_t *units,
                                       const unsigned char *y, const size_t *fold,
                                       const double *oof, size_t n, slant_buf *out)
{
    slant_jw j;
    slant_jw_init(&j, out);
    for (size_t i = 0; i < n; i++) {
        const slant_labelled_unit *u = &s->units[units[i]];
        slant_jw_open(&j, '{');
        slant_jw_member_cstring(&j, "id", u->id);
        slant_jw_member_cstring(&j, "file", u->origin);
        slant_jw_member_count(&j, "line", (size_t)u->line);
        slant_jw_key(&j, "label");
        slant_jw_number_exact(&j, u->label);
        slant_jw_member_count(&j, "y", y[i]);
        slant_jw_member_count(&j, "fold", fold[i]);
        slant_jw_key(&j, "score");
        slant_jw_number_exact(&j, oof[i]);
        slant_jw_close(&j, '}');
        slant_buf_addc(out, '\n');
    }
    slant_jw_release(&j);
}

typedef struct {
    size_t k;           /* feature */
    double w;           /* standardised weight; -inf for a constant feature */
} ranked_weight;

static int by_weight(const void *x, const void *y)
{
    const ranked_weight *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->k < b->k ? -1 : (a->k > b->k);
}

void slant_calibrate_write_summary(const slant_weights_info *w, size_t skipped,
                                   slant_buf *out)
{
    const slant_logit_model *m = w->model;
    slant_buf_addf(out, "slant calibrate: %zu %ss (%zu positive, %zu negative)", w->n,
                   w->unit, w->positives, w->n - w->positives);
    if (skipped)
        slant_buf_addf(out, "; %zu row%s skipped with errors", skipped,
                       skipped == 1 ? "" : "s");
    slant_buf_addf(out, "\nlexicon: %s %s (%s)\n", slant_lexicon_id(w->lex),
                   slant_lexicon_version(w->lex), slant_lexicon_hash(w->lex));
    slant_buf_addf(out, "cross-validated ROC AUC (%zu folds, seed %lu): %.3f, 95%% CI %.3f "
                        "to %.3f (DeLong)\n", w->folds, w->seed, w->cv->auc, w->cv->low,
                   w->cv->high);
    slant_buf_addf(out, "fit: L2 penalty %g on standardised rates, %d Newton steps; "
                        "intercept %.4g\n\n", w->l2, m->iterations, m->intercept);
    ranked_weight *r = xmalloc((w->p ? w->p : 1) * sizeof *r);
    for (size_t k = 0; k < w->p; k++)
        r[k] = (ranked_weight){ k, m->constant[k] ? -INFINITY : m->weights_std[k] };
    qsort(r, w->p, sizeof *r, by_weight);
    slant_buf_addf(out, "  %-28s %12s %12s %10s\n", "category", "weight", "standardised",
                   "mean rate");
    for (size_t t = 0; t < w->p; t++) {
        size_t k = r[t].k;
        if (!m->constant[k])
            slant_buf_addf(out, "  %-28s %12.5g %12.4f %10.3g\n",
                           slant_lexicon_category(w->lex, w->cats[k])->id, m->weights[k],
                           m->weights_std[k], m->mean[k]);
    }
    if (m->nconstant) {
        slant_buf_adds(out, "\nthe same rate in every unit (weight 0):");
        for (size_t t = 0; t < w->p; t++)
            if (m->constant[r[t].k])
                slant_buf_addf(out, " %s (%g)",
                               slant_lexicon_category(w->lex, w->cats[r[t].k])->id,
                               m->mean[r[t].k]);
        slant_buf_addc(out, '\n');
    }
    free(r);
}
