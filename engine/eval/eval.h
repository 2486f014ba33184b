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

/* ---- shared between eval.c and xpath_fns.c ---- */
typedef struct hs_xp_env {
    hs_arena *arena;
    hs_report *report;
    hs_loc expr_loc;    /* template location of the expression being evaluated */
    const char *expr;   /* its text, for notes */
    int failed;         /* a function reported an error during this evaluation */
    const xmlNode *src; /* record node whose text a string function passed through */
    xmlXPathContextPtr xp; /* the context the expression runs in */
    /* inside an element with group-by: its current group and key, for
     * current-group() and current-grouping-key(); group NULL elsewhere */
    xmlNodeSetPtr group;
    const char *group_key;
} hs_xp_env;

/* Register money(), words(), date(), … on ctx; ctx->userData must be an hs_xp_env. */
void hs_eval_register_functions(xmlXPathContextPtr ctx);
/* stage-start(), stage-end(), keep-names(), keep-parts() (eval/fns_schedule.c). */
void hs_eval_register_schedule_functions(xmlXPathContextPtr ctx);

/* "customer/name", "items/item[3]/feedback/cost", "quote/@date" for a record node. */
const char *hs_eval_node_path(hs_arena *a, const xmlNode *n);

#endif
