/* engine/layout/table.c — tables: column widths, cells, rows as slices.
 *
 * A row is one slice, as tall as its tallest cell. Its cells' blocks are laid
 * out at once (so the row's height is known) but its items are built only
 * when it is placed, because a row taller than a page is cut between the
 * lines of its cells first. Each piece of a cut row is drawn as a whole row:
 * background, its share of the lines, borders all round; vertical alignment
 * applies to rows that are not cut. Items of a row: backgrounds, then text,
 * then borders, so that a fill never hides a line. */
#include "layout/layout_int.h"

typedef struct hs_cellay {
    const hs_cell *cell;
    double x, w;       /* the cell's box */
    double border;     /* pt; 0: none */
    hs_slice *content; /* the cell's slices not placed yet */
    double content_h;
} hs_cellay;

struct hs_rowlay {
    const hs_table *t;
    int ncells;
    int cut; /* a piece of a cut row: content at the top */
    hs_cellay *cells;
};

/* Fixed columns get their width and the shares split the rest. When the fixed
 * columns leave the shared ones less than MIN_SHARE pt each, they are scaled
 * down so that the shared columns keep that much (or half the table). */
#define MIN_SHARE 24.0

static double *
column_widths(hs_lctx *c, const hs_table *t, double w)
{
    double *cw = HS_NEW_N(c->a, (size_t)t->ncols, double);
    double fixed = 0, weights = 0;
    int nshared = 0;
    for (int i = 0; i < t->ncols; i++) {
        if (t->cols[i].fixed_pt > 0) {
            fixed += t->cols[i].fixed_pt;
        } else {
            weights += t->cols[i].weight > 0 ? t->cols[i].weight : 1;
            nshared++;
        }
    }
    double keep = nshared == 0 ? 0 : MIN_SHARE * nshared < w / 2 ? MIN_SHARE * nshared : w / 2;
    double scale = fixed > 0 && fixed > w - keep ? (w - keep) / fixed : 1;
    double rest = w - fixed * scale;
    if (rest < 0)
        rest = 0;
    for (int i = 0; i < t->ncols; i++) {
        const hs_colspec *col = &t->cols[i];
        cw[i] = col->fixed_pt > 0 ? col->fixed_pt * scale
                                  : rest * (col->weight > 0 ? col->weight : 1) / weights;
    }
    return cw;
}

static double
row_height(const hs_rowlay *rl)
{
    const hs_table *t = rl->t;
    double h = t->pad[0] + t->pad[2];
    for (int i = 0; i < rl->ncells; i++)
        if (rl->cells[i].content_h + t->pad[0] + t->pad[2] > h)
            h = rl->cells[i].content_h + t->pad[0] + t->pad[2];
    return h;
}

static hs_rowlay *
layout_row(hs_lctx *c, const hs_block *b, const hs_row *row, const double *cw, double x0)
{
    const hs_table *t = b->table;
    hs_rowlay *rl = HS_NEW(c->a, hs_rowlay);
    rl->t = t;
    for (const hs_cell *cell = row->cells; cell != NULL; cell = cell->next)
        rl->ncells++;
    rl->cells = HS_NEW_N(c->a, (size_t)rl->ncells, hs_cellay);
    int col = 0, k = 0;
    double x = x0;
    for (const hs_cell *cell = row->cells; cell != NULL; cell = cell->next) {
        if (col >= t->ncols) {
            c->failed = 1;
            hs_error(c->r, cell->loc, HS_CODE_LAYOUT, "a cell beyond the table's %d column%s",
                     t->ncols, t->ncols == 1 ? "" : "s");
            break;
        }
        hs_cellay *cl = &rl->cells[k++];
        int span = cell->colspan > 0 ? cell->colspan : 1;
        cl->cell = cell;
        cl->x = x;
        for (int i = col; i < col + span && i < t->ncols; i++)
            cl->w += cw[i];
        col += span;
        x += cl->w;
        cl->border = cell->border_pt >= 0 ? cell->border_pt : t->border_pt;
        double inner = cl->w - t->pad[1] - t->pad[3];
        hs_slices sub = {0};
        hs_loc outer = c->cell_loc;
        c->cell_loc = cell->loc;
        int bad = hs_layout_blocks(c, cell->blocks, cl->x + t->pad[3], inner > 1 ? inner : 1, &sub);
        c->cell_loc = outer;
        if (bad != 0)
            c->failed = 1;
        cl->content = sub.first;
        cl->content_h = hs_layout_height(sub.first);
    }
    rl->ncells = k;
    return rl;
}

int
hs_layout_table(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    const hs_table *t = b->table;
    if (t == NULL || t->ncols <= 0 || t->cols == NULL)
        return hs_error(c->r, b->loc, HS_CODE_LAYOUT, "a table without columns");
    if (c->depth >= HS_LAYOUT_MAX_DEPTH)
        return hs_error(c->r, b->loc, HS_CODE_LAYOUT, "tables nested more than %d deep",
                        HS_LAYOUT_MAX_DEPTH);
    c->depth++;
    double *cw = column_widths(c, t, w);
    hs_tablay *tl = HS_NEW(c->a, hs_tablay);
    for (const hs_row *row = t->rows; row != NULL; row = row->next)
        tl->nheaders += row->header != 0;
    tl->headers = HS_NEW_N(c->a, (size_t)tl->nheaders + 1, hs_slice *);
    int nh = 0, prev_keep = 0, prev_header = 0;
    for (const hs_row *row = t->rows; row != NULL; row = row->next) {
        hs_rowlay *rl = layout_row(c, b, row, cw, x0);
        hs_slice *s = hs_layout_slice(c, row_height(rl), out);
        s->row = rl;
        s->table = tl->nheaders > 0 ? tl : NULL;
        /* header rows stay together and with the first row after them;
         * keep-with-next on a row holds it to the following one */
        s->keep_with_prev = row != t->rows && (prev_keep || prev_header);
        if (row->header) {
            s->header = 1;
            tl->headers[nh++] = s;
            tl->headers_h += s->h;
        }
        prev_keep = row->keep_with_next;
        prev_header = row->header;
    }
    c->depth--;
    return 0;
}

static void
add(hs_item **head, hs_item **tail, hs_item *it)
{
    if (*tail != NULL)
        (*tail)->next = it;
    else
        *head = it;
    *tail = it;
}

void
hs_layout_row_items(hs_lctx *c, hs_slice *s)
{
    hs_rowlay *rl = s->row;
    const hs_table *t = rl->t;
    double h = s->h;
    hs_item *head = NULL, *tail = NULL;
    s->row = NULL;
    for (int i = 0; i < rl->ncells; i++) {
        const hs_cellay *cl = &rl->cells[i];
        if (cl->cell->background == HS_NO_COLOR)
            continue;
        hs_item *bg = hs_layout_item(c, HS_ITEM_RECT);
        bg->x = cl->x;
        bg->w = cl->w;
        bg->h = h;
        bg->fill = 1;
        bg->fill_color = cl->cell->background;
        add(&head, &tail, bg);
    }
    for (int i = 0; i < rl->ncells; i++) {
        hs_cellay *cl = &rl->cells[i];
        double free_h = h - t->pad[0] - t->pad[2] - cl->content_h, dy = t->pad[0];
        if (!rl->cut && cl->cell->valign == HS_VALIGN_MIDDLE)
            dy += free_h / 2;
        else if (!rl->cut && cl->cell->valign == HS_VALIGN_BOTTOM)
            dy += free_h;
        hs_layout_stack(c, cl->content, dy, &head, &tail);
        cl->content = NULL;
    }
    for (int i = 0; i < rl->ncells; i++) {
        const hs_cellay *cl = &rl->cells[i];
        double bw = cl->border, xa = cl->x, xb = cl->x + cl->w;
        if (bw <= 0)
            continue;
        /* a cell's right edge is the next cell's left edge: drawn once */
        int right = i == rl->ncells - 1 || rl->cells[i + 1].border != bw;
        add(&head, &tail, hs_layout_line(c, xa, 0, xb, 0, bw, t->border_color));
        add(&head, &tail, hs_layout_line(c, xa, h, xb, h, bw, t->border_color));
        add(&head, &tail, hs_layout_line(c, xa, 0, xa, h, bw, t->border_color));
        if (right)
            add(&head, &tail, hs_layout_line(c, xb, 0, xb, h, bw, t->border_color));
    }
    s->items = head;
    s->items_last = tail;
}

/* Take the first slices of a cell that fit in room; returns the height taken.
 * The list is cut after the last slice taken and *rest is the first one left;
 * nothing is cut when nothing is taken. */
static double
take(hs_lctx *c, hs_slice *first, double room, int force, hs_slice **rest, int *took)
{
    hs_slice *s = first, *last = NULL;
    double used = 0;
    while (s != NULL) {
        double gap = last != NULL ? s->gap : 0;
        if (used + gap + s->h <= room + HS_LAYOUT_EPS) {
            used += gap + s->h;
        } else if (s->row != NULL && !s->header &&
                   hs_layout_row_split(c, s, room - used - gap, force && last == NULL)) {
            used += gap + s->h; /* a table in the cell, cut too */
        } else if (force && last == NULL) {
            used += s->h; /* one line taller than a page: it overflows, nothing is lost */
        } else {
            break;
        }
        last = s;
        s = s->next;
    }
    if (last != NULL)
        last->next = NULL;
    *rest = s;
    *took = last != NULL;
    return used;
}

int
hs_layout_row_split(hs_lctx *c, hs_slice *s, double avail, int force)
{
    hs_rowlay *rl = s->row;
    if (rl == NULL)
        return 0;
    const hs_table *t = rl->t;
    double room = avail - t->pad[0] - t->pad[2];
    hs_slice **rest = HS_NEW_N(c->a, (size_t)rl->ncells + 1, hs_slice *);
    double *used = HS_NEW_N(c->a, (size_t)rl->ncells + 1, double);
    int any = 0, more = 0;
    for (int i = 0; i < rl->ncells; i++) {
        int took;
        used[i] = take(c, rl->cells[i].content, room, force, &rest[i], &took);
        if (!took)
            rest[i] = rl->cells[i].content;
        any |= took;
        more |= rest[i] != NULL;
    }
    if (!any && !force)
        return 0; /* nothing was cut */
    hs_rowlay *tail = HS_NEW(c->a, hs_rowlay);
    *tail = *rl;
    tail->cells = HS_NEW_N(c->a, (size_t)rl->ncells + 1, hs_cellay);
    for (int i = 0; i < rl->ncells; i++) {
        hs_cellay *cl = &rl->cells[i], *tc = &tail->cells[i];
        *tc = *cl;
        tc->content = rest[i];
        tc->content_h = hs_layout_height(rest[i]);
        if (rest[i] == cl->content)
            cl->content = NULL;
        cl->content_h = used[i];
    }
    rl->cut = more; /* a row that fits whole keeps its vertical alignment */
    s->h = row_height(rl);
    if (!more)
        return 1;
    tail->cut = 1;
    hs_slice *ts = hs_layout_slice(c, row_height(tail), NULL);
    ts->row = tail;
    ts->table = s->table;
    ts->next = s->next;
    s->next = ts;
    return 1;
}
