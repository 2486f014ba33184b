/* engine/page/page.c — appending to a laid-out page. */
#include "page/page.h"

void
hs_page_add_item(hs_page *p, hs_item *it)
{
    it->next = NULL;
    if (p->last != NULL)
        p->last->next = it;
    else
        p->first = it;
    p->last = it;
}
