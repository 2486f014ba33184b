/* engine/layout/flow.c — a list of blocks into slices, top to bottom.
 *
 * Space between blocks collapses: the gap is the larger of the space after
 * one and the space before the next (it is dropped at the top of a page or a
 * cell). Keep-with-next marks the follower's first slice, keep-together every
 * slice of the block after its first, and a page break the next slice, so
 * that a trailing page break makes no empty page. Groups lay their children
 * into the same list, so all of this applies across a group's edges. */
#include "layout/layout_int.h"

#include "image/image.h"

#include <string.h>

hs_face_style
hs_layout_face_style(const hs_style *s)
{
    return (hs_face_style)((s->bold ? HS_FACE_BOLD : 0) | (s->italic ? HS_FACE_ITALIC : 0));
}

const hs_face *
hs_layout_face(hs_lctx *c, const hs_style *st, hs_loc loc)
{
    const hs_family *fam = st->family != NULL ? hs_fontset_lookup(c->fs, st->family) : NULL;
    if (fam != NULL) {
        hs_face_style fs = hs_layout_face_style(st);
        return fam->face[fs] != NULL ? fam->face[fs] : fam->face[HS_FACE_REGULAR];
    }
    const char *name = st->family != NULL ? st->family : "";
    c->failed = 1;
    for (int i = 0; i < c->nbad_family; i++)
        if (strcmp(c->bad_family[i], name) == 0)
            return NULL; /* said once per document is enough */
    if (c->nbad_family < (int)(sizeof c->bad_family / sizeof c->bad_family[0]))
        c->bad_family[c->nbad_family++] = name;
    hs_buf known;
    hs_buf_init(&known, c->a);
    for (int i = 0; i < hs_fontset_count(c->fs); i++)
        hs_buf_printf(&known, "%s%s", i ? ", " : "", hs_fontset_at(c->fs, i)->name);
    hs_error(c->r, loc, HS_CODE_FONT, "no font family '%s' (the fonts folder has: %s)", name,
             known.len ? hs_buf_cstr(&known) : "none");
    return NULL;
}

static double
aligned_x(const hs_block *b, double x0, double w, double item_w)
{
    if (b->align == HS_ALIGN_CENTER)
        return x0 + (w - item_w) / 2;
    if (b->align == HS_ALIGN_RIGHT)
        return x0 + w - item_w;
    return x0;
}

static int
image(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    double iw = b->width, ih = b->height;
    if (b->image_path == NULL)
        return hs_error(c->r, b->loc, HS_CODE_IMAGE, "an image without a file");
    /* Decoded here (once per engine: the renderer gets it from the cache),
     * so that any fault of the file is reported at the template's line. */
    const hs_image *im = hs_image_get(b->image_path, hs_budget_limit(), c->r, b->loc);
    if (im == NULL)
        return -1;
    if (iw <= 0 || ih <= 0) {
        int pw = im->width, ph = im->height;
        if (iw <= 0 && ih <= 0) {
            iw = pw * 0.75; /* at 96 pixels per inch */
            ih = ph * 0.75;
        } else if (iw <= 0) {
            iw = ih * pw / ph;
        } else {
            ih = iw * ph / pw;
        }
    }
    /* A size the template gave is kept or is an error; an image at its
     * pixels' size that is too wide for the column or too tall for a page
     * shrinks, keeping its shape. */
    const double mm = 72 / 25.4;
    if ((b->width > 0 || b->height > 0) && iw > w + HS_LAYOUT_EPS && w > 0)
        return hs_error(c->r, b->loc, HS_CODE_IMAGE,
                        "a %.1fmm wide image does not fit its %.1fmm column (give a smaller size)",
                        iw / mm, w / mm);
    if ((b->width > 0 || b->height > 0) && c->body_h > 0 && ih > c->body_h + HS_LAYOUT_EPS)
        return hs_error(
            c->r, b->loc, HS_CODE_IMAGE,
            "a %.1fmm tall image is taller than the page's %.1fmm (give a smaller size)", ih / mm,
            c->body_h / mm);
    if (iw > w && w > 0) {
        ih *= w / iw;
        iw = w;
    }
    if (ih > c->body_h && c->body_h > 0) {
        iw *= c->body_h / ih;
        ih = c->body_h;
    }
    hs_slice *s = hs_layout_slice(c, ih, out);
    hs_item *it = hs_layout_item(c, HS_ITEM_IMAGE);
    it->x = aligned_x(b, x0, w, iw);
    it->w = iw;
    it->h = ih;
    it->image_path = b->image_path;
    hs_layout_push(s, it);
    return 0;
}

static int
block(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    hs_slice *s;
    switch (b->kind) {
    case HS_BLOCK_PARA:
        return hs_layout_para(c, b, x0, w, out);
    case HS_BLOCK_TABLE:
        return hs_layout_table(c, b, x0 + b->indent_left, w - b->indent_left - b->indent_right,
                               out);
    case HS_BLOCK_IMAGE:
        return image(c, b, x0 + b->indent_left, w - b->indent_left - b->indent_right, out);
    case HS_BLOCK_QR:
        return hs_layout_qr(c, b, x0 + b->indent_left, w - b->indent_left - b->indent_right, out);
    case HS_BLOCK_SPACE:
        hs_layout_slice(c, b->height > 0 ? b->height : 0, out);
        return 0;
    case HS_BLOCK_RULE: {
        double cw = w - b->indent_left - b->indent_right;
        double rw = b->width > 0 && b->width < cw ? b->width : cw;
        double x = aligned_x(b, x0 + b->indent_left, cw, rw);
        double t = b->rule_pt > 0 ? b->rule_pt : 0;
        s = hs_layout_slice(c, t, out);
        hs_layout_push(s, hs_layout_line(c, x, t / 2, x + rw, t / 2, t, b->style.color));
        return 0;
    }
    case HS_BLOCK_LINES: {
        /* Lines to write on: each its own slice, so they may go over pages. */
        double t = b->rule_pt > 0 ? b->rule_pt : 0.5;
        double xa = x0 + b->indent_left, xb = x0 + w - b->indent_right;
        for (int i = 0; i < b->count; i++) {
            s = hs_layout_slice(c, b->height > t ? b->height : t, out);
            hs_layout_push(s, hs_layout_line(c, xa, s->h - t / 2, xb, s->h - t / 2, t, 0x808080));
        }
        return 0;
    }
    case HS_BLOCK_PAGE_BREAK:
    case HS_BLOCK_GROUP:
        break; /* done by the caller */
    case HS_BLOCK_TOC:
        return hs_layout_toc(c, b, x0 + b->indent_left, w - b->indent_left - b->indent_right, out);
    case HS_BLOCK_SECTION:
        /* layout.c lays out the body's; eval makes no others */
        return hs_error(c->r, b->loc, HS_CODE_LAYOUT, "a <section> inside another block");
    }
    return 0;
}

int
hs_layout_blocks(hs_lctx *c, const hs_block *blocks, double x0, double w, hs_slices *out)
{
    int rc = 0;
    for (const hs_block *b = blocks; b != NULL; b = b->next) {
        double gap = b->space_before > out->pending_gap ? b->space_before : out->pending_gap;
        if (b->kind == HS_BLOCK_PAGE_BREAK) {
            out->pending_break = 1;
            out->pending_gap = 0;
            out->pending_keep = 0;
            continue;
        }
        hs_slice *before = out->last;
        if (b->kind == HS_BLOCK_GROUP) {
            /* children see the group's space before and its indents */
            out->pending_gap = gap;
            if (hs_layout_blocks(c, b->children, x0 + b->indent_left,
                                 w - b->indent_left - b->indent_right, out) != 0)
                rc = -1;
        } else if (block(c, b, x0, w, out) != 0) {
            c->failed = 1;
            rc = -1;
        }
        hs_slice *first = before != NULL ? before->next : out->first;
        if (first == NULL) { /* nothing drawn: what was asked waits for the next block */
            out->pending_gap = gap > b->space_after ? gap : b->space_after;
            out->pending_keep |= b->keep_with_next;
            continue;
        }
        if (b->anchor != NULL || b->outline != NULL)
            hs_layout_mark(c, b, x0, first);
        if (b->kind != HS_BLOCK_GROUP) {
            first->gap = gap;
            first->keep_with_prev |= out->pending_keep;
            first->break_before |= out->pending_break;
            out->pending_break = 0;
            out->pending_gap = b->space_after;
            out->pending_keep = b->keep_with_next;
        } else {
            if (b->space_after > out->pending_gap)
                out->pending_gap = b->space_after;
            out->pending_keep |= b->keep_with_next;
        }
        if (b->keep_together)
            for (hs_slice *s = first->next; s != NULL; s = s->next)
                s->keep_with_prev = 1;
    }
    return rc;
}
