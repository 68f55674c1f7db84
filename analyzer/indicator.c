/* The table of derived and framing indicators (see indicator.h). */

#include "indicator.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* --- the column values of a scored article -------------------------------------------- */

static double col_tokens(const slant_result *r) { return (double)r->record->tokens; }
static double col_sentences(const slant_result *r) { return (double)r->record->sentences; }
static double col_paragraphs(const slant_result *r) { return (double)r->record->paragraphs; }
static double col_quotes(const slant_result *r) { return (double)r->record->quotes; }
static double col_quote_tokens(const slant_result *r) { return (double)r->record->quote_tokens; }
static double col_invalid_utf8(const slant_result *r) { return (double)r->record->invalid_utf8; }
static double col_lead_tokens(const slant_result *r) { return (double)r->record->lead_tokens; }
static double col_headline_tokens(const slant_result *r)
{
    return (double)r->record->headline_tokens;
}
static double col_index(const slant_result *r) { return r->record->index.all; }
static double col_index_author(const slant_result *r) { return r->record->index.author; }
static double col_index_quoted(const slant_result *r) { return r->record->index.quoted; }
static double col_coverage(const slant_result *r)
{
    const slant_record *rec = r->record;
    return rec->tokens ? (double)rec->matched_tokens / (double)rec->tokens : NAN;
}
static double col_author_tokens(const slant_result *r) { return (double)r->frame->author_tokens; }
static double col_hedges(const slant_result *r) { return r->frame->hedges; }
static double col_assertives(const slant_result *r) { return r->frame->assertives; }
static double col_factives(const slant_result *r) { return r->frame->factives; }
static double col_certainty(const slant_result *r) { return r->frame->certainty; }
static double col_quotations(const slant_result *r) { return (double)r->frame->nquotes; }
static double col_attributed(const slant_result *r) { return (double)r->frame->attributed; }
static double col_continued(const slant_result *r) { return (double)r->frame->continued; }
static double col_speakers(const slant_result *r) { return (double)r->frame->speakers; }
static double col_neutral_verbs(const slant_result *r) { return (double)r->frame->neutral_verbs; }
static double col_loaded_verbs(const slant_result *r) { return (double)r->frame->loaded_verbs; }
static double col_anonymous(const slant_result *r) { return (double)r->frame->anonymous_quotes; }
static double col_scare_quotes(const slant_result *r) { return (double)r->frame->scare_quotes; }
static double col_so_called(const slant_result *r) { return (double)r->frame->nso_called; }
static double col_agentless(const slant_result *r)
{
    return (double)r->frame->agentless_passives;
}

/* --- the table -------------------------------------------------------------------------- */

#define C SLANT_IND_COMPARED
#define COL SLANT_IND_COLUMN
#define LEADS SLANT_IND_LEADS

/* A size or framing column of score's tables. */
#define COLUMN(id_, label_, unit_, section_, fn_)                                             \
    { .id = id_, .label = label_, .unit = unit_, .section = section_, .flags = COL,           \
      .column = fn_ }

/* A column that is also the score record's member `record_`. */
#define MEMBER(id_, label_, unit_, section_, record_, fn_)                                     \
    { .id = id_, .label = label_, .unit = unit_, .section = section_, .flags = COL,           \
      .record = record_, .column = fn_ }

/* A member of the score record only (not a column). */
#define RECORD(id_, label_, unit_, section_, record_, fn_)                                     \
    { .id = id_, .label = label_, .unit = unit_, .section = section_, .record = record_,     \
      .column = fn_ }

static const slant_indicator table[] = {
    /* The size of an article (columns; quote_share below is compared). */
    MEMBER("tokens", "words", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE, "tokens", col_tokens),
    COLUMN("sentences", "sentences", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE, col_sentences),
    COLUMN("paragraphs", "paragraphs", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE, col_paragraphs),
    COLUMN("quotes", "quotation spans", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE, col_quotes),
    MEMBER("quote_tokens", "words in quotations", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE,
           "quote_tokens", col_quote_tokens),
    COLUMN("invalid_utf8", "invalid UTF-8 sequences replaced", SLANT_UNIT_COUNT,
           SLANT_SECTION_SIZE, col_invalid_utf8),
    COLUMN("lead_tokens", "words in the lead", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE,
           col_lead_tokens),
    COLUMN("headline_tokens", "words in the headline", SLANT_UNIT_COUNT, SLANT_SECTION_SIZE,
           col_headline_tokens),

    /* The loaded-language index (docs/schema/score.md): first in compare and the report. */
    { .id = "loaded_index", .label = "loaded-language index", .unit = SLANT_UNIT_INDEX,
      .section = SLANT_SECTION_JUDGEMENT, .flags = C | LEADS | COL,
      .scale = "in weighted matches per 1,000 words", .axis = "weighted per 1,000 words",
      .definition = "loaded and contested word choice per 1,000 words: the matches of the "
                    "lexicon's index categories (groups loaded and contested, without "
                    "contested-label concepts and actors), each weighted (weight 1 unless "
                    "a weights file of 'slant calibrate' gave others; the records' "
                    "provenance says which)",
      .calc = SLANT_CALC_MEMBER, .a = "loaded_index", .needs = "loaded_index",
      .record = "loaded_index", .column = col_index },
    { .id = "loaded_index_author", .label = "loaded-language index in the author's voice",
      .unit = SLANT_UNIT_INDEX, .section = SLANT_SECTION_JUDGEMENT, .flags = C | LEADS | COL,
      .scale = "in weighted matches per 1,000 words", .axis = "weighted per 1,000 words",
      .definition = "the loaded-language index of the author's own words: weighted matches "
                    "outside quotations per 1,000 words outside quotations",
      .calc = SLANT_CALC_MEMBER, .a = "loaded_index_author", .needs = "loaded_index_author",
      .record = "loaded_index_author", .column = col_index_author },
    { .id = "loaded_index_quoted", .label = "loaded-language index in quoted speech",
      .unit = SLANT_UNIT_INDEX, .section = SLANT_SECTION_JUDGEMENT, .flags = C | LEADS | COL,
      .scale = "in weighted matches per 1,000 words", .axis = "weighted per 1,000 words",
      .definition = "the loaded-language index of quoted speech: weighted matches inside "
                    "quotations per 1,000 quoted words",
      .calc = SLANT_CALC_MEMBER, .a = "loaded_index_quoted", .needs = "loaded_index_quoted",
      .record = "loaded_index_quoted", .column = col_index_quoted },

    COLUMN("coverage", "share of words matched", SLANT_UNIT_SHARE, SLANT_SECTION_SIZE,
           col_coverage),

    /* Quotation and framing (docs/schema/compare.md). */
    { .id = "quote_share", .label = "share of words in quotations", .unit = SLANT_UNIT_SHARE,
      .section = SLANT_SECTION_ATTRIBUTION, .flags = C,
      .definition = "the share of an article's words that stand inside quotation marks",
      .calc = SLANT_CALC_RATIO, .a = "quote_tokens", .b = "tokens" },
    RECORD("author_tokens", "words in the author's voice", SLANT_UNIT_COUNT,
           SLANT_SECTION_EPISTEMIC, "epistemic.author_tokens", col_author_tokens),
    MEMBER("hedges_author_rate", "hedges in the author's voice", SLANT_UNIT_RATE,
           SLANT_SECTION_EPISTEMIC, "epistemic.hedges", col_hedges),
    MEMBER("assertives_author_rate", "assertives in the author's voice", SLANT_UNIT_RATE,
           SLANT_SECTION_EPISTEMIC, "epistemic.assertives", col_assertives),
    MEMBER("factives_author_rate", "factives in the author's voice", SLANT_UNIT_RATE,
           SLANT_SECTION_EPISTEMIC, "epistemic.factives", col_factives),
    { .id = "certainty", .label = "certainty index", .unit = SLANT_UNIT_INDEX,
      .section = SLANT_SECTION_EPISTEMIC, .flags = C | COL, .scale = "on a scale from -1 to 1",
      .axis = "-1 to 1",
      .definition = "(assertives - hedges) / (assertives + hedges) in the author's voice: from "
                    "-1 (only hedges) to 1 (only assertives), 0 when neither occurs",
      .calc = SLANT_CALC_MEMBER, .a = "epistemic.certainty", .needs = "epistemic",
      .record = "epistemic.certainty", .column = col_certainty },
    MEMBER("quotations", "quotations", SLANT_UNIT_COUNT, SLANT_SECTION_ATTRIBUTION,
           "attribution.quotations", col_quotations),
    MEMBER("attributed", "quotations with a speaker", SLANT_UNIT_COUNT,
           SLANT_SECTION_ATTRIBUTION, "attribution.attributed", col_attributed),
    RECORD("continued", "quotations continuing an earlier one", SLANT_UNIT_COUNT,
           SLANT_SECTION_ATTRIBUTION, "attribution.continued", col_continued),
    MEMBER("speakers", "distinct speakers", SLANT_UNIT_COUNT, SLANT_SECTION_ATTRIBUTION,
           "attribution.speakers", col_speakers),
    MEMBER("neutral_verbs", "quotations with a neutral report verb", SLANT_UNIT_COUNT,
           SLANT_SECTION_STRUCTURAL, "attribution.neutral_verbs", col_neutral_verbs),
    MEMBER("loaded_verbs", "quotations with a loaded report verb", SLANT_UNIT_COUNT,
           SLANT_SECTION_ATTRIBUTION, "attribution.loaded_verbs", col_loaded_verbs),
    MEMBER("anonymous_quotes", "anonymous quotations", SLANT_UNIT_COUNT,
           SLANT_SECTION_ATTRIBUTION, "attribution.anonymous", col_anonymous),
    MEMBER("scare_quotes", "scare quotes in the article", SLANT_UNIT_COUNT,
           SLANT_SECTION_ATTRIBUTION, "attribution.scare_quotes", col_scare_quotes),
    MEMBER("so_called", "\"so-called\" labels", SLANT_UNIT_COUNT, SLANT_SECTION_ATTRIBUTION,
           "attribution.so_called", col_so_called),
    MEMBER("agentless_passives", "agentless passives near violence terms", SLANT_UNIT_COUNT,
           SLANT_SECTION_STRUCTURAL, "attribution.agentless_passives", col_agentless),
    { .id = "scare_quote_rate", .label = "scare quotes", .unit = SLANT_UNIT_RATE,
      .section = SLANT_SECTION_ATTRIBUTION, .flags = C,
      .definition = "short quotations (one to three words) with no speaker, per 1,000 words",
      .calc = SLANT_CALC_PER_1000, .a = "attribution.scare_quotes", .needs = "attribution" },
    { .id = "loaded_verb_share", .label = "loaded share of quotation verbs",
      .unit = SLANT_UNIT_SHARE, .section = SLANT_SECTION_ATTRIBUTION, .flags = C,
      .definition = "loaded report verbs (claimed, insisted) among the report verbs that "
                    "introduce the article's attributed quotations",
      .calc = SLANT_CALC_SHARE, .a = "attribution.loaded_verbs",
      .b = "attribution.neutral_verbs", .needs = "attribution" },
    { .id = "attributed_share", .label = "share of quotations with a speaker",
      .unit = SLANT_UNIT_SHARE, .section = SLANT_SECTION_ATTRIBUTION, .flags = C,
      .definition = "the share of the article's quotations whose speaker the text names",
      .calc = SLANT_CALC_RATIO, .a = "attribution.attributed", .b = "attribution.quotations",
      .needs = "attribution" },
    { .id = "anonymous_share", .label = "share of anonymous quotations",
      .unit = SLANT_UNIT_SHARE, .section = SLANT_SECTION_ATTRIBUTION, .flags = C,
      .definition = "the share of the article's quotations attributed to an anonymous "
                    "source (\"officials said\")",
      .calc = SLANT_CALC_RATIO, .a = "attribution.anonymous", .b = "attribution.quotations",
      .needs = "attribution" },
};

#undef C
#undef COL
#undef LEADS
#undef COLUMN
#undef MEMBER
#undef RECORD

size_t slant_indicator_count(void)
{
    return sizeof table / sizeof table[0];
}

const slant_indicator *slant_indicator_at(size_t i)
{
    return i < slant_indicator_count() ? &table[i] : NULL;
}

const slant_indicator *slant_indicator_find(const char *id)
{
    for (size_t i = 0; i < slant_indicator_count(); i++)
        if (!strcmp(table[i].id, id))
            return &table[i];
    return NULL;
}

const slant_indicator *slant_indicator_of_member(const char *path)
{
    for (size_t i = 0; i < slant_indicator_count(); i++)
        if (table[i].record && !strcmp(table[i].record, path))
            return &table[i];
    return NULL;
}

slant_unit slant_indicator_unit(const char *id)
{
    const slant_indicator *x = slant_indicator_find(id);
    return x ? x->unit : SLANT_UNIT_RATE;
}

int slant_indicator_leads(const char *id)
{
    const slant_indicator *x = slant_indicator_find(id);
    return x && (x->flags & SLANT_IND_LEADS);
}

/* Category `id` of `lex`, or NULL (no lexicon, or no such category). */
static const slant_category *category_of(const char *id, const slant_lexicon *lex)
{
    long k = lex ? slant_lexicon_find_category(lex, id) : -1;
    return k < 0 ? NULL : slant_lexicon_category(lex, (size_t)k);
}

slant_role slant_indicator_role(const char *id, const slant_lexicon *lex)
{
    const slant_category *cat = slant_indicator_find(id) ? NULL : category_of(id, lex);
    return cat ? cat->role : SLANT_ROLE_NONE;
}

/* The section of a lexicon group (lexicons/FORMAT.md). */
static slant_section section_of_group(const char *group)
{
    static const struct {
        const char *group;
        slant_section section;
    } groups[] = {
        { "loaded", SLANT_SECTION_JUDGEMENT },     { "contested", SLANT_SECTION_CONTESTED },
        { "epistemic", SLANT_SECTION_EPISTEMIC },  { "structural", SLANT_SECTION_STRUCTURAL },
        { "subject", SLANT_SECTION_SUBJECT },
    };
    for (size_t k = 0; group && k < sizeof groups / sizeof groups[0]; k++)
        if (!strcmp(group, groups[k].group))
            return groups[k].section;
    return SLANT_SECTION_UNKNOWN;
}

slant_section slant_indicator_section(const char *id, const slant_lexicon *lex)
{
    const slant_indicator *x = slant_indicator_find(id);
    if (x)
        return x->section;
    const slant_category *cat = category_of(id, lex);
    if (!cat || cat->actor)
        return SLANT_SECTION_UNKNOWN;
    /* how a text attributes, whatever the words' group */
    if (cat->role == SLANT_ROLE_REPORT_LOADED || cat->role == SLANT_ROLE_ANONYMOUS_SOURCE)
        return SLANT_SECTION_ATTRIBUTION;
    return section_of_group(cat->group);
}

int slant_section_is_headline(slant_section s)
{
    return s == SLANT_SECTION_JUDGEMENT || s == SLANT_SECTION_CONTESTED ||
           s == SLANT_SECTION_ATTRIBUTION || s == SLANT_SECTION_UNKNOWN;
}

const char *slant_section_name(slant_section s)
{
    static const char *const names[] = { "judgement",  "contested", "attribution", "epistemic",
                                         "structural", "subject",   "size",        "unknown" };
    return (size_t)s < sizeof names / sizeof names[0] ? names[s] : "unknown";
}

const char *slant_indicator_label(const char *id, const slant_lexicon *lex, char *buf,
                                  size_t size)
{
    const slant_indicator *x = slant_indicator_find(id);
    const slant_category *cat = x ? NULL : category_of(id, lex);
    const char *label = x ? x->label : NULL;
    if (cat)
        label = cat->label ? cat->label : slant_role_label(cat->role);
    if (label) {
        snprintf(buf, size, "%s", label);
        return buf;
    }
    /* A category: its id in words, a plural noun ("hedges") or "... terms". */
    size_t len = strlen(id);
    snprintf(buf, size, "%s%s", id, len && id[len - 1] == 's' ? "" : " terms");
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = ' ';
    return buf;
}

double slant_indicator_compute(const slant_indicator *ind, double a, double b, double tokens)
{
    switch (ind->calc) {
    case SLANT_CALC_MEMBER:
        return a;
    case SLANT_CALC_PER_1000:
        return tokens > 0 ? 1000.0 * a / tokens : NAN;
    case SLANT_CALC_RATIO:
        return b > 0 ? a / b : NAN;
    case SLANT_CALC_SHARE:
        return a + b > 0 ? a / (a + b) : NAN;
    case SLANT_CALC_NONE:
        break;
    }
    return NAN;
}
