/* engine/render/harufix_glyphs.c — embedding the glyphs libharu 2.3.0 leaves
 * out.
 *
 * libharu marks a glyph for its TrueType subset when text uses it, and marks
 * that glyph's direct components (CheckCompositGryph), but not the
 * components of those: a composite built from composites (DejaVu's Ằ, ₫;
 * Noto Serif's ½, drawn as its fraction slash alone) loses parts. There is
 * no API for it; libharu's font headers, which Debian installs, give the
 * subset's "used" flags, and font/ knows each glyph's deeper components. */
#include "render/harufix.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>

int
hs_harufix_embed_nested(HPDF_Font font, const hs_face *face)
{
    HPDF_FontAttr fa = font != NULL ? (HPDF_FontAttr)font->attr : NULL;
    HPDF_FontDef def = fa != NULL ? fa->fontdef : NULL;
    if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
        return -1;
    HPDF_TTFontDefAttr tt = (HPDF_TTFontDefAttr)def->attr;
    if (tt->num_glyphs != (HPDF_UINT16)face->num_glyphs || tt->glyph_tbl.flgs == NULL)
        return -1; /* not the file font/ read: never mark the wrong glyphs */
    if (!hs_face_any_nested(face))
        return 0;
    for (unsigned g = 0; g < tt->num_glyphs; g++) {
        int n;
        const uint16_t *deep = tt->glyph_tbl.flgs[g] ? hs_face_nested(face, g, &n) : NULL;
        for (int i = 0; deep != NULL && i < n; i++)
            tt->glyph_tbl.flgs[deep[i]] = 1; /* never itself composite-checked: no loop */
    }
    return 0;
}
