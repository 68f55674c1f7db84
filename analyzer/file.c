#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compress.h"
#include "xalloc.h"

slant_status slant_read_file(const char *path, size_t max, char **data, size_t *len,
                             slant_error *err)
{
    FILE *f = slant_compress_open(path); /* .gz and .zst too, by content */
    if (!f)
        return slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot open '%s': %s", path,
                               strerror(errno));
    slant_buf b;
    slant_buf_init(&b, max);
    char chunk[65536];
    size_t n;
    slant_status st = SLANT_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (slant_buf_add(&b, chunk, n) != SLANT_OK) {
            st = slant_error_set(err, SLANT_ERR_LIMIT, NULL, 0, 0,
                                 "file too large: '%s' is over the limit of %zu bytes",
                                 path, max);
            break;
        }
    }
    if (st == SLANT_OK && ferror(f))
        st = slant_error_set(err, SLANT_ERR_IO, NULL, 0, 0, "cannot read '%s': %s", path,
                             slant_compress_strerror(errno));
    fclose(f);
    if (st != SLANT_OK) {
        slant_buf_release(&b);
        return st;
    }
    *data = slant_buf_detach(&b, len);
    return SLANT_OK;
}

char *slant_path_join(const char *dir, const char *name)
{
    if (name[0] == '/')
        return xstrdup(name); /* an absolute path stays what it says */
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    size_t nl = strlen(name);
    char *p = xmalloc(dl + nl + 2);
    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, name, nl + 1);
    return p;
}
