/* engine/eval/block.c — block elements: paragraphs and headings, groups,
 * rules, space, page breaks, images and ruled lines. */
#include "eval/eval_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *const block_tags[] = {"p",  "h1",    "h2",         "h3",  "div",   "table",
                                         "hr", "space", "page-break", "img", "lines", "qr"};

int
hs_ev_is_block(const xmlNode *n)
{
    for (size_t i = 0; i < sizeof block_tags / sizeof block_tags[0]; i++)
        if (hs_xml_is(n, block_tags[i]))
            return 1;
    return 0;
}

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
    return in;
}

static int
paragraph(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_PARA, n, p);
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
group(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
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
int_attr(hs_ev *ev, const xmlNode *n, const char *name, int lo, int hi, int *out)
{
    const char *v = hs_ev_attr(ev, n, name);
    if (v == NULL)
        return 0;
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end != '\0' || x < lo || x > hi)
        return hs_ev_error(ev, n, "template", "<%s %s=\"%s\">: expected a whole number from %d to %d",
                           hs_xml_str(n->name), name, v, lo, hi);
    *out = (int)x;
    return 0;
}

static const char *
image_path(hs_ev *ev, const xmlNode *n, const char *src)
{
    if (src[0] == '/')
        return src;
    /* A path written in a template is relative to that template's file. */
    hs_loc here = hs_loc_from_xml(n);
    return hs_tpl_resolve(ev->in->tpls, here.file, src);
}

static int block_element(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *parent);

int
hs_ev_block_element(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *parent)
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
block_element(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    const char *tag = hs_xml_str(n->name);
    if (strcmp(tag, "p") == 0 || (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '3'))
        return paragraph(ev, n, s, &p);
    if (strcmp(tag, "div") == 0)
        return group(ev, n, s, &p);
    if (strcmp(tag, "table") == 0)
        return hs_ev_table(ev, n, s, &p);
    if (strcmp(tag, "qr") == 0)
        return hs_ev_qr(ev, n, s, &p);
    hs_block *b;
    if (strcmp(tag, "hr") == 0) {
        b = hs_ev_new_block(ev, HS_BLOCK_RULE, n, &p);
        b->rule_pt = 0.75;
        if (hs_ev_length_attr(ev, n, "thickness", &b->rule_pt) != 0 ||
            hs_ev_length_attr(ev, n, "width", &b->width) != 0)
            return -1;
    } else if (strcmp(tag, "space") == 0) {
        b = hs_ev_new_block(ev, HS_BLOCK_SPACE, n, &p);
        b->height = p.style.size_pt;
        if (hs_ev_length_attr(ev, n, "height", &b->height) != 0)
            return -1;
    } else if (strcmp(tag, "page-break") == 0) {
        b = hs_ev_new_block(ev, HS_BLOCK_PAGE_BREAK, n, &p);
    } else if (strcmp(tag, "img") == 0) {
        b = hs_ev_new_block(ev, HS_BLOCK_IMAGE, n, &p);
        const char *src = hs_ev_attr(ev, n, "src");
        if (src == NULL || src[0] == '\0')
            return hs_ev_error(ev, n, "template", "<img> needs a src attribute");
        b->image_path = image_path(ev, n, src);
        if (hs_ev_length_attr(ev, n, "width", &b->width) != 0 ||
            hs_ev_length_attr(ev, n, "height", &b->height) != 0)
            return -1;
    } else if (strcmp(tag, "lines") == 0) {
        b = hs_ev_new_block(ev, HS_BLOCK_LINES, n, &p);
        b->count = 3;
        b->height = p.style.size_pt * 1.8;
        b->rule_pt = 0.5;
        if (int_attr(ev, n, "count", 1, 200, &b->count) != 0 ||
            hs_ev_length_attr(ev, n, "spacing", &b->height) != 0 ||
            hs_ev_length_attr(ev, n, "thickness", &b->rule_pt) != 0)
            return -1;
    } else {
        return hs_ev_error(ev, n, "template", "<%s> is not a block element", tag);
    }
    link_block(s, b);
    return 0;
}

/* ---- tables ---- */

/* columns="12mm * 2* 35mm": fixed widths and shares of what is left. */
static int
parse_columns(hs_ev *ev, const xmlNode *n, const char *v, hs_table *t)
{
    int count = 0;
    hs_colspec cols[64];
    char word[32];
    size_t len;
    for (const char *c = v; (c = hs_ev_next_word(c, word, sizeof word, &len)) != NULL;) {
        if (len >= sizeof word || count == 64)
            return hs_ev_error(ev, n, "template", "columns=\"%s\": too long", v);
        hs_colspec col = {0, 0};
        if (word[len - 1] == '*') {
            char *end;
            col.weight = len == 1 ? 1 : strtod(word, &end);
            if (len > 1 && (end != word + len - 1 || col.weight <= 0 || col.weight > 1000))
                return hs_ev_error(ev, n, "template", "columns: \"%s\" is not a share like 2*",
                                   word);
        } else if (hs_doc_length(word, &col.fixed_pt) != 0 || col.fixed_pt <= 0) {
            return hs_ev_error(ev, n, "template",
                               "columns: \"%s\" is neither a length (20mm) nor a share (*, 2*)",
                               word);
        }
        cols[count++] = col;
    }
    if (count == 0)
        return hs_ev_error(ev, n, "template", "<table> needs columns, e.g. columns=\"12mm * 30mm\"");
    t->ncols = count;
    t->cols = HS_NEW_N(ev->a, (size_t)count, hs_colspec);
    memcpy(t->cols, cols, sizeof cols[0] * (size_t)count);
    return 0;
}

int
hs_ev_table(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_TABLE, n, p);
    hs_table *t = HS_NEW(ev->a, hs_table);
    b->table = t;
    const char *cols = hs_ev_attr(ev, n, "columns");
    if (parse_columns(ev, n, cols ? cols : "", t) != 0)
        return -1;
    t->border_pt = 0;
    t->border_color = 0;
    t->pad[0] = t->pad[2] = 2;
    t->pad[1] = t->pad[3] = 4;
    const char *v;
    if (hs_ev_length_attr(ev, n, "border", &t->border_pt) != 0)
        return -1;
    if ((v = hs_ev_attr(ev, n, "border-color")) != NULL && hs_doc_color(v, &t->border_color))
        return hs_ev_error(ev, n, "template", "border-color=\"%s\" is not a colour", v);
    if (hs_ev_box_attr(ev, n, "padding", t->pad) != 0)
        return -1;
    int header_rows = 0;
    if (int_attr(ev, n, "header-rows", 0, 20, &header_rows) != 0)
        return -1;
    hs_sink rows = {0};
    rows.mode = HS_SINK_ROWS;
    rows.table = t;
    rows.row_tail = &t->rows;
    hs_props in = inner_props(p);
    int rc = hs_ev_children(ev, n, &rows, &in);
    int i = 0;
    for (hs_row *r = t->rows; r != NULL && i < header_rows; r = r->next, i++)
        r->header = 1;
    link_block(s, b);
    return rc;
}

int
hs_ev_row(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_row *r = HS_NEW(ev->a, hs_row);
    r->loc = hs_loc_from_xml(n);
    r->keep_with_next = p.keep_with_next;
    const char *h = hs_ev_attr(ev, n, "header");
    r->header = h != NULL && strcmp(h, "yes") == 0;
    hs_sink cells = {0};
    cells.mode = HS_SINK_CELLS;
    cells.table = s->table;
    cells.row = r;
    cells.cell_tail = &r->cells;
    hs_props in = inner_props(&p);
    if (hs_ev_children(ev, n, &cells, &in) != 0)
        return -1;
    uint32_t bg = HS_NO_COLOR;
    const char *v = hs_ev_attr(ev, n, "background");
    if (v != NULL && hs_doc_color(v, &bg) != 0)
        return hs_ev_error(ev, n, "template", "background=\"%s\" is not a colour", v);
    int span = 0;
    for (hs_cell *c = r->cells; c != NULL; c = c->next) {
        span += c->colspan;
        if (c->background == HS_NO_COLOR)
            c->background = bg;
    }
    if (span != s->table->ncols)
        return hs_ev_error(ev, n, "template", "this row has %d cell%s but the table has %d column%s",
                           span, span == 1 ? "" : "s", s->table->ncols,
                           s->table->ncols == 1 ? "" : "s");
    *s->row_tail = r;
    s->row_tail = &r->next;
    return 0;
}

int
hs_ev_cell(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_cell *c = HS_NEW(ev->a, hs_cell);
    c->loc = hs_loc_from_xml(n);
    c->colspan = 1;
    c->valign = p.valign;
    c->background = HS_NO_COLOR;
    c->border_pt = -1;
    const char *v;
    if (int_attr(ev, n, "colspan", 1, 64, &c->colspan) != 0 ||
        hs_ev_length_attr(ev, n, "border", &c->border_pt) != 0)
        return -1;
    if ((v = hs_ev_attr(ev, n, "background")) != NULL && hs_doc_color(v, &c->background))
        return hs_ev_error(ev, n, "template", "background=\"%s\" is not a colour", v);
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
