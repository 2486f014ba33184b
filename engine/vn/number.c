/* engine/vn/number.c — decimals and percentages the Vietnamese way:
 * '.' between thousands, ',' before the decimals ("12.345,67", "8,5%"). */
#include "vn/vn.h"

#include <stdio.h>
#include <string.h>

hs_vn_status
hs_vn_decimal_parse(const char *s, size_t n, int decimals, int64_t *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < n && s[i] == '-')
        neg = 1, i++;
    int64_t v = 0;
    int seen_digit = 0, frac = -1;
    for (; i < n; i++) {
        char c = s[i];
        if ((c == '.' || c == ',') && frac < 0 && seen_digit) {
            frac = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return HS_VN_E_SYNTAX;
        if (frac >= 0 && ++frac > decimals)
            return HS_VN_E_SYNTAX;
        if (v > (INT64_MAX / 10) - 10)
            return HS_VN_E_RANGE;
        v = v * 10 + (c - '0');
        seen_digit = 1;
    }
    if (!seen_digit || frac == 0)
        return HS_VN_E_SYNTAX;
    for (int k = frac < 0 ? 0 : frac; k < decimals; k++) {
        if (v > INT64_MAX / 10)
            return HS_VN_E_RANGE;
        v *= 10;
    }
    *out = neg ? -v : v;
    return HS_VN_OK;
}

hs_vn_status
hs_vn_decimal_format(int64_t scaled, int decimals, char *out, size_t cap)
{
    int64_t div = 1;
    for (int k = 0; k < decimals; k++)
        div *= 10;
    uint64_t mag = scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
    uint64_t ip = mag / (uint64_t)div, fp = mag % (uint64_t)div;
    char intpart[40];
    int64_t ipv = (int64_t)ip;
    if (hs_vn_int_format(scaled < 0 ? -ipv : ipv, intpart, sizeof intpart) != HS_VN_OK)
        return HS_VN_E_SPACE;
    if (scaled < 0 && ip == 0) /* "-0,5" */
        snprintf(intpart, sizeof intpart, "-0");
    char frac[24] = "";
    if (fp > 0) {
        snprintf(frac, sizeof frac, ",%0*llu", decimals, (unsigned long long)fp);
        size_t len = strlen(frac);
        while (len > 1 && frac[len - 1] == '0')
            frac[--len] = '\0';
    }
    int w = snprintf(out, cap, "%s%s", intpart, frac);
    if (w < 0 || (size_t)w >= cap) {
        if (cap > 0)
            out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    return HS_VN_OK;
}

hs_vn_status
hs_vn_percent_format(int64_t scaled, int decimals, char *out, size_t cap)
{
    hs_vn_status st = hs_vn_decimal_format(scaled, decimals, out, cap);
    if (st != HS_VN_OK)
        return st;
    size_t len = strlen(out);
    if (len + 2 > cap) {
        out[0] = '\0';
        return HS_VN_E_SPACE;
    }
    memcpy(out + len, "%", 2);
    return HS_VN_OK;
}
