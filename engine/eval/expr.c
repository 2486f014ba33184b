/* engine/eval/expr.c — XPath for templates at evaluation: the context,
 * variables, the compiled expressions of the template, {…} pieces, and the
 * attributes whose value holds {…} (parsed into their type once evaluated).
 *
 * Errors of libxml2's XPath engine come through xp_error with the template
 * location of the expression being evaluated; an extension function that has
 * already reported its own error sets env.failed, and the generic follow-up
 * message is dropped. Syntax, unknown functions and unknown variables were
 * errors when the template was loaded (tpl/). */
#include "eval/eval_int.h"

#include "text/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* About the XPath steps libxml2 takes in a second on a fast idle machine
 * (measured: 16 million a second on a loaded 2-core machine), so that its
 * step limit stops a runaway expression around the time limit, before the
 * watchdog has to end the process. */
#define HS_XPATH_STEPS_PER_SECOND 100e6

static void
xp_error(void *user, xmlErrorPtr e)
{
    hs_xp_env *env = user;
    if (env->failed)
        return;
    /* libxml2's step limit: hs_ev_xpath runs it again or stops for time */
    if (env->xp != NULL && env->xp->opLimit != 0 && env->xp->opCount >= env->xp->opLimit)
        return;
    env->failed = 1;
    if (hs_budget_state() != HS_BUDGET_OK)
        return; /* out of the document's limits: the owner says which */
    static const struct {
        int code;
        const char *say;
    } says[] = {
        {XML_XPATH_UNDEF_VARIABLE_ERROR, "an undefined variable"},
        {XML_XPATH_UNKNOWN_FUNC_ERROR, "an unknown function"},
        {XML_XPATH_INVALID_OPERAND, "an operand of the wrong type"},
        {XML_XPATH_INVALID_TYPE, "a value of the wrong type"},
        {XML_XPATH_INVALID_ARITY, "a wrong number of arguments"},
        {XML_XPATH_MEMORY_ERROR, "not enough memory"},
        {XML_ERR_NO_MEMORY, "not enough memory"},
    };
    const char *msg = "an XPath error";
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        if (says[i].code == e->code)
            msg = says[i].say;
    hs_error(env->report, env->expr_loc, HS_CODE_XPATH, "%s in {%s}", msg, env->expr);
}

static void __attribute__((format(printf, 2, 3))) silent(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

static xmlXPathObjectPtr
lookup_var(void *user, const xmlChar *name, const xmlChar *ns_uri)
{
    hs_ev *ev = user;
    if (ns_uri != NULL)
        return NULL;
    for (hs_var *v = ev->vars; v != NULL; v = v->next)
        if (strcmp(v->name, hs_xml_str(name)) == 0) {
            if (v->value == NULL && v->let != NULL && hs_ev_force_var(ev, v) != 0)
                return NULL; /* reported; xp_error drops libxml2's follow-up */
            return xmlXPathObjectCopy(v->value);
        }
    if (strcmp(hs_xml_str(name), "profile") == 0) {
        if (ev->profile_root != NULL)
            return xmlXPathNewNodeSet(ev->profile_root);
        if (!ev->profile_warned) {
            ev->profile_warned = 1;
            hs_error(ev->r, ev->env.expr_loc, HS_CODE_USAGE,
                     "this template uses $profile: give the company profile with --profile");
            ev->env.failed = 1;
        }
        return xmlXPathNewNodeSet(NULL);
    }
    return NULL; /* libxml2 reports "Undefined variable" */
}

static void
drop_ev(void *p)
{
    hs_ev *ev = p;
    hs_ev_pop_vars(ev, NULL);
    if (ev->xp != NULL)
        xmlXPathFreeContext(ev->xp);
    ev->xp = NULL;
}

int
hs_ev_init(hs_ev *ev, const hs_eval_in *in)
{
    memset(ev, 0, sizeof *ev);
    ev->in = in;
    ev->a = in->arena;
    ev->r = in->report;
    ev->errors0 = in->report->errors;
    ev->env.arena = in->arena;
    ev->env.report = in->report;
    ev->xp = xmlXPathNewContext(in->record);
    if (ev->xp == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    hs_arena_defer(ev->a, drop_ev, ev);
    /* libxml2's cache of XPath objects (off unless asked, as libxslt asks
     * for it): the node-sets, strings and numbers of one step are reused by
     * the next instead of being allocated and freed, a few thousand times a
     * document. It is freed with the context. */
    if (xmlXPathContextSetCache(ev->xp, 1, -1, 0) != 0)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    ev->xp->node = xmlDocGetRootElement(in->record);
    ev->xp->userData = &ev->env;
    ev->env.xp = ev->xp;
    ev->xp->error = xp_error;
    /* what libxml2 says only through its generic handler (a step limit, an
     * allocation refused past the document's limit) is not for users: our
     * own messages say it */
    xmlSetGenericErrorFunc(NULL, silent);
    if (in->profile != NULL)
        ev->profile_root = xmlDocGetRootElement(in->profile);
    xmlXPathRegisterVariableLookup(ev->xp, lookup_var, ev);
    hs_eval_register_functions(ev->xp);
    return 0;
}

void
hs_ev_register_ns(hs_ev *ev, const hs_tpl *t)
{
    xmlNode *root = xmlDocGetRootElement(t->doc);
    for (xmlNs *ns = root ? root->nsDef : NULL; ns != NULL; ns = ns->next)
        if (ns->prefix != NULL)
            xmlXPathRegisterNs(ev->xp, ns->prefix, ns->href);
}

void
hs_ev_push_var(hs_ev *ev, const char *name, xmlXPathObjectPtr value)
{
    hs_var *v = HS_NEW(ev->a, hs_var);
    v->name = name;
    v->value = value;
    v->next = ev->vars;
    ev->vars = v;
}

void
hs_ev_pop_vars(hs_ev *ev, hs_var *until)
{
    while (ev->vars != NULL && ev->vars != until) {
        xmlXPathFreeObject(ev->vars->value);
        ev->vars = ev->vars->next;
    }
}

xmlXPathObjectPtr
hs_ev_xpath(hs_ev *ev, const hs_texpr *x)
{
    ev->env.expr_loc = x->loc;
    ev->env.expr = x->text;
    ev->env.failed = 0;
    ev->env.src = NULL;
    /* libxml2's own step limit stops a runaway expression (one that
     * computes without allocating) at about the document's time left */
    double left = hs_budget_seconds_left();
    unsigned long steps = hs_budget_steps_left();
    ev->xp->opCount = 0;
    ev->xp->opLimit = steps > 0  ? steps
                      : left > 0 ? (unsigned long)(left * HS_XPATH_STEPS_PER_SECOND) + 1
                                 : 0;
    hs_budget_lenient(1);
    xmlXPathObjectPtr o = xmlXPathCompiledEval(x->comp, ev->xp);
    /* limited by work (a name pass): the steps taken are spent; stopped at
     * the limit, the state says so and nothing runs it again */
    hs_budget_spend(ev->xp->opCount);
    /* Stopped at libxml2's step limit (which it says only on stderr) on a
     * machine faster than the estimate, before the time is up: again, with
     * the steps of the time left, until the time is up. */
    while (o == NULL && !ev->env.failed && ev->xp->opLimit != 0 &&
           ev->xp->opCount >= ev->xp->opLimit && hs_budget_state() == HS_BUDGET_OK) {
        left = hs_budget_seconds_left();
        if (left < 0.001) {
            hs_budget_set(HS_BUDGET_TIME);
            break;
        }
        ev->xp->opCount = 0;
        ev->xp->opLimit = (unsigned long)(left * HS_XPATH_STEPS_PER_SECOND) + 1;
        o = xmlXPathCompiledEval(x->comp, ev->xp);
    }
    hs_budget_lenient(0);
    if (ev->env.failed || o == NULL || hs_budget_state() != HS_BUDGET_OK) {
        if (o != NULL)
            xmlXPathFreeObject(o);
        if (!ev->env.failed && hs_budget_state() == HS_BUDGET_OK)
            hs_error(ev->r, x->loc, HS_CODE_XPATH, "cannot evaluate {%s}", x->text);
        return NULL;
    }
    return o;
}

int
hs_ev_bool(hs_ev *ev, const hs_texpr *x, int *out)
{
    xmlXPathObjectPtr o = hs_ev_xpath(ev, x);
    if (o == NULL)
        return -1;
    *out = xmlXPathCastToBoolean(o);
    xmlXPathFreeObject(o);
    return 0;
}

const char *
hs_ev_string(hs_ev *ev, xmlXPathObjectPtr o, const xmlNode **src)
{
    *src = NULL;
    if (o->type == XPATH_NODESET && o->nodesetval != NULL && o->nodesetval->nodeNr > 0)
        *src = o->nodesetval->nodeTab[0];
    else if (o->type == XPATH_STRING && ev->env.src != NULL)
        *src = ev->env.src; /* a function passed record text through */
    xmlChar *s = xmlXPathCastToString(o);
    const char *out = hs_arena_strdup(ev->a, s ? hs_xml_str(s) : "");
    xmlFree(s);
    return out;
}

const char *
hs_ev_piece(hs_ev *ev, const hs_tpiece *p, const xmlNode **src)
{
    *src = NULL;
    if (p->x == NULL)
        return hs_arena_strndup(ev->a, p->lit, p->len);
    xmlXPathObjectPtr o = hs_ev_xpath(ev, p->x);
    if (o == NULL)
        return NULL;
    /* a number that is none would be printed as "NaN" or "Infinity" */
    if (o->type == XPATH_NUMBER && (isnan(o->floatval) || isinf(o->floatval))) {
        int nan = isnan(o->floatval);
        xmlXPathFreeObject(o);
        hs_error(ev->r, p->x->loc, HS_CODE_XPATH, "{%s} gives %s: %s", p->x->text,
                 nan ? "NaN, not a number" : "an infinity",
                 nan ? "XPath arithmetic does not read grouped amounts (9.500.000) or empty "
                       "values; compute with money-add, money-sub, money-mul, money-div"
                     : "a division by zero");
        return NULL;
    }
    if (o->type == XPATH_NODESET && o->nodesetval != NULL && o->nodesetval->nodeNr > 1) {
        /* XPath's string of several nodes is the first one's: the others
         * would be left out without a word */
        int nr = o->nodesetval->nodeNr;
        xmlXPathFreeObject(o);
        hs_error(ev->r, p->x->loc, HS_CODE_XPATH,
                 "{%s} selects %d nodes for this record and would print only the first: "
                 "repeat with each=\"…\", or pick one ([1]) or join them",
                 p->x->text, nr);
        return NULL;
    }
    ev->fraction = o->type == XPATH_NUMBER && o->floatval != floor(o->floatval);
    if (o->type == XPATH_NUMBER && !ev->fraction) {
        /* libxml2 writes a whole number from 10^10 on as "1e+10" or
         * "1.23456789012e+11" (a contract's 12 billion đồng), and past 2^53
         * a double holds no exact whole number */
        double v = o->floatval;
        xmlXPathFreeObject(o);
        if (fabs(v) >= 9007199254740992.0) {
            hs_error(ev->r, p->x->loc, HS_CODE_NUMBER,
                     "{%s} gives %.0f, past the whole numbers XPath holds exactly (2^53): "
                     "compute amounts with money-add, money-sub, money-mul, money-div",
                     p->x->text, v);
            return NULL;
        }
        return hs_arena_printf(ev->a, "%.0f", v == 0 ? 0.0 : v); /* -0 is 0 */
    }
    const char *s = hs_ev_string(ev, o, src);
    xmlXPathFreeObject(o);
    return s;
}

const char *
hs_ev_interp(hs_ev *ev, const hs_tinterp *in, hs_loc loc)
{
    hs_buf b;
    hs_buf_init(&b, ev->a);
    for (int i = 0; i < in->n; i++) {
        const xmlNode *src;
        const char *s = hs_ev_piece(ev, &in->p[i], &src);
        if (s == NULL)
            return NULL;
        hs_buf_adds(&b, s);
    }
    const char *text = hs_buf_cstr(&b);
    const char *out;
    size_t n;
    if (hs_text_nfc(ev->a, text, strlen(text), &out, &n, ev->r, loc) != 0)
        return NULL;
    return out == text ? text : hs_arena_strndup(ev->a, out, n);
}

int
hs_ev_val(hs_ev *ev, const hs_tnode *n, hs_ta id, hs_tval *out)
{
    const hs_tattr *a = hs_tnode_attr(n, id);
    if (a == NULL)
        return 0;
    if (a->interp == NULL) {
        *out = a->v;
        return 1;
    }
    const char *v = hs_ev_interp(ev, a->interp, a->loc);
    if (v == NULL)
        return -1;
    int is_bool = hs_tattr_defs[id].type == HS_TT_BOOL;
    if (is_bool && (strcmp(v, "true") == 0 || strcmp(v, "false") == 0)) {
        /* a test in {…} (keep-with-next="{position() = last()}") gives
         * XPath's true or false: yes or no, said the other way */
        out->i = v[0] == 't';
        return 1;
    }
    char why[200];
    if (hs_tpl_parse_value(id, v, ev->a, out, why, sizeof why) != 0) {
        if (is_bool)
            snprintf(why, sizeof why, "expected yes or no, or a test that is true or false");
        hs_ev_error(ev, n, HS_CODE_TEMPLATE, "<%s %s=\"%s\"> gives \"%s\": %s",
                    hs_telem_defs[n->kind].name, hs_tattr_defs[id].name, a->raw, v, why);
        return -1;
    }
    return 1;
}

const char *
hs_ev_text_attr(hs_ev *ev, const hs_tnode *n, hs_ta id)
{
    hs_tval v;
    v.s = NULL; /* a bool's value in {…} sets only v.i */
    int rc = hs_ev_val(ev, n, id, &v);
    return rc == 1 ? v.s : NULL;
}

int
hs_ev_error(hs_ev *ev, const hs_tnode *at, hs_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hs_verror(ev->r, at->loc, code, fmt, ap);
    va_end(ap);
    return -1;
}
