/* engine/eval/eval.c — the <document> element: page, margins, base style,
 * metadata, named styles, headers and footers, and the file name pattern. */
#include "eval/eval_int.h"

#include "vn/vn.h"

#include <string.h>

/* What the blocks inside the body, a band or a section inherit from it:
 * its text style and alignment, none of its own spacing. */
static hs_props
blocks_props(const hs_props *p)
{
    hs_props in = {0};
    in.style = p->style;
    in.align = p->align;
    in.background = HS_NO_COLOR;
    return in;
}

/* on="…" of a band or watermark: -1 after reporting. */
static int
pages_on(hs_ev *ev, const hs_tnode *n, hs_pages_sel *on)
{
    hs_tval v;
    int rc = hs_ev_val(ev, n, HS_TA_ON, &v);
    *on = rc != 1 ? HS_ON_ALL : v.i == 1 ? HS_ON_FIRST : v.i == 2 ? HS_ON_NOT_FIRST : HS_ON_ALL;
    return rc < 0 ? -1 : 0;
}

/* The content of a band or watermark n as blocks, styled from base. */
static int
band_blocks(hs_ev *ev, const hs_tnode *n, const hs_props *base, hs_block **blocks)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, base, &p) != 0)
        return -1;
    hs_props in = blocks_props(&p);
    hs_sink s;
    hs_ev_sink_blocks(&s, blocks, &in);
    return hs_ev_children(ev, n, &s, &in) != 0 || hs_ev_flush(ev, &s) != 0 ? -1 : 0;
}

static int
band(hs_ev *ev, const hs_tnode *n, hs_band **list)
{
    hs_band *b = HS_NEW(ev->a, hs_band);
    if (pages_on(ev, n, &b->on) != 0)
        return -1;
    b->offset_pt = 10 * 72 / 25.4;
    if (hs_ev_length(ev, n, HS_TA_OFFSET, &b->offset_pt) != 0 ||
        band_blocks(ev, n, &ev->doc_props, &b->blocks) != 0)
        return -1;
    hs_band **tail = list;
    while (*tail != NULL)
        tail = &(*tail)->next;
    *tail = b;
    return 0;
}

/* <watermark>: made only when its if holds; its blocks default to a large
 * light grey centred text, so that the page's content stays readable. */
static int
watermark(hs_ev *ev, const hs_tnode *n)
{
    int made = 1;
    if (hs_tnode_attr(n, HS_TA_IF) != NULL &&
        hs_ev_bool(ev, hs_tnode_attr(n, HS_TA_IF)->x, &made) != 0)
        return -1;
    if (!made)
        return 0;
    hs_watermark *w = HS_NEW(ev->a, hs_watermark);
    w->loc = n->loc;
    if (pages_on(ev, n, &w->on) != 0)
        return -1;
    hs_tval v;
    int rc = hs_ev_val(ev, n, HS_TA_ANGLE, &v);
    if (rc < 0)
        return -1;
    w->angle = rc == 1 ? v.num : 45;
    rc = hs_ev_val(ev, n, HS_TA_EXTRACTABLE, &v);
    if (rc < 0)
        return -1;
    w->extractable = rc == 0 || v.i;
    rc = hs_ev_val(ev, n, HS_TA_OPACITY, &v);
    if (rc < 0)
        return -1;
    w->opacity = rc == 1 ? v.num / 100 : 1;
    hs_props base = ev->doc_props;
    base.style.size_pt = 80;
    base.style.color = 0xD9D9D9;
    base.align = HS_ALIGN_CENTER;
    if (band_blocks(ev, n, &base, &w->blocks) != 0)
        return -1;
    hs_watermark **tail = &ev->doc->watermarks;
    while (*tail != NULL)
        tail = &(*tail)->next;
    *tail = w;
    return 0;
}

static void
add_style(hs_ev *ev, const hs_tnode *n)
{
    hs_named_style *s = HS_NEW(ev->a, hs_named_style);
    s->name = hs_tnode_attr(n, HS_TA_NAME)->raw;
    s->node = n;
    s->next = ev->styles;
    ev->styles = s;
}

int
hs_ev_top_level(hs_ev *ev, const hs_tnode *n, int *rc)
{
    switch (n->kind) {
    case HS_TK_STYLE:
        /* The document's own styles are collected before the walk; a part's
         * count from where it is included. */
        if (n->parent != ev->root)
            add_style(ev, n);
        *rc = 0;
        return 1;
    case HS_TK_NAME: {
        const char *name = hs_ev_file_name(ev, n);
        *rc = name == NULL ? -1 : 0;
        ev->doc->file_name = name;
        return 1;
    }
    case HS_TK_HEADER:
    case HS_TK_FOOTER: {
        hs_doc *into = ev->section != NULL ? ev->section : ev->doc;
        ev->in_band++; /* marks.c: no id or bookmark there */
        *rc = band(ev, n, n->kind == HS_TK_HEADER ? &into->headers : &into->footers);
        ev->in_band--;
        return 1;
    }
    case HS_TK_WATERMARK:
        ev->in_band++; /* on many pages: no id or bookmark there either */
        *rc = watermark(ev, n);
        ev->in_band--;
        return 1;
    default:
        return 0;
    }
}

/* margin="…" of n into d, and a check that they leave room on the page. */
static int
margins(hs_ev *ev, const hs_tnode *n, hs_doc *d)
{
    hs_tval v;
    int rc = hs_ev_val(ev, n, HS_TA_MARGIN, &v);
    if (rc < 0)
        return -1;
    if (rc == 1)
        memcpy(d->margin, v.box, sizeof d->margin);
    if (d->margin[1] + d->margin[3] > d->page_w - 72 ||
        d->margin[0] + d->margin[2] > d->page_h - 72)
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "the margins leave less than an inch of page");
    return 0;
}

/* page, orientation and margin of the <document> or a <section> n, over
 * what d holds (the defaults, or the document's): a page size is taken as
 * given, and an orientation turns it when it is not that way already. */
static int
page_attrs(hs_ev *ev, const hs_tnode *n, hs_doc *d)
{
    hs_tval v;
    int rc = hs_ev_val(ev, n, HS_TA_PAGE, &v);
    if (rc < 0)
        return -1;
    if (rc == 1) {
        d->page_w = v.page_w;
        d->page_h = v.page_h;
    }
    rc = hs_ev_val(ev, n, HS_TA_ORIENTATION, &v);
    if (rc < 0)
        return -1;
    if (rc == 1 && (d->page_w > d->page_h) != (v.i == 1)) {
        double t = d->page_w;
        d->page_w = d->page_h;
        d->page_h = t;
    }
    return margins(ev, n, d);
}

static int
page_setup(hs_ev *ev, const hs_tnode *root, hs_doc *d)
{
    if (hs_doc_page_size("A4", &d->page_w, &d->page_h) != 0)
        return -1;
    const double mm = 72 / 25.4;
    d->margin[0] = d->margin[2] = 20 * mm;
    d->margin[1] = 15 * mm;
    d->margin[3] = 30 * mm;
    return page_attrs(ev, root, d);
}

int
hs_ev_section(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    if (s != ev->top)
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "<section> starts pages of its own: it belongs in the body, not in "
                           "another block or section");
    hs_doc *sd = HS_NEW(ev->a, hs_doc);
    sd->loc = n->loc;
    sd->page_w = ev->doc->page_w;
    sd->page_h = ev->doc->page_h;
    memcpy(sd->margin, ev->doc->margin, sizeof sd->margin);
    if (page_attrs(ev, n, sd) != 0)
        return -1;
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_SECTION, n, p);
    b->section = sd;
    hs_props in = blocks_props(p);
    hs_sink sub;
    hs_ev_sink_blocks(&sub, &b->children, &in);
    ev->section = sd; /* its <header> and <footer> go to it */
    ev->section_sink = &sub;
    int rc = hs_ev_children(ev, n, &sub, &in);
    if (rc == 0)
        rc = hs_ev_flush(ev, &sub);
    ev->section = NULL;
    ev->section_sink = NULL;
    *s->tail = b;
    s->tail = &b->next;
    return rc;
}

static int
metadata(hs_ev *ev, const hs_tnode *root, hs_doc *d)
{
    d->title = hs_ev_text_attr(ev, root, HS_TA_TITLE);
    d->author = hs_ev_text_attr(ev, root, HS_TA_AUTHOR);
    d->subject = hs_ev_text_attr(ev, root, HS_TA_SUBJECT);
    d->keywords = hs_ev_text_attr(ev, root, HS_TA_KEYWORDS);
    d->date_epoch = ev->in->source_date_epoch;
    const char *date = hs_ev_text_attr(ev, root, HS_TA_DATE);
    if (ev->r->errors > ev->errors0)
        return -1;
    if (date != NULL && date[0] != '\0') {
        /* its type (tpl/values.c) has checked it is a date */
        hs_vn_date dt;
        hs_assert(hs_vn_date_parse(date, strlen(date), &dt) == HS_VN_OK);
        if (ev->in->source_date_epoch < 0)
            d->date_epoch = hs_vn_date_epoch(dt);
    }
    return 0;
}

hs_ev *
hs_ev_begin(const hs_eval_in *in)
{
    hs_ev *ev = HS_NEW(in->arena, hs_ev);
    hs_ev_init(ev, in);
    const hs_tpl *tpl = hs_tpl_load(in->tpls, in->template_path, in->report);
    if (tpl == NULL)
        return NULL;
    const hs_tnode *root = tpl->root;
    if (root->kind != HS_TK_DOCUMENT) {
        hs_ev_error(ev, root, HS_CODE_TEMPLATE,
                    "a template has <document> as its root (a part: <part>), not <%s>",
                    hs_telem_defs[root->kind].name);
        return NULL;
    }
    if (in->strict && hs_tpl_check_strict(in->tpls, tpl, in->report) != 0)
        return NULL;
    hs_ev_register_ns(ev, tpl);
    hs_doc *d = HS_NEW(in->arena, hs_doc);
    d->loc = root->loc;
    ev->doc = d;
    ev->root = root;
    return ev;
}

int
hs_eval_document(const hs_eval_in *in, hs_doc **out)
{
    hs_ev *ev = hs_ev_begin(in);
    if (ev == NULL)
        return -1;
    const hs_tnode *root = ev->root;
    hs_doc *d = ev->doc;
    hs_props *p = &ev->doc_props;
    p->style.family = "serif";
    p->style.size_pt = 13;
    p->style.line_height = 1.2;
    p->style.color = 0;
    p->background = HS_NO_COLOR;
    for (const hs_tnode *n = root->first; n != NULL; n = n->next)
        if (n->kind == HS_TK_STYLE)
            add_style(ev, n);
    if (page_setup(ev, root, d) != 0 || hs_ev_apply_props(ev, root, p) != 0 ||
        metadata(ev, root, d) != 0)
        return -1;
    hs_props body = blocks_props(p);
    hs_sink s;
    hs_ev_sink_blocks(&s, &d->body, &body);
    ev->top = &s;
    if (hs_ev_children(ev, root, &s, &body) != 0 || hs_ev_flush(ev, &s) != 0 ||
        hs_ev_check_links(ev) != 0 || ev->r->errors > ev->errors0)
        return -1;
    *out = d;
    return 0;
}

const char *
hs_eval_node_path(hs_arena *a, const xmlNode *n)
{
    if (n == NULL)
        return NULL;
    const char *attr = NULL;
    if (n->type == XML_ATTRIBUTE_NODE) {
        attr = hs_xml_str(n->name);
        n = n->parent;
    } else if (n->type != XML_ELEMENT_NODE) {
        n = n->parent;
    }
    const char *parts[64];
    int k = 0;
    for (const xmlNode *e = n; e != NULL && e->type == XML_ELEMENT_NODE && e->parent != NULL &&
                               e->parent->type == XML_ELEMENT_NODE && k < 64;
         e = e->parent) {
        int index = 0, same = 0;
        for (const xmlNode *x = e->parent->children; x != NULL; x = x->next) {
            if (x->type != XML_ELEMENT_NODE || !xmlStrEqual(x->name, e->name))
                continue;
            same++;
            if (x == e)
                index = same;
        }
        parts[k++] = same > 1 ? hs_arena_printf(a, "%s[%d]", hs_xml_str(e->name), index)
                              : hs_xml_str(e->name);
    }
    hs_buf b;
    hs_buf_init(&b, a);
    for (int i = k - 1; i >= 0; i--) {
        hs_buf_adds(&b, parts[i]);
        if (i > 0)
            hs_buf_addc(&b, '/');
    }
    if (attr != NULL)
        hs_buf_printf(&b, "%s@%s", k > 0 ? "/" : "", attr);
    if (b.len == 0 && n != NULL)
        hs_buf_adds(&b, hs_xml_str(n->name));
    return hs_buf_cstr(&b);
}
