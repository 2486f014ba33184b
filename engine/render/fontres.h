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

/* Marks the code points of text (UTF-8, n bytes) as drawn in font, a face's
 * font from hs_fontres_font, and their glyphs for the subset: all the text
 * a document draws in the font, before any of it is written (the
 * document's CIDs number the code points it draws, in the face's order, so
 * that they are its subset's glyph ids). Returns the byte offset of the
 * first code point the face does not draw (the text is marked up to it),
 * or (size_t)-1. */
size_t hs_fontres_use(HPDF_Font font, const char *text, size_t n);
/* After the last hs_fontres_use of the document: flags the glyphs of the
 * text marked in the font's definition for libharu's subset, with the
 * parts of nested composite glyphs libharu leaves out
 * (hs_harufix_embed_nested), and returns 1, unless one of the face's last
 * documents drew the same code points (its subset is reused, the flags
 * unread): then 0. A subset made without it (that one made again for other
 * documents before this one's save) flags them itself. -1: the font is not
 * the file the face read. */
int hs_fontres_glyphs(HPDF_Font font);
/* Text (UTF-8, n bytes, all marked with hs_fontres_use) as the big-endian
 * CIDs of font into out (2 bytes a code point); returns their number of
 * bytes. The first call numbers the CIDs: hs_fontres_use comes before. */
size_t hs_fontres_cids(HPDF_Font font, const char *text, size_t n, unsigned char *out);

#endif
