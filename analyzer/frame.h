#ifndef SLANT_FRAME_H
#define SLANT_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "match.h"
#include "tokenize.h"

/*
 * Framing: how an article says what it says, from its words, quotation spans and matches.
 *
 * Attribution. Each outermost quotation gets a speaker where the text names one, found by
 * these patterns, in this order (a report verb is a match of the categories with the
 * manifest roles `report_neutral` or `report_loaded`, within SLANT_FRAME_REACH words and
 * the same sentence; the other categories framing reads are found by role too):
 *   "...," said X        the verb right after the quotation; the speaker follows it
 *   "...," X said        the words between the quotation and the verb
 *   X said: "..."        a verb before the quotation; the speaker is the words before it
 *   X: "..."             a colon right before the quotation
 *   according to X       anywhere in the quotation's sentence
 * A report verb must stand where a verb can: a match right after a determiner or a
 * possessive ("the statement", "a spokesman", "the ministry's statement") is a noun, and
 * so is one not in the form of a finite verb (-ed, said, told, wrote ...) that another
 * report verb follows in its clause, right after it past adverbs ("a government
 * spokesman said", "the statement also said") or further on in finite form ("Kremlin
 * spokesman Dmitry Peskov said"): both are part of the speaker. A finite form keeps the
 * verb ("the minister told reporters"), and an attribution phrase right after it belongs
 * to it ("she said in a statement: ...": the verb is "said"). These rules read word forms
 * in English; the lexicon's report categories may hold nouns (attribution cues) as well as
 * verbs. A quotation with none of these patterns continues the speaker of
 * the quotation before it when it looks like a continuation: it opens its sentence, in
 * the sentence after the speaker's or later in the same one, and it has more than three
 * words or runs to its sentence's end ("We saw it," said the farmer. "Never."); a short
 * quotation inside the author's sentence ("Critics call the plan "reckless"") does not.
 * The second half of a split quotation ("We saw it," said the farmer, "and ...") shares
 * the first half's verb and continues its speaker: one attribution, not two. A
 * speaker is at most SLANT_FRAME_REACH words, ends at clause punctuation, and belongs to
 * an actor when it contains one of the actor's aliases; it is anonymous when it overlaps a
 * match of `anonymous_sources` ("officials said"). A name after a title, honorific or role
 * (Mr., Sen., President, Secretary of State, spokesman; names with particles: de, von der,
 * bin, al-, Le) is recorded without it (speaker_title counts the title's words, which still
 * give the actor), so house style does not change who speaks. No speaker: a modal between
 * the name and the verb ("Trump should have said"), and a quotation that names a work (its
 * words in title case, followed without punctuation by a verb that is not a report verb:
 * "The Apprentice" was cancelled), which is neither speech nor a scare quote.
 *
 * Scare quotes: quotations of one to three words with no speaker, or whose report verb is
 * not next to them (Azerbaijan said it had launched "counter-terrorism" activities), and
 * quotations of one to three words inside a quotation (the alleged 'weapons'); and a
 * quotation of any length right after "so-called" (the so-called "special operation"),
 * which is the label of a so-called. A speaker named by a single capitalized word takes the
 * longest run of capitalized words ending in it earlier in the text (Goddard: Captain
 * Randy Goddard), looked for in the SLANT_FRAME_NAME_REACH words before it (so that a
 * book-length text costs time in proportion to its length, not to its square).
 *
 * So-called: "so-called" or "so called" and its label: the quotation that follows it
 * (marks and all in the span, its words as the label), else a run of capitalized words
 * (the so-called Islamic State) up to SLANT_FRAME_REACH, else the one word after it.
 *
 * Speech and the author's voice. A word is quoted speech when it is inside an outermost
 * quotation that is not a scare quote (nor a so-called label): a scare quote is the
 * author's own word choice held at a distance, not a source speaking, so its words and
 * the matches starting in them count as the author's voice everywhere: `speech`, the
 * record's `quote_tokens` and per-category `author`/`quoted`, the evidence's `in_quote`,
 * `author_tokens` and the epistemic rates. A short quotation nested inside speech stays
 * speech: it is the speaker's scare quote, not the author's.
 *
 * Actors (categories flagged `actor`): mentions; per category, the matches in a sentence
 * that mentions the actor and those within `window` words of a mention (or overlapping
 * it); the quotations
 * the actor speaks; and a heuristic for violence (the category of role `violence`): agent
 * in "X attacked" (a mention at most 3 words before the match, same clause) and "attacked
 * by X", patient in "X were attacked" and "attacks on/against X". Agentless passives: a
 * form of "be" or "get" right before a violence match, with no "by" after it.
 *
 * Epistemic profile: matches of the roles `hedge`, `assertive` and `factive` per 1,000
 * words of the author's voice, and a certainty index (assertives - hedges) / (assertives +
 * hedges), 0 when neither occurs.
 */

#define SLANT_FRAME_REACH 6
#define SLANT_FRAME_WINDOW 5
#define SLANT_FRAME_NAME_REACH 5000

typedef enum { SLANT_VERB_NONE = 0, SLANT_VERB_NEUTRAL, SLANT_VERB_LOADED } slant_verb_kind;

typedef struct {
    uint32_t quote;             /* index into the doc's quotations (an outermost one) */
    uint32_t words;
    int32_t speaker_first;      /* the speaker's first word, or -1: its name without a
                                 * title (Mr. Durbin: "Durbin") */
    uint32_t speaker_words;
    uint32_t speaker_title;     /* the words right before speaker_first that give its title
                                 * or role ("Sen.", "Kremlin spokesman"), 0 without */
    int32_t verb;               /* the report verb's first word, or -1 */
    slant_verb_kind verb_kind;
    uint32_t actor;             /* the speaker's actor (a category index) or UINT32_MAX */
    uint8_t anonymous, continued, scare;
} slant_quotation;

typedef struct {
    uint32_t category;          /* the actor's category index */
    uint32_t mentions;
    uint32_t quotes, quoted_words;
    uint32_t agent, patient;
    uint32_t *sentence;         /* per category: matches in a sentence with a mention */
    uint32_t *window;           /* per category: matches within the window of a mention */
} slant_actor_stats;

/* One "so-called" and its label. */
typedef struct {
    uint32_t first;             /* the word "so" */
    uint32_t label, label_words;    /* the label's words */
    uint32_t start, end;        /* bytes from "so" to the label's end, its closing quote
                                 * mark included when the label is a quotation */
    int32_t quote;              /* the label's quotation (an index into the doc's), or -1 */
} slant_so_called;

/*
 * The nearest actor of a match: of the actor mentions (matches of categories flagged
 * `actor`) in the sentence of the match's first word, the one fewest words away, the match
 * itself left out (so an actor mention's nearest actor is another mention). The distance
 * is 0 when the mention overlaps the match, else the words from one's end to the other's
 * start (1 when they are adjacent: "Varenian radicals"). Of mentions equally near, the
 * first in match order (matches are in the order of their first word).
 */
typedef struct {
    uint32_t actor;             /* the actor's category index, or UINT32_MAX: none in the
                                 * sentence */
    uint32_t words;             /* the distance (0 without an actor) */
} slant_nearest_actor;

typedef struct {
    slant_quotation *quotes;
    size_t nquotes, quotes_cap;
    slant_so_called *so_called;
    size_t nso_called, so_called_cap;
    uint32_t *scare;            /* scare quotes: indices into the doc's quotations */
    size_t nscare, scare_cap;
    size_t scare_quotes, attributed, continued, anonymous_quotes;
    size_t neutral_verbs, loaded_verbs, speakers;
    size_t agentless_passives;
    size_t author_tokens;       /* words that are not quoted speech */
    uint8_t *speech;            /* per word: 1 when it is quoted speech (see above) */
    size_t speech_cap;
    double hedges, assertives, factives, certainty;   /* per 1,000 author words; NAN: no words */
    slant_actor_stats *actors;
    size_t nactors, actors_cap;
    uint32_t *counts;           /* the actors' per-category arrays */
    size_t counts_cap;
    size_t mentions;            /* actor mentions (matches of actor categories) */
    slant_nearest_actor *nearest;   /* per match, in match order: its nearest actor; not
                                     * filled when `mentions` is 0: read it with
                                     * slant_frame_nearest() */
    size_t nearest_cap;
    size_t window;
} slant_frame;

void slant_frame_init(slant_frame *f);
void slant_frame_release(slant_frame *f);

/* Computes the framing of `doc` (whose text is doc->text) from its matches. The arrays
 * in `f` are valid until the next call or slant_frame_release(). */
void slant_frame_compute(slant_frame *f, const slant_lexicon *lex, const slant_doc *doc,
                         const slant_matches *m, size_t window);

/* The nearest actor of match `i` of the framed text. */
static inline slant_nearest_actor slant_frame_nearest(const slant_frame *f, size_t i)
{
    return f->mentions ? f->nearest[i] : (slant_nearest_actor){ UINT32_MAX, 0 };
}

/* Fills `out` (room for m->n) with the nearest actor of every match of `m` in `doc` (see
 * slant_nearest_actor): what slant_frame_compute puts in `nearest`, for texts that are not
 * framed (the headline). */
void slant_nearest_actors(const slant_lexicon *lex, const slant_doc *doc,
                          const slant_matches *m, slant_nearest_actor *out);

#endif
