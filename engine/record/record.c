/* engine/record/record.c — load a record or profile and validate it against
 * the schema compiled into the binary.
 *
 * libxml2's schema messages name the element and the XSD type; they are
 * rewritten here into what a person editing the record understands
 * (`<cost> "12.5tr" is not an amount in đồng`), and the facet messages that
 * only quote a regular expression are dropped, since the type message that
 * follows each of them says the same in words. */
#include "record/record_int.h"

#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char hs_record_xsd[];
extern const size_t hs_record_xsd_len;
extern const unsigned char hs_profile_xsd[];
extern const size_t hs_profile_xsd_len;
/* the same without the white-space patterns trim.c checks (xsd-min.py --fast) */
extern const unsigned char hs_record_fast_xsd[];
extern const size_t hs_record_fast_xsd_len;
extern const unsigned char hs_profile_fast_xsd[];
extern const size_t hs_profile_fast_xsd_len;

struct hs_schema {
    xmlDocPtr doc;     /* the schema without its white-space patterns (trim.c) */
    xmlSchemaPtr fast; /* compiled from doc */
    hs_schema_kind kind;
    const hs_trim *trim;
    /* the whole schema, for a record in doubt: compiled when one first is */
    xmlDocPtr whole_doc;
    xmlSchemaPtr schema;
};

static const struct {
    const char *type, *says;
} type_words[] = {
    {"amount", "is not an amount in đồng (digits, optionally grouped: 12500000 or 12.500.000)"},
    {"date", "is not a date (YYYY-MM-DD, 1990 to 2099)"},
    {"day-count", "is not a number of days (0 to 365)"},
    {"validity-days", "is not a number of days a quote stays valid (1 to 365)"},
    {"deposit-percent", "is not a deposit's share of the total (a whole percent, 1 to 99)"},
    {"month-count", "is not a number of months (0 to 120)"},
    {"copies", "is not a number of copies (1 to 20)"},
    {"rating", "is not a rating from 1 to 5, or na (không áp dụng)"},
    {"recommend", "is not a score from 0 to 10"},
    {"honorific", "is not an honorific (Ông or Bà)"},
    {"decision", "is neither approved nor returned"},
    {"outcome-status", "is neither agreed nor refused"},
    {"handover-status", "is neither done nor pending"},
    {"document-form", "is neither printed nor electronic"},
    {"clock", "is not a time of day (HH:MM)"},
    {"headcount", "is not a number of people (1 to 10000)"},
    {"yes-no", "is neither yes nor no"},
    {"vat-rate", "is not a VAT rate (KCT, 0, 5, 8 or 10)"},
    {"party", "is neither A nor B"},
    {"tax-code", "is not a tax code (10 digits, or 10 digits, '-' and 3 digits)"},
    {"phone", "is not a phone number"},
    {"email", "is not an e-mail address"},
    {"status", "is neither pass nor fail"},
    {"image-path", "is not a PNG or JPEG file relative to the profile (no leading '/')"},
    {"name", "must be one line without spaces at its ends, at most 300 characters"},
    {"position", "must be one line without spaces at its ends, at most 150 characters"},
    {"address", "must be one line without spaces at its ends, at most 500 characters"},
    {"title", "must be one line without spaces at its ends, at most 500 characters"},
    {"short-name", "must be one line without spaces at its ends, at most 60 characters"},
    {"text", "must not start or end with white space (at most 4000 characters)"},
};

/* The schema type of an element or attribute, by its name (the schema
 * gives each name one type). */
static const char *
type_of(const char *name)
{
    static const struct {
        const char *name, *type;
    } names[] = {{"cost", "amount"},
                 {"budget", "amount"},
                 {"total", "amount"},
                 {"date", "date"},
                 {"vat-rate", "vat-rate"},
                 {"days", "day-count"},
                 {"start-after-days", "day-count"},
                 {"valid-days", "validity-days"},
                 {"warranty-months", "month-count"},
                 {"copies", "copies"},
                 {"rating", "rating"},
                 {"feasible", "yes-no"},
                 {"dedicated-server", "yes-no"},
                 {"budget-fits", "yes-no"},
                 {"logical", "yes-no"},
                 {"party", "party"},
                 {"status", "status"},
                 {"tax-code", "tax-code"},
                 {"phone", "phone"},
                 {"email", "email"},
                 {"logo", "image-path"},
                 {"project", "title"},
                 {"title", "title"},
                 {"short-name", "short-name"},
                 {"address", "address"},
                 {"place", "address"},
                 {"content", "text"},
                 {"explanation", "text"},
                 {"purpose", "text"},
                 {"reason", "text"},
                 {"note", "text"},
                 {"benefit", "text"},
                 {"computation", "text"},
                 {"comment", "text"},
                 {"payment", "text"},
                 {"timeline", "text"},
                 {"conclusion", "text"},
                 {"honorific", "honorific"},
                 {"decision", "decision"},
                 {"answer", "outcome-status"},
                 {"state", "handover-status"},
                 {"form", "document-form"},
                 {"from", "clock"},
                 {"to", "clock"},
                 {"trainees", "headcount"},
                 {"recommend", "recommend"},
                 {"sent", "date"},
                 {"start", "date"},
                 {"offer", "amount"},
                 {"payable", "amount"},
                 {"amount", "amount"},
                 {"percent", "deposit-percent"},
                 {"remarks", "text"},
                 {"obligation", "text"},
                 {"contact-consent", "yes-no"},
                 {"signs", "yes-no"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].name, name) == 0)
            return names[i].type;
    return "";
}

typedef struct ctx {
    hs_report *r;
    const char *label;
    const char *kind, *root; /* "record", "request" / "profile", "company" */
    int count;               /* errors reported in this validation */
    xmlDocPtr xsd;           /* the schema document: content models for messages */
} ctx;

static const char *
words_for(const char *type)
{
    for (size_t i = 0; i < sizeof type_words / sizeof type_words[0]; i++)
        if (strcmp(type_words[i].type, type) == 0)
            return type_words[i].says;
    return NULL;
}

/* Copy the text between the first pair of single quotes after s into out. */
static const char *
quoted(const char *s, char *out, size_t cap)
{
    const char *a = strchr(s, '\'');
    const char *b = a ? strchr(a + 1, '\'') : NULL;
    if (b == NULL)
        return NULL;
    size_t n = (size_t)(b - a - 1);
    if (n >= cap) { /* long values are cut, on a character boundary, with an ellipsis */
        n = cap - 4;
        while (n > 0 && ((unsigned char)a[1 + n] & 0xC0) == 0x80)
            n--;
        snprintf(out, cap, "%.*s…", (int)n, a + 1);
    } else {
        snprintf(out, cap, "%.*s", (int)n, a + 1);
    }
    return b + 1;
}

/* "<cost> "12.5tr" is not …" or "<quote date="2021-02-30"> is not …" */
static void
value_error(ctx *c, hs_loc loc, const char *element, const char *attr, const char *value,
            const char *says)
{
    if (attr[0])
        hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s %s=\"%s\"> %s", element, attr, value, says);
    else
        hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s> \"%s\" %s", element, value, says);
}

static void
silent(void *user, xmlErrorPtr e)
{
}

static void
on_error(void *user, xmlErrorPtr e)
{
    ctx *c = user;
    if (e->level == XML_ERR_WARNING)
        return;
    if (hs_budget_state() != HS_BUDGET_OK) { /* out of the document's memory */
        c->count++;
        return;
    }
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "invalid");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ' || msg[n - 1] == '.'))
        msg[--n] = '\0';
    hs_loc loc = {c->label, e->line};
    if (e->node != NULL && e->line <= 0)
        loc = hs_loc_from_xml(e->node);
    loc.file = c->label;

    /* libxml2 follows some errors (a pattern run over a huge value) with a
     * cascade of "Internal error" lines about its own functions: the first
     * error says it all. */
    if (strncmp(msg, "Internal error", 14) == 0) {
        if (c->count++ == 0)
            hs_error(c->r, loc, HS_CODE_SCHEMA,
                     "a value here is too large to check against the schema");
        return;
    }
    c->count++;
    /* what we can say from the code and the node, not from the English */
    if (e->code == XML_SCHEMAV_ELEMENT_CONTENT &&
        hs_record_say_content(c->r, c->label, c->xsd, e->node) == 0)
        return;
    if (e->code == XML_SCHEMAV_CVC_IDC && e->node != NULL &&
        hs_record_say_duplicate(c->r, c->label, e->node, e->str1) == 0)
        return;
    char element[200] = "", attr[200] = "", rest_buf[1024];
    const char *rest = msg;
    if (strncmp(msg, "Element '", 9) == 0) {
        const char *p = quoted(msg, element, sizeof element);
        if (p && strncmp(p, ", attribute '", 13) == 0)
            p = quoted(p, attr, sizeof attr);
        if (p && strncmp(p, ": ", 2) == 0)
            rest = p + 2;
    }
    char value[400], type[100];
    long have, most;
    const char *len = strstr(rest, "The value has a length of '");
    if (strncmp(rest, "[facet 'maxLength']", 19) == 0 && len != NULL &&
        sscanf(len,
               "The value has a length of '%ld'; this exceeds the allowed maximum length of "
               "'%ld'",
               &have, &most) == 2) {
        if (attr[0])
            hs_error(c->r, loc, HS_CODE_SCHEMA,
                     "<%s %s> has %ld characters; at most %ld are allowed", element, attr, have,
                     most);
        else
            hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s> has %ld characters; at most %ld are allowed",
                     element, have, most);
        return;
    }
    if (strncmp(rest, "[facet ", 7) == 0) {
        /* libxml2 2.9 names the facet, not the type: find the type from the
         * name of the element or attribute, and never show the pattern. */
        const char *v = strstr(rest, "The value '");
        const char *says = words_for(type_of(attr[0] ? attr : element));
        if (v != NULL && quoted(v, value, sizeof value)) {
            if (says == NULL && strstr(rest, "[facet 'enumeration']") != NULL) {
                const char *set = strstr(rest, "is not an element of the set");
                snprintf(rest_buf, sizeof rest_buf, "is not one of %s",
                         set ? set + strlen("is not an element of the set ")
                             : "the values allowed");
                says = rest_buf;
            }
            if (says == NULL)
                says = "is not in the form the schema allows";
            value_error(c, loc, element, attr, value, says);
            return;
        }
    }
    const char *t = strstr(rest, "is not a valid value of the atomic type");
    if (t != NULL && quoted(rest, value, sizeof value) && quoted(t, type, sizeof type)) {
        const char *says = words_for(type);
        if (says == NULL) {
            snprintf(rest_buf, sizeof rest_buf, "is not a valid %s", type);
            says = rest_buf;
        }
        value_error(c, loc, element, attr, value, says);
        return;
    }
    /* a reference to an item (record.xsd's keyrefs): the reference named */
    static const struct {
        const char *keyref, *what;
    } refs[] = {{"result-item", "result item"}, {"handover-item", "item ref"}};
    const char *kr = strstr(rest, "No match found for key-sequence ['");
    for (size_t i = 0; kr != NULL && i < sizeof refs / sizeof refs[0]; i++) {
        char key[64], of[64];
        snprintf(of, sizeof of, "of keyref '%s'", refs[i].keyref);
        if (strstr(rest, of) != NULL && quoted(kr, key, sizeof key) != NULL) {
            hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s=\"%s\"> names no item of the request",
                     refs[i].what, key);
            return;
        }
    }
    if (strstr(rest, "No matching global declaration") != NULL) {
        hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s> is not a %s: the root element of a %s is <%s>",
                 element, c->kind, c->kind, c->root);
        return;
    }
    if (element[0] && attr[0])
        hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s %s>: %s", element, attr, rest);
    else if (element[0])
        hs_error(c->r, loc, HS_CODE_SCHEMA, "<%s>: %s", element, rest);
    else
        hs_error(c->r, loc, HS_CODE_SCHEMA, "%s", rest);
}

static xmlSchemaPtr
compile(xmlDocPtr doc, const char *label, hs_report *r)
{
    ctx c = {r, label, "schema", "xs:schema", 0, NULL};
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewDocParserCtxt(doc);
    xmlSchemaSetParserStructuredErrors(pc, on_error, &c);
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (schema == NULL && r->errors == 0)
        hs_error(r, (hs_loc){label, 0}, HS_CODE_INTERNAL, "the built-in schema does not compile");
    return schema;
}

hs_schema *
hs_schema_new(hs_schema_kind kind, hs_report *r)
{
    (void)r;
    hs_schema *s = calloc(1, sizeof *s);
    if (s == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    s->kind = kind;
    return s;
}

/* The schema document, parsed on the first call (s is the caller's
 * engine's, allocated writable: a cache, as the fonts' are). What failed is
 * tried again, and says so again, at the next call. */
static int
parsed(const hs_schema *s, hs_report *r)
{
    hs_schema *w = (hs_schema *)s;
    if (w->doc != NULL)
        return 0;
    int rec = s->kind == HS_SCHEMA_RECORD;
    w->doc = hs_xml_parse_memory((const char *)(rec ? hs_record_fast_xsd : hs_profile_fast_xsd),
                                 rec ? hs_record_fast_xsd_len : hs_profile_fast_xsd_len,
                                 rec ? "record.xsd" : "profile.xsd", r);
    return w->doc != NULL ? 0 : -1;
}

/* And compiled, with the names trim.c checks, on the first call: --strict
 * reads the names of a schema that may validate nothing in this process
 * (the profile's, without -p). */
int
hs_schema_ready(const hs_schema *s, hs_report *r)
{
    hs_schema *w = (hs_schema *)s;
    if (w->fast != NULL)
        return 0;
    if (parsed(s, r) != 0)
        return -1;
    w->trim = hs_trim_of(s->kind);
    w->fast = compile(w->doc, s->kind == HS_SCHEMA_RECORD ? "record.xsd" : "profile.xsd", r);
    return w->fast != NULL ? 0 : -1;
}

xmlDocPtr
hs_schema_doc(const hs_schema *s, hs_report *r)
{
    return parsed(s, r) == 0 ? s->doc : NULL;
}

void
hs_schema_free(hs_schema *s)
{
    if (s == NULL)
        return;
    if (s->schema != NULL)
        xmlSchemaFree(s->schema);
    if (s->fast != NULL)
        xmlSchemaFree(s->fast);
    if (s->whole_doc != NULL)
        xmlFreeDoc(s->whole_doc);
    if (s->doc != NULL)
        xmlFreeDoc(s->doc);
    free(s);
}

/* The whole schema, compiled on the first record in doubt (s is the
 * caller's engine's, allocated writable: a cache, as the fonts' are). */
static xmlSchemaPtr
whole(const hs_schema *s, hs_report *r)
{
    hs_schema *w = (hs_schema *)s;
    if (w->schema != NULL)
        return w->schema;
    int rec = s->kind == HS_SCHEMA_RECORD;
    const char *label = rec ? "record.xsd" : "profile.xsd";
    if (w->whole_doc == NULL)
        w->whole_doc = hs_xml_parse_memory((const char *)(rec ? hs_record_xsd : hs_profile_xsd),
                                           rec ? hs_record_xsd_len : hs_profile_xsd_len, label, r);
    if (w->whole_doc != NULL)
        w->schema = compile(w->whole_doc, label, r);
    return w->schema;
}

/* 0 when doc is valid; c NULL: nothing reported */
static int
valid(xmlSchemaPtr schema, xmlDocPtr doc, ctx *c)
{
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    if (vc == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    if (c != NULL)
        xmlSchemaSetValidStructuredErrors(vc, on_error, c);
    else
        xmlSchemaSetValidStructuredErrors(vc, silent, NULL);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    return rc;
}

static void
free_doc(void *p)
{
    xmlFreeDoc(p);
}

xmlDocPtr
hs_record_load(const char *path, const char *label, const hs_schema *s, hs_arena *a, hs_report *r)
{
    xmlDocPtr doc = hs_xml_parse_file(path, label, r);
    if (doc == NULL)
        return NULL;
    hs_arena_defer(a, free_doc, doc);
    if (hs_schema_ready(s, r) != 0)
        return NULL;
    int before = r->errors;
    int rec = s->kind == HS_SCHEMA_RECORD;
    ctx c = {r, label, rec ? "record" : "profile", rec ? "request" : "company", 0, s->doc};
    /* Most records are valid: checked silently against the schema without
     * its white-space patterns and by trim.c. Any doubt, and the whole
     * schema judges the record and says what it says. */
    int ok = (rec && hs_record_is_known_valid(path)) ||
             (valid(s->fast, doc, NULL) == 0 && hs_trim_ok(s->trim, doc) == 0);
    if (!ok && whole(s, r) == NULL)
        return NULL;
    if (!ok && valid(s->schema, doc, &c) != 0) {
        if (r->errors == before)
            hs_error(r, (hs_loc){label, 0}, HS_CODE_SCHEMA, "does not match the %s schema",
                     s->kind == HS_SCHEMA_RECORD ? "record" : "profile");
        return NULL;
    }
    if (hs_record_check_text(xmlDocGetRootElement(doc), r) != 0)
        return NULL;
    if (s->kind == HS_SCHEMA_RECORD && hs_record_check(doc, r) != 0)
        return NULL;
    return doc;
}
