/* The output files of the slant commands (see cli.h): written to a temporary file and
 * renamed into place when complete, removed on SIGINT, SIGTERM and SIGHUP; whole buffers
 * written at once, with the output limit checked. */

#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compress.h"
#include "xalloc.h"

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
