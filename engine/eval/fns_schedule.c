/* engine/eval/fns_schedule.c — template functions for the documents'
 * schedules and for text that must not break:
 *
 *   stage-start(stage, calendar), stage-end(stage, calendar): the ISO date a
 *     <stage> of a <schedule start="…"> begins and ends, its stages counted in
 *     working days by the calendar (the profile's <calendar week="1 2 3 4 5">
 *     with its <holiday date="…"/>), by hs_vn_schedule;
 *   keep-names(text, name…): every occurrence of each name in text with its
 *     spaces made no-break, so a company or place name is never split;
 *   keep-parts(text): each comma-separated part of an address made
 *     unbreakable ("thành phố Hà Nội"), the line breaking after a comma.
 *
 * Registered by hs_eval_register_schedule_functions, called once beside the
 * others. */
#include "eval/eval_int.h"

#include "vn/vn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STAGES 64
#define MAX_HOLIDAYS 1000
/* An address part longer than this is not a name: it may break. */
#define PART_MAX 40

static hs_xp_env *
env_of(xmlXPathParserContextPtr ctxt)
{
    return ctxt->context->userData;
}

static void fail(xmlXPathParserContextPtr ctxt, const xmlNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(xmlXPathParserContextPtr ctxt, const xmlNode *at, const char *fmt, ...)
{
    hs_xp_env *env = env_of(ctxt);
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!env->failed) {
        if (at != NULL) {
            hs_error(env->report, hs_loc_from_xml(at), HS_CODE_SCHEDULE, "%s", msg);
            hs_note(env->report, env->expr_loc, "used by {%s}", env->expr);
        } else {
            hs_error(env->report, env->expr_loc, HS_CODE_XPATH, "%s in {%s}", msg, env->expr);
        }
    }
    env->failed = 1;
    valuePush(ctxt, xmlXPathNewCString(""));
}

/* The first element of a node-set argument, or NULL. */
static xmlNode *
pop_element(xmlXPathParserContextPtr ctxt)
{
    xmlXPathObjectPtr o = valuePop(ctxt);
    xmlNode *n = NULL;
    if (o != NULL && o->type == XPATH_NODESET && o->nodesetval != NULL &&
        o->nodesetval->nodeNr > 0 && o->nodesetval->nodeTab[0]->type == XML_ELEMENT_NODE)
        n = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    return n;
}

static int
attr_date(const xmlNode *n, const char *name, hs_vn_date *d)
{
    const char *s = hs_xml_attr(n, name);
    return s != NULL && hs_vn_date_parse(s, strlen(s), d) == HS_VN_OK ? 0 : -1;
}

/* The dates of every stage of one <schedule> by one <calendar>, worked out
 * by a document's first stage-start() or stage-end() and kept in its arena
 * for the others (a schedule table asks twice per stage, and each answer
 * needs the stages before it): the record does not change while its
 * document is made. Kept only when every stage was dated. */
typedef struct hs_xp_schedule {
    const xmlNode *schedule, *calendar;
    size_t n;
    const xmlNode *stage[MAX_STAGES];
    hs_vn_date begin[MAX_STAGES], end[MAX_STAGES];
} hs_xp_schedule;

static void
push_date(xmlXPathParserContextPtr ctxt, const xmlNode *stage, const char *fn, hs_vn_date r)
{
    if (!hs_vn_date_in_range(r)) {
        fail(ctxt, stage,
             "%s(): the stage falls on %04d-%02d-%02d, outside the dates a document has (%d to %d)",
             fn, r.year, r.month, r.day, HS_VN_DATE_YEAR_FIRST, HS_VN_DATE_YEAR_LAST);
        return;
    }
    char out[16];
    snprintf(out, sizeof out, "%04d-%02d-%02d", r.year, r.month, r.day);
    valuePush(ctxt, xmlXPathNewCString(out));
}

static void
stage_date(xmlXPathParserContextPtr ctxt, int nargs, int want_end)
{
    const char *fn = want_end ? "stage-end" : "stage-start";
    if (nargs != 2) {
        for (int i = 0; i < nargs; i++)
            xmlXPathFreeObject(valuePop(ctxt));
        fail(ctxt, NULL, "%s() takes 2 arguments (a <stage> and a <calendar>), not %d", fn, nargs);
        return;
    }
    xmlNode *cal = pop_element(ctxt), *stage = pop_element(ctxt);
    if (stage == NULL || !hs_xml_is(stage, "stage") || stage->parent == NULL) {
        fail(ctxt, NULL, "%s(): the first argument is not a <stage> of a <schedule>", fn);
        return;
    }
    if (cal == NULL || !hs_xml_is(cal, "calendar")) {
        fail(ctxt, stage,
             "%s(): no working calendar to date the stage by: the profile needs a <calendar "
             "week=\"1 2 3 4 5\"> with its public holidays",
             fn);
        return;
    }
    hs_xp_schedule *kept = env_of(ctxt)->schedule;
    if (kept != NULL && kept->schedule == stage->parent && kept->calendar == cal)
        for (size_t i = 0; i < kept->n; i++)
            if (kept->stage[i] == stage) {
                push_date(ctxt, stage, fn, want_end ? kept->end[i] : kept->begin[i]);
                return;
            }
    const xmlNode *stages[MAX_STAGES];
    hs_vn_date start, hol[MAX_HOLIDAYS], begin[MAX_STAGES], end[MAX_STAGES];
    int days[MAX_STAGES];
    size_t nh = 0, n = 0, mine = 0;
    if (attr_date(stage->parent, "start", &start) != 0) {
        fail(ctxt, stage->parent, "<schedule> needs a start date (start=\"YYYY-MM-DD\")");
        return;
    }
    unsigned week = 0;
    const char *w = hs_xml_attr(cal, "week");
    for (const char *c = w ? w : ""; *c; c++)
        if (*c >= '1' && *c <= '7')
            week |= 1u << (*c - '1');
    for (const xmlNode *h = cal->children; h != NULL && nh < MAX_HOLIDAYS; h = h->next)
        if (hs_xml_is(h, "holiday") && attr_date(h, "date", &hol[nh]) == 0)
            nh++;
    for (const xmlNode *s = stage->parent->children; s != NULL; s = s->next) {
        if (!hs_xml_is(s, "stage"))
            continue;
        if (n == MAX_STAGES) {
            fail(ctxt, stage->parent, "<schedule> has more than %d stages", MAX_STAGES);
            return;
        }
        const char *d = hs_xml_attr(s, "days");
        days[n] = d ? atoi(d) : -1;
        stages[n] = s;
        if (s == stage)
            mine = n;
        n++;
    }
    hs_vn_calendar c = {week, hol, nh};
    if (hs_vn_schedule(start, days, n, &c, begin, end) != HS_VN_OK) {
        fail(ctxt, cal, "the calendar leaves no working day to date the schedule by");
        return;
    }
    if (kept == NULL)
        kept = env_of(ctxt)->schedule = HS_NEW(env_of(ctxt)->arena, hs_xp_schedule);
    kept->schedule = stage->parent;
    kept->calendar = cal;
    kept->n = n;
    memcpy(kept->stage, stages, n * sizeof stages[0]);
    memcpy(kept->begin, begin, n * sizeof begin[0]);
    memcpy(kept->end, end, n * sizeof end[0]);
    push_date(ctxt, stage, fn, want_end ? end[mine] : begin[mine]);
}

static void
fn_stage_start(xmlXPathParserContextPtr ctxt, int nargs)
{
    stage_date(ctxt, nargs, 0);
}

static void
fn_stage_end(xmlXPathParserContextPtr ctxt, int nargs)
{
    stage_date(ctxt, nargs, 1);
}

/* Pop an argument as a string, trimmed of XML white space (hs_xp_pop_string);
 * the node it came from, if any, is where its glyphs come from. */
static const char *
pop_string(xmlXPathParserContextPtr ctxt)
{
    const xmlNode *node;
    const char *s = hs_xp_pop_string(ctxt, &node);
    if (node != NULL)
        env_of(ctxt)->src = node;
    return s;
}

/* Copy s[from, to) into b, spaces (and runs of XML white space) as U+00A0. */
static void
add_kept(hs_buf *b, const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (strchr(" \n\t\r", s[i]) != NULL) {
            while (i + 1 < to && strchr(" \n\t\r", s[i + 1]) != NULL)
                i++;
            hs_buf_adds(b, "\xC2\xA0");
        } else {
            hs_buf_addc(b, s[i]);
        }
    }
}

static void
fn_keep_names(xmlXPathParserContextPtr ctxt, int nargs)
{
    hs_xp_env *env = env_of(ctxt);
    if (nargs < 1 || nargs > 9) {
        for (int i = 0; i < nargs; i++)
            xmlXPathFreeObject(valuePop(ctxt));
        fail(ctxt, NULL, "keep-names() takes a text and 0 to 8 names, not %d arguments", nargs);
        return;
    }
    const char *names[8];
    int nn = nargs - 1;
    for (int i = nn - 1; i >= 0; i--)
        names[i] = pop_string(ctxt);
    env->src = NULL;
    const char *s = pop_string(ctxt); /* the text's node is where its glyphs come from */
    size_t len = strlen(s);
    /* mark[i]: byte i is inside an occurrence of a name */
    char *mark = hs_arena_alloc(env->arena, len + 1);
    memset(mark, 0, len + 1);
    for (int k = 0; k < nn; k++) {
        size_t nl = strlen(names[k]);
        if (nl == 0 || strchr(names[k], ' ') == NULL)
            continue;
        for (const char *p = strstr(s, names[k]); p != NULL; p = strstr(p + nl, names[k]))
            memset(mark + (p - s), 1, nl);
    }
    hs_buf b;
    hs_buf_init(&b, env->arena);
    /* the text between occurrences copied as it is, in one piece; inside
     * one, each space on its own (a run of two is two no-break spaces) */
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && mark[j] == mark[i])
            j++;
        if (!mark[i])
            hs_buf_add(&b, s + i, j - i);
        else
            for (size_t k = i; k < j; k++)
                add_kept(&b, s, k, k + 1);
        i = j;
    }
    valuePush(ctxt, xmlXPathNewCString(hs_buf_cstr(&b)));
}

static void
fn_keep_parts(xmlXPathParserContextPtr ctxt, int nargs)
{
    hs_xp_env *env = env_of(ctxt);
    if (nargs != 1) {
        for (int i = 0; i < nargs; i++)
            xmlXPathFreeObject(valuePop(ctxt));
        fail(ctxt, NULL, "keep-parts() takes 1 argument, not %d", nargs);
        return;
    }
    const char *s = pop_string(ctxt);
    size_t len = strlen(s), from = 0;
    hs_buf b;
    hs_buf_init(&b, env->arena);
    while (from < len) {
        size_t to = from;
        while (to < len && s[to] != ',')
            to++;
        /* the part without the space after the previous comma */
        size_t lead = from;
        while (lead < to && s[lead] == ' ')
            hs_buf_addc(&b, s[lead++]);
        size_t chars = 0;
        for (size_t i = lead; i < to; i++)
            chars += ((unsigned char)s[i] & 0xC0) != 0x80;
        if (chars <= PART_MAX)
            add_kept(&b, s, lead, to);
        else
            hs_buf_add(&b, s + lead, to - lead);
        if (to < len)
            hs_buf_addc(&b, ',');
        from = to + 1;
    }
    valuePush(ctxt, xmlXPathNewCString(hs_buf_cstr(&b)));
}

void
hs_eval_register_schedule_functions(xmlXPathContextPtr ctx)
{
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("stage-start"), fn_stage_start);
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("stage-end"), fn_stage_end);
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("keep-names"), fn_keep_names);
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("keep-parts"), fn_keep_parts);
}
