/* engine/eval/expr.c — XPath for templates: the context, variables, compiled
 * expressions, and {expr} interpolation in text and attributes.
 *
 * Errors of libxml2's XPath engine come through xp_error with the template
 * location of the expression being evaluated; an extension function that has
 * already reported its own error sets env.failed, and the generic follow-up
 * message is dropped. */
#include "eval/eval_int.h"

#include "text/text.h"

#include <stdarg.h>
#include <string.h>

/* libxml2 names an unknown function only in a line it prints through its
 * generic error handler ("xmlXPathCompOpEval: function foo not found"); the
 * structured error that follows says just "Unregistered function". The line
 * is kept here, off stderr, for xp_error to name the function. */
static char generic_msg[200];

static void __attribute__((format(printf, 2, 3)))
on_generic(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(generic_msg, sizeof generic_msg, fmt, ap);
    va_end(ap);
}

static void
xp_error(void *user, xmlErrorPtr e)
{
    hs_xp_env *env = user;
    if (env->failed)
        return;
    env->failed = 1;
    char msg[300], fn[100];
    /* libxml2 2.9 passes its XPath errors here with an empty message */
    static const struct {
        int code;
        const char *say;
    } says[] = {
        {XML_XPATH_NUMBER_ERROR, "a malformed number"},
        {XML_XPATH_UNFINISHED_LITERAL_ERROR, "a string without its closing quote"},
        {XML_XPATH_START_LITERAL_ERROR, "a string expected"},
        {XML_XPATH_VARIABLE_REF_ERROR, "a malformed variable name"},
        {XML_XPATH_UNDEF_VARIABLE_ERROR, "an undefined variable"},
        {XML_XPATH_INVALID_PREDICATE_ERROR, "a malformed [predicate]"},
        {XML_XPATH_EXPR_ERROR, "a syntax error"},
        {XML_XPATH_UNCLOSED_ERROR, "a missing closing bracket"},
        {XML_XPATH_UNKNOWN_FUNC_ERROR, "an unknown function"},
        {XML_XPATH_INVALID_OPERAND, "an operand of the wrong type"},
        {XML_XPATH_INVALID_TYPE, "a value of the wrong type"},
        {XML_XPATH_INVALID_ARITY, "a wrong number of arguments"},
        {XML_XPATH_INVALID_CHAR_ERROR, "a character not allowed in XPath"},
    };
    snprintf(msg, sizeof msg, "%s", e->message && e->message[0] ? e->message : "an XPath error");
    for (size_t i = 0; i < sizeof says / sizeof says[0] && !(e->message && e->message[0]); i++)
        if (says[i].code == e->code)
            snprintf(msg, sizeof msg, "%s", says[i].say);
    if (e->code == XML_XPATH_UNKNOWN_FUNC_ERROR &&
        sscanf(generic_msg, "xmlXPathCompOpEval: function %99s not found", fn) == 1)
        snprintf(msg, sizeof msg, "unknown function %s()", fn);
    generic_msg[0] = '\0';
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    hs_error(env->report, env->expr_loc, "xpath", "%s in {%s}", msg, env->expr);
}

static xmlXPathObjectPtr
lookup_var(void *user, const xmlChar *name, const xmlChar *ns_uri)
{
    hs_ev *ev = user;
    if (ns_uri != NULL)
        return NULL;
    for (hs_var *v = ev->vars; v != NULL; v = v->next)
        if (strcmp(v->name, hs_xml_str(name)) == 0)
            return xmlXPathObjectCopy(v->value);
    if (strcmp(hs_xml_str(name), "profile") == 0) {
        if (ev->profile_root != NULL)
            return xmlXPathNewNodeSet(ev->profile_root);
        if (!ev->profile_warned) {
            ev->profile_warned = 1;
            hs_error(ev->r, ev->env.expr_loc, "usage",
                     "this template uses $profile: give the company profile with --profile");
            ev->env.failed = 1;
        }
        return xmlXPathNewNodeSet(NULL);
    }
    return NULL; /* libxml2 reports "Undefined variable" */
}

static void
free_compiled(void *payload, const xmlChar *name)
{
    (void)name;
    xmlXPathFreeCompExpr(payload);
}

static void
drop_ev(void *p)
{
    hs_ev *ev = p;
    hs_ev_pop_vars(ev, NULL);
    if (ev->compiled != NULL)
        xmlHashFree(ev->compiled, free_compiled);
    if (ev->xp != NULL)
        xmlXPathFreeContext(ev->xp);
    ev->compiled = NULL;
    ev->xp = NULL;
}

int
hs_ev_init(hs_ev *ev, const hs_eval_in *in)
{
    memset(ev, 0, sizeof *ev);
    ev->in = in;
    ev->a = in->arena;
    ev->r = in->report;
    ev->env.arena = in->arena;
    ev->env.report = in->report;
    ev->xp = xmlXPathNewContext(in->record);
    ev->compiled = xmlHashCreate(64);
    if (ev->xp == NULL || ev->compiled == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    hs_arena_defer(ev->a, drop_ev, ev);
    ev->xp->node = xmlDocGetRootElement(in->record);
    ev->xp->userData = &ev->env;
    ev->xp->error = xp_error;
    xmlSetGenericErrorFunc(NULL, on_generic);
    if (in->profile != NULL)
        ev->profile_root = xmlDocGetRootElement(in->profile);
    xmlXPathRegisterVariableLookup(ev->xp, lookup_var, ev);
    hs_eval_register_functions(ev->xp);
    hs_eval_register_schedule_functions(ev->xp);
    return 0;
}

void
hs_ev_done(hs_ev *ev)
{
    (void)ev; /* everything is released by the arena's deferred cleanup */
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
hs_ev_xpath(hs_ev *ev, const char *expr, const xmlNode *at)
{
    ev->env.expr_loc = hs_loc_from_xml(at);
    ev->env.expr = expr;
    ev->env.failed = 0;
    ev->env.src = NULL;
    xmlXPathCompExprPtr comp = xmlHashLookup(ev->compiled, hs_xml_ustr(expr));
    if (comp == NULL) {
        comp = xmlXPathCtxtCompile(ev->xp, hs_xml_ustr(expr));
        if (comp == NULL) {
            if (!ev->env.failed)
                hs_error(ev->r, ev->env.expr_loc, "xpath", "cannot compile {%s}", expr);
            return NULL;
        }
        xmlHashAddEntry(ev->compiled, hs_xml_ustr(expr), comp);
    }
    xmlXPathObjectPtr o = xmlXPathCompiledEval(comp, ev->xp);
    if (ev->env.failed || o == NULL) {
        if (o != NULL)
            xmlXPathFreeObject(o);
        if (!ev->env.failed)
            hs_error(ev->r, ev->env.expr_loc, "xpath", "cannot evaluate {%s}", expr);
        return NULL;
    }
    return o;
}

int
hs_ev_bool(hs_ev *ev, const char *expr, const xmlNode *at, int *out)
{
    xmlXPathObjectPtr o = hs_ev_xpath(ev, expr, at);
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
hs_ev_expr_end(const char *p)
{
    char quote = 0;
    for (; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '}') {
            return p;
        }
    }
    return NULL;
}

const char *
hs_ev_interp(hs_ev *ev, const char *text, const xmlNode *at)
{
    if (strchr(text, '{') == NULL && strchr(text, '}') == NULL) {
        /* Returned as it is, text would be the caller's, which it may free
         * next (xmlNodeGetContent of <name>, <let>, <assert>). */
        text = hs_arena_strdup(ev->a, text);
        goto nfc;
    }
    hs_buf b;
    hs_buf_init(&b, ev->a);
    for (const char *p = text; *p;) {
        if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            hs_buf_addc(&b, p[0]);
            p += 2;
        } else if (p[0] == '}') {
            hs_ev_error(ev, at, "template", "a lone '}' in \"%s\" (write '}}' for a brace)",
                        text);
            return NULL;
        } else if (p[0] == '{') {
            const char *end = hs_ev_expr_end(p + 1);
            if (end == NULL) {
                hs_ev_error(ev, at, "template", "'{' without its '}' in \"%s\"", text);
                return NULL;
            }
            const char *expr = hs_arena_strndup(ev->a, p + 1, (size_t)(end - p - 1));
            xmlXPathObjectPtr o = hs_ev_xpath(ev, expr, at);
            if (o == NULL)
                return NULL;
            const xmlNode *src;
            hs_buf_adds(&b, hs_ev_string(ev, o, &src));
            xmlXPathFreeObject(o);
            p = end + 1;
        } else {
            hs_buf_addc(&b, *p++);
        }
    }
    text = hs_buf_cstr(&b);
nfc:;
    const char *out;
    size_t n;
    if (hs_text_nfc(ev->a, text, strlen(text), &out, &n, ev->r, hs_loc_from_xml(at)) != 0)
        return NULL;
    return out == text ? text : hs_arena_strndup(ev->a, out, n);
}

const char *
hs_ev_attr(hs_ev *ev, const xmlNode *at, const char *name)
{
    const char *v = hs_xml_attr(at, name);
    if (v == NULL)
        return NULL;
    return hs_ev_interp(ev, v, at);
}

int
hs_ev_error(hs_ev *ev, const xmlNode *at, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hs_verror(ev->r, hs_loc_from_xml(at), code, fmt, ap);
    va_end(ap);
    return -1;
}
