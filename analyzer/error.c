#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void slant_error_clear(slant_error *err)
{
    memset(err, 0, sizeof *err);
}

slant_status slant_error_set(slant_error *err, slant_status status, const char *file,
                             long line, long col, const char *fmt, ...)
{
    if (!err)
        return status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

void slant_error_format(const slant_error *err, char *out, size_t size)
{
    if (!err->file[0])
        snprintf(out, size, "%s", err->message);
    else if (err->line && err->col)
        snprintf(out, size, "%s:%ld:%ld: %s", err->file, err->line, err->col, err->message);
    else if (err->line)
        snprintf(out, size, "%s:%ld: %s", err->file, err->line, err->message);
    else
        snprintf(out, size, "%s: %s", err->file, err->message);
}
