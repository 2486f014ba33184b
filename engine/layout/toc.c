/* engine/layout/toc.c — the table of contents.
 *
 * Which page a heading lands on is known only once the document is paged,
 * and the contents take room themselves: pagination (page/toc.c) lays the
 * body out again, with the entries and pages of the layout before, until
 * the pages printed are the pages the headings are on. An entry is the bookmark's
 * title as a paragraph indented by its level (its further lines half a
 * level more), short of a column for the number; its last line ends in dot
 * leaders up to the number, flush right on the baseline of that line. */
#include "layout/layout_int.h"

#include <string.h>

#define INDENT_PT (6 * 72 / 25.4) /* per level below the first */
#define HANG_PT (3 * 72 / 25.4)   /* a title's further lines: half a level more */

/* A colon is in no id: these names are nobody else's. */
const char *
hs_layout_toc_anchor(hs_lctx *c, int i)
{
    return hs_arena_printf(c->a, "toc:%d", i);
}

/* Entry i links to its heading: "#id" when the heading has one, else the
 * name pagination gives its mark (hs_layout_toc_anchor). */
static const char *
target(hs_lctx *c, const hs_toc_entry *e, int i)
{
    return hs_arena_printf(c->a, "#%s", e->anchor != NULL ? e->anchor : hs_layout_toc_anchor(c, i));
}

/* A text item on the baseline at x in the entry's face. */
static hs_item *
text(hs_lctx *c, const hs_face *f, const hs_style *st, const char *s, double x, double base)
{
    hs_item *it = hs_layout_item(c, HS_ITEM_TEXT);
    it->x = x;
    it->y = base;
    it->face = f;
    it->size_pt = st->size_pt;
    it->color = st->color;
    it->text = s;
    it->len = strlen(s);
    it->w = hs_face_text_width(f, s, it->len) * st->size_pt / 1000;
    return it;
}

int
hs_layout_toc(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    c->toc_block = b;
    const hs_face *f = hs_layout_face(c, &b->style, b->loc);
    if (f == NULL)
        return -1;
    for (const char *k = ".0123456789"; *k; k++)
        if (!hs_face_has(f, (unsigned char)*k))
            return hs_error(c->r, b->loc, HS_CODE_GLYPH,
                            "<toc/>: the font has no '%c' for the leaders "
                            "and page numbers",
                            *k);
    double size = b->style.size_pt, dot = hs_face_advance(f, '.') * size / 1000;
    double numw = hs_face_text_width(f, "0000", 4) * size / 1000; /* the number's column */
    for (int i = 0; i < c->ntoc; i++) {
        const hs_toc_entry *e = &c->toc[i];
        if (e->level > b->count)
            continue;
        hs_run *r = HS_NEW(c->a, hs_run);
        r->kind = HS_RUN_TEXT;
        r->style = b->style;
        r->style.link = target(c, e, i); /* the whole entry leads to its heading */
        r->text = e->title;
        r->len = strlen(e->title);
        r->loc = b->loc;
        hs_block *p = HS_NEW(c->a, hs_block);
        *p = *b;
        p->kind = HS_BLOCK_PARA;
        p->runs = r;
        p->next = NULL;
        /* a title that wraps goes on further in, under its own first words */
        p->indent_left = (e->level - 1) * INDENT_PT + HANG_PT;
        p->first_indent = -HANG_PT;
        p->indent_right = numw + 2 * dot;
        p->align = HS_ALIGN_LEFT;
        hs_slice *before = out->last;
        if (hs_layout_para(c, p, x0, w, out) != 0)
            return -1;
        hs_slice *first = before != NULL ? before->next : out->first, *last = out->last;
        if (first == NULL)
            continue;
        /* the entry's lines stay together, and the gap above it is the block's */
        for (hs_slice *s = first->next; s != NULL; s = s->next)
            s->keep_with_prev = 1;
        if (i > 0)
            first->gap = 0;
        double end = x0, base = 0;
        for (const hs_item *it = last->items; it != NULL; it = it->next)
            if (it->kind == HS_ITEM_TEXT) {
                if (it->x + it->w > end)
                    end = it->x + it->w;
                base = it->y;
            }
        const char *num = hs_arena_printf(c->a, "%d", e->page);
        hs_item *ni = text(c, f, &b->style, num, 0, base);
        ni->x = x0 + w - ni->w;
        int ndots = dot > 0 ? (int)((ni->x - dot - end - dot) / dot) : 0;
        if (ndots > 0) {
            char *dots = hs_arena_alloc(c->a, (size_t)ndots + 1);
            memset(dots, '.', (size_t)ndots);
            dots[ndots] = '\0';
            hs_item *di = text(c, f, &b->style, dots, ni->x - dot - ndots * dot, base);
            di->link = r->style.link;
            hs_layout_push(last, di);
        }
        ni->link = r->style.link;
        hs_layout_push(last, ni);
    }
    return 0;
}
