/* engine/render/ready.h — a libharu stream written as ready, deflated bytes
 * (render/ internal): for what is the same in every document of an engine,
 * deflated once (font maps in render/fontres.c; images can use it too). */
#ifndef HS_RENDER_READY_H
#define HS_RENDER_READY_H

#include <hpdf.h>
#include <stddef.h>

/* d is a dict stream of a document (HPDF_DictStream_New, or one libharu
 * made): its data becomes z (n bytes, a zlib stream), written as it is at
 * save with /Filter /FlateDecode. Whoever set d's filter before must not set
 * it again (libharu's fonts do, before writing: see render/fontres.c). */
HPDF_STATUS hs_pdf_ready_stream(HPDF_Dict d, const unsigned char *z, size_t n);

/* z deflated at the best level, window and hash sized to n (malloc'd; *out_n
 * its length). For data made once per engine. */
unsigned char *hs_pdf_deflate(const unsigned char *d, size_t n, size_t *out_n);

#endif
