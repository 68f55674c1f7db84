/* The charts of the HTML report as inline SVG (see report_svg.h). */

#include "report_svg.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "trend.h"
#include "xalloc.h"

/* --- escaping ----------------------------------------------------------------------------- */

void slant_xml_escape(slant_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int invalid;
        size_t n = slant_utf8_next(s + i, len - i, &cp, &invalid);
        /* XML 1.0 allows no C0 control but tab, line feed and carriage return. */
        if (invalid || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
            slant_buf_adds(out, "\xEF\xBF\xBD");
        else if (cp == '&')
            slant_buf_adds(out, "&amp;");
        else if (cp == '<')
            slant_buf_adds(out, "&lt;");
        else if (cp == '>')
            slant_buf_adds(out, "&gt;");
        else if (cp == '"')
            slant_buf_adds(out, "&quot;");
        else if (cp == '\'')
            slant_buf_adds(out, "&#39;");
        else
            slant_buf_add(out, s + i, n);
        i += n;
    }
}

void slant_xml_escapes(slant_buf *out, const char *s)
{
    slant_xml_escape(out, s, strlen(s));
}

/* At most `max` code points of `s`, escaped, with "…" when cut. */
static void escape_cut(slant_buf *out, const char *s, size_t max)
{
    size_t len = strlen(s), i = 0, n = 0;
    while (i < len && n < max) {
        int32_t cp;
        int invalid;
        i += slant_utf8_next(s + i, len - i, &cp, &invalid);
        n++;
    }
    if (i < len && max > 1) {
        /* cut one code point earlier to make room for the ellipsis */
        size_t j = 0, k = 0;
        while (k + 1 < max) {
            int32_t cp;
            int invalid;
            j += slant_utf8_next(s + j, len - j, &cp, &invalid);
            k++;
        }
        slant_xml_escape(out, s, j);
        slant_buf_adds(out, "…");
        return;
    }
    slant_xml_escape(out, s, i);
}

/* --- colours ------------------------------------------------------------------------------ */

static const char *const source_colours[] = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#555555",
};
#define NSOURCE_COLOURS (sizeof source_colours / sizeof source_colours[0])

const char *slant_svg_source_colour(size_t s)
{
    return source_colours[s % NSOURCE_COLOURS];
}

/* sRGB companding of a linear value in [0, 1], as a byte. */
static int srgb_byte(double v)
{
    v = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055;
    long b = lround(255 * v);
    return b < 0 ? 0 : b > 255 ? 255 : (int)b;
}

/* CIE L*C*h (D65) to sRGB, out of gamut clipped per channel. */
static void lch_to_rgb(double l, double c, double h_deg, int rgb[3])
{
    double h = h_deg * 3.14159265358979323846 / 180;
    double a = c * cos(h), b = c * sin(h);
    double fy = (l + 16) / 116, fx = fy + a / 500, fz = fy - b / 200;
    const double e = 216.0 / 24389, k = 24389.0 / 27;
    double xr = fx * fx * fx > e ? fx * fx * fx : (116 * fx - 16) / k;
    double yr = l > k * e ? fy * fy * fy : l / k;
    double zr = fz * fz * fz > e ? fz * fz * fz : (116 * fz - 16) / k;
    double X = 0.95047 * xr, Y = yr, Z = 1.08883 * zr;
    rgb[0] = srgb_byte(3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z);
    rgb[1] = srgb_byte(-0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z);
    rgb[2] = srgb_byte(0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z);
}

void slant_svg_colour(size_t s, size_t n, char out[8])
{
    if (n <= NSOURCE_COLOURS) {
        snprintf(out, 8, "%s", source_colours[s]);
        return;
    }
    /* Hues a golden angle apart (each new hue falls in the largest gap left), lightness
     * cycling over three levels so that neighbouring hues differ in lightness too. */
    static const double lightness[] = { 52, 70, 40 };
    double hue = fmod(40 + 137.50776405 * (double)s, 360);
    int rgb[3];
    lch_to_rgb(lightness[s % 3], 48, hue, rgb);
    snprintf(out, 8, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
}

/* Variants of a contested concept: a second palette, each with a readable text colour. */
static const struct {
    const char *fill, *text;
} variant_colours[] = {
    { "#E69F00", "#000000" }, { "#56B4E9", "#000000" }, { "#009E73", "#FFFFFF" },
    { "#F0E442", "#000000" }, { "#CC79A7", "#000000" }, { "#0072B2", "#FFFFFF" },
    { "#D55E00", "#FFFFFF" }, { "#999999", "#000000" },
};
#define NVARIANT_COLOURS (sizeof variant_colours / sizeof variant_colours[0])

/* --- drawing ------------------------------------------------------------------------------- */

#define W 340.0

static void open_svg(slant_buf *out, const char *id, double width, double height)
{
    slant_buf_addf(out,
                   "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
                   "aria-labelledby=\"%s-title %s-desc\" font-family=\"system-ui, sans-serif\">",
                   width, height, id, id);
}

static void title_desc(slant_buf *out, const char *id, const char *title, const char *desc)
{
    slant_buf_addf(out, "<title id=\"%s-title\">", id);
    slant_xml_escapes(out, title);
    slant_buf_addf(out, "</title><desc id=\"%s-desc\">", id);
    slant_xml_escapes(out, desc);
    slant_buf_adds(out, "</desc>\n");
}

static void text_at(slant_buf *out, double x, double y, const char *anchor, double size,
                    const char *fill, const char *s, size_t max_chars)
{
    slant_buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" fill=\"%s\"%s%s%s>", x,
                   y, size, fill, anchor ? " text-anchor=\"" : "", anchor ? anchor : "",
                   anchor ? "\"" : "");
    escape_cut(out, s, max_chars);
    slant_buf_adds(out, "</text>");
}

/* A scale from [lo, hi] to [x0, x1], with "nice" ticks. */
typedef struct {
    double lo, hi, x0, x1, step;
} scale;

static double nice_step(double range)
{
    double raw = range / 4, mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static scale make_scale(double lo, double hi, double x0, double x1)
{
    if (!(hi > lo))
        hi = lo + 1;
    scale s = { lo, hi, x0, x1, nice_step(hi - lo) };
    s.lo = floor(lo / s.step) * s.step;
    s.hi = ceil(hi / s.step) * s.step;
    return s;
}

static double at(const scale *s, double v)
{
    return s->x0 + (v - s->lo) / (s->hi - s->lo) * (s->x1 - s->x0);
}

/* Vertical grid lines from y0 to y1 and tick labels below them at `ly`. */
static void grid(slant_buf *out, const scale *s, double y0, double y1, double ly,
                 const char *suffix)
{
    int steps = (int)lround((s->hi - s->lo) / s->step);
    for (int i = 0; i <= steps; i++) {
        double v = s->lo + i * s->step, x = at(s, v);
        if (fabs(v) < s->step * 1e-9)
            v = 0;
        slant_buf_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                            "stroke-width=\"1\"/>",
                       x, y0, x, y1, v == 0 ? "#888888" : "#E3E3E3");
        char label[32];
        snprintf(label, sizeof label, "%g%s", v, suffix);
        text_at(out, x, ly, "middle", 10, "#444444", label, 16);
    }
    slant_buf_addc(out, '\n');
}

/* A bar from 0 to `v` with a whisker from `lo` to `hi` (either may be NAN: not drawn). */
static void bar(slant_buf *out, const scale *s, double y, double h, double v, double lo,
                double hi, const char *fill, double opacity)
{
    double z = at(s, s->lo > 0 ? s->lo : (s->hi < 0 ? s->hi : 0));
    if (!isnan(v)) {
        double x = at(s, v);
        slant_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            "fill=\"%s\" fill-opacity=\"%.2f\"/>",
                       x < z ? x : z, y, fabs(x - z), h, fill, opacity);
    }
    if (!isnan(lo) && !isnan(hi)) {
        double a = at(s, lo), b = at(s, isinf(hi) ? s->hi : hi), m = y + h / 2;
        slant_buf_addf(out, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
                            "stroke=\"#1B1B1B\" stroke-width=\"1.5\" fill=\"none\"/>",
                       a, m, b, a, m - 4, m + 4, b, m - 4, m + 4);
    }
}

/* --- per-source rates ---------------------------------------------------------------------- */

/* Whiskers of rates and shares are cut at the ends of what the values can be (0, and
 * 100% for shares): a t-interval near 0 reaches below it. The description keeps the
 * numbers as computed. */
static double clip(double v, slant_unit kind, double mult)
{
    if (isnan(v) || kind == SLANT_UNIT_INDEX)
        return v;
    if (v < 0)
        return 0;
    if (kind == SLANT_UNIT_SHARE && v > mult)
        return mult;
    return v;
}

/* The sources in the order a dot plot shows them: by mean, highest first; sources without
 * a mean last; ties in source order. */
typedef struct {
    size_t source;
    double mean;
} ranked_source;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked_source *a = x, *b = y;
    int na = isnan(a->mean), nb = isnan(b->mean);
    if (na != nb)
        return na - nb;
    if (!na && a->mean != b->mean)
        return a->mean < b->mean ? 1 : -1;
    return (a->source > b->source) - (a->source < b->source);
}

/*
 * A dot plot: one row per source, sorted by the mean (highest first), the mean a dot in
 * the source's colour and its interval a whisker. Rows are 18 units high, so 30 sources
 * take 540 units, and the chart stays readable at any number of sources (bars side by
 * side stop being comparable past a handful).
 */
void slant_svg_rates(const slant_report *r, size_t i, const char *id, slant_buf *out)
{
    const slant_report_indicator *x = &r->indicators[i];
    double mult = x->share ? 100 : 1, lo = INFINITY, hi = -INFINITY;
    ranked_source *order = xcalloc(r->nsources ? r->nsources : 1, sizeof *order);
    for (size_t s = 0; s < r->nsources; s++) {
        const slant_cmp_summary *m = x->summaries[s];
        order[s].source = s;
        order[s].mean = m && isfinite(m->s.mean) ? m->s.mean : NAN;
        if (!m)
            continue;
        double vals[3] = { m->s.mean, m->s.ci_low, m->s.ci_high };
        for (size_t k = 0; k < 3; k++)
            if (isfinite(vals[k])) {
                double v = clip(mult * vals[k], x->kind, mult);
                lo = fmin(lo, v);
                hi = fmax(hi, v);
            }
    }
    qsort(order, r->nsources, sizeof *order, cmp_ranked);
    /* A dot marks a position, not a length: the axis spans the data, not from 0. */
    if (!(lo <= hi))
        lo = hi = 0;
    /* With many sources the figure is wider (the page gives it more room), so the text
     * keeps its size and the plot gets the rest. */
    const double width = r->nsources > SLANT_REPORT_MANY_SOURCES ? 460 : W;
    const double row = 18, top = 4, label = 8, x0 = 150, x1 = width - 50;
    double height = top + row * (double)r->nsources + 22;
    scale sc = make_scale(lo, hi, x0, x1);
    char title[256], level[16];
    snprintf(level, sizeof level, "%g%%", 100 * r->c->opts.level);
    if (x->kind == SLANT_UNIT_RATE)
        snprintf(title, sizeof title, "Mean %s per 1,000 words, by %s", x->label, r->noun);
    else
        snprintf(title, sizeof title, "Mean %s per article, by %s", x->label, r->noun);
    slant_buf desc;
    slant_buf_init(&desc, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&desc, "%s, highest first, with %s confidence intervals of the mean: ",
                   title, level);
    for (size_t k = 0; k < r->nsources; k++) {
        size_t s = order[k].source;
        slant_report_mean t;
        slant_report_fmt_mean(&t, x->summaries[s], x->share);
        slant_buf_addf(&desc, "%s%s %s (%s to %s)", k ? "; " : "", r->sources[s].name, t.mean,
                       t.low, t.high);
    }
    slant_buf_addc(&desc, '.');
    open_svg(out, id, width, height);
    title_desc(out, id, title, desc.data);
    slant_buf_release(&desc);
    grid(out, &sc, top, top + row * (double)r->nsources, height - 6, x->share ? "%" : "");
    for (size_t k = 0; k < r->nsources; k++) {
        size_t s = order[k].source;
        const slant_cmp_summary *m = x->summaries[s];
        double y = top + row * (double)k, mid = y + row / 2;
        char colour[8];
        slant_svg_colour(s, r->nsources, colour);
        if (k % 2)
            slant_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                "fill=\"#F3F4F6\"/>",
                           label - 4, y, width - label, row);
        text_at(out, x0 - 8, mid + 4, "end", 11, "#1B1B1B", r->sources[s].name, 24);
        if (!m || isnan(m->s.mean)) {
            text_at(out, x1 + 6, mid + 4, NULL, 11, "#444444", "no data", 16);
            continue;
        }
        double a = clip(mult * m->s.ci_low, x->kind, mult);
        double b = clip(mult * m->s.ci_high, x->kind, mult);
        if (!isnan(a) && !isnan(b)) {
            double xa = at(&sc, a), xb = at(&sc, isinf(b) ? sc.hi : b);
            slant_buf_addf(out, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
                                "stroke=\"#1B1B1B\" stroke-width=\"1.2\" fill=\"none\"/>",
                           xa, mid, xb, xa, mid - 4, mid + 4, xb, mid - 4, mid + 4);
        }
        slant_buf_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" "
                            "stroke=\"#1B1B1B\" stroke-width=\"0.8\"/>",
                       at(&sc, mult * m->s.mean), mid, colour);
        char v[32];
        slant_report_fmt_value(v, sizeof v, m->s.mean, x->share);
        text_at(out, x1 + 6, mid + 4, NULL, 11, "#1B1B1B", v, 16);
    }
    free(order);
    slant_buf_adds(out, "</svg>");
}

/* --- key terms ------------------------------------------------------------------------------ */

void slant_svg_keyness(const slant_report *r, size_t s, const char *id, slant_buf *out)
{
    const slant_report_keyness *k = &r->keyness[s];
    double lo = 0, hi = 0;
    for (size_t t = 0; t < k->nterms; t++) {
        const slant_report_ci *c = &k->terms[t].log_ratio;
        double vals[3] = { c->value, c->low, c->high };
        for (size_t j = 0; j < 3; j++)
            if (isfinite(vals[j])) {
                lo = fmin(lo, vals[j]);
                hi = fmax(hi, vals[j]);
            }
    }
    const double row = 22, top = 4, x0 = 124, x1 = W - 44;
    double height = top + row * (double)k->nterms + 22;
    scale sc = make_scale(lo, hi, x0, x1);
    char title[512];
    snprintf(title, sizeof title, "Key terms of %s against %s (Log Ratio)", r->sources[s].name,
             r->rest);
    slant_buf desc;
    slant_buf_init(&desc, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&desc, "Terms most over-represented in %s against %s, by Log Ratio (the "
                          "binary log of the ratio of relative frequencies: 1 is twice as "
                          "frequent, 2 four times) with %g%% confidence intervals: ",
                   r->sources[s].name, r->rest, 100 * r->c->opts.level);
    for (size_t t = 0; t < k->nterms; t++) {
        const slant_report_ci *c = &k->terms[t].log_ratio;
        slant_buf_addf(&desc, "%s%s (%s) %.2f (%.2f to %.2f)%s", t ? "; " : "",
                       r->terms[k->terms[t].term].term,
                       r->terms[k->terms[t].term].category_label, c->value, c->low, c->high,
                       k->terms[t].significant ? "" : ", not significant");
    }
    slant_buf_addc(&desc, '.');
    open_svg(out, id, W, height);
    title_desc(out, id, title, desc.data);
    slant_buf_release(&desc);
    grid(out, &sc, top, top + row * (double)k->nterms, height - 6, "");
    for (size_t t = 0; t < k->nterms; t++) {
        const slant_report_ci *c = &k->terms[t].log_ratio;
        double y = top + row * (double)t;
        const slant_report_term *term = &r->terms[k->terms[t].term];
        int twin = 0;
        for (size_t u = 0; u < k->nterms; u++)
            twin |= u != t && !strcmp(r->terms[k->terms[u].term].term, term->term);
        char label[160];
        if (twin) /* the same word in two categories: say which */
            snprintf(label, sizeof label, "%s (%.*s)", term->term,
                     (int)strcspn(term->category_label, " "), term->category_label);
        else
            snprintf(label, sizeof label, "%s", term->term);
        text_at(out, x0 - 6, y + 15, "end", 11, "#1B1B1B", label, 24);
        char colour[8];
        slant_svg_colour(s, r->nsources, colour);
        bar(out, &sc, y + 5, 12, c->value, c->low, c->high, colour,
            k->terms[t].significant ? 0.85 : 0.3);
        char v[32];
        snprintf(v, sizeof v, "%.2f", c->value);
        text_at(out, x1 + 6, y + 15, NULL, 11, "#1B1B1B", v, 16);
    }
    slant_buf_adds(out, "</svg>");
}

/* --- contested labels ----------------------------------------------------------------------- */

void slant_svg_shares(const slant_report *r, size_t k, const char *id, slant_buf *out)
{
    const slant_report_concept *x = &r->concepts[k];
    /* Many sources: a row each, the name at the left of its bar (as in the dot plots);
     * a few: the name above its bar, the bar the whole width. */
    const int many = r->nsources > SLANT_REPORT_MANY_SOURCES;
    const double row = many ? 20 : 38, top = 4, x0 = 8, x1 = W - 8;
    const double bx0 = many ? 130 : x0, by = many ? 2 : 15, bh = many ? 16 : 18;
    /* The legend flows over lines: about 6.5 units per character at size 11. */
    double lx = x0, ly = 0;
    size_t lines = 1;
    for (size_t v = 0; v < x->nvariants; v++) {
        double w = 18 + 6.5 * (double)(strlen(x->variants[v]) < 30 ? strlen(x->variants[v]) : 30);
        if (lx + w > x1 && lx > x0) {
            lines++;
            lx = x0;
        }
        lx += w + 10;
    }
    double legend = top + row * (double)r->nsources + 6;
    double height = legend + 18 * (double)lines + 4;
    char title[512];
    snprintf(title, sizeof title, "Names used for \"%s\", share by %s", x->name, r->noun);
    slant_buf desc;
    slant_buf_init(&desc, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&desc, "%s. ", title);
    for (size_t s = 0; s < r->nsources; s++) {
        slant_buf_addf(&desc, "%s%s:", s ? " " : "", r->sources[s].name);
        int any = 0;
        for (size_t v = 0; v < x->nvariants; v++) {
            double c = x->counts[s * x->nvariants + v];
            if (c > 0) {
                slant_buf_addf(&desc, "%s %s %.0f%% (%.0f)", any ? "," : "", x->variants[v],
                               100 * x->shares[s * x->nvariants + v], c);
                any = 1;
            }
        }
        slant_buf_adds(&desc, any ? "." : " no uses.");
    }
    open_svg(out, id, W, height);
    title_desc(out, id, title, desc.data);
    slant_buf_release(&desc);
    for (size_t s = 0; s < r->nsources; s++) {
        double y = top + row * (double)s, cum = 0;
        if (many)
            text_at(out, bx0 - 6, y + by + 12, "end", 11, "#1B1B1B", r->sources[s].name, 20);
        else
            text_at(out, x0, y + 11, NULL, 11, "#1B1B1B", r->sources[s].name, 48);
        int any = 0;
        for (size_t v = 0; v < x->nvariants; v++) {
            double share = x->shares[s * x->nvariants + v];
            if (!(share > 0))
                continue;
            any = 1;
            double a = bx0 + cum * (x1 - bx0), w = share * (x1 - bx0);
            slant_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" "
                                "fill=\"%s\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>",
                           a, y + by, w, bh, variant_colours[v % NVARIANT_COLOURS].fill);
            if (w >= 30) {
                char pct[16];
                snprintf(pct, sizeof pct, "%.0f%%", 100 * share);
                text_at(out, a + w / 2, y + by + bh - 5, "middle", 10,
                        variant_colours[v % NVARIANT_COLOURS].text, pct, 8);
            }
            cum += share;
        }
        if (!any)
            text_at(out, bx0, y + by + bh - 5, NULL, 11, "#444444", "no uses", 16);
    }
    lx = x0;
    ly = legend;
    for (size_t v = 0; v < x->nvariants; v++) {
        double w = 18 + 6.5 * (double)(strlen(x->variants[v]) < 30 ? strlen(x->variants[v]) : 30);
        if (lx + w > x1 && lx > x0) {
            ly += 18;
            lx = x0;
        }
        slant_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                       lx, ly + 2, variant_colours[v % NVARIANT_COLOURS].fill);
        text_at(out, lx + 16, ly + 12, NULL, 11, "#1B1B1B", x->variants[v], 30);
        lx += w + 10;
    }
    slant_buf_adds(out, "</svg>");
}

/* --- actors ---------------------------------------------------------------------------------- */

void slant_svg_heatmap(const slant_report *r, size_t t, const char *id, slant_buf *out)
{
    const slant_report_actor_table *x = &r->actors[t];
    const double label = 132, col = 64, row = 20, top = 24;
    double width = label + col * (double)x->nactors + 4;
    double height = top + row * (double)x->ncategories + 4;
    double max = 0;
    for (size_t i = 0; i < x->nactors * x->ncategories; i++)
        if (isfinite(x->values[i]))
            max = fmax(max, x->values[i]);
    char title[512];
    snprintf(title, sizeof title, "Categories near each actor in %s (%s)",
             r->sources[x->source].name, x->unit);
    slant_buf desc;
    slant_buf_init(&desc, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&desc, "%s. ", title);
    for (size_t a = 0; a < x->nactors; a++) {
        slant_buf_addf(&desc, "%s%s:", a ? " " : "", x->actors[a]);
        for (size_t c = 0; c < x->ncategories; c++) {
            double v = x->values[a * x->ncategories + c];
            if (isfinite(v))
                slant_buf_addf(&desc, "%s %s %.2f", c ? "," : "", x->categories[c], v);
            else
                slant_buf_addf(&desc, "%s %s n/a", c ? "," : "", x->categories[c]);
        }
        slant_buf_addc(&desc, '.');
    }
    open_svg(out, id, width, height);
    title_desc(out, id, title, desc.data);
    slant_buf_release(&desc);
    for (size_t a = 0; a < x->nactors; a++)
        text_at(out, label + col * ((double)a + 0.5), top - 8, "middle", 11, "#1B1B1B",
                x->actors[a], 10);
    for (size_t c = 0; c < x->ncategories; c++) {
        double y = top + row * (double)c;
        text_at(out, label - 6, y + 14, "end", 11, "#1B1B1B", x->categories[c], 22);
        for (size_t a = 0; a < x->nactors; a++) {
            double v = x->values[a * x->ncategories + c];
            double f = isfinite(v) && max > 0 ? v / max : 0;
            /* from #F7FBFF to #08306B */
            int red = (int)lround(247 + f * (8 - 247)), green = (int)lround(251 + f * (48 - 251));
            int blue = (int)lround(255 + f * (107 - 255));
            slant_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" "
                                "fill=\"#%02X%02X%02X\" stroke=\"#FFFFFF\"/>",
                           label + col * (double)a, y, col, row, red, green, blue);
            char s[32];
            if (isfinite(v))
                snprintf(s, sizeof s, "%.1f", v);
            else
                snprintf(s, sizeof s, "n/a");
            text_at(out, label + col * ((double)a + 0.5), y + 14, "middle", 10,
                    f > 0.5 ? "#FFFFFF" : "#1B1B1B", s, 8);
        }
    }
    slant_buf_adds(out, "</svg>");
}

/* --- over time ------------------------------------------------------------------------------ */

/* The report's source of dataset group `g`, or SIZE_MAX. */
static size_t source_of_group(const slant_report *r, size_t g)
{
    for (size_t s = 0; s < r->nsources; s++)
        if (r->sources[s].group == g)
            return s;
    return SIZE_MAX;
}

void slant_svg_trend(const slant_report *r, size_t k, const char *id, slant_buf *out)
{
    const slant_trend *t = r->c->trend;
    size_t ind = r->period_indicators[k];
    const slant_report_indicator *x = NULL;
    for (size_t i = 0; i < r->nindicators; i++)
        if (r->indicators[i].indicator == ind)
            x = &r->indicators[i];
    if (!x)
        return;
    double mult = x->share ? 100 : 1, lo = 0, hi = 0;
    int64_t first = INT64_MAX, last = INT64_MIN;
    int32_t first_day = 0, last_day = 0;
    for (size_t j = 0; j < t->npoints; j++) {
        const slant_trend_point *p = &t->points[j];
        if (p->indicator != ind || source_of_group(r, p->group) == SIZE_MAX)
            continue;
        double vals[3] = { p->s.mean, p->s.ci_low, p->s.ci_high };
        for (size_t v = 0; v < 3; v++)
            if (isfinite(vals[v])) {
                double y = clip(mult * vals[v], x->kind, mult);
                lo = fmin(lo, y);
                hi = fmax(hi, y);
            }
        if (p->period < first) {
            first = p->period;
            first_day = p->start;
        }
        if (p->period > last) {
            last = p->period;
            last_day = p->start;
        }
    }
    if (first > last)
        return;
    const double width = 2 * W, left = 40, right = width - 12, top = 8, bottom = 150;
    const double height = bottom + 26 + 16 * (double)((r->nsources + 3) / 4);
    scale ys = make_scale(lo, hi, bottom, top); /* values upward */
    double span = last > first ? (double)(last - first) : 1;
    char title[300], a[SLANT_DATE_TEXT], b[SLANT_DATE_TEXT];
    slant_period_label(t->every, first_day, a);
    slant_period_label(t->every, last_day, b);
    snprintf(title, sizeof title, "Mean %s%s per %s, by %s, %s to %s", x->label,
             x->kind == SLANT_UNIT_RATE ? " per 1,000 words" : "", slant_period_name(t->every),
             r->noun, a, b);
    slant_buf desc;
    slant_buf_init(&desc, SLANT_REPORT_MAX_BYTES);
    slant_buf_addf(&desc, "%s, with %g%% confidence bands of the period means. ", title,
                   100 * r->c->opts.level);
    for (size_t s = 0; s < r->nsources; s++) {
        for (size_t j = 0; j < t->ntests; j++) {
            const slant_trend_test *tt = &t->tests[j];
            if (tt->indicator != ind || tt->group != r->sources[s].group)
                continue;
            if (isfinite(tt->slope))
                slant_buf_addf(&desc, "%s: Sen's slope %.3g per %s (%.3g to %.3g), "
                                      "Mann-Kendall p %.3g. ",
                               r->sources[s].name, tt->slope, slant_period_name(t->every),
                               tt->slope_low, tt->slope_high, tt->p);
            else
                slant_buf_addf(&desc, "%s: %zu period%s, no trend test. ", r->sources[s].name,
                               tt->periods, tt->periods == 1 ? "" : "s");
        }
    }
    open_svg(out, id, width, height);
    title_desc(out, id, title, desc.data);
    slant_buf_release(&desc);
    /* horizontal grid lines with their values */
    int steps = (int)lround((ys.hi - ys.lo) / ys.step);
    for (int i = 0; i <= steps; i++) {
        double v = ys.lo + i * ys.step, y = at(&ys, v);
        if (fabs(v) < ys.step * 1e-9)
            v = 0;
        slant_buf_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            "stroke=\"%s\" stroke-width=\"1\"/>",
                       left, y, right, y, v == 0 ? "#888888" : "#E3E3E3");
        char label[32];
        snprintf(label, sizeof label, "%g%s", v, x->share ? "%" : "");
        text_at(out, left - 4, y + 3, "end", 10, "#444444", label, 12);
    }
    text_at(out, left, bottom + 14, "start", 10, "#444444", a, 16);
    text_at(out, right, bottom + 14, "end", 10, "#444444", b, 16);
    slant_buf_addc(out, '\n');
    /* per source: the band, the line, the points; a legend below */
    for (size_t s = 0; s < r->nsources; s++) {
        const char *colour = slant_svg_source_colour(s);
        slant_buf band, line;
        slant_buf_init(&band, SLANT_REPORT_MAX_BYTES);
        slant_buf_init(&line, SLANT_REPORT_MAX_BYTES);
        size_t n = 0;
        /* the band: upper ends left to right, then lower ends right to left */
        for (size_t j = 0; j < t->npoints; j++) {
            const slant_trend_point *p = &t->points[j];
            if (p->indicator != ind || p->group != r->sources[s].group)
                continue;
            double px = left + (double)(p->period - first) / span * (right - left);
            double m = mult * p->s.mean;
            double up = isfinite(p->s.ci_high) ? clip(mult * p->s.ci_high, x->kind, mult) : m;
            slant_buf_addf(&band, "%s%.1f %.1f", n ? " L" : "M", px, at(&ys, up));
            slant_buf_addf(&line, "%s%.1f %.1f", n ? " L" : "M", px, at(&ys, m));
            n++;
        }
        if (!n) {
            slant_buf_release(&band);
            slant_buf_release(&line);
            continue;
        }
        for (size_t j = t->npoints; j-- > 0;) {
            const slant_trend_point *p = &t->points[j];
            if (p->indicator != ind || p->group != r->sources[s].group)
                continue;
            double px = left + (double)(p->period - first) / span * (right - left);
            double m = mult * p->s.mean;
            double down = isfinite(p->s.ci_low) ? clip(mult * p->s.ci_low, x->kind, mult) : m;
            slant_buf_addf(&band, " L%.1f %.1f", px, at(&ys, down));
        }
        slant_buf_addf(out, "<path d=\"%s Z\" fill=\"%s\" fill-opacity=\"0.15\" stroke=\"none\"/>",
                       band.data, colour);
        slant_buf_addf(out, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                       line.data, colour);
        for (size_t j = 0; j < t->npoints; j++) {
            const slant_trend_point *p = &t->points[j];
            if (p->indicator != ind || p->group != r->sources[s].group)
                continue;
            double px = left + (double)(p->period - first) / span * (right - left);
            slant_buf_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px,
                           at(&ys, mult * p->s.mean), colour);
        }
        double lx = left + (double)(s % 4) * 150, ly = bottom + 24 + 16 * (double)(s / 4);
        slant_buf_addf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                       lx, ly, colour);
        text_at(out, lx + 14, ly + 9, NULL, 11, "#1B1B1B", r->sources[s].name, 20);
        slant_buf_addc(out, '\n');
        slant_buf_release(&band);
        slant_buf_release(&line);
    }
    slant_buf_adds(out, "</svg>");
}
