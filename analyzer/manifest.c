#include "manifest.h"

#include <stdlib.h>
#include <string.h>

void slant_manifest_release(slant_manifest *m)
{
    for (size_t i = 0; i < m->ncategories; i++) {
        slant_manifest_category *c = &m->categories[i];
        free(c->id);
        free(c->file);
        free(c->group);
        free(c->polarity);
        free(c->definition);
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
