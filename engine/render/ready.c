/* engine/render/ready.c — libharu streams written as ready, deflated bytes.
 *
 * libharu 2.3.0 writes a dict stream whose filter is NONE as it is, removing
 * any /Filter key first; the dict's write_fn runs after its keys, before
 * ">>", so the /Filter the bytes need is written there (tests/unit/
 * test_fontres.c checks both). */
#include "render/ready.h"

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

HPDF_STATUS
hs_pdf_ready_stream(HPDF_Dict d, const unsigned char *z, size_t n)
{
    HPDF_MemStream_FreeData(d->stream);
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = flate_key;
    return HPDF_Stream_Write(d->stream, z, (HPDF_UINT)n);
}

/* Made once per engine, so at the best level; the window and the hash sized
 * to the data (font maps are a few KB) rather than zlib's 256 KB default,
 * which a cold render would pay in page faults each time. */
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
        deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, wbits, 6, Z_DEFAULT_STRATEGY) != Z_OK)
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
