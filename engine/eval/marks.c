/* engine/eval/marks.c — what a block marks for the PDF's navigation: its
 * id="…" (a place links can go to) and its bookmark (an outline entry).
 *
 * Headings h1–h3 are bookmarks at their level with their text, unless the
 * heading says bookmark=""; any block may give bookmark="title" (and
 * bookmark-level="1".."6", default 1, or the heading's level). Each points
 * at the top of its block on its page. <document bookmarks="no"> makes no
 * outline at all. */
#include "eval/eval_int.h"

#include <stdlib.h>
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
            rc = hs_ev_error(ev, l->at, "template", "<a href=\"#%s\">: no block has id=\"%s\"",
                             l->id, l->id);
    }
    return rc;
}

static int
set_id(hs_ev *ev, const xmlNode *n, hs_block *b, const char *id)
{
    if (!hs_ev_id_ok(id))
        return hs_ev_error(ev, n, "template",
                           "id=\"%s\": an id is ASCII letters, digits, '-', '_' and '.'", id);
    for (const hs_ev_id *e = ev->ids; e != NULL; e = e->next)
        if (strcmp(e->id, id) == 0) {
            hs_ev_error(ev, n, "template", "id=\"%s\" is used twice in the document", id);
            hs_note(ev->r, hs_loc_from_xml(e->at), "first here");
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
hs_ev_marks(hs_ev *ev, const xmlNode *n, hs_block *b)
{
    int errors = ev->r->errors;
    const char *id = hs_ev_attr(ev, n, "id");
    const char *title = hs_ev_attr(ev, n, "bookmark");
    const char *lv = hs_ev_attr(ev, n, "bookmark-level");
    if (ev->r->errors != errors)
        return -1;
    if (ev->in_band > 0) {
        /* A band is printed on every page: its blocks are nowhere in one place. */
        if (id != NULL || title != NULL)
            return hs_ev_error(ev, n, "template",
                               "<%s %s=\"…\">: a header or footer is on every page; ids and "
                               "bookmarks are for blocks of the body",
                               hs_xml_str(n->name), id != NULL ? "id" : "bookmark");
        return 0;
    }
    if (id != NULL && set_id(ev, n, b, id) != 0)
        return -1;
    const char *tag = hs_xml_str(n->name);
    int heading = tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '3' && tag[2] == '\0';
    int level = heading ? tag[1] - '0' : 1;
    if (lv != NULL) {
        char *end;
        long x = strtol(lv, &end, 10);
        if (end == lv || *end != '\0' || x < 1 || x > 6)
            return hs_ev_error(ev, n, "template",
                               "bookmark-level=\"%s\": expected a level from 1 to 6", lv);
        level = (int)x;
    }
    const char *on = hs_xml_attr(ev->root, "bookmarks");
    if (on != NULL && strcmp(on, "no") == 0)
        return 0;
    if (on != NULL && strcmp(on, "yes") != 0)
        return hs_ev_error(ev, ev->root, "template",
                           "<document bookmarks=\"%s\">: expected yes (the default) or no", on);
    if (title == NULL && heading)
        title = heading_text(ev, b);
    if (title == NULL || title[0] == '\0')
        return 0;
    b->outline = title;
    b->outline_level = level;
    return 0;
}
