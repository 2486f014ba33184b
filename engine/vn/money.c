/* engine/vn/money.c — integer đồng: parse, format, checked arithmetic, VAT.
 *
 * Money never touches a double. Every amount accepted or returned here lies
 * within ±HS_VN_MONEY_MAX (< 2^60), so the sum of two of them cannot wrap an
 * int64, and VAT splits the base so that no intermediate product leaves int64
 * either (no __int128 needed). */
#include "vn/vn.h"

#include <string.h>

/* The no-break space keeps "1.234.567 ₫" on one line (vietnamese.md §1). */
#define NBSP "\xC2\xA0"

const char *
hs_vn_strerror(hs_vn_status s)
{
    switch (s) {
    case HS_VN_OK:
        return "no error";
    case HS_VN_E_SYNTAX:
        return "not in an accepted form";
    case HS_VN_E_RANGE:
        return "out of range";
    case HS_VN_E_NEGATIVE:
        return "negative where a negative is not allowed";
    case HS_VN_E_DATE:
        return "not a day of the calendar";
    case HS_VN_E_SPACE:
        return "output buffer too small";
    case HS_VN_E_RATE:
        return "not a VAT rate";
    }
    return "unknown error";
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

hs_vn_status
hs_vn_money_parse(const char *s, size_t n, int allow_negative, int64_t *out)
{
    size_t i = 0;
    while (i < n && is_space(s[i]))
        i++;
    while (n > i && is_space(s[n - 1]))
        n--;
    int neg = i < n && s[i] == '-';
    i += (size_t)neg;
    if (i == n)
        return HS_VN_E_SYNTAX;
    /* "007" and "0.500" are typing slips, not amounts: only "0" starts with 0. */
    if (s[i] == '0' && n - i > 1)
        return HS_VN_E_SYNTAX;
    uint64_t v = 0;
    size_t run = 0; /* digits since the start or since the last '.' */
    int dots = 0;
    for (size_t k = i; k < n; k++) {
        char c = s[k];
        if (c == '.') {
            /* First group 1-3 digits, every later group exactly 3: "1.23"
             * and "1234.567" are rejected rather than guessed at. */
            if (run == 0 || run > 3 || (dots > 0 && run != 3))
                return HS_VN_E_SYNTAX;
            dots++;
            run = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return HS_VN_E_SYNTAX;
        /* Saturate just above the maximum so that a long input still gets its
         * syntax checked before it is called too large. */
        if (v <= (uint64_t)HS_VN_MONEY_MAX)
            v = v * 10 + (uint64_t)(c - '0');
        run++;
    }
    if (run == 0 || (dots > 0 && run != 3))
        return HS_VN_E_SYNTAX;
    if (neg && !allow_negative)
        return HS_VN_E_NEGATIVE;
    if (v > (uint64_t)HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_money_format(int64_t dong, hs_vn_unit unit, char *out, size_t cap)
{
    static const char *const units[] = {NBSP "₫", NBSP "đồng", NBSP "VNĐ", ""};
    if ((int)unit < 0 || (int)unit > (int)HS_VN_UNIT_NONE) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SYNTAX;
    }
    hs_vn_status st = hs_vn_int_format(dong, out, cap);
    if (st != HS_VN_OK)
        return st;
    size_t len = strlen(out), ul = strlen(units[unit]);
    if (len + ul >= cap) {
        out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    memcpy(out + len, units[unit], ul + 1);
    return HS_VN_OK;
}

static int
in_range(int64_t v)
{
    return v >= -HS_VN_MONEY_MAX && v <= HS_VN_MONEY_MAX;
}

hs_vn_status
hs_vn_add(int64_t a, int64_t b, int64_t *out)
{
    if (!in_range(a) || !in_range(b) || !in_range(a + b))
        return HS_VN_E_RANGE;
    *out = a + b;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_mul(int64_t a, int64_t b, int64_t *out)
{
    /* Magnitudes in uint64 so that INT64_MIN has no special case. */
    uint64_t ua = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    if (ua != 0 && ub > (uint64_t)HS_VN_MONEY_MAX / ua)
        return HS_VN_E_RANGE;
    int64_t p = (int64_t)(ua * ub);
    *out = (a < 0) != (b < 0) ? -p : p;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_vat_parse(const char *s, size_t n, int *rate_tenths)
{
    while (n > 0 && is_space(s[0])) {
        s++;
        n--;
    }
    while (n > 0 && is_space(s[n - 1]))
        n--;
    /* KCT (không chịu thuế) is a category of its own, distinct from 0 %:
     * invoices print it as "KCT", so it must survive the parse. */
    if (n == 3 && (s[0] | 0x20) == 'k' && (s[1] | 0x20) == 'c' && (s[2] | 0x20) == 't') {
        *rate_tenths = HS_VN_VAT_KCT;
        return HS_VN_OK;
    }
    if (n > 0 && s[n - 1] == '%') {
        n--;
        while (n > 0 && is_space(s[n - 1])) /* "10 %" as some people type it */
            n--;
    }
    int64_t v;
    if (n == 0 || s[0] < '0' || s[0] > '9' || hs_vn_decimal_parse(s, n, 1, &v) != HS_VN_OK ||
        v > 1000)
        return HS_VN_E_RATE;
    *rate_tenths = (int)v;
    return HS_VN_OK;
}

int
hs_vn_vat_rate_in_law(int rate_tenths)
{
    return rate_tenths == HS_VN_VAT_KCT || rate_tenths == 0 || rate_tenths == 50 ||
           rate_tenths == 80 || rate_tenths == 100;
}

hs_vn_status
hs_vn_vat(int64_t base, int rate_tenths, int64_t *vat)
{
    if (rate_tenths == HS_VN_VAT_KCT) {
        *vat = 0;
        return HS_VN_OK;
    }
    if (rate_tenths < 0 || rate_tenths > 1000)
        return HS_VN_E_RATE;
    if (!in_range(base))
        return HS_VN_E_RANGE;
    /* |base| * rate / 1000, half-up, without a product that can overflow:
     * with |base| = q * 1000 + r, the result is q * rate + (r * rate + 500) / 1000,
     * and q * rate <= 10^15 * 1000. Rounding is on the magnitude (half away
     * from zero) so that a credit note's VAT is exactly minus the invoice's. */
    uint64_t m = base < 0 ? 0 - (uint64_t)base : (uint64_t)base;
    uint64_t rate = (uint64_t)rate_tenths;
    uint64_t v = m / 1000 * rate + (m % 1000 * rate + 500) / 1000;
    *vat = base < 0 ? -(int64_t)v : (int64_t)v;
    return HS_VN_OK;
}
