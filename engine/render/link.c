/* engine/render/link.c — link annotations over the text that carries a link.
 *
 * One annotation per line of a link: text items of one target that follow
 * each other on one baseline are one rectangle, from the first glyph's left
 * edge to the last one's right edge, from the face's descent to its ascent
 * (the box pdftotext -bbox gives the words). No border is drawn: the text's
 * own colour or underline says it is a link, as the template chooses. A
 * "#id" link goes to the top of the block with that id (eval made sure
 * there is one; its mark is on some page). */
#include "render/render_int.h"

#include <string.h>

static int
same_line(const hs_item *a, const hs_item *b)
{
    return b->kind == HS_ITEM_TEXT && b->link != NULL && strcmp(a->link, b->link) == 0 &&
           b->y == a->y && b->x >= a->x;
}

/* The destination of "#id": the page and top of the block marked with id. */
static HPDF_Destination
internal(HPDF_Doc pdf, const hs_pages *pages, const char *id)
{
    int index = 0;
    for (const hs_page *p = pages->first; p != NULL; p = p->next, index++)
        for (const hs_item *it = p->first; it != NULL; it = it->next)
            if (it->kind == HS_ITEM_MARK && it->anchor != NULL && strcmp(it->anchor, id) == 0)
                return hs_render_dest(pdf, index, p, it->y);
    return NULL;
}

static HPDF_STATUS
annotate(HPDF_Doc pdf, const hs_pages *pages, HPDF_Page page, double page_h, const hs_item *from,
         const hs_item *to, double x1)
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
    HPDF_Annotation a;
    if (from->link[0] == '#') {
        HPDF_Destination dst = internal(pdf, pages, from->link + 1);
        if (dst == NULL)
            return HPDF_INVALID_DESTINATION;
        a = HPDF_Page_CreateLinkAnnot(page, r, dst);
    } else {
        a = HPDF_Page_CreateURILinkAnnot(page, r, from->link);
    }
    if (a == NULL)
        return HPDF_INVALID_ANNOTATION;
    return HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

HPDF_STATUS
hs_render_links(HPDF_Doc pdf, const hs_pages *pages)
{
    int index = 0;
    for (const hs_page *p = pages->first; p != NULL; p = p->next, index++) {
        HPDF_Page page = NULL;
        for (const hs_item *it = p->first; it != NULL;) {
            if (it->kind != HS_ITEM_TEXT || it->link == NULL) {
                it = it->next;
                continue;
            }
            if (page == NULL && (page = HPDF_GetPageByIndex(pdf, (HPDF_UINT)index)) == NULL)
                return HPDF_INVALID_PAGE;
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
            HPDF_STATUS st = annotate(pdf, pages, page, p->height_pt, it, last, x1);
            if (st != HPDF_OK)
                return st;
            it = last->next;
        }
    }
    return HPDF_OK;
}
