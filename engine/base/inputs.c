/* engine/base/inputs.c — the files the document being made has read.
 *
 * A batch resumed later renders a document again unless every file it read
 * is byte for byte what it was (batch/resume.c): its record, its template
 * and each part it included, the profile, each image it drew. The engine
 * keeps templates, the profile and images parsed from one document to the
 * next, so a file is noted where a document uses it (the cache lookup, the
 * include evaluated), not where it is read from disk. One document at a
 * time per process, as the budget. */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

static struct {
    int active;
    char **v;
    size_t n, cap;
} I;
static unsigned long documents; /* begun in this process */

void
hs_inputs_begin(void)
{
    hs_inputs_end();
    I.active = 1;
    documents++;
}

unsigned long
hs_inputs_document(void)
{
    return I.active ? documents : 0;
}

void
hs_inputs_note(const char *path)
{
    if (!I.active || path == NULL)
        return;
    for (size_t i = 0; i < I.n; i++) /* a few files a document */
        if (strcmp(I.v[i], path) == 0)
            return;
    if (I.n == I.cap) {
        I.cap = I.cap ? 2 * I.cap : 8;
        I.v = realloc(I.v, I.cap * sizeof *I.v);
        if (I.v == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    if ((I.v[I.n++] = strdup(path)) == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
}

const char *const *
hs_inputs(size_t *n)
{
    *n = I.n;
    return (const char *const *)I.v;
}

void
hs_inputs_end(void)
{
    for (size_t i = 0; i < I.n; i++)
        free(I.v[i]);
    free(I.v);
    memset(&I, 0, sizeof I);
}
