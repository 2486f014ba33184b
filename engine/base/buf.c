/* engine/base/buf.c — growable byte buffer in an arena. Old storage is left
 * to the arena; doubling keeps the waste under half of what is kept. */
#include "base/base.h"

#include <stdio.h>
#include <string.h>

void
hs_buf_init(hs_buf *b, hs_arena *a)
{
    b->arena = a;
    b->data = NULL;
    b->len = b->cap = 0;
}

static void
reserve(hs_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap = hs_mul_size(cap, 2);
    b->data = hs_arena_realloc(b->arena, b->data, b->len, cap);
    b->cap = cap;
}

void
hs_buf_add(hs_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
hs_buf_adds(hs_buf *b, const char *s)
{
    hs_buf_add(b, s, strlen(s));
}

void
hs_buf_addc(hs_buf *b, char c)
{
    hs_buf_add(b, &c, 1);
}

void
hs_buf_printf(hs_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    hs_assert(n >= 0);
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

const char *
hs_buf_cstr(hs_buf *b)
{
    if (b->data == NULL)
        reserve(b, 0), b->data[0] = '\0';
    return b->data;
}
