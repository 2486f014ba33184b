/* engine/render/subset.h — a glyph subset with its glyphs numbered anew
 * (render/ internal: render/fontres.c).
 *
 * libharu's TrueType subset keeps every glyph id of the face (the glyphs not
 * used are empty), so its hmtx and loca cover all of the face's glyphs and a
 * document needs a CIDToGIDMap over all of them. Numbered anew, the glyphs a
 * document draws are 1..k in the order of its CIDs (CID = glyph id: the map
 * is /Identity), the parts of composite glyphs after them. */
#ifndef HS_RENDER_SUBSET_H
#define HS_RENDER_SUBSET_H

#include <stddef.h>
#include <stdint.h>

/* The TrueType file in (n bytes, libharu's subset: the glyphs flagged in
 * used, num_glyphs bytes, have their outlines) with glyph j + 1 the old
 * glyph order[j] for j < k (a glyph may come more than once), then every
 * other glyph flagged in used in the order of their old ids; glyph 0 stays
 * .notdef. Components of composite glyphs are renumbered; hmtx, loca, maxp
 * and hhea cut to the new glyphs; table checksums and head's adjustment
 * made again. malloc'd (*out_n bytes); NULL when in is not a TrueType file
 * this can read, or a component is not flagged in used. */
unsigned char *hs_subset_renumber(const unsigned char *in, size_t n, const unsigned char *used,
                                  unsigned num_glyphs, const uint16_t *order, int k, size_t *out_n);

#endif
