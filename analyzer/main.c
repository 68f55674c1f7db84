/* slant: the command-line program. It only wires: pick the command, run it, check that
 * the output reached its destination, and return the command's exit status. */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "stats.h"
#include "version.h"

static int finish(int status)
{
    /* A full disk or a closed pipe must not pass for success. */
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        if (status == SLANT_EXIT_WRITE)
            return status; /* said already */
        fprintf(stderr, "slant: standard output: %s\n", strerror(errno ? errno : EIO));
        return status == SLANT_EXIT_OK || status == SLANT_EXIT_PARTIAL ? SLANT_EXIT_WRITE
                                                                      : status;
    }
    return status;
}

/*
 * A standard stream that was closed (`<&-`, `>&-`) is reopened on /dev/null the wrong way
 * round, so that using it fails ("cannot read standard input: Bad file descriptor") and
 * no file slant opens later (an output, a temporary file) takes its number and is read or
 * written as if it were standard input or output.
 */
static void guard_standard_streams(void)
{
    static const int flags[3] = { O_WRONLY, O_RDONLY, O_RDWR };
    for (int fd = 0; fd < 3; fd++) {
        if (fcntl(fd, F_GETFD) != -1)
            continue;
        int g = open("/dev/null", flags[fd]);
        if (g >= 0 && g != fd) {
            dup2(g, fd);
            close(g);
        }
    }
}

int main(int argc, char **argv)
{
    guard_standard_streams();
    slant_stats_init();
    if (argc < 2) {
        slant_cli_usage(stderr);
        return SLANT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        slant_cli_usage(stdout);
        return finish(SLANT_EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0) {
        puts("slant " SLANT_VERSION);
        return finish(SLANT_EXIT_OK);
    }
    if (strcmp(cmd, "score") == 0)
        return finish(slant_cli_score(argc - 1, argv + 1));
    if (strcmp(cmd, "compare") == 0)
        return finish(slant_cli_compare(argc - 1, argv + 1));
    if (strcmp(cmd, "merge") == 0)
        return finish(slant_cli_merge(argc - 1, argv + 1));
    if (strcmp(cmd, "report") == 0)
        return finish(slant_cli_report(argc - 1, argv + 1));
    if (strcmp(cmd, "explain") == 0)
        return finish(slant_cli_explain(argc - 1, argv + 1));
    if (strcmp(cmd, "lexicon") == 0)
        return finish(slant_cli_lexicon(argc - 1, argv + 1));
    if (strcmp(cmd, "keyness") == 0)
        return finish(slant_cli_keyness(argc - 1, argv + 1));
    if (strcmp(cmd, "kwic") == 0)
        return finish(slant_cli_kwic(argc - 1, argv + 1));
    if (strcmp(cmd, "calibrate") == 0)
        return finish(slant_cli_calibrate(argc - 1, argv + 1));
    fprintf(stderr, "slant: unknown command '%s'\nTry 'slant --help'.\n", cmd);
    return SLANT_EXIT_USAGE;
}
