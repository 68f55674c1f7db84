#ifndef SLANT_JSONLINE_H
#define SLANT_JSONLINE_H

#include <stddef.h>

#include "error.h"

/*
 * Byte-level checks of one JSON Lines record before cJSON parses it, for what the JSON
 * library would otherwise lose without a word (it decodes into C strings, and prints
 * numbers through a double). No JSON library here: a small scanner of JSON's strings.
 */

/*
 * Checks the string escapes of `line` (`len` bytes, changed in place) before it is parsed:
 * "\u0000" becomes "\uFFFD" (the same length; a NUL would end the decoded text there),
 * and an invalid escape ("\uZZZZ", "\q") or a raw NUL byte is SLANT_ERR_INPUT with `err`
 * naming `path`, `lineno` and the 1-based column. `*replaced` counts the "\u0000"s.
 */
slant_status slant_jsonline_check(char *line, size_t len, const char *path, long lineno,
                                  size_t *replaced, slant_error *err);

/*
 * The text of top-level member `name` of the JSON object `line` when its value is a
 * number, as the input spells it: sets `*num` (borrowed: points into `line`) and `*n` and
 * returns 1; returns 0 when there is no such member or its value is not a number. The
 * first member of that name counts (as in cJSON). `line` should have passed
 * slant_jsonline_check.
 */
int slant_jsonline_number(const char *line, size_t len, const char *name, const char **num,
                          size_t *n);

/*
 * The text of top-level member `name` of the JSON object `line`, whatever its value (a
 * string with its quotes, an object with its braces): sets `*value` (borrowed: points
 * into `line`) and `*n` and returns 1, or returns 0 when there is no such member. A
 * scan of the bytes, much cheaper than a parse: for one small member of a large record.
 */
int slant_jsonline_member(const char *line, size_t len, const char *name, const char **value,
                          size_t *n);

/*
 * The value of the four hex digits at `s` (as a "\u" escape has them) into `*v`: returns 1,
 * or 0 when one of them is not a hex digit (`*v` is then unspecified).
 */
int slant_jsonline_hex4(const char *s, unsigned *v);

/*
 * Writes code point `cp` (at most U+10FFFF) as UTF-8 into `out`, which has room for 4
 * bytes; returns the bytes written (1 to 4). No check for surrogates: the caller decides.
 */
size_t slant_jsonline_put_utf8(unsigned cp, char *out);

#endif
