/* The nearest actor of each match (frame.h, slant_nearest_actor): a fact of framing, in
 * the frame and in the evidence; on the framing test lexicon (two fictional actors). */

#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "lexicon.h"
#include "score.h"
#include "xalloc.h"

static slant_lexicon *lex;
static slant_scorer *scorer;

/* "SURFACE>ACTOR/DISTANCE" per match of the last text, space-separated ("-" for none). */
static const char *nearest_list(const char *text)
{
    static char out[1024];
    harness_score(scorer, text);
    const slant_doc *d = slant_scorer_doc(scorer);
    const slant_matches *m = slant_scorer_matches(scorer);
    const slant_frame *f = slant_scorer_frame(scorer);
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; i < m->n && at < sizeof out; i++) {
        const slant_match *x = &m->items[i];
        const slant_token *a = &d->tokens[x->first_token];
        const slant_token *b = &d->tokens[x->first_token + x->ntokens - 1];
        slant_nearest_actor near = slant_frame_nearest(f, i);
        const slant_nearest_actor *n = &near;
        int len;
        if (n->actor == UINT32_MAX)
            len = snprintf(out + at, sizeof out - at, "%s%.*s>-", i ? " " : "",
                           (int)(b->end - a->start), text + a->start);
        else
            len = snprintf(out + at, sizeof out - at, "%s%.*s>%s/%u", i ? " " : "",
                           (int)(b->end - a->start), text + a->start,
                           slant_lexicon_category(lex, n->actor)->id, n->words);
        if (len < 0)
            break;
        at += (size_t)len;
    }
    return out;
}

static void distance_in_words(void)
{
    /* adjacent is 1; an actor's nearest is another mention, never itself */
    CHECK_STR(nearest_list("Varenian radicals attacked Ostrani villages."),
              "Varenian>ostrania/3 radicals>varenia/1 attacked>ostrania/1 Ostrani>varenia/3");
    /* a multi-word mention counts from its last word before the match, its first after */
    CHECK_STR(nearest_list("Lena Vos met the radicals."), "Lena Vos>- radicals>varenia/3");
    CHECK_STR(nearest_list("The radicals met Lena Vos."), "radicals>varenia/2 Lena Vos>-");
}

static void same_sentence_only(void)
{
    CHECK_STR(nearest_list("Calvor spoke. The radicals left."), "Calvor>- radicals>-");
    CHECK_STR(nearest_list("The thugs left."), "thugs>-");
}

/* Of mentions equally near, the first in match order: before or after the match alike. */
static void ties_go_to_the_first(void)
{
    CHECK_STR(nearest_list("Varenia radicals Ostrania."),
              "Varenia>ostrania/2 radicals>varenia/1 Ostrania>varenia/2");
    CHECK_STR(nearest_list("Ostrania radicals Varenia."),
              "Ostrania>varenia/2 radicals>ostrania/1 Varenia>ostrania/2");
    /* nearer wins over first */
    CHECK_STR(nearest_list("Varenia and the radicals Ostrania."),
              "Varenia>ostrania/4 radicals>ostrania/1 Ostrania>varenia/4");
}

/* The evidence carries the frame's fact, headline included (not framed, but this). */
static void in_the_evidence(void)
{
    slant_article a;
    slant_article_init(&a);
    a.text = xstrdup("Miresk thugs. The radicals left.");
    a.text_len = strlen(a.text);
    a.title = xstrdup("Calvor radicals");
    slant_score_options o;
    memset(&o, 0, sizeof o);
    o.evidence = 1;
    slant_buf out;
    slant_buf_init(&out, 1 << 20);
    slant_scorer_write(scorer, &a, "x.txt", 0, &o, &out);
    CHECK(strstr(out.data, "\"surface\":\"radicals\",\"category\":\"labels\",\"entry\":"
                           "\"radical\",\"negated\":false,\"boosted\":false,\"diminished\":"
                           "false,\"in_quote\":false,\"actor\":\"varenia\",\"actor_distance\":1}")
          != NULL);
    CHECK(strstr(out.data, "\"surface\":\"thugs\",\"category\":\"labels\",\"entry\":\"thug\","
                           "\"negated\":false,\"boosted\":false,\"diminished\":false,"
                           "\"in_quote\":false,\"actor\":\"ostrania\",\"actor_distance\":1}")
          != NULL);
    CHECK(strstr(out.data, "\"surface\":\"radicals\",\"category\":\"labels\",\"entry\":"
                           "\"radical\",\"negated\":false,\"boosted\":false,\"diminished\":"
                           "false,\"in_quote\":false,\"actor\":null,\"actor_distance\":null}")
          != NULL);
    slant_buf_release(&out);
    slant_article_release(&a);
}

void suite_nearest(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-frame");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(distance_in_words);
    RUN(same_sentence_only);
    RUN(ties_go_to_the_first);
    RUN(in_the_evidence);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
