/* engine/base/pages.c — large zeroed blocks written sparsely.
 *
 * Why: a block of a few hundred KB of which a few rows are written (a CID
 * encoder's code point maps: 256 KB, a dozen pages used) costs a page fault
 * for each page that is touched. A fresh anonymous mapping is zero-filled by
 * the kernel page by page, on first touch; calloc gives one only while
 * malloc's mmap threshold is below the size, which glibc raises as soon as
 * such a block is freed, and then clears all of a recycled heap block. The
 * sanitizer builds (HS_ARENA_DEBUG) use calloc, so that ASan sees each one. */
#include "base/base.h"

#include <stdlib.h>
#include <sys/mman.h>

void *
hs_pages_zeroed(size_t n)
{
#ifdef HS_ARENA_DEBUG
    void *p = calloc(1, n ? n : 1);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory (%zu bytes)", n);
    return p;
#else
    void *p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        hs_fatal_at(__FILE__, __LINE__, "out of memory (%zu bytes)", n);
    return p;
#endif
}

void
hs_pages_free(void *p, size_t n)
{
    if (p == NULL)
        return;
#ifdef HS_ARENA_DEBUG
    (void)n;
    free(p);
#else
    munmap(p, n ? n : 1);
#endif
}
