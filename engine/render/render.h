/* engine/render/render.h — pages to PDF bytes. Only render/ includes <hpdf.h>.
 *
 * The renderer knows nothing of templates or records: it draws what page/
 * placed. libharu errors are turned into diagnostics here and never longjmp. */
#ifndef HS_RENDER_H
#define HS_RENDER_H

#include "base/base.h"
#include "page/page.h"

/* Render pages to a PDF held in memory (allocated in arena a).
 * Fonts are embedded (libharu subsets glyph outlines), every font gets a valid
 * ToUnicode CMap, compression is on, and the same pages give byte-identical
 * bytes. Returns 0, or -1 after reporting (code "pdf" or "font" or "image"). */
int hs_render_pdf(const hs_pages *pages, hs_arena *a, hs_report *r, unsigned char **out,
                  size_t *out_len);

#endif
