/* tests/unit/test_diag.c — the codes of diagnostics: every one has its own
 * name (the "[code]" of a message and the "code" of a batch report line),
 * and the line format carries it. */
#include "base/base.h"
#include "harness.h"

#include <string.h>

static void
every_code_named_once(void)
{
    CHECK_STR(hs_code_name(HS_CODE_NONE), "");
    CHECK_STR(hs_code_name(HS_CODE_COUNT), "");
    CHECK_STR(hs_code_name((hs_code)-1), "");
    for (int c = 1; c < HS_CODE_COUNT; c++) {
        const char *n = hs_code_name((hs_code)c);
        CHECK(n[0] != '\0');
        for (int d = 1; d < c; d++)
            CHECK(strcmp(n, hs_code_name((hs_code)d)) != 0);
    }
}

static void
spelling_unchanged(void)
{
    /* the names batch reports and scripts match on */
    CHECK_STR(hs_code_name(HS_CODE_MISSING), "missing");
    CHECK_STR(hs_code_name(HS_CODE_DATE_ORDER), "date-order");
    CHECK_STR(hs_code_name(HS_CODE_TIMEOUT), "timeout");
    CHECK_STR(hs_code_name(HS_CODE_CRASH), "crash");
    CHECK_STR(hs_code_name(HS_CODE_UTF8), "utf8");
}

static void
format_carries_the_code(void)
{
    char buf[256];
    hs_diag d = {HS_SEV_ERROR, {"r.xml", 7}, HS_CODE_SCHEMA, "bad"};
    hs_diag_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "r.xml:7: error: bad [schema]");
    hs_diag n = {HS_SEV_NOTE, {"t.xml", 0}, HS_CODE_NONE, "here"};
    hs_diag_format(&n, buf, sizeof buf);
    CHECK_STR(buf, "t.xml: note: here");
    hs_diag w = {HS_SEV_WARNING, {NULL, 0}, HS_CODE_FONT, "w"};
    hs_diag_format(&w, buf, sizeof buf);
    CHECK_STR(buf, "hoso: warning: w [font]");
}

int
main(void)
{
    RUN(every_code_named_once);
    RUN(spelling_unchanged);
    RUN(format_carries_the_code);
    return DONE();
}
