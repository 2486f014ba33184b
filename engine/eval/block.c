/* engine/eval/block.c — block elements: paragraphs and headings, groups,
 * rules, space, page breaks, images and ruled lines; tables, rows, cells. */
#include "eval/eval_int.h"

#include <string.h>

static void
link_block(hs_sink *s, hs_block *b)
{
    *s->tail = b;
    s->tail = &b->next;
}

/* Props handed to the paragraphs inside a container: its text style and
 * alignment, none of its own spacing. */
static hs_props
inner_props(const hs_props *p)
{
    hs_props in = {0};
    in.style = p->style;
    in.align = p->align;
    in.valign = p->valign;
    in.background = HS_NO_COLOR;
    return in;
}

static int
paragraph(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_PARA, n, p);
    if (hs_ev_length(ev, n, HS_TA_RULE_BELOW, &b->rule_pt) != 0)
        return -1;
    hs_sink in = {0};
    in.mode = HS_SINK_INLINE;
    in.para = b;
    in.rtail = &b->runs;
    in.last_space = 1;
    int rc = hs_ev_children(ev, n, &in, p);
    hs_ev_flush(ev, &in);
    link_block(s, b);
    return rc;
}

static int
group(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_GROUP, n, p);
    hs_props in = inner_props(p);
    hs_sink sub;
    hs_ev_sink_blocks(&sub, &b->children, &in);
    int rc = hs_ev_children(ev, n, &sub, &in);
    if (rc == 0)
        rc = hs_ev_flush(ev, &sub);
    link_block(s, b);
    return rc;
}

static int
int_val(hs_ev *ev, const hs_tnode *n, hs_ta id, int *out)
{
    hs_tval v;
    int rc = hs_ev_val(ev, n, id, &v);
    if (rc == 1)
        *out = v.i;
    return rc < 0 ? -1 : 0;
}

static const char *
image_path(hs_ev *ev, const hs_tnode *n, const char *src)
{
    if (src[0] == '/')
        return src;
    /* A path written in a template is relative to that template's file; it
     * may come from the record, so it lives with the document. */
    return hs_tpl_resolve(ev->in->arena, n->loc.file, src);
}

static int table(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);
static int block_element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *parent);

int
hs_ev_block_element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *parent)
{
    hs_block **at = s->tail;
    if (block_element(ev, n, s, parent) != 0)
        return -1;
    hs_block *b = *at;
    while (b != NULL && b->next != NULL)
        b = b->next;
    return b != NULL ? hs_ev_marks(ev, n, b) : 0;
}

static int
block_element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_block *b;
    switch (n->kind) {
    case HS_TK_P:
    case HS_TK_H1:
    case HS_TK_H2:
    case HS_TK_H3:
        return paragraph(ev, n, s, &p);
    case HS_TK_DIV:
        return group(ev, n, s, &p);
    case HS_TK_SECTION:
        return hs_ev_section(ev, n, s, &p);
    case HS_TK_TABLE:
        return table(ev, n, s, &p);
    case HS_TK_QR:
        return hs_ev_qr(ev, n, s, &p);
    case HS_TK_HR:
        b = hs_ev_new_block(ev, HS_BLOCK_RULE, n, &p);
        b->rule_pt = 0.75;
        if (hs_ev_length(ev, n, HS_TA_THICKNESS, &b->rule_pt) != 0 ||
            hs_ev_length(ev, n, HS_TA_WIDTH, &b->width) != 0)
            return -1;
        break;
    case HS_TK_SPACE:
        b = hs_ev_new_block(ev, HS_BLOCK_SPACE, n, &p);
        b->height = p.style.size_pt;
        if (hs_ev_length(ev, n, HS_TA_HEIGHT, &b->height) != 0)
            return -1;
        break;
    case HS_TK_PAGE_BREAK:
        b = hs_ev_new_block(ev, HS_BLOCK_PAGE_BREAK, n, &p);
        break;
    case HS_TK_TOC:
        if (ev->in_band > 0)
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                               "<toc/> is a block of the body, not of a header or footer");
        hs_tval on;
        if (hs_ev_val(ev, ev->root, HS_TA_BOOKMARKS, &on) == 1 && !on.i)
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                               "<toc/> lists the bookmarks, and <document bookmarks=\"no\"> "
                               "makes none");
        b = hs_ev_new_block(ev, HS_BLOCK_TOC, n, &p);
        b->count = 3;
        if (int_val(ev, n, HS_TA_LEVELS, &b->count) != 0)
            return -1;
        break;
    case HS_TK_IMG: {
        b = hs_ev_new_block(ev, HS_BLOCK_IMAGE, n, &p);
        const char *src = hs_ev_text_attr(ev, n, HS_TA_SRC);
        if (ev->r->errors > ev->errors0)
            return -1;
        if (src == NULL || src[0] == '\0')
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "<img src=\"%s\"> names no file",
                               hs_tnode_attr(n, HS_TA_SRC) ? hs_tnode_attr(n, HS_TA_SRC)->raw : "");
        b->image_path = image_path(ev, n, src);
        if (hs_ev_length(ev, n, HS_TA_WIDTH, &b->width) != 0 ||
            hs_ev_length(ev, n, HS_TA_HEIGHT, &b->height) != 0)
            return -1;
        break;
    }
    case HS_TK_LINES:
        b = hs_ev_new_block(ev, HS_BLOCK_LINES, n, &p);
        b->count = 3;
        b->height = p.style.size_pt * 1.8;
        b->rule_pt = 0.5;
        if (int_val(ev, n, HS_TA_LINE_COUNT, &b->count) != 0 ||
            hs_ev_length(ev, n, HS_TA_SPACING, &b->height) != 0 ||
            hs_ev_length(ev, n, HS_TA_THICKNESS, &b->rule_pt) != 0)
            return -1;
        break;
    default:
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "<%s> is not a block element",
                           hs_telem_defs[n->kind].name);
    }
    link_block(s, b);
    return 0;
}

/* ---- tables ---- */

static int
table(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_TABLE, n, p);
    hs_table *t = HS_NEW(ev->a, hs_table);
    b->table = t;
    hs_tval v;
    if (hs_ev_val(ev, n, HS_TA_COLUMNS, &v) != 1)
        return -1;
    t->ncols = v.ncols;
    t->cols = v.cols;
    t->border_pt = 0;
    t->border_color = 0;
    t->pad[0] = t->pad[2] = 2;
    t->pad[1] = t->pad[3] = 4;
    if (hs_ev_length(ev, n, HS_TA_BORDER, &t->border_pt) != 0)
        return -1;
    int rc = hs_ev_val(ev, n, HS_TA_BORDER_COLOR, &v);
    if (rc == 1)
        t->border_color = v.color;
    if (rc >= 0 && (rc = hs_ev_val(ev, n, HS_TA_PADDING, &v)) == 1)
        memcpy(t->pad, v.box, sizeof t->pad);
    int header_rows = 0;
    if (rc < 0 || int_val(ev, n, HS_TA_HEADER_ROWS, &header_rows) != 0)
        return -1;
    hs_sink rows = {0};
    rows.mode = HS_SINK_ROWS;
    rows.table = t;
    rows.row_tail = &t->rows;
    hs_props in = inner_props(p);
    rc = hs_ev_children(ev, n, &rows, &in);
    int i = 0;
    for (hs_row *r = t->rows; r != NULL && i < header_rows; r = r->next, i++)
        r->header = 1;
    link_block(s, b);
    return rc;
}

int
hs_ev_row(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_row *r = HS_NEW(ev->a, hs_row);
    r->loc = n->loc;
    r->keep_with_next = p.keep_with_next;
    hs_tval v;
    int rc = hs_ev_val(ev, n, HS_TA_HEADER, &v);
    if (rc < 0)
        return -1;
    r->header = rc == 1 && v.i;
    hs_sink cells = {0};
    cells.mode = HS_SINK_CELLS;
    cells.table = s->table;
    cells.row = r;
    cells.cell_tail = &r->cells;
    hs_props in = inner_props(&p);
    if (hs_ev_children(ev, n, &cells, &in) != 0)
        return -1;
    int span = 0;
    for (hs_cell *c = r->cells; c != NULL; c = c->next) {
        span += c->colspan;
        if (c->background == HS_NO_COLOR)
            c->background = p.background;
    }
    if (span != s->table->ncols)
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "this row has %d cell%s but the table has %d column%s", span,
                           span == 1 ? "" : "s", s->table->ncols, s->table->ncols == 1 ? "" : "s");
    *s->row_tail = r;
    s->row_tail = &r->next;
    return 0;
}

int
hs_ev_cell(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_cell *c = HS_NEW(ev->a, hs_cell);
    c->loc = n->loc;
    c->colspan = 1;
    c->valign = p.valign;
    c->background = p.background;
    c->border_pt = -1;
    if (int_val(ev, n, HS_TA_COLSPAN, &c->colspan) != 0 ||
        hs_ev_length(ev, n, HS_TA_BORDER, &c->border_pt) != 0)
        return -1;
    hs_props in = inner_props(&p);
    hs_sink sub;
    hs_ev_sink_blocks(&sub, &c->blocks, &in);
    int rc = hs_ev_children(ev, n, &sub, &in);
    if (rc == 0)
        rc = hs_ev_flush(ev, &sub);
    *s->cell_tail = c;
    s->cell_tail = &c->next;
    return rc;
}
