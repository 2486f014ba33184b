/* engine/font/font.h — font faces, families and metrics; no libharu.
 *
 * Widths are in 1/1000 em and computed exactly as libharu 2.3.0 computes the
 * /W array it writes (per glyph, truncated), so what layout measures is what
 * the PDF viewer draws. Only the BMP is covered: libharu turns code points
 * above U+FFFF into spaces, so they count as missing here. */
#ifndef HS_FONT_H
#define HS_FONT_H

#include "base/base.h"

typedef enum hs_face_style {
    HS_FACE_REGULAR = 0,
    HS_FACE_BOLD = 1,
    HS_FACE_ITALIC = 2,
    HS_FACE_BOLD_ITALIC = 3
} hs_face_style;

/* One TrueType file, parsed once and shared by every document of an engine. */
typedef struct hs_face {
    const char *path;   /* absolute or relative path of the .ttf, as libharu loads it */
    const char *family; /* family name as the fonts config names it ("serif") */
    hs_face_style style;
    int ascent, descent;     /* 1/1000 em; descent is negative (hhea, as libharu writes them) */
    int line_gap;            /* 1/1000 em */
    int underline_pos;       /* 1/1000 em, negative: below the baseline */
    int underline_thickness; /* 1/1000 em */
    int cap_height;          /* 1/1000 em (approximate when OS/2 lacks it) */
    /* OS/2 metrics, 1/1000 em, for layouts that want them rather than hhea's;
     * both descents are negative (below the baseline). */
    int typo_ascent, typo_descent, typo_line_gap;
    int win_ascent, win_descent;
    /* private to font/ */
    uint16_t *gid_block[256]; /* code point -> glyph id by blocks of 256; NULL, 0: none */
    int16_t *adv1000;         /* per glyph: advance in 1/1000 em, as libharu truncates it */
    int num_glyphs;
    uint32_t *nested_at; /* per glyph + 1: its range in nested; NULL: no nested composites */
    uint16_t *nested;
    void *pending;       /* the tables the load read, the rest unread (sfnt.c: make_ready) */
    unsigned char *file; /* the whole file, read once on the face's first question */
    size_t file_len;
    /* What render/ builds once per engine for this face (render/fontres.c),
     * on first use; freed with the face. A cache: written through a const
     * face, once. */
    void *render_res;
    void (*render_res_free)(void *res);
} hs_face;

/* A family: four faces (missing ones fall back to regular) and an ordered
 * list of fallback families consulted for code points the family lacks. */
typedef struct hs_family {
    const char *name;
    hs_face *face[4];
    struct hs_family **fallback;
    int nfallback;
} hs_family;

/* All families of an engine, read from DIR/families.conf. */
typedef struct hs_fontset hs_fontset;

/* Reads dir/families.conf and every font file it names. Reports to r with the
 * conf file's line on a bad line, a missing file or a file that is not a
 * usable TrueType font. Returns NULL after reporting. Free with hs_fontset_free. */
hs_fontset *hs_fontset_new(const char *dir, hs_report *r);
void hs_fontset_free(hs_fontset *fs);
const hs_family *hs_fontset_lookup(const hs_fontset *fs, const char *family); /* NULL: none */
/* DIR/families.conf, the font list the set was read from. */
const char *hs_fontset_conf(const hs_fontset *fs);
/* Every family name, for error messages listing what exists. */
int hs_fontset_count(const hs_fontset *fs);
const hs_family *hs_fontset_at(const hs_fontset *fs, int i);

/* The face that draws cp for (family, style): the family's own face, else the
 * first fallback family's face of the same style that has it. NULL: no font has cp. */
const hs_face *hs_family_face_for(const hs_family *fam, hs_face_style style, uint32_t cp);

/* Whether the face draws cp: its cmap (the subtable libharu reads) maps cp to
 * a glyph with ink, or to a blank glyph for a space character. */
int hs_face_has(const hs_face *f, uint32_t cp);
/* The glyphs that glyph gid is built from below its direct components
 * (components of components, and so on), which libharu 2.3.0 does not embed
 * by itself; *n = 0 for most glyphs. Font data of the engine, never freed
 * while the face lives. */
const uint16_t *hs_face_nested(const hs_face *f, unsigned gid, int *n);
/* Whether any glyph of the face has such deeper components. */
int hs_face_any_nested(const hs_face *f);
/* Advance of cp in 1/1000 em; 0 for a code point the face lacks. */
int hs_face_advance(const hs_face *f, uint32_t cp);
/* The code points from first up to 0xFFFF the face draws, ascending, into
 * out (at most max of them); returns how many there are (may exceed max). */
int hs_face_codepoints(const hs_face *f, uint32_t first, uint32_t *out, int max);
/* The font file's bytes the face's map, advances and outlines were made
 * from (read once, on the face's first question), for the renderer to
 * embed: what a document measures is what it embeds. Font data of the
 * engine, never freed while the face lives. */
const unsigned char *hs_face_file(const hs_face *f, size_t *n);
/* Sum of advances of a UTF-8 string in 1/1000 em (invalid bytes count 0). */
long hs_face_text_width(const hs_face *f, const char *s, size_t n);

/* A TrueType program as a PDF embeds it for a CIDFontType2 font (malloc'd,
 * *out_n bytes): the input's tables but name, post, cmap and empty ones,
 * which a reader does not use there, with head's checksum adjustment made
 * again. NULL when the input is not a well-formed table directory. */
unsigned char *hs_sfnt_for_pdf(const unsigned char *in, size_t n, size_t *out_n);

/* Load one face from a file (used by the fontset and by tests). */
hs_face *hs_face_load(const char *path, const char *family, hs_face_style style, hs_report *r,
                      hs_loc where);
void hs_face_free(hs_face *f);

#endif
