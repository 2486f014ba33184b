/* tests/unit/test_fontres.c — what render/fontres.c assumes of libharu 2.3.0's
 * internals, checked on what libharu makes: if a libharu update changes how
 * its CID font loop, encoders or dict streams behave, these fail.
 *
 * One document, one face: the font's /W widths and CIDToGIDMap must be those
 * of the face's code points numbered 1..n (libharu's CID loop over the
 * encoder's cid_map, up to but not including the highest CID), the text's
 * widths must come through libharu's UTF-8 functions (state in the encoder),
 * the content stream must hold the CIDs, and the two ready streams must come
 * out once, deflated, with one /Filter; so must the font file, the same
 * bytes for the same glyphs. */
#define _GNU_SOURCE /* memmem */
#include "harness.h"

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "font/font.h"
#include "render/fontres.h"

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

/* Every width /W gives is the face's advance of its CID's code point, no
 * CID at or above the sentinel n + 1; all: every CID whose advance differs
 * from /DW is there. */
static void
check_widths(HPDF_Dict cid, hs_face *face, const uint32_t *cps, int n, int all)
{
    HPDF_Array w = widths_of(cid);
    HPDF_Number dw = HPDF_Dict_GetItem(cid, "DW", HPDF_OCLASS_NUMBER);
    CHECK(dw != NULL);
    if (dw == NULL)
        return;
    int *width = calloc((size_t)n + 2, sizeof *width);
    char *listed = calloc((size_t)n + 2, 1);
    for (int k = 0; k <= n + 1; k++)
        width[k] = dw->value;
    int max_cid = 0;
    for (HPDF_UINT i = 0; i + 1 < w->list->count; i += 2) {
        HPDF_Number first = HPDF_Array_GetItem(w, i, HPDF_OCLASS_NUMBER);
        HPDF_Array ws = HPDF_Array_GetItem(w, i + 1, HPDF_OCLASS_ARRAY);
        for (HPDF_UINT j = 0; first != NULL && ws != NULL && j < ws->list->count; j++) {
            HPDF_Number v = HPDF_Array_GetItem(ws, j, HPDF_OCLASS_NUMBER);
            int c = first->value + (int)j;
            if (c > max_cid)
                max_cid = c;
            if (v != NULL && c >= 0 && c <= n + 1) {
                width[c] = v->value;
                listed[c] = 1;
            }
        }
    }
    CHECK(max_cid <= n);
    int bad_width = 0;
    for (int k = 0; k < n; k++)
        if ((all || listed[k + 1]) && width[k + 1] != hs_face_advance(face, cps[k]))
            bad_width++;
    CHECK_INT(bad_width, 0);
    free(width);
    free(listed);
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

    /* the second uses the engine's ready map; the third draws the first's
     * glyphs again */
    for (int doc = 0; doc < 3; doc++) {
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
        HPDF_Dict cid = descendant(font);
        CHECK(cid != NULL);

        /* /W: libharu's, in the first document (CID k + 1 has the advance
         * of cps[k] wherever it differs from /DW; nothing at or above the
         * sentinel n + 1); made at save in the others (fontres.c makes
         * their fonts without libharu's walk of the encoder's maps). */
        if (doc == 0)
            check_widths(cid, face, cps, n, 1);
        else
            CHECK_INT((long)widths_of(cid)->list->count, 0L);

        /* CIDToGIDMap: ready bytes, no filter of libharu's, inflating to
         * the face's glyph ids (by libharu's cmap and by font/'s). */
        HPDF_Dict map = HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT);
        CHECK(map != NULL && map->stream != NULL);
        CHECK(fa->map_stream == NULL && fa->cmap_stream == NULL);
        if (map != NULL && map->stream != NULL) {
            CHECK_INT(map->filter, HPDF_STREAM_FILTER_NONE);
            HPDF_UINT zn;
            unsigned char *z = stream_bytes(map->stream, &zn);
            size_t mn;
            unsigned char *m = inflate_all(z, zn, &mn);
            CHECK_INT((long)mn, 2L * (n + 1));
            int bad_gid = 0;
            for (int k = 0; mn == 2u * (size_t)(n + 1) && k < n; k++) {
                unsigned g = (unsigned)m[2 * (k + 1)] << 8 | m[2 * (k + 1) + 1];
                if (g == 0 || g != HPDF_TTFontDef_GetGlyphid(fa->fontdef, (HPDF_UINT16)cps[k]))
                    bad_gid++;
            }
            CHECK_INT(bad_gid, 0);
            free(z);
            free(m);
        }

        /* Text widths through libharu's UTF-8 functions on this encoder
         * (measuring marks glyphs used: not in the second document). */
        static const char *const texts[] = {"Báo giá Đà Nẵng", "Tổng: 1.234.567 ₫", "Ưu tiên"};
        for (size_t i = 0; doc != 1 && i < sizeof texts / sizeof texts[0]; i++) {
            HPDF_TextWidth tw =
                HPDF_Font_TextWidth(font, (const HPDF_BYTE *)texts[i], (HPDF_UINT)strlen(texts[i]));
            CHECK_INT((long)tw.width, hs_face_text_width(face, texts[i], strlen(texts[i])));
        }

        /* The content stream holds CIDs: "Aà" is <CID(A) CID(à)>. */
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 12);
        HPDF_Page_TextOut(page, 50, 700, "Aà");
        HPDF_Page_EndText(page);
        CHECK_INT(seen_error, 0);
        int ca = 0, cg = 0;
        for (int k = 0; k < n; k++) {
            if (cps[k] == 'A')
                ca = k + 1;
            if (cps[k] == 0xE0)
                cg = k + 1;
        }
        char want[32];
        snprintf(want, sizeof want, "<%04X%04X> Tj", (unsigned)ca, (unsigned)cg);
        HPDF_Dict contents = HPDF_Dict_GetItem(page, "Contents", HPDF_OCLASS_DICT);
        HPDF_UINT cn = 0;
        unsigned char *c = contents != NULL ? stream_bytes(contents->stream, &cn) : NULL;
        char *text = calloc(1, (size_t)cn + 1);
        if (c != NULL)
            memcpy(text, c, cn);
        CHECK(strstr(text, want) != NULL);
        free(c);
        free(text);

        /* Saved: each ready stream once, with one /Filter written by us;
         * /W for the glyphs drawn, with the face's advances. */
        CHECK_INT(HPDF_SaveToStream(pdf), HPDF_OK);
        check_widths(cid, face, cps, n, 0);
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
        /* page content, font file, ToUnicode, CIDToGIDMap: no duplicate */
        CHECK_INT(filters, 4);
        /* The font file: ready bytes in the descriptor (libharu's hook ran
         * with embedding off, and it is on again), inflating to Length1
         * bytes of a TrueType file; the third document, drawing the first's
         * glyphs, gets the first's bytes, the second (fewer glyphs) others. */
        HPDF_TTFontDefAttr tt = fa->fontdef->attr;
        CHECK(tt->embedding == HPDF_TRUE);
        HPDF_Dict file =
            fa->fontdef->descriptor != NULL
                ? HPDF_Dict_GetItem(fa->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT)
                : NULL;
        CHECK(file != NULL && file->stream != NULL);
        if (file != NULL && file->stream != NULL) {
            CHECK_INT(file->filter, HPDF_STREAM_FILTER_NONE);
            HPDF_Number len1 = HPDF_Dict_GetItem(file, "Length1", HPDF_OCLASS_NUMBER);
            HPDF_UINT zn;
            unsigned char *z = stream_bytes(file->stream, &zn);
            size_t fn;
            unsigned char *f = inflate_all(z, zn, &fn);
            CHECK(len1 != NULL && fn > 12 && (long)fn == (long)len1->value);
            CHECK(fn > 4 && memcmp(f, "\0\1\0\0", 4) == 0);
            /* without the tables a reader does not use here (font/sfnt.c) */
            int glyf = 0, unused = 0;
            for (size_t t = 0; fn > 12 && t < (size_t)(f[4] << 8 | f[5]) && 28 + 16 * t <= fn;
                 t++) {
                const unsigned char *tag = f + 12 + 16 * t;
                glyf += memcmp(tag, "glyf", 4) == 0;
                unused += memcmp(tag, "name", 4) == 0 || memcmp(tag, "cmap", 4) == 0 ||
                          memcmp(tag, "post", 4) == 0;
            }
            CHECK_INT(glyf, 1);
            CHECK_INT(unused, 0);
            static unsigned char *first;
            static size_t first_n;
            if (doc == 0) {
                first = f;
                first_n = fn;
            } else if (doc == 1) {
                CHECK(fn < first_n);
                free(f);
            } else {
                CHECK(fn == first_n && memcmp(f, first, fn) == 0);
                free(first);
                free(f);
            }
            free(z);
        }
        CHECK(memmem(out, got, "/Filter /FlateDecode\n/Filter", 28) == NULL);
        /* and /W was cut to the CIDs drawn, A and à, and those of the
         * glyphs à is made of (a and the grave) */
        HPDF_Array w = widths_of(cid);
        int other = 0, seen = 0, cz = 0;
        for (int k = 0; k < n; k++)
            if (cps[k] == 'Z')
                cz = k + 1;
        for (HPDF_UINT i = 0; w != NULL && i + 1 < w->list->count; i += 2) {
            HPDF_Number first = HPDF_Array_GetItem(w, i, HPDF_OCLASS_NUMBER);
            HPDF_Array ws = HPDF_Array_GetItem(w, i + 1, HPDF_OCLASS_ARRAY);
            for (HPDF_UINT j = 0; first != NULL && ws != NULL && j < ws->list->count; j++) {
                int at = first->value + (int)j;
                HPDF_Number v = HPDF_Array_GetItem(ws, j, HPDF_OCLASS_NUMBER);
                if ((at == ca || at == cg) && v != NULL &&
                    v->value == hs_face_advance(face, at == ca ? 'A' : 0xE0))
                    seen++;
                else
                    other++;
                CHECK(at != cz);
            }
        }
        CHECK_INT(seen, 2);
        if (doc == 1)
            CHECK(other <= 4);
        free(out);
        HPDF_Free(pdf);
    }
    free(cps);
    hs_face_free(face);
}

int
main(void)
{
    RUN(font_objects_are_as_assumed);
    printf("1..%d\n", hs_t_count);
    return DONE();
}
