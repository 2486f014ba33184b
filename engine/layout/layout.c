/* engine/layout/layout.c — the whole document's body, and its bands.
 *
 * The body is laid out in flows: each <section> on pages of its own size,
 * orientation and margins, and each run of blocks between sections on the
 * document's; pagination (page/) puts them on pages one after the other.
 * Headers and footers are laid out here once, as page 1 of 1, so that their
 * errors are said once and not once a page; pagination (page/bands.c) lays
 * them out again for each page, when the page number and count are known.
 * Page numbers in the body took the room of two digits and are filled in
 * by pagination last. */
#include "layout/layout_int.h"

#include <string.h>

int
hs_layout_band(hs_lctx *c, const hs_doc *d, const hs_band *b, int page_no, int page_count,
               hs_slices *out)
{
    double x0 = d->margin[3], w = d->page_w - d->margin[1] - d->margin[3];
    memset(out, 0, sizeof *out);
    c->page_no = page_no;
    c->page_count = page_count;
    return hs_layout_blocks(c, b->blocks, x0, w, out);
}

static void
check_bands(hs_lctx *c, const hs_doc *d, const hs_band *list)
{
    for (const hs_band *b = list; b != NULL; b = b->next) {
        hs_slices s;
        if (hs_layout_band(c, d, b, 1, 1, &s) != 0)
            c->failed = 1;
    }
    c->page_no = c->page_count = 0;
}

int
hs_layout_has_page_numbers(const hs_lctx *c)
{
    return c->placeholders;
}

const hs_block *
hs_layout_toc_block(const hs_lctx *c)
{
    return c->toc_block;
}

/* The body's flows: each section, and each run of blocks between sections
 * (linked anew, so that a run ends where its section starts). */
static int
flows(hs_lctx *c, const hs_doc *doc, hs_flow **out)
{
    int n = 0, cap = 0;
    hs_flow *v = NULL;
    hs_block **tail = NULL;
    for (const hs_block *b = doc->body; b != NULL; b = b->next) {
        int sect = b->kind == HS_BLOCK_SECTION;
        if (sect || tail == NULL) {
            if (n == cap) {
                int ncap = cap ? cap * 2 : 8;
                v = hs_arena_realloc(c->a, v, (size_t)cap * sizeof *v,
                                     hs_mul_size((size_t)ncap, sizeof *v));
                cap = ncap;
            }
            hs_flow *f = &v[n++];
            memset(f, 0, sizeof *f);
            f->setup = *doc;
            f->setup.body = NULL;
            tail = NULL;
            if (sect) {
                const hs_doc *s = b->section;
                f->section = b;
                f->setup.body = b->children;
                f->setup.page_w = s->page_w;
                f->setup.page_h = s->page_h;
                memcpy(f->setup.margin, s->margin, sizeof f->setup.margin);
                /* its own bands replace the document's; without, the document's go on */
                f->own_headers = s->headers != NULL;
                f->own_footers = s->footers != NULL;
                if (f->own_headers)
                    f->setup.headers = s->headers;
                if (f->own_footers)
                    f->setup.footers = s->footers;
                continue;
            }
            tail = &f->setup.body;
        }
        hs_block *copy = hs_arena_alloc(c->a, sizeof *copy);
        *copy = *b;
        copy->next = NULL;
        *tail = copy;
        tail = &copy->next;
    }
    *out = v;
    return n;
}

int
hs_layout_body(hs_lctx *c, const hs_doc *doc, const hs_toc_entry *toc, int ntoc, hs_flow **flp,
               int *nflp)
{
    hs_flow *fl;
    int nfl = flows(c, doc, &fl);
    c->placeholders = 0;
    c->page_no = c->page_count = 0; /* the body's page numbers: placeholders */
    c->toc = toc;
    c->ntoc = ntoc;
    c->toc_block = NULL;
    for (int i = 0; i < nfl; i++) {
        const hs_doc *d = &fl[i].setup;
        double fw = d->page_w - d->margin[1] - d->margin[3];
        c->body_h = d->page_h - d->margin[0] - d->margin[2];
        if (!(fw > 0 && c->body_h > 0)) {
            hs_error(c->r, fl[i].section->loc, HS_CODE_LAYOUT,
                     "the margins leave no room on a %.0f x %.0f pt page", d->page_w, d->page_h);
            c->failed = 1;
            continue;
        }
        if (hs_layout_blocks(c, d->body, d->margin[3], fw, &fl[i].body) != 0)
            c->failed = 1;
        const hs_block *s = fl[i].section;
        if (s != NULL && fl[i].body.first != NULL && (s->anchor != NULL || s->outline != NULL))
            hs_layout_mark(c, s, d->margin[3], fl[i].body.first);
    }
    *flp = fl;
    *nflp = nfl;
    return c->failed ? -1 : 0;
}

int
hs_layout_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                   hs_lctx **ctx, hs_flow **flows, int *nflows)
{
    *flows = NULL;
    *nflows = 0;
    *ctx = NULL;
    double w = doc->page_w - doc->margin[1] - doc->margin[3];
    double h = doc->page_h - doc->margin[0] - doc->margin[2];
    if (!(w > 0 && h > 0))
        return hs_error(r, doc->loc, HS_CODE_LAYOUT, "the margins leave no room on a %.0f x %.0f pt page",
                        doc->page_w, doc->page_h);
    hs_lctx *c = HS_NEW(a, hs_lctx);
    *c = (hs_lctx){.a = a, .r = r, .fs = fs, .body_h = h};
    (void)hs_layout_body(c, doc, NULL, 0, flows, nflows);
    /* say what is wrong in the bands too (as page 1: no placeholders) */
    check_bands(c, doc, doc->headers);
    check_bands(c, doc, doc->footers);
    for (int i = 0; i < *nflows; i++) {
        const hs_flow *f = &(*flows)[i];
        if (f->setup.page_w - f->setup.margin[1] - f->setup.margin[3] <= 0)
            continue; /* said: no room */
        if (f->own_headers)
            check_bands(c, &f->setup, f->setup.headers);
        if (f->own_footers)
            check_bands(c, &f->setup, f->setup.footers);
    }
    *ctx = c;
    return c->failed ? -1 : 0;
}
