#ifndef SLANT_COMPRESS_H
#define SLANT_COMPRESS_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Compressed files: gzip (zlib) and Zstandard (libzstd), read and written as ordinary
 * stdio streams, so the readers and writers above do not know the difference. This file
 * alone includes zlib.h and zstd.h.
 *
 * Reading is decided by content, never by name: a stream that begins with gzip's magic
 * bytes (1f 8b) or Zstandard's (28 b5 2f fd) is decompressed, anything else is passed
 * through as it is. Several gzip members or Zstandard frames one after the other (`cat
 * a.gz b.gz`, pigz, zstd -T) read as their concatenation. Data that is not valid, or ends
 * in the middle of a member or frame (a file cut short), is a read error: the stream's
 * error indicator is set (ferror) with errno SLANT_EBADDATA, which slant_compress_strerror
 * says in words. What was decompressed before the damage has been delivered.
 *
 * Writing is decided by the name the caller chooses (-o FILE.gz, FILE.zst). The streams
 * are deterministic: the same bytes in give the same compressed bytes out (gzip's header
 * carries no time and no name).
 *
 * The streams are glibc's fopencookie(3) streams: not seekable, closed with fclose.
 */

typedef enum {
    SLANT_COMPRESS_NONE = 0,
    SLANT_COMPRESS_GZIP,
    SLANT_COMPRESS_ZSTD
} slant_compression;

/* The errno of a read error from corrupt or cut-short compressed data. */
#define SLANT_EBADDATA EBADMSG

/* What the first `n` bytes of a stream say (4 are enough). */
slant_compression slant_compression_of_bytes(const void *data, size_t n);

/* What a file name asks for on output: ".gz" gzip, ".zst" Zstandard, else none. */
slant_compression slant_compression_of_name(const char *path);

/* The length of `path` without a final ".gz" or ".zst" (so "a.jsonl.gz" is a .jsonl). */
size_t slant_compression_base_len(const char *path);

/*
 * Opens `path` for reading, decompressing it if its content is compressed. Returns a
 * stream the caller closes with fclose, or NULL with errno set (as fopen).
 */
FILE *slant_compress_open(const char *path);

/*
 * A reading stream over the open stream `f` (standard input), decompressing it if its
 * content is compressed. Closing the result does not close `f`. NULL with errno set if
 * `f` cannot be read.
 */
FILE *slant_compress_wrap_read(FILE *f);

/*
 * A writing stream that compresses into `f` with `c` (NONE returns `f` itself). The
 * result owns `f`: its fclose finishes the compressed data, closes `f` and returns EOF
 * with errno set if any of that failed (a full disk). NULL with errno set on failure
 * (`f` is then still the caller's).
 */
FILE *slant_compress_wrap_write(FILE *f, slant_compression c);

/* strerror(e), with SLANT_EBADDATA said as "not valid compressed data, or cut short". */
const char *slant_compress_strerror(int e);

#endif
