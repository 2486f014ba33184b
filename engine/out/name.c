/* engine/out/name.c — file names from the template's name pattern.
 *
 * The name is already NFC (eval normalises every string). What is unsafe on
 * the file systems our users share files over (Windows shares included) is
 * replaced by '_': path separators, the reserved characters : * ? " < > |,
 * and control characters; invisible format characters (bidi controls, zero
 * widths) are dropped, so a name cannot be made to read backwards. A name never
 * starts with '.', so it can neither hide nor climb out of the output folder.
 */
#include "out/out.h"

#include <string.h>

#define NAME_MAX_BYTES 200

const char *
hs_out_safe_name(hs_arena *a, const char *name, size_t n)
{
    char *out = hs_arena_alloc(a, n + 8);
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = hs_utf8_decode(name + i, n - i, &cp);
        if (k == 0) {
            out[len++] = '_';
            i++;
            continue;
        }
        if ((cp >= 0x80 && cp < 0xA0) || cp == 0x00AD || cp == 0x061C ||
            (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
            (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF) {
            i += (size_t)k; /* invisible: a reversed or split name misleads */
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || strchr("/\\:*?\"<>|", (int)cp) != NULL) {
            if (cp >= 0x20 || len == 0 || out[len - 1] != ' ')
                out[len++] = cp < 0x20 ? ' ' : '_';
        } else {
            if (len + (size_t)k > NAME_MAX_BYTES)
                break;
            memcpy(out + len, name + i, (size_t)k);
            len += (size_t)k;
        }
        i += (size_t)k;
    }
    size_t start = 0;
    while (start < len && (out[start] == ' ' || out[start] == '.'))
        start++;
    while (len > start && (out[len - 1] == ' ' || out[len - 1] == '.'))
        len--;
    if (len == start) {
        memcpy(out, "document", 8);
        start = 0;
        len = 8;
    }
    size_t ext = len - start >= 4 && memcmp(out + len - 4, ".pdf", 4) == 0;
    char *res = hs_arena_alloc(a, len - start + 5);
    memcpy(res, out + start, len - start);
    memcpy(res + len - start, ext ? "" : ".pdf", ext ? 1 : 5);
    return res;
}
