/* engine/record/record.h — records and profiles: parse safely, validate
 * against the schemas compiled into the binary, then check what a schema
 * cannot say (a feasible item has a cost, a stated total is the sum of the
 * lines). */
#ifndef HS_RECORD_H
#define HS_RECORD_H

#include "base/base.h"
#include "xml/xml.h"

typedef struct hs_schema hs_schema;

typedef enum hs_schema_kind { HS_SCHEMA_RECORD, HS_SCHEMA_PROFILE } hs_schema_kind;

/* One of the built-in schemas (once per engine), parsed and compiled when
 * first needed: a start that loads no profile (or, checking a template
 * alone, no record) builds neither of what it does not use. Never NULL; r
 * is not used (the schema's own errors are said when it is built). */
hs_schema *hs_schema_new(hs_schema_kind kind, hs_report *r);
void hs_schema_free(hs_schema *s);
/* Builds s now, if not yet (a process about to fork workers, so that they
 * inherit it built): 0, or -1 after reporting. */
int hs_schema_ready(const hs_schema *s, hs_report *r);
/* The schema document itself (the names it defines, for --strict), parsed
 * if not yet (not compiled). NULL after reporting. */
xmlDocPtr hs_schema_doc(const hs_schema *s, hs_report *r);

/* Parse path (label in messages), validate it against s, and for a record run
 * the checks. The document is freed with the arena a. NULL after reporting:
 * every schema error is reported (up to the report's limit), each as
 * "FILE:LINE: error: <element> …". */
xmlDocPtr hs_record_load(const char *path, const char *label, const hs_schema *s, hs_arena *a,
                         hs_report *r);

/* A record whose bytes have this digest (base/digest.c) passes the record
 * schema: a batch's name pass validated them (known.c). hs_record_load does
 * not validate such bytes again; the checks below it still makes. */
void hs_record_known_valid(const char *path, const char *digest);
/* 1 when what was just read from path has a digest noted so. */
int hs_record_is_known_valid(const char *path);
void hs_record_known_forget(void);

/* The checks alone (tests call them on a parsed record). Returns 0 or -1. */
int hs_record_check(xmlDocPtr doc, hs_report *r);

/* The dates of the journey in order, the closing rule of a request, who
 * signs the minutes (engine/record/journey.c). Returns 0 or -1. */
int hs_record_check_journey(const xmlNode *root, hs_report *r);

/* No invisible bidi or zero-width character in any text or attribute of the
 * nodes from n on (records and profiles alike). Returns 0 or -1. */
int hs_record_check_text(const xmlNode *n, hs_report *r);

#endif
