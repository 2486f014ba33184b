/* engine/layout/para_int.h — a paragraph between para.c (glyphs, line
 * breaks) and line.c (the items of one line). */
#ifndef HS_PARA_INT_H
#define HS_PARA_INT_H

#include "layout/layout_int.h"

enum { G_TEXT, G_SPACE, G_NL, G_ZW, G_BOX };

/* One code point of the paragraph. */
typedef struct hs_glyph {
    const char *src;     /* its bytes, inside its run's text (what items point at) */
    const hs_face *face; /* the face that draws it */
    double w;            /* advance, pt (scaled) */
    float scale;         /* 1, or less for a unit shrunk to fit its line (para.c) */
    uint32_t off;        /* byte offset in the paragraph's joined text */
    uint32_t cp;
    int ri;             /* its run, an index into the paragraph's runs */
    unsigned char len;  /* bytes */
    unsigned char kind; /* G_TEXT, G_SPACE (U+0020, tab), G_NL (line separator,
                           not drawn), G_ZW (zero width, not drawn), G_BOX (check box) */
} hs_glyph;

typedef struct hs_prun {
    const hs_run *run;
    const hs_face *face; /* the family's own face for the run's style: line metrics */
    const char *text;    /* what the run adds to the paragraph */
    size_t len;
} hs_prun;

typedef struct hs_pline {
    int from, to; /* glyphs [from, to) */
    int end;      /* drawn: [from, end), without trailing spaces and breaks */
    double width; /* natural width of [from, end) */
    int last;     /* the paragraph's last line or ends in a forced break: not justified */
} hs_pline;

/* What line.c needs to draw a line. */
typedef struct hs_pdraw {
    const hs_block *b;
    const hs_glyph *g;
    const hs_prun *runs;
    double x, w; /* where the line starts and the width it may fill */
    double base; /* baseline, relative to the slice top */
} hs_pdraw;

void hs_layout_line_items(hs_lctx *c, const hs_pdraw *d, const hs_pline *L, hs_slice *s);

#endif
