/* engine/render/ready.c — libharu objects written as ready, deflated bytes.
 *
 * libharu 2.3.0 writes a dict stream's /Length as an indirect object (it
 * knows the length only once it has written the data): an object and an
 * xref row, about 40 bytes, for each stream. Ready bytes have their length
 * before they are written, so they go into a plain dict instead: its
 * write_fn, which libharu runs after the dict's keys and before ">>", writes
 * /Length and /Filter, and its after_write_fn, which runs after ">>" and
 * before "endobj", the stream (tests/unit/test_fontres.c checks the result).
 * libharu would encrypt a stream's data; hoso never encrypts. */
#include "render/ready.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/base.h"

#if HPDF_VERSION_ID != 20300
#error "ready.c relies on libharu 2.3.0's dict writing: check it and update this guard"
#endif

/* What a ready dict writes, in the document's memory (its free_fn frees it). */
typedef struct ready {
    HPDF_Stream out; /* where the dict is being written */
    HPDF_BYTE *z;
    HPDF_UINT n;
    int dct;
} ready;

static HPDF_STATUS
ready_keys(HPDF_Dict d, HPDF_Stream out)
{
    ready *r = d->attr;
    char line[64];
    snprintf(line, sizeof line, "/Length %u\012/Filter /%s\012", (unsigned)r->n,
             r->dct ? "DCTDecode" : "FlateDecode");
    r->out = out;
    return HPDF_Stream_WriteStr(out, line);
}

static HPDF_STATUS
ready_data(HPDF_Dict d)
{
    ready *r = d->attr;
    if (r->out == NULL)
        return HPDF_INVALID_OBJECT;
    /* as libharu writes a stream (Acrobat wants CR LF after "stream") */
    HPDF_STATUS st = HPDF_Stream_WriteStr(r->out, "\012stream\015\012");
    if (st == HPDF_OK)
        st = HPDF_Stream_Write(r->out, r->z, r->n);
    if (st == HPDF_OK)
        st = HPDF_Stream_WriteStr(r->out, "\012endstream");
    r->out = NULL;
    return st;
}

static void
ready_free(HPDF_Dict d)
{
    ready *r = d->attr;
    if (r != NULL) {
        if (r->z != NULL)
            HPDF_FreeMem(d->mmgr, r->z);
        HPDF_FreeMem(d->mmgr, r);
    }
    d->attr = NULL;
}

HPDF_Dict
hs_pdf_dict_with_attr(HPDF_MMgr mmgr, size_t size)
{
    HPDF_Dict d = HPDF_Dict_New(mmgr);
    if (d == NULL)
        return NULL;
    void *attr = HPDF_GetMem(mmgr, (HPDF_UINT)size);
    if (attr == NULL) {
        HPDF_Dict_Free(d);
        return NULL;
    }
    memset(attr, 0, size);
    d->attr = attr;
    return d;
}

HPDF_Dict
hs_pdf_ready_new(HPDF_MMgr mmgr, HPDF_Xref xref)
{
    HPDF_Dict d = hs_pdf_dict_with_attr(mmgr, sizeof(ready));
    if (d == NULL)
        return NULL;
    d->free_fn = ready_free;
    d->write_fn = ready_keys;
    d->after_write_fn = ready_data;
    return HPDF_Xref_Add(xref, d) == HPDF_OK ? d : NULL; /* it freed d on failure */
}

HPDF_STATUS
hs_pdf_ready_set(HPDF_Dict d, const unsigned char *z, size_t n, int dct)
{
    ready *r = d->attr;
    hs_assert(d->write_fn == ready_keys && r != NULL && n <= 0xFFFFFFFFu);
    if (r->z != NULL)
        HPDF_FreeMem(d->mmgr, r->z);
    r->z = HPDF_GetMem(d->mmgr, (HPDF_UINT)(n ? n : 1));
    if (r->z == NULL)
        return HPDF_Error_GetCode(d->error);
    memcpy(r->z, z, n);
    r->n = (HPDF_UINT)n;
    r->dct = dct;
    return HPDF_OK;
}

const unsigned char *
hs_pdf_ready_bytes(HPDF_Dict d, size_t *n)
{
    const ready *r = d->write_fn == ready_keys ? d->attr : NULL;
    *n = r != NULL ? r->n : 0;
    return r != NULL ? r->z : NULL;
}

/* An image XObject holding an already compressed stream of 8-bit samples:
 * deflated, or a JPEG file (dct). */
static HPDF_Dict
xobject(HPDF_Doc pdf, int w, int h, const char *space, const unsigned char *z, size_t n, int dct)
{
    HPDF_Dict img = hs_pdf_ready_new(pdf->mmgr, pdf->xref);
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
    st += hs_pdf_ready_set(img, z, n, dct);
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
    return hs_pdf_deflate_at(d, n, Z_BEST_COMPRESSION, out_n);
}

unsigned char *
hs_pdf_deflate_at(const unsigned char *d, size_t n, int level, size_t *out_n)
{
    int wbits = 9;
    while (wbits < 15 && ((size_t)1 << wbits) < n)
        wbits++;
    z_stream z = {.zalloc = hs_zlib_alloc, .zfree = hs_zlib_free};
    uLong cap = compressBound((uLong)n) + 64;
    unsigned char *out = malloc(cap);
    if (out == NULL || deflateInit2(&z, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
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
