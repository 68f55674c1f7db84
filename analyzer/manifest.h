#ifndef SLANT_MANIFEST_H
#define SLANT_MANIFEST_H

#include <stddef.h>

/*
 * A lexicon's manifest (lexicon.json) as plain data: what lexicon_json.c reads and lexicon.c
 * uses. Every string is owned by the manifest and freed by slant_manifest_release();
 * optional ones are NULL when absent. The format is documented in lexicons/FORMAT.md.
 */

/*
 * What a category does besides being counted (lexicons/FORMAT.md, `role`). The first
 * three are scope roles: the matcher marks the match after one as negated, boosted or
 * diminished. The others name the categories framing reads (frame.h): the report verbs
 * of attribution, anonymous sources, the epistemic markers and the violence words of
 * agent and patient. A lexicon without them is counted as usual and has no framing of
 * that kind.
 */
typedef enum {
    SLANT_ROLE_NONE = 0,
    SLANT_ROLE_NEGATOR,
    SLANT_ROLE_BOOSTER,
    SLANT_ROLE_DIMINISHER,
    SLANT_ROLE_REPORT_NEUTRAL,
    SLANT_ROLE_REPORT_LOADED,
    SLANT_ROLE_ANONYMOUS_SOURCE,
    SLANT_ROLE_HEDGE,
    SLANT_ROLE_ASSERTIVE,
    SLANT_ROLE_FACTIVE,
    SLANT_ROLE_VIOLENCE,
    SLANT_ROLE_COUNT
} slant_role;

/* The last scope role: roles up to it mark the next match (match.c). */
#define SLANT_ROLE_LAST_SCOPE SLANT_ROLE_DIMINISHER

/* The role's name in a manifest ("negator", "report_neutral", ...); NULL for NONE. */
const char *slant_role_name(slant_role role);

/* What a reader calls the categories of a framing role the report shows on its own
 * ("loaded report verbs"), when the manifest gives the category no `label`; NULL for the
 * other roles (their categories are named by their ids). */
const char *slant_role_label(slant_role role);

typedef struct {
    char *id;
    char *file;
    char *group;          /* loaded, subject, epistemic, structural, contested */
    char *polarity;       /* optional */
    char *definition;
    char *label;          /* optional: its name for a reader ("loaded report verbs") */
    slant_role role;
    char **inspired_by;   /* optional, `ninspired` strings */
    size_t ninspired;
} slant_manifest_category;

/* A contested concept (variants.json): alternative names of one referent. */
typedef struct {
    char *entry;          /* in category-file entry syntax */
    char *stance;         /* who typically uses it: a usage tag, never a verdict */
} slant_manifest_variant;

typedef struct {
    char *id;
    char *referent;
    char *domain;         /* optional */
    char *notes;          /* optional */
    slant_manifest_variant *variants;
    size_t nvariants;
} slant_manifest_concept;

typedef struct {
    char *id;
    char *version;
    char *language;
    char *stemmer;
    char *description;    /* optional */
    slant_manifest_category *categories;
    size_t ncategories;
    slant_manifest_concept *concepts;     /* from variants.json, when the lexicon has one */
    size_t nconcepts;
    char **actors;        /* actor files named by "actors", relative to the lexicon */
    size_t nactors;
} slant_manifest;

void slant_manifest_release(slant_manifest *m);

#endif
