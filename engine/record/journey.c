/* engine/record/journey.c — the rules of a request's journey that XSD 1.0
 * cannot state (shared/vietnamese.md §6):
 *   - its dates follow the journey: received, review, technical feedback,
 *     quote, quote sent, outcome, contract, appendix, schedule start,
 *     acceptance, handover, survey (equal dates are in order);
 *   - a request closes when it is refused or 15 days after the quote was
 *     sent: the quote's validity, the outcome and (without an outcome) the
 *     contract end by then; a refused request has no contract;
 *   - at most one attendee signs for each party of a minutes.
 * Runs on a record that passed the schema. */
#include "record/record.h"

#include "vn/vn.h"

#include <stdlib.h>
#include <string.h>

/* Days from the quote being sent to the request closing by itself. */
#define CLOSE_DAYS 15

static const xmlNode *
child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
        if (hs_xml_is(c, name))
            return c;
    return NULL;
}

typedef struct stop {
    const char *path; /* element, "a/b" for a grandchild */
    const char *attr;
    const char *what; /* as the message names it */
} stop;

static const stop JOURNEY[] = {
    {"received", "date", "the request was received"},
    {"review", "date", "the leader's review"},
    {"technical", "date", "the technical feedback"},
    {"quote", "date", "the quote"},
    {"quote", "sent", "the quote was sent"},
    {"outcome", "date", "the outcome"},
    {"contract", "date", "the contract"},
    {"contract/appendix", "date", "the appendix"},
    {"schedule", "start", "the work starts"},
    {"acceptance", "date", "the acceptance"},
    {"handover", "date", "the handover"},
    {"survey", "date", "the survey"},
};

static const xmlNode *
at_path(const xmlNode *root, const char *path)
{
    const char *slash = strchr(path, '/');
    if (slash == NULL)
        return child(root, path);
    char head[32];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof head)
        return NULL;
    memcpy(head, path, n);
    head[n] = '\0';
    return child(child(root, head), slash + 1);
}

static int
date_attr(const xmlNode *n, const char *attr, hs_vn_date *d)
{
    const char *s = n ? hs_xml_attr(n, attr) : NULL;
    return s != NULL && hs_vn_date_parse(s, strlen(s), d) == HS_VN_OK;
}

static void
ddmmyyyy(hs_vn_date d, char *out, size_t cap)
{
    hs_vn_date_format(d, "dd/MM/yyyy", out, cap);
}

static int
check_order(const xmlNode *root, hs_report *r)
{
    int rc = 0;
    const stop *last = NULL;
    hs_vn_date last_d = {0, 0, 0};
    for (size_t i = 0; i < sizeof JOURNEY / sizeof JOURNEY[0]; i++) {
        const xmlNode *n = at_path(root, JOURNEY[i].path);
        hs_vn_date d;
        if (!date_attr(n, JOURNEY[i].attr, &d))
            continue;
        if (last != NULL && hs_vn_date_days_between(last_d, d) < 0) {
            char a[16], b[16];
            ddmmyyyy(d, a, sizeof a);
            ddmmyyyy(last_d, b, sizeof b);
            rc = hs_error(r, hs_loc_from_xml(n), HS_CODE_DATE_ORDER,
                          "<%s %s=\"%s\">: %s (%s) is dated before %s (%s); the dates of a "
                          "request follow its journey",
                          hs_xml_str(n->name), JOURNEY[i].attr, hs_xml_attr(n, JOURNEY[i].attr),
                          JOURNEY[i].what, a, last->what, b);
        }
        last = &JOURNEY[i];
        last_d = d;
    }
    return rc;
}

static int
check_closing(const xmlNode *root, hs_report *r)
{
    const xmlNode *quote = child(root, "quote");
    hs_vn_date qdate, sent, close;
    if (!date_attr(quote, "date", &qdate))
        return 0;
    const char *sent_attr = date_attr(quote, "sent", &sent) ? "sent" : "date";
    if (sent_attr[0] == 'd')
        sent = qdate;
    if (hs_vn_date_add_days(sent, CLOSE_DAYS, &close) != HS_VN_OK)
        return 0;
    char close_s[16], sent_s[16], d_s[16];
    ddmmyyyy(close, close_s, sizeof close_s);
    ddmmyyyy(sent, sent_s, sizeof sent_s);
    int rc = 0;

    const char *vd = hs_xml_attr(quote, "valid-days");
    long valid = vd ? atol(vd) : CLOSE_DAYS;
    hs_vn_date until;
    if (hs_vn_date_add_days(qdate, valid, &until) == HS_VN_OK &&
        hs_vn_date_days_between(close, until) > 0) {
        ddmmyyyy(until, d_s, sizeof d_s);
        rc = hs_error(r, hs_loc_from_xml(quote), HS_CODE_CLOSING,
                      "<quote valid-days=\"%ld\">: the quote would be valid until %s, after the "
                      "request closes on %s (%d days after the quote was sent on %s)",
                      valid, d_s, close_s, CLOSE_DAYS, sent_s);
    }

    const xmlNode *outcome = child(root, "outcome");
    const xmlNode *contract = child(root, "contract");
    hs_vn_date od;
    if (date_attr(outcome, "date", &od) && hs_vn_date_days_between(close, od) > 0) {
        ddmmyyyy(od, d_s, sizeof d_s);
        rc = hs_error(r, hs_loc_from_xml(outcome), HS_CODE_CLOSING,
                      "<outcome date=\"%s\">: %s is later than the rule allows: the request "
                      "closed on %s, %d days after the quote was sent on %s",
                      hs_xml_attr(outcome, "date"), d_s, close_s, CLOSE_DAYS, sent_s);
    }
    const char *status = outcome ? hs_xml_attr(outcome, "answer") : NULL;
    if (status != NULL && strcmp(status, "refused") == 0 && contract != NULL)
        rc = hs_error(r, hs_loc_from_xml(contract), HS_CODE_CLOSING,
                      "<contract> of a request the customer refused (<outcome answer=\"refused\"> "
                      "line %ld)",
                      (long)hs_loc_from_xml(outcome).line);
    hs_vn_date cd;
    if (outcome == NULL && date_attr(contract, "date", &cd) &&
        hs_vn_date_days_between(close, cd) > 0) {
        ddmmyyyy(cd, d_s, sizeof d_s);
        rc = hs_error(r, hs_loc_from_xml(contract), HS_CODE_CLOSING,
                      "<contract date=\"%s\">: signed on %s, after the request closed on %s (%d "
                      "days after the quote was sent on %s); record the customer's agreement "
                      "as <outcome answer=\"agreed\" date=\"…\"/>",
                      hs_xml_attr(contract, "date"), d_s, close_s, CLOSE_DAYS, sent_s);
    }
    return rc;
}

static int
check_signers(const xmlNode *minutes, hs_report *r)
{
    int rc = 0;
    const char *parties[] = {"A", "B"};
    for (int p = 0; p < 2; p++) {
        const xmlNode *first = NULL;
        for (const xmlNode *a = minutes ? minutes->children : NULL; a != NULL; a = a->next) {
            const char *party = hs_xml_is(a, "present") ? hs_xml_attr(a, "party") : NULL;
            const char *signs = party ? hs_xml_attr(a, "signs") : NULL;
            if (party == NULL || strcmp(party, parties[p]) != 0 || signs == NULL ||
                strcmp(signs, "yes") != 0)
                continue;
            if (first != NULL)
                rc = hs_error(r, hs_loc_from_xml(a), HS_CODE_SIGNER,
                              "<present party=\"%s\" signs=\"yes\">: %s signs for party %s, "
                              "already signed for by %s (line %ld): one signer per party",
                              parties[p], hs_xml_attr(a, "name"), parties[p],
                              hs_xml_attr(first, "name"), (long)hs_loc_from_xml(first).line);
            else
                first = a;
        }
    }
    return rc;
}

int
hs_record_check_journey(const xmlNode *root, hs_report *r)
{
    int rc = 0;
    if (check_order(root, r) != 0)
        rc = -1;
    if (check_closing(root, r) != 0)
        rc = -1;
    if (check_signers(child(root, "acceptance"), r) != 0)
        rc = -1;
    if (check_signers(child(root, "handover"), r) != 0)
        rc = -1;
    return rc;
}
