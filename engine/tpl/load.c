/* engine/tpl/load.c — the template cache: each file parsed and compiled once
 * per engine; the names of the schemas for --strict. */
#include "tpl/tpl_int.h"

#include <stdlib.h>
#include <string.h>

static void
free_doc(void *p)
{
    xmlFreeDoc(p);
}

static void
free_ctx(void *p)
{
    xmlXPathFreeContext(p);
}

static void
free_dict(void *p)
{
    xmlDictFree(p);
}

hs_tpl_cache *
hs_tpl_cache_new(void (*register_functions)(xmlXPathContextPtr))
{
    hs_arena *a = hs_arena_new(0);
    hs_tpl_cache *c = HS_NEW(a, hs_tpl_cache);
    c->arena = a;
    c->xp = xmlXPathNewContext(NULL);
    if (c->xp == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    hs_arena_defer(a, free_ctx, c->xp);
    c->strings = xmlDictCreate();
    if (c->strings == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    hs_arena_defer(a, free_dict, c->strings);
    c->names = xmlDictCreate();
    if (c->names == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    hs_arena_defer(a, free_dict, c->names);
    if (register_functions != NULL)
        register_functions(c->xp);
    return c;
}

void
hs_tpl_cache_free(hs_tpl_cache *c)
{
    if (c != NULL)
        hs_arena_free(c->arena);
}

const char *
hs_tpl_intern(hs_tpl_cache *c, const char *s)
{
    const xmlChar *x = xmlDictLookup(c->strings, (const xmlChar *)s, -1);
    if (x == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return (const char *)x;
}

size_t
hs_tpl_interned(const hs_tpl_cache *c)
{
    return (size_t)xmlDictSize(c->strings);
}

const char *
hs_tpl_resolve(hs_arena *a, const char *from, const char *rel)
{
    if (rel[0] == '/' || from == NULL)
        return rel;
    const char *slash = strrchr(from, '/');
    if (slash == NULL)
        return rel;
    return hs_arena_printf(a, "%.*s/%s", (int)(slash - from), from, rel);
}

/* While a file loads, its messages pass through here on their way to the
 * caller's report and are kept in its entry: a file that failed fails every
 * later document with the same messages, without being parsed, compiled or
 * allocated again (a batch with a broken template does not grow the engine). */
typedef struct keeper {
    hs_tpl_cache *c;
    hs_report *to;
    hs_tsaid **tail;
} keeper;

static void
keep(void *user, const hs_diag *d)
{
    keeper *k = user;
    hs_tsaid *s = HS_NEW(k->c->arena, hs_tsaid);
    s->d = *d;
    s->d.loc.file = d->loc.file ? hs_tpl_intern(k->c, d->loc.file) : NULL;
    s->d.message = hs_arena_strdup(k->c->arena, d->message);
    *k->tail = s;
    k->tail = &s->next;
    if (k->to->sink != NULL) /* a report with no sink says nothing (base.h) */
        k->to->sink(k->to->user, d);
}

static void
say_again(const hs_tentry *e, hs_report *r)
{
    for (const hs_tsaid *s = e->said; s != NULL; s = s->next) {
        if (s->d.severity == HS_SEV_ERROR)
            hs_error(r, s->d.loc, s->d.code, "%s", s->d.message);
        else if (s->d.severity == HS_SEV_WARNING)
            hs_warning(r, s->d.loc, s->d.code, "%s", s->d.message);
        else
            hs_note(r, s->d.loc, "%s", s->d.message);
    }
}

static hs_tpl *
parse_and_compile(hs_tpl_cache *c, hs_tentry *e, hs_report *r)
{
    /* in one dictionary for all: the parts of a template and the templates
     * of an engine name the same elements, and each file's own dictionary
     * was ~6 KB of fresh memory. Bounded by the template files an engine
     * reads, each once; a record is parsed in a dictionary of its own. */
    xmlDocPtr doc = hs_xml_parse_file_in(e->path, e->path, c->names, r);
    if (doc == NULL)
        return NULL;
    hs_arena_defer(c->arena, free_doc, doc);
    e->compiling = 1;
    int before = r->errors;
    hs_tpl *t = hs_tc_compile_file(c, e, doc, r);
    e->compiling = 0;
    if (t == NULL && r->errors == before)
        hs_error(r, (hs_loc){e->path, 0}, HS_CODE_TEMPLATE, "the template does not compile");
    return t;
}

const hs_tpl *
hs_tpl_load(hs_tpl_cache *c, const char *path, hs_report *r)
{
    for (hs_tentry *e = c->first; e != NULL; e = e->next)
        if (strcmp(e->path, path) == 0) {
            if (e->failed)
                say_again(e, r);
            return e->tpl;
        }
    hs_tentry *e = HS_NEW(c->arena, hs_tentry);
    e->path = hs_tpl_intern(c, path);
    e->next = c->first;
    c->first = e;
    keeper k = {c, r, &e->said};
    hs_report through = {keep, &k, r->errors, r->limit};
    e->tpl = parse_and_compile(c, e, &through);
    r->errors = through.errors;
    e->failed = e->tpl == NULL;
    return e->tpl;
}

/* ---- --strict ---- */

/* The schema's names, each once, in the order first declared, with a set
 * of them by hash beside (open addressing: indexes + 1 into the array); a
 * linear search of the names for each declaration, and for each path step
 * --strict checks, was most of a start's --strict work. */
size_t
hs_tpl_hash(const char *s)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Where name is in the set, or the empty slot where it would go. */
static size_t *
slot_of(const hs_names *to, const char *name)
{
    size_t i = hs_tpl_hash(name) & to->mask;
    for (; to->slot[i] != 0; i = (i + 1) & to->mask)
        if (strcmp(to->v[to->slot[i] - 1], name) == 0)
            break;
    return &to->slot[i];
}

/* Adds name unless it is there already. */
static void
add_once(hs_arena *a, hs_names *to, const char *name)
{
    size_t *s = slot_of(to, name);
    if (*s != 0)
        return;
    to->v[to->n++] = hs_arena_strdup(a, name);
    *s = to->n;
}

static void
collect(hs_arena *a, xmlNode *n, hs_names *elems, hs_names *attrs)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = hs_xml_attr(n, "name");
        int el = hs_xml_is(n, "element"), at = !el && hs_xml_is(n, "attribute");
        if ((el || at) && name != NULL)
            add_once(a, el ? elems : attrs, name);
        collect(a, n->children, elems, attrs);
    }
}

/* How many xs:element and xs:attribute declarations name something (with
 * repeats): the room collect needs. */
static void
count_named(const xmlNode *n, size_t *elems, size_t *attrs)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (hs_xml_attr(n, "name") != NULL) {
            *elems += hs_xml_is(n, "element");
            *attrs += hs_xml_is(n, "attribute");
        }
        count_named(n->children, elems, attrs);
    }
}

/* Room for n names, and a set for them at most half full. */
static void
names_new(hs_arena *a, hs_names *to, size_t n)
{
    size_t size = 16;
    while (size < 2 * n)
        size *= 2;
    to->v = HS_NEW_N(a, n ? n : 1, const char *);
    to->n = 0;
    to->slot = HS_NEW_N(a, size, size_t);
    to->mask = size - 1;
}

/* The arrays as large as the schema's declarations, not a fixed 4096 names
 * each: arena memory is zeroed, and 4 x 32 KB of it were 32 page faults of
 * every start. */
static void
names_of(hs_tpl_cache *c, xmlDocPtr xsd, hs_names *elems, hs_names *attrs)
{
    xmlNode *root = xsd != NULL ? xmlDocGetRootElement(xsd) : NULL;
    size_t ne = 0, na = 0;
    count_named(root, &ne, &na);
    names_new(c->arena, elems, ne);
    names_new(c->arena, attrs, na);
    collect(c->arena, root, elems, attrs);
}

void
hs_tpl_set_schemas(hs_tpl_cache *c, hs_tpl_xsd_fn *xsd, void *user)
{
    c->xsd = xsd;
    c->xsd_user = user;
}

/* The names of both schemas, made on the first call: 0, or -1 after
 * reporting (a schema that would not build). */
int
hs_tpl_strict_ready(hs_tpl_cache *c, hs_report *r)
{
    if (c->have_names || c->xsd == NULL)
        return 0;
    xmlDocPtr rec = c->xsd(c->xsd_user, 0, r);
    xmlDocPtr prof = rec != NULL ? c->xsd(c->xsd_user, 1, r) : NULL;
    if (rec == NULL || prof == NULL)
        return -1;
    names_of(c, rec, &c->rec_elems, &c->rec_attrs);
    names_of(c, prof, &c->prof_elems, &c->prof_attrs);
    c->have_names = 1;
    return 0;
}

static int
in_names(const hs_names *n, const char *name)
{
    return *slot_of(n, name) != 0;
}

static int
check_step(hs_tpl_cache *c, const hs_tstep *s, hs_report *r)
{
    const hs_names *rec = s->attr ? &c->rec_attrs : &c->rec_elems;
    const hs_names *prof = s->attr ? &c->prof_attrs : &c->prof_elems;
    int in_rec = in_names(rec, s->name), in_prof = in_names(prof, s->name);
    if ((s->origin == HS_ORIGIN_RECORD && in_rec) || (s->origin == HS_ORIGIN_PROFILE && in_prof) ||
        (s->origin == HS_ORIGIN_ANY && (in_rec || in_prof)))
        return 0;
    const char *near = NULL;
    if (s->origin != HS_ORIGIN_PROFILE)
        near = hs_suggest(s->name, rec->v, rec->n);
    if (near == NULL && s->origin != HS_ORIGIN_RECORD)
        near = hs_suggest(s->name, prof->v, prof->n);
    const char *schema = s->origin == HS_ORIGIN_PROFILE  ? "profile"
                         : s->origin == HS_ORIGIN_RECORD ? "record"
                                                         : "record or profile";
    const char *at = s->attr ? "@" : "<", *end = s->attr ? "" : ">";
    hs_error(r, s->loc, HS_CODE_STRICT, "the %s schema has no %s%s%s%s%s%s%s%s in %s", schema, at,
             s->name, end, near ? " (did you mean " : "", near ? at : "", near ? near : "",
             near ? end : "", near ? "?)" : "", s->shown);
    return -1;
}

static int
strict_entry(hs_tpl_cache *c, hs_tentry *e, hs_report *r)
{
    if (e->strict_done)
        return 0;
    e->strict_done = 1;
    int rc = 0;
    /* in the order they were written */
    size_t n = 0;
    for (hs_tstep *s = e->steps; s != NULL; s = s->next)
        n++;
    const hs_tstep **v = HS_NEW_N(c->arena, n ? n : 1, const hs_tstep *);
    size_t i = n;
    for (hs_tstep *s = e->steps; s != NULL; s = s->next)
        v[--i] = s;
    for (i = 0; i < n; i++)
        if (check_step(c, v[i], r) != 0)
            rc = -1;
    for (hs_tinc *inc = e->includes; inc != NULL; inc = inc->next)
        if (strict_entry(c, inc->e, r) != 0)
            rc = -1;
    if (rc != 0)
        e->strict_done = 0; /* say it again for the next record */
    return rc;
}

int
hs_tpl_check_strict(hs_tpl_cache *c, const hs_tpl *t, hs_report *r)
{
    if (c->xsd == NULL)
        return 0;
    if (hs_tpl_strict_ready(c, r) != 0)
        return -1;
    for (hs_tentry *e = c->first; e != NULL; e = e->next)
        if (e->tpl == t)
            return strict_entry(c, e, r);
    return 0;
}
