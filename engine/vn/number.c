/* engine/vn/number.c — numbers the Vietnamese way: '.' between thousands and
 * ',' before the decimals ("1.234.567", "12.345,67", "8,5%").
 *
 * A decimal is an int64 scaled by 10^decimals (0 <= decimals <= 18), so that
 * rates and quantities stay exact like money. */
#include "vn/vn.h"

#include <string.h>

#define MAX_DECIMALS 18

/* Longest text: '-', 19 digits with 6 dots, ',', 18 decimals, '%', NUL. */
#define NUM_BUF 64

static uint64_t
pow10u(int k)
{
    uint64_t p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

/* Writes scaled / 10^decimals into b: sign, grouped integer part, and the
 * decimals without trailing zeros (so 10,0 % prints as 10 %). */
static size_t
compose(char *b, int64_t scaled, int decimals)
{
    uint64_t m = scaled < 0 ? 0 - (uint64_t)scaled : (uint64_t)scaled;
    uint64_t div = pow10u(decimals), ip = m / div, fp = m % div;
    char rev[32];
    size_t r = 0;
    for (int k = 0;; k++) {
        if (k > 0 && k % 3 == 0)
            rev[r++] = '.';
        rev[r++] = (char)('0' + ip % 10);
        ip /= 10;
        if (ip == 0)
            break;
    }
    size_t n = 0;
    if (scaled < 0)
        b[n++] = '-';
    while (r > 0)
        b[n++] = rev[--r];
    if (fp > 0) {
        int d = decimals;
        for (; fp % 10 == 0; d--)
            fp /= 10;
        b[n++] = ',';
        for (int k = d - 1; k >= 0; k--, fp /= 10)
            b[n + (size_t)k] = (char)('0' + fp % 10);
        n += (size_t)d;
    }
    b[n] = '\0';
    return n;
}

/* Copies text of length n with an optional suffix, or fails without a cut. */
static hs_vn_status
emit(const char *text, size_t n, const char *suffix, char *out, size_t cap)
{
    size_t sl = strlen(suffix);
    if (n + sl >= cap) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    memcpy(out, text, n);
    memcpy(out + n, suffix, sl + 1);
    return HS_VN_OK;
}

hs_vn_status
hs_vn_int_format(int64_t v, char *out, size_t cap)
{
    char b[NUM_BUF];
    return emit(b, compose(b, v, 0), "", out, cap);
}

static hs_vn_status
scaled_format(int64_t scaled, int decimals, const char *suffix, char *out, size_t cap)
{
    if (decimals < 0 || decimals > MAX_DECIMALS) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_RANGE;
    }
    char b[NUM_BUF];
    return emit(b, compose(b, scaled, decimals), suffix, out, cap);
}

hs_vn_status
hs_vn_decimal_format(int64_t scaled, int decimals, char *out, size_t cap)
{
    return scaled_format(scaled, decimals, "", out, cap);
}

hs_vn_status
hs_vn_percent_format(int64_t scaled, int decimals, char *out, size_t cap)
{
    /* No space before '%' in Vietnamese business text: "8,5%". */
    return scaled_format(scaled, decimals, "%", out, cap);
}

hs_vn_status
hs_vn_decimal_parse(const char *s, size_t n, int decimals, int64_t *out)
{
    if (decimals < 0 || decimals > MAX_DECIMALS)
        return HS_VN_E_RANGE;
    while (n > 0 && s[0] == ' ') {
        s++;
        n--;
    }
    while (n > 0 && s[n - 1] == ' ')
        n--;
    size_t i = 0;
    int neg = n > 0 && s[0] == '-';
    i += (size_t)neg;
    /* Both separators are accepted for the decimals: a rate comes as "8,5"
     * from a Vietnamese user and as "8.5" from a spreadsheet export. With
     * one separator at most, "1.234" is one point two three four, never a
     * thousand. */
    uint64_t v = 0, lim = (uint64_t)INT64_MAX;
    int int_digits = 0, frac = -1, big = 0;
    for (; i < n; i++) {
        char c = s[i];
        if ((c == '.' || c == ',') && frac < 0 && int_digits > 0) {
            frac = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return HS_VN_E_SYNTAX;
        if (frac >= 0 && ++frac > decimals)
            return HS_VN_E_SYNTAX;
        if (frac < 0)
            int_digits++;
        if (v > (lim - (uint64_t)(c - '0')) / 10)
            big = 1;
        else
            v = v * 10 + (uint64_t)(c - '0');
    }
    if (int_digits == 0 || frac == 0)
        return HS_VN_E_SYNTAX;
    for (int k = frac < 0 ? 0 : frac; k < decimals && !big; k++) {
        if (v > lim / 10)
            big = 1;
        v *= 10;
    }
    if (big)
        return HS_VN_E_RANGE;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return HS_VN_OK;
}
