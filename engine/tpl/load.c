/* engine/tpl/load.c — the template cache: parse each file once per engine. */
#include "tpl/tpl.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *path;
    xmlDocPtr doc;
    struct entry *next;
} entry;

struct hs_tpl_cache {
    hs_arena *arena; /* strings and entries, for the engine's lifetime */
    entry *first;
};

static void
free_doc(void *p)
{
    xmlFreeDoc(p);
}

hs_tpl_cache *
hs_tpl_cache_new(void)
{
    hs_arena *a = hs_arena_new(0);
    hs_tpl_cache *c = HS_NEW(a, hs_tpl_cache);
    c->arena = a;
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
    return hs_arena_strdup(c->arena, s);
}

const char *
hs_tpl_resolve(hs_tpl_cache *c, const char *from, const char *rel)
{
    if (rel[0] == '/' || from == NULL)
        return hs_tpl_intern(c, rel);
    const char *slash = strrchr(from, '/');
    if (slash == NULL)
        return hs_tpl_intern(c, rel);
    return hs_arena_printf(c->arena, "%.*s/%s", (int)(slash - from), from, rel);
}

xmlDocPtr
hs_tpl_load(hs_tpl_cache *c, const char *path, hs_report *r)
{
    for (entry *e = c->first; e != NULL; e = e->next)
        if (strcmp(e->path, path) == 0)
            return e->doc;
    const char *label = hs_tpl_intern(c, path);
    xmlDocPtr doc = hs_xml_parse_file(path, label, r);
    if (doc == NULL)
        return NULL;
    hs_arena_defer(c->arena, free_doc, doc);
    entry *e = HS_NEW(c->arena, entry);
    e->path = label;
    e->doc = doc;
    e->next = c->first;
    c->first = e;
    return doc;
}
