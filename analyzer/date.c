/* The date parser and the periods of a time axis; see date.h. */

#include "date.h"

#include <stdio.h>
#include <string.h>

/* A cursor over the bytes of a date. */
typedef struct {
    const char *s, *end;
} cur;

static int at_end(const cur *c) { return c->s == c->end; }
static int peek(const cur *c) { return c->s < c->end ? (unsigned char)*c->s : -1; }

static int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }
static int is_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

static void skip_spaces(cur *c)
{
    while (is_space(peek(c)))
        c->s++;
}

/* At least one space (the written forms separate their parts): 1, or 0 when none. */
static int spaces(cur *c)
{
    const char *at = c->s;
    skip_spaces(c);
    return c->s > at;
}

/* Exactly `n` digits: their value, or -1. */
static int digits(cur *c, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(peek(c)))
            return -1;
        v = v * 10 + (*c->s++ - '0');
    }
    return v;
}

/* One or two digits (a day or an hour as US and RFC dates write them): value or -1. */
static int one_or_two(cur *c)
{
    if (!is_digit(peek(c)))
        return -1;
    int v = *c->s++ - '0';
    if (is_digit(peek(c)))
        v = v * 10 + (*c->s++ - '0');
    return is_digit(peek(c)) ? -1 : v;
}

static int take(cur *c, int ch)
{
    if (peek(c) != ch)
        return 0;
    c->s++;
    return 1;
}

/* A word of letters: its start and length (0 when none). */
static size_t word(cur *c, const char **w)
{
    *w = c->s;
    while (is_alpha(peek(c)))
        c->s++;
    return (size_t)(c->s - *w);
}

static int same_word(const char *w, size_t n, const char *name)
{
    if (strlen(name) != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int ch = (unsigned char)w[i];
        if (ch >= 'A' && ch <= 'Z')
            ch += 'a' - 'A';
        if (ch != name[i])
            return 0;
    }
    return 1;
}

/* A month name (full, three letters, or "sept"): 1-12, or 0. */
static int month_name(const char *w, size_t n)
{
    static const char *const full[] = { "january", "february", "march", "april", "may",
                                        "june", "july", "august", "september", "october",
                                        "november", "december" };
    for (int m = 0; m < 12; m++) {
        char abbr[4];
        memcpy(abbr, full[m], 3);
        abbr[3] = '\0';
        if (same_word(w, n, full[m]) || same_word(w, n, abbr))
            return m + 1;
    }
    return same_word(w, n, "sept") ? 9 : 0;
}

static int weekday_name(const char *w, size_t n)
{
    static const char *const full[] = { "monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday" };
    for (int d = 0; d < 7; d++) {
        char abbr[4];
        memcpy(abbr, full[d], 3);
        abbr[3] = '\0';
        if (same_word(w, n, full[d]) || same_word(w, n, abbr))
            return 1;
    }
    return 0;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return days[m - 1] + (m == 2 && is_leap(y));
}

static int valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Days from civil (H. Hinnant's algorithm, exact for the proleptic Gregorian calendar). */
int32_t slant_date_from_civil(int year, int month, int day)
{
    long y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void slant_date_to_civil(int32_t day, int *year, int *month, int *mday)
{
    long z = (long)day + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *mday = (int)d;
}

/* Writes the text formatted in a scratch buffer to `out`, cut at SLANT_DATE_TEXT bytes
 * (an int32 day's year has at most 7 digits: no label is ever cut). */
static void put(char *out, const char *text)
{
    size_t n = strlen(text);
    if (n >= SLANT_DATE_TEXT)
        n = SLANT_DATE_TEXT - 1;
    memcpy(out, text, n);
    out[n] = '\0';
}

void slant_date_format(int32_t day, char *out)
{
    int y, m, d;
    char text[64];
    slant_date_to_civil(day, &y, &m, &d);
    snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
    put(out, text);
}

/* --- the parts of a date-time ---------------------------------------------------------------- */

/* "HH:MM[:SS[.fff]]" (ISO: two-digit hour, `fraction` allowed; RFC: one or two digits). */
static int clock_time(cur *c, int iso)
{
    int h = iso ? digits(c, 2) : one_or_two(c);
    if (h < 0 || h > 23 || !take(c, ':'))
        return 0;
    int m = digits(c, 2);
    if (m < 0 || m > 59)
        return 0;
    if (take(c, ':')) {
        int sec = digits(c, 2);
        if (sec < 0 || sec > 59)
            return 0;
        if (iso && (peek(c) == '.' || peek(c) == ',')) {
            c->s++;
            if (!is_digit(peek(c)))
                return 0;
            while (is_digit(peek(c)))
                c->s++;
        }
    }
    return 1;
}

/* An ISO 8601 offset: Z, +HH, +HHMM or +HH:MM (also with '-'). */
static int iso_offset(cur *c)
{
    if (take(c, 'Z') || take(c, 'z'))
        return 1;
    if (!take(c, '+') && !take(c, '-'))
        return 0;
    int h = digits(c, 2);
    if (h < 0 || h > 23)
        return 0;
    if (at_end(c))
        return 1;
    take(c, ':');
    int m = digits(c, 2);
    return m >= 0 && m <= 59;
}

/* An RFC 2822 zone: +HHMM / -HHMM, or a name of RFC 822 (UT, GMT, Z, the US zones). */
static int rfc_zone(cur *c)
{
    if (take(c, '+') || take(c, '-')) {
        int h = digits(c, 2), m = digits(c, 2);
        return h >= 0 && h <= 23 && m >= 0 && m <= 59;
    }
    static const char *const names[] = { "ut", "utc", "gmt", "z", "est", "edt", "cst", "cdt",
                                          "mst", "mdt", "pst", "pdt" };
    const char *w;
    size_t n = word(c, &w);
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (same_word(w, n, names[k]))
            return 1;
    return 0;
}

/* --- the forms --------------------------------------------------------------------------------- */

/* After "YYYY-MM-DD": nothing, or 'T' or a space, a time and an optional offset. */
static int iso_rest(cur *c)
{
    if (at_end(c))
        return 1;
    if (!take(c, 'T') && !take(c, 't') && !take(c, ' '))
        return 0;
    if (!clock_time(c, 1))
        return 0;
    if (!at_end(c) && !iso_offset(c))
        return 0;
    return at_end(c);
}

/* A year of four digits after optional spaces. */
static int year4(cur *c)
{
    int y = digits(c, 4);
    return is_digit(peek(c)) ? -1 : y;
}

/* After a day-first or US date: nothing, or a space, a time, and a space and a zone. */
static int rfc_rest(cur *c)
{
    if (at_end(c))
        return 1;
    if (!spaces(c) || !clock_time(c, 0))
        return 0;
    if (at_end(c))
        return 1;
    if (!spaces(c) || !rfc_zone(c))
        return 0;
    return at_end(c);
}

/* "Jul" or "Jul." or "July": the month, or 0. */
static int month_word(cur *c)
{
    const char *w;
    size_t n = word(c, &w);
    int m = month_name(w, n);
    if (m && n <= 4)
        take(c, '.');
    return m;
}

/* Parses a whole date (or, with `span`, a year or a month too) into [first, last]. */
static int parse(const char *s, size_t len, int span, int32_t *first, int32_t *last)
{
    cur c = { s, s + len };
    while (c.s < c.end && is_space((unsigned char)c.end[-1]))
        c.end--;
    skip_spaces(&c);
    int y = -1, m = -1, d = -1;
    int partial = 0; /* with `span`: 1 a year, 2 a month */
    if (is_digit(peek(&c)) && c.end - c.s >= 4 && is_digit((unsigned char)c.s[1]) &&
        is_digit((unsigned char)c.s[2]) && is_digit((unsigned char)c.s[3])) {
        /* year first: ISO 8601 or slashes */
        y = digits(&c, 4);
        int sep = peek(&c);
        if (at_end(&c) && span) {
            partial = 1;
        } else if (sep == '-' || sep == '/') {
            c.s++;
            m = digits(&c, 2);
            if (m < 0)
                return -1;
            if (at_end(&c) && span) {
                partial = 2;
            } else {
                if (!take(&c, sep))
                    return -1;
                d = digits(&c, 2);
                if (d < 0 || (sep == '-' ? !iso_rest(&c) : !rfc_rest(&c)))
                    return -1;
            }
        } else {
            return -1;
        }
    } else {
        const char *w;
        size_t n = word(&c, &w);
        if (n) { /* a weekday, or the month of a US date */
            if (weekday_name(w, n)) {
                if (!take(&c, ','))
                    take(&c, '.');
                if (!spaces(&c))
                    return -1;
            } else {
                c.s = w;
            }
        }
        if (is_digit(peek(&c))) { /* day first: 31 Jul 2020 [time [zone]] */
            d = one_or_two(&c);
            if (d < 0 || !spaces(&c) || !(m = month_word(&c)) || !spaces(&c))
                return -1;
            y = year4(&c);
            if (y < 0 || !rfc_rest(&c))
                return -1;
        } else { /* US: July 31, 2020 */
            if (!(m = month_word(&c)) || !spaces(&c))
                return -1;
            d = one_or_two(&c);
            take(&c, ',');
            if (d < 0 || !spaces(&c))
                return -1;
            y = year4(&c);
            if (y < 0 || !rfc_rest(&c))
                return -1;
        }
    }
    if (partial) { /* a year or a month (span only) */
        if (y < 1 || y > 9999 || (partial == 2 && (m < 1 || m > 12)))
            return -1;
        int m0 = partial == 2 ? m : 1, m1 = partial == 2 ? m : 12;
        *first = slant_date_from_civil(y, m0, 1);
        *last = slant_date_from_civil(y, m1, days_in_month(y, m1));
        return 0;
    }
    if (!valid(y, m, d))
        return -1;
    *first = *last = slant_date_from_civil(y, m, d);
    return 0;
}

int slant_date_parse(const char *s, size_t len, int32_t *day)
{
    int32_t first, last;
    if (parse(s, len, 0, &first, &last) != 0)
        return -1;
    *day = first;
    return 0;
}

int slant_date_parse_span(const char *s, size_t len, int32_t *first, int32_t *last)
{
    return parse(s, len, 1, first, last);
}

/* --- periods ----------------------------------------------------------------------------------- */

int slant_period_of(const char *name)
{
    static const char *const names[] = { "day", "week", "month", "year" };
    for (int k = 0; k < 4; k++)
        if (!strcmp(name, names[k]))
            return k + 1;
    return -1;
}

const char *slant_period_name(slant_period p)
{
    static const char *const names[] = { "day", "week", "month", "year" };
    return p >= SLANT_PERIOD_DAY && p <= SLANT_PERIOD_YEAR ? names[p - 1] : "?";
}

/* 0 Monday .. 6 Sunday (1970-01-01 was a Thursday). */
static int weekday_of(int32_t day)
{
    long w = ((long)day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int32_t slant_period_start(slant_period p, int32_t day)
{
    int y, m, d;
    switch (p) {
    case SLANT_PERIOD_WEEK:
        return day - weekday_of(day);
    case SLANT_PERIOD_MONTH:
        slant_date_to_civil(day, &y, &m, &d);
        return slant_date_from_civil(y, m, 1);
    case SLANT_PERIOD_YEAR:
        slant_date_to_civil(day, &y, &m, &d);
        return slant_date_from_civil(y, 1, 1);
    default:
        return day;
    }
}

int64_t slant_period_index(slant_period p, int32_t day)
{
    int y, m, d;
    switch (p) {
    case SLANT_PERIOD_WEEK: /* Monday 1969-12-29 starts week 0 */
        return ((int64_t)slant_period_start(p, day) + 3) / 7;
    case SLANT_PERIOD_MONTH:
        slant_date_to_civil(day, &y, &m, &d);
        return ((int64_t)y - 1970) * 12 + (m - 1);
    case SLANT_PERIOD_YEAR:
        slant_date_to_civil(day, &y, &m, &d);
        return (int64_t)y - 1970;
    default:
        return day;
    }
}

void slant_period_label(slant_period p, int32_t day, char *out)
{
    int y, m, d;
    char text[64];
    switch (p) {
    case SLANT_PERIOD_WEEK: {
        /* the ISO week: the year of its Thursday, the week of that Thursday's ordinal */
        int32_t thursday = slant_period_start(p, day) + 3;
        slant_date_to_civil(thursday, &y, &m, &d);
        int week = (thursday - slant_date_from_civil(y, 1, 1)) / 7 + 1;
        snprintf(text, sizeof text, "%04d-W%02d", y, week);
        put(out, text);
        break;
    }
    case SLANT_PERIOD_MONTH:
        slant_date_to_civil(day, &y, &m, &d);
        snprintf(text, sizeof text, "%04d-%02d", y, m);
        put(out, text);
        break;
    case SLANT_PERIOD_YEAR:
        slant_date_to_civil(day, &y, &m, &d);
        snprintf(text, sizeof text, "%04d", y);
        put(out, text);
        break;
    default:
        slant_date_format(day, out);
        break;
    }
}
