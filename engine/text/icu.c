/* engine/text/icu.c — UTF-8 ⇄ UTF-16 at the ICU boundary, and process cleanup.
 *
 * Input is checked with base's strict decoder before ICU sees it, so every
 * text/ function rejects the same bytes with the same offset, and ICU never
 * gets to substitute U+FFFD silently. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uclean.h>
#include <unicode/ustring.h>

int
hs_tx_is_ascii(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++)
        if (u[i] >= 0x80)
            return 0;
    return 1;
}

int
hs_tx_check(const char *s, size_t n, hs_report *r, hs_loc loc)
{
    if (n > HS_TX_MAX_BYTES)
        return hs_error(r, loc, HS_CODE_LIMIT, "text of %zu bytes is too long", n);
    size_t at = hs_utf8_invalid_at(s, n);
    if (at != (size_t)-1)
        return hs_error(r, loc, HS_CODE_UTF8, "invalid UTF-8 at byte %zu", at);
    return 0;
}

int
hs_tx_icu_fail(hs_report *r, hs_loc loc, const char *what, UErrorCode err)
{
    return hs_error(r, loc, HS_CODE_INTERNAL, "ICU %s failed: %s", what, u_errorName(err));
}

void *
hs_tx_malloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory (%zu bytes)", n);
    return p;
}

UChar *
hs_tx_to_u16(const char *s, size_t n, int32_t *len, hs_report *r, hs_loc loc)
{
    /* A UTF-8 sequence of k bytes gives at most k UTF-16 units, so n + 1
     * units always suffice and no pre-flight pass is needed. */
    UChar *u = hs_tx_malloc((n + 1) * sizeof *u);
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, (int32_t)n + 1, len, s, (int32_t)n, &err);
    if (U_FAILURE(err)) {
        free(u);
        hs_tx_icu_fail(r, loc, "u_strFromUTF8", err);
        return NULL;
    }
    return u;
}

int
hs_tx_to_utf8(hs_arena *a, const UChar *u, int32_t len, const char **out, size_t *out_len,
              hs_report *r, hs_loc loc)
{
    /* Pre-flight for the exact size, so the arena holds no slack. */
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, u, len, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return hs_tx_icu_fail(r, loc, "u_strToUTF8", err);
    char *s = hs_arena_alloc(a, (size_t)need + 1);
    err = U_ZERO_ERROR;
    u_strToUTF8(s, need + 1, NULL, u, len, &err);
    if (U_FAILURE(err))
        return hs_tx_icu_fail(r, loc, "u_strToUTF8", err);
    s[need] = '\0';
    *out = s;
    *out_len = (size_t)need;
    return 0;
}

UChar *
hs_tx_normalize(const UNormalizer2 *nm, const UChar *u, int32_t len, int32_t *out_len, hs_report *r,
                hs_loc loc)
{
    /* NFD of a Vietnamese letter is at most 3 units (ệ = e + U+0323 + U+0302);
     * a first guess of 3 × len + 1 is nearly always enough, else ICU says how
     * much it needs and one more call does it. */
    int32_t cap = len <= (INT32_MAX - 1) / 3 ? 3 * len + 1 : INT32_MAX;
    for (int attempt = 0; attempt < 2; attempt++) {
        UChar *v = hs_tx_malloc((size_t)cap * sizeof *v);
        UErrorCode err = U_ZERO_ERROR;
        int32_t got = unorm2_normalize(nm, u, len, v, cap, &err);
        if (U_SUCCESS(err) && got < cap) {
            v[got] = 0;
            *out_len = got;
            return v;
        }
        free(v);
        if (err != U_BUFFER_OVERFLOW_ERROR && err != U_STRING_NOT_TERMINATED_WARNING) {
            hs_tx_icu_fail(r, loc, "unorm2_normalize", err);
            return NULL;
        }
        if (got >= INT32_MAX - 1)
            break;
        cap = got + 1;
    }
    hs_error(r, loc, HS_CODE_LIMIT, "normalised text is too long");
    return NULL;
}

void
hs_text_cleanup(void)
{
    hs_tx_breaks_cleanup();
    hs_tx_collate_cleanup();
    hs_tx_translit_cleanup();
    /* Frees ICU's own caches (loaded data, the normaliser instances); ICU
     * loads them again on next use, so the text/ functions keep working. */
    u_cleanup();
}
