/* engine/layout/layout.c — the whole document's body, and its bands.
 *
 * Headers and footers are laid out here once, as page 1 of 1, so that their
 * errors are said once and not once a page; pagination (page/bands.c) lays
 * them out again for each page, when the page number and count are known.
 * Page numbers in the body took the room of two digits and are filled in
 * by pagination last. */
#include "layout/layout_int.h"

#include <string.h>

int
hs_layout_band(hs_lctx *c, const hs_doc *d, const hs_band *b, int page_no, int page_count,
               hs_slices *out)
{
    double x0 = d->margin[3], w = d->page_w - d->margin[1] - d->margin[3];
    memset(out, 0, sizeof *out);
    c->page_no = page_no;
    c->page_count = page_count;
    return hs_layout_blocks(c, b->blocks, x0, w, out);
}

static void
check_bands(hs_lctx *c, const hs_doc *d, const hs_band *list)
{
    for (const hs_band *b = list; b != NULL; b = b->next) {
        hs_slices s;
        if (hs_layout_band(c, d, b, 1, 1, &s) != 0)
            c->failed = 1;
    }
    c->page_no = c->page_count = 0;
}

int
hs_layout_has_page_numbers(const hs_lctx *c)
{
    return c->placeholders;
}

int
hs_layout_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                   hs_lctx **ctx, hs_slices *body)
{
    memset(body, 0, sizeof *body);
    *ctx = NULL;
    double w = doc->page_w - doc->margin[1] - doc->margin[3];
    double h = doc->page_h - doc->margin[0] - doc->margin[2];
    if (!(w > 0 && h > 0))
        return hs_error(r, doc->loc, HS_CODE_LAYOUT, "the margins leave no room on a %.0f x %.0f pt page",
                        doc->page_w, doc->page_h);
    hs_lctx *c = HS_NEW(a, hs_lctx);
    *c = (hs_lctx){.a = a, .r = r, .fs = fs, .body_h = h};
    if (hs_layout_blocks(c, doc->body, doc->margin[3], w, body) != 0)
        c->failed = 1;
    /* say what is wrong in the bands too (as page 1: no placeholders) */
    check_bands(c, doc, doc->headers);
    check_bands(c, doc, doc->footers);
    *ctx = c;
    return c->failed ? -1 : 0;
}
