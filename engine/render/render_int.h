/* engine/render/render_int.h — shared by the files of render/. */
#ifndef HS_RENDER_INT_H
#define HS_RENDER_INT_H

#include "render/render.h"

#include <hpdf.h>

/* link.c: the link annotations of page p, drawn as page. */
HPDF_STATUS hs_render_links(HPDF_Page page, const hs_page *p);

#endif
