/* engine/render/fontres.c — per-engine font resources on libharu 2.3.0's
 * object layer (hpdf_objects.h and friends, installed by libhpdf-dev).
 *
 * Why: HPDF_GetFont(…, "UTF-8") makes CID = Unicode, so libharu builds every
 * document's CIDToGIDMap and /W over all 65,536 codes (a cmap search each)
 * and deflates four 128 KB maps at save: most of a warm document's time.
 * Here each face gets its own encoder whose CIDs are 1..n, the code points
 * the face draws (a few hundred for a reduced face), so libharu's CID font
 * loop visits only those; the maps that are the same for every document are
 * made once per engine and written as ready, deflated bytes.
 *
 * What this relies on in libharu 2.3.0, checked by tests/unit/test_fontres.c:
 * - CIDFontType2_New (hpdf_font_cid.c) takes the cid_map path when the
 *   encoder's to_unicode_fn is HPDF_CMapEncoder_ToUnicode: it visits the
 *   cid_map entries that are not 0, maps them through the font's cmap, and
 *   writes /W and the CIDToGIDMap over CIDs 0..max-1 (max = the highest
 *   CID: so a sentinel CID n+1 sits above the real ones). Its walk covers
 *   all 65,536 entries, so only the first document of a process has libharu
 *   make its fonts (the face's map is kept from it); later ones get the same
 *   objects from type0_font, with libharu's functions taken from the first.
 * - Text goes through the encoder's byte_type_fn and to_unicode_fn for its
 *   widths (TextWidth, which also marks the glyphs to embed) and through
 *   encode_text_fn for the bytes of the content stream (InternalWriteText,
 *   which free()s them). libharu's UTF-8 functions keep their state in the
 *   first 10 bytes of cid_map[0] (codes U+0000..U+0004, never given a CID).
 * - A dict stream whose filter is NONE is written raw, its /Filter key
 *   removed; the dict's write_fn runs after the keys, before ">>".
 * - The Type0 font's before_write_fn sets map_stream's and cmap_stream's
 *   filter to the document's, unless those pointers are NULL; it runs when
 *   the font is written, after every page, so /W can be cut there to the
 *   glyphs the font definition flagged as used.
 * - That hook makes the font descriptor, and the FontFile2 stream in it only
 *   when the font definition's embedding is on; HPDF_TTFontDef_SaveFontData
 *   writes the subset of the glyphs flagged and nothing else of the
 *   document, so a face's subset for the same glyphs is the same bytes and
 *   is deflated once (the last few kept per face), then written ready. */
#include "render/fontres.h"

#include <errno.h>
#include <fcntl.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/ready.h"

#if HPDF_VERSION_ID != 20300
#error "fontres.c relies on libharu 2.3.0 internals: check them and update this guard"
#endif

/* Liberation is 0.4 MB; a CJK font is ~20 MB. */
#define MAX_FONT_BYTES ((size_t)64 << 20)
/* CID 0 is .notdef, 1..n the face's code points, n + 1 the sentinel. */
#define MAX_CIDS 65533
/* Subsets kept per face: documents of one template draw the same glyphs in
 * the faces only its own text uses (headings, terms, signatures), and often
 * in the others; a few sets cover the alternation of such documents. */
#define SUBSETS 4

typedef struct fontres {
    unsigned char *file; /* the whole font file */
    size_t file_len;
    uint32_t *cps; /* CID k + 1 draws cps[k] */
    int n;
    unsigned char *tounicode; /* deflated ToUnicode CMap */
    size_t tounicode_len;
    unsigned char *map; /* deflated CIDToGIDMap; NULL until the first document made it */
    size_t map_len;
    /* CID k + 1's glyph and advance (libharu's, made with the map), for /W */
    HPDF_UINT16 *gid;
    HPDF_INT16 *advance;
    /* The last SUBSETS font files embedded, deflated, by the glyphs they hold */
    struct subset {
        unsigned char *glyphs; /* libharu's used-glyph flags, num_glyphs bytes */
        unsigned num_glyphs;
        unsigned char *z;
        size_t z_len;
        HPDF_UINT length1; /* the font file's length before deflating */
    } subsets[SUBSETS];
    int next_subset; /* the slot to reuse next, oldest first */
    /* The encoder's maps, made once and lent to one document at a time */
    struct enc_attr *attr;
    int attr_lent;
} fontres;

/* An encoder's attributes with the face's resources after them, so that the
 * font's write hook finds them. 256 KB of maps that are the same in every
 * document: made once per face and lent to each document's encoder (a
 * second document at the same time gets a copy of its own), given back by
 * enc_free when libharu frees the encoder. */
typedef struct enc_attr {
    HPDF_CMapEncoderAttr_Rec rec; /* first: the block's address is rec's */
    fontres *fr;
} enc_attr;

static void
fontres_free(void *p)
{
    fontres *fr = p;
    if (fr == NULL)
        return;
    free(fr->file);
    free(fr->cps);
    free(fr->tounicode);
    free(fr->map);
    free(fr->gid);
    free(fr->advance);
    free(fr->attr);
    for (int i = 0; i < SUBSETS; i++) {
        free(fr->subsets[i].glyphs);
        free(fr->subsets[i].z);
    }
    free(fr);
}

static int
read_font(const char *path, fontres *fr, hs_report *r)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT, "cannot open the font file: %s",
                        strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uintmax_t)st.st_size > MAX_FONT_BYTES) {
        close(fd);
        return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT, "not a regular file of at most %zu MiB",
                        MAX_FONT_BYTES >> 20);
    }
    size_t size = (size_t)st.st_size, got = 0;
    fr->file = malloc(size ? size : 1);
    if (fr->file == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    while (got < size) {
        ssize_t k = read(fd, fr->file + got, size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            close(fd);
            return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT, "cannot read the font file: %s",
                            k < 0 ? strerror(errno) : "it got shorter while read");
        }
        got += (size_t)k;
    }
    close(fd);
    fr->file_len = size;
    return 0;
}

/* The ToUnicode CMap (Adobe technical note 5411) from CID k + 1 to cps[k]:
 * a bfrange row per run of consecutive code points, cut where the last byte
 * of the CID or of the code point would wrap (a range may differ only in its
 * last byte), at most 100 rows a section. */
static char *
tounicode_text(const fontres *fr, size_t *len)
{
    hs_arena *a = hs_arena_new(0);
    hs_buf b, rows;
    hs_buf_init(&b, a);
    hs_buf_init(&rows, a);
    hs_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    int nrows = 0;
    for (int k = 0; k < fr->n;) {
        int e = k;
        while (e + 1 < fr->n && fr->cps[e + 1] == fr->cps[e] + 1 && ((e + 2) & 0xFF) != 0 &&
               (fr->cps[e + 1] & 0xFF) != 0)
            e++;
        hs_buf_printf(&rows, "<%04X> <%04X> <%04X>\n", (unsigned)(k + 1), (unsigned)(e + 1),
                      (unsigned)fr->cps[k]);
        k = e + 1;
        if (++nrows == 100 || k == fr->n) {
            hs_buf_printf(&b, "%d beginbfrange\n", nrows);
            hs_buf_add(&b, hs_buf_cstr(&rows), rows.len);
            hs_buf_adds(&b, "endbfrange\n");
            hs_buf_init(&rows, a);
            nrows = 0;
        }
    }
    hs_buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    *len = b.len;
    char *s = malloc(b.len + 1);
    if (s == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(s, hs_buf_cstr(&b), b.len + 1);
    hs_arena_free(a);
    return s;
}

/* The encoder's maps, what HPDF_CMapEncoder_InitAttr would make but with the
 * face's CIDs: code point -> CID in cid_map, and the code point again in
 * unicode_map (read only where cid_map is not 0: InitAttr's 65,536 squares
 * for the undefined are not needed), the sentinel at U+FFFF. */
static void
encoder_maps(const fontres *fr, HPDF_CMapEncoderAttr ea)
{
    memset(ea, 0, sizeof *ea);
    /* What libharu's UTF-8 encoder says, so the font dicts are as before. */
    memcpy(ea->registry, "Adobe", 6);
    memcpy(ea->ordering, "Identity-H", 11);
    ea->suppliment = 0;
    ea->writing_mode = HPDF_WMODE_HORIZONTAL;
    for (int k = 0; k < fr->n; k++) {
        uint32_t cp = fr->cps[k];
        ea->cid_map[cp >> 8][cp & 0xFF] = (HPDF_UINT16)(k + 1);
        ea->unicode_map[cp >> 8][cp & 0xFF] = (HPDF_UNICODE)cp;
    }
    ea->cid_map[0xFF][0xFF] = (HPDF_UINT16)(fr->n + 1); /* the sentinel: no glyph */
    ea->unicode_map[0xFF][0xFF] = 0xFFFF;
}

/* The face's resources, built on its first use in this engine. */
static fontres *
res_of(const hs_face *face, hs_report *r)
{
    if (face->render_res != NULL)
        return face->render_res;
    fontres *fr = calloc(1, sizeof *fr);
    if (fr == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    if (read_font(face->path, fr, r) != 0) {
        fontres_free(fr);
        return NULL;
    }
    /* From U+0020: the codes below are never drawn, and U+0000..U+0004
     * are where libharu's UTF-8 functions keep their state. */
    int n = hs_face_codepoints(face, 0x20, NULL, 0);
    if (n > MAX_CIDS) {
        fontres_free(fr);
        hs_error(r, (hs_loc){face->path, 0}, HS_CODE_FONT,
                 "the face maps %d code points, more than %d", n, MAX_CIDS);
        return NULL;
    }
    fr->cps = malloc(sizeof *fr->cps * (size_t)(n ? n : 1));
    if (fr->cps == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    fr->n = hs_face_codepoints(face, 0x20, fr->cps, n);
    size_t len;
    char *cmap = tounicode_text(fr, &len);
    fr->tounicode = hs_pdf_deflate((const unsigned char *)cmap, len, &fr->tounicode_len);
    free(cmap);
    hs_face *w = (hs_face *)face; /* the cache slot, written once */
    w->render_res = fr;
    w->render_res_free = fontres_free;
    return fr;
}

/* A read-only libharu stream over the engine's copy of the font file: the
 * font parser and the subsetter seek and read it in memory. Same results as
 * libharu's file reader (short reads zero-filled, end of data is
 * HPDF_STREAM_EOF). */
typedef struct mem_view {
    const unsigned char *p;
    HPDF_UINT size, pos;
} mem_view;

static HPDF_STATUS
view_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
    mem_view *v = s->attr;
    HPDF_UINT left = v->pos < v->size ? v->size - v->pos : 0;
    HPDF_UINT k = *siz < left ? *siz : left;
    memcpy(ptr, v->p + v->pos, k);
    v->pos += k;
    if (k == *siz)
        return HPDF_OK;
    memset(ptr + k, 0, *siz - k);
    *siz = k;
    return HPDF_STREAM_EOF;
}

static HPDF_STATUS
view_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
    mem_view *v = s->attr;
    long long at = mode == HPDF_SEEK_CUR   ? (long long)v->pos + pos
                   : mode == HPDF_SEEK_END ? (long long)v->size + pos
                                           : (long long)pos;
    if (at < 0 || at > (long long)0x7FFFFFFF)
        return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
    v->pos = (HPDF_UINT)at;
    return HPDF_OK;
}

static HPDF_INT32
view_tell(HPDF_Stream s)
{
    return (HPDF_INT32)((mem_view *)s->attr)->pos;
}

static HPDF_UINT32
view_size(HPDF_Stream s)
{
    return ((mem_view *)s->attr)->size;
}

static void
view_free(HPDF_Stream s)
{
    HPDF_FreeMem(s->mmgr, s->attr);
}

static HPDF_Stream
view_new(HPDF_MMgr mmgr, const unsigned char *p, size_t n)
{
    HPDF_Stream s = HPDF_GetMem(mmgr, sizeof(HPDF_Stream_Rec));
    mem_view *v = s != NULL ? HPDF_GetMem(mmgr, sizeof *v) : NULL;
    if (v == NULL) {
        if (s != NULL)
            HPDF_FreeMem(mmgr, s);
        return NULL;
    }
    *v = (mem_view){p, (HPDF_UINT)n, 0};
    memset(s, 0, sizeof(HPDF_Stream_Rec));
    s->sig_bytes = HPDF_STREAM_SIG_BYTES;
    s->type = HPDF_STREAM_MEMORY;
    s->mmgr = mmgr;
    s->error = mmgr->error;
    s->read_fn = view_read;
    s->seek_fn = view_seek;
    s->tell_fn = view_tell;
    s->size_fn = view_size;
    s->free_fn = view_free;
    s->attr = v;
    return s;
}

/* Text to the content stream: UTF-8 to the big-endian CIDs of this face's
 * encoder (libharu free()s the result). Code points without a CID, which
 * the caller has already refused, would become CID 0. */
static char *
encode_cids(HPDF_Encoder enc, const char *text, HPDF_UINT len, HPDF_UINT *out_len)
{
    HPDF_CMapEncoderAttr ea = enc->attr;
    char *out = malloc((size_t)len * 2 + 2);
    if (out == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)text;
    for (HPDF_UINT i = 0; i < len;) {
        uint32_t cp = s[i];
        int k = cp < 0x80 ? 1 : (cp & 0xE0) == 0xC0 ? 2 : (cp & 0xF0) == 0xE0 ? 3 : 4;
        cp = k == 1 ? cp : k == 2 ? cp & 0x1F : k == 3 ? cp & 0x0F : cp & 0x07;
        for (int j = 1; j < k && i + (HPDF_UINT)j < len; j++)
            cp = cp << 6 | (s[i + j] & 0x3F);
        i += (HPDF_UINT)k;
        HPDF_UINT16 cid = cp >= 0x20 && cp <= 0xFFFF ? ea->cid_map[cp >> 8][cp & 0xFF] : 0;
        out[o++] = (char)(cid >> 8);
        out[o++] = (char)(cid & 0xFF);
    }
    *out_len = (HPDF_UINT)o;
    return out;
}

/* Replace a font's CMap or map stream data with ready deflated bytes; the
 * encoding-CMap keys libharu put on its ToUnicode stream mean nothing on a
 * ToUnicode CMap and go. */
static HPDF_STATUS
set_ready(HPDF_Dict d, const unsigned char *z, size_t n)
{
    static const char *const keys[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        (void)HPDF_Dict_RemoveElement(d, keys[i]); /* absent is fine */
    return hs_pdf_ready_stream(d, z, n);
}

/* libharu's before_write_fn of a Type0 TrueType font (it embeds the font
 * file): a constant of the library, taken from the first font made. */
static HPDF_Dict_BeforeWriteFunc cid_font_before_write;

static fontres *
res_of_font(HPDF_FontAttr fa)
{
    return ((enc_attr *)fa->encoder->attr)->fr;
}

/* /W only for the CIDs whose glyphs the document drew (libharu flags them in
 * the font definition as text is measured, composite parts too): a reader
 * needs no width of a character that is not there, and the file is about
 * 1.2 KB a face smaller. The face's glyph and advance of each CID were taken
 * from libharu once per engine (keep_map). */
static HPDF_STATUS
trim_widths(HPDF_FontAttr fa)
{
    HPDF_Array w = HPDF_Dict_GetItem(fa->descendant_font, "W", HPDF_OCLASS_ARRAY);
    if (w == NULL)
        return HPDF_INVALID_OBJECT;
    HPDF_Array_Clear(w);
    HPDF_FontDef def = fa->fontdef;
    HPDF_TTFontDefAttr tt = def->attr;
    const fontres *fr = res_of_font(fa);
    HPDF_Array run = NULL;
    unsigned last = 0;
    for (int k = 0; k < fr->n; k++) {
        if (fr->cps[k] >= 0xFFFF) /* the sentinel's code */
            continue;
        unsigned cid = (unsigned)k + 1;
        HPDF_UINT16 gid = fr->gid[k];
        if (gid >= tt->num_glyphs || !tt->glyph_tbl.flgs[gid])
            continue;
        HPDF_INT16 width = fr->advance[k];
        if (width == def->missing_width)
            continue;
        HPDF_STATUS st = HPDF_OK;
        if (run == NULL || cid != last + 1) {
            run = HPDF_Array_New(w->mmgr);
            if (run == NULL)
                return HPDF_Error_GetCode(w->error);
            st = HPDF_Array_AddNumber(w, (HPDF_INT32)cid);
            if (st == HPDF_OK)
                st = HPDF_Array_Add(w, run);
        }
        if (st == HPDF_OK)
            st = HPDF_Array_AddNumber(run, width);
        if (st != HPDF_OK)
            return st;
        last = cid;
    }
    return HPDF_OK;
}

/* The font file libharu makes for the glyphs flagged in def (a pure function
 * of the font file and the flags), deflated; from the face's last subsets
 * when one holds the same glyphs. NULL when libharu failed. */
static const struct subset *
subset_for(fontres *fr, HPDF_FontDef def, HPDF_MMgr mmgr)
{
    HPDF_TTFontDefAttr tt = def->attr;
    const unsigned char *flags = tt->glyph_tbl.flgs;
    unsigned ng = tt->num_glyphs;
    for (int i = 0; i < SUBSETS; i++) {
        const struct subset *s = &fr->subsets[i];
        if (s->z != NULL && s->num_glyphs == ng && memcmp(s->glyphs, flags, ng) == 0)
            return s;
    }
    HPDF_Stream out = HPDF_MemStream_New(mmgr, HPDF_STREAM_BUF_SIZ);
    if (out == NULL)
        return NULL;
    unsigned char *raw = NULL;
    HPDF_UINT size = 0, got = 0;
    if (HPDF_TTFontDef_SaveFontData(def, out) == HPDF_OK) {
        size = got = out->size;
        raw = malloc(size ? size : 1);
        if (raw == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        if (HPDF_Stream_Seek(out, 0, HPDF_SEEK_SET) != HPDF_OK ||
            HPDF_Stream_Read(out, raw, &got) != HPDF_OK || got != size) {
            free(raw);
            raw = NULL;
        }
    }
    HPDF_Stream_Free(out);
    size_t slim_n = 0;
    unsigned char *slim = raw != NULL ? hs_sfnt_for_pdf(raw, size, &slim_n) : NULL;
    free(raw);
    if (slim == NULL)
        return NULL;
    struct subset *s = &fr->subsets[fr->next_subset];
    fr->next_subset = (fr->next_subset + 1) % SUBSETS;
    free(s->z);
    free(s->glyphs);
    s->z = hs_pdf_deflate(slim, slim_n, &s->z_len);
    free(slim);
    s->glyphs = malloc(ng ? ng : 1);
    if (s->glyphs == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(s->glyphs, flags, ng);
    s->num_glyphs = ng;
    s->length1 = (HPDF_UINT)slim_n;
    return s;
}

/* libharu's hook, but the font file written as ready bytes: libharu's hook
 * is run with embedding off (it then makes the descriptor without a
 * FontFile2), and the font file stream, made first as libharu makes it, is
 * added to the descriptor with the keys libharu gives it. Without
 * compression, libharu's own way. */
static HPDF_STATUS
before_write(HPDF_Dict font)
{
    HPDF_FontAttr fa = font->attr;
    HPDF_STATUS st = trim_widths(fa);
    if (st != HPDF_OK)
        return st;
    HPDF_FontDef def = fa->fontdef;
    HPDF_TTFontDefAttr tt = def->attr;
    if (def->descriptor != NULL || !tt->embedding ||
        font->filter != HPDF_STREAM_FILTER_FLATE_DECODE)
        return cid_font_before_write(font);
    const struct subset *s = subset_for(res_of_font(fa), def, font->mmgr);
    if (s == NULL)
        return HPDF_Error_GetCode(font->error) ? HPDF_Error_GetCode(font->error)
                                               : HPDF_FILE_IO_ERROR;
    HPDF_Dict data = HPDF_DictStream_New(font->mmgr, fa->xref);
    if (data == NULL)
        return HPDF_Error_GetCode(font->error);
    if ((st = hs_pdf_ready_stream(data, s->z, s->z_len)) != HPDF_OK)
        return st;
    tt->embedding = HPDF_FALSE;
    st = cid_font_before_write(font);
    tt->embedding = HPDF_TRUE;
    if (st != HPDF_OK)
        return st;
    if (def->descriptor == NULL)
        return HPDF_INVALID_OBJECT;
    st = HPDF_Dict_Add(def->descriptor, "FontFile2", data);
    if (st == HPDF_OK)
        st = HPDF_Dict_AddNumber(data, "Length1", s->length1);
    if (st == HPDF_OK)
        st = HPDF_Dict_AddNumber(data, "Length2", 0);
    if (st == HPDF_OK)
        st = HPDF_Dict_AddNumber(data, "Length3", 0);
    return st;
}

/* libharu's subset tags, in load order as HPDF_LoadTTFontFromFile numbers them:
 * HPDFAA, HPDFAB, … so the same pages give the same bytes. */
static void
next_tag(HPDF_Doc pdf)
{
    if (pdf->ttfont_tag[0] == 0) {
        memcpy(pdf->ttfont_tag, "HPDFAA", 6);
        return;
    }
    for (int i = 5; i >= 0; i--) {
        pdf->ttfont_tag[i] += 1;
        if (pdf->ttfont_tag[i] > 'Z')
            pdf->ttfont_tag[i] = 'A';
        else
            break;
    }
}

/* The CIDToGIDMap libharu wrote for the first document, deflated for all,
 * and each CID's glyph and advance for /W. */
static int
keep_map(fontres *fr, HPDF_Dict map, HPDF_FontDef def, hs_report *r, const char *path)
{
    HPDF_UINT size = map->stream->size;
    if (size != 2u * (unsigned)(fr->n + 1))
        return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT,
                        "libharu wrote a CIDToGIDMap of %u bytes for %d CIDs: not the libharu "
                        "this build expects",
                        (unsigned)size, fr->n);
    unsigned char *raw = malloc(size);
    HPDF_UINT got = size;
    if (raw == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    if (HPDF_Stream_Seek(map->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
        HPDF_Stream_Read(map->stream, raw, &got) != HPDF_OK || got != size) {
        free(raw);
        return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT,
                        "cannot read libharu's CIDToGIDMap back");
    }
    fr->map = hs_pdf_deflate(raw, size, &fr->map_len);
    free(raw);
    fr->gid = malloc(sizeof *fr->gid * (size_t)(fr->n ? fr->n : 1));
    fr->advance = malloc(sizeof *fr->advance * (size_t)(fr->n ? fr->n : 1));
    if (fr->gid == NULL || fr->advance == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (int k = 0; k < fr->n; k++) {
        HPDF_UINT16 cp = fr->cps[k] < 0xFFFF ? (HPDF_UINT16)fr->cps[k] : 0;
        fr->gid[k] = HPDF_TTFontDef_GetGlyphid(def, cp);
        fr->advance[k] = HPDF_TTFontDef_GetGidWidth(def, fr->gid[k]);
    }
    return 0;
}

/* The encoder's free_fn, what HPDF_CMapEncoder_Free does (the ranges the
 * document's memory held, then the attributes), but the engine's maps are
 * given back, not freed. */
static void
enc_free(HPDF_Encoder enc)
{
    enc_attr *x = enc->attr;
    if (x == NULL)
        return;
    HPDF_List lists[3] = {x->rec.cmap_range, x->rec.notdef_range, x->rec.code_space_range};
    for (int i = 0; i < 3; i++) {
        for (HPDF_UINT k = 0; lists[i] != NULL && k < lists[i]->count; k++)
            HPDF_FreeMem(enc->mmgr, HPDF_List_ItemAt(lists[i], k));
        if (lists[i] != NULL)
            HPDF_List_Free(lists[i]);
    }
    x->rec.cmap_range = x->rec.notdef_range = x->rec.code_space_range = NULL;
    if (x == x->fr->attr)
        x->fr->attr_lent = 0;
    else
        free(x);
    enc->attr = NULL;
}

/* The face's encoder maps for a document: the engine's, or a copy while
 * another document has them. The UTF-8 functions' state is cleared: CID
 * fonts read those bytes as CIDs until the font is made. */
static enc_attr *
lend_attr(fontres *fr)
{
    enc_attr *x = fr->attr != NULL && !fr->attr_lent ? fr->attr : malloc(sizeof *x);
    if (x == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    if (x != fr->attr) {
        encoder_maps(fr, &x->rec);
        x->fr = fr;
        if (fr->attr == NULL)
            fr->attr = x;
    }
    if (x == fr->attr)
        fr->attr_lent = 1;
    memset(x->rec.cid_map[0], 0, 16);
    return x;
}

/* libharu's functions of a Type0 TrueType font (static in
 * hpdf_font_cid.c), taken from the first font it makes: its free function,
 * and its attributes' text-width and measuring functions (haru_fns holds
 * those two; hoso lays its lines out itself and calls neither). */
static HPDF_Dict_FreeFunc haru_font_free;
static HPDF_FontAttr_Rec haru_fns;

/* What HPDF_Type0Font_New makes of a TrueType face with an Identity-H
 * encoder, and in the same order (the same objects, numbers and keys), but
 * without its CIDFontType2_New's walk of all 65,536 entries of the encoder's
 * cid_map and the /W over them (0.9 M instructions a face, 14 % of a warm
 * document): /W is made at save (trim_widths), the ToUnicode CMap and the
 * CIDToGIDMap are the face's ready bytes, so their streams are left empty
 * here. Used once the face's map is kept and libharu's functions are known
 * (the first document of a process makes its fonts with libharu). */
static HPDF_Font
type0_font(HPDF_MMgr mmgr, HPDF_FontDef def, HPDF_Encoder enc, HPDF_Xref xref)
{
    HPDF_CMapEncoderAttr ea = enc->attr;
    HPDF_Dict font = HPDF_Dict_New(mmgr);
    if (font == NULL)
        return NULL;
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    HPDF_FontAttr attr = HPDF_GetMem(mmgr, sizeof *attr);
    if (attr == NULL) {
        HPDF_Dict_Free(font);
        return NULL;
    }
    memset(attr, 0, sizeof *attr);
    font->write_fn = NULL;
    font->free_fn = haru_font_free;
    font->attr = attr;
    attr->writing_mode = ea->writing_mode;
    attr->text_width_fn = haru_fns.text_width_fn;
    attr->measure_text_fn = haru_fns.measure_text_fn;
    attr->fontdef = def;
    attr->encoder = enc;
    attr->xref = xref;
    if (HPDF_Xref_Add(xref, font) != HPDF_OK) /* it freed the font */
        return NULL;
    HPDF_STATUS st = HPDF_Dict_AddName(font, "Type", "Font");
    st += HPDF_Dict_AddName(font, "BaseFont", def->base_font);
    st += HPDF_Dict_AddName(font, "Subtype", "Type0");
    st += HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    if (st != HPDF_OK || (attr->cmap_stream = HPDF_DictStream_New(mmgr, xref)) == NULL ||
        HPDF_Dict_Add(font, "ToUnicode", attr->cmap_stream) != HPDF_OK)
        return NULL;
    HPDF_Array descendants = HPDF_Array_New(mmgr);
    if (descendants == NULL || HPDF_Dict_Add(font, "DescendantFonts", descendants) != HPDF_OK)
        return NULL;
    attr->type = HPDF_FONT_TYPE0_TT;

    HPDF_Dict cid = HPDF_Dict_New(mmgr);
    if (cid == NULL || HPDF_Xref_Add(xref, cid) != HPDF_OK)
        return NULL;
    font->before_write_fn = cid_font_before_write;
    st = HPDF_Dict_AddName(cid, "Type", "Font");
    st += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    st += HPDF_Dict_AddNumber(cid, "DW", def->missing_width);
    HPDF_Array dw2 = st == HPDF_OK ? HPDF_Array_New(mmgr) : NULL;
    if (dw2 == NULL || HPDF_Dict_Add(cid, "DW2", dw2) != HPDF_OK)
        return NULL;
    st = HPDF_Array_AddNumber(dw2, (HPDF_INT32)(def->font_bbox.bottom));
    st += HPDF_Array_AddNumber(dw2, (HPDF_INT32)(def->font_bbox.bottom - def->font_bbox.top));
    HPDF_Array w = st == HPDF_OK ? HPDF_Array_New(mmgr) : NULL;
    if (w == NULL || HPDF_Dict_Add(cid, "W", w) != HPDF_OK)
        return NULL;
    if ((attr->map_stream = HPDF_DictStream_New(mmgr, xref)) == NULL ||
        HPDF_Dict_Add(cid, "CIDToGIDMap", attr->map_stream) != HPDF_OK)
        return NULL;
    HPDF_Dict info = HPDF_Dict_New(mmgr);
    if (info == NULL || HPDF_Dict_Add(cid, "CIDSystemInfo", info) != HPDF_OK)
        return NULL;
    st = HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, ea->registry, NULL));
    st += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, ea->ordering, NULL));
    st += HPDF_Dict_AddNumber(info, "Supplement", ea->suppliment);
    if (st != HPDF_OK)
        return NULL;
    attr->descendant_font = cid;
    return HPDF_Array_Add(descendants, cid) == HPDF_OK ? font : NULL;
}

HPDF_Font
hs_fontres_font(HPDF_Doc pdf, const hs_face *face, hs_report *r, int *reported)
{
    *reported = 1;
    fontres *fr = res_of(face, r);
    if (fr == NULL)
        return NULL;
    *reported = 0;
    HPDF_Stream st = view_new(pdf->mmgr, fr->file, fr->file_len);
    HPDF_FontDef def = st != NULL ? HPDF_TTFontDef_Load(pdf->mmgr, st, HPDF_TRUE) : NULL;
    if (def == NULL) { /* the stream was freed with it */
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    next_tag(pdf);
    HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);

    /* Its own encoder: named after the tag, so unique in the document; the
     * document frees it. */
    char name[16];
    snprintf(name, sizeof name, "HS-%.6s", (const char *)pdf->ttfont_tag);
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Encoder enc = utf8 != NULL ? HPDF_CMapEncoder_New(pdf->mmgr, name, NULL) : NULL;
    if (enc == NULL) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    if (HPDF_List_Add(pdf->encoder_list, enc) != HPDF_OK) {
        HPDF_Encoder_Free(enc);
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    enc_attr *x = lend_attr(fr);
    HPDF_CMapEncoderAttr ea = &x->rec;
    enc->attr = ea;
    enc->free_fn = enc_free;
    ea->cmap_range = HPDF_List_New(pdf->mmgr, HPDF_DEF_RANGE_TBL_NUM);
    ea->notdef_range = HPDF_List_New(pdf->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
    ea->code_space_range = HPDF_List_New(pdf->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
    if (ea->cmap_range == NULL || ea->notdef_range == NULL || ea->code_space_range == NULL) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    enc->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
    /* to_unicode_fn is still HPDF_CMapEncoder_ToUnicode: the cid_map path */
    HPDF_TTFontDefAttr tt = def->attr;
    HPDF_Font font = fr->map != NULL && haru_font_free != NULL && tt->embedding
                         ? type0_font(pdf->mmgr, def, enc, pdf->xref)
                         : HPDF_Type0Font_New(pdf->mmgr, def, enc, pdf->xref);
    if (font == NULL) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    HPDF_FontAttr fa = font->attr;
    if (haru_font_free == NULL) {
        haru_font_free = font->free_fn;
        haru_fns.text_width_fn = fa->text_width_fn;
        haru_fns.measure_text_fn = fa->measure_text_fn;
    }
    hs_assert(font->free_fn == haru_font_free && fa->text_width_fn == haru_fns.text_width_fn &&
              fa->measure_text_fn == haru_fns.measure_text_fn && haru_font_free != NULL);
    /* as HPDF_GetFont does after making a font */
    if (HPDF_List_Add(pdf->font_mgr, font) != HPDF_OK) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    if (pdf->compression_mode & HPDF_COMP_METADATA)
        font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    enc->byte_type_fn = utf8->byte_type_fn;
    enc->to_unicode_fn = utf8->to_unicode_fn;
    enc->encode_text_fn = encode_cids;
    memset(ea->cid_map[0], 0, 16); /* state of the UTF-8 functions, from now on */

    if (cid_font_before_write == NULL)
        cid_font_before_write = font->before_write_fn;
    hs_assert(font->before_write_fn == cid_font_before_write && cid_font_before_write != NULL);
    font->before_write_fn = before_write;

    if (fa->map_stream == NULL || fa->cmap_stream == NULL ||
        HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != fa->cmap_stream) {
        *reported = 1;
        hs_error(r, (hs_loc){face->path, 0}, HS_CODE_FONT,
                 "libharu made no CIDToGIDMap or ToUnicode stream: not the libharu this build "
                 "expects");
        return NULL;
    }
    if (fr->map == NULL && keep_map(fr, fa->map_stream, def, r, face->path) != 0) {
        *reported = 1;
        return NULL;
    }
    if (set_ready(fa->cmap_stream, fr->tounicode, fr->tounicode_len) != HPDF_OK ||
        set_ready(fa->map_stream, fr->map, fr->map_len) != HPDF_OK) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    fa->cmap_stream = NULL; /* or the font's before_write_fn deflates them again */
    fa->map_stream = NULL;
    return font;
}
