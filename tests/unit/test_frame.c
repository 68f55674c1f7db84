#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame_helpers.h"
#include "harness.h"
#include "lexicon.h"
#include "score.h"

static slant_lexicon *lex;
static slant_scorer *scorer;
static char text[32768]; /* room for full_name_reach's long text */

static const slant_frame *frame(const char *s)
{
    snprintf(text, sizeof text, "%s", s);
    harness_score(scorer, s);
    return slant_scorer_frame(scorer);
}

/* Quotation i as "speaker|verb|kind" (empty parts where none). */
static const char *quotation(size_t i)
{
    static char out[320];
    const slant_frame *f = slant_scorer_frame(scorer);
    const slant_doc *d = slant_scorer_doc(scorer);
    if (i >= f->nquotes)
        return "(none)";
    const slant_quotation *q = &f->quotes[i];
    char speaker[128], verb[128];
    frame_quote_words(d, q, text, speaker, verb, sizeof speaker);
    snprintf(out, sizeof out, "%s|%s|%s%s%s%s", speaker, verb,
             q->verb_kind == SLANT_VERB_LOADED ? "loaded" : q->verb_kind ? "neutral" : "",
             q->continued ? "|continued" : "", q->anonymous ? "|anonymous" : "",
             q->scare ? "|scare" : "");
    return out;
}

static const slant_actor_stats *actor(const char *id)
{
    const slant_frame *f = slant_scorer_frame(scorer);
    for (size_t a = 0; a < f->nactors; a++)
        if (!strcmp(slant_lexicon_category(lex, f->actors[a].category)->id, id))
            return &f->actors[a];
    return NULL;
}

static void attribution_patterns(void)
{
    frame("\"We will rebuild,\" said the mayor of Dumar. \"It is over,\" the minister told "
          "reporters.");
    CHECK_STR(quotation(0), "the mayor of Dumar|said|neutral");
    CHECK_STR(quotation(1), "the minister|told|neutral");
    frame("The mayor said: \"We will rebuild.\" Tomas Rell claimed \"nothing happened.\"");
    CHECK_STR(quotation(0), "The mayor|said|neutral");
    CHECK_STR(quotation(1), "Tomas Rell|claimed|loaded");
    frame("The envoy: \"No comment.\" According to Lena Vos, \"the talks failed.\"");
    CHECK_STR(quotation(0), "The envoy||");
    CHECK_STR(quotation(1), "Lena Vos|According|neutral");
    /* a quotation that continues in the next sentence keeps its speaker */
    frame("\"We saw it,\" said the farmer. \"Then the road closed.\"");
    CHECK_STR(quotation(1), "the farmer|said|neutral|continued");
    /* a verb followed by a clause names no speaker, and its verb is not counted */
    const slant_frame *f0 = frame("\"The road is open,\" adding that it kept the bridge shut.");
    CHECK_STR(quotation(0), "|adding|neutral");
    CHECK_INT(f0->neutral_verbs, 0);
    CHECK_INT(f0->attributed, 0);
    /* adverbs between the speaker and the verb are not the speaker */
    frame("\"It must stop,\" the ministry also said.");
    CHECK_STR(quotation(0), "the ministry|said|neutral");
    /* a short quotation with its verb further off is a scare quote, not speech */
    frame("Calvor said it had begun \"peace-keeping\" operations.");
    CHECK_STR(quotation(0), "|||scare");
    /* a surname takes the full name used earlier */
    frame("On Monday, Captain Lena Vos arrived. \"We are ready,\" Vos said.");
    CHECK_STR(quotation(0), "Lena Vos|said|neutral");
    frame("Yesterday Vos arrived. \"We are ready,\" Vos said.");
    CHECK_STR(quotation(0), "Vos|said|neutral");
    /* anonymous sources */
    frame("\"The bridge is closed,\" officials said.");
    CHECK_STR(quotation(0), "officials|said|neutral|anonymous");
    /* a named speaker whose full name stands earlier is not anonymous because anonymous
     * sources are quoted in between: only the speaker and the verb count */
    frame("On Monday, Captain Lena Vos arrived. The roads were shut, officials said. "
          "\"We are ready,\" Vos said.");
    CHECK_STR(quotation(0), "Lena Vos|said|neutral");
}

/* A full name is looked for in the SLANT_FRAME_NAME_REACH words before a surname (which
 * keeps long texts from costing time in the square of their length). */
static void full_name_reach(void)
{
    static char long_text[(SLANT_FRAME_NAME_REACH + 100) * 5];
    char *end = long_text;
    end += sprintf(end, "On Monday, Captain Lena Vos arrived.");
    for (int i = 0; i < SLANT_FRAME_NAME_REACH - 20; i++)
        end += sprintf(end, " word");
    end += sprintf(end, ". \"We are ready,\" Vos said.");
    frame(long_text);
    CHECK_STR(quotation(0), "Lena Vos|said|neutral");
    for (int i = 0; i < 40; i++)
        end += sprintf(end, " word");
    sprintf(end, ". \"Still ready,\" Vos said.");
    frame(long_text);
    CHECK_STR(quotation(1), "Vos|said|neutral");
}

/* Many quotations, then one that continues the last speaker: the list of quotations grows
 * while an earlier one is being referred to (a use after free that ASan found). */
static void many_quotations(void)
{
    /* the array grows at 16, 32 and 64 quotations: the continuing one must be the one that
     * grows it, whatever capacity earlier articles left */
    static char many[8192];
    const int counts[] = { 16, 32, 64 };
    for (size_t c = 0; c < 3; c++) {
        many[0] = '\0';
        for (int i = 0; i < counts[c]; i++)
            strcat(many, "\"Stay,\" said the mayor. ");
        strcat(many, "\"Nothing changes.\"");
        const slant_frame *f = frame(many);
        CHECK_INT(f->nquotes, counts[c] + 1);
        CHECK_STR(quotation((size_t)counts[c]), "the mayor|said|neutral|continued");
    }
}

/* A report word where a noun stands is not the verb (issue 10: "the statement also
 * said" gave speaker "the", verb "statement"). */
static void report_nouns(void)
{
    frame("\"We will act,\" the statement also said.");
    CHECK_STR(quotation(0), "the statement|said|neutral");
    frame("\"We will act,\" the statement said.");
    CHECK_STR(quotation(0), "the statement|said|neutral");
    frame("\"We will act,\" the ministry's statement said.");
    CHECK_STR(quotation(0), "the ministry's statement|said|neutral");
    frame("\"We will act,\" a government spokesman said.");
    CHECK_STR(quotation(0), "a government spokesman|said|neutral");
    frame("\"We will act,\" said a government spokesman.");
    CHECK_STR(quotation(0), "a government spokesman|said|neutral");
    frame("\"We will act,\" government spokesman Lena Vos said.");
    CHECK_STR(quotation(0), "Lena Vos|said|neutral");
    /* a verb followed by a report noun stays the verb */
    frame("\"We will act,\" the minister told reporters.");
    CHECK_STR(quotation(0), "the minister|told|neutral");
    frame("The minister told reporters: \"We will act now.\"");
    CHECK_STR(quotation(0), "The minister|told|neutral");
    /* before a quotation: the verb, not the attribution phrase after it */
    frame("The envoy said in a statement: \"We will act now.\"");
    CHECK_STR(quotation(0), "The envoy|said|neutral");
    frame("The ministry issued a statement: \"We will act now.\"");
    CHECK_STR(quotation(0), "The ministry issued a statement||");
    /* the next quotation continues the right speaker */
    frame("\"We will act,\" the statement also said.\n\"Steps will be taken by all.\"");
    CHECK_STR(quotation(1), "the statement|said|neutral|continued");
}

/* Continuation needs what a continuation looks like (issue 10: a scare quote after an
 * attributed quotation became that speaker's). */
static void continuation(void)
{
    const slant_frame *f = frame("\"It was shameful,\" she said. Critics call the plan "
                                 "\"reckless\" and worse.");
    CHECK_STR(quotation(1), "|||scare");
    CHECK_INT(f->continued, 0);
    CHECK_INT(f->scare_quotes, 1);
    frame("\"It was shameful,\" she said. \"Never.\"");
    CHECK_STR(quotation(1), "she|said|neutral|continued");
    frame("\"It was shameful,\" she said. \"Never\" is what critics wrote.");
    CHECK_STR(quotation(1), "|||scare");
    frame("\"It was shameful,\" she said. \"The plan will fail and the town will pay\" "
          "for years.");
    CHECK_STR(quotation(1), "she|said|neutral|continued");
    /* a split quotation continues its speaker */
    frame("\"We saw it,\" said the farmer, \"and then the road closed.\"");
    CHECK_STR(quotation(1), "the farmer|said|neutral|continued");
    frame("\"We saw it,\" the farmer said, \"and then the road closed.\"");
    CHECK_STR(quotation(1), "the farmer|said|neutral|continued");
}

/* A scare quote is the author's word: its matches are the author's voice (issue 10). */
static void scare_quotes_are_the_authors(void)
{
    const slant_frame *f = frame("Critics call the plan a \"radical\" idea.");
    const slant_record *r = slant_scorer_record(scorer);
    long labels = slant_lexicon_find_category(lex, "labels");
    CHECK_INT(f->scare_quotes, 1);
    CHECK_INT(r->cats[labels].author, 1);
    CHECK_INT(r->cats[labels].quoted, 0);
    CHECK_INT(r->quote_tokens, 0);
    CHECK_INT(f->author_tokens, 7);
    CHECK_INT(f->speech[5], 0);
    /* speech stays speech, scare quotes inside it too */
    f = frame("\"They are radical,\" she said. \"The 'radical' ones,\" she said.");
    r = slant_scorer_record(scorer);
    CHECK_INT(r->cats[labels].author, 0);
    CHECK_INT(r->cats[labels].quoted, 2);
    CHECK_INT(r->quote_tokens, 6);
    CHECK_INT(f->author_tokens, 4);
    /* a so-called label of any length is the author's */
    f = frame("The so-called \"radical peace and order plan\" failed.");
    r = slant_scorer_record(scorer);
    CHECK_STR(quotation(0), "|||scare");
    CHECK_INT(r->cats[labels].author, 1);
    CHECK_INT(r->quote_tokens, 0);
    /* the epistemic rates read the author's voice, scare quotes included */
    f = frame("It is \"clearly\" so.");
    CHECK(f->assertives > 249.0 && f->assertives < 251.0);
}

/* A so-called span holds both quote marks or neither, and its label is the words. */
static void so_called_labels(void)
{
    const char *t = "The so-called \"reforms\" are a sham; the so called Islamic State "
                    "group and a so-called truce.";
    const slant_frame *f = frame(t);
    CHECK_INT(f->nso_called, 3);
    if (f->nso_called != 3)
        return;
    const slant_doc *d = slant_scorer_doc(scorer);
    char span[3][64], label[3][64];
    for (size_t i = 0; i < 3; i++) {
        const slant_so_called *s = &f->so_called[i];
        const slant_token *a = &d->tokens[s->label];
        const slant_token *b = &d->tokens[s->label + s->label_words - 1];
        snprintf(span[i], sizeof span[i], "%.*s", (int)(s->end - s->start), t + s->start);
        snprintf(label[i], sizeof label[i], "%.*s", (int)(b->end - a->start), t + a->start);
    }
    CHECK_STR(span[0], "so-called \"reforms\"");
    CHECK_STR(label[0], "reforms");
    CHECK(f->so_called[0].quote >= 0);
    CHECK_STR(span[1], "so called Islamic State");
    CHECK_STR(label[1], "Islamic State");
    CHECK_STR(span[2], "so-called truce");
    CHECK_STR(label[2], "truce");
    CHECK_INT(f->so_called[2].quote, -1);
}

static void scare_quotes_and_so_called(void)
{
    const slant_frame *f = frame("They called it a 'ceasefire' and a so-called truce. "
                                 "\"Self-defense\" was the word, the so called peace.");
    CHECK_INT(f->scare_quotes, 2);
    CHECK_STR(quotation(0), "|||scare");
    CHECK_INT(f->nso_called, 2);
    /* an attributed short quotation is not a scare quote */
    f = frame("\"Never,\" she said.");
    CHECK_INT(f->scare_quotes, 0);
    /* apostrophes are not quotations, and an unclosed quote ends with its paragraph */
    f = frame("Don't blame Varenia's leaders for the '90s.\nAn \"unclosed quote here.\nNext.");
    CHECK_INT(f->nquotes, 1);
    CHECK_INT(slant_scorer_doc(scorer)->quotes[0].closed, 0);
}

static void actors_roles(void)
{
    frame("Varenian forces attacked the town. Ostrani homes were destroyed by Varenian "
          "extremists. Attacks on Miresk continued and villages were shelled.");
    const slant_actor_stats *v = actor("varenia"), *o = actor("ostrania");
    CHECK(v && o);
    if (!v || !o)
        return;
    CHECK_INT(v->mentions, 2);
    CHECK_INT(o->mentions, 2);
    CHECK_INT(v->agent, 2);          /* attacked; destroyed by Varenian */
    CHECK_INT(o->patient, 2);        /* homes were destroyed (Ostrani before); attacks on Miresk */
    CHECK_INT(slant_scorer_frame(scorer)->agentless_passives, 1); /* were shelled */
    long labels = slant_lexicon_find_category(lex, "labels");
    CHECK_INT(v->sentence[labels], 1);
    CHECK_INT(v->window[labels], 1);
    CHECK_INT(o->sentence[labels], 1);
    frame("\"We were attacked,\" said Lena Vos of Varenia.");
    CHECK_INT(actor("varenia")->quotes, 1);
    CHECK_INT(actor("varenia")->quoted_words, 3);
}

/* Swapping the two actors' names in a text swaps their rows exactly. */
static void mirror(void)
{
    const char *a = "Varenian radicals attacked Ostrani villages, officials said. \"Calvor "
                    "clearly wants war,\" said Tomas Rell. Ostrani homes were destroyed.";
    const char *b = "Ostrani radicals attacked Varenian villages, officials said. \"Miresk "
                    "clearly wants war,\" said Lena Vos. Varenian homes were destroyed.";
    size_t ncats = slant_lexicon_ncategories(lex);
    slant_actor_stats rows[2][2];
    uint32_t counts[2][2][2][32];
    memset(counts, 0, sizeof counts);
    const char *texts[] = { a, b };
    for (int t = 0; t < 2; t++) {
        frame(texts[t]);
        const char *ids[] = { "varenia", "ostrania" };
        for (int k = 0; k < 2; k++) {
            rows[t][k] = *actor(ids[k]);
            for (size_t c = 0; c < ncats && c < 32; c++) {
                counts[t][k][0][c] = rows[t][k].sentence[c];
                counts[t][k][1][c] = rows[t][k].window[c];
            }
        }
    }
    for (int k = 0; k < 2; k++) {
        const slant_actor_stats *x = &rows[0][k], *y = &rows[1][1 - k];
        CHECK_INT(x->mentions, y->mentions);
        CHECK_INT(x->quotes, y->quotes);
        CHECK_INT(x->quoted_words, y->quoted_words);
        CHECK_INT(x->agent, y->agent);
        CHECK_INT(x->patient, y->patient);
            for (size_t c = 0; c < ncats && c < 32; c++)
            if (counts[0][k][0][c] != counts[1][1 - k][0][c] ||
                counts[0][k][1][c] != counts[1][1 - k][1][c])
                fprintf(stderr, "mirror: actor %d category %s: %u/%u vs %u/%u\n", k,
                        slant_lexicon_category(lex, c)->id, counts[0][k][0][c],
                        counts[0][k][1][c], counts[1][1 - k][0][c], counts[1][1 - k][1][c]);
        CHECK(memcmp(counts[0][k], counts[1][1 - k], sizeof counts[0][k]) == 0);
    }
    CHECK(rows[0][0].agent != rows[0][1].agent); /* the texts are not symmetric in themselves */
}

static void epistemic(void)
{
    const slant_frame *f = frame("It may rain. It clearly will. Undoubtedly so. \"Possibly,\" "
                                 "she said.");
    CHECK_INT(f->author_tokens, 10);
    CHECK(f->certainty > 0.33 && f->certainty < 0.34); /* (2 - 1) / 3; the quoted hedge is not the author's */
    f = frame("No hedges or assertives here.");
    CHECK(f->certainty == 0.0);
}

void suite_frame(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-frame");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(attribution_patterns);
    RUN(many_quotations);
    RUN(full_name_reach);
    RUN(report_nouns);
    RUN(continuation);
    RUN(scare_quotes_are_the_authors);
    RUN(so_called_labels);
    RUN(scare_quotes_and_so_called);
    RUN(actors_roles);
    RUN(mirror);
    RUN(epistemic);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
