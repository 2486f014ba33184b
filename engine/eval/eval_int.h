/* engine/eval/eval_int.h — state shared by the files of eval/.
 *
 * One hs_ev per document. The compiled template (tpl/) is walked once; the
 * XPath context's node, position and size follow `each`, and variables live
 * on a stack that every element's children pop back when they end (so a
 * <let> is visible to its following siblings and their descendants only). */
#ifndef HS_EVAL_INT_H
#define HS_EVAL_INT_H

#include "eval/eval.h"

#include <libxml/xpathInternals.h>

/* "customer/name", "items/item[3]/feedback/cost", "quote/@date" for a record
 * node: made only when a message names the field (it walks every sibling of
 * every step). */
const char *hs_eval_node_path(hs_arena *a, const xmlNode *n);

/* What an XPath function of ours finds in ctx->userData. */
typedef struct hs_xp_env {
    hs_arena *arena;
    hs_report *report;
    hs_loc expr_loc;       /* template location of the expression being evaluated */
    const char *expr;      /* its text, for notes */
    int failed;            /* a function reported an error during this evaluation */
    const xmlNode *src;    /* record node whose text a string function passed through */
    xmlXPathContextPtr xp; /* the context the expression runs in */
    /* inside an element with group-by: its current group and key, for
     * current-group() and current-grouping-key(); group NULL elsewhere */
    xmlNodeSetPtr group;
    const char *group_key;
    /* fns_schedule.c: the dates of the schedule last dated, for the other
     * stage-start() and stage-end() calls of the document; NULL at first */
    struct hs_xp_schedule *schedule;
} hs_xp_env;

/* stage-start(), stage-end(), keep-names(), keep-parts() (eval/fns_schedule.c). */
void hs_eval_register_schedule_functions(xmlXPathContextPtr ctx);

/* What an element sets for itself and passes down. Text style and alignment
 * are inherited; spacing, indents, keeps and background belong to one
 * element. */
typedef struct hs_props {
    hs_style style;
    hs_align align;
    hs_valign valign;
    double space_before, space_after;
    double indent_left, indent_right, first_indent;
    int keep_with_next, keep_together;
    uint32_t background; /* rows and cells; HS_NO_COLOR: none */
} hs_props;

typedef struct hs_var {
    const char *name;
    xmlXPathObjectPtr value; /* NULL while a deferred <let> is not worked out */
    struct hs_var *next;     /* also the scope the <let> was met in */
    /* name.c: a <let> met by the name pass, worked out when first used,
     * where it was met (context node, position, size, group-by's group) */
    const struct hs_tnode *let;
    xmlNodePtr node;
    int pos, size;
    xmlNodeSetPtr group;
    const char *group_key;
} hs_var;

typedef struct hs_named_style {
    const char *name;
    const hs_tnode *node; /* the <style>: its attributes are applied like an element's */
    struct hs_named_style *next;
} hs_named_style;

/* Where the walk puts what it makes. */
typedef enum hs_sink_mode {
    HS_SINK_BLOCKS, /* block elements; loose inline content becomes a paragraph */
    HS_SINK_INLINE, /* inside <p>: inline content only */
    HS_SINK_ROWS,   /* inside <table>: <tr> only */
    HS_SINK_CELLS   /* inside <tr>: <td>/<th> only */
} hs_sink_mode;

typedef struct hs_sink {
    hs_sink_mode mode;
    /* blocks */
    hs_block **tail;
    hs_props para_props; /* for a paragraph made of loose inline content */
    hs_block *para;      /* the paragraph being filled; implicit ones are linked on flush */
    int para_implicit;
    hs_run **rtail;
    hs_run *last_text; /* its last text run, whose trailing space is trimmed */
    int last_space;    /* the paragraph so far ends in a space (or is empty) */
    int visible;       /* the paragraph has something besides spaces */
    /* tables */
    hs_table *table;
    hs_row **row_tail;
    hs_row *row;
    hs_cell **cell_tail;
    int nrows;
} hs_sink;

typedef struct hs_ev {
    const hs_eval_in *in;
    hs_arena *a;
    hs_report *r;
    int errors0;  /* r's errors before this document: a caller may keep counting */
    int fraction; /* hs_ev_piece's last value was an XPath number with a fraction */
    xmlXPathContextPtr xp;
    hs_xp_env env;
    hs_var *vars;
    xmlNodePtr profile_root;
    int profile_warned;
    hs_named_style *styles;
    hs_doc *doc;
    const hs_tnode *root; /* the template's <document> */
    hs_props doc_props;
    hs_sink *top;           /* the body's sink: where <header>, <footer>, <name> may appear */
    struct hs_ev_id *ids;   /* marks.c: the ids given so far */
    struct hs_ev_id *links; /* link.c: the <a href="#id"> met so far */
    int in_band;            /* inside <header> or <footer> */
    hs_doc *section;        /* the <section> being made: its set-up and bands, or NULL */
    hs_sink *section_sink;  /* and its blocks' sink, where its <header> and <footer> stand */
} hs_ev;

/* expr.c */
int hs_ev_init(hs_ev *ev, const hs_eval_in *in);
/* Evaluate a compiled expression. NULL after reporting; the caller frees the
 * result with xmlXPathFreeObject. */
xmlXPathObjectPtr hs_ev_xpath(hs_ev *ev, const hs_texpr *x);
int hs_ev_bool(hs_ev *ev, const hs_texpr *x, int *out);
/* The pieces of a {…} text joined; NFC; in the arena. NULL after reporting. */
const char *hs_ev_interp(hs_ev *ev, const hs_tinterp *in, hs_loc loc);
/* name.c: a <name>'s text for this record; NULL after reporting (one that
 * leaves no character of a file name is an error, never a default name). */
const char *hs_ev_file_name(hs_ev *ev, const hs_tnode *n);
/* One piece: its text, and the record node it came from (*src, or NULL). */
const char *hs_ev_piece(hs_ev *ev, const hs_tpiece *p, const xmlNode **src);
/* Attribute id of n in its type: 1 and *out, 0 when absent, -1 after
 * reporting (a value made by {…} that is not of the type). */
int hs_ev_val(hs_ev *ev, const hs_tnode *n, hs_ta id, hs_tval *out);
/* A text attribute; NULL when absent or after reporting (check ev->r->errors). */
const char *hs_ev_text_attr(hs_ev *ev, const hs_tnode *n, hs_ta id);
/* The namespace prefixes declared on t's root, for company fields in records. */
void hs_ev_register_ns(hs_ev *ev, const hs_tpl *t);
void hs_ev_push_var(hs_ev *ev, const char *name, xmlXPathObjectPtr value);
void hs_ev_pop_vars(hs_ev *ev, hs_var *until);
/* The string value of an XPath result, in the arena; *src is the record node
 * it came from, if any. */
const char *hs_ev_string(hs_ev *ev, xmlXPathObjectPtr o, const xmlNode **src);
int hs_ev_error(hs_ev *ev, const hs_tnode *at, hs_code code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* eval.c: a document's evaluation begun: the template loaded (and checked
 * with --strict), its root a <document>, ev->doc and ev->root set. NULL
 * after reporting. */
hs_ev *hs_ev_begin(const hs_eval_in *in);
/* eval.c: <name>, <header>, <footer>, <style> directly under <document>.
 * Returns 1 when n was one of them (*rc set), 0 otherwise. */
int hs_ev_top_level(hs_ev *ev, const hs_tnode *n, int *rc);
/* eval.c: <section> (blocks of the body only). */
int hs_ev_section(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);

/* walk.c */
int hs_ev_children(hs_ev *ev, const hs_tnode *parent, hs_sink *s, const hs_props *p);
/* A safe point of a walk, before each node: 1 when the walk stops here (too
 * many errors; past the document's limits, then *rc is -1), else 0. */
int hs_ev_safe_point(hs_ev *ev, int *rc);
/* An element's if=: 1 when absent or true, 0 when false, -1 after reporting. */
int hs_ev_if_attr(hs_ev *ev, const hs_tnode *n);
/* The value of a <let> (value=, elements or text); NULL after reporting. */
xmlXPathObjectPtr hs_ev_let_value(hs_ev *ev, const hs_tnode *n);
/* Run `one` for n once per node of its each attribute with the context
 * node, position() and last() set (and sort=, order=, as=). */
typedef int hs_ev_one_fn(hs_ev *, const hs_tnode *, hs_sink *, const hs_props *);
int hs_ev_repeat(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p, hs_ev_one_fn *one);

/* <require path=…>: 0 when the record has it, else -1 after reporting. */
int hs_ev_require(hs_ev *ev, const hs_tnode *n);

/* name.c: work out a deferred <let> (v->let) where it was met; 0, or -1
 * after reporting. Called from the variable lookup, inside an XPath
 * evaluation, whose state it keeps. */
int hs_ev_force_var(hs_ev *ev, hs_var *v);
int hs_ev_flush(hs_ev *ev, hs_sink *s);
void hs_ev_sink_blocks(hs_sink *s, hs_block **tail, const hs_props *p);

/* props.c */
int hs_ev_apply_props(hs_ev *ev, const hs_tnode *n, hs_props *p);
/* Props for a child element n of an element with props parent (inheritance,
 * the named style of its tag, its class, its own attributes). */
int hs_ev_props_for(hs_ev *ev, const hs_tnode *n, const hs_props *parent, hs_props *out);
hs_block *hs_ev_new_block(hs_ev *ev, hs_block_kind k, const hs_tnode *n, const hs_props *p);
hs_block *hs_ev_block_at(hs_ev *ev, hs_block_kind k, hs_loc loc, const hs_props *p);
/* A length attribute into *pt when present (0), or -1 after reporting. */
int hs_ev_length(hs_ev *ev, const hs_tnode *n, hs_ta id, double *pt);

/* inline.c */
/* src: the record node the text came from, or NULL (template text) */
int hs_ev_text(hs_ev *ev, hs_sink *s, const char *text, size_t n, const hs_style *st, hs_loc loc,
               const xmlNode *src);
int hs_ev_inline_element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);
int hs_ev_text_node(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);

/* block.c */
int hs_ev_block_element(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);
int hs_ev_row(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);
int hs_ev_cell(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);

static inline hs_tfamily
hs_ev_family(const hs_tnode *n)
{
    return hs_telem_defs[n->kind].family;
}

/* xpath_fns.c, for XPath functions in other files: pop one argument as a
 * string (in the arena; *node is the record node it came from, or NULL);
 * report a bad argument at that node (or at the expression without one) and
 * leave the evaluation failed; check the argument count (-1 after failing). */
const char *hs_xp_pop_string(xmlXPathParserContextPtr ctxt, const xmlNode **node);
void hs_xp_fail(xmlXPathParserContextPtr ctxt, const char *s, const xmlNode *node, hs_code code,
                const char *msg);
int hs_xp_arity(xmlXPathParserContextPtr ctxt, int nargs, int lo, int hi, const char *name);

/* xpath_vietqr.c: vietqr() */
void hs_eval_register_vietqr(xmlXPathContextPtr ctx);
/* xpath_group.c: current-group(), current-grouping-key() */
void hs_eval_register_group(xmlXPathContextPtr ctx);

/* marks.c: the id and bookmark of block element n, made as b */
int hs_ev_marks(hs_ev *ev, const hs_tnode *n, hs_block *b);
typedef struct hs_ev_id {
    const char *id;
    const hs_tnode *at;
    struct hs_ev_id *next;
} hs_ev_id;
/* The characters an id may have (ASCII letters, digits, - _ .): 1 or 0. */
int hs_ev_id_ok(const char *id);
/* After the walk: every #id a link names is the id of a block. */
int hs_ev_check_links(hs_ev *ev);

/* link.c: <a href>, the link its content carries */
int hs_ev_link(hs_ev *ev, const hs_tnode *n, hs_style *st);

/* qr.c: <qr> */
int hs_ev_qr(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p);

#endif
