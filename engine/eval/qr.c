/* engine/eval/qr.c — <qr data="…" size="25mm" level="M"/>: a QR code block.
 *
 * size is the side of the square the code takes on the page, its quiet zone
 * included (default 25mm); level is the error correction, L, M (default), Q
 * or H. The matrix itself is made at layout, which knows the column. */
#include "eval/eval_int.h"

#include "qr/qr.h"

#include <string.h>

int
hs_ev_qr(hs_ev *ev, xmlNode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_QR, n, p);
    int errors = ev->r->errors;
    const char *data = hs_ev_attr(ev, n, "data");
    if (ev->r->errors != errors)
        return -1;
    if (data == NULL || data[0] == '\0')
        return hs_ev_error(ev, n, "template",
                           "<qr> needs a data attribute with something to encode");
    b->qr_data = data;
    b->qr_len = strlen(data);
    b->width = 25 / 25.4 * 72;
    if (hs_ev_length_attr(ev, n, "size", &b->width) != 0)
        return -1;
    if (b->width <= 0)
        return hs_ev_error(ev, n, "template", "<qr size=\"…\">: the size must be more than 0");
    hs_qr_level level = HS_QR_M;
    const char *lv = hs_ev_attr(ev, n, "level");
    if (ev->r->errors != errors)
        return -1;
    if (lv != NULL && hs_qr_level_parse(lv, &level) != 0)
        return hs_ev_error(ev, n, "template",
                           "<qr level=\"%s\">: expected L, M, Q or H (error correction)", lv);
    b->qr_level = (int)level;
    b->height = b->width;
    *s->tail = b;
    s->tail = &b->next;
    return 0;
}
