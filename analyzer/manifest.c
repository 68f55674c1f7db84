#include "manifest.h"

#include <stdlib.h>
#include <string.h>

const char *slant_role_name(slant_role role)
{
    static const char *const names[SLANT_ROLE_COUNT] = {
        [SLANT_ROLE_NEGATOR] = "negator",
        [SLANT_ROLE_BOOSTER] = "booster",
        [SLANT_ROLE_DIMINISHER] = "diminisher",
        [SLANT_ROLE_REPORT_NEUTRAL] = "report_neutral",
        [SLANT_ROLE_REPORT_LOADED] = "report_loaded",
        [SLANT_ROLE_ANONYMOUS_SOURCE] = "anonymous_source",
        [SLANT_ROLE_HEDGE] = "hedge",
        [SLANT_ROLE_ASSERTIVE] = "assertive",
        [SLANT_ROLE_FACTIVE] = "factive",
        [SLANT_ROLE_VIOLENCE] = "violence",
    };
    return (int)role > 0 && role < SLANT_ROLE_COUNT ? names[role] : NULL;
}

const char *slant_role_label(slant_role role)
{
    switch (role) {
    case SLANT_ROLE_REPORT_NEUTRAL: return "neutral report verbs";
    case SLANT_ROLE_REPORT_LOADED: return "loaded report verbs";
    case SLANT_ROLE_ANONYMOUS_SOURCE: return "anonymous-source attributions";
    default: return NULL;
    }
}

void slant_manifest_release(slant_manifest *m)
{
    for (size_t i = 0; i < m->ncategories; i++) {
        slant_manifest_category *c = &m->categories[i];
        free(c->id);
        free(c->file);
        free(c->group);
        free(c->polarity);
        free(c->definition);
        free(c->label);
        for (size_t k = 0; k < c->ninspired; k++)
            free(c->inspired_by[k]);
        free(c->inspired_by);
    }
    free(m->categories);
    for (size_t i = 0; i < m->nconcepts; i++) {
        slant_manifest_concept *c = &m->concepts[i];
        free(c->id);
        free(c->referent);
        free(c->domain);
        free(c->notes);
        for (size_t k = 0; k < c->nvariants; k++) {
            free(c->variants[k].entry);
            free(c->variants[k].stance);
        }
        free(c->variants);
    }
    free(m->concepts);
    for (size_t i = 0; i < m->nactors; i++)
        free(m->actors[i]);
    free(m->actors);
    free(m->id);
    free(m->version);
    free(m->language);
    free(m->stemmer);
    free(m->description);
    memset(m, 0, sizeof *m);
}
