/* engine/tpl/tpl.h — templates compiled once per engine into typed nodes.
 *
 * A template is data: an XML file in our small vocabulary. The vocabulary is
 * one table (vocab.h: every element, every attribute, its type, its default
 * and one line of meaning); the compiler checks a template against it when
 * the file is loaded, so an unknown element or attribute, a value of the
 * wrong type, a length without a unit, an XPath syntax error, an unknown
 * function or variable and an include cycle are errors with the file and
 * line before any record is read. Every attribute is parsed into its type at
 * load, every {…} is split into literal parts and compiled XPath; evaluation
 * walks these nodes and never looks at a name again.
 *
 * The cache owns every compiled file, including the parts reached through
 * <include>, and the compiled expressions, for the engine's lifetime. Paths
 * are resolved relative to the file that names them and kept as given for
 * messages. */
#ifndef HS_TPL_H
#define HS_TPL_H

#include "base/base.h"
#include "doc/doc.h"
#include "tpl/vocab.h"
#include "xml/xml.h"

#include <stdio.h>

/* A compiled XPath expression and where it was written. */
typedef struct hs_texpr {
    const char *text;
    xmlXPathCompExprPtr comp;
    hs_loc loc;
} hs_texpr;

/* "Trang {page}/{count}": literal pieces and expressions, in order. */
typedef struct hs_tpiece {
    const char *lit; /* NULL for an expression piece */
    size_t len;
    const hs_texpr *x;
} hs_tpiece;

typedef struct hs_tinterp {
    int n;
    hs_tpiece *p;
    const char *raw; /* as written, for messages */
} hs_tinterp;

/* A value in its type (which fields hold it depends on the attribute). */
typedef struct hs_tval {
    double num;     /* LENGTH, NUMBER, SIZE (pt, or a percentage when pct) */
    int pct;        /* SIZE in % */
    double box[4];  /* BOX: top right bottom left */
    uint32_t color; /* COLOR */
    int i;          /* BOOL, ENUM (index into the values), INT */
    const char *s;  /* TEXT, NAME, DATE, FONT, CLASSES, PAGE */
    int ncols;      /* COLUMNS */
    hs_colspec *cols;
    double page_w, page_h; /* PAGE */
} hs_tval;

typedef struct hs_tattr {
    hs_ta id;
    hs_loc loc;
    const char *raw;          /* the value as written */
    const hs_tinterp *interp; /* non-NULL: holds {…}, parsed when evaluated */
    hs_tval v;                /* the parsed value when interp is NULL */
    const hs_texpr *x;        /* XPATH attributes */
    int origin;               /* XPATH: what its first path walks (tpl_int.h) */
} hs_tattr;

struct hs_tpl;

typedef struct hs_tnode {
    hs_tk kind; /* HS_TK_TEXT for text */
    hs_loc loc;
    /* The attributes written, and where each is: attr[slot[id] - 1], none
     * where slot[id] is 0 (read with hs_tnode_attr). A node without any
     * shares one table of zeros. HS_TA_COUNT bytes and a pointer for each
     * attribute written: HS_TA_COUNT pointers per node were ~100 KB of
     * fresh memory to touch at every start for the sample templates. */
    const unsigned char *slot;
    const hs_tattr *const *attr;
    const hs_tinterp *text; /* text nodes; the content of <name>, <let>, <assert> */
    int space_only;         /* a text node of XML white space only */
    struct hs_tnode *first, *next, *parent;
    struct hs_tnode *else_node; /* <if>: the <else> that follows it */
    const struct hs_tpl *part;  /* <include>: the compiled part */
    const char *path;           /* <include>: its resolved path; <img>: the folder's base */
    xmlNode *dom;               /* <let> with element content: the element */
} hs_tnode;

_Static_assert(HS_TA_COUNT < 255, "a slot is an unsigned char");

/* The attribute id of n as written, NULL where it is not. */
static inline const hs_tattr *
hs_tnode_attr(const hs_tnode *n, hs_ta id)
{
    unsigned k = n->slot[id];
    return k == 0 ? NULL : n->attr[k - 1];
}

/* A compiled file: a <document> or a <part>. */
typedef struct hs_tpl {
    const char *path;
    hs_tnode *root;
    xmlDocPtr doc;
} hs_tpl;

typedef struct hs_tpl_cache hs_tpl_cache;

/* register_functions adds the engine's XPath functions to a context (the
 * compiler checks function names against it); may be NULL. */
hs_tpl_cache *hs_tpl_cache_new(void (*register_functions)(xmlXPathContextPtr));
void hs_tpl_cache_free(hs_tpl_cache *c);

/* The schema documents --strict checks names against: xsd(user, 0, r) the
 * record schema's, xsd(user, 1, r) the profile schema's, NULL after
 * reporting. */
typedef xmlDocPtr hs_tpl_xsd_fn(void *user, int profile, hs_report *r);

/* Where the names the record schema and the profile schema define come
 * from (every xs:element and xs:attribute with a name): asked for once,
 * by the first check that needs them, so that a start without --strict
 * builds no schema for it. */
void hs_tpl_set_schemas(hs_tpl_cache *c, hs_tpl_xsd_fn *xsd, void *user);
/* Makes those names now (a process about to fork workers that check):
 * 0, or -1 after reporting. */
int hs_tpl_strict_ready(hs_tpl_cache *c, hs_report *r);

/* Compile (or find) the template at path and everything it includes. The
 * result belongs to the cache. NULL after reporting every mistake found
 * (up to the report's limit); a file that failed once fails again, with its
 * messages again, without being parsed or compiled again. */
const hs_tpl *hs_tpl_load(hs_tpl_cache *c, const char *path, hs_report *r);

/* The compiled template t and its parts as indented text, appended to out
 * (tpl/dump.c: golden tests, `hoso dump --stage=tpl`). */
void hs_tpl_dump(const hs_tpl *t, hs_buf *out);

/* --strict: every path step of every expression of t (and its parts) must
 * name an element or attribute of the record schema, or of the profile
 * schema for $profile. Returns 0 or -1 after reporting. */
int hs_tpl_check_strict(hs_tpl_cache *c, const hs_tpl *t, hs_report *r);

/* Path of `rel` as named from the file `from` (a path is relative to the
 * directory of the file that names it), in arena a (or rel itself); never
 * NULL. */
const char *hs_tpl_resolve(hs_arena *a, const char *from, const char *rel);

/* A string that lives as long as the cache (file labels for locations):
 * the same pointer for equal strings, so the cache holds one copy of each
 * label however many documents ask for it. */
const char *hs_tpl_intern(hs_tpl_cache *c, const char *s);
/* How many strings are interned (tests: it must not grow with documents). */
size_t hs_tpl_interned(const hs_tpl_cache *c);

/* Parse a value written for attribute id (after {…} is evaluated), into
 * arena a. Returns 0, or -1 with what is allowed written into why. */
int hs_tpl_parse_value(hs_ta id, const char *v, hs_arena *a, hs_tval *out, char *why, size_t cap);

/* The reference of the vocabulary, from the table: "text" (hoso help
 * template), "man" (roff, hoso-template(5)) or "markdown" (docs/templates.md).
 * Returns 0, or -1 for an unknown format. */
int hs_tpl_print_reference(const char *format, FILE *out);

#endif
