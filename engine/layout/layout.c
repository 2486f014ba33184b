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

static int
bands(hs_lctx *c, const hs_doc *d, const hs_band *list, int footer, hs_pages *out)
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
    int no = 0;
    for (hs_page *pg = out->first; pg != NULL; pg = pg->next) {
        c->page_no = ++no;
        c->page_count = out->count;
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
    hs_slices body = {0};
    if (hs_layout_blocks(&c, doc->body, doc->margin[3], w, &body) != 0)
        c.failed = 1;
    if (c.failed) {
        /* say what is wrong in the bands too, then stop */
        (void)bands(&c, doc, doc->headers, 0, out);
        (void)bands(&c, doc, doc->footers, 1, out);
        return -1;
    }
    int body_numbers = c.placeholders;
    hs_layout_paginate(&c, doc, body.first, out);
    if (bands(&c, doc, doc->headers, 0, out) != 0 || bands(&c, doc, doc->footers, 1, out) != 0 ||
        hs_layout_watermarks(&c, doc, out) != 0)
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
