/* engine/record/record_int.h — shared by the files of record/. */
#ifndef HS_RECORD_INT_H
#define HS_RECORD_INT_H

#include "record/record.h"

/* content.c: schema errors in plain words from the node libxml2 names and
 * the schema document. Each returns 0 when it reported, -1 when it has
 * nothing to say (the caller says something else). */
int hs_record_say_content(hs_report *r, const char *label, xmlDocPtr xsd, const xmlNode *node);
int hs_record_say_duplicate(hs_report *r, const char *label, const xmlNode *node, const char *key);

/* trim.c: the schema's patterns \\S(.*\\S)? and \\S([\\s\\S]*\\S)? in C. hs_trim_of
 * gives which names carry them in a schema (read from it at build time,
 * tools/xsd-min.py --trim); hs_trim_ok is 0 when every value of those
 * names matches its pattern, -1 when one may not. */
typedef struct hs_trim hs_trim;
const hs_trim *hs_trim_of(hs_schema_kind kind);
int hs_trim_ok(const hs_trim *t, xmlDocPtr doc);

#endif
