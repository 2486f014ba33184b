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

#define HS_LAYOUT_MAX_DEPTH 8 /* tables inside table cells */

typedef struct hs_para_scratch hs_para_scratch;

struct hs_lctx {
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
    const hs_block *toc_block; /* a <toc/> was laid out: pagination lays the body out again */
};

/* ---- item.c: items and slices ---- */
hs_item *hs_layout_item(hs_lctx *c, hs_item_kind k);
hs_item *hs_layout_line(hs_lctx *c, double x, double y, double x2, double y2, double width,
                        uint32_t color);
void hs_layout_push(hs_slice *s, hs_item *it);
hs_slice *hs_layout_slice(hs_lctx *c, double h, hs_slices *out);
/* The slice's items, building a table row's first (cached on the slice). */
hs_item *hs_layout_slice_items(hs_lctx *c, hs_slice *s);

/* ---- flow.c: any list of blocks as slices, x from x0, width w ---- */
int hs_layout_blocks(hs_lctx *c, const hs_block *blocks, double x0, double w, hs_slices *out);
hs_face_style hs_layout_face_style(const hs_style *s);
/* The face a style names, for metrics; NULL after reporting an unknown family. */
const hs_face *hs_layout_face(hs_lctx *c, const hs_style *st, hs_loc loc);

/* ---- para.c: a paragraph's lines as slices ---- */
int hs_layout_para(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);

/* ---- table.c ---- */
int hs_layout_table(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);
/* Build a row slice's items. */
void hs_layout_row_items(hs_lctx *c, hs_slice *s);

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

#endif
