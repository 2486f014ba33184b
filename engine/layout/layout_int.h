/* engine/layout/layout_int.h — shared by the files of layout/.
 *
 * Blocks become slices: horizontal strips that are never cut (a line of a
 * paragraph, a table row, a rule, an image). Each slice holds its items with
 * y relative to the slice's top and x absolute. Pagination stacks slices on
 * pages; a page may end between two slices unless the second is marked
 * keep_with_prev, which is how keep-with-next, keep-together, widows and
 * orphans, and "a header row stays with a data row" are all expressed. */
#ifndef HS_LAYOUT_INT_H
#define HS_LAYOUT_INT_H

#include "layout/layout.h"

typedef struct hs_lctx {
    hs_arena *a;
    hs_report *r;
    const hs_fontset *fs;
    int page_no, page_count; /* for page-number runs: 0 while laying out the body */
    int failed;
} hs_lctx;

typedef struct hs_slice {
    double h;
    double gap;           /* space above it, dropped at the top of a page */
    int keep_with_prev;   /* no page break between the previous slice and this one */
    int break_before;     /* a page break must come before it */
    int header;           /* a table header row, repeated on continuation pages */
    const struct hs_slice *headers; /* the header slices of its table (table rows) */
    int nheaders;
    hs_item *items;       /* y relative to the slice top */
    struct hs_slice *next;
} hs_slice;

typedef struct hs_slices {
    hs_slice *first, *last;
    double pending_gap; /* space_after of the last block, for the next one */
    int pending_keep;   /* the last block wants to stay with the next */
} hs_slices;

/* para.c: a paragraph's lines as slices (x from x0, width w). */
int hs_layout_para(hs_lctx *c, const hs_block *b, double x0, double w, hs_slices *out);

/* flow.c: any list of blocks as slices. */
int hs_layout_blocks(hs_lctx *c, const hs_block *blocks, double x0, double w, hs_slices *out);
/* Stack slices into one item list; returns the total height. */
double hs_layout_flatten(hs_lctx *c, const hs_slices *s, hs_item **items);
void hs_layout_append(hs_slices *s, hs_slice *sl);
hs_item *hs_layout_item(hs_lctx *c, hs_item_kind k);
/* Copy items into a list at a vertical offset. */
void hs_layout_place(hs_lctx *c, const hs_item *items, double dx, double dy, hs_item **head,
                     hs_item **tail);

/* image.c: pixel size of a PNG or JPEG file. */
int hs_layout_image_size(const char *path, int *w, int *h);

#endif
