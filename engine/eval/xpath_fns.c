/* engine/eval/xpath_fns.c — the formatting functions templates call:
 * money(), money-sum(), vat(), words(), date(), add-days(), upper(), …
 *
 * Money never passes through XPath numbers (doubles): amounts travel as
 * strings of digits between these functions and are computed in int64 đồng by
 * vn/. A bad argument that came from the record is reported at the record
 * line (`<cost> "12.5tr" is not an amount in đồng`), with a note at the
 * template line; the function then stops the evaluation quietly. */
#include "eval/eval_int.h"

#include "text/text.h"
#include "vn/vn.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct arg {
    const char *s;
    const xmlNode *node; /* the record node it came from, or NULL */
    int number;          /* an XPath number that is no whole đồng: NaN, a fraction */
} arg;

static hs_xp_env *
env_of(xmlXPathParserContextPtr ctxt)
{
    return ctxt->context->userData;
}

/* Record text is XML-formatted: an amount or a date may sit among spaces. */
static const char *
trimmed(hs_arena *a, const char *s)
{
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return hs_arena_strndup(a, s, n);
}

/* Pop one argument as a string (the first node of a node-set). */
static arg
pop_arg(xmlXPathParserContextPtr ctxt)
{
    hs_xp_env *env = env_of(ctxt);
    arg a = {"", NULL, 0};
    xmlXPathObjectPtr o = valuePop(ctxt);
    if (o == NULL)
        return a;
    if (o->type == XPATH_NODESET && o->nodesetval != NULL && o->nodesetval->nodeNr > 0)
        a.node = o->nodesetval->nodeTab[0];
    if (o->type == XPATH_NUMBER && isfinite(o->floatval) && fabs(o->floatval) < 9e15 &&
        o->floatval == floor(o->floatval)) {
        a.s = hs_arena_printf(env->arena, "%.0f", o->floatval);
    } else {
        a.number = o->type == XPATH_NUMBER;
        xmlChar *s = xmlXPathCastToString(o);
        a.s = hs_arena_strdup(env->arena, s ? hs_xml_str(s) : "");
        xmlFree(s);
    }
    xmlXPathFreeObject(o);
    a.s = trimmed(env->arena, a.s);
    return a;
}

static void fail(xmlXPathParserContextPtr ctxt, const arg *a, hs_code code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(xmlXPathParserContextPtr ctxt, const arg *a, hs_code code, const char *fmt, ...)
{
    hs_xp_env *env = env_of(ctxt);
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!env->failed) {
        if (a != NULL && a->node != NULL) {
            const xmlNode *el = a->node->type == XML_ATTRIBUTE_NODE ? a->node->parent : a->node;
            const char *what = a->node->type == XML_ATTRIBUTE_NODE
                                   ? hs_arena_printf(env->arena, "<%s %s=\"%s\">",
                                                     hs_xml_str(el->name),
                                                     hs_xml_str(a->node->name), a->s)
                                   : hs_arena_printf(env->arena, "<%s> \"%s\"",
                                                     hs_xml_str(el->name), a->s);
            hs_error(env->report, hs_loc_from_xml(a->node), code, "%s %s", what, msg);
            hs_note(env->report, env->expr_loc, "used by {%s}", env->expr);
        } else {
            hs_error(env->report, env->expr_loc, code, "%s in {%s}", msg, env->expr);
            /* a computed value: the record node the template was at */
            const xmlNode *at = ctxt->context->node;
            if (at != NULL && at->type == XML_ELEMENT_NODE && at->parent != NULL &&
                at->parent->type == XML_ELEMENT_NODE)
                hs_note(env->report, hs_loc_from_xml(at), "while at <%s> (%s)",
                        hs_xml_str(at->name), hs_eval_node_path(env->arena, at));
        }
    }
    env->failed = 1;
    /* Leave a value so that libxml2 unwinds normally; the result is dropped. */
    valuePush(ctxt, xmlXPathNewCString(""));
}

static void
ret_string(xmlXPathParserContextPtr ctxt, const char *s)
{
    valuePush(ctxt, xmlXPathNewCString(s));
}

static int
arity(xmlXPathParserContextPtr ctxt, int nargs, int lo, int hi, const char *name)
{
    if (nargs >= lo && nargs <= hi)
        return 0;
    for (int i = 0; i < nargs; i++)
        xmlXPathFreeObject(valuePop(ctxt));
    if (lo == hi)
        fail(ctxt, NULL, HS_CODE_XPATH, "%s() takes %d argument%s, not %d", name, lo,
             lo == 1 ? "" : "s", nargs);
    else
        fail(ctxt, NULL, HS_CODE_XPATH, "%s() takes %d to %d arguments, not %d", name, lo, hi,
             nargs);
    return -1;
}

static int
amount(xmlXPathParserContextPtr ctxt, const arg *a, int64_t *out)
{
    switch (hs_vn_money_parse(a->s, strlen(a->s), 1, out)) {
    case HS_VN_OK:
        return 0;
    case HS_VN_E_RANGE:
        fail(ctxt, a, HS_CODE_AMOUNT, "is beyond the largest amount (%s đồng)",
             "999.999.999.999.999.999");
        return -1;
    default:
        if (a->number && strcmp(a->s, "NaN") == 0)
            fail(ctxt, a, HS_CODE_AMOUNT,
                 "NaN is not an amount: XPath arithmetic does not read grouped amounts "
                 "(9.500.000); compute with money-add, money-sub, money-mul, money-div, or "
                 "compare with amount(x)");
        else if (a->number)
            fail(ctxt, a, HS_CODE_AMOUNT,
                 "\"%s\" is a fraction of a đồng: divide with money-div(a, n), half-up, or "
                 "money-div(a, n, 'down')",
                 a->s);
        else if (a->node == NULL)
            fail(ctxt, a, HS_CODE_AMOUNT, "\"%s\" is not an amount in đồng", a->s);
        else
            fail(ctxt, a, HS_CODE_AMOUNT, "is not an amount in đồng");
        return -1;
    }
}

static void
ret_amount(xmlXPathParserContextPtr ctxt, int64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    ret_string(ctxt, buf);
}

/* money(x [, unit]): "1.234.567 ₫"; unit is '₫' (default), 'đồng', 'VNĐ' or 'none'. */
static void
fn_money(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 2, "money") != 0)
        return;
    hs_vn_unit unit = HS_VN_UNIT_SYMBOL;
    if (nargs == 2) {
        arg u = pop_arg(ctxt);
        if (strcmp(u.s, "đồng") == 0)
            unit = HS_VN_UNIT_DONG;
        else if (strcmp(u.s, "VNĐ") == 0)
            unit = HS_VN_UNIT_VND;
        else if (strcmp(u.s, "none") == 0)
            unit = HS_VN_UNIT_NONE;
        else if (strcmp(u.s, "₫") != 0) {
            xmlXPathFreeObject(valuePop(ctxt));
            fail(ctxt, NULL, HS_CODE_XPATH,
                 "money(): unit '%s' is not '₫', 'đồng', 'VNĐ' or 'none'", u.s);
            return;
        }
    }
    arg a = pop_arg(ctxt);
    int64_t v;
    if (amount(ctxt, &a, &v) != 0)
        return;
    char out[64];
    hs_vn_money_format(v, unit, out, sizeof out);
    if (a.node != NULL) /* the amount's record line, for layout's messages */
        env_of(ctxt)->src = a.node;
    ret_string(ctxt, out);
}

/* money-sum(nodes, ...): the exact sum of every node's amount. */
static void
fn_money_sum(xmlXPathParserContextPtr ctxt, int nargs)
{
    hs_xp_env *env = env_of(ctxt);
    int64_t total = 0;
    xmlXPathObjectPtr objs[16];
    if (nargs < 1 || nargs > 16) {
        arity(ctxt, nargs, 1, 16, "money-sum");
        return;
    }
    for (int i = nargs - 1; i >= 0; i--)
        objs[i] = valuePop(ctxt);
    int bad = 0;
    for (int i = 0; i < nargs && !bad; i++) {
        xmlXPathObjectPtr o = objs[i];
        if (o->type != XPATH_NODESET) {
            bad = 1;
            fail(ctxt, NULL, HS_CODE_XPATH, "money-sum() sums the nodes a path selects");
            break;
        }
        for (int k = 0; o->nodesetval && k < o->nodesetval->nodeNr && !bad; k++) {
            xmlNodePtr node = o->nodesetval->nodeTab[k];
            xmlChar *s = xmlNodeGetContent(node);
            arg a = {trimmed(env->arena, s ? hs_xml_str(s) : ""), node, 0};
            xmlFree(s);
            int64_t v;
            if (amount(ctxt, &a, &v) != 0 || hs_vn_add(total, v, &total) != HS_VN_OK) {
                if (!env->failed)
                    fail(ctxt, &a, HS_CODE_AMOUNT, "makes the sum overflow");
                bad = 1;
            }
        }
    }
    for (int i = 0; i < nargs; i++)
        xmlXPathFreeObject(objs[i]);
    if (!bad)
        ret_amount(ctxt, total);
}

/* money-add(a, b, ...), money-sub(a, b), money-mul(a, n): exact, checked. */
static void
money_op(xmlXPathParserContextPtr ctxt, int nargs, char op)
{
    const char *name = op == '+' ? "money-add" : op == '-' ? "money-sub" : "money-mul";
    if (arity(ctxt, nargs, 2, op == '+' ? 16 : 2, name) != 0)
        return;
    arg args[16] = {{NULL, NULL, 0}};
    for (int i = nargs - 1; i >= 0; i--)
        args[i] = pop_arg(ctxt);
    int64_t acc;
    if (amount(ctxt, &args[0], &acc) != 0)
        return;
    for (int i = 1; i < nargs; i++) {
        int64_t v;
        if (amount(ctxt, &args[i], &v) != 0)
            return;
        hs_vn_status st = op == '+'   ? hs_vn_add(acc, v, &acc)
                          : op == '-' ? hs_vn_add(acc, -v, &acc)
                                      : hs_vn_mul(acc, v, &acc);
        if (st != HS_VN_OK) {
            fail(ctxt, NULL, HS_CODE_AMOUNT, "%s(): the result is beyond the largest amount", name);
            return;
        }
    }
    ret_amount(ctxt, acc);
}

static void
fn_money_add(xmlXPathParserContextPtr ctxt, int nargs)
{
    money_op(ctxt, nargs, '+');
}
static void
fn_money_sub(xmlXPathParserContextPtr ctxt, int nargs)
{
    money_op(ctxt, nargs, '-');
}
static void
fn_money_mul(xmlXPathParserContextPtr ctxt, int nargs)
{
    money_op(ctxt, nargs, '*');
}

/* money-div(a, n [, 'down']): a divided by the whole number n, to the đồng:
 * half-up (halves away from zero) unless 'down' (towards zero) is asked. */
static void
fn_money_div(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 2, 3, "money-div") != 0)
        return;
    int down = 0;
    if (nargs == 3) {
        arg r = pop_arg(ctxt);
        if (strcmp(r.s, "down") != 0 && strcmp(r.s, "half-up") != 0) {
            xmlXPathFreeObject(valuePop(ctxt));
            xmlXPathFreeObject(valuePop(ctxt));
            fail(ctxt, NULL, HS_CODE_XPATH, "money-div(): rounding '%s' is not 'half-up' or 'down'",
                 r.s);
            return;
        }
        down = strcmp(r.s, "down") == 0;
    }
    arg n = pop_arg(ctxt), a = pop_arg(ctxt);
    int64_t x, d;
    if (amount(ctxt, &a, &x) != 0 || amount(ctxt, &n, &d) != 0)
        return;
    if (d <= 0) {
        fail(ctxt, &n, HS_CODE_AMOUNT,
             "money-div(): divides by %lld; the divisor is a whole number of 1 or more",
             (long long)d);
        return;
    }
    int64_t q = x / d, r = x % d;
    if (!down && (r < 0 ? -r : r) * 2 >= d)
        q += x < 0 ? -1 : 1;
    ret_amount(ctxt, q);
}

/* amount(x): an amount ("9500000" or "9.500.000") as an XPath number, for
 * comparisons (amount(cost) > 10000000); exact up to 2^53 đồng. */
static void
fn_amount(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 1, "amount") != 0)
        return;
    arg a = pop_arg(ctxt);
    int64_t v;
    if (amount(ctxt, &a, &v) != 0)
        return;
    if (v > ((int64_t)1 << 53) || v < -((int64_t)1 << 53)) {
        fail(ctxt, &a, HS_CODE_AMOUNT,
             "is too large to be an exact XPath number; compare with money-eq");
        return;
    }
    valuePush(ctxt, xmlXPathNewFloat((double)v));
}

/* money-eq(a, b): the same amount, whatever the grouping. */
static void
fn_money_eq(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 2, 2, "money-eq") != 0)
        return;
    arg b = pop_arg(ctxt), a = pop_arg(ctxt);
    int64_t x, y;
    if (amount(ctxt, &a, &x) != 0 || amount(ctxt, &b, &y) != 0)
        return;
    valuePush(ctxt, xmlXPathNewBoolean(x == y));
}

static int
rate(xmlXPathParserContextPtr ctxt, const arg *a, int *tenths)
{
    /* "7" parses as a rate, but no invoice may carry it */
    if (hs_vn_vat_parse(a->s, strlen(a->s), tenths) == HS_VN_OK && hs_vn_vat_rate_in_law(*tenths))
        return 0;
    /* a record node's value is quoted with its element by fail() */
    if (a->node != NULL)
        fail(ctxt, a, HS_CODE_AMOUNT, "is not a VAT rate (KCT, 0, 5, 8, 10)");
    else
        fail(ctxt, a, HS_CODE_AMOUNT, "\"%s\" is not a VAT rate (KCT, 0, 5, 8, 10)", a->s);
    return -1;
}

/* vat(base, rate): VAT in đồng, half-up. */
static void
fn_vat(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 2, 2, "vat") != 0)
        return;
    arg r = pop_arg(ctxt), b = pop_arg(ctxt);
    int64_t base, v;
    int tenths;
    if (amount(ctxt, &b, &base) != 0 || rate(ctxt, &r, &tenths) != 0)
        return;
    /* base and rate are checked above, and the VAT of an amount is at most
     * the amount: nothing can go wrong here */
    hs_assert(hs_vn_vat(base, tenths, &v) == HS_VN_OK);
    ret_amount(ctxt, v);
}

/* vat-rate(rate): "10%", "8,5%" or "KCT". */
static void
fn_vat_rate(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 1, "vat-rate") != 0)
        return;
    arg r = pop_arg(ctxt);
    int tenths;
    if (rate(ctxt, &r, &tenths) != 0)
        return;
    char out[32];
    if (tenths == HS_VN_VAT_KCT)
        snprintf(out, sizeof out, "KCT");
    else
        hs_vn_percent_format(tenths, 1, out, sizeof out);
    ret_string(ctxt, out);
}

/* words(x [, options]): options is a space-separated list of le, ngan, ti,
 * bon, lower, slash (end with ./.), even=WORD (e.g. even=chẵn), unit=WORD,
 * no-unit. */
static void
fn_words(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 2, "words") != 0)
        return;
    hs_xp_env *env = env_of(ctxt);
    hs_vn_words_opts o = HS_VN_WORDS_DEFAULT;
    if (nargs == 2) {
        arg opts = pop_arg(ctxt);
        for (const char *c = opts.s; *c;) {
            while (*c == ' ')
                c++;
            size_t len = strcspn(c, " ");
            if (len == 0)
                break;
            const char *w = hs_arena_strndup(env->arena, c, len);
            c += len;
            if (strcmp(w, "le") == 0 || strcmp(w, "lẻ") == 0)
                o.le = 1;
            else if (strcmp(w, "ngan") == 0 || strcmp(w, "ngàn") == 0)
                o.ngan = 1;
            else if (strcmp(w, "ti") == 0 || strcmp(w, "tỉ") == 0)
                o.ti = 1;
            else if (strcmp(w, "bon") == 0 || strcmp(w, "bốn") == 0)
                o.bon = 1;
            else if (strcmp(w, "lower") == 0)
                o.lower = 1;
            else if (strcmp(w, "slash") == 0)
                o.slash_dot = 1;
            else if (strcmp(w, "no-unit") == 0)
                o.unit = "";
            else if (strncmp(w, "even=", 5) == 0)
                o.even = w + 5;
            else if (strncmp(w, "unit=", 5) == 0)
                o.unit = w + 5;
            else {
                xmlXPathFreeObject(valuePop(ctxt));
                fail(ctxt, NULL, HS_CODE_XPATH,
                     "words(): unknown option '%s' (le ngan ti bon lower "
                     "slash no-unit even=… unit=…)",
                     w);
                return;
            }
        }
    }
    arg a = pop_arg(ctxt);
    int64_t v;
    if (amount(ctxt, &a, &v) != 0)
        return;
    char out[HS_VN_WORDS_MAX];
    if (hs_vn_words(v, &o, out, sizeof out) != HS_VN_OK) {
        fail(ctxt, &a, HS_CODE_AMOUNT, "cannot be written in words");
        return;
    }
    ret_string(ctxt, out);
}

/* A date a template is given, whether a literal such as date('2300-01-01')
 * or a record's text, is in the years a record's dates are (1990 to 2099,
 * the schemas) — the one rule add-days() and the schedule keep for the dates
 * they compute. */
static int
date_arg(xmlXPathParserContextPtr ctxt, const char *fn, const arg *a, hs_vn_date *d)
{
    hs_vn_status st = hs_vn_date_parse(a->s, strlen(a->s), d);
    if (st == HS_VN_OK && hs_vn_date_in_range(*d))
        return 0;
    const char *why = st == HS_VN_E_DATE ? "is not a day of the calendar"
                      : st != HS_VN_OK   ? "is not a date (YYYY-MM-DD)"
                                         : "is outside the dates a document has";
    if (st == HS_VN_OK && a->node != NULL)
        fail(ctxt, a, HS_CODE_DATE, "%s (%d to %d)", why, HS_VN_DATE_YEAR_FIRST,
             HS_VN_DATE_YEAR_LAST);
    else if (st == HS_VN_OK)
        fail(ctxt, a, HS_CODE_DATE, "%s(): \"%s\" %s (%d to %d)", fn, a->s, why,
             HS_VN_DATE_YEAR_FIRST, HS_VN_DATE_YEAR_LAST);
    else if (a->node != NULL)
        fail(ctxt, a, HS_CODE_DATE, "%s", why);
    else
        fail(ctxt, a, HS_CODE_DATE, "\"%s\" is not a date (YYYY-MM-DD)", a->s);
    return -1;
}

/* date(x [, pattern]): pattern 'dd/MM/yyyy' (default), 'dd.MM.yy', 'long'. */
static void
fn_date(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 2, "date") != 0)
        return;
    const char *pattern = "dd/MM/yyyy";
    if (nargs == 2)
        pattern = pop_arg(ctxt).s;
    arg a = pop_arg(ctxt);
    hs_vn_date d;
    if (date_arg(ctxt, "date", &a, &d) != 0)
        return;
    char out[128];
    /* 'LONG', 'short' or '' would print themselves, not the date */
    if (strcmp(pattern, "long") != 0 && strpbrk(pattern, "dMy") == NULL) {
        fail(ctxt, NULL, HS_CODE_XPATH,
             "date(): pattern '%s' has none of dd d MM M yyyy yy ('long' spells the date out)",
             pattern);
        return;
    }
    const char *bad = hs_vn_date_pattern_bad(pattern);
    if (bad != NULL) {
        int run = 1;
        while (bad[run] == bad[0])
            run++;
        fail(ctxt, NULL, HS_CODE_XPATH,
             "date(): pattern '%s' has '%.*s', which is not a part of a date pattern (dd d MM M "
             "yyyy yy)",
             pattern, run, bad);
        return;
    }
    if (hs_vn_date_format(d, pattern, out, sizeof out) != HS_VN_OK) {
        fail(ctxt, NULL, HS_CODE_XPATH, "date(): pattern '%s' is too long", pattern);
        return;
    }
    ret_string(ctxt, out);
}

/* date-line(place, date): "Hà Nội, ngày 05 tháng 02 năm 2021". */
static void
fn_date_line(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 2, 2, "date-line") != 0)
        return;
    arg date = pop_arg(ctxt), place = pop_arg(ctxt);
    hs_vn_date d;
    if (date_arg(ctxt, "date-line", &date, &d) != 0)
        return;
    char out[600];
    if (hs_vn_date_line(place.s, d, out, sizeof out) != HS_VN_OK) {
        fail(ctxt, &place, HS_CODE_XPATH, "date-line(): the place is too long");
        return;
    }
    ret_string(ctxt, out);
}

/* add-days(date, n): ISO date n days later. */
static void
fn_add_days(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 2, 2, "add-days") != 0)
        return;
    arg n = pop_arg(ctxt), date = pop_arg(ctxt);
    hs_vn_date d, e = {0, 0, 0};
    int64_t days;
    if (date_arg(ctxt, "add-days", &date, &d) != 0)
        return;
    if (hs_vn_money_parse(n.s, strlen(n.s), 1, &days) != HS_VN_OK || days > 100000 ||
        days < -100000) {
        fail(ctxt, &n, HS_CODE_XPATH, "add-days(): \"%s\" is not a whole number of days", n.s);
        return;
    }
    char out[16] = "no date";
    /* A day a record's dates cannot be (a year such as 2294 from a typo in
     * the days) is an error at the expression, not a date printed. From a
     * date of 1990 to 2099, 100000 days either way is a calendar day. */
    if (hs_vn_date_add_days(d, (long)days, &e) != HS_VN_OK || !hs_vn_date_in_range(e)) {
        char from[16];
        hs_vn_date_format(d, "yyyy-MM-dd", from, sizeof from);
        hs_vn_date_format(e, "yyyy-MM-dd", out, sizeof out);
        fail(ctxt, NULL, HS_CODE_DATE,
             "add-days(): %s plus %lld days is %s, outside the dates a document has (%d to %d)",
             from, (long long)days, out, HS_VN_DATE_YEAR_FIRST, HS_VN_DATE_YEAR_LAST);
        return;
    }
    hs_vn_date_format(e, "yyyy-MM-dd", out, sizeof out);
    ret_string(ctxt, out);
}

static void
case_map(xmlXPathParserContextPtr ctxt, int nargs, int upper)
{
    if (arity(ctxt, nargs, 1, 1, upper ? "upper" : "lower") != 0)
        return;
    hs_xp_env *env = env_of(ctxt);
    arg a = pop_arg(ctxt);
    const char *out;
    size_t n;
    int rc = upper ? hs_text_upper(env->arena, a.s, strlen(a.s), &out, &n, env->report,
                                   env->expr_loc)
                   : hs_text_lower(env->arena, a.s, strlen(a.s), &out, &n, env->report,
                                   env->expr_loc);
    if (rc != 0) {
        env->failed = 1;
        valuePush(ctxt, xmlXPathNewCString(""));
        return;
    }
    if (a.node != NULL)
        env->src = a.node;
    ret_string(ctxt, hs_arena_strndup(env->arena, out, n));
}

static void
fn_upper(xmlXPathParserContextPtr ctxt, int nargs)
{
    case_map(ctxt, nargs, 1);
}
static void
fn_lower(xmlXPathParserContextPtr ctxt, int nargs)
{
    case_map(ctxt, nargs, 0);
}

/* num(x): a whole number with '.' between thousands. */
static void
fn_num(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 1, "num") != 0)
        return;
    arg a = pop_arg(ctxt);
    int64_t v;
    if (hs_vn_money_parse(a.s, strlen(a.s), 1, &v) != HS_VN_OK) {
        if (a.node != NULL) /* fail() quotes the node's value with its element */
            fail(ctxt, &a, HS_CODE_NUMBER, "is not a whole number");
        else
            fail(ctxt, &a, HS_CODE_NUMBER, "\"%s\" is not a whole number", a.s);
        return;
    }
    char out[40];
    hs_vn_int_format(v, out, sizeof out);
    ret_string(ctxt, out);
}

/* percent(x): "8,5%" from 8.5 or "8,5"; up to two decimals. */
static void
fn_percent(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 1, "percent") != 0)
        return;
    hs_xp_env *env = env_of(ctxt);
    xmlXPathObjectPtr o = valuePop(ctxt);
    /* A number as XPath writes it (15 digits: 0.1 * 100 is "10"), never
     * rounded here: "%.2f" made 1.005 "1%" and 10.125 "10,12%" without a
     * word, from the binary value. */
    xmlChar *x = xmlXPathCastToString(o);
    const char *s = hs_arena_strdup(env->arena, x ? hs_xml_str(x) : "");
    xmlFree(x);
    xmlXPathFreeObject(o);
    int64_t v;
    if (hs_vn_decimal_parse(s, strlen(s), 2, &v) != HS_VN_OK) {
        const char *d = s + (s[0] == '-'), *dot = strchr(d, '.');
        if (dot != NULL && dot > d && strspn(d, "0123456789") == (size_t)(dot - d) &&
            dot[1] != '\0' && strspn(dot + 1, "0123456789") == strlen(dot + 1))
            fail(ctxt, NULL, HS_CODE_NUMBER,
                 "percent(): \"%s\" has more than two decimals: round it as the document "
                 "means (round(x * 100) div 100)",
                 s);
        else
            fail(ctxt, NULL, HS_CODE_NUMBER, "percent(): \"%s\" is not a number", s);
        return;
    }
    char out[48];
    hs_vn_percent_format(v, 2, out, sizeof out);
    ret_string(ctxt, out);
}

/* nowrap(x): spaces become no-break spaces, so that a phone number or a
 * code is never split over two lines. */
static void
fn_nowrap(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 1, "nowrap") != 0)
        return;
    hs_xp_env *env = env_of(ctxt);
    arg a = pop_arg(ctxt);
    hs_buf b;
    hs_buf_init(&b, env->arena);
    /* Spaces become no-break spaces; after a sign ICU would break at
     * ("TP-CĐ", "BBNT/TP", "01–02") a word joiner: a contract number split
     * at its hyphen reads as two. Letters and digits never break between. */
    size_t len = strlen(a.s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = hs_utf8_decode(a.s + i, len - i, &cp);
        if (k == 0)
            k = 1, cp = 0; /* NFC text is UTF-8; kept as it is */
        if (cp == ' ')
            hs_buf_adds(&b, "\xC2\xA0");
        else
            hs_buf_add(&b, a.s + i, (size_t)k);
        i += (size_t)k;
        if (i < len && cp != ' ' && a.s[i] != ' ' && !hs_text_is_letter(cp) &&
            !(cp >= '0' && cp <= '9') && cp != 0xA0)
            hs_buf_adds(&b, "\xE2\x81\xA0");
    }
    if (a.node != NULL)
        env->src = a.node;
    ret_string(ctxt, hs_buf_cstr(&b));
}

/* default(x, fallback): x, or fallback when x is empty or absent. */
static void
fn_default(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 2, 2, "default") != 0)
        return;
    hs_xp_env *env = env_of(ctxt);
    arg fb = pop_arg(ctxt), x = pop_arg(ctxt);
    const arg *pick = x.s[0] != '\0' ? &x : &fb;
    if (pick->node != NULL)
        env->src = pick->node;
    ret_string(ctxt, pick->s);
}

/* file(x): a path written in the record or profile, relative to that file. */
static void
fn_file(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (arity(ctxt, nargs, 1, 1, "file") != 0)
        return;
    hs_xp_env *env = env_of(ctxt);
    arg a = pop_arg(ctxt);
    if (a.s[0] == '/') {
        ret_string(ctxt, a.s);
        return;
    }
    /* Absolute, so that <img src> does not read it as relative to the template. */
    const char *base = a.node ? hs_loc_from_xml(a.node).file : NULL;
    const char *slash = base ? strrchr(base, '/') : NULL;
    const char *dir = slash ? hs_arena_strndup(env->arena, base, (size_t)(slash - base)) : ".";
    if (dir[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) != NULL)
            dir = hs_arena_printf(env->arena, "%s/%s", cwd, dir);
    }
    ret_string(ctxt, hs_arena_printf(env->arena, "%s/%s", dir, a.s));
}

/* ---- for the functions of other files (xpath_vietqr.c) ---- */

const char *
hs_xp_pop_string(xmlXPathParserContextPtr ctxt, const xmlNode **node)
{
    arg a = pop_arg(ctxt);
    *node = a.node;
    return a.s;
}

void
hs_xp_fail(xmlXPathParserContextPtr ctxt, const char *s, const xmlNode *node, hs_code code,
           const char *msg)
{
    arg a = {s, node, 0};
    fail(ctxt, node != NULL ? &a : NULL, code, "%s", msg);
}

int
hs_xp_arity(xmlXPathParserContextPtr ctxt, int nargs, int lo, int hi, const char *name)
{
    return arity(ctxt, nargs, lo, hi, name);
}

void
hs_eval_register_functions(xmlXPathContextPtr ctx)
{
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {
        {"money", fn_money},         {"money-sum", fn_money_sum}, {"money-add", fn_money_add},
        {"money-sub", fn_money_sub}, {"money-mul", fn_money_mul}, {"money-eq", fn_money_eq},
        {"vat", fn_vat},             {"vat-rate", fn_vat_rate},   {"words", fn_words},
        {"date", fn_date},           {"date-line", fn_date_line}, {"add-days", fn_add_days},
        {"upper", fn_upper},         {"lower", fn_lower},         {"num", fn_num},
        {"percent", fn_percent},     {"file", fn_file},         {"default", fn_default},
        {"nowrap", fn_nowrap},
        {"money-div", fn_money_div}, {"amount", fn_amount},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        xmlXPathRegisterFunc(ctx, hs_xml_ustr(fns[i].name), fns[i].fn);
    hs_eval_register_vietqr(ctx);
    hs_eval_register_group(ctx);
    hs_eval_register_schedule_functions(ctx);
}
