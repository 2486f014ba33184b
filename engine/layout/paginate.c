/* engine/layout/paginate.c — slices onto pages, then headers and footers.
 *
 * A page takes slices while they fit. When one does not, the page ends at
 * the last place a break is allowed (a slice not marked keep_with_prev); if
 * the whole page is one unbreakable chain, it ends where the overflow is, so
 * content is never lost and pagination always moves on. A table row that
 * starts a page below its table's first page gets the header rows again.
 * Bands are laid out per page once the page count is known (page X of Y). */
#include "layout/layout_int.h"

#include <string.h>

typedef struct placed {
    const hs_slice *s;
    double y;
} placed;

typedef struct pager {
    hs_lctx *c;
    const hs_doc *d;
    hs_pages *out;
    placed *pl;
    int npl;
} pager;

static hs_page *
new_page(pager *p)
{
    hs_page *pg = HS_NEW(p->c->a, hs_page);
    pg->width_pt = p->d->page_w;
    pg->height_pt = p->d->page_h;
    if (p->out->last != NULL)
        p->out->last->next = pg;
    else
        p->out->first = pg;
    p->out->last = pg;
    p->out->count++;
    return pg;
}

static void
emit(pager *p, hs_page *pg, const hs_slice *s, double y)
{
    hs_layout_place(p->c, s->items, 0, y, &pg->first, &pg->last);
}

/* A table row that continues its table on a new page. */
static int
continues_table(hs_slice **v, int i)
{
    return i > 0 && v[i]->headers != NULL && !v[i]->header &&
           (v[i - 1]->headers == v[i]->headers || v[i - 1]->header);
}

static void
paginate(pager *p, hs_slice **v, int n)
{
    const hs_doc *d = p->d;
    double top = d->margin[0], bottom = d->page_h - d->margin[2];
    int i = 0;
    while (i < n || p->out->count == 0) {
        hs_page *pg = new_page(p);
        double y = top;
        if (i < n && continues_table(v, i)) {
            const hs_slice *h = v[i]->headers;
            for (int k = 0; k < v[i]->nheaders && h != NULL; k++, h = h->next) {
                emit(p, pg, h, y);
                y += h->h;
            }
        }
        int first = i, j = i;
        int npl = 0;
        while (j < n) {
            const hs_slice *s = v[j];
            double gap = j == first ? 0 : s->gap;
            if (s->break_before && j > first)
                break;
            if (j > first && y + gap + s->h > bottom + 0.01) {
                int k = j;
                while (k > first && v[k]->keep_with_prev)
                    k--;
                if (k > first) {
                    while (npl > 0 && p->pl[npl - 1].s != v[k - 1])
                        npl--;
                    j = k;
                }
                break;
            }
            p->pl[npl].s = s;
            p->pl[npl].y = y + gap;
            npl++;
            y += gap + s->h;
            j++;
        }
        for (int k = 0; k < npl; k++)
            emit(p, pg, p->pl[k].s, p->pl[k].y);
        if (j == i && i < n) /* cannot happen, but never loop forever */
            j = i + 1;
        i = j;
        if (n == 0)
            break;
    }
}

static int
on_page(hs_pages_sel on, int page)
{
    return on == HS_ON_ALL || (on == HS_ON_FIRST && page == 1) ||
           (on == HS_ON_NOT_FIRST && page > 1);
}

static int
bands(pager *p, const hs_band *list, int footer)
{
    const hs_doc *d = p->d;
    double x0 = d->margin[3], w = d->page_w - d->margin[1] - d->margin[3];
    int no = 0;
    for (hs_page *pg = p->out->first; pg != NULL; pg = pg->next) {
        no++;
        p->c->page_no = no;
        p->c->page_count = p->out->count;
        for (const hs_band *b = list; b != NULL; b = b->next) {
            if (!on_page(b->on, no))
                continue;
            hs_slices s = {0};
            if (hs_layout_blocks(p->c, b->blocks, x0, w, &s) != 0)
                return -1;
            hs_item *items;
            double h = hs_layout_flatten(p->c, &s, &items);
            double y = footer ? d->page_h - b->offset_pt - h : b->offset_pt;
            hs_layout_place(p->c, items, 0, y, &pg->first, &pg->last);
        }
    }
    return 0;
}

int
hs_layout_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                   hs_pages *out)
{
    hs_lctx c = {a, r, fs, 0, 0, 0};
    memset(out, 0, sizeof *out);
    double x0 = doc->margin[3], w = doc->page_w - doc->margin[1] - doc->margin[3];
    hs_slices body = {0};
    if (hs_layout_blocks(&c, doc->body, x0, w, &body) != 0 || c.failed)
        return -1;
    int n = 0;
    for (hs_slice *s = body.first; s != NULL; s = s->next)
        n++;
    hs_slice **v = HS_NEW_N(a, (size_t)n + 1, hs_slice *);
    n = 0;
    for (hs_slice *s = body.first; s != NULL; s = s->next)
        v[n++] = s;
    pager p = {&c, doc, out, HS_NEW_N(a, (size_t)n + 1, placed), 0};
    paginate(&p, v, n);
    if (bands(&p, doc->headers, 0) != 0 || bands(&p, doc->footers, 1) != 0 || c.failed)
        return -1;
    out->info.title = doc->title;
    out->info.author = doc->author;
    out->info.subject = doc->subject;
    out->info.keywords = doc->keywords;
    out->info.creator = "hoso";
    out->info.date_epoch = doc->date_epoch;
    return 0;
}
