/* engine/text/norm.c — NFC and NFD (ICU unorm2).
 *
 * Text that is already in the asked form is handed back as the caller's own
 * pointer, not copied: records are mostly NFC, and most of their strings are
 * ASCII. Anything else is normalised once and copied into the arena. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <unicode/uchar.h>

typedef const UNormalizer2 *get_normalizer(UErrorCode *err);

/* What ICU's properties say of each BMP code point for the quick check of
 * one form (0: not asked yet, 1: inert, 2: not), asked once a process. */
typedef _Atomic unsigned char inert_table[0x10000];
static inert_table nfc_inert, nfd_inert;

/* Whether the quick check of the form (UCHAR_NFC_QUICK_CHECK or
 * UCHAR_NFD_QUICK_CHECK) answers YES for valid UTF-8 s without converting
 * it: every code point's own answer YES with combining class 0 (the check,
 * UAX #15, answers otherwise only for a NO, a MAYBE or a non-zero class out
 * of order). Vietnamese text in NFC is all such code points; the
 * conversion to UTF-16 and unorm2_quickCheck were most of a document's
 * normalising. */
static int
all_inert(const char *s, size_t n, UProperty form_qc, inert_table *known)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = hs_utf8_decode(s + i, n - i, &cp);
        if (k == 0 || cp > 0xFFFF)
            return 0;
        i += (size_t)k;
        unsigned char v = atomic_load_explicit(&(*known)[cp], memory_order_relaxed);
        if (v == 0) {
            v = u_getIntPropertyValue((UChar32)cp, form_qc) == UNORM_YES &&
                        u_getCombiningClass((UChar32)cp) == 0
                    ? 1
                    : 2;
            atomic_store_explicit(&(*known)[cp], v, memory_order_relaxed);
        }
        if (v != 1)
            return 0;
    }
    return 1;
}

static int
normalize(get_normalizer *get, const char *what, UProperty form_qc, inert_table *known, hs_arena *a,
          const char *s, size_t n, const char **out, size_t *out_len, hs_report *r, hs_loc loc)
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
    if (all_inert(s, n, form_qc, known)) {
        *out = s;
        *out_len = n;
        return 0;
    }
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
    return normalize(unorm2_getNFCInstance, "unorm2_getNFCInstance", UCHAR_NFC_QUICK_CHECK,
                     &nfc_inert, a, s, n, out, out_len, r, loc);
}

int
hs_text_nfd(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len, hs_report *r,
            hs_loc loc)
{
    return normalize(unorm2_getNFDInstance, "unorm2_getNFDInstance", UCHAR_NFD_QUICK_CHECK,
                     &nfd_inert, a, s, n, out, out_len, r, loc);
}
