/* engine/pay/pay.h — payment codes: the VietQR payload (NAPAS 247 transfer to
 * an account, in the EMVCo merchant-presented TLV format). Pure text in, text
 * out: no XML, no QR matrix, no PDF (the matrix is qr/, the drawing layout/).
 *
 * The payload, as built here:
 *   00 "01"                payload format indicator
 *   01 "11" | "12"         point of initiation: 11 a reusable code with no
 *                          amount, 12 a code for one payment of one amount
 *   38 template            merchant (here: beneficiary) account information
 *      00 "A000000727"     NAPAS's GUID
 *      01 template         beneficiary organisation
 *         00 BIN           the bank's 6-digit BIN (State Bank of Vietnam list)
 *         01 account       the account number, up to 19 characters
 *      02 "QRIBFTTA"       service: 24/7 inter-bank transfer to an account
 *   53 "704"               currency: đồng (ISO 4217)
 *   54 amount              whole đồng, up to 13 digits (only with 12)
 *   58 "VN"                country
 *   62 template            additional data, only with a purpose:
 *      08 purpose          purpose of transaction, ASCII, up to 25 characters
 *   63 CRC                 CRC-16/CCITT-FALSE of everything before it,
 *                          "6304" included, as 4 upper-case hex digits */
#ifndef HS_PAY_H
#define HS_PAY_H

#include "base/base.h"

#include <stdint.h>

#define HS_VIETQR_AMOUNT_MAX INT64_C(9999999999999) /* 13 digits: EMVCo's length of ID 54 */
#define HS_VIETQR_ACCOUNT_MAX 19                    /* NAPAS: consumer ID, up to 19 */
#define HS_VIETQR_PURPOSE_MAX 25                    /* EMVCo: ID 62's sub-fields, up to 25 */

typedef struct hs_vietqr_in {
    const char *bin;     /* 6 digits */
    const char *account; /* digits and ASCII letters only, as the bank keeps it */
    int64_t amount;      /* đồng, 1 .. HS_VIETQR_AMOUNT_MAX; 0: none (a reusable code) */
    const char *purpose; /* UTF-8 text, transliterated to ASCII; NULL or "": none */
} hs_vietqr_in;

/* Which input a failure is about. */
typedef enum hs_vietqr_arg {
    HS_VIETQR_BIN,
    HS_VIETQR_ACCOUNT,
    HS_VIETQR_AMOUNT,
    HS_VIETQR_PURPOSE
} hs_vietqr_arg;

/* The payload in a, or NULL with *bad naming the input and *why saying what
 * is wrong with it (a phrase in the arena, e.g. "has 7 digits; a bank's BIN
 * has 6"). Invalid UTF-8 in the purpose is reported to r at loc as well. */
const char *hs_vietqr_payload(hs_arena *a, const hs_vietqr_in *in, hs_vietqr_arg *bad,
                              const char **why, hs_report *r, hs_loc loc);

/* CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final
 * xor): the check value of EMVCo's ID 63. */
uint16_t hs_pay_crc16(const char *s, size_t n);

#endif
