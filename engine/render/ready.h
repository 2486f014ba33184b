/* engine/render/ready.h — a libharu stream written as ready, deflated bytes
 * (render/ internal, and tools/floor.c): for what is the same in every
 * document of an engine, deflated once (font maps in render/fontres.c,
 * images). */
#ifndef HS_RENDER_READY_H
#define HS_RENDER_READY_H

#include <hpdf.h>
#include <stddef.h>

#include "image/image.h"

/* d is a dict stream of a document (HPDF_DictStream_New, or one libharu
 * made): its data becomes z (n bytes, a zlib stream), written as it is at
 * save with /Filter /FlateDecode. Whoever set d's filter before must not set
 * it again (libharu's fonts do, before writing: see render/fontres.c). */
HPDF_STATUS hs_pdf_ready_stream(HPDF_Dict d, const unsigned char *z, size_t n);
/* The same for z a whole JPEG file (baseline), written with /Filter /DCTDecode. */
HPDF_STATUS hs_pdf_ready_jpeg(HPDF_Dict d, const unsigned char *z, size_t n);

/* An image XObject of pdf holding im's samples as image/ made them (once
 * per engine): /Indexed over its palette when it has one, /Decode for
 * Adobe's inverted CMYK, its alpha as an /SMask. NULL when libharu failed
 * (its error went through pdf's handler). */
HPDF_Dict hs_pdf_image(HPDF_Doc pdf, const hs_image *im);

/* z deflated at the best level, window and hash sized to n (malloc'd; *out_n
 * its length). For data made once per engine. */
unsigned char *hs_pdf_deflate(const unsigned char *d, size_t n, size_t *out_n);

#endif
