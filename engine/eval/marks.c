/* engine/eval/marks.c — what a block marks for the PDF's navigation: its
 * id="…" (a place links can go to) and its bookmark (an outline entry).
 *
 * Headings h1–h3 are bookmarks at their level with their text, unless the
 * heading says bookmark=""; any block may give bookmark="title" (and
 * bookmark-level="1".."6", default 1, or the heading's level). Each points
 * at the top of its block on its page. <document bookmarks="no"> makes no
 * outline at all. */
#include "eval/eval_int.h"

#include <string.h>

/* A heading's text for the outline: its text runs, breaks as spaces. */
static const char *
heading_text(hs_ev *ev, const hs_block *b)
{
    hs_buf t;
    hs_buf_init(&t, ev->a);
    for (const hs_run *r = b->runs; r != NULL; r = r->next) {
        if (r->kind == HS_RUN_TEXT)
            hs_buf_add(&t, r->text, r->len);
        else if (r->kind == HS_RUN_BREAK && t.len > 0 && t.data[t.len - 1] != ' ')
            hs_buf_addc(&t, ' ');
    }
    while (t.len > 0 && t.data[t.len - 1] == ' ')
        t.len--;
    return hs_buf_cstr(&t);
}

int
hs_ev_id_ok(const char *id)
{
    if (id[0] == '\0')
        return 0;
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_' || *c == '.'))
            return 0;
    return 1;
}

int
hs_ev_check_links(hs_ev *ev)
{
    int rc = 0;
    for (const hs_ev_id *l = ev->links; l != NULL; l = l->next) {
        const hs_ev_id *e = ev->ids;
        while (e != NULL && strcmp(e->id, l->id) != 0)
            e = e->next;
        if (e == NULL)
            rc = hs_ev_error(ev, l->at, HS_CODE_TEMPLATE,
                             "<a href=\"#%s\">: no block has id=\"%s\"", l->id, l->id);
    }
    return rc;
}

static int
set_id(hs_ev *ev, const hs_tnode *n, hs_block *b, const char *id)
{
    if (!hs_ev_id_ok(id))
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "id=\"%s\": an id is ASCII letters, digits, '-', '_' and '.'", id);
    for (const hs_ev_id *e = ev->ids; e != NULL; e = e->next)
        if (strcmp(e->id, id) == 0) {
            hs_ev_error(ev, n, HS_CODE_TEMPLATE, "id=\"%s\" is used twice in the document", id);
            hs_note(ev->r, e->at->loc, "first here");
            return -1;
        }
    hs_ev_id *e = HS_NEW(ev->a, hs_ev_id);
    e->id = id;
    e->at = n;
    e->next = ev->ids;
    ev->ids = e;
    b->anchor = id;
    return 0;
}

int
hs_ev_marks(hs_ev *ev, const hs_tnode *n, hs_block *b)
{
    if (!hs_tpl_takes(n->kind, HS_TA_ID))
        return 0; /* <page-break>: the compiler allows it none */
    int errors = ev->r->errors;
    const char *id = hs_ev_text_attr(ev, n, HS_TA_ID);
    const char *title = hs_ev_text_attr(ev, n, HS_TA_BOOKMARK);
    hs_tval lv;
    int has_level = hs_ev_val(ev, n, HS_TA_BOOKMARK_LEVEL, &lv);
    if (ev->r->errors != errors || has_level < 0)
        return -1;
    if (ev->in_band > 0) {
        /* A band is printed on every page: its blocks are nowhere in one place. */
        if (id != NULL || title != NULL)
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                               "<%s %s=\"…\">: a header or footer is on every page; ids and "
                               "bookmarks are for blocks of the body",
                               hs_telem_defs[n->kind].name, id != NULL ? "id" : "bookmark");
        return 0;
    }
    if (id != NULL && set_id(ev, n, b, id) != 0)
        return -1;
    int heading = n->kind == HS_TK_H1 || n->kind == HS_TK_H2 || n->kind == HS_TK_H3;
    int level = n->kind == HS_TK_H2 ? 2 : n->kind == HS_TK_H3 ? 3 : 1;
    if (has_level == 1)
        level = lv.i; /* the table bounds it: 1 to 6 */
    hs_tval on;
    int rc = hs_ev_val(ev, ev->root, HS_TA_BOOKMARKS, &on);
    if (rc < 0)
        return -1;
    if (rc == 1 && on.i == 0)
        return 0;
    if (title == NULL && heading)
        title = heading_text(ev, b);
    if (title == NULL || title[0] == '\0')
        return 0;
    b->outline = title;
    b->outline_level = level;
    return 0;
}
