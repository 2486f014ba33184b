/* engine/render/strings.c — text strings of the document's dicts (its
 * information, its bookmarks' titles) as literal UTF-16BE strings.
 *
 * libharu 2.3.0 writes a text string through an encoder as hex, four digits
 * a UTF-16 unit, and needs the UTF-8 encoder for it, whose maps it builds
 * for each document (256 KB, 0.6 M instructions). Here the dict's write_fn,
 * which libharu runs after the dict's keys and before ">>", writes the
 * strings, each byte as itself but the three a literal string escapes and
 * CR (which a reader would read as LF). */
#include "render/render_int.h"

#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <string.h>

#if HPDF_VERSION_ID != 20300
#error "strings.c relies on libharu 2.3.0's dict writing: check it and update this guard"
#endif

#define MAX_STRINGS 8

/* In the document's memory, freed by the dict's free_fn. */
typedef struct strings {
    int n;
    struct {
        const char *key;  /* a literal of the caller's */
        HPDF_BYTE *bytes; /* "(...)" as written */
        HPDF_UINT len;
    } s[MAX_STRINGS];
} strings;

static HPDF_STATUS
write_strings(HPDF_Dict d, HPDF_Stream out)
{
    const strings *ss = d->attr;
    HPDF_STATUS st = HPDF_OK;
    for (int i = 0; i < ss->n && st == HPDF_OK; i++) {
        st = HPDF_Stream_WriteEscapeName(out, ss->s[i].key);
        if (st == HPDF_OK)
            st = HPDF_Stream_WriteChar(out, ' ');
        if (st == HPDF_OK)
            st = HPDF_Stream_Write(out, ss->s[i].bytes, ss->s[i].len);
        if (st == HPDF_OK)
            st = HPDF_Stream_WriteStr(out, "\012");
    }
    return st;
}

static void
free_strings(HPDF_Dict d)
{
    strings *ss = d->attr;
    for (int i = 0; ss != NULL && i < ss->n; i++)
        HPDF_FreeMem(d->mmgr, ss->s[i].bytes);
    if (ss != NULL)
        HPDF_FreeMem(d->mmgr, ss);
    d->attr = NULL;
}

static HPDF_BYTE *
put_byte(HPDF_BYTE *p, unsigned b)
{
    if (b == '(' || b == ')' || b == '\\')
        *p++ = '\\';
    else if (b == '\r') {
        *p++ = '\\';
        b = 'r';
    }
    *p++ = (HPDF_BYTE)b;
    return p;
}

static HPDF_BYTE *
put_unit(HPDF_BYTE *p, unsigned u)
{
    return put_byte(put_byte(p, u >> 8), u & 0xFF);
}

HPDF_STATUS
hs_render_text_string(HPDF_Dict d, const char *key, const char *utf8)
{
    /* a dict of libharu's own kind, without hooks of its own */
    hs_assert(d->write_fn == NULL || d->write_fn == write_strings);
    hs_assert(d->attr == NULL || d->free_fn == free_strings);
    if (d->attr == NULL) {
        strings *ss = HPDF_GetMem(d->mmgr, sizeof *ss);
        if (ss == NULL)
            return HPDF_Error_GetCode(d->error);
        memset(ss, 0, sizeof *ss);
        d->attr = ss;
        d->write_fn = write_strings;
        d->free_fn = free_strings;
    }
    strings *ss = d->attr;
    hs_assert(ss->n < MAX_STRINGS);
    size_t n = strlen(utf8);
    /* at worst 4 escaped bytes a UTF-8 byte, the BOM and parentheses */
    HPDF_BYTE *b = HPDF_GetMem(d->mmgr, (HPDF_UINT)(8 * n + 8));
    if (b == NULL)
        return HPDF_Error_GetCode(d->error);
    HPDF_BYTE *p = b;
    *p++ = '(';
    p = put_unit(p, 0xFEFF);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = hs_utf8_decode(utf8 + i, n - i, &cp);
        hs_assert(k > 0); /* the record and the template are UTF-8 (libxml2) */
        i += (size_t)k;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            p = put_unit(p, 0xD800 | (cp >> 10));
            p = put_unit(p, 0xDC00 | (cp & 0x3FF));
        } else {
            p = put_unit(p, cp);
        }
    }
    *p++ = ')';
    ss->s[ss->n].key = key;
    ss->s[ss->n].bytes = b;
    ss->s[ss->n].len = (HPDF_UINT)(p - b);
    ss->n++;
    return HPDF_OK;
}
