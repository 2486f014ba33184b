/* engine/base/zmem.c — zlib's memory, kept for the next stream.
 *
 * Why: every deflated stream (a font subset, its ToUnicode CMap, each page's
 * contents, an image, the object streams: 16 in a cold render of the
 * reference quote) has zlib allocate some 140–270 KB (the hash heads and
 * the pending buffer, 64 KB each at memLevel 8, and the window) and free it
 * at its end. Through malloc, which gives such blocks back to the kernel or
 * splits them for other allocations, each stream touched fresh pages: 86
 * page faults in deflateReset's clearing of the heads alone. Given these
 * functions as the stream's zalloc and zfree, the blocks of one stream serve
 * the next. zlib's output does not depend on where its memory is, nor on
 * what it held. One document at a time per process (as the budget): no
 * lock. The sanitizer builds (HS_ARENA_DEBUG) keep malloc for every block,
 * so that ASan sees each one. */
#include "base/base.h"

#include <stdlib.h>

#ifndef HS_ARENA_DEBUG
/* in front of each block: its size, for the next stream's best fit */
typedef struct zhead {
    _Alignas(max_align_t) size_t size;
} zhead;

/* A deflate stream makes five blocks; two streams' worth are kept. */
#define KEEP 10
static zhead *kept[KEEP];
static int nkept;
#endif

void *
hs_zlib_alloc(void *opaque, unsigned items, unsigned size)
{
    (void)opaque;
    size_t n = hs_mul_size(items, size);
#ifdef HS_ARENA_DEBUG
    return malloc(n ? n : 1);
#else
    int best = -1;
    for (int i = 0; i < nkept; i++)
        if (kept[i]->size >= n && (best < 0 || kept[i]->size < kept[best]->size))
            best = i;
    if (best >= 0) {
        zhead *h = kept[best];
        kept[best] = kept[--nkept];
        return h + 1;
    }
    zhead *h = malloc(sizeof *h + n);
    if (h == NULL)
        return NULL; /* zlib says Z_MEM_ERROR */
    h->size = n;
    return h + 1;
#endif
}

void
hs_zlib_free(void *opaque, void *p)
{
    (void)opaque;
#ifdef HS_ARENA_DEBUG
    free(p);
#else
    if (p == NULL)
        return;
    zhead *h = (zhead *)p - 1;
    if (nkept < KEEP)
        kept[nkept++] = h;
    else
        free(h);
#endif
}
