/* engine/layout/watermark.c — watermarks: laid out like a band, one box
 * centred on the page and turned about the page's centre.
 *
 * The blocks are laid out in a box as wide as the page's diagonal (a long
 * text at a slant stays on one line), once per page (a page number in a
 * watermark prints that page's), and their items are turned point by point:
 * a text keeps its baseline origin and turns about it, a line its two ends,
 * an image its centre. Pagination (page/watermarks.c) puts them first in
 * the page's list, so the renderer draws them before (under) the content. */
#include "layout/layout_int.h"

#include <math.h>

typedef struct turn {
    double cx, cy; /* the box's centre, in its own coordinates */
    double px, py; /* the page's centre */
    double cos_a, sin_a;
} turn;

/* y grows downwards: turning counter-clockwise as the reader sees it. */
static void
turn_point(const turn *t, double *x, double *y)
{
    double dx = *x - t->cx, dy = *y - t->cy;
    *x = t->px + dx * t->cos_a + dy * t->sin_a;
    *y = t->py - dx * t->sin_a + dy * t->cos_a;
}

int
hs_layout_watermark(hs_lctx *c, const hs_watermark *w, double page_w, double page_h, int page_no,
                    int page_count, hs_item **head, hs_item **tail)
{
    c->page_no = page_no;
    c->page_count = page_count;
    double diag = sqrt(page_w * page_w + page_h * page_h);
    hs_slices s = {0};
    if (hs_layout_blocks(c, w->blocks, 0, diag, &s) != 0)
        return -1;
    hs_item *first = NULL, *last = NULL;
    double h = hs_layout_stack(c, s.first, 0, &first, &last);
    const double rad = w->angle * 3.14159265358979323846 / 180;
    turn t = {diag / 2, h / 2, page_w / 2, page_h / 2, cos(rad), sin(rad)};
    for (hs_item *it = first; it != NULL; it = it->next) {
        it->opacity = w->opacity;
        switch (it->kind) {
        case HS_ITEM_TEXT:
            if (it->link != NULL)
                return hs_error(c->r, w->loc, HS_CODE_TEMPLATE,
                                "<watermark>: a link cannot be turned (no <a> in a watermark)");
            turn_point(&t, &it->x, &it->y);
            it->angle = w->angle;
            it->outlines = !w->extractable;
            it->loc = w->loc;
            break;
        case HS_ITEM_LINE:
            turn_point(&t, &it->x, &it->y);
            turn_point(&t, &it->x2, &it->y2);
            break;
        case HS_ITEM_IMAGE: {
            double x = it->x + it->w / 2, y = it->y + it->h / 2;
            turn_point(&t, &x, &y);
            it->x = x - it->w / 2;
            it->y = y - it->h / 2;
            it->angle = w->angle;
            break;
        }
        case HS_ITEM_RECT:
        case HS_ITEM_MARK:
            return hs_error(c->r, w->loc, HS_CODE_TEMPLATE,
                            "<watermark>: only text, lines and images can be turned (no "
                            "backgrounds, check boxes or QR codes in a watermark)");
        }
    }
    if (first == NULL)
        return 0;
    if (*tail != NULL)
        (*tail)->next = first;
    else
        *head = first;
    *tail = last;
    return 0;
}
