#ifndef SLANT_REPORT_H
#define SLANT_REPORT_H

#include <stddef.h>

#include "buf.h"
#include "compare.h"
#include "indicator.h"
#include "lexicon.h"
#include "progress.h"
#include "report_table.h"

/*
 * The report: what `slant report` says about a comparison, as data. report.c and its parts
 * (report_parts.h) decide what is said (which differences are findings, how each is put in
 * plain words, which terms drive them, what the method notes are); the writers only lay it out:
 * report_text.c (a terminal), report_md.c (GitHub-flavoured Markdown) and report_html.c
 * (one self-contained page, with the charts of report_svg.c). So the three formats say
 * the same things with the same numbers: every table is built once as data
 * (report_table.h: caption, header, alignment, formatted cells) and every sentence once
 * here, and a writer adds only its layout (headings, numbering, links, charts).
 *
 * The report answers, in this order: which sources were compared and how much text each
 * had; where they differ significantly (in plain words, with the ratio of the means and
 * its interval, the effect size with its interval and the corrected q); who is called
 * what (contested labels; actors once the data has them); how they attribute (report
 * verbs, anonymous sources, quotation); which terms drive each difference, with evidence
 * sentences when the articles were given; and the provenance and method a reviewer needs.
 *
 * Ownership: the report borrows the comparison (and through it the dataset), and the
 * lexicon and the `by`, `event` and `events_found` strings of the options given to
 * slant_report_build;
 * they must outlive it. Every string in the report
 * is owned by it and freed by slant_report_free. Strings are as the inputs had them
 * (names, article text): writers escape them for their format.
 */

/*
 * The most bytes a report, and any piece of one (a paragraph, a cell, a caption), may take:
 * 256 MB. A writer's output that reaches it is cut short and the writer returns
 * SLANT_ERR_LIMIT; the CLI then says so and writes nothing.
 */
#define SLANT_REPORT_MAX_BYTES ((size_t)256 << 20)

/* A labelled line: provenance ("lexicon": "slant-en 0.1.0, fnv1a64:..."), glossary. */
typedef struct {
    char *label, *value;
} slant_report_item;

/* How the report was asked for: the options of the command that bear on what it says. */
typedef struct {
    const char *by;              /* the grouping field */
    const char *event;           /* the event field, or NULL */
    const char *events_found;    /* with --event auto ("auto" in `event`): how the events
                                  * were found and how many, in words; else NULL */
    double alpha;                /* q below which a difference is a finding */
    size_t top;                  /* terms shown per source and per difference */
    size_t snippets;             /* evidence sentences kept per term (0: none) */
    size_t resamples;            /* bootstrap resamples for the interval of each ratio */
    unsigned long seed;          /* of those resamples */
    const slant_lexicon *lex;    /* the lexicon the articles were scored with, or NULL
                                  * (score records): definitions for the glossary */
    const slant_lexicon *names;  /* without `lex`, a lexicon that names the categories: the
                                  * labels, and the framing roles report_neutral,
                                  * report_loaded and anonymous_source (with their place)
                                  * of the categories it has by the same id; or NULL */
    const slant_report_item *inputs;   /* provenance of the inputs and the lexicon, shown
                                        * after the tool (borrowed; copied by the build) */
    size_t ninputs;
    double min_delta;            /* the effect-size floor: a called difference with
                                  * |Cliff's delta| below it is not listed by default
                                  * (SLANT_REPORT_MIN_DELTA; 0: no floor) */
    size_t top_findings;         /* findings listed per part (headline, context) and pairs
                                  * in brief (SLANT_REPORT_TOP_FINDINGS; 0 reads as it) */
    int all;                     /* list every called difference and every pair */
    slant_progress progress;     /* "bootstrap": findings whose ratio is resampled, done
                                  * of all (progress.h); zeroed: none */
} slant_report_options;

/*
 * The effect-size floor by default: |Cliff's delta| >= 0.147, the lower bound of a "small"
 * effect in Romano et al. (2006), "Appropriate statistics for ordinal level data" (0.147,
 * 0.33, 0.474: small, medium, large). Cliff's delta is the effect size of the primary
 * test, Mann-Whitney U (delta = 2U / (n1 n2) - 1), so the floor and the test that calls a
 * difference measure the same thing. With thousands of articles a q below alpha comes
 * with negligible effects; the floor keeps them out of the list, not out of the data.
 */
#define SLANT_REPORT_MIN_DELTA 0.147
/* Findings listed per part and pairs in brief, by default. */
#define SLANT_REPORT_TOP_FINDINGS 10
/* Past this many sources, what is said per source is shortened where a table has it
 * already (a contested concept's sentence names the name most of them use instead of a
 * clause per source), and the HTML page draws wider, row-per-source charts. */
#define SLANT_REPORT_MANY_SOURCES 8

/* A value with its interval; NAN where undefined, INFINITY for an unbounded end. */
typedef struct {
    double value, low, high;
} slant_report_ci;

typedef struct {
    char *name;
    size_t articles;
    double words;
    size_t group;                /* the dataset group */
} slant_report_source;

/* In place of a source index: all other compared sources together (--pairs vs-rest). */
#define SLANT_REPORT_REST ((size_t)-1)

/* One evidence sentence: `text` with the match at bytes [mark_start, mark_end). */
typedef struct {
    char *text;                  /* valid UTF-8, white space runs made single spaces */
    size_t mark_start, mark_end;
    char *article;               /* the article's id */
} slant_report_snippet;

/* A lexicon entry in one source, shown as a driver or a key term, with its evidence. */
typedef struct {
    size_t source;               /* index into sources */
    size_t entry;                /* the dataset entry ("category:entry as written") */
    char *category;              /* the category id */
    char *category_label;        /* the category for a reader ("pejorative labels",
                                  * "actor varenia") */
    char *term;                  /* the entry for a reader: =x and "x y" shown as x, x y */
    char *anchor;                /* a unique id for links: "ev-" and an index */
    int wanted;                  /* a driver or key term: evidence is collected for it */
    slant_report_snippet *snippets;
    size_t nsnippets;
    size_t last_article;         /* collection: the article the last snippet came from, + 1 */
} slant_report_term;

typedef struct {
    size_t term;                 /* index into terms */
    double rate_hi, rate_lo;     /* per 1,000 words in the higher and the lower source */
    char *rates;                 /* both, as every format shows them: "2.00 vs 0.28" */
} slant_report_driver;

/*
 * A significant difference between two sources in one indicator, oriented so that `hi`
 * has the higher mean: "hi uses R times as many X per 1,000 words as lo".
 */
typedef struct {
    size_t indicator;            /* the dataset indicator */
    size_t hi, lo;               /* indices into sources */
    double mean_hi, mean_lo;
    slant_report_ci ratio;       /* mean_hi / mean_lo, bootstrap percentile interval */
    slant_report_ci g;           /* Hedges' g of hi against lo (>= 0) with its interval */
    double delta;                /* Cliff's delta of hi against lo */
    double welch_q, mwu_q;
    slant_report_ci rate_ratio;  /* the count model's rate ratio of hi to lo with its Wald
                                 * interval (compare.h); NAN without one */
    double rr_q;                 /* its q (pairs/nb_rate_ratio) */
    const char *mwu_method;      /* "exact" or "normal" */
    const slant_cmp_paired *events;   /* the same pair within events, or NULL */
    double event_diff;           /* events->mean_diff oriented hi - lo */
    char *sentence;              /* the finding in plain words */
    char *detail;                /* the statistics behind it, in one line */
    char *event_sentence;        /* within events, in plain words, or NULL */
    char *label;                 /* the indicator for a reader ("pejorative labels") */
    slant_report_driver *drivers;
    size_t ndrivers;
    slant_section section;       /* of the indicator (indicator.h) */
    int headline;                /* judgement, contested labels or attribution: a headline
                                  * finding; else context (structural, epistemic counts) */
    int leads;                   /* about a leading indicator (the loaded-language index) */
} slant_report_finding;

/* A pair of sources and how many indicators they differ in. */
typedef struct {
    size_t a, b;                 /* indices into sources */
    size_t differ, tested;
    char *sentence;
} slant_report_pairline;

/* An indicator's row in the table of means. */
typedef struct {
    size_t indicator;
    char *id, *label;
    slant_unit kind;             /* the indicator table's unit (indicator.h) */
    int share;                   /* kind == SLANT_UNIT_SHARE (values shown as percentages) */
    slant_section section;       /* where the indicator belongs (indicator.h) */
    int leads;                   /* the table puts it first (the loaded-language index) */
    const slant_cmp_summary **summaries;    /* one per source (borrowed), NULL if none */
    double kruskal_q, welch_q;   /* across all sources */
    int differs;                 /* some finding is about it */
} slant_report_indicator;

/* A key term of one source against the others (the top ones by G², significant or not). */
typedef struct {
    size_t term;                 /* index into terms */
    double count, rate, rate_rest;
    double g2, g2_q;
    int significant;             /* g2_q below alpha */
    slant_report_ci log_ratio;
    double df, articles;         /* the source's articles with the term, of `articles` */
} slant_report_keyterm;

typedef struct {
    size_t source;
    slant_report_keyterm *terms;
    size_t nterms;
    size_t table;                /* its table (index into tables), SLANT_REPORT_NONE without
                                  * terms */
} slant_report_keyness;

/* A contested concept: each source's share of each variant. */
typedef struct {
    char *name;
    char *referent;              /* what the names refer to (from the lexicon), or NULL */
    double uses;                 /* over all sources */
    char **variants;             /* as a reader writes them ("=x" shown as x) */
    size_t nvariants;
    double *counts, *shares;     /* [source * nvariants + variant]; shares NAN: no use */
    double chi2, df, p, q;
    char *sentence;
    size_t table;                /* its table (index into tables), SLANT_REPORT_NONE when
                                  * untested */
} slant_report_concept;

/* How one source attributes, beyond the indicator rows of the attribution table. */
typedef struct {
    double neutral_count, loaded_count;      /* report verbs, pooled over the articles */
    double loaded_share;                     /* loaded / (loaded + neutral); NAN: no verbs */
    size_t *verbs;                           /* most used report verbs (terms) */
    double *verb_counts;
    char **verb_notes;                       /* what follows each verb: its count, and
                                              * "(loaded)" for a loaded one: "11 (loaded)" */
    size_t nverbs;
} slant_report_attribution;

/*
 * Actor framing, per source: for each actor, the matches of each category in sentences
 * that mention it, per 100 mentions of the actor. Read from the comparison's dataset when
 * it carries actor framing, as pooled entry counts per group named
 * "actor/ACTOR:CATEGORY" (matches of CATEGORY in sentences that mention ACTOR) and
 * "actor/ACTOR:mentions", the way contested labels are carried ("contested/C:V").
 * Without such entries there is no table, and no writer shows the section.
 */

typedef struct {
    size_t source;
    char **actors;
    size_t nactors;
    char **categories;
    size_t ncategories;
    double *values;              /* [actor * ncategories + category]; NAN: undefined */
    char *unit;                  /* what the values are, for captions and descriptions */
    size_t table;                /* its table (index into tables) */
} slant_report_actor_table;

typedef enum {
    SLANT_EVIDENCE_COLLECTED = 0,    /* from the articles */
    SLANT_EVIDENCE_NEED_ARTICLES,    /* the inputs were score records or partials */
    SLANT_EVIDENCE_OFF,              /* --snippets 0 */
    SLANT_EVIDENCE_NO_TERMS          /* the data had no entry counts (no evidence in records) */
} slant_evidence_state;

typedef struct {
    const slant_comparison *c;   /* borrowed */
    slant_report_options opts;
    char *noun, *nouns;          /* "source", "sources" (or "group", "groups") */
    char *rest;                  /* "the other sources" */
    char *title;
    char *summary;               /* one sentence: what was compared */
    slant_report_source *sources;     /* the compared ones, in dataset order */
    size_t nsources;
    char *left_out;              /* the groups below --min-n in one sentence (names cut
                                  * with a count when many), or NULL without any */
    slant_report_finding *findings;   /* every called difference: the headline findings, then
                                       * the context findings; in each part first the listed
                                       * ones (the leading indicators' first, then by g),
                                       * then the rest (past the top N or below the floor,
                                       * in the same order) */
    size_t nfindings;
    size_t nheadline;                /* findings[0 .. nheadline) are headline findings */
    size_t nleading;                 /* of which the first nleading are the leading ones' */
    size_t headline_listed;          /* findings[0 .. headline_listed) are listed */
    size_t context_listed;           /* findings[nheadline .. nheadline + context_listed)
                                      * are listed; with opts.all every finding is */
    size_t nbelow_floor;             /* called differences with |delta| below the floor */
    char *more_headline;             /* "42 more significant differences: 30 below the
                                      * effect-size floor (|Cliff's delta| < 0.147), 12
                                      * past the top 10", no full stop; NULL when all are
                                      * listed. Text and Markdown add how to list them
                                      * (--all), the HTML page opens them (<details>). */
    char *more_context;              /* the same for the context part */
    char *findings_note;             /* what makes a finding and in which order they come:
                                      * "q < 0.05 in the primary test, Mann-Whitney U, after
                                      * correction; the loaded-language index first, then
                                      * the largest effect (Hedges' g) first." */
    char *context_title;             /* the context section: "Context: ..." */
    char *context_note;              /* what it holds and why it is not a headline */
    /* Sentences every writer shows as they are (so the formats say the same words): */
    char *count_sentence;            /* "8 significant differences at q < 0.05." */
    char *no_headline;               /* why there is no headline finding, or NULL if any */
    char *no_context;                /* "None is significant.", or NULL if some is */
    char *no_concepts;               /* why no concept is shown, or NULL if some is */
    char *untested_title;            /* heads the concepts without a test */
    char *no_attribution;            /* why there is no attribution table, or NULL */
    char *pooled_note;               /* what the pooled loaded share is, or NULL without it */
    char *no_keyness;                /* why there are no key terms, or NULL */
    char *active;                    /* the concepts and actors these data use, with their
                                      * articles, and the concepts left out under
                                      * --min-df; NULL when there is none */
    slant_report_pairline *pairlines;  /* the pairs that differ in most indicators first */
    size_t npairlines;
    size_t pairs_listed;             /* pairlines[0 .. pairs_listed) are listed in brief */
    char *more_pairs;                /* "405 more pairs: 300 differ in some indicator, 105
                                      * in none", no full stop; NULL when all are listed */
    slant_report_indicator *indicators;
    size_t nindicators;
    slant_report_concept *concepts;  /* tested ones first (by q), then by uses */
    size_t nconcepts;
    size_t *attribution_rows;        /* indicator rows (indices into indicators) shown in
                                      * "how they attribute": report verbs, anonymous
                                      * sources, quotation, speakers, scare quotes */
    size_t nattribution_rows;
    slant_report_attribution *attribution;   /* one per source */
    int has_verb_counts;             /* the data has both report-verb categories */
    int has_verbs;                   /* some source has report verbs: the list of the most
                                      * used is shown (a source without any: "none") */
    slant_report_actor_table *actors;
    size_t nactors;
    slant_report_keyness *keyness;   /* one per source */
    int has_keyness;
    slant_report_term *terms;
    size_t nterms;
    slant_evidence_state evidence;
    slant_report_item *glossary;     /* indicator label: definition */
    size_t nglossary;
    slant_report_item *provenance;
    size_t nprovenance;
    char **method;                   /* method notes, one paragraph each */
    size_t nmethod;
    slant_report_table *tables;      /* every table of the report, built once for all the
                                      * writers (report_table.h) */
    size_t ntables;
    size_t sources_table;            /* which source had how much text */
    size_t means_table;              /* the mean of every indicator per source */
    size_t attribution_table;        /* "how they attribute", SLANT_REPORT_NONE without
                                      * attribution rows */
    /* Over time (compare's --every and --split, trend.h), each SLANT_REPORT_NONE or empty
     * without them: the trend test of every indicator and source, the split, and the
     * period means of the charted indicators (the leading ones and those with a trend at
     * q < alpha, at most SLANT_REPORT_MAX_TREND_CHARTS), one table each. */
    size_t trend_table, split_table;
    size_t *period_tables;
    size_t *period_indicators;       /* the dataset indicator of each period table */
    size_t nperiod_tables;
    /* Within strata (compare --strata; report_strata.c): NULL, 0 and SLANT_REPORT_NONE
     * without strata. */
    char *strata_title;              /* "Holding topic fixed" */
    char *strata_note;               /* the strata, the articles left out, the verdicts */
    char **strata_sentences;         /* one per difference called with or without strata */
    size_t nstrata_sentences;
    size_t strata_table;             /* each such difference with and without strata */
    size_t strata_means_table;       /* the adjusted means of their indicators per source */
    size_t strata_counts_table;      /* articles per source and stratum */
} slant_report;

#define SLANT_REPORT_MAX_TREND_CHARTS 6

/* The most tables of the over-time section: the trend, the period tables, the split. */
#define SLANT_REPORT_MAX_TIME_TABLES (SLANT_REPORT_MAX_TREND_CHARTS + 2)

/*
 * The tables of the over-time section in the order every writer shows them: the trend
 * tests, the period means of each charted indicator, the split. Fills `tables` (room for
 * SLANT_REPORT_MAX_TIME_TABLES indices into r->tables) and returns how many; 0: the
 * report has no such section (report_table.c).
 */
size_t slant_report_time_tables(const slant_report *r, size_t *tables);

/* Builds the report of `c`. Never fails (a comparison always has two sources or more). */
slant_report *slant_report_build(const slant_comparison *c, const slant_report_options *o);
void slant_report_free(slant_report *r);

/* Builds r->tables from the rest of the report (report_table.c; by slant_report_build). */
void slant_report_build_tables(slant_report *r);

/* Builds what the report says within strata: title, note, sentences and a method note
 * (report_strata.c; by slant_report_build, before the tables); without strata sets the
 * tables' indices to SLANT_REPORT_NONE and nothing else. */
void slant_report_build_strata(slant_report *r);
/* Adds an empty table of `ncols` columns to r->tables (`*cap`: its capacity, 0 at first)
 * and returns its index (report_table.c; for the builders of tables). */
size_t slant_report_add_table(slant_report *r, const char *id, const char *caption,
                              size_t ncols, size_t *cap);
/* The header of a table with a column per source after `first` (`word`: see
 * slant_report_cell), each source's column marked with its index. */
void slant_report_source_columns(const slant_report *r, slant_report_table *t,
                                 const char *first, int word);

/* Adds the strata tables to r->tables (report_strata.c; by slant_report_build_tables). */
void slant_report_strata_tables(slant_report *r, size_t *cap);
/* Frees what slant_report_build_strata made (by slant_report_free). */
void slant_report_strata_release(slant_report *r);

/* Sets what the report says about evidence (the method notes follow it). */
void slant_report_set_evidence(slant_report *r, slant_evidence_state state);

/* Adds a snippet to term `t` (copies the strings). */
void slant_report_add_snippet(slant_report *r, size_t t, const char *text, size_t mark_start,
                              size_t mark_end, const char *article);

/* --- the writers ------------------------------------------------------------------------ */

/* Each appends the report to `out`, laying out the report's tables (report_table.h) and
 * sentences. An `out` created with SLANT_REPORT_MAX_BYTES that the report passes is left
 * cut short and marked full (slant_buf_full): the caller checks it and writes nothing. */

void slant_report_write_text(const slant_report *r, int colour, slant_buf *out);
void slant_report_write_md(const slant_report *r, slant_buf *out);
void slant_report_write_html(const slant_report *r, slant_buf *out);

/* --- how the report writes numbers and names (shared by the writers) ------------------- */

/* A mean: two decimals ("10.88"); a share as a percentage with one ("21.3%"). */
void slant_report_fmt_value(char *out, size_t size, double v, int share);
/* A mean and its confidence interval as text, by slant_report_fmt_value(); "n/a" in all
 * three without a summary. `has_ci` says whether the interval is defined. */
typedef struct {
    char mean[32], low[32], high[32];
    int has_ci;
} slant_report_mean;
void slant_report_fmt_mean(slant_report_mean *t, const slant_cmp_summary *m, int share);
/* A ratio: one decimal below 100 ("2.4"), none above ("140"), two near 1 ("1.04", from
 * 0.95 to 1.05, so that no ratio reads "1.0 times as many"); "no upper bound" for +inf. */
void slant_report_fmt_ratio(char *out, size_t size, double v);
/* A q or p: "< 0.0001" or four decimals ("0.0123"); "n/a" when undefined. */
void slant_report_fmt_q(char *out, size_t size, double q);
/* A count with thousands separators ("10,613"). */
void slant_report_fmt_count(char *out, size_t size, double v);
/* Whether finding `k` is listed (the top ones of its part that reach the floor, or every
 * one with opts.all); the others are counted in more_headline and more_context. */
int slant_report_listed(const slant_report *r, size_t k);
/* Whether some term of source `s` has evidence sentences to show. */
int slant_report_has_evidence(const slant_report *r, size_t s);
/* A source's name, or "the other sources" for SLANT_REPORT_REST. */
const char *slant_report_source_name(const slant_report *r, size_t s);
/* "q" under Benjamini-Hochberg, "adjusted p" under Holm. */
const char *slant_report_q_name(const slant_report *r);

#endif
