/* engine/text/translit.c — ASCII transliteration (file names, ASCII-only sinks).
 *
 * The result is pure ASCII, always: ICU does the letters (Đ → D, ư → u, any
 * script → Latin) and the punctuation it knows (“” → ", – → -), and whatever
 * is still outside ASCII after that becomes '_' rather than being dropped. */
#include "text/icu_int.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

/* Any-Latin first, so other scripts become Latin letters; marks are then
 * stripped as a class, because Latin-ASCII alone keeps a mark with no letter
 * under it (a stray U+0323 from broken NFD data, or one after ₫); Latin-ASCII
 * does the rest, Đ/đ included. ₫ is in neither: "VND" is its ASCII spelling. */
static const UChar ascii_rules[] = u"::Any-Latin; ::NFD; ::[:Nonspacing Mark:] Remove; ::NFC; "
                                   u"::Latin-ASCII; \\u20AB > VND;";
static const UChar ascii_id[] = u"hoso-ascii";

static UTransliterator *ascii_trans;
static const hs_tx_i18n *icu; /* set with ascii_trans */

static UTransliterator *
transliterator(hs_report *r, hs_loc loc)
{
    if (ascii_trans == NULL) {
        if ((icu = hs_tx_i18n_get(r, loc)) == NULL)
            return NULL;
        UErrorCode err = U_ZERO_ERROR;
        UParseError pe;
        UTransliterator *t =
            icu->trans_open_u(ascii_id, -1, UTRANS_FORWARD, ascii_rules, -1, &pe, &err);
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
        icu->trans_close(ascii_trans);
    ascii_trans = NULL;
}

/* ICU builds its registry of transliterators when the first one is made
 * from IDs (Any-Latin, NFD, Latin-ASCII…): about 140 M instructions in ICU
 * 72, which searches its list of IDs linearly for each of some 700 entries;
 * 60 % of a cold `hoso render` of a quote, whose deposit VietQR spells
 * "Tạm ứng" in ASCII. Text whose every code point is ASCII, or of the Latin,
 * Common or Inherited script and canonically decomposed into ASCII and
 * nonspacing marks (every Vietnamese letter but đ and Đ, a lone mark) goes
 * through the rules above like this: Any-Latin leaves it (runs of Latin and
 * of no script are not transliterated), NFD splits the letters, the marks
 * are removed, NFC and Latin-ASCII leave ASCII as it is (no rule of theirs
 * starts with an ASCII character), ₫ is not in it. Its result is therefore
 * the ASCII of its code points' decompositions, in order (canonical
 * reordering moves marks only): ICU's normaliser alone makes it, and
 * test_text checks it against the transliterator for every such code point.
 * 1 and *out when that is so; 0 when the text needs the transliterator; -1
 * after reporting. */
int
hs_tx_ascii_by_marks(hs_arena *a, const UChar *u, int32_t len, const char **out, size_t *out_len,
                     hs_report *r, hs_loc loc)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err))
        return hs_tx_icu_fail(r, loc, "unorm2_getNFDInstance", err);
    /* as many bytes as u has units: a decomposition has one ASCII letter at
     * most, and one that had more would be left to the transliterator */
    char *d = hs_arena_alloc(a, (size_t)len + 1);
    size_t k = 0;
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U16_NEXT(u, i, len, c);
        if (c < 0x80) {
            d[k++] = (char)c;
            continue;
        }
        UScriptCode sc = uscript_getScript(c, &err);
        if (U_FAILURE(err))
            return hs_tx_icu_fail(r, loc, "uscript_getScript", err);
        if (sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
            return 0;
        UChar m[8];
        int32_t mn = unorm2_getDecomposition(nfd, c, m, (int32_t)(sizeof m / sizeof *m), &err);
        if (U_FAILURE(err))
            return 0; /* longer than any the path takes */
        if (mn < 0) { /* no decomposition: itself */
            if (u_charType(c) != U_NON_SPACING_MARK)
                return 0;
            continue;
        }
        for (int32_t j = 0; j < mn;) {
            UChar32 e;
            U16_NEXT(m, j, mn, e);
            if (e < 0x80 && k < (size_t)len)
                d[k++] = (char)e;
            else if (e < 0x80 || u_charType(e) != U_NON_SPACING_MARK)
                return 0;
        }
    }
    d[k] = '\0';
    *out = d;
    *out_len = k;
    return 1;
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
    int32_t len;
    UChar *u = hs_tx_to_u16(s, n, &len, r, loc);
    if (u == NULL)
        return -1;
    int by_marks = hs_tx_ascii_by_marks(a, u, len, out, out_len, r, loc);
    if (by_marks != 0) {
        free(u);
        return by_marks < 0 ? -1 : 0;
    }
    int rc = hs_tx_ascii_by_rules(a, u, len, out, out_len, r, loc);
    free(u);
    return rc;
}

int
hs_tx_ascii_by_rules(hs_arena *a, const UChar *u, int32_t len, const char **out, size_t *out_len,
                     hs_report *r, hs_loc loc)
{
    UTransliterator *t = transliterator(r, loc);
    if (t == NULL)
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
        icu->trans_uchars(t, w, &got, cap, 0, &limit, &err);
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
