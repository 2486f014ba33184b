/* engine/page/page.h — laid-out pages: the hand-off from pagination to render.
 *
 * Coordinates are points with the origin at the TOP-LEFT of the page and y
 * growing downwards; a text item's y is its baseline. Render flips them.
 * Everything lives in the document's arena. */
#ifndef HS_PAGE_H
#define HS_PAGE_H

#include "base/base.h"
#include "font/font.h"

typedef enum hs_item_kind {
    HS_ITEM_TEXT,  /* text in one face, size and colour at (x, y) */
    HS_ITEM_LINE,  /* straight line from (x, y) to (x2, y2) */
    HS_ITEM_RECT,  /* rectangle x, y (top-left), w, h; filled and/or stroked */
    HS_ITEM_IMAGE, /* image file drawn into x, y, w, h */
    HS_ITEM_MARK   /* nothing drawn: the top (y) of a block with an anchor or an outline entry */
} hs_item_kind;

typedef struct hs_item {
    hs_item_kind kind;
    double x, y, x2, y2, w, h;
    /* text */
    const hs_face *face;
    double size_pt;
    const char *text; /* UTF-8, NFC, every code point present in face */
    size_t len;
    const char *link; /* the text's link target (w is its advance), or NULL */
    /* a watermark's: degrees turned counter-clockwise about (x, y) (an
     * image: about its centre); outlines: the text drawn as the glyphs'
     * outlines, which no reader extracts as text */
    double angle;
    int outlines;
    double opacity; /* 0 or 1: opaque; else drawn at this alpha */
    /* colours are 0xRRGGBB */
    uint32_t color;
    /* line and rect */
    double line_width;
    int stroke, fill;
    uint32_t fill_color;
    /* image */
    const char *image_path;
    /* mark: the block's id (a link target) and its bookmark, either may be NULL */
    const char *anchor, *outline;
    int outline_level;
    struct hs_item *next;
} hs_item;

typedef struct hs_page {
    double width_pt, height_pt;
    hs_item *first, *last;
    struct hs_page *next;
} hs_page;

/* Document information written into the PDF's Info dictionary. */
typedef struct hs_docinfo {
    const char *title, *author, *subject, *keywords, *creator;
    /* Seconds since the epoch for CreationDate/ModDate, or -1 for none. It comes
     * from the record or SOURCE_DATE_EPOCH, never the clock. */
    long long date_epoch;
} hs_docinfo;

typedef struct hs_pages {
    hs_page *first, *last;
    int count;
    hs_docinfo info;
} hs_pages;

void hs_page_add_item(hs_page *p, hs_item *it);

#endif
