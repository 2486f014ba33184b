/* engine/layout/watermark.c — watermarks: laid out like a band, one box
 * centred on the page and turned about the page's centre.
 *
 * The blocks are laid out in a box as wide as the page's diagonal (a long
 * text at a slant stays on one line), once per page (a page number in a
 * watermark prints that page's), and their items are turned point by point:
 * a text keeps its baseline origin and turns about it, a line its two ends,
 * an image its centre. Their items go first in the page's list, so the
 * renderer draws them before (under) the content. */
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

static int
one(hs_lctx *c, const hs_watermark *w, const hs_page *pg, hs_item **head, hs_item **tail)
{
    double diag = sqrt(pg->width_pt * pg->width_pt + pg->height_pt * pg->height_pt);
    hs_slices s = {0};
    if (hs_layout_blocks(c, w->blocks, 0, diag, &s) != 0)
        return -1;
    hs_item *first = NULL, *last = NULL;
    double h = hs_layout_stack(c, s.first, 0, &first, &last);
    const double rad = w->angle * 3.14159265358979323846 / 180;
    turn t = {diag / 2, h / 2, pg->width_pt / 2, pg->height_pt / 2, cos(rad), sin(rad)};
    for (hs_item *it = first; it != NULL; it = it->next) {
        it->opacity = w->opacity;
        switch (it->kind) {
        case HS_ITEM_TEXT:
            if (it->link != NULL)
                return hs_error(c->r, w->loc, "template",
                                "<watermark>: a link cannot be turned (no <a> in a watermark)");
            turn_point(&t, &it->x, &it->y);
            it->angle = w->angle;
            it->outlines = !w->extractable;
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
            return hs_error(c->r, w->loc, "template",
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

int
hs_layout_watermarks(hs_lctx *c, const hs_doc *d, hs_pages *out)
{
    int no = 0;
    for (hs_page *pg = out->first; pg != NULL; pg = pg->next) {
        c->page_no = ++no;
        c->page_count = out->count;
        hs_item *head = NULL, *tail = NULL;
        for (const hs_watermark *w = d->watermarks; w != NULL; w = w->next)
            if (hs_layout_on_page(w->on, no) && one(c, w, pg, &head, &tail) != 0)
                return -1; /* said once, for the first page it is on */
        if (head == NULL)
            continue;
        tail->next = pg->first;
        pg->first = head;
        if (pg->last == NULL)
            pg->last = tail;
    }
    return 0;
}
