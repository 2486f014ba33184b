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

#endif
