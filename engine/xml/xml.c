/* engine/xml/xml.c — the one place that sets libxml2's parse options and turns
 * its errors into diagnostics with file and line. */
#include "xml/xml.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
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

/* Records and templates are small (the largest valid record is a few MiB);
 * anything bigger is refused before it is read whole. */
#define MAX_FILE_BYTES ((size_t)64 << 20)

typedef struct err_ctx {
    hs_report *r;
    const char *label;
    int count;
} err_ctx;

/* libxml2's wording for hostile input names its own options or internals;
 * a user needs to hear what is wrong with the file. */
static const struct {
    const char *prefix, *say;
} plain[] = {
    {"Excessive depth in document", "elements are nested deeper than 256 levels"},
    {"xmlSAX2Characters: huge text node", "a text is longer than 10,000,000 bytes"},
    {"Huge input lookup", "a text is longer than 10,000,000 bytes"},
    {"Detected an entity reference loop", "entities expand without end (entity loop)"},
    {"Maximum entity amplification factor exceeded", "entities expand past the allowed size"},
    {"Char 0x0 out of allowed range", "a NUL character (U+0000), which XML does not allow"},
};

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
    if (hs_budget_state() != HS_BUDGET_OK) { /* out of the document's memory */
        c->count++;
        return;
    }
    /* Only the first error of a parse is reported: the rest follow from it. */
    if (c->count++ > 0)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    /* bad UTF-8: the bytes are on the message's second line */
    unsigned b[4], cp;
    const char *bytes = strstr(msg, "\nBytes: ");
    int utf8 = strncmp(msg, "Input is not proper UTF-8", 25) == 0 && bytes != NULL &&
               sscanf(bytes + 1, "Bytes: 0x%X 0x%X 0x%X 0x%X", &b[0], &b[1], &b[2], &b[3]) == 4;
    trim_message(msg);
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (strncmp(msg, plain[i].prefix, strlen(plain[i].prefix)) == 0)
            snprintf(msg, sizeof msg, "%s", plain[i].say);
    char tag[64];
    long opened;
    if (sscanf(msg, "Premature end of data in tag %63s line %ld", tag, &opened) == 2)
        snprintf(msg, sizeof msg, "the file ends inside <%s> (opened on line %ld): truncated?", tag,
                 opened);
    const char *inv = strstr(msg, "invalid Char value ");
    if (inv != NULL && sscanf(inv, "invalid Char value %u", &cp) == 1)
        snprintf(msg, sizeof msg, "a control character U+%04X, which XML does not allow", cp);
    if (utf8)
        snprintf(msg, sizeof msg, "not valid UTF-8 (bytes 0x%02X 0x%02X 0x%02X 0x%02X)", b[0], b[1],
                 b[2], b[3]);
    hs_loc loc = {c->label, e->line > 0 ? e->line : 0};
    hs_error(c->r, loc, HS_CODE_XML, "%s", msg);
}

/* A DOCTYPE is refused as soon as the parser meets it, before any entity is
 * declared: records and templates never need one, and entities are how XML
 * reads /etc/passwd (XXE) or expands a few bytes into gigabytes. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id)
{
    (void)ext_id;
    (void)sys_id;
    xmlParserCtxtPtr ctxt = ctx;
    err_ctx *c = ctxt->_private;
    if (c->count++ == 0)
        hs_error(
            c->r, (hs_loc){c->label, ctxt->input ? ctxt->input->line : 0}, HS_CODE_XML,
            "<!DOCTYPE %s>: a DTD is not allowed (no DTDs or entities in records and templates)",
            name ? hs_xml_str(name) : "");
    xmlStopParser(ctxt);
}

void
hs_xml_error_to_report(void *user, const xmlError *e)
{
    hs_report *r = user;
    if (hs_budget_state() != HS_BUDGET_OK) {
        r->errors++; /* out of the document's limits: the owner says so */
        return;
    }
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    trim_message(msg);
    hs_loc loc = {e->file, e->line};
    if (e->node != NULL)
        loc = hs_loc_from_xml(e->node);
    hs_error(r, loc, HS_CODE_XML, "%s", msg);
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
        hs_error(ec->r, (hs_loc){ec->label, 0}, HS_CODE_XML, "not a well-formed XML document");
    xmlFreeParserCtxt(ctxt);
    if (doc != NULL)
        doc->_private = (void *)ec->label;
    return doc;
}

static xmlDocPtr
parse_memory(const char *data, size_t n, const char *label, xmlDictPtr dict, hs_report *r)
{
    if (n > MAX_FILE_BYTES)
        return hs_error(r, (hs_loc){label, 0}, HS_CODE_LIMIT, "file is larger than %zu MiB",
                        MAX_FILE_BYTES >> 20),
               NULL;
    if (n == 0)
        return hs_error(r, (hs_loc){label, 0}, HS_CODE_XML, "file is empty"), NULL;
    /* libxml2 stops reading at a NUL byte and then speaks of a premature end
     * or an empty document; the NUL is what to report, on its own line. */
    const char *nul = memchr(data, '\0', n);
    if (nul != NULL) {
        long line = 1;
        for (const char *p = data; p < nul; p++)
            line += *p == '\n';
        return hs_error(r, (hs_loc){label, line}, HS_CODE_XML,
                        "a NUL byte (U+0000), which XML does not allow: not a text file?"),
               NULL;
    }
    err_ctx ec = {r, label, 0};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    if (dict != NULL) { /* as libxslt loads documents into a stylesheet's dictionary */
        xmlDictFree(ctxt->dict);
        ctxt->dict = dict;
        xmlDictReference(dict);
    }
    xmlSetStructuredErrorFunc(&ec, parse_error);
    ctxt->_private = &ec;
    ctxt->sax->internalSubset = on_doctype;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)n, label, "UTF-8", SAFE_OPTIONS);
    return finish(ctxt, doc, &ec);
}

xmlDocPtr
hs_xml_parse_memory(const char *data, size_t n, const char *label, hs_report *r)
{
    return parse_memory(data, n, label, NULL, r);
}

xmlDocPtr
hs_xml_parse_file(const char *path, const char *label, hs_report *r)
{
    return hs_xml_parse_file_in(path, label, NULL, r);
}

xmlDocPtr
hs_xml_parse_file_in(const char *path, const char *label, xmlDictPtr dict, hs_report *r)
{
    const char *why = NULL;
    FILE *f = strcmp(path, "-") == 0 ? stdin : hs_fopen_regular(path, &why);
    if (f == NULL)
        return hs_error(r, (hs_loc){label, 0}, HS_CODE_IO, "%s", why), NULL;
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
        if (len > MAX_FILE_BYTES) {
            if (f != stdin)
                fclose(f);
            free(data);
            return hs_error(r, (hs_loc){label, 0}, HS_CODE_LIMIT, "file is larger than %zu MiB",
                            MAX_FILE_BYTES >> 20),
                   NULL;
        }
    }
    int bad = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (!bad && f != stdin) /* what a batch's report says the document was made from */
        hs_inputs_read(path, data, len);
    xmlDocPtr doc = NULL;
    if (bad)
        hs_error(r, (hs_loc){label, 0}, HS_CODE_IO, "cannot read: %s", strerror(saved));
    else
        doc = parse_memory(data, len, label, dict, r);
    free(data);
    return doc;
}
