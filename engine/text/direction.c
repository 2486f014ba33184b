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
    UCharDirection d = u_charDirection((UChar32)cp);
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}
