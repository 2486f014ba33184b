/* engine/tpl/compile.c — a template's DOM into typed nodes, every mistake an
 * error with its file and line.
 *
 * The compiler reports all it finds (up to the report's limit) rather than
 * stopping at the first, so one `hoso check` lists what to fix. Variables
 * follow the evaluation's scope: a <let> is visible to its following
 * siblings and their descendants, an each's `as` inside the element; a part
 * may use variables it does not define, and each <include> checks that
 * they are defined where it stands. */
#include "tpl/tpl_int.h"

#include <stdint.h>
#include <string.h>

static int
fail(hs_tc *t)
{
    t->failed = 1;
    return -1;
}

static int __attribute__((format(printf, 3, 4))) err(hs_tc *t, hs_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hs_verror(t->r, loc, HS_CODE_TEMPLATE, fmt, ap);
    va_end(ap);
    return fail(t);
}

static int
too_many(hs_tc *t)
{
    return t->r->errors >= (t->r->limit ? t->r->limit : 20);
}

int
hs_tc_var(hs_tc *t, const char *name, hs_loc loc, const char *shown)
{
    const char *near[64];
    size_t n = 0;
    for (hs_tscope *s = t->scope; s != NULL; s = s->next) {
        if (strcmp(s->name, name) == 0)
            return s->origin;
        if (n < 64)
            near[n++] = s->name;
    }
    if (strcmp(name, "profile") == 0)
        return HS_ORIGIN_PROFILE;
    if (t->is_part) {
        hs_tfree *f = HS_NEW(t->c->arena, hs_tfree);
        f->name = hs_arena_strdup(t->c->arena, name);
        f->loc = loc;
        f->shown = shown;
        f->next = t->entry->free_vars;
        t->entry->free_vars = f;
        return HS_ORIGIN_ANY;
    }
    if (n < 64)
        near[n++] = "profile";
    const char *s = hs_suggest(name, near, n);
    hs_error(t->r, loc, HS_CODE_XPATH, "unknown variable $%s%s%s%s in %s", name,
             s ? " (did you mean $" : "", s ? s : "", s ? "?)" : "", shown);
    t->failed = 1;
    return -1;
}

static void
push_var(hs_tc *t, const char *name, hs_origin o)
{
    hs_tscope *s = HS_NEW(t->c->arena, hs_tscope);
    s->name = name;
    s->origin = o;
    s->next = t->scope;
    t->scope = s;
}

/* a, b, c and d end to end, in the arena: how messages show what was written
 * ({expr}, name="value", <tag>), made for every expression compiled; by
 * hs_arena_printf, two passes of vsnprintf, they were a tenth of the
 * compile. */
static const char *
joined(hs_arena *ar, const char *a, const char *b, const char *c, const char *d)
{
    size_t na = strlen(a), nb = strlen(b), nc = strlen(c), nd = strlen(d);
    char *s = hs_arena_alloc(ar, na + nb + nc + nd + 1);
    memcpy(s, a, na);
    memcpy(s + na, b, nb);
    memcpy(s + na + nb, c, nc);
    memcpy(s + na + nb + nc, d, nd + 1);
    return s;
}

static int
has_braces(const char *s)
{
    return strchr(s, '{') != NULL || strchr(s, '}') != NULL;
}

/* "Trang {page}" into pieces; NULL after reporting. */
static const hs_tinterp *
interp(hs_tc *t, const char *text, hs_loc loc, const char *where)
{
    hs_arena *a = t->c->arena;
    hs_tinterp *in = HS_NEW(a, hs_tinterp);
    in->raw = hs_arena_strdup(a, text);
    if (!has_braces(text)) { /* most text of a template, and all its indentation */
        size_t n = strlen(text);
        in->p = HS_NEW(a, hs_tpiece);
        if (n > 0) {
            in->p[0].lit = in->raw;
            in->p[0].len = n;
            in->n = 1;
        }
        return in;
    }
    int cap = 4;
    in->p = HS_NEW_N(a, (size_t)cap, hs_tpiece);
    hs_buf lit;
    hs_buf_init(&lit, a);
    int bad = 0;
    for (const char *p = text; *p;) {
        if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            hs_buf_addc(&lit, p[0]);
            p += 2;
            continue;
        }
        if (p[0] == '}') {
            err(t, loc, "a lone '}' in %s (write '}}' for a brace)", where);
            return NULL;
        }
        if (p[0] != '{') { /* the run of text up to the next brace, at once */
            size_t run = strcspn(p, "{}");
            hs_buf_add(&lit, p, run);
            p += run;
            continue;
        }
        const char *end = p + 1;
        for (char quote = 0; *end && (quote || *end != '}'); end++)
            if (quote ? *end == quote : (*end == '\'' || *end == '"'))
                quote = quote ? 0 : *end;
        if (*end == '\0')
            end = strchr(p + 1, '}'); /* a quote left open: XPath says so, with a caret */
        if (end == NULL) {
            err(t, loc, "'{' without its '}' in %s", where);
            return NULL;
        }
        if (in->n + 2 > cap) {
            in->p = hs_arena_realloc(a, in->p, sizeof *in->p * (size_t)cap,
                                     sizeof *in->p * (size_t)cap * 2);
            cap *= 2;
        }
        if (lit.len > 0) {
            in->p[in->n].lit = hs_arena_strndup(a, lit.data, lit.len);
            in->p[in->n++].len = lit.len;
            lit.len = 0;
        }
        const char *expr = hs_arena_strndup(a, p + 1, (size_t)(end - p - 1));
        const char *shown = joined(a, "{", expr, "}", "");
        const char *e = expr;
        while (*e == ' ' || *e == '\n' || *e == '\t' || *e == '\r')
            e++;
        if (*e == '\0') {
            err(t, loc, "an empty {} in %s", where);
            return NULL;
        }
        const hs_texpr *x = hs_tc_xpath(t, expr, loc, shown, NULL);
        if (x == NULL)
            bad = 1;
        in->p[in->n++].x = x;
        p = end + 1;
    }
    if (in->n + 1 > cap)
        in->p = hs_arena_realloc(a, in->p, sizeof *in->p * (size_t)cap,
                                 sizeof *in->p * (size_t)cap * 2);
    if (lit.len > 0) {
        in->p[in->n].lit = hs_arena_strndup(a, lit.data, lit.len);
        in->p[in->n++].len = lit.len;
    }
    if (bad) {
        t->failed = 1;
        return NULL;
    }
    return in;
}

static const char *
who_takes(hs_ta a)
{
    for (int k = 0; k < HS_TK_TEXT; k++)
        if (hs_tpl_takes((hs_tk)k, a))
            return hs_telem_defs[k].name;
    return NULL;
}

/* hs_tpl_elem_id (kind -1) or hs_tpl_attr_for (kind) of name, asked of the
 * vocabulary once per name and kind of the file: its linear search by
 * name was a tenth of the compile. */
static int
vocab_id(hs_tc *t, int kind, const xmlChar *name)
{
    size_t n = sizeof t->seen / sizeof t->seen[0];
    size_t i = (((uintptr_t)name >> 4) ^ (size_t)(kind + 1) * 31u) % n;
    if (t->seen[i].name == name && t->seen[i].kind == kind)
        return t->seen[i].id;
    int id = kind < 0 ? hs_tpl_elem_id(hs_xml_str(name))
                      : hs_tpl_attr_for((hs_tk)kind, hs_xml_str(name));
    t->seen[i].name = name;
    t->seen[i].kind = kind;
    t->seen[i].id = id;
    return id;
}

static int
attribute(hs_tc *t, hs_tnode *tn, const hs_tattr **all, size_t *nall, xmlAttr *at,
          hs_origin *each_origin)
{
    const char *tag = hs_telem_defs[tn->kind].name;
    const char *name = hs_xml_str(at->name);
    hs_loc loc = tn->loc;
    if (at->ns != NULL)
        return err(t, loc, "<%s> has no attribute %s:%s", tag, hs_xml_str(at->ns->prefix), name);
    int id = vocab_id(t, (int)tn->kind, at->name); /* one it takes, if any is */
    if (id < 0 || !hs_tpl_takes(tn->kind, (hs_ta)id)) {
        const char *names[HS_TA_COUNT];
        size_t n = 0;
        for (int a = 0; a < HS_TA_COUNT; a++)
            if (hs_tpl_takes(tn->kind, (hs_ta)a))
                names[n++] = hs_tattr_defs[a].name;
        const char *near = hs_suggest(name, names, n);
        if (near != NULL)
            return err(t, loc, "<%s> has no attribute %s (did you mean %s?)", tag, name, near);
        if (id >= 0)
            return err(t, loc, "<%s> has no attribute %s (it belongs to <%s>)", tag, name,
                       who_takes((hs_ta)id));
        return err(t, loc, "<%s> has no attribute %s", tag, name);
    }
    const char *v;
    const xmlNode *one = at->children;
    if (one != NULL && one->next == NULL && one->type == XML_TEXT_NODE) {
        v = hs_arena_strdup(t->c->arena, hs_xml_str(one->content)); /* nearly every value */
    } else {
        xmlChar *raw = xmlNodeListGetString(at->doc, at->children, 1);
        v = hs_arena_strdup(t->c->arena, raw ? hs_xml_str(raw) : "");
        xmlFree(raw);
    }
    hs_tattr *ta = HS_NEW(t->c->arena, hs_tattr);
    ta->id = (hs_ta)id;
    ta->loc = loc;
    ta->raw = v;
    all[(*nall)++] = ta; /* packed by pack_attrs once the element's are all read */
    const hs_tattr_def *d = &hs_tattr_defs[id];
    /* how a message shows an expression written here (kept with it): made
     * only for an attribute that holds one */
    const char *shown =
        d->type == HS_TT_XPATH || has_braces(v) ? joined(t->c->arena, name, "=\"", v, "\"") : NULL;
    if (d->type == HS_TT_XPATH) {
        const char *e = v;
        while (*e == ' ')
            e++;
        if (*e == '\0')
            return err(t, loc, "<%s %s=\"\">: expected an XPath expression", tag, name);
        hs_origin o;
        ta->x = hs_tc_xpath(t, v, loc, shown, &o);
        if (ta->x == NULL)
            return fail(t);
        ta->origin = (int)o;
        if (id == HS_TA_EACH && each_origin != NULL)
            *each_origin = o;
        return 0;
    }
    if (has_braces(v)) {
        if (d->type == HS_TT_NAME || tn->kind == HS_TK_INCLUDE)
            return err(t, loc, "<%s %s=\"%s\">: %s cannot hold {…}", tag, name, v, name);
        ta->interp = interp(t, v, loc, shown);
        return ta->interp == NULL ? fail(t) : 0;
    }
    char why[200];
    if (hs_tpl_parse_value((hs_ta)id, v, t->c->arena, &ta->v, why, sizeof why) != 0)
        return err(t, loc, "<%s %s=\"%s\">: %s", tag, name, v, why);
    return 0;
}

static const hs_tattr_def *
required(hs_tk k)
{
    switch (k) {
    case HS_TK_LET:
    case HS_TK_STYLE:
        return &hs_tattr_defs[HS_TA_NAME];
    case HS_TK_INCLUDE:
    case HS_TK_IMG:
        return &hs_tattr_defs[HS_TA_SRC];
    case HS_TK_REQUIRE:
        return &hs_tattr_defs[HS_TA_PATH];
    case HS_TK_ASSERT:
    case HS_TK_IF:
        return &hs_tattr_defs[HS_TA_TEST];
    case HS_TK_TABLE:
        return &hs_tattr_defs[HS_TA_COLUMNS];
    default:
        return NULL;
    }
}

static hs_tnode *element(hs_tc *t, xmlNode *n, hs_tnode *parent);
static int children(hs_tc *t, xmlNode *n, hs_tnode *tn);

static int
only_space(const xmlChar *s)
{
    for (; s != NULL && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* The text content of <name>, <assert>, <let>: text only. */
static int
text_content(hs_tc *t, xmlNode *n, hs_tnode *tn)
{
    const char *tag = hs_telem_defs[tn->kind].name;
    for (xmlNode *c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE) /* named as written: <x:b>, not <b> */
            return err(t, hs_loc_from_xml(c), "<%s> holds text only, not <%s%s%s>", tag,
                       c->ns != NULL && c->ns->prefix != NULL ? hs_xml_str(c->ns->prefix) : "",
                       c->ns != NULL && c->ns->prefix != NULL ? ":" : "", hs_xml_str(c->name));
    xmlChar *content = xmlNodeGetContent(n);
    tn->text = interp(t, content ? hs_xml_str(content) : "", tn->loc,
                      joined(t->c->arena, "<", tag, ">", ""));
    xmlFree(content);
    return tn->text == NULL ? fail(t) : 0;
}

/* The data of a <let> of elements is taken as written: a {…} (or an if or
 * each) in it would print as its own text, never evaluated. NULL, or the
 * first node that has one. */
static xmlNode *
evaluated_in_data(xmlNode *n, const char **what)
{
    for (xmlNode *c = n->children; c != NULL; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            strpbrk(hs_xml_str(c->content), "{}") != NULL)
            return *what = "{…}", c;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttr *a = c->properties; a != NULL; a = a->next) {
            xmlChar *v = xmlNodeListGetString(c->doc, a->children, 1);
            int braces = v != NULL && strpbrk(hs_xml_str(v), "{}") != NULL;
            xmlFree(v);
            if (braces)
                return *what = "{…}", c;
            if (a->ns == NULL && (strcmp(hs_xml_str(a->name), "if") == 0 ||
                                  strcmp(hs_xml_str(a->name), "each") == 0))
                return *what = strcmp(hs_xml_str(a->name), "if") == 0 ? "if=" : "each=", c;
        }
        xmlNode *in = evaluated_in_data(c, what);
        if (in != NULL)
            return in;
    }
    return NULL;
}

/* A <let> of elements: a node list of the template's own elements. */
static int
let_content(hs_tc *t, xmlNode *n, hs_tnode *tn)
{
    int elements = 0, text = 0;
    for (xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            elements = 1;
        else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
                 !only_space(c->content))
            text = 1;
    }
    if (!elements)
        return text_content(t, n, tn);
    if (text)
        return err(t, tn->loc, "<let> holds either text or elements, not both");
    if (hs_tnode_attr(tn, HS_TA_VALUE) != NULL)
        return err(t, tn->loc, "<let> has a value and content: give one of them");
    const char *what = NULL;
    xmlNode *bad = evaluated_in_data(n, &what);
    if (bad != NULL)
        return err(t, hs_loc_from_xml(bad),
                   "a <let> of elements is data, taken as written: %s is not evaluated in it "
                   "(for text with {…}: <let name=\"…\">text {…}</let>)",
                   what);
    tn->dom = n;
    return 0;
}

static int
include(hs_tc *t, hs_tnode *tn)
{
    const hs_tattr *src = hs_tnode_attr(tn, HS_TA_SRC);
    if (src == NULL)
        return -1;
    const char *path = hs_tpl_intern(t->c, hs_tpl_resolve(t->c->arena, tn->loc.file, src->raw));
    hs_tentry *e = NULL;
    for (hs_tentry *x = t->c->first; x != NULL; x = x->next)
        if (strcmp(x->path, path) == 0)
            e = x;
    if (e != NULL && e->compiling)
        return err(t, tn->loc, "%s includes itself (through %s)", path, tn->loc.file);
    if (hs_tpl_load(t->c, path, t->r) == NULL) {
        hs_note(t->r, tn->loc, "included here");
        return fail(t);
    }
    for (e = t->c->first; e != NULL && strcmp(e->path, path) != 0; e = e->next)
        ;
    if (e == NULL || e->tpl == NULL)
        return fail(t);
    if (e->tpl->root->kind != HS_TK_PART)
        return err(t, tn->loc,
                   "%s is not a part: an included file has <part> as its root, not <%s>", path,
                   hs_telem_defs[e->tpl->root->kind].name);
    tn->part = e->tpl;
    tn->path = path;
    hs_tinc *inc = HS_NEW(t->c->arena, hs_tinc);
    inc->e = e;
    inc->next = t->entry->includes;
    t->entry->includes = inc;
    /* the part's own variables must be defined here (once per name) */
    for (hs_tfree *f = e->free_vars; f != NULL; f = f->next) {
        int seen = 0;
        for (hs_tfree *g = e->free_vars; g != f; g = g->next)
            seen |= strcmp(g->name, f->name) == 0;
        if (seen)
            continue;
        int known = strcmp(f->name, "profile") == 0;
        for (hs_tscope *s = t->scope; s != NULL && !known; s = s->next)
            known = strcmp(s->name, f->name) == 0;
        if (known)
            continue;
        if (t->is_part) {
            hs_tfree *g = HS_NEW(t->c->arena, hs_tfree);
            *g = *f;
            g->next = t->entry->free_vars;
            t->entry->free_vars = g;
            continue;
        }
        hs_error(t->r, f->loc, HS_CODE_XPATH, "unknown variable $%s in %s", f->name, f->shown);
        hs_note(t->r, tn->loc, "included here, where no <let name=\"%s\"> comes before", f->name);
        t->failed = 1;
    }
    return 0;
}

/* The slots of a node that has no attribute: shared by most nodes. */
static const unsigned char no_slots[HS_TA_COUNT];

/* The n attributes read into all (in the order they were written, ids in
 * slot) into the node's own arrays, allocated at their size. */
static void
pack_attrs(hs_tc *t, hs_tnode *tn, const hs_tattr *const *all, size_t n)
{
    if (n == 0)
        return;
    /* one block: the pointers, then the slots */
    const hs_tattr **packed =
        hs_arena_alloc(t->c->arena, n * sizeof *packed + HS_TA_COUNT * sizeof(unsigned char));
    unsigned char *slot = (unsigned char *)(packed + n);
    for (size_t i = 0; i < n; i++) {
        packed[i] = all[i];
        slot[all[i]->id] = (unsigned char)(i + 1);
    }
    tn->slot = slot;
    tn->attr = packed;
}

static hs_tnode *
new_node(hs_tc *t, hs_tk k, hs_loc loc, hs_tnode *parent)
{
    hs_tnode *tn = HS_NEW(t->c->arena, hs_tnode);
    tn->slot = no_slots;
    tn->kind = k;
    tn->loc = loc;
    tn->parent = parent;
    return tn;
}

static const char *
where_name(int w)
{
    switch (w) {
    case HS_TW_INLINE:
        return "a paragraph";
    case HS_TW_ROWS:
        return "a <table> (only <tr> may be here)";
    case HS_TW_CELLS:
        return "a <tr> (only <td> and <th> may be here)";
    default:
        return "a block";
    }
}

static hs_tnode *
text_node(hs_tc *t, xmlNode *n, hs_tnode *parent)
{
    hs_tnode *tn = new_node(t, HS_TK_TEXT, hs_loc_from_xml(n), parent);
    tn->space_only = only_space(n->content);
    if (!tn->space_only && (t->where == HS_TW_ROWS || t->where == HS_TW_CELLS)) {
        err(t, tn->loc, "text is not allowed in %s", where_name(t->where));
        return NULL;
    }
    tn->text = interp(t, hs_xml_str(n->content), tn->loc, "text");
    if (tn->text == NULL) {
        t->failed = 1;
        return NULL;
    }
    return tn;
}

static int
unknown_element(hs_tc *t, xmlNode *n)
{
    hs_loc loc = hs_loc_from_xml(n);
    const char *name = hs_xml_str(n->name);
    if (n->ns != NULL && n->ns->prefix != NULL)
        return err(t, loc, "unknown element <%s:%s> (a template's elements have no namespace)",
                   hs_xml_str(n->ns->prefix), name);
    /* a default namespace (xmlns="…"): the name alone is one of ours, so
     * the nearest name would be a wrong hint */
    if (n->ns != NULL)
        return err(t, loc,
                   "unknown element <%s> in namespace %s (a template's elements have no "
                   "namespace)",
                   name, hs_xml_str(n->ns->href));
    const char *names[HS_TK_COUNT];
    for (int k = 0; k < HS_TK_TEXT; k++)
        names[k] = hs_telem_defs[k].name;
    const char *near = hs_suggest(name, names, HS_TK_TEXT);
    if (near != NULL)
        return err(t, loc, "unknown element <%s> (did you mean <%s>?)", name, near);
    return err(t, loc, "unknown element <%s> (see hoso help template)", name);
}

/* Whether an element of family f may stand where t is; said when not. */
static int
placed(hs_tc *t, const hs_telem_def *d, hs_loc loc)
{
    hs_tfamily f = d->family;
    if (f == HS_TF_CONTROL || f == HS_TF_TOP || f == HS_TF_HEAD || t->where == HS_TW_ANY)
        return 1;
    int ok = t->where == HS_TW_BLOCKS   ? f == HS_TF_BLOCK || f == HS_TF_INLINE
             : t->where == HS_TW_INLINE ? f == HS_TF_INLINE
             : t->where == HS_TW_ROWS   ? f == HS_TF_ROW
                                        : f == HS_TF_CELL;
    if (ok)
        return 1;
    if (t->where == HS_TW_INLINE && f == HS_TF_BLOCK)
        err(t, loc, "<%s> cannot be inside a paragraph", d->name);
    else
        err(t, loc, "<%s> is not allowed in %s", d->name, where_name(t->where));
    return 0;
}

/* What the content of an element of kind k may hold. */
static int
holds(hs_tc *t, hs_tk k)
{
    switch (hs_telem_defs[k].family) {
    case HS_TF_TOP:
        return k == HS_TK_DOCUMENT ? HS_TW_BLOCKS : HS_TW_ANY;
    case HS_TF_BLOCK:
        return k == HS_TK_TABLE                       ? HS_TW_ROWS
               : k == HS_TK_DIV || k == HS_TK_SECTION ? HS_TW_BLOCKS
                                                      : HS_TW_INLINE;
    case HS_TF_ROW:
        return HS_TW_CELLS;
    case HS_TF_INLINE:
        return HS_TW_INLINE;
    case HS_TF_CONTROL:
        return t->where; /* if, else, for: what their parent holds */
    default:             /* header, footer, cells */
        return HS_TW_BLOCKS;
    }
}

static hs_tnode *
element(hs_tc *t, xmlNode *n, hs_tnode *parent)
{
    int k = n->ns == NULL ? vocab_id(t, -1, n->name) : -1;
    if (k < 0) {
        unknown_element(t, n);
        return NULL;
    }
    const hs_telem_def *d = &hs_telem_defs[k];
    hs_tnode *tn = new_node(t, (hs_tk)k, hs_loc_from_xml(n), parent);
    if (d->family == HS_TF_TOP && parent != NULL) {
        err(t, tn->loc, "<%s> is the root of a file, never inside another element", d->name);
        return NULL;
    }
    /* a section's own header and footer stand directly in it */
    int in_section =
        parent != NULL && parent->kind == HS_TK_SECTION && (k == HS_TK_HEADER || k == HS_TK_FOOTER);
    if (d->family == HS_TF_HEAD && !in_section && (parent == NULL || parent->parent != NULL)) {
        err(t, tn->loc, "<%s> belongs directly under <document>%s", d->name,
            k == HS_TK_HEADER || k == HS_TK_FOOTER ? " or a <section>" : "");
        return NULL;
    }
    if (!placed(t, d, tn->loc))
        return NULL;
    hs_tscope *mark = t->scope;
    hs_origin saved_ctx = t->ctx;
    int saved_where = t->where;
    t->where = holds(t, tn->kind);
    /* each first: the element's other attributes see its node and `as`.
     * The each without a namespace only: xmlHasProp matches the local name
     * alone, and an x:each taken for it was neither compiled nor reported. */
    xmlAttr *each = xmlHasNsProp(n, hs_xml_ustr("each"), NULL);
    hs_origin each_origin = t->ctx;
    int bad = 0;
    const hs_tattr *all[HS_TA_COUNT]; /* one of each id at most: XML names each once */
    size_t nall = 0;
    if (each != NULL && attribute(t, tn, all, &nall, each, &each_origin) != 0)
        bad = 1;
    if (each != NULL && !bad)
        t->ctx = each_origin;
    for (xmlAttr *a = n->properties; a != NULL; a = a->next)
        if (a != each && attribute(t, tn, all, &nall, a, NULL) != 0)
            bad = 1;
    pack_attrs(t, tn, all, nall);
    if (hs_tnode_attr(tn, HS_TA_AS) != NULL && hs_tnode_attr(tn, HS_TA_EACH) == NULL) {
        err(t, tn->loc, "<%s as=\"%s\"> needs each", d->name, hs_tnode_attr(tn, HS_TA_AS)->raw);
        bad = 1;
    }
    if (hs_tnode_attr(tn, HS_TA_GROUP_BY) != NULL && hs_tnode_attr(tn, HS_TA_EACH) == NULL) {
        err(t, tn->loc, "<%s group-by=\"%s\"> needs each", d->name,
            hs_tnode_attr(tn, HS_TA_GROUP_BY)->raw);
        bad = 1;
    }
    if (hs_tnode_attr(tn, HS_TA_AS) != NULL)
        push_var(t, hs_tnode_attr(tn, HS_TA_AS)->raw, each_origin);
    const hs_tattr_def *req = required(tn->kind);
    if (req != NULL && hs_tnode_attr(tn, (hs_ta)(req - hs_tattr_defs)) == NULL) {
        err(t, tn->loc, "<%s> needs a %s attribute", d->name, req->name);
        bad = 1;
    }
    int rc = 0;
    switch (tn->kind) {
    case HS_TK_NAME:
    case HS_TK_ASSERT:
        rc = text_content(t, n, tn);
        break;
    case HS_TK_LET:
        rc = let_content(t, n, tn);
        break;
    case HS_TK_INCLUDE:
        if (!bad)
            rc = include(t, tn);
        /* fall through */ /* an include has no content */
    case HS_TK_REQUIRE:
    case HS_TK_BR:
    case HS_TK_PAGE_BREAK:
    case HS_TK_PAGE_NUMBER:
    case HS_TK_PAGE_COUNT:
    case HS_TK_CHECKBOX:
    case HS_TK_HR:
    case HS_TK_TOC:
    case HS_TK_SPACE:
    case HS_TK_IMG:
    case HS_TK_STYLE:
        for (xmlNode *c = n->children; c != NULL && rc == 0; c = c->next)
            if (c->type == XML_ELEMENT_NODE ||
                (c->type == XML_TEXT_NODE && !only_space(c->content)))
                rc = err(t, hs_loc_from_xml(c), "<%s> is empty: it holds no content", d->name);
        break;
    default:
        rc = children(t, n, tn);
        break;
    }
    t->scope = mark;
    t->ctx = saved_ctx;
    t->where = saved_where;
    if (rc != 0 || bad)
        t->failed = 1;
    return tn;
}

static int
children(hs_tc *t, xmlNode *n, hs_tnode *tn)
{
    hs_tscope *mark = t->scope;
    hs_tnode **tail = &tn->first;
    hs_tnode *prev_el = NULL;
    for (xmlNode *c = n->children; c != NULL && !too_many(t); c = c->next) {
        hs_tnode *x = NULL;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            x = text_node(t, c, tn);
        } else if (c->type == XML_ELEMENT_NODE) {
            x = element(t, c, tn);
            if (x != NULL && x->kind == HS_TK_ELSE) {
                if (prev_el == NULL || prev_el->kind != HS_TK_IF)
                    err(t, x->loc, "<else> must follow an <if>");
                else
                    prev_el->else_node = x;
            }
            if (x != NULL && x->kind == HS_TK_LET && hs_tnode_attr(x, HS_TA_NAME) != NULL) {
                hs_origin o = x->dom ? HS_ORIGIN_NONE : t->ctx;
                if (hs_tnode_attr(x, HS_TA_VALUE) != NULL)
                    o = (hs_origin)hs_tnode_attr(x, HS_TA_VALUE)
                            ->origin; /* what its first path walks */
                else if (x->text != NULL)
                    o = HS_ORIGIN_NONE;
                push_var(t, hs_tnode_attr(x, HS_TA_NAME)->raw, o);
            }
            if (x != NULL)
                prev_el = x;
        } else {
            continue; /* comments, processing instructions */
        }
        if (x == NULL)
            continue;
        *tail = x;
        tail = &x->next;
    }
    t->scope = mark;
    return 0;
}

hs_tpl *
hs_tc_compile_file(hs_tpl_cache *c, hs_tentry *e, xmlDocPtr doc, hs_report *r)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    hs_tc t = {
        .c = c, .r = r, .entry = e, .ctx = HS_ORIGIN_RECORD, .dom_root = root, .where = HS_TW_ANY};
    if (root == NULL) {
        hs_error(r, (hs_loc){e->path, 0}, HS_CODE_TEMPLATE, "an empty file");
        return NULL;
    }
    t.is_part = hs_xml_is(root, "part");
    if (t.is_part)
        t.ctx = HS_ORIGIN_ANY;
    else if (!hs_xml_is(root, "document")) {
        hs_error(r, hs_loc_from_xml(root), HS_CODE_TEMPLATE,
                 "a template has <document> as its root (a part: <part>), not <%s>",
                 hs_xml_str(root->name));
        return NULL;
    }
    hs_tnode *tn = element(&t, root, NULL);
    if (tn == NULL || t.failed)
        return NULL;
    hs_tpl *tpl = HS_NEW(c->arena, hs_tpl);
    tpl->path = e->path;
    tpl->root = tn;
    tpl->doc = doc;
    return tpl;
}
