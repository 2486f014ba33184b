/* engine/record/content.c — why an element's children do not match the
 * schema, in plain words, from libxml2's structured error (its code and
 * node) and the schema document itself: never from libxml2's English.
 *
 * The content model of the parent is read from the XSD (sequence, choice,
 * element, any with min/maxOccurs) and matched against the children the way
 * a reader would: the first required element missing, an element the
 * parent cannot hold (with the nearest name it can), one out of its place,
 * one too many. */
#include "record/record_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XS(n, name) hs_xml_is((n), (name))

static int
occurs(const xmlNode *p, const char *attr, int dflt)
{
    const char *v = hs_xml_attr(p, attr);
    if (v == NULL)
        return dflt;
    if (strcmp(v, "unbounded") == 0)
        return 1 << 30;
    return atoi(v);
}

static xmlNode *
first_particle(xmlNode *n)
{
    for (n = n ? n->children : NULL; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && (XS(n, "sequence") || XS(n, "choice") || XS(n, "all")))
            return n;
    return NULL;
}

static xmlNode *
find_named(xmlNode *n, const char *kind, const char *name)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *v = hs_xml_attr(n, "name");
        if (XS(n, kind) && v != NULL && strcmp(v, name) == 0)
            return n;
        xmlNode *in = find_named(n->children, kind, name);
        if (in != NULL)
            return in;
    }
    return NULL;
}

/* The content model (a sequence or choice) of element name; NULL when it has
 * simple content or is not declared. */
static xmlNode *
model_of(xmlDocPtr xsd, const char *name)
{
    xmlNode *root = xmlDocGetRootElement(xsd);
    for (xmlNode *e = root; (e = find_named(e, "element", name)) != NULL;) {
        xmlNode *m = NULL;
        const char *type = hs_xml_attr(e, "type");
        if (type != NULL)
            m = first_particle(find_named(root->children, "complexType", type));
        else
            for (xmlNode *c = e->children; c != NULL && m == NULL; c = c->next)
                if (c->type == XML_ELEMENT_NODE && XS(c, "complexType"))
                    m = first_particle(c);
        if (m != NULL)
            return m;
        /* another declaration of the same name further on */
        xmlNode *next = e;
        while (next != NULL && next->next == NULL)
            next = next->parent;
        if (next == NULL)
            return NULL;
        e = next->next;
    }
    return NULL;
}

typedef struct kids {
    const xmlNode *v[512];
    int n;
} kids;

typedef struct miss {
    const char *name; /* the element missing */
    int at;           /* the child where it was expected */
    int in_choice;    /* it is one of alternatives (feedback: cost and days, or reason) */
} miss;

static int
named(const xmlNode *k, const char *name)
{
    return k->ns == NULL && strcmp(hs_xml_str(k->name), name) == 0;
}

/* Match particle p from child pos: the position after, or -1 with *m. */
static int
match(const xmlNode *p, const kids *k, int pos, miss *m)
{
    int lo = occurs(p, "minOccurs", 1), hi = occurs(p, "maxOccurs", 1);
    if (XS(p, "element")) {
        const char *name = hs_xml_attr(p, "name");
        int count = 0;
        while (pos < k->n && count < hi && name && named(k->v[pos], name))
            pos++, count++;
        if (count < lo) {
            m->name = name;
            m->at = pos;
            return -1;
        }
        return pos;
    }
    if (XS(p, "any")) {
        int count = 0;
        while (pos < k->n && count < hi && k->v[pos]->ns != NULL)
            pos++, count++;
        return pos;
    }
    int times = 0;
    for (; times < hi; times++) {
        int start = pos, best = -1;
        miss bm = {NULL, -1, 0};
        if (XS(p, "sequence")) {
            best = pos;
            for (const xmlNode *c = p->children; c != NULL && best >= 0; c = c->next)
                if (c->type == XML_ELEMENT_NODE && !XS(c, "annotation"))
                    best = match(c, k, best, &bm);
        } else { /* choice: the branch that goes furthest */
            for (const xmlNode *c = p->children; c != NULL; c = c->next) {
                if (c->type != XML_ELEMENT_NODE || XS(c, "annotation"))
                    continue;
                miss cm = {NULL, -1, 0};
                int got = match(c, k, pos, &cm);
                if (got > best)
                    best = got;
                else if (got < 0 && best < 0 && cm.at >= bm.at) {
                    /* prefer the branch that names the child standing there */
                    int names = 0;
                    for (const xmlNode *e = c->children; e && cm.at < k->n; e = e->next)
                        names |= e->type == XML_ELEMENT_NODE && hs_xml_attr(e, "name") &&
                                 named(k->v[cm.at], hs_xml_attr(e, "name"));
                    if (cm.at > bm.at || names || bm.name == NULL) {
                        bm = cm;
                        bm.in_choice = 1;
                    }
                }
            }
        }
        if (best < 0) {
            if (times >= lo) {
                pos = start;
                break;
            }
            *m = bm;
            return -1;
        }
        if (best == start && times >= lo)
            break;
        pos = best;
    }
    return pos;
}

/* Every element name of a model. */
static void
names_in(const xmlNode *p, const char **v, size_t *n, size_t cap)
{
    for (; p != NULL; p = p->next) {
        if (p->type != XML_ELEMENT_NODE)
            continue;
        const char *name = hs_xml_attr(p, "name");
        if (XS(p, "element") && name != NULL && *n < cap) {
            int seen = 0;
            for (size_t i = 0; i < *n; i++)
                seen |= strcmp(v[i], name) == 0;
            if (!seen)
                v[(*n)++] = name;
        } else {
            names_in(p->children, v, n, cap);
        }
    }
}

static void
list(char *out, size_t cap, const char **v, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s<%s>",
                                 i == 0       ? ""
                                 : i + 1 == n ? " or "
                                              : ", ",
                                 v[i]);
}

/* Say what is wrong with parent's children; 0 when said. */
static int
say_children(hs_report *r, const char *label, xmlDocPtr xsd, const xmlNode *parent)
{
    xmlNode *model = model_of(xsd, hs_xml_str(parent->name));
    if (model == NULL)
        return -1;
    kids k;
    k.n = 0;
    for (const xmlNode *c = parent->children; c != NULL && k.n < 512; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            k.v[k.n++] = c;
    miss m = {NULL, -1, 0};
    int pos = match(model, &k, 0, &m);
    const char *pname = hs_xml_str(parent->name);
    long pline = xmlGetLineNo((xmlNodePtr)parent);
    const char *names[128];
    size_t nn = 0;
    names_in(model, names, &nn, 128);
    if (pos < 0) {
        hs_loc at = {label, m.at < k.n ? xmlGetLineNo((xmlNodePtr)k.v[m.at]) : pline};
        int later = 0;
        for (int i = m.at; i < k.n && m.name; i++)
            later |= named(k.v[i], m.name);
        if (m.at < k.n && later)
            hs_error(r, at, HS_CODE_SCHEMA, "<%s> must come before <%s> in <%s> (line %ld)", m.name,
                     hs_xml_str(k.v[m.at]->name), pname, pline);
        else if (m.in_choice && m.at < k.n && k.v[m.at]->ns == NULL) {
            /* alternatives: the attributes say which one was meant */
            char attrs[300] = "";
            size_t used = 0;
            for (const xmlAttr *a = parent->properties; a && used < sizeof attrs; a = a->next) {
                xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
                used += (size_t)snprintf(attrs + used, sizeof attrs - used, " %s=\"%s\"",
                                         hs_xml_str(a->name), v ? hs_xml_str(v) : "");
                xmlFree(v);
            }
            hs_error(r, at, HS_CODE_SCHEMA, "<%s%s> needs <%s> before <%s> (line %ld)", pname,
                     attrs, m.name, hs_xml_str(k.v[m.at]->name), pline);
        } else
            hs_error(r, at, HS_CODE_SCHEMA, "<%s> lacks its <%s> (line %ld)", pname, m.name, pline);
        return 0;
    }
    if (pos >= k.n)
        return -1; /* it matches: not ours to say */
    const xmlNode *x = k.v[pos];
    const char *xname = hs_xml_str(x->name);
    hs_loc at = {label, xmlGetLineNo((xmlNodePtr)x)};
    int known = 0;
    for (size_t i = 0; i < nn; i++)
        known |= strcmp(names[i], xname) == 0;
    if (x->ns != NULL) /* another namespace where the model has no xs:any */
        hs_error(r, at, HS_CODE_SCHEMA,
                 "<%s> cannot hold <%s:%s>: a company's own fields go at the end of the record, of "
                 "<customer>, of an <item> or of the profile",
                 pname, x->ns->prefix ? hs_xml_str(x->ns->prefix) : "", xname);
    else if (!known) {
        const char *near = hs_suggest(xname, names, nn);
        char all[1024];
        list(all, sizeof all, names, nn);
        if (near != NULL)
            hs_error(r, at, HS_CODE_SCHEMA, "<%s> has no <%s> (did you mean <%s>?)", pname, xname,
                     near);
        else
            hs_error(r, at, HS_CODE_SCHEMA,
                     "<%s> has no <%s>: it holds %s (a company's own field: in its own namespace)",
                     pname, xname, all);
    } else {
        int count = 0;
        for (int i = 0; i < k.n; i++)
            count += named(k.v[i], xname);
        char all[1024];
        list(all, sizeof all, names, nn);
        if (count > 1)
            hs_error(
                r, at, HS_CODE_SCHEMA,
                "<%s> is once too often in <%s> (line %ld), or out of its place (the order is %s)",
                xname, pname, pline, all);
        else
            hs_error(r, at, HS_CODE_SCHEMA,
                     "<%s> is out of its place in <%s> (line %ld): the order is %s", xname, pname,
                     pline, all);
    }
    return 0;
}

int
hs_record_say_content(hs_report *r, const char *label, xmlDocPtr xsd, const xmlNode *node)
{
    if (xsd == NULL || node == NULL || node->type != XML_ELEMENT_NODE)
        return -1;
    if (say_children(r, label, xsd, node) == 0)
        return 0;
    if (node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
        return say_children(r, label, xsd, node->parent);
    return -1;
}

int
hs_record_say_duplicate(hs_report *r, const char *label, const xmlNode *node, const char *key)
{
    /* key is libxml2's key sequence, ['7']: one field */
    size_t n = key ? strlen(key) : 0;
    if (node == NULL || n < 5 || strncmp(key, "['", 2) != 0 || strcmp(key + n - 2, "']") != 0)
        return -1;
    char value[200];
    snprintf(value, sizeof value, "%.*s", (int)(n - 4), key + 2);
    for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
        xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
        int same = v != NULL && strcmp(hs_xml_str(v), value) == 0;
        xmlFree(v);
        if (!same)
            continue;
        for (const xmlNode *o = node->parent ? node->parent->children : NULL;
             o != NULL && o != node; o = o->next) {
            if (o->type != XML_ELEMENT_NODE || !xmlStrEqual(o->name, node->name))
                continue;
            xmlChar *w = xmlGetNoNsProp(o, a->name);
            int dup = w != NULL && strcmp(hs_xml_str(w), value) == 0;
            xmlFree(w);
            if (dup) {
                hs_error(r, (hs_loc){label, xmlGetLineNo((xmlNodePtr)node)}, HS_CODE_SCHEMA,
                         "%s %s %s is used twice (lines %ld and %ld)", hs_xml_str(node->name),
                         hs_xml_str(a->name), value, xmlGetLineNo((xmlNodePtr)o),
                         xmlGetLineNo((xmlNodePtr)node));
                return 0;
            }
        }
    }
    return -1;
}
