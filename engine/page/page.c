/* engine/page/page.c — a document's pages: layout, pagination, bands, info. */
#include "page/page.h"

#include <string.h>

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

int
hs_page_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r, hs_pages *out)
{
    memset(out, 0, sizeof *out);
    hs_lctx *c;
    hs_slices body;
    if (hs_layout_document(doc, fs, a, r, &c, &body) != 0)
        return -1;
    hs_page_paginate(c, a, doc, body.first, out);
    if (hs_page_bands(c, doc, a, r, out) != 0)
        return -1;
    out->info.title = doc->title;
    out->info.author = doc->author;
    out->info.subject = doc->subject;
    out->info.keywords = doc->keywords;
    out->info.creator = "hoso";
    out->info.date_epoch = doc->date_epoch;
    return 0;
}
