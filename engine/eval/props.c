/* engine/eval/props.c — style and block attributes of template elements.
 *
 * An element's props are, in order: what it inherits (text style, alignment),
 * the few defaults of its kind (headings are bold and stay with what
 * follows), the <style> named after its tag, the styles of its class
 * attribute, and its own attributes. The values were parsed when the
 * template was loaded; one holding {…} is parsed here, once evaluated. */
#include "eval/eval_int.h"

#include <string.h>

int
hs_ev_length(hs_ev *ev, const hs_tnode *n, hs_ta id, double *pt)
{
    hs_tval v;
    int rc = hs_ev_val(ev, n, id, &v);
    if (rc == 1)
        *pt = v.num;
    return rc < 0 ? -1 : 0;
}

static const hs_ta style_attrs[] = {
    HS_TA_FONT,         HS_TA_SIZE,         HS_TA_BOLD,           HS_TA_ITALIC,
    HS_TA_UNDERLINE,    HS_TA_COLOR,        HS_TA_LINE_HEIGHT,    HS_TA_ALIGN,
    HS_TA_VALIGN,       HS_TA_SPACE_BEFORE, HS_TA_SPACE_AFTER,    HS_TA_INDENT,
    HS_TA_INDENT_RIGHT, HS_TA_FIRST_INDENT, HS_TA_KEEP_WITH_NEXT, HS_TA_KEEP_TOGETHER,
    HS_TA_BACKGROUND,   HS_TA_SHRINK_MIN,
};

static void
apply_one(hs_ta id, const hs_tval *v, hs_props *p)
{
    switch (id) {
    case HS_TA_FONT:
        p->style.family = v->s;
        break;
    case HS_TA_SIZE:
        p->style.size_pt = v->pct ? p->style.size_pt * v->num / 100 : v->num;
        break;
    case HS_TA_BOLD:
        p->style.bold = v->i;
        break;
    case HS_TA_ITALIC:
        p->style.italic = v->i;
        break;
    case HS_TA_UNDERLINE:
        p->style.underline = v->i;
        break;
    case HS_TA_COLOR:
        p->style.color = v->color;
        break;
    case HS_TA_LINE_HEIGHT:
        p->style.line_height = v->num;
        break;
    case HS_TA_ALIGN:
        p->align = (hs_align)v->i;
        break;
    case HS_TA_VALIGN:
        p->valign = (hs_valign)v->i;
        break;
    case HS_TA_SPACE_BEFORE:
        p->space_before = v->num;
        break;
    case HS_TA_SPACE_AFTER:
        p->space_after = v->num;
        break;
    case HS_TA_INDENT:
        p->indent_left = v->num;
        break;
    case HS_TA_INDENT_RIGHT:
        p->indent_right = v->num;
        break;
    case HS_TA_FIRST_INDENT:
        p->first_indent = v->num;
        break;
    case HS_TA_KEEP_WITH_NEXT:
        p->keep_with_next = v->i;
        break;
    case HS_TA_KEEP_TOGETHER:
        p->keep_together = v->i;
        break;
    case HS_TA_BACKGROUND:
        p->background = v->color;
        break;
    case HS_TA_SHRINK_MIN:
        p->style.shrink_min = v->num / 100;
        break;
    default:
        break;
    }
}

int
hs_ev_apply_props(hs_ev *ev, const hs_tnode *n, hs_props *p)
{
    int rc = 0;
    if (n->attr == NULL) /* no attribute written (most inline elements) */
        return 0;
    for (size_t i = 0; i < sizeof style_attrs / sizeof style_attrs[0]; i++) {
        if (hs_tnode_attr(n, style_attrs[i]) == NULL)
            continue;
        hs_tval v;
        int got = hs_ev_val(ev, n, style_attrs[i], &v);
        if (got < 0)
            rc = -1;
        else if (got == 1)
            apply_one(style_attrs[i], &v, p);
    }
    return rc;
}

static const hs_named_style *
find_style(hs_ev *ev, const char *name, size_t len)
{
    for (const hs_named_style *s = ev->styles; s != NULL; s = s->next)
        if (strlen(s->name) == len && memcmp(s->name, name, len) == 0)
            return s;
    return NULL;
}

int
hs_ev_props_for(hs_ev *ev, const hs_tnode *n, const hs_props *parent, hs_props *out)
{
    hs_props p = {0};
    p.style = parent->style;
    p.align = parent->align;
    p.valign = parent->valign;
    p.background = HS_NO_COLOR;
    if (n->kind == HS_TK_H1 || n->kind == HS_TK_H2 || n->kind == HS_TK_H3) {
        p.style.bold = 1;
        p.keep_with_next = 1;
    } else if (n->kind == HS_TK_TH) {
        p.style.bold = 1;
    }
    const char *tag = hs_telem_defs[n->kind].name;
    const hs_named_style *own = find_style(ev, tag, strlen(tag));
    if (own != NULL && hs_ev_apply_props(ev, own->node, &p) != 0)
        return -1;
    const char *cls = hs_ev_text_attr(ev, n, HS_TA_CLASS);
    for (const char *c = cls; c != NULL && *c;) {
        while (*c == ' ')
            c++;
        size_t len = strcspn(c, " ");
        if (len == 0)
            break;
        const hs_named_style *st = find_style(ev, c, len);
        if (st == NULL)
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "class \"%.*s\" names no <style>", (int)len,
                               c);
        if (hs_ev_apply_props(ev, st->node, &p) != 0)
            return -1;
        c += len;
    }
    if (hs_ev_apply_props(ev, n, &p) != 0)
        return -1;
    *out = p;
    return 0;
}

hs_block *
hs_ev_new_block(hs_ev *ev, hs_block_kind k, const hs_tnode *n, const hs_props *p)
{
    return hs_ev_block_at(ev, k, n->loc, p);
}

hs_block *
hs_ev_block_at(hs_ev *ev, hs_block_kind k, hs_loc loc, const hs_props *p)
{
    hs_block *b = HS_NEW(ev->a, hs_block);
    b->kind = k;
    b->loc = loc;
    b->style = p->style;
    b->align = p->align;
    b->space_before = p->space_before;
    b->space_after = p->space_after;
    b->indent_left = p->indent_left;
    b->indent_right = p->indent_right;
    b->first_indent = p->first_indent;
    b->keep_with_next = p->keep_with_next;
    b->keep_together = p->keep_together;
    return b;
}
