/* engine/page/watermarks.c — each page's watermarks, under its content.
 *
 * A watermark is laid out for every page it is on (layout/watermark.c: a
 * page number in it prints that page's) and its items go first in the
 * page's list, so the renderer draws them before the content. Its on= counts
 * the document's pages, sections or not. */
#include "page/page.h"

int
hs_page_watermarks(hs_lctx *c, const hs_doc *d, hs_pages *out)
{
    int no = 0;
    for (hs_page *pg = out->first; pg != NULL; pg = pg->next) {
        ++no;
        hs_item *head = NULL, *tail = NULL;
        for (const hs_watermark *w = d->watermarks; w != NULL; w = w->next)
            if (hs_page_on(w->on, no) && hs_layout_watermark(c, w, pg->width_pt, pg->height_pt, no,
                                                             out->count, &head, &tail) != 0)
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
