/* tests/fuzz/fuzz_template.c — the template loader and evaluator on any
 * bytes taken as a template, against samples/chinh-dai.xml with
 * samples/profile.xml; a template that evaluates is laid out too, since most
 * of what a template says (page, margins, columns, sizes) is read there.
 *
 * The template file sits in a scratch folder beside a link to
 * templates/parts/, so <include src="parts/…"> finds the real parts. Each
 * input gets its own template cache and arena, freed whatever happens:
 * success, or failure after at least one error that names a file. */
#include "fuzz.h"

#include "eval/eval.h"
#include "page/page.h"
#include "record/record.h"

#include <unistd.h>

/* A hostile template can ask for a lot (nested each over every node); past
 * this the engine stops the process by design (arena limit, hs_fatal), so
 * the limit stays below libFuzzer's -rss_limit_mb=2048 with ASan's overhead. */
#define MEMORY_LIMIT ((size_t)256 << 20)

static hs_arena *keep; /* the record and profile, for the whole run */
static xmlDocPtr record, profile;
static hs_fontset *fonts;
static const char *template_path;

static xmlDocPtr
load(const char *rel, hs_schema_kind kind)
{
    hs_report r = {0};
    hs_schema *s = hs_schema_new(kind, &r);
    xmlDocPtr doc = s ? hs_record_load(fz_src(rel), rel, s, keep, &r) : NULL;
    if (doc == NULL)
        fz_fail("cannot load %s", rel);
    hs_schema_free(s);
    return doc;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    keep = hs_arena_new(0);
    record = load("samples/chinh-dai.xml", HS_SCHEMA_RECORD);
    profile = load("samples/profile.xml", HS_SCHEMA_PROFILE);
    hs_report r = {0};
    fonts = hs_fontset_new(fz_fonts_dir(), &r);
    if (fonts == NULL)
        fz_fail("cannot load the fonts");
    if (symlink(fz_src("templates/parts"), fz_scratch_path("parts")) != 0)
        fz_fail("cannot link templates/parts into %s", fz_scratch());
    template_path = fz_scratch_path("template.xml");
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_write(template_path, data, size);
    fz_diags c;
    hs_report r = fz_report(&c, NULL);
    hs_tpl_cache *tpls = hs_tpl_cache_new(hs_eval_register_functions);
    hs_arena *a = hs_arena_new(MEMORY_LIMIT);
    hs_eval_in in = {a, &r, tpls, template_path, record, profile, -1, 0};
    hs_doc *doc = NULL;
    int rc = hs_eval_document(&in, &doc);
    if (rc == 0 && doc == NULL)
        fz_fail("eval succeeded without a document");
    if (rc == 0 && c.errors > 0)
        fz_fail("eval reported %d errors and succeeded", c.errors);
    if (rc == 0) {
        hs_pages pages = {0};
        rc = hs_page_document(doc, fonts, a, &r, &pages);
        if (rc == 0 && pages.count < 1)
            fz_fail("layout succeeded without a page");
    }
    if (rc != 0 && c.errors == 0)
        fz_fail("failed without an error");
    hs_arena_free(a);
    hs_tpl_cache_free(tpls);
    return 0;
}
