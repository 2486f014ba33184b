/* engine/eval/walk.c — the template walk: each, if/else, for, let, include,
 * require and assert, and the dispatch of every other element to the part of
 * eval/ that builds it. The same control elements work in block, inline, row
 * and cell context, so a template can repeat a row, a cell or a run alike. */
#include "eval/eval_int.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

void
hs_ev_sink_blocks(hs_sink *s, hs_block **tail, const hs_props *p)
{
    memset(s, 0, sizeof *s);
    s->mode = HS_SINK_BLOCKS;
    s->tail = tail;
    s->para_props = *p;
    s->last_space = 1;
}

static int
only_space(const xmlChar *s)
{
    for (; s != NULL && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

static const char *
mode_name(hs_sink_mode m)
{
    switch (m) {
    case HS_SINK_BLOCKS:
        return "a block";
    case HS_SINK_INLINE:
        return "a paragraph";
    case HS_SINK_ROWS:
        return "a <table> (only <tr> may be here)";
    case HS_SINK_CELLS:
        return "a <tr> (only <td> and <th> may be here)";
    }
    return "?";
}

static int element(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p);

/* <let name="x" value="xpath"/> or <let name="x">text {expr}</let> */
static int
let(hs_ev *ev, xmlNode *n)
{
    const char *name = hs_xml_attr(n, "name");
    if (name == NULL || name[0] == '\0')
        return hs_ev_error(ev, n, "template", "<let> needs a name attribute");
    const char *value = hs_xml_attr(n, "value");
    xmlXPathObjectPtr o;
    if (value != NULL) {
        o = hs_ev_xpath(ev, value, n);
        if (o == NULL)
            return -1;
    } else {
        xmlChar *content = xmlNodeGetContent(n);
        const char *text = hs_ev_interp(ev, content ? hs_xml_str(content) : "", n);
        xmlFree(content);
        if (text == NULL)
            return -1;
        o = xmlXPathNewCString(text);
    }
    hs_ev_push_var(ev, hs_arena_strdup(ev->a, name), o);
    return 0;
}

/* <require path="quote/@date" what="the quote date"/>: the record must have
 * it, or the document is not made. The error points at the record. */
static int
require(hs_ev *ev, xmlNode *n)
{
    const char *path = hs_xml_attr(n, "path");
    if (path == NULL)
        return hs_ev_error(ev, n, "template", "<require> needs a path attribute");
    xmlXPathObjectPtr o = hs_ev_xpath(ev, path, n);
    if (o == NULL)
        return -1;
    int ok = xmlXPathCastToBoolean(o);
    xmlXPathFreeObject(o);
    if (ok)
        return 0;
    const char *what = hs_ev_attr(ev, n, "what");
    const char *tname = ev->in->template_path;
    hs_error(ev->r, hs_loc_from_xml(ev->xp->node), "missing",
             "the record lacks %s%s%s%s, which %s needs", path, what ? " (" : "",
             what ? what : "", what ? ")" : "", tname);
    hs_note(ev->r, hs_loc_from_xml(n), "required here");
    return -1;
}

/* <assert test="xpath" at="quote/total">message</assert>: a rule about the
 * data; the error points at the record node named by at. */
static int
assert_(hs_ev *ev, xmlNode *n)
{
    const char *test = hs_xml_attr(n, "test");
    if (test == NULL)
        return hs_ev_error(ev, n, "template", "<assert> needs a test attribute");
    int ok;
    if (hs_ev_bool(ev, test, n, &ok) != 0)
        return -1;
    if (ok)
        return 0;
    xmlChar *content = xmlNodeGetContent(n);
    const char *msg = hs_ev_interp(ev, content ? hs_xml_str(content) : "", n);
    xmlFree(content);
    if (msg == NULL)
        return -1;
    hs_loc at = hs_loc_from_xml(ev->xp->node);
    const char *where = hs_xml_attr(n, "at");
    if (where != NULL) {
        xmlXPathObjectPtr o = hs_ev_xpath(ev, where, n);
        if (o == NULL)
            return -1;
        if (o->type == XPATH_NODESET && o->nodesetval && o->nodesetval->nodeNr > 0)
            at = hs_loc_from_xml(o->nodesetval->nodeTab[0]);
        xmlXPathFreeObject(o);
    }
    hs_error(ev->r, at, "check", "%s", msg);
    hs_note(ev->r, hs_loc_from_xml(n), "checked here");
    return -1;
}

static int
include(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    const char *src = hs_ev_attr(ev, n, "src");
    if (src == NULL)
        return hs_ev_error(ev, n, "template", "<include> needs a src attribute");
    hs_loc here = hs_loc_from_xml(n);
    const char *path = hs_tpl_resolve(ev->in->tpls, here.file, src);
    for (int i = 0; i < ev->depth; i++)
        if (strcmp(ev->includes[i], path) == 0)
            return hs_ev_error(ev, n, "template", "%s includes itself (through %s)", path,
                               here.file);
    if (ev->depth == HS_INCLUDE_DEPTH)
        return hs_ev_error(ev, n, "limit", "includes nested deeper than %d",
                           HS_INCLUDE_DEPTH);
    xmlDocPtr part = hs_tpl_load(ev->in->tpls, path, ev->r);
    if (part == NULL) {
        hs_note(ev->r, here, "included here");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(part);
    if (!hs_xml_is(root, "part"))
        return hs_ev_error(ev, root, "template", "an included file must have <part> as root");
    ev->includes[ev->depth++] = path;
    int rc = hs_ev_children(ev, root, s, p);
    ev->depth--;
    return rc;
}

/* Sort the nodes of an each by the string value of sort="expr", in
 * Vietnamese collation order (stable). */
typedef struct keyed {
    const char *key;
    size_t index;
    xmlNodePtr node;
} keyed;

static int
cmp_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    return c != 0 ? c : (a->index > b->index) - (a->index < b->index);
}

static int
sort_nodes(hs_ev *ev, xmlNode *n, const char *sort, xmlNodeSetPtr set)
{
    int count = set->nodeNr;
    keyed *k = HS_NEW_N(ev->a, (size_t)count, keyed);
    xmlNodePtr saved = ev->xp->node;
    int rc = 0;
    for (int i = 0; i < count && rc == 0; i++) {
        ev->xp->node = set->nodeTab[i];
        xmlXPathObjectPtr o = hs_ev_xpath(ev, sort, n);
        if (o == NULL) {
            rc = -1;
            break;
        }
        const xmlNode *src;
        const char *s = hs_ev_string(ev, o, &src);
        xmlXPathFreeObject(o);
        k[i].index = (size_t)i;
        k[i].node = set->nodeTab[i];
        rc = hs_text_sort_key(ev->a, s, strlen(s), &k[i].key, ev->r, hs_loc_from_xml(n));
    }
    ev->xp->node = saved;
    if (rc != 0)
        return -1;
    qsort(k, (size_t)count, sizeof *k, cmp_keyed);
    const char *order = hs_xml_attr(n, "order");
    int desc = order != NULL && strcmp(order, "descending") == 0;
    for (int i = 0; i < count; i++)
        set->nodeTab[i] = k[desc ? count - 1 - i : i].node;
    return 0;
}

/* Run `one` for n once, or once per node of its each attribute with the
 * context node, position() and last() set. */
static int
repeat(hs_ev *ev, xmlNode *n, const char *each, hs_sink *s, const hs_props *p,
       int (*one)(hs_ev *, xmlNode *, hs_sink *, const hs_props *))
{
    xmlXPathObjectPtr o = hs_ev_xpath(ev, each, n);
    if (o == NULL)
        return -1;
    if (o->type != XPATH_NODESET) {
        xmlXPathFreeObject(o);
        return hs_ev_error(ev, n, "template", "each=\"%s\" must select nodes", each);
    }
    xmlNodeSetPtr set = o->nodesetval;
    const char *sort = hs_xml_attr(n, "sort");
    int rc = 0;
    if (set != NULL && sort != NULL)
        rc = sort_nodes(ev, n, sort, set);
    const char *as = hs_xml_attr(n, "as");
    xmlNodePtr saved_node = ev->xp->node;
    int saved_pos = ev->xp->proximityPosition, saved_size = ev->xp->contextSize;
    int count = set ? set->nodeNr : 0;
    for (int i = 0; i < count && rc == 0; i++) {
        ev->xp->node = set->nodeTab[i];
        ev->xp->proximityPosition = i + 1;
        ev->xp->contextSize = count;
        hs_var *mark = ev->vars;
        if (as != NULL)
            hs_ev_push_var(ev, as, xmlXPathNewNodeSet(set->nodeTab[i]));
        rc = one(ev, n, s, p);
        hs_ev_pop_vars(ev, mark);
    }
    ev->xp->node = saved_node;
    ev->xp->proximityPosition = saved_pos;
    ev->xp->contextSize = saved_size;
    xmlXPathFreeObject(o);
    return rc;
}

/* An element after its each: its if, then what it is. */
static int
element(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    const char *cond = hs_xml_attr(n, "if");
    if (cond != NULL) {
        int ok;
        if (hs_ev_bool(ev, cond, n, &ok) != 0)
            return -1;
        if (!ok)
            return 0;
    }
    const char *tag = hs_xml_str(n->name);
    if (strcmp(tag, "for") == 0)
        return hs_ev_children(ev, n, s, p);
    if (strcmp(tag, "include") == 0)
        return include(ev, n, s, p);
    if (strcmp(tag, "require") == 0)
        return require(ev, n);
    if (strcmp(tag, "assert") == 0)
        return assert_(ev, n);
    switch (s->mode) {
    case HS_SINK_ROWS:
        if (strcmp(tag, "tr") == 0)
            return hs_ev_row(ev, n, s, p);
        break;
    case HS_SINK_CELLS:
        if (strcmp(tag, "td") == 0 || strcmp(tag, "th") == 0)
            return hs_ev_cell(ev, n, s, p);
        break;
    case HS_SINK_INLINE:
        if (hs_ev_is_inline(n))
            return hs_ev_inline_element(ev, n, s, p);
        if (hs_ev_is_block(n))
            return hs_ev_error(ev, n, "template", "<%s> cannot be inside a paragraph", tag);
        break;
    case HS_SINK_BLOCKS:
        if (hs_ev_is_inline(n))
            return hs_ev_inline_element(ev, n, s, p);
        if (hs_ev_is_block(n)) {
            if (hs_ev_flush(ev, s) != 0)
                return -1;
            return hs_ev_block_element(ev, n, s, p);
        }
        break;
    }
    return hs_ev_error(ev, n, "template", "<%s> is not allowed in %s", tag,
                       mode_name(s->mode));
}

static int
node(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    const char *each = hs_xml_attr(n, "each");
    if (each != NULL)
        return repeat(ev, n, each, s, p, element);
    return element(ev, n, s, p);
}

static xmlNode *
next_element(xmlNode *n)
{
    for (n = n->next; n != NULL; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
        if (n->type == XML_TEXT_NODE && !only_space(n->content))
            return NULL;
    }
    return NULL;
}

static int
if_else(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    const char *test = hs_xml_attr(n, "test");
    if (test == NULL)
        return hs_ev_error(ev, n, "template", "<if> needs a test attribute");
    int ok;
    if (hs_ev_bool(ev, test, n, &ok) != 0)
        return -1;
    if (ok)
        return hs_ev_children(ev, n, s, p);
    xmlNode *e = next_element(n);
    if (e != NULL && hs_xml_is(e, "else"))
        return hs_ev_children(ev, e, s, p);
    return 0;
}

int
hs_ev_children(hs_ev *ev, xmlNode *parent, hs_sink *s, const hs_props *p)
{
    hs_var *mark = ev->vars;
    int rc = 0;
    for (xmlNode *n = parent->children; n != NULL && rc == 0; n = n->next) {
        if (ev->r->errors >= (ev->r->limit ? ev->r->limit : 20))
            break;
        switch (n->type) {
        case XML_TEXT_NODE:
            if (s->mode == HS_SINK_ROWS || s->mode == HS_SINK_CELLS) {
                if (!only_space(n->content))
                    rc = hs_ev_error(ev, n, "template", "text is not allowed in %s",
                                     mode_name(s->mode));
            } else {
                rc = hs_ev_text_node(ev, n, s, p);
            }
            break;
        case XML_ELEMENT_NODE:
            if (hs_xml_is(n, "let"))
                rc = let(ev, n);
            else if (hs_xml_is(n, "if"))
                rc = if_else(ev, n, s, p);
            else if (hs_xml_is(n, "else")) {
                xmlNode *prev = n->prev;
                while (prev != NULL && prev->type != XML_ELEMENT_NODE)
                    prev = prev->prev;
                if (prev == NULL || !hs_xml_is(prev, "if"))
                    rc = hs_ev_error(ev, n, "template", "<else> must follow an <if>");
            } else if (s == ev->top && hs_ev_top_level(ev, n, &rc)) {
                /* done */
            } else if (hs_xml_is(n, "style") || hs_xml_is(n, "name") ||
                       hs_xml_is(n, "header") || hs_xml_is(n, "footer")) {
                rc = hs_ev_error(ev, n, "template", "<%s> belongs directly under <document>",
                                 hs_xml_str(n->name));
            } else
                rc = node(ev, n, s, p);
            break;
        default: /* comments, processing instructions */
            break;
        }
    }
    hs_ev_pop_vars(ev, mark);
    return rc;
}
