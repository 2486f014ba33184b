/* engine/record/record_int.h — shared by the files of record/. */
#ifndef HS_RECORD_INT_H
#define HS_RECORD_INT_H

#include "record/record.h"

/* content.c: schema errors in plain words from the node libxml2 names and
 * the schema document. Each returns 0 when it reported, -1 when it has
 * nothing to say (the caller says something else). */
int hs_record_say_content(hs_report *r, const char *label, xmlDocPtr xsd, const xmlNode *node);
int hs_record_say_duplicate(hs_report *r, const char *label, const xmlNode *node, const char *key);

#endif
