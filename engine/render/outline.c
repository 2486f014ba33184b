/* engine/render/outline.c — the PDF outline (bookmarks) from the marks.
 *
 * Entries nest by level in document order: an entry goes under the nearest
 * earlier entry of a smaller level (a level 3 after a level 1 goes under the
 * 1). Each one opens its page at the top of its block. When there are any,
 * the document opens with the outline panel shown. */
#include "render/render_int.h"

#define MAX_LEVEL 6

HPDF_Destination
hs_render_dest(HPDF_Doc pdf, int index, const hs_page *p, double y)
{
    HPDF_Page page = HPDF_GetPageByIndex(pdf, (HPDF_UINT)index);
    HPDF_Destination dst = page != NULL ? HPDF_Page_CreateDestination(page) : NULL;
    /* FitH: the page's width, its top at the block's (libharu refuses XYZ's
     * zoom 0, "keep the reader's"). */
    if (dst == NULL || HPDF_Destination_SetFitH(dst, (HPDF_REAL)(p->height_pt - y)) != HPDF_OK)
        return NULL;
    return dst;
}

HPDF_STATUS
hs_render_outline(HPDF_Doc pdf, const hs_pages *pages)
{
    HPDF_Outline open[MAX_LEVEL + 1] = {NULL}; /* the last entry of each level */
    int any = 0, index = 0;
    for (const hs_page *p = pages->first; p != NULL; p = p->next, index++) {
        for (const hs_item *it = p->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_MARK || it->outline == NULL)
                continue;
            int level = it->outline_level < 1           ? 1
                        : it->outline_level > MAX_LEVEL ? MAX_LEVEL
                                                        : it->outline_level;
            HPDF_Outline parent = NULL;
            for (int l = level - 1; l >= 1 && parent == NULL; l--)
                parent = open[l];
            /* the title libharu makes is replaced by a literal one
             * (render/strings.c) */
            HPDF_Outline o = HPDF_CreateOutline(pdf, parent, "", NULL);
            HPDF_Destination dst = hs_render_dest(pdf, index, p, it->y);
            if (o == NULL || dst == NULL)
                return HPDF_INVALID_OUTLINE;
            HPDF_STATUS st = HPDF_Dict_RemoveElement(o, "Title");
            if (st == HPDF_OK)
                st = hs_render_text_string(o, "Title", it->outline);
            if (st == HPDF_OK)
                st = HPDF_Outline_SetDestination(o, dst);
            if (st == HPDF_OK)
                st = HPDF_Outline_SetOpened(o, HPDF_TRUE);
            if (st != HPDF_OK)
                return st;
            open[level] = o;
            for (int l = level + 1; l <= MAX_LEVEL; l++)
                open[l] = NULL;
            any = 1;
        }
    }
    return any ? HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE) : HPDF_OK;
}
