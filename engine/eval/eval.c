/* engine/eval/eval.c — the <document> element: page, margins, base style,
 * metadata, named styles, headers and footers, and the file name pattern. */
#include "eval/eval_int.h"

#include "vn/vn.h"

#include <string.h>

static int
band(hs_ev *ev, xmlNode *n, hs_band **list)
{
    hs_band *b = HS_NEW(ev->a, hs_band);
    const char *on = hs_ev_attr(ev, n, "on");
    if (on == NULL || strcmp(on, "all") == 0)
        b->on = HS_ON_ALL;
    else if (strcmp(on, "first") == 0)
        b->on = HS_ON_FIRST;
    else if (strcmp(on, "not-first") == 0)
        b->on = HS_ON_NOT_FIRST;
    else
        return hs_ev_error(ev, n, "template", "on=\"%s\": expected all, first or not-first",
                           on);
    b->offset_pt = 10 * 72 / 25.4;
    if (hs_ev_length_attr(ev, n, "offset", &b->offset_pt) != 0)
        return -1;
    hs_props p;
    if (hs_ev_props_for(ev, n, &ev->doc_props, &p) != 0)
        return -1;
    hs_props in = {0};
    in.style = p.style;
    in.align = p.align;
    hs_sink s;
    hs_ev_sink_blocks(&s, &b->blocks, &in);
    if (hs_ev_children(ev, n, &s, &in) != 0 || hs_ev_flush(ev, &s) != 0)
        return -1;
    hs_band **tail = list;
    while (*tail != NULL)
        tail = &(*tail)->next;
    *tail = b;
    return 0;
}

static int
add_style(hs_ev *ev, xmlNode *n)
{
    const char *name = hs_xml_attr(n, "name");
    if (name == NULL || name[0] == '\0')
        return hs_ev_error(ev, n, "template", "<style> needs a name attribute");
    hs_named_style *s = HS_NEW(ev->a, hs_named_style);
    s->name = name;
    s->node = n;
    s->next = ev->styles;
    ev->styles = s;
    return 0;
}

static int
collect_styles(hs_ev *ev, xmlNode *root)
{
    for (xmlNode *n = root->children; n != NULL; n = n->next)
        if (hs_xml_is(n, "style") && add_style(ev, n) != 0)
            return -1;
    return 0;
}

int
hs_ev_top_level(hs_ev *ev, xmlNode *n, int *rc)
{
    if (hs_xml_is(n, "style")) {
        /* The document's own styles are collected before the walk; a part's
         * count from where it is included. */
        *rc = n->parent == ev->root ? 0 : add_style(ev, n);
        return 1;
    }
    if (hs_xml_is(n, "name")) {
        xmlChar *content = xmlNodeGetContent(n);
        const char *name = hs_ev_interp(ev, content ? hs_xml_str(content) : "", n);
        xmlFree(content);
        *rc = name == NULL ? -1 : 0;
        ev->doc->file_name = name;
        return 1;
    }
    if (hs_xml_is(n, "header") || hs_xml_is(n, "footer")) {
        ev->in_band++; /* marks.c: no id or bookmark there */
        *rc = band(ev, n, hs_xml_is(n, "header") ? &ev->doc->headers : &ev->doc->footers);
        ev->in_band--;
        return 1;
    }
    return 0;
}



static int
page_setup(hs_ev *ev, xmlNode *root, hs_doc *d)
{
    const char *v = hs_ev_attr(ev, root, "page");
    if (hs_doc_page_size(v ? v : "A4", &d->page_w, &d->page_h) != 0)
        return hs_ev_error(ev, root, "template",
                           "page=\"%s\": expected A3, A4, A5, Letter, Legal or \"210mm 297mm\"",
                           v);
    v = hs_ev_attr(ev, root, "orientation");
    if (v != NULL && strcmp(v, "landscape") == 0) {
        double t = d->page_w;
        d->page_w = d->page_h;
        d->page_h = t;
    } else if (v != NULL && strcmp(v, "portrait") != 0) {
        return hs_ev_error(ev, root, "template",
                           "orientation=\"%s\": expected portrait or landscape", v);
    }
    const double mm = 72 / 25.4;
    d->margin[0] = d->margin[2] = 20 * mm;
    d->margin[1] = 15 * mm;
    d->margin[3] = 30 * mm;
    if (hs_ev_box_attr(ev, root, "margin", d->margin) != 0)
        return -1;
    if (d->margin[1] + d->margin[3] > d->page_w - 72 || d->margin[0] + d->margin[2] > d->page_h - 72)
        return hs_ev_error(ev, root, "template", "the margins leave less than an inch of page");
    return 0;
}

static int
metadata(hs_ev *ev, xmlNode *root, hs_doc *d)
{
    d->title = hs_ev_attr(ev, root, "title");
    d->author = hs_ev_attr(ev, root, "author");
    d->subject = hs_ev_attr(ev, root, "subject");
    d->keywords = hs_ev_attr(ev, root, "keywords");
    d->date_epoch = ev->in->source_date_epoch;
    const char *date = hs_ev_attr(ev, root, "date");
    if (ev->r->errors > 0)
        return -1;
    if (date != NULL && date[0] != '\0') {
        hs_vn_date dt;
        if (hs_vn_date_parse(date, strlen(date), &dt) != HS_VN_OK)
            return hs_ev_error(ev, root, "template", "date=\"%s\" is not a date (YYYY-MM-DD)",
                               date);
        if (ev->in->source_date_epoch < 0)
            d->date_epoch = hs_vn_date_epoch(dt);
    }
    return 0;
}

int
hs_eval_document(const hs_eval_in *in, hs_doc **out)
{
    hs_ev *ev = HS_NEW(in->arena, hs_ev);
    hs_ev_init(ev, in);
    xmlDocPtr tpl = hs_tpl_load(in->tpls, in->template_path, in->report);
    if (tpl == NULL)
        return -1;
    xmlNode *root = xmlDocGetRootElement(tpl);
    if (!hs_xml_is(root, "document"))
        return hs_ev_error(ev, root, "template", "a template must have <document> as root");
    hs_doc *d = HS_NEW(in->arena, hs_doc);
    d->loc = hs_loc_from_xml(root);
    ev->doc = d;
    ev->root = root;
    ev->includes[ev->depth++] = in->template_path;
    hs_props *p = &ev->doc_props;
    p->style.family = "serif";
    p->style.size_pt = 13;
    p->style.line_height = 1.2;
    p->style.color = 0;
    if (collect_styles(ev, root) != 0 || page_setup(ev, root, d) != 0 ||
        hs_ev_apply_props(ev, root, p) != 0 || metadata(ev, root, d) != 0)
        return -1;
    hs_props body = {0};
    body.style = p->style;
    body.align = p->align;
    hs_sink s;
    hs_ev_sink_blocks(&s, &d->body, &body);
    ev->top = &s;
    if (hs_ev_children(ev, root, &s, &body) != 0 || hs_ev_flush(ev, &s) != 0 ||
        hs_ev_check_links(ev) != 0 || ev->r->errors > 0)
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
