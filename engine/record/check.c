/* engine/record/check.c — rules of a record that XSD 1.0 cannot state:
 * a feasible item has a cost and days, an infeasible one a reason; a stated
 * quote total is the sum of the feasible costs plus VAT (no document prints a
 * total that is not the sum of its lines), every line with a VAT rate;
 * acceptance results name items that exist. The dates of the journey are
 * checked by journey.c. Runs on a record that passed the schema. */
#include "record/record.h"

#include "vn/vn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static xmlNode *
child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
        if (hs_xml_is(c, name))
            return c;
    return NULL;
}

/* Trimmed text content of an element, into buf. */
static const char *
text_of(const xmlNode *n, char *buf, size_t cap)
{
    xmlChar *s = xmlNodeGetContent(n);
    const char *t = s ? hs_xml_str(s) : "";
    while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
        t++;
    size_t len = strlen(t);
    while (len > 0 &&
           (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t' || t[len - 1] == '\r'))
        len--;
    if (len >= cap)
        len = cap - 1;
    memcpy(buf, t, len);
    buf[len] = '\0';
    xmlFree(s);
    return buf;
}

static int
check_feedback(const xmlNode *item, hs_report *r, int64_t *subtotal)
{
    const xmlNode *fb = child(item, "feedback");
    if (fb == NULL)
        return 0;
    const char *feasible = hs_xml_attr(fb, "feasible");
    const char *id = hs_xml_attr(item, "id");
    hs_loc loc = hs_loc_from_xml(fb);
    if (feasible != NULL && strcmp(feasible, "yes") == 0) {
        const xmlNode *cost = child(fb, "cost");
        if (cost == NULL || child(fb, "days") == NULL)
            return hs_error(r, loc, HS_CODE_SCHEMA,
                            "<feedback feasible=\"yes\"> of item %s needs <cost> and <days>",
                            id ? id : "?");
        char buf[64];
        int64_t v;
        text_of(cost, buf, sizeof buf);
        if (hs_vn_money_parse(buf, strlen(buf), 0, &v) != HS_VN_OK)
            return hs_error(r, hs_loc_from_xml(cost), HS_CODE_AMOUNT,
                            "<cost> \"%s\" is not an amount in đồng", buf);
        if (hs_vn_add(*subtotal, v, subtotal) != HS_VN_OK)
            return hs_error(r, hs_loc_from_xml(cost), HS_CODE_AMOUNT,
                            "<cost> makes the sum of the items overflow");
    } else if (child(fb, "reason") == NULL) {
        return hs_error(r, loc, HS_CODE_SCHEMA,
                        "<feedback feasible=\"no\"> of item %s needs a <reason>", id ? id : "?");
    }
    return 0;
}

/* The VAT rate of a feasible line: its own vat-rate, or the quote's for every
 * line. A quote whose lines give no rate and no rate of its own, or that mixes
 * both, cannot say which lines are taxable: an error, never a default. */
static int
line_rate(const xmlNode *quote, const xmlNode *item, int per_line, hs_report *r, int *rate)
{
    const xmlNode *fb = child(item, "feedback");
    const char *own = hs_xml_attr(fb, "vat-rate");
    const char *all = hs_xml_attr(quote, "vat-rate");
    const char *id = hs_xml_attr(item, "id");
    if (own == NULL && per_line)
        return hs_error(r, hs_loc_from_xml(fb), HS_CODE_VAT,
                        "<feedback> of item %s has no vat-rate while other lines have one: give "
                        "each line its rate (\"KCT\" for software services, not subject to VAT)",
                        id ? id : "?");
    if (own == NULL && all == NULL)
        return hs_error(r, hs_loc_from_xml(fb), HS_CODE_VAT,
                        "<feedback> of item %s has no VAT rate: a taxable line needs its rate "
                        "(vat-rate=\"10\"), a software service vat-rate=\"KCT\"",
                        id ? id : "?");
    const char *s = own ? own : all;
    if (hs_vn_vat_parse(s, strlen(s), rate) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(own ? fb : quote), HS_CODE_AMOUNT,
                        "vat-rate=\"%s\" is not a VAT rate", s);
    return 0;
}

/* Whether text says pct as "30%" (not as part of "130%"). */
static int
says_percent(const char *text, int pct)
{
    char want[8];
    snprintf(want, sizeof want, "%d%%", pct);
    for (const char *p = strstr(text, want); p != NULL; p = strstr(p + 1, want))
        if (p == text || p[-1] < '0' || p[-1] > '9')
            return 1;
    return 0;
}

/* <deposit percent="30" amount="…">: the first payment of a quote of total
 * đồng. The payment terms say the same percentage, and a stated amount is
 * that share of the total, half-up to the đồng as money-div() rounds: the
 * quote prints (and its VietQR asks for) the amount computed. */
static int
check_deposit(const xmlNode *quote, int64_t total, hs_report *r)
{
    const xmlNode *dep = child(quote, "deposit");
    if (dep == NULL)
        return 0;
    int pct = atoi(hs_xml_attr(dep, "percent")); /* 1 to 99: the schema says so */
    const xmlNode *pay = child(quote, "payment");
    if (pay == NULL)
        return hs_error(r, hs_loc_from_xml(dep), HS_CODE_DEPOSIT,
                        "<deposit percent=\"%d\"> needs the <payment> terms that state it", pct);
    xmlChar *terms = xmlNodeGetContent(pay);
    int said = terms != NULL && says_percent(hs_xml_str(terms), pct);
    xmlFree(terms);
    if (!said)
        return hs_error(r, hs_loc_from_xml(pay), HS_CODE_DEPOSIT,
                        "<payment> does not say the deposit's %d%% (<deposit percent=\"%d\">)", pct,
                        pct);
    int64_t x;
    if (hs_vn_mul(total, pct, &x) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(dep), HS_CODE_AMOUNT, "the deposit overflows");
    int64_t computed = (x + 50) / 100;
    const char *stated_s = hs_xml_attr(dep, "amount");
    int64_t stated;
    if (stated_s == NULL)
        return 0;
    if (hs_vn_money_parse(stated_s, strlen(stated_s), 0, &stated) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(dep), HS_CODE_AMOUNT,
                        "<deposit amount=\"%s\"> is not an amount in đồng", stated_s);
    if (stated == computed)
        return 0;
    char total_s[48], comp_s[48];
    hs_vn_money_format(total, HS_VN_UNIT_SYMBOL, total_s, sizeof total_s);
    hs_vn_money_format(computed, HS_VN_UNIT_SYMBOL, comp_s, sizeof comp_s);
    return hs_error(r, hs_loc_from_xml(dep), HS_CODE_TOTAL,
                    "<deposit amount=\"%s\"> is not %d%% of the total %s: %s", stated_s, pct,
                    total_s, comp_s);
}

/* VAT is computed per rate (the sum of the lines at a rate, rounded half-up
 * once), as on a Vietnamese invoice; the templates do the same. */
static int
check_total(const xmlNode *root, hs_report *r)
{
    const xmlNode *quote = child(root, "quote");
    const xmlNode *items = child(root, "items");
    if (quote == NULL)
        return 0;
    int per_line = 0;
    for (const xmlNode *it = items ? items->children : NULL; it != NULL; it = it->next) {
        const xmlNode *fb = hs_xml_is(it, "item") ? child(it, "feedback") : NULL;
        if (fb != NULL && hs_xml_attr(fb, "vat-rate") != NULL)
            per_line = 1;
    }
    if (per_line && hs_xml_attr(quote, "vat-rate") != NULL)
        return hs_error(r, hs_loc_from_xml(quote), HS_CODE_VAT,
                        "<quote vat-rate=\"%s\"> and lines with their own vat-rate: give the "
                        "rate once, on the quote for every line or on each line",
                        hs_xml_attr(quote, "vat-rate"));
    /* base per rate: index 0 KCT, then tenths of a percent 0..1000 by step */
    int rates[16];
    int64_t base[16];
    int nrates = 0;
    int64_t subtotal = 0;
    for (const xmlNode *it = items ? items->children : NULL; it != NULL; it = it->next) {
        const xmlNode *fb = hs_xml_is(it, "item") ? child(it, "feedback") : NULL;
        const char *feasible = fb ? hs_xml_attr(fb, "feasible") : NULL;
        if (feasible == NULL || strcmp(feasible, "yes") != 0)
            continue;
        int rate;
        if (line_rate(quote, it, per_line, r, &rate) != 0)
            return -1;
        char buf[64];
        int64_t v;
        text_of(child(fb, "cost"), buf, sizeof buf);
        if (hs_vn_money_parse(buf, strlen(buf), 0, &v) != HS_VN_OK)
            return -1; /* reported by check_feedback */
        int k = 0;
        while (k < nrates && rates[k] != rate)
            k++;
        if (k == nrates) {
            if (nrates == 16)
                return hs_error(r, hs_loc_from_xml(fb), HS_CODE_VAT, "too many VAT rates");
            rates[nrates] = rate;
            base[nrates++] = 0;
        }
        if (hs_vn_add(base[k], v, &base[k]) != HS_VN_OK ||
            hs_vn_add(subtotal, v, &subtotal) != HS_VN_OK)
            return hs_error(r, hs_loc_from_xml(fb), HS_CODE_AMOUNT,
                            "the sum of the items overflows");
    }
    const xmlNode *offer = child(quote, "offer");
    if (offer != NULL && nrates > 1)
        return hs_error(r, hs_loc_from_xml(offer), HS_CODE_VAT,
                        "<offer> is one price for lines at %d different VAT rates: the price "
                        "to the customer needs one rate for every line",
                        nrates);
    if (offer != NULL && nrates == 1) {
        char buf[64];
        text_of(offer, buf, sizeof buf);
        if (hs_vn_money_parse(buf, strlen(buf), 0, &base[0]) != HS_VN_OK)
            return hs_error(r, hs_loc_from_xml(offer), HS_CODE_AMOUNT,
                            "<offer> \"%s\" is not an amount in đồng", buf);
        subtotal = base[0];
    }
    const xmlNode *total = child(quote, "total");
    hs_loc at = hs_loc_from_xml(total != NULL ? total : quote);
    int64_t vat = 0, computed;
    for (int k = 0; k < nrates; k++) {
        int64_t v;
        if (hs_vn_vat(base[k], rates[k], &v) != HS_VN_OK || hs_vn_add(vat, v, &vat) != HS_VN_OK)
            return hs_error(r, at, HS_CODE_AMOUNT, "the total overflows");
    }
    if (hs_vn_add(subtotal, vat, &computed) != HS_VN_OK)
        return hs_error(r, at, HS_CODE_AMOUNT, "the total overflows");
    if (check_deposit(quote, computed, r) != 0)
        return -1;
    if (total == NULL)
        return 0;
    int64_t stated;
    char buf[64];
    text_of(total, buf, sizeof buf);
    if (hs_vn_money_parse(buf, strlen(buf), 0, &stated) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(total), HS_CODE_AMOUNT,
                        "<total> \"%s\" is not an amount in đồng", buf);
    if (stated == computed)
        return 0;
    char sub_s[48], vat_s[48], comp_s[48];
    hs_vn_money_format(subtotal, HS_VN_UNIT_SYMBOL, sub_s, sizeof sub_s);
    hs_vn_money_format(vat, HS_VN_UNIT_SYMBOL, vat_s, sizeof vat_s);
    hs_vn_money_format(computed, HS_VN_UNIT_SYMBOL, comp_s, sizeof comp_s);
    return hs_error(r, hs_loc_from_xml(total), HS_CODE_TOTAL,
                    "<total> \"%s\" is not the sum of the %s and VAT: %s + VAT %s = %s", buf,
                    offer ? "offer" : "feasible items", sub_s, vat_s, comp_s);
}

static int
check_results(const xmlNode *root, hs_report *r)
{
    const xmlNode *acc = child(root, "acceptance");
    const xmlNode *items = child(root, "items");
    int rc = 0;
    for (const xmlNode *res = acc ? acc->children : NULL; res != NULL; res = res->next) {
        if (!hs_xml_is(res, "result"))
            continue;
        const char *want = hs_xml_attr(res, "item");
        int found = 0;
        for (const xmlNode *it = items ? items->children : NULL; it && !found; it = it->next) {
            const char *id = hs_xml_is(it, "item") ? hs_xml_attr(it, "id") : NULL;
            found = id != NULL && want != NULL && strcmp(id, want) == 0;
        }
        if (!found)
            rc = hs_error(r, hs_loc_from_xml(res), HS_CODE_SCHEMA,
                          "<result item=\"%s\"> names no item of the request", want ? want : "");
    }
    return rc;
}

/* Invisible characters that change what a reader sees, searches or copies
 * without showing: bidi controls reorder text (a name or an amount can be made
 * to read backwards), zero-width ones split a word so a search misses it.
 * Vietnamese text never needs them; the soft hyphen (U+00AD) is allowed. */
static const char *
invisible(uint32_t cp)
{
    switch (cp) {
    case 0x061C:
        return "arabic letter mark";
    case 0x200B:
        return "zero width space";
    case 0x200C:
        return "zero width non-joiner";
    case 0x200D:
        return "zero width joiner";
    case 0x200E:
        return "left-to-right mark";
    case 0x200F:
        return "right-to-left mark";
    case 0x202A:
        return "left-to-right embedding";
    case 0x202B:
        return "right-to-left embedding";
    case 0x202C:
        return "pop directional formatting";
    case 0x202D:
        return "left-to-right override";
    case 0x202E:
        return "right-to-left override";
    case 0x2060:
        return "word joiner";
    case 0x2066:
        return "left-to-right isolate";
    case 0x2067:
        return "right-to-left isolate";
    case 0x2068:
        return "first strong isolate";
    case 0x2069:
        return "pop directional isolate";
    case 0xFEFF:
        return "zero width no-break space";
    default:
        return NULL;
    }
}

static int
check_chars(const char *s, const xmlNode *el, const char *attr, hs_report *r)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        /* every invisible character starts with one of these bytes (U+061C
         * with D8, U+200B to U+2069 with E2, U+FEFF with EF), and libxml2 has
         * checked the encoding already: the bytes up to the next of them are
         * skipped undecoded (a lead byte is never a continuation byte) */
        i += strcspn(s + i, "\xD8\xE2\xEF");
        if (i == n)
            break;
        uint32_t cp;
        int k = hs_utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            break;
        const char *what = invisible(cp);
        if (what != NULL)
            return hs_error(r, hs_loc_from_xml(el), HS_CODE_TEXT,
                            "<%s%s%s%s> has the invisible character U+%04X (%s); remove it",
                            hs_xml_str(el->name), attr ? " " : "", attr ? attr : "",
                            attr ? "=…" : "", (unsigned)cp, what);
        i += (size_t)k;
    }
    return 0;
}

int
hs_record_check_text(const xmlNode *n, hs_report *r)
{
    int rc = 0;
    for (; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->parent != NULL && n->content != NULL &&
            check_chars(hs_xml_str(n->content), n->parent, NULL, r) != 0)
            rc = -1;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttr *a = n->properties; a != NULL; a = a->next)
            if (a->children != NULL && a->children->content != NULL &&
                check_chars(hs_xml_str(a->children->content), n, hs_xml_str(a->name), r) != 0)
                rc = -1;
        if (hs_record_check_text(n->children, r) != 0)
            rc = -1;
    }
    return rc;
}

int
hs_record_check(xmlDocPtr doc, hs_report *r)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *items = child(root, "items");
    int64_t subtotal = 0;
    int rc = 0;
    for (const xmlNode *it = items ? items->children : NULL; it != NULL; it = it->next)
        if (hs_xml_is(it, "item") && check_feedback(it, r, &subtotal) != 0)
            rc = -1;
    if (rc == 0 && check_total(root, r) != 0)
        rc = -1;
    if (hs_record_check_journey(root, r) != 0)
        rc = -1;
    if (check_results(root, r) != 0)
        rc = -1;
    return rc;
}
