/* Progress and the end of a run, on standard error (see cli.h): errors of the pipeline
 * between progress lines, the progress of scoring (with the bytes of the inputs, for an
 * ETA), the phases of a comparison, and the summary lines and exit status of a run. */

#include "cli.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "compress.h"
#include "file.h"
#include "pipeline.h"
#include "report.h"

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
    slant_report_fmt_count(out, size, (double)v); /* the report's "37,554" */
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

int cli_score_status(const slant_pipeline_stats *s, int quiet, int subset,
                     const slant_shard *shard)
{
    if (!quiet)
        cli_subset_note(s->filtered, s->filtered + s->articles + s->failed, "article");
    if (s->ignored && !quiet) {
        fprintf(stderr, "slant: note: ignored %zu file%s that %s not %s.txt, .text, .jsonl or "
                        ".ndjson file%s:",
                s->ignored, s->ignored == 1 ? "" : "s", s->ignored == 1 ? "is" : "are",
                s->ignored == 1 ? "a regular " : "regular ", s->ignored == 1 ? "" : "s");
        for (size_t i = 0; i < 3 && i < s->ignored; i++)
            fprintf(stderr, " '%s'", s->ignored_names[i]);
        fputs(s->ignored > 3 ? " ...\n" : "\n", stderr);
    }
    if (s->failed) {
        fprintf(stderr, "slant: %zu input%s skipped with errors; %zu article%s scored\n",
                s->failed, s->failed == 1 ? "" : "s", s->articles,
                s->articles == 1 ? "" : "s");
        return s->articles ? SLANT_EXIT_PARTIAL : SLANT_EXIT_NOTHING;
    }
    if (!s->articles && shard->n) { /* a share of a small corpus may be empty */
        if (!quiet)
            fprintf(stderr, "slant: note: shard %lu/%lu holds no articles of the inputs\n",
                    shard->k, shard->n);
        return SLANT_EXIT_OK;
    }
    if (!s->articles && subset && s->filtered) {
        fputs("slant: no article passed --where, --from and --to\n", stderr);
        return SLANT_EXIT_NOTHING;
    }
    if (!s->articles) {
        fputs("slant: no articles found in the inputs\n", stderr);
        return SLANT_EXIT_NOTHING;
    }
    return SLANT_EXIT_OK;
}
