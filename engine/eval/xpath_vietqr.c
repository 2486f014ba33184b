/* engine/eval/xpath_vietqr.c — vietqr(bin, account, amount [, purpose]):
 * the VietQR payload for a transfer to the account (pay/pay.h), for
 * <qr data="{vietqr($profile/bank/@bin, $profile/bank/@account, $deposit,
 * 'Dat coc ' || …)}"/>.
 *
 * amount is whole đồng as the money functions take it ("12500000" or
 * "12.500.000"); an empty amount makes a reusable code without one (the payer
 * types it). The purpose is transliterated to ASCII. A bad value is reported
 * at the record or profile line it came from, like the money functions do. */
#include "eval/eval_int.h"

#include "pay/pay.h"
#include "vn/vn.h"

#include <string.h>

static void
fn_vietqr(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (hs_xp_arity(ctxt, nargs, 3, 4, "vietqr") != 0)
        return;
    hs_xp_env *env = ctxt->context->userData;
    const xmlNode *node[4] = {NULL, NULL, NULL, NULL};
    const char *v[4] = {"", "", "", ""};
    for (int i = nargs - 1; i >= 0; i--)
        v[i] = hs_xp_pop_string(ctxt, &node[i]);

    hs_vietqr_in in = {v[0], v[1], 0, v[3]};
    if (v[2][0] != '\0') {
        if (hs_vn_money_parse(v[2], strlen(v[2]), 0, &in.amount) != HS_VN_OK) {
            hs_xp_fail(ctxt, v[2], node[2], HS_CODE_AMOUNT,
                       node[2] != NULL ? "is not an amount in đồng"
                                       : hs_arena_printf(env->arena,
                                                         "vietqr(): \"%s\" is not an amount in "
                                                         "đồng",
                                                         v[2]));
            return;
        }
        if (in.amount == 0) {
            hs_xp_fail(ctxt, v[2], node[2], HS_CODE_AMOUNT,
                       "vietqr(): 0 đồng is no amount to pay; an empty amount makes a code "
                       "without one");
            return;
        }
    }
    static const char *const names[] = {"the bank BIN", "the account", "the amount", "the purpose"};
    hs_vietqr_arg bad;
    const char *why;
    hs_loc loc = node[3] != NULL ? hs_loc_from_xml(node[3]) : env->expr_loc;
    const char *payload = hs_vietqr_payload(env->arena, &in, &bad, &why, env->report, loc);
    if (payload == NULL) {
        hs_xp_fail(ctxt, v[bad], node[bad], HS_CODE_VIETQR,
                   node[bad] != NULL ? why
                                     : hs_arena_printf(env->arena, "vietqr(): %s \"%s\" %s",
                                                       names[bad], v[bad], why));
        return;
    }
    valuePush(ctxt, xmlXPathNewCString(payload));
}

void
hs_eval_register_vietqr(xmlXPathContextPtr ctx)
{
    xmlXPathRegisterFunc(ctx, hs_xml_ustr("vietqr"), fn_vietqr);
}
