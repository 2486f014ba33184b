/* engine/page/bands.c — headers and footers on every page; page numbers.
 *
 * A page gets every band of one kind (headers, or footers) that is for it,
 * except that bands marked "first" replace those marked "all" on page 1 — a
 * word processor's "different first page". No band is dropped for another:
 * a document's own footer on="all" and a part's footer on="not-first" both
 * print on page 2, one above the other (headers stack downwards from their
 * offset, footers upwards, in the order they were written). Bands are laid
 * out for each page (layout/), so that page number and page count runs
 * print real numbers; page numbers in the body are filled in last. A
 * <section> with a header or footer of its own has its bands instead of the
 * document's, and counts "first" from its own first page; page numbers go
 * on through the document. */
#include "page/page.h"

#include <string.h>

int
hs_page_on(hs_pages_sel on, int page)
{
    return on == HS_ON_ALL || (on == HS_ON_FIRST && page == 1) ||
           (on == HS_ON_NOT_FIRST && page > 1);
}

/* *edge: where the bands already on this page end (headers: their bottom,
 * footers: their top), so that the next one goes past them. */
static int
band(hs_lctx *c, const hs_doc *d, const hs_band *b, int footer, int no, int count, hs_page *pg,
     double *edge)
{
    hs_slices s;
    if (hs_layout_band(c, d, b, no, count, &s) != 0)
        return -1;
    double h = hs_layout_height(s.first);
    double y = footer ? d->page_h - b->offset_pt - h : b->offset_pt;
    if (footer && y + h > *edge)
        y = *edge - h;
    else if (!footer && y < *edge)
        y = *edge;
    *edge = footer ? y : y + h;
    hs_layout_stack(c, s.first, y, &pg->first, &pg->last);
    return 0;
}

static int
bands(hs_lctx *c, const hs_page_span *sp, const hs_band *list, int footer, hs_report *r,
      hs_pages *out)
{
    const hs_doc *d = &sp->flow->setup;
    const hs_band *v[64];
    int n = 0, first = 0;
    for (const hs_band *b = list; b != NULL; b = b->next) {
        if (n == 64)
            return hs_error(r, HS_LOC_NONE, HS_CODE_TEMPLATE, "more than 64 %s",
                            footer ? "footers" : "headers");
        v[n++] = b;
        first |= b->on == HS_ON_FIRST;
    }
    /* a section's own bands count "first" from its own first page */
    int k = 0, own = footer ? sp->flow->own_footers : sp->flow->own_headers;
    for (hs_page *pg = sp->first; pg != NULL && k < sp->count; pg = pg->next) {
        int page_no = sp->first_no + k++, no = own ? k : page_no;
        double edge = footer ? d->page_h : 0;
        /* footers from the last written up, headers from the first down */
        for (int i = 0; i < n; i++) {
            const hs_band *b = v[footer ? n - 1 - i : i];
            if (hs_page_on(b->on, no) && !(b->on == HS_ON_ALL && no == 1 && first) &&
                band(c, d, b, footer, page_no, out->count, pg, &edge) != 0)
                return -1;
        }
    }
    return 0;
}

static void
fill_page_numbers(hs_arena *a, hs_pages *out)
{
    const char *count = hs_arena_printf(a, "%d", out->count);
    int no = 0;
    for (hs_page *pg = out->first; pg != NULL; pg = pg->next) {
        const char *page = hs_arena_printf(a, "%d", ++no);
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
hs_page_bands(hs_lctx *c, const hs_page_span *spans, int nspans, hs_arena *a, hs_report *r,
              hs_pages *out)
{
    for (int i = 0; i < nspans; i++) {
        const hs_doc *d = &spans[i].flow->setup;
        if (bands(c, &spans[i], d->headers, 0, r, out) != 0 ||
            bands(c, &spans[i], d->footers, 1, r, out) != 0)
            return -1;
    }
    if (hs_layout_has_page_numbers(c))
        fill_page_numbers(a, out);
    return 0;
}
