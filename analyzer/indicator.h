#ifndef SLANT_INDICATOR_H
#define SLANT_INDICATOR_H

#include <stddef.h>

#include "lexicon.h"
#include "record.h"

/*
 * The indicators slant derives from a score record, in one table. Every indicator that
 * is not simply a lexicon category's matches per 1,000 words has one row here: its id,
 * its label as the report writes it, its unit, the section of the report it belongs to,
 * the definition the report's list of indicators prints, and how its value is computed
 * from a score record (for compare) or from a scored article (for the columns of
 * score's CSV, TSV and long tables). Compare's reader (score_json.c), compare's writers
 * (compare_text.c), the report (report*.c) and the table writers (table.c) read the table;
 * nothing else lists these indicators.
 *
 * A category's rate is an indicator too, named after the category, but it has no row:
 * it comes from the lexicon (the manifest), never from an id compiled in. Its label is
 * the manifest's `label`, else its framing role's (slant_role_label), else its id in
 * words; its section is its group's, except that the categories of the framing roles
 * report_loaded and anonymous_source belong to attribution; its role is the manifest's
 * `role` (slant_indicator_role).
 *
 * Adding a derived indicator: one row (id, label, unit, section, flags, definition,
 * formula) and, when it is a table column or a member of the score record, a column
 * function in indicator.c. A framing count of frame.h that records should carry is one
 * row with `record` set ("attribution.NAME"): the record writer, the table columns
 * (with SLANT_IND_COLUMN) and compare's formulas over record members all follow it.
 *
 * The table is static and read-only: any number of threads may read it.
 */

/* What an indicator's values are: the unit decides how every writer words and shows it. */
typedef enum {
    SLANT_UNIT_RATE = 0,   /* per 1,000 words: "A uses 2.4 times as many X as B" */
    SLANT_UNIT_SHARE,      /* 0 to 1, shown as a percentage */
    SLANT_UNIT_INDEX,      /* a scale (the row's `scale`): differences, never ratios */
    SLANT_UNIT_COUNT       /* a plain count or size (table columns only) */
} slant_unit;

/* Where the report puts an indicator. Headline findings come from judgement, contested
 * labels and attribution; the others are context (slant_section_is_headline). */
typedef enum {
    SLANT_SECTION_JUDGEMENT = 0,  /* the loaded-language index; categories of group loaded */
    SLANT_SECTION_CONTESTED,      /* group contested */
    SLANT_SECTION_ATTRIBUTION,    /* who is quoted, how, and how the author keeps distance */
    SLANT_SECTION_EPISTEMIC,      /* group epistemic: hedges, assertives, certainty */
    SLANT_SECTION_STRUCTURAL,     /* group structural: negators, neutral report verbs */
    SLANT_SECTION_SUBJECT,        /* group subject: what a story is about */
    SLANT_SECTION_SIZE,           /* words, sentences, quotations */
    SLANT_SECTION_UNKNOWN         /* a category whose group is not known (no lexicon) */
} slant_section;

/* How a compared indicator's value follows from members of a score record. */
typedef enum {
    SLANT_CALC_NONE = 0,   /* not computed from a record (a category, a column only) */
    SLANT_CALC_MEMBER,     /* a, as it is */
    SLANT_CALC_PER_1000,   /* 1000 * a / tokens; undefined without words */
    SLANT_CALC_RATIO,      /* a / b; undefined unless b > 0 */
    SLANT_CALC_SHARE       /* a / (a + b); undefined unless a + b > 0 */
} slant_calc;

/* Flags of a row. */
#define SLANT_IND_COMPARED 1u   /* read from score records into compare's dataset */
#define SLANT_IND_COLUMN 2u     /* a column of score's CSV, TSV and long tables */
#define SLANT_IND_LEADS 4u      /* compare and the report put it first, when records have it */

typedef struct {
    const char *id;          /* the name in records, compare's tables and the columns */
    const char *label;       /* for a reader: "share of words in quotations" */
    slant_unit unit;
    slant_section section;
    unsigned flags;
    const char *scale;       /* SLANT_UNIT_INDEX: "a difference of 0.4 <scale>" */
    const char *axis;        /* SLANT_UNIT_INDEX: a chart's unit, "-1 to 1" */
    const char *definition;  /* the report's definition; NULL: the lexicon's, or none */
    slant_calc calc;         /* SLANT_IND_COMPARED: the formula... */
    const char *a, *b;       /* ...over these members ("tokens", "attribution.quotations") */
    const char *needs;       /* read only when the record has this member (NULL: always) */
    const char *record;      /* the score record's member that holds the value, as a path
                                ("tokens", "epistemic.hedges", "attribution.scare_quotes"):
                                the writer of the objects epistemic and attribution
                                (record_json.c) writes every row whose path is in
                                them, in table order, a count when the unit is
                                SLANT_UNIT_COUNT; NULL: not a member of its own */
    double (*column)(const slant_result *r);   /* the value of a scored article: of a
                                                  column (SLANT_IND_COLUMN) or of the
                                                  member `record` */
} slant_indicator;

/* The rows, in order. The order is the order of compare's derived indicators (after the
 * leading ones and the categories) and of the table columns. */
size_t slant_indicator_count(void);
const slant_indicator *slant_indicator_at(size_t i);

/* The row of `id`, or NULL (a plain category, or an unknown name). */
const slant_indicator *slant_indicator_find(const char *id);

/* The row whose `record` is `path` ("attribution.quotations"), or NULL. */
const slant_indicator *slant_indicator_of_member(const char *path);

/* The unit of indicator `id`: its row's, or a rate (a category). One function, used by
 * compare's writers and the report alike, so they cannot disagree. */
slant_unit slant_indicator_unit(const char *id);

/* Whether `id` leads (slant_indicator_find(id) has SLANT_IND_LEADS). */
int slant_indicator_leads(const char *id);

/*
 * The section of indicator `id`: its row's, else, for category `id` of `lex`, attribution
 * when its role is report_loaded or anonymous_source, else its group's (loaded:
 * judgement, contested, epistemic, structural, subject), else SLANT_SECTION_UNKNOWN (no
 * lexicon, an actor, or a group without a section).
 */
slant_section slant_indicator_section(const char *id, const slant_lexicon *lex);

/* Whether findings in section `s` are headline findings (judgement, contested labels,
 * attribution, and what cannot be placed) rather than context. */
int slant_section_is_headline(slant_section s);

/* The section's name as documented: "judgement", "contested", ... */
const char *slant_section_name(slant_section s);

/*
 * The label of indicator `id` for a reader, into `buf` (returned): its row's label, else
 * for category `id` of `lex` (which may be NULL) the manifest's `label` or its role's
 * (slant_role_label), else the id in words, a plural noun as it is ("hedges") and any
 * other with " terms" ("violence terms").
 */
const char *slant_indicator_label(const char *id, const slant_lexicon *lex, char *buf,
                                  size_t size);

/* The manifest role of category `id` in `lex`; SLANT_ROLE_NONE for any other indicator,
 * an unknown name or no lexicon (NULL). */
slant_role slant_indicator_role(const char *id, const slant_lexicon *lex);

/*
 * The value of `ind` (SLANT_CALC_*) from the numbers of a record: `a` and `b` the values of
 * its members (NAN when missing or null), `tokens` the record's words.
 */
double slant_indicator_compute(const slant_indicator *ind, double a, double b, double tokens);

#endif
