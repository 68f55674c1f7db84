/* Helpers the suites share: loading a test lexicon, scoring a text. */

#include <stdio.h>
#include <string.h>

#include "article.h"
#include "harness.h"
#include "xalloc.h"

slant_lexicon *harness_load_lexicon(const char *dir)
{
    slant_lexicon *lex;
    slant_error err;
    if (slant_lexicon_load(dir, &lex, &err) == SLANT_OK)
        return lex;
    char text[1200];
    slant_error_format(&err, text, sizeof text);
    fprintf(stderr, "cannot load the test lexicon %s: %s\n", dir, text);
    harness_check(0, "the test lexicon loads", __FILE__, __LINE__);
    return NULL;
}

void harness_score(slant_scorer *scorer, const char *text)
{
    slant_article a;
    slant_article_init(&a);
    a.text = xstrdup(text);
    a.text_len = strlen(text);
    slant_scorer_score(scorer, &a);
    slant_article_release(&a);
}
