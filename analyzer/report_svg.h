#ifndef SLANT_REPORT_SVG_H
#define SLANT_REPORT_SVG_H

#include <stddef.h>

#include "buf.h"
#include "report.h"

/*
 * The charts of the HTML report, drawn as inline SVG by our own code (no script, no
 * external resource). Each chart is one <svg> element with role="img", a <title> and a
 * <desc> that states what it shows in numbers, so a screen reader gets the chart's
 * content, not just its name. `id` makes the title and desc ids unique in the page
 * ("ID-title", "ID-desc"); it must be a plain identifier. The charts scale with their
 * container (a viewBox, no fixed size).
 *
 * Every string from the data goes through slant_xml_escape.
 */

/* Appends `len` bytes of `s` escaped for XML and HTML text and attribute values: invalid
 * UTF-8 becomes U+FFFD, and & < > " ' become character references. */
void slant_xml_escape(slant_buf *out, const char *s, size_t len);
void slant_xml_escapes(slant_buf *out, const char *s);

/* The colour of source `s` (Okabe & Ito's colour-blind-safe palette), as "#rrggbb"; it
 * repeats past 7 sources: slant_svg_colour() does not. */
const char *slant_svg_source_colour(size_t s);

/* The colour of source `s` of `n` (s < n), as "#RRGGBB" in `out`: Okabe & Ito's palette
 * (the colours of slant_svg_source_colour) up to 7 sources; past that, computed: hues a
 * golden angle (137.5 degrees) apart in CIE LCh at chroma 48, lightness cycling over 52,
 * 70 and 40: the colours never cycle (30 sources get 30 distinct ones), and neighbours
 * in the sequence differ in hue and in lightness. */
void slant_svg_colour(size_t s, size_t n, char out[8]);

/* Each source's mean of indicator row `i` (r->indicators[i]) with its interval whiskers. */
void slant_svg_rates(const slant_report *r, size_t i, const char *id, slant_buf *out);

/* The key terms of source `s` (r->keyness[s]): Log Ratio bars with interval whiskers. */
void slant_svg_keyness(const slant_report *r, size_t s, const char *id, slant_buf *out);

/* Each source's shares of the variants of concept `k` (r->concepts[k]): 100% bars. */
void slant_svg_shares(const slant_report *r, size_t k, const char *id, slant_buf *out);

/* The period means of r->period_indicators[k] (compare --every): per source a line with its
 * confidence band, periods on the x axis in time order. */
void slant_svg_trend(const slant_report *r, size_t k, const char *id, slant_buf *out);

/* The actor-by-category table `t` (r->actors[t]) as a heatmap. */
void slant_svg_heatmap(const slant_report *r, size_t t, const char *id, slant_buf *out);

#endif
