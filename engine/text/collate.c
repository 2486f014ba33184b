/* engine/text/collate.c — Vietnamese order (ICU collator "vi", tertiary).
 *
 * Keys are ICU sort keys: byte strings with no NUL inside and one at the end,
 * so strcmp on two keys gives the collator's order. Normalisation is switched
 * on, so NFD and NFC spellings of one name get the same key. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>

static UCollator *vi_coll;
static const hs_tx_i18n *icu; /* set with vi_coll */

static UCollator *
collator(hs_report *r, hs_loc loc)
{
    if (vi_coll == NULL) {
        if ((icu = hs_tx_i18n_get(r, loc)) == NULL)
            return NULL;
        UErrorCode err = U_ZERO_ERROR;
        UCollator *c = icu->col_open("vi", &err);
        if (U_SUCCESS(err))
            icu->col_set_strength(c, UCOL_TERTIARY);
        if (U_SUCCESS(err))
            icu->col_set_attribute(c, UCOL_NORMALIZATION_MODE, UCOL_ON, &err);
        if (U_FAILURE(err)) {
            if (c != NULL)
                icu->col_close(c);
            hs_tx_icu_fail(r, loc, "ucol_open(\"vi\")", err);
            return NULL;
        }
        vi_coll = c;
    }
    return vi_coll;
}

void
hs_tx_collate_cleanup(void)
{
    if (vi_coll != NULL)
        icu->col_close(vi_coll);
    vi_coll = NULL;
}

int
hs_text_sort_key(hs_arena *a, const char *s, size_t n, const char **key, hs_report *r, hs_loc loc)
{
    if (hs_tx_check(s, n, r, loc) != 0)
        return -1;
    UCollator *c = collator(r, loc);
    if (c == NULL)
        return -1;
    int32_t len;
    UChar *u = hs_tx_to_u16(s, n, &len, r, loc);
    if (u == NULL)
        return -1;

    /* Most names fit the stack buffer; ucol_getSortKey returns the full size
     * (with the NUL) even when the buffer is short, so one retry suffices. */
    uint8_t small[256];
    int32_t need = icu->col_sort_key(c, u, len, small, (int32_t)sizeof small);
    if (need <= 0) {
        free(u);
        return hs_error(r, loc, HS_CODE_INTERNAL, "ICU ucol_getSortKey failed");
    }
    char *k = hs_arena_alloc(a, (size_t)need);
    if ((size_t)need <= sizeof small)
        memcpy(k, small, (size_t)need);
    else if (icu->col_sort_key(c, u, len, (uint8_t *)k, need) != need) {
        free(u);
        return hs_error(r, loc, HS_CODE_INTERNAL, "ICU ucol_getSortKey changed its size");
    }
    free(u);
    hs_assert(k[need - 1] == '\0' && strlen(k) == (size_t)need - 1);
    *key = k;
    return 0;
}

int
hs_text_compare(const char *a, size_t an, const char *b, size_t bn)
{
    UCollator *c =
        an <= HS_TX_MAX_BYTES && bn <= HS_TX_MAX_BYTES ? collator(NULL, HS_LOC_NONE) : NULL;
    if (c != NULL) {
        /* ICU reads ill-formed UTF-8 as U+FFFD here, so the order stays total. */
        UErrorCode err = U_ZERO_ERROR;
        UCollationResult res = icu->col_strcoll_utf8(c, a, (int32_t)an, b, (int32_t)bn, &err);
        if (U_SUCCESS(err))
            return res == UCOL_LESS ? -1 : res == UCOL_GREATER ? 1 : 0;
    }
    /* Without a collator (already reported), or past ICU's int32_t lengths,
     * byte order is the least bad. */
    size_t common = an < bn ? an : bn;
    int d = common > 0 ? memcmp(a, b, common) : 0;
    if (d == 0)
        d = an < bn ? -1 : an > bn ? 1 : 0;
    return d < 0 ? -1 : d > 0 ? 1 : 0;
}
