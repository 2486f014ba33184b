/* engine/base/arena.c — per-document arena with deferred cleanups.
 *
 * Blocks are chained and freed together; cleanups run newest first, so an
 * object registered after the one it depends on is released before it. With
 * HS_ARENA_DEBUG every allocation is its own malloc, so ASan sees each one. */
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN (64 * 1024)
#define ALIGN (_Alignof(max_align_t))

typedef struct block {
    struct block *next;
    size_t size, used;
    max_align_t data[]; /* size bytes follow */
} block;

typedef struct cleanup {
    struct cleanup *next;
    void (*fn)(void *);
    void *p;
} cleanup;

struct hs_arena {
    block *blocks;
    cleanup *cleanups;
    size_t limit, total;
};

static void *
xmalloc(size_t n)
{
    void *p = malloc(n);
    if (p == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory (%zu bytes)", n);
    return p;
}

size_t
hs_mul_size(size_t n, size_t m)
{
    if (m != 0 && n > SIZE_MAX / m)
        hs_fatal_at(__FILE__, __LINE__, "size overflow (%zu * %zu)", n, m);
    return n * m;
}

hs_arena *
hs_arena_new(size_t limit_bytes)
{
    hs_arena *a = xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->limit = limit_bytes;
    return a;
}

void
hs_arena_free(hs_arena *a)
{
    if (a == NULL)
        return;
    for (cleanup *c = a->cleanups; c != NULL; c = c->next)
        c->fn(c->p);
    block *b = a->blocks;
    while (b != NULL) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

size_t
hs_arena_used(const hs_arena *a)
{
    return a->total;
}

/* The document's budget hears of every block; its stages stop at their next
 * safe point once it is exceeded. The arena's own limit is a last guard
 * against growth between two safe points (twice the document's limit). */
static void
charge(hs_arena *a, size_t n)
{
    a->total += n;
    hs_budget_note(n);
    if (a->limit != 0 && a->total > a->limit * 2 + ((size_t)64 << 20))
        hs_fatal_at(__FILE__, __LINE__, "document needs more than %zu MiB of memory",
                    a->limit >> 20);
}

void *
hs_arena_alloc(hs_arena *a, size_t n)
{
    size_t need = (n + ALIGN - 1) / ALIGN * ALIGN;
    if (need < n)
        hs_fatal_at(__FILE__, __LINE__, "size overflow (%zu)", n);
#ifdef HS_ARENA_DEBUG
    charge(a, need);
    block *d = xmalloc(sizeof(block) + need);
    d->size = d->used = need;
    d->next = a->blocks;
    a->blocks = d;
    memset(d->data, 0, need);
    return d->data;
#else
    block *b = a->blocks;
    if (b == NULL || b->size - b->used < need) {
        size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;
        charge(a, size);
        b = xmalloc(sizeof(block) + size);
        b->size = size;
        b->used = 0;
        /* A big one-off block goes behind the current one, so the current one's
         * free space is still used by the next small allocation. */
        if (a->blocks != NULL && size == need) {
            b->next = a->blocks->next;
            a->blocks->next = b;
        } else {
            b->next = a->blocks;
            a->blocks = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    memset(p, 0, need);
    return p;
#endif
}

void *
hs_arena_realloc(hs_arena *a, void *p, size_t old_n, size_t new_n)
{
    if (new_n <= old_n)
        return p;
    void *q = hs_arena_alloc(a, new_n);
    if (p != NULL && old_n > 0)
        memcpy(q, p, old_n);
    return q;
}

char *
hs_arena_strndup(hs_arena *a, const char *s, size_t n)
{
    char *d = hs_arena_alloc(a, n + 1);
    if (n > 0)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *
hs_arena_strdup(hs_arena *a, const char *s)
{
    return hs_arena_strndup(a, s, strlen(s));
}

char *
hs_arena_printf(hs_arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    hs_assert(n >= 0);
    char *s = hs_arena_alloc(a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

void
hs_arena_defer(hs_arena *a, void (*fn)(void *), void *p)
{
    cleanup *c = hs_arena_alloc(a, sizeof *c);
    c->fn = fn;
    c->p = p;
    c->next = a->cleanups;
    a->cleanups = c;
}
