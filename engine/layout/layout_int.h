/* engine/layout/layout_int.h — shared by the files of layout/.
 *
 * Blocks become slices: horizontal strips stacked top to bottom (a line of a
 * paragraph, a table row, a rule, an image). A slice holds its items with x
 * absolute and y relative to its own top. Pagination stacks slices on pages;
 * a page may end between two slices unless the second is keep_with_prev,
 * which is how keep-with-next, keep-together, widows and orphans and "a
 * header row stays with a data row" are all said. Only a table row can be
 * cut (between the lines of its cells), and only when it is taller than a
 * page: its items are built when it is placed, from its cells' slices. */
#ifndef HS_LAYOUT_INT_H
#define HS_LAYOUT_INT_H

#include "layout/layout.h"

#define HS_LAYOUT_EPS 1e-6    /* pt: what rounding may add to a sum of widths */
#define HS_LAYOUT_MAX_DEPTH 8 /* tables inside table cells */

typedef struct hs_para_scratch hs_para_scratch;

/* An entry of the table of contents: a bookmark and the page it was on in
 * the previous layout of the document. */
typedef struct hs_toc_entry {
    const char *title;
    const char *anchor; /* the heading's id, or NULL */
    int level, page;
} hs_toc_entry;

typedef struct hs_lctx {
    hs_arena *a;
    hs_report *r;
    const hs_fontset *fs;
    double body_h;             /* height of a page's body area (images are fitted into it) */
    int page_no, page_count;   /* in bands: what page runs print; 0 in the body */
    int placeholders;          /* the body holds page-number items to fill in after paging */
    int failed;                /* an error went out; layout goes on to report the others */
    int depth;                 /* tables being laid out, one inside the other */
    hs_loc cell_loc;           /* the template's cell being laid out, for messages */
    hs_para_scratch *scratch;  /* per-paragraph buffers, reused (para.c) */
    const char *bad_family[8]; /* unknown families already reported */
    int nbad_family;
    const hs_toc_entry *toc; /* toc.c: the entries of the previous layout, or NULL */
    int ntoc;
    const hs_block *toc_block; /* a <toc/> was laid out: the document is laid out again */
} hs_lctx;

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

/* ---- item.c: items and slices ---- */
hs_item *hs_layout_item(hs_lctx *c, hs_item_kind k);
hs_item *hs_layout_line(hs_lctx *c, double x, double y, double x2, double y2, double width,
                        uint32_t color);
void hs_layout_push(hs_slice *s, hs_item *it);
hs_slice *hs_layout_slice(hs_lctx *c, double h, hs_slices *out);
/* The slice's items, building a table row's first (cached on the slice). */
hs_item *hs_layout_slice_items(hs_lctx *c, hs_slice *s);
/* Move the slice's items into a list at vertical offset dy; the slice is
 * left empty. With copy, the slice keeps its items and copies are added. */
void hs_layout_emit(hs_lctx *c, hs_slice *s, double dy, int copy, hs_item **first, hs_item **last);
/* Stack slices from y0 (the first one's gap dropped), emitting their items;
 * returns the height used. */
double hs_layout_stack(hs_lctx *c, hs_slice *first, double y0, hs_item **head, hs_item **tail);
/* Height of stacked slices, without emitting anything. */
double hs_layout_height(const hs_slice *first);

/* ---- flow.c: any list of blocks as slices, x from x0, width w ---- */
int hs_layout_blocks(hs_lctx *c, const hs_block *blocks, double x0, double w, hs_slices *out);
hs_face_style hs_layout_face_style(const hs_style *s);
/* The face a style names, for metrics; NULL after reporting an unknown family. */
const hs_face *hs_layout_face(hs_lctx *c, const hs_style *st, hs_loc loc);

/* ---- para.c: a paragraph's lines as slices ---- */
int hs_layout_para(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);
/* Page-number items in the body point at these until pagination fills them. */
extern const char hs_layout_ph_page[3], hs_layout_ph_pages[3];

/* ---- table.c ---- */
int hs_layout_table(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);
/* Build a row slice's items. */
void hs_layout_row_items(hs_lctx *c, hs_slice *s);
/* Cut row s so that its first part fits in avail: s becomes that part and
 * the rest is linked after it. Returns 1 when s is placed as it now is (cut,
 * or all of it fits), 0 when nothing of it fits. With force, at least one
 * line of each cell is taken, so a page always takes something. */
int hs_layout_row_split(hs_lctx *c, hs_slice *s, double avail, int force);

/* ---- marks.c: ids and bookmarks ---- */
/* Block b starts with slice first: mark its top (in the body only). */
void hs_layout_mark(hs_lctx *c, const hs_block *b, double x, hs_slice *first);
/* Move the slice's marks into a list at vertical offset dy (the first
 * placement of a slice only: a repeated header row marks nothing again). */
void hs_layout_emit_marks(hs_slice *s, double dy, hs_item **first, hs_item **last);

/* ---- qr.c: a QR block as filled squares ---- */
int hs_layout_qr(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);

/* ---- toc.c: the table of contents ---- */
/* Its lines from c->toc (none in the first layout). */
int hs_layout_toc(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);
/* The bookmarks of the pages, in order, with their page numbers. */
int hs_layout_toc_entries(hs_lctx *c, const hs_pages *pages, hs_toc_entry **out);
/* Name the bookmarks without an id as the entries' links go to them. */
void hs_layout_toc_anchors(hs_lctx *c, hs_pages *pages);

/* ---- layout.c: whether a band or watermark with this on= is on page (from 1) ---- */
int hs_layout_on_page(hs_pages_sel on, int page);

/* ---- watermark.c: each page's watermarks, first in its list ---- */
int hs_layout_watermarks(hs_lctx *c, const hs_doc *d, hs_pages *out);

/* ---- paginate.c: slices onto pages ---- */
void hs_layout_paginate(hs_lctx *c, const hs_doc *d, hs_slice *first, hs_pages *out);

#endif
