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
    /* Only a text run that ends the paragraph loses its trailing space: in
     * "trang <page-number/>" the space is between two runs and stays. */
    s->last_text = NULL;
    return r;
}

static int
is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A run's field, from its record node, when a message needs it. */
static const char *
field_of(hs_arena *a, const void *src)
{
    return hs_eval_node_path(a, src);
}

int
hs_ev_text(hs_ev *ev, hs_sink *s, const char *text, size_t n, const hs_style *st, hs_loc loc,
           const xmlNode *src)
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
    r->src = src;
    r->field_of = src != NULL ? field_of : NULL;
    s->last_text = r;
    s->last_space = space;
    return 0;
}

/* Literal text and {expr} parts become separate runs: each keeps its origin. */
int
hs_ev_text_node(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    const hs_tinterp *in = n->text;
    for (int i = 0; i < in->n; i++) {
        const hs_tpiece *pc = &in->p[i];
        if (pc->x == NULL) {
            if (hs_ev_text(ev, s, pc->lit, pc->len, &p->style, n->loc, NULL) != 0)
                return -1;
            continue;
        }
        const xmlNode *src;
        const char *value = hs_ev_piece(ev, pc, &src);
        if (value == NULL)
            return -1;
        /* "1.234" from XPath reads as one thousand two hundred thirty-four in
         * Vietnamese, where '.' separates thousands */
        if (ev->fraction)
            return hs_error(ev->r, pc->x->loc, HS_CODE_NUMBER,
                            "{%s} gives %s, a fraction XPath writes with '.', which a Vietnamese "
                            "reader takes for a thousands separator: use percent(), num(round(…)) "
                            "or translate(string(…), '.', ',')",
                            pc->x->text, value);
        hs_loc loc = src ? hs_loc_from_xml(src) : n->loc;
        /* a paragraph this text starts (a cell's) is the template's, at its
         * line; the run keeps the record's */
        open_para(ev, s, n->loc);
        if (hs_ev_text(ev, s, value, strlen(value), &p->style, loc, src) != 0)
            return -1;
    }
    return 0;
}

int
hs_ev_inline_element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *parent)
{
    hs_props p;
    if (hs_ev_props_for(ev, n, parent, &p) != 0)
        return -1;
    hs_loc loc = n->loc;
    switch (n->kind) {
    case HS_TK_BR:
        add_run(ev, s, HS_RUN_BREAK, &p.style, loc);
        s->last_space = 1;
        return 0;
    case HS_TK_PAGE_NUMBER:
    case HS_TK_PAGE_COUNT:
        add_run(ev, s, n->kind == HS_TK_PAGE_NUMBER ? HS_RUN_PAGE : HS_RUN_PAGES, &p.style, loc);
        s->last_space = 0;
        return 0;
    case HS_TK_CHECKBOX: {
        int on = 0;
        if (hs_tnode_attr(n, HS_TA_CHECKED) != NULL &&
            hs_ev_bool(ev, hs_tnode_attr(n, HS_TA_CHECKED)->x, &on) != 0)
            return -1;
        hs_run *r = add_run(ev, s, HS_RUN_CHECKBOX, &p.style, loc);
        r->checked = on;
        s->last_space = 0;
        return 0;
    }
    case HS_TK_B:
    case HS_TK_STRONG:
        p.style.bold = 1;
        break;
    case HS_TK_I:
    case HS_TK_EM:
        p.style.italic = 1;
        break;
    case HS_TK_U:
        p.style.underline = 1;
        break;
    case HS_TK_A:
        if (hs_ev_link(ev, n, &p.style) != 0)
            return -1;
        break;
    default:
        break;
    }
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
