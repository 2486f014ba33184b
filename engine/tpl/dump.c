/* engine/tpl/dump.c — a compiled template as indented text, one node a line.
 *
 * For golden tests and debugging, like doc/dump.c: what the compiler made of
 * each element (its kind, its location) and of each attribute — the value in
 * its type (lengths in points, colours in hex, an enum as its word) or, when
 * it holds {…}, its literal and XPath pieces. The parts reached through
 * <include> follow the template, each once, in the order they are first
 * included. An attribute shows its location only when it is not its
 * element's. Numbers print with %g; no pointer is ever printed. */
#include "tpl/tpl.h"

#include <string.h>

#define MAX_PARTS 256

typedef struct dumper {
    hs_buf *b;
    const hs_tpl *parts[MAX_PARTS];
    int nparts;
} dumper;

static void
indent(hs_buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        hs_buf_add(b, "  ", 2);
}

static void
quoted(hs_buf *b, const char *s)
{
    hs_doc_dump_quoted(b, s ? s : "", s ? strlen(s) : 0);
}

static void
interp(hs_buf *b, const hs_tinterp *t)
{
    for (int i = 0; i < t->n; i++) {
        const hs_tpiece *p = &t->p[i];
        hs_buf_addc(b, ' ');
        if (p->lit != NULL) {
            hs_doc_dump_quoted(b, p->lit, p->len);
        } else {
            hs_buf_adds(b, "{");
            hs_buf_adds(b, p->x->text);
            hs_buf_adds(b, "}");
        }
    }
}

/* The n-th word of an enum's space-separated values. */
static void
enum_word(hs_buf *b, const char *values, int n)
{
    const char *p = values;
    for (int i = 0; i < n && p != NULL; i++) {
        p = strchr(p, ' ');
        if (p != NULL)
            p++;
    }
    if (p == NULL) {
        hs_buf_printf(b, "#%d", n);
        return;
    }
    const char *end = strchr(p, ' ');
    hs_buf_add(b, p, end ? (size_t)(end - p) : strlen(p));
}

static void
value(hs_buf *b, const hs_tattr_def *d, const hs_tval *v)
{
    switch (d->type) {
    case HS_TT_TEXT:
    case HS_TT_NAME:
    case HS_TT_FONT:
    case HS_TT_CLASSES:
    case HS_TT_DATE:
        quoted(b, v->s);
        break;
    case HS_TT_XPATH: /* printed with its expression */
        break;
    case HS_TT_LENGTH:
        hs_buf_printf(b, "%gpt", v->num);
        break;
    case HS_TT_NUMBER:
        hs_buf_printf(b, "%g", v->num);
        break;
    case HS_TT_SIZE:
        hs_buf_printf(b, v->pct ? "%g%%" : "%gpt", v->num);
        break;
    case HS_TT_PERCENT:
        hs_buf_printf(b, "%g%%", v->num);
        break;
    case HS_TT_BOX:
        hs_buf_printf(b, "%gpt %gpt %gpt %gpt", v->box[0], v->box[1], v->box[2], v->box[3]);
        break;
    case HS_TT_COLOR:
        hs_buf_printf(b, "#%06x", (unsigned)v->color);
        break;
    case HS_TT_BOOL:
        hs_buf_adds(b, v->i ? "yes" : "no");
        break;
    case HS_TT_ENUM:
        enum_word(b, d->values, v->i);
        break;
    case HS_TT_INT:
        hs_buf_printf(b, "%d", v->i);
        break;
    case HS_TT_COLUMNS:
        for (int i = 0; i < v->ncols; i++) {
            if (i > 0)
                hs_buf_addc(b, ' ');
            if (v->cols[i].fixed_pt > 0)
                hs_buf_printf(b, "%gpt", v->cols[i].fixed_pt);
            else
                hs_buf_printf(b, "%g*", v->cols[i].weight);
        }
        break;
    case HS_TT_PAGE:
        hs_buf_printf(b, "%gx%gpt", v->page_w, v->page_h);
        break;
    }
}

static void
attributes(hs_buf *b, const hs_tnode *n, int depth)
{
    for (int id = 0; id < HS_TA_COUNT; id++) {
        const hs_tattr *a = hs_tnode_attr(n, id);
        if (a == NULL)
            continue;
        const hs_tattr_def *d = &hs_tattr_defs[id];
        indent(b, depth);
        hs_buf_printf(b, "%s=", d->name);
        if (a->interp != NULL) {
            hs_buf_adds(b, "interp");
            interp(b, a->interp);
        } else if (a->x != NULL) {
            hs_buf_printf(b, "xpath {%s}", a->x->text);
        } else {
            value(b, d, &a->v);
        }
        /* an attribute on another line than its element says where */
        if (a->loc.line != n->loc.line || a->loc.file != n->loc.file)
            hs_doc_dump_loc(b, a->loc);
        else
            hs_buf_addc(b, '\n');
    }
}

static void
add_part(dumper *w, const hs_tpl *t)
{
    for (int i = 0; i < w->nparts; i++)
        if (w->parts[i] == t)
            return;
    if (w->nparts < MAX_PARTS)
        w->parts[w->nparts++] = t;
}

static void
node(dumper *w, const hs_tnode *n, int depth)
{
    hs_buf *b = w->b;
    for (; n != NULL; n = n->next) {
        if (n->kind == HS_TK_TEXT && n->space_only)
            continue; /* XML white space between elements: nothing of it is printed */
        indent(b, depth);
        if (n->kind == HS_TK_TEXT) {
            hs_buf_adds(b, "text");
            if (n->text != NULL)
                interp(b, n->text);
            hs_doc_dump_loc(b, n->loc);
            continue;
        }
        hs_buf_adds(b, hs_telem_defs[n->kind].name);
        if (n->text != NULL && n->text->n > 0) {
            hs_buf_adds(b, " content");
            interp(b, n->text);
        }
        if (n->kind == HS_TK_INCLUDE && n->path != NULL) {
            hs_buf_adds(b, " part=");
            quoted(b, n->path);
        }
        if (n->else_node != NULL)
            hs_buf_printf(b, " else@%ld", n->else_node->loc.line);
        hs_doc_dump_loc(b, n->loc);
        attributes(b, n, depth + 2);
        if (n->part != NULL)
            add_part(w, n->part);
        node(w, n->first, depth + 1);
    }
}

void
hs_tpl_dump(const hs_tpl *t, hs_buf *out)
{
    dumper w = {.b = out};
    add_part(&w, t);
    /* parts found while dumping are appended to w.parts and dumped in turn */
    for (int i = 0; i < w.nparts; i++) {
        hs_buf_adds(out, i == 0 ? "template " : "part ");
        quoted(out, w.parts[i]->path);
        hs_buf_addc(out, '\n');
        node(&w, w.parts[i]->root, 1);
    }
}
