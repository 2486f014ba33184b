/* engine/base/budget.c — the limits of the document being made.
 *
 * One document at a time per process: its memory is everything it allocates
 * (its arena, and libxml2's and libharu's blocks through the allocators
 * below), its time runs from hs_budget_begin. Past the memory limit the
 * allocators of the libraries return NULL and the libraries unwind by
 * themselves; our own stages look at hs_budget_exceeded at their safe points
 * and return -1. Nothing jumps through a foreign frame. */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct {
    int active;
    size_t limit, used;
    double deadline; /* CLOCK_MONOTONIC seconds; 0: none */
    unsigned gen;    /* the document a block was charged to */
    unsigned ticks;
    int state;
    int lenient;         /* hs_budget_lenient */
    int counting;        /* limited by work (hs_budget_begin_work), not the clock */
    unsigned long steps; /* the work left then */
} B;

/* Past the limit: the state says so, and the block is refused unless the
 * caller is inside an XPath evaluation (lenient), which gets up to twice the
 * limit, so that libxml2 finishes the expression and our next safe point
 * stops the document. */
static int
refuse(size_t more)
{
    B.state = B.state == HS_BUDGET_OK ? HS_BUDGET_MEMORY : B.state;
    return !(B.lenient && B.state == HS_BUDGET_MEMORY && B.used + more <= 2 * B.limit);
}

void
hs_budget_lenient(int on)
{
    B.lenient = on;
}

/* In front of every block of the allocators, keeping max alignment: 16
 * bytes on x86-64, where a union with max_align_t took its size, 32 (libxml2
 * makes tens of thousands of small blocks at a start: each 16 bytes more of
 * memory touched). */
typedef struct head {
    struct {
        _Alignas(max_align_t) size_t size;
        unsigned gen; /* 0: not charged */
        unsigned cls; /* its size class (pool below); 0: malloc's own block */
    } h;
} head;
_Static_assert(sizeof(head) % _Alignof(max_align_t) == 0, "a block after its head is aligned");

/* Small blocks — libxml2's nodes, attributes and XPath objects, libharu's
 * objects: a few thousand a document, nearly all under 256 bytes — come
 * from free lists by size class, refilled from 64 KiB chunks the process
 * keeps: malloc and free cost about 240 instructions a pair, a pop and a
 * push a few. What a document frees serves the next one, so the process
 * keeps what its largest document needed at once, as malloc mostly does.
 * The sanitizer builds (HS_ARENA_DEBUG) keep malloc for every block, so
 * that ASan sees each one, and its leak check every lost one. */
#define POOL_STEP 16
#define POOL_CLASSES 16 /* blocks of up to 256 bytes */
#define POOL_MAX (POOL_STEP * POOL_CLASSES)
#define POOL_CHUNK ((size_t)64 * 1024)

#ifndef HS_ARENA_DEBUG
static head *pool_free[POOL_CLASSES + 1]; /* by class; linked through the blocks' data */
static char *pool_at;                     /* the rest of the current chunk */
static size_t pool_left;
#endif

/* A block for n bytes, its class set; NULL when malloc has none. */
static head *
block_alloc(size_t n)
{
#ifndef HS_ARENA_DEBUG
    if (n <= POOL_MAX) {
        unsigned cls = n == 0 ? 1 : (unsigned)((n + POOL_STEP - 1) / POOL_STEP);
        head *h = pool_free[cls];
        if (h != NULL) {
            memcpy(&pool_free[cls], h + 1, sizeof(head *));
        } else {
            size_t need = sizeof(head) + (size_t)cls * POOL_STEP;
            if (pool_left < need) {
                char *c = malloc(POOL_CHUNK);
                if (c == NULL)
                    return NULL;
                pool_at = c;
                pool_left = POOL_CHUNK;
            }
            h = (head *)pool_at;
            pool_at += need;
            pool_left -= need;
        }
        h->h.cls = cls;
        return h;
    }
#endif
    head *h = malloc(sizeof(head) + n);
    if (h != NULL)
        h->h.cls = 0;
    return h;
}

static void
block_free(head *h)
{
#ifndef HS_ARENA_DEBUG
    if (h->h.cls != 0) {
        memcpy(h + 1, &pool_free[h->h.cls], sizeof(head *));
        pool_free[h->h.cls] = h;
        return;
    }
#endif
    free(h);
}

/* h's block resized for n bytes (its contents kept), or NULL, h untouched. */
static head *
block_realloc(head *h, size_t n)
{
#ifdef HS_ARENA_DEBUG
    return realloc(h, sizeof(head) + n);
#else
    if (h->h.cls == 0 && n > POOL_MAX)
        return realloc(h, sizeof(head) + n); /* its class stays 0 */
    if (h->h.cls != 0 && n <= (size_t)h->h.cls * POOL_STEP)
        return h;
    head *q = block_alloc(n);
    if (q == NULL)
        return NULL;
    memcpy(q + 1, h + 1, h->h.size < n ? h->h.size : n);
    q->h.size = h->h.size;
    q->h.gen = h->h.gen;
    block_free(h);
    return q;
#endif
}

static double
monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
hs_budget_begin(size_t limit, double seconds)
{
    B.active = 1;
    B.limit = limit;
    B.used = 0;
    B.deadline = seconds > 0 ? monotonic() + seconds : 0;
    B.gen++;
    if (B.gen == 0)
        B.gen = 1;
    B.state = HS_BUDGET_OK;
    B.lenient = 0;
    B.counting = 0;
}

void
hs_budget_begin_work(size_t limit, unsigned long steps)
{
    hs_budget_begin(limit, 0);
    B.counting = steps > 0;
    B.steps = steps;
}

unsigned long
hs_budget_steps_left(void)
{
    return B.active && B.counting ? B.steps : 0;
}

void
hs_budget_spend(unsigned long n)
{
    if (!B.active || !B.counting)
        return;
    if (n >= B.steps) {
        B.steps = 0; /* none left: the next step would have no limit */
        hs_budget_set(HS_BUDGET_WORK);
    } else {
        B.steps -= n;
    }
}

void
hs_budget_end(void)
{
    B.active = 0;
}

size_t
hs_budget_limit(void)
{
    return B.active ? B.limit : 0;
}

double
hs_budget_seconds_left(void)
{
    if (!B.active || B.deadline == 0)
        return 0;
    double left = B.deadline - monotonic();
    return left > 0 ? left : 1e-9;
}

void
hs_budget_note(size_t n)
{
    if (!B.active)
        return;
    B.used += n;
    if (B.limit != 0 && B.used > B.limit && B.state == HS_BUDGET_OK)
        B.state = HS_BUDGET_MEMORY;
}

void
hs_budget_set(int state)
{
    if (B.active && B.state == HS_BUDGET_OK)
        B.state = state;
}

int
hs_budget_exceeded(void)
{
    if (!B.active)
        return HS_BUDGET_OK;
    /* the clock is read every 64 safe points, which costs nothing measurable */
    if (B.state == HS_BUDGET_OK && B.deadline != 0 && (++B.ticks & 63) == 0 &&
        monotonic() > B.deadline)
        B.state = HS_BUDGET_TIME;
    return B.state;
}

int
hs_budget_state(void)
{
    return B.active ? B.state : HS_BUDGET_OK;
}

void *
hs_budget_malloc(size_t n)
{
    if (n > SIZE_MAX - sizeof(head))
        return NULL;
    int charge = B.active;
    if (charge && B.limit != 0 && (B.state == HS_BUDGET_MEMORY || B.used + n > B.limit) &&
        refuse(n))
        return NULL;
    head *h = block_alloc(n);
    if (h == NULL)
        return NULL;
    h->h.size = n;
    h->h.gen = charge ? B.gen : 0;
    if (charge)
        B.used += n;
    return h + 1;
}

void
hs_budget_free(void *p)
{
    if (p == NULL)
        return;
    head *h = (head *)p - 1;
    if (B.active && h->h.gen == B.gen && B.used >= h->h.size)
        B.used -= h->h.size;
    block_free(h);
}

void *
hs_budget_realloc(void *p, size_t n)
{
    if (p == NULL)
        return hs_budget_malloc(n);
    head *h = (head *)p - 1;
    size_t old = h->h.size;
    if (n > old && B.active && B.limit != 0 &&
        (B.state == HS_BUDGET_MEMORY || B.used + (n - old) > B.limit) && refuse(n - old))
        return NULL;
    if (n > SIZE_MAX - sizeof(head))
        return NULL;
    int charged = B.active && h->h.gen == B.gen;
    head *q = block_realloc(h, n);
    if (q == NULL)
        return NULL;
    if (charged) {
        B.used = B.used - (B.used >= old ? old : B.used) + n;
    } else if (B.active) {
        q->h.gen = B.gen; /* charged from now on, for its whole size */
        B.used += n;
    }
    q->h.size = n;
    return q + 1;
}

char *
hs_budget_strdup(const char *s)
{
    size_t n = strlen(s);
    char *d = hs_budget_malloc(n + 1);
    if (d != NULL)
        memcpy(d, s, n + 1);
    return d;
}
