/* engine/xml/xml.h — libxml2 with safe options, errors as hs diagnostics.
 *
 * Parsing never touches the network, never loads a DTD or an external entity
 * and never substitutes entities, so a hostile file is an error, not a read of
 * another file or a hang. Every node keeps its line (XML_PARSE_BIG_LINES). */
#ifndef HS_XML_H
#define HS_XML_H

#include "base/base.h"

#include <libxml/tree.h>
#include <libxml/xpath.h>

/* Parse a file ("-" is standard input). label is the name used in messages
 * and must outlive the document. NULL after reporting (code "xml" or "io"). */
xmlDocPtr hs_xml_parse_file(const char *path, const char *label, hs_report *r);
xmlDocPtr hs_xml_parse_memory(const char *data, size_t n, const char *label, hs_report *r);
/* The same, the document's names taken from dict and new ones added to it
 * (the document holds a reference): for files kept as long as dict, whose
 * names recur from one to the next (a template and its parts), never for a
 * record, whose names would grow it document after document. */
xmlDocPtr hs_xml_parse_file_in(const char *path, const char *label, xmlDictPtr dict, hs_report *r);

/* The location of a node: the document's label and the node's line. */
hs_loc hs_loc_from_xml(const xmlNode *n);

/* Convenience casts, written once here. */
static inline const char *
hs_xml_str(const xmlChar *s)
{
    return (const char *)s;
}
static inline const xmlChar *
hs_xml_ustr(const char *s)
{
    return (const xmlChar *)s;
}
int hs_xml_is(const xmlNode *n, const char *name); /* element with that local name */
/* Attribute value owned by the tree (no copy) or NULL. */
const char *hs_xml_attr(const xmlNode *n, const char *name);

/* libxml2's allocations count toward the document's budget (base.h); call
 * before libxml2 allocates anything (hs_engine_new does). */
void hs_xml_use_budget(void);

/* Forward a libxml2 structured error to a report; user must be an hs_report *. */
void hs_xml_error_to_report(void *user, const xmlError *e);

#endif
