/* engine/job.c — one document: record → eval → layout → render, in one arena.
 *
 * The engine keeps what every document shares (fonts, templates, schemas, the
 * profile); everything a document makes lives in its arena and is freed in
 * one go, whether the document succeeds or not. */
#include "job.h"
#include "hoso.h"

#include "cache/cache.h"
#include "eval/eval.h"
#include "font/font.h"
#include "image/image.h"
#include "out/out.h"
#include "page/page.h"
#include "record/record.h"
#include "render/render.h"
#include "text/text.h"
#include "tpl/tpl.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#ifdef HS_TEST_HOOKS
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#define DEFAULT_MEMORY_LIMIT ((size_t)1 << 30)
/* The work a name may take per second of --timeout: XPath steps (libxml2's
 * count) and template nodes walked. A slow machine's rate (16 million steps
 * a second were measured on a loaded 2-core machine, eval/expr.c), so that
 * a name stopped here has taken about --timeout or less. */
#define HS_NAME_STEPS_PER_SECOND 10e6

struct hs_engine {
    hs_fontset *fonts;
    hs_tpl_cache *tpls;
    hs_schema *record_schema, *profile_schema;
    hs_arena *arena;    /* engine-lifetime strings and the profile document */
    char *profile_path; /* the profile loaded, to load it once for a batch */
    xmlDocPtr profile;
    int record_errors_once; /* say a bad record's errors for its first document only */
    char *bad_record;       /* the last record that did not load, when so */
    int bad_record_errors;
    hs_diag_sink *sink; /* the program's: where hoso.h's functions report */
    void *user;
};

hs_report
hs_engine_report(const hs_engine *e)
{
    return (hs_report){e->sink, e->user, 0, 20};
}

void
hs_engine_say_record_errors_once(hs_engine *e, int on)
{
    e->record_errors_once = on;
}

size_t
hs_engine_interned(const hs_engine *e)
{
    return hs_tpl_interned(e->tpls);
}

const char *
hs_version(void)
{
    return HS_VERSION;
}

/* hs_tpl_xsd_fn: the engine's schemas, for --strict */
static xmlDocPtr
schema_doc(void *user, int profile, hs_report *r)
{
    hs_engine *e = user;
    return hs_schema_doc(profile ? e->profile_schema : e->record_schema, r);
}

hs_engine *
hs_engine_new(const char *fonts_dir, hs_diag_sink *sink, void *user)
{
    hs_engine *e = calloc(1, sizeof *e);
    if (e == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    e->sink = sink, e->user = user;
    hs_report rep = hs_engine_report(e), *r = &rep;
    hs_xml_use_budget(); /* before libxml2 allocates anything */
    e->arena = hs_arena_new(0);
    e->tpls = hs_tpl_cache_new(hs_eval_register_functions);
    e->fonts = hs_fontset_new(fonts_dir, r);
    /* built when first used (a check of a template alone needs neither) */
    e->record_schema = hs_schema_new(HS_SCHEMA_RECORD, r);
    e->profile_schema = hs_schema_new(HS_SCHEMA_PROFILE, r);
    if (e->fonts == NULL) {
        hs_engine_free(e);
        return NULL;
    }
    hs_tpl_set_schemas(e->tpls, schema_doc, e);
    return e;
}

void
hs_engine_free(hs_engine *e)
{
    if (e == NULL)
        return;
    hs_fontset_free(e->fonts);
    hs_image_cleanup(); /* the images its documents decoded */
    hs_inputs_end();
    hs_out_digest_forget();
    hs_inputs_read_forget();
    hs_record_known_forget();
    hs_tpl_cache_free(e->tpls);
    hs_schema_free(e->record_schema);
    hs_schema_free(e->profile_schema);
    hs_arena_free(e->arena);
    free(e->profile_path);
    free(e->bad_record);
    free(e);
}

static xmlDocPtr
profile_for(hs_engine *e, const char *path, hs_report *r)
{
    if (path == NULL)
        return NULL;
    if (e->profile_path != NULL && strcmp(e->profile_path, path) == 0)
        return e->profile;
    const char *label = hs_tpl_intern(e->tpls, path);
    xmlDocPtr doc = hs_record_load(path, label, e->profile_schema, e->arena, r);
    if (doc == NULL)
        return NULL;
    free(e->profile_path);
    e->profile_path = strdup(path);
    e->profile = doc;
    return doc;
}

const char *
hs_engine_fonts_conf(const hs_engine *e)
{
    return hs_fontset_conf(e->fonts);
}

const char *
hs_engine_build_id(void)
{
    return hs_cache_build_id();
}

void
hs_engine_warm(hs_engine *e, const char *template_path, const char *profile_path)
{
    hs_report quiet = {hs_diag_discard, NULL, 0, 20};
    hs_schema_ready(e->record_schema, &quiet);
    hs_tpl_strict_ready(e->tpls, &quiet); /* --strict is the default */
    hs_tpl_load(e->tpls, hs_tpl_intern(e->tpls, template_path), &quiet);
    if (profile_path != NULL)
        profile_for(e, profile_path, &quiet);
}

void
hs_output_free(hs_output *o)
{
    if (o == NULL)
        return;
    free(o->pdf);
    free(o->name);
    memset(o, 0, sizeof *o);
}

/* A dump of the stage's output, malloc'd, into *text. */
static void
keep_dump(hs_buf *b, char **text)
{
    const char *s = hs_buf_cstr(b);
    *text = strdup(s);
    if (*text == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
}

/* The stages of one document, all allocating from arena a. With dump, the
 * stages stop after stage and *dump holds its text. */
static int
make_document(hs_engine *e, const hs_job *job, hs_report *r, hs_output *out, hs_arena *a,
              const char *label, const char *tpl_path, xmlDocPtr profile, hs_stage stage,
              char **dump)
{
    int before = r->errors;
    xmlDocPtr record = hs_record_load(job->record_path, label, e->record_schema, a, r);
    hs_doc *doc = NULL;
    hs_pages pages = {0};
    unsigned char *pdf = NULL;
    size_t len = 0;
    free(e->bad_record);
    e->bad_record = NULL;
    if (record == NULL) {
        if (e->record_errors_once && strcmp(job->record_path, "-") != 0) {
            e->bad_record = strdup(job->record_path);
            e->bad_record_errors = r->errors - before;
        }
        return -1;
    }
    hs_eval_in in = {a, r, e->tpls, tpl_path, record, profile, job->source_date_epoch, job->strict};
    if (job->name_only) {
        /* the record loaded and checked as for the document; of the
         * template, only what decides the name (eval/name.c) */
        const char *name;
        if (hs_eval_name(&in, &name) != 0)
            return -1;
        out->name = name ? strdup(name) : NULL;
        return 0;
    }
    if (hs_eval_document(&in, &doc) != 0)
        return -1;
    hs_buf text;
    hs_buf_init(&text, a);
    if (dump != NULL && stage == HS_STAGE_DOC) {
        hs_doc_dump(doc, &text);
        keep_dump(&text, dump);
        return 0;
    }
    out->name = doc->file_name ? strdup(doc->file_name) : NULL;
    if (hs_page_document(doc, e->fonts, a, r, &pages) != 0)
        return -1;
    if (dump != NULL) {
        hs_page_dump(&pages, &text);
        keep_dump(&text, dump);
        return 0;
    }
    if (hs_render_pdf(&pages, a, r, &pdf, &len) != 0)
        return -1;
    out->pdf = malloc(len ? len : 1);
    if (out->pdf == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(out->pdf, pdf, len);
    out->len = len;
    out->pages = pages.count;
    return 0;
}

#ifdef HS_TEST_HOOKS
/* Tests of a process that makes several documents: a file edited in place
 * between two of them, its size and dates kept (cp -p, a restored backup,
 * touch -d): FILE.next's bytes written over FILE (the same inode), FILE's
 * times put back, FILE.next removed (so once). */
static void
replace_in_place(const char *file)
{
    char next[4096];
    snprintf(next, sizeof next, "%s.next", file);
    struct stat st;
    FILE *in = fopen(next, "rb");
    if (in == NULL || stat(file, &st) != 0) {
        if (in != NULL)
            fclose(in);
        return;
    }
    int fd = open(file, O_WRONLY | O_TRUNC);
    char buf[8192];
    size_t k;
    while (fd >= 0 && (k = fread(buf, 1, sizeof buf, in)) > 0)
        if (write(fd, buf, k) != (ssize_t)k)
            break;
    fclose(in);
    if (fd >= 0) {
        struct timespec t[2] = {st.st_atim, st.st_mtim};
        futimens(fd, t);
        close(fd);
    }
    unlink(next);
}
#endif

/* Render the document, or with dump, its stage's text. */
static int
run(hs_engine *e, const hs_job *job, hs_report *r, hs_output *out, hs_stage stage, char **dump)
{
    memset(out, 0, sizeof *out);
    xmlDocPtr profile = NULL;
    if (job->profile_path != NULL && (profile = profile_for(e, job->profile_path, r)) == NULL)
        return -1;
    size_t limit = job->memory_limit ? job->memory_limit : DEFAULT_MEMORY_LIMIT;
    hs_arena *a = hs_arena_new(limit);
    const char *label = job->record_label                    ? job->record_label
                        : strcmp(job->record_path, "-") == 0 ? "<stdin>"
                                                             : job->record_path;
    /* The record's label is the caller's string (or a literal), which
     * outlives this call, as every diag of the document does not: a sink
     * copies what it keeps. It is not interned, so an engine's strings grow
     * with its templates, not with the documents it makes. */
    const char *tpl_path = hs_tpl_intern(e->tpls, job->template_path);
    /* A record that did not load for the template before: its errors were
     * said once; this document fails for them too, in one line. */
    if (e->bad_record != NULL && strcmp(e->bad_record, job->record_path) == 0) {
        hs_arena_free(a);
        return hs_error(r, (hs_loc){label, 0}, HS_CODE_RECORD,
                        "not made with %s: the record has %d error%s (above)", tpl_path,
                        e->bad_record_errors, e->bad_record_errors == 1 ? "" : "s");
    }
    /* what the document reads, for a batch's --resume (the parts it
     * includes and the images it draws are noted where they are used) */
    hs_inputs_begin();
    if (strcmp(job->record_path, "-") != 0)
        hs_inputs_note(job->record_path);
    hs_inputs_note(tpl_path);
    hs_inputs_note(job->profile_path);
    hs_inputs_note(hs_fontset_conf(e->fonts)); /* the font files: where each is used */
    /* The template is compiled once per engine, outside any document's
     * limits, and so is the record schema, when the first record needs it. */
    const hs_tpl *tpl = hs_tpl_load(e->tpls, tpl_path, r);
    if (tpl == NULL || (job->strict && hs_tpl_check_strict(e->tpls, tpl, r) != 0) ||
        hs_schema_ready(e->record_schema, r) != 0) {
        hs_arena_free(a);
        return -1;
    }
    /* Past its memory or time limit a document stops at the next safe point
     * of a stage (the libraries' allocations fail and they unwind by
     * themselves); everything it made is in the arena, freed below. */
    /* A name alone (a batch's name pass) is limited by work, not by the
     * clock: where it stops, and so which documents of a batch have a name,
     * depends on the inputs alone, however busy the machine. */
    unsigned long steps = (unsigned long)(job->time_limit * HS_NAME_STEPS_PER_SECOND);
    if (job->name_only && job->time_limit > 0)
        hs_budget_begin_work(limit, steps > 0 ? steps : 1);
    else
        hs_budget_begin(limit, job->time_limit);
    int rc = make_document(e, job, r, out, a, label, tpl_path, profile, stage, dump);
#ifdef HS_TEST_HOOKS
    const char *edit = getenv("HOSO_TEST_REPLACE_AFTER_DOCUMENT");
    if (edit != NULL && !job->name_only)
        replace_in_place(edit);
#endif
    int over = hs_budget_exceeded();
    hs_budget_end();
    if (rc < 0 && over == HS_BUDGET_OK)
        hs_output_free(out);
    if (over != HS_BUDGET_OK) {
        hs_output_free(out);
        if (over == HS_BUDGET_WORK)
            hs_error(r, (hs_loc){label, 0}, HS_CODE_TIMEOUT,
                     "its name needs more than %.0f million steps of work, what --timeout %g s "
                     "allows, and was stopped",
                     (double)steps / 1e6, job->time_limit);
        else if (over == HS_BUDGET_TIME)
            hs_error(r, (hs_loc){label, 0}, HS_CODE_LIMIT,
                     "took longer than %g s and was stopped (template %s)", job->time_limit,
                     tpl_path);
        else
            hs_error(r, (hs_loc){label, 0}, HS_CODE_LIMIT,
                     "needs more than %zu MiB of memory and was stopped (template %s)", limit >> 20,
                     tpl_path);
        rc = -1;
    }
    hs_arena_free(a);
    return rc;
}

int
hs_render_report(hs_engine *e, const hs_job *job, hs_report *r, hs_output *out)
{
    return run(e, job, r, out, HS_STAGE_PAGES, NULL);
}

int
hs_dump_report(hs_engine *e, const hs_job *job, hs_stage stage, hs_report *r, char **text)
{
    *text = NULL;
    if (stage == HS_STAGE_TPL) {
        const hs_tpl *tpl = hs_tpl_load(e->tpls, hs_tpl_intern(e->tpls, job->template_path), r);
        if (tpl == NULL)
            return -1;
        hs_arena *a = hs_arena_new(0);
        hs_buf b;
        hs_buf_init(&b, a);
        hs_tpl_dump(tpl, &b);
        keep_dump(&b, text);
        hs_arena_free(a);
        return 0;
    }
    hs_output out;
    int rc = run(e, job, r, &out, stage, text);
    hs_output_free(&out);
    if (rc != 0) {
        free(*text);
        *text = NULL;
    }
    return rc;
}

int
hs_check_template_report(hs_engine *e, const char *template_path, int strict, hs_report *r)
{
    const char *path = hs_tpl_intern(e->tpls, template_path);
    const hs_tpl *tpl = hs_tpl_load(e->tpls, path, r);
    if (tpl == NULL)
        return -1;
    if (tpl->root->kind != HS_TK_DOCUMENT)
        return hs_error(r, tpl->root->loc, HS_CODE_TEMPLATE,
                        "a template has <document> as its root (a part: <part>), not <%s>",
                        hs_telem_defs[tpl->root->kind].name);
    return strict ? hs_tpl_check_strict(e->tpls, tpl, r) : 0;
}

int
hs_print_template_reference(const char *format, FILE *out)
{
    return hs_tpl_print_reference(format, out);
}

char *
hs_file_name_report(const char *name, int ascii, hs_report *r)
{
    hs_arena *a = hs_arena_new(0);
    const char *s = name;
    size_t n = strlen(name);
    if (ascii && hs_text_ascii(a, name, n, &s, &n, r, HS_LOC_NONE) != 0) {
        hs_arena_free(a);
        return NULL;
    }
    char *res = strdup(hs_out_safe_name(a, s, n));
    hs_arena_free(a);
    if (res == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return res;
}

char *
hs_escape(const char *s)
{
    hs_arena *a = hs_arena_new(0);
    hs_buf b;
    hs_buf_init(&b, a);
    hs_out_escape(&b, s, strlen(s), 0);
    char *res = strdup(hs_buf_cstr(&b));
    hs_arena_free(a);
    if (res == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return res;
}

void
hs_write_abandon(void)
{
    hs_out_abandon();
}

int
hs_mark_owner(hs_output *o, const char *record, const char *template_path, const char *out_dir,
              hs_report *r)
{
    char owner[HS_OUT_OWNER_LEN + 1];
    hs_out_owner(record, template_path, out_dir, owner);
    return hs_mark_with(o, owner, record, r);
}

void
hs_job_record_validated(const char *record, const char *digest)
{
    hs_record_known_valid(record, digest);
}

void
hs_job_records_validated_forget(void)
{
    hs_record_known_forget();
}

int
hs_mark_with(hs_output *o, const char *owner, const char *record, hs_report *r)
{
    size_t n;
    unsigned char *marked = hs_out_mark(o->pdf, o->len, owner, &n);
    if (marked == NULL)
        return hs_error(r, (hs_loc){record, 0}, HS_CODE_PDF,
                        "the PDF made has no cross-reference table where startxref says");
    free(o->pdf);
    o->pdf = marked;
    o->len = n;
    return 0;
}

int
hs_write_document_report(const char *path, hs_output *o, const char *record,
                         const char *template_path, int flags, hs_report *r)
{
    if (flags & HS_WRITE_REPLACE)
        return hs_out_write(path, o->pdf, o->len, NULL, flags, r);
    /* the folder the file goes in: what the mark is seen from */
    char dir[PATH_MAX], owner[HS_OUT_OWNER_LEN + 1];
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    hs_out_owner(record, template_path, dir, owner);
    if (hs_mark_owner(o, record, template_path, dir, r) != 0)
        return -1;
    return hs_out_write(path, o->pdf, o->len, owner, flags, r);
}
