/* engine/eval/qr.c — <qr data="…" size="25mm" level="M"/>: a QR code block.
 *
 * size is the side of the square the code takes on the page, its quiet zone
 * included (default 25mm); level is the error correction, L, M (default), Q
 * or H. The matrix itself is made at layout, which knows the column. */
#include "eval/eval_int.h"

#include "qr/qr.h"

#include <string.h>

int
hs_ev_qr(hs_ev *ev, const hs_tnode *n, hs_sink *s, const hs_props *p)
{
    hs_block *b = hs_ev_new_block(ev, HS_BLOCK_QR, n, p);
    int errors = ev->r->errors;
    const char *data = hs_ev_text_attr(ev, n, HS_TA_DATA);
    if (ev->r->errors != errors)
        return -1;
    if (data == NULL || data[0] == '\0')
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "<qr> needs a data attribute with something to encode");
    b->qr_data = data;
    b->qr_len = strlen(data);
    b->width = 25 / 25.4 * 72;
    if (hs_ev_length(ev, n, HS_TA_QR_SIZE, &b->width) != 0)
        return -1;
    if (b->width <= 0)
        return hs_ev_error(ev, n, HS_CODE_TEMPLATE,
                           "<qr size=\"…\">: the size must be more than 0");
    /* The table's words are L M Q H, in the order of hs_qr_level. */
    hs_tval v;
    int rc = hs_ev_val(ev, n, HS_TA_LEVEL, &v);
    if (rc < 0)
        return -1;
    b->qr_level = rc == 1 ? v.i : (int)HS_QR_M;
    b->height = b->width;
    *s->tail = b;
    s->tail = &b->next;
    return 0;
}
