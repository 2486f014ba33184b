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

/* The pages of one flow of the body (layout.h): where its bands go. */
typedef struct hs_page_span {
    const hs_flow *flow;
    hs_page *first;
    int count, first_no; /* its pages, and the number of its first page */
} hs_page_span;

/* Does a band or watermark with on= go on page no (from 1)? */
int hs_page_on(hs_pages_sel on, int no);

/* ---- paginate.c: the body's slices onto pages ---- */
void hs_page_paginate(hs_lctx *c, hs_arena *a, const hs_doc *d, hs_slice *first, hs_pages *out);
/* Each flow's slices onto pages of its own set-up, one after the other; a
 * flow with nothing in it has no pages, a body with nothing in it one empty
 * page of doc's. *spans: the flows' pages (*nspans of them). */
void hs_page_flows(hs_lctx *c, hs_arena *a, const hs_doc *doc, const hs_flow *flows, int nflows,
                   hs_pages *out, hs_page_span **spans, int *nspans);

/* ---- bands.c: headers and footers on every page, page numbers filled in ---- */
/* Each span's pages get its flow's bands; the page numbers are the whole
 * document's, and so is the count. */
int hs_page_bands(hs_lctx *c, const hs_page_span *spans, int nspans, hs_arena *a, hs_report *r,
                  hs_pages *out);

/* ---- watermarks.c: each page's watermarks, first in its list ---- */
int hs_page_watermarks(hs_lctx *c, const hs_doc *d, hs_pages *out);

/* ---- toc.c: the bookmarks the pages hold, for a <toc/> ---- */
/* The bookmarks of the pages, in order, with their page numbers. */
int hs_page_toc_entries(hs_arena *a, const hs_pages *pages, hs_toc_entry **out);
int hs_page_same_toc(const hs_toc_entry *x, int nx, const hs_toc_entry *y, int ny);
/* Name the bookmarks without an id, as the entries' links go to them. */
void hs_page_toc_anchors(hs_lctx *c, hs_pages *pages);

#endif
