/* engine/record/known.c — records this process knows to pass the record
 * schema, by the digest of their bytes.
 *
 * A batch parses and validates every record in its name pass, then its
 * render pass parses the record again; validating the same bytes against
 * the same schema gives the same answer, and was a twentieth of a batch
 * document's instructions. So the name pass's worker sends the digest of
 * the bytes it validated (base/digest.c, XXH3-128), the parent notes each
 * here before it forks the render pass's workers, and hs_record_load skips
 * the schema for a record whose bytes, as just read, have a noted digest.
 * Bytes edited in between give another digest: the schema judges them. The
 * checks of record/check.c, which say warnings too, are made every time. */
#include "record/record_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct known {
    char *path;
    char digest[HS_DIGEST_LEN + 1];
} known;

static known *K;
static size_t nknown, known_cap;
static int sorted;

static int
cmp_known(const void *a, const void *b)
{
    const known *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : strcmp(x->digest, y->digest);
}

void
hs_record_known_valid(const char *path, const char *digest)
{
    if (path == NULL || digest == NULL || strlen(digest) != HS_DIGEST_LEN)
        return;
    if (nknown == known_cap) {
        known_cap = known_cap ? 2 * known_cap : 64;
        if ((K = realloc(K, known_cap * sizeof *K)) == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
    }
    if ((K[nknown].path = strdup(path)) == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    memcpy(K[nknown++].digest, digest, HS_DIGEST_LEN + 1);
    sorted = 0;
}

int
hs_record_is_known_valid(const char *path)
{
    char d[HS_DIGEST_LEN + 1];
    /* the digest of what was just read from path: only while every read is
     * digested (hs_inputs_track), else it may be of an older read */
    if (nknown == 0 || !hs_inputs_tracked() || hs_inputs_digest(path, d) != 0)
        return 0;
    if (!sorted) {
        qsort(K, nknown, sizeof *K, cmp_known);
        sorted = 1;
    }
    known key;
    key.path = (char *)path;
    memcpy(key.digest, d, sizeof d);
    return bsearch(&key, K, nknown, sizeof *K, cmp_known) != NULL;
}

void
hs_record_known_forget(void)
{
    while (nknown > 0)
        free(K[--nknown].path);
    free(K);
    K = NULL;
    known_cap = 0;
}
