/* Events found from dates and content signatures (events.h). */

#include "events.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "signature.h"
#include "xalloc.h"

const char *slant_events_method_name(slant_events_method m)
{
    return m == SLANT_EVENTS_JACCARD ? "jaccard" : "tfidf";
}

int slant_events_method_of(const char *name)
{
    if (!strcmp(name, "tfidf"))
        return SLANT_EVENTS_TFIDF;
    if (!strcmp(name, "jaccard"))
        return SLANT_EVENTS_JACCARD;
    return -1;
}

/* A row's signature as a sparse vector: term ranks ascending, with their weights. */
typedef struct {
    uint32_t *rank;
    double *w;
    uint32_t n;
} vec;

typedef struct {
    const slant_dataset *ds;
    const slant_events_options *o;
    double threshold;
    vec *v;                       /* per row */
    uint32_t *next;               /* per row: the next member of its cluster, or UINT32_MAX */
    uint32_t *parent;             /* union-find */
    uint32_t *size;
    uint32_t *last;               /* per root: the last member of its list */
} finder;

typedef struct {
    uint32_t a, b;                /* rows, a < b */
    double sim;
} link;

/* --- the vectors ---------------------------------------------------------------------------- */

typedef struct {
    const char *name;
    size_t len;
    uint32_t id;
} named_term;

static int cmp_term_names(const void *x, const void *y)
{
    const named_term *a = x, *b = y;
    int c = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

typedef struct {
    uint32_t rank;
    double w;
} entry;

static int cmp_entries(const void *x, const void *y)
{
    uint32_t a = ((const entry *)x)->rank, b = ((const entry *)y)->rank;
    return (a > b) - (a < b);
}

/* Each term's rank among the terms in byte order: the same whatever order they came in. */
static uint32_t *term_ranks(const slant_dataset *ds)
{
    size_t nt = slant_dataset_nsig_terms(ds);
    named_term *order = xmalloc((nt ? nt : 1) * sizeof *order);
    uint32_t *rank = xmalloc((nt ? nt : 1) * sizeof *rank);
    for (size_t t = 0; t < nt; t++) {
        order[t].name = slant_dataset_sig_term_name(ds, t, &order[t].len);
        order[t].id = (uint32_t)t;
    }
    qsort(order, nt, sizeof *order, cmp_term_names);
    for (size_t k = 0; k < nt; k++)
        rank[order[k].id] = (uint32_t)k;
    free(order);
    return rank;
}

/* Row `r`'s terms as (rank, count) entries sorted by rank, a stem named twice (a hand-made
 * record) once with its counts summed; returns how many, in `*e` (grown as needed). */
static uint32_t row_entries(const slant_row *row, const uint32_t *rank, entry **e, size_t *cap)
{
    if (row->nsig > *cap) {
        *cap = row->nsig;
        *e = xrealloc(*e, *cap * sizeof **e);
    }
    for (uint32_t i = 0; i < row->nsig; i++)
        (*e)[i] = (entry){ rank[row->sig_terms[i]], (double)row->sig_counts[i] };
    qsort(*e, row->nsig, sizeof **e, cmp_entries);
    uint32_t n = 0;
    for (uint32_t i = 0; i < row->nsig; i++) {
        if (n && (*e)[n - 1].rank == (*e)[i].rank)
            (*e)[n - 1].w += (*e)[i].w;
        else
            (*e)[n++] = (*e)[i];
    }
    return n;
}

static void build_vectors(finder *f)
{
    const slant_dataset *ds = f->ds;
    size_t nrows = slant_dataset_nrows(ds), nt = slant_dataset_nsig_terms(ds);
    uint32_t *rank = term_ranks(ds);
    uint32_t *df = xcalloc(nt ? nt : 1, sizeof *df);   /* by rank */
    size_t nsig = 0, cap = SLANT_SIGNATURE_MAX;
    entry *e = xmalloc(cap * sizeof *e);
    f->v = xcalloc(nrows ? nrows : 1, sizeof *f->v);
    /* first the terms of each row (counts in w) and the document frequencies */
    for (size_t r = 0; r < nrows; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (!row->nsig)
            continue;
        uint32_t n = row_entries(row, rank, &e, &cap);
        vec *v = &f->v[r];
        v->rank = xmalloc(n * sizeof *v->rank);
        v->w = xmalloc(n * sizeof *v->w);
        v->n = n;
        for (uint32_t i = 0; i < n; i++) {
            v->rank[i] = e[i].rank;
            v->w[i] = e[i].w;
            df[e[i].rank]++;
        }
        nsig++;
    }
    /* then the weights */
    for (size_t r = 0; r < nrows; r++) {
        vec *v = &f->v[r];
        double norm = 0;
        for (uint32_t i = 0; i < v->n; i++) {
            v->w[i] = f->o->method == SLANT_EVENTS_JACCARD
                          ? 1.0
                          : (1.0 + log(v->w[i])) *
                                log((1.0 + (double)nsig) / (1.0 + (double)df[v->rank[i]]));
            norm += v->w[i] * v->w[i];
        }
        norm = sqrt(norm);
        if (f->o->method != SLANT_EVENTS_JACCARD && norm > 0)
            for (uint32_t i = 0; i < v->n; i++)
                v->w[i] /= norm;
    }
    free(e);
    free(df);
    free(rank);
}

/* The similarity of rows a and b (a < b: the sum runs in one order). */
static double similarity(const finder *f, uint32_t a, uint32_t b)
{
    const vec *x = &f->v[a < b ? a : b], *y = &f->v[a < b ? b : a];
    uint32_t i = 0, j = 0, both = 0;
    double dot = 0;
    while (i < x->n && j < y->n) {
        if (x->rank[i] < y->rank[j]) {
            i++;
        } else if (x->rank[i] > y->rank[j]) {
            j++;
        } else {
            dot += x->w[i++] * y->w[j++];
            both++;
        }
    }
    if (f->o->method == SLANT_EVENTS_JACCARD) {
        uint32_t either = x->n + y->n - both;
        return either ? (double)both / (double)either : 0;
    }
    return dot;
}

/* --- the clusters --------------------------------------------------------------------------- */

static uint32_t root_of(finder *f, uint32_t r)
{
    while (f->parent[r] != r) {
        f->parent[r] = f->parent[f->parent[r]];
        r = f->parent[r];
    }
    return r;
}

static int32_t apart(int32_t a, int32_t b)
{
    int64_t d = (int64_t)a - (int64_t)b;
    return (int32_t)(d < 0 ? -d : d);
}

/* The mean similarity across clusters A and B (roots) over their pairs of different
 * groups; a pair further apart than the window counts 0. */
static double linkage(finder *f, uint32_t A, uint32_t B)
{
    double sum = 0;
    size_t pairs = 0;
    for (uint32_t x = A; x != UINT32_MAX; x = f->next[x]) {
        const slant_row *rx = slant_dataset_row(f->ds, x);
        for (uint32_t y = B; y != UINT32_MAX; y = f->next[y]) {
            const slant_row *ry = slant_dataset_row(f->ds, y);
            if (rx->group == ry->group)
                continue;
            pairs++;
            if (apart(rx->day, ry->day) <= f->o->window)
                sum += similarity(f, x, y);
        }
    }
    return pairs ? sum / (double)pairs : 0;
}

static void join(finder *f, uint32_t A, uint32_t B)
{
    uint32_t sa = f->size[A], sb = f->size[B];
    if (sa < sb || (sa == sb && B < A)) { /* the larger cluster's root stays; ties: the lower */
        uint32_t t = A;
        A = B;
        B = t;
    }
    f->parent[B] = A;
    f->size[A] += f->size[B];
    f->next[f->last[A]] = B;
    f->last[A] = f->last[B];
}

static int cmp_links(const void *x, const void *y)
{
    const link *a = x, *b = y;
    if (a->sim != b->sim)
        return a->sim > b->sim ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return (a->b > b->b) - (a->b < b->b);
}

typedef struct {
    int32_t day;
    uint32_t row;
} dated_row;

static int cmp_by_day(const void *x, const void *y)
{
    const dated_row *a = x, *b = y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return (a->row > b->row) - (a->row < b->row);
}

/* The candidate pairs at or above the threshold (caller frees); counts into `s`. */
static link *find_links(finder *f, size_t *nlinks, slant_events_summary *s)
{
    const slant_dataset *ds = f->ds;
    size_t nrows = slant_dataset_nrows(ds), n = 0, cap = 0;
    dated_row *dated = xmalloc((nrows ? nrows : 1) * sizeof *dated);
    for (size_t r = 0; r < nrows; r++) {
        const slant_row *row = slant_dataset_row(ds, r);
        if (row->day == INT32_MIN)
            s->undated++;
        else if (!row->nsig)
            s->unsigned_rows++;
        else
            dated[n++] = (dated_row){ row->day, (uint32_t)r };
    }
    qsort(dated, n, sizeof *dated, cmp_by_day);
    link *links = NULL;
    *nlinks = 0;
    for (size_t i = 0; i < n; i++) {
        const slant_row *ri = slant_dataset_row(ds, dated[i].row);
        for (size_t j = i + 1; j < n; j++) {
            const slant_row *rj = slant_dataset_row(ds, dated[j].row);
            if ((int64_t)rj->day - ri->day > f->o->window)
                break;
            if (ri->group == rj->group)
                continue;
            uint32_t a = dated[i].row < dated[j].row ? dated[i].row : dated[j].row;
            uint32_t b = dated[i].row < dated[j].row ? dated[j].row : dated[i].row;
            double sim = similarity(f, a, b);
            s->candidates++;
            if (sim >= f->threshold) {
                links = xgrow(links, &cap, *nlinks + 1, sizeof *links);
                links[(*nlinks)++] = (link){ a, b, sim };
            }
        }
    }
    free(dated);
    return links;
}

typedef struct {
    uint32_t root;
    int32_t day;                  /* its earliest */
    uint32_t first;               /* its first row */
} cluster;

static int cmp_clusters(const void *x, const void *y)
{
    const cluster *a = x, *b = y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

/* Names the clusters of two rows or more, in time order, and gives their rows the event. */
static void name_events(finder *f, slant_dataset *ds, slant_events_summary *s)
{
    size_t nrows = slant_dataset_nrows(ds), n = 0;
    cluster *c = xmalloc((nrows ? nrows : 1) * sizeof *c);
    for (size_t r = 0; r < nrows; r++) {
        if (f->parent[r] != r || f->size[r] < 2)
            continue;
        cluster k = { (uint32_t)r, INT32_MAX, UINT32_MAX };
        for (uint32_t x = (uint32_t)r; x != UINT32_MAX; x = f->next[x]) {
            int32_t d = slant_dataset_row(ds, x)->day;
            k.day = d < k.day ? d : k.day;
            k.first = x < k.first ? x : k.first;
        }
        c[n++] = k;
    }
    qsort(c, n, sizeof *c, cmp_clusters);
    for (size_t r = 0; r < nrows; r++)
        slant_dataset_set_event(ds, r, NULL);
    for (size_t k = 0; k < n; k++) {
        char name[32];
        snprintf(name, sizeof name, SLANT_EVENTS_PREFIX "%04zu", k + 1);
        for (uint32_t x = c[k].root; x != UINT32_MAX; x = f->next[x]) {
            slant_dataset_set_event(ds, x, name);
            s->in_events++;
        }
    }
    s->events = n;
    free(c);
}

void slant_events_find(slant_dataset *ds, const slant_events_options *o,
                       slant_events_summary *s)
{
    memset(s, 0, sizeof *s);
    slant_dataset_sort(ds);
    size_t nrows = slant_dataset_nrows(ds);
    finder f = { ds, o, 0, NULL, NULL, NULL, NULL, NULL };
    f.threshold = !isnan(o->threshold) ? o->threshold
                  : o->method == SLANT_EVENTS_JACCARD ? SLANT_EVENTS_JACCARD_THRESHOLD
                                                      : SLANT_EVENTS_TFIDF_THRESHOLD;
    s->threshold = f.threshold;
    s->rows = nrows;
    build_vectors(&f);
    size_t nlinks;
    link *links = find_links(&f, &nlinks, s);
    s->links = nlinks;
    qsort(links, nlinks, sizeof *links, cmp_links);
    size_t m = nrows ? nrows : 1;
    f.next = xmalloc(m * sizeof *f.next);
    f.parent = xmalloc(m * sizeof *f.parent);
    f.size = xmalloc(m * sizeof *f.size);
    f.last = xmalloc(m * sizeof *f.last);
    for (size_t r = 0; r < nrows; r++) {
        f.next[r] = UINT32_MAX;
        f.parent[r] = f.last[r] = (uint32_t)r;
        f.size[r] = 1;
    }
    for (size_t k = 0; k < nlinks; k++) {
        uint32_t A = root_of(&f, links[k].a), B = root_of(&f, links[k].b);
        if (A != B && linkage(&f, A, B) >= f.threshold)
            join(&f, A, B);
    }
    name_events(&f, ds, s);
    s->alone = nrows - s->undated - s->unsigned_rows - s->in_events;
    for (size_t r = 0; r < nrows; r++) {
        free(f.v[r].rank);
        free(f.v[r].w);
    }
    free(f.v);
    free(f.next);
    free(f.parent);
    free(f.size);
    free(f.last);
    free(links);
    slant_dataset_sort(ds);
}
