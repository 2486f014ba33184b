/* engine/vn/money.c — integer đồng: parse, format, checked arithmetic, VAT.
 *
 * Money never touches a double. Sums stay within ±HS_VN_MONEY_MAX, which
 * leaves int64 room for every intermediate product we form (VAT uses a
 * 128-bit product). */
#include "vn/vn.h"

#include <string.h>

const char *
hs_vn_strerror(hs_vn_status s)
{
    switch (s) {
    case HS_VN_OK:
        return "ok";
    case HS_VN_E_SYNTAX:
        return "not in an accepted form";
    case HS_VN_E_RANGE:
        return "out of range";
    case HS_VN_E_NEGATIVE:
        return "negative";
    case HS_VN_E_DATE:
        return "not a calendar date";
    case HS_VN_E_SPACE:
        return "output too long";
    case HS_VN_E_RATE:
        return "not a VAT rate";
    }
    return "unknown error";
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

hs_vn_status
hs_vn_money_parse(const char *s, size_t n, int allow_negative, int64_t *out)
{
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    while (n > i && s[n - 1] == ' ')
        n--;
    int neg = 0;
    if (i < n && s[i] == '-') {
        neg = 1;
        i++;
    }
    if (i == n || !is_digit(s[i]))
        return HS_VN_E_SYNTAX;
    /* Either plain digits, or a first group of 1-3 digits then ".ddd" groups. */
    int grouped = memchr(s + i, '.', n - i) != NULL;
    int64_t v = 0;
    size_t digits = 0, group = 0;
    int first_group = 1;
    for (size_t k = i; k < n; k++) {
        char c = s[k];
        if (c == '.') {
            if (group == 0 || (first_group && group > 3) || (!first_group && group != 3))
                return HS_VN_E_SYNTAX;
            first_group = 0;
            group = 0;
            continue;
        }
        if (!is_digit(c))
            return HS_VN_E_SYNTAX;
        if (digits == 1 && v == 0)
            return HS_VN_E_SYNTAX; /* leading zero: "007" */
        if (v > (HS_VN_MONEY_MAX - (c - '0')) / 10)
            return HS_VN_E_RANGE;
        v = v * 10 + (c - '0');
        digits++;
        group++;
    }
    if (grouped && group != 3)
        return HS_VN_E_SYNTAX;
    if (neg && !allow_negative)
        return HS_VN_E_NEGATIVE;
    *out = neg ? -v : v;
    return HS_VN_OK;
}

/* "1.234.567" into out; returns the length or -1 when it does not fit. */
static int
group_digits(int64_t v, char *out, size_t cap)
{
    char tmp[40];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int k = 0;
    do {
        if (k == 3) {
            tmp[n++] = '.';
            k = 0;
        }
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
        k++;
    } while (u > 0);
    if (v < 0)
        tmp[n++] = '-';
    if ((size_t)n + 1 > cap)
        return -1;
    for (int j = 0; j < n; j++)
        out[j] = tmp[n - 1 - j];
    out[n] = '\0';
    return n;
}

hs_vn_status
hs_vn_int_format(int64_t v, char *out, size_t cap)
{
    if (group_digits(v, out, cap) < 0) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    return HS_VN_OK;
}

hs_vn_status
hs_vn_money_format(int64_t dong, hs_vn_unit unit, char *out, size_t cap)
{
    static const char *const units[] = {"\xC2\xA0₫", "\xC2\xA0đồng", "\xC2\xA0VNĐ", ""};
    int n = group_digits(dong, out, cap);
    const char *u = units[unit <= HS_VN_UNIT_NONE ? unit : HS_VN_UNIT_NONE];
    size_t ul = strlen(u);
    if (n < 0 || (size_t)n + ul + 1 > cap) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    memcpy(out + n, u, ul + 1);
    return HS_VN_OK;
}

hs_vn_status
hs_vn_add(int64_t a, int64_t b, int64_t *out)
{
    /* Both operands are within ±MONEY_MAX (< 2^60), so the sum cannot wrap. */
    if (a > HS_VN_MONEY_MAX || a < -HS_VN_MONEY_MAX || b > HS_VN_MONEY_MAX ||
        b < -HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    int64_t s = a + b;
    if (s > HS_VN_MONEY_MAX || s < -HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    *out = s;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_mul(int64_t a, int64_t b, int64_t *out)
{
    __int128 p = (__int128)a * b;
    if (p > HS_VN_MONEY_MAX || p < -HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    *out = (int64_t)p;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_vat_parse(const char *s, size_t n, int *rate_tenths)
{
    while (n > 0 && s[0] == ' ')
        s++, n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 3 && (s[0] == 'K' || s[0] == 'k') && (s[1] == 'C' || s[1] == 'c') &&
        (s[2] == 'T' || s[2] == 't'))
        return *rate_tenths = HS_VN_VAT_KCT, HS_VN_OK;
    if (n > 0 && s[n - 1] == '%')
        n--;
    int64_t v;
    if (n == 0 || s[0] == '-' || hs_vn_decimal_parse(s, n, 1, &v) != HS_VN_OK)
        return HS_VN_E_RATE;
    if (v < 0 || v > 1000)
        return HS_VN_E_RATE;
    *rate_tenths = (int)v;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_vat(int64_t base, int rate_tenths, int64_t *vat)
{
    if (rate_tenths == HS_VN_VAT_KCT)
        return *vat = 0, HS_VN_OK;
    if (rate_tenths < 0 || rate_tenths > 1000)
        return HS_VN_E_RATE;
    if (base > HS_VN_MONEY_MAX || base < -HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    /* Half-up on the magnitude, exactly: (|base| * rate + 500) / 1000. */
    __int128 m = (__int128)(base < 0 ? -base : base) * rate_tenths;
    __int128 v = (m + 500) / 1000;
    if (v > HS_VN_MONEY_MAX)
        return HS_VN_E_RANGE;
    *vat = base < 0 ? -(int64_t)v : (int64_t)v;
    return HS_VN_OK;
}
