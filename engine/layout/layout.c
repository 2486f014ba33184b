/* engine/layout/layout.c — the whole document: body, pages, bands, info.
 *
 * Headers and footers are laid out once per page after pagination, so page
 * number and page count runs print real numbers. A page gets every band of
 * one kind (headers, or footers) that is for it, except that bands marked
 * "first" replace those marked "all" on page 1 — a word processor's
 * "different first page". No band is dropped for another: a document's own
 * footer on="all" and a part's footer on="not-first" both print on page 2,
 * one above the other (headers stack downwards from their offset, footers
 * upwards, in the order they were written). Page numbers in the body took
 * the room of two digits and are filled in last. */
#include "layout/layout_int.h"

#include <string.h>

int
hs_layout_on_page(hs_pages_sel on, int page)
{
    return on == HS_ON_ALL || (on == HS_ON_FIRST && page == 1) ||
           (on == HS_ON_NOT_FIRST && page > 1);
}

/* *edge: where the bands already on this page end (headers: their bottom,
 * footers: their top), so that the next one goes past them. */
static int
band(hs_lctx *c, const hs_doc *d, const hs_band *b, int footer, hs_page *pg, double *edge)
{
    double x0 = d->margin[3], w = d->page_w - d->margin[1] - d->margin[3];
    hs_slices s = {0};
    if (hs_layout_blocks(c, b->blocks, x0, w, &s) != 0)
        return -1;
    double h = hs_layout_height(s.first);
    double y = footer ? d->page_h - b->offset_pt - h : b->offset_pt;
    if (pg == NULL) /* checking only */
        return 0;
    if (footer && y + h > *edge)
        y = *edge - h;
    else if (!footer && y < *edge)
        y = *edge;
    *edge = footer ? y : y + h;
    hs_layout_stack(c, s.first, y, &pg->first, &pg->last);
    return 0;
}

/* Pages laid out with one set-up: the document's, or a section's (whose
 * own bands count "first" from its own first page). */
typedef struct flow {
    hs_doc setup; /* page size, margins and the bands of its pages */
    const hs_block *blocks;
    const hs_block *section; /* the section, or NULL */
    hs_page *first;
    int count, first_no; /* its pages, and the number of its first page */
    int own_headers, own_footers;
} flow;

static int
bands(hs_lctx *c, const hs_doc *d, const hs_band *list, int footer, hs_pages *out, const flow *f)
{
    /* Once for the errors (a missing glyph is said once, not once a page). */
    c->page_no = c->page_count = 1;
    const hs_band *v[64];
    int n = 0, first = 0;
    for (const hs_band *b = list; b != NULL; b = b->next) {
        if (band(c, d, b, footer, NULL, NULL) != 0)
            c->failed = 1;
        if (n == 64)
            return hs_error(c->r, HS_LOC_NONE, "template", "more than 64 %s",
                            footer ? "footers" : "headers");
        v[n++] = b;
        first |= b->on == HS_ON_FIRST;
    }
    if (c->failed)
        return -1;
    int k = 0, own = footer ? f->own_footers : f->own_headers;
    for (hs_page *pg = f->first; pg != NULL && k < f->count; pg = pg->next) {
        c->page_no = f->first_no + k++;
        c->page_count = out->count;
        int no = own ? k : c->page_no;
        double edge = footer ? d->page_h : 0;
        /* footers from the last written up, headers from the first down */
        for (int i = 0; i < n; i++) {
            const hs_band *b = v[footer ? n - 1 - i : i];
            if (hs_layout_on_page(b->on, no) && !(b->on == HS_ON_ALL && no == 1 && first) &&
                band(c, d, b, footer, pg, &edge) != 0)
                return -1;
        }
    }
    return 0;
}

static void
fill_page_numbers(hs_lctx *c, hs_pages *out)
{
    const char *count = hs_arena_printf(c->a, "%d", out->count);
    int no = 0;
    for (hs_page *pg = out->first; pg != NULL; pg = pg->next) {
        const char *page = hs_arena_printf(c->a, "%d", ++no);
        for (hs_item *it = pg->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_TEXT)
                continue;
            if (it->text == hs_layout_ph_page)
                it->text = page;
            else if (it->text == hs_layout_ph_pages)
                it->text = count;
            else
                continue;
            it->len = strlen(it->text);
        }
    }
}

/* The body's flows: each section, and each run of blocks between sections
 * (linked anew, so that a run ends where its section starts). */
static int
flows(hs_lctx *c, const hs_doc *doc, flow **out)
{
    int n = 0, cap = 0;
    flow *v = NULL;
    hs_block **tail = NULL;
    for (const hs_block *b = doc->body; b != NULL; b = b->next) {
        int sect = b->kind == HS_BLOCK_SECTION;
        if (sect || tail == NULL) {
            if (n == cap) {
                int ncap = cap ? cap * 2 : 8;
                v = hs_arena_realloc(c->a, v, (size_t)cap * sizeof *v,
                                     hs_mul_size((size_t)ncap, sizeof *v));
                cap = ncap;
            }
            flow *f = &v[n++];
            memset(f, 0, sizeof *f);
            f->setup = *doc;
            tail = NULL;
            if (sect) {
                const hs_doc *s = b->section;
                f->section = b;
                f->blocks = b->children;
                f->setup.page_w = s->page_w;
                f->setup.page_h = s->page_h;
                memcpy(f->setup.margin, s->margin, sizeof f->setup.margin);
                /* its own bands replace the document's; without, the document's go on */
                f->own_headers = s->headers != NULL;
                f->own_footers = s->footers != NULL;
                if (f->own_headers)
                    f->setup.headers = s->headers;
                if (f->own_footers)
                    f->setup.footers = s->footers;
                continue;
            }
            tail = (hs_block **)&f->blocks;
        }
        hs_block *copy = hs_arena_alloc(c->a, sizeof *copy);
        *copy = *b;
        copy->next = NULL;
        *tail = copy;
        tail = &copy->next;
    }
    *out = v;
    return n;
}

/* The body laid out and paged into out, flow by flow; *flp, *nflp: the
 * flows that have pages (whole: the document's own, for an empty body). */
static int
body_pages(hs_lctx *c, const hs_doc *doc, hs_pages *out, flow **flp, int *nflp, flow *whole)
{
    flow *fl;
    int nfl = flows(c, doc, &fl);
    c->placeholders = 0;
    hs_slices *body = HS_NEW_N(c->a, (size_t)nfl + 1, hs_slices);
    for (int i = 0; i < nfl; i++) {
        const hs_doc *d = &fl[i].setup;
        double fw = d->page_w - d->margin[1] - d->margin[3];
        c->body_h = d->page_h - d->margin[0] - d->margin[2];
        if (!(fw > 0 && c->body_h > 0))
            return hs_error(c->r, fl[i].section->loc, "layout",
                            "the margins leave no room on a %.0f x %.0f pt page", d->page_w,
                            d->page_h);
        if (hs_layout_blocks(c, fl[i].blocks, d->margin[3], fw, &body[i]) != 0)
            c->failed = 1;
        const hs_block *s = fl[i].section;
        if (s != NULL && body[i].first != NULL && (s->anchor != NULL || s->outline != NULL))
            hs_layout_mark(c, s, d->margin[3], body[i].first);
    }
    *whole = (flow){.setup = *doc, .first = NULL, .count = 0, .first_no = 1};
    if (c->failed) {
        /* say what is wrong in the bands too, then stop */
        (void)bands(c, doc, doc->headers, 0, out, whole);
        (void)bands(c, doc, doc->footers, 1, out, whole);
        return -1;
    }
    for (int i = 0; i < nfl; i++) {
        if (body[i].first == NULL)
            continue; /* nothing between two sections: no blank page */
        hs_page *last = out->last;
        fl[i].first_no = out->count + 1;
        c->body_h = fl[i].setup.page_h - fl[i].setup.margin[0] - fl[i].setup.margin[2];
        hs_layout_paginate(c, &fl[i].setup, body[i].first, out);
        fl[i].first = last != NULL ? last->next : out->first;
        fl[i].count = out->count - fl[i].first_no + 1;
    }
    if (out->first == NULL) { /* an empty document is one empty page */
        hs_layout_paginate(c, doc, NULL, out);
        whole->first = out->first;
        whole->count = 1;
        fl = whole;
        nfl = 1;
    }
    *flp = fl;
    *nflp = nfl;
    return 0;
}

static int
same_toc(const hs_toc_entry *a, int na, const hs_toc_entry *b, int nb)
{
    if (na != nb)
        return 0;
    for (int i = 0; i < na; i++)
        if (a[i].page != b[i].page || a[i].level != b[i].level || strcmp(a[i].title, b[i].title))
            return 0;
    return 1;
}

/* Layouts a table of contents may take to settle: the first has no
 * numbers, the second gives the contents their size, a third a number of
 * more digits, and so on. */
#define TOC_PASSES 6

int
hs_layout_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                   hs_pages *out)
{
    memset(out, 0, sizeof *out);
    double w = doc->page_w - doc->margin[1] - doc->margin[3];
    double h = doc->page_h - doc->margin[0] - doc->margin[2];
    if (!(w > 0 && h > 0))
        return hs_error(r, doc->loc, "layout", "the margins leave no room on a %.0f x %.0f pt page",
                        doc->page_w, doc->page_h);
    hs_lctx c = {.a = a, .r = r, .fs = fs, .body_h = h};
    flow whole, *fl = NULL;
    int nfl = 0;
    /* with a <toc/>, again with the pages of the layout before until they
     * are the pages printed (toc.c) */
    for (int pass = 1;; pass++) {
        memset(out, 0, sizeof *out);
        c.toc_block = NULL;
        if (body_pages(&c, doc, out, &fl, &nfl, &whole) != 0)
            return -1;
        if (c.toc_block == NULL)
            break;
        hs_toc_entry *e;
        int n = hs_layout_toc_entries(&c, out, &e);
        if (pass > 1 && same_toc(c.toc, c.ntoc, e, n))
            break;
        if (pass == TOC_PASSES)
            return hs_error(r, c.toc_block->loc, "layout",
                            "the table of contents does not settle: after %d layouts its page "
                            "numbers still move the headings to other pages",
                            TOC_PASSES);
        c.toc = e;
        c.ntoc = n;
    }
    if (c.toc_block != NULL)
        hs_layout_toc_anchors(&c, out);
    int body_numbers = c.placeholders;
    for (int i = 0; i < nfl; i++) {
        const hs_doc *d = &fl[i].setup;
        if (fl[i].count > 0 && (bands(&c, d, d->headers, 0, out, &fl[i]) != 0 ||
                                bands(&c, d, d->footers, 1, out, &fl[i]) != 0))
            return -1;
    }
    if (hs_layout_watermarks(&c, doc, out) != 0)
        return -1;
    if (body_numbers)
        fill_page_numbers(&c, out);
    out->info.title = doc->title;
    out->info.author = doc->author;
    out->info.subject = doc->subject;
    out->info.keywords = doc->keywords;
    out->info.creator = "hoso";
    out->info.date_epoch = doc->date_epoch;
    return 0;
}
