#ifndef SLANT_CLI_H
#define SLANT_CLI_H

/*
 * The commands of the slant program. Each takes the arguments after its name and
 * returns the process exit status:
 *   0 success, 1 some input could not be processed (the rest was), 2 usage error or a bad
 *   lexicon, 3 nothing could be processed.
 * This is the one layer that prints: results to stdout or -o FILE, messages to stderr.
 */

enum {
    SLANT_EXIT_OK = 0,
    SLANT_EXIT_PARTIAL = 1,
    SLANT_EXIT_USAGE = 2,
    SLANT_EXIT_NOTHING = 3
};

int slant_cli_score(int argc, char **argv);

/* `slant --help`: the list of commands. */
void slant_cli_usage(void);

#endif
