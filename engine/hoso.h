/* engine/hoso.h — the public API of the hoso engine (libhoso.a).
 *
 * An engine holds what many documents share: fonts, parsed templates, the
 * compiled schemas and the company profile. A job renders one record through
 * one template into PDF bytes in memory; nothing is written until the caller
 * asks, and then atomically. Diagnostics go to the hs_report the caller
 * passes ("file:line: error: message [code]"); functions return 0 or -1. */
#ifndef HOSO_H
#define HOSO_H

#include "base/base.h"

#include <stddef.h>
#include <stdio.h>

#define HS_VERSION "0.1.0"

const char *hs_version(void);

typedef struct hs_engine hs_engine;

/* fonts_dir holds families.conf and the font files. NULL after reporting. */
hs_engine *hs_engine_new(const char *fonts_dir, hs_report *r);
void hs_engine_free(hs_engine *e);
/* on: a record that fails to load has its errors said for its first
 * document only; its other documents (templates) fail with one line each. */
void hs_engine_say_record_errors_once(hs_engine *e, int on);

typedef struct hs_job {
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
} hs_job;

typedef struct hs_output {
    unsigned char *pdf; /* malloc'd */
    size_t len;
    char *name; /* the template's <name>, NFC, or NULL; malloc'd */
    int pages;
} hs_output;

/* Render one document. On success *out holds the PDF; free it with
 * hs_output_free. On failure nothing is allocated and -1 is returned. */
int hs_render(hs_engine *e, const hs_job *job, hs_report *r, hs_output *out);

/* Parse a template and the profile into the engine, without rendering
 * anything (a batch's parent, before it forks its workers). Problems are
 * not reported here: the document that needs the file reports them. */
void hs_engine_warm(hs_engine *e, const char *template_path, const char *profile_path);
void hs_output_free(hs_output *o);

/* Compile a template and its includes alone, no record: every mistake in
 * them reported (with strict, path steps the schemas do not define too).
 * Returns 0 or -1. */
int hs_check_template(hs_engine *e, const char *template_path, int strict, hs_report *r);

/* The reference of the template vocabulary: format "text", "man" or
 * "markdown". Returns 0, or -1 for an unknown format. */
int hs_print_template_reference(const char *format, FILE *out);

/* ---- batch: many documents, a worker process each ---- */
typedef struct hs_batch_opts {
    const char **templates;
    int ntemplates;
    const char *profile_path;
    const char **inputs; /* record files, folders (their *.xml) or "-" (paths on stdin) */
    int ninputs;
    const char *out_dir;
    int jobs;                /* worker processes at once; 0: the number of cores */
    double timeout_s;        /* per document; 0: none */
    size_t memory_limit;     /* per document, bytes */
    const char *report_path; /* JSON Lines, appended; "-": stdout; NULL: none */
    const char *resume_path; /* a report of an earlier run: skip what it finished */
    int shard_k, shard_n;    /* render only shard k of n (1-based); n <= 1: all */
    int ascii_names, quiet;
    long long source_date_epoch;
    int strict;    /* --strict */
    int overwrite; /* a computed name may replace a file hoso did not make */
    int no_sync;   /* no fsync: faster, for scratch work */
} hs_batch_opts;

typedef struct hs_batch_stats {
    int total, ok, failed, skipped, resumed;
    int stopped;       /* the signal that stopped the batch (SIGTERM, SIGINT, SIGHUP);
                          0: none */
    int report_failed; /* the report could not be written: the batch stopped */
    double seconds;
} hs_batch_stats;

/* Render every record × template. Returns 0 when no document failed
 * (skipped ones, whose record lacks a part the template needs, do not count),
 * -1 otherwise. Each document's outcome is a line of the report. */
int hs_batch_run(hs_engine *e, const hs_batch_opts *o, hs_batch_stats *st);

/* A file name for a document name: NFC, characters that are unsafe in file
 * names replaced by '_', no leading dot or space, at most 200 bytes, ".pdf"
 * added. ascii: transliterated to ASCII first ("Báo giá" -> "Bao gia").
 * Returns a malloc'd string, or NULL after reporting. */
char *hs_file_name(const char *name, int ascii, hs_report *r);

/* s with control characters and bytes that are not UTF-8 written as \n,
 * \t, \xNN: safe to print on a terminal or in a log line. malloc'd. */
char *hs_escape(const char *s);

/* How hs_write_document may take its name (the same values as out/out.h). */
#define HS_WRITE_REPLACE 1   /* an explicit output file: replace it */
#define HS_WRITE_OVERWRITE 2 /* a computed name may replace any file there */
#define HS_WRITE_NO_SYNC 4   /* no fsync (scratch work) */

/* Write a document to path through a temporary file in the same folder,
 * fsync, a move, then fsync of the folder: path never holds half a file and
 * an error leaves nothing. With HS_WRITE_REPLACE (an explicit output file)
 * the move replaces what is there; otherwise (a name computed in a folder)
 * the document is first marked as record × template's own
 * (hs_mark_owner), and the move never replaces a file that is not, unless
 * flags has HS_WRITE_OVERWRITE. */
int hs_write_document(const char *path, hs_output *o, const char *record, const char *template_path,
                      int flags, hs_report *r);
/* Put the mark of record × template into o's PDF: a comment line before its
 * cross-reference table, by which a later run knows the file as its own. */
int hs_mark_owner(hs_output *o, const char *record, const char *template_path, hs_report *r);
/* From a signal handler: remove the temporary file of a hs_write_document in
 * progress, so that a killed process leaves no partial file. */
void hs_write_abandon(void);

#endif
