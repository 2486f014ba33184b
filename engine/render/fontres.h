/* engine/render/fontres.h — a face as a libharu font, paying per document only
 * for what the document's text makes differ (render/ internal; render/pdf.c
 * and tools/floor.c use it).
 *
 * Once per engine and face (on the face's first use): the font file read into
 * memory, the code points the face draws numbered as CIDs 1..n, the
 * ToUnicode CMap over them and the CIDToGIDMap, both deflated. Per document:
 * libharu parses the font from memory (no stdio), builds the CID font's
 * widths over those n CIDs only, and subsets the glyph outlines the text used
 * (deflated once for each set of glyphs: the face's last few subsets are
 * kept); the two ready streams are copied in as they are. */
#ifndef HS_RENDER_FONTRES_H
#define HS_RENDER_FONTRES_H

#include <hpdf.h>

#include "base/base.h"
#include "font/font.h"

/* The face as a Type0 font of pdf (a new font object each call: call once a
 * face per document). Text given to HPDF_Page_TextOut is UTF-8; every code
 * point must be one the face draws (hs_face_has). NULL on failure: when the
 * failure is libharu's, it went through pdf's error handler and *reported is
 * 0; otherwise it was reported to r (code "font") and *reported is 1. */
HPDF_Font hs_fontres_font(HPDF_Doc pdf, const hs_face *face, hs_report *r, int *reported);

#endif
