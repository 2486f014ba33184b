/* tests/unit/test_batch.c — hs_batch_run through hoso.h, as a program that
 * embeds the engine sees it: each document's outcome is a value (made,
 * skipped, failed, crashed, timed out) with its error and what was said of
 * it, delivered to the program's callbacks; the batch's own problems go to
 * its diag callback. Run from the repository root; the crash and the hang
 * are the test hooks of the sanitizer build (HOSO_TEST_KILL, HOSO_TEST_HANG). */
#include "harness.h"
#include "hoso.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXD 16

typedef struct seen {
    int n;
    struct {
        char record[64], tpl[64];
        hs_outcome outcome;
        hs_code code;
        int ndiags, diag_code_ok, pages, has_output;
    } d[MAXD];
    int ndiag;
    char diag_file[512];
    int last_done, last_total, progress_calls;
} seen;

static const char *
base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void
on_document(void *user, const hs_batch_doc *d)
{
    seen *s = user;
    if (s->n == MAXD)
        return;
    snprintf(s->d[s->n].record, sizeof s->d[0].record, "%s", base(d->record));
    snprintf(s->d[s->n].tpl, sizeof s->d[0].tpl, "%s", base(d->template_path));
    s->d[s->n].outcome = d->outcome;
    s->d[s->n].code = d->error.code;
    s->d[s->n].ndiags = d->ndiags;
    s->d[s->n].diag_code_ok = d->ndiags == 0 || d->diags[0].code == d->error.code;
    s->d[s->n].pages = d->pages;
    s->d[s->n].has_output = d->output != NULL;
    s->n++;
}

static void
on_diag(void *user, const hs_diag *d)
{
    seen *s = user;
    s->ndiag++;
    snprintf(s->diag_file, sizeof s->diag_file, "%s", d->loc.file ? d->loc.file : "");
}

static void
on_progress(void *user, int done, int total)
{
    seen *s = user;
    s->last_done = done, s->last_total = total;
    s->progress_calls++;
}

static int
find(const seen *s, const char *record, const char *tpl)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->d[i].record, record) == 0 && strcmp(s->d[i].tpl, tpl) == 0)
            return i;
    return -1;
}

static char dir[64];
static hs_engine *engine;

static void
put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void
outcomes_are_values(void)
{
    char small[256], req[256], tiny[256], bad[256], kill[256], hang[256], out[256], rep[256];
    snprintf(req, sizeof req, "%s/req.xml", dir);
    snprintf(tiny, sizeof tiny, "%s/tiny.xml", dir);
    snprintf(bad, sizeof bad, "%s/bad.xml", dir);
    snprintf(kill, sizeof kill, "%s/kill-me.xml", dir);
    snprintf(hang, sizeof hang, "%s/hang-me.xml", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(rep, sizeof rep, "%s/report.jsonl", dir);
    snprintf(small, sizeof small, "samples/small.xml");
    const char *small_xml = slurp(small);
    CHECK(small_xml != NULL);
    if (small_xml == NULL)
        return;
    put("kill-me.xml", small_xml);
    put("hang-me.xml", small_xml);
    put("bad.xml", "<quote>\n");
    const char *templates[] = {req, tiny};
    const char *inputs[] = {small, bad, kill, hang};
    hs_batch_options o;
    hs_batch_options_init(&o);
    o.templates = templates, o.ntemplates = 2;
    o.inputs = inputs, o.ninputs = 4;
    o.out_dir = out;
    o.jobs = 4;
    o.timeout_s = 4; /* a hang is an hour: well past it, on a loaded machine too */
    o.report_path = rep;
    o.no_sync = 1;
    seen s = {0};
    hs_batch_events ev = {&s, on_document, on_diag, on_progress, NULL};
    hs_batch_stats st;
    setenv("HOSO_TEST_KILL", "kill-me", 1);
    setenv("HOSO_TEST_HANG", "hang-me", 1);
    CHECK_INT(hs_batch_run(engine, &o, &ev, &st), -1);
    unsetenv("HOSO_TEST_KILL");
    unsetenv("HOSO_TEST_HANG");
    CHECK_INT(s.n, 8);
    CHECK_INT(st.total, 8);
    CHECK_INT(st.ok, 1);
    CHECK_INT(st.skipped, 1);
    CHECK_INT(st.failed, 6);
    CHECK_INT(s.ndiag, 0);
    int i = find(&s, "small.xml", "tiny.xml");
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_INT(s.d[i].outcome, HS_OUTCOME_MADE);
        CHECK_INT(s.d[i].pages, 1);
        CHECK(s.d[i].has_output);
        CHECK_INT(s.d[i].ndiags, 0);
    }
    i = find(&s, "small.xml", "req.xml");
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_INT(s.d[i].outcome, HS_OUTCOME_SKIPPED);
        CHECK_INT(s.d[i].code, HS_CODE_MISSING);
        CHECK(s.d[i].ndiags >= 1); /* the error and its note */
        CHECK(s.d[i].diag_code_ok);
    }
    static const struct {
        const char *record;
        hs_outcome outcome;
        hs_code code;
    } want[] = {{"bad.xml", HS_OUTCOME_FAILED, HS_CODE_XML},
                {"kill-me.xml", HS_OUTCOME_CRASHED, HS_CODE_CRASH},
                {"hang-me.xml", HS_OUTCOME_TIMEOUT, HS_CODE_TIMEOUT}};
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++)
        for (int t = 0; t < 2; t++) {
            i = find(&s, want[w].record, t ? "tiny.xml" : "req.xml");
            CHECK(i >= 0);
            if (i < 0)
                continue;
            CHECK_INT(s.d[i].outcome, want[w].outcome);
            CHECK_INT(s.d[i].code, want[w].code);
            CHECK(!s.d[i].has_output);
            CHECK(s.d[i].ndiags >= 1); /* what a person is shown */
        }
    /* the progress of the render pass ends at the total */
    CHECK(s.progress_calls > 0);
    CHECK_INT(s.last_done, 8);
    CHECK_INT(s.last_total, 8);
    /* the report says the same, in the names of hs_outcome_name and hs_code_name */
    const char *report = slurp(rep);
    CHECK(report != NULL);
    if (report != NULL) {
        CHECK(strstr(report, "\"status\":\"crashed\"") != NULL);
        CHECK(strstr(report, "\"code\":\"crash\"") != NULL);
        CHECK(strstr(report, "\"status\":\"timeout\"") != NULL);
        CHECK(strstr(report, "\"status\":\"skipped\"") != NULL);
        CHECK(strstr(report, "\"code\":\"missing\"") != NULL);
        CHECK(strstr(report, "\"code\":\"xml\"") != NULL);
    }
    CHECK_STR(hs_outcome_name(HS_OUTCOME_FAILED), "error");
}

static void
batch_problems_go_to_diag(void)
{
    char tiny[256];
    snprintf(tiny, sizeof tiny, "%s/tiny.xml", dir);
    const char *templates[] = {tiny};
    const char *inputs[] = {"samples/small.xml"};
    hs_batch_options o;
    hs_batch_options_init(&o);
    o.templates = templates, o.ntemplates = 1;
    o.inputs = inputs, o.ninputs = 1;
    o.out_dir = "/proc/hoso-no-such-folder";
    seen s = {0};
    hs_batch_events ev = {&s, on_document, on_diag, on_progress, NULL};
    hs_batch_stats st;
    CHECK_INT(hs_batch_run(engine, &o, &ev, &st), -1);
    CHECK_INT(s.ndiag, 1);
    CHECK_STR(s.diag_file, "/proc/hoso-no-such-folder");
    CHECK_INT(s.n, 0);
    /* options from another version of the header are refused, said */
    o.version = HS_BATCH_OPTIONS_VERSION + 1;
    s.ndiag = 0;
    CHECK_INT(hs_batch_run(engine, &o, &ev, &st), -1);
    CHECK_INT(s.ndiag, 1);
}

int
main(void)
{
    snprintf(dir, sizeof dir, "/tmp/hoso-test-batch.XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 1;
    put("req.xml",
        "<document>\n<require path=\"survey\" what=\"the survey, which the sample has not\"/>\n"
        "<name>R {customer/short-name}</name>\n<p>{customer/name}</p>\n</document>\n");
    put("tiny.xml", "<document>\n<name>T {customer/short-name}</name>\n<p>{customer/name}</p>\n"
                    "</document>\n");
    const char *fonts = getenv("HOSO_FONTS");
    engine = hs_engine_new(fonts ? fonts : "build/fonts", NULL, NULL);
    CHECK(engine != NULL);
    if (engine != NULL) {
        RUN(outcomes_are_values);
        RUN(batch_problems_go_to_diag);
        hs_engine_free(engine);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    return DONE();
}
