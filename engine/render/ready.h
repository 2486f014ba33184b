/* engine/render/ready.h — a libharu object written as ready, deflated bytes
 * (render/ internal, and tools/floor.c): for what is the same in every
 * document of an engine, deflated once (font maps in render/fontres.c,
 * images). */
#ifndef HS_RENDER_READY_H
#define HS_RENDER_READY_H

#include <hpdf.h>
#include <stddef.h>

#include "image/image.h"

/* A new dict whose attr is size zeroed bytes of mmgr (freed with it only by
 * the dict's free_fn), or NULL. */
HPDF_Dict hs_pdf_dict_with_attr(HPDF_MMgr mmgr, size_t size);
/* A new object of the document (in xref) written as a stream of ready
 * bytes, with a direct /Length: its keys are added as a dict's, its bytes
 * set with hs_pdf_ready_set before the document is saved. NULL when libharu
 * failed (its error went through the document's handler). */
HPDF_Dict hs_pdf_ready_new(HPDF_MMgr mmgr, HPDF_Xref xref);
/* d's bytes (copied): z, n bytes of a zlib stream (/FlateDecode), or of a
 * whole baseline JPEG file when dct (/DCTDecode). */
HPDF_STATUS hs_pdf_ready_set(HPDF_Dict d, const unsigned char *z, size_t n, int dct);
/* The bytes set on d, a dict of hs_pdf_ready_new (*n of them), or NULL when
 * d is not one or has none yet (for tests). */
const unsigned char *hs_pdf_ready_bytes(HPDF_Dict d, size_t *n);

/* An image XObject of pdf holding im's samples as image/ made them (once
 * per engine): /Indexed over its palette when it has one, /Decode for
 * Adobe's inverted CMYK, its alpha as an /SMask. NULL when libharu failed
 * (its error went through pdf's handler). */
HPDF_Dict hs_pdf_image(HPDF_Doc pdf, const hs_image *im);

/* z deflated at the best level, window and hash sized to n (malloc'd; *out_n
 * its length). For data made once per engine. */
unsigned char *hs_pdf_deflate(const unsigned char *d, size_t n, size_t *out_n);
/* The same at zlib's level (0-9): for what is made for each document
 * (render/pack.c's object stream). */
unsigned char *hs_pdf_deflate_at(const unsigned char *d, size_t n, int level, size_t *out_n);

#endif
