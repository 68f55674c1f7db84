#ifndef SLANT_DATE_H
#define SLANT_DATE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The one date parser of slant: every command that reads a date (--from, --to,
 * --by date:UNIT, --split, the `date` of an article or a score record, events) reads it
 * here, so all accept the same forms. A date becomes a day number: days since
 * 1970-01-01 (negative before), in the proleptic Gregorian calendar.
 *
 * Forms (surrounding white space ignored; month and weekday names in English, any case,
 * full or abbreviated to three letters, "Sept" too, an abbreviation may end with '.'):
 *
 *   ISO 8601     2020-07-31, 2020-07-31T14:02, 2020-07-31T14:02:00.123Z,
 *                2020-07-31 14:02:00+02:00 (offset Z, +HH, +HHMM or +HH:MM)
 *   RFC 2822     Fri, 31 Jul 2020 14:02:00 +0000; without the weekday, without the
 *                seconds, with a zone name (UT, GMT, Z, EST, EDT, CST, CDT, MST, MDT, PST,
 *                PDT) instead of an offset, or without the time: 31 Jul 2020
 *   US style     July 31, 2020; Jul. 31, 2020; Jul 31 2020; Friday, July 31, 2020
 *   day first    31 July 2020; 31 Jul. 2020
 *   slashes      2020/07/31 (year first only: 07/31/2020 is ambiguous and refused)
 *
 * The day is the calendar date as written. A time and a zone offset are checked
 * (hours 0-23, minutes and seconds 0-59, offsets below 24 hours) but never move the date:
 * "2020-07-31T23:30:00-05:00" is 31 July, the day the outlet's readers saw on the page,
 * not 1 August in UTC. (Python's datetime.fromisoformat(s).date() and
 * email.utils.parsedate_to_datetime(s).date() give the same day; tests/time compares
 * them.) A weekday name is read but not checked against the date, as mail readers do.
 * Years have four digits (1 to 9999); two-digit years are refused, not guessed.
 */

#define SLANT_DATE_NONE INT32_MIN   /* a row's day when undated or unparseable */

/* Parses the `len` bytes at `s` (no NUL needed): 0 and `*day` set, or -1 when it is not
 * a date in one of the forms above (`*day` untouched). */
int slant_date_parse(const char *s, size_t len, int32_t *day);

/*
 * A date or a coarser span, for --from and --to: the forms above, and also "2020",
 * "2020-07" and "2020/07" (a year or a month). Sets the first and last day of the
 * span (both the day itself for a date). 0 or -1 as above.
 */
int slant_date_parse_span(const char *s, size_t len, int32_t *first, int32_t *last);

/* The day number of a calendar date (month 1-12, day 1-31; not checked) and back. */
int32_t slant_date_from_civil(int year, int month, int day);
void slant_date_to_civil(int32_t day, int *year, int *month, int *mday);

/* "YYYY-MM-DD" into `out` (at least SLANT_DATE_TEXT bytes), NUL-terminated. */
#define SLANT_DATE_TEXT 16
void slant_date_format(int32_t day, char *out);

/* --- periods ------------------------------------------------------------------------------- */

typedef enum {
    SLANT_PERIOD_DAY = 1, SLANT_PERIOD_WEEK, SLANT_PERIOD_MONTH, SLANT_PERIOD_YEAR
} slant_period;

/* "day", "week", "month", "year" -> the period; -1 for anything else. */
int slant_period_of(const char *name);

/* The name of a period ("month"). */
const char *slant_period_name(slant_period p);

/*
 * The first day of the period holding `day`: the day itself, the Monday of its ISO week,
 * the first of its month or of its year.
 */
int32_t slant_period_start(slant_period p, int32_t day);

/*
 * The index of the period holding `day`, counted from the period of 1970-01-01 (weeks
 * from the ISO week holding it): consecutive periods have consecutive indices, so a
 * trend's time axis is the index, with gaps where a period has no article.
 */
int64_t slant_period_index(slant_period p, int32_t day);

/* The label of the period holding `day` into `out` (SLANT_DATE_TEXT bytes): "2020-07-31",
 * the ISO week "2020-W31", "2020-07" or "2020". Labels sort in time order. */
void slant_period_label(slant_period p, int32_t day, char *out);

#endif
