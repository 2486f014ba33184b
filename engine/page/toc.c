/* engine/page/toc.c — the bookmarks the pages hold, for a table of contents.
 *
 * A <toc/> prints the page each heading is on, which only pagination knows:
 * hs_page_document lays the body out again with the entries found here
 * until they are the entries of the pages printed (layout/toc.c draws
 * them). */
#include "page/page.h"

#include <string.h>

int
hs_page_toc_entries(hs_arena *a, const hs_pages *pages, hs_toc_entry **out)
{
    int n = 0, cap = 0, no = 0;
    hs_toc_entry *v = NULL;
    for (const hs_page *pg = pages->first; pg != NULL; pg = pg->next) {
        no++;
        for (const hs_item *it = pg->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_MARK || it->outline == NULL)
                continue;
            if (n == cap) {
                int ncap = cap ? cap * 2 : 32;
                v = hs_arena_realloc(a, v, (size_t)cap * sizeof *v,
                                     hs_mul_size((size_t)ncap, sizeof *v));
                cap = ncap;
            }
            v[n++] = (hs_toc_entry){it->outline, it->anchor, it->outline_level, no};
        }
    }
    *out = v;
    return n;
}

int
hs_page_same_toc(const hs_toc_entry *x, int nx, const hs_toc_entry *y, int ny)
{
    if (nx != ny)
        return 0;
    for (int i = 0; i < nx; i++)
        if (x[i].page != y[i].page || x[i].level != y[i].level || strcmp(x[i].title, y[i].title))
            return 0;
    return 1;
}

void
hs_page_toc_anchors(hs_lctx *c, hs_pages *pages)
{
    int i = 0;
    for (hs_page *pg = pages->first; pg != NULL; pg = pg->next)
        for (hs_item *it = pg->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_MARK || it->outline == NULL)
                continue;
            if (it->anchor == NULL)
                it->anchor = hs_layout_toc_anchor(c, i);
            i++;
        }
}
