#ifndef SLANT_FILE_H
#define SLANT_FILE_H

#include <stddef.h>

#include "error.h"

/*
 * Reads a whole file into memory. `max` bounds the size: a larger file is an error
 * (SLANT_ERR_LIMIT), never a silent truncation. On success `*data` is owned by the caller
 * (free), NUL-terminated after `*len` bytes. Errors name the file: "cannot open 'x.txt':
 * No such file or directory".
 */
slant_status slant_read_file(const char *path, size_t max, char **data, size_t *len,
                             slant_error *err);

/* Joins a directory and a relative name with one '/'; an absolute `name` is returned as
 * it is (a manifest may name a file anywhere). Caller frees. */
char *slant_path_join(const char *dir, const char *name);

#endif
