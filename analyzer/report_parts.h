#ifndef SLANT_REPORT_PARTS_H
#define SLANT_REPORT_PARTS_H

/*
 * The parts of the report's document model (report.h), each in its own file, shared between
 * those files only: writers and commands use report.h.
 *   report.c           what the parts share (below), the table of means, the sentences
 *                      every writer shows, the whole report built and freed
 *   report_findings.c  the findings, the notes on how they are chosen, the pair lines
 *   report_words.c     who is called what, how they attribute, actors, key terms
 *   report_method.c    the glossary, the provenance, the method notes, the evidence note
 * Each slant_report_build_* fills its part of `r` from r->c and r->opts; slant_report_build
 * calls them in the order it needs (the table of means before the sections that read it),
 * and slant_report_free frees what they made. Strings they make belong to the report.
 */

#include <stddef.h>

#include "report.h"

/* --- report.c ------------------------------------------------------------------------------ */

/* The lexicon that names the categories: the data's, else the naming one (report.h). */
const slant_lexicon *slant_report_naming(const slant_report *r);

/* The section of indicator `id`: from the data's lexicon; without it, the naming lexicon
 * places the categories of the report roles (and nothing else: their groups are unknown). */
slant_section slant_report_section_of(const slant_report *r, const char *id);

/* The unit and the id of dataset indicator `ind`. */
slant_unit slant_report_unit_of(const slant_report *r, size_t ind);
const char *slant_report_indicator_id(const slant_report *r, size_t ind);

/* The report's index of dataset group `g` (SLANT_REST stays rest). */
size_t slant_report_source_of(const slant_report *r, size_t g);

/* An entry as a reader writes it: "=clearly" -> clearly, "\"so-called\"" -> so-called.
 * Caller frees. */
char *slant_report_clean_entry(const char *t);

/* The index in r->terms of the term for dataset entry `entry` in `source`, added if new
 * (`cap` is r->terms' capacity, kept by slant_report_build). */
size_t slant_report_term_of(slant_report *r, size_t *cap, size_t source, size_t entry);

/* --- report_findings.c --------------------------------------------------------------------- */

/* The findings (r->findings, in rank order, the listed ones of each part first), with the
 * terms that drive the listed ones added to r->terms. */
void slant_report_build_findings(slant_report *r, size_t *term_cap);

/* The notes that say how the findings are split and ordered (every writer shows them). */
void slant_report_findings_notes(slant_report *r);

/* Per pair of sources: how many indicators they differ in (after the findings). */
void slant_report_build_pairlines(slant_report *r);

/* --- report_words.c ------------------------------------------------------------------------ */

/* Who is called what: the contested concepts, their names per source and their tests. */
void slant_report_build_concepts(slant_report *r);

/* How they attribute: the attribution rows of the table of means (after it is built) and
 * each source's report verbs, added to r->terms. */
void slant_report_build_attribution(slant_report *r, size_t *term_cap);

/* Actor framing per source, when the data carries it. */
void slant_report_build_actors(slant_report *r);

/* Each source's key terms against the rest, added to r->terms. */
void slant_report_build_keyness(slant_report *r, size_t *term_cap);

/* --- report_method.c ----------------------------------------------------------------------- */

/* The definitions of the indicators of the table of means (after it is built). */
void slant_report_build_glossary(slant_report *r);

/* The provenance: the tool, the inputs, the grouping, the tests, the options. */
void slant_report_build_provenance(slant_report *r);

/* The method notes, all but the evidence note. */
void slant_report_build_method(slant_report *r);

/* Adds the evidence note as the last method paragraph. */
void slant_report_add_evidence_note(slant_report *r);

/* "12 sources with fewer than 5 articles left out (--min-n): a (3), b (1), ... and 2
 * more.", or NULL without any. Caller frees. */
char *slant_report_left_out_sentence(const slant_report *r);

#endif
