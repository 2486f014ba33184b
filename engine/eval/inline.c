/* engine/eval/inline.c — text and inline elements into runs.
 *
 * Whitespace in templates and records is XML formatting, not content: runs of
 * spaces, tabs and newlines become one space, and a paragraph starts and ends
 * without one (U+00A0 is content and stays). Every run is NFC. Text that came
 * from the record keeps the record node's line and path, so a character no
 * font has is reported where the user can fix it. */
#include "eval/eval_int.h"

#include "text/text.h"

#include <string.h>

static const char *const inline_tags[] = {
    "b", "strong", "i", "em", "u", "span", "br", "page-number", "page-count", "checkbox", "a"};

int
hs_ev_is_inline(const xmlNode *n)
{
    for (size_t i = 0; i < sizeof inline_tags / sizeof inline_tags[0]; i++)
        if (hs_xml_is(n, inline_tags[i]))
            return 1;
    return 0;
}

static void
open_para(hs_ev *ev, hs_sink *s, hs_loc loc)
{
    if (s->para != NULL)
        return;
    hs_block *b = hs_ev_block_at(ev, HS_BLOCK_PARA, loc, &s->para_props);
    s->para = b;
    s->para_implicit = 1;
    s->rtail = &b->runs;
    s->last_text = NULL;
    s->last_space = 1;
    s->visible = 0;
}

static hs_run *
add_run(hs_ev *ev, hs_sink *s, hs_run_kind k, const hs_style *st, hs_loc loc)
{
    open_para(ev, s, loc);
    hs_run *r = HS_NEW(ev->a, hs_run);
    r->kind = k;
    r->style = *st;
    r->loc = loc;
    *s->rtail = r;
    s->rtail = &r->next;
    s->visible = 1;
    return r;
}

static int
is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
hs_ev_text(hs_ev *ev, hs_sink *s, const char *text, size_t n, const hs_style *st, hs_loc loc,
           const char *field)
{
    char *out = hs_arena_alloc(ev->a, n + 1);
    size_t len = 0;
    int space = s->para == NULL ? 1 : s->last_space;
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_xml_space(text[i])) {
            if (!space)
                out[len++] = ' ';
            space = 1;
        } else {
            out[len++] = text[i];
            space = 0;
            seen = 1;
        }
    }
    if (len == 0)
        return 0;
    const char *norm;
    size_t norm_len;
    if (hs_text_nfc(ev->a, out, len, &norm, &norm_len, ev->r, loc) != 0)
        return -1;
    int was_visible = s->para != NULL && s->visible;
    hs_run *r = add_run(ev, s, HS_RUN_TEXT, st, loc);
    s->visible = was_visible || seen;
    r->text = norm;
    r->len = norm_len;
    r->field = field;
    s->last_text = r;
    s->last_space = space;
    return 0;
}

/* Literal text and {expr} parts become separate runs: each keeps its origin. */
int
hs_ev_text_node(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    const char *text = hs_xml_str(n->content);
    hs_loc here = hs_loc_from_xml(n);
    hs_buf lit;
    hs_buf_init(&lit, ev->a);
    for (const char *c = text; *c;) {
        if ((c[0] == '{' && c[1] == '{') || (c[0] == '}' && c[1] == '}')) {
            hs_buf_addc(&lit, c[0]);
            c += 2;
            continue;
        }
        if (c[0] == '}')
            return hs_ev_error(ev, n, "template", "a lone '}' in text (write '}}' for a brace)");
        if (c[0] != '{') {
            hs_buf_addc(&lit, *c++);
            continue;
        }
        const char *end = hs_ev_expr_end(c + 1);
        if (end == NULL)
            return hs_ev_error(ev, n, "template", "'{' without its '}' in text");
        if (lit.len > 0 && hs_ev_text(ev, s, lit.data, lit.len, &p->style, here, NULL) != 0)
            return -1;
        lit.len = 0;
        const char *expr = hs_arena_strndup(ev->a, c + 1, (size_t)(end - c - 1));
        xmlXPathObjectPtr o = hs_ev_xpath(ev, expr, n);
        if (o == NULL)
            return -1;
        const xmlNode *src;
        const char *value = hs_ev_string(ev, o, &src);
        xmlXPathFreeObject(o);
        hs_loc loc = src ? hs_loc_from_xml(src) : here;
        const char *field = src ? hs_eval_node_path(ev->a, src) : NULL;
        if (hs_ev_text(ev, s, value, strlen(value), &p->style, loc, field) != 0)
            return -1;
        c = end + 1;
    }
    if (lit.len > 0)
        return hs_ev_text(ev, s, lit.data, lit.len, &p->style, here, NULL);
    return 0;
}

int
hs_ev_inline_element(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_loc loc = hs_loc_from_xml(n);
    if (hs_xml_is(n, "br")) {
        add_run(ev, s, HS_RUN_BREAK, &p.style, loc);
        s->last_space = 1;
        return 0;
    }
    if (hs_xml_is(n, "page-number") || hs_xml_is(n, "page-count")) {
        add_run(ev, s, hs_xml_is(n, "page-number") ? HS_RUN_PAGE : HS_RUN_PAGES, &p.style,
                loc);
        s->last_space = 0;
        return 0;
    }
    if (hs_xml_is(n, "checkbox")) {
        const char *checked = hs_xml_attr(n, "checked");
        int on = 0;
        if (checked != NULL && hs_ev_bool(ev, checked, n, &on) != 0)
            return -1;
        hs_run *r = add_run(ev, s, HS_RUN_CHECKBOX, &p.style, loc);
        r->checked = on;
        s->last_space = 0;
        return 0;
    }
    if (hs_xml_is(n, "b") || hs_xml_is(n, "strong"))
        p.style.bold = 1;
    else if (hs_xml_is(n, "i") || hs_xml_is(n, "em"))
        p.style.italic = 1;
    else if (hs_xml_is(n, "u"))
        p.style.underline = 1;
    else if (hs_xml_is(n, "a") && hs_ev_link(ev, n, &p.style) != 0)
        return -1;
    /* A loose <b> among blocks starts a paragraph; what it holds is inline. */
    hs_sink_mode saved = s->mode;
    s->mode = HS_SINK_INLINE;
    int rc = hs_ev_children(ev, n, s, &p);
    s->mode = saved;
    return rc;
}

int
hs_ev_flush(hs_ev *ev, hs_sink *s)
{
    (void)ev;
    if (s->para == NULL)
        return 0;
    hs_run *t = s->last_text;
    if (t != NULL && t->len > 0 && t->text[t->len - 1] == ' ')
        t->len--;
    if (s->para_implicit && s->visible) {
        *s->tail = s->para;
        s->tail = &s->para->next;
    }
    s->para = NULL;
    s->last_text = NULL;
    s->last_space = 1;
    s->visible = 0;
    return 0;
}
