/* engine/layout/line.c — the items of one line of a paragraph.
 *
 * One text item per stretch of glyphs of one run and one face; spaces stay
 * inside an item (real spaces, for text extraction) except in a justified
 * line, where every word is its own item and the extra width goes between
 * words, never between letters. Item text points into the run's own string. */
#include "layout/para_int.h"

static void
underline(hs_lctx *c, hs_slice *s, const hs_glyph *g, const hs_run *r, double x0, double x1,
          double base)
{
    const hs_face *f = g->face;
    double size = r->style.size_pt;
    double y = base - f->underline_pos * size / 1000.0;
    double wd = f->underline_thickness * size / 1000.0;
    hs_layout_push(s, hs_layout_line(c, x0, y, x1, y, wd > 0.25 ? wd : 0.25, r->style.color));
}

/* A square on the baseline, and a tick in it when checked. */
static void
checkbox(hs_lctx *c, hs_slice *s, const hs_run *r, double x, double base)
{
    double size = r->style.size_pt, side = size * 0.75;
    hs_item *box = hs_layout_item(c, HS_ITEM_RECT);
    box->x = x;
    box->y = base - side;
    box->w = box->h = side;
    box->stroke = 1;
    box->line_width = size / 20;
    box->color = r->style.color;
    hs_layout_push(s, box);
    if (!r->checked)
        return;
    double px[3] = {x + side * 0.2, x + side * 0.42, x + side * 0.82};
    double py[3] = {base - side * 0.5, base - side * 0.2, base - side * 0.85};
    for (int i = 0; i < 2; i++)
        hs_layout_push(
            s, hs_layout_line(c, px[i], py[i], px[i + 1], py[i + 1], size / 12, r->style.color));
}

static void
text_item(hs_lctx *c, hs_slice *s, const hs_glyph *from, const hs_glyph *last, const hs_run *r,
          double x, double base, double w)
{
    hs_item *it = hs_layout_item(c, HS_ITEM_TEXT);
    it->x = x;
    it->y = base;
    it->w = w;
    it->link = r->style.link;
    it->face = from->face;
    it->size_pt = r->style.size_pt;
    it->color = r->style.color;
    it->text = from->src;
    it->len = (size_t)(last->src - from->src) + last->len;
    hs_layout_push(s, it);
}

void
hs_layout_line_items(hs_lctx *c, const hs_pdraw *d, const hs_pline *L, hs_slice *s)
{
    const hs_glyph *g = d->g;
    double x = d->x, extra = 0, slack = d->w - L->width;
    int spaces = 0;
    for (int k = L->from; k < L->end; k++)
        spaces += g[k].kind == G_SPACE;
    if (slack < 0)
        slack = 0; /* a glyph wider than the line: it starts at the left edge */
    switch (d->b->align) {
    case HS_ALIGN_CENTER:
        x += slack / 2;
        break;
    case HS_ALIGN_RIGHT:
        x += slack;
        break;
    case HS_ALIGN_JUSTIFY:
        if (!L->last && spaces > 0)
            extra = slack / spaces;
        break;
    case HS_ALIGN_LEFT:
        break;
    }
    for (int k = L->from; k < L->end;) {
        const hs_run *r = d->runs[g[k].ri].run;
        if (g[k].kind == G_SPACE && (extra > 0 || g[k].cp != ' ')) {
            if (r->style.underline)
                underline(c, s, &g[k], r, x, x + g[k].w + extra, d->base);
            x += g[k].w + extra;
            k++;
            continue;
        }
        if (g[k].kind == G_BOX) {
            checkbox(c, s, r, x, d->base);
            x += g[k].w;
            k++;
            continue;
        }
        if (g[k].kind != G_TEXT && g[k].kind != G_SPACE) {
            k++;
            continue;
        }
        /* A stretch of one run and face, spaces included (real spaces, for
         * text extraction); in a justified line, one word. */
        int j = k + 1;
        double seg = g[k].w;
        while (j < L->end && g[j].ri == g[k].ri && g[j].face == g[k].face &&
               (g[j].kind == G_TEXT || (g[j].kind == G_SPACE && g[j].cp == ' ' && extra == 0)))
            seg += g[j++].w;
        text_item(c, s, &g[k], &g[j - 1], r, x, d->base, seg);
        if (r->style.underline)
            underline(c, s, &g[k], r, x, x + seg, d->base);
        x += seg;
        k = j;
    }
}
