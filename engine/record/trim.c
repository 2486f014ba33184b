/* engine/record/trim.c — the schema's "no outer white space" patterns
 * checked in C on the way to a valid record.
 *
 * Why: libxml2 checks a pattern facet with its backtracking regular
 * expression engine (xmlFARegExec: a rollback saved per character), about 50
 * instructions a character; `\S(.*\S)?` and `\S([\s\S]*\S)?` run over every
 * name, title and running text of a record, 13 % of a 35-page quote. The
 * schema stays the single source: the patterns are found in it by their
 * text, and the names of the elements and attributes whose types carry them
 * are read from it. A record is validated against a copy of the schema
 * without those two patterns, then its values of those names are checked
 * here; a record that fails either (or whose values merely look suspect: the
 * check flags a superset) is validated again against the whole schema, whose
 * messages are then the only ones reported — the same messages, in the same
 * order, as without this path. */
#include "record/record_int.h"

#include <stdlib.h>
#include <string.h>

/* XSD's \s is exactly these four; \S everything else. */
#define XSD_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static const char ONE_LINE[] = "\\S(.*\\S)?";       /* also no \n, \r inside */
static const char TRIMMED[] = "\\S([\\s\\S]*\\S)?"; /* no outer white space */

enum { KIND_NONE = 0, KIND_TRIMMED = 1, KIND_ONE_LINE = 2 };

typedef struct named {
    char *name;
    int kind;
} named;

struct hs_trim {
    named *decl; /* element and attribute names, sorted; kind of the strictest */
    size_t n_decl;
};

typedef struct list {
    named *v;
    size_t n, cap;
} list;

/* The value of an attribute of the schema document (plain text there). */
static const char *
prop(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
        if (strcmp((const char *)a->name, name) == 0 && a->children != NULL &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

/* The local name first: it mostly differs at its first letter, and every
 * element of a schema has the namespace (the schema's walks ask this of
 * each element several times). */
static int
is_xs(const xmlNode *n, const char *local)
{
    return n->type == XML_ELEMENT_NODE && n->ns != NULL && n->name[0] == (xmlChar)local[0] &&
           strcmp((const char *)n->name, local) == 0 &&
           strcmp((const char *)n->ns->href, "http://www.w3.org/2001/XMLSchema") == 0;
}

static void
add(list *l, const char *name, int kind)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].name[0] == name[0] && strcmp(l->v[i].name, name) == 0) {
            if (kind > l->v[i].kind)
                l->v[i].kind = kind;
            return;
        }
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (l->v == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    l->v[l->n].name = strdup(name);
    if (l->v[l->n].name == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    l->v[l->n++].kind = kind;
}

static int
kind_in(const list *l, const char *qname)
{
    const char *colon = strchr(qname, ':');
    const char *name = colon ? colon + 1 : qname;
    for (size_t i = 0; i < l->n; i++) /* the first letter first: most differ there */
        if (l->v[i].name[0] == name[0] && strcmp(l->v[i].name, name) == 0)
            return l->v[i].kind;
    return KIND_NONE;
}

static int
attr_kind(const xmlNode *n, const char *attr, const list *types)
{
    const char *v = prop(n, attr);
    return v ? kind_in(types, v) : KIND_NONE;
}

/* The strictest kind a declaration or type gets from its own patterns and
 * from the types it names (type=, base=), not looking into nested
 * declarations of elements or attributes. */
static int
kind_below(const xmlNode *n, const list *types)
{
    int k = KIND_NONE;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_xs(c, "element") || is_xs(c, "attribute"))
            continue;
        int ck = KIND_NONE;
        if (is_xs(c, "pattern")) {
            const char *v = prop(c, "value");
            if (v != NULL && strcmp(v, ONE_LINE) == 0)
                ck = KIND_ONE_LINE;
            else if (v != NULL && strcmp(v, TRIMMED) == 0)
                ck = KIND_TRIMMED;
        } else {
            ck = attr_kind(c, "base", types);
            int below = kind_below(c, types);
            if (below > ck)
                ck = below;
        }
        if (ck > k)
            k = ck;
    }
    return k;
}

static void
walk_decls(const xmlNode *n, const list *types, list *decls)
{
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_xs(c, "element") || is_xs(c, "attribute")) {
            const char *name = prop(c, "name");
            int k = attr_kind(c, "type", types);
            int below = kind_below(c, types);
            if (below > k)
                k = below;
            if (name != NULL && k != KIND_NONE)
                add(decls, name, k);
        }
        walk_decls(c, types, decls);
    }
}

/* Drop the two patterns from the schema document. */
static void
drop_patterns(xmlNode *n)
{
    xmlNode *c = n->children;
    while (c != NULL) {
        xmlNode *next = c->next;
        if (is_xs(c, "pattern")) {
            const char *v = prop(c, "value");
            int drop = v != NULL && (strcmp(v, ONE_LINE) == 0 || strcmp(v, TRIMMED) == 0);
            if (drop) {
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            drop_patterns(c);
        }
        c = next;
    }
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

hs_trim *
hs_trim_new(xmlDocPtr xsd)
{
    xmlNode *root = xmlDocGetRootElement(xsd);
    list types = {0}, decls = {0};
    /* named types: a fixpoint, since a type may name one defined later */
    for (int changed = 1; changed;) {
        changed = 0;
        for (const xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next) {
            if (!is_xs(c, "simpleType") && !is_xs(c, "complexType"))
                continue;
            const char *name = prop(c, "name");
            int k = kind_below(c, &types);
            if (name != NULL && k > kind_in(&types, name)) {
                add(&types, name, k);
                changed = 1;
            }
        }
    }
    if (root != NULL)
        walk_decls(root, &types, &decls);
    for (size_t i = 0; i < types.n; i++)
        free(types.v[i].name);
    free(types.v);
    hs_trim *t = calloc(1, sizeof *t);
    if (t == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    t->decl = decls.v;
    t->n_decl = decls.n;
    qsort(t->decl, t->n_decl, sizeof *t->decl, by_name);
    if (root != NULL)
        drop_patterns(root);
    return t;
}

void
hs_trim_free(hs_trim *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->n_decl; i++)
        free(t->decl[i].name);
    free(t->decl);
    free(t);
}

static int
kind_of(const hs_trim *t, const xmlChar *name)
{
    named key = {(char *)name, 0};
    const named *hit = bsearch(&key, t->decl, t->n_decl, sizeof *t->decl, by_name);
    return hit ? hit->kind : KIND_NONE;
}

/* 0 when a value of this kind matches its pattern; -1 when it may not */
static int
value_ok(const xmlChar *v, size_t n, int kind)
{
    if (n == 0 || XSD_SPACE(v[0]) || XSD_SPACE(v[n - 1]))
        return -1;
    if (kind == KIND_ONE_LINE && (memchr(v, '\n', n) != NULL || memchr(v, '\r', n) != NULL))
        return -1;
    return 0;
}

static int
element_ok(const hs_trim *t, const xmlNode *e)
{
    for (const xmlAttr *a = e->properties; a != NULL; a = a->next) {
        int k = kind_of(t, a->name);
        if (k == KIND_NONE)
            continue;
        if (a->children == NULL || a->children->next != NULL || a->children->type != XML_TEXT_NODE)
            return -1; /* an entity in the value: let the whole schema judge */
        const xmlChar *v = a->children->content;
        if (value_ok(v, strlen((const char *)v), k) != 0)
            return -1;
    }
    int k = kind_of(t, e->name);
    const xmlNode *text = NULL;
    for (const xmlNode *c = e->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            if (element_ok(t, c) != 0)
                return -1;
        } else if (k != KIND_NONE) {
            if (text != NULL || c->type != XML_TEXT_NODE)
                return -1; /* split text, CDATA, entities, comments: the whole schema */
            text = c;
        }
    }
    if (k == KIND_NONE)
        return 0;
    if (text == NULL)
        return -1;
    return value_ok(text->content, strlen((const char *)text->content), k);
}

int
hs_trim_ok(const hs_trim *t, xmlDocPtr doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    return root != NULL && element_ok(t, root) == 0 ? 0 : -1;
}
