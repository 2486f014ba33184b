/* engine/qr/qr.c — QR matrices through libqrencode. */
#include "qr/qr.h"

#include <errno.h>
#include <string.h>

#include <qrencode.h>

int
hs_qr_level_parse(const char *s, hs_qr_level *out)
{
    static const char names[] = "LMQH";
    if (s == NULL || s[0] == '\0' || s[1] != '\0' || strchr(names, s[0]) == NULL)
        return -1;
    *out = (hs_qr_level)(strchr(names, s[0]) - names);
    return 0;
}

static int
ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

int
hs_qr_encode(hs_arena *a, const char *data, size_t n, hs_qr_level level, hs_qr *out,
             const char **why)
{
    static const QRecLevel levels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
    if (n == 0) {
        *why = "has no data to encode";
        return -1;
    }
    if (memchr(data, '\0', n) != NULL) {
        *why = "has a NUL byte in its data";
        return -1;
    }
    if (n > 8000) { /* version 40 at L holds 7089 digits, fewer of anything else */
        *why = "has more data than the largest QR code (version 40) holds at this level";
        return -1;
    }
    errno = 0;
    QRcode *q = NULL;
    if (ascii(data, n)) {
        /* libqrencode wants a C string; data may not be one at n. */
        char *s = hs_arena_strndup(a, data, n);
        q = QRcode_encodeString(s, 0, levels[level], QR_MODE_8, 1);
    } else {
        /* Bytes mode is ISO 8859-1 unless an ECI says otherwise: without
         * ECI 26 (UTF-8) a reader shows "Hoàng" as "HoÃ ng". */
        QRinput *in = QRinput_new2(0, levels[level]);
        if (in != NULL && QRinput_appendECIheader(in, 26) == 0 &&
            QRinput_append(in, QR_MODE_8, (int)n, (const unsigned char *)data) == 0)
            q = QRcode_encodeInput(in);
        int saved = errno;
        QRinput_free(in);
        errno = saved;
    }
    if (q == NULL) {
        *why = errno == ERANGE   ? "has more data than the largest QR code (version 40) holds "
                                   "at this level"
               : errno == ENOMEM ? "cannot be made: out of memory in libqrencode"
                                 : "cannot be encoded by libqrencode";
        return -1;
    }
    size_t cells = (size_t)q->width * (size_t)q->width;
    out->version = q->version;
    out->width = q->width;
    out->dark = hs_arena_alloc(a, cells);
    for (size_t i = 0; i < cells; i++)
        out->dark[i] = q->data[i] & 1;
    QRcode_free(q);
    return 0;
}
