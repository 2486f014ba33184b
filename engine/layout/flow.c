/* engine/layout/flow.c — blocks into slices: paragraphs (para.c), tables,
 * rules, space, images, ruled lines and groups; and the helpers that stack
 * slices into item lists for table cells, headers and footers. */
#include "layout/layout_int.h"

#include <string.h>

hs_item *
hs_layout_item(hs_lctx *c, hs_item_kind k)
{
    hs_item *it = HS_NEW(c->a, hs_item);
    it->kind = k;
    return it;
}

void
hs_layout_append(hs_slices *s, hs_slice *sl)
{
    if (s->last != NULL)
        s->last->next = sl;
    else
        s->first = sl;
    s->last = sl;
}

void
hs_layout_place(hs_lctx *c, const hs_item *items, double dx, double dy, hs_item **head,
                hs_item **tail)
{
    for (const hs_item *it = items; it != NULL; it = it->next) {
        hs_item *x = HS_NEW(c->a, hs_item);
        *x = *it;
        x->next = NULL;
        x->x += dx;
        x->x2 += dx;
        x->y += dy;
        x->y2 += dy;
        if (*tail != NULL)
            (*tail)->next = x;
        else
            *head = x;
        *tail = x;
    }
}

double
hs_layout_flatten(hs_lctx *c, const hs_slices *s, hs_item **items)
{
    double y = 0;
    hs_item *head = NULL, *tail = NULL;
    for (const hs_slice *sl = s->first; sl != NULL; sl = sl->next) {
        if (sl != s->first)
            y += sl->gap;
        hs_layout_place(c, sl->items, 0, y, &head, &tail);
        y += sl->h;
    }
    *items = head;
    return y;
}

static hs_item *
line_item(hs_lctx *c, double x, double y, double x2, double y2, double wd, uint32_t color)
{
    hs_item *l = hs_layout_item(c, HS_ITEM_LINE);
    l->x = x;
    l->y = y;
    l->x2 = x2;
    l->y2 = y2;
    l->line_width = wd;
    l->color = color;
    return l;
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

/* ---- tables ---- */

static void
column_widths(const hs_table *t, double w, double *cw)
{
    double fixed = 0, weights = 0;
    for (int i = 0; i < t->ncols; i++) {
        fixed += t->cols[i].fixed_pt;
        weights += t->cols[i].fixed_pt > 0 ? 0 : (t->cols[i].weight > 0 ? t->cols[i].weight : 1);
    }
    double scale = fixed > w ? w / fixed : 1, rest = fixed > w ? 0 : w - fixed;
    for (int i = 0; i < t->ncols; i++) {
        const hs_colspec *cs = &t->cols[i];
        cw[i] = cs->fixed_pt > 0 ? cs->fixed_pt * scale
                                 : rest * (cs->weight > 0 ? cs->weight : 1) / weights;
    }
}

static int
table(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    const hs_table *t = b->table;
    double *cw = HS_NEW_N(c->a, (size_t)t->ncols, double);
    column_widths(t, w, cw);
    hs_slice *headers = NULL, *last_header = NULL;
    int nheaders = 0, first_body = 1, prev_keep = 0, rc = 0;
    for (const hs_row *row = t->rows; row != NULL; row = row->next) {
        int ncell = 0;
        for (const hs_cell *cell = row->cells; cell != NULL; cell = cell->next)
            ncell++;
        hs_item **cell_items = HS_NEW_N(c->a, (size_t)ncell, hs_item *);
        double *cell_h = HS_NEW_N(c->a, (size_t)ncell, double);
        double *cell_x = HS_NEW_N(c->a, (size_t)ncell, double);
        double *cell_w = HS_NEW_N(c->a, (size_t)ncell, double);
        double row_h = 0;
        int col = 0, k = 0;
        for (const hs_cell *cell = row->cells; cell != NULL; cell = cell->next, k++) {
            double x = x0, cwid = 0;
            for (int i = 0; i < col && i < t->ncols; i++)
                x += cw[i];
            for (int i = col; i < col + cell->colspan && i < t->ncols; i++)
                cwid += cw[i];
            cell_x[k] = x;
            cell_w[k] = cwid;
            hs_slices inner = {0};
            if (hs_layout_blocks(c, cell->blocks, x + t->pad[3],
                                 cwid - t->pad[1] - t->pad[3], &inner) != 0)
                rc = -1;
            cell_h[k] = hs_layout_flatten(c, &inner, &cell_items[k]);
            double hh = cell_h[k] + t->pad[0] + t->pad[2];
            if (hh > row_h)
                row_h = hh;
            col += cell->colspan;
        }
        hs_slice *s = HS_NEW(c->a, hs_slice);
        s->h = row_h;
        hs_item *head = NULL, *tail = NULL;
        k = 0;
        /* backgrounds first, then text, then borders on top */
        hs_item *borders = NULL, *btail = NULL;
        for (const hs_cell *cell = row->cells; cell != NULL; cell = cell->next, k++) {
            double x = cell_x[k], cwid = cell_w[k];
            if (cell->background != HS_NO_COLOR) {
                hs_item *bg = hs_layout_item(c, HS_ITEM_RECT);
                bg->x = x;
                bg->y = 0;
                bg->w = cwid;
                bg->h = row_h;
                bg->fill = 1;
                bg->fill_color = cell->background;
                hs_layout_place(c, bg, 0, 0, &head, &tail);
            }
            double free_h = row_h - t->pad[0] - t->pad[2] - cell_h[k];
            double dy = t->pad[0] + (cell->valign == HS_VALIGN_MIDDLE   ? free_h / 2
                                     : cell->valign == HS_VALIGN_BOTTOM ? free_h
                                                                        : 0);
            hs_layout_place(c, cell_items[k], 0, dy, &head, &tail);
            double bw = cell->border_pt >= 0 ? cell->border_pt : t->border_pt;
            if (bw > 0) {
                hs_item *l[4] = {line_item(c, x, 0, x + cwid, 0, bw, t->border_color),
                                 line_item(c, x, row_h, x + cwid, row_h, bw, t->border_color),
                                 line_item(c, x, 0, x, row_h, bw, t->border_color),
                                 line_item(c, x + cwid, 0, x + cwid, row_h, bw, t->border_color)};
                for (int i = 0; i < 4; i++)
                    hs_layout_place(c, l[i], 0, 0, &borders, &btail);
            }
        }
        if (tail != NULL)
            tail->next = borders;
        else
            head = borders;
        s->items = head;
        s->keep_with_prev = prev_keep;
        if (row->header) {
            s->header = 1;
            if (headers == NULL)
                headers = s;
            else
                s->keep_with_prev = 1;
            last_header = s;
            nheaders++;
        } else {
            if (first_body && headers != NULL)
                s->keep_with_prev = 1; /* a header row never ends a page alone */
            first_body = 0;
            s->headers = headers;
            s->nheaders = nheaders;
        }
        if (b->keep_together && s != out->last && row != t->rows)
            s->keep_with_prev = 1;
        prev_keep = row->keep_with_next;
        hs_layout_append(out, s);
    }
    (void)last_header;
    return rc;
}

/* ---- the other blocks ---- */

static hs_slice *
simple_slice(hs_lctx *c, double h)
{
    hs_slice *s = HS_NEW(c->a, hs_slice);
    s->h = h;
    return s;
}

static int
image(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    double iw = b->width, ih = b->height;
    if (iw <= 0 || ih <= 0) {
        int pw, ph;
        if (hs_layout_image_size(b->image_path, &pw, &ph) != 0)
            return hs_error(c->r, b->loc, "image", "%s: cannot read the image (PNG or JPEG)",
                            b->image_path);
        if (iw <= 0 && ih <= 0) {
            iw = pw * 0.75; /* 96 dpi */
            ih = ph * 0.75;
        } else if (iw <= 0) {
            iw = ih * pw / ph;
        } else {
            ih = iw * ph / pw;
        }
    }
    if (iw > w) {
        ih *= w / iw;
        iw = w;
    }
    hs_slice *s = simple_slice(c, ih);
    hs_item *it = hs_layout_item(c, HS_ITEM_IMAGE);
    it->x = aligned_x(b, x0, w, iw);
    it->w = iw;
    it->h = ih;
    it->image_path = b->image_path;
    s->items = it;
    hs_layout_append(out, s);
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
        return table(c, b, x0 + b->indent_left, w - b->indent_left - b->indent_right, out);
    case HS_BLOCK_IMAGE:
        return image(c, b, x0, w, out);
    case HS_BLOCK_SPACE:
        hs_layout_append(out, simple_slice(c, b->height));
        return 0;
    case HS_BLOCK_PAGE_BREAK:
        s = simple_slice(c, 0);
        s->break_before = 1;
        hs_layout_append(out, s);
        return 0;
    case HS_BLOCK_RULE: {
        double rw = b->width > 0 && b->width < w ? b->width : w;
        double x = aligned_x(b, x0, w, rw);
        s = simple_slice(c, b->rule_pt);
        s->items = line_item(c, x, b->rule_pt / 2, x + rw, b->rule_pt / 2, b->rule_pt,
                             b->style.color);
        hs_layout_append(out, s);
        return 0;
    }
    case HS_BLOCK_LINES:
        for (int i = 0; i < b->count; i++) {
            s = simple_slice(c, b->height);
            s->items = line_item(c, x0, b->height - b->rule_pt, x0 + w, b->height - b->rule_pt,
                                 b->rule_pt, 0x808080);
            s->keep_with_prev = i > 0 && b->keep_together;
            hs_layout_append(out, s);
        }
        return 0;
    case HS_BLOCK_GROUP: {
        hs_slices inner = {0};
        int rc = hs_layout_blocks(c, b->children, x0, w, &inner);
        for (hs_slice *x = inner.first; x != NULL; x = x->next) {
            if (x != inner.first && b->keep_together)
                x->keep_with_prev = 1;
        }
        if (inner.first != NULL) {
            if (out->last != NULL)
                out->last->next = inner.first;
            else
                out->first = inner.first;
            out->last = inner.last;
        }
        return rc;
    }
    }
    return 0;
}

int
hs_layout_blocks(hs_lctx *c, const hs_block *blocks, double x0, double w, hs_slices *out)
{
    int rc = 0;
    for (const hs_block *b = blocks; b != NULL; b = b->next) {
        hs_slice *before = out->last;
        double gap = out->first == NULL ? b->space_before
                     : b->space_before > out->pending_gap ? b->space_before
                                                          : out->pending_gap;
        int keep = out->pending_keep;
        if (block(c, b, x0, w, out) != 0) {
            rc = -1;
            continue;
        }
        hs_slice *first = before ? before->next : out->first;
        if (first != NULL) {
            first->gap += gap;
            if (keep)
                first->keep_with_prev = 1;
            if (b->keep_together)
                for (hs_slice *s = first->next; s != NULL; s = s->next)
                    s->keep_with_prev = 1;
        }
        out->pending_gap = b->space_after;
        out->pending_keep = b->keep_with_next;
    }
    return rc;
}
