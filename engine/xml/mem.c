/* engine/xml/mem.c — libxml2 allocates within the document's budget.
 *
 * Past the document's memory limit its allocations return NULL: libxml2
 * stops what it was doing (a parse, an XPath evaluation) with an error and
 * frees what it held, so nothing is lost and no frame is jumped over. Set
 * once, before libxml2 allocates anything. */
#include "xml/xml.h"

#include <libxml/xmlmemory.h>

void
hs_xml_use_budget(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    xmlMemSetup(hs_budget_free, hs_budget_malloc, hs_budget_realloc, hs_budget_strdup);
}
