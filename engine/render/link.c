/* engine/render/link.c — link annotations over the text that carries a link.
 *
 * One annotation per line of a link: text items of one target that follow
 * each other on one baseline are one rectangle, from the first glyph's left
 * edge to the last one's right edge, from the face's descent to its ascent
 * (the box pdftotext -bbox gives the words). No border is drawn: the text's
 * own colour or underline says it is a link, as the template chooses. */
#include "render/render_int.h"

#include <string.h>

static int
same_line(const hs_item *a, const hs_item *b)
{
    return b->kind == HS_ITEM_TEXT && b->link != NULL && strcmp(a->link, b->link) == 0 &&
           b->y == a->y && b->x >= a->x;
}

static HPDF_STATUS
annotate(HPDF_Page page, double page_h, const hs_item *from, const hs_item *to, double x1)
{
    double top = from->y, bottom = from->y;
    for (const hs_item *it = from;; it = it->next) {
        double asc = it->face->ascent * it->size_pt / 1000.0;
        double desc = it->face->descent * it->size_pt / 1000.0;
        if (it->y - asc < top)
            top = it->y - asc;
        if (it->y - desc > bottom)
            bottom = it->y - desc;
        if (it == to)
            break;
    }
    HPDF_Rect r = {(HPDF_REAL)from->x, (HPDF_REAL)(page_h - bottom), (HPDF_REAL)x1,
                   (HPDF_REAL)(page_h - top)};
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, from->link);
    if (a == NULL)
        return HPDF_INVALID_ANNOTATION;
    return HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

HPDF_STATUS
hs_render_links(HPDF_Page page, const hs_page *p)
{
    for (const hs_item *it = p->first; it != NULL;) {
        if (it->kind != HS_ITEM_TEXT || it->link == NULL) {
            it = it->next;
            continue;
        }
        /* Underlines and other items may sit between the words of a line. */
        const hs_item *last = it;
        double x1 = it->x + it->w;
        for (const hs_item *n = it->next; n != NULL; n = n->next) {
            if (n->kind != HS_ITEM_TEXT)
                continue;
            if (!same_line(last, n))
                break;
            last = n;
            x1 = n->x + n->w;
        }
        HPDF_STATUS st = annotate(page, p->height_pt, it, last, x1);
        if (st != HPDF_OK)
            return st;
        it = last->next;
    }
    return HPDF_OK;
}
