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
