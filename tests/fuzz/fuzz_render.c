/* tests/fuzz/fuzz_render.c — the whole path of hs_render (record loader,
 * checks, evaluation of templates/quote.xml, layout, PDF) on any bytes taken
 * as a record, with samples/profile.xml.
 *
 * One engine for the run, as in a batch: fonts, schemas, the template and
 * the profile are loaded once. Each input gives a PDF, which is freed, or a
 * failure after at least one error that names a file. */
#include "fuzz.h"

#include "hoso.h"
#include "job.h"

static hs_engine *engine;
static hs_job job;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    engine = hs_engine_new(fz_fonts_dir(), NULL, NULL);
    if (engine == NULL)
        fz_fail("cannot make an engine");
    job.template_path = fz_src("templates/quote.xml");
    job.record_path = fz_scratch_path("record.xml");
    job.record_label = "fuzz.xml";
    job.profile_path = fz_src("samples/profile.xml");
    job.source_date_epoch = 1624406400; /* 2021-06-23: no clock in the output */
    /* Well under libFuzzer's -rss_limit_mb=2048 with ASan's overhead: past
     * it the engine stops the process by design (hs_fatal). */
    job.memory_limit = (size_t)256 << 20;
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_write(job.record_path, data, size);
    fz_diags c;
    hs_report r = fz_report(&c, NULL);
    hs_output out;
    int rc = hs_render_report(engine, &job, &r, &out);
    if (rc != 0 && c.errors == 0)
        fz_fail("render failed without an error");
    if (rc != 0 && (out.pdf != NULL || out.name != NULL))
        fz_fail("render failed and left an output");
    if (rc == 0 &&
        (c.errors > 0 || out.len < 5 || memcmp(out.pdf, "%PDF-", 5) != 0 || out.pages < 1))
        fz_fail("render succeeded without a PDF, or with %d errors", c.errors);
    hs_output_free(&out);
    return 0;
}
