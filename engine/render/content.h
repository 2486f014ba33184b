/* engine/render/content.h — page content operators written into a libharu
 * page's content stream as hoso wants them (render/ internal, and
 * tools/floor.c): text as literal strings of the face's CIDs, not hex;
 * text positions in thousandths of a point, paths in hundredths, colours in
 * thousandths, always rounded the same way; text positions relative to the
 * previous one in those whole units, so that no rounding error adds up
 * along a page.
 *
 * libharu 2.3.0 keeps a page's operators in its attr->stream and checks its
 * own graphics mode only in its own functions: these write there directly,
 * each leaving the page in the mode it found it in (text operators inside
 * the BT ... ET that libharu's HPDF_Page_BeginText and HPDF_Page_EndText
 * write, paths closed by their painting operator). */
#ifndef HS_RENDER_CONTENT_H
#define HS_RENDER_CONTENT_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

/* The start of the current text line inside a BT ... ET, in thousandths of
 * a point: {0, 0} right after BT. */
typedef struct hs_text_at {
    long long x, y;
} hs_text_at;

/* Text (UTF-8, n bytes; every code point one font's face draws) at (x, y)
 * in points, or, when at is NULL, where the text matrix already is (a
 * turned watermark's). font is from hs_fontres_font and the page's current
 * font (HPDF_Page_SetFontAndSize). The glyphs are marked for the subset, as
 * libharu's own text functions do. */
HPDF_STATUS hs_pdf_text(HPDF_Page page, HPDF_Font font, hs_text_at *at, double x, double y,
                        const char *text, size_t n);

/* A new page of pdf, as HPDF_AddPage makes it, without the obsolete
 * /ProcSet of its resources. NULL when libharu failed. */
HPDF_Page hs_pdf_add_page(HPDF_Doc pdf);

/* A fill (fill != 0) or stroke colour, 0xRRGGBB. */
HPDF_STATUS hs_pdf_rgb(HPDF_Page page, uint32_t rgb, int fill);
/* The line width, in points. */
HPDF_STATUS hs_pdf_line_width(HPDF_Page page, double w);
/* A stroked line from (x, y) to (x2, y2). */
HPDF_STATUS hs_pdf_line(HPDF_Page page, double x, double y, double x2, double y2);
/* A rectangle, lower left corner (x, y), painted by op ("f", "S" or "B"). */
HPDF_STATUS hs_pdf_rect(HPDF_Page page, double x, double y, double w, double h, const char *op);

#endif
