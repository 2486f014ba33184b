/* engine/xml/xml.c — the one place that sets libxml2's parse options and turns
 * its errors into diagnostics with file and line. */
#include "xml/xml.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* No NOENT (no entity substitution), no DTDLOAD/DTDATTR (no external DTD),
 * NONET (no network). libxml2 keeps its own entity-amplification guard, and
 * HUGE is left off so its size limits stay on. */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA)

hs_loc
hs_loc_from_xml(const xmlNode *n)
{
    hs_loc loc = {NULL, 0};
    if (n == NULL)
        return loc;
    if (n->doc != NULL && n->doc->_private != NULL)
        loc.file = n->doc->_private;
    else if (n->doc != NULL && n->doc->URL != NULL)
        loc.file = hs_xml_str(n->doc->URL);
    loc.line = xmlGetLineNo((xmlNodePtr)n);
    if (loc.line < 0)
        loc.line = 0;
    return loc;
}

int
hs_xml_is(const xmlNode *n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && strcmp(hs_xml_str(n->name), name) == 0;
}

const char *
hs_xml_attr(const xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
        if (strcmp(hs_xml_str(a->name), name) == 0 && a->ns == NULL) {
            if (a->children == NULL)
                return "";
            if (a->children->next == NULL && a->children->type == XML_TEXT_NODE)
                return hs_xml_str(a->children->content);
            return NULL; /* entity references in attributes: not supported */
        }
    }
    return NULL;
}

typedef struct err_ctx {
    hs_report *r;
    const char *label;
    int count;
} err_ctx;

/* A diagnostic is one line of UTF-8. Some libxml2 messages add a second
 * line quoting the input ("Comment not terminated\n<!--%.50s"), cut at a
 * byte count that can split a character: only the first line is kept. */
static void
trim_message(char *msg)
{
    msg[strcspn(msg, "\n")] = '\0';
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
}

static void
parse_error(void *user, xmlErrorPtr e)
{
    err_ctx *c = user;
    if (e->level == XML_ERR_WARNING)
        return;
    /* Only the first error of a parse is reported: the rest follow from it. */
    if (c->count++ > 0)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    trim_message(msg);
    hs_loc loc = {c->label, e->line > 0 ? e->line : 0};
    hs_error(c->r, loc, "xml", "%s", msg);
}

void
hs_xml_error_to_report(void *user, const xmlError *e)
{
    hs_report *r = user;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    trim_message(msg);
    hs_loc loc = {e->file, e->line};
    if (e->node != NULL)
        loc = hs_loc_from_xml(e->node);
    hs_error(r, loc, "xml", "%s", msg);
}

static xmlDocPtr
finish(xmlParserCtxtPtr ctxt, xmlDocPtr doc, err_ctx *ec)
{
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (doc != NULL && (!ctxt->wellFormed || ec->count > 0)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (doc == NULL && ec->count == 0)
        hs_error(ec->r, (hs_loc){ec->label, 0}, "xml", "not a well-formed XML document");
    xmlFreeParserCtxt(ctxt);
    if (doc != NULL)
        doc->_private = (void *)ec->label;
    return doc;
}

xmlDocPtr
hs_xml_parse_memory(const char *data, size_t n, const char *label, hs_report *r)
{
    if (n > (size_t)INT32_MAX)
        return hs_error(r, (hs_loc){label, 0}, "limit", "file is larger than 2 GiB"), NULL;
    if (n == 0)
        return hs_error(r, (hs_loc){label, 0}, "xml", "file is empty"), NULL;
    err_ctx ec = {r, label, 0};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    xmlSetStructuredErrorFunc(&ec, parse_error);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)n, label, "UTF-8", SAFE_OPTIONS);
    return finish(ctxt, doc, &ec);
}

xmlDocPtr
hs_xml_parse_file(const char *path, const char *label, hs_report *r)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL)
        return hs_error(r, (hs_loc){label, 0}, "io", "cannot open: %s", strerror(errno)),
               NULL;
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            char *nd = realloc(data, cap);
            if (nd == NULL)
                hs_fatal_at(__FILE__, __LINE__, "out of memory");
            data = nd;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    xmlDocPtr doc = NULL;
    if (bad)
        hs_error(r, (hs_loc){label, 0}, "io", "cannot read: %s", strerror(saved));
    else
        doc = hs_xml_parse_memory(data, len, label, r);
    free(data);
    return doc;
}
