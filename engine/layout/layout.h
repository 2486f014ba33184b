/* engine/layout/layout.h — document tree to boxes: the slices pagination stacks.
 *
 * Layout measures NFC text with the faces of the font set, breaks lines at
 * ICU break opportunities and builds tables. What it hands on is a list of
 * slices (lines of glyph runs, table rows, rules, images) for the body, and
 * the bands (headers, footers), laid out again for each page by pagination
 * (page/) once the page count is known, so that "page X of Y" prints real
 * numbers. It knows nothing of XML or templates: runs carry the location and
 * field name of the data they came from, for messages only.
 *
 * Coordinates are points with the origin at the TOP-LEFT of the page and y
 * growing downwards; a text item's y is its baseline. Render flips them.
 * Everything lives in the document's arena. */
#ifndef HS_LAYOUT_H
#define HS_LAYOUT_H

#include "base/base.h"
#include "doc/doc.h"
#include "font/font.h"

#define HS_LAYOUT_EPS 1e-6 /* pt: what rounding may add to a sum of widths */

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
    hs_loc loc;     /* an outlined text's: its watermark's, for FreeType's errors */
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

/* A document's layout in progress (layout_int.h). */
typedef struct hs_lctx hs_lctx;

typedef struct hs_rowlay hs_rowlay;

/* A table with header rows: what a continuation page repeats. */
typedef struct hs_tablay {
    struct hs_slice **headers;
    int nheaders;
    double headers_h;
} hs_tablay;

typedef struct hs_slice {
    double h;
    double gap;                  /* space above it; none at the top of a page or cell */
    unsigned keep_with_prev : 1; /* no page break between the previous slice and this */
    unsigned break_before : 1;   /* a page break comes before it */
    unsigned header : 1;         /* a header row of its table */
    const hs_tablay *table;      /* rows of a table with header rows, else NULL */
    hs_rowlay *row;              /* a table row whose items are not built yet */
    hs_item *items, *items_last; /* y relative to the slice's top */
    hs_item *marks;              /* marks of the blocks starting here, placed with it once */
    struct hs_slice *next;
} hs_slice;

/* Slices being built, with what the last block asks of the next one. */
typedef struct hs_slices {
    hs_slice *first, *last;
    double pending_gap; /* space_after of the last block */
    int pending_keep;   /* the last block keeps with the next */
    int pending_break;  /* a page break waits for the next slice */
} hs_slices;

/* One stretch of the body on pages of one set-up: a <section>, or a run of
 * the document's blocks between sections (an empty one has no slices). */
typedef struct hs_flow {
    hs_doc setup;                 /* page size, margins, bands; body: the flow's blocks */
    const hs_block *section;      /* the section, or NULL */
    int own_headers, own_footers; /* the section's own bands: "first" is its first page */
    hs_slices body;
} hs_flow;

/* An entry of a table of contents: a bookmark and the page (from 1) it was
 * on when the document was last paged. */
typedef struct hs_toc_entry {
    const char *title;
    const char *anchor; /* the heading's id, or NULL */
    int level, page;
} hs_toc_entry;

/* Lay out doc's body into *flows (*nflows of them), and its headers and
 * footers (the document's and its sections') once (as page 1 of 1) to
 * report their errors; *ctx (allocated in a) lays out the body again and
 * the bands of each page afterwards. A code point that no face of the run's
 * family or its fallbacks has is an error "glyph" at the run's location
 * naming U+XXXX, the character and the field. Returns 0, or -1 after
 * reporting; every error of the document is reported, not only the first. */
int hs_layout_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                       hs_lctx **ctx, hs_flow **flows, int *nflows);
/* The <toc/> the last layout of the body met, or NULL. Which page a heading
 * is on is known only once the body is paged, so pagination lays the body
 * out again with the entries it found (hs_layout_body) until they settle. */
const hs_block *hs_layout_toc_block(const hs_lctx *c);
/* Lay out doc's body again, a <toc/> listing toc[0..ntoc): new *flows. */
int hs_layout_body(hs_lctx *c, const hs_doc *doc, const hs_toc_entry *toc, int ntoc,
                   hs_flow **flows, int *nflows);
/* The name the mark of bookmark i (from 0, in page order) takes when its
 * heading has no id: where entry i of a <toc/> links to. */
const char *hs_layout_toc_anchor(hs_lctx *c, int i);
/* Watermark w laid out for page page_no of page_count (page_w x page_h pt),
 * centred on the page and turned: its items appended to *head..*tail. */
int hs_layout_watermark(hs_lctx *c, const hs_watermark *w, double page_w, double page_h,
                        int page_no, int page_count, hs_item **head, hs_item **tail);
/* Band b laid out for page page_no of page_count, at the margins of doc (or
 * of a flow's set-up). */
int hs_layout_band(hs_lctx *c, const hs_doc *doc, const hs_band *b, int page_no, int page_count,
                   hs_slices *out);
/* Does the body hold page-number items (hs_layout_ph_page/…) to fill in? */
int hs_layout_has_page_numbers(const hs_lctx *c);
/* Page-number items in the body point at these until pagination fills them. */
extern const char hs_layout_ph_page[3], hs_layout_ph_pages[3];

/* Move the slice's items into a list at vertical offset dy; the slice is
 * left empty. With copy, the slice keeps its items and copies are added. */
void hs_layout_emit(hs_lctx *c, hs_slice *s, double dy, int copy, hs_item **first, hs_item **last);
/* Stack slices from y0 (the first one's gap dropped), emitting their items;
 * returns the height used. */
double hs_layout_stack(hs_lctx *c, hs_slice *first, double y0, hs_item **head, hs_item **tail);
/* Height of stacked slices, without emitting anything. */
double hs_layout_height(const hs_slice *first);

/* Cut row s so that its first part fits in avail: s becomes that part and
 * the rest is linked after it. Returns 1 when s is placed as it now is (cut,
 * or all of it fits), 0 when nothing of it fits. With force, at least one
 * line of each cell is taken, so a page always takes something. */
int hs_layout_row_split(hs_lctx *c, hs_slice *s, double avail, int force);

#endif
