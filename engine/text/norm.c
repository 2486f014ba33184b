/* engine/text/norm.c — NFC and NFD (ICU unorm2).
 *
 * Text that is already in the asked form is handed back as the caller's own
 * pointer, not copied: records are mostly NFC, and most of their strings are
 * ASCII. Anything else is normalised once and copied into the arena. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>

typedef const UNormalizer2 *get_normalizer(UErrorCode *err);

static int
normalize(get_normalizer *get, const char *what, hs_arena *a, const char *s, size_t n,
          const char **out, size_t *out_len, hs_report *r, hs_loc loc)
{
    if (n == 0) {
        *out = "";
        *out_len = 0;
        return 0;
    }
    /* ASCII has no decomposition and no combining marks: NFC and NFD alike. */
    if (hs_tx_is_ascii(s, n)) {
        *out = s;
        *out_len = n;
        return 0;
    }
    if (hs_tx_check(s, n, r, loc) != 0)
        return -1;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nm = get(&err);
    if (U_FAILURE(err))
        return hs_tx_icu_fail(r, loc, what, err);

    int32_t len;
    UChar *u = hs_tx_to_u16(s, n, &len, r, loc);
    if (u == NULL)
        return -1;
    /* quickCheck answers YES, NO or MAYBE; only YES lets us skip the work. */
    UNormalizationCheckResult qc = unorm2_quickCheck(nm, u, len, &err);
    if (U_SUCCESS(err) && qc == UNORM_YES) {
        free(u);
        *out = s;
        *out_len = n;
        return 0;
    }
    int32_t vlen;
    UChar *v = hs_tx_normalize(nm, u, len, &vlen, r, loc);
    free(u);
    if (v == NULL)
        return -1;
    int rc = hs_tx_to_utf8(a, v, vlen, out, out_len, r, loc);
    free(v);
    return rc;
}

int
hs_text_nfc(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len, hs_report *r,
            hs_loc loc)
{
    return normalize(unorm2_getNFCInstance, "unorm2_getNFCInstance", a, s, n, out, out_len, r, loc);
}

int
hs_text_nfd(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len, hs_report *r,
            hs_loc loc)
{
    return normalize(unorm2_getNFDInstance, "unorm2_getNFDInstance", a, s, n, out, out_len, r, loc);
}
