#ifndef SLANT_MANIFEST_H
#define SLANT_MANIFEST_H

#include <stddef.h>

/*
 * A lexicon's manifest (lexicon.json) as plain data: what json.c reads and lexicon.c
 * uses. Every string is owned by the manifest and freed by slant_manifest_release();
 * optional ones are NULL when absent. The format is documented in lexicons/FORMAT.md.
 */

typedef enum {
    SLANT_ROLE_NONE = 0,
    SLANT_ROLE_NEGATOR,
    SLANT_ROLE_BOOSTER,
    SLANT_ROLE_DIMINISHER
} slant_role;

typedef struct {
    char *id;
    char *file;
    char *group;          /* loaded, subject, epistemic, structural, contested */
    char *polarity;       /* optional */
    char *definition;
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
