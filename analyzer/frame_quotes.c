/* Quotations (frame_parts.h): who is quoted, by which verb, for which actor, anonymous or
 * not; continued and split quotations; the names of works; scare quotes; the distinct
 * speakers (frame.h says how). */

#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "frame_parts.h"
#include "xalloc.h"

/* --- words ------------------------------------------------------------------------------- */

/* The first match of category `cat` starting at word `k`, or NULL. */
static const slant_match *match_at(const slant_frame_ctx *c, size_t k, long cat)
{
    if (cat < 0 || k >= c->doc->ntokens)
        return NULL;
    for (uint32_t i = c->s.head[k]; i != SLANT_FRAME_NONE; i = c->s.next[i])
        if (c->s.m->items[i].category == (uint32_t)cat)
            return &c->s.m->items[i];
    return NULL;
}

/* A report verb at word `k`: its kind, or SLANT_VERB_NONE; loaded wins when both lists have it. */
static slant_verb_kind verb_at(const slant_frame_ctx *c, size_t k)
{
    if (match_at(c, k, c->r.report_loaded))
        return SLANT_VERB_LOADED;
    if (match_at(c, k, c->r.report_neutral))
        return SLANT_VERB_NEUTRAL;
    return SLANT_VERB_NONE;
}

/* Adverbs that stand between a speaker and its verb ("the ministry also said"). */
static int is_adverb(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "also", "then", "later", "again", "further",
                                         "today", "yesterday", "earlier", "once", "still" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (slant_frame_word_is(d, k, words[i]))
            return 1;
    const slant_token *t = &d->tokens[k];
    return t->end - t->start > 4 && d->text[t->end - 2] == 'l' && d->text[t->end - 1] == 'y' &&
           !(t->flags & SLANT_TOK_UPPER);
}

/* Words after which a noun follows, never a verb: "the statement", "its spokesman".
 * ("that" is left out: "the official that said ...".) */
static int is_determiner(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "the", "a", "an", "this", "these", "those", "his",
                                         "her", "its", "their", "our", "my", "your", "whose",
                                         "each", "every", "another", "no" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (slant_frame_word_is(d, k, words[i]))
            return 1;
    return 0;
}

/* A possessive: a word ending in 's, s' or the same with a curly apostrophe
 * ("the ministry's statement", "officials' statement"). */
static int is_possessive(const slant_doc *d, size_t k)
{
    const slant_token *t = &d->tokens[k];
    const char *w = d->text + t->start;
    size_t n = t->end - t->start;
    if (n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S'))
        return 1;
    if (n > 4 && !memcmp(w + n - 4, "\xE2\x80\x99", 3) && (w[n - 1] == 's' || w[n - 1] == 'S'))
        return 1;
    /* the tokenizer keeps inner apostrophes only: "officials'" ends before its mark */
    size_t e = t->end;
    return w[n - 1] == 's' && e + 1 < d->len && d->text[e] == '\'' && d->text[e + 1] == ' ';
}

/* Whether word `k` stands where a noun does: right after a determiner or a possessive in
 * its clause ("the statement said": "statement" is not the verb). */
static int noun_position(const slant_doc *d, size_t k)
{
    return k > 0 && slant_frame_same_place(d, k - 1, k) && !d->tokens[k - 1].quote &&
           (is_determiner(d, k - 1) || is_possessive(d, k - 1));
}

/* Whether a report-verb match starting before word `k` covers it ("said in a statement"
 * covers "in"): then the phrase at `k` is part of that one, not a verb of its own. */
static int inside_verb_phrase(const slant_frame_ctx *c, size_t k)
{
    for (size_t back = 1; back < SLANT_MAX_ENTRY_WORDS && back <= k; back++) {
        size_t j = k - back;
        for (uint32_t i = c->s.head[j]; i != SLANT_FRAME_NONE; i = c->s.next[i]) {
            const slant_match *m = &c->s.m->items[i];
            if ((m->category == (uint32_t)c->r.report_neutral ||
                 m->category == (uint32_t)c->r.report_loaded) &&
                m->first_token + m->ntokens > k)
                return 1;
        }
    }
    return 0;
}

/* A report verb at word `k` that stands where a verb can: its kind, or SLANT_VERB_NONE. */
static slant_verb_kind usable_verb_at(const slant_frame_ctx *c, size_t k)
{
    slant_verb_kind kind = verb_at(c, k);
    if (!kind || noun_position(c->doc, k) || inside_verb_phrase(c, k))
        return SLANT_VERB_NONE;
    return kind;
}

/* Whether word `k` has the form of a finite report verb: a past tense in -ed or a common
 * irregular form. Of two report words in a row, such a one is the verb ("told reporters",
 * "said in a statement"), another one a noun ("spokesman said"). */
static int looks_finite(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "said", "says", "told", "tells", "wrote", "writes",
                                         "spoke", "speaks" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (slant_frame_word_is(d, k, words[i]))
            return 1;
    const slant_token *t = &d->tokens[k];
    return t->end - t->start > 3 && d->text[t->end - 2] == 'e' && d->text[t->end - 1] == 'd';
}

/* Whether another usable report verb follows word `k` in its clause: right after it,
 * past adverbs ("a government spokesman said", "the statement also said"), or further on
 * in the form of a finite verb ("Kremlin spokesman Dmitry Peskov said"). Then `k` is part
 * of the speaker. */
static int verb_follows(const slant_frame_ctx *c, size_t k)
{
    const slant_doc *d = c->doc;
    size_t j = k + 1;
    while (j < d->ntokens && slant_frame_same_place(d, k, j) && !d->tokens[j].quote &&
           is_adverb(d, j))
        j++;
    if (j < d->ntokens && j <= k + SLANT_FRAME_REACH && slant_frame_same_place(d, k, j) &&
        !d->tokens[j].quote && usable_verb_at(c, j))
        return 1;
    for (j = k + 1; j < d->ntokens && j < k + SLANT_FRAME_REACH &&
                    slant_frame_same_place(d, k, j) && !d->tokens[j].quote;
         j++)
        if (looks_finite(d, j) && usable_verb_at(c, j))
            return 1;
    return 0;
}

/* --- attribution ----------------------------------------------------------------------------- */

/* Words that start a clause rather than a name: after "...," adding that it kept ...,
 * the words after the verb are not its speaker. */
static int starts_clause(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "that", "to", "it", "this", "which", "how", "what",
                                         "if", "whether", "on", "in", "for", "with", "about" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (slant_frame_word_is(d, k, words[i]))
            return 1;
    return 0;
}

/* The speaker after word `from` (exclusive): words in its clause, not quoted, at most REACH. */
static void speaker_after(const slant_frame_ctx *c, size_t from, slant_quotation *q)
{
    const slant_doc *d = c->doc;
    size_t k = from + 1, n = 0;
    if (k < d->ntokens && starts_clause(d, k))
        return; /* said that ..., adding to ...: no name follows ("said he" does) */
    while (k + n < d->ntokens && n < SLANT_FRAME_REACH && slant_frame_same_place(d, from, k + n) &&
           !d->tokens[k + n].quote)
        n++;
    if (n) {
        q->speaker_first = (int32_t)k;
        q->speaker_words = (uint32_t)n;
    }
}

/* The speaker before word `to` (exclusive): words in its clause, back to REACH. */
static void speaker_before(const slant_frame_ctx *c, size_t to, slant_quotation *q)
{
    const slant_doc *d = c->doc;
    size_t n = 0;
    while (n < to && n < SLANT_FRAME_REACH && slant_frame_same_place(d, to - 1 - n, to - 1) &&
           !d->tokens[to - 1 - n].quote)
        n++;
    if (n) {
        q->speaker_first = (int32_t)(to - n);
        q->speaker_words = (uint32_t)n;
    }
}

static int is_auxiliary(const slant_doc *d, size_t k);

/* "...," said X / "...," X said: a report verb within reach after the quotation. */
static int attribute_after(const slant_frame_ctx *c, const slant_quote *sq, slant_quotation *q)
{
    const slant_doc *d = c->doc;
    size_t first = sq->first_token + sq->ntokens;
    /* only words of the sentence the quotation ends in */
    if (first >= d->ntokens || d->tokens[first].sentence != d->tokens[first - 1].sentence)
        return 0;
    for (size_t k = first; k < d->ntokens && k < first + SLANT_FRAME_REACH; k++) {
        if (d->tokens[k].quote || (k > first && !slant_frame_same_place(d, first, k)))
            break;
        slant_verb_kind kind = usable_verb_at(c, k);
        if (!kind || (k > first && !looks_finite(d, k) && verb_follows(c, k)))
            continue; /* "...," the statement said / a government spokesman said */
        q->verb = (int32_t)k;
        q->verb_kind = kind;
        if (k == first) {
            speaker_after(c, k, q);
            return 1;
        }
        /* "...," the statement also said: the words before the verb, less adverbs and
         * auxiliaries ("she would later say") */
        size_t n = k - first;
        while (n > 1 && (is_adverb(d, first + n - 1) || is_auxiliary(d, first + n - 1)))
            n--;
        q->speaker_first = (int32_t)first;
        q->speaker_words = (uint32_t)n;
        return 1;
    }
    return 0;
}

/* A speaker named by a single capitalized word (a surname, "Goddard") takes the longest
 * run of capitalized words ending in that word earlier in the text ("Captain Randy
 * Goddard"), the way a reader resolves it. Returns whether it did. */
static int full_name(const slant_frame_ctx *c, slant_quotation *q)
{
    const slant_doc *d = c->doc;
    if (q->speaker_first < 0 || q->speaker_words != 1 ||
        !(d->tokens[q->speaker_first].flags & SLANT_TOK_UPPER))
        return 0;
    const slant_token *name = &d->tokens[q->speaker_first];
    size_t len = name->end - name->start;
    size_t best_first = 0, best_n = 0;
    size_t at = (size_t)q->speaker_first;
    size_t from = at > SLANT_FRAME_NAME_REACH ? at - SLANT_FRAME_NAME_REACH : 1;
    for (size_t k = from; k < at; k++) {
        const slant_token *t = &d->tokens[k];
        if (t->end - t->start != len || memcmp(d->text + t->start, d->text + name->start, len))
            continue;
        size_t n = 1;
        while (n <= k && n < SLANT_FRAME_REACH && (d->tokens[k - n].flags & SLANT_TOK_UPPER) &&
               slant_frame_same_place(d, k - n, k))
            n++;
        /* A run that starts a sentence may start with an ordinary word ("Yesterday Vos"). */
        if (n > 1 && d->sentences[d->tokens[k + 1 - n].sentence].first_token == k + 1 - n)
            n--;
        if (n > best_n) {
            best_n = n;
            best_first = k + 1 - n;
        }
    }
    if (best_n > 1) {
        q->speaker_first = (int32_t)best_first;
        q->speaker_words = (uint32_t)best_n;
        return 1;
    }
    return 0;
}

/* X said: "..." / X told reporters "...": a report verb within reach before it. */
static int attribute_before(const slant_frame_ctx *c, const slant_quote *sq, slant_quotation *q)
{
    const slant_doc *d = c->doc;
    size_t start = sq->first_token;
    for (size_t back = 1; back <= SLANT_FRAME_REACH && back <= start; back++) {
        size_t k = start - back;
        if (d->tokens[k].quote || d->tokens[k].sentence != d->tokens[start].sentence)
            break;
        slant_verb_kind kind = usable_verb_at(c, k);
        if (!kind || slant_frame_word_is(d, k, "according"))
            continue; /* "according to X" names its speaker after it: attribute_according */
        /* she said in an interview: "...": the phrase belongs to the verb before it */
        slant_verb_kind earlier;
        while (k > 0 && back < SLANT_FRAME_REACH && slant_frame_same_place(d, k - 1, k) &&
               !d->tokens[k - 1].quote && looks_finite(d, k - 1) &&
               (earlier = usable_verb_at(c, k - 1)) != 0) {
            k--;
            back++;
            kind = earlier;
        }
        q->verb = (int32_t)k;
        q->verb_kind = kind;
        speaker_before(c, k, q);
        return 1;
    }
    /* X: "..." */
    size_t i = sq->start;
    while (i > 0 && (d->text[i - 1] == ' ' || d->text[i - 1] == '\t'))
        i--;
    if (i > 0 && d->text[i - 1] == ':' && start > 0 &&
        d->tokens[start - 1].sentence == d->tokens[start].sentence) {
        speaker_before(c, start, q);
        return q->speaker_first >= 0;
    }
    return 0;
}

/* according to X, anywhere in the quotation's sentence. */
static int attribute_according(const slant_frame_ctx *c, const slant_quote *sq, slant_quotation *q)
{
    uint32_t k = c->according[c->doc->tokens[sq->first_token].sentence];
    if (k == SLANT_FRAME_NONE)
        return 0;
    q->verb = (int32_t)k;
    q->verb_kind = SLANT_VERB_NEUTRAL;
    speaker_after(c, k + 1, q);
    return q->speaker_first >= 0;
}

/* Each sentence's first "according to" outside quotations, found once for all the
 * quotations in it (looking per quotation was quadratic in a long sentence). */
uint32_t *slant_frame_find_according(const slant_doc *d)
{
    uint32_t *according = xmalloc((d->nsentences + 1) * sizeof *according);
    for (size_t s = 0; s < d->nsentences; s++)
        according[s] = SLANT_FRAME_NONE;
    for (size_t k = 0; k + 1 < d->ntokens; k++) {
        uint32_t s = d->tokens[k].sentence;
        if (according[s] == SLANT_FRAME_NONE && d->tokens[k + 1].sentence == s &&
            !d->tokens[k].quote && slant_frame_word_is(d, k, "according") &&
            slant_frame_word_is(d, k + 1, "to"))
            according[s] = (uint32_t)k;
    }
    return according;
}

/* Whether a match of category `cat` overlaps words [lo, hi). */
static int overlaps_match(const slant_frame_ctx *c, size_t lo, size_t hi, long cat)
{
    for (size_t k = lo >= SLANT_FRAME_REACH ? lo - SLANT_FRAME_REACH : 0; k < hi; k++) {
        const slant_match *m = match_at(c, k, cat);
        if (m && m->first_token + m->ntokens > lo && k < c->doc->ntokens)
            return 1;
    }
    return 0;
}

/* The speaker's actor and whether it is an anonymous source, read over the words that
 * name it where it is quoted, [site, site_end) (its title included: "Kremlin spokesman
 * Peskov"), then over its full name and title (a surname resolved to a full name earlier
 * in the text). */
static void speaker_identity(const slant_frame_ctx *c, slant_quotation *q, size_t site,
                             size_t site_end)
{
    if (q->speaker_first < 0)
        return;
    size_t from = (size_t)q->speaker_first - q->speaker_title,
           to = (size_t)q->speaker_first + q->speaker_words;
    for (size_t k = site; k < site_end && q->actor == SLANT_FRAME_NONE; k++)
        q->actor = slant_frame_actor_at(c, k);
    for (size_t k = from; k < to && q->actor == SLANT_FRAME_NONE; k++)
        q->actor = slant_frame_actor_at(c, k);
    /* an anonymous-source match overlapping the speaker or its verb (which may stand far
     * apart: a surname resolved to a full name earlier in the text) */
    q->anonymous = overlaps_match(c, site, site_end, c->r.anonymous) ||
                   overlaps_match(c, from, to, c->r.anonymous) ||
                   (q->verb >= 0 && overlaps_match(c, (size_t)q->verb, (size_t)q->verb + 1,
                                                   c->r.anonymous));
}

/* Whether quotation `sq` looks like a continuation of the speech before it: it opens its
 * sentence, and it has more than three words or runs to the sentence's end ("Never.").
 * A short quotation inside the author's sentence is a word held at a distance. */
static int continues(const slant_doc *d, const slant_quote *sq)
{
    const slant_sentence *s = &d->sentences[d->tokens[sq->first_token].sentence];
    if (s->first_token != sq->first_token)
        return 0;
    return sq->ntokens > 3 || sq->first_token + sq->ntokens >= s->first_token + s->ntokens;
}

/* Whether quotation `sq` is the label of a so-called: right after "so-called" or "so
 * called" outside it, in its sentence. */
static int so_called_label(const slant_doc *d, const slant_quote *sq)
{
    size_t k = sq->first_token;
    return k >= 2 && slant_frame_word_is(d, k - 2, "so") &&
           slant_frame_word_is(d, k - 1, "called") &&
           d->tokens[k - 2].sentence == d->tokens[k].sentence &&
           d->tokens[k - 1].end <= sq->start && d->tokens[k - 1].quote == 0;
}

/* --- speakers' names and titles --------------------------------------------------------- */

/* Whether word `k` is one of `words` (lower case ASCII), in any case. */
static int word_in(const slant_doc *d, size_t k, const char *const *words, size_t n)
{
    if (k >= d->ntokens)
        return 0;
    /* Most words of a list fail on their first letter: test it before the whole word. */
    char first = d->text[d->tokens[k].start];
    if (first >= 'A' && first <= 'Z')
        first = (char)(first + ('a' - 'A'));
    for (size_t i = 0; i < n; i++)
        if (words[i][0] == first && slant_frame_word_is(d, k, words[i]))
            return 1;
    return 0;
}

/* Titles, honorifics and roles that stand before a name, abbreviated (the tokenizer keeps
 * the period out of the word: "Sen." and "Sen" are both "sen") or written out, and the
 * role nouns of attribution ("Kremlin spokesman Dmitry Peskov"). Only the word that ends
 * the title is needed: "Vice President", "Attorney General", "Prime Minister" end in one. */
static int is_title(const slant_doc *d, size_t k)
{
    static const char *const words[] = {
        "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "lt",
        "col", "capt", "cpt", "sgt", "cpl", "maj", "adm", "cmdr", "rev", "pres", "amb",
        "hon", "supt", "insp", "det", "sir", "dame", "lord", "lady", "president",
        "secretary", "senator", "congressman", "congresswoman", "representative",
        "governor", "general", "chief", "judge", "justice", "minister", "spokesman",
        "spokeswoman", "spokesperson", "mayor", "ambassador", "commissioner", "director",
        "chairman", "chairwoman", "chancellor", "premier", "king", "queen", "prince",
        "princess", "pope", "sheriff", "captain", "lieutenant", "sergeant", "colonel",
        "major", "admiral", "commander", "professor", "doctor", "speaker", "leader", "rabbi",
        "imam", "bishop", "cardinal", "envoy", "adviser", "advisor", "aide", "counsel",
        "prosecutor", "attorney", "lawyer", "deputy", "candidate", "nominee", "sheikh" };
    return word_in(d, k, words, sizeof words / sizeof words[0]);
}

/* Titles that also begin the names of firms and leagues ("General Motors", "Major League
 * Baseball", "Chief Keef"): as the first word of a speaker they take a name of two words
 * or more, or their abbreviation ("Gen. Petraeus"). */
static int is_ambiguous_title(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "general", "major", "chief", "justice", "speaker",
                                         "leader", "lord", "lady", "king", "queen", "prince" };
    return word_in(d, k, words, sizeof words / sizeof words[0]);
}

/* Lower-case particles inside a name: Charles de Gaulle, Ursula von der Leyen, Bashar
 * al-Assad (the tokenizer splits "al-Assad" at its hyphen), Osama bin Laden. */
static int is_name_particle(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "de", "da", "di", "do", "dos", "das", "du", "del",
                                         "della", "der", "den", "van", "von", "ter", "ten",
                                         "bin", "ibn", "bint", "al", "el", "le", "la", "y" };
    return word_in(d, k, words, sizeof words / sizeof words[0]);
}

/* Whether words [from, to) are a person's name: capitalized words and particles, starting
 * with either and ending in a capitalized word ("Le Pen", "de Gaulle", "von der Leyen").
 * A lower-case noun is never a name ("the president", "Secretary general"). */
static int is_name(const slant_doc *d, size_t from, size_t to)
{
    if (from >= to || !(d->tokens[to - 1].flags & SLANT_TOK_UPPER))
        return 0;
    for (size_t k = from; k < to; k++)
        if (!(d->tokens[k].flags & SLANT_TOK_UPPER) && !is_name_particle(d, k))
            return 0;
    return 1;
}

/* Where the name after the title word `t` starts in a speaker ending before `to`: past
 * "of (the) X" that belongs to the title ("Secretary of State John Kerry", "Governor of
 * Texas Greg Abbott"), or right after `t`; `to` when no name follows. */
static size_t name_after_title(const slant_doc *d, size_t t, size_t to)
{
    size_t k = t + 1;
    if (k + 1 < to && slant_frame_word_is(d, k, "of")) {
        size_t j = k + 1;
        if (j + 1 < to && slant_frame_word_is(d, j, "the"))
            j++;
        if (j + 1 < to && (d->tokens[j].flags & SLANT_TOK_UPPER) && is_name(d, j + 1, to))
            k = j + 1;
    }
    return is_name(d, k, to) ? k : to;
}

/* A speaker whose words end in a name after a title ("Mr. Durbin", "Sen. Dick Durbin",
 * "Kremlin spokesman Dmitry Peskov") is recorded as the name alone, so that "Mr. Durbin"
 * and "Durbin" are one speaker whatever an outlet's house style; the words before it stay
 * the speaker's (speaker_title: its actor and anonymity are read over both). The last title
 * with a name after it wins ("Deputy Prime Minister X"); a name that contains a title word
 * ("John Major") has no name after it and stays whole. */
static void strip_title(const slant_frame_ctx *c, slant_quotation *q)
{
    const slant_doc *d = c->doc;
    if (q->speaker_first < 0 || q->speaker_words < 2)
        return;
    size_t from = (size_t)q->speaker_first, to = from + q->speaker_words;
    for (size_t t = to - 1; t-- > from;) {
        if (!is_title(d, t))
            continue;
        size_t name = name_after_title(d, t, to);
        if (name == to)
            continue;
        /* "General Motors said": a firm, not a title; "Gen. Motors" would be one */
        if (t == from && name == t + 1 && to - name == 1 && is_ambiguous_title(d, t) &&
            !(d->tokens[t].end < d->len && d->text[d->tokens[t].end] == '.'))
            continue;
        q->speaker_title += (uint32_t)(name - from);
        q->speaker_first = (int32_t)name;
        q->speaker_words = (uint32_t)(to - name);
        return;
    }
}

/* Modal verbs and their negations: "Trump should have said ..." is not a report of what
 * was said ("would" is left out: "she would later say" reports speech). */
static int is_modal(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "should", "could", "can", "may", "might", "must",
                                         "shall", "will", "ought", "cannot", "shouldn't",
                                         "couldn't", "can't", "mustn't", "won't", "mightn't",
                                         "shouldn\xE2\x80\x99t", "couldn\xE2\x80\x99t",
                                         "can\xE2\x80\x99t", "won\xE2\x80\x99t" };
    return word_in(d, k, words, sizeof words / sizeof words[0]);
}

/* Whether the words from the speaker to its verb hold a modal ("Trump should say", "Trump
 * should have said"): then the report verb tells what someone might or ought to say, not
 * what a source said. */
static int hypothetical(const slant_frame_ctx *c, const slant_quotation *q)
{
    if (q->speaker_first < 0)
        return 0;
    size_t from = (size_t)q->speaker_first, to = from + q->speaker_words;
    if (q->verb >= 0 && (size_t)q->verb > to)
        to = (size_t)q->verb;
    for (size_t k = from; k < to; k++)
        if (is_modal(c->doc, k))
            return 1;
    return 0;
}

/* Auxiliaries between a speaker and its verb ("she would later say", "Trump should have
 * said"): not part of the speaker. */
static int is_auxiliary(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "would", "did", "does", "do", "has", "had", "have" };
    return is_modal(d, k) || word_in(d, k, words, sizeof words / sizeof words[0]);
}

/* Small words that stay lower case in a title ("Fire and Fury", "Game of Thrones"). */
static int is_title_small_word(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "a", "an", "the", "and", "or", "but", "nor", "of",
                                         "in", "on", "at", "to", "for", "by", "with", "from",
                                         "as", "vs" };
    return word_in(d, k, words, sizeof words / sizeof words[0]);
}

/* A finite verb form that makes the word before it a subject: a modal (would too), a form
 * of be, have or do, or a past tense in -ed ("aired", "premiered"). */
static int verb_form(const slant_doc *d, size_t k)
{
    static const char *const words[] = { "would", "has", "had", "have", "does", "did" };
    if (is_modal(d, k) || slant_frame_is_be(d, k) ||
        word_in(d, k, words, sizeof words / sizeof words[0]))
        return 1;
    const slant_token *t = &d->tokens[k];
    return !(t->flags & SLANT_TOK_UPPER) && t->end - t->start > 3 &&
           d->text[t->end - 2] == 'e' && d->text[t->end - 1] == 'd';
}

/* Whether bytes [from, to) hold only spaces and quotation marks (straight, curly,
 * guillemets): no punctuation of a sentence or clause. */
static int only_marks(const slant_doc *d, size_t from, size_t to)
{
    static const char *const marks[] = { "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                         "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB" };
    size_t i = from;
    while (i < to) {
        char ch = d->text[i];
        if (ch == ' ' || ch == '"' || ch == '\'') {
            i++;
            continue;
        }
        size_t m = 0;
        while (m < sizeof marks / sizeof marks[0] &&
               (strlen(marks[m]) > to - i || memcmp(d->text + i, marks[m], strlen(marks[m]))))
            m++;
        if (m == sizeof marks / sizeof marks[0])
            return 0;
        i += strlen(marks[m]);
    }
    return 1;
}

/* Whether quotation `sq` is the name of a work (a show, a book, a film) used as a noun:
 * its words in title case, no punctuation of its own at its end, and right after it, in
 * its clause, a verb that is not a report verb (Trump said "The Apprentice" was his best
 * show; "Fire and Fury" sold a million copies) or, after two words or more, a lower-case
 * noun ("The Apprentice" star). Such a quotation is nobody's speech. */
static int names_a_work(const slant_frame_ctx *c, const slant_quote *sq)
{
    const slant_doc *d = c->doc;
    size_t first = sq->first_token, end = first + sq->ntokens;
    if (sq->ntokens == 0 || end >= d->ntokens || !(d->tokens[first].flags & SLANT_TOK_UPPER))
        return 0;
    /* one word opening its sentence is capitalized anyway ("Never" is what critics wrote) */
    if (sq->ntokens == 1 && d->sentences[d->tokens[first].sentence].first_token == first)
        return 0;
    for (size_t k = first; k < end; k++)
        if (!(d->tokens[k].flags & SLANT_TOK_UPPER) && !is_title_small_word(d, k) &&
            !(d->tokens[k].flags & SLANT_TOK_NUMBER))
            return 0;
    if (!only_marks(d, d->tokens[end - 1].end, d->tokens[end].start))
        return 0;
    if (d->tokens[end].sentence != d->tokens[end - 1].sentence || d->tokens[end].quote ||
        usable_verb_at(c, end))
        return 0;
    /* a verb, or a lower-case noun the title qualifies ("The Apprentice" star told ...) */
    return verb_form(d, end) ||
           (sq->ntokens >= 2 && !(d->tokens[end].flags & SLANT_TOK_UPPER) &&
            !is_title_small_word(d, end) && !is_adverb(d, end));
}

void slant_frame_attribute(const slant_frame_ctx *c, slant_frame *f)
{
    const slant_doc *d = c->doc;
    f->nquotes = 0;
    size_t previous_index = SIZE_MAX; /* an index: growing the array moves its elements */
    for (size_t i = 0; i < d->nquotes; i++) {
        const slant_quote *sq = &d->quotes[i];
        if (sq->depth != 0 || sq->ntokens == 0)
            continue;
        f->quotes = xgrow(f->quotes, &f->quotes_cap, f->nquotes + 1, sizeof *f->quotes);
        slant_quotation *q = &f->quotes[f->nquotes++];
        memset(q, 0, sizeof *q);
        q->quote = (uint32_t)i;
        q->words = sq->ntokens;
        q->speaker_first = q->verb = -1;
        q->actor = SLANT_FRAME_NONE;
        /* Speech is attributed next to the quotation; a short quotation whose report verb
         * stands further off is a word the author holds at a distance, not speech:
         * Azerbaijan said it had launched "counter-terrorism" activities. */
        int adjacent = 1;
        if (!attribute_after(c, sq, q)) {
            if (attribute_before(c, sq, q))
                adjacent = q->verb < 0 || (size_t)q->verb + 3 >= sq->first_token;
            else
                attribute_according(c, sq, q);
        }
        int label = so_called_label(d, sq);
        int work = names_a_work(c, sq);
        if ((sq->ntokens <= 3 && !adjacent) || label || work || hypothetical(c, q)) {
            q->speaker_first = q->verb = -1;
            q->speaker_words = 0;
            q->verb_kind = SLANT_VERB_NONE;
        }
        strip_title(c, q);
        size_t site = q->speaker_first < 0 ? 0 : (size_t)q->speaker_first - q->speaker_title;
        size_t site_end = q->speaker_first < 0 ? 0 : (size_t)q->speaker_first + q->speaker_words;
        if (full_name(c, q)) {
            q->speaker_title = 0;
            strip_title(c, q); /* the full name may begin with a title: Sen. Dick Durbin */
        }
        uint32_t sentence = d->tokens[sq->first_token].sentence;
        const slant_quotation *previous =
            previous_index == SIZE_MAX ? NULL : &f->quotes[previous_index];
        if (q->speaker_first < 0 && q->verb < 0 && !label && previous &&
            previous->speaker_first >= 0 && continues(d, sq) &&
            sentence <= d->tokens[previous->speaker_first].sentence + 1 &&
            d->quotes[previous->quote].end <= sq->start) {
            q->speaker_first = previous->speaker_first;
            q->speaker_words = previous->speaker_words;
            q->speaker_title = previous->speaker_title;
            q->verb = previous->verb;
            q->verb_kind = previous->verb_kind;
            q->continued = 1;
        }
        /* a split quotation: "We saw it," said the farmer, "and the road closed." (its
         * verb is the previous one's: one attribution, not two) */
        if (q->verb >= 0 && !q->continued && !label && previous &&
            previous->verb == q->verb && previous->speaker_first >= 0) {
            q->speaker_first = previous->speaker_first;
            q->speaker_words = previous->speaker_words;
            q->speaker_title = previous->speaker_title;
            q->continued = 1;
        }
        if (q->continued) /* the words that name it are the previous quotation's */
            site = site_end = (size_t)q->speaker_first;
        speaker_identity(c, q, site, site_end);
        /* the name of a work is neither speech nor a word held at a distance */
        q->scare = !work && (label || (sq->ntokens <= 3 && q->speaker_first < 0 && q->verb < 0));
        if (q->speaker_first >= 0)
            previous_index = f->nquotes - 1;
    }
}

/* Scare quotes: short quotations with no speaker, and short quotations inside speech. */
void slant_frame_scare_quotes(const slant_frame_ctx *c, slant_frame *f)
{
    const slant_doc *d = c->doc;
    f->nscare = 0;
    size_t outer = 0;
    for (size_t i = 0; i < d->nquotes; i++) {
        const slant_quote *sq = &d->quotes[i];
        int scare;
        if (sq->depth == 0 && sq->ntokens) {
            scare = outer < f->nquotes && f->quotes[outer].scare;
            outer++;
        } else {
            scare = sq->depth > 0 && sq->ntokens >= 1 && sq->ntokens <= 3;
        }
        if (!scare)
            continue;
        f->scare = xgrow(f->scare, &f->scare_cap, f->nscare + 1, sizeof *f->scare);
        f->scare[f->nscare++] = (uint32_t)i;
    }
}

/* A speaker's bytes, for sorting. */
typedef struct {
    const char *s;
    size_t len;
} speaker_text;

/* Orders speakers by length, then by their bytes with ASCII letters in lower case. */
static int cmp_speaker(const void *a, const void *b)
{
    const speaker_text *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    for (size_t k = 0; k < x->len; k++) {
        unsigned char p = (unsigned char)x->s[k], q = (unsigned char)y->s[k];
        p = (unsigned char)(p >= 'A' && p <= 'Z' ? p + 32 : p);
        q = (unsigned char)(q >= 'A' && q <= 'Z' ? q + 32 : q);
        if (p != q)
            return p < q ? -1 : 1;
    }
    return 0;
}

/* Distinct speakers, by their words folded to ASCII lower case: sorted, then counted
 * (comparing every pair was quadratic in the number of quotations). */
size_t slant_frame_distinct_speakers(const slant_doc *d, const slant_frame *f)
{
    speaker_text *all = xmalloc((f->nquotes + 1) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < f->nquotes; i++) {
        const slant_quotation *q = &f->quotes[i];
        if (q->speaker_first < 0 || q->continued)
            continue;
        size_t a0 = d->tokens[q->speaker_first].start;
        size_t a1 = d->tokens[q->speaker_first + (int32_t)q->speaker_words - 1].end;
        all[n].s = d->text + a0;
        all[n].len = a1 - a0;
        n++;
    }
    qsort(all, n, sizeof *all, cmp_speaker);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += i == 0 || cmp_speaker(&all[i - 1], &all[i]) != 0;
    free(all);
    return distinct;
}
