/*
 * Replays saved fuzz inputs without libFuzzer: runs LLVMFuzzerTestOneInput once on every
 * file named on the command line, and on every file under a named directory (entries in
 * byte order of their names, recursively). Each input is handed over in a buffer of
 * exactly its size, so ASan and valgrind see any read past its end.
 *
 * Prints nothing but a last line "replayed N inputs" on stderr and exits 0; an input that
 * cannot be read is an error (exit 2); a failed check in a target aborts.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_path(const char *path, size_t *count);

static void *alloc_or_die(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p) {
        fprintf(stderr, "replay: out of memory\n");
        abort();
    }
    return p;
}

static int cmp_names(const void *a, const void *b)
{
    const char *const *x = a;
    const char *const *y = b;
    return strcmp(*x, *y);
}

static int replay_file(const char *path, size_t *count)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    unsigned char *data = alloc_or_die(cap);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            unsigned char *grown = realloc(data, cap);
            if (!grown) {
                fprintf(stderr, "replay: out of memory\n");
                abort();
            }
            data = grown;
        }
        size_t n = fread(data + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        fprintf(stderr, "replay: cannot read '%s'\n", path);
        free(data);
        return -1;
    }
    /* A buffer of exactly `len` bytes, so that a read past the input is caught. */
    unsigned char *exact = alloc_or_die(len);
    if (len)
        memcpy(exact, data, len);
    free(data);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    (*count)++;
    return 0;
}

static int replay_dir(const char *path, size_t *count)
{
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "replay: cannot open directory '%s': %s\n", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    const struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                fprintf(stderr, "replay: out of memory\n");
                abort();
            }
            names = grown;
        }
        size_t pl = strlen(path), nl = strlen(e->d_name);
        char *full = alloc_or_die(pl + nl + 2);
        memcpy(full, path, pl);
        full[pl] = '/';
        memcpy(full + pl + 1, e->d_name, nl + 1);
        names[n++] = full;
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        if (status == 0 && replay_path(names[i], count) != 0)
            status = -1;
        free(names[i]);
    }
    free(names);
    return status;
}

static int replay_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode))
        return replay_dir(path, count);
    return replay_file(path, count);
}

int main(int argc, char **argv)
{
    size_t count = 0;
    for (int i = 1; i < argc; i++)
        if (replay_path(argv[i], &count) != 0)
            return 2;
    fprintf(stderr, "replayed %zu inputs\n", count);
    return 0;
}
