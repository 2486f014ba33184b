/* engine/tpl/tpl.h — template files, parsed once per engine and kept.
 *
 * A template is data: an XML file in our small vocabulary (see README). The
 * cache owns every parsed file, including the parts reached through <include>,
 * so a batch parses each file once. Paths are resolved relative to the file
 * that names them and kept as given for messages. */
#ifndef HS_TPL_H
#define HS_TPL_H

#include "base/base.h"
#include "xml/xml.h"

typedef struct hs_tpl_cache hs_tpl_cache;

hs_tpl_cache *hs_tpl_cache_new(void);
void hs_tpl_cache_free(hs_tpl_cache *c);

/* Parse (or find) the template at path. The returned document belongs to the
 * cache. NULL after reporting. */
xmlDocPtr hs_tpl_load(hs_tpl_cache *c, const char *path, hs_report *r);

/* Path of `rel` as named from the file `from` (a path is relative to the
 * directory of the file that names it). Stored in the cache; never NULL. */
const char *hs_tpl_resolve(hs_tpl_cache *c, const char *from, const char *rel);

/* A string that lives as long as the cache (file labels for locations). */
const char *hs_tpl_intern(hs_tpl_cache *c, const char *s);

#endif
