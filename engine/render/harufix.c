/* engine/render/harufix.c — a fix for a libharu 2.3.0 bug, by symbol
 * interposition.
 *
 * libharu's memory streams refuse a seek to their very end when their size
 * is a whole number of 4 KB buffers (HPDF_INVALID_OBJECT), and the embedding
 * of a TrueType subset seeks exactly there: about one document in a thousand
 * failed to save, depending only on which glyphs it used (found by make
 * bench's generated corpus). Upstream fixed it in 2023 (libharu 815a6da);
 * Debian 12 ships 2.3.0. libharu takes the address of this function through
 * its GOT, so this definition, exported from the executable, replaces the
 * library's for every memory stream. Same behaviour, except that a seek to
 * the end succeeds (the read pointer is set when a buffer is there). */
#include <hpdf.h>
#include <hpdf_list.h>
#include <hpdf_streams.h>

HPDF_STATUS HPDF_MemStream_SeekFunc(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode);

HPDF_STATUS
HPDF_MemStream_SeekFunc(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode)
{
    HPDF_MemStreamAttr attr = (HPDF_MemStreamAttr)stream->attr;
    if (mode == HPDF_SEEK_CUR)
        pos += (HPDF_INT)(attr->r_ptr_idx * attr->buf_siz + attr->r_pos);
    else if (mode == HPDF_SEEK_END)
        pos = (HPDF_INT)stream->size - pos;
    if (pos < 0 || pos > (HPDF_INT)stream->size)
        return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
    if (stream->size == 0)
        return HPDF_OK;
    attr->r_ptr_idx = (HPDF_UINT)pos / attr->buf_siz;
    attr->r_pos = (HPDF_UINT)pos % attr->buf_siz;
    attr->r_ptr = HPDF_List_ItemAt(attr->buf, attr->r_ptr_idx);
    if (attr->r_ptr != NULL)
        attr->r_ptr += attr->r_pos;
    return HPDF_OK;
}

/* libharu 2.3.0 copies and clears memory one byte at a time (hpdf_utils.c):
 * every stream write, the 256 KB of each encoder's maps, each CID font's
 * 128 KB scratch map. Through the same interposition, libc does it. Same
 * results: HPDF_MemCpy returns out + n, HPDF_MemSet s + n (libharu never
 * copies between overlapping ranges; memmove would keep even that safe). */
#include <string.h>

HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n);
void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n);

HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
    memmove(out, in, n);
    return out + n;
}

void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
    memset(s, c, n);
    return (HPDF_BYTE *)s + n;
}

/* libharu 2.3.0 writes every token of a saved document, and every
 * operator line of a page (render/content.c), through
 * HPDF_MemStream_WriteFunc, which checks the error, then calls
 * HPDF_MemStream_InWrite once per buffer, which copies through HPDF_MemCpy:
 * three calls for a few bytes, about 0.5 M instructions of a warm quote's
 * 13.5 M (callgrind). Through the same interposition, the same steps in one
 * function: the bytes copied into the current buffer while they fit, a new
 * buffer of buf_siz taken only when more bytes come and none is left (a
 * buffer filled exactly stays the last one, as libharu leaves it: the seek
 * above relies on it), the same errors. HPDF_Stream_Write adds to the
 * stream's size, as before. tests/unit/test_render.c checks the layout this
 * assumes, through libharu's own calls. */
#include <hpdf_version.h>
#if HPDF_VERSION_ID != 20300
#error "harufix.c replaces libharu 2.3.0's memory stream writes: check them and update this guard"
#endif

HPDF_STATUS HPDF_MemStream_WriteFunc(HPDF_Stream stream, const HPDF_BYTE *ptr, HPDF_UINT siz);

HPDF_STATUS
HPDF_MemStream_WriteFunc(HPDF_Stream stream, const HPDF_BYTE *ptr, HPDF_UINT siz)
{
    if (HPDF_Error_GetCode(stream->error) != HPDF_OK)
        return HPDF_THIS_FUNC_WAS_SKIPPED;
    HPDF_MemStreamAttr attr = (HPDF_MemStreamAttr)stream->attr;
    while (siz > 0) {
        HPDF_UINT room = attr->buf_siz - attr->w_pos;
        if (room >= siz) {
            memcpy(attr->w_ptr, ptr, siz);
            attr->w_ptr += siz;
            attr->w_pos += siz;
            return HPDF_OK;
        }
        if (room > 0) {
            memcpy(attr->w_ptr, ptr, room);
            ptr += room;
            siz -= room;
        }
        attr->w_ptr = HPDF_GetMem(stream->mmgr, attr->buf_siz);
        if (attr->w_ptr == NULL)
            return HPDF_Error_GetCode(stream->error);
        if (HPDF_List_Add(attr->buf, attr->w_ptr) != HPDF_OK) {
            HPDF_FreeMem(stream->mmgr, attr->w_ptr);
            attr->w_ptr = NULL;
            return HPDF_Error_GetCode(stream->error);
        }
        attr->w_pos = 0;
    }
    return HPDF_OK;
}

/* libharu deflates each stream it writes (the page contents above all: 38
 * KB of a 3-page quote, one-byte CIDs in literal strings and the numbers
 * placing them) at zlib's default level, fixed in the library
 * (hpdf_streams.c). Level 3, measured on the reference quote's page
 * contents: 2.3 M instructions and 11,124 bytes (level 4: 3.0 M, 10,208;
 * level 4 with Z_FILTERED, the better one when the CIDs were hex digits:
 * 3.1 M, 10,345; level 6: 3.9 M, 9,912): what packing the dictionaries into
 * an object stream costs a document (render/pack.c: 0.8 M) is paid here, so
 * that a warm document stays under 5 ms. Otherwise what libharu does: the
 * source read from its start, deflated into dst (encrypted first when e is
 * given). */
#include <hpdf_conf.h>
#include <hpdf_encrypt.h>
#include <zlib.h>

#include "base/base.h"

#define HS_DEFLATE_LEVEL 3

HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e);

static HPDF_STATUS
put(HPDF_Stream dst, HPDF_Encrypt e, Bytef *out, HPDF_UINT n)
{
    if (e == NULL)
        return HPDF_Stream_Write(dst, out, n);
    HPDF_BYTE crypt[HPDF_STREAM_BUF_SIZ];
    HPDF_Encrypt_CryptBuf(e, out, crypt, n);
    return HPDF_Stream_Write(dst, crypt, n);
}

HPDF_STATUS
HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e)
{
    HPDF_STATUS ret = HPDF_Stream_Seek(src, 0, HPDF_SEEK_SET);
    if (ret != HPDF_OK)
        return ret;
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = hs_zlib_alloc;
    z.zfree = hs_zlib_free;
    int zr = deflateInit2(&z, HS_DEFLATE_LEVEL, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY);
    if (zr != Z_OK)
        return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, zr);
    Bytef in[HPDF_STREAM_BUF_SIZ], out[HPDF_STREAM_BUF_SIZ];
    int end = 0;
    z.next_out = out;
    z.avail_out = sizeof out;
    do {
        HPDF_UINT size = sizeof in;
        ret = HPDF_Stream_Read(src, in, &size);
        if (ret == HPDF_STREAM_EOF)
            end = 1;
        else if (ret != HPDF_OK) {
            deflateEnd(&z);
            return ret;
        }
        z.next_in = in;
        z.avail_in = size;
        int flush = end ? Z_FINISH : Z_NO_FLUSH;
        do { /* until zlib has taken all of in (and, at the end, said all) */
            zr = deflate(&z, flush);
            if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR) {
                deflateEnd(&z);
                return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, zr);
            }
            if (z.avail_out == 0 || (zr == Z_STREAM_END && z.avail_out < sizeof out)) {
                ret = put(dst, e, out, (HPDF_UINT)(sizeof out - z.avail_out));
                if (ret != HPDF_OK) {
                    deflateEnd(&z);
                    return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, ret);
                }
                z.next_out = out;
                z.avail_out = sizeof out;
            }
        } while (end ? zr != Z_STREAM_END : z.avail_in > 0);
    } while (!end);
    deflateEnd(&z);
    return HPDF_OK;
}
