#ifndef SLANT_CLI_INPUTS_H
#define SLANT_CLI_INPUTS_H

#include <getopt.h>
#include <stddef.h>

#include "buf.h"
#include "compare.h"
#include "dataset.h"
#include "events.h"
#include "lexicon.h"
#include "partial.h"
#include "shard.h"
#include "subset.h"

/*
 * The inputs of `slant compare` and `slant report`, read into a dataset. Each named input
 * is one of three kinds, told apart by its first line:
 *
 *   - `slant score` output (JSON Lines whose records have "schema" and "categories"),
 *     read as it is;
 *   - a partial written by `slant compare --partial` (checked to be grouped the same way);
 *   - articles (text files, JSON Lines, directories, and '-' for standard input), scored
 *     by the score pipeline, whose records (with their entry counts, no evidence) go
 *     from memory to the same reader as score output, in input order, with no temporary
 *     file: articles and score output go through one path.
 *
 * This is CLI code: problems are printed on stderr ("slant: " first) as they are met, and
 * counted; the rest of the inputs is still read.
 */

#define CLI_MAX_ACTORS 16         /* --actors files of one command */

typedef struct {
    const char *by;              /* the grouping field, or date:year|month|week */
    const char *event;           /* the event field, or NULL (also with --event auto) */
    int event_auto;              /* --event auto: events are found (events.h); records
                                  * keep their day and signature, articles scored here
                                  * get one */
    const char *strata;          /* --strata: the field naming each article's stratum, or NULL */
    const char *lexicon;         /* --lexicon DIR, or NULL for the installed one */
    const char *lang;            /* --lang, for the installed lexicon */
    const char *weights;         /* --weights FILE for scoring articles, or NULL */
    long threads;                /* -j, for scoring articles */
    const char *text_field;      /* JSON Lines articles: the text field */
    const char *id_field;        /* JSON Lines articles: the id field */
    int quiet;                   /* no progress line */
    int keep_lexicon;            /* hand the lexicon the articles were scored with to the caller */
    int force;                   /* --force: compare inputs of different lexicons anyway */
    int provenance;              /* 1: collect the provenance of score records; 0: only their
                                  * lexicons, for the check; -1: neither */
    slant_shard shard;           /* --shard K/N: only the articles and score records of this
                                  * shard (by id, shard.h); n 0: all */
    const slant_subset *subset;  /* --where, --from, --to (borrowed), or NULL */
    const char *actors[CLI_MAX_ACTORS];  /* --actors FILE, added to the lexicon articles are
                                          * scored with (borrowed from argv) */
    size_t nactors;
    int input_order;             /* leave the rows in input order (the caller sorts the
                                  * dataset: slant_dataset_sort), not in canonical order */
} cli_inputs_options;

#define CLI_MAX_PROVENANCES 8

/* What a `slant score` record says it was made with. Strings are owned. */
typedef struct {
    char *tool;
    char *lexicon;
    char *lexicon_version;
    char *lexicon_hash;
    char *where;                 /* the first input that named it (in `lexicons`), or NULL */
} cli_provenance;

typedef struct {
    size_t records;              /* rows read into the dataset */
    size_t filtered;             /* articles and records the subset left out */
    size_t failed;               /* inputs or records skipped with errors (printed) */
    int had_evidence;            /* some record had evidence (entry counts for keyness) */
    int lexicon_error;           /* the lexicon or the weights could not be loaded (printed) */
    /* Inputs read as articles, in order: borrowed from the `paths` given to
     * cli_inputs_read (the array is owned). */
    const char **articles;
    size_t narticles;
    size_t score_files, partial_files;       /* inputs of the two other kinds */
    /* With keep_lexicon, the lexicon the articles were scored with (owned), else NULL. */
    slant_lexicon *lex;
    /* With provenance: the distinct provenances of the score records read (at most
     * CLI_MAX_PROVENANCES; `more_provenances` set when there were more). */
    cli_provenance provenances[CLI_MAX_PROVENANCES];
    size_t nprovenances;
    int more_provenances;
    size_t records_without_provenance;
    /* The distinct lexicons (id, version, hash; `tool` unset) the inputs were scored with:
     * score records, partials and the articles of this run, each with the first input
     * that named it. More than one is refused (printed, naming two; `lexicon_mismatch`
     * set) unless o->force. */
    cli_provenance lexicons[CLI_MAX_PROVENANCES];
    size_t nlexicons;
    int lexicon_mismatch;
    char *last_provenance;       /* scratch: the last provenance text seen */
    /* With event_auto: score records without a signature, and the first ("FILE:LINE",
     * owned) */
    size_t no_signature;
    char *no_signature_where;
    /* The partials read (cli_partial.c): the first one's identity, which the others must
     * match, and its input; the shards of all (in `partial_shards.shards`), each with the
     * input that held it (`shard_paths`, owned), to refuse one counted twice. */
    slant_partial_identity partial_first;
    char *partial_first_path;
    slant_partial_identity partial_shards;
    char **shard_paths;
} cli_inputs_result;

/* Reads the `n` inputs at `paths` into `ds`. `r` is filled (release with
 * cli_inputs_release). */
void cli_inputs_read(const cli_inputs_options *o, char **paths, size_t n, slant_dataset *ds,
                     cli_inputs_result *r);
void cli_inputs_release(cli_inputs_result *r);

/*
 * The fields JSON Lines articles must pass through for grouping (`by`, `event` and
 * `strata` when they are not metadata the reader fills itself): writes up to
 * CLI_MAX_KEEP names to `keep` and returns how many. Borrowed from `o`.
 */
#define CLI_MAX_KEEP 4
size_t cli_inputs_keep(const cli_inputs_options *o, const char *keep[CLI_MAX_KEEP]);

/* Adds a lexicon (id, version, hash) to r->lexicons if it is new, with where it was met
 * (`where` copied). */
void cli_note_lexicon(cli_inputs_result *r, const char *lexicon, const char *version,
                      const char *hash, const char *where);

/* Checks that r->lexicons holds one lexicon; prints both sides and returns 1 if not
 * (unless `force`: then a note, and 0). */
int cli_lexicons_check(cli_inputs_result *r, int force, int quiet);

/* --- the options compare and report share ------------------------------------------------- */

/* getopt codes of the shared options; a command's own long options start at CLI_OPT_OWN. */
enum {
    CLI_OPT_BY = 256, CLI_OPT_EVENT, CLI_OPT_INDICATORS, CLI_OPT_PAIRS, CLI_OPT_MAX_PAIRS,
    CLI_OPT_MIN_N, CLI_OPT_CORRECTION, CLI_OPT_LEVEL, CLI_OPT_ALPHA, CLI_OPT_SEED, CLI_OPT_TOP,
    CLI_OPT_LEXICON, CLI_OPT_LANG, CLI_OPT_TEXT_FIELD, CLI_OPT_ID_FIELD, CLI_OPT_WEIGHTS,
    CLI_OPT_FORCE, CLI_OPT_WHERE, CLI_OPT_FROM, CLI_OPT_TO,
    CLI_OPT_EVERY, CLI_OPT_SPLIT,
    CLI_OPT_EVENT_WINDOW, CLI_OPT_EVENT_THRESHOLD, CLI_OPT_EVENT_METHOD,
    CLI_OPT_MIN_DF, CLI_OPT_ACTORS,
    CLI_OPT_STRATA,
    CLI_OPT_OWN
};

/* The shared entries of a command's `struct option` array. */
#define CLI_COMPARISON_OPTIONS                                       \
    { "by", required_argument, NULL, CLI_OPT_BY },                   \
    { "event", required_argument, NULL, CLI_OPT_EVENT },             \
    { "strata", required_argument, NULL, CLI_OPT_STRATA },           \
    { "indicators", required_argument, NULL, CLI_OPT_INDICATORS },   \
    { "pairs", required_argument, NULL, CLI_OPT_PAIRS },             \
    { "max-pairs", required_argument, NULL, CLI_OPT_MAX_PAIRS },     \
    { "min-n", required_argument, NULL, CLI_OPT_MIN_N },             \
    { "correction", required_argument, NULL, CLI_OPT_CORRECTION },   \
    { "level", required_argument, NULL, CLI_OPT_LEVEL },             \
    { "alpha", required_argument, NULL, CLI_OPT_ALPHA },             \
    { "seed", required_argument, NULL, CLI_OPT_SEED },               \
    { "top", required_argument, NULL, CLI_OPT_TOP },                 \
    { "lexicon", required_argument, NULL, CLI_OPT_LEXICON },         \
    { "lang", required_argument, NULL, CLI_OPT_LANG },               \
    { "text-field", required_argument, NULL, CLI_OPT_TEXT_FIELD },   \
    { "id-field", required_argument, NULL, CLI_OPT_ID_FIELD },       \
    { "weights", required_argument, NULL, CLI_OPT_WEIGHTS },         \
    { "threads", required_argument, NULL, 'j' },                     \
    { "force", no_argument, NULL, CLI_OPT_FORCE },                   \
    { "where", required_argument, NULL, CLI_OPT_WHERE },             \
    { "from", required_argument, NULL, CLI_OPT_FROM },               \
    { "to", required_argument, NULL, CLI_OPT_TO },                   \
    { "every", required_argument, NULL, CLI_OPT_EVERY },             \
    { "split", required_argument, NULL, CLI_OPT_SPLIT },             \
    { "event-window", required_argument, NULL, CLI_OPT_EVENT_WINDOW }, \
    { "event-threshold", required_argument, NULL, CLI_OPT_EVENT_THRESHOLD }, \
    { "event-method", required_argument, NULL, CLI_OPT_EVENT_METHOD }, \
    { "min-df", required_argument, NULL, CLI_OPT_MIN_DF },           \
    { "actors", required_argument, NULL, CLI_OPT_ACTORS },           \
    { "quiet", no_argument, NULL, 'q' }

/* What the shared options set. `indicators` is owned (cli_free_list), `subset` and
 * `subset_spelled` too (cli_comparison_release frees them). */
typedef struct {
    cli_inputs_options in;
    slant_compare_options cmp;
    char **indicators;
    slant_subset *subset;       /* --where, --from, --to; in.subset points to it */
    char *subset_spelled;       /* the same as given ("--where a=b --from 2025"), for a
                                 * partial's identity; owned, NULL without */
    double alpha;               /* q below which a difference is called significant */
    size_t top;                 /* terms shown per group and difference */
    slant_events_options events;        /* --event auto: --event-window, -threshold, -method */
    int events_tuned;           /* one of those was given */
} cli_comparison_args;

/* --- partials (cli_partial.c) ------------------------------------------------------------ */

/* The largest partial read (compare, report and merge). */
#define CLI_MAX_PARTIAL_BYTES ((size_t)1 << 31)

/*
 * Notes the identity of a partial from input `path` into `r` (partial.h): its lexicon
 * among r->lexicons; the rest is checked against the first partial read, and its shards
 * against those read before. Prints why and returns 1 when it cannot be combined with
 * them: another partial schema; the same shard as another input, the same shard K/N of the
 * same inputs made twice, or shards of the same inputs split into a different N (never
 * combined); another slant version, other --where/--from/--to or --weights (combined
 * with `force`, after a note).
 */
int cli_partial_note(cli_inputs_result *r, const char *path, const slant_partial_identity *id,
                     int force);
void cli_partials_release(cli_inputs_result *r);

/*
 * The identity of the inputs `paths` of a --shard run, the same for every shard of them:
 * "fnv1a64:..." of each argument as given and, for a regular file, its size. (Every
 * shard reads all of its inputs, given the same arguments from the same directory; a
 * file that changed size between shards gives other inputs.) Caller frees.
 */
char *cli_partial_inputs_id(char *const *paths, size_t n);

/* The defaults of compare and report: by source, all pairs, BH, 95%, --min-n 5, ... */
void cli_comparison_defaults(cli_comparison_args *a);
void cli_comparison_release(cli_comparison_args *a);

/*
 * After cli_inputs_read, before comparing: prints how many articles or records the subset
 * left out; puts the groups of a binned date (--by date:UNIT) in time order (replacing
 * `*ds`); and checks what the comparison needs: a --by field that no record has, or an
 * --indicators name the records lack (listing the valid ones and the nearest). Returns 0,
 * or the exit status after printing why (3 for the field, 2 for an indicator).
 */
int cli_inputs_check(const cli_comparison_args *a, const cli_inputs_result *r,
                     slant_dataset **ds, const char *command);

/*
 * With --event auto, after cli_inputs_read and before cli_inputs_check: finds the events
 * of `ds` (events.h) into `found`, with a note on stderr (unless quiet). Returns 0 (also
 * without --event auto: nothing done, `found` zeroed), or SLANT_EXIT_USAGE after printing
 * that score records lack a signature and how to make them.
 */
int cli_events_find(const cli_comparison_args *a, const cli_inputs_result *r,
                    slant_dataset *ds, slant_events_summary *found);

/* "found automatically (tfidf, window +-2 days, threshold 0.2): 12 events, ..." into
 * `out` (at most `size` bytes), for reports. */
void cli_events_describe(const cli_comparison_args *a, const slant_events_summary *found,
                         char *out, size_t size);

/*
 * With --strata FIELD, before comparing (not for a partial, whose shard may lack it):
 * when no row has a stratum, prints that no record has FIELD (and how a JSON Lines field
 * reaches score records) and returns SLANT_EXIT_NOTHING; else 0.
 */
int cli_strata_check(const cli_comparison_args *a, const slant_dataset *ds);

/* The option getopt_long just returned as the user would name it ("--min-n", "-j"), for
 * messages; `*longindex` is the index getopt_long set (or -1), and is reset to -1. */
void cli_option_spelled(const struct option *options, int *longindex, int c, char *out,
                        size_t size);

#define CLI_OPTION_APPLIED 0
#define CLI_OPTION_OTHER (-1)

/*
 * Applies option `c` (with `arg`, spelled `spelled` on the command line) if it is a shared
 * one. Returns CLI_OPTION_APPLIED, CLI_OPTION_OTHER for a command's own option, or
 * SLANT_EXIT_USAGE after printing what is wrong and a pointer to `slant COMMAND --help`.
 */
int cli_comparison_option(cli_comparison_args *a, int c, const char *arg, const char *spelled,
                          const char *command);

#endif
