/* tests/unit/test_intern.c — an engine's interned strings are bounded by the
 * files it reads, not by the documents it makes (issue 18): a program that
 * embeds the engine and renders forever must not grow. */
#include "harness.h"

#include "hoso.h"
#include "job.h"
#include "tpl/tpl.h"

#include <stdio.h>
#include <stdlib.h>

static void
quiet(void *user, const hs_diag *d)
{
    (void)user;
    (void)d;
}

static void
interning_is_sharing(void)
{
    hs_tpl_cache *c = hs_tpl_cache_new(NULL);
    char a[] = "templates/quote.xml", b[] = "templates/quote.xml";
    const char *x = hs_tpl_intern(c, a), *y = hs_tpl_intern(c, b);
    CHECK(x == y);
    CHECK(x != a);
    CHECK_STR(x, "templates/quote.xml");
    CHECK_INT(hs_tpl_interned(c), 1);
    CHECK(hs_tpl_intern(c, "templates/survey.xml") != x);
    CHECK_INT(hs_tpl_interned(c), 2);
    hs_tpl_cache_free(c);
}

/* Names of many documents (distinct record labels, one template): the
 * engine's strings stay what they were after the first document. */
static void
documents_do_not_grow_the_engine(void)
{
    const char *src = getenv("HS_SRCDIR");
    char fonts[4096], tpl[4096], rec[4096], prof[4096];
    snprintf(fonts, sizeof fonts, "%s/fonts", src ? src : ".");
    snprintf(tpl, sizeof tpl, "%s/templates/quote.xml", src ? src : ".");
    snprintf(rec, sizeof rec, "%s/samples/small.xml", src ? src : ".");
    snprintf(prof, sizeof prof, "%s/samples/profile.xml", src ? src : ".");
    hs_engine *e = hs_engine_new(getenv("HOSO_FONTS") ? getenv("HOSO_FONTS") : fonts, quiet, NULL);
    CHECK(e != NULL);
    if (e == NULL)
        return;
    hs_report r = hs_engine_report(e);
    size_t after_first = 0;
    for (int i = 0; i < 50; i++) {
        char label[64];
        snprintf(label, sizeof label, "record-%d.xml", i);
        struct hs_job job = {tpl, rec, label, prof, -1, 0, 0, 0, 1};
        hs_output out;
        CHECK_INT(hs_render_report(e, &job, &r, &out), 0);
        hs_output_free(&out);
        if (i == 0)
            after_first = hs_engine_interned(e);
    }
    CHECK(after_first > 0);
    CHECK_INT(hs_engine_interned(e), after_first);
    CHECK_INT(r.errors, 0);
    hs_engine_free(e);
}

int
main(void)
{
    RUN(interning_is_sharing);
    RUN(documents_do_not_grow_the_engine);
    return DONE();
}
