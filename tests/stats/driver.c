/*
 * The statistics driver: reads commands on standard input, one per line, calls the
 * function of stats.h each names, and prints one line of results per command. It has
 * no test logic: tests/stats/check_scipy.py writes the commands and judges the answers.
 *
 * A command is a name and its parameters, then samples, each after a '|':
 *
 *   summary LEVEL | x...                 n mean sd median q1 q3 ci_low ci_high
 *   welch | x... | y...                  statistic df df2 p   (every test prints these 4)
 *   mwu exact|normal | x... | y...
 *   mwu_auto | x... | y...               the method: exact or normal
 *   hedges LEVEL | x... | y...           g lo hi
 *   cliff | x... | y...                  delta
 *   kruskal | g1... | g2... | ...
 *   sort | x...                          the values, sorted by slant_sort
 *   mwu_pairs | g1... | g2... | ...      per pair a < b: U of a, U of b, tie sum (from
 *                                        slant_mwu_all_pairs_sorted on sorted copies),
 *                                        then the pooled tie sum; then each group's
 *                                        slant_kruskal_wallis_rank_sums test from them
 *   welch_anova | g1... | g2... | ...
 *   paired_t | x... | y...
 *   wilcoxon exact|normal | x... | y...
 *   wilcoxon_auto | x... | y...
 *   chi2 ROWS COLS | cells, row by row
 *   g2 ROWS COLS | cells
 *   fisher A B C D                       p
 *   keyness A B C D LEVEL                g2 g2_p chi2 chi2_p log_ratio lr_low lr_high
 *                                        pct_diff fisher_p
 *   bh | p...          bh_inplace | p...  q...
 *   holm | p...        holm_inplace | p...
 *   perm PERMUTATIONS SEED | x... | y... p
 *   boot RESAMPLES SEED LEVEL | x...     lo hi
 *
 * and of inference.h:
 *
 *   cluster LEVEL | v... | in_a... | cluster...   diff se t df p lo hi clusters
 *   permt PERMUTATIONS SEED | x... | y... p (permutation of Welch's t)
 *   diff_ci LEVEL | x... | y...          lo hi
 *   cliff_ci LEVEL | x... | y...         lo hi (from U of slant_mann_whitney, normal)
 *   welch_anova_varying | g1... | ...    statistic df df2 p dropped
 *   bca RESAMPLES SEED LEVEL | x...      lo hi (BCa interval of the mean)
 *   epsilon2 H N                         epsilon^2
 *   cramers_v CHI2 TOTAL ROWS COLS       V
 *
 * and of countmodel.h (GROUPS, STRATA, CLUSTERS: how many; STRATA or CLUSTERS 0: none,
 * their sample empty):
 *
 *   nb LEVEL GROUPS STRATA CLUSTERS | y... | words... | group... | stratum... | cluster...
 *                                        status iterations alpha alpha_se loglik lr lr_p
 *                                        wald wald_p, the p coefficients, their p standard
 *                                        errors, then per pair of groups a < b: the rate
 *                                        ratio of a to b, its low and high, its p
 *
 * A sample may be empty ("kruskal | 1 2 | | 3"). Numbers are read with strtod, so "nan"
 * and "inf" are accepted. The answer line starts with "ok" or, when the function
 * returned -1, "undefined"; then the out-parameters, each with %.17g (so an undefined
 * result shows its NaNs). The *_auto commands print only the method. A line that cannot
 * be read gets "error" and a reason.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "countmodel.h"
#include "inference.h"
#include "stats.h"
#include "xalloc.h"

#define MAX_SAMPLES 64

typedef struct {
    double *v;
    size_t n, cap;
} sample;

typedef struct {
    char *words[16];  /* the command name and its parameters */
    size_t nwords;
    sample s[MAX_SAMPLES];
    size_t ns;
} command;

static void command_release(command *c)
{
    for (size_t i = 0; i < c->ns; i++)
        free(c->s[i].v);
    c->ns = 0;
}

/* Reads the numbers of `text` into `out`; 0 on success. */
static int read_sample(char *text, sample *out)
{
    out->v = NULL;
    out->n = out->cap = 0;
    char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            return 0;
        char *end;
        errno = 0;
        double d = strtod(p, &end);
        if (end == p || (*end != '\0' && *end != ' ' && *end != '\t'))
            return -1;
        out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
        out->v[out->n++] = d;
        p = end;
    }
}

/* Splits a line into the command words and the samples; 0 on success. */
static int parse(char *line, command *c, const char **why)
{
    c->nwords = 0;
    c->ns = 0;
    char *bar = strchr(line, '|');
    if (bar)
        *bar = '\0';
    for (char *w = strtok(line, " \t"); w; w = strtok(NULL, " \t")) {
        if (c->nwords == sizeof c->words / sizeof c->words[0]) {
            *why = "too many parameters";
            return -1;
        }
        c->words[c->nwords++] = w;
    }
    if (c->nwords == 0) {
        *why = "no command";
        return -1;
    }
    while (bar) {
        char *text = bar + 1;
        bar = strchr(text, '|');
        if (bar)
            *bar = '\0';
        if (c->ns == MAX_SAMPLES) {
            *why = "too many samples";
            return -1;
        }
        if (read_sample(text, &c->s[c->ns]) != 0) {
            c->ns++;
            *why = "bad number in a sample";
            return -1;
        }
        c->ns++;
    }
    return 0;
}

static int word_double(const command *c, size_t i, double *out)
{
    if (i >= c->nwords)
        return -1;
    char *end;
    *out = strtod(c->words[i], &end);
    return *end == '\0' && end != c->words[i] ? 0 : -1;
}

static int word_ulong(const command *c, size_t i, unsigned long *out)
{
    if (i >= c->nwords || c->words[i][0] == '-')
        return -1;
    char *end;
    errno = 0;
    *out = strtoul(c->words[i], &end, 10);
    return *end == '\0' && end != c->words[i] && errno == 0 ? 0 : -1;
}

static int word_method(const command *c, size_t i, slant_mwu_method *m)
{
    if (i >= c->nwords)
        return -1;
    if (strcmp(c->words[i], "exact") == 0)
        *m = SLANT_MWU_EXACT;
    else if (strcmp(c->words[i], "normal") == 0)
        *m = SLANT_MWU_NORMAL;
    else
        return -1;
    return 0;
}

static void print_values(int rc, const double *v, size_t n)
{
    fputs(rc == 0 ? "ok" : "undefined", stdout);
    for (size_t i = 0; i < n; i++)
        printf(" %.17g", v[i]);
    putchar('\n');
}

static void print_test(int rc, const slant_test *t)
{
    double v[4] = {t->statistic, t->df, t->df2, t->p};
    print_values(rc, v, 4);
}

static void print_method(slant_mwu_method m)
{
    puts(m == SLANT_MWU_EXACT ? "exact" : "normal");
}

/* Whether sample `s` holds whole numbers below `max`, into `out` (n of them). */
static int indexes(const sample *s, size_t n, double max, uint32_t *out)
{
    if (s->n != n)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!(s->v[i] >= 0 && s->v[i] < max))
            return -1;
        out[i] = (uint32_t)s->v[i];
    }
    return 0;
}

/* nb LEVEL GROUPS STRATA CLUSTERS | y | words | group | stratum | cluster (countmodel.h) */
static const char *run_nb(const command *c)
{
    double level, ng, ns, nc;
    if (word_double(c, 1, &level) || word_double(c, 2, &ng) || word_double(c, 3, &ns) ||
        word_double(c, 4, &nc) || c->ns != 5 || c->s[1].n != c->s[0].n)
        return "usage: nb LEVEL GROUPS STRATA CLUSTERS | y | words | group | stratum | cluster";
    size_t n = c->s[0].n;
    uint32_t *g = xmalloc((n + 1) * sizeof *g), *st = xmalloc((n + 1) * sizeof *st);
    uint32_t *cl = xmalloc((n + 1) * sizeof *cl);
    const char *why = NULL;
    if (indexes(&c->s[2], n, ng, g) || (ns > 0 && indexes(&c->s[3], n, ns, st)) ||
        (nc > 0 && indexes(&c->s[4], n, nc, cl)))
        why = "nb: an index out of range, or samples of different lengths";
    if (!why) {
        slant_nb_data d = { c->s[0].v, c->s[1].v, g, (size_t)ng, ns > 0 ? st : NULL,
                            (size_t)ns, nc > 0 ? cl : NULL, (size_t)nc, n };
        slant_nb_model m;
        slant_nb_model_init(&m);
        slant_nb_fit(&d, NULL, &m);
        /* status iterations alpha alpha_se loglik lr lr_p wald wald_p, the coefficients,
         * their standard errors, then per pair a < b: ratio low high p */
        printf("%s %s %d", m.status == SLANT_NB_OK ? "ok" : "undefined",
               slant_nb_status_name(m.status), m.iterations);
        double head[] = { m.alpha, m.alpha_se, m.loglik, m.lr, m.lr_p, m.wald, m.wald_p };
        for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
            printf(" %.17g", head[k]);
        for (size_t k = 0; k < m.p; k++)
            printf(" %.17g", m.coef[k]);
        for (size_t k = 0; k < m.p; k++)
            printf(" %.17g", m.se[k]);
        for (size_t a = 0; a < (size_t)ng; a++)
            for (size_t b = a + 1; b < (size_t)ng; b++) {
                slant_nb_ratio r;
                slant_nb_rate_ratio(&m, a, b, level, &r);
                printf(" %.17g %.17g %.17g %.17g", r.ratio, r.low, r.high, r.p);
            }
        putchar('\n');
        slant_nb_model_release(&m);
    }
    free(g);
    free(st);
    free(cl);
    return why;
}

/* Runs one parsed command and prints its line; returns a reason when it cannot. */
static const char *run(const command *c)
{
    const char *name = c->words[0];
    const sample *s = c->s;
    slant_test t;
    slant_mwu_method m;
    double a, b, cc, d, level;
    unsigned long count, seed;

    if (strcmp(name, "summary") == 0) {
        if (c->ns != 1 || word_double(c, 1, &level) != 0)
            return "usage: summary LEVEL | x";
        slant_summary sum;
        int rc = slant_summary_of(s[0].v, s[0].n, level, &sum);
        double v[8] = {(double)sum.n, sum.mean, sum.sd, sum.median, sum.q1, sum.q3,
                       sum.ci_low, sum.ci_high};
        print_values(rc, v, 8);
    } else if (strcmp(name, "welch") == 0) {
        if (c->ns != 2)
            return "usage: welch | x | y";
        print_test(slant_welch_t(s[0].v, s[0].n, s[1].v, s[1].n, &t), &t);
    } else if (strcmp(name, "mwu") == 0) {
        if (c->ns != 2 || word_method(c, 1, &m) != 0)
            return "usage: mwu exact|normal | x | y";
        print_test(slant_mann_whitney(s[0].v, s[0].n, s[1].v, s[1].n, m, &t), &t);
    } else if (strcmp(name, "mwu_auto") == 0) {
        if (c->ns != 2)
            return "usage: mwu_auto | x | y";
        print_method(slant_mann_whitney_auto(s[0].v, s[0].n, s[1].v, s[1].n));
    } else if (strcmp(name, "hedges") == 0) {
        if (c->ns != 2 || word_double(c, 1, &level) != 0)
            return "usage: hedges LEVEL | x | y";
        double v[3];
        int rc = slant_hedges_g(s[0].v, s[0].n, s[1].v, s[1].n, level, &v[0], &v[1], &v[2]);
        print_values(rc, v, 3);
    } else if (strcmp(name, "cliff") == 0) {
        if (c->ns != 2)
            return "usage: cliff | x | y";
        double v = slant_cliffs_delta(s[0].v, s[0].n, s[1].v, s[1].n);
        print_values(0, &v, 1);
    } else if (strcmp(name, "kruskal") == 0 || strcmp(name, "welch_anova") == 0) {
        const double *groups[MAX_SAMPLES];
        size_t n[MAX_SAMPLES];
        for (size_t i = 0; i < c->ns; i++) {
            groups[i] = s[i].v;
            n[i] = s[i].n;
        }
        int rc = name[0] == 'k' ? slant_kruskal_wallis(groups, n, c->ns, &t)
                                : slant_welch_anova(groups, n, c->ns, &t);
        print_test(rc, &t);
    } else if (strcmp(name, "sort") == 0) {
        if (c->ns != 1)
            return "usage: sort | x";
        double *v = xmalloc((s[0].n ? s[0].n : 1) * sizeof *v);
        for (size_t i = 0; i < s[0].n; i++)
            v[i] = s[0].v[i];
        slant_sort(v, s[0].n);
        print_values(0, v, s[0].n);
        free(v);
    } else if (strcmp(name, "mwu_pairs") == 0) {
        size_t k = c->ns;
        if (k < 2)
            return "usage: mwu_pairs | g1 | g2 | ...";
        double *sorted[MAX_SAMPLES];
        size_t n[MAX_SAMPLES];
        for (size_t i = 0; i < k; i++) {
            n[i] = s[i].n;
            sorted[i] = xmalloc((n[i] ? n[i] : 1) * sizeof *sorted[i]);
            for (size_t j = 0; j < n[i]; j++)
                sorted[i][j] = s[i].v[j];
            slant_sort(sorted[i], n[i]);
        }
        double *u = xmalloc(k * k * sizeof *u), *ties = xmalloc(k * k * sizeof *ties);
        double all_ties, rank_sum[MAX_SAMPLES];
        slant_mwu_all_pairs_sorted((const double *const *)sorted, n, k, u, ties, &all_ties);
        double *v = xmalloc((3 * k * k + 4) * sizeof *v);
        size_t nv = 0;
        for (size_t g = 0; g < k; g++) {
            rank_sum[g] = (double)n[g] * ((double)n[g] + 1.0) / 2.0;
            for (size_t h = 0; h < k; h++)
                if (h != g)
                    rank_sum[g] += u[g * k + h];
            for (size_t h = g + 1; h < k; h++) {
                v[nv++] = u[g * k + h];
                v[nv++] = u[h * k + g];
                v[nv++] = ties[g * k + h];
            }
        }
        v[nv++] = all_ties;
        slant_kruskal_wallis_rank_sums(rank_sum, n, k, all_ties, &t); /* NAN if undefined */
        v[nv++] = t.statistic;
        v[nv++] = t.df;
        v[nv++] = t.p;
        print_values(0, v, nv);
        free(v);
        free(u);
        free(ties);
        for (size_t i = 0; i < k; i++)
            free(sorted[i]);
    } else if (strcmp(name, "paired_t") == 0) {
        if (c->ns != 2 || s[0].n != s[1].n)
            return "usage: paired_t | x | y, of equal lengths";
        print_test(slant_paired_t(s[0].v, s[1].v, s[0].n, &t), &t);
    } else if (strcmp(name, "wilcoxon") == 0) {
        if (c->ns != 2 || s[0].n != s[1].n || word_method(c, 1, &m) != 0)
            return "usage: wilcoxon exact|normal | x | y, of equal lengths";
        print_test(slant_wilcoxon(s[0].v, s[1].v, s[0].n, m, &t), &t);
    } else if (strcmp(name, "wilcoxon_auto") == 0) {
        if (c->ns != 2 || s[0].n != s[1].n)
            return "usage: wilcoxon_auto | x | y, of equal lengths";
        print_method(slant_wilcoxon_auto(s[0].v, s[1].v, s[0].n));
    } else if (strcmp(name, "chi2") == 0 || strcmp(name, "g2") == 0) {
        unsigned long rows, cols;
        if (c->ns != 1 || word_ulong(c, 1, &rows) != 0 || word_ulong(c, 2, &cols) != 0 ||
            rows * cols != s[0].n)
            return "usage: chi2|g2 ROWS COLS | ROWS*COLS cells";
        int rc = name[0] == 'c' ? slant_chi2_contingency(s[0].v, rows, cols, &t)
                                : slant_g2_contingency(s[0].v, rows, cols, &t);
        print_test(rc, &t);
    } else if (strcmp(name, "fisher") == 0) {
        if (word_double(c, 1, &a) || word_double(c, 2, &b) || word_double(c, 3, &cc) ||
            word_double(c, 4, &d))
            return "usage: fisher A B C D";
        double p;
        int rc = slant_fisher_exact(a, b, cc, d, &p);
        print_values(rc, &p, 1);
    } else if (strcmp(name, "keyness") == 0) {
        if (word_double(c, 1, &a) || word_double(c, 2, &b) || word_double(c, 3, &cc) ||
            word_double(c, 4, &d) || word_double(c, 5, &level))
            return "usage: keyness A B C D LEVEL";
        slant_keyness k;
        int rc = slant_keyness_of(a, b, cc, d, level, &k);
        double v[9] = {k.g2, k.g2_p, k.chi2, k.chi2_p, k.log_ratio, k.lr_low, k.lr_high,
                       k.pct_diff, k.fisher_p};
        print_values(rc, v, 9);
    } else if (strncmp(name, "bh", 2) == 0 || strncmp(name, "holm", 4) == 0) {
        int inplace = strstr(name, "_inplace") != NULL;
        if (c->ns != 1)
            return "usage: bh|holm|bh_inplace|holm_inplace | p";
        double *q = xmalloc((s[0].n ? s[0].n : 1) * sizeof *q);
        const double *in = s[0].v;
        if (inplace) {
            if (s[0].n)
                memcpy(q, s[0].v, s[0].n * sizeof *q);
            in = q;
        }
        if (name[0] == 'b')
            slant_bh(in, s[0].n, q);
        else
            slant_holm(in, s[0].n, q);
        print_values(0, q, s[0].n);
        free(q);
    } else if (strcmp(name, "perm") == 0) {
        if (c->ns != 2 || word_ulong(c, 1, &count) || word_ulong(c, 2, &seed))
            return "usage: perm PERMUTATIONS SEED | x | y";
        double p;
        int rc = slant_permutation_mean_diff(s[0].v, s[0].n, s[1].v, s[1].n, count, seed, &p);
        print_values(rc, &p, 1);
    } else if (strcmp(name, "boot") == 0) {
        if (c->ns != 1 || word_ulong(c, 1, &count) || word_ulong(c, 2, &seed) ||
            word_double(c, 3, &level))
            return "usage: boot RESAMPLES SEED LEVEL | x";
        double v[2];
        int rc = slant_bootstrap_mean_ci(s[0].v, s[0].n, count, seed, level, &v[0], &v[1]);
        print_values(rc, v, 2);
    } else if (strcmp(name, "cluster") == 0) {
        if (c->ns != 3 || word_double(c, 1, &level) || s[1].n != s[0].n || s[2].n != s[0].n)
            return "usage: cluster LEVEL | v | in_a | cluster";
        size_t n = s[0].n, ids = 0;
        unsigned char *in_a = xmalloc(n ? n : 1);
        uint32_t *cl = xmalloc((n ? n : 1) * sizeof *cl);
        for (size_t i = 0; i < n; i++) {
            in_a[i] = s[1].v[i] != 0.0;
            cl[i] = (uint32_t)s[2].v[i];
            if ((size_t)cl[i] + 1 > ids)
                ids = (size_t)cl[i] + 1;
        }
        slant_cluster_test ct;
        int rc = slant_cluster_mean_diff(s[0].v, in_a, cl, n, ids, level, &ct);
        double v[8] = {ct.diff, ct.se, ct.t, ct.df, ct.p, ct.lo, ct.hi, (double)ct.clusters};
        print_values(rc, v, 8);
        free(in_a);
        free(cl);
    } else if (strcmp(name, "permt") == 0) {
        if (c->ns != 2 || word_ulong(c, 1, &count) || word_ulong(c, 2, &seed))
            return "usage: permt PERMUTATIONS SEED | x | y";
        double p;
        int rc = slant_permutation_welch_t(s[0].v, s[0].n, s[1].v, s[1].n, count, seed, &p);
        print_values(rc, &p, 1);
    } else if (strcmp(name, "diff_ci") == 0 || strcmp(name, "cliff_ci") == 0) {
        if (c->ns != 2 || word_double(c, 1, &level))
            return "usage: diff_ci|cliff_ci LEVEL | x | y";
        double v[2];
        int rc;
        if (name[0] == 'd') {
            slant_moments mx, my;
            slant_moments_of(s[0].v, s[0].n, &mx);
            slant_moments_of(s[1].v, s[1].n, &my);
            rc = slant_mean_diff_ci(&mx, &my, level, &v[0], &v[1]);
        } else {
            slant_mann_whitney(s[0].v, s[0].n, s[1].v, s[1].n, SLANT_MWU_NORMAL, &t);
            rc = slant_cliffs_delta_ci(t.statistic, s[0].n, s[1].n, level, &v[0], &v[1]);
        }
        print_values(rc, v, 2);
    } else if (strcmp(name, "welch_anova_varying") == 0) {
        const double *g[MAX_SAMPLES];
        size_t n[MAX_SAMPLES], dropped;
        for (size_t i = 0; i < c->ns; i++) {
            g[i] = s[i].v;
            n[i] = s[i].n;
        }
        int rc = slant_welch_anova_varying(g, n, c->ns, &t, &dropped);
        double v[5] = {t.statistic, t.df, t.df2, t.p, (double)dropped};
        print_values(rc, v, 5);
    } else if (strcmp(name, "bca") == 0) {
        if (c->ns != 1 || word_ulong(c, 1, &count) || word_ulong(c, 2, &seed) ||
            word_double(c, 3, &level))
            return "usage: bca RESAMPLES SEED LEVEL | x";
        double v[2];
        int rc = slant_bootstrap_bca_mean_ci(s[0].v, s[0].n, count, seed, level, &v[0], &v[1]);
        print_values(rc, v, 2);
    } else if (strcmp(name, "epsilon2") == 0) {
        if (word_double(c, 1, &a) || word_double(c, 2, &b))
            return "usage: epsilon2 H N";
        double v = slant_kruskal_epsilon2(a, (size_t)b);
        print_values(0, &v, 1);
    } else if (strcmp(name, "cramers_v") == 0) {
        if (word_double(c, 1, &a) || word_double(c, 2, &b) || word_double(c, 3, &cc) ||
            word_double(c, 4, &d))
            return "usage: cramers_v CHI2 TOTAL ROWS COLS";
        double v = slant_cramers_v(a, b, (size_t)cc, (size_t)d);
        print_values(0, &v, 1);
    } else if (strcmp(name, "nb") == 0) {
        return run_nb(c);
    } else {
        return "unknown command";
    }
    return NULL;
}

int main(void)
{
    slant_stats_init();
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    command c;
    c.ns = 0;

    while ((len = getline(&line, &cap, stdin)) != -1) {
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        const char *why = NULL;
        if (parse(line, &c, &why) == 0)
            why = run(&c);
        if (why)
            printf("error %s\n", why);
        command_release(&c);
    }
    free(line);
    if (ferror(stdin)) {
        fprintf(stderr, "stats_driver: cannot read standard input\n");
        return 2;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "stats_driver: cannot write standard output\n");
        return 2;
    }
    return 0;
}
