/* tests/unit/test_schema.c — a record is first checked against the schema
 * without its two "no outer white space" patterns, and by trim.c with the
 * names tools/xsd-min.py --trim read from the schema at build time; what
 * the whole schema refuses must still be refused, with a schema error.
 * libxml2 with the whole built-in schema is the judge: every element and
 * attribute of the samples, with a space before its value or a line end
 * inside it, is given to both. A name missing from the build's table, or a
 * pattern wrongly dropped, lets such a value through and fails here. */
#include "harness.h"

#include "record/record.h"

#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <unistd.h>

extern const unsigned char hs_record_xsd[];
extern const size_t hs_record_xsd_len;
extern const unsigned char hs_profile_xsd[];
extern const size_t hs_profile_xsd_len;

static void
silent(void *user, xmlErrorPtr e)
{
    (void)user;
    (void)e;
}

/* whether a schema error was said */
static void
note_schema(void *user, const hs_diag *d)
{
    if (d->code == HS_CODE_SCHEMA)
        *(int *)user = 1;
}

typedef struct judge {
    xmlDocPtr xsd_doc;
    xmlSchemaPtr whole;
    hs_schema *s;
    const char *tmp;
    int cases, refused;
} judge;

static int
whole_valid(judge *j, xmlDocPtr doc)
{
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(j->whole);
    xmlSchemaSetValidStructuredErrors(vc, silent, NULL);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    return rc == 0;
}

/* doc as it is now, judged by both */
static void
judge_doc(judge *j, xmlDocPtr doc, const char *what)
{
    if (whole_valid(j, doc))
        return;
    j->refused++;
    CHECK(xmlSaveFile(j->tmp, doc) > 0);
    int said = 0;
    hs_report r = {note_schema, &said, 0, 20};
    hs_arena *a = hs_arena_new(0);
    xmlDocPtr got = hs_record_load(j->tmp, "mutated.xml", j->s, a, &r);
    if (got != NULL || !said)
        fprintf(stderr, "the whole schema refuses %s; hoso %s\n", what,
                got != NULL ? "accepts it" : "says no schema error");
    CHECK(got == NULL && said);
    hs_arena_free(a);
}

/* value v of a text node or attribute, set to each variant in turn */
static void
variants(judge *j, xmlDocPtr doc, xmlNode *holder, xmlAttr *attr, const char *name)
{
    xmlChar *v = attr ? xmlNodeListGetString(doc, attr->children, 1) : xmlNodeGetContent(holder);
    size_t n = strlen((const char *)v);
    char *m = malloc(n + 2);
    for (int k = 0; k < 2 && n > 0; k++) {
        if (k == 0) { /* a space before */
            m[0] = ' ';
            memcpy(m + 1, v, n + 1);
        } else { /* a line end after the first character (UTF-8) */
            size_t c = 1;
            while (c < n && (v[c] & 0xC0) == 0x80)
                c++;
            memcpy(m, v, c);
            m[c] = '\n';
            memcpy(m + c + 1, v + c, n - c + 1);
        }
        if (attr)
            xmlSetProp(holder, attr->name, (const xmlChar *)m);
        else
            xmlNodeSetContent(holder, (const xmlChar *)m);
        char what[200];
        snprintf(what, sizeof what, "%s%s (%s)", attr ? "@" : "<", name,
                 k == 0 ? "a space before" : "a line end inside");
        judge_doc(j, doc, what);
        j->cases++;
    }
    if (attr)
        xmlSetProp(holder, attr->name, v);
    else
        xmlNodeSetContent(holder, v);
    free(m);
    xmlFree(v);
}

/* Each element with text only, and each attribute, the first of its name. */
static void
walk(judge *j, xmlDocPtr doc, xmlNode *n, char seen[][64], int *nseen)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        char key[64];
        for (xmlAttr *a = n->properties; a != NULL; a = a->next) {
            snprintf(key, sizeof key, "@%s", (const char *)a->name);
            int dup = 0;
            for (int i = 0; i < *nseen && !dup; i++)
                dup = strcmp(seen[i], key) == 0;
            if (dup || *nseen == 512)
                continue;
            snprintf(seen[(*nseen)++], 64, "%s", key);
            variants(j, doc, n, a, (const char *)a->name);
        }
        int text_only = n->children != NULL;
        for (xmlNode *c = n->children; c != NULL; c = c->next)
            text_only &= c->type == XML_TEXT_NODE;
        snprintf(key, sizeof key, "<%s", (const char *)n->name);
        int dup = 0;
        for (int i = 0; i < *nseen && !dup; i++)
            dup = strcmp(seen[i], key) == 0;
        if (text_only && !dup && *nseen < 512) {
            snprintf(seen[(*nseen)++], 64, "%s", key);
            variants(j, doc, n, NULL, (const char *)n->name);
        }
        walk(j, doc, n->children, seen, nseen);
    }
}

static void
samples_of(hs_schema_kind kind, const char *const *files, size_t nfiles)
{
    const char *src = getenv("HS_SRCDIR");
    const char *tmpdir = getenv("T") ? getenv("T") : "/tmp";
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/test_schema.%ld.xml", tmpdir, (long)getpid());
    judge j = {0};
    j.tmp = tmp;
    int rec = kind == HS_SCHEMA_RECORD;
    j.xsd_doc =
        xmlReadMemory((const char *)(rec ? hs_record_xsd : hs_profile_xsd),
                      (int)(rec ? hs_record_xsd_len : hs_profile_xsd_len), "whole.xsd", NULL, 0);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewDocParserCtxt(j.xsd_doc);
    j.whole = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    CHECK(j.whole != NULL);
    j.s = hs_schema_new(kind, NULL);
    static char seen[512][64];
    int nseen = 0;
    for (size_t f = 0; f < nfiles && j.whole != NULL; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", src ? src : ".", files[f]);
        xmlDocPtr doc = xmlReadFile(path, NULL, 0);
        CHECK(doc != NULL);
        if (doc == NULL)
            continue;
        CHECK(whole_valid(&j, doc)); /* the samples themselves are valid */
        walk(&j, doc, xmlDocGetRootElement(doc), seen, &nseen);
        xmlFreeDoc(doc);
    }
    /* the samples hold the names that carry the patterns: many refused */
    CHECK(j.cases > (rec ? 150 : 30));
    CHECK(j.refused > (rec ? 100 : 25));

    remove(tmp);
    hs_schema_free(j.s);
    if (j.whole != NULL)
        xmlSchemaFree(j.whole);
    xmlFreeDoc(j.xsd_doc);
}

static void
records_refused_as_the_whole_schema_does(void)
{
    static const char *const files[] = {"samples/chinh-dai.xml", "samples/small.xml",
                                        "samples/large.xml"};
    samples_of(HS_SCHEMA_RECORD, files, sizeof files / sizeof files[0]);
}

static void
profiles_refused_as_the_whole_schema_does(void)
{
    static const char *const files[] = {"samples/profile.xml"};
    samples_of(HS_SCHEMA_PROFILE, files, 1);
}

int
main(void)
{
    RUN(records_refused_as_the_whole_schema_does);
    RUN(profiles_refused_as_the_whole_schema_does);
    return DONE();
}
