/* engine/api.c — hoso.h's jobs and the operations that report to the
 * engine's sink (job.c has them with a report of the caller's own). */
#include "hoso.h"
#include "job.h"
#include "out/out.h"

#include <stdlib.h>
#include <string.h>

/* The job's strings are its own: the fields of job.h point to these. */
typedef struct owned_job {
    struct hs_job job; /* first: an hs_job * is an owned_job * */
    char *strings[3];  /* template, record, profile */
} owned_job;

static char *
own(const char *s)
{
    if (s == NULL)
        return NULL;
    char *d = strdup(s);
    if (d == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return d;
}

hs_job *
hs_job_new(const char *template_path, const char *record_path)
{
    owned_job *o = calloc(1, sizeof *o);
    if (o == NULL)
        return NULL;
    o->job.template_path = o->strings[0] = own(template_path);
    o->job.record_path = o->strings[1] = own(record_path);
    o->job.source_date_epoch = -1;
    o->job.strict = 1; /* a misspelt path step is an error, not a blank */
    return &o->job;
}

void
hs_job_free(hs_job *j)
{
    owned_job *o = (owned_job *)j;
    if (o == NULL)
        return;
    for (size_t i = 0; i < sizeof o->strings / sizeof o->strings[0]; i++)
        free(o->strings[i]);
    free(o);
}

void
hs_job_set_profile(hs_job *j, const char *profile_path)
{
    owned_job *o = (owned_job *)j;
    free(o->strings[2]);
    j->profile_path = o->strings[2] = own(profile_path);
}

void
hs_job_set_source_date_epoch(hs_job *j, long long seconds)
{
    j->source_date_epoch = seconds;
}

void
hs_job_set_memory_limit(hs_job *j, size_t bytes)
{
    j->memory_limit = bytes;
}

void
hs_job_set_time_limit(hs_job *j, double seconds)
{
    j->time_limit = seconds;
}

void
hs_job_set_strict(hs_job *j, int on)
{
    j->strict = on;
}

int
hs_render(hs_engine *e, const hs_job *job, hs_output *out)
{
    hs_report r = hs_engine_report(e);
    return hs_render_report(e, job, &r, out);
}

int
hs_dump(hs_engine *e, const hs_job *job, hs_stage stage, char **text)
{
    hs_report r = hs_engine_report(e);
    return hs_dump_report(e, job, stage, &r, text);
}

int
hs_check_template(hs_engine *e, const char *template_path, int strict)
{
    hs_report r = hs_engine_report(e);
    return hs_check_template_report(e, template_path, strict, &r);
}

char *
hs_file_name(hs_engine *e, const char *name, int ascii)
{
    hs_report r = hs_engine_report(e);
    return hs_file_name_report(name, ascii, &r);
}

char *
hs_document_name(const hs_output *o, const char *record)
{
    if (o->name == NULL)
        return hs_out_unnamed(record);
    char *s = strdup(o->name);
    if (s == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return s;
}

int
hs_write_document(hs_engine *e, const char *path, hs_output *o, const char *record,
                  const char *template_path, int flags)
{
    hs_report r = hs_engine_report(e);
    return hs_write_document_report(path, o, record, template_path, flags, &r);
}

void
hs_batch_options_init(hs_batch_options *o)
{
    memset(o, 0, sizeof *o);
    o->version = HS_BATCH_OPTIONS_VERSION;
    o->source_date_epoch = -1;
    o->strict = 1;
}
