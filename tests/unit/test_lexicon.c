#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "harness.h"
#include "lexicon.h"

#define TEST_LEXICON "tests/data/lexicon-test"

static void loads_the_test_lexicon(void)
{
    slant_lexicon *lex;
    slant_error err;
    slant_error_clear(&err);
    CHECK_INT(slant_lexicon_load(TEST_LEXICON, &lex, &err), SLANT_OK);
    if (!lex)
        return;
    CHECK_INT(slant_lexicon_ncategories(lex), 8); /* 4 categories, 2 concepts, 2 actors */
    CHECK_STR(slant_lexicon_category(lex, 0)->id, "labels");
    CHECK_INT(slant_lexicon_category(lex, 0)->nentries, 9);
    CHECK_INT(slant_lexicon_category(lex, 2)->role, SLANT_ROLE_NEGATOR);
    CHECK_INT(slant_lexicon_find_category(lex, "victims"), 1);
    CHECK_INT(slant_lexicon_find_category(lex, "nope"), -1);
    const slant_entry *brutal = slant_lexicon_entry(lex, 4);
    CHECK_STR(brutal->text, "brutal");
    CHECK(brutal->weight == 2.0);
    CHECK_INT(brutal->line, 6);
    CHECK_INT(slant_lexicon_entry(lex, 5)->nwords, 2); /* cease-fire */
    CHECK(strncmp(slant_lexicon_hash(lex), "fnv1a64:", 8) == 0);
    const slant_category *concept = slant_lexicon_category(lex, 5);
    CHECK_STR(concept->id, "takeover");
    CHECK(concept->concept && !slant_lexicon_category(lex, 0)->concept);
    CHECK_INT(concept->nentries, 3);
    const slant_entry *variant = slant_lexicon_entry(lex, concept->first_entry + 2);
    CHECK_STR(variant->text, "occupied");
    CHECK_STR(variant->stance, "side_a");
    CHECK(slant_lexicon_entry(lex, 0)->stance == NULL);
    CHECK_INT(strlen(slant_lexicon_hash(lex)), 24);
    slant_lexicon_free(lex);
}

/* Writes a one-category lexicon with `entries` to a fresh directory and loads it; returns
 * the formatted error ("" on success). */
static const char *load_error_with(const char *entries, const char *stemmer)
{
    static char message[1400];
    char dir[] = "/tmp/slant-lexXXXXXX";
    if (!mkdtemp(dir))
        return "(mkdtemp failed)";
    char *mpath = slant_path_join(dir, "lexicon.json");
    char *cpath = slant_path_join(dir, "a.txt");
    FILE *f = fopen(mpath, "w");
    fprintf(f,
            "{\"id\":\"t\",\"version\":\"1\",\"language\":\"en\",\"stemmer\":\"%s\","
            "\"categories\":[{\"id\":\"a\",\"file\":\"a.txt\",\"group\":\"loaded\","
            "\"definition\":\"d\"}]}",
            stemmer);
    fclose(f);
    f = fopen(cpath, "w");
    fputs(entries, f);
    fclose(f);
    slant_lexicon *lex = NULL;
    slant_error err;
    slant_error_clear(&err);
    message[0] = '\0';
    if (slant_lexicon_load(dir, &lex, &err) != SLANT_OK) {
        slant_error_format(&err, message, sizeof message);
        /* Keep only what follows the temporary directory's name. */
        const char *tail = strstr(message, dir);
        if (tail)
            memmove(message, tail + strlen(dir) + 1, strlen(tail + strlen(dir) + 1) + 1);
    }
    slant_lexicon_free(lex);
    unlink(mpath);
    unlink(cpath);
    rmdir(dir);
    free(mpath);
    free(cpath);
    return message;
}

static const char *load_error(const char *entries)
{
    return load_error_with(entries, "english");
}

static void reports_entry_errors_with_line_and_column(void)
{
    CHECK_STR(load_error("radical\nbrutal x2\n"), "a.txt:2:8: invalid weight 'x2'");
    CHECK_STR(load_error("ethnic cleansing\n"),
              "a.txt:1:8: invalid weight (put a multi-word expression in double quotes) "
              "'cleansing'");
    CHECK_STR(load_error("\n  \"hate crime\n"), "a.txt:2:3: unclosed double quote");
    CHECK_STR(load_error("ter*ror\n"), "a.txt:1:4: '*' is allowed only at the end of an entry");
    CHECK_STR(load_error("radical\n# comment\nradicals\n"),
              "a.txt:3:1: entry 'radicals' repeats line 1 (the same words after folding and "
              "stemming)");
    CHECK_STR(load_error("brutal 500\n"), "a.txt:1:8: weight out of range 0 to 100 '500'");
    CHECK_STR(load_error("\"a b c d e f g h i\"\n"),
              "a.txt:1:2: more than 8 words in expression");
    CHECK_STR(load_error("ok\nbad\xFF\n"), "a.txt:2:1: invalid UTF-8 in entry");
    CHECK_STR(load_error("hate!\n"),
              "a.txt:1:5: a character that is not part of a word (quote marks and "
              "punctuation cannot be matched): '!'");
    CHECK_STR(load_error("# only comments\n\n"), "");
    CHECK_STR(load_error("=\xE2\x80\x9Chate crime\xE2\x80\x9D\n"),
              "a.txt:1:2: curly quotes cannot delimit an expression: use straight double quotes");
    CHECK_STR(load_error("brutal 0x10\n"), "a.txt:1:8: invalid weight '0x10'");
    CHECK_STR(load_error("brutal 1e1\n"), "a.txt:1:8: invalid weight '1e1'");
    CHECK_STR(load_error("brutal 1.5.2\n"), "a.txt:1:8: invalid weight '1.5.2'");
    CHECK_STR(load_error("brutal 2.5\nsavage 0\n"), "");
    CHECK_STR(load_error("=terror*\n"),
              "a.txt:1:1: an entry cannot be both exact '=' and a prefix '*'");
}

static void reports_manifest_errors(void)
{
    CHECK_STR(load_error_with("x\n", "klingon"),
              "lexicon.json: unknown stemmer 'klingon' (a Snowball algorithm such as "
              "english, turkish or russian)");
    slant_lexicon *lex;
    slant_error err;
    char text[1400];
    CHECK_INT(slant_lexicon_load("tests/data/no-such-lexicon", &lex, &err), SLANT_ERR_IO);
    slant_error_format(&err, text, sizeof text);
    CHECK_STR(text, "cannot open 'tests/data/no-such-lexicon/lexicon.json': No such file or "
                    "directory");
}

void suite_lexicon(void)
{
    RUN(loads_the_test_lexicon);
    RUN(reports_entry_errors_with_line_and_column);
    RUN(reports_manifest_errors);
}
