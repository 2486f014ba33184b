/* engine/render/content.c — page content operators written straight into
 * libharu 2.3.0's page stream (see content.h).
 *
 * Why: libharu writes every number with five decimals (HPDF_FToA) and text
 * as hex, four digits a glyph; the page contents were most of a quote's
 * bytes after its fonts, and formatting them a large part of its time. Here
 * text positions are whole thousandths of a point, paths hundredths (0.0035
 * mm: below any printer's dot), colours thousandths (each of the 256 levels
 * still the same), all formatted from integers; text is a literal string of
 * the CIDs' bytes. */
#include "render/content.h"

#include <hpdf_pages.h>
#include <hpdf_version.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "render/fontres.h"

#if HPDF_VERSION_ID != 20300
#error "content.c writes into libharu 2.3.0's page stream: check it and update this guard"
#endif

/* Digits after the point of text positions and of paths. Hundredths of a
 * point are below any printer's dot, but poppler places a glyph on whole
 * pixels, and a line of text a few thousandths from a pixel's edge then
 * moves by a pixel at 80 dpi (tests/visual); thousandths for text keep its
 * pictures as they were. */
#define TEXT 3
#define PATH 2

/* Room for the operators around one number-only operator line. */
#define LINE 160

static HPDF_STATUS
put(HPDF_Page page, const char *s, size_t n)
{
    HPDF_PageAttr attr = page->attr;
    return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)s, (HPDF_UINT)n);
}

/* "00" to "99": two digits at a time */
static const char two[201] = "0001020304050607080910111213141516171819"
                             "2021222324252627282930313233343536373839"
                             "4041424344454647484950515253545556575859"
                             "6061626364656667686970717273747576777879"
                             "8081828384858687888990919293949596979899";

/* w in decimal; a page's numbers are below 10,000 whole points. */
static char *
whole_digits(char *p, unsigned long long w)
{
    if (w < 10) {
        *p++ = (char)('0' + w);
    } else if (w < 100) {
        memcpy(p, two + 2 * w, 2);
        p += 2;
    } else if (w < 1000) {
        *p++ = (char)('0' + w / 100);
        memcpy(p, two + 2 * (w % 100), 2);
        p += 2;
    } else if (w < 10000) {
        memcpy(p, two + 2 * (w / 100), 2);
        memcpy(p + 2, two + 2 * (w % 100), 2);
        p += 4;
    } else {
        char tmp[24];
        int k = 0;
        do
            tmp[k++] = (char)('0' + w % 10);
        while ((w /= 10) != 0);
        while (k > 0)
            *p++ = tmp[--k];
    }
    return p;
}

/* v / 10^digits (2 or 3) in decimal, without trailing zeros, then a space.
 * Constant divisors and two digits at a time: this formats every number of
 * every page (a quarter of drawing a page, one digit at a time). */
static char *
fixed(char *p, long long v, int digits)
{
    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    unsigned long long u = (unsigned long long)v;
    unsigned f; /* the hundredths, or the last two digits of the thousandths */
    if (digits == 2) {
        p = whole_digits(p, u / 100);
        f = (unsigned)(u % 100);
        if (f != 0)
            *p++ = '.';
    } else {
        p = whole_digits(p, u / 1000);
        unsigned t = (unsigned)(u % 1000);
        f = t % 100;
        if (t != 0) {
            *p++ = '.';
            *p++ = (char)('0' + t / 100);
        }
    }
    if (f != 0) {
        *p++ = two[2 * f];
        if (f % 10 != 0)
            *p++ = two[2 * f + 1];
    }
    *p++ = ' ';
    return p;
}

/* A position in whole units (1/100 or 1/1000 point: 2 or 3 digits), the
 * same for the same double. */
static long long
units(double v, int digits)
{
    return llround(v * (digits == 2 ? 100 : 1000));
}

static char *
coord(char *p, double v)
{
    return fixed(p, units(v, PATH), PATH);
}

static char *
word(char *p, const char *op)
{
    size_t n = strlen(op);
    memcpy(p, op, n);
    p[n] = '\n';
    return p + n + 1;
}

HPDF_STATUS
hs_pdf_text(HPDF_Page page, HPDF_Font font, hs_text_at *at, double x, double y, const char *text,
            size_t n)
{
    /* a Td line, then "(" each CID's two bytes escaped ") Tj"; most texts
     * are a few words, on the stack */
    char small[LINE + 8 * 64];
    char *buf = n <= 64 ? small : malloc(LINE + 8 * n);
    if (buf == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    char *p = buf;
    if (at != NULL) {
        long long nx = units(x, TEXT), ny = units(y, TEXT);
        p = fixed(p, nx - at->x, TEXT);
        p = fixed(p, ny - at->y, TEXT);
        p = word(p, "Td");
        at->x = nx;
        at->y = ny;
    }
    unsigned char *cids = (unsigned char *)buf + LINE + 4 * n;
    size_t k = hs_fontres_cids(font, text, n, cids);
    *p++ = '(';
    for (size_t i = 0; i < k; i++) {
        unsigned char b = cids[i];
        if (b == '(' || b == ')' || b == '\\') {
            *p++ = '\\';
            *p++ = (char)b;
        } else if (b == '\r') { /* a reader would read a bare CR as LF */
            *p++ = '\\';
            *p++ = 'r';
        } else {
            *p++ = (char)b;
        }
    }
    memcpy(p, ") Tj\n", 5);
    p += 5;
    HPDF_STATUS st = put(page, buf, (size_t)(p - buf));
    if (buf != small)
        free(buf);
    return st;
}

HPDF_STATUS
hs_pdf_rgb(HPDF_Page page, uint32_t rgb, int fill)
{
    char buf[LINE], *p = buf;
    for (int shift = 16; shift >= 0; shift -= 8) /* k/255 to the nearest thousandth */
        p = fixed(p, (((long long)(rgb >> shift) & 0xFF) * 2000 + 255) / 510, 3);
    p = word(p, fill ? "rg" : "RG");
    return put(page, buf, (size_t)(p - buf));
}

HPDF_STATUS
hs_pdf_line_width(HPDF_Page page, double w)
{
    char buf[LINE], *p = buf;
    p = word(coord(p, w), "w");
    return put(page, buf, (size_t)(p - buf));
}

HPDF_STATUS
hs_pdf_line(HPDF_Page page, double x, double y, double x2, double y2)
{
    char buf[LINE], *p = buf;
    p = word(coord(coord(p, x), y), "m");
    p = word(coord(coord(p, x2), y2), "l");
    p = word(p, "S");
    return put(page, buf, (size_t)(p - buf));
}

HPDF_STATUS
hs_pdf_rect(HPDF_Page page, double x, double y, double w, double h, const char *op)
{
    char buf[LINE], *p = buf;
    /* the far edges rounded where they are, as a line there would be */
    long long x0 = units(x, PATH), y0 = units(y, PATH);
    p = fixed(fixed(p, x0, PATH), y0, PATH);
    p = fixed(fixed(p, units(x + w, PATH) - x0, PATH), units(y + h, PATH) - y0, PATH);
    p = word(p, "re");
    p = word(p, op);
    return put(page, buf, (size_t)(p - buf));
}

HPDF_Page
hs_pdf_add_page(HPDF_Doc pdf)
{
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Dict res = page != NULL ? HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT) : NULL;
    /* libharu's /ProcSet, obsolete since PDF 1.4 (readers ignore it) */
    if (res == NULL || HPDF_Dict_RemoveElement(res, "ProcSet") != HPDF_OK)
        return NULL;
    return page;
}
