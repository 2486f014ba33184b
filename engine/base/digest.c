/* engine/base/digest.c — what the bytes a process read from each file were,
 * digested as they were read.
 *
 * A batch's report pairs each document with the digest of every file it
 * read, and --resume skips the document while the files still give those
 * digests (batch/run.c). Digesting the file again after the render would
 * pair a PDF made from the old bytes with the new bytes' digest when the
 * file changed in between (an editor saving while the batch runs), and a
 * later --resume would skip that wrong PDF. So the readers (xml/, image/,
 * render/'s font bytes, font/'s families.conf) hand the bytes they read
 * here, and the digest a document's report carries is that of the bytes the
 * engine used, cached or not: a template parsed once, an image decoded once.
 *
 * The digest: XXH3-128 of the bytes (libxxhash, as the on-disk cache's
 * keys), which out/digest.c also makes of a file on disk to compare. It was
 * zlib's CRC-32 and Adler-32 and the byte count: about 7.5 instructions a
 * byte, a tenth of a batch document's overhead (its record digested in both
 * passes) and 12 million instructions for each worker's fonts; XXH3 takes
 * a fraction of an instruction a byte, and its 128 bits leave an edit that
 * keeps the digest out of reach, where two 32-bit checksums only made it
 * unlikely. A report of an older hoso carries the old digests: none equals
 * a new one, so its documents are made again, never wrongly skipped. */
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define XXH_STATIC_LINKING_ONLY /* XXH3_state_t's size, to hold it in hs_digest */
#include <xxhash.h>

_Static_assert(sizeof(XXH3_state_t) <= sizeof(((hs_digest *)0)->state),
               "hs_digest holds XXH3's state");
_Static_assert(_Alignof(XXH3_state_t) <= 64, "hs_digest aligns XXH3's state");

void
hs_digest_init(hs_digest *d)
{
    memset(d->state, 0, sizeof d->state);
    XXH3_128bits_reset((XXH3_state_t *)d->state);
}

void
hs_digest_add(hs_digest *d, const void *data, size_t n)
{
    if (n > 0)
        XXH3_128bits_update((XXH3_state_t *)d->state, data, n);
}

static void
text_of(XXH128_hash_t h, char *buf)
{
    snprintf(buf, HS_DIGEST_LEN + 1, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
}

void
hs_digest_text(const hs_digest *d, char *buf)
{
    text_of(XXH3_128bits_digest((const XXH3_state_t *)d->state), buf);
}

/* The files read, the one used last at the end. A batch's worker reads some
 * hundred records before it is replaced, and the files every document
 * shares once: so few that a look-up goes through them all. Past READ_MAX
 * the one unused the longest is dropped: a document that used it is then
 * "not known", made again by a --resume, never wrongly skipped. */
#define READ_MAX 4096
typedef struct read_file {
    char *path;
    unsigned long hash;
    unsigned long used;
    char digest[HS_DIGEST_LEN + 1];
} read_file;
static read_file *R;
static size_t nread, read_cap;
static unsigned long clock_;

static unsigned long
hash_of(const char *s)
{
    unsigned long h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static read_file *
find(const char *path, unsigned long h)
{
    for (size_t i = 0; i < nread; i++)
        if (R[i].hash == h && strcmp(R[i].path, path) == 0)
            return &R[i];
    return NULL;
}

/* path's digest, as text, kept as what this process last read from it */
static void
keep_digest(const char *path, const char *text)
{
    if (path == NULL)
        return;
    unsigned long h = hash_of(path);
    read_file *f = find(path, h);
    if (f == NULL) {
        if (nread == READ_MAX) { /* the one unused the longest makes room */
            size_t old = 0;
            for (size_t i = 1; i < nread; i++)
                if (R[i].used < R[old].used)
                    old = i;
            free(R[old].path);
            R[old] = R[--nread];
        }
        if (nread == read_cap) {
            read_cap = read_cap ? 2 * read_cap : 64;
            if ((R = realloc(R, read_cap * sizeof *R)) == NULL)
                hs_fatal_at(__FILE__, __LINE__, "out of memory");
        }
        f = &R[nread++];
        if ((f->path = strdup(path)) == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        f->hash = h;
    }
    f->used = ++clock_;
    memcpy(f->digest, text, HS_DIGEST_LEN + 1);
}

void
hs_inputs_read_digest(const char *path, const hs_digest *d)
{
    char text[HS_DIGEST_LEN + 1];
    hs_digest_text(d, text);
    keep_digest(path, text);
}

static int tracking;

void
hs_inputs_track(int on)
{
    tracking = on;
}

int
hs_inputs_tracked(void)
{
    return tracking;
}

void
hs_inputs_read(const char *path, const void *data, size_t n)
{
    if (!tracking) /* hoso render: no report to write, no megabyte of fonts to digest */
        return;
    char text[HS_DIGEST_LEN + 1];
    text_of(XXH3_128bits(data, n), text); /* the same as hs_digest_add's, in one call */
    keep_digest(path, text);
}

int
hs_inputs_digest(const char *path, char *buf)
{
    read_file *f = path != NULL ? find(path, hash_of(path)) : NULL;
    if (f == NULL)
        return -1;
    f->used = ++clock_;
    memcpy(buf, f->digest, HS_DIGEST_LEN + 1);
    return 0;
}

void
hs_inputs_read_forget(void)
{
    for (size_t i = 0; i < nread; i++)
        free(R[i].path);
    free(R);
    R = NULL;
    nread = read_cap = 0;
}
