/* engine/layout/qr.c — a QR block as vector squares.
 *
 * The block's square (its width, quiet zone included) is painted white, then
 * each row's runs of dark modules are one filled rectangle each: no bitmap,
 * so the code is sharp at any resolution, and no seam between neighbouring
 * modules for a reader to see. A code that does not fit its column or page,
 * or whose modules would be too small to print and scan, is an error: a
 * payment code shrunk or cut is worse than none. */
#include "layout/layout_int.h"

#include "qr/qr.h"

/* The smallest module printed: below about a quarter of a millimetre office
 * printers merge modules and phone cameras lose them. */
#define QR_MIN_MODULE_PT (0.25 / 25.4 * 72)

static hs_item *
square(hs_lctx *c, double x, double y, double w, double h, uint32_t rgb)
{
    hs_item *it = hs_layout_item(c, HS_ITEM_RECT);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->fill = 1;
    it->fill_color = rgb;
    return it;
}

int
hs_layout_qr(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out)
{
    hs_qr q;
    const char *why;
    if (hs_qr_encode(c->a, b->qr_data, b->qr_len, (hs_qr_level)b->qr_level, &q, &why) != 0)
        return hs_error(c->r, b->loc, HS_CODE_QR, "this QR code %s (%zu bytes)", why, b->qr_len);
    double side = b->width, mm = 72 / 25.4;
    int modules = q.width + 2 * HS_QR_QUIET;
    double m = side / modules;
    if (m < QR_MIN_MODULE_PT)
        return hs_error(c->r, b->loc, HS_CODE_QR,
                        "a %.1fmm QR code of %d modules (version %d with its quiet zone) has "
                        "modules of %.2fmm; it needs size=\"%.0fmm\" at least (0.25mm a module)",
                        side / mm, modules, q.version, m / mm, modules * 0.25 + 0.5);
    if (side > w + HS_LAYOUT_EPS)
        return hs_error(c->r, b->loc, HS_CODE_QR, "a %.1fmm QR code does not fit its %.1fmm column",
                        side / mm, w / mm);
    if (c->body_h > 0 && side > c->body_h + HS_LAYOUT_EPS)
        return hs_error(c->r, b->loc, HS_CODE_QR,
                        "a %.1fmm QR code is taller than the page's %.1fmm", side / mm,
                        c->body_h / mm);
    double x = b->align == HS_ALIGN_CENTER  ? x0 + (w - side) / 2
               : b->align == HS_ALIGN_RIGHT ? x0 + w - side
                                            : x0;
    hs_slice *s = hs_layout_slice(c, side, out);
    hs_layout_push(s, square(c, x, 0, side, side, 0xFFFFFF));
    for (int row = 0; row < q.width; row++) {
        const unsigned char *d = q.dark + (size_t)row * (size_t)q.width;
        for (int col = 0; col < q.width;) {
            if (!d[col]) {
                col++;
                continue;
            }
            int end = col;
            while (end < q.width && d[end])
                end++;
            hs_layout_push(s, square(c, x + (HS_QR_QUIET + col) * m, (HS_QR_QUIET + row) * m,
                                     (end - col) * m, m, 0x000000));
            col = end;
        }
    }
    return 0;
}
