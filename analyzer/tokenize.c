#include "tokenize.h"

#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "xalloc.h"

/* A quote mark's family and which way it may face. */
typedef enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_EITHER } mark_dir;

/* Index of a quotation that was dropped (a single quote that never closed). */
#define DROPPED 0xFF

typedef struct {
    uint32_t index;   /* into doc->quotes */
    uint8_t style;
} open_quote;

typedef struct {
    slant_doc *d;
    const char *s;
    size_t len;
    int blank_line_paragraphs;

    int in_paragraph;
    uint32_t para_start, para_end;   /* bytes of the open paragraph */
    size_t para_first_sentence;

    int in_sentence;
    int pending_end;                 /* a terminator was seen after the last word */
    int space_since_word;
    int quote_opened_since_word;
    int next_joined;                 /* a hyphen joined the last word to the next */
    uint32_t clause;

    open_quote stack[SLANT_MAX_QUOTE_DEPTH];
    int depth;
    open_quote carry[SLANT_MAX_QUOTE_DEPTH]; /* open at the last paragraph end */
    int ncarry;
    uint32_t carry_end;              /* where the carried quotations end if not continued */
    uint32_t carry_paragraph;        /* and in which paragraph */
} tokenizer;

void slant_doc_init(slant_doc *d)
{
    memset(d, 0, sizeof *d);
}

void slant_doc_release(slant_doc *d)
{
    free(d->tokens);
    free(d->sentences);
    free(d->paragraphs);
    free(d->quotes);
    memset(d, 0, sizeof *d);
}

/*
 * slant_char_classify() of each ASCII character, so the common case needs no call into
 * normalize.c (a unit test checks that the two agree): 0 other, 1 letter, 3 digit,
 * 4 space, 5 line break, 6 punctuation.
 */
static const unsigned char ascii_class[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 4, 4, 5, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 6, 6, 6, 6, 6,
    6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6, 6, 6, 6, 6,
    6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6, 6, 6, 6, 0,
};

/* 1 for the bytes of ASCII letters and digits (the classes 1 and 3 above), else 0. */
static const unsigned char ascii_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
    ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/*
 * The index of the first byte at or after `i` of `s` (`len` bytes) that is not an ASCII
 * letter or digit (`len` if none). Eight bytes are looked at together (a byte is a letter
 * when it is below 0x80 and, its 0x20 bit set, lies in 'a'..'z'; a digit when it lies in
 * '0'..'9'), so a word's end costs one count of trailing zeros rather than a branch per
 * byte; the bytes after the last full eight go through ascii_alnum one by one.
 */
static inline size_t alnum_run(const char *s, size_t len, size_t i)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    while (i + 8 <= len) {
        uint64_t v;
        memcpy(&v, s + i, sizeof v);
        uint64_t x = v & ~highs;        /* the low seven bits: no carry between bytes */
        uint64_t l = x | ones * 0x20;   /* letters folded to lower case */
        uint64_t letter = (l + ones * (0x80 - 'a')) & ~(l + ones * (0x7F - 'z'));
        uint64_t digit = (x + ones * (0x80 - '0')) & ~(x + ones * (0x7F - '9'));
        uint64_t other = ~((letter | digit) & ~v) & highs; /* 0x80 in each other byte */
        if (other)
            return i + (size_t)__builtin_ctzll(other) / 8;
        i += 8;
    }
#endif
    while (i < len && ascii_alnum[(unsigned char)s[i]])
        i++;
    return i;
}

size_t slant_tokenize_alnum_run(const char *s, size_t len, size_t i)
{
    return alnum_run(s, len, i);
}

int slant_tokenize_ascii_class(int c)
{
    return c >= 0 && c < 128 ? ascii_class[c] : -1;
}

static inline slant_char_class class_of(int32_t cp)
{
    if (cp >= 0 && cp < 128)
        return (slant_char_class)ascii_class[cp];
    return slant_char_classify(cp);
}

/* The code point at byte `i` and its length in `*n`; -1 (and 0) past the end. */
static inline int32_t peek(const tokenizer *t, size_t i, size_t *n)
{
    if (i >= t->len) {
        *n = 0;
        return -1;
    }
    unsigned char c = (unsigned char)t->s[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    int32_t cp;
    int invalid;
    *n = slant_utf8_next(t->s + i, t->len - i, &cp, &invalid);
    return cp;
}

static int32_t prev_cp(const tokenizer *t, size_t i)
{
    if (i == 0)
        return -1;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)t->s[j] & 0xC0) == 0x80)
        j--;
    int32_t cp;
    int invalid;
    size_t n = slant_utf8_next(t->s + j, t->len - j, &cp, &invalid);
    if (j + n != i) /* not a clean code point boundary: read as the byte before */
        return SLANT_REPLACEMENT_CHAR;
    return cp;
}

static inline int is_wordish(int32_t cp)
{
    if (cp < 0)
        return 0;
    slant_char_class c = class_of(cp);
    return c == SLANT_CHAR_LETTER || c == SLANT_CHAR_DIGIT || c == SLANT_CHAR_MARK;
}

static inline int is_blank(int32_t cp)
{
    if (cp < 0)
        return 1;
    slant_char_class c = class_of(cp);
    return c == SLANT_CHAR_SPACE || c == SLANT_CHAR_NEWLINE;
}

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* The family of a quote mark, or -1. */
static int quote_family(int32_t cp)
{
    switch (cp) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
        return SLANT_QUOTE_DOUBLE;
    case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
        return SLANT_QUOTE_SINGLE;
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
        return SLANT_QUOTE_GUILLEMET;
    default:
        return -1;
    }
}

/* Which way a mark may face by its shape alone. */
static mark_dir mark_shape(int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201E: case 0x201F: case 0x2018: case 0x201A: case 0x201B:
    case 0x00AB: case 0x2039:
        return MARK_OPEN;
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
        return MARK_CLOSE;
    default:
        return MARK_EITHER;
    }
}

/* Abbreviations whose period does not end a sentence (compared folded, without the dot),
 * with their lengths so the check at every period costs no strlen. */
#define ABBR(s) { s, sizeof s - 1 }
static const struct {
    const char *text;
    size_t len;
} abbreviations[] = {
    ABBR("mr"), ABBR("mrs"), ABBR("ms"), ABBR("dr"), ABBR("prof"), ABBR("gen"), ABBR("col"),
    ABBR("capt"), ABBR("lt"), ABBR("sgt"), ABBR("cpl"), ABBR("maj"), ABBR("adm"), ABBR("st"),
    ABBR("jr"), ABBR("sr"), ABBR("rev"), ABBR("sen"), ABBR("rep"), ABBR("gov"), ABBR("pres"),
    ABBR("amb"), ABBR("hon"), ABBR("mt"), ABBR("ft"), ABBR("no"), ABBR("vs"), ABBR("inc"),
    ABBR("corp"), ABBR("ltd"), ABBR("co"), ABBR("jan"), ABBR("feb"), ABBR("mar"), ABBR("apr"),
    ABBR("jun"), ABBR("jul"), ABBR("aug"), ABBR("sep"), ABBR("sept"), ABBR("oct"),
    ABBR("nov"), ABBR("dec"), ABBR("approx"), ABBR("dept"), ABBR("est"), ABBR("fig"),
    ABBR("vol"), ABBR("p"), ABBR("pp"),
};
#undef ABBR
#define MAX_ABBREVIATION 6

static int is_abbreviation(const char *s, size_t len)
{
    char low[MAX_ABBREVIATION];
    if (len == 0 || len > MAX_ABBREVIATION)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        low[i] = c;
    }
    for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
        if (abbreviations[i].len == len && abbreviations[i].text[0] == low[0] &&
            memcmp(abbreviations[i].text, low, len) == 0)
            return 1;
    return 0;
}

/* --- paragraphs and sentences ------------------------------------------------------ */

static void close_sentence(tokenizer *t)
{
    if (!t->in_sentence)
        return;
    t->in_sentence = 0;
    t->pending_end = 0;
    t->clause++;
}

static void open_sentence(tokenizer *t, const slant_token *first)
{
    slant_doc *d = t->d;
    d->sentences = xgrow(d->sentences, &d->sentences_cap, d->nsentences + 1,
                         sizeof *d->sentences);
    slant_sentence *s = &d->sentences[d->nsentences++];
    s->start = first->start;
    s->end = first->end;
    s->first_token = (uint32_t)d->ntokens;
    s->ntokens = 0;
    s->paragraph = (uint32_t)(d->nparagraphs ? d->nparagraphs - 1 : 0);
    t->in_sentence = 1;
}

/* Ends every carried quotation in `q`, unclosed, where the paragraph they were open in
 * ended. */
static void end_unclosed(tokenizer *t, open_quote *q, int n)
{
    for (int k = 0; k < n; k++) {
        slant_quote *sq = &t->d->quotes[q[k].index];
        sq->end = t->carry_end;
        sq->closed = 0;
        sq->last_paragraph = t->carry_paragraph;
    }
}

static void close_paragraph(tokenizer *t)
{
    if (!t->in_paragraph)
        return;
    close_sentence(t);
    slant_doc *d = t->d;
    slant_paragraph *p = &d->paragraphs[d->nparagraphs - 1];
    p->end = t->para_end;
    p->nsentences = (uint32_t)(d->nsentences - p->first_sentence);
    t->in_paragraph = 0;
    t->next_joined = 0;

    /* Open single quotes were apostrophes; open double quotes and guillemets may go on in
     * the next paragraph, decided when it starts. */
    end_unclosed(t, t->carry, t->ncarry);
    t->ncarry = 0;
    for (int k = 0; k < t->depth; k++) {
        if (t->stack[k].style == SLANT_QUOTE_SINGLE)
            d->quotes[t->stack[k].index].style = DROPPED;
        else
            t->carry[t->ncarry++] = t->stack[k];
    }
    t->depth = 0;
    t->carry_end = t->para_end;
    t->carry_paragraph = (uint32_t)(d->nparagraphs - 1);
}

static void open_paragraph(tokenizer *t, uint32_t at)
{
    slant_doc *d = t->d;
    d->paragraphs = xgrow(d->paragraphs, &d->paragraphs_cap, d->nparagraphs + 1,
                          sizeof *d->paragraphs);
    slant_paragraph *p = &d->paragraphs[d->nparagraphs++];
    p->start = at;
    p->end = at;
    p->first_sentence = (uint32_t)d->nsentences;
    p->nsentences = 0;
    t->in_paragraph = 1;
    t->para_start = at;
    t->para_end = at;
}

/* --- quotations -------------------------------------------------------------------- */

static void push_quote(tokenizer *t, uint8_t style, uint32_t at)
{
    if (t->depth == SLANT_MAX_QUOTE_DEPTH || t->d->nquotes >= SLANT_MAX_QUOTES)
        return; /* deeper nesting, and quotations past the maximum, are read as plain text */
    slant_doc *d = t->d;
    d->quotes = xgrow(d->quotes, &d->quotes_cap, d->nquotes + 1, sizeof *d->quotes);
    slant_quote *q = &d->quotes[d->nquotes];
    memset(q, 0, sizeof *q);
    q->start = at;
    q->end = at;
    q->style = style;
    q->first_paragraph = (uint32_t)(d->nparagraphs - 1);
    q->last_paragraph = q->first_paragraph;
    t->stack[t->depth].index = (uint32_t)d->nquotes;
    t->stack[t->depth].style = style;
    t->depth++;
    d->nquotes++;
    t->quote_opened_since_word = 1;
}

/* The stack position of the innermost open quotation of `style`, or -1. */
static int find_open(const tokenizer *t, int style)
{
    for (int k = t->depth - 1; k >= 0; k--)
        if (t->stack[k].style == style)
            return k;
    return -1;
}

static void pop_quote(tokenizer *t, int k, uint32_t end)
{
    slant_doc *d = t->d;
    for (int j = t->depth - 1; j > k; j--) {
        slant_quote *inner = &d->quotes[t->stack[j].index];
        if (t->stack[j].style == SLANT_QUOTE_SINGLE) {
            inner->style = DROPPED;
        } else {
            inner->end = end;
            inner->closed = 0;
            inner->last_paragraph = (uint32_t)(d->nparagraphs - 1);
        }
    }
    slant_quote *q = &d->quotes[t->stack[k].index];
    q->end = end;
    q->closed = 1;
    q->last_paragraph = (uint32_t)(d->nparagraphs - 1);
    t->depth = k;
}

/*
 * Whether a single quote mark between `before` and `after` (the word starting at byte
 * `next`) is an apostrophe rather than a quotation mark: inside a word the scanner did not
 * take, before digits ('90s), or before a lone letter (rock 'n' roll).
 */
static int is_elision(const tokenizer *t, int32_t before, int32_t after, size_t next)
{
    if (is_wordish(before) && is_wordish(after))
        return 1;
    if (after >= 0 && class_of(after) == SLANT_CHAR_DIGIT)
        return 1;
    if (is_blank(before) && after >= 0 && class_of(after) == SLANT_CHAR_LETTER) {
        size_t n;
        peek(t, next, &n);
        int32_t second = peek(t, next + n, &n);
        return !is_wordish(second) && quote_family(second) != SLANT_QUOTE_SINGLE;
    }
    return 0;
}

/*
 * A quote mark at byte `i` taking `n` bytes. Decides by the mark's shape, what stands on
 * either side, and which quotations are open.
 */
static void quote_mark(tokenizer *t, int32_t cp, int family, size_t i, size_t n)
{
    int32_t before = prev_cp(t, i);
    size_t nn;
    int32_t after = peek(t, i + n, &nn);
    int can_close = !is_blank(before);
    int can_open = !is_blank(after) && (is_blank(before) || !is_wordish(before));
    mark_dir shape = mark_shape(cp);
    int open_at = find_open(t, family);
    uint32_t end = (uint32_t)(i + n);

    if (family == SLANT_QUOTE_SINGLE && is_elision(t, before, after, i + n))
        return;

    if (shape == MARK_OPEN) {
        if (open_at >= 0 && can_close && !can_open)
            pop_quote(t, open_at, end);
        else if (can_open || family != SLANT_QUOTE_SINGLE)
            push_quote(t, (uint8_t)family, (uint32_t)i);
    } else if (shape == MARK_CLOSE) {
        if (open_at >= 0 && (can_close || family != SLANT_QUOTE_SINGLE))
            pop_quote(t, open_at, end);
        else if (can_open && family != SLANT_QUOTE_GUILLEMET)
            push_quote(t, (uint8_t)family, (uint32_t)i);
    } else { /* straight marks face either way */
        if (open_at >= 0 && can_close)
            pop_quote(t, open_at, end);
        else if (can_open)
            push_quote(t, (uint8_t)family, (uint32_t)i);
        else if (open_at >= 0 && family == SLANT_QUOTE_DOUBLE)
            pop_quote(t, open_at, end);
    }
    t->clause++;
}

/*
 * The first visible character of a paragraph: quotations carried over from the last
 * paragraph go on if it is an opening mark of their family, and end otherwise.
 * Returns 1 if the mark was consumed as a continuation.
 */
static int continue_quotes(tokenizer *t, int32_t cp)
{
    if (!t->ncarry)
        return 0;
    int family = quote_family(cp);
    int outer_family = t->carry[0].style;
    if (family == outer_family && family != SLANT_QUOTE_SINGLE && mark_shape(cp) != MARK_CLOSE) {
        /* The outermost quotation goes on; inner ones ended with the paragraph. */
        end_unclosed(t, t->carry + 1, t->ncarry - 1);
        t->stack[0] = t->carry[0];
        t->depth = 1;
        t->ncarry = 0;
        return 1;
    }
    end_unclosed(t, t->carry, t->ncarry);
    t->ncarry = 0;
    return 0;
}

/* --- words ------------------------------------------------------------------------- */

/* Scans the word starting at `i` and returns the byte after it. */
static size_t scan_word(tokenizer *t, size_t i, uint32_t *flags)
{
    size_t n;
    int32_t cp = peek(t, i, &n);
    slant_char_class first = class_of(cp);
    *flags = first == SLANT_CHAR_DIGIT ? SLANT_TOK_NUMBER : 0;
    if (cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : slant_char_is_upper(cp))
        *flags |= SLANT_TOK_UPPER;
    size_t j = i + n;
    size_t letters = 1;
    for (;;) {
        /* The common case: a run of ASCII letters and digits. */
        size_t run = j;
        j = alnum_run(t->s, t->len, j);
        letters += j - run;
        /* A word mostly ends at a space or punctuation that cannot go on with it. */
        if (j < t->len) {
            unsigned char c = (unsigned char)t->s[j];
            if (c < 0x80 && c != '\'' && c != '.' && c != ',')
                break;
        }
        cp = peek(t, j, &n);
        if (is_wordish(cp)) {
            j += n;
            letters++;
            continue;
        }
        size_t n2;
        int32_t next = peek(t, j + n, &n2);
        slant_char_class next_class = next < 0 ? SLANT_CHAR_OTHER : class_of(next);
        if (is_apostrophe(cp) && next_class == SLANT_CHAR_LETTER) {
            j += n + n2; /* don't, Azerbaijan's */
            letters++;
            continue;
        }
        if ((cp == '.' || cp == ',') && (*flags & SLANT_TOK_NUMBER) &&
            next_class == SLANT_CHAR_DIGIT) {
            j += n + n2; /* 20.5, 1,000 */
            continue;
        }
        if (cp == '.' && letters == 1 && next_class == SLANT_CHAR_LETTER) {
            /* An initialism: single letters each followed by a period (U.S., e.g.). */
            size_t n3;
            if (peek(t, j + n + n2, &n3) == '.') {
                j += n + n2 + n3;
                while (peek(t, j, &n) >= 0) {
                    int32_t l = peek(t, j, &n);
                    size_t n4;
                    if (class_of(l) != SLANT_CHAR_LETTER ||
                        peek(t, j + n, &n4) != '.')
                        break;
                    j += n + n4;
                }
                break;
            }
        }
        break;
    }
    return j;
}

static void add_word(tokenizer *t, size_t start, size_t end, uint32_t flags)
{
    slant_doc *d = t->d;
    slant_token tok = { (uint32_t)start, (uint32_t)end, 0, t->clause, 0, flags };
    if (t->next_joined)
        tok.flags |= SLANT_TOK_JOINED;
    t->next_joined = 0;

    if (t->in_sentence && t->pending_end && t->space_since_word &&
        ((flags & (SLANT_TOK_UPPER | SLANT_TOK_NUMBER)) || t->quote_opened_since_word))
        close_sentence(t);
    t->pending_end = 0;
    if (!t->in_sentence)
        open_sentence(t, &tok);
    tok.clause = t->clause;

    slant_sentence *s = &d->sentences[d->nsentences - 1];
    tok.sentence = (uint32_t)(d->nsentences - 1);
    s->ntokens++;
    s->end = tok.end;
    if (d->ntokens == d->tokens_cap)
        d->tokens = xgrow(d->tokens, &d->tokens_cap, d->ntokens + 1, sizeof *d->tokens);
    d->tokens[d->ntokens++] = tok;
    t->space_since_word = 0;
    t->quote_opened_since_word = 0;
}

/* A period right after a word that is an abbreviation or an initial does not end a sentence. */
static int period_is_abbreviation(const tokenizer *t, size_t i)
{
    const slant_doc *d = t->d;
    if (!d->ntokens)
        return 0;
    const slant_token *last = &d->tokens[d->ntokens - 1];
    if (last->end != i)
        return 0;
    size_t len = last->end - last->start;
    const char *w = t->s + last->start;
    if (w[len - 1] == '.')
        return 1; /* an initialism took its own period */
    if (len == 1 && (last->flags & SLANT_TOK_UPPER))
        return 1; /* a middle initial: Nikol V. Pashinyan */
    return is_abbreviation(w, len);
}

/* --- the pass ---------------------------------------------------------------------- */

/* Whether a blank line (two line breaks with only spaces between) occurs in the text. */
static int has_blank_line(const char *s, size_t len)
{
    int newlines = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\n') {
            if (++newlines == 2)
                return 1;
        } else if (c != '\r' && c != ' ' && c != '\t') {
            newlines = 0;
        }
    }
    return 0;
}

/* A line break at `i`: returns the bytes it and any blank lines after it take, and sets
 * `*ends_paragraph`. */
static size_t line_break(const tokenizer *t, size_t i, int *ends_paragraph)
{
    size_t j = i, n;
    int breaks = 0;
    size_t after_last_break = i;
    for (;;) {
        int32_t cp = peek(t, j, &n);
        if (cp < 0)
            break;
        slant_char_class c = class_of(cp);
        if (c == SLANT_CHAR_NEWLINE) {
            if (!(cp == '\n' && j > i && t->s[j - 1] == '\r'))
                breaks++;
            j += n;
            after_last_break = j;
        } else if (c == SLANT_CHAR_SPACE) {
            j += n;
        } else {
            break;
        }
    }
    *ends_paragraph = t->blank_line_paragraphs ? breaks >= 2 : breaks >= 1;
    return after_last_break - i;
}

/* Assigns each word its innermost quotation and each quotation its words, and removes
 * the dropped ones. */
static void resolve_quotes(slant_doc *d)
{
    size_t kept = 0;
    for (size_t q = 0; q < d->nquotes; q++)
        if (d->quotes[q].style != DROPPED)
            d->quotes[kept++] = d->quotes[q];
    d->nquotes = kept;

    uint32_t stack[SLANT_MAX_QUOTE_DEPTH];
    int depth = 0;
    size_t next = 0;
    for (size_t k = 0; k < d->ntokens; k++) {
        slant_token *tok = &d->tokens[k];
        for (;;) {
            while (depth && d->quotes[stack[depth - 1]].end <= tok->start)
                depth--;
            if (next < d->nquotes && d->quotes[next].start <= tok->start) {
                slant_quote *q = &d->quotes[next];
                q->first_token = (uint32_t)k;
                q->depth = (uint8_t)depth;
                if (depth < SLANT_MAX_QUOTE_DEPTH)
                    stack[depth++] = (uint32_t)next;
                next++;
                continue;
            }
            break;
        }
        tok->quote = 0;
        for (int j = depth - 1; j >= 0; j--) {
            slant_quote *q = &d->quotes[stack[j]];
            if (tok->end <= q->end) {
                tok->quote = stack[j] + 1;
                break;
            }
        }
        for (int j = 0; j < depth; j++) {
            slant_quote *q = &d->quotes[stack[j]];
            if (tok->end <= q->end)
                q->ntokens++;
        }
    }
    for (; next < d->nquotes; next++)
        d->quotes[next].first_token = (uint32_t)d->ntokens;
}

int slant_tokenize(slant_doc *d, const char *text, size_t len)
{
    d->text = text;
    d->len = len;
    d->ntokens = d->nsentences = d->nparagraphs = d->nquotes = 0;
    d->invalid_utf8 = 0;
    d->lead_tokens = 0;
    if (len > SLANT_MAX_TEXT_BYTES) {
        d->len = 0;
        return -1;
    }
    tokenizer t;
    memset(&t, 0, sizeof t);
    t.d = d;
    t.s = text;
    t.len = len;
    t.blank_line_paragraphs = has_blank_line(text, len);

    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int invalid = 0;
        size_t n = 1;
        if ((unsigned char)text[i] < 0x80)
            cp = (unsigned char)text[i];
        else
            n = slant_utf8_next(text + i, len - i, &cp, &invalid);
        d->invalid_utf8 += (size_t)invalid;
        slant_char_class c = class_of(cp);

        if (c == SLANT_CHAR_NEWLINE) {
            int ends;
            size_t skip = line_break(&t, i, &ends);
            if (ends)
                close_paragraph(&t);
            t.space_since_word = 1;
            i += skip;
            continue;
        }
        if (c == SLANT_CHAR_SPACE || cp == 0xFEFF) {
            t.space_since_word = 1;
            i += n;
            continue;
        }
        if (!t.in_paragraph) {
            open_paragraph(&t, (uint32_t)i);
            if (continue_quotes(&t, cp)) {
                t.para_end = (uint32_t)(i + n);
                i += n;
                continue;
            }
        }
        if (c == SLANT_CHAR_LETTER || c == SLANT_CHAR_DIGIT) {
            uint32_t flags;
            size_t end = scan_word(&t, i, &flags);
            add_word(&t, i, end, flags);
            t.para_end = (uint32_t)end;
            i = end;
            if (i < len && text[i] == ' ') { /* the common case, and not a hyphen */
                t.space_since_word = 1;
                i++;
                continue;
            }
            size_t hn;
            int32_t h = peek(&t, i, &hn);
            if (is_hyphen(h)) {
                size_t an;
                int32_t a = peek(&t, i + hn, &an);
                if (a >= 0 && (class_of(a) == SLANT_CHAR_LETTER ||
                               class_of(a) == SLANT_CHAR_DIGIT)) {
                    t.next_joined = 1;
                    i += hn;
                }
            }
            continue;
        }
        t.para_end = (uint32_t)(i + n);
        int family = quote_family(cp);
        if (family >= 0) {
            quote_mark(&t, cp, family, i, n);
        } else if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
            /* the period of an abbreviation or an initial ends neither the sentence nor
             * the clause: "Sen. Dick Durbin said", "Nikol V. Pashinyan" are one phrase */
            if (!(cp == '.' && period_is_abbreviation(&t, i))) {
                t.pending_end = t.in_sentence;
                t.clause++;
            }
        } else if (c == SLANT_CHAR_PUNCT && cp != '/' && cp != '&' && cp != '@' &&
                   cp != '#' && cp != '%' && cp != '*') {
            t.clause++;
        }
        i += n;
    }
    close_paragraph(&t);
    end_unclosed(&t, t.carry, t.ncarry);
    resolve_quotes(d);
    d->lead_tokens = d->nsentences > SLANT_LEAD_SENTENCES
                         ? d->sentences[SLANT_LEAD_SENTENCES].first_token
                         : d->ntokens;
    return 0;
}
