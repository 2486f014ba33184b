/* engine/tpl/tpl_int.h — state shared by the files of tpl/. */
#ifndef HS_TPL_INT_H
#define HS_TPL_INT_H

#include "tpl/tpl.h"

#include <libxml/xpathInternals.h>

/* What a path is walking: which schema its steps must be in (--strict). */
typedef enum hs_origin {
    HS_ORIGIN_RECORD,
    HS_ORIGIN_PROFILE,
    HS_ORIGIN_ANY, /* a part's variable set by whoever includes it */
    HS_ORIGIN_NONE /* template nodes (a <let> of elements): not checked */
} hs_origin;

/* A path step naming an element or attribute, kept for --strict. */
typedef struct hs_tstep {
    const char *name;
    int attr;
    hs_origin origin;
    hs_loc loc;
    const char *shown; /* the expression as written, for the message */
    struct hs_tstep *next;
} hs_tstep;

/* A variable a part uses without defining it: whoever includes it must. */
typedef struct hs_tfree {
    const char *name;
    hs_loc loc;
    const char *shown;
    struct hs_tfree *next;
} hs_tfree;

/* A message said while a file failed to load, kept to be said again. */
typedef struct hs_tsaid {
    hs_diag d;
    struct hs_tsaid *next;
} hs_tsaid;

typedef struct hs_tentry {
    const char *path;
    hs_tpl *tpl;   /* NULL: failed (or compiling) */
    int compiling; /* on the include chain now (cycles) */
    int failed;    /* loaded once and failed: said holds why */
    hs_tsaid *said;
    int strict_done;
    hs_tstep *steps;
    hs_tfree *free_vars;
    struct hs_tinc *includes; /* the parts it includes */
    struct hs_tentry *next;
} hs_tentry;

typedef struct hs_tinc {
    hs_tentry *e;
    struct hs_tinc *next;
} hs_tinc;

/* An expression's text and its compiled form (xpath.c). */
typedef struct hs_tcomp {
    const char *text; /* NULL: an empty slot */
    xmlXPathCompExprPtr comp;
} hs_tcomp;

typedef struct hs_names {
    const char **v;
    size_t n;
    /* the schema's names (load.c): v's indexes + 1 by hash, 0 empty */
    size_t *slot;
    size_t mask;
} hs_names;

struct hs_tpl_cache {
    hs_arena *arena;    /* everything compiled, for the engine's lifetime */
    xmlDictPtr strings; /* interned file labels: one copy of each, however often asked */
    xmlDictPtr names;   /* the names of every template file's tree, shared */
    hs_tentry *first;
    xmlXPathContextPtr xp; /* compiles expressions; knows the functions */
    /* each expression's text to its compiled form, compiled
     * once however often written: a quarter of a quote's expressions repeat
     * one written before ($span, $profile/name, quote/@number) */
    hs_tcomp *comps; /* by hs_tpl_hash of the text, open addressing */
    size_t comps_mask, comps_n;
    hs_names rec_elems, rec_attrs, prof_elems, prof_attrs;
    hs_tpl_xsd_fn *xsd; /* NULL: no --strict names (load.c) */
    void *xsd_user;
    int have_names; /* the four sets below made from them */
};

/* A variable in scope while compiling. */
typedef struct hs_tscope {
    const char *name;
    hs_origin origin;
    struct hs_tscope *next;
} hs_tscope;

/* The compiler of one file. */
typedef struct hs_tc {
    hs_tpl_cache *c;
    hs_report *r;
    hs_tentry *entry;
    int is_part;
    hs_tscope *scope;
    hs_origin ctx; /* what the context node is */
    int failed;
    xmlNode *dom_root; /* the file's root: the namespace prefixes it declares */
    int where;         /* what the current element may hold: HS_TW_* */
    /* the vocabulary's answers for this file's names, by the name's
     * address (the parser's dictionary gives each name of a file one):
     * kind -1 for an element's id, else the attribute's for that kind */
    struct {
        const xmlChar *name;
        int kind, id;
    } seen[128];
} hs_tc;

/* What an element's content may be (as evaluation will meet it). */
enum { HS_TW_ANY, HS_TW_BLOCKS, HS_TW_INLINE, HS_TW_ROWS, HS_TW_CELLS };

/* xpath.c: compile one expression written at loc; shown is how the message
 * quotes it ({…} or attr="…"). *origin (may be NULL) gets what its first path
 * walks. NULL after reporting. */
const hs_texpr *hs_tc_xpath(hs_tc *t, const char *text, hs_loc loc, const char *shown,
                            hs_origin *origin);
/* The origin of variable name in scope, or -1 (a part records it as free). */
int hs_tc_var(hs_tc *t, const char *name, hs_loc loc, const char *shown);

/* xpath.c: name[0..n) into out, cut to out's cap as "%.*s" would be. */
void hs_tpl_copy_word(char *out, size_t cap, const char *name, size_t n);

/* load.c: FNV-1a of s, for the cache's sets */
size_t hs_tpl_hash(const char *s);

/* compile.c */
hs_tpl *hs_tc_compile_file(hs_tpl_cache *c, hs_tentry *e, xmlDocPtr doc, hs_report *r);

#endif
