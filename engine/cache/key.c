/* engine/cache/key.c — the cache's keys: XXH3-128 (libxxhash) of the
 * entry's inputs, after a salt that names this build of hoso (its version
 * and the build id of the object holding hoso's code). The stages that
 * store bytes a library made add that library's identity to their keys:
 * the build id of the object it was loaded from (hs_cache_key_lib), for
 * the libraries are opened at run time (engine/base/lib.c), and an upgrade
 * keeping the soname changes the library under a build of hoso.
 *
 * Why XXH3-128: it hashes at several GB/s (a 0.4 MB font file in well under
 * 0.1 ms; zlib's CRC-32 is several times slower), and 128 bits make an
 * accidental collision between two glyph sets or two images out of reach;
 * no one attacks their own cache, so a cryptographic hash's cost buys
 * nothing. */
/* dl_iterate_phdr is a GNU extension */
#define _GNU_SOURCE
#include "cache/cache.h"

#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "base/base.h"
#include "hoso.h"

/* Bumped whenever an entry's layout or the meaning of a kind's parts
 * changes. */
#define FORMAT 1

/* The GNU build id of an object (the linker's hash of its contents): the
 * code that derives the cached bytes is the same exactly when it is the
 * same. */
typedef struct build_id {
    unsigned char b[64];
    size_t n;
} build_id;

typedef struct find {
    uintptr_t addr; /* an address of the object's code */
    build_id *id;
    int found; /* the object containing addr seen */
} find;

static void
read_note(const struct dl_phdr_info *info, build_id *id)
{
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE)
            continue;
        const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
        size_t at = 0;
        while (at + sizeof(ElfW(Nhdr)) <= ph->p_memsz) {
            const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)(p + at);
            size_t name = (nh->n_namesz + 3) & ~(size_t)3, desc = (nh->n_descsz + 3) & ~(size_t)3;
            const unsigned char *d = p + at + sizeof *nh + name;
            if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
                memcmp(p + at + sizeof *nh, "GNU", 4) == 0 && nh->n_descsz <= sizeof id->b &&
                nh->n_descsz > 0) {
                memcpy(id->b, d, nh->n_descsz);
                id->n = nh->n_descsz;
                return;
            }
            at += sizeof *nh + name + desc;
        }
    }
}

/* The object whose loaded segments hold f->addr (not the first listed, the
 * program: hoso linked into a plugin is the plugin's code) */
static int
note_of(struct dl_phdr_info *info, size_t size, void *data)
{
    find *f = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && f->addr >= lo && f->addr - lo < ph->p_memsz) {
            f->found = 1;
            read_note(info, f->id);
            return 1;
        }
    }
    return 0;
}

/* The build id of the object holding code at addr (n 0: none or not found) */
static void
id_at(uintptr_t addr, build_id *id)
{
    find f = {addr, id, 0};
    id->n = 0;
    dl_iterate_phdr(note_of, &f);
}

/* hoso's own build id, read once (n 0: none). */
static const build_id *
the_build_id(void)
{
    static build_id id;
    static int done;
    if (!done) {
        done = 1;
#ifdef HS_TEST_HOOKS
        /* tests of another build of the same version: its id's bytes */
        const char *fake = getenv("HOSO_TEST_BUILD_ID");
        if (fake != NULL && *fake != '\0') {
            id.n = strlen(fake) < sizeof id.b ? strlen(fake) : sizeof id.b;
            memcpy(id.b, fake, id.n);
            return &id;
        }
#endif
        void (*self)(void) = (void (*)(void))hs_cache_build_id;
        uintptr_t a;
        memcpy(&a, &self, sizeof a); /* a function's address, as dladdr would take it */
        id_at(a, &id);
    }
    return &id;
}

const char *
hs_cache_build_id(void)
{
    static char hex[2 * sizeof((build_id *)0)->b + 1];
    const build_id *id = the_build_id();
    if (id->n == 0)
        return NULL;
    for (size_t i = 0; i < id->n; i++)
        snprintf(hex + 2 * i, 3, "%02x", id->b[i]);
    return hex;
}

/* The libraries' build ids, each looked up once a process by the function
 * given (a handful: libharu, zlib, libpng, libjpeg, libexif). */
#define MAX_LIBS 16
static struct {
    void (*fn)(void);
    build_id id;
} libs[MAX_LIBS];
static int nlibs;
static pthread_mutex_t libs_lock = PTHREAD_MUTEX_INITIALIZER;

void
hs_cache_key_lib(hs_cache_keyer *k, void (*fn)(void))
{
    if (k->state == NULL)
        return;
    build_id id = {{0}, 0};
    pthread_mutex_lock(&libs_lock);
    int i = 0;
    while (i < nlibs && libs[i].fn != fn)
        i++;
    if (i < nlibs) {
        id = libs[i].id;
    } else {
        uintptr_t a;
        memcpy(&a, &fn, sizeof a);
        id_at(a, &id);
        if (nlibs < MAX_LIBS) {
            libs[nlibs].fn = fn;
            libs[nlibs++].id = id;
        }
    }
    pthread_mutex_unlock(&libs_lock);
    if (id.n == 0) {
        k->bad = 1; /* no telling this library's version from another's: no entry */
        return;
    }
    hs_cache_key_add(k, id.b, id.n);
}

/* The salt, made once; 0 when the program has no build id (then there is
 * no telling this build's entries from another's: no cache). */
static unsigned char salt[16];
static int salt_state; /* 0 not made, 1 made, -1 none */

static int
make_salt(void)
{
    if (salt_state != 0)
        return salt_state;
    const build_id *id = the_build_id();
    if (id->n == 0)
        return salt_state = -1;
    XXH3_state_t *st = XXH3_createState();
    if (st == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    char v[256];
    int n = snprintf(v, sizeof v, "hoso-cache %d|hoso %s|", FORMAT, HS_VERSION);
    XXH3_128bits_reset(st);
    XXH3_128bits_update(st, v, (size_t)n);
    XXH3_128bits_update(st, id->b, id->n);
    XXH128_canonicalFromHash((XXH128_canonical_t *)salt, XXH3_128bits_digest(st));
    XXH3_freeState(st);
    return salt_state = 1;
}

int
hs_cache_key_begin(hs_cache_keyer *k, const char *kind)
{
    k->state = NULL;
    k->bad = 0;
    if (!hs_cache_on() || make_salt() != 1)
        return -1;
    XXH3_state_t *st = XXH3_createState();
    if (st == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    XXH3_128bits_reset(st);
    XXH3_128bits_update(st, salt, sizeof salt);
    k->state = st;
    hs_cache_key_add(k, kind, strlen(kind));
    return 0;
}

void
hs_cache_key_add(hs_cache_keyer *k, const void *p, size_t n)
{
    if (k->state == NULL)
        return;
    uint64_t len = n;
    XXH3_128bits_update(k->state, &len, sizeof len);
    XXH3_128bits_update(k->state, p, n);
}

int
hs_cache_key_end(hs_cache_keyer *k, hs_cache_key *out)
{
    hs_assert(k->state != NULL);
    XXH128_canonicalFromHash((XXH128_canonical_t *)out->b, XXH3_128bits_digest(k->state));
    XXH3_freeState(k->state);
    k->state = NULL;
    return k->bad ? -1 : 0;
}

void
hs_cache_hash(const void *p, size_t n, unsigned char out[16])
{
    XXH128_canonicalFromHash((XXH128_canonical_t *)out, XXH3_128bits(p, n));
}

void
hs_cache_entry_name(const hs_cache_key *key, char name[40])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        name[2 * i] = hex[key->b[i] >> 4];
        name[2 * i + 1] = hex[key->b[i] & 15];
    }
    memcpy(name + 32, ".hc", 4);
}
