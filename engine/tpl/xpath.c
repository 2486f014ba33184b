/* engine/tpl/xpath.c — XPath expressions of templates, compiled at load.
 *
 * libxml2 compiles the expression and reports a syntax error with the offset
 * where it stopped (xmlError int1), shown here with a caret under it. It
 * resolves function names and variables only when evaluating, so the
 * compiler also reads the expression's tokens (XPath 1.0 §3.7): every
 * function call must name a function the engine registered, every $variable
 * one in scope, and every name test is kept for --strict with the schema its
 * path walks (the record, the profile for $profile). */
#include "tpl/tpl_int.h"

#include <ctype.h>
#include <string.h>

typedef struct compile_err {
    int code, offset, seen;
} compile_err;

static void
on_compile_error(void *user, xmlErrorPtr e)
{
    compile_err *ce = user;
    if (ce->seen)
        return;
    ce->seen = 1;
    ce->code = e->code;
    ce->offset = e->int1;
}

static const char *
say(int code)
{
    static const struct {
        int code;
        const char *say;
    } says[] = {
        {XML_XPATH_NUMBER_ERROR, "a malformed number"},
        {XML_XPATH_UNFINISHED_LITERAL_ERROR, "a string without its closing quote"},
        {XML_XPATH_START_LITERAL_ERROR, "a string expected"},
        {XML_XPATH_VARIABLE_REF_ERROR, "a malformed variable name"},
        {XML_XPATH_INVALID_PREDICATE_ERROR, "a malformed [predicate]"},
        {XML_XPATH_EXPR_ERROR, "a syntax error"},
        {XML_XPATH_UNCLOSED_ERROR, "a missing closing bracket"},
        {XML_XPATH_INVALID_CHAR_ERROR, "a character not allowed in XPath"},
        {XML_XPATH_INVALID_OPERAND, "an operand of the wrong type"},
        {XML_XPATH_MEMORY_ERROR, "not enough memory"},
    };
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        if (says[i].code == code)
            return says[i].say;
    return "an XPath syntax error";
}

/* Characters (not bytes) of s[0..n). */
static int
columns(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static void
caret(hs_tc *t, hs_loc loc, const char *shown, const char *text, int offset)
{
    const char *at = strstr(shown, text);
    int col = at ? columns(shown, (size_t)(at - shown)) : 0;
    if (offset < 0)
        offset = 0;
    if ((size_t)offset > strlen(text))
        offset = (int)strlen(text);
    col += columns(text, (size_t)offset);
    hs_note(t->r, loc, "  %s", shown);
    hs_note(t->r, loc, "  %*s^", col, "");
}

/* ---- tokens ---- */
typedef enum tok {
    T_END,
    T_NAME, /* a name test */
    T_STAR, /* * as a name test */
    T_VAR,
    T_FUNC,
    T_NODETYPE,
    T_AXIS,
    T_AT,
    T_SLASH,
    T_LBRACK,
    T_RBRACK,
    T_LPAREN,
    T_RPAREN,
    T_DOT,
    T_LIT,
    T_NUM,
    T_COMMA,
    T_OP
} tok;

static int
ends_operand(tok t)
{
    return t == T_NAME || t == T_STAR || t == T_VAR || t == T_RPAREN || t == T_RBRACK ||
           t == T_LIT || t == T_NUM || t == T_DOT;
}

static int
name_char(unsigned char c, int first)
{
    if (c >= 0x80 || isalpha(c) || c == '_')
        return 1;
    return !first && (isdigit(c) || c == '-' || c == '.');
}

/* Length of the QName (prefix:local, or prefix:*) at p; 0 if none. */
static size_t
qname(const char *p)
{
    size_t n = 0;
    if (!name_char((unsigned char)p[0], 1))
        return 0;
    while (name_char((unsigned char)p[n], n == 0))
        n++;
    if (p[n] == ':' && p[n + 1] != ':') {
        if (p[n + 1] == '*')
            return n + 2;
        size_t m = 1;
        while (name_char((unsigned char)p[n + m], m == 1))
            m++;
        if (m > 1)
            n += m;
    }
    return n;
}

typedef struct scan {
    hs_tc *t;
    const char *text, *shown;
    hs_loc loc;
    int bad;
    int origin; /* what the first path walks, -1: none yet */
    hs_origin ctx[64];
    int cur[64]; /* origin of the path being read at each depth; -1: none */
    int depth;
} scan;

/* name[0..n) into out as a string, cut to its cap as "%.*s" would be (the
 * compiler copies some 300 names and 150 lengths a template: snprintf was a
 * sixth of the scan, and most of reading the lengths). */
void
hs_tpl_copy_word(char *out, size_t cap, const char *name, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(out, name, n);
    out[n] = '\0';
}

/* A prefix must be declared on the file's root (xmlns:co="…"). */
static int
prefix_declared(scan *s, const char *name, size_t n)
{
    const char *colon = memchr(name, ':', n);
    if (colon == NULL)
        return 1;
    char prefix[64];
    hs_tpl_copy_word(prefix, sizeof prefix, name, (size_t)(colon - name));
    xmlNode *root = s->t->dom_root;
    if (root != NULL && xmlSearchNs(root->doc, root, hs_xml_ustr(prefix)) != NULL)
        return 1;
    hs_error(s->t->r, s->loc, HS_CODE_XPATH,
             "the prefix %s: is not declared (add xmlns:%s=\"…\" to <%s>) in %s", prefix, prefix,
             root ? hs_xml_str(root->name) : "document", s->shown);
    s->bad = 1;
    return 0;
}

static void
step(scan *s, const char *name, size_t n, int attr, hs_origin o)
{
    if (memchr(name, ':', n) != NULL) {
        prefix_declared(s, name, n);
        return; /* another namespace: checked lax by the schema, not by name */
    }
    if (o == HS_ORIGIN_NONE)
        return;
    hs_tstep *st = HS_NEW(s->t->c->arena, hs_tstep);
    st->name = hs_arena_strndup(s->t->c->arena, name, n);
    st->attr = attr;
    st->origin = o;
    st->loc = s->loc;
    st->shown = s->shown;
    st->next = s->t->entry->steps;
    s->t->entry->steps = st;
}

static void
collect_fn_name(void *payload, void *data, const xmlChar *name, const xmlChar *ns,
                const xmlChar *n3)
{
    (void)payload;
    (void)ns;
    (void)n3;
    hs_names *names = data;
    if (names->n < 256)
        names->v[names->n++] = hs_xml_str(name);
}

static void
unknown_function(scan *s, const char *name)
{
    const char *v[256];
    hs_names names = {.v = v};
    xmlHashScanFull(s->t->c->xp->funcHash, collect_fn_name, &names);
    const char *near = hs_suggest(name, v, names.n);
    hs_error(s->t->r, s->loc, HS_CODE_XPATH, "unknown function %s()%s%s%s in %s", name,
             near ? " (did you mean " : "", near ? near : "", near ? "()?)" : "", s->shown);
    s->bad = 1;
}

static int
known_function(scan *s, const char *name)
{
    if (strchr(name, ':') != NULL)
        return 1; /* a namespaced function: resolved when evaluated */
    return xmlXPathFunctionLookup(s->t->c->xp, hs_xml_ustr(name)) != NULL;
}

static void
set_cur(scan *s, int o)
{
    s->cur[s->depth] = o;
    if (s->depth == 0 && s->origin < 0)
        s->origin = o;
}

static void
read_tokens(scan *s)
{
    tok prev = T_END;
    int prev_attr_axis = 0;
    const char *p = s->text;
    s->cur[0] = -1;
    while (*p) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            p++;
            continue;
        }
        tok t = T_OP;
        int attr_axis = 0;
        int continues = prev == T_SLASH || prev == T_AT || prev == T_AXIS;
        hs_origin here = s->ctx[s->depth];
        if (c == '\'' || c == '"') {
            const char *q = strchr(p + 1, c);
            p = q ? q + 1 : p + strlen(p);
            t = T_LIT;
        } else if (isdigit(c) || (c == '.' && isdigit((unsigned char)p[1]))) {
            while (isdigit((unsigned char)*p) || *p == '.')
                p++;
            t = T_NUM;
        } else if (c == '.') {
            p += p[1] == '.' ? 2 : 1;
            t = T_DOT;
            if (!continues)
                set_cur(s, here);
        } else if (c == '/') {
            p += p[1] == '/' ? 2 : 1;
            t = T_SLASH;
            if (!ends_operand(prev) && prev != T_AT)
                set_cur(s, here); /* an absolute path: the context's document */
        } else if (c == '@') {
            p++;
            t = T_AT;
            if (!continues)
                set_cur(s, here);
        } else if (c == '[' || c == '(') {
            if (s->depth < 63) {
                s->depth++;
                /* in a predicate, relative paths start from the step's node */
                s->ctx[s->depth] = c == '[' && s->cur[s->depth - 1] >= 0
                                       ? (hs_origin)s->cur[s->depth - 1]
                                       : s->ctx[s->depth - 1];
                s->cur[s->depth] = -1;
            }
            p++;
            t = c == '[' ? T_LBRACK : T_LPAREN;
        } else if (c == ']' || c == ')') {
            if (s->depth > 0)
                s->depth--;
            p++;
            t = c == ']' ? T_RBRACK : T_RPAREN;
        } else if (c == ',') {
            p++;
            t = T_COMMA;
            s->cur[s->depth] = -1;
        } else if (c == '*' && !ends_operand(prev)) {
            p++;
            t = T_STAR;
            if (!continues)
                set_cur(s, here);
        } else if (c == '$') {
            size_t n = qname(p + 1);
            char name[128];
            hs_tpl_copy_word(name, sizeof name, p + 1, n);
            p += 1 + n;
            t = T_VAR;
            int o = hs_tc_var(s->t, name, s->loc, s->shown);
            if (o < 0)
                s->bad = 1;
            set_cur(s, o < 0 ? HS_ORIGIN_ANY : o);
        } else if (qname(p) > 0 && !ends_operand(prev)) {
            size_t n = qname(p);
            const char *name = p;
            p += n;
            const char *q = p;
            while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
                q++;
            if (q[0] == ':' && q[1] == ':') {
                t = T_AXIS;
                attr_axis = n == 9 && memcmp(name, "attribute", 9) == 0;
                p = q + 2;
                if (!continues)
                    set_cur(s, here);
            } else if (q[0] == '(') {
                static const char *const types[] = {"node", "text", "comment",
                                                    "processing-instruction"};
                t = T_FUNC;
                for (size_t i = 0; i < 4; i++)
                    if (strlen(types[i]) == n && memcmp(types[i], name, n) == 0)
                        t = T_NODETYPE;
                if (t == T_FUNC && !prefix_declared(s, name, n)) {
                    /* said */
                } else if (t == T_FUNC) {
                    char fn[128];
                    hs_tpl_copy_word(fn, sizeof fn, name, n);
                    if (!known_function(s, fn))
                        unknown_function(s, fn);
                } else if (!continues) {
                    set_cur(s, here);
                }
            } else {
                t = T_NAME;
                if (!continues)
                    set_cur(s, here);
                int cur = s->cur[s->depth];
                step(s, name, n, prev == T_AT || (prev == T_AXIS && prev_attr_axis),
                     cur < 0 ? here : (hs_origin)cur);
            }
        } else if (qname(p) > 0) {
            p += qname(p); /* and, or, div, mod */
            s->cur[s->depth] = -1;
        } else {
            p += (p[0] == '!' || p[0] == '<' || p[0] == '>') && p[1] == '=' ? 2 : 1;
            s->cur[s->depth] = -1;
        }
        prev = t;
        prev_attr_axis = attr_axis;
    }
}

/* The slot of text in the cache's compiled expressions, or the empty one
 * where it would go. */
static hs_tcomp *
comp_slot(hs_tpl_cache *c, const char *text)
{
    size_t i = hs_tpl_hash(text) & c->comps_mask;
    for (; c->comps[i].text != NULL; i = (i + 1) & c->comps_mask)
        if (strcmp(c->comps[i].text, text) == 0)
            break;
    return &c->comps[i];
}

/* Room for one more, the set at most half full. */
static void
comps_room(hs_tpl_cache *c)
{
    if (c->comps != NULL && 2 * (c->comps_n + 1) <= c->comps_mask + 1)
        return;
    hs_tcomp *old = c->comps;
    size_t old_size = old ? c->comps_mask + 1 : 0;
    size_t size = old ? 2 * old_size : 256;
    c->comps = HS_NEW_N(c->arena, size, hs_tcomp);
    c->comps_mask = size - 1;
    for (size_t i = 0; i < old_size; i++)
        if (old[i].text != NULL)
            *comp_slot(c, old[i].text) = old[i];
}

/* The compiled form of text, compiled once per text and engine: an
 * expression compiles to the same steps wherever it is written (the
 * context and its functions are the engine's), and a quarter of a quote's
 * repeat one written before ($span, $profile/name, quote/@number). NULL
 * after reporting. */
static const hs_tcomp *
compiled(hs_tc *t, const char *text, hs_loc loc, const char *shown)
{
    comps_room(t->c);
    hs_tcomp *slot = comp_slot(t->c, text);
    if (slot->text != NULL)
        return slot;
    compile_err ce = {0, 0, 0};
    t->c->xp->error = on_compile_error;
    t->c->xp->userData = &ce;
    xmlXPathCompExprPtr comp = xmlXPathCtxtCompile(t->c->xp, hs_xml_ustr(text));
    t->c->xp->error = NULL;
    t->c->xp->userData = NULL;
    if (comp == NULL) {
        hs_error(t->r, loc, HS_CODE_XPATH, "%s in %s",
                 ce.seen ? say(ce.code) : "an XPath syntax error", shown);
        caret(t, loc, shown, text, ce.seen ? ce.offset : 0);
        return NULL;
    }
    hs_arena_defer(t->c->arena, (void (*)(void *))xmlXPathFreeCompExpr, comp);
    slot->text = hs_arena_strdup(t->c->arena, text);
    slot->comp = comp;
    t->c->comps_n++;
    return slot;
}

const hs_texpr *
hs_tc_xpath(hs_tc *t, const char *text, hs_loc loc, const char *shown, hs_origin *origin)
{
    const hs_tcomp *comp = compiled(t, text, loc, shown);
    if (comp == NULL)
        return NULL;
    /* the names, variables and functions, read wherever it is written: what
     * they mean depends on the scope here */
    scan s = {0};
    s.t = t;
    s.text = text;
    s.shown = shown;
    s.loc = loc;
    s.origin = -1;
    s.ctx[0] = t->ctx;
    read_tokens(&s);
    if (s.bad)
        return NULL;
    if (origin != NULL)
        *origin = s.origin < 0 ? t->ctx : (hs_origin)s.origin;
    hs_texpr *x = HS_NEW(t->c->arena, hs_texpr);
    x->text = comp->text;
    x->comp = comp->comp;
    x->loc = loc;
    return x;
}
