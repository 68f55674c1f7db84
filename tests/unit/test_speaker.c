/* Speakers' names (issue 16.1): titles and honorifics before a name, names with
 * particles, and words that are not speakers, on made-up sentences. */
#include <stdio.h>
#include <string.h>

#include "frame_helpers.h"
#include "harness.h"
#include "lexicon.h"
#include "score.h"

static slant_lexicon *lex;
static slant_scorer *scorer;
static char text[4096];

/* Scores `s` and returns its quotation i as "speaker|verb|actor" (empty parts where none;
 * "scare" appended for a scare quote), or "(none)". */
static const char *quotation(const char *s, size_t i)
{
    static char out[320];
    snprintf(text, sizeof text, "%s", s);
    harness_score(scorer, s);
    const slant_frame *f = slant_scorer_frame(scorer);
    const slant_doc *d = slant_scorer_doc(scorer);
    if (i >= f->nquotes)
        return "(none)";
    const slant_quotation *q = &f->quotes[i];
    char speaker[128], verb[128];
    frame_quote_words(d, q, text, speaker, verb, sizeof speaker);
    snprintf(out, sizeof out, "%s|%s|%s%s", speaker, verb,
             q->actor == UINT32_MAX ? "" : slant_lexicon_category(lex, q->actor)->id,
             q->scare ? "|scare" : "");
    return out;
}

static size_t speakers(const char *s)
{
    harness_score(scorer, s);
    return slant_scorer_frame(scorer)->speakers;
}

/* The cases of the issue: "Mr." in every attribution must not lose the speaker. */
static void honorifics(void)
{
    CHECK_STR(quotation("\"We will win,\" Durbin said.", 0), "Durbin|said|");
    CHECK_STR(quotation("\"We will win,\" Mr. Durbin said.", 0), "Durbin|said|");
    CHECK_STR(quotation("\"We will win,\" Mr Durbin said.", 0), "Durbin|said|");
    CHECK_STR(quotation("\"We will win,\" Mrs. Alma Durbin said.", 0), "Alma Durbin|said|");
    CHECK_STR(quotation("Sen. Durbin said: \"We will win.\"", 0), "Durbin|said|");
    CHECK_STR(quotation("\"We will win,\" said Sen. Dick Durbin.", 0), "Dick Durbin|said|");
    CHECK_STR(quotation("\"We will win,\" said Dr. Jane Goodall, a scientist.", 0),
              "Jane Goodall|said|");
    CHECK_STR(quotation("\"We will win,\" Rep. Ana Ruiz told reporters.", 0), "Ana Ruiz|told|");
    CHECK_STR(quotation("\"We will win,\" Gov. Ana Ruiz said.", 0), "Ana Ruiz|said|");
    CHECK_STR(quotation("\"We will win,\" Gen. Petraeus said.", 0), "Petraeus|said|");
    /* a middle initial's period does not cut the name */
    CHECK_STR(quotation("Nikol V. Pashinyan said: \"We will win.\"", 0),
              "Nikol V. Pashinyan|said|");
}

static void titles_written_out(void)
{
    CHECK_STR(quotation("\"We will win,\" President Obama said.", 0), "Obama|said|");
    CHECK_STR(quotation("\"We will win,\" Vice President Kamala Harris told reporters.", 0),
              "Kamala Harris|told|");
    CHECK_STR(quotation("\"We will win,\" Secretary of State John Kerry said.", 0),
              "John Kerry|said|");
    CHECK_STR(quotation("\"We will win,\" said Senator Ana Ruiz.", 0), "Ana Ruiz|said|");
    CHECK_STR(quotation("\"We will win,\" Governor of Texas Greg Abbott said.", 0),
              "Greg Abbott|said|");
    CHECK_STR(quotation("\"We will win,\" Judge Ana Ruiz said.", 0), "Ana Ruiz|said|");
    CHECK_STR(quotation("\"We will win,\" Chief Minister Ana Ruiz said.", 0), "Ana Ruiz|said|");
    /* a role noun before a name: the title keeps its actor */
    CHECK_STR(quotation("\"We will win,\" Varenian spokeswoman Mira Tolan said.", 0),
              "Mira Tolan|said|varenia");
    CHECK_STR(quotation("\"We will win,\" Calvor spokesman Ivo Dren said.", 0),
              "Ivo Dren|said|varenia");
    /* without a name the role is the speaker, a lower-case noun is no name */
    CHECK_STR(quotation("\"We will win,\" the president said.", 0), "the president|said|");
    CHECK_STR(quotation("\"We will win,\" the Secretary general said.", 0),
              "the Secretary general|said|");
    /* a name that holds a title word, and a firm named like a title, stay whole */
    CHECK_STR(quotation("\"We will win,\" John Major said.", 0), "John Major|said|");
    CHECK_STR(quotation("\"We will win,\" General Motors said.", 0), "General Motors|said|");
}

static void particles(void)
{
    CHECK_STR(quotation("\"We will win,\" said Ursula von der Leyen.", 0),
              "Ursula von der Leyen|said|");
    CHECK_STR(quotation("\"We will win,\" President Charles de Gaulle said.", 0),
              "Charles de Gaulle|said|");
    CHECK_STR(quotation("\"We will win,\" said President Bashar al-Assad.", 0),
              "Bashar al-Assad|said|");
    CHECK_STR(quotation("\"We will win,\" Mr. bin Laden said.", 0), "bin Laden|said|");
    CHECK_STR(quotation("\"We will win,\" Ms. Le Pen told reporters.", 0), "Le Pen|told|");
    CHECK_STR(quotation("\"We will win,\" Mr. van der Berg said.", 0), "van der Berg|said|");
}

/* "Mr. Durbin", "Durbin" and "Sen. Dick Durbin" are one speaker: house style (a title in
 * every attribution or none) does not change the count. */
static void one_speaker_whatever_the_style(void)
{
    const char *styled = "Then came Sen. Dick Durbin. \"We will win,\" Mr. Durbin said. "
                         "\"We will hold,\" Sen. Durbin said.";
    const char *plain = "Then came Dick Durbin. \"We will win,\" Durbin said. "
                        "\"We will hold,\" Durbin said.";
    CHECK_STR(quotation(styled, 0), "Dick Durbin|said|");
    CHECK_STR(quotation(styled, 1), "Dick Durbin|said|");
    CHECK_STR(quotation(plain, 0), "Dick Durbin|said|");
    CHECK_INT(speakers(styled), 1);
    CHECK_INT(speakers(plain), 1);
    /* a surname resolved to a full name earlier keeps the actor of both places */
    CHECK_STR(quotation("Then came Varenian Foreign Minister Aldis Renvar. \"We will win,\" "
                        "Renvar said.", 0),
              "Aldis Renvar|said|varenia");
}

/* Words that are not speakers. */
static void not_speakers(void)
{
    /* a name followed by a modal: what someone ought to say is not a report */
    CHECK_STR(quotation("\"We will win,\" Trump should have said.", 0), "|||scare");
    CHECK_STR(quotation("Trump should have told voters \"we will win\" on Monday.", 0),
              "|||scare");
    CHECK_STR(quotation("Trump could say \"we will win\" again.", 0), "|||scare");
    /* "would" reports speech after the fact */
    CHECK_STR(quotation("\"We will win,\" she would later say.", 0), "she|say|");
    /* the title of a show or a book followed by a verb that is not a report verb */
    CHECK_STR(quotation("Trump said \"The Apprentice\" was his best show.", 0), "||");
    CHECK_STR(quotation("He said \"Fire and Fury\" would sell.", 0), "||");
    CHECK_STR(quotation("\"The Apprentice\" star told reporters it was over.", 0), "||");
    CHECK_STR(quotation("\"The Apprentice\" aired on Monday, Trump said.", 0), "||");
    /* speech in title case with its comma is still speech */
    CHECK_STR(quotation("\"We Will Win,\" Durbin said.", 0), "Durbin|said|");
    CHECK_STR(quotation("He said \"Never Again\" and left.", 0), "He|said|");
}

void suite_speaker(void)
{
    lex = harness_load_lexicon("tests/data/lexicon-frame");
    if (!lex)
        return;
    scorer = slant_scorer_new(lex);
    RUN(honorifics);
    RUN(titles_written_out);
    RUN(particles);
    RUN(one_speaker_whatever_the_style);
    RUN(not_speakers);
    slant_scorer_free(scorer);
    slant_lexicon_free(lex);
}
