/* engine/text/direction.c — which characters belong to right-to-left scripts.
 *
 * hoso's layout sets every line left to right and libharu does no shaping,
 * so Hebrew or Arabic would come out reversed and, for Arabic, unjoined:
 * such text is refused, not drawn wrongly. ICU's bidi class says which. */
#include "text/text.h"

#include <unicode/uchar.h>

int
hs_text_is_rtl(uint32_t cp)
{
    /* no letter before the Hebrew block (U+0590) is right-to-left: Latin
     * and Vietnamese text, nearly every call, skips ICU's lookup */
    if (cp < 0x0590)
        return 0;
    UCharDirection d = u_charDirection((UChar32)cp);
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}
