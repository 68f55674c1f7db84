#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "compress.h"
#include "file.h"
#include "lexicon_import.h"
#include "version.h"
#include "xalloc.h"



void slant_cli_usage(FILE *f)
{
    fputs("usage: slant COMMAND [OPTIONS] [FILES|DIRS|-]\n"
          "\n"
          "Measures bias indicators in news articles: loaded terms, contested labels,\n"
          "hedges, report verbs and more, with evidence for every match.\n"
          "\n"
          "commands:\n"
          "  score      per-article indicators as JSON Lines, CSV or TSV\n"
          "  compare    compares groups of articles (by default, sources) with statistics\n"
          "  report     the comparison as a report: terminal, Markdown or an HTML page\n"
          "  explain    one article with every match marked and explained\n"
          "  kwic       keyword in context: every occurrence of a term, with its offsets\n"
          "  keyness    every word and phrase of each group against the rest (open vocabulary)\n"
          "  lexicon    check, list, count and import lexicons\n"
          "  merge      combines partial comparisons from sharded runs\n"
          "  calibrate  fits the loaded-language index's weights to a labelled sample\n"
          "\n"
          "  slant COMMAND --help   explains a command, with examples\n"
          "  slant --version        prints the version\n"
          "\n"
          "exit status: 0 success; 1 some inputs were skipped with an error (the rest was\n"
          "processed); 2 usage error or bad lexicon; 3 nothing could be processed; 4 the\n"
          "output could not be written; 130 or 143 interrupted by SIGINT or SIGTERM.\n"
          "\n"
          "example:\n"
          "  slant score corpus/ > scores.jsonl\n",
          f);
}

/* --- small helpers ----------------------------------------------------------------- */

int cli_subset_option(slant_subset **s, const char *option, const char *arg,
                      const char *command)
{
    if (!*s)
        *s = slant_subset_new();
    slant_error err;
    slant_error_clear(&err);
    slant_status st = !strcmp(option, "where") ? slant_subset_where(*s, arg, &err)
                      : slant_subset_date(*s, !strcmp(option, "to"), arg, &err);
    if (st == SLANT_OK)
        return 0;
    return cli_usage_error(command, "%s", err.message);
}

void cli_subset_note(size_t left_out, size_t total, const char *what)
{
    if (left_out)
        cli_message("note: %zu of %zu %s%s left out by --where, --from or --to", left_out,
                    total, what, total == 1 ? "" : "s");
}

void cli_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("slant: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}


int cli_parse_count(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

long cli_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : (n > CLI_MAX_THREADS ? CLI_MAX_THREADS : n);
}

/* Three levels up from the binary (cli.h). */
char *cli_default_lexicon(const char *lang)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    static const char *const places[] = { "share/slant/lexicons", "lexicons" };
    for (int level = 0; level < 3; level++) {
        char *slash = strrchr(exe, '/');
        if (!slash)
            return NULL;
        *slash = '\0'; /* one directory up */
        for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
            char *base = slant_path_join(exe[0] ? exe : "/", places[i]);
            char *dir = slant_path_join(base, lang);
            free(base);
            char *manifest = slant_path_join(dir, "lexicon.json");
            struct stat sb;
            int found = stat(manifest, &sb) == 0;
            free(manifest);
            if (found)
                return dir;
            free(dir);
        }
    }
    return NULL;
}

/* Splits "a,b,c" into a NULL-terminated array of owned strings. */
char **cli_split_list(const char *s, size_t *n)
{
    size_t cap = 0;
    char **items = NULL;
    *n = 0;
    const char *p = s;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len) {
            items = xgrow(items, &cap, *n + 2, sizeof *items);
            items[(*n)++] = xmemdup(p, len);
        }
        p += len + (comma ? 1 : 0);
    }
    items = xgrow(items, &cap, *n + 1, sizeof *items);
    items[*n] = NULL;
    return items;
}

void cli_free_list(char **items)
{
    if (!items)
        return;
    for (char **p = items; *p; p++)
        free(*p);
    free(items);
}

/* --- progress and errors --------------------------------------------------------------- */

void cli_report_error(const slant_error *err, void *ctx)
{
    cli_run_context *rc = ctx;
    char text[1200];
    slant_error_format(err, text, sizeof text);
    if (rc->progress)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "slant: %s\n", text);
}

void cli_report_progress(size_t articles, size_t bytes, void *ctx)
{
    cli_run_context *rc = ctx;
    if (!rc->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!rc->start.tv_sec && !rc->start.tv_nsec)
        rc->start = now;
    double since = (double)(now.tv_sec - rc->last.tv_sec) +
                   (double)(now.tv_nsec - rc->last.tv_nsec) / 1e9;
    if (since < 0.25)
        return;
    rc->last = now;
    double elapsed = (double)(now.tv_sec - rc->start.tv_sec) +
                     (double)(now.tv_nsec - rc->start.tv_nsec) / 1e9;
    double rate = elapsed > 0 ? (double)bytes / 1e6 / elapsed : 0;
    fprintf(stderr, "\r\033[Kslant: scored %zu articles, %.1f MB", articles, (double)bytes / 1e6);
    if (elapsed < 0.25)
        return; /* too soon for a rate */
    fprintf(stderr, ", %.1f MB/s", rate);
    if (rc->total > 0 && (double)bytes < rc->total) {
        long eta = (long)((rc->total - (double)bytes) / 1e6 / rate + 0.5);
        fprintf(stderr, ", %.0f%%, ETA %ld:%02ld", 100.0 * (double)bytes / rc->total, eta / 60,
                eta % 60);
    }
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

void cli_phases_start(cli_phases *p, int quiet)
{
    memset(p, 0, sizeof *p);
    p->progress = isatty(STDERR_FILENO) && !quiet;
    clock_gettime(CLOCK_MONOTONIC, &p->run_start);
}

/* What a phase counts, for its line. */
static const char *phase_unit(const char *phase)
{
    if (!strcmp(phase, "statistics"))
        return "indicators";
    if (!strcmp(phase, "bootstrap"))
        return "ratios";
    if (!strcmp(phase, "evidence"))
        return "articles";
    return "steps";
}

void cli_phase_progress(const char *phase, size_t done, size_t total, void *ctx)
{
    cli_phases *rc = ctx;
    if (!rc->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int fresh = !rc->phase || strcmp(rc->phase, phase) != 0;
    if (fresh) {
        rc->phase = phase;
        rc->phase_start = now;
    }
    if (total && done >= total) {
        fputs("\r\033[K", stderr); /* done: the line goes, so that messages print clean */
        return;
    }
    if (!fresh && seconds_since(&rc->last) < 0.25)
        return;
    rc->last = now;
    double elapsed = seconds_since(&rc->phase_start);
    char d[32], t[32];
    fprintf(stderr, "\r\033[Kslant: %s: ", phase);
    cli_format_count(d, sizeof d, done);
    if (!total) {
        fprintf(stderr, "%s %s", d, phase_unit(phase));
        return;
    }
    cli_format_count(t, sizeof t, total);
    fprintf(stderr, "%s of %s %s (%.0f%%)", d, t, phase_unit(phase),
            100.0 * (double)done / (double)total);
    if (done && elapsed >= 0.5) {
        long eta = (long)(elapsed * (double)(total - done) / (double)done + 0.5);
        fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
    }
}

void cli_run_summary(const cli_phases *rc, size_t articles, size_t groups, size_t pairs)
{
    if (!rc->progress)
        return;
    char a[32], g[32], p[32];
    cli_format_count(a, sizeof a, articles);
    cli_format_count(g, sizeof g, groups);
    cli_format_count(p, sizeof p, pairs);
    fprintf(stderr, "\r\033[Kslant: %s article%s, %s group%s, %s pair%s in %.1f s\n", a,
            articles == 1 ? "" : "s", g, groups == 1 ? "" : "s", p, pairs == 1 ? "" : "s",
            seconds_since(&rc->run_start));
}

void cli_score_summary(const cli_phases *p, size_t articles, double bytes)
{
    if (!p->progress)
        return;
    char a[32];
    cli_format_count(a, sizeof a, articles);
    fprintf(stderr, "\r\033[Kslant: %s article%s, %.1f MB in %.1f s\n", a,
            articles == 1 ? "" : "s", bytes / 1e6, seconds_since(&p->run_start));
}

void cli_format_count(char *out, size_t size, size_t v)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%zu", v);
    size_t len = strlen(digits), o = 0;
    for (size_t i = 0; i < len && o + 1 < size; i++) {
        if (i && (len - i) % 3 == 0 && o + 2 < size)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

/* The deepest directory cli_input_bytes walks (a loop of symbolic links ends there). */
#define BYTES_MAX_DEPTH 32

static int name_ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* The bytes of the files under directory `path`, or -1: unknown (compressed files). */
static double dir_bytes(const char *path, int depth)
{
    if (depth > BYTES_MAX_DEPTH)
        return -1;
    DIR *d = opendir(path);
    if (!d)
        return -1;
    double total = 0;
    struct dirent *e;
    while (total >= 0 && (e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (name[0] == '.' || name_ends(name, ".meta") || name_ends(name, ".md"))
            continue;
        if (name_ends(name, ".gz") || name_ends(name, ".zst")) {
            total = -1;
            break;
        }
        char *child = slant_path_join(path, name);
        struct stat sb;
        if (stat(child, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            double sub = dir_bytes(child, depth + 1);
            total = sub < 0 ? -1 : total + sub;
        } else if (stat(child, &sb) == 0 && S_ISREG(sb.st_mode)) {
            total += (double)sb.st_size;
        }
        free(child);
    }
    closedir(d);
    return total;
}

double cli_input_bytes(const char *const *paths, size_t n)
{
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
            double sub = dir_bytes(paths[i], 0);
            if (sub < 0)
                return 0;
            total += sub;
            continue;
        }
        if (stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode))
            return 0; /* stdin, a pipe: not known */
        FILE *f = fopen(paths[i], "rb");
        unsigned char head[4];
        size_t got = f ? fread(head, 1, sizeof head, f) : 0;
        if (f)
            fclose(f);
        if (slant_compression_of_bytes(head, got) != SLANT_COMPRESS_NONE)
            return 0; /* compressed: its text is several times its size */
        total += (double)sb.st_size;
    }
    return total;
}

/* --- output ---------------------------------------------------------------------------- */

/*
 * The temporary file of the output being written, for the signal handler: the one piece
 * of global mutable state, because a handler can reach nothing else. Set once the file
 * exists, cleared before it is renamed or removed.
 */
static char *volatile pending_tmp;

static void on_signal(int sig)
{
    char *t = pending_tmp;
    if (t)
        unlink(t); /* async-signal-safe, as is _exit */
    _exit(128 + sig);
}

static void remove_on_signal(char *tmp)
{
    pending_tmp = tmp;
    if (!tmp)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

int cli_output_open(cli_output *o, const char *path)
{
    o->path = path;
    o->tmp = NULL;
    o->write_errno = 0;
    if (!path) {
        o->f = stdout;
        return 0;
    }
    static const char suffix[] = ".tmp.XXXXXX";
    size_t n = strlen(path);
    o->tmp = xmalloc(n + sizeof suffix);
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, suffix, sizeof suffix);
    int fd = mkstemp(o->tmp);
    /* mkstemp makes the file private (0600); the result is an ordinary file of the user's */
    mode_t mask = umask(0);
    umask(mask);
    if (fd >= 0)
        fchmod(fd, 0666 & ~mask);
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        cli_message("cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        free(o->tmp);
        return -1;
    }
    /* -o FILE.gz, FILE.zst: written compressed (compress.h); fclose finishes the data */
    FILE *z = slant_compress_wrap_write(o->f, slant_compression_of_name(path));
    if (!z) {
        cli_message("cannot write '%s': %s", path, strerror(errno));
        fclose(o->f);
        unlink(o->tmp);
        free(o->tmp);
        return -1;
    }
    o->f = z;
    remove_on_signal(o->tmp);
    return 0;
}

int cli_output_write(cli_output *o, const void *data, size_t n)
{
    if (n && fwrite(data, 1, n, o->f) != n) {
        if (!o->write_errno)
            o->write_errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* Closes the output; keeps it (renaming a temporary file into place) if `keep`. */
int cli_output_close(cli_output *o, int keep)
{
    const char *name = o->path ? o->path : "standard output";
    int e = o->write_errno;
    if (!e && (fflush(o->f) != 0 || ferror(o->f)))
        e = errno ? errno : EIO;
    if (!o->path) {
        if (e) {
            cli_message("%s: %s", name, strerror(e));
            return -1;
        }
        return 0; /* stdout is closed once at exit */
    }
    if (fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    if (!e && keep && rename(o->tmp, o->path) != 0)
        e = errno;
    remove_on_signal(NULL);
    if (e || !keep)
        unlink(o->tmp);
    free(o->tmp);
    if (e) {
        cli_message("%s: %s", name, strerror(e));
        return -1;
    }
    return 0;
}

int cli_output_all(const char *path, const void *data, size_t n)
{
    cli_output out;
    if (cli_output_open(&out, path) != 0)
        return SLANT_EXIT_NOTHING;
    cli_output_write(&out, data, n);
    return cli_output_close(&out, 1) == 0 ? SLANT_EXIT_OK : SLANT_EXIT_WRITE;
}

int cli_output_too_large(const slant_buf *b)
{
    if (!slant_buf_full(b))
        return 0;
    cli_message("the output is larger than its maximum of %zu MiB: nothing written",
                b->max >> 20);
    return 1;
}

int cli_output_buf(const char *path, const slant_buf *b)
{
    if (cli_output_too_large(b))
        return SLANT_EXIT_NOTHING;
    return cli_output_all(path, b->data ? b->data : "", b->len);
}

int cli_load_lexicon(const char *dir, const char *lang, slant_lexicon **lex)
{
    /* A LIWC .dic, LIWC-22 .dicx or Lexicoder .lc3 file: imported into a temporary
     * directory, loaded from there, and the directory removed (lexicon_import.h). Every
     * entry that could not be imported is reported with the file and line. */
    slant_import_format fmt;
    struct stat sb;
    if (dir && stat(dir, &sb) == 0 && S_ISREG(sb.st_mode) &&
        slant_import_format_of(dir, &fmt) == 0) {
        slant_import_options o = { .format = fmt, .language = lang };
        slant_import_problems problems = { NULL, NULL, 0, 0 };
        slant_error err;
        slant_error_clear(&err);
        slant_status st = slant_import_load(dir, &o, slant_import_problems_collect, &problems,
                                            lex, NULL, &err);
        char text[1200];
        for (size_t i = 0; i < problems.n; i++) {
            if (problems.severity[i] == SLANT_IMPORT_ERROR ||
                problems.severity[i] == SLANT_IMPORT_DROPPED) {
                slant_error_format(&problems.items[i], text, sizeof text);
                cli_message("%s", text);
            }
        }
        slant_import_problems_release(&problems);
        if (st != SLANT_OK) {
            slant_error_format(&err, text, sizeof text);
            cli_message("%s", text);
            return SLANT_EXIT_USAGE;
        }
        return SLANT_EXIT_OK;
    }
    char *found = NULL;
    if (!dir) {
        found = cli_default_lexicon(lang);
        if (!found) {
            cli_message("no installed lexicon for language '%s': give one with --lexicon DIR",
                    lang);
            return SLANT_EXIT_USAGE;
        }
        dir = found;
    }
    slant_error err;
    slant_error_clear(&err);
    slant_status st = slant_lexicon_load(dir, lex, &err);
    free(found);
    if (st != SLANT_OK) {
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        return SLANT_EXIT_USAGE;
    }
    return SLANT_EXIT_OK;
}


int cli_parse_real(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

int cli_load_weights(const char *path, const slant_lexicon *lex, slant_weights *w)
{
    slant_error err;
    slant_error_clear(&err);
    if (slant_weights_load(w, path, lex, &err) == SLANT_OK)
        return SLANT_EXIT_OK;
    char text[1200];
    slant_error_format(&err, text, sizeof text);
    cli_message("%s", text);
    return SLANT_EXIT_USAGE;
}

int cli_add_actors(slant_lexicon *lex, const char *path)
{
    slant_error err;
    slant_error_clear(&err);
    if (slant_lexicon_add_actors(lex, path, &err) == SLANT_OK)
        return SLANT_EXIT_OK;
    char text[1200];
    slant_error_format(&err, text, sizeof text);
    cli_message("%s", text);
    return SLANT_EXIT_USAGE;
}

int cli_load_lexicon_actors(const char *dir, const char *lang, const char *const *actors,
                            size_t nactors, slant_lexicon **lex)
{
    int rc = cli_load_lexicon(dir, lang, lex);
    for (size_t i = 0; rc == SLANT_EXIT_OK && i < nactors; i++)
        rc = cli_add_actors(*lex, actors[i]);
    if (rc != SLANT_EXIT_OK) {
        slant_lexicon_free(*lex);
        *lex = NULL;
    }
    return rc;
}

slant_status cli_next_article(slant_reader *reader, slant_article *a, char **origin,
                              long *line, size_t *failed)
{
    for (;;) {
        slant_error err;
        slant_error_clear(&err);
        slant_article_init(a);
        slant_status st = slant_reader_next(reader, a, origin, line, &err);
        if (st == SLANT_OK || st == SLANT_END)
            return st;
        char text[1200];
        slant_error_format(&err, text, sizeof text);
        cli_message("%s", text);
        (*failed)++;
    }
}

slant_reader_options cli_reader_options(const char *const *paths, size_t npaths,
                                        slant_jsonl_fields fields, const slant_subset *subset)
{
    slant_reader_options ro = {
        .paths = paths,
        .npaths = npaths,
        .fields = fields,
        .max_article_bytes = CLI_MAX_ARTICLE_BYTES,
        .subset = subset,
    };
    return ro;
}

void cli_read_args_init(cli_read_args *r)
{
    r->text_field = "text";
    r->id_field = "id";
    r->lexicon = NULL;
    r->lang = "en";
    r->subset = NULL;
    r->quiet = 0;
}

int cli_read_option(cli_read_args *r, int c, const char *arg, const char *command,
                    char **argv, void (*usage)(FILE *))
{
    switch (c) {
    case CLI_READ_WHERE:
    case CLI_READ_FROM:
    case CLI_READ_TO: {
        const char *name = c == CLI_READ_WHERE ? "where" : c == CLI_READ_FROM ? "from" : "to";
        return cli_subset_option(&r->subset, name, arg, command) != 0 ? SLANT_EXIT_USAGE : -1;
    }
    case CLI_READ_TEXT_FIELD: r->text_field = arg; return -1;
    case CLI_READ_ID_FIELD: r->id_field = arg; return -1;
    case CLI_READ_LEXICON: r->lexicon = arg; return -1;
    case CLI_READ_LANG: r->lang = arg; return -1;
    case 'q': r->quiet = 1; return -1;
    case 'h': usage(stdout); return SLANT_EXIT_OK;
    case ':': return cli_usage_error(command, "option '%s' needs a value", argv[optind - 1]);
    default: return cli_usage_error(command, "unknown option '%s'", argv[optind - 1]);
    }
}
