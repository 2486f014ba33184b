/* engine/render/pdf.c — pages to PDF bytes with libharu 2.3.0; the only file
 * that includes <hpdf.h>.
 *
 * Invariants:
 * - libharu's error handler only records the first error (never a longjmp out
 *   of libharu's frames); every call's status is checked and the first
 *   failure ends the document with one diagnostic.
 * - Fonts come from render/fontres.c: a face's CIDs number the code points
 *   it draws, and its ToUnicode and CIDToGIDMap are made once per engine.
 * - Nothing depends on the clock or on addresses: libharu 2.3.0 writes no
 *   /ID unless encrypting, no date unless asked, and numbers its subset tags
 *   (HPDFAA+, HPDFAB+…) in load order, so the same pages give the same bytes. */
#include "render/content.h"
#include "render/fontres.h"
#include "render/render_int.h"

#include "image/image.h"
#include "render/harufix.h"
#include "render/pack.h"
#include "render/ready.h"

#include <errno.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct font_ref {
    const char *path; /* faces are keyed by file: libharu loads a file once per doc */
    const hs_face *face;
    HPDF_Font font;
    struct font_ref *next;
} font_ref;

typedef struct alpha_ref {
    double alpha;
    HPDF_ExtGState gs;
    struct alpha_ref *next;
} alpha_ref;

typedef struct image_ref {
    const char *path;
    HPDF_Image image;
    struct image_ref *next;
} image_ref;

/* What the page's graphics state holds, so that unchanged fonts, colours and
 * widths are not written again for every word. Starts at PDF's defaults. */
typedef struct pen {
    HPDF_Font font;
    double size, line_width;
    long fill, stroke;
    int in_text;
    hs_text_at at; /* where the text line starts, inside BT ... ET */
} pen;

typedef struct pdf_ctx {
    HPDF_Doc pdf;
    hs_arena *a;
    hs_report *r;
    HPDF_STATUS error, detail; /* first error libharu reported */
    font_ref *fonts;
    image_ref *images;
    /* What a libharu failure is about, for the diagnostic. */
    hs_code code;
    hs_loc where;
    const char *about;     /* an arena string (an image path) named in the message:
                            * a diag's location must outlive the document */
    int page_no;           /* 1-based page being drawn, 0 outside pages */
    hs_outlines *outlines; /* FreeType's faces, for text drawn as outlines */
    alpha_ref *alphas;     /* the graphics states of the opacities drawn */
} pdf_ctx;

/* harufix.c replaces libharu's memory-stream seek; naming it here pulls it
 * from libhoso.a into every program that renders. */
HPDF_STATUS HPDF_MemStream_SeekFunc(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode);
extern HPDF_STATUS (*const hs_render_seek_fix)(HPDF_Stream, HPDF_INT, HPDF_WhenceMode);
HPDF_STATUS(*const hs_render_seek_fix)
(HPDF_Stream, HPDF_INT, HPDF_WhenceMode) = HPDF_MemStream_SeekFunc;

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    pdf_ctx *c = user;
    if (c->error == 0) {
        c->error = error;
        c->detail = detail;
    }
}

static void *
haru_alloc(HPDF_UINT size)
{
    return hs_budget_malloc(size);
}

/* A sentence for the libharu errors a user can cause; the rest are bugs. */
static const char *
describe(HPDF_STATUS e)
{
    switch (e) {
    case HPDF_FILE_OPEN_ERROR:
        return "cannot open the file";
    case HPDF_FILE_IO_ERROR:
        return "cannot read the file";
    case HPDF_STREAM_EOF:
        return "the file ends too early (truncated?)";
    case HPDF_FAILD_TO_ALLOC_MEM:
        return "out of memory";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        return "the font's licence forbids embedding";
    case HPDF_TTF_INVALID_CMAP:
        return "the font has no usable Unicode cmap";
    case HPDF_TTF_INVALID_FOMAT:
        return "not a TrueType font";
    case HPDF_TTF_MISSING_TABLE:
        return "the font lacks a required table";
    case HPDF_PAGE_INVALID_SIZE:
        return "page size outside 3..14400 points";
    case HPDF_PAGE_INVALID_FONT_SIZE:
        return "font size outside 0..300 points";
    case HPDF_INVALID_DATE_TIME:
        return "the document date is out of range";
    case HPDF_REAL_OUT_OF_RANGE:
        return "a coordinate is out of range";
    default:
        return "libharu failed";
    }
}

/* Reports the recorded libharu error (or st) and returns -1. */
static int
fail(pdf_ctx *c, HPDF_STATUS st)
{
    HPDF_STATUS e = c->error ? c->error : st;
    if (hs_budget_state() != HS_BUDGET_OK)
        return -1; /* past the document's limits: its owner says so */
    char page[32] = "";
    if (c->where.file == NULL && c->about == NULL && c->page_no > 0)
        snprintf(page, sizeof page, "page %d: ", c->page_no);
    return hs_error(c->r, c->where, c->code, "%s%s%s%s (libharu error 0x%04X, detail %u)", page,
                    c->about ? c->about : "", c->about ? ": " : "", describe(e), (unsigned)e,
                    (unsigned)c->detail);
}

/* 0 when the call succeeded and libharu recorded no error. */
static int
ok(pdf_ctx *c, HPDF_STATUS st)
{
    return st == HPDF_OK && c->error == 0 ? 0 : fail(c, st);
}

/* The glyphs of a face's subset, flagged once all text is marked, when the
 * subset is made (not reused), with those libharu's subset would leave
 * out. */
static int
finish_fonts(pdf_ctx *c)
{
    for (font_ref *f = c->fonts; f != NULL; f = f->next)
        if (hs_fontres_glyphs(f->font) < 0)
            return hs_error(c->r, (hs_loc){f->path, 0}, HS_CODE_FONT,
                            "libharu's copy of this font is not the file hoso read");
    return 0;
}

static font_ref *
font_for(pdf_ctx *c, const hs_face *face)
{
    /* every run of text asks: the same face object first, then another
     * face of the same file (one libharu font for both) */
    for (font_ref *f = c->fonts; f != NULL; f = f->next)
        if (f->face == face)
            return f;
    for (font_ref *f = c->fonts; f != NULL; f = f->next)
        if (strcmp(f->path, face->path) == 0)
            return f;
    c->code = HS_CODE_FONT;
    c->where = (hs_loc){face->path, 0};
    int reported;
    HPDF_Font font = hs_fontres_font(c->pdf, face, c->r, &reported);
    if (font == NULL || c->error != 0) {
        if (!reported)
            fail(c, HPDF_INVALID_FONT);
        return NULL;
    }
    font_ref *f = HS_NEW(c->a, font_ref);
    f->path = face->path;
    f->face = face;
    f->font = font;
    f->next = c->fonts;
    c->fonts = f;
    return f;
}

/* The image at path as an XObject of this document: decoded and compressed
 * once per engine by image/, copied into each document that draws it. */
static HPDF_Image
image_for(pdf_ctx *c, const char *path)
{
    hs_assert(path != NULL);
    for (image_ref *i = c->images; i != NULL; i = i->next)
        if (strcmp(i->path, path) == 0)
            return i->image;
    const hs_image *im = hs_image_get(path, hs_budget_limit(), c->r, HS_LOC_NONE);
    if (im == NULL)
        return NULL;
    c->code = HS_CODE_IMAGE;
    c->about = path;
    HPDF_Dict img = hs_pdf_image(c->pdf, im);
    if (img == NULL || c->error != 0) {
        fail(c, HPDF_INVALID_IMAGE);
        return NULL;
    }
    image_ref *i = HS_NEW(c->a, image_ref);
    i->path = path;
    i->image = img;
    i->next = c->images;
    c->images = i;
    return img;
}

static HPDF_STATUS
pen_fill(HPDF_Page page, pen *p, uint32_t rgb)
{
    if (p->fill == (long)rgb)
        return HPDF_OK;
    p->fill = (long)rgb;
    return hs_pdf_rgb(page, rgb, 1);
}

static HPDF_STATUS
pen_stroke(HPDF_Page page, pen *p, uint32_t rgb, double width)
{
    HPDF_STATUS st = HPDF_OK;
    if (p->stroke != (long)rgb) {
        p->stroke = (long)rgb;
        st = hs_pdf_rgb(page, rgb, 0);
    }
    if (st == HPDF_OK && p->line_width != width) {
        p->line_width = width;
        st = hs_pdf_line_width(page, width);
    }
    return st;
}

/* Text as its glyphs' outlines (render/outlines.c), in a saved graphics
 * state: what the pen knew before holds again after it. */
static int
draw_outlines(pdf_ctx *c, HPDF_Page page, pen *p, const hs_item *it, double h)
{
    HPDF_STATUS st = HPDF_OK;
    if (p->in_text) {
        st = HPDF_Page_EndText(page);
        p->in_text = 0;
    }
    pen saved = *p;
    if (st == HPDF_OK)
        st = HPDF_Page_GSave(page);
    if (st == HPDF_OK)
        st = pen_fill(page, p, it->color);
    if (st == HPDF_OK &&
        hs_render_outlines(&c->outlines, c->a, page, it, it->x, h - it->y, c->r, &st) != 0) {
        /* libharu frees a page's current graphics state only, not the saved */
        HPDF_Page_GRestore(page);
        return -1;
    }
    if (st == HPDF_OK)
        st = HPDF_Page_GRestore(page);
    *p = saved;
    return ok(c, st);
}

/* The items carry (text, len): written as the face's CIDs (render/content.c). */
static int
draw_text(pdf_ctx *c, HPDF_Page page, pen *p, const hs_item *it, double h)
{
    hs_assert(it->face != NULL);
    if (it->len == 0)
        return 0;
    font_ref *f = font_for(c, it->face);
    if (f == NULL)
        return -1;
    HPDF_Font font = f->font;
    /* every code point is in the face: mark_text saw it */
    c->code = HS_CODE_PDF;
    c->where = HS_LOC_NONE;
    HPDF_STATUS st = HPDF_OK;
    if (it->outlines)
        return draw_outlines(c, page, p, it, h);
    if (!p->in_text) {
        st = HPDF_Page_BeginText(page);
        p->in_text = 1;
        p->at = (hs_text_at){0, 0};
    }
    if (st == HPDF_OK && (p->font != font || p->size != it->size_pt)) {
        p->font = font;
        p->size = it->size_pt;
        st = HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)it->size_pt);
    }
    if (st == HPDF_OK)
        st = pen_fill(page, p, it->color);
    if (st == HPDF_OK && it->angle != 0) {
        /* a turned watermark: its own text matrix, in its own text object,
         * so that the next text starts again from the identity */
        double rad = it->angle * 3.14159265358979323846 / 180;
        HPDF_REAL cs = (HPDF_REAL)cos(rad), sn = (HPDF_REAL)sin(rad);
        st = HPDF_Page_SetTextMatrix(page, cs, sn, -sn, cs, (HPDF_REAL)it->x,
                                     (HPDF_REAL)(h - it->y));
        if (st == HPDF_OK)
            st = hs_pdf_text(page, font, NULL, 0, 0, it->text, it->len);
        if (st == HPDF_OK)
            st = HPDF_Page_EndText(page);
        p->in_text = 0;
    } else if (st == HPDF_OK) {
        st = hs_pdf_text(page, font, &p->at, it->x, h - it->y, it->text, it->len);
    }
    return ok(c, st);
}

static int
draw_item(pdf_ctx *c, HPDF_Page page, pen *p, const hs_item *it, double h)
{
    if (it->kind == HS_ITEM_TEXT)
        return draw_text(c, page, p, it, h);
    if (it->kind == HS_ITEM_MARK)
        return 0; /* nothing to draw: render/outline.c reads it */
    c->code = HS_CODE_PDF;
    c->where = HS_LOC_NONE;
    HPDF_STATUS st = HPDF_OK;
    if (p->in_text) {
        st = HPDF_Page_EndText(page);
        p->in_text = 0;
    }
    switch (it->kind) {
    case HS_ITEM_LINE:
        if (st == HPDF_OK)
            st = pen_stroke(page, p, it->color, it->line_width);
        if (st == HPDF_OK)
            st = hs_pdf_line(page, it->x, h - it->y, it->x2, h - it->y2);
        break;
    case HS_ITEM_RECT:
        if (!it->fill && !it->stroke)
            break;
        if (st == HPDF_OK && it->fill)
            st = pen_fill(page, p, it->fill_color);
        if (st == HPDF_OK && it->stroke)
            st = pen_stroke(page, p, it->color, it->line_width);
        /* top-left y down to bottom-left y up: the rectangle's lower edge */
        if (st == HPDF_OK)
            st = hs_pdf_rect(page, it->x, h - it->y - it->h, it->w, it->h,
                             it->fill && it->stroke ? "B"
                             : it->fill             ? "f"
                                                    : "S");
        break;
    case HS_ITEM_IMAGE: {
        if (st != HPDF_OK)
            break;
        HPDF_Image img = image_for(c, it->image_path);
        if (img == NULL)
            return -1;
        c->code = HS_CODE_PDF;
        c->about = NULL;
        if (it->angle != 0) { /* a watermark's: turned about its centre */
            double rad = it->angle * 3.14159265358979323846 / 180;
            HPDF_REAL cs = (HPDF_REAL)cos(rad), sn = (HPDF_REAL)sin(rad);
            st = HPDF_Page_GSave(page);
            if (st == HPDF_OK)
                st = HPDF_Page_Concat(page, cs, sn, -sn, cs, (HPDF_REAL)(it->x + it->w / 2),
                                      (HPDF_REAL)(h - it->y - it->h / 2));
            if (st == HPDF_OK)
                st =
                    HPDF_Page_DrawImage(page, img, (HPDF_REAL)(-it->w / 2), (HPDF_REAL)(-it->h / 2),
                                        (HPDF_REAL)it->w, (HPDF_REAL)it->h);
            if (st == HPDF_OK)
                st = HPDF_Page_GRestore(page);
            break;
        }
        st = HPDF_Page_DrawImage(page, img, (HPDF_REAL)it->x, (HPDF_REAL)(h - it->y - it->h),
                                 (HPDF_REAL)it->w, (HPDF_REAL)it->h);
        break;
    }
    case HS_ITEM_TEXT:
    case HS_ITEM_MARK: /* render/outline.c */
        break;
    }
    return ok(c, st);
}

/* An item drawn at an opacity (a watermark's): in a saved graphics state
 * with an ExtGState's alphas, one per opacity and document. */
static int
draw_translucent(pdf_ctx *c, HPDF_Page page, pen *p, const hs_item *it, double h)
{
    alpha_ref *a = c->alphas;
    while (a != NULL && a->alpha != it->opacity)
        a = a->next;
    c->code = HS_CODE_PDF;
    c->where = HS_LOC_NONE;
    if (a == NULL) {
        HPDF_ExtGState gs = HPDF_CreateExtGState(c->pdf);
        if (gs == NULL || c->error != 0)
            return fail(c, HPDF_INVALID_OBJECT);
        if (ok(c, HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)it->opacity)) != 0 ||
            ok(c, HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)it->opacity)) != 0)
            return -1;
        a = HS_NEW(c->a, alpha_ref);
        a->alpha = it->opacity;
        a->gs = gs;
        a->next = c->alphas;
        c->alphas = a;
    }
    if (p->in_text) {
        if (ok(c, HPDF_Page_EndText(page)) != 0)
            return -1;
        p->in_text = 0;
    }
    pen saved = *p;
    if (ok(c, HPDF_Page_GSave(page)) != 0 || ok(c, HPDF_Page_SetExtGState(page, a->gs)) != 0 ||
        draw_item(c, page, p, it, h) != 0)
        return -1;
    if (p->in_text && ok(c, HPDF_Page_EndText(page)) != 0)
        return -1;
    *p = saved;
    return ok(c, HPDF_Page_GRestore(page));
}

static int
draw_page(pdf_ctx *c, const hs_page *p)
{
    c->code = HS_CODE_PDF;
    c->where = HS_LOC_NONE;
    HPDF_Page page = hs_pdf_add_page(c->pdf);
    if (page == NULL || c->error != 0)
        return fail(c, HPDF_INVALID_PAGE);
    if (ok(c, HPDF_Page_SetWidth(page, (HPDF_REAL)p->width_pt)) != 0 ||
        ok(c, HPDF_Page_SetHeight(page, (HPDF_REAL)p->height_pt)) != 0)
        return -1;
    /* PDF's default state: black fill and stroke, line width 1, no font. */
    pen state = {.font = NULL, .size = -1, .line_width = 1, .fill = 0, .stroke = 0};
    for (const hs_item *it = p->first; it != NULL; it = it->next)
        if ((it->opacity > 0 && it->opacity < 1
                 ? draw_translucent(c, page, &state, it, p->height_pt)
                 : draw_item(c, page, &state, it, p->height_pt)) != 0)
            return -1;
    return state.in_text ? ok(c, HPDF_Page_EndText(page)) : 0;
}

/* The byte offset of the first code point of it's text its face does not
 * draw, or (size_t)-1. */
static size_t
missing(const hs_item *it)
{
    for (size_t i = 0; i < it->len;) {
        uint32_t cp;
        int k = hs_utf8_decode(it->text + i, it->len - i, &cp);
        if (k == 0 || cp == 0 || !hs_face_has(it->face, cp))
            return i;
        i += (size_t)k;
    }
    return (size_t)-1;
}

/* All the text each face draws, marked before any is written: a document's
 * CIDs number the code points it draws (render/fontres.c). The fonts are
 * made here, in the order the text first uses them. */
static int
mark_text(pdf_ctx *c, const hs_pages *pages)
{
    for (const hs_page *p = pages->first; p != NULL; p = p->next)
        for (const hs_item *it = p->first; it != NULL; it = it->next) {
            if (it->kind != HS_ITEM_TEXT || it->len == 0)
                continue;
            hs_assert(it->face != NULL);
            font_ref *f = font_for(c, it->face);
            if (f == NULL)
                return -1;
            /* layout promises every code point is in the face; a broken
             * promise would print blanks or boxes in a contract, silently */
            size_t bad = it->outlines ? missing(it) /* drawn as paths: outlines.c */
                                      : hs_fontres_use(f->font, it->text, it->len);
            if (bad != (size_t)-1) {
                uint32_t cp;
                int k = hs_utf8_decode(it->text + bad, it->len - bad, &cp);
                return hs_error(c->r, (hs_loc){it->face->path, 0}, HS_CODE_FONT,
                                "U+%04X is not in this font (text \"%.*s\")",
                                k ? (unsigned)cp : (unsigned char)it->text[bad], (int)it->len,
                                it->text);
            }
        }
    return 0;
}

static int
set_info(pdf_ctx *c, const hs_docinfo *info)
{
    c->code = HS_CODE_PDF;
    c->where = HS_LOC_NONE;
    /* UTF-16BE literal strings (render/strings.c), not libharu's: through
     * its UTF-8 encoder they are hex, and without it PDFDocEncoding, byte by
     * byte: mojibake (shared/libharu.md). The dict is libharu's, made with
     * the document (its /Producer). */
    const struct {
        const char *key;
        const char *value;
    } attrs[] = {{"Title", info->title},
                 {"Author", info->author},
                 {"Subject", info->subject},
                 {"Keywords", info->keywords},
                 {"Creator", info->creator}};
    if (c->pdf->info == NULL)
        return fail(c, HPDF_INVALID_OBJECT);
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (attrs[i].value != NULL && attrs[i].value[0] != '\0' &&
            ok(c, hs_render_text_string(c->pdf->info, attrs[i].key, attrs[i].value)) != 0)
            return -1;
    if (info->date_epoch < 0)
        return 0; /* no date at all rather than the clock's */
    time_t t = (time_t)info->date_epoch;
    struct tm tm;
    if ((long long)t != info->date_epoch || gmtime_r(&t, &tm) == NULL || tm.tm_year > 9999 - 1900)
        return hs_error(c->r, HS_LOC_NONE, HS_CODE_PDF, "document date %lld is out of range",
                        info->date_epoch);
    HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   tm.tm_sec,         'Z',           0,          0};
    if (ok(c, HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d)) != 0 ||
        ok(c, HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d)) != 0)
        return -1;
    return 0;
}

/* libharu's memory stream to one arena block. */
static int
take_bytes(pdf_ctx *c, unsigned char **out, size_t *out_len)
{
    HPDF_UINT32 size = HPDF_GetStreamSize(c->pdf);
    if (size == 0 || c->error != 0)
        return fail(c, HPDF_INVALID_STREAM);
    unsigned char *buf = hs_arena_alloc(c->a, size);
    HPDF_UINT32 got = size;
    if (ok(c, HPDF_ResetStream(c->pdf)) != 0)
        return -1;
    HPDF_STATUS st = HPDF_ReadFromStream(c->pdf, buf, &got);
    if (st == HPDF_STREAM_EOF && got == size) { /* the whole stream in one read */
        st = HPDF_OK;
        c->error = 0; /* EOF goes through the error handler but is not one */
    }
    if (ok(c, st) != 0)
        return -1;
    if (got != size)
        return hs_error(c->r, HS_LOC_NONE, HS_CODE_PDF, "libharu gave %u of %u bytes",
                        (unsigned)got, (unsigned)size);
    /* the dictionaries in an object stream (render/pack.c) */
    size_t n;
    unsigned char *packed = hs_pdf_pack(c->pdf, buf, got, &n);
    if (packed == NULL)
        return hs_error(c->r, HS_LOC_NONE, HS_CODE_PDF,
                        "libharu's document is not laid out as hoso packs it (libharu %s)",
                        HPDF_VERSION_TEXT);
    *out = hs_arena_alloc(c->a, n);
    memcpy(*out, packed, n);
    free(packed);
    *out_len = n;
    return 0;
}

int
hs_render_pdf(const hs_pages *pages, hs_arena *a, hs_report *r, unsigned char **out,
              size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (pages->first == NULL) /* readers reject a PDF without pages */
        return hs_error(r, HS_LOC_NONE, HS_CODE_PDF, "the document has no pages");
    pdf_ctx *c = HS_NEW(a, pdf_ctx);
    c->a = a;
    c->r = r;
    c->code = HS_CODE_PDF;
    /* libharu allocates within the document's budget: past its memory limit
     * an allocation fails and libharu returns an error, unwinding itself */
    c->pdf = HPDF_NewEx(on_error, haru_alloc, hs_budget_free, 0, c);
    if (c->pdf == NULL)
        return hs_error(r, HS_LOC_NONE, HS_CODE_PDF, "libharu cannot start a document");
    int rc = ok(c, HPDF_UseUTFEncodings(c->pdf));
    if (rc == 0)
        rc = ok(c, HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL));
    if (rc == 0)
        rc = mark_text(c, pages);
    for (const hs_page *p = pages->first; p != NULL && rc == 0; p = p->next) {
        c->page_no++;
        rc = draw_page(c, p);
    }
    c->page_no = 0;
    if (rc == 0)
        rc = ok(c, hs_render_links(c->pdf, pages));
    if (rc == 0)
        rc = ok(c, hs_render_outline(c->pdf, pages));
    if (rc == 0)
        rc = set_info(c, &pages->info);
    if (rc == 0)
        rc = finish_fonts(c);
    if (rc == 0) {
        c->code = HS_CODE_PDF;
        c->where = HS_LOC_NONE;
        rc = ok(c, HPDF_SaveToStream(c->pdf));
    }
    if (rc == 0)
        rc = take_bytes(c, out, out_len);
    /* The bytes are in the arena now; fonts and pages need not wait for it. */
    HPDF_Free(c->pdf);
    hs_render_outlines_free(c->outlines);
    if (rc != 0) {
        *out = NULL;
        *out_len = 0;
    }
    return rc;
}
