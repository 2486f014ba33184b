/* engine/out/names.c — the file names of a batch, fixed by its inputs.
 *
 * Every process of a run (each -j worker count, each --shard K/N) works out
 * the names of all the run's documents, then applies this rule to the whole
 * set; so each document's file name depends on the inputs alone, and two
 * shards writing to one folder agree on it without talking to each other. */
#include "job.h"
#include "out/out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a set of strings, open addressing, grows ---- */
typedef struct strset {
    const char **slot;
    size_t cap, n;
} strset;

static uint64_t
hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void set_add(strset *s, const char *k);

static int
set_has(const strset *s, const char *k)
{
    if (s->cap == 0)
        return 0;
    for (size_t i = hash(k) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (s->slot[i] == NULL)
            return 0;
        if (strcmp(s->slot[i], k) == 0)
            return 1;
    }
}

static void
set_add(strset *s, const char *k)
{
    if ((s->n + 1) * 2 > s->cap) {
        strset g = {calloc(s->cap ? s->cap * 2 : 64, sizeof(char *)), s->cap ? s->cap * 2 : 64, 0};
        if (g.slot == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i] != NULL)
                set_add(&g, s->slot[i]);
        free(s->slot);
        *s = g;
    }
    size_t i = hash(k) & (s->cap - 1);
    while (s->slot[i] != NULL)
        i = (i + 1) & (s->cap - 1);
    s->slot[i] = k;
    s->n++;
}

static int
by_key(const void *a, const void *b)
{
    const hs_out_doc *x = *(hs_out_doc *const *)a, *y = *(hs_out_doc *const *)b;
    int c = strcmp(x->record, y->record);
    return c ? c : strcmp(x->template_path, y->template_path);
}

/* A path's file name without its folder and without ".xml". */
static size_t
base_of(const char *path, const char **base)
{
    const char *b = strrchr(path, '/');
    *base = b ? b + 1 : path;
    size_t n = strlen(*base);
    if (n > 4 && strcmp(*base + n - 4, ".xml") == 0)
        n -= 4;
    return n;
}

char *
hs_out_unnamed(const char *record)
{
    const char *base;
    size_t n = base_of(record, &base);
    char *s = strcmp(record, "-") == 0 ? strdup("document") : strndup(base, n);
    if (s == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    return s;
}

/* A path's file name without its folder and without ".xml", made safe. */
static const char *
stem_of(hs_arena *a, const char *path, int ascii)
{
    const char *base;
    size_t n = base_of(path, &base);
    const char *s = hs_out_safe_name(a, base, n);
    if (ascii) {
        hs_report quiet = {hs_diag_discard, NULL, 0, 0}; /* not in ASCII: as it is */
        char *t = hs_file_name_report(s, 1, &quiet);
        if (t != NULL) {
            s = hs_arena_strdup(a, t);
            free(t);
        }
    }
    return hs_arena_strndup(a, s, strlen(s) - 4); /* without ".pdf" */
}

/* At most max bytes of s, cut at a character boundary. */
static size_t
cut(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

void
hs_out_assign_names(hs_out_doc *docs, size_t n, int ascii)
{
    hs_out_doc **order = malloc((n ? n : 1) * sizeof *order);
    if (order == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        docs[i].file = NULL;
        if (docs[i].name != NULL)
            order[m++] = &docs[i];
    }
    qsort(order, m, sizeof *order, by_key);
    strset taken = {0};
    /* first: each name to the first document (in key order) that has it */
    for (size_t i = 0; i < m; i++)
        if (!set_has(&taken, order[i]->name)) {
            order[i]->file = strdup(order[i]->name);
            if (order[i]->file == NULL)
                hs_fatal_at(__FILE__, __LINE__, "out of memory");
            set_add(&taken, order[i]->file);
        }
    /* then the others, in the same order, by the first free candidate */
    hs_arena *a = hs_arena_new(0);
    for (size_t i = 0; i < m; i++) {
        hs_out_doc *d = order[i];
        if (d->file != NULL)
            continue;
        size_t nl = strlen(d->name);
        int ext = nl >= 4 && strcmp(d->name + nl - 4, ".pdf") == 0;
        const char *rs = stem_of(a, d->record, ascii), *ts = stem_of(a, d->template_path, ascii);
        int sl = (int)cut(d->name, 120), rl = (int)cut(rs, 60), tl = (int)cut(ts, 40);
        if (ext && (size_t)sl > nl - 4)
            sl = (int)(nl - 4);
        char buf[400];
        /* a document without <name> is named by its record already: the
         * record said again would tell nothing, its template does */
        int own = strlen(d->name) == strlen(rs) + 4 && strncmp(d->name, rs, strlen(rs)) == 0;
        for (long k = own ? 1 : 0;; k++) {
            if (own && k == 1)
                snprintf(buf, sizeof buf, "%.*s (%.*s).pdf", sl, d->name, tl, ts);
            else if (own)
                snprintf(buf, sizeof buf, "%.*s (%.*s) (%ld).pdf", sl, d->name, tl, ts, k);
            else if (k == 0)
                snprintf(buf, sizeof buf, "%.*s (%.*s).pdf", sl, d->name, rl, rs);
            else if (k == 1)
                snprintf(buf, sizeof buf, "%.*s (%.*s, %.*s).pdf", sl, d->name, rl, rs, tl, ts);
            else
                snprintf(buf, sizeof buf, "%.*s (%.*s, %.*s) (%ld).pdf", sl, d->name, rl, rs, tl,
                         ts, k);
            if (!set_has(&taken, buf))
                break;
        }
        d->file = strdup(buf);
        if (d->file == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        set_add(&taken, d->file);
    }
    hs_arena_free(a);
    free(taken.slot);
    free(order);
}
