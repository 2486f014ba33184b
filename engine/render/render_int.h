/* engine/render/render_int.h — shared by the files of render/. */
#ifndef HS_RENDER_INT_H
#define HS_RENDER_INT_H

#include "render/render.h"

#include <hpdf.h>

/* link.c: the link annotations of every page, once every page is drawn
 * (a link may go to a later page). */
HPDF_STATUS hs_render_links(HPDF_Doc pdf, const hs_pages *pages);

/* outline.c: a destination showing page number index (from 0) of pdf with
 * y (from the top of p) at the top of the window; NULL on failure. */
HPDF_Destination hs_render_dest(HPDF_Doc pdf, int index, const hs_page *p, double y);

/* outline.c: the bookmarks of the marks, once every page is drawn. */
HPDF_STATUS hs_render_outline(HPDF_Doc pdf, const hs_pages *pages);

/* outlines.c: it's text as the filled outlines of its glyphs (FreeType),
 * its baseline origin at (x, y) in PDF coordinates, turned by it->angle, in
 * the current fill colour; between GSave and GRestore, which the caller
 * makes. *cache holds FreeType's faces for the document (NULL at first;
 * freed with hs_render_outlines_free). Returns -1 after reporting; a
 * libharu failure is left in *st. */
typedef struct hs_outlines hs_outlines;
int hs_render_outlines(hs_outlines **cache, hs_arena *a, HPDF_Page page, const hs_item *it,
                       double x, double y, hs_report *r, HPDF_STATUS *st);
void hs_render_outlines_free(hs_outlines *o);

/* strings.c: utf8 as the text string value of key in d (a dict of
 * libharu's own kind: the document's information, a bookmark), written as a
 * literal UTF-16BE string after d's other keys. key must outlive d. */
HPDF_STATUS hs_render_text_string(HPDF_Dict d, const char *key, const char *utf8);

#endif
