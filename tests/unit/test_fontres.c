/* tests/unit/test_fontres.c — what render/fontres.c and render/content.c
 * assume of libharu 2.3.0's internals, checked on what libharu makes: if a
 * libharu update changes how its fonts, encoders, dict streams, subsets or
 * page streams behave, these fail.
 *
 * Three documents, one face: the font's CIDs are the document's (the code
 * points it draws, numbered in the face's order), its CIDToGIDMap
 * /Identity, /W their advances; the text's widths still come through
 * libharu's UTF-8 functions (state in the encoder); the content stream
 * holds the CIDs, written by libharu's TextOut (hex) and by render/content.c
 * (a literal string); the font file is libharu's subset numbered anew (the
 * drawn glyphs 1..k, then the parts of composite glyphs), ready bytes with
 * one /Filter, the same bytes for the same text; so is the ToUnicode CMap.
 * The face's font definition is the engine's, lent to each document in turn
 * and cleaned for it (a document open at the same time loads its own). */
#define _GNU_SOURCE /* memmem */
#include "harness.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "font/font.h"
#include "render/content.h"
#include "render/fontres.h"
#include "render/harufix.h"
#include "render/pack.h"
#include "render/ready.h"

static HPDF_STATUS seen_error;

static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *user)
{
    (void)detail;
    (void)user;
    if (seen_error == 0)
        seen_error = e;
}

static const char *face_path = "fonts/LiberationSerif-Regular.ttf";

/* The face's code points from U+0020, as fontres numbers them. */
static int
codepoints(const hs_face *f, uint32_t **out)
{
    int n = hs_face_codepoints(f, 0x20, NULL, 0);
    *out = malloc(sizeof **out * (size_t)n);
    hs_face_codepoints(f, 0x20, *out, n);
    return n;
}

static int
has_key(HPDF_Dict d, const char *key)
{
    for (HPDF_UINT i = 0; i < d->list->count; i++)
        if (strcmp(((HPDF_DictElement)HPDF_List_ItemAt(d->list, i))->key, key) == 0)
            return 1;
    return 0;
}

static HPDF_Dict
descendant(HPDF_Font font)
{
    HPDF_Array d = HPDF_Dict_GetItem(font, "DescendantFonts", HPDF_OCLASS_ARRAY);
    return d != NULL ? HPDF_Array_GetItem(d, 0, HPDF_OCLASS_DICT) : NULL;
}

/* All of a memory stream's bytes (malloc'd). */
static unsigned char *
stream_bytes(HPDF_Stream s, HPDF_UINT *n)
{
    *n = s->size;
    unsigned char *b = malloc(*n ? *n : 1);
    HPDF_UINT got = *n;
    if (HPDF_Stream_Seek(s, 0, HPDF_SEEK_SET) != HPDF_OK ||
        (HPDF_Stream_Read(s, b, &got) != HPDF_OK && got != *n))
        *n = 0;
    return b;
}

static unsigned char *
inflate_all(const unsigned char *z, size_t zn, size_t *n)
{
    size_t cap = 1 << 20;
    unsigned char *b = malloc(cap);
    uLongf len = cap;
    *n = uncompress(b, &len, z, (uLong)zn) == Z_OK ? len : 0;
    return b;
}

static HPDF_Array
widths_of(HPDF_Dict cid)
{
    static HPDF_Array none;
    HPDF_Array w = HPDF_Dict_GetItem(cid, "W", HPDF_OCLASS_ARRAY);
    CHECK(w != NULL);
    if (w == NULL && none == NULL)
        none = HPDF_Array_New(cid->mmgr);
    return w != NULL ? w : none;
}

/* The width of CID c by the CID font's /W, else its /DW. */
static int
cid_width(HPDF_Dict cid, int c)
{
    HPDF_Array w = widths_of(cid);
    for (HPDF_UINT i = 0; i + 1 < w->list->count; i += 2) {
        HPDF_Number first = HPDF_Array_GetItem(w, i, HPDF_OCLASS_NUMBER);
        HPDF_Array ws = HPDF_Array_GetItem(w, i + 1, HPDF_OCLASS_ARRAY);
        if (first == NULL || ws == NULL)
            return -1;
        if (c >= first->value && c < first->value + (int)ws->list->count) {
            HPDF_Number v =
                HPDF_Array_GetItem(ws, (HPDF_UINT)(c - first->value), HPDF_OCLASS_NUMBER);
            return v != NULL ? v->value : -1;
        }
    }
    HPDF_Number dw = HPDF_Dict_GetItem(cid, "DW", HPDF_OCLASS_NUMBER);
    return dw != NULL ? dw->value : -1;
}

static unsigned
be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* The table tag of TrueType file f (n bytes), or NULL. */
static const unsigned char *
table(const unsigned char *f, size_t n, const char *tag, size_t *len)
{
    for (size_t t = 0; n > 12 && t < be16(f + 4) && 28 + 16 * t <= n; t++) {
        const unsigned char *e = f + 12 + 16 * t;
        size_t off = (size_t)be16(e + 8) << 16 | be16(e + 10);
        *len = (size_t)be16(e + 12) << 16 | be16(e + 14);
        if (memcmp(e, tag, 4) == 0 && off <= n && *len <= n - off)
            return f + off;
    }
    return NULL;
}

/* The font file of the document: glyph 1 is A, glyph 2 à (a composite
 * whose parts come after the glyphs drawn), or, in the second document, A
 * alone. */
static void
check_font_file(const unsigned char *f, size_t fn, int with_agrave)
{
    CHECK(fn > 12 && memcmp(f, "\0\1\0\0", 4) == 0);
    /* without the tables a reader does not use here (font/sfnt.c) */
    size_t len;
    CHECK(table(f, fn, "glyf", &len) != NULL);
    CHECK(table(f, fn, "name", &len) == NULL && table(f, fn, "cmap", &len) == NULL &&
          table(f, fn, "post", &len) == NULL);
    const unsigned char *maxp = table(f, fn, "maxp", &len);
    const unsigned char *hhea = table(f, fn, "hhea", &len);
    const unsigned char *head = table(f, fn, "head", &len);
    const unsigned char *loca = table(f, fn, "loca", &len);
    const unsigned char *glyf = table(f, fn, "glyf", &len);
    CHECK(maxp != NULL && hhea != NULL && head != NULL && loca != NULL && glyf != NULL);
    if (maxp == NULL || hhea == NULL || head == NULL || loca == NULL || glyf == NULL)
        return;
    unsigned ng = be16(maxp + 4);
    /* .notdef and A; or .notdef, A, à, then à's a and grave and the
     * glyphs measuring flagged */
    if (with_agrave)
        CHECK(ng >= 5);
    else
        CHECK_INT((long)ng, 2L);
    CHECK_INT((long)be16(hhea + 34), (long)ng);
    int long_loca = be16(head + 50) != 0;
    if (with_agrave && ng >= 5) {
        size_t at = long_loca ? ((size_t)be16(loca + 8) << 16 | be16(loca + 10))
                              : 2 * (size_t)be16(loca + 4);
        const unsigned char *g = glyf + at;
        CHECK((short)be16(g) < 0); /* composite */
        unsigned flags, parts = 0, bad = 0;
        size_t c = 10;
        do { /* its parts renumbered after the glyphs drawn */
            flags = be16(g + c);
            unsigned id = be16(g + c + 2);
            bad += id < 3 || id >= ng;
            parts++;
            c += 4 + ((flags & 1) ? 4 : 2) +
                 ((flags & 8)      ? 2
                  : (flags & 0x40) ? 4
                  : (flags & 0x80) ? 8
                                   : 0);
        } while ((flags & 0x20) && parts < 8);
        CHECK_INT((long)parts, 2L);
        CHECK_INT((long)bad, 0L);
    }
}

/* The PDF out (n bytes) holds z (zn bytes) as a ready stream is written: a
 * direct /Length, the /Filter, then the bytes between "stream" and
 * "endstream" as libharu writes its own streams. */
static int
written_ready(const unsigned char *out, size_t n, const unsigned char *z, size_t zn)
{
    char head[96];
    int hn = snprintf(head, sizeof head, "/Length %zu\n/Filter /FlateDecode\n>>\nstream\r\n", zn);
    for (const unsigned char *p = out; (p = memmem(p, n - (size_t)(p - out), head, (size_t)hn));
         p++) {
        const unsigned char *d = p + hn;
        if ((size_t)(out + n - d) >= zn + 10 && memcmp(d, z, zn) == 0 &&
            memcmp(d + zn, "\nendstream", 10) == 0)
            return 1;
    }
    return 0;
}

/* libharu's own font of the face at path (HPDF_GetFont, UTF-8, embedded)
 * in lib. */
static HPDF_Font
lib_font_at(HPDF_Doc lib, const char *path)
{
    HPDF_UseUTFEncodings(lib);
    const char *lib_name = HPDF_LoadTTFontFromFile(lib, path, HPDF_TRUE);
    HPDF_Font lib_font = lib_name != NULL ? HPDF_GetFont(lib, lib_name, "UTF-8") : NULL;
    CHECK(lib_font != NULL);
    return lib_font;
}

static HPDF_Font
lib_font_of(HPDF_Doc lib)
{
    return lib_font_at(lib, face_path);
}

static void
font_objects_are_as_assumed(void)
{
    CHECK_INT(HPDF_VERSION_ID, 20300);
    hs_report r = {0};
    hs_face *face = hs_face_load(face_path, "serif", HS_FACE_REGULAR, &r, HS_LOC_NONE);
    CHECK(face != NULL);
    if (face == NULL)
        return;
    uint32_t *cps;
    int n = codepoints(face, &cps);
    CHECK(n > 200 && n < 65000);

    /* every code point of the face as UTF-8, for the fourth document */
    char *all = malloc(4 * (size_t)n + 1);
    size_t all_n = 0;
    for (int k = 0; k < n; k++)
        all_n += (size_t)hs_utf8_encode(cps[k], all + all_n);
    int ca = 0, cg = 0; /* the face CIDs of A and à */
    for (int k = 0; k < n; k++) {
        if (cps[k] == 'A')
            ca = k + 1;
        if (cps[k] == 0xE0)
            cg = k + 1;
    }
    /* libharu's own font of the face (HPDF_GetFont), saved: the functions
     * fontres takes from a font libharu begins (free, text width, measure,
     * the write hook that makes the descriptor), and the UTF-8 encoder's,
     * which it learns only when libharu first measures text in its fonts */
    HPDF_Doc lib = HPDF_New(on_error, NULL);
    HPDF_Font lib_font = lib_font_of(lib);
    if (lib_font == NULL)
        return;
    HPDF_FontAttr lib_fa = lib_font->attr;
    HPDF_Page lib_page = HPDF_AddPage(lib);
    HPDF_Page_BeginText(lib_page);
    HPDF_Page_SetFontAndSize(lib_page, lib_font, 12);
    HPDF_Page_TextOut(lib_page, 50, 700, "A");
    HPDF_Page_EndText(lib_page);
    CHECK_INT(HPDF_SaveToStream(lib), HPDF_OK);
    HPDF_Dict lib_descriptor = lib_fa->fontdef->descriptor;
    CHECK(lib_descriptor != NULL && has_key(lib_descriptor, "XHeight"));
    if (lib_descriptor == NULL)
        return;

    /* the second draws A alone; the third the first's text again; the
     * fourth every code point of the face: more than 255, so two bytes a
     * code (Identity-H), and its CIDs are the face's */
    for (int doc = 0; doc < 4; doc++) {
        const int wide = doc == 3;
        seen_error = 0;
        HPDF_Doc pdf = HPDF_New(on_error, NULL);
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        int reported = 0;
        HPDF_Font font = hs_fontres_font(pdf, face, &r, &reported);
        CHECK(font != NULL);
        CHECK_INT(seen_error, 0);
        if (font == NULL) {
            HPDF_Free(pdf);
            break;
        }
        HPDF_FontAttr fa = font->attr;
        /* the engine's encoder maps, lent to each document in turn */
        static void *first_maps;
        if (doc == 0)
            first_maps = fa->encoder->attr;
        else
            CHECK(fa->encoder->attr == first_maps);
        /* and its font definition, outside the document's list (HPDF_Free
         * would free it), cleaned for each document as HPDF_FreeDoc cleans
         * libharu's own (HPDF_FontDef_Cleanup): .notdef alone flagged, no
         * descriptor; the tag of the document's subset in its name, once */
        static HPDF_FontDef first_def;
        if (doc == 0)
            first_def = fa->fontdef;
        else
            CHECK(fa->fontdef == first_def);
        CHECK(HPDF_List_Find(pdf->fontdef_list, fa->fontdef) < 0);
        CHECK(fa->fontdef->descriptor == NULL);
        {
            HPDF_TTFontDefAttr t = fa->fontdef->attr;
            int flagged = 0;
            for (HPDF_UINT g = 0; g < t->num_glyphs; g++)
                flagged += t->glyph_tbl.flgs[g] != 0;
            CHECK_INT(flagged, 1);
            CHECK_INT(t->glyph_tbl.flgs[0], 1);
        }
        if (doc == 0) { /* a document at the same time loads its own, freed with it */
            HPDF_Doc other = HPDF_New(on_error, NULL);
            HPDF_UseUTFEncodings(other);
            HPDF_Font of = hs_fontres_font(other, face, &r, &reported);
            CHECK(of != NULL);
            HPDF_FontDef od = of != NULL ? ((HPDF_FontAttr)of->attr)->fontdef : NULL;
            CHECK(od != NULL && od != fa->fontdef);
            CHECK(od != NULL && HPDF_List_Find(other->fontdef_list, od) >= 0);
            HPDF_Free(other);
            CHECK_INT(seen_error, 0);
        }
        CHECK(font->free_fn == lib_font->free_fn);
        CHECK(fa->text_width_fn == lib_fa->text_width_fn);
        CHECK(fa->measure_text_fn == lib_fa->measure_text_fn);
        /* libharu's UTF-8 functions not yet learned in the first: no text
         * measured by libharu in this process */
        if (doc == 0)
            CHECK(fa->encoder->byte_type_fn != lib_fa->encoder->byte_type_fn &&
                  fa->encoder->to_unicode_fn != lib_fa->encoder->to_unicode_fn);
        HPDF_Dict cid = descendant(font);
        CHECK(cid != NULL);
        /* no /W until saved; the CIDToGIDMap is /Identity, no stream */
        CHECK_INT((long)widths_of(cid)->list->count, 0L);
        HPDF_Name map = HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_NAME);
        CHECK(map != NULL && strcmp(map->value, "Identity") == 0);
        CHECK(fa->map_stream == NULL && fa->cmap_stream == NULL);

        /* Text widths through libharu's UTF-8 functions on this encoder
         * (measuring marks glyphs for the subset: the first and the third
         * document measure the same texts). */
        static const char *const texts[] = {"Báo giá Đà Nẵng", "Tổng: 1.234.567 ₫", "Ưu tiên"};
        for (size_t i = 0; doc != 1 && i < sizeof texts / sizeof texts[0]; i++) {
            HPDF_TextWidth tw =
                HPDF_Font_TextWidth(font, (const HPDF_BYTE *)texts[i], (HPDF_UINT)strlen(texts[i]));
            CHECK_INT((long)tw.width, hs_face_text_width(face, texts[i], strlen(texts[i])));
        }
        /* measured: libharu's UTF-8 functions, in this encoder and the
         * next documents' */
        CHECK(fa->encoder->byte_type_fn == lib_fa->encoder->byte_type_fn);
        CHECK(fa->encoder->to_unicode_fn == lib_fa->encoder->to_unicode_fn);

        /* The content stream holds the document's CIDs, one byte each: A
         * is 1 and à 2, through libharu's TextOut (hex) and render/
         * content.c (literal); in the fourth, two bytes, the face's */
        const char *drawn = doc == 1 ? "A" : "Aà";
        /* a code point the face lacks: its offset, nothing marked */
        CHECK_INT((long)hs_fontres_use(font, "\xe4\xb8\x80", 3), 0L); /* U+4E00 */
        CHECK_INT((long)hs_fontres_use(font, wide ? all : drawn, wide ? all_n : strlen(drawn)),
                  -1L);
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 12);
        HPDF_Page_TextOut(page, 50, 700, drawn);
        hs_text_at at = {0, 0};
        CHECK_INT(hs_pdf_text(page, font, &at, 50.0004, 680.25, drawn, strlen(drawn)), HPDF_OK);
        HPDF_Page_EndText(page);
        CHECK_INT(seen_error, 0);
        HPDF_Dict contents = HPDF_Dict_GetItem(page, "Contents", HPDF_OCLASS_DICT);
        HPDF_UINT cn = 0;
        unsigned char *c = contents != NULL ? stream_bytes(contents->stream, &cn) : NULL;
        char hex[32], lit[64];
        size_t lit_n;
        if (wide) {
            snprintf(hex, sizeof hex, "<%04X%04X> Tj", (unsigned)ca, (unsigned)cg);
            lit_n = (size_t)snprintf(lit, sizeof lit, "50 680.25 Td\n(");
            const unsigned char b[4] = {(unsigned char)(ca >> 8), (unsigned char)ca,
                                        (unsigned char)(cg >> 8), (unsigned char)cg};
            for (int i = 0; i < 4; i++) { /* escaped as a literal string */
                if (b[i] == '(' || b[i] == ')' || b[i] == '\\' || b[i] == '\r')
                    lit[lit_n++] = '\\';
                lit[lit_n++] = b[i] == '\r' ? 'r' : (char)b[i];
            }
            memcpy(lit + lit_n, ") Tj\n", 5);
            lit_n += 5;
        } else {
            snprintf(hex, sizeof hex, "%s", doc == 1 ? "<01> Tj" : "<0102> Tj");
            lit_n = doc == 1 ? 19 : 20;
            memcpy(lit, doc == 1 ? "50 680.25 Td\n(\1) Tj\n" : "50 680.25 Td\n(\1\2) Tj\n", lit_n);
        }
        CHECK(c != NULL && memmem(c, cn, hex, strlen(hex)) != NULL);
        CHECK(c != NULL && memmem(c, cn, lit, lit_n) != NULL);
        free(c);

        /* Saved: the font file and the ToUnicode CMap ready, with one
         * /Filter each written by us; /W and /DW for the CIDs drawn. */
        CHECK_INT(HPDF_SaveToStream(pdf), HPDF_OK);
        CHECK_INT(cid_width(cid, wide ? ca : 1), hs_face_advance(face, 'A'));
        if (doc != 1)
            CHECK_INT(cid_width(cid, wide ? cg : 2), hs_face_advance(face, 0xE0));
        HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
        unsigned char *out = malloc(size + 1);
        HPDF_UINT32 got = size;
        HPDF_ResetStream(pdf);
        HPDF_ReadFromStream(pdf, out, &got);
        out[got] = 0;
        int filters = 0;
        for (const unsigned char *p = out; (p = memmem(p, got - (size_t)(p - out), "/Filter", 7));
             p += 7)
            filters++;
        /* page content, font file, ToUnicode, the one-byte encoding CMap
         * (made with the document's first font): no duplicate */
        CHECK_INT(filters, 4);
        CHECK(memmem(out, got, "/CMapName /HS-OneByte-H", 23) != NULL);
        CHECK(memmem(out, got, "begincodespacerange\n<00> <FF>", 29) == NULL); /* deflated */
        HPDF_Name enc_name = HPDF_Dict_GetItem(font, "Encoding", HPDF_OCLASS_NAME);
        HPDF_Dict enc_cmap = HPDF_Dict_GetItem(font, "Encoding", HPDF_OCLASS_DICT);
        if (wide)
            CHECK(enc_name != NULL && strcmp(enc_name->value, "Identity-H") == 0);
        else
            CHECK(enc_cmap != NULL && hs_pdf_ready_bytes(enc_cmap, &(size_t){0}) != NULL);
        CHECK(memmem(out, got, "/Filter /FlateDecode\n/Filter", 28) == NULL);
        /* the subset's tag in the font's names once, whatever came before */
        CHECK(memmem(out, got, "/BaseFont /HPDFAA+LiberationSerif\n", 34) != NULL);
        CHECK(memmem(out, got, "/FontName /HPDFAA+LiberationSerif\n", 34) != NULL);
        CHECK(memmem(out, got, "+HPDFA", 6) == NULL);
        CHECK(memmem(out, got, "/CIDToGIDMap /Identity", 22) != NULL);

        /* ToUnicode: CID 1 is A, 2 is à */
        HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
        size_t zn = 0;
        const unsigned char *z = tu != NULL ? hs_pdf_ready_bytes(tu, &zn) : NULL;
        CHECK(z != NULL && tu->stream == NULL);
        CHECK(z != NULL && written_ready(out, got, z, zn));
        if (z != NULL) {
            size_t mn;
            char *m = (char *)inflate_all(z, zn, &mn);
            m[mn] = 0;
            if (wide) { /* every code point: ranges, 4 digits a code */
                CHECK(strstr(m, "<0000> <FFFF>\nendcodespacerange") != NULL);
                CHECK(strstr(m, "\n<0001> <005F> <0020>\n") != NULL); /* U+0020..U+007E */
            } else {
                CHECK(strstr(m, "<00> <FF>\nendcodespacerange") != NULL);
                CHECK(strstr(m, "beginbfchar\n<01> <0041>\n") != NULL);
                CHECK(doc == 1 || strstr(m, "<01> <0041>\n<02> <00E0>\nendbfchar") != NULL);
                CHECK(strstr(m, "<03>") == NULL);
            }
            free(m);
        }

        /* The font file: ready bytes in the descriptor (libharu's hook ran
         * with embedding off, and it is on again), inflating to Length1
         * bytes of a TrueType file; the third document, drawing the first's
         * text, gets the first's bytes. */
        HPDF_TTFontDefAttr tt = fa->fontdef->attr;
        CHECK(tt->embedding == HPDF_TRUE);
        /* the descriptor libharu's hook makes: the keys of its own font's */
        for (HPDF_UINT i = 0; fa->fontdef->descriptor != NULL && i < lib_descriptor->list->count;
             i++) {
            HPDF_DictElement e = HPDF_List_ItemAt(lib_descriptor->list, i);
            if (!has_key(fa->fontdef->descriptor, e->key))
                fprintf(stderr, "  no /%s in the font descriptor\n", e->key);
            CHECK(has_key(fa->fontdef->descriptor, e->key));
        }
        HPDF_Dict file =
            fa->fontdef->descriptor != NULL
                ? HPDF_Dict_GetItem(fa->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT)
                : NULL;
        zn = 0;
        z = file != NULL ? hs_pdf_ready_bytes(file, &zn) : NULL;
        CHECK(z != NULL && file->stream == NULL);
        CHECK(z != NULL && written_ready(out, got, z, zn));
        if (z != NULL) {
            HPDF_Number len1 = HPDF_Dict_GetItem(file, "Length1", HPDF_OCLASS_NUMBER);
            size_t fn;
            unsigned char *f = inflate_all(z, zn, &fn);
            CHECK(len1 != NULL && fn > 12 && (long)fn == (long)len1->value);
            if (!wide)
                check_font_file(f, fn, doc != 1);
            static unsigned char *first_file;
            static size_t first_n;
            if (doc == 0) {
                first_file = f;
                first_n = fn;
            } else if (doc == 1) {
                CHECK(fn < first_n);
                free(f);
            } else if (doc == 2) {
                CHECK(fn == first_n && memcmp(f, first_file, fn) == 0);
                free(first_file);
                free(f);
            } else {
                CHECK(fn > first_n);
                free(f);
            }
        }
        /* Packed (render/pack.c): the streams kept whole, the rest in an
         * object stream, and a cross-reference stream; libharu's framing
         * changed (an object's "endobj" misplaced) is refused, not guessed */
        size_t pn = 0;
        unsigned char *packed = hs_pdf_pack(pdf, out, got, &pn);
        CHECK(packed != NULL && pn > 9 && memcmp(packed, "%PDF-1.5\n", 9) == 0);
        int packed_filters = 0;
        for (const unsigned char *p = packed;
             packed != NULL && (p = memmem(p, pn - (size_t)(p - packed), "/Filter", 7)); p += 7)
            packed_filters++;
        CHECK_INT(packed_filters, 4 + 2);
        CHECK(packed != NULL && memmem(packed, pn, "/Type /ObjStm", 13) != NULL);
        CHECK(packed != NULL && memmem(packed, pn, "/Type /XRef", 11) != NULL);
        CHECK(packed != NULL && memmem(packed, pn, "/CIDToGIDMap", 12) == NULL); /* deflated */
        free(packed);
        unsigned char *e = memmem(out, got, "\nendobj\n", 8);
        CHECK(e != NULL);
        if (e != NULL) {
            e[1] = 'E';
            CHECK(hs_pdf_pack(pdf, out, got, &pn) == NULL);
        }
        free(out);
        HPDF_Free(pdf);
    }
    HPDF_Free(lib);
    free(all);
    free(cps);
    hs_face_free(face);
}

/* The glyphs a document's subset embeds are those libharu flags when it
 * measures the text itself (HPDF_Font_TextWidth: a glyph and, the first
 * time, a composite's parts), flagged by hs_fontres_glyphs once the text is
 * marked; and none when the face's last document drew the same code points
 * (its subset is reused). */
static void
glyphs_flagged_as_libharu_flags_them(void)
{
    static const char text[] = "Ằng ẵ Ộ ữ Đặng ₫ ½ Ắ ặ ờ";
    hs_report r = {0};
    hs_face *face = hs_face_load(face_path, "serif", HS_FACE_REGULAR, &r, HS_LOC_NONE);
    CHECK(face != NULL);
    if (face == NULL)
        return;
    HPDF_Doc lib = HPDF_New(on_error, NULL);
    HPDF_Font lib_font = lib_font_of(lib);
    if (lib_font == NULL)
        return;
    (void)HPDF_Font_TextWidth(lib_font, (const HPDF_BYTE *)text, (HPDF_UINT)strlen(text));
    HPDF_TTFontDefAttr lib_tt = ((HPDF_FontAttr)lib_font->attr)->fontdef->attr;
    for (int doc = 0; doc < 2; doc++) {
        seen_error = 0;
        HPDF_Doc pdf = HPDF_New(on_error, NULL);
        HPDF_UseUTFEncodings(pdf);
        int reported = 0;
        HPDF_Font font = hs_fontres_font(pdf, face, &r, &reported);
        CHECK(font != NULL);
        if (font == NULL) {
            HPDF_Free(pdf);
            break;
        }
        HPDF_TTFontDefAttr tt = ((HPDF_FontAttr)font->attr)->fontdef->attr;
        CHECK_INT((long)hs_fontres_use(font, text, strlen(text)), -1L);
        CHECK_INT(tt->num_glyphs, lib_tt->num_glyphs);
        CHECK_INT(hs_fontres_glyphs(font), doc == 0);
        int same = 1, flagged = 0, lib_flagged = 0;
        for (HPDF_UINT g = 0; g < tt->num_glyphs && tt->num_glyphs == lib_tt->num_glyphs; g++) {
            same &= !tt->glyph_tbl.flgs[g] == !lib_tt->glyph_tbl.flgs[g];
            flagged += tt->glyph_tbl.flgs[g] != 0;
            lib_flagged += lib_tt->glyph_tbl.flgs[g] != 0;
        }
        if (doc == 0) {
            CHECK(same);
            CHECK(lib_flagged > 20);
        } else {
            CHECK_INT(flagged, 1); /* .notdef alone */
        }
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 12);
        hs_text_at at = {0, 0};
        CHECK_INT(hs_pdf_text(page, font, &at, 50, 700, text, strlen(text)), HPDF_OK);
        HPDF_Page_EndText(page);
        CHECK_INT(HPDF_SaveToStream(pdf), HPDF_OK);
        CHECK_INT(seen_error, 0);
        HPDF_Free(pdf);
    }
    HPDF_Free(lib);
    hs_face_free(face);
}

/* A document of face that draws text (marked, its glyphs flagged, the text
 * written), as render/pdf.c makes one; *font its font. */
static HPDF_Doc
doc_drawing(hs_face *face, const char *text, HPDF_Font *font, int *glyphs)
{
    hs_report r = {0};
    HPDF_Doc pdf = HPDF_New(on_error, NULL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    int reported = 0;
    *font = hs_fontres_font(pdf, face, &r, &reported);
    CHECK(*font != NULL);
    if (*font == NULL)
        return pdf;
    CHECK_INT((long)hs_fontres_use(*font, text, strlen(text)), -1L);
    *glyphs = hs_fontres_glyphs(*font);
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, *font, 12);
    hs_text_at at = {0, 0};
    CHECK_INT(hs_pdf_text(page, *font, &at, 50, 700, text, strlen(text)), HPDF_OK);
    HPDF_Page_EndText(page);
    return pdf;
}

/* The document saved: its font file, inflated (malloc'd), *n bytes. */
static unsigned char *
saved_font_file(HPDF_Doc pdf, HPDF_Font font, size_t *n)
{
    *n = 0;
    CHECK_INT(HPDF_SaveToStream(pdf), HPDF_OK);
    HPDF_FontDef def = font != NULL ? ((HPDF_FontAttr)font->attr)->fontdef : NULL;
    HPDF_Dict file = def != NULL && def->descriptor != NULL
                         ? HPDF_Dict_GetItem(def->descriptor, "FontFile2", HPDF_OCLASS_DICT)
                         : NULL;
    size_t zn = 0;
    const unsigned char *z = file != NULL ? hs_pdf_ready_bytes(file, &zn) : NULL;
    CHECK(z != NULL);
    return z != NULL ? inflate_all(z, zn, n) : NULL;
}

/* The glyph count of a TrueType file, 0 if it has no maxp. */
static long
glyph_count(const unsigned char *f, size_t n)
{
    size_t len;
    const unsigned char *maxp = f != NULL ? table(f, n, "maxp", &len) : NULL;
    return maxp != NULL && len >= 6 ? (long)be16(maxp + 4) : 0;
}

/* A document that found its subset in memory (hs_fontres_glyphs 0) but
 * whose save comes after other documents of the face, open at the same
 * time, made more subsets than the face keeps: its subset is made again,
 * and has every glyph libharu's own flags and the parts of nested
 * composites libharu leaves out (DejaVu's Ằ, ₫) would give it, the same
 * bytes as the first document's. */
static void
nested_parts_in_a_subset_made_again(void)
{
    static const char dejavu[] = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static const char text[] = "Ằng ẵ Ộ ữ Đặng ₫ Ắ ặ ờ";
    hs_report r = {0};
    hs_face *face = hs_face_load(dejavu, "serif", HS_FACE_REGULAR, &r, HS_LOC_NONE);
    CHECK(face != NULL);
    if (face == NULL)
        return;
    CHECK(hs_face_any_nested(face));
    /* the glyphs the subset must have: libharu's flags when it measures the
     * text, and the parts below the direct ones (harufix) */
    HPDF_Doc lib = HPDF_New(on_error, NULL);
    HPDF_Font lib_font = lib_font_at(lib, dejavu);
    if (lib_font == NULL)
        return;
    (void)HPDF_Font_TextWidth(lib_font, (const HPDF_BYTE *)text, (HPDF_UINT)strlen(text));
    HPDF_TTFontDefAttr lib_tt = ((HPDF_FontAttr)lib_font->attr)->fontdef->attr;
    long direct = 0, want = 0;
    for (HPDF_UINT g = 0; g < lib_tt->num_glyphs; g++)
        direct += lib_tt->glyph_tbl.flgs[g] != 0;
    CHECK_INT(hs_harufix_embed_nested(lib_font, face), 0);
    for (HPDF_UINT g = 0; g < lib_tt->num_glyphs; g++)
        want += lib_tt->glyph_tbl.flgs[g] != 0;
    CHECK(want > direct); /* the text has nested composites */
    HPDF_Free(lib);

    seen_error = 0;
    HPDF_Font font;
    int glyphs = -2;
    HPDF_Doc first = doc_drawing(face, text, &font, &glyphs);
    CHECK_INT(glyphs, 1);
    size_t first_n;
    unsigned char *first_file = saved_font_file(first, font, &first_n);
    CHECK_INT(glyph_count(first_file, first_n), want);
    HPDF_Free(first);

    HPDF_Font late_font;
    HPDF_Doc late = doc_drawing(face, text, &late_font, &glyphs);
    CHECK_INT(glyphs, 0); /* the first's subset, in memory now */
    /* more documents, each its own code points, than the face keeps
     * subsets of (4) */
    for (int i = 0; i < 8; i++) {
        char other[2] = {(char)('a' + i), 0};
        HPDF_Font of;
        int og;
        HPDF_Doc o = doc_drawing(face, other, &of, &og);
        CHECK_INT(og, 1);
        size_t on;
        free(saved_font_file(o, of, &on));
        HPDF_Free(o);
    }
    size_t late_n;
    unsigned char *late_file = saved_font_file(late, late_font, &late_n);
    CHECK_INT(glyph_count(late_file, late_n), want);
    CHECK(late_file != NULL && first_file != NULL && late_n == first_n &&
          memcmp(late_file, first_file, first_n) == 0);
    CHECK_INT(seen_error, 0);
    HPDF_Free(late);
    free(first_file);
    free(late_file);
    hs_face_free(face);
}

int
main(void)
{
    /* the subsets made in this process alone: a user's on-disk cache would
     * give a document one an earlier process made */
    setenv("HOSO_CACHE", "off", 1);
    RUN(font_objects_are_as_assumed);
    RUN(glyphs_flagged_as_libharu_flags_them);
    RUN(nested_parts_in_a_subset_made_again);
    printf("1..%d\n", hs_t_count);
    return DONE();
}
