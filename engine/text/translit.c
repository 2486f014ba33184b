/* engine/text/translit.c — ASCII transliteration (file names, ASCII-only sinks).
 *
 * The result is pure ASCII, always: ICU does the letters (Đ → D, ư → u, any
 * script → Latin) and the punctuation it knows (“” → ", – → -), and whatever
 * is still outside ASCII after that becomes '_' rather than being dropped. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/utrans.h>

/* Any-Latin first, so other scripts become Latin letters; marks are then
 * stripped as a class, because Latin-ASCII alone keeps a mark with no letter
 * under it (a stray U+0323 from broken NFD data, or one after ₫); Latin-ASCII
 * does the rest, Đ/đ included. ₫ is in neither: "VND" is its ASCII spelling. */
static const UChar ascii_rules[] = u"::Any-Latin; ::NFD; ::[:Nonspacing Mark:] Remove; ::NFC; "
                                   u"::Latin-ASCII; \\u20AB > VND;";
static const UChar ascii_id[] = u"hoso-ascii";

static UTransliterator *ascii_trans;

static UTransliterator *
transliterator(hs_report *r, hs_loc loc)
{
    if (ascii_trans == NULL) {
        UErrorCode err = U_ZERO_ERROR;
        UParseError pe;
        UTransliterator *t = utrans_openU(ascii_id, -1, UTRANS_FORWARD, ascii_rules, -1, &pe, &err);
        if (U_FAILURE(err)) {
            hs_error(r, loc, HS_CODE_INTERNAL, "ICU utrans_openU failed: %s (rules offset %d)",
                     u_errorName(err), (int)pe.offset);
            return NULL;
        }
        ascii_trans = t;
    }
    return ascii_trans;
}

void
hs_tx_translit_cleanup(void)
{
    if (ascii_trans != NULL)
        utrans_close(ascii_trans);
    ascii_trans = NULL;
}

int
hs_text_ascii(hs_arena *a, const char *s, size_t n, const char **out, size_t *out_len, hs_report *r,
              hs_loc loc)
{
    if (hs_tx_is_ascii(s, n)) {
        *out = hs_arena_strndup(a, s, n);
        *out_len = n;
        return 0;
    }
    if (hs_tx_check(s, n, r, loc) != 0)
        return -1;
    UTransliterator *t = transliterator(r, loc);
    if (t == NULL)
        return -1;
    int32_t len;
    UChar *u = hs_tx_to_u16(s, n, &len, r, loc);
    if (u == NULL)
        return -1;

    /* utrans_transUChars works in place and truncates when the result is
     * longer than the buffer, telling the full length: then start again from
     * the input with a buffer that size. */
    int32_t cap = len <= (INT32_MAX - 16) / 2 ? 2 * len + 16 : INT32_MAX, got = 0;
    UChar *w = NULL;
    UErrorCode err = U_ZERO_ERROR;
    for (int attempt = 0; attempt < 2; attempt++) {
        w = hs_tx_malloc((size_t)cap * sizeof *w);
        memcpy(w, u, (size_t)len * sizeof *w);
        got = len;
        int32_t limit = len;
        err = U_ZERO_ERROR;
        utrans_transUChars(t, w, &got, cap, 0, &limit, &err);
        if (U_SUCCESS(err) && got < cap)
            break;
        free(w);
        w = NULL;
        if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR)
            break;
        if (got >= INT32_MAX - 1)
            break;
        cap = got + 1;
    }
    free(u);
    if (w == NULL)
        return hs_tx_icu_fail(r, loc, "utrans_transUChars",
                              U_FAILURE(err) ? err : U_BUFFER_OVERFLOW_ERROR);

    /* Each UTF-16 unit outside ASCII is one '_', except that a surrogate pair
     * (one code point) is one '_' too. */
    char *d = hs_arena_alloc(a, (size_t)got + 1);
    size_t k = 0;
    for (int32_t i = 0; i < got; i++) {
        UChar c = w[i];
        if (c < 0x80) {
            d[k++] = (char)c;
            continue;
        }
        if (U16_IS_LEAD(c) && i + 1 < got && U16_IS_TRAIL(w[i + 1]))
            i++;
        d[k++] = '_';
    }
    d[k] = '\0';
    free(w);
    *out = d;
    *out_len = k;
    return 0;
}
