/* engine/batch/held.c — a document's diagnostics, copied and held until its outcome is known. */
#include "batch/batch.h"

void
hs_bt_held_init(held *h)
{
    memset(h, 0, sizeof *h);
    h->a = hs_arena_new(0);
}

void
hs_bt_held_sink(void *user, const hs_diag *d)
{
    held *h = user;
    size_t len = strlen(d->message) + (d->loc.file ? strlen(d->loc.file) : 0);
    hs_diag c = *d;
    c.loc.file = d->loc.file ? hs_arena_strdup(h->a, d->loc.file) : NULL;
    c.message = hs_arena_strdup(h->a, d->message);
    if (d->severity == HS_SEV_ERROR && !h->set) {
        h->first = c;
        h->set = 1;
    }
    if (h->bytes + len > HELD_BYTES || h->n == HELD_MAX)
        return;
    if (h->n == h->cap) {
        int old = h->cap;
        h->cap = h->cap ? h->cap * 2 : 16;
        h->d =
            hs_arena_realloc(h->a, h->d, (size_t)old * sizeof *h->d, (size_t)h->cap * sizeof *h->d);
    }
    h->d[h->n++] = c;
    h->bytes += len;
}
