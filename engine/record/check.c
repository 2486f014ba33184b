/* engine/record/check.c — rules of a record that XSD 1.0 cannot state:
 * a feasible item has a cost and days, an infeasible one a reason; a stated
 * quote total is the sum of the feasible costs plus VAT (no document prints a
 * total that is not the sum of its lines); acceptance results name items that
 * exist. Runs on a record that passed the schema. */
#include "record/record.h"

#include "vn/vn.h"

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
    while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t' ||
                       t[len - 1] == '\r'))
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
            return hs_error(r, loc, "schema",
                            "<feedback feasible=\"yes\"> of item %s needs <cost> and <days>",
                            id ? id : "?");
        char buf[64];
        int64_t v;
        text_of(cost, buf, sizeof buf);
        if (hs_vn_money_parse(buf, strlen(buf), 0, &v) != HS_VN_OK)
            return hs_error(r, hs_loc_from_xml(cost), "amount",
                            "<cost> \"%s\" is not an amount in đồng", buf);
        if (hs_vn_add(*subtotal, v, subtotal) != HS_VN_OK)
            return hs_error(r, hs_loc_from_xml(cost), "amount",
                            "<cost> makes the sum of the items overflow");
    } else if (child(fb, "reason") == NULL) {
        return hs_error(r, loc, "schema",
                        "<feedback feasible=\"no\"> of item %s needs a <reason>",
                        id ? id : "?");
    }
    return 0;
}

static int
check_total(const xmlNode *root, int64_t subtotal, hs_report *r)
{
    const xmlNode *quote = child(root, "quote");
    const xmlNode *total = child(quote, "total");
    if (total == NULL)
        return 0;
    const char *rate_s = hs_xml_attr(quote, "vat-rate");
    int rate = HS_VN_VAT_KCT;
    if (rate_s != NULL && hs_vn_vat_parse(rate_s, strlen(rate_s), &rate) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(quote), "amount", "vat-rate=\"%s\" is not a VAT rate",
                        rate_s);
    int64_t vat, computed, stated;
    char buf[64];
    if (hs_vn_vat(subtotal, rate, &vat) != HS_VN_OK ||
        hs_vn_add(subtotal, vat, &computed) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(total), "amount", "the total overflows");
    text_of(total, buf, sizeof buf);
    if (hs_vn_money_parse(buf, strlen(buf), 0, &stated) != HS_VN_OK)
        return hs_error(r, hs_loc_from_xml(total), "amount",
                        "<total> \"%s\" is not an amount in đồng", buf);
    if (stated == computed)
        return 0;
    char sub_s[48], vat_s[48], comp_s[48];
    hs_vn_money_format(subtotal, HS_VN_UNIT_SYMBOL, sub_s, sizeof sub_s);
    hs_vn_money_format(vat, HS_VN_UNIT_SYMBOL, vat_s, sizeof vat_s);
    hs_vn_money_format(computed, HS_VN_UNIT_SYMBOL, comp_s, sizeof comp_s);
    return hs_error(r, hs_loc_from_xml(total), "total",
                    "<total> \"%s\" is not the sum of the feasible items and VAT: %s + VAT %s "
                    "= %s",
                    buf, sub_s, vat_s, comp_s);
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
            rc = hs_error(r, hs_loc_from_xml(res), "schema",
                          "<result item=\"%s\"> names no item of the request", want ? want : "");
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
    if (rc == 0 && check_total(root, subtotal, r) != 0)
        rc = -1;
    if (check_results(root, r) != 0)
        rc = -1;
    return rc;
}
