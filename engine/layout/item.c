/* engine/layout/item.c — items and slices: making, stacking, moving.
 *
 * A slice's items are moved, not copied, when it is placed: every slice is
 * placed once, except a table's header rows, which are copied onto each page
 * the table continues on. So a document's items are allocated about once. */
#include "layout/layout_int.h"

hs_item *
hs_layout_item(hs_lctx *c, hs_item_kind k)
{
    hs_item *it = HS_NEW(c->a, hs_item);
    it->kind = k;
    return it;
}

hs_item *
hs_layout_line(hs_lctx *c, double x, double y, double x2, double y2, double width, uint32_t color)
{
    hs_item *l = hs_layout_item(c, HS_ITEM_LINE);
    l->x = x;
    l->y = y;
    l->x2 = x2;
    l->y2 = y2;
    l->line_width = width;
    l->color = color;
    l->stroke = 1;
    return l;
}

void
hs_layout_push(hs_slice *s, hs_item *it)
{
    it->next = NULL;
    if (s->items_last != NULL)
        s->items_last->next = it;
    else
        s->items = it;
    s->items_last = it;
}

hs_slice *
hs_layout_slice(hs_lctx *c, double h, hs_slices *out)
{
    hs_slice *s = HS_NEW(c->a, hs_slice);
    s->h = h;
    if (out != NULL) {
        if (out->last != NULL)
            out->last->next = s;
        else
            out->first = s;
        out->last = s;
    }
    return s;
}

hs_item *
hs_layout_slice_items(hs_lctx *c, hs_slice *s)
{
    if (s->row != NULL)
        hs_layout_row_items(c, s);
    return s->items;
}

void
hs_layout_emit(hs_lctx *c, hs_slice *s, double dy, int copy, hs_item **first, hs_item **last)
{
    hs_layout_emit_marks(s, dy, first, last);
    hs_item *it = hs_layout_slice_items(c, s);
    while (it != NULL) {
        hs_item *next = it->next, *x = it;
        if (copy) {
            x = HS_NEW(c->a, hs_item);
            *x = *it;
        }
        x->next = NULL;
        x->y += dy;
        x->y2 += dy;
        if (*last != NULL)
            (*last)->next = x;
        else
            *first = x;
        *last = x;
        it = next;
    }
    if (!copy)
        s->items = s->items_last = NULL;
}

double
hs_layout_stack(hs_lctx *c, hs_slice *first, double y0, hs_item **head, hs_item **tail)
{
    double y = y0;
    for (hs_slice *s = first; s != NULL; s = s->next) {
        if (s != first)
            y += s->gap;
        hs_layout_emit(c, s, y, 0, head, tail);
        y += s->h;
    }
    return y - y0;
}

double
hs_layout_height(const hs_slice *first)
{
    double y = 0;
    for (const hs_slice *s = first; s != NULL; s = s->next)
        y += (s != first ? s->gap : 0) + s->h;
    return y;
}
