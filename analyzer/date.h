#ifndef SLANT_DATE_H
#define SLANT_DATE_H

#include <stddef.h>
#include <stdint.h>

/*
 * TEMPORARY stub (branch `events`): another helper's analyzer/date.[ch] replaces this file
 * at merge. Only the contract: ISO 8601 YYYY-MM-DD.
 *
 * Parses the `len` bytes at `s` as a date: sets `*day` to the days since 1970-01-01 and
 * returns 0, or returns -1 when it is not a date.
 */
int slant_date_parse(const char *s, size_t len, int32_t *day);

#endif
