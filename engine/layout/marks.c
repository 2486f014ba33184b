/* engine/layout/marks.c — where blocks with an id or a bookmark begin.
 *
 * A mark rides on the block's first slice, apart from its items (a table
 * row builds its items late and replaces them), and goes onto the page with
 * the slice: its y is then the block's top on that page. Header and footer
 * bands are laid out again for every page, so they mark nothing. */
#include "layout/layout_int.h"

void
hs_layout_mark(hs_lctx *c, const hs_block *b, double x, hs_slice *first)
{
    if (c->page_no != 0)
        return;
    hs_item *m = hs_layout_item(c, HS_ITEM_MARK);
    m->x = x;
    m->anchor = b->anchor;
    m->outline = b->outline;
    m->outline_level = b->outline_level;
    /* A group is marked after its children are laid out: first in the list,
     * so that its bookmark comes before its first child's. */
    m->next = first->marks;
    first->marks = m;
}

void
hs_layout_emit_marks(hs_slice *s, double dy, hs_item **first, hs_item **last)
{
    for (hs_item *m = s->marks, *next; m != NULL; m = next) {
        next = m->next;
        m->next = NULL;
        m->y += dy;
        if (*last != NULL)
            (*last)->next = m;
        else
            *first = m;
        *last = m;
    }
    s->marks = NULL;
}
