/* engine/eval/eval.h — template × record → document tree.
 *
 * Expressions are XPath 1.0 evaluated by libxml2 with the record's root
 * element as context node, the profile as $profile, and our formatting
 * functions registered (money, words, date, …; see xpath_fns.c). */
#ifndef HS_EVAL_H
#define HS_EVAL_H

#include "base/base.h"
#include "doc/doc.h"
#include "tpl/tpl.h"
#include "xml/xml.h"

typedef struct hs_eval_in {
    hs_arena *arena;
    hs_report *report;
    hs_tpl_cache *tpls;
    const char *template_path;
    xmlDocPtr record;            /* validated record */
    xmlDocPtr profile;           /* may be NULL */
    long long source_date_epoch; /* -1: none; used when the template sets no date */
    int strict; /* --strict: path steps must be in the record (or profile) schema */
} hs_eval_in;

/* Returns 0 and the document, or -1 after reporting. */
int hs_eval_document(const hs_eval_in *in, hs_doc **out);

/* The document's <name> alone (a batch's name pass): the template's
 * <require>s outside its content, and its <name> with the <let>s it uses,
 * nothing else. *name is NULL when the template has no <name>. Returns 0,
 * or -1 after reporting (as hs_eval_document would for the same mistake). */
int hs_eval_name(const hs_eval_in *in, const char **name);

/* Register money(), words(), date(), … on ctx (tpl/ calls it on the context its
 * expressions are compiled and run in). */
void hs_eval_register_functions(xmlXPathContextPtr ctx);

#endif
