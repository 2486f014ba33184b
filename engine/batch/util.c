/* engine/batch/util.c — the clock and allocation that cannot fail (out of memory is fatal). */
#include "batch/batch.h"

double
hs_bt_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

char *
hs_bt_strdup(const char *s)
{
    char *d = strdup(s);
    if (d == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return d;
}

void *
hs_bt_grow(void *p, int *cap, size_t size)
{
    *cap = *cap ? *cap * 2 : 64;
    p = realloc(p, (size_t)*cap * size);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return p;
}
