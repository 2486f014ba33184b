/* engine/hoso.h — the public API of the hoso engine (libhoso.a).
 *
 * An engine holds what many documents share: fonts, parsed templates, the
 * compiled schemas and the company profile. A job names one record and one
 * template; hs_render makes its PDF in memory; nothing is written until the
 * caller asks, and then atomically. The library prints nothing: every
 * diagnostic goes to the sink the engine was made with, as an hs_diag
 * (severity, code, file, line, message); functions return 0 or -1, and -1
 * means at least one error went to the sink. This header includes only
 * system headers. */
#ifndef HOSO_H
#define HOSO_H

#include <stddef.h>
#include <stdio.h>

#define HS_VERSION "0.1.0"

const char *hs_version(void);

/* ---- diagnostics ---- */

/* Where a thing came from: a record or template file and a 1-based line.
 * file points into a string that outlives the document (engine-owned). */
typedef struct hs_loc {
    const char *file;
    long line;
} hs_loc;

typedef enum hs_severity { HS_SEV_ERROR, HS_SEV_WARNING, HS_SEV_NOTE } hs_severity;

/* What a diagnostic is about: a stable value for programs, and a stable
 * short name (hs_code_name) that ends each message ("[schema]") and is the
 * "code" of a batch report's error. This list is the one place the codes are
 * documented; the names never change. */
typedef enum hs_code {
    HS_CODE_NONE = 0, /* "": a note, which has no code of its own */
    /* the inputs */
    HS_CODE_XML,    /* "xml": not well-formed XML, an empty file */
    HS_CODE_SCHEMA, /* "schema": the record or profile does not match its schema */
    HS_CODE_UTF8,   /* "utf8": bytes that are not UTF-8 */
    HS_CODE_TEXT,   /* "text": a text with a character it may not hold (invisible, bidi) */
    HS_CODE_LIMIT,  /* "limit": a size, depth, memory or time limit passed */
    HS_CODE_IO,     /* "io": a file that cannot be read, written or synced */
    HS_CODE_USAGE,  /* "usage": something the command line must give is missing */
    HS_CODE_RECORD, /* "record": a document not made because its record has errors */
    /* the record's business rules (record/) */
    HS_CODE_AMOUNT,     /* "amount": not an amount in đồng, or one out of range */
    HS_CODE_VAT,        /* "vat": a VAT rate missing, malformed or inconsistent */
    HS_CODE_TOTAL,      /* "total": a total that is not the sum of its parts */
    HS_CODE_DEPOSIT,    /* "deposit": a quote's deposit its payment terms do not state */
    HS_CODE_DATE_ORDER, /* "date-order": dates of a journey out of order */
    HS_CODE_CLOSING,    /* "closing": a date past the request's closing (a quote valid too long) */
    HS_CODE_SIGNER,     /* "signer": who signs does not match the parties */
    HS_CODE_SCHEDULE,   /* "schedule": a schedule function given dates it cannot use */
    /* the template and its evaluation (tpl/, eval/) */
    HS_CODE_TEMPLATE, /* "template": a template that is wrong */
    HS_CODE_STRICT,   /* "strict": a path step the schemas do not define (--strict) */
    HS_CODE_XPATH,    /* "xpath": an XPath expression that does not compile or run */
    HS_CODE_MISSING,  /* "missing": the record lacks a part the template needs (a skip) */
    HS_CODE_CHECK,    /* "check": a template's <check> that the record fails */
    HS_CODE_DATE,     /* "date": a value given to a date function that is not a date */
    HS_CODE_NUMBER,   /* "number": a value given to a number function that is not one */
    HS_CODE_VIETQR,   /* "vietqr": a VietQR payment (bank, account, purpose) that is wrong */
    /* layout and output (font/, layout/, render/, out/) */
    HS_CODE_FONT,   /* "font": a font list or font file that is unusable */
    HS_CODE_GLYPH,  /* "glyph": a character no font of the run's family has */
    HS_CODE_LAYOUT, /* "layout": content that cannot be laid out (no room, a bad table) */
    HS_CODE_IMAGE,  /* "image": an image that cannot be decoded or placed */
    HS_CODE_QR,     /* "qr": a QR code that cannot be made or placed */
    HS_CODE_PDF,    /* "pdf": libharu failed to make the PDF */
    HS_CODE_EXISTS, /* "exists": a file there that hoso did not make (no --overwrite) */
    /* a batch's report only (hs_batch_run) */
    HS_CODE_NAME,     /* "name": a document's name changed while the batch ran */
    HS_CODE_TIMEOUT,  /* "timeout": a document stopped past --timeout */
    HS_CODE_CRASH,    /* "crash": the worker making a document died */
    HS_CODE_INTERNAL, /* "internal": a failure of hoso itself (a bug) */
    HS_CODE_COUNT     /* not a code: how many there are */
} hs_code;

/* The short name of a code ("schema"); "" for HS_CODE_NONE and for a value
 * that is not a code. */
const char *hs_code_name(hs_code c);

/* One diagnostic. */
typedef struct hs_diag {
    hs_severity severity;
    hs_loc loc;
    hs_code code;
    const char *message; /* UTF-8, one line */
} hs_diag;

typedef void hs_diag_sink(void *user, const hs_diag *d);

/* Where an engine's diagnostics go: called once per diagnostic, in order;
 * d and its strings last only for the call. */
typedef void hs_diag_sink(void *user, const hs_diag *d);

/* "file:line: error: message [code]" into buf (truncated to cap), as GCC
 * writes them; returns the length it needed. The message may hold any
 * character of the inputs: hs_escape it before a terminal sees it. */
int hs_diag_format(const hs_diag *d, char *buf, size_t cap);

/* s with control characters and bytes that are not UTF-8 written as \n,
 * \t, \xNN: safe to print on a terminal or in a log line (a file name or a
 * record cannot forge a line). malloc'd. */
char *hs_escape(const char *s);

/* Out of memory or a broken invariant ends the process (abort). Its message
 * goes to fn first, if the program set one: the library prints nothing. */
void hs_set_fatal_handler(void (*fn)(const char *message));

/* ---- the engine ---- */
typedef struct hs_engine hs_engine;

/* fonts_dir holds families.conf and the font files. Every diagnostic of the
 * engine, this call's included, goes to sink (NULL: none is delivered).
 * NULL after reporting. */
hs_engine *hs_engine_new(const char *fonts_dir, hs_diag_sink *sink, void *user);
void hs_engine_free(hs_engine *e);
/* on: a record that fails to load has its errors said for its first
 * document only; its other documents (templates) fail with one line each. */
void hs_engine_say_record_errors_once(hs_engine *e, int on);
/* How many file labels the engine keeps (templates, their parts, profiles):
 * it grows with the files the engine reads, never with the documents it
 * makes, so that a program that embeds the engine runs in bounded memory. */
size_t hs_engine_interned(const hs_engine *e);

/* ---- one document ---- */
typedef struct hs_job hs_job;

/* A job of record × template (record "-": standard input). Strings given to
 * a job are copied. NULL only if memory ran out. */
hs_job *hs_job_new(const char *template_path, const char *record_path);
void hs_job_free(hs_job *j);
void hs_job_set_profile(hs_job *j, const char *profile_path); /* the company profile */
/* The creation date written into the PDF; -1 (the default): the template's. */
void hs_job_set_source_date_epoch(hs_job *j, long long seconds);
void hs_job_set_memory_limit(hs_job *j, size_t bytes); /* 0 (the default): 1 GiB */
void hs_job_set_time_limit(hs_job *j, double seconds); /* 0 (the default): none */
/* on (the default): every path step of the template must be in the schemas,
 * so that a misspelt one is an error rather than a blank */
void hs_job_set_strict(hs_job *j, int on);

typedef struct hs_output {
    unsigned char *pdf; /* malloc'd */
    size_t len;
    char *name; /* the template's <name>, NFC, or NULL; malloc'd */
    int pages;
} hs_output;

/* Render one document. On success *out holds the PDF; free it with
 * hs_output_free. On failure nothing is allocated and -1 is returned. */
int hs_render(hs_engine *e, const hs_job *job, hs_output *out);

/* The stages `hoso dump` shows: the compiled template, the document tree
 * (after evaluation), the laid-out pages (after pagination). */
typedef enum hs_stage { HS_STAGE_TPL, HS_STAGE_DOC, HS_STAGE_PAGES } hs_stage;

/* The output of one stage for job as text, deterministic (no pointers,
 * positions to 0.01 pt), malloc'd into *text. HS_STAGE_TPL reads no record
 * (the job's record may be NULL). Returns 0, or -1 after reporting to the
 * engine's sink. */
int hs_dump(hs_engine *e, const hs_job *job, hs_stage stage, char **text);
void hs_output_free(hs_output *o);

/* Compile a template and its includes alone, no record: every mistake in
 * them reported (with strict, path steps the schemas do not define too).
 * Returns 0 or -1. */
int hs_check_template(hs_engine *e, const char *template_path, int strict);

/* The reference of the template vocabulary: format "text", "man" or
 * "markdown". Returns 0, or -1 for an unknown format. */
int hs_print_template_reference(const char *format, FILE *out);

/* A file name for a document name, as hoso names its files: NFC, characters
 * that are unsafe in file names replaced by '_', no leading dot or space, at
 * most 200 bytes, ".pdf" added. ascii: transliterated to ASCII first ("Báo
 * giá" -> "Bao gia"). Returns a malloc'd string, or NULL after reporting. */
char *hs_file_name(hs_engine *e, const char *name, int ascii);
/* The name a document takes in a folder, render and batch alike: its
 * template's <name>, else its record's file name without the folder and
 * ".xml" ("-", standard input: "document"). malloc'd; for hs_file_name. */
char *hs_document_name(const hs_output *o, const char *record);

/* How hs_write_document may take its name. */
#define HS_WRITE_REPLACE 1   /* an explicit output file: replace it */
#define HS_WRITE_OVERWRITE 2 /* a computed name may replace any file there */
#define HS_WRITE_NO_SYNC 4   /* no fsync (scratch work) */

/* Write a document to path through a temporary file in the same folder,
 * fsync, a move, then fsync of the folder: path never holds half a file and
 * an error leaves nothing. With HS_WRITE_REPLACE (an explicit output file)
 * the move replaces what is there; otherwise (a name computed in a folder)
 * the document is first marked as record × template's own (a comment line
 * in the PDF), and the move never replaces a file that is not, unless flags
 * has HS_WRITE_OVERWRITE. Returns 0 or -1 (reported to e's sink). */
int hs_write_document(hs_engine *e, const char *path, hs_output *o, const char *record,
                      const char *template_path, int flags);
/* From a signal handler: remove the temporary file of a hs_write_document in
 * progress, so that a killed process leaves no partial file. */
void hs_write_abandon(void);

/* ---- batch: many documents, a worker process each ---- */
#define HS_BATCH_OPTIONS_VERSION 1

/* Fill with hs_batch_options_init, then set what differs: a program built
 * against an older header keeps working (version says which fields it has). */
typedef struct hs_batch_options {
    int version; /* HS_BATCH_OPTIONS_VERSION */
    const char **templates;
    int ntemplates;
    const char *profile_path;
    const char **inputs; /* record files, folders (their *.xml) or "-" (paths on stdin) */
    int ninputs;
    const char *out_dir;
    int jobs;                    /* worker processes at once; 0: the number of cores */
    double timeout_s;            /* per document; 0: none */
    size_t memory_limit;         /* per document, bytes; 0: the default (1 GiB) */
    const char *report_path;     /* JSON Lines, appended; "-": stdout; NULL: none */
    const char *resume_path;     /* a report of an earlier run: skip what it finished */
    int shard_k, shard_n;        /* render only shard k of n (1-based); n <= 1: all */
    int ascii_names;             /* file names in ASCII */
    long long source_date_epoch; /* -1: none */
    int strict;                  /* every path step of the template must be in the schemas
                                    (hs_batch_options_init: on) */
    int overwrite;               /* a computed name may replace a file hoso did not make */
    int no_sync;                 /* no fsync: faster, for scratch work */
} hs_batch_options;

/* Every field 0 or NULL but version and source_date_epoch (-1). */
void hs_batch_options_init(hs_batch_options *o);

typedef struct hs_batch_stats {
    int total, ok, failed, skipped, resumed;
    int stopped;       /* the signal given to hs_batch_stop (SIGTERM, SIGINT, SIGHUP); 0: none */
    int not_made;      /* stopped: this shard's documents not made */
    int report_failed; /* the report could not be written: the batch stopped */
    double seconds;
} hs_batch_stats;

/* What became of one document: its report line's "status". */
typedef enum hs_outcome {
    HS_OUTCOME_MADE,    /* "ok": written, synced, reported */
    HS_OUTCOME_SKIPPED, /* "skipped": the record lacks a part the template needs */
    HS_OUTCOME_FAILED,  /* "error" */
    HS_OUTCOME_CRASHED, /* "crashed": its worker died */
    HS_OUTCOME_TIMEOUT  /* "timeout": stopped past the time limit */
} hs_outcome;

/* "ok", "skipped", "error", "crashed", "timeout". */
const char *hs_outcome_name(hs_outcome o);

/* One document done, as its report line says it. */
typedef struct hs_batch_doc {
    const char *record, *template_path;
    hs_outcome outcome;
    const char *output; /* made: the file written; otherwise NULL */
    int pages;
    size_t bytes;
    double ms;
    hs_diag error;        /* not made: the error of its report line */
    const hs_diag *diags; /* what was said about it, to show a person (may be none) */
    int ndiags;
} hs_batch_doc;

/* Where a batch tells what it does; any member may be NULL. Each is called
 * in the caller's process, in the order things happen. */
typedef struct hs_batch_events {
    void *user;
    /* each document, once, just before its line is written to the report */
    void (*document)(void *user, const hs_batch_doc *d);
    /* a problem of the batch itself, not of one document (a folder, the report) */
    void (*diag)(void *user, const hs_diag *d);
    /* render pass: done of total documents finished (resumed ones included) */
    void (*progress)(void *user, int done, int total);
    /* fewer workers than asked for could be started: from lowered to to */
    void (*workers_lowered)(void *user, int from, int to, const char *why);
} hs_batch_events;

/* Render every record × template. Returns 0 when no document failed
 * (skipped ones, whose record lacks a part the template needs, do not count),
 * -1 otherwise. Each document's outcome, with what was said of it, is a
 * call of ev->document and a line of the report; the batch's own problems
 * go to ev->diag (not to the engine's sink); ev may be NULL. A write to a worker that died must
 * fail, not kill the caller: SIGPIPE is ignored while the batch runs (and restored after). */
int hs_batch_run(hs_engine *e, const hs_batch_options *o, const hs_batch_events *ev,
                 hs_batch_stats *st);

/* Async-signal-safe, for the caller's SIGTERM, SIGINT, SIGHUP handler: the
 * running batch starts no new document, kills the running ones (their
 * temporary files removed) and returns, with st->stopped = sig; the report
 * lists what was made, so a resumed run goes on from there. */
void hs_batch_stop(int sig);

#endif
