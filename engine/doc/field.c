/* engine/doc/field.c — the record field a run's text came from, named for a
 * message only: its path walks the siblings of every step, which for every
 * value of a long record would grow with the square of its items. */
#include "doc/doc.h"

const char *
hs_run_field(hs_arena *a, const hs_run *r)
{
    if (r->field != NULL)
        return r->field;
    return r->src != NULL && r->field_of != NULL ? r->field_of(a, r->src) : NULL;
}
