/* engine/base/diag.c — diagnostics: format and hand to the sink.
 *
 * The line format is GCC's, "file:line: error: message [code]", so editors
 * and CI logs jump to the place. A diag without a file has no location part. */
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const sev_name[] = {"error", "warning", "note"};

int
hs_diag_format(const hs_diag *d, char *buf, size_t cap)
{
    const char *code = d->code ? d->code : "";
    int n;
    if (d->loc.file != NULL && d->loc.line > 0)
        n = snprintf(buf, cap, "%s:%ld: %s: %s", d->loc.file, d->loc.line,
                     sev_name[d->severity], d->message);
    else if (d->loc.file != NULL)
        n = snprintf(buf, cap, "%s: %s: %s", d->loc.file, sev_name[d->severity], d->message);
    else
        n = snprintf(buf, cap, "hoso: %s: %s", sev_name[d->severity], d->message);
    if (n >= 0 && *code != '\0' && d->severity != HS_SEV_NOTE) {
        size_t used = (size_t)n < cap ? (size_t)n : (cap ? cap - 1 : 0);
        int m = snprintf(buf + used, cap - used, " [%s]", code);
        n += m;
    }
    return n;
}

void
hs_diag_print_stderr(void *user, const hs_diag *d)
{
    (void)user;
    char line[2048];
    int n = hs_diag_format(d, line, sizeof line);
    if (n >= (int)sizeof line)
        n = (int)sizeof line - 1;
    fprintf(stderr, "%.*s\n", n, line);
}

void
hs_diag_discard(void *user, const hs_diag *d)
{
    (void)user;
    (void)d;
}

static void emit(hs_report *r, hs_severity sev, hs_loc loc, const char *code, const char *fmt,
                 va_list ap) __attribute__((format(printf, 5, 0)));

static void
emit(hs_report *r, hs_severity sev, hs_loc loc, const char *code, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    hs_diag d = {sev, loc, code, msg};
    if (r == NULL) {
        hs_diag_print_stderr(NULL, &d);
        return;
    }
    int limit = r->limit ? r->limit : 20;
    if (sev == HS_SEV_ERROR && ++r->errors > limit)
        return;
    (r->sink ? r->sink : hs_diag_print_stderr)(r->user, &d);
}

int
hs_verror(hs_report *r, hs_loc loc, const char *code, const char *fmt, va_list ap)
{
    emit(r, HS_SEV_ERROR, loc, code, fmt, ap);
    return -1;
}

int
hs_error(hs_report *r, hs_loc loc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hs_verror(r, loc, code, fmt, ap);
    va_end(ap);
    return -1;
}

void
hs_warning(hs_report *r, hs_loc loc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(r, HS_SEV_WARNING, loc, code, fmt, ap);
    va_end(ap);
}

void
hs_note(hs_report *r, hs_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(r, HS_SEV_NOTE, loc, NULL, fmt, ap);
    va_end(ap);
}

_Noreturn void
hs_fatal_at(const char *src_file, int src_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hoso: fatal: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (%s:%d)\n", src_file, src_line);
    va_end(ap);
    abort();
}
