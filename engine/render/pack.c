/* engine/render/pack.c — libharu's saved document with its objects other
 * than streams in one object stream, and its cross-reference table a
 * stream (PDF 1.5, ISO 32000-1 7.5.7 and 7.5.8).
 *
 * Why: a quote's dictionaries (pages, fonts, widths, outlines, the
 * document's information) and libharu's cross-reference table, 20 bytes an
 * object, are a seventh of its bytes written plainly; deflated together
 * they are a third of that (the reference quote: 4,583 bytes fewer, 0.8 M
 * instructions).
 * libharu 2.3.0 writes neither, so its bytes are repacked after it saved:
 * each object's value as libharu wrote it (streams whole, in place and in
 * order), nothing parsed but libharu's own framing ("N 0 obj\n", "\nendobj\n"),
 * which is checked; where each object starts is libharu's xref entries.
 *
 * The cross-reference stream is the document's last object and lists its
 * own offset; out/mark.c puts its comment after it, just before startxref,
 * where no offset moves. */
#include "render/pack.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "render/ready.h"

#if HPDF_VERSION_ID != 20300
#error "pack.c relies on libharu 2.3.0's saved layout: check it and update this guard"
#endif

/* Made for each document: level 6, as small as 9 on a quote's 5.5 KB of
 * dictionaries (1,665 bytes; level 4: 1,716; level 1: 1,824) and 0.55 M
 * instructions, 3 % fewer. */
#define PACK_LEVEL 6

static const char obj_end[] = "\012endobj\012";
static const char stream_end[] = "\012endstream\012endobj\012";

/* A growing output buffer. */
typedef struct buf {
    unsigned char *p;
    size_t n, cap;
} buf;

static void
put(buf *b, const void *d, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap * 2 > b->n + n ? b->cap * 2 : b->n + n;
        unsigned char *p = realloc(b->p, cap);
        if (p == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory (packing %zu bytes)", cap);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
}

static void
put_str(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* v in decimal at p (no NUL); returns the digits written. Each object's
 * label and place: snprintf was most of packing's own time. */
static size_t
decimal(char *p, size_t v)
{
    char t[24];
    size_t k = 0;
    do
        t[k++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    for (size_t i = 0; i < k; i++)
        p[i] = t[k - 1 - i];
    return k;
}

/* Whether libharu wrote obj as a stream: a dict with its stream, or one of
 * render/ready.c's. */
static int
is_stream(void *obj)
{
    HPDF_Obj_Header *h = obj;
    if ((h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
        return 0;
    HPDF_Dict d = obj;
    size_t n;
    return d->stream != NULL || hs_pdf_ready_bytes(d, &n) != NULL;
}

/* The id of the indirect object under key in the trailer; 0 when none. */
static unsigned
trailer_ref(HPDF_Dict trailer, const char *key)
{
    HPDF_Obj_Header *h = HPDF_Dict_GetItem(trailer, key, HPDF_OCLASS_DICT);
    return h != NULL && (h->obj_id & HPDF_OTYPE_INDIRECT) ? (unsigned)(h->obj_id & 0x00FFFFFF) : 0;
}

/* Bytes of v big-endian in w bytes. */
static void
put_be(buf *b, size_t v, int w)
{
    unsigned char d[8];
    for (int i = w - 1; i >= 0; i--, v >>= 8)
        d[i] = (unsigned char)v;
    put(b, d, (size_t)w);
}

static int
width_of(size_t v)
{
    int w = 1;
    while (w < 8 && (v >> (8 * w)) != 0)
        w++;
    return w;
}

unsigned char *
hs_pdf_pack(HPDF_Doc pdf, const unsigned char *in, size_t n, size_t *out_n)
{
    HPDF_Xref xref = pdf->xref;
    /* one section, no encryption (an object stream's strings would be
     * encrypted with it, not each), a trailer of /Root, /Info, /Size */
    if (xref == NULL || xref->prev != NULL || pdf->encrypt_on || xref->entries == NULL ||
        pdf->trailer == NULL || pdf->trailer->list->count != 3 || xref->addr > n || n < 9 ||
        memcmp(in, "%PDF-1.", 7) != 0)
        return NULL;
    unsigned root = trailer_ref(pdf->trailer, "Root"), info = trailer_ref(pdf->trailer, "Info");
    if (root == 0 || info == 0 ||
        HPDF_Dict_GetItem(pdf->trailer, "Size", HPDF_OCLASS_NUMBER) == NULL)
        return NULL;
    size_t count = xref->entries->count; /* entry 0 is the free head */
    if (count < 2)
        return NULL;
    /* per object: where it is in the output (streams), or its index in the
     * object stream (the others) */
    size_t *where = malloc(sizeof *where * count);
    unsigned char *in_stm = calloc(count, 1);
    if (where == NULL || in_stm == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    /* sized so that a quote needs no second allocation: the output is
     * smaller than libharu's, the dictionaries a seventh of it */
    buf out = {malloc(n), 0, n}, head = {malloc(1024), 0, 1024}, body = {malloc(n / 4), 0, n / 4};
    if (out.p == NULL || head.p == NULL || body.p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    HPDF_XrefEntry first = HPDF_List_ItemAt(xref->entries, 1);
    int bad = first->byte_offset > xref->addr;
    if (!bad) { /* the header, version 1.5 */
        put(&out, in, first->byte_offset);
        out.p[7] = '5';
    }
    size_t packed = 0;
    for (size_t i = 1; i < count && !bad; i++) {
        HPDF_XrefEntry e = HPDF_List_ItemAt(xref->entries, (HPDF_UINT)i);
        size_t at = e->byte_offset;
        size_t end =
            i + 1 < count
                ? ((HPDF_XrefEntry)HPDF_List_ItemAt(xref->entries, (HPDF_UINT)i + 1))->byte_offset
                : xref->addr;
        char label[32];
        size_t ln = decimal(label, i);
        memcpy(label + ln, " 0 obj\012", 7);
        ln += 7;
        int stream = is_stream(e->obj);
        const char *tail = stream ? stream_end : obj_end;
        size_t tn = strlen(tail);
        /* in order, framed as libharu frames an object */
        if (e->entry_typ != HPDF_IN_USE_ENTRY || e->gen_no != 0 || end < at || end - at < ln + tn ||
            memcmp(in + at, label, ln) != 0 || memcmp(in + end - tn, tail, tn) != 0) {
            bad = 1;
            break;
        }
        if (stream) {
            where[i] = out.n;
            put(&out, in + at, end - at);
            continue;
        }
        char off[48];
        size_t on = decimal(off, i);
        off[on++] = ' ';
        on += decimal(off + on, body.n);
        off[on++] = ' ';
        put(&head, off, on);
        put(&body, in + at + ln, end - at - ln - (sizeof obj_end - 1));
        put(&body, "\012", 1);
        where[i] = packed++;
        in_stm[i] = 1;
    }
    if (bad || packed == 0) {
        free(where);
        free(in_stm);
        free(out.p);
        free(head.p);
        free(body.p);
        return NULL;
    }
    /* the object stream: object count; the cross-reference stream: count + 1 */
    size_t stm_no = count, stm_at = out.n;
    put(&head, body.p, body.n);
    size_t z_n;
    unsigned char *z = hs_pdf_deflate_at(head.p, head.n, PACK_LEVEL, &z_n);
    char dict[200];
    snprintf(dict, sizeof dict,
             "%zu 0 obj\012<<\012/Type /ObjStm\012/N %zu\012/First %zu\012/Length %zu\012"
             "/Filter /FlateDecode\012>>\012stream\015\012",
             stm_no, packed, head.n - body.n, z_n);
    put_str(&out, dict);
    put(&out, z, z_n);
    put_str(&out, "\012endstream\012endobj\012");
    free(z);

    /* rows of the cross-reference stream: type, offset or object stream,
     * generation or index */
    size_t xref_at = out.n, xref_no = count + 1;
    int w2 = width_of(xref_at > xref_no ? xref_at : xref_no), w3 = width_of(packed);
    if (w3 < 2)
        w3 = 2; /* the free head's generation, 65535 */
    buf rows = {NULL, 0, 0};
    put_be(&rows, 0, 1); /* the head of the free list, and its only entry */
    put_be(&rows, 0, w2);
    put_be(&rows, 0xFFFF, w3);
    for (size_t i = 1; i < count; i++) {
        put_be(&rows, in_stm[i] ? 2 : 1, 1);
        put_be(&rows, in_stm[i] ? stm_no : where[i], w2);
        put_be(&rows, in_stm[i] ? where[i] : 0, w3);
    }
    put_be(&rows, 1, 1); /* the object stream */
    put_be(&rows, stm_at, w2);
    put_be(&rows, 0, w3);
    put_be(&rows, 1, 1); /* the cross-reference stream itself */
    put_be(&rows, xref_at, w2);
    put_be(&rows, 0, w3);
    z = hs_pdf_deflate_at(rows.p, rows.n, PACK_LEVEL, &z_n);
    snprintf(dict, sizeof dict,
             "%zu 0 obj\012<<\012/Type /XRef\012/Size %zu\012/W [ 1 %d %d ]\012/Root %u 0 R\012"
             "/Info %u 0 R\012/Length %zu\012/Filter /FlateDecode\012>>\012stream\015\012",
             xref_no, xref_no + 1, w2, w3, root, info, z_n);
    put_str(&out, dict);
    put(&out, z, z_n);
    snprintf(dict, sizeof dict, "\012endstream\012endobj\012startxref\012%zu\012%%%%EOF\012",
             xref_at);
    put_str(&out, dict);
    free(z);
    free(rows.p);
    free(where);
    free(in_stm);
    free(head.p);
    free(body.p);
    *out_n = out.n;
    return out.p;
}
