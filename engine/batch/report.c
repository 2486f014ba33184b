/* engine/batch/report.c — the JSON Lines report, one line per document, and the caller told
 * of each document (hs_batch_events) as its line is written. */
#include "batch/batch.h"

/* A problem of the batch itself (not of one document) to the caller. */
void
hs_bt_diag(const run *r, const char *file, hs_code code, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    hs_diag d = {HS_SEV_ERROR, {file, 0}, code, msg};
    if (r->ev->diag != NULL)
        r->ev->diag(r->ev->user, &d);
}

/* '{"record":…,"template":…,' — the start of every line about a job. */
char *
hs_bt_line_prefix(const bjob *j)
{
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_buf_addc(&b, '{');
    hs_out_json_field(&b, "record", j->record);
    hs_buf_addc(&b, ',');
    hs_out_json_field(&b, "template", j->template_path);
    hs_buf_addc(&b, ',');
    char *s = hs_bt_strdup(b.data);
    hs_arena_free(a);
    return s;
}

/* What a document's bytes depend on beyond the files it read and the
 * profile: the program (its version, and its build id: a rebuilt hoso of
 * the same version may make other bytes), the font folder (its files are among the inputs,
 * but another folder's are other files), the date it prints
 * (SOURCE_DATE_EPOCH) and --strict (a check it passed or was spared). Not
 * -j, --no-sync, --timeout or --memory: they change whether a document is
 * made, never what it holds. A resumed run with another of these makes the
 * document again. NULL for a program without a build id (linked with
 * --build-id=none): no telling its build from another, so no document is
 * skipped as done. */
char *
hs_bt_made_with(const run *r)
{
    const char *build = hs_engine_build_id();
    if (build == NULL)
        return NULL;
    const char *conf = hs_engine_fonts_conf(r->e);
    char real[PATH_MAX], num[32] = "none";
    if (realpath(conf, real) == NULL)
        snprintf(real, sizeof real, "%s", conf);
    if (r->o->source_date_epoch >= 0)
        snprintf(num, sizeof num, "%lld", r->o->source_date_epoch);
    char *s = malloc(strlen(real) + strlen(build) + 128);
    if (s == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    sprintf(s, "hoso %s build %s; fonts %s; SOURCE_DATE_EPOCH %s; %s", hs_version(), build, real,
            num, r->o->strict ? "strict" : "no-strict");
    return s;
}

static void
report_line(run *r, const bjob *j, const hs_batch_doc *d)
{
    if (r->report == NULL)
        return;
    if (r->report_errno != 0) {
        r->unreported++;
        return;
    }
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_buf_adds(&b, j->prefix);
    hs_out_json_field(&b, "status", hs_outcome_name(d->outcome));
    hs_buf_addc(&b, ',');
    hs_out_json_field(&b, "output", d->output ? d->output : "");
    if (d->outcome == HS_OUTCOME_MADE && j->name != NULL) {
        /* the name before clashes were resolved: a resumed run needs no
         * name pass for this document */
        hs_buf_addc(&b, ',');
        hs_out_json_field(&b, "name", j->name);
    }
    if (d->outcome == HS_OUTCOME_MADE && j->inputs != NULL) {
        /* what every file it read held: --resume makes it again if one changed */
        hs_buf_adds(&b, ",\"inputs\":[");
        for (const char *p = j->inputs, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
            if (p != j->inputs)
                hs_buf_addc(&b, ',');
            hs_out_json_string(&b, p, (size_t)(nl - p));
        }
        hs_buf_addc(&b, ']');
        /* the profile it was made with: a run with another is no resume of it */
        if (r->o->profile_path != NULL) {
            hs_buf_addc(&b, ',');
            hs_out_json_field(&b, "profile", r->o->profile_path);
        }
    } else if (d->outcome == HS_OUTCOME_MADE && j->unlisted) {
        /* too many files to list: --resume knows nothing of them, and makes it again */
        hs_buf_adds(&b, ",\"inputs\":null");
    }
    if (d->outcome == HS_OUTCOME_MADE && r->made_with != NULL) {
        hs_buf_addc(&b, ',');
        hs_out_json_field(&b, "made_with", r->made_with);
    }
    hs_buf_printf(&b, ",\"pages\":%d,\"bytes\":%zu,\"ms\":%.1f", d->pages, d->bytes, d->ms);
    if (d->outcome != HS_OUTCOME_MADE) {
        hs_buf_adds(&b, ",\"error\":{");
        hs_out_json_field(&b, "file", d->error.loc.file ? d->error.loc.file : "");
        hs_buf_printf(&b, ",\"line\":%ld,", d->error.loc.line);
        hs_out_json_field(&b, "code", hs_code_name(d->error.code));
        hs_buf_addc(&b, ',');
        hs_out_json_field(&b, "message", d->error.message ? d->error.message : "");
        hs_buf_addc(&b, '}');
    }
    hs_buf_adds(&b, "}\n");
    errno = 0;
    if (fwrite(b.data, 1, b.len, r->report) != b.len || fflush(r->report) != 0) {
        r->report_errno = errno ? errno : EIO;
        r->unreported++;
    }
    hs_arena_free(a);
}

const char *
hs_outcome_name(hs_outcome o)
{
    static const char *const names[] = {"ok", "skipped", "error", "crashed", "timeout"};
    return (unsigned)o < sizeof names / sizeof names[0] ? names[o] : "";
}

/* A document is done: counted, the caller told, its line in the report. */
void
hs_bt_doc_done(run *r, const bjob *j, hs_batch_doc *d)
{
    d->record = j->record;
    d->template_path = j->template_path;
    if (d->outcome == HS_OUTCOME_MADE)
        r->st->ok++;
    else if (d->outcome == HS_OUTCOME_SKIPPED)
        r->st->skipped++;
    else
        r->st->failed++;
    if (r->ev->document != NULL)
        r->ev->document(r->ev->user, d);
    report_line(r, j, d);
}

/* A document not made, with the error of its report line and what is said
 * of it (diags[0..n)). */
void
hs_bt_doc_failed(run *r, const bjob *j, hs_outcome outcome, double ms, hs_diag error,
                 const hs_diag *diags, int n)
{
    hs_batch_doc d = {0};
    d.outcome = outcome;
    d.ms = ms;
    d.error = error;
    d.diags = diags;
    d.ndiags = n;
    hs_bt_doc_done(r, j, &d);
}
