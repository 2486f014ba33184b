/* engine/text/breaks.c — line-break opportunities (UAX #14, ICU, locale "vi").
 *
 * ICU walks the caller's UTF-8 in place (utext_openUTF8), so its boundaries are
 * byte offsets. One iterator serves the whole process (single-threaded); between
 * calls it is pointed at an empty string, never left on a caller's buffer. */
#include "text/icu_int.h"
#include "text/text.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

static UBreakIterator *line_iter;

static UBreakIterator *
line_iterator(hs_report *r, hs_loc loc)
{
    if (line_iter == NULL) {
        UErrorCode err = U_ZERO_ERROR;
        /* "vi" has no tailoring of its own in ICU 72 and falls back to the
         * root rules, which already keep a syllable and "1.234.567\u00A0₫" whole. */
        UBreakIterator *bi = ubrk_open(UBRK_LINE, "vi", NULL, 0, &err);
        if (U_FAILURE(err)) {
            hs_tx_icu_fail(r, loc, "ubrk_open", err);
            return NULL;
        }
        line_iter = bi;
    }
    return line_iter;
}

void
hs_tx_breaks_cleanup(void)
{
    if (line_iter != NULL)
        ubrk_close(line_iter);
    line_iter = NULL;
}

int
hs_text_breaks(const char *s, size_t n, unsigned char *brk, hs_report *r, hs_loc loc)
{
    memset(brk, 0, n + 1);
    if (n == 0)
        return 0;
    if (hs_tx_check(s, n, r, loc) != 0)
        return -1;
    UBreakIterator *bi = line_iterator(r, loc);
    if (bi == NULL)
        return -1;

    UErrorCode err = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, s, (int64_t)n, &err);
    if (U_SUCCESS(err))
        ubrk_setUText(bi, &ut, &err);
    if (U_FAILURE(err)) {
        utext_close(&ut);
        return hs_tx_icu_fail(r, loc, "ubrk_setUText", err);
    }
    /* The first boundary is always 0 (start of text), which is not a break. */
    ubrk_first(bi);
    for (int32_t p = ubrk_next(bi); p != UBRK_DONE; p = ubrk_next(bi)) {
        hs_assert(p > 0 && (size_t)p <= n);
        int32_t status = ubrk_getRuleStatus(bi);
        brk[p] = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT ? 2 : 1;
    }

    static const UChar empty[1] = {0};
    err = U_ZERO_ERROR;
    ubrk_setText(bi, empty, 0, &err);
    utext_close(&ut);
    return 0;
}
