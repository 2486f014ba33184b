/* engine/render/pdf.c — pages to PDF bytes with libharu 2.3.0; the only file
 * that includes <hpdf.h>.
 *
 * libharu's errors go to an error handler that records the first one (never
 * a longjmp: we are often inside our own arena work), checked at the end.
 * Fonts are TrueType with the UTF-8 encoder (CID = Unicode code point), and
 * libharu's ToUnicode CMap, which is not valid (shared/libharu.md), is
 * replaced by one that maps every CID to the same code point, so any viewer
 * gives back the text. No clock time is written: the same pages give the
 * same bytes. */
#include "render/render.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct face_font {
    const hs_face *face;
    HPDF_Font font;
    struct face_font *next;
} face_font;

typedef struct image_ref {
    const char *path;
    HPDF_Image image;
    struct image_ref *next;
} image_ref;

typedef struct pdf_ctx {
    HPDF_Doc pdf;
    hs_arena *a;
    hs_report *r;
    HPDF_STATUS error, detail;
    face_font *fonts;
    image_ref *images;
    const char *failed_item; /* what was being done when libharu failed */
} pdf_ctx;

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pdf_ctx *c = user;
    if (c->error == 0) {
        c->error = error;
        c->detail = detail;
    }
}

/* The ToUnicode CMap: identity over the BMP without surrogates, in bfrange
 * rows whose ends differ in the last byte only, at most 100 rows a block. */
static const char *
tounicode_cmap(hs_arena *a)
{
    hs_buf b;
    hs_buf_init(&b, a);
    hs_buf_adds(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    unsigned rows[256];
    int n = 0;
    for (unsigned hi = 0; hi < 256; hi++)
        if (hi < 0xD8 || hi > 0xDF)
            rows[n++] = hi;
    for (int i = 0; i < n; i += 100) {
        int k = n - i < 100 ? n - i : 100;
        hs_buf_printf(&b, "%d beginbfrange\n", k);
        for (int j = i; j < i + k; j++)
            hs_buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", rows[j], rows[j], rows[j]);
        hs_buf_adds(&b, "endbfrange\n");
    }
    hs_buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return hs_buf_cstr(&b);
}

static HPDF_Font
font_for(pdf_ctx *c, const hs_face *face, const char *cmap)
{
    for (face_font *f = c->fonts; f != NULL; f = f->next)
        if (f->face == face)
            return f->font;
    const char *name = HPDF_LoadTTFontFromFile(c->pdf, face->path, HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(c->pdf, name, "UTF-8") : NULL;
    if (font == NULL) {
        c->failed_item = face->path;
        return NULL;
    }
    HPDF_Dict tu = HPDF_DictStream_New(c->pdf->mmgr, c->pdf->xref);
    if (tu == NULL || HPDF_Stream_WriteStr(tu->stream, cmap) != HPDF_OK ||
        HPDF_Dict_Add(font, "ToUnicode", tu) != HPDF_OK) {
        c->failed_item = face->path;
        return NULL;
    }
    tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    face_font *f = HS_NEW(c->a, face_font);
    f->face = face;
    f->font = font;
    f->next = c->fonts;
    c->fonts = f;
    return font;
}

static int
is_png(const char *path, int *png)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return -1;
    unsigned char sig[8] = {0};
    size_t n = fread(sig, 1, sizeof sig, fp);
    fclose(fp);
    if (n == 8 && memcmp(sig, "\x89PNG\r\n\x1a\n", 8) == 0)
        return *png = 1, 0;
    if (n >= 3 && sig[0] == 0xFF && sig[1] == 0xD8 && sig[2] == 0xFF)
        return *png = 0, 0;
    return -2;
}

static HPDF_Image
image_for(pdf_ctx *c, const char *path)
{
    for (image_ref *i = c->images; i != NULL; i = i->next)
        if (strcmp(i->path, path) == 0)
            return i->image;
    int png;
    int k = is_png(path, &png);
    if (k == -1) {
        hs_error(c->r, (hs_loc){path, 0}, "image", "cannot open the image");
        return NULL;
    }
    if (k == -2) {
        hs_error(c->r, (hs_loc){path, 0}, "image", "not a PNG or JPEG image");
        return NULL;
    }
    HPDF_Image img = png ? HPDF_LoadPngImageFromFile(c->pdf, path)
                         : HPDF_LoadJpegImageFromFile(c->pdf, path);
    if (img == NULL) {
        hs_error(c->r, (hs_loc){path, 0}, "image",
                 "libharu cannot read this %s image (error 0x%04X)", png ? "PNG" : "JPEG",
                 (unsigned)c->error);
        return NULL;
    }
    image_ref *i = HS_NEW(c->a, image_ref);
    i->path = path;
    i->image = img;
    i->next = c->images;
    c->images = i;
    return img;
}

static void
set_rgb(HPDF_Page page, uint32_t rgb, int fill)
{
    HPDF_REAL r = (HPDF_REAL)((rgb >> 16) & 0xFF) / 255, g = (HPDF_REAL)((rgb >> 8) & 0xFF) / 255,
              b = (HPDF_REAL)(rgb & 0xFF) / 255;
    if (fill)
        HPDF_Page_SetRGBFill(page, r, g, b);
    else
        HPDF_Page_SetRGBStroke(page, r, g, b);
}

static int
draw_page(pdf_ctx *c, const hs_page *p, const char *cmap)
{
    HPDF_Page page = HPDF_AddPage(c->pdf);
    if (page == NULL)
        return -1;
    HPDF_Page_SetWidth(page, (HPDF_REAL)p->width_pt);
    HPDF_Page_SetHeight(page, (HPDF_REAL)p->height_pt);
    double h = p->height_pt;
    int in_text = 0;
    for (const hs_item *it = p->first; it != NULL && c->r->errors == 0; it = it->next) {
        if (it->kind != HS_ITEM_TEXT && in_text) {
            HPDF_Page_EndText(page);
            in_text = 0;
        }
        switch (it->kind) {
        case HS_ITEM_TEXT: {
            HPDF_Font font = font_for(c, it->face, cmap);
            if (font == NULL)
                return -1;
            if (!in_text) {
                HPDF_Page_BeginText(page);
                in_text = 1;
            }
            char *s = hs_arena_strndup(c->a, it->text, it->len);
            HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)it->size_pt);
            set_rgb(page, it->color, 1);
            HPDF_Page_TextOut(page, (HPDF_REAL)it->x, (HPDF_REAL)(h - it->y), s);
            break;
        }
        case HS_ITEM_LINE:
            HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->line_width);
            set_rgb(page, it->color, 0);
            HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)(h - it->y));
            HPDF_Page_LineTo(page, (HPDF_REAL)it->x2, (HPDF_REAL)(h - it->y2));
            HPDF_Page_Stroke(page);
            break;
        case HS_ITEM_RECT:
            if (!it->fill && !it->stroke)
                break;
            if (it->fill)
                set_rgb(page, it->fill_color, 1);
            if (it->stroke) {
                set_rgb(page, it->color, 0);
                HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->line_width);
            }
            HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)(h - it->y - it->h),
                                (HPDF_REAL)it->w, (HPDF_REAL)it->h);
            if (it->fill && it->stroke)
                HPDF_Page_FillStroke(page);
            else if (it->fill)
                HPDF_Page_Fill(page);
            else
                HPDF_Page_Stroke(page);
            break;
        case HS_ITEM_IMAGE: {
            HPDF_Image img = image_for(c, it->image_path);
            if (img == NULL)
                return -1;
            HPDF_Page_DrawImage(page, img, (HPDF_REAL)it->x, (HPDF_REAL)(h - it->y - it->h),
                                (HPDF_REAL)it->w, (HPDF_REAL)it->h);
            break;
        }
        }
        if (c->error != 0)
            return -1;
    }
    if (in_text)
        HPDF_Page_EndText(page);
    return c->error != 0 || c->r->errors != 0 ? -1 : 0;
}

static void
set_info(pdf_ctx *c, const hs_docinfo *info)
{
    /* Without the UTF-8 encoder as the current one, libharu writes these
     * strings byte by byte in PDFDocEncoding: mojibake (shared/libharu.md). */
    HPDF_SetCurrentEncoder(c->pdf, "UTF-8");
    struct {
        HPDF_InfoType type;
        const char *value;
    } attrs[] = {{HPDF_INFO_TITLE, info->title},     {HPDF_INFO_AUTHOR, info->author},
                 {HPDF_INFO_SUBJECT, info->subject}, {HPDF_INFO_KEYWORDS, info->keywords},
                 {HPDF_INFO_CREATOR, info->creator}, {HPDF_INFO_PRODUCER, "hoso"}};
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (attrs[i].value != NULL && attrs[i].value[0] != '\0')
            HPDF_SetInfoAttr(c->pdf, attrs[i].type, attrs[i].value);
    if (info->date_epoch >= 0) {
        time_t t = (time_t)info->date_epoch;
        struct tm tm;
        gmtime_r(&t, &tm);
        HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                       tm.tm_sec, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d);
    }
}

static void
free_pdf(void *p)
{
    HPDF_Free(p);
}

int
hs_render_pdf(const hs_pages *pages, hs_arena *a, hs_report *r, unsigned char **out,
              size_t *out_len)
{
    pdf_ctx *c = HS_NEW(a, pdf_ctx);
    c->a = a;
    c->r = r;
    int before = r->errors;
    c->pdf = HPDF_NewEx(on_error, NULL, NULL, 0, c);
    if (c->pdf == NULL)
        return hs_error(r, HS_LOC_NONE, "pdf", "libharu cannot start a document");
    hs_arena_defer(a, free_pdf, c->pdf);
    HPDF_UseUTFEncodings(c->pdf);
    HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL);
    const char *cmap = tounicode_cmap(a);
    int rc = 0;
    for (const hs_page *p = pages->first; p != NULL && rc == 0; p = p->next)
        rc = draw_page(c, p, cmap);
    if (rc == 0) {
        set_info(c, &pages->info);
        if (HPDF_SaveToStream(c->pdf) != HPDF_OK)
            rc = -1;
    }
    if (rc == 0) {
        HPDF_UINT32 size = HPDF_GetStreamSize(c->pdf);
        unsigned char *buf = hs_arena_alloc(a, size ? size : 1);
        HPDF_UINT32 got = size;
        HPDF_ResetStream(c->pdf);
        HPDF_STATUS st = HPDF_ReadFromStream(c->pdf, buf, &got);
        if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size)
            rc = -1;
        *out = buf;
        *out_len = got;
    }
    if (rc != 0 && r->errors == before) {
        if (c->failed_item != NULL)
            hs_error(r, (hs_loc){c->failed_item, 0}, "font",
                     "libharu cannot use this font (error 0x%04X, detail %u)",
                     (unsigned)c->error, (unsigned)c->detail);
        else
            hs_error(r, HS_LOC_NONE, "pdf", "libharu failed (error 0x%04X, detail %u)",
                     (unsigned)c->error, (unsigned)c->detail);
    }
    return rc;
}
