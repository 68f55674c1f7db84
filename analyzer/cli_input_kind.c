/* What kind of input a path holds (articles, score records or a partial), told by its
 * first line; and the spooling of standard input and pipes into a temporary file so their
 * first line can be read before the rest (see cli_inputs_parts.h). */

#include "cli_inputs_parts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "compress.h"
#include "score_json.h"

/* The first line of a file with something other than white space on it, into `line`. */
static int first_line(FILE *f, char **line, size_t *cap)
{
    ssize_t n;
    while ((n = getline(line, cap, f)) >= 0) {
        for (ssize_t i = 0; i < n; i++)
            if ((*line)[i] != ' ' && (*line)[i] != '\t' && (*line)[i] != '\r' &&
                (*line)[i] != '\n')
                return 1;
    }
    return 0;
}

cli_input_kind cli_input_kind_of(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || S_ISDIR(sb.st_mode))
        return CLI_INPUT_ARTICLES; /* directories hold articles; a bad path errors later */
    FILE *f = slant_compress_open(path);
    if (!f)
        return CLI_INPUT_ARTICLES;
    char *line = NULL;
    size_t cap = 0;
    cli_input_kind k = CLI_INPUT_ARTICLES;
    if (first_line(f, &line, &cap)) {
        if (slant_json_is_score_record(line, strlen(line)))
            k = CLI_INPUT_SCORES;
        else if (strstr(line, "\"slant-partial\"")) /* confirmed when it is read */
            k = CLI_INPUT_PARTIAL;
    }
    free(line);
    fclose(f);
    return k;
}

/*
 * Standard input and pipes (`<(slant score ...)`) can be read once: their bytes are copied
 * into a temporary file (by read(2), so stdin's own buffer stays empty), whose first line
 * then tells the kind. Returns the file, rewound, or NULL after printing why.
 */
FILE *cli_input_spool(const char *path)
{
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;
    const char *name = strcmp(path, "-") ? path : "standard input";
    if (fd < 0) {
        cli_message("cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    FILE *tmp = tmpfile();
    if (!tmp) {
        cli_message("cannot create a temporary file: %s", strerror(errno));
        if (fd != STDIN_FILENO)
            close(fd);
        return NULL;
    }
    char buf[65536];
    ssize_t n;
    int failed = 0;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cli_message("cannot read %s%s%s: %s", strcmp(path, "-") ? "'" : "", name,
                        strcmp(path, "-") ? "'" : "", strerror(errno));
            failed = 1;
            break;
        }
        if (fwrite(buf, 1, (size_t)n, tmp) != (size_t)n) {
            cli_message("cannot write a temporary file: %s", strerror(errno));
            failed = 1;
            break;
        }
    }
    if (fd != STDIN_FILENO)
        close(fd);
    if (failed || fflush(tmp) != 0) {
        fclose(tmp);
        return NULL;
    }
    rewind(tmp);
    return tmp;
}

cli_input_kind cli_input_kind_of_stream(FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    cli_input_kind k = CLI_INPUT_ARTICLES;
    if (first_line(f, &line, &cap)) {
        if (slant_json_is_score_record(line, strlen(line)))
            k = CLI_INPUT_SCORES;
        else if (strstr(line, "\"slant-partial\""))
            k = CLI_INPUT_PARTIAL;
    }
    free(line);
    rewind(f);
    return k;
}

int cli_input_needs_spool(const char *path)
{
    struct stat sb;
    return !strcmp(path, "-") ||
           (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode));
}
