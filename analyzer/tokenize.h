#ifndef SLANT_TOKENIZE_H
#define SLANT_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

/*
 * The tokenizer: one pass over the original bytes of an article's text that finds words,
 * clauses, sentences, paragraphs and quotation spans. Nothing is copied: every span is a
 * pair of byte offsets into the text as received, so evidence offsets point at the bytes
 * a user has on disk.
 *
 * Words: letters, digits and combining marks, with inner apostrophes (don't, Azerbaijan's),
 * dotted abbreviations (U.S., e.g.) and numbers with inner separators (1,000 and 20.5).
 * A hyphen between two words splits them and marks the second SLANT_TOK_JOINED, so
 * "anti-terrorist" is the sequence "anti" "terrorist" and matches an entry either way.
 *
 * Paragraphs: if the text has a blank line anywhere, paragraphs are separated by blank
 * lines (wrapped text); otherwise every line is a paragraph (one paragraph per line, as
 * the seed articles and most feeds have it).
 *
 * The lead is the first SLANT_LEAD_SENTENCES sentences of the text (a headline, when an
 * article has one, is its title, tokenized on its own by the caller).
 *
 * Sentences end at . ! ? or an ellipsis followed by white space and a capital letter, a
 * digit or an opening quote, and at every paragraph end. A period after a known
 * abbreviation (Mr., Oct., Gen.) or a single capital initial does not end a sentence.
 *
 * Quotations: straight and curly double quotes, straight and curly single quotes, and
 * guillemets, nested to SLANT_MAX_QUOTE_DEPTH. The double-quote family is one family (a
 * quote opened with a curly mark may close with a straight one, as real copy does). A
 * double quote or guillemet still open at a paragraph end continues when the next
 * paragraph opens with a quote mark (the convention for quotes that run over several
 * paragraphs); otherwise it ends with the paragraph and is marked unclosed. A single
 * quote still open at a paragraph end was an apostrophe ('90s, rock 'n' roll) and is
 * dropped.
 */

#define SLANT_MAX_QUOTE_DEPTH 8
#define SLANT_LEAD_SENTENCES 2

enum {
    SLANT_TOK_NUMBER = 1u << 0,   /* starts with a digit */
    SLANT_TOK_JOINED = 1u << 1,   /* follows the previous word across a hyphen */
    SLANT_TOK_UPPER  = 1u << 2    /* starts with an upper-case letter */
};

typedef struct {
    uint32_t start, end;     /* bytes [start, end) of the text */
    uint32_t sentence;       /* index into slant_doc.sentences */
    uint32_t clause;         /* increases at clause punctuation; scope of negation */
    /* 1 + index of the innermost quotation holding it; 0: author's voice. Quote and flags
     * share one word: a token is 20 bytes, and a huge article's memory is mostly tokens. */
    uint32_t quote : 29;
    uint32_t flags : 3;      /* SLANT_TOK_* */
} slant_token;

_Static_assert(SLANT_TOK_UPPER < (1u << 3), "token flags fit their 3 bits");

/* More quotations than this in one text are read as plain text (quote's 29 bits). */
#define SLANT_MAX_QUOTES (((uint32_t)1 << 29) - 2)

typedef struct {
    uint32_t start, end;             /* bytes from its first to its last word */
    uint32_t first_token, ntokens;
    uint32_t paragraph;
} slant_sentence;

typedef struct {
    uint32_t start, end;             /* bytes of the paragraph's line(s), trimmed */
    uint32_t first_sentence, nsentences;
} slant_paragraph;

typedef enum {
    SLANT_QUOTE_DOUBLE = 0,
    SLANT_QUOTE_SINGLE,
    SLANT_QUOTE_GUILLEMET
} slant_quote_style;

typedef struct {
    uint32_t start, end;             /* bytes from the opening mark to after the closing one */
    uint32_t first_token, ntokens;   /* the words inside */
    uint32_t first_paragraph, last_paragraph;
    uint8_t style;                   /* slant_quote_style */
    uint8_t closed;                  /* 0: ended at a paragraph end without a closing mark */
    uint8_t depth;                   /* 0 for an outermost quotation */
} slant_quote;

/*
 * A tokenized text. The arrays are reused from one article to the next (they only grow),
 * so tokenizing allocates nothing once a worker has seen an article of the same size.
 */
typedef struct {
    const char *text;                /* borrowed: the caller keeps it alive */
    size_t len;
    slant_token *tokens;
    size_t ntokens, tokens_cap;
    slant_sentence *sentences;
    size_t nsentences, sentences_cap;
    slant_paragraph *paragraphs;
    size_t nparagraphs, paragraphs_cap;
    slant_quote *quotes;
    size_t nquotes, quotes_cap;
    size_t invalid_utf8;             /* invalid sequences seen (each read as U+FFFD) */
    size_t lead_tokens;              /* words 0 .. lead_tokens - 1 are the lead */
} slant_doc;

/* The longest text slant_tokenize() accepts: offsets are 32-bit. */
#define SLANT_MAX_TEXT_BYTES ((size_t)UINT32_MAX - 1)

/* The tokenizer's own table of ASCII classes; for the unit test that checks it. */
int slant_tokenize_ascii_class(int c);
/* The first byte at or after `i` of `s` (`len` bytes) that is not an ASCII letter or digit,
 * or `len`: the tokenizer's scan of a word's common part; for its unit test. */
size_t slant_tokenize_alnum_run(const char *s, size_t len, size_t i);

void slant_doc_init(slant_doc *d);
void slant_doc_release(slant_doc *d);

/*
 * Tokenizes `len` bytes of `text` (any bytes at all) into `d`, replacing what it held.
 * `text` is borrowed and must outlive the use of `d`. Returns 0, or -1 if the text is
 * longer than SLANT_MAX_TEXT_BYTES (then `d` is empty).
 */
int slant_tokenize(slant_doc *d, const char *text, size_t len);

#endif
