/* engine/render/outlines.c — text drawn as its glyphs' outlines.
 *
 * A watermark that must not be extracted (extractable="no") cannot be text
 * at all: whatever a PDF says of its text (a missing ToUnicode, an empty
 * ActualText), one reader or another still finds the characters. As filled
 * paths there are none. FreeType reads the outlines (its job, not ours);
 * they are written in font units under a matrix that scales and turns
 * them, and the glyphs advance by the widths layout measured, so the
 * outlines cover exactly what the text would. FreeType is opened on the
 * first outlined text (base/lib.c), not linked: no other document needs it. */
#include "render/render_int.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <math.h>
#include <string.h>

#ifndef HS_FREETYPE_SONAME
#error "HS_FREETYPE_SONAME: the Makefile reads it from the FreeType it links against"
#endif
_Static_assert(sizeof HS_FREETYPE_SONAME > 1,
               "HS_FREETYPE_SONAME is empty: the Makefile could not read the library's soname");

/* FreeType's functions, of the types its headers declare */
#define FT_FNS(X, T)                                                                               \
    X(T, init, FT_Init_FreeType)                                                                   \
    X(T, done, FT_Done_FreeType)                                                                   \
    X(T, new_memory_face, FT_New_Memory_Face)                                                      \
    X(T, done_face, FT_Done_Face)                                                                  \
    X(T, char_index, FT_Get_Char_Index)                                                            \
    X(T, load_glyph, FT_Load_Glyph)                                                                \
    X(T, decompose, FT_Outline_Decompose)
HS_LIB_TABLE(ft_fns, ftl, ft_lib, HS_FREETYPE_SONAME, FT_FNS);

typedef struct ft_face {
    const unsigned char *file; /* the face's bytes (hs_face_file), FreeType's to read */
    FT_Face face;
    struct ft_face *next;
} ft_face;

struct hs_outlines {
    FT_Library lib;
    ft_face *faces;
};

void
hs_render_outlines_free(hs_outlines *o)
{
    if (o == NULL)
        return;
    for (ft_face *f = o->faces; f != NULL; f = f->next)
        ftl.done_face(f->face);
    ftl.done(o->lib);
}

/* FreeType's face of the bytes the face was made from (hs_face_file), not
 * of the file at its path again: the outlines are of the font layout
 * measured and the document embeds, whatever the file holds now. Those
 * bytes live as long as the face, which outlives the document's FT_Faces
 * (hs_render_outlines_free, at the end of its render). */
static FT_Face
face_for(hs_outlines *o, hs_arena *a, const hs_face *face, hs_report *r)
{
    size_t n;
    const unsigned char *file = hs_face_file(face, &n);
    for (ft_face *f = o->faces; f != NULL; f = f->next)
        if (f->file == file)
            return f->face;
    FT_Face ft;
    if (ftl.new_memory_face(o->lib, file, (FT_Long)n, 0, &ft) != 0) {
        hs_error(r, (hs_loc){face->path, 0}, HS_CODE_FONT,
                 "FreeType cannot read the font's outlines");
        return NULL;
    }
    ft_face *f = HS_NEW(a, ft_face);
    f->file = file;
    f->face = ft;
    f->next = o->faces;
    o->faces = f;
    return ft;
}

/* FreeType's decomposition into libharu's path operators, shifted by the
 * glyph's origin on the line (font units). */
typedef struct path {
    HPDF_Page page;
    double dx;
    double x, y; /* the current point */
    HPDF_STATUS st;
    int any;
} path;

static int
move_to(const FT_Vector *to, void *user)
{
    path *p = user;
    p->x = to->x + p->dx;
    p->y = to->y;
    if (p->any && p->st == HPDF_OK)
        p->st = HPDF_Page_ClosePath(p->page);
    if (p->st == HPDF_OK)
        p->st = HPDF_Page_MoveTo(p->page, (HPDF_REAL)p->x, (HPDF_REAL)p->y);
    p->any = 1;
    return p->st != HPDF_OK;
}

static int
line_to(const FT_Vector *to, void *user)
{
    path *p = user;
    p->x = to->x + p->dx;
    p->y = to->y;
    if (p->st == HPDF_OK)
        p->st = HPDF_Page_LineTo(p->page, (HPDF_REAL)p->x, (HPDF_REAL)p->y);
    return p->st != HPDF_OK;
}

static int
cubic_to(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *user)
{
    path *p = user;
    p->x = to->x + p->dx;
    p->y = to->y;
    if (p->st == HPDF_OK)
        p->st = HPDF_Page_CurveTo(p->page, (HPDF_REAL)(c1->x + p->dx), (HPDF_REAL)c1->y,
                                  (HPDF_REAL)(c2->x + p->dx), (HPDF_REAL)c2->y, (HPDF_REAL)p->x,
                                  (HPDF_REAL)p->y);
    return p->st != HPDF_OK;
}

/* TrueType's quadratic pieces as the cubics PDF has: the same curve. */
static int
conic_to(const FT_Vector *c, const FT_Vector *to, void *user)
{
    path *p = user;
    double x0 = p->x, y0 = p->y, cx = c->x + p->dx, cy = c->y;
    double x3 = to->x + p->dx, y3 = to->y;
    p->x = x3;
    p->y = y3;
    if (p->st == HPDF_OK)
        p->st = HPDF_Page_CurveTo(
            p->page, (HPDF_REAL)(x0 + 2 * (cx - x0) / 3), (HPDF_REAL)(y0 + 2 * (cy - y0) / 3),
            (HPDF_REAL)(x3 + 2 * (cx - x3) / 3), (HPDF_REAL)(y3 + 2 * (cy - y3) / 3), (HPDF_REAL)x3,
            (HPDF_REAL)y3);
    return p->st != HPDF_OK;
}

int
hs_render_outlines(hs_outlines **cache, hs_arena *a, HPDF_Page page, const hs_item *it, double x,
                   double y, hs_report *r, HPDF_STATUS *st)
{
    *st = HPDF_OK;
    if (*cache == NULL) {
        hs_outlines *o = HS_NEW(a, hs_outlines);
        /* the template's watermark whose text is outlined */
        if (hs_lib_get(&ft_lib) != 0)
            return hs_error(r, it->loc, HS_CODE_FONT, "FreeType cannot start: %s", ft_lib.why);
        if (ftl.init(&o->lib) != 0)
            return hs_error(r, it->loc, HS_CODE_FONT, "FreeType cannot start");
        *cache = o;
    }
    FT_Face ft = face_for(*cache, a, it->face, r);
    if (ft == NULL)
        return -1;
    double units = ft->units_per_EM, s = it->size_pt / units;
    double rad = it->angle * 3.14159265358979323846 / 180;
    double cs = cos(rad) * s, sn = sin(rad) * s;
    path p = {page, 0, 0, 0, HPDF_OK, 0};
    p.st = HPDF_Page_Concat(page, (HPDF_REAL)cs, (HPDF_REAL)sn, (HPDF_REAL)-sn, (HPDF_REAL)cs,
                            (HPDF_REAL)x, (HPDF_REAL)y);
    static const FT_Outline_Funcs funcs = {move_to, line_to, conic_to, cubic_to, 0, 0};
    for (size_t i = 0; i < it->len && p.st == HPDF_OK;) {
        uint32_t cp;
        int k = hs_utf8_decode(it->text + i, it->len - i, &cp);
        hs_assert(k > 0);
        i += (size_t)k;
        FT_UInt gid = ftl.char_index(ft, cp);
        if (gid == 0 || ftl.load_glyph(ft, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0 ||
            ft->glyph->format != FT_GLYPH_FORMAT_OUTLINE)
            return hs_error(r, (hs_loc){it->face->path, 0}, HS_CODE_FONT,
                            "FreeType has no outline of U+%04X in this font", (unsigned)cp);
        if (ftl.decompose(&ft->glyph->outline, &funcs, &p) != 0 && p.st == HPDF_OK)
            return hs_error(r, (hs_loc){it->face->path, 0}, HS_CODE_FONT,
                            "FreeType cannot read the outline of U+%04X", (unsigned)cp);
        /* the advance layout measured (1/1000 em), in font units */
        p.dx += hs_face_advance(it->face, cp) * units / 1000;
    }
    if (p.st == HPDF_OK && p.any)
        p.st = HPDF_Page_Fill(page);
    *st = p.st;
    return 0;
}
