/* engine/eval/walk.c — the template walk: each, if/else, for, let, include,
 * require and assert, and the dispatch of every other element to the part of
 * eval/ that builds it. The same control elements work in block, inline, row
 * and cell context, so a template can repeat a row, a cell or a run alike.
 * The nodes are compiled (tpl/): kinds are an enum, values are typed. */
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

/* <let name="x" value="xpath"/>, <let name="x">text {expr}</let>, or
 * <let name="x"><d>…</d><d>…</d></let> (its elements as a node list: $x/d). */
xmlXPathObjectPtr
hs_ev_let_value(hs_ev *ev, const hs_tnode *n)
{
    if (hs_tnode_attr(n, HS_TA_VALUE) != NULL)
        return hs_ev_xpath(ev, hs_tnode_attr(n, HS_TA_VALUE)->x);
    if (n->dom != NULL)
        return xmlXPathNewNodeSet(n->dom); /* the <let> itself: $docs/d is its list */
    const char *text = hs_ev_interp(ev, n->text, n->loc);
    return text == NULL ? NULL : xmlXPathNewCString(text);
}

static int
let(hs_ev *ev, const hs_tnode *n)
{
    xmlXPathObjectPtr o = hs_ev_let_value(ev, n);
    if (o == NULL)
        return -1;
    hs_ev_push_var(ev, hs_tnode_attr(n, HS_TA_NAME)->raw, o);
    return 0;
}

/* <require path="quote/@date" what="the quote date"/>: the record must have
 * it, or the document is not made. The error points at the record. */
int
hs_ev_require(hs_ev *ev, const hs_tnode *n)
{
    const hs_tattr *path = hs_tnode_attr(n, HS_TA_PATH);
    int ok;
    if (hs_ev_bool(ev, path->x, &ok) != 0)
        return -1;
    if (ok)
        return 0;
    const char *what = hs_ev_text_attr(ev, n, HS_TA_WHAT);
    const char *tname = ev->in->template_path;
    hs_error(ev->r, hs_loc_from_xml(ev->xp->node), HS_CODE_MISSING,
             "the record lacks %s%s%s%s, which %s needs", path->raw, what ? " (" : "",
             what ? what : "", what ? ")" : "", tname);
    hs_note(ev->r, n->loc, "required here");
    return -1;
}

/* <assert test="xpath" at="quote/total">message</assert>: a rule about the
 * data; the error points at the record node named by at. */
static int
assert_(hs_ev *ev, const hs_tnode *n)
{
    int ok;
    if (hs_ev_bool(ev, hs_tnode_attr(n, HS_TA_TEST)->x, &ok) != 0)
        return -1;
    if (ok)
        return 0;
    const char *msg = hs_ev_interp(ev, n->text, n->loc);
    if (msg == NULL)
        return -1;
    hs_loc at = hs_loc_from_xml(ev->xp->node);
    if (hs_tnode_attr(n, HS_TA_AT) != NULL) {
        xmlXPathObjectPtr o = hs_ev_xpath(ev, hs_tnode_attr(n, HS_TA_AT)->x);
        if (o == NULL)
            return -1;
        if (o->type == XPATH_NODESET && o->nodesetval && o->nodesetval->nodeNr > 0)
            at = hs_loc_from_xml(o->nodesetval->nodeTab[0]);
        xmlXPathFreeObject(o);
    }
    hs_error(ev->r, at, HS_CODE_CHECK, "%s", msg);
    hs_note(ev->r, n->loc, "checked here");
    return -1;
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
sort_nodes(hs_ev *ev, const hs_tnode *n, xmlNodeSetPtr set)
{
    int count = set->nodeNr;
    keyed *k = HS_NEW_N(ev->a, (size_t)count, keyed);
    xmlNodePtr saved = ev->xp->node;
    int rc = 0;
    for (int i = 0; i < count && rc == 0; i++) {
        ev->xp->node = set->nodeTab[i];
        xmlXPathObjectPtr o = hs_ev_xpath(ev, hs_tnode_attr(n, HS_TA_SORT)->x);
        if (o == NULL) {
            rc = -1;
            break;
        }
        const xmlNode *src;
        const char *s = hs_ev_string(ev, o, &src);
        xmlXPathFreeObject(o);
        k[i].index = (size_t)i;
        k[i].node = set->nodeTab[i];
        rc = hs_text_sort_key(ev->a, s, strlen(s), &k[i].key, ev->r, n->loc);
    }
    ev->xp->node = saved;
    if (rc != 0)
        return -1;
    qsort(k, (size_t)count, sizeof *k, cmp_keyed);
    hs_tval order;
    int desc = hs_ev_val(ev, n, HS_TA_ORDER, &order) == 1 && order.i == 1;
    for (int i = 0; i < count; i++)
        set->nodeTab[i] = k[desc ? count - 1 - i : i].node;
    return 0;
}

/* group-by="key": the nodes of an each in groups of equal key (the string
 * value, compared exactly). The groups come in the order of their first
 * nodes, the nodes of a group in their order: the each's, or its sort's. */
typedef struct run {
    size_t start, end; /* in the keyed array */
    size_t first;      /* the index of its first node */
} run;

static int
cmp_run(const void *x, const void *y)
{
    const run *a = x, *b = y;
    return (a->first > b->first) - (a->first < b->first);
}

static void
free_set(void *set)
{
    xmlXPathFreeNodeSet(set);
}

static int
group_nodes(hs_ev *ev, const hs_tnode *n, xmlNodeSetPtr set, xmlNodeSetPtr **groups,
            const char ***keys, int *ngroups)
{
    int count = set->nodeNr;
    keyed *k = HS_NEW_N(ev->a, (size_t)count, keyed);
    xmlNodePtr saved = ev->xp->node;
    for (int i = 0; i < count; i++) {
        ev->xp->node = set->nodeTab[i];
        xmlXPathObjectPtr o = hs_ev_xpath(ev, hs_tnode_attr(n, HS_TA_GROUP_BY)->x);
        if (o == NULL) {
            ev->xp->node = saved;
            return -1;
        }
        const xmlNode *src;
        k[i].key = hs_ev_string(ev, o, &src);
        k[i].index = (size_t)i;
        k[i].node = set->nodeTab[i];
        xmlXPathFreeObject(o);
    }
    ev->xp->node = saved;
    /* equal keys side by side, each run in the nodes' order */
    qsort(k, (size_t)count, sizeof *k, cmp_keyed);
    run *runs = HS_NEW_N(ev->a, (size_t)count + 1, run);
    int g = 0;
    for (int i = 0; i < count; i++) {
        if (i > 0 && strcmp(k[i].key, k[i - 1].key) == 0)
            continue;
        if (g > 0)
            runs[g - 1].end = (size_t)i;
        runs[g++] = (run){(size_t)i, (size_t)count, k[i].index};
    }
    qsort(runs, (size_t)g, sizeof *runs, cmp_run);
    *groups = HS_NEW_N(ev->a, (size_t)g + 1, xmlNodeSetPtr);
    *keys = HS_NEW_N(ev->a, (size_t)g + 1, const char *);
    for (int j = 0; j < g; j++) {
        xmlNodeSetPtr m = xmlXPathNodeSetCreate(NULL);
        if (m != NULL)
            hs_arena_defer(ev->a, free_set, m);
        for (size_t i = runs[j].start; i < runs[j].end && m != NULL; i++)
            if (xmlXPathNodeSetAddUnique(m, k[i].node) != 0)
                m = NULL;
        if (m == NULL) /* libxml2 past the document's memory limit: its owner says so */
            return hs_budget_state() != HS_BUDGET_OK
                       ? -1
                       : hs_ev_error(ev, n, HS_CODE_LIMIT, "out of memory");
        (*groups)[j] = m;
        (*keys)[j] = k[runs[j].start].key;
    }
    *ngroups = g;
    return 0;
}

int
hs_ev_repeat(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p, hs_ev_one_fn *one)
{
    const hs_tattr *each = hs_tnode_attr(n, HS_TA_EACH);
    xmlXPathObjectPtr o = hs_ev_xpath(ev, each->x);
    if (o == NULL)
        return -1;
    if (o->type != XPATH_NODESET) {
        xmlXPathFreeObject(o);
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "each=\"%s\" must select nodes", each->raw);
    }
    xmlNodeSetPtr set = o->nodesetval;
    int rc = 0;
    if (set != NULL && hs_tnode_attr(n, HS_TA_SORT) != NULL)
        rc = sort_nodes(ev, n, set);
    int count = set ? set->nodeNr : 0;
    /* with group-by, once per group: the context node is its first node,
     * position() and last() count groups, as holds the group's nodes */
    xmlNodeSetPtr *groups = NULL;
    const char **keys = NULL;
    if (rc == 0 && count > 0 && hs_tnode_attr(n, HS_TA_GROUP_BY) != NULL)
        rc = group_nodes(ev, n, set, &groups, &keys, &count);
    const hs_tattr *as = hs_tnode_attr(n, HS_TA_AS);
    xmlNodePtr saved_node = ev->xp->node;
    int saved_pos = ev->xp->proximityPosition, saved_size = ev->xp->contextSize;
    xmlNodeSetPtr saved_group = ev->env.group;
    const char *saved_key = ev->env.group_key;
    for (int i = 0; i < count && rc == 0; i++) {
        ev->xp->node = groups ? groups[i]->nodeTab[0] : set->nodeTab[i];
        ev->xp->proximityPosition = i + 1;
        ev->xp->contextSize = count;
        if (groups != NULL) {
            ev->env.group = groups[i];
            ev->env.group_key = keys[i];
        }
        hs_var *mark = ev->vars;
        if (as != NULL)
            hs_ev_push_var(ev, as->raw,
                           groups ? xmlXPathNewNodeSetList(groups[i])
                                  : xmlXPathNewNodeSet(set->nodeTab[i]));
        rc = one(ev, n, s, p);
        hs_ev_pop_vars(ev, mark);
    }
    ev->xp->node = saved_node;
    ev->xp->proximityPosition = saved_pos;
    ev->xp->contextSize = saved_size;
    ev->env.group = saved_group;
    ev->env.group_key = saved_key;
    xmlXPathFreeObject(o);
    return rc;
}

int
hs_ev_if_attr(hs_ev *ev, const hs_tnode *n)
{
    int ok = 1;
    if (hs_tnode_attr(n, HS_TA_IF) != NULL &&
        hs_ev_bool(ev, hs_tnode_attr(n, HS_TA_IF)->x, &ok) != 0)
        return -1;
    return ok != 0;
}

/* An element after its each: its if, then what it is. */
static int
element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    int on = hs_ev_if_attr(ev, n);
    if (on <= 0)
        return on;
    switch (n->kind) {
    case HS_TK_FOR:
        return hs_ev_children(ev, n, s, p);
    case HS_TK_INCLUDE:
        hs_inputs_note(n->path); /* the document depends on the part's file */
        hs_ev_register_ns(ev, n->part);
        return hs_ev_children(ev, n->part->root, s, p);
    case HS_TK_REQUIRE:
        return hs_ev_require(ev, n);
    case HS_TK_ASSERT:
        return assert_(ev, n);
    default:
        break;
    }
    hs_tfamily f = hs_ev_family(n);
    switch (s->mode) {
    case HS_SINK_ROWS:
        if (f == HS_TF_ROW)
            return hs_ev_row(ev, n, s, p);
        break;
    case HS_SINK_CELLS:
        if (f == HS_TF_CELL)
            return hs_ev_cell(ev, n, s, p);
        break;
    case HS_SINK_INLINE:
        if (f == HS_TF_INLINE)
            return hs_ev_inline_element(ev, n, s, p);
        if (f == HS_TF_BLOCK)
            return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "<%s> cannot be inside a paragraph",
                               hs_telem_defs[n->kind].name);
        break;
    case HS_SINK_BLOCKS:
        if (f == HS_TF_INLINE)
            return hs_ev_inline_element(ev, n, s, p);
        if (f == HS_TF_BLOCK) {
            if (hs_ev_flush(ev, s) != 0)
                return -1;
            return hs_ev_block_element(ev, n, s, p);
        }
        break;
    }
    return hs_ev_error(ev, n, HS_CODE_TEMPLATE, "<%s> is not allowed in %s",
                       hs_telem_defs[n->kind].name, mode_name(s->mode));
}

static int
if_else(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    int ok;
    if (hs_ev_bool(ev, hs_tnode_attr(n, HS_TA_TEST)->x, &ok) != 0)
        return -1;
    if (ok)
        return hs_ev_children(ev, n, s, p);
    if (n->else_node != NULL)
        return hs_ev_children(ev, n->else_node, s, p);
    return 0;
}

int
hs_ev_safe_point(hs_ev *ev, int *rc)
{
    if (ev->r->errors >= (ev->r->limit ? ev->r->limit : 20))
        return 1;
    /* past the document's limits: stop here (job.c says which) */
    if (hs_budget_exceeded() != HS_BUDGET_OK) {
        *rc = -1;
        return 1;
    }
    return 0;
}

int
hs_ev_children(hs_ev *ev, const hs_tnode *parent, hs_sink *s, const hs_props *p)
{
    hs_var *mark = ev->vars;
    int rc = 0;
    for (const hs_tnode *n = parent->first; n != NULL && rc == 0; n = n->next) {
        if (hs_ev_safe_point(ev, &rc))
            break;
        switch (n->kind) {
        case HS_TK_TEXT:
            if (s->mode == HS_SINK_ROWS || s->mode == HS_SINK_CELLS) {
                if (!n->space_only)
                    rc = hs_ev_error(ev, n, HS_CODE_TEMPLATE, "text is not allowed in %s",
                                     mode_name(s->mode));
            } else {
                rc = hs_ev_text_node(ev, n, s, p);
            }
            break;
        case HS_TK_LET:
            rc = let(ev, n);
            break;
        case HS_TK_IF:
            rc = if_else(ev, n, s, p);
            break;
        case HS_TK_ELSE:
            break; /* taken by its <if> */
        case HS_TK_NAME:
        case HS_TK_STYLE:
        case HS_TK_HEADER:
        case HS_TK_FOOTER:
        case HS_TK_WATERMARK: {
            /* a section's own header and footer stand directly in it */
            int in_section = ev->section_sink != NULL && s == ev->section_sink &&
                             (n->kind == HS_TK_HEADER || n->kind == HS_TK_FOOTER);
            if ((s != ev->top && !in_section) || !hs_ev_top_level(ev, n, &rc))
                rc = hs_ev_error(ev, n, HS_CODE_TEMPLATE, "<%s> belongs directly under <document>",
                                 hs_telem_defs[n->kind].name);
            break;
        }
        default:
            rc = hs_tnode_attr(n, HS_TA_EACH) != NULL ? hs_ev_repeat(ev, n, s, p, element)
                                                      : element(ev, n, s, p);
            break;
        }
    }
    hs_ev_pop_vars(ev, mark);
    return rc;
}
