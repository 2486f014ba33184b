/* tests/unit/test_pay.c — the VietQR payload (engine/pay/) against codes
 * published by others (tests/vectors/vietqr.tsv), field by field and by CRC,
 * and its refusals. The TLV reader and the CRC here share no code with the
 * engine's: the CRC is table-driven, the engine's bit by bit. */
#include "harness.h"

#include "pay/pay.h"
#include "text/text.h"

#include <stdint.h>
#include <stdlib.h>

static hs_report
silent(void)
{
    return (hs_report){hs_diag_discard, NULL, 0, 0};
}

/* ---- an independent reader ---- */

typedef struct field {
    char id[3];
    const char *v;
    int n;
} field;

/* Split s[0..n) into TLV fields; -1 when a length runs past the end or is
 * not two digits. */
static int
tlv_split(const char *s, int n, field *out, int cap)
{
    int k = 0, i = 0;
    while (i < n) {
        if (i + 4 > n || k == cap || s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] < '0' ||
            s[i + 3] > '9')
            return -1;
        int len = (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (len == 0 || i + 4 + len > n)
            return -1;
        out[k].id[0] = s[i];
        out[k].id[1] = s[i + 1];
        out[k].id[2] = '\0';
        out[k].v = s + i + 4;
        out[k].n = len;
        k++;
        i += 4 + len;
    }
    return k;
}

static const field *
get(const field *f, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(f[i].id, id) == 0)
            return &f[i];
    return NULL;
}

static int
is(const field *f, const char *v)
{
    return f != NULL && (size_t)f->n == strlen(v) && memcmp(f->v, v, (size_t)f->n) == 0;
}

static uint16_t
crc_table_driven(const char *s, size_t n)
{
    static uint16_t table[256];
    if (table[1] == 0)
        for (unsigned i = 0; i < 256; i++) {
            uint16_t c = (uint16_t)(i << 8);
            for (int k = 0; k < 8; k++)
                c = (uint16_t)((c << 1) ^ ((c & 0x8000) ? 0x1021 : 0));
            table[i] = c;
        }
    uint16_t crc = 0xFFFF;
    for (size_t i = 0; i < n; i++)
        crc = (uint16_t)((crc << 8) ^ table[((crc >> 8) ^ (unsigned char)s[i]) & 0xFF]);
    return crc;
}

/* The CRC in ID 63 is the last field and checks everything before it. */
static int
crc_ok(const char *p)
{
    size_t n = strlen(p);
    if (n < 8 || memcmp(p + n - 8, "6304", 4) != 0)
        return 0;
    char hex[5];
    snprintf(hex, sizeof hex, "%04X", (unsigned)crc_table_driven(p, n - 4));
    return strcmp(hex, p + n - 4) == 0;
}

/* Every field a VietQR transfer code must have, with the values given.
 * initiation is "11" or "12", or NULL to skip that one field. Returns the
 * name of the first wrong field, or NULL. */
static const char *
wrong_field(const char *p, const char *initiation, const char *bin, const char *account,
            const char *amount, const char *purpose)
{
    field f[16], m[8], org[4], add[8];
    int n = tlv_split(p, (int)strlen(p), f, 16);
    if (n < 0)
        return "TLV structure";
    const field *g;
    if (n < 1 || !is(&f[0], "01") || strcmp(f[0].id, "00") != 0)
        return "00 (first, payload format 01)";
    if (initiation != NULL && !is(get(f, n, "01"), initiation))
        return "01 point of initiation";
    if ((g = get(f, n, "38")) == NULL)
        return "38 missing";
    int nm = tlv_split(g->v, g->n, m, 8);
    if (nm < 0 || !is(get(m, nm, "00"), "A000000727") || !is(get(m, nm, "02"), "QRIBFTTA"))
        return "38: GUID or service code";
    if ((g = get(m, nm, "01")) == NULL)
        return "38/01 missing";
    int no = tlv_split(g->v, g->n, org, 4);
    if (no != 2 || !is(get(org, no, "00"), bin) || !is(get(org, no, "01"), account))
        return "38/01: BIN or account";
    if (!is(get(f, n, "53"), "704"))
        return "53 currency";
    if (amount[0] ? !is(get(f, n, "54"), amount) : get(f, n, "54") != NULL)
        return "54 amount";
    if (!is(get(f, n, "58"), "VN"))
        return "58 country";
    g = get(f, n, "62");
    if (purpose[0]) {
        int na = g ? tlv_split(g->v, g->n, add, 8) : -1;
        if (na != 1 || !is(get(add, na, "08"), purpose))
            return "62/08 purpose";
    } else if (g != NULL) {
        return "62 present without a purpose";
    }
    if (strcmp(f[n - 1].id, "63") != 0 || f[n - 1].n != 4)
        return "63 (last, 4 hex digits)";
    if (!crc_ok(p))
        return "63 CRC";
    return NULL;
}

static const char *
build(hs_arena *a, const char *bin, const char *account, const char *amount, const char *purpose,
      hs_vietqr_arg *bad, const char **why)
{
    hs_report r = silent();
    hs_vietqr_in in = {bin, account, amount[0] ? strtoll(amount, NULL, 10) : 0, purpose};
    return hs_vietqr_payload(a, &in, bad, why, &r, HS_LOC_NONE);
}

/* ---- the vectors ---- */

static void
published_vectors(void)
{
    const char *dir = getenv("HS_SRCDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/tests/vectors/vietqr.tsv", dir && *dir ? dir : ".");
    FILE *fp = fopen(path, "r");
    CHECK(fp != NULL);
    if (fp == NULL)
        return;
    hs_arena *a = hs_arena_new(0);
    char line[1024];
    int lineno = 0, exact = 0, fields = 0, bad = 0, with_amount = 0, without = 0;
    while (fgets(line, sizeof line, fp) != NULL) {
        lineno++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *col[7];
        int nc = 0;
        for (char *c = line; nc < 7; nc++) {
            col[nc] = c;
            char *tab = strchr(c, '\t');
            if (tab == NULL) {
                nc++;
                break;
            }
            *tab = '\0';
            c = tab + 1;
        }
        if (nc != 7) {
            fprintf(stderr, "%s:%d: expected 7 columns\n", path, lineno);
            hs_t_case_failed = 1;
            continue;
        }
        const char *kind = col[0], *bin = col[1], *acc = col[2], *amt = col[3], *pur = col[4],
                   *pub = col[5];
        hs_vietqr_arg which;
        const char *why = NULL;
        const char *ours = build(a, bin, acc, amt, pur, &which, &why);
        const char *ascii = pur;
        size_t an;
        hs_report r = silent();
        if (pur[0])
            hs_text_ascii(a, pur, strlen(pur), &ascii, &an, &r, HS_LOC_NONE);
        int failed = 0;
        if (strcmp(kind, "bad") == 0) {
            bad++;
            /* The published string is refused; ours, for the same inputs, is right. */
            failed = wrong_field(pub, amt[0] ? "12" : "11", bin, acc, amt, ascii) == NULL ||
                     ours == NULL ||
                     wrong_field(ours, amt[0] ? "12" : "11", bin, acc, amt, ascii) != NULL;
        } else if (ours == NULL) {
            fprintf(stderr, "%s:%d: refused: %s\n", path, lineno, why);
            failed = 1;
        } else if (strcmp(kind, "exact") == 0) {
            exact++;
            failed = strcmp(ours, pub) != 0 ||
                     wrong_field(pub, amt[0] ? "12" : "11", bin, acc, amt, ascii) != NULL;
        } else if (strcmp(kind, "fields") == 0) {
            fields++;
            failed = wrong_field(pub, "11", bin, acc, amt, ascii) != NULL ||
                     wrong_field(ours, "12", bin, acc, amt, ascii) != NULL;
        } else {
            fprintf(stderr, "%s:%d: unknown kind '%s'\n", path, lineno, kind);
            failed = 1;
        }
        if (strcmp(kind, "bad") != 0) {
            if (amt[0])
                with_amount++;
            else
                without++;
        }
        if (failed) {
            fprintf(stderr, "%s:%d: %s vector fails\n  published %s\n  ours      %s\n", path,
                    lineno, kind, pub, ours ? ours : why);
            hs_t_case_failed = 1;
        }
    }
    fclose(fp);
    /* The issue asks for at least 5 published vectors, with and without an amount. */
    CHECK(exact >= 5);
    CHECK(with_amount >= 3 && without >= 3);
    CHECK(fields >= 1 && bad >= 2);
    hs_arena_free(a);
}

/* The reader itself: each kind of damage to a good payload is caught. */
static void
checker_catches_damage(void)
{
    const char *good = "00020101021138540010A00000072701240006970423011001234567890208QRIBFTTA"
                       "53037045802VN6304F64B";
    CHECK(wrong_field(good, "11", "970423", "0123456789", "", "") == NULL);
    CHECK(wrong_field(good, "12", "970423", "0123456789", "", "") != NULL);
    CHECK(wrong_field(good, "11", "970436", "0123456789", "", "") != NULL);
    CHECK(wrong_field(good, "11", "970423", "0123456788", "", "") != NULL);
    CHECK(wrong_field(good, "11", "970423", "0123456789", "1000", "") != NULL);
    CHECK(wrong_field(good, "11", "970423", "0123456789", "", "x") != NULL);
    char copy[128];
    snprintf(copy, sizeof copy, "%s", good);
    copy[strlen(copy) - 1] = 'C'; /* the CRC */
    CHECK(wrong_field(copy, "11", "970423", "0123456789", "", "") != NULL);
    snprintf(copy, sizeof copy, "%s", good);
    copy[30] = '8'; /* a digit of the BIN, CRC unchanged */
    CHECK(wrong_field(copy, "11", "970823", "0123456789", "", "") != NULL);
}

/* ---- the engine's own rules ---- */

static void
amount_and_initiation(void)
{
    hs_arena *a = hs_arena_new(0);
    hs_vietqr_arg bad;
    const char *why;
    const char *p = build(a, "970436", "0451000387654", "2500000", "", &bad, &why);
    CHECK(p != NULL && wrong_field(p, "12", "970436", "0451000387654", "2500000", "") == NULL);
    p = build(a, "970436", "0451000387654", "", "", &bad, &why);
    CHECK(p != NULL && wrong_field(p, "11", "970436", "0451000387654", "", "") == NULL);
    /* 13 digits is the most; 14 is refused, not cut. */
    p = build(a, "970436", "0451000387654", "9999999999999", "", &bad, &why);
    CHECK(p != NULL &&
          wrong_field(p, "12", "970436", "0451000387654", "9999999999999", "") == NULL);
    p = build(a, "970436", "0451000387654", "10000000000000", "", &bad, &why);
    CHECK(p == NULL && bad == HS_VIETQR_AMOUNT);
    p = build(a, "970436", "0451000387654", "-5", "", &bad, &why);
    CHECK(p == NULL && bad == HS_VIETQR_AMOUNT);
    hs_arena_free(a);
}

static void
bin_and_account_are_checked(void)
{
    hs_arena *a = hs_arena_new(0);
    hs_vietqr_arg bad = HS_VIETQR_PURPOSE;
    const char *why = NULL;
    CHECK(build(a, "97043", "0451000387654", "", "", &bad, &why) == NULL);
    CHECK_INT(bad, HS_VIETQR_BIN);
    CHECK_STR(why, "has 5 digits; a bank's BIN has 6");
    CHECK(build(a, "97043A", "0451000387654", "", "", &bad, &why) == NULL);
    CHECK_STR(why, "is not a bank BIN: 'A' is not a digit");
    CHECK(build(a, "9704360", "0451000387654", "", "", &bad, &why) == NULL);
    CHECK(build(a, "", "0451000387654", "", "", &bad, &why) == NULL);
    CHECK(build(a, "970436", "0451/000387654", "", "", &bad, &why) == NULL);
    CHECK_INT(bad, HS_VIETQR_ACCOUNT);
    CHECK_STR(why, "is not an account number: '/' is not a digit or a letter");
    CHECK(build(a, "970436", "12345678901234567890", "", "", &bad, &why) == NULL);
    CHECK_STR(why, "has 20 characters; a VietQR account number has at most 19");
    CHECK(build(a, "970436", " - ", "", "", &bad, &why) == NULL);
    /* 19 is allowed; the separators of a written number are an error, never
     * dropped: the code carries the account exactly as given. */
    CHECK(build(a, "970436", "1234567890123456789", "", "", &bad, &why) != NULL);
    const char *sep[] = {"0451 000387654", "0451.000387654", "0451-000387654"};
    for (int i = 0; i < 3; i++) {
        bad = HS_VIETQR_PURPOSE;
        CHECK(build(a, "970436", sep[i], "", "", &bad, &why) == NULL);
        CHECK_INT(bad, HS_VIETQR_ACCOUNT);
        char want[300];
        snprintf(want, sizeof want,
                 "is not an account number as a payment code carries it: '%c' is not a digit or "
                 "a letter (write the account without separators, or pass translate(account, "
                 "' .-', ''))",
                 sep[i][4]);
        CHECK_STR(why, want);
    }
    hs_arena_free(a);
}

static void
purpose_is_transliterated_or_refused(void)
{
    hs_arena *a = hs_arena_new(0);
    hs_vietqr_arg bad = HS_VIETQR_BIN;
    const char *why = NULL;
    const char *p =
        build(a, "970436", "0451000387654", "2500000", "Đặt cọc báo giá Chính Đại", &bad, &why);
    CHECK(p != NULL && wrong_field(p, "12", "970436", "0451000387654", "2500000",
                                   "Dat coc bao gia Chinh Dai") == NULL);
    /* 25 ASCII characters is the most: the 26th is an error, never a cut. */
    CHECK(build(a, "970436", "1", "1", "Thanh toán đợt 2 hợp đồng", &bad, &why) != NULL);
    CHECK(build(a, "970436", "1", "1", "Thanh toán đợt 2 hợp đồng.", &bad, &why) == NULL);
    CHECK_INT(bad, HS_VIETQR_PURPOSE);
    CHECK_STR(why, "is 26 characters in ASCII (\"Thanh toan dot 2 hop dong.\"); a payment purpose "
                   "has at most 25");
    CHECK(build(a, "970436", "1", "1", "Phí ★ dịch vụ", &bad, &why) == NULL);
    CHECK_STR(why, "has a character with no ASCII spelling (\"Phi _ dich vu\"); a payment purpose "
                   "is ASCII");
    CHECK(build(a, "970436", "1", "1", "mã_số 12", &bad, &why) != NULL); /* its own '_' is fine */
    CHECK(build(a, "970436", "1", "1", "dòng 1\ndòng 2", &bad, &why) == NULL);
    CHECK_STR(why, "has a control character (U+000A); a payment purpose is one line of text");
    /* no purpose: no ID 62 at all */
    p = build(a, "970436", "1", "1", "", &bad, &why);
    CHECK(p != NULL && strstr(p, "5802VN6304") != NULL);
    hs_arena_free(a);
}

static void
crc_of_the_check_string(void)
{
    /* CRC-16/CCITT-FALSE's check value: the CRC of "123456789" is 0x29B1. */
    CHECK_INT(hs_pay_crc16("123456789", 9), 0x29B1);
    CHECK_INT(crc_table_driven("123456789", 9), 0x29B1);
    CHECK_INT(hs_pay_crc16("", 0), 0xFFFF);
}

int
main(void)
{
    RUN(crc_of_the_check_string);
    RUN(checker_catches_damage);
    RUN(published_vectors);
    RUN(amount_and_initiation);
    RUN(bin_and_account_are_checked);
    RUN(purpose_is_transliterated_or_refused);
    hs_text_cleanup();
    return DONE();
}
