/* engine/page/paginate.c — slices onto pages.
 *
 * A page takes slices while they fit. When one does not, the page ends at
 * the last place a break is allowed (before a slice that is not
 * keep_with_prev); when the whole page is one unbreakable chain, it ends
 * where the overflow is. A table row taller than a page is cut to fill the
 * page. Every page takes at least one slice or part of one, so pagination
 * always ends and nothing is lost. A page that continues a table with header
 * rows starts with copies of them. */
#include "page/page.h"

typedef struct pager {
    hs_lctx *c;
    hs_arena *a;
    hs_pages *out;
    double page_w, page_h, top, bottom;
    hs_slice **pl; /* the slices on the current page */
    double *py;    /* and where they go */
    size_t cap;
} pager;

static hs_page *
new_page(pager *p)
{
    hs_page *pg = HS_NEW(p->a, hs_page);
    pg->width_pt = p->page_w;
    pg->height_pt = p->page_h;
    if (p->out->last != NULL)
        p->out->last->next = pg;
    else
        p->out->first = pg;
    p->out->last = pg;
    p->out->count++;
    return pg;
}

static void
put(pager *p, int n, hs_slice *s, double y)
{
    if ((size_t)n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        p->pl =
            hs_arena_realloc(p->a, p->pl, p->cap * sizeof *p->pl, hs_mul_size(cap, sizeof *p->pl));
        p->py =
            hs_arena_realloc(p->a, p->py, p->cap * sizeof *p->py, hs_mul_size(cap, sizeof *p->py));
        p->cap = cap;
    }
    p->pl[n] = s;
    p->py[n] = y;
}

/* Does s continue, on a new page, a table whose header rows come again? */
static int
continues_table(const hs_slice *prev, const hs_slice *s)
{
    return prev != NULL && s->table != NULL && !s->header && prev->table == s->table;
}

/* Fill one page from s; returns the slice the next page starts with. */
static hs_slice *
fill(pager *p, hs_page *pg, hs_slice *s, const hs_slice *prev)
{
    hs_lctx *c = p->c;
    double y = p->top, full = p->bottom - p->top;
    if (s != NULL && continues_table(prev, s)) {
        const hs_tablay *t = s->table;
        for (int k = 0; k < t->nheaders; k++) {
            hs_layout_emit(c, t->headers[k], y, 1, &pg->first, &pg->last);
            y += t->headers[k]->h;
        }
    }
    int n = 0;
    while (s != NULL) {
        if (s->break_before && n > 0)
            break;
        double gap = n == 0 ? 0 : s->gap;
        if (y + gap + s->h <= p->bottom + HS_LAYOUT_EPS) {
            put(p, n++, s, y + gap);
            y += gap + s->h;
            s = s->next;
            continue;
        }
        double room = full - (s->table != NULL ? s->table->headers_h : 0);
        if (s->row != NULL && !s->header && (n == 0 || s->h > room + HS_LAYOUT_EPS)) {
            /* a row no page can hold: cut it to fill this one */
            if (hs_layout_row_split(c, s, p->bottom - y - gap, n == 0)) {
                put(p, n++, s, y + gap);
                s = s->next;
            }
            break;
        }
        if (n == 0) { /* taller than a page: it overflows the bottom margin */
            put(p, n++, s, y);
            s = s->next;
            break;
        }
        int m = n;
        hs_slice *k = s;
        while (m > 0 && k->keep_with_prev)
            k = p->pl[--m];
        if (m > 0) { /* end the page before the chain that holds s */
            n = m;
            s = k;
        }
        break;
    }
    for (int i = 0; i < n; i++)
        hs_layout_emit(c, p->pl[i], p->py[i], p->pl[i]->header, &pg->first, &pg->last);
    return s;
}

void
hs_page_paginate(hs_lctx *c, hs_arena *a, const hs_doc *d, hs_slice *first, hs_pages *out)
{
    pager p = {c,    a,    out, d->page_w, d->page_h, d->margin[0], d->page_h - d->margin[2],
               NULL, NULL, 0};
    hs_slice *s = first;
    const hs_slice *prev = NULL;
    do {
        hs_page *pg = new_page(&p);
        hs_slice *next = fill(&p, pg, s, prev);
        /* the last slice placed: fill() placed p.pl[0..] up to next */
        for (hs_slice *x = s; x != NULL && x != next; x = x->next)
            prev = x;
        s = next;
    } while (s != NULL);
}

void
hs_page_flows(hs_lctx *c, hs_arena *a, const hs_doc *doc, const hs_flow *flows, int nflows,
              hs_pages *out, hs_page_span **spans, int *nspans)
{
    hs_page_span *v = HS_NEW_N(a, (size_t)nflows + 1, hs_page_span);
    int n = 0;
    for (int i = 0; i < nflows; i++) {
        const hs_flow *f = &flows[i];
        if (f->body.first == NULL)
            continue; /* nothing between two sections: no blank page */
        hs_page *last = out->last;
        int first_no = out->count + 1;
        hs_page_paginate(c, a, &f->setup, f->body.first, out);
        v[n++] = (hs_page_span){f, last != NULL ? last->next : out->first,
                                out->count - first_no + 1, first_no};
    }
    if (out->first == NULL) { /* an empty document is one empty page */
        hs_flow *whole = HS_NEW(a, hs_flow);
        whole->setup = *doc;
        hs_page_paginate(c, a, doc, NULL, out);
        v[n++] = (hs_page_span){whole, out->first, 1, 1};
    }
    *spans = v;
    *nspans = n;
}
