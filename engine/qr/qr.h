/* engine/qr/qr.h — QR code matrices, made by libqrencode.
 *
 * Only the matrix: which modules are dark. Drawing it (vector squares with
 * a quiet zone) is layout's job, so that no stage below knows QR exists. */
#ifndef HS_QR_H
#define HS_QR_H

#include "base/base.h"

/* The white border a reader needs around the symbol, in modules (ISO/IEC
 * 18004 asks for 4). */
#define HS_QR_QUIET 4

typedef enum hs_qr_level { HS_QR_L, HS_QR_M, HS_QR_Q, HS_QR_H } hs_qr_level;

typedef struct hs_qr {
    int version;         /* 1 .. 40 */
    int width;           /* modules a side, quiet zone not included */
    unsigned char *dark; /* width * width, row by row from the top: 1 dark, 0 light */
} hs_qr;

/* "L", "M", "Q" or "H" (recovery of about 7, 15, 25, 30 % of the symbol).
 * Returns 0, or -1 for anything else. */
int hs_qr_level_parse(const char *s, hs_qr_level *out);

/* The smallest symbol holding the n bytes of data at level: ASCII in
 * libqrencode's mix of numeric, alphanumeric and 8-bit segments; any other
 * UTF-8 as 8-bit data after an ECI 26 (UTF-8) designator, so that readers do
 * not take it for ISO 8859-1.
 * Returns 0 and the matrix in a, or -1 with *why saying what is wrong. */
int hs_qr_encode(hs_arena *a, const char *data, size_t n, hs_qr_level level, hs_qr *out,
                 const char **why);

#endif
