/* engine/text/case.c — upper and lower case with the "vi" locale (ICU ustring).
 *
 * The result is always NFC, whatever the input form: case mapping of NFD text
 * maps the base letters and leaves the marks loose, so it is composed after.
 * ASCII is mapped here directly, since "vi" maps ASCII like the C locale. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>

#include <unicode/ustring.h>

typedef int32_t case_fn(UChar *dest, int32_t cap, const UChar *src, int32_t len, const char *locale,
                        UErrorCode *err);

static int
ascii_case(hs_arena *a, const char *s, size_t n, int upper, const char **out, size_t *out_len)
{
    char *d = hs_arena_strndup(a, s, n);
    for (size_t i = 0; i < n; i++) {
        if (upper && d[i] >= 'a' && d[i] <= 'z')
            d[i] = (char)(d[i] - 'a' + 'A');
        else if (!upper && d[i] >= 'A' && d[i] <= 'Z')
            d[i] = (char)(d[i] - 'A' + 'a');
    }
    *out = d;
    *out_len = n;
    return 0;
}

static int
map_case(case_fn *fn, const char *what, int upper, hs_arena *a, const char *s, size_t n,
         const char **out, size_t *out_len, hs_report *r, hs_loc loc)
{
    if (hs_tx_is_ascii(s, n))
        return ascii_case(a, s, n, upper, out, out_len);
    if (hs_tx_check(s, n, r, loc) != 0)
        return -1;
    int32_t len;
    UChar *u = hs_tx_to_u16(s, n, &len, r, loc);
    if (u == NULL)
        return -1;

    /* Full case mapping can grow a string (ß → SS, ŉ → ʼN), never past 3×;
     * if the guess is short ICU says by how much and we call again. */
    int32_t cap = len + len / 2 + 16, got = 0;
    UChar *m = NULL;
    UErrorCode err = U_ZERO_ERROR;
    for (int attempt = 0; attempt < 2; attempt++) {
        m = hs_tx_malloc((size_t)cap * sizeof *m);
        err = U_ZERO_ERROR;
        got = fn(m, cap, u, len, "vi", &err);
        if (U_SUCCESS(err) && got < cap)
            break;
        free(m);
        m = NULL;
        if (err != U_BUFFER_OVERFLOW_ERROR && err != U_STRING_NOT_TERMINATED_WARNING)
            break;
        cap = got + 1;
    }
    free(u);
    if (m == NULL)
        return hs_tx_icu_fail(r, loc, what, U_FAILURE(err) ? err : U_BUFFER_OVERFLOW_ERROR);

    err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) {
        free(m);
        return hs_tx_icu_fail(r, loc, "unorm2_getNFCInstance", err);
    }
    int rc;
    if (unorm2_quickCheck(nfc, m, got, &err) == UNORM_YES && U_SUCCESS(err)) {
        rc = hs_tx_to_utf8(a, m, got, out, out_len, r, loc);
    } else {
        int32_t vlen;
        UChar *v = hs_tx_normalize(nfc, m, got, &vlen, r, loc);
        rc = v != NULL ? hs_tx_to_utf8(a, v, vlen, out, out_len, r, loc) : -1;
        free(v);
    }
    free(m);
    return rc;
}

int
hs_text_upper(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len, hs_report *r,
              hs_loc loc)
{
    return map_case(u_strToUpper, "u_strToUpper", 1, a, s, n, out, out_len, r, loc);
}

int
hs_text_lower(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len, hs_report *r,
              hs_loc loc)
{
    return map_case(u_strToLower, "u_strToLower", 0, a, s, n, out, out_len, r, loc);
}
