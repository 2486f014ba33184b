/* engine/base/diag.c — diagnostics: format and hand to the sink.
 *
 * The line format is GCC's, "file:line: error: message [code]", so editors
 * and CI logs jump to the place. A diag without a file has no location part. */
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const sev_name[] = {"error", "warning", "note"};

static const char *const code_name[HS_CODE_COUNT] = {
    [HS_CODE_NONE] = "",
    [HS_CODE_XML] = "xml",
    [HS_CODE_SCHEMA] = "schema",
    [HS_CODE_UTF8] = "utf8",
    [HS_CODE_TEXT] = "text",
    [HS_CODE_LIMIT] = "limit",
    [HS_CODE_IO] = "io",
    [HS_CODE_USAGE] = "usage",
    [HS_CODE_RECORD] = "record",
    [HS_CODE_AMOUNT] = "amount",
    [HS_CODE_VAT] = "vat",
    [HS_CODE_TOTAL] = "total",
    [HS_CODE_DEPOSIT] = "deposit",
    [HS_CODE_DATE_ORDER] = "date-order",
    [HS_CODE_CLOSING] = "closing",
    [HS_CODE_SIGNER] = "signer",
    [HS_CODE_SCHEDULE] = "schedule",
    [HS_CODE_TEMPLATE] = "template",
    [HS_CODE_STRICT] = "strict",
    [HS_CODE_XPATH] = "xpath",
    [HS_CODE_MISSING] = "missing",
    [HS_CODE_CHECK] = "check",
    [HS_CODE_DATE] = "date",
    [HS_CODE_NUMBER] = "number",
    [HS_CODE_VIETQR] = "vietqr",
    [HS_CODE_FONT] = "font",
    [HS_CODE_GLYPH] = "glyph",
    [HS_CODE_LAYOUT] = "layout",
    [HS_CODE_IMAGE] = "image",
    [HS_CODE_QR] = "qr",
    [HS_CODE_PDF] = "pdf",
    [HS_CODE_EXISTS] = "exists",
    [HS_CODE_NAME] = "name",
    [HS_CODE_TIMEOUT] = "timeout",
    [HS_CODE_CRASH] = "crash",
    [HS_CODE_INTERNAL] = "internal",
};

const char *
hs_code_name(hs_code c)
{
    return (unsigned)c < HS_CODE_COUNT && code_name[c] != NULL ? code_name[c] : "";
}

int
hs_diag_format(const hs_diag *d, char *buf, size_t cap)
{
    const char *code = hs_code_name(d->code);
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
hs_diag_discard(void *user, const hs_diag *d)
{
    (void)user;
    (void)d;
}

static void emit(hs_report *r, hs_severity sev, hs_loc loc, hs_code code, const char *fmt,
                 va_list ap) __attribute__((format(printf, 5, 0)));

static void
emit(hs_report *r, hs_severity sev, hs_loc loc, hs_code code, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    hs_diag d = {sev, loc, code, msg};
    hs_assert(r != NULL); /* the library says nothing but to its caller */
    int limit = r->limit ? r->limit : 20;
    if (sev == HS_SEV_ERROR && ++r->errors > limit)
        return;
    if (r->sink != NULL)
        r->sink(r->user, &d);
}

int
hs_verror(hs_report *r, hs_loc loc, hs_code code, const char *fmt, va_list ap)
{
    emit(r, HS_SEV_ERROR, loc, code, fmt, ap);
    return -1;
}

int
hs_error(hs_report *r, hs_loc loc, hs_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hs_verror(r, loc, code, fmt, ap);
    va_end(ap);
    return -1;
}

void
hs_warning(hs_report *r, hs_loc loc, hs_code code, const char *fmt, ...)
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
    emit(r, HS_SEV_NOTE, loc, HS_CODE_NONE, fmt, ap);
    va_end(ap);
}

/* The library prints nothing: what a broken invariant or an exhausted
 * memory has to say goes to the program's handler, then the process ends. */
static void (*fatal_handler)(const char *message);

void
hs_set_fatal_handler(void (*fn)(const char *message))
{
    fatal_handler = fn;
}

_Noreturn void
hs_fatal_at(const char *src_file, int src_line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof msg)
        snprintf(msg + n, sizeof msg - (size_t)n, " (%s:%d)", src_file, src_line);
    if (fatal_handler != NULL)
        fatal_handler(msg);
    abort();
}
