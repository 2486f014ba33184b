/* engine/eval/name.c — a document's file name alone, for a batch's name pass.
 *
 * A batch works out the name of every document of the run before it renders
 * any (batch.c), so this pass must cost a small part of a render. The
 * template is walked only for what decides the name: its <name> (directly
 * under <document>, or under a part's root reached through <include>), the
 * <require>s that say the document is not made, and the <if>, <for> and
 * <include> around them. Content — blocks, inline elements, tables,
 * headers, footers, styles, the attributes of <document>, <assert>s — is
 * not evaluated. A <let> is not worked out when it is met: it is kept with
 * the context it was met in and worked out the first time an expression
 * names it, so only the <let>s the name (or a require) uses cost anything.
 * What is evaluated is evaluated as the full walk does it (walk.c: the same
 * scope, context and functions), so the name is the render's own. */
#include "eval/eval_int.h"

#include "text/text.h"

#include <string.h>

static int walk(hs_ev *ev, const hs_tnode *parent);
static int holds(const hs_tnode *parent);

/* Whether n, met by the walk, can hold a <name> or a <require>. */
static int
matters(const hs_tnode *n)
{
    switch (n->kind) {
    case HS_TK_NAME:
    case HS_TK_REQUIRE:
        return 1;
    case HS_TK_IF:
        return holds(n) || (n->else_node != NULL && holds(n->else_node));
    case HS_TK_FOR:
        return holds(n);
    case HS_TK_INCLUDE:
        return n->part != NULL && holds(n->part->root);
    default:
        return 0; /* content, and <let>, <assert>, <else> (taken by its <if>) */
    }
}

static int
holds(const hs_tnode *parent)
{
    for (const hs_tnode *n = parent->first; n != NULL; n = n->next)
        if (matters(n))
            return 1;
    return 0;
}

/* A <for>, <include> or <require> after its each: its if, then what it is
 * (walk.c's element() for these three). */
static int
control(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    (void)s;
    (void)p;
    int on = hs_ev_if_attr(ev, n);
    if (on <= 0)
        return on;
    switch (n->kind) {
    case HS_TK_FOR:
        return walk(ev, n);
    case HS_TK_INCLUDE:
        hs_ev_register_ns(ev, n->part);
        return walk(ev, n->part->root);
    default:
        return hs_ev_require(ev, n);
    }
}

/* A <let> met: on the stack without its value, with where it was met. */
static void
defer(hs_ev *ev, const hs_tnode *n)
{
    hs_ev_push_var(ev, hs_tnode_attr(n, HS_TA_NAME)->raw, NULL);
    hs_var *v = ev->vars;
    v->let = n;
    v->node = ev->xp->node;
    v->pos = ev->xp->proximityPosition;
    v->size = ev->xp->contextSize;
    v->group = ev->env.group;
    v->group_key = ev->env.group_key;
}

int
hs_ev_force_var(hs_ev *ev, hs_var *v)
{
    /* An expression is being evaluated (it named v): its state is put back
     * afterwards. libxml2 allows an evaluation inside another on one
     * context; the context node, position, size, step count and depth are
     * the outer one's again when it goes on. */
    xmlXPathContextPtr xp = ev->xp;
    hs_xp_env env = ev->env;
    hs_var *vars = ev->vars;
    xmlNodePtr node = xp->node;
    int pos = xp->proximityPosition, size = xp->contextSize, depth = xp->depth;
    unsigned long count = xp->opCount, limit = xp->opLimit;
    ev->vars = v->next; /* the scope the <let> was met in */
    xp->node = v->node;
    xp->proximityPosition = v->pos;
    xp->contextSize = v->size;
    ev->env.group = v->group;
    ev->env.group_key = v->group_key;
    xmlXPathObjectPtr o = hs_ev_let_value(ev, v->let);
    ev->vars = vars;
    xp->node = node;
    xp->proximityPosition = pos;
    xp->contextSize = size;
    xp->depth = depth;
    xp->opCount = count;
    /* limited by work: the outer one may take what this one left (its own
     * steps are spent when it ends) */
    unsigned long steps = hs_budget_steps_left(), least = count > 0 ? count : 1;
    if (steps > 0)
        xp->opLimit = steps > count ? steps : least;
    else
        xp->opLimit = hs_budget_state() == HS_BUDGET_WORK ? least : limit;
    ev->env = env;
    hs_budget_lenient(1); /* the inner evaluation ended its own; the outer one goes on */
    if (o == NULL) {
        ev->env.failed = 1; /* said by the inner evaluation (or a limit) */
        return -1;
    }
    v->value = o;
    return 0;
}

const char *
hs_ev_file_name(hs_ev *ev, const hs_tnode *n)
{
    const char *name = hs_ev_interp(ev, n->text, n->loc);
    if (name == NULL)
        return NULL;
    /* What a file name keeps of it (out/name.c drops white space and dots
     * at its ends, and invisible characters): nothing left would make the
     * file "document.pdf" or the record's name, a guess the reader of the
     * folder cannot tell from a name the template meant. */
    size_t len = strlen(name);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = hs_utf8_decode(name + i, len - i, &cp);
        if (k == 0)
            return name; /* NFC text is UTF-8; out/ replaces what is not */
        if (cp != '.' && !hs_text_is_blank(cp))
            return name;
        i += (size_t)k;
    }
    hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                "<name> is empty for this record (\"%s\"): the file name must come from the "
                "data, e.g. default(customer/short-name, customer/name) for a field a record "
                "may lack",
                name);
    return NULL;
}

static int
walk(hs_ev *ev, const hs_tnode *parent)
{
    hs_var *mark = ev->vars;
    int rc = 0;
    for (const hs_tnode *n = parent->first; n != NULL && rc == 0; n = n->next) {
        hs_budget_spend(1); /* a node walked is work too (a <for> of a <for> …) */
        if (hs_ev_safe_point(ev, &rc))
            break;
        switch (n->kind) {
        case HS_TK_LET:
            defer(ev, n);
            break;
        case HS_TK_NAME: {
            const char *name = hs_ev_file_name(ev, n);
            if (name == NULL)
                rc = -1;
            else
                ev->doc->file_name = name;
            break;
        }
        case HS_TK_IF:
            if (matters(n)) {
                int ok;
                if (hs_ev_bool(ev, hs_tnode_attr(n, HS_TA_TEST)->x, &ok) != 0)
                    rc = -1;
                else if (ok)
                    rc = walk(ev, n);
                else if (n->else_node != NULL)
                    rc = walk(ev, n->else_node);
            }
            break;
        case HS_TK_FOR:
        case HS_TK_INCLUDE:
        case HS_TK_REQUIRE:
            if (matters(n))
                rc = hs_tnode_attr(n, HS_TA_EACH) != NULL ? hs_ev_repeat(ev, n, NULL, NULL, control)
                                                          : control(ev, n, NULL, NULL);
            break;
        default:
            break;
        }
    }
    hs_ev_pop_vars(ev, mark);
    return rc;
}

int
hs_eval_name(const hs_eval_in *in, const char **name)
{
    *name = NULL;
    hs_ev *ev = hs_ev_begin(in);
    if (ev == NULL || walk(ev, ev->root) != 0 || ev->r->errors > ev->errors0)
        return -1;
    *name = ev->doc->file_name;
    return 0;
}
