#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "harness.h"
#include "tokenize.h"

static slant_doc doc;
static char text[4096];

static void tok(const char *s)
{
    snprintf(text, sizeof text, "%s", s);
    slant_tokenize(&doc, text, strlen(text));
}

/* Word k as a string (a static buffer). */
static const char *word(size_t k)
{
    static char w[256];
    if (k >= doc.ntokens)
        return "(none)";
    const slant_token *t = &doc.tokens[k];
    snprintf(w, sizeof w, "%.*s", (int)(t->end - t->start), text + t->start);
    return w;
}

/* Quotation q's bytes, marks included. */
static const char *quote(size_t q)
{
    static char w[1024];
    if (q >= doc.nquotes)
        return "(none)";
    const slant_quote *x = &doc.quotes[q];
    snprintf(w, sizeof w, "%.*s", (int)(x->end - x->start), text + x->start);
    return w;
}

static void words_keep_apostrophes_and_abbreviations(void)
{
    tok("Don't blame Azerbaijan\xE2\x80\x99s U.S. allies: 1,000 troops, 20.5%.");
    CHECK_INT(doc.ntokens, 8);
    CHECK_STR(word(0), "Don't");
    CHECK_STR(word(2), "Azerbaijan\xE2\x80\x99s");
    CHECK_STR(word(3), "U.S.");
    CHECK_STR(word(5), "1,000");
    CHECK_STR(word(7), "20.5");
    CHECK(doc.tokens[5].flags & SLANT_TOK_NUMBER);
    CHECK(doc.tokens[0].flags & SLANT_TOK_UPPER);
    CHECK_INT(doc.nquotes, 0); /* apostrophes are not quotation marks */
}

static void hyphens_split_and_join(void)
{
    tok("an anti-terrorist operation - a cease-fire");
    CHECK_INT(doc.ntokens, 7);
    CHECK_STR(word(1), "anti");
    CHECK_STR(word(2), "terrorist");
    CHECK(doc.tokens[2].flags & SLANT_TOK_JOINED);
    CHECK(!(doc.tokens[4].flags & SLANT_TOK_JOINED)); /* "- a": a dash, not a join */
    CHECK(doc.tokens[3].clause != doc.tokens[4].clause);
    CHECK(doc.tokens[1].clause == doc.tokens[2].clause);
}

static void words_keep_combining_marks(void)
{
    tok("Tu\xCC\x88rkiye and \xC4\xB0lham");
    CHECK_INT(doc.ntokens, 3);
    CHECK_STR(word(0), "Tu\xCC\x88rkiye");
    CHECK_STR(word(2), "\xC4\xB0lham");
}

static void sentences_respect_abbreviations(void)
{
    tok("Mr. Smith met Gen. Lee on Oct. 5 in the U.S. capital. They talked! Then what? "
        "\"Nothing,\" he said. e.g. this stays.");
    CHECK_INT(doc.nsentences, 4);
    CHECK_INT(doc.sentences[0].ntokens, 12);
    CHECK_STR(word(doc.sentences[1].first_token), "They");
    CHECK_STR(word(doc.sentences[3].first_token), "Nothing");
}

static void paragraphs_by_line_or_blank_line(void)
{
    tok("First line.\nSecond line.\r\nThird.");
    CHECK_INT(doc.nparagraphs, 3);
    CHECK_INT(doc.nsentences, 3);
    /* With a blank line anywhere, single line breaks are wrapping inside a paragraph. */
    tok("A wrapped\nparagraph here.\n\n  \nAnother one.\n");
    CHECK_INT(doc.nparagraphs, 2);
    CHECK_INT(doc.paragraphs[0].nsentences, 1);
    CHECK_INT(doc.sentences[0].ntokens, 4);
}

static void quotes_of_every_style(void)
{
    tok("He said \xE2\x80\x9Cwe won\x22 and \xC2\xABnous aussi\xC2\xBB and 'fine' too.");
    CHECK_INT(doc.nquotes, 3);
    CHECK_STR(quote(0), "\xE2\x80\x9Cwe won\x22"); /* curly opens, straight closes */
    CHECK_INT(doc.quotes[0].style, SLANT_QUOTE_DOUBLE);
    CHECK_STR(quote(1), "\xC2\xABnous aussi\xC2\xBB");
    CHECK_INT(doc.quotes[1].style, SLANT_QUOTE_GUILLEMET);
    CHECK_STR(quote(2), "'fine'");
    CHECK_INT(doc.quotes[2].ntokens, 1);
    CHECK_INT(doc.tokens[2].quote, 1); /* "we" */
    CHECK_INT(doc.tokens[1].quote, 0); /* "said" */
}

static void nested_quotes(void)
{
    tok("\"They claim the 'weapons were there' all along,\" she said.");
    CHECK_INT(doc.nquotes, 2);
    CHECK_INT(doc.quotes[0].depth, 0);
    CHECK_INT(doc.quotes[1].depth, 1);
    CHECK_STR(quote(1), "'weapons were there'");
    CHECK_INT(doc.quotes[0].ntokens, 8);
    CHECK_INT(doc.tokens[3].quote, 2); /* "weapons": the innermost quotation */
    CHECK_INT(doc.tokens[1].quote, 1);
}

static void quote_runs_over_paragraphs(void)
{
    tok("\xE2\x80\x9CThe first part of it.\n\xE2\x80\x9CThe second part,\xE2\x80\x9D he said.\n"
        "Then plain text.");
    CHECK_INT(doc.nquotes, 1);
    CHECK_INT(doc.quotes[0].first_paragraph, 0);
    CHECK_INT(doc.quotes[0].last_paragraph, 1);
    CHECK_INT(doc.quotes[0].closed, 1);
    CHECK_INT(doc.quotes[0].ntokens, 8);
}

static void unclosed_quote_ends_with_its_paragraph(void)
{
    tok("An \xE2\x80\x9Cunclosed quote here.\nNext paragraph is the author again.");
    CHECK_INT(doc.nquotes, 1);
    CHECK_INT(doc.quotes[0].closed, 0);
    CHECK_INT(doc.quotes[0].last_paragraph, 0);
    CHECK_INT(doc.quotes[0].ntokens, 3);
    CHECK_INT(doc.tokens[doc.ntokens - 1].quote, 0);
}

static void apostrophes_are_not_quotes(void)
{
    tok("In the '90s, rock 'n roll and the Armenians' rallies didn't stop.");
    CHECK_INT(doc.nquotes, 0);
    tok("The leaders' 'so-called' peace.");
    CHECK_INT(doc.nquotes, 1);
    CHECK_STR(quote(0), "'so-called'");
}

static void odd_bytes(void)
{
    tok("\xEF\xBB\xBF" "BOM first \xFF\xFE bad bytes\r\nand CRLF");
    CHECK_INT(doc.ntokens, 6);
    CHECK_STR(word(0), "BOM");
    CHECK_INT(doc.invalid_utf8, 2);
    CHECK_INT(doc.nparagraphs, 2);
    tok("");
    CHECK_INT(doc.ntokens, 0);
    CHECK_INT(doc.nparagraphs, 0);
    tok("\"\"\"\"\"''''\xC2\xAB");
    CHECK_INT(doc.ntokens, 0);
}

/* Every quoted passage of seed 000, as a careful reader marks them. */
static void seed_quotations(void)
{
    char *data;
    size_t len;
    slant_error err;
    if (slant_read_file("corpus/seeds/000_5941d1ad503c0a8e.txt", 1 << 20, &data, &len, &err)) {
        CHECK(!"seed 000 is readable");
        return;
    }
    slant_doc d;
    slant_doc_init(&d);
    slant_tokenize(&d, data, len);
    static const struct {
        const char *opening;    /* the first words inside the quotation */
        int depth;
        int words;
    } want[] = {
        { "In order to divert", 0, 48 },
        { "They also claim that", 0, 62 },
        { "counter-protesters had the", 1, 28 },
        { "As a result of", 0, 63 },
        { "weapons", 1, 1 },
        { "We also reported this", 0, 14 },
        { "This simply is not", 0, 31 },
        { "I am also very", 0, 27 },
    };
    CHECK_INT(d.nquotes, sizeof want / sizeof want[0]);
    for (size_t q = 0; q < d.nquotes && q < sizeof want / sizeof want[0]; q++) {
        const slant_quote *x = &d.quotes[q];
        const slant_token *first = &d.tokens[x->first_token];
        CHECK(strncmp(data + first->start, want[q].opening, strlen(want[q].opening)) == 0);
        CHECK_INT(x->depth, want[q].depth);
        CHECK_INT(x->ntokens, want[q].words);
        CHECK_INT(x->closed, 1);
    }
    /* The reporter's words between the quotations are the author's voice. */
    size_t author = 0;
    for (size_t k = 0; k < d.ntokens; k++)
        author += d.tokens[k].quote == 0;
    CHECK_INT(author, 565 - 245);
    slant_doc_release(&d);
    free(data);
}

/* The word scan, eight bytes at a time, against the byte-by-byte rule: every byte value at
 * every position of a run of letters and digits, from every start, with every length. */
static void alnum_run_matches_bytewise(void)
{
    enum { N = 24 };
    char buf[N];
    long wrong = 0;
    for (int b = 0; b < 256; b++) {
        for (size_t at = 0; at < N; at++) {
            for (size_t k = 0; k < N; k++)
                buf[k] = "aZ09mz5Aq"[k % 9];
            buf[at] = (char)b;
            int alnum = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') ||
                        (b >= 'a' && b <= 'z');
            for (size_t len = 0; len <= N; len++)
                for (size_t i = 0; i <= len; i++) {
                    size_t want = i;
                    while (want < len && (want != at || alnum))
                        want++;
                    wrong += slant_tokenize_alnum_run(buf, len, i) != want;
                }
        }
    }
    CHECK_INT(wrong, 0);
}

void suite_tokenize(void)
{
    slant_doc_init(&doc);
    RUN(words_keep_apostrophes_and_abbreviations);
    RUN(hyphens_split_and_join);
    RUN(words_keep_combining_marks);
    RUN(sentences_respect_abbreviations);
    RUN(paragraphs_by_line_or_blank_line);
    RUN(quotes_of_every_style);
    RUN(nested_quotes);
    RUN(quote_runs_over_paragraphs);
    RUN(unclosed_quote_ends_with_its_paragraph);
    RUN(apostrophes_are_not_quotes);
    RUN(odd_bytes);
    RUN(seed_quotations);
    RUN(alnum_run_matches_bytewise);
    slant_doc_release(&doc);
}
