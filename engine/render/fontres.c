/* engine/render/fontres.c — per-engine font resources on libharu 2.3.0's
 * object layer (hpdf_objects.h and friends, installed by libhpdf-dev).
 *
 * Why: HPDF_GetFont(…, "UTF-8") makes CID = Unicode, so libharu builds every
 * document's CIDToGIDMap and /W over all 65,536 codes (a cmap search each)
 * and deflates four 128 KB maps at save: most of a warm document's time;
 * and its subset keeps every glyph id of the face, so hmtx and loca cover
 * all of them. Here each face gets its own encoder, the code points it
 * draws are its CIDs 1..n (a few hundred for a reduced face), and a
 * document renumbers those it draws 1..k (in the face's order, all its
 * text marked before any is written: hs_fontres_use). The document's CIDs
 * are the glyph ids of its subset (libharu's, renumbered by
 * render/subset.c), so its CIDToGIDMap is /Identity; /W and the ToUnicode
 * CMap cover its k CIDs alone. With k <= 255 (every document of the
 * samples) a CID is one byte of the content stream, through an encoding
 * CMap from codes <00>..<FF> to CIDs 0..255 that the document's fonts share,
 * else two (Identity-H). The font file and the CMap are a function of the
 * CIDs drawn: deflated once for each set of them (the face's last few
 * kept), then written as ready bytes.
 *
 * What this relies on in libharu 2.3.0, checked by tests/unit/test_fontres.c:
 * - HPDF_Type0Font_New (hpdf_font_cid.c) gives its fonts library functions
 *   (free, text width, measure, before-write) that are static: they are
 *   taken from one font libharu begins once per process (learn_haru: it
 *   gives the font all four before it allocates for, or walks, the
 *   encoder's 65,536 codes, and a failed allocation unwinds it, the
 *   objects made left in the cross-reference table); the fonts of
 *   documents are made as it makes them (type0_font), without that walk.
 * - Text goes through the encoder's byte_type_fn and to_unicode_fn for its
 *   widths (TextWidth, which also marks the glyphs to embed; libharu's
 *   UTF-8 functions, learned when libharu first calls one) and through
 *   encode_text_fn for the bytes of the content stream (InternalWriteText,
 *   which free()s them). libharu's UTF-8 functions keep their state in the
 *   first 10 bytes of cid_map[0] (codes U+0000..U+0004, never given a CID).
 * - HPDF_TTFontDef_GetCharWidth flags a glyph for the subset and, embedding,
 *   its composite parts.
 * - The Type0 font's before_write_fn sets map_stream's and cmap_stream's
 *   filter to the document's, unless those pointers are NULL; it runs when
 *   the font is written, before its ToUnicode and CID font objects and
 *   after every page, so /W, the CMap and the font file are made there.
 * - That hook makes the font descriptor, and the FontFile2 stream in it only
 *   when the font definition's embedding is on; HPDF_TTFontDef_SaveFontData
 *   writes the subset of the glyphs flagged (the others empty, their ids
 *   kept) and nothing else of the document. */
#include "render/fontres.h"

#include <errno.h>
#include <fcntl.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cache/cache.h"
#include "render/harufix.h"
#include "render/ready.h"
#include "render/subset.h"

#if HPDF_VERSION_ID != 20300
#error "fontres.c relies on libharu 2.3.0 internals: check them and update this guard"
#endif

/* CID 0 is .notdef, 1..n the face's code points, n + 1 the sentinel. */
#define MAX_CIDS 65533
/* Subsets kept per face: documents of one template draw the same glyphs in
 * the faces only its own text uses (headings, terms, signatures), and often
 * in the others; a few sets cover the alternation of such documents. */
#define SUBSETS 4

typedef struct fontres {
    /* the face whose resources these are (they are freed with it): its
     * nested composite glyphs, for the subset (flag_glyphs) */
    const hs_face *face;
    const unsigned char *file; /* the whole font file (the face's: hs_face_file) */
    size_t file_len;
    /* the file's hash, for the keys of its subsets in the on-disk cache
     * (cache/cache.h); keyed set only when the cache is on */
    unsigned char file_hash[16];
    int keyed;
    uint32_t *cps; /* CID k + 1 draws cps[k] */
    int n;
    /* CID k + 1's glyph and advance (libharu's cmap and widths), for the
     * subset's order and /W; NULL until the face's first document */
    HPDF_UINT16 *gid;
    HPDF_INT16 *advance;
    /* The last SUBSETS documents' font files and ToUnicode CMaps, deflated,
     * by the face CIDs they draw */
    struct subset {
        unsigned char *drawn; /* n + 1 bytes: face CID c drawn */
        unsigned char *z;     /* the font file */
        size_t z_len;
        HPDF_UINT length1; /* the font file's length before deflating */
        unsigned char *tu; /* the ToUnicode CMap */
        size_t tu_len;
    } subsets[SUBSETS];
    int next_subset; /* the slot to reuse next, oldest first */
    /* The encoder's maps, made once and lent to one document at a time */
    struct enc_attr *attr;
    int attr_lent;
    /* libharu's reading of the font file (its tables, cmap, widths: 0.7 M
     * instructions a document for four faces), made once on an allocator
     * of the face's own and lent to one document at a time (lend_def) */
    HPDF_FontDef def;
    int def_lent;
    HPDF_MMgr mmgr;
    HPDF_Error_Rec error; /* mmgr's and def's while no document has def */
} fontres;

/* An encoder's attributes with the face's resources after them, so that the
 * font's write hook finds them. 256 KB of maps that are the same in every
 * document: made once per face and lent to each document's encoder (a
 * second document at the same time gets a copy of its own), given back by
 * enc_free when libharu frees the encoder. */
typedef struct enc_attr {
    HPDF_CMapEncoderAttr_Rec rec; /* first: the block's address is rec's */
    fontres *fr;
    /* The document's own: the face CIDs its text draws (marked before any
     * is written: hs_fontres_use), numbered 1..k in the order of the face's
     * CIDs once the first text is written (sealed). Document CID j is glyph
     * j of the document's subset, so its CIDToGIDMap is /Identity. */
    unsigned char *drawn; /* n + 1 bytes */
    HPDF_UINT16 *doc_cid; /* n + 1: face CID -> document CID, 0 when not drawn */
    int k, sealed;
    /* The face CIDs drawn, in the order the text first draws them (n + 1
     * room), and whether their glyphs are flagged in the document's font
     * definition (flag_glyphs): only when its subset is made, not when a
     * subset of the same CIDs is reused */
    HPDF_UINT16 *first;
    int nfirst, flagged;
    /* Each text marked (hs_fontres_use), in order, with its face CIDs
     * (from fcid[at], k of them): read back when the texts are written in
     * the same order (hs_fontres_cids), not decoded a second time */
    struct marked {
        const char *text;
        size_t n, at, k;
    } * runs;
    size_t nruns, cap_runs, next_run;
    HPDF_UINT16 *fcid;
    size_t nfcid, cap_fcid;
    /* k <= 255: the text's codes are one byte each (through one_byte_cmap,
     * the document's one-byte encoding CMap, shared by its fonts), not two
     * (Identity-H): a tenth of a page's bytes to deflate */
    int one_byte;
    HPDF_Dict one_byte_cmap;
    int def_lent; /* the document has fr->def: enc_free gives it back */
} enc_attr;

static void
fontres_free(void *p)
{
    fontres *fr = p;
    if (fr == NULL)
        return;
    free(fr->cps);
    free(fr->gid);
    free(fr->advance);
    hs_pages_free(fr->attr, sizeof *fr->attr);
    if (fr->def != NULL)
        HPDF_FontDef_Free(fr->def); /* its view of fr->file with it */
    if (fr->mmgr != NULL)
        HPDF_MMgr_Free(fr->mmgr);
    for (int i = 0; i < SUBSETS; i++) {
        free(fr->subsets[i].drawn);
        free(fr->subsets[i].z);
        free(fr->subsets[i].tu);
    }
    free(fr);
}

/* The font file's bytes: those the face was made from, read once by
 * font/ (hs_face_file), so that the font embedded is the one layout
 * measured with (a second read here was another version of the file after
 * an edit that kept its size and dates). */
static void
read_font(const hs_face *face, fontres *fr)
{
    fr->file = hs_face_file(face, &fr->file_len);
    /* what a batch's report says was embedded */
    hs_inputs_read(face->path, fr->file, fr->file_len);
    if (hs_cache_on()) {
        hs_cache_hash(fr->file, fr->file_len, fr->file_hash);
        fr->keyed = 1;
    }
}

/* The section of *count rows held in rows appended to b when it is full
 * (100 rows, the most a section may have) or at the end, and rows emptied. */
static void
flush_section(hs_buf *b, const char *kind, hs_buf *rows, int *count, int end)
{
    if (*count == 100 || (end && *count > 0)) {
        hs_buf_printf(b, "%d begin%s\n", *count, kind);
        hs_buf_add(b, hs_buf_cstr(rows), rows->len);
        hs_buf_printf(b, "end%s\n", kind);
        hs_buf_init(rows, b->arena);
        *count = 0;
    }
}

/* The ToUnicode CMap (Adobe technical note 5411) from CID k + 1 to cps[k]
 * (n of them, ascending): a bfrange row per run of consecutive code points,
 * cut where the last byte of the CID or of the code point would wrap (a
 * range may differ only in its last byte), a bfchar row for a code point
 * alone (most of a document's: a third shorter), at most 100 rows a
 * section. */
static char *
tounicode_text(const uint32_t *cps, int n, int one_byte, size_t *len)
{

    hs_arena *a = hs_arena_new(0);
    hs_buf b, rows;
    hs_buf_init(&b, a);
    hs_buf_init(&rows, a);
    hs_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n");
    hs_buf_adds(&b, one_byte ? "<00> <FF>\n" : "<0000> <FFFF>\n");
    hs_buf_adds(&b, "endcodespacerange\n");
    /* runs of two or more as bfrange rows, single ones as bfchar rows */
    hs_buf chars;
    hs_buf_init(&chars, a);
    int nrows = 0, nchars = 0;
    for (int k = 0; k < n;) {
        int e = k;
        while (e + 1 < n && cps[e + 1] == cps[e] + 1 && ((e + 2) & 0xFF) != 0 &&
               (cps[e + 1] & 0xFF) != 0)
            e++;
        if (e > k) {
            if (one_byte)
                hs_buf_printf(&rows, "<%02X> <%02X> <%04X>\n", (unsigned)(k + 1), (unsigned)(e + 1),
                              (unsigned)cps[k]);
            else
                hs_buf_printf(&rows, "<%04X> <%04X> <%04X>\n", (unsigned)(k + 1), (unsigned)(e + 1),
                              (unsigned)cps[k]);
            nrows++;
        } else {
            if (one_byte)
                hs_buf_printf(&chars, "<%02X> <%04X>\n", (unsigned)(k + 1), (unsigned)cps[k]);
            else
                hs_buf_printf(&chars, "<%04X> <%04X>\n", (unsigned)(k + 1), (unsigned)cps[k]);
            nchars++;
        }
        k = e + 1;
        flush_section(&b, "bfrange", &rows, &nrows, k == n);
        flush_section(&b, "bfchar", &chars, &nchars, k == n);
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
 * for the undefined are not needed), the sentinel at U+FFFF. ea comes zeroed
 * from hs_pages_zeroed: of its 64 pages (256 KB) only those of the rows
 * written here are touched, a dozen (a malloc and memset of all of them, 4
 * faces, were a seventh of a cold render's page faults). */
static void
encoder_maps(const fontres *fr, HPDF_CMapEncoderAttr ea)
{
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
    hs_inputs_note(face->path); /* the document depends on the font's file, read or cached */
    if (face->render_res != NULL)
        return face->render_res;
    fontres *fr = calloc(1, sizeof *fr);
    if (fr == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    fr->face = face;
    read_font(face, fr);
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

/* The code point of UTF-8 text at *i (advanced past it), leniently: text
 * is UTF-8 (libxml2), and what has no CID is refused by hs_fontres_use. */
static inline uint32_t
next_cp(const unsigned char *s, size_t len, size_t *i)
{
    uint32_t cp = s[*i];
    int k = cp < 0x80 ? 1 : (cp & 0xE0) == 0xC0 ? 2 : (cp & 0xF0) == 0xE0 ? 3 : 4;
    cp = k == 1 ? cp : k == 2 ? cp & 0x1F : k == 3 ? cp & 0x0F : cp & 0x07;
    for (int j = 1; j < k && *i + (size_t)j < len; j++)
        cp = cp << 6 | (s[*i + j] & 0x3F);
    *i += (size_t)k;
    return cp;
}

/* The face CID of cp, 0 when the face does not draw it. */
static inline unsigned
face_cid(HPDF_CMapEncoderAttr ea, uint32_t cp)
{
    return cp >= 0x20 && cp <= 0xFFFF ? ea->cid_map[cp >> 8][cp & 0xFF] : 0;
}

/* The document's CIDs, numbered once its text is all marked. */
static void
seal(enc_attr *x)
{
    x->sealed = 1;
    x->k = 0;
    for (int c = 1; c <= x->fr->n; c++)
        x->doc_cid[c] = x->drawn[c] ? (HPDF_UINT16)++x->k : 0;
    x->one_byte = x->k <= 255 && x->one_byte_cmap != NULL;
}

/* UTF-8 to the big-endian document CIDs (2 bytes a code point; returns the
 * bytes written): the face CIDs kept when the text was marked, when it is
 * the next text marked (the document writes its texts in the order it
 * marked them), else decoded again. */
static size_t
cids_of(HPDF_CMapEncoderAttr ea, const char *text, size_t len, unsigned char *out)
{
    enc_attr *x = (enc_attr *)ea;
    if (!x->sealed)
        seal(x);
    size_t o = 0;
    if (x->next_run < x->nruns && x->runs[x->next_run].text == text &&
        x->runs[x->next_run].n == len) { /* the next text marked: its CIDs */
        const struct marked *m = &x->runs[x->next_run++];
        const HPDF_UINT16 *f = x->fcid + m->at, *doc = x->doc_cid;
        if (x->one_byte) { /* out may alias x: doc and k read before */
            for (size_t j = 0, k = m->k; j < k; j++)
                out[j] = (unsigned char)(doc[f[j]] & 0xFF);
            return m->k;
        }
        for (size_t j = 0, k = m->k; j < k; j++) {
            out[2 * j] = (unsigned char)(doc[f[j]] >> 8);
            out[2 * j + 1] = (unsigned char)(doc[f[j]] & 0xFF);
        }
        return 2 * m->k;
    }
    for (size_t i = 0; i < len;) {
        unsigned cid = face_cid(ea, next_cp((const unsigned char *)text, len, &i));
        /* text written that was not marked would draw another glyph */
        hs_assert(cid != 0 && x->drawn[cid]);
        unsigned d = x->doc_cid[cid];
        if (!x->one_byte)
            out[o++] = (unsigned char)(d >> 8);
        out[o++] = (unsigned char)(d & 0xFF);
    }
    return o;
}

/* Text to the content stream through libharu's text functions (libharu
 * free()s the result). */
static char *
encode_cids(HPDF_Encoder enc, const char *text, HPDF_UINT len, HPDF_UINT *out_len)
{
    char *out = malloc((size_t)len * 2 + 2);
    if (out == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    *out_len = (HPDF_UINT)cids_of(enc->attr, text, len, (unsigned char *)out);
    return out;
}

/* libharu's before_write_fn of a Type0 TrueType font (it embeds the font
 * file): a constant of the library, taken from the first font made. */
static HPDF_Dict_BeforeWriteFunc cid_font_before_write;

size_t
hs_fontres_cids(HPDF_Font font, const char *text, size_t n, unsigned char *out)
{
    HPDF_FontAttr fa = font->attr;
    return cids_of(fa->encoder->attr, text, n, out);
}

size_t
hs_fontres_use(HPDF_Font font, const char *text, size_t n)
{
    HPDF_FontAttr fa = font->attr;
    enc_attr *x = (enc_attr *)fa->encoder->attr;
    hs_assert(!x->sealed && !x->flagged); /* the CIDs are numbered: too late */
    const unsigned char *s = (const unsigned char *)text;
    if (x->nfcid + n > x->cap_fcid) { /* n bytes: n code points at most */
        x->cap_fcid = 2 * x->cap_fcid > x->nfcid + n ? 2 * x->cap_fcid : x->nfcid + n + 1024;
        x->fcid = realloc(x->fcid, x->cap_fcid * sizeof *x->fcid);
    }
    if (x->nruns == x->cap_runs) {
        x->cap_runs = x->cap_runs ? 2 * x->cap_runs : 256;
        x->runs = realloc(x->runs, x->cap_runs * sizeof *x->runs);
    }
    if (x->fcid == NULL || x->runs == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    size_t start = x->nfcid;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t cp = next_cp(s, n, &i);
        unsigned cid = face_cid(&x->rec, cp);
        if (cid == 0) {
            x->nfcid = start; /* not a text to write */
            return at;
        }
        x->fcid[x->nfcid++] = (HPDF_UINT16)cid;
        if (x->drawn[cid])
            continue;
        x->drawn[cid] = 1;
        x->first[x->nfirst++] = (HPDF_UINT16)cid;
    }
    x->runs[x->nruns++] = (struct marked){text, n, start, x->nfcid - start};
    return (size_t)-1;
}

/* The glyphs of the CIDs drawn flagged for libharu's subset, as libharu's
 * TextWidth flags them, by way of HPDF_TTFontDef_GetCharWidth (which also
 * flags a composite glyph's direct parts, unless the glyph is flagged
 * already: so in the order the text first drew them, as when they were
 * flagged while marked), then the parts of those parts that libharu leaves
 * out (hs_harufix_embed_nested): whoever makes the subset, it has every
 * glyph it needs. About 0.25 M instructions of a warm quote (callgrind),
 * for flags that only a new subset reads. -1: font is not the file the
 * face read. */
static int
flag_glyphs(enc_attr *x, HPDF_Font font)
{
    if (x->flagged)
        return 0;
    x->flagged = 1;
    HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
    HPDF_TTFontDefAttr tt = def->attr;
    for (int i = 0; i < x->nfirst; i++) {
        unsigned cid = x->first[i];
        HPDF_UINT16 gid = x->fr->gid[cid - 1];
        if (gid < tt->num_glyphs && !tt->glyph_tbl.flgs[gid])
            (void)HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)x->fr->cps[cid - 1]);
    }
    return hs_harufix_embed_nested(font, x->fr->face);
}

/* Whether one of the face's last documents drew the same CIDs (its subset
 * is reused as it is). */
static const struct subset *
subset_in_memory(const enc_attr *x)
{
    const fontres *fr = x->fr;
    size_t nd = (size_t)fr->n + 1;
    for (int i = 0; i < SUBSETS; i++) {
        const struct subset *s = &fr->subsets[i];
        if (s->z != NULL && memcmp(s->drawn, x->drawn, nd) == 0)
            return s;
    }
    return NULL;
}

int
hs_fontres_glyphs(HPDF_Font font)
{
    HPDF_FontAttr fa = font->attr;
    enc_attr *x = (enc_attr *)fa->encoder->attr;
    if (subset_in_memory(x) != NULL)
        return 0; /* if it is gone by the save, subset_for flags them */
    return flag_glyphs(x, font) == 0 ? 1 : -1;
}

/* /DW and /W for the document's CIDs 1..k: the face's advance of each
 * CID's code point (libharu's, taken once per face: face_glyphs); /DW the
 * most frequent of them (the smallest of equals), which /W then leaves out.
 * A reader needs no width of a character that is not there. */
static HPDF_STATUS
doc_widths(HPDF_FontAttr fa)
{
    HPDF_Array w = HPDF_Dict_GetItem(fa->descendant_font, "W", HPDF_OCLASS_ARRAY);
    if (w == NULL)
        return HPDF_INVALID_OBJECT;
    HPDF_Array_Clear(w);
    const enc_attr *x = (const enc_attr *)fa->encoder->attr;
    const fontres *fr = x->fr;
    /* the most frequent advance: a count per distinct value, few of them */
    enum { KINDS = 64 };
    int value[KINDS], count[KINDS], kinds = 0, dw = fa->fontdef->missing_width, best = 0;
    for (int c = 1; c <= fr->n; c++) {
        if (!x->drawn[c])
            continue;
        int a = fr->advance[c - 1], v = 0;
        while (v < kinds && value[v] != a)
            v++;
        if (v == kinds) {
            if (kinds == KINDS)
                continue; /* rare widths: never the most frequent of so many */
            value[kinds] = a;
            count[kinds++] = 0;
        }
        if (++count[v] > best || (count[v] == best && a < dw)) {
            best = count[v];
            dw = a;
        }
    }
    HPDF_STATUS st = HPDF_Dict_AddNumber(fa->descendant_font, "DW", dw);
    HPDF_Array run = NULL;
    int k = 0, last = -1;
    for (int c = 1; c <= fr->n && st == HPDF_OK; c++) {
        if (!x->drawn[c])
            continue;
        k++; /* the document CID of face CID c */
        if (fr->advance[c - 1] == dw)
            continue;
        if (run == NULL || k != last + 1) {
            run = HPDF_Array_New(w->mmgr);
            if (run == NULL)
                return HPDF_Error_GetCode(w->error);
            st = HPDF_Array_AddNumber(w, k);
            if (st == HPDF_OK)
                st = HPDF_Array_Add(w, run);
        }
        if (st == HPDF_OK)
            st = HPDF_Array_AddNumber(run, fr->advance[c - 1]);
        last = k;
    }
    return st;
}

/* The slot for a new subset, the oldest, emptied. */
static struct subset *
next_slot(fontres *fr, const unsigned char *drawn, size_t nd)
{
    struct subset *s = &fr->subsets[fr->next_subset];
    fr->next_subset = (fr->next_subset + 1) % SUBSETS;
    free(s->z);
    free(s->drawn);
    free(s->tu);
    s->z = s->tu = NULL;
    s->drawn = malloc(nd);
    if (s->drawn == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(s->drawn, drawn, nd);
    return s;
}

static unsigned char *
copy_of(const void *p, size_t n)
{
    unsigned char *c = malloc(n ? n : 1);
    if (c == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(c, p, n);
    return c;
}

/* The subset's key in the on-disk cache: the font file's bytes and the
 * face CIDs drawn decide libharu's subset (the flags of the glyphs and
 * their composite parts), and the width of the codes the ToUnicode CMap;
 * the face's code points (the CIDs' order, and the CMap's code points) are
 * the file's, but read by font/ when the face was loaded, so in the key
 * too; libharu writes the subset and zlib deflates it. -1 when the cache
 * is off. */
static int
subset_key(const enc_attr *x, hs_cache_key *key)
{
    const fontres *fr = x->fr;
    hs_cache_keyer k;
    if (!fr->keyed || hs_cache_key_begin(&k, "font-subset") != 0)
        return -1;
    unsigned char one_byte = (unsigned char)x->one_byte;
    /* the libraries loaded (an upgrade may keep the soname) */
    hs_cache_key_lib(&k, (void (*)(void))HPDF_TTFontDef_SaveFontData);
    hs_cache_key_lib(&k, (void (*)(void))zlibVersion);
    hs_cache_key_add(&k, fr->file_hash, sizeof fr->file_hash);
    hs_cache_key_add(&k, fr->cps, sizeof *fr->cps * (size_t)fr->n);
    hs_cache_key_add(&k, x->drawn, (size_t)fr->n + 1);
    hs_cache_key_add(&k, &one_byte, 1);
    return hs_cache_key_end(&k, key);
}

/* The subset from the on-disk cache, into a slot; NULL on a miss. */
static const struct subset *
subset_cached(fontres *fr, const enc_attr *x, const hs_cache_key *key)
{
    hs_cache_part p[3];
    void *block = hs_cache_get(key, p, 3);
    if (block == NULL)
        return NULL;
    uint32_t length1 = 0;
    if (p[0].n == sizeof length1)
        memcpy(&length1, p[0].p, sizeof length1);
    /* what subset_for stores: a font file of length1 bytes deflated (by
     * hs_pdf_deflate, in at most its buffer's compressBound + 64 bytes; and
     * deflate makes no more than 1032 bytes of one) and a CMap deflated;
     * anything else is not its entry */
    if (length1 == 0 || p[1].n == 0 || p[2].n == 0 || p[1].n > compressBound(length1) + 64 ||
        (uint64_t)length1 > (uint64_t)p[1].n * 1032) {
        free(block);
        return NULL;
    }
    struct subset *s = next_slot(fr, x->drawn, (size_t)fr->n + 1);
    s->length1 = length1;
    s->z = copy_of(p[1].p, p[1].n);
    s->z_len = p[1].n;
    s->tu = copy_of(p[2].p, p[2].n);
    s->tu_len = p[2].n;
    free(block);
    return s;
}

/* The document's font file and ToUnicode CMap, deflated: libharu's subset
 * of the glyphs flagged in def (a pure function of the font file and the
 * flags, which are those of the CIDs drawn), its glyphs numbered as the
 * document's CIDs (render/subset.c), and the CMap from those CIDs to their
 * code points. From the face's last documents' when one drew the same
 * CIDs, else from the on-disk cache when an earlier process made it (then
 * stored there). NULL when libharu failed or its subset is not as
 * expected. */
static const struct subset *
subset_for(enc_attr *x, HPDF_Font font)
{
    HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
    fontres *fr = x->fr;
    size_t nd = (size_t)fr->n + 1;
    const struct subset *in_memory = subset_in_memory(x);
    if (in_memory != NULL)
        return in_memory;
    hs_cache_key key;
    int keyed = subset_key(x, &key) == 0;
    if (keyed) {
        const struct subset *s = subset_cached(fr, x, &key);
        if (s != NULL)
            return s;
    }
    /* when hs_fontres_glyphs did not: the subset it found in memory was
     * made again for other documents (open at the same time) since */
    if (flag_glyphs(x, font) != 0)
        return NULL;
    HPDF_TTFontDefAttr tt = def->attr;
    HPDF_Stream out = HPDF_MemStream_New(font->mmgr, HPDF_STREAM_BUF_SIZ);
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
    uint16_t *order = malloc(sizeof *order * nd);
    uint32_t *cps = malloc(sizeof *cps * nd);
    if (order == NULL || cps == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    int k = 0;
    for (int c = 1; c <= fr->n; c++)
        if (x->drawn[c]) {
            order[k] = fr->gid[c - 1];
            cps[k++] = fr->cps[c - 1];
        }
    size_t ren_n = 0, slim_n = 0;
    unsigned char *ren = raw != NULL ? hs_subset_renumber(raw, size, tt->glyph_tbl.flgs,
                                                          tt->num_glyphs, order, k, &ren_n)
                                     : NULL;
    free(raw);
    free(order);
    unsigned char *slim = ren != NULL ? hs_sfnt_for_pdf(ren, ren_n, &slim_n) : NULL;
    free(ren);
    if (slim == NULL) {
        free(cps);
        return NULL;
    }
    struct subset *s = next_slot(fr, x->drawn, nd);
    s->z = hs_pdf_deflate(slim, slim_n, &s->z_len);
    s->length1 = (HPDF_UINT)slim_n;
    free(slim);
    size_t len;
    char *cmap = tounicode_text(cps, k, x->one_byte, &len);
    s->tu = hs_pdf_deflate((const unsigned char *)cmap, len, &s->tu_len);
    free(cmap);
    free(cps);
    if (keyed && s->z != NULL && s->tu != NULL) {
        uint32_t length1 = s->length1;
        hs_cache_part p[3] = {{&length1, sizeof length1}, {s->z, s->z_len}, {s->tu, s->tu_len}};
        hs_cache_put(&key, p, 3);
    }
    return s;
}

/* libharu's hook, but the font file and the ToUnicode CMap written as ready
 * bytes: libharu's hook is run with embedding off (it then makes the
 * descriptor without a FontFile2), and the font file stream, made first as
 * libharu makes it, is added to the descriptor with the keys libharu gives
 * it. */
static HPDF_STATUS
before_write(HPDF_Dict font)
{
    HPDF_FontAttr fa = font->attr;
    HPDF_STATUS st = doc_widths(fa);
    if (st != HPDF_OK)
        return st;
    HPDF_FontDef def = fa->fontdef;
    HPDF_TTFontDefAttr tt = def->attr;
    if (def->descriptor != NULL || !tt->embedding)
        return HPDF_INVALID_OBJECT; /* hs_fontres_font made it so: once, embedded */
    enc_attr *x = (enc_attr *)fa->encoder->attr;
    const struct subset *s = subset_for(x, font);
    if (s == NULL) {
        /* HPDF_SaveToStream returns the error set in the document's
         * handler, not the hook's status: a status alone would save a PDF
         * cut short at this font as HPDF_OK */
        if (HPDF_Error_GetCode(font->error) == HPDF_OK)
            HPDF_SetError(font->error, HPDF_FILE_IO_ERROR, 0);
        return HPDF_Error_GetCode(font->error);
    }
    if (x->one_byte && (st = HPDF_Dict_Add(font, "Encoding", x->one_byte_cmap)) != HPDF_OK)
        return st;
    HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (tu == NULL)
        return HPDF_INVALID_OBJECT;
    if ((st = hs_pdf_ready_set(tu, s->tu, s->tu_len, 0)) != HPDF_OK)
        return st;
    HPDF_Dict data = hs_pdf_ready_new(font->mmgr, fa->xref);
    if (data == NULL)
        return HPDF_Error_GetCode(font->error);
    if ((st = hs_pdf_ready_set(data, s->z, s->z_len, 0)) != HPDF_OK)
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

/* Where fr->def's and its allocator's errors go: the document's while it
 * has the definition (as when each document loaded its own), else the
 * face's. */
static void
def_errors_to(fontres *fr, HPDF_Error e)
{
    fr->mmgr->error = e;
    if (fr->def != NULL) {
        fr->def->error = e;
        ((HPDF_TTFontDefAttr)fr->def->attr)->stream->error = e;
    }
}

static void
give_back_def(fontres *fr)
{
    fr->def_lent = 0;
    def_errors_to(fr, &fr->error);
}

static void *
def_alloc(HPDF_UINT size)
{
    return hs_budget_malloc(size);
}

/* The face's font definition for a document. libharu keeps a font
 * definition between the documents of one HPDF_Doc itself (HPDF_FreeDoc
 * cleans it with HPDF_FontDef_Cleanup: no glyph flagged but .notdef, no
 * descriptor, which the document's save makes); here the engine keeps it
 * between HPDF_Docs, on an allocator of the face's own, so that freeing a
 * document leaves it. A second document at the same time loads its own,
 * freed with that document. NULL after an error of libharu's, set in pdf's. */
static HPDF_FontDef
lend_def(HPDF_Doc pdf, fontres *fr, int *lent)
{
    *lent = 0;
    if (fr->def != NULL && fr->def_lent) {
        HPDF_Stream st = view_new(pdf->mmgr, fr->file, fr->file_len);
        HPDF_FontDef def = st != NULL ? HPDF_TTFontDef_Load(pdf->mmgr, st, HPDF_TRUE) : NULL;
        if (def != NULL && HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
            HPDF_FontDef_Free(def);
            def = NULL;
        }
        return def; /* on error the stream was freed with it */
    }
    if (fr->mmgr == NULL) {
        HPDF_Error_Init(&fr->error, NULL);
        fr->mmgr = HPDF_MMgr_New(&fr->error, 0, def_alloc, hs_budget_free);
        if (fr->mmgr == NULL) {
            HPDF_SetError(&pdf->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
            return NULL;
        }
    }
    def_errors_to(fr, pdf->mmgr->error);
    if (fr->def == NULL) {
        HPDF_Stream st = view_new(fr->mmgr, fr->file, fr->file_len);
        fr->def = st != NULL ? HPDF_TTFontDef_Load(fr->mmgr, st, HPDF_TRUE) : NULL;
        if (fr->def == NULL) {
            def_errors_to(fr, &fr->error);
            return NULL;
        }
        def_errors_to(fr, pdf->mmgr->error);
    }
    HPDF_FontDef_Cleanup(fr->def);
    fr->def_lent = *lent = 1;
    return fr->def;
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

/* Each face CID's glyph and advance, from libharu's reading of the face
 * (its cmap and widths, as HPDF_Type0Font_New would take them), once per
 * face. */
static void
face_glyphs(fontres *fr, HPDF_FontDef def)
{
    fr->gid = malloc(sizeof *fr->gid * (size_t)(fr->n ? fr->n : 1));
    fr->advance = malloc(sizeof *fr->advance * (size_t)(fr->n ? fr->n : 1));
    if (fr->gid == NULL || fr->advance == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    for (int k = 0; k < fr->n; k++) {
        HPDF_UINT16 cp = fr->cps[k] < 0xFFFF ? (HPDF_UINT16)fr->cps[k] : 0;
        fr->gid[k] = HPDF_TTFontDef_GetGlyphid(def, cp);
        fr->advance[k] = HPDF_TTFontDef_GetGidWidth(def, fr->gid[k]);
    }
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
    free(x->drawn);
    free(x->doc_cid);
    free(x->first);
    free(x->runs);
    free(x->fcid);
    x->drawn = NULL;
    x->doc_cid = NULL;
    x->first = NULL;
    x->runs = NULL;
    x->fcid = NULL;
    if (x->def_lent)
        give_back_def(x->fr);
    x->def_lent = 0;
    if (x == x->fr->attr)
        x->fr->attr_lent = 0;
    else
        hs_pages_free(x, sizeof *x);
    enc->attr = NULL;
}

/* The face's encoder maps for a document: the engine's, or a copy while
 * another document has them. The UTF-8 functions' state is cleared: CID
 * fonts read those bytes as CIDs until the font is made. */
static enc_attr *
lend_attr(fontres *fr)
{
    enc_attr *x = fr->attr != NULL && !fr->attr_lent ? fr->attr : hs_pages_zeroed(sizeof *x);
    if (x != fr->attr) {
        encoder_maps(fr, &x->rec);
        x->fr = fr;
        if (fr->attr == NULL)
            fr->attr = x;
    }
    if (x == fr->attr)
        fr->attr_lent = 1;
    memset(x->rec.cid_map[0], 0, 16);
    x->drawn = calloc((size_t)fr->n + 1, 1);
    x->doc_cid = calloc((size_t)fr->n + 1, sizeof *x->doc_cid);
    x->first = malloc(((size_t)fr->n + 1) * sizeof *x->first);
    if (x->drawn == NULL || x->doc_cid == NULL || x->first == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    x->k = x->sealed = x->one_byte = x->def_lent = x->nfirst = x->flagged = 0;
    x->runs = NULL;
    x->fcid = NULL;
    x->nruns = x->cap_runs = x->next_run = x->nfcid = x->cap_fcid = 0;
    x->one_byte_cmap = NULL;
    return x;
}

/* libharu's functions of a Type0 TrueType font (static in
 * hpdf_font_cid.c), taken from a font it begins once per process
 * (learn_haru): its free function, and its attributes' text-width and
 * measuring functions (haru_fns holds those two; hoso lays its lines out
 * itself and calls neither). */
static HPDF_Dict_FreeFunc haru_font_free;
static HPDF_FontAttr_Rec haru_fns;
/* libharu's UTF-8 encoder's text functions (static in hpdf_encoder_utf.c),
 * for the faces' encoders. Only libharu's measuring calls them: the CID
 * font's TextWidth and MeasureText (HPDF_Font_TextWidth, HPDF_Page_TextOut,
 * ShowText, TextRect), HPDF_Encoder_GetByteType and GetUnicode, strings
 * given an encoder; the engine, writing its text itself (render/content.c),
 * never does. A UTF-8 encoder costs 256 KB of maps written whole (64 page
 * faults) and 0.6 M instructions to make: until one of them is first
 * called, they are these two, which learn libharu's then (learn_utf8). */
static HPDF_ByteType first_byte_type(HPDF_Encoder enc, HPDF_ParseText_Rec *state);
static HPDF_UNICODE first_to_unicode(HPDF_Encoder enc, HPDF_UINT16 code);
static HPDF_Encoder_ByteType_Func utf8_byte_type = first_byte_type;
static HPDF_Encoder_ToUnicode_Func utf8_to_unicode = first_to_unicode;

/* libharu's UTF-8 functions, from the UTF-8 encoder of a document of their
 * own, once per process; enc's from now on. Making an encoder fails only
 * for want of memory. */
static void
learn_utf8(HPDF_Encoder enc)
{
    if (utf8_byte_type == first_byte_type) {
        HPDF_Doc pdf = HPDF_New(NULL, NULL);
        HPDF_Encoder utf8 = pdf != NULL && HPDF_UseUTFEncodings(pdf) == HPDF_OK
                                ? HPDF_GetEncoder(pdf, "UTF-8")
                                : NULL;
        if (utf8 != NULL) {
            utf8_byte_type = utf8->byte_type_fn;
            utf8_to_unicode = utf8->to_unicode_fn;
        }
        HPDF_Free(pdf);
        if (utf8_byte_type == first_byte_type || utf8_byte_type == NULL || utf8_to_unicode == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory (libharu made no UTF-8 encoder)");
    }
    enc->byte_type_fn = utf8_byte_type;
    enc->to_unicode_fn = utf8_to_unicode;
}

static HPDF_ByteType
first_byte_type(HPDF_Encoder enc, HPDF_ParseText_Rec *state)
{
    learn_utf8(enc);
    return enc->byte_type_fn(enc, state);
}

static HPDF_UNICODE
first_to_unicode(HPDF_Encoder enc, HPDF_UINT16 code)
{
    learn_utf8(enc);
    return enc->to_unicode_fn(enc, code);
}

/* What HPDF_Type0Font_New makes of a TrueType face with an Identity-H
 * encoder, and in the same order (the same objects and keys), but without
 * its CIDFontType2_New's walk of all 65,536 entries of the encoder's cid_map
 * and the /W and CIDToGIDMap over them (0.9 M instructions a face, 14 % of a
 * warm document): the document's CIDs are its subset's glyph ids, so the
 * map is /Identity; /W and the ToUnicode CMap are made at save
 * (before_write), so the CMap's stream is left empty here. libharu's
 * functions are taken from a font it makes once per process (learn_haru). */
static HPDF_Font
type0_font(HPDF_MMgr mmgr, HPDF_FontDef def, HPDF_Encoder enc, HPDF_Xref xref)
{
    HPDF_CMapEncoderAttr ea = enc->attr;
    HPDF_Dict font = hs_pdf_dict_with_attr(mmgr, sizeof(HPDF_FontAttr_Rec));
    if (font == NULL)
        return NULL;
    font->header.obj_class |= HPDF_OSUBCLASS_FONT;
    HPDF_FontAttr attr = font->attr;
    font->write_fn = NULL;
    font->free_fn = haru_font_free;
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
    HPDF_Dict tu = st == HPDF_OK ? hs_pdf_ready_new(mmgr, xref) : NULL;
    if (tu == NULL || HPDF_Dict_Add(font, "ToUnicode", tu) != HPDF_OK)
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
    /* no /DW2: vertical metrics, for vertical writing only */
    HPDF_Array w = st == HPDF_OK ? HPDF_Array_New(mmgr) : NULL;
    if (w == NULL || HPDF_Dict_Add(cid, "W", w) != HPDF_OK)
        return NULL;
    if (HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity") != HPDF_OK)
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

/* The face's encoder for a document: named after the font's tag, so unique
 * in the document, which frees it; its maps the engine's (lend_attr). NULL
 * when libharu failed. Its to_unicode_fn is HPDF_CMapEncoder_ToUnicode: the
 * cid_map path of libharu's CID fonts. */
static HPDF_Encoder
face_encoder(HPDF_Doc pdf, fontres *fr)
{
    char name[16];
    snprintf(name, sizeof name, "HS-%.6s", (const char *)pdf->ttfont_tag);
    HPDF_Encoder enc = HPDF_CMapEncoder_New(pdf->mmgr, name, NULL);
    if (enc == NULL)
        return NULL;
    if (HPDF_List_Add(pdf->encoder_list, enc) != HPDF_OK) {
        HPDF_Encoder_Free(enc);
        return NULL;
    }
    enc_attr *x = lend_attr(fr);
    HPDF_CMapEncoderAttr ea = &x->rec;
    enc->attr = ea;
    enc->free_fn = enc_free;
    ea->cmap_range = HPDF_List_New(pdf->mmgr, HPDF_DEF_RANGE_TBL_NUM);
    ea->notdef_range = HPDF_List_New(pdf->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
    ea->code_space_range = HPDF_List_New(pdf->mmgr, HPDF_DEF_ITEMS_PER_BLOCK);
    if (ea->cmap_range == NULL || ea->notdef_range == NULL || ea->code_space_range == NULL)
        return NULL;
    enc->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
    return enc;
}

/* The one-byte encoding CMap: codes 0x00..0xFF are CIDs 0..255 (the
 * document's CIDs of a font that draws at most 255 code points), deflated
 * once per process. */
static const char one_byte_text[] =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
    "/CMapName /HS-OneByte-H def\n/CMapType 1 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
    "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
static unsigned char *one_byte_z;
static size_t one_byte_n;

/* The document's one-byte encoding CMap: another font's of this document,
 * or a new object. NULL when libharu failed. */
static HPDF_Dict
one_byte_cmap(HPDF_Doc pdf)
{
    for (HPDF_UINT i = 0; i < pdf->font_mgr->count; i++) {
        HPDF_Dict f = HPDF_List_ItemAt(pdf->font_mgr, i);
        if (f->before_write_fn == before_write) /* one of ours */
            return ((enc_attr *)((HPDF_FontAttr)f->attr)->encoder->attr)->one_byte_cmap;
    }
    if (one_byte_z == NULL)
        one_byte_z = hs_pdf_deflate((const unsigned char *)one_byte_text, sizeof one_byte_text - 1,
                                    &one_byte_n);
    HPDF_Dict d = hs_pdf_ready_new(pdf->mmgr, pdf->xref);
    HPDF_Dict info = d != NULL ? HPDF_Dict_New(pdf->mmgr) : NULL;
    if (info == NULL)
        return NULL;
    HPDF_STATUS st = HPDF_Dict_AddName(d, "Type", "CMap");
    st += HPDF_Dict_AddName(d, "CMapName", "HS-OneByte-H");
    st += HPDF_Dict_Add(d, "CIDSystemInfo", info);
    st += HPDF_Dict_Add(info, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL));
    st += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
    st += HPDF_Dict_AddNumber(info, "Supplement", 0);
    st += hs_pdf_ready_set(d, one_byte_z, one_byte_n, 0);
    return st == HPDF_OK ? d : NULL;
}

/* The scratch document's allocator (learn_haru): malloc, but failing from
 * the moment a font in scratch_xref has its write hook. HPDF_Type0Font_New
 * gives the font its functions first, then CIDFontType2_New gives it the
 * hook, and only after that clears a 128 KB array on the stack and walks
 * all 65,536 entries of the encoder's cid_map (0.93 M instructions, 32 page
 * faults, and the face parsed for it): failing there, libharu unwinds, the
 * objects made so far left in the table, which frees them. */
static HPDF_Xref scratch_xref;

/* The font of scratch_xref that has its write hook, or NULL. */
static HPDF_Dict
scratch_font(void)
{
    for (HPDF_UINT i = 0; scratch_xref != NULL && i < scratch_xref->entries->count; i++) {
        HPDF_XrefEntry e = HPDF_List_ItemAt(scratch_xref->entries, i);
        HPDF_Obj_Header *o = e->obj;
        if (o != NULL && o->obj_class == (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_FONT) &&
            ((HPDF_Dict)e->obj)->before_write_fn != NULL)
            return e->obj;
    }
    return NULL;
}

static void *
scratch_alloc(HPDF_UINT size)
{
    return scratch_font() == NULL ? malloc(size) : NULL;
}

/* libharu's functions of a Type0 TrueType font, from one it begins in a
 * document of its own, on the face's encoder and a font definition with
 * nothing read (libharu reads none of it before the hook), once per
 * process. 0, or -1 after reporting. */
static int
learn_haru(fontres *fr, const char *path, hs_report *r)
{
    HPDF_Doc pdf = HPDF_NewEx(NULL, scratch_alloc, free, 0, NULL);
    if (pdf == NULL)
        return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT, "libharu cannot start a document");
    /* not in the document's list: libharu's cleaning of a definition at
     * HPDF_Free writes to its glyph flags, which this one has not */
    HPDF_FontDef def = HPDF_TTFontDef_New(pdf->mmgr);
    HPDF_Encoder enc = def != NULL ? face_encoder(pdf, fr) : NULL;
    HPDF_Dict font = NULL;
    if (enc != NULL) {
        memcpy(def->base_font, "HS-Learn", 9); /* a /BaseFont it adds before the hook */
        scratch_xref = pdf->xref;
        (void)HPDF_Type0Font_New(pdf->mmgr, def, enc, pdf->xref); /* NULL: it unwound */
        font = scratch_font();
        scratch_xref = NULL;
    }
    if (font != NULL) {
        HPDF_FontAttr fa = font->attr;
        haru_font_free = font->free_fn;
        haru_fns.text_width_fn = fa->text_width_fn;
        haru_fns.measure_text_fn = fa->measure_text_fn;
        cid_font_before_write = font->before_write_fn;
    }
    HPDF_STATUS error = HPDF_GetError(pdf);
    HPDF_FontDef_Free(def); /* what the font holds of it, only its address */
    HPDF_Free(pdf);
    if (haru_font_free == NULL || cid_font_before_write == NULL || haru_fns.text_width_fn == NULL)
        return hs_error(r, (hs_loc){path, 0}, HS_CODE_FONT,
                        "libharu made no Type0 font (libharu error 0x%04X)", (unsigned)error);
    return 0;
}

HPDF_Font
hs_fontres_font(HPDF_Doc pdf, const hs_face *face, hs_report *r, int *reported)
{
    *reported = 1;
    fontres *fr = res_of(face, r);
    if (fr == NULL)
        return NULL;
    if (haru_font_free == NULL && learn_haru(fr, face->path, r) != 0)
        return NULL;
    *reported = 0;
    int lent;
    HPDF_FontDef def = lend_def(pdf, fr, &lent);
    if (def == NULL) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    next_tag(pdf);
    HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);

    HPDF_Encoder enc = face_encoder(pdf, fr);
    if (enc == NULL) {
        if (lent)
            give_back_def(fr);
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    HPDF_CMapEncoderAttr ea = enc->attr;
    enc_attr *x = (enc_attr *)ea;
    x->def_lent = lent; /* given back when libharu frees the encoder */
    HPDF_TTFontDefAttr tt = def->attr;
    hs_assert(tt->embedding);
    if (fr->gid == NULL)
        face_glyphs(fr, def);
    HPDF_Font font = type0_font(pdf->mmgr, def, enc, pdf->xref);
    if (font == NULL) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    if ((x->one_byte_cmap = one_byte_cmap(pdf)) == NULL) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    /* as HPDF_GetFont does after making a font */
    if (HPDF_List_Add(pdf->font_mgr, font) != HPDF_OK) {
        HPDF_CheckError(&pdf->error);
        return NULL;
    }
    if (pdf->compression_mode & HPDF_COMP_METADATA)
        font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    enc->byte_type_fn = utf8_byte_type;
    enc->to_unicode_fn = utf8_to_unicode;
    enc->encode_text_fn = encode_cids;
    memset(ea->cid_map[0], 0, 16); /* state of the UTF-8 functions, from now on */
    font->before_write_fn = before_write;
    return font; /* cmap_stream and map_stream NULL: libharu's hook leaves them */
}
