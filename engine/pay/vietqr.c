/* engine/pay/vietqr.c — the VietQR payload (see pay.h for its fields).
 *
 * Every input is checked before anything is built: a payment code that a
 * banking app reads differently from what the document prints (another
 * account, a cut purpose, a rounded amount) is worse than no code, so a value
 * that does not fit the format exactly is an error, never trimmed. */
#include "pay/pay.h"

#include "text/text.h"

#include <stdio.h>
#include <string.h>

uint16_t
hs_pay_crc16(const char *s, size_t n)
{
    uint16_t crc = 0xFFFF;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint16_t)((unsigned char)s[i] << 8);
        for (int k = 0; k < 8; k++)
            crc = (uint16_t)(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return crc;
}

/* One data object: two-digit ID, two-digit length, value (1..99 characters;
 * the callers' limits keep every value inside that). */
static void
tlv(hs_buf *b, const char *id, const char *value, size_t n)
{
    hs_assert(n >= 1 && n <= 99);
    hs_buf_printf(b, "%s%02zu", id, n);
    hs_buf_add(b, value, n);
}

static void
tlv_buf(hs_buf *b, const char *id, hs_buf *value)
{
    tlv(b, id, hs_buf_cstr(value), value->len);
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static const char *
check_bin(hs_arena *a, const char *bin)
{
    size_t n = strlen(bin);
    if (n == 0)
        return "is empty; a payment code needs the bank's 6-digit BIN";
    for (size_t i = 0; i < n; i++)
        if (!is_digit(bin[i]))
            return hs_arena_printf(a, "is not a bank BIN: '%c' is not a digit", bin[i]);
    if (n != 6)
        return hs_arena_printf(a, "has %zu digit%s; a bank's BIN has 6", n, n == 1 ? "" : "s");
    return NULL;
}

/* The account number exactly as written: a payment code carries it as the
 * bank keeps it (NAPAS: digits and letters), and rewriting it here would make
 * a code for an account nobody checked. Separators, as people write them on
 * paper, are an error that says how to drop them in the template. */
static const char *
account_digits(hs_arena *a, const char *acc, const char **why)
{
    hs_buf b;
    hs_buf_init(&b, a);
    for (const char *c = acc; *c; c++) {
        if (*c == ' ' || *c == '.' || *c == '-') {
            *why = hs_arena_printf(a,
                                   "is not an account number as a payment code carries it: "
                                   "'%c' is not a digit or a letter (write the account without "
                                   "separators, or pass translate(account, ' .-', ''))",
                                   *c);
            return NULL;
        }
        if (!is_alnum(*c)) {
            *why =
                hs_arena_printf(a, "is not an account number: '%c' is not a digit or a letter", *c);
            return NULL;
        }
        hs_buf_addc(&b, *c);
    }
    if (b.len == 0) {
        *why = "is empty; a payment code needs the account number";
        return NULL;
    }
    if (b.len > HS_VIETQR_ACCOUNT_MAX) {
        *why = hs_arena_printf(a, "has %zu characters; a VietQR account number has at most %d",
                               b.len, HS_VIETQR_ACCOUNT_MAX);
        return NULL;
    }
    return hs_buf_cstr(&b);
}

/* The purpose in ASCII: ICU spells Vietnamese without its marks ("Đặt cọc"
 * -> "Dat coc"); a character with no ASCII spelling (hs_text_ascii makes it
 * '_') and a control character are errors, as is a result over 25. */
static const char *
purpose_ascii(hs_arena *a, const char *s, const char **why, hs_report *r, hs_loc loc)
{
    size_t n = strlen(s);
    const char *out;
    size_t out_n;
    if (hs_text_ascii(a, s, n, &out, &out_n, r, loc) != 0) {
        *why = "is not valid UTF-8";
        return NULL;
    }
    size_t under_in = 0, under_out = 0;
    for (size_t i = 0; i < n; i++)
        under_in += s[i] == '_';
    for (size_t i = 0; i < out_n; i++) {
        under_out += out[i] == '_';
        if ((unsigned char)out[i] < 0x20 || out[i] == 0x7F) {
            *why = hs_arena_printf(a,
                                   "has a control character (U+%04X); a payment purpose "
                                   "is one line of text",
                                   (unsigned)(unsigned char)out[i]);
            return NULL;
        }
    }
    if (under_out > under_in) {
        *why = hs_arena_printf(a,
                               "has a character with no ASCII spelling (\"%s\"); a payment "
                               "purpose is ASCII",
                               out);
        return NULL;
    }
    if (out_n > HS_VIETQR_PURPOSE_MAX) {
        *why = hs_arena_printf(a,
                               "is %zu characters in ASCII (\"%s\"); a payment purpose has at "
                               "most %d",
                               out_n, out, HS_VIETQR_PURPOSE_MAX);
        return NULL;
    }
    return out;
}

const char *
hs_vietqr_payload(hs_arena *a, const hs_vietqr_in *in, hs_vietqr_arg *bad, const char **why,
                  hs_report *r, hs_loc loc)
{
    const char *account = NULL, *purpose = NULL;
    if ((*why = check_bin(a, in->bin)) != NULL) {
        *bad = HS_VIETQR_BIN;
        return NULL;
    }
    if ((account = account_digits(a, in->account, why)) == NULL) {
        *bad = HS_VIETQR_ACCOUNT;
        return NULL;
    }
    if (in->amount < 0 || in->amount > HS_VIETQR_AMOUNT_MAX) {
        *bad = HS_VIETQR_AMOUNT;
        *why = in->amount < 0 ? "is negative; a payment code asks for an amount to pay"
                              : "has more than 13 digits, the most a payment code carries";
        return NULL;
    }
    if (in->purpose != NULL && in->purpose[0] != '\0' &&
        (purpose = purpose_ascii(a, in->purpose, why, r, loc)) == NULL) {
        *bad = HS_VIETQR_PURPOSE;
        return NULL;
    }
    if (purpose != NULL && purpose[0] == '\0')
        purpose = NULL;

    hs_buf org, acct, out;
    hs_buf_init(&org, a);
    tlv(&org, "00", in->bin, 6);
    tlv(&org, "01", account, strlen(account));
    hs_buf_init(&acct, a);
    tlv(&acct, "00", "A000000727", 10);
    tlv_buf(&acct, "01", &org);
    tlv(&acct, "02", "QRIBFTTA", 8);

    hs_buf_init(&out, a);
    tlv(&out, "00", "01", 2);
    tlv(&out, "01", in->amount > 0 ? "12" : "11", 2);
    tlv_buf(&out, "38", &acct);
    tlv(&out, "53", "704", 3);
    if (in->amount > 0) {
        char digits[24];
        int k = snprintf(digits, sizeof digits, "%lld", (long long)in->amount);
        tlv(&out, "54", digits, (size_t)k);
    }
    tlv(&out, "58", "VN", 2);
    if (purpose != NULL) {
        hs_buf add;
        hs_buf_init(&add, a);
        tlv(&add, "08", purpose, strlen(purpose));
        tlv_buf(&out, "62", &add);
    }
    hs_buf_adds(&out, "6304");
    hs_buf_printf(&out, "%04X", (unsigned)hs_pay_crc16(out.data, out.len));
    return hs_buf_cstr(&out);
}
