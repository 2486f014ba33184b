/* engine/eval/props.c — style and block attributes of template elements.
 *
 * An element's props are, in order: what it inherits (text style, alignment),
 * the few defaults of its tag (headings are bold and stay with what follows),
 * the <style> named after its tag, the styles of its class attribute, and its
 * own attributes. Every attribute may hold {expr}. */
#include "eval/eval_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
parse_bool(const char *v, int *out)
{
    if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
        return *out = 1, 0;
    if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
        return *out = 0, 0;
    return -1;
}

static int
bad_value(hs_ev *ev, const xmlNode *n, const char *name, const char *v, const char *want)
{
    return hs_ev_error(ev, n, "template", "<%s %s=\"%s\">: %s", hs_xml_str(n->name), name, v,
                       want);
}

int
hs_ev_length_attr(hs_ev *ev, const xmlNode *n, const char *name, double *pt)
{
    const char *v = hs_ev_attr(ev, n, name);
    if (v == NULL)
        return 0;
    if (hs_doc_length(v, pt) != 0)
        return bad_value(ev, n, name, v, "expected a length such as 12pt, 5mm, 1cm");
    return 0;
}

typedef enum kind { K_BOOL, K_LEN, K_ALIGN, K_VALIGN, K_COLOR, K_SIZE, K_LH, K_FONT, K_PCT } kind;

static const struct prop {
    const char *name;
    kind k;
    size_t off;
} props[] = {
    {"font", K_FONT, offsetof(hs_props, style.family)},
    {"size", K_SIZE, offsetof(hs_props, style.size_pt)},
    {"bold", K_BOOL, offsetof(hs_props, style.bold)},
    {"italic", K_BOOL, offsetof(hs_props, style.italic)},
    {"underline", K_BOOL, offsetof(hs_props, style.underline)},
    {"color", K_COLOR, offsetof(hs_props, style.color)},
    {"line-height", K_LH, offsetof(hs_props, style.line_height)},
    {"align", K_ALIGN, offsetof(hs_props, align)},
    {"valign", K_VALIGN, offsetof(hs_props, valign)},
    {"space-before", K_LEN, offsetof(hs_props, space_before)},
    {"space-after", K_LEN, offsetof(hs_props, space_after)},
    {"indent", K_LEN, offsetof(hs_props, indent_left)},
    {"indent-right", K_LEN, offsetof(hs_props, indent_right)},
    {"first-indent", K_LEN, offsetof(hs_props, first_indent)},
    {"keep-with-next", K_BOOL, offsetof(hs_props, keep_with_next)},
    {"keep-together", K_BOOL, offsetof(hs_props, keep_together)},
    /* how far an amount, a date or nowrap() text too wide for its line may
     * shrink before it is an error (layout/para.c); inherited like a style */
    {"shrink-min", K_PCT, offsetof(hs_props, style.shrink_min)},
};

static int
apply_one(hs_ev *ev, const xmlNode *n, const struct prop *pr, const char *v, hs_props *p)
{
    char *field = (char *)p + pr->off;
    double d;
    switch (pr->k) {
    case K_BOOL:
        if (parse_bool(v, (int *)field) != 0)
            return bad_value(ev, n, pr->name, v, "expected yes or no");
        return 0;
    case K_LEN:
        if (hs_doc_length(v, &d) != 0)
            return bad_value(ev, n, pr->name, v, "expected a length such as 6pt or 2mm");
        *(double *)field = d;
        return 0;
    case K_SIZE: {
        size_t len = strlen(v);
        if (len > 1 && v[len - 1] == '%') {
            char *end;
            d = strtod(v, &end);
            if (end != v + len - 1 || d <= 0 || d > 1000)
                return bad_value(ev, n, pr->name, v, "expected a size such as 13pt or 120%");
            *(double *)field *= d / 100;
            return 0;
        }
        if (hs_doc_length(v, &d) != 0 || d < 1 || d > 400)
            return bad_value(ev, n, pr->name, v, "expected a size from 1pt to 400pt");
        *(double *)field = d;
        return 0;
    }
    case K_LH: {
        char *end;
        d = strtod(v, &end);
        if (end == v || *end != '\0' || d < 0.5 || d > 5)
            return bad_value(ev, n, pr->name, v, "expected a multiple of the size, 0.5 to 5");
        *(double *)field = d;
        return 0;
    }
    case K_ALIGN: {
        static const char *names[] = {"left", "center", "right", "justify"};
        for (int i = 0; i < 4; i++)
            if (strcmp(v, names[i]) == 0)
                return *(hs_align *)field = (hs_align)i, 0;
        return bad_value(ev, n, pr->name, v, "expected left, center, right or justify");
    }
    case K_VALIGN: {
        static const char *names[] = {"top", "middle", "bottom"};
        for (int i = 0; i < 3; i++)
            if (strcmp(v, names[i]) == 0)
                return *(hs_valign *)field = (hs_valign)i, 0;
        return bad_value(ev, n, pr->name, v, "expected top, middle or bottom");
    }
    case K_COLOR:
        if (hs_doc_color(v, (uint32_t *)field) != 0)
            return bad_value(ev, n, pr->name, v, "expected a colour such as #1a2b3c or black");
        return 0;
    case K_PCT: {
        char *end;
        d = strtod(v, &end);
        if (end == v || strcmp(end, "%") != 0 || d < 10 || d > 100)
            return bad_value(ev, n, pr->name, v, "expected a percentage from 10% to 100%");
        *(double *)field = d / 100;
        return 0;
    }
    case K_FONT:
        if (v[0] == '\0')
            return bad_value(ev, n, pr->name, v, "expected a font family name");
        *(const char **)field = v;
        return 0;
    }
    return 0;
}

int
hs_ev_apply_props(hs_ev *ev, const xmlNode *n, hs_props *p)
{
    int rc = 0;
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        if (props[i].off == offsetof(hs_props, style.size_pt) && hs_xml_is(n, "qr"))
            continue; /* <qr size> is the code's side, not a text size (eval/qr.c) */
        const char *v = hs_ev_attr(ev, n, props[i].name);
        if (v != NULL && apply_one(ev, n, &props[i], v, p) != 0)
            rc = -1;
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
hs_ev_props_for(hs_ev *ev, const xmlNode *n, const hs_props *parent, hs_props *out)
{
    hs_props p = {0};
    p.style = parent->style;
    p.align = parent->align;
    p.valign = parent->valign;
    const char *tag = hs_xml_str(n->name);
    if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '3' && tag[2] == '\0') {
        p.style.bold = 1;
        p.keep_with_next = 1;
    } else if (strcmp(tag, "th") == 0) {
        p.style.bold = 1;
    }
    const hs_named_style *own = find_style(ev, tag, strlen(tag));
    if (own != NULL && hs_ev_apply_props(ev, own->node, &p) != 0)
        return -1;
    const char *cls = hs_ev_attr(ev, n, "class");
    for (const char *c = cls; c != NULL && *c;) {
        while (*c == ' ')
            c++;
        size_t len = strcspn(c, " ");
        if (len == 0)
            break;
        const hs_named_style *st = find_style(ev, c, len);
        if (st == NULL)
            return hs_ev_error(ev, n, "template", "class \"%.*s\" names no <style>", (int)len,
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

const char *
hs_ev_next_word(const char *c, char *word, size_t cap, size_t *len)
{
    while (*c == ' ')
        c++;
    *len = strcspn(c, " ");
    if (*len == 0)
        return NULL;
    snprintf(word, cap, "%.*s", (int)*len, c);
    return c + *len;
}

int
hs_ev_box_attr(hs_ev *ev, const xmlNode *n, const char *name, double out[4])
{
    const char *v = hs_ev_attr(ev, n, name);
    if (v == NULL)
        return 0;
    double x[4];
    int k = 0;
    char word[32];
    size_t len;
    for (const char *c = v; (c = hs_ev_next_word(c, word, sizeof word, &len)) != NULL;) {
        if (k == 4 || len >= sizeof word)
            return bad_value(ev, n, name, v, "expected one to four lengths");
        if (hs_doc_length(word, &x[k]) != 0 || x[k] < 0)
            return bad_value(ev, n, name, v, "expected one to four lengths such as 2pt 4pt");
        k++;
    }
    if (k == 0)
        return bad_value(ev, n, name, v, "expected one to four lengths");
    /* CSS order: all; vertical horizontal; top horizontal bottom; t r b l */
    out[0] = x[0];
    out[1] = k > 1 ? x[1] : x[0];
    out[2] = k > 2 ? x[2] : x[0];
    out[3] = k > 3 ? x[3] : out[1];
    return 0;
}

hs_block *
hs_ev_new_block(hs_ev *ev, hs_block_kind k, const xmlNode *n, const hs_props *p)
{
    return hs_ev_block_at(ev, k, hs_loc_from_xml(n), p);
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
