/* engine/job.h — what engine/batch/ and the tests use of job.c beyond
 * hoso.h: a job's fields, and the operations with a report of the caller's
 * own (a batch's worker holds each document's diagnostics to send them to
 * its parent). hoso.h's functions are these with the engine's sink. */
#ifndef HS_JOB_H
#define HS_JOB_H

#include "base/base.h"

struct hs_job {
    const char *template_path;
    const char *record_path;     /* "-": standard input */
    const char *record_label;    /* the record's name in messages; NULL: record_path */
    const char *profile_path;    /* the company profile, or NULL */
    long long source_date_epoch; /* -1: none (then dates come from the template) */
    size_t memory_limit;         /* bytes for this document; 0: the default (1 GiB) */
    double time_limit;           /* seconds for this document; 0: none (with name_only: the
                                    work of that many seconds, not the clock) */
    int strict;                  /* every path step of the template must be in the schemas */
    int name_only;               /* the file name alone: the record loaded and checked, of the
                                    template only what decides the name (no PDF) */
};

/* A report to the engine's sink, its error count at 0. */
hs_report hs_engine_report(const hs_engine *e);

int hs_render_report(hs_engine *e, const hs_job *job, hs_report *r, hs_output *out);
int hs_dump_report(hs_engine *e, const hs_job *job, hs_stage stage, hs_report *r, char **text);
int hs_check_template_report(hs_engine *e, const char *template_path, int strict, hs_report *r);
char *hs_file_name_report(const char *name, int ascii, hs_report *r);
int hs_write_document_report(const char *path, hs_output *o, const char *record,
                             const char *template_path, int flags, hs_report *r);

/* Parse a template and the profile into the engine, and build the record
 * schema and --strict's names, without rendering anything (a batch's
 * parent, before it forks its workers). Problems are not reported here:
 * the document that needs the file reports them. */
void hs_engine_warm(hs_engine *e, const char *template_path, const char *profile_path);
/* DIR/families.conf of the engine's fonts: a batch resumed with other fonts is no resume. */
const char *hs_engine_fonts_conf(const hs_engine *e);
/* The GNU build id of the running program as hex digits (cache/:
 * hs_cache_build_id), NULL when it has none: a batch resumed by another
 * build of the same version is no resume. */
const char *hs_engine_build_id(void);

/* Put the mark of record × template (in the folder out_dir) into o's PDF: a comment line before its
 * cross-reference table, by which a later run knows the file as its own. */
int hs_mark_owner(hs_output *o, const char *record, const char *template_path, const char *out_dir,
                  hs_report *r);
/* The same with the mark worked out already (hs_out_owner: a batch's
 * parent makes each document's once, for its worker and for itself). */
int hs_mark_with(hs_output *o, const char *owner, const char *record, hs_report *r);
/* A batch's name pass validated the bytes of record whose digest (base/digest.c) is
 * digest: its render pass need not validate them again (record/known.c); and the
 * list forgotten at the end of the batch. */
void hs_job_record_validated(const char *record, const char *digest);
void hs_job_records_validated_forget(void);

#endif
