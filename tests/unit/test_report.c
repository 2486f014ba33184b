/* tests/unit/test_report.c — a caller's report that already counts errors
 * (a batch worker's or a program's that renders one document after another
 * through job.h without resetting it): each document is still made, or fails with its own
 * message — never fails silently because of errors said before it. */
#include "harness.h"

#include "hoso.h"
#include "job.h"

#include <stdlib.h>

static int said;

static void
count(void *user, const hs_diag *d)
{
    (void)user;
    (void)d;
    said++;
}

static void
errors_of_earlier_documents_do_not_fail_the_next(void)
{
    /* run from the source tree, as tests/run does */
    const char *fonts = getenv("HOSO_FONTS");
    hs_engine *e = hs_engine_new(fonts ? fonts : "fonts", count, NULL);
    CHECK(e != NULL);
    if (e == NULL)
        return;
    hs_report r = hs_engine_report(e);
    r.errors = 3; /* said for documents before this one */
    said = 0;
    struct hs_job job = {"templates/quote.xml",
                         "samples/small.xml",
                         "small.xml",
                         "samples/profile.xml",
                         -1,
                         0,
                         0,
                         0,
                         1};
    hs_output out;
    CHECK_INT(hs_render_report(e, &job, &r, &out), 0);
    hs_output_free(&out);
    CHECK_INT(said, 0);
    CHECK_INT(r.errors, 3);
    hs_engine_free(e);
}

int
main(void)
{
    RUN(errors_of_earlier_documents_do_not_fail_the_next);
    return DONE();
}
