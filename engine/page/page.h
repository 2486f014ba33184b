/* engine/page/page.h — slices onto pages: the hand-off from pagination to render.
 *
 * Pagination splits the body's slices over pages (table rows cut, header
 * rows repeated, what must stay together kept), then lays out and places
 * each page's headers and footers (page X of Y) once the page count is
 * known. Items keep layout's coordinates (layout/layout.h). Everything lives
 * in the document's arena. */
#ifndef HS_PAGE_H
#define HS_PAGE_H

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"

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

/* Lay out doc (layout/) and paginate it into *out. Returns 0, or -1 after
 * reporting every error of the document. */
int hs_page_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                     hs_pages *out);

/* The pages as text, one item a line (page/dump.c: golden tests, `hoso dump
 * --stage=pages`). */
void hs_page_dump(const hs_pages *ps, hs_buf *out);

/* ---- paginate.c: the body's slices onto pages ---- */
void hs_page_paginate(hs_lctx *c, hs_arena *a, const hs_doc *d, hs_slice *first, hs_pages *out);

/* ---- bands.c: headers and footers on every page, page numbers filled in ---- */
int hs_page_bands(hs_lctx *c, const hs_doc *d, hs_arena *a, hs_report *r, hs_pages *out);

#endif
