/* engine/record/trim.c — the schema's "no outer white space" patterns
 * checked in C on the way to a valid record.
 *
 * Why: libxml2 checks a pattern facet with its backtracking regular
 * expression engine (xmlFARegExec: a rollback saved per character), about 50
 * instructions a character; `\S(.*\S)?` and `\S([\s\S]*\S)?` run over every
 * name, title and running text of a record, 13 % of a 35-page quote. The
 * schema stays the single source: the patterns are found in it by their
 * text, and the names of the elements and attributes whose types carry them
 * are read from it, both at build time (tools/xsd-min.py --fast and --trim:
 * at every start, that walk of the schema cost 420 K instructions). A
 * record is validated against the schema without those two patterns, then
 * its values of those names are checked here; a record that fails either
 * (or whose values merely look suspect: the check flags a superset) is
 * validated again against the whole schema, whose
 * messages are then the only ones reported — the same messages, in the same
 * order, as without this path. */
#include "record/record_int.h"

#include <stdlib.h>
#include <string.h>

/* XSD's \s is exactly these four; \S everything else. */
#define XSD_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

enum { KIND_NONE = 0, KIND_TRIMMED = 1, KIND_ONE_LINE = 2 }; /* as xsd-min.py --trim */

/* tools/xsd-min.py --trim, in build/gen/schema.c: names sorted by bytes */
extern const char *const hs_record_trim_names[];
extern const unsigned char hs_record_trim_kinds[];
extern const size_t hs_record_trim_n;
extern const char *const hs_profile_trim_names[];
extern const unsigned char hs_profile_trim_kinds[];
extern const size_t hs_profile_trim_n;

struct hs_trim {
    const char *const *names;
    const unsigned char *kinds;
    const size_t *n;
};

static const hs_trim record_trim = {hs_record_trim_names, hs_record_trim_kinds, &hs_record_trim_n};
static const hs_trim profile_trim = {hs_profile_trim_names, hs_profile_trim_kinds,
                                     &hs_profile_trim_n};

const hs_trim *
hs_trim_of(hs_schema_kind kind)
{
    return kind == HS_SCHEMA_RECORD ? &record_trim : &profile_trim;
}

static int
by_name(const void *key, const void *name)
{
    return strcmp(key, *(const char *const *)name);
}

static int
kind_of(const hs_trim *t, const xmlChar *name)
{
    const char *const *hit = bsearch(name, t->names, *t->n, sizeof *t->names, by_name);
    return hit ? t->kinds[hit - t->names] : KIND_NONE;
}

/* 0 when a value of this kind matches its pattern; -1 when it may not */
static int
value_ok(const xmlChar *v, size_t n, int kind)
{
    if (n == 0 || XSD_SPACE(v[0]) || XSD_SPACE(v[n - 1]))
        return -1;
    if (kind == KIND_ONE_LINE && (memchr(v, '\n', n) != NULL || memchr(v, '\r', n) != NULL))
        return -1;
    return 0;
}

static int
element_ok(const hs_trim *t, const xmlNode *e)
{
    for (const xmlAttr *a = e->properties; a != NULL; a = a->next) {
        int k = kind_of(t, a->name);
        if (k == KIND_NONE)
            continue;
        if (a->children == NULL || a->children->next != NULL || a->children->type != XML_TEXT_NODE)
            return -1; /* an entity in the value: let the whole schema judge */
        const xmlChar *v = a->children->content;
        if (value_ok(v, strlen((const char *)v), k) != 0)
            return -1;
    }
    int k = kind_of(t, e->name);
    const xmlNode *text = NULL;
    for (const xmlNode *c = e->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            if (element_ok(t, c) != 0)
                return -1;
        } else if (k != KIND_NONE) {
            if (text != NULL || c->type != XML_TEXT_NODE)
                return -1; /* split text, CDATA, entities, comments: the whole schema */
            text = c;
        }
    }
    if (k == KIND_NONE)
        return 0;
    if (text == NULL)
        return -1;
    return value_ok(text->content, strlen((const char *)text->content), k);
}

int
hs_trim_ok(const hs_trim *t, xmlDocPtr doc)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    return root != NULL && element_ok(t, root) == 0 ? 0 : -1;
}
