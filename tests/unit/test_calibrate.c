/* Unit tests of calibration: the logistic fit, the folds and the AUC on cases small enough
 * to solve by hand (logit.c), and the labelled-sample reader (labelled.c). */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calibrate.h"
#include "harness.h"
#include "labelled.h"
#include "logit.h"

static int near(double a, double b, double tol)
{
    return fabs(a - b) <= tol;
}

/*
 * Two rows, x = -1 (y = 0) and x = 1 (y = 1): standardised they stay -1 and 1, the
 * intercept is 0 by symmetry, and the gradient of the penalised loss in w,
 * -sigmoid(-w) + (sigmoid(w) - 1) + w = w - 2 sigmoid(-w), vanishes where
 * w = 2 / (1 + e^w): found here by bisection.
 */
static void test_fit_two_points(void)
{
    double lo = 0, hi = 2;
    for (int i = 0; i < 200; i++) {
        double mid = 0.5 * (lo + hi);
        if (mid - 2.0 / (1.0 + exp(mid)) > 0)
            hi = mid;
        else
            lo = mid;
    }
    double x[] = { -1, 1 };
    unsigned char y[] = { 0, 1 };
    slant_logit_options o = { 1.0, 0 };
    slant_logit_model m;
    slant_logit_model_init(&m);
    CHECK_INT(slant_logit_fit(x, y, 2, 1, NULL, &o, &m), SLANT_LOGIT_OK);
    CHECK(near(m.weights_std[0], lo, 1e-10));
    CHECK(near(m.weights[0], lo, 1e-10)); /* sd 1: the raw scale is the same */
    CHECK(near(m.intercept, 0, 1e-12));
    CHECK(near(m.mean[0], 0, 1e-15) && near(m.sd[0], 1, 1e-15));
    CHECK(near(slant_logit_predict(&m, &x[1]), 1.0 / (1.0 + exp(-lo)), 1e-10));
    /* The same points shifted and stretched: the standardised fit is the same, and the
     * raw weights undo the scaling (w / sd, intercept - w * mean / sd). */
    double x2[] = { 10, 14 };
    CHECK_INT(slant_logit_fit(x2, y, 2, 1, NULL, &o, &m), SLANT_LOGIT_OK);
    CHECK(near(m.weights_std[0], lo, 1e-10));
    CHECK(near(m.weights[0], lo / 2, 1e-10));
    CHECK(near(m.intercept, -lo / 2 * 12, 1e-9));
    slant_logit_model_release(&m);
}

/* No feature varies: the weight is 0, flagged constant, and the intercept is the log odds
 * of the sample, log(3 / 1). */
static void test_fit_constant(void)
{
    double x[] = { 5, 0, 5, 0, 5, 0, 5, 0 };
    unsigned char y[] = { 1, 1, 1, 0 };
    slant_logit_options o = { 1.0, 0 };
    slant_logit_model m;
    slant_logit_model_init(&m);
    CHECK_INT(slant_logit_fit(x, y, 4, 2, NULL, &o, &m), SLANT_LOGIT_OK);
    CHECK_INT(m.nconstant, 2);
    CHECK(m.constant[0] && m.constant[1]);
    CHECK(m.weights[0] == 0 && m.weights[1] == 0);
    CHECK(near(m.intercept, log(3.0), 1e-12));
    slant_logit_model_release(&m);
}

/* At the solution the gradient of the penalised loss is zero: sum (p - y) = 0 for the
 * intercept, sum z_j (p - y) + l2 w_j = 0 for each standardised feature. */
static void test_fit_optimal(void)
{
    double x[] = { 1, 0, 3, 2, 0, 1, 4, 4, 2, 2, 0, 0, 5, 1, 1, 3 };
    unsigned char y[] = { 0, 1, 0, 1, 1, 0, 1, 0 };
    unsigned char use[] = { 1, 1, 1, 1, 1, 1, 1, 0 }; /* the last row is left out */
    slant_logit_options o = { 0.5, 0 };
    slant_logit_model m;
    slant_logit_model_init(&m);
    CHECK_INT(slant_logit_fit(x, y, 8, 2, use, &o, &m), SLANT_LOGIT_OK);
    double g0 = 0, g[2] = { 0, 0 };
    for (size_t i = 0; i < 7; i++) {
        double r = slant_logit_predict(&m, x + 2 * i) - y[i];
        g0 += r;
        for (size_t j = 0; j < 2; j++)
            g[j] += (x[2 * i + j] - m.mean[j]) / m.sd[j] * r;
    }
    CHECK(near(g0, 0, 1e-12));
    for (size_t j = 0; j < 2; j++)
        CHECK(near(g[j] + 0.5 * m.weights_std[j], 0, 1e-12));
    CHECK(near(m.mean[0], 15.0 / 7, 1e-12)); /* the left-out row is not in the moments */
    slant_logit_model_release(&m);
}

static void test_fit_refuses(void)
{
    double x[] = { 1, 2, 3 };
    unsigned char one[] = { 1, 1, 1 }, two[] = { 0, 1, 1 }, bad[] = { 0, 2, 1 };
    slant_logit_options o = { 1.0, 0 }, zero = { 0.0, 0 };
    slant_logit_model m;
    slant_logit_model_init(&m);
    CHECK_INT(slant_logit_fit(x, one, 3, 1, NULL, &o, &m), SLANT_LOGIT_ONE_CLASS);
    CHECK(isnan(m.intercept));
    CHECK_INT(slant_logit_fit(x, two, 3, 1, NULL, &zero, &m), SLANT_LOGIT_BAD_INPUT);
    CHECK_INT(slant_logit_fit(x, bad, 3, 1, NULL, &o, &m), SLANT_LOGIT_BAD_INPUT);
    double inf[] = { 1, INFINITY, 3 };
    CHECK_INT(slant_logit_fit(inf, two, 3, 1, NULL, &o, &m), SLANT_LOGIT_BAD_INPUT);
    slant_logit_model_release(&m);
}

/* Three positives and four negatives in three folds: the positives go to folds 0, 1, 2,
 * the negatives on from fold 0 again, so the folds hold 3, 2 and 2 rows. */
static void test_folds(void)
{
    unsigned char y[] = { 1, 0, 1, 0, 0, 1, 0 };
    size_t fold[7], again[7];
    CHECK_INT(slant_logit_folds(y, 7, 3, 1, fold), 0);
    size_t pos[3] = { 0 }, all[3] = { 0 };
    for (size_t i = 0; i < 7; i++) {
        CHECK(fold[i] < 3);
        pos[fold[i]] += y[i];
        all[fold[i]]++;
    }
    CHECK(pos[0] == 1 && pos[1] == 1 && pos[2] == 1);
    CHECK(all[0] == 3 && all[1] == 2 && all[2] == 2);
    CHECK_INT(slant_logit_folds(y, 7, 3, 1, again), 0);
    CHECK(memcmp(fold, again, sizeof fold) == 0);
    CHECK_INT(slant_logit_folds(y, 7, 8, 1, fold), -1);
    CHECK_INT(slant_logit_folds(y, 7, 1, 1, fold), -1);
}

/*
 * Positives score 0.35 and 0.8, negatives 0.1 and 0.4: three of four pairs are ordered,
 * AUC 0.75. Placements: V10 = (0.5, 1), V01 = (1, 0.5), each with variance 0.125, so the
 * DeLong variance is 0.125 / 2 + 0.125 / 2 and se = sqrt(0.125).
 */
static void test_auc_by_hand(void)
{
    double s[] = { 0.1, 0.4, 0.35, 0.8 };
    unsigned char y[] = { 0, 0, 1, 1 };
    slant_auc a;
    CHECK_INT(slant_roc_auc(s, y, 4, 0.95, &a), 0);
    CHECK(near(a.auc, 0.75, 1e-15));
    CHECK(near(a.se, sqrt(0.125), 1e-15));
    CHECK(near(a.low, 0.75 - 1.959963984540054 * sqrt(0.125), 1e-12));
    CHECK(a.high == 1.0); /* clipped */
    CHECK(a.positives == 2 && a.negatives == 2);
    /* A tie between a positive and a negative counts one half. */
    double t[] = { 0.5, 0.5, 0.2, 0.9 };
    unsigned char ty[] = { 1, 0, 0, 1 };
    CHECK_INT(slant_roc_auc(t, ty, 4, 0.95, &a), 0);
    CHECK(near(a.auc, (0.5 + 1 + 1 + 1) / 4, 1e-15));
    /* One of a class: the AUC only. None of a class: nothing. */
    unsigned char one[] = { 0, 0, 0, 1 };
    CHECK_INT(slant_roc_auc(s, one, 4, 0.95, &a), 1);
    CHECK(near(a.auc, 1.0, 1e-15) && isnan(a.low));
    unsigned char none[] = { 0, 0, 0, 0 };
    CHECK_INT(slant_roc_auc(s, none, 4, 0.95, &a), -1);
    CHECK(isnan(a.auc));
}

/* --- the labelled-sample reader ------------------------------------------------------- */

static size_t problems;
static char last_problem[1200];

static void collect(const slant_error *err, void *ctx)
{
    (void)ctx;
    problems++;
    slant_error_format(err, last_problem, sizeof last_problem);
}

static void test_labelled_csv(void)
{
    const char *data =
        "id,label,text\r\n"
        "a,1,\"Quoted, with a comma\nand a line break and \"\"quotes\"\"\"\r\n"
        "\n"
        "b,0,plain text\r\n"
        "c,x,bad label\n"
        "d,1\n"
        ",true,no id\n";
    slant_labelled_fields f = { "text", "label", "id" };
    slant_labelled s;
    slant_labelled_init(&s);
    problems = 0;
    size_t bad = slant_labelled_parse(data, strlen(data), "t.csv", SLANT_LABELLED_AUTO, &f,
                                      &s, collect, NULL);
    CHECK_INT(bad, 2);
    CHECK_INT(problems, 2);
    CHECK_STR(last_problem, "t.csv:7: the row has 2 cells, the header 3");
    CHECK_INT(s.n, 3);
    if (s.n == 3) {
        CHECK_STR(s.units[0].text, "Quoted, with a comma\nand a line break and \"quotes\"");
        CHECK_INT(s.units[0].line, 2);
        CHECK_STR(s.units[1].text, "plain text");
        CHECK_INT(s.units[1].line, 5);
        CHECK(s.units[1].label == 0);
        CHECK_STR(s.units[2].id, "t.csv:8");
        CHECK(s.units[2].label == 1);
    }
    size_t ex;
    CHECK(slant_labelled_binary(&s, &ex));
    slant_labelled_release(&s);

    const char *tsv = "text\tscore\nsome words\t3\nother words\t0\n";
    f.label_field = "score";
    CHECK_INT(slant_labelled_detect("-", tsv, strlen(tsv)), SLANT_LABELLED_TSV);
    CHECK_INT(slant_labelled_parse(tsv, strlen(tsv), "-", SLANT_LABELLED_AUTO, &f, &s, collect,
                                   NULL), 0);
    CHECK_INT(s.n, 2);
    CHECK(!slant_labelled_binary(&s, &ex) && ex == 0);
    slant_labelled_release(&s);

    f.label_field = "label"; /* the header has no such column: one error, no units */
    CHECK_INT(slant_labelled_parse(tsv, strlen(tsv), "t.tsv", SLANT_LABELLED_AUTO, &f, &s,
                                   collect, NULL), 1);
    CHECK_STR(last_problem, "t.tsv:1: the header has no column 'label' (choose it with "
                            "--label-field)");
    CHECK_INT(s.n, 0);
    slant_labelled_release(&s);
}

static void test_labelled_jsonl(void)
{
    const char *data = "{\"text\": \"one\", \"label\": 1, \"id\": 7}\n"
                       "\n"
                       "{\"text\": \"two\", \"label\": \"0\"}\n"
                       "{\"text\": \"three\", \"label\": null}\n"
                       "{\"text\": \"four\", \"label\": 2.5}\n";
    slant_labelled_fields f = { "text", "label", "id" };
    slant_labelled s;
    slant_labelled_init(&s);
    CHECK_INT(slant_labelled_detect("x.txt", data, strlen(data)), SLANT_LABELLED_JSONL);
    CHECK_INT(slant_labelled_parse(data, strlen(data), "x.txt", SLANT_LABELLED_AUTO, &f, &s,
                                   collect, NULL), 1);
    CHECK_STR(last_problem, "x.txt:4: the record has no label 'label' (choose it with "
                            "--label-field)");
    CHECK_INT(s.n, 3);
    if (s.n == 3) {
        CHECK_STR(s.units[0].id, "7");
        CHECK_STR(s.units[1].id, "x.txt:3");
        CHECK(s.units[1].label == 0);
        CHECK(s.units[2].label == 2.5);
    }
    size_t ex;
    CHECK(!slant_labelled_binary(&s, &ex) && ex == 2);
    slant_labelled_release(&s);
}

/* The index's categories: loaded and contested ones, not the subject, epistemic and
 * structural ones, not the contested concept of variants.json, not the actors. */
static void test_index_categories(void)
{
    slant_lexicon *lex = harness_load_lexicon("tests/data/lexicon-calibrate");
    if (!lex)
        return;
    size_t cats[32];
    CHECK(slant_lexicon_ncategories(lex) <= 32);
    size_t p = slant_calibrate_categories(lex, cats);
    static const char *const want[] = { "scorn", "praise", "manner", "naming", "unused" };
    CHECK_INT(p, 5);
    for (size_t k = 0; k < p && k < 5; k++)
        CHECK_STR(slant_lexicon_category(lex, cats[k])->id, want[k]);
    long subject = slant_lexicon_find_category(lex, "events");
    CHECK(subject >= 0 && !slant_category_in_index(slant_lexicon_category(lex, (size_t)subject)));
    long concept = slant_lexicon_find_category(lex, "river_name");
    long actor = slant_lexicon_find_category(lex, "varenia");
    CHECK(concept >= 0 && actor >= 0);
    if (concept >= 0 && actor >= 0) {
        CHECK(!slant_category_in_index(slant_lexicon_category(lex, (size_t)concept)));
        CHECK(!slant_category_in_index(slant_lexicon_category(lex, (size_t)actor)));
    }
    slant_lexicon_free(lex);
}

void suite_calibrate(void)
{
    RUN(test_index_categories);
    RUN(test_fit_two_points);
    RUN(test_fit_constant);
    RUN(test_fit_optimal);
    RUN(test_fit_refuses);
    RUN(test_folds);
    RUN(test_auc_by_hand);
    RUN(test_labelled_csv);
    RUN(test_labelled_jsonl);
}
