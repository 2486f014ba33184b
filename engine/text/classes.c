/* engine/text/classes.c — what kind of character a code point is, for the
 * stages that decide by it without reaching into ICU themselves. */
#include "text/text.h"

#include <unicode/uchar.h>

int
hs_text_is_blank(uint32_t cp)
{
    return u_isUWhiteSpace((UChar32)cp) || u_charType((UChar32)cp) == U_FORMAT_CHAR;
}

int
hs_text_is_letter(uint32_t cp)
{
    /* a mark too: NFD text, or a mark no precomposed letter has */
    return u_isalpha((UChar32)cp) || (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK) != 0;
}
