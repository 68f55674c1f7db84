#ifndef SLANT_CLI_H
#define SLANT_CLI_H

#include <stdio.h>
#include <time.h>

#include "buf.h"
#include "index.h"
#include "lexicon.h"
#include "pipeline.h"
#include "read.h"
#include "subset.h"

/*
 * The commands of the slant program (cli_score.c, cli_compare.c) and what they share
 * (cli.c; progress and run summaries in cli_progress.c, output files in cli_output.c). Each command takes the arguments after its name and returns the process exit
 * status:
 *   0 success, 1 some input could not be processed (the rest was), 2 usage error or a bad
 *   lexicon, 3 nothing could be processed, 4 the output could not be written (a full disk:
 *   "slant: FILE: No space left on device"; -o FILE is then left as it was), 130 and 143
 *   interrupted by SIGINT or SIGTERM (the temporary file of -o FILE removed).
 * This layer is the only one that prints: results to stdout or -o FILE, messages to
 * stderr, "slant: " first.
 */

enum {
    SLANT_EXIT_OK = 0,
    SLANT_EXIT_PARTIAL = 1,
    SLANT_EXIT_USAGE = 2,
    SLANT_EXIT_NOTHING = 3,
    SLANT_EXIT_WRITE = 4
};

int slant_cli_score(int argc, char **argv);
int slant_cli_compare(int argc, char **argv);
int slant_cli_merge(int argc, char **argv);
int slant_cli_report(int argc, char **argv);    /* cli_report.c */
int slant_cli_explain(int argc, char **argv);   /* cli_explain.c */
int slant_cli_lexicon(int argc, char **argv);   /* cli_lexicon.c */
int slant_cli_calibrate(int argc, char **argv); /* cli_calibrate.c */
int slant_cli_kwic(int argc, char **argv);      /* cli_kwic.c */
int slant_cli_keyness(int argc, char **argv);   /* cli_keyness.c */

/* `slant --help` (on stdout) and bare `slant` (on stderr): the list of commands. */
void slant_cli_usage(FILE *f);

/* --- shared by the commands ---------------------------------------------------------------- */

/* Prints "slant: " and the message on stderr. */
void cli_message(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Prints a usage error and a pointer to `slant COMMAND --help`; evaluates to 2. */
#define cli_usage_error(command, ...) \
    (cli_message(__VA_ARGS__), \
     fprintf(stderr, "Try 'slant %s --help'.\n", command), SLANT_EXIT_USAGE)

#define CLI_MAX_THREADS 256

/* strtol with an end check and a range; 0 or -1. */
int cli_parse_count(const char *s, long lo, long hi, long *out);
/* strtod with an end check and a range; 0 or -1. */
int cli_parse_real(const char *s, double lo, double hi, double *out);
long cli_default_threads(void);

/* "a,b,c" as a NULL-terminated array of owned strings; free with cli_free_list. */
char **cli_split_list(const char *s, size_t *n);
void cli_free_list(char **items);

/* The directory of the installed lexicon for `lang` (found from the binary's directory
 * upwards: PREFIX/share/slant/lexicons/LANG, or a build tree's lexicons/LANG). Caller
 * frees; NULL if there is none. */
char *cli_default_lexicon(const char *lang);

/* Loads `dir`, or the installed lexicon for `lang` when `dir` is NULL; prints any error
 * (FILE:LINE:COL) and returns 0 or SLANT_EXIT_USAGE. */
int cli_load_lexicon(const char *dir, const char *lang, slant_lexicon **lex);

/* Adds the actors of `path` (--actors); prints any error and returns 0 or SLANT_EXIT_USAGE. */
int cli_add_actors(slant_lexicon *lex, const char *path);

/*
 * Loads the lexicon as cli_load_lexicon() does, then adds the actors of each of the
 * `nactors` files of `actors` in order (as cli_add_actors). Prints any error and returns 0
 * or an exit status; on an error `*lex` is NULL (nothing to free).
 */
int cli_load_lexicon_actors(const char *dir, const char *lang, const char *const *actors,
                            size_t nactors, slant_lexicon **lex);

/* Reads the weights file `path` (--weights) for `lex` into `w`; prints any error (naming
 * the file) and returns 0 or SLANT_EXIT_USAGE. */
int cli_load_weights(const char *path, const slant_lexicon *lex, slant_weights *w);

/*
 * --where COND, --from DATE, --to DATE (`option` as spelled, without the dashes): adds
 * the condition to `*s` (made on first use; free with slant_subset_free). Returns 0, or
 * SLANT_EXIT_USAGE after printing what is wrong and a pointer to `slant COMMAND --help`.
 */
int cli_subset_option(slant_subset **s, const char *option, const char *arg,
                      const char *command);

/*
 * The options of a command that reads articles by itself (kwic, keyness, explain):
 * --where, --from, --to, --text-field, --id-field, --lexicon, --lang, -q and -h.
 * CLI_READ_OPTIONS goes into the command's getopt_long table (with "q" and "h" in its
 * short options), or CLI_READ_INPUT_OPTIONS for a command without -q (explain: "h"
 * only), and cli_read_option() handles every code the command's own switch does not.
 */
enum {
    CLI_READ_WHERE = 0x1000, CLI_READ_FROM, CLI_READ_TO, CLI_READ_TEXT_FIELD,
    CLI_READ_ID_FIELD, CLI_READ_LEXICON, CLI_READ_LANG
};

#define CLI_READ_INPUT_OPTIONS                                      \
    { "where", required_argument, NULL, CLI_READ_WHERE },           \
    { "from", required_argument, NULL, CLI_READ_FROM },             \
    { "to", required_argument, NULL, CLI_READ_TO },                 \
    { "text-field", required_argument, NULL, CLI_READ_TEXT_FIELD }, \
    { "id-field", required_argument, NULL, CLI_READ_ID_FIELD },     \
    { "lexicon", required_argument, NULL, CLI_READ_LEXICON },       \
    { "lang", required_argument, NULL, CLI_READ_LANG },             \
    { "help", no_argument, NULL, 'h' }

#define CLI_READ_OPTIONS CLI_READ_INPUT_OPTIONS, { "quiet", no_argument, NULL, 'q' }

/* What the options of CLI_READ_OPTIONS set; cli_read_args_init gives the defaults. */
typedef struct {
    const char *text_field, *id_field, *lexicon, *lang;
    slant_subset *subset; /* --where, --from, --to; NULL without them (caller frees) */
    int quiet;
} cli_read_args;

void cli_read_args_init(cli_read_args *r);

/*
 * Option `c` of getopt_long (with `optarg` as `arg`) for `command`: one of
 * CLI_READ_OPTIONS goes into `r` (-h prints `usage` on stdout); ':' and any other code
 * is a usage error. Returns -1 to go on, or the exit status to return.
 */
int cli_read_option(cli_read_args *r, int c, const char *arg, const char *command,
                    char **argv, void (*usage)(FILE *));

/* "slant: note: N of M articles left out by --where, --from and --to" on stderr (`what`:
 * "article", "record"); nothing when none was left out. */
void cli_subset_note(size_t left_out, size_t total, const char *what);

/* Errors and a progress line while a pipeline runs (the pipeline's callbacks). The line
 * says the articles, the MB of text and MB/s, and an ETA when `total` is known. */
typedef struct {
    int progress;             /* stderr is a terminal and --quiet was not given */
    struct timespec last;
    struct timespec start;    /* the first call's time (set by it) */
    double total;             /* the inputs' bytes, or 0 when unknown (cli_input_bytes) */
} cli_run_context;

/* The bytes of the inputs `paths` when all are uncompressed regular files or directories
 * of them (walked as the reader walks them: hidden files, .meta and .md passed over; a
 * .gz or .zst name makes the total unknown), so that the text scored is nearly all of
 * them; else 0: unknown. */
double cli_input_bytes(const char *const *paths, size_t n);

void cli_report_error(const slant_error *err, void *ctx);
void cli_report_progress(size_t articles, size_t bytes, void *ctx);

/* The progress of the phases after reading (statistics, bootstrap, evidence) and the
 * clock of the summary line of compare and report. */
typedef struct {
    int progress;             /* stderr is a terminal and --quiet was not given */
    const char *phase;        /* the phase of the last call */
    struct timespec phase_start, last;
    struct timespec run_start;   /* when the command started */
} cli_phases;

/* Starts the clock; progress when stderr is a terminal and not `quiet`. */
void cli_phases_start(cli_phases *p, int quiet);

/* A long phase's progress line, as slant_progress's callback (progress.h; ctx a
 * cli_phases): "slant: statistics: 12 of 37 indicators (32%), ETA 0:05", redrawn at most
 * four times a second, cleared when the phase is done; nothing without p->progress. */
void cli_phase_progress(const char *phase, size_t done, size_t total, void *ctx);

/* One line at the end of a run on a terminal: "slant: 37,554 articles, 27 groups, 351
 * pairs in 12.3 s" (the progress line cleared first); nothing without p->progress. */
void cli_run_summary(const cli_phases *p, size_t articles, size_t groups, size_t pairs);

/* The same for slant score: "slant: 37,554 articles, 210.3 MB in 12.3 s". */
void cli_score_summary(const cli_phases *p, size_t articles, double bytes);

/* The notes at the end of a slant score run (articles left out by --where, files ignored,
 * inputs that failed, an empty shard) on stderr, and its exit status. */
int cli_score_status(const slant_pipeline_stats *s, int quiet, int subset,
                     const slant_shard *shard);

/* A count with thousands separators ("37,554"). */
void cli_format_count(char *out, size_t size, size_t v);

/*
 * Where results go: stdout, or a temporary file renamed to -o FILE on success. While a
 * temporary file is open, SIGINT and SIGTERM remove it and end the process with status
 * 130 or 143 (one output at a time).
 */
typedef struct {
    FILE *f;
    const char *path;         /* -o FILE, or NULL for stdout */
    char *tmp;
    int write_errno;          /* the errno of a failed cli_output_write, else 0 */
} cli_output;

/* Opens the output; prints why not ("cannot write 'x': ...") and returns -1 on failure. */
int cli_output_open(cli_output *o, const char *path);
/* Writes `n` bytes; 0, or -1 (remembering errno) if they could not all be written. */
int cli_output_write(cli_output *o, const void *data, size_t n);
/*
 * Closes the output; keeps it (renaming the temporary file into place) if `keep`. A
 * write that failed, on the way or at the close, is printed ("slant: FILE: No space left
 * on device") and returns -1; the temporary file is then removed.
 */
int cli_output_close(cli_output *o, int keep);

/* Opens `path` (NULL: stdout), writes `n` bytes and closes: SLANT_EXIT_OK,
 * SLANT_EXIT_NOTHING when it cannot be opened, SLANT_EXIT_WRITE when the write failed
 * (printed). */
int cli_output_all(const char *path, const void *data, size_t n);
/* cli_output_all of a buffer; if `b` passed its maximum (slant_buf_full), says so, writes
 * nothing and returns SLANT_EXIT_NOTHING. */
int cli_output_buf(const char *path, const slant_buf *b);
/* Says that `b` passed its maximum and returns 1 if it did (nothing should be written). */
int cli_output_too_large(const slant_buf *b);

/*
 * The next article of `reader` into `a` (as slant_reader_next: the caller releases it and
 * frees `*origin`): SLANT_OK, or SLANT_END when every input is done. An input or record
 * that cannot be read is reported on stderr (FILE:LINE: problem), counted in `*failed`,
 * and passed over.
 */
slant_status cli_next_article(slant_reader *reader, slant_article *a, char **origin,
                              long *line, size_t *failed);

/* Articles (and JSON lines) larger than this are skipped with an error, unless a command's
 * --max-bytes says otherwise. */
#define CLI_MAX_ARTICLE_BYTES ((size_t)64 << 20)

/*
 * The reader options every article-reading command builds: `paths` (borrowed, as are the
 * strings of `fields` and `subset`: they must outlive the reader), read by content, with
 * articles up to CLI_MAX_ARTICLE_BYTES, all shards, and only those `subset` passes (NULL:
 * all).
 */
slant_reader_options cli_reader_options(const char *const *paths, size_t npaths,
                                        slant_jsonl_fields fields, const slant_subset *subset);

/*
 * What cli_each_article() did: the articles scored and given to the callback, the inputs
 * or records that could not be read (each reported), and the articles `subset` left out.
 */
typedef struct {
    size_t articles, failed, left_out;
} cli_article_counts;

/* Called with each article, `origin` (its file) and `line` (its line in a JSON Lines or
 * CSV file, else 0) after `s` scored it; all three are valid only during the call.
 * Returns 0 to go on, anything else to stop after this article. */
typedef int (*cli_article_fn)(const slant_article *a, const char *origin, long line,
                              const slant_scorer *s, void *ctx);

/*
 * The read-and-score loop of the commands that read articles by themselves (keyness,
 * kwic, explain): reads `paths` (as cli_reader_options with `fields` and `subset`, all
 * borrowed), scores each article with `scorer` and calls `each` with it, in input order.
 * An input or record that cannot be read is reported and passed over (cli_next_article).
 * Fills `*counts`.
 */
void cli_each_article(const char *const *paths, size_t npaths, slant_jsonl_fields fields,
                      const slant_subset *subset, slant_scorer *scorer, cli_article_fn each,
                      void *ctx, cli_article_counts *counts);

#endif
