/* engine/page/page.c — a document's pages: layout, pagination (again while
 * a table of contents settles), bands, watermarks, info. */
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

/* Layouts a table of contents may take to settle: the first has no
 * numbers, the second gives the contents their size, a third a number of
 * more digits, and so on. */
#define TOC_PASSES 6

int
hs_page_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r, hs_pages *out)
{
    memset(out, 0, sizeof *out);
    hs_lctx *c;
    hs_flow *fl;
    int nfl;
    if (hs_layout_document(doc, fs, a, r, &c, &fl, &nfl) != 0)
        return -1;
    hs_page_span *spans;
    int nspans;
    const hs_toc_entry *toc = NULL;
    int ntoc = 0;
    /* with a <toc/>, the body laid out again with the pages of the layout
     * before until they are the pages printed */
    for (int pass = 1;; pass++) {
        memset(out, 0, sizeof *out);
        hs_page_flows(c, a, doc, fl, nfl, out, &spans, &nspans);
        const hs_block *tb = hs_layout_toc_block(c);
        if (tb == NULL)
            break;
        hs_toc_entry *e;
        int n = hs_page_toc_entries(a, out, &e);
        if (pass > 1 && hs_page_same_toc(toc, ntoc, e, n))
            break;
        if (pass == TOC_PASSES)
            return hs_error(r, tb->loc, HS_CODE_LAYOUT,
                            "the table of contents does not settle: after %d layouts its page "
                            "numbers still move the headings to other pages",
                            TOC_PASSES);
        toc = e;
        ntoc = n;
        if (hs_layout_body(c, doc, toc, ntoc, &fl, &nfl) != 0)
            return -1;
    }
    if (hs_layout_toc_block(c) != NULL)
        hs_page_toc_anchors(c, out);
    if (hs_page_bands(c, spans, nspans, a, r, out) != 0 || hs_page_watermarks(c, doc, out) != 0)
        return -1;
    out->info.title = doc->title;
    out->info.author = doc->author;
    out->info.subject = doc->subject;
    out->info.keywords = doc->keywords;
    out->info.creator = "hoso";
    out->info.date_epoch = doc->date_epoch;
    return 0;
}
