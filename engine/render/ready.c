/* engine/render/ready.c — libharu streams written as ready, deflated bytes.
 *
 * libharu 2.3.0 writes a dict stream whose filter is NONE as it is, removing
 * any /Filter key first; the dict's write_fn runs after its keys, before
 * ">>", so the /Filter the bytes need is written there (tests/unit/
 * test_fontres.c checks both). */
#include "render/ready.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>
#include <stdlib.h>
#include <zlib.h>

#include "base/base.h"

#if HPDF_VERSION_ID != 20300
#error "ready.c relies on libharu 2.3.0's dict stream writing: check it and update this guard"
#endif

static HPDF_STATUS
flate_key(HPDF_Dict d, HPDF_Stream out)
{
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

static HPDF_STATUS
dct_key(HPDF_Dict d, HPDF_Stream out)
{
    return HPDF_Stream_WriteStr(out, "/Filter /DCTDecode\012");
}

static HPDF_STATUS
ready(HPDF_Dict d, const unsigned char *z, size_t n, HPDF_Dict_OnWriteFunc key)
{
    HPDF_MemStream_FreeData(d->stream);
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = key;
    return HPDF_Stream_Write(d->stream, z, (HPDF_UINT)n);
}

HPDF_STATUS
hs_pdf_ready_stream(HPDF_Dict d, const unsigned char *z, size_t n)
{
    return ready(d, z, n, flate_key);
}

HPDF_STATUS
hs_pdf_ready_jpeg(HPDF_Dict d, const unsigned char *z, size_t n)
{
    return ready(d, z, n, dct_key);
}

/* An image XObject holding an already compressed stream of 8-bit samples:
 * deflated, or a JPEG file (dct). */
static HPDF_Dict
xobject(HPDF_Doc pdf, int w, int h, const char *space, const unsigned char *z, size_t n, int dct)
{
    HPDF_Dict img = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (img == NULL)
        return NULL;
    img->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
    HPDF_STATUS st = HPDF_Dict_AddName(img, "Type", "XObject");
    st += HPDF_Dict_AddName(img, "Subtype", "Image");
    st += HPDF_Dict_AddName(img, "ColorSpace", space);
    st += HPDF_Dict_AddNumber(img, "Width", (HPDF_INT32)w);
    st += HPDF_Dict_AddNumber(img, "Height", (HPDF_INT32)h);
    st += HPDF_Dict_AddNumber(img, "BitsPerComponent", 8);
    /* made once per engine (image/): written as they are */
    st += dct ? hs_pdf_ready_jpeg(img, z, n) : hs_pdf_ready_stream(img, z, n);
    return st == HPDF_OK && HPDF_GetError(pdf) == HPDF_OK ? img : NULL;
}

HPDF_Dict
hs_pdf_image(HPDF_Doc pdf, const hs_image *im)
{
    static const char *const spaces[5] = {NULL, "DeviceGray", NULL, "DeviceRGB", "DeviceCMYK"};
    HPDF_Dict img = xobject(pdf, im->width, im->height, spaces[im->space], im->color_z,
                            im->color_z_len, im->dct);
    if (img != NULL && im->palette_n > 0) { /* [/Indexed /DeviceRGB hival <palette>] */
        HPDF_Array cs = HPDF_Array_New(pdf->mmgr);
        HPDF_STATUS st =
            cs != NULL ? HPDF_Dict_Add(img, "ColorSpace", cs) : HPDF_FAILD_TO_ALLOC_MEM;
        if (st == HPDF_OK)
            st = HPDF_Array_AddName(cs, "Indexed");
        if (st == HPDF_OK)
            st = HPDF_Array_AddName(cs, "DeviceRGB");
        if (st == HPDF_OK)
            st = HPDF_Array_AddNumber(cs, im->palette_n - 1);
        if (st == HPDF_OK)
            st = HPDF_Array_Add(cs, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)im->palette,
                                                    3 * (HPDF_UINT)im->palette_n));
        if (st != HPDF_OK)
            img = NULL;
    }
    if (img != NULL && im->cmyk_inverted) {
        HPDF_Array dec = HPDF_Array_New(pdf->mmgr);
        HPDF_STATUS st = dec != NULL ? HPDF_Dict_Add(img, "Decode", dec) : HPDF_FAILD_TO_ALLOC_MEM;
        for (int k = 0; k < 8 && st == HPDF_OK; k++)
            st = HPDF_Array_AddNumber(dec, 1 - k % 2);
        if (st != HPDF_OK)
            img = NULL;
    }
    if (img != NULL && im->alpha_z != NULL) {
        HPDF_Dict mask =
            xobject(pdf, im->width, im->height, "DeviceGray", im->alpha_z, im->alpha_z_len, 0);
        if (mask == NULL || HPDF_Dict_Add(img, "SMask", mask) != HPDF_OK)
            img = NULL;
    }
    return img;
}

/* At the best level: made once per engine (font maps), or once per set of
 * glyphs (font subsets); the window sized to the data (font maps are a few
 * KB) rather than zlib's 32 KB default, whose buffers a cold render would pay
 * in page faults. The hash at zlib's default size: a smaller one makes a
 * 13 KB subset both larger and 20 % slower to deflate (callgrind). */
unsigned char *
hs_pdf_deflate(const unsigned char *d, size_t n, size_t *out_n)
{
    int wbits = 9;
    while (wbits < 15 && ((size_t)1 << wbits) < n)
        wbits++;
    z_stream z = {0};
    uLong cap = compressBound((uLong)n) + 64;
    unsigned char *out = malloc(cap);
    if (out == NULL ||
        deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        hs_fatal_at(__FILE__, __LINE__, "out of memory (deflating %zu bytes)", n);
    z.next_in = (Bytef *)d;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        hs_fatal_at(__FILE__, __LINE__, "zlib could not deflate %zu bytes", n);
    *out_n = z.total_out;
    deflateEnd(&z);
    return out;
}
