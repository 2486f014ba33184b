/* engine/layout/layout.h — document tree to laid-out pages.
 *
 * Layout measures NFC text with the faces of the font set, breaks lines at
 * ICU break opportunities, builds tables, then paginates: splits blocks and
 * tables over pages, repeats header rows, keeps what must stay together, and
 * fills headers and footers (page X of Y) once the page count is known.
 * It knows nothing of XML or templates: runs carry the location and field
 * name of the data they came from, for messages only. */
#ifndef HS_LAYOUT_H
#define HS_LAYOUT_H

#include "base/base.h"
#include "doc/doc.h"
#include "font/font.h"
#include "page/page.h"

/* Lay out doc into pages (allocated in a). A code point that no face of the
 * run's family or its fallbacks has is an error "glyph" at the run's location
 * naming U+XXXX, the character and the field. Returns 0, or -1 after
 * reporting; every error of the document is reported, not only the first. */
int hs_layout_document(const hs_doc *doc, const hs_fontset *fs, hs_arena *a, hs_report *r,
                       hs_pages *out);

#endif
