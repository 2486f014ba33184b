/* engine/render/harufix.h — work-arounds for libharu 2.3.0 bugs that need
 * its internals; only render/ includes it. */
#ifndef HS_HARUFIX_H
#define HS_HARUFIX_H

#include "font/font.h"

#include <hpdf.h>

/* Marks for embedding every glyph below the direct components of the glyphs
 * text used in font (loaded from face's file), which libharu would leave out.
 * Call after the last text is drawn, before saving. -1: font is not the
 * TrueType file face describes. */
int hs_harufix_embed_nested(HPDF_Font font, const hs_face *face);

#endif
