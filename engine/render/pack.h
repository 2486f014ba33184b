/* engine/render/pack.h — a saved document's objects other than streams in
 * one object stream, its cross-reference table a stream (render/ internal,
 * and tools/floor.c). */
#ifndef HS_RENDER_PACK_H
#define HS_RENDER_PACK_H

#include <hpdf.h>
#include <stddef.h>

/* in, the n bytes libharu saved of pdf (HPDF_SaveToStream, nothing changed
 * since), as a PDF 1.5 file: the same objects, streams as libharu wrote
 * them, the others in one deflated object stream, a deflated
 * cross-reference stream. malloc'd (*out_n bytes); NULL when the bytes are
 * not framed as libharu 2.3.0 frames them, or pdf is encrypted or has
 * other trailer keys than /Root, /Info and /Size. */
unsigned char *hs_pdf_pack(HPDF_Doc pdf, const unsigned char *in, size_t n, size_t *out_n);

#endif
