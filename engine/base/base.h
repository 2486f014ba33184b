/* engine/base/base.h — status, arena, budget, buffers, diagnostics, asserts.
 *
 * No dependency beyond libc, and libxxhash's XXH3 (digest.c). Every other stage
 * includes this. Status is 0 / -1: a function that returns -1 has already
 * reported at least one diagnostic. */
#ifndef HS_BASE_H
#define HS_BASE_H

#include "hoso.h" /* the types it shares with programs: hs_loc, hs_diag, hs_code */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define HS_LOC_NONE ((hs_loc){NULL, 0})

/* ---- arena: one per document, freed as a whole ---- */
typedef struct hs_arena hs_arena;

hs_arena *hs_arena_new(size_t limit_bytes);  /* 0: no limit */
void hs_arena_free(hs_arena *a);             /* runs deferred cleanups, newest first */
void *hs_arena_alloc(hs_arena *a, size_t n); /* zeroed, max-aligned, never NULL */
void *hs_arena_realloc(hs_arena *a, void *p, size_t old_n, size_t new_n);
char *hs_arena_strndup(hs_arena *a, const char *s, size_t n);
char *hs_arena_strdup(hs_arena *a, const char *s);
char *hs_arena_printf(hs_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hs_arena_defer(hs_arena *a, void (*fn)(void *), void *p);
size_t hs_arena_used(const hs_arena *a);
/* An arena's limit is a last guard (a fatal error past it); the document's
 * limits are the budget's, below, which the arena charges. */

/* ---- the budget of the document being made (budget.c) ----
 * Memory: the arena's blocks and, through the allocators below (given to
 * libxml2 with xmlMemSetup and to libharu with HPDF_NewEx), the libraries'.
 * Past the limit the allocators return NULL and the libraries unwind by
 * themselves; our stages check hs_budget_exceeded at safe points and return
 * -1 without a message (the owner of the budget says which limit). */
enum { HS_BUDGET_OK, HS_BUDGET_MEMORY, HS_BUDGET_TIME, HS_BUDGET_WORK };
void hs_budget_begin(size_t limit_bytes, double seconds); /* 0: no limit */
void hs_budget_end(void);
int hs_budget_exceeded(void);        /* HS_BUDGET_*; reads the clock now and then */
int hs_budget_state(void);           /* the same, without reading the clock */
void hs_budget_set(int state);       /* a library said it ran out (e.g. XPath's step limit) */
void hs_budget_note(size_t n);       /* an allocation of ours (never refused) */
double hs_budget_seconds_left(void); /* 0: no time limit */
size_t hs_budget_limit(void);        /* the memory limit in bytes; 0: none */
/* Limited by work instead of the clock, so that where it stops depends on
 * the inputs alone (a batch's name pass): steps of XPath (libxml2's step
 * count) and of our walks, spent with hs_budget_spend; past them the state
 * is HS_BUDGET_WORK. steps 0: no limit of work. */
void hs_budget_begin_work(size_t limit_bytes, unsigned long steps);
unsigned long hs_budget_steps_left(void); /* 0: none left, or no limit of work */
void hs_budget_spend(unsigned long n);
/* On around an XPath evaluation: allocations past the limit still succeed, up
 * to twice it (the state says the limit is passed). libxml2 2.9.14's XPath
 * engine dereferences a failed malloc's NULL in places; it must not see one. */
void hs_budget_lenient(int on);
void *hs_budget_malloc(size_t n);
void *hs_budget_realloc(void *p, size_t n);
void hs_budget_free(void *p);
char *hs_budget_strdup(const char *s);

#define HS_NEW(a, T) ((T *)hs_arena_alloc((a), sizeof(T)))
#define HS_NEW_N(a, n, T) ((T *)hs_arena_alloc((a), hs_mul_size((n), sizeof(T))))

size_t hs_mul_size(size_t n, size_t m); /* aborts on overflow */

/* ---- large zeroed blocks that are written sparsely (pages.c) ----
 * Only the pages touched cost memory and a page fault; never NULL. Freed
 * with hs_pages_free and the same size, never free(). */
void *hs_pages_zeroed(size_t n);
void hs_pages_free(void *p, size_t n);

/* ---- zlib's memory (zmem.c): a z_stream's zalloc and zfree, whose blocks
 * serve the next stream instead of going back to malloc ---- */
void *hs_zlib_alloc(void *opaque, unsigned items, unsigned size);
void hs_zlib_free(void *opaque, void *p);

/* ---- libraries opened on first use (lib.c) ----
 * The table is a struct of function pointers, each of the type the
 * library's header declares; fns names each and says where it goes. Both
 * are made from one list, LIST(X, T) calling X(T, field, function) for
 * each (HS_LIB_TABLE makes both). hs_lib_get opens the library
 * once per process: 0, or -1 with why saying what failed, the library named
 * (every later call the same). */
typedef struct hs_lib_fn {
    const char *name;
    size_t offset;
} hs_lib_fn;
#define HS_LIB_FIELD(T, field, fn) __typeof__(fn) *field;
#define HS_LIB_NAME(T, field, fn) {#fn, offsetof(T, field)},
/* struct T, the table (static T table) and the library (static hs_lib lib) */
#define HS_LIB_TABLE(T, tab_, lib_, soname_, LIST)                                                 \
    typedef struct T {                                                                             \
        LIST(HS_LIB_FIELD, T)                                                                      \
    } T;                                                                                           \
    static T tab_;                                                                                 \
    static const hs_lib_fn T##_names[] = {LIST(HS_LIB_NAME, T)};                                   \
    static hs_lib lib_ = {.soname = (soname_),                                                     \
                          .fns = T##_names,                                                        \
                          .n = sizeof T##_names / sizeof T##_names[0],                             \
                          .table = &tab_}
typedef struct hs_lib {
    const char *soname;
    const hs_lib_fn *fns;
    size_t n;
    void *table;
    int state; /* 0 not tried, 1 open, -1 failed */
    char why[320];
} hs_lib;
int hs_lib_get(hs_lib *l);

/* ---- growable byte buffer, arena-backed ---- */
typedef struct hs_buf {
    hs_arena *arena;
    char *data; /* always NUL-terminated when len > 0 or after hs_buf_cstr */
    size_t len, cap;
} hs_buf;

void hs_buf_init(hs_buf *b, hs_arena *a);
void hs_buf_add(hs_buf *b, const char *s, size_t n);
void hs_buf_adds(hs_buf *b, const char *s);
void hs_buf_addc(hs_buf *b, char c);
void hs_buf_printf(hs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *hs_buf_cstr(hs_buf *b);

/* ---- diagnostics ---- */
/* Where diagnostics go, and how many errors went there. */
typedef struct hs_report {
    hs_diag_sink *sink; /* NULL: counted, said to no one */
    void *user;
    int errors;
    int limit; /* stop counting toward output after this many errors; 0: 20 */
} hs_report;

/* Report and return -1, so that `return hs_error(...)` is one statement. */
int hs_error(hs_report *r, hs_loc loc, hs_code code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int hs_verror(hs_report *r, hs_loc loc, hs_code code, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
void hs_note(hs_report *r, hs_loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void hs_warning(hs_report *r, hs_loc loc, hs_code code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

void hs_diag_discard(void *user, const hs_diag *d);

/* ---- "did you mean" ---- */
/* The name of names nearest to word (a few edits away), or NULL. */
const char *hs_suggest(const char *word, const char *const *names, size_t count);

/* ---- asserts that stay on in release builds ---- */
_Noreturn void hs_fatal_at(const char *src_file, int src_line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define hs_assert(c) ((c) ? (void)0 : hs_fatal_at(__FILE__, __LINE__, "assertion failed: %s", #c))

/* ---- input files (open.c) ---- */
/* Open path for reading if it is a regular file, without blocking on a FIFO
 * or a device; NULL and *why ("cannot open: …", static storage) if not. */
#include <stdio.h>
FILE *hs_fopen_regular(const char *path, const char **why);

/* ---- UTF-8 ---- */
/* Decode one code point at s[0..n); returns bytes used (1..4), or 0 on an
 * invalid or overlong sequence, a surrogate, or a value past U+10FFFF. */
int hs_utf8_decode_multi(const char *s, size_t n, uint32_t *cp);
/* ASCII, most of a document's bytes, without a call: the layout and the
 * checks decode every character of every text. */
static inline int
hs_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n > 0 && (unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return hs_utf8_decode_multi(s, n, cp);
}
int hs_utf8_encode(uint32_t cp, char out[4]);
/* Index of the first invalid byte, or (size_t)-1 when s is valid UTF-8. */
size_t hs_utf8_invalid_at(const char *s, size_t n);

/* ---- the files the document being made has read (inputs.c) ----
 * Noted where a document uses them, cached or not; once each, in order.
 * hs_inputs_begin starts a document's list (the last one's is dropped),
 * hs_inputs gives it (valid until the next begin or end).
 * hs_inputs_document: a number of the document begun, another for each
 * begin; 0 after hs_inputs_end (no document): for a cache to read a file
 * once per document (image/: its layout and its render draw the same). */
void hs_inputs_begin(void);
void hs_inputs_note(const char *path);
const char *const *hs_inputs(size_t *n);
unsigned long hs_inputs_document(void);
void hs_inputs_end(void);

/* ---- what the bytes read from each file were (digest.c) ----
 * XXH3-128 of the bytes (libxxhash), as text of HS_DIGEST_LEN characters.
 * A reader of an input hands the bytes it read to
 * hs_inputs_read (or their digest to hs_inputs_read_digest); hs_inputs_digest
 * gives the digest of what this process last read from path: 0, or -1 if it
 * read nothing from it (or forgot it). A batch's report carries these, not a
 * digest of the file after the render, which may have changed meanwhile.
 * hs_inputs_read digests only while hs_inputs_track is on (a batch: the
 * bytes cost a pass each); hs_inputs_read_digest always keeps what it is
 * given (families.conf, read when the engine starts, digested by its reader). */
#define HS_DIGEST_LEN 32
/* XXH3's streaming state, held in place (digest.c checks that it fits), so
 * that a digest begun and never finished leaks nothing */
typedef struct hs_digest {
    _Alignas(64) unsigned char state[640];
} hs_digest;
void hs_digest_init(hs_digest *d);
void hs_digest_add(hs_digest *d, const void *data, size_t n);
void hs_digest_text(const hs_digest *d, char *buf); /* HS_DIGEST_LEN + 1 bytes */
void hs_inputs_track(int on);
int hs_inputs_tracked(void);
void hs_inputs_read(const char *path, const void *data, size_t n);
void hs_inputs_read_digest(const char *path, const hs_digest *d);
int hs_inputs_digest(const char *path, char *buf);
void hs_inputs_read_forget(void);

#endif
