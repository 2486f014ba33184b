/* engine/cache/cache.h — an on-disk cache of bytes derived from input bytes
 * (font subsets, decoded and compressed images), so that a second process
 * with the same inputs skips the work a first one did.
 *
 * Invariants:
 * - A key is a hash (XXH3-128) of every byte that decides the entry's
 *   content: the inputs' contents (never paths or modification times,
 *   which lie: out/digest.c), the cache format, hoso's version, the build
 *   id of the object holding hoso's code (another build of hoso may derive
 *   other bytes from the same inputs), and the build ids of the libraries
 *   loaded whose output is stored (zlib, libharu, libpng, libjpeg, libexif:
 *   the stages that use them add them, hs_cache_key_lib).
 * - Trusted only when this user's alone: the folder is used only when it is
 *   owned by the effective user and writable by no one else (else the cache
 *   is off for the process), and an entry only when the same holds of its
 *   file; entries, temporary files and pruning are reached relative to the
 *   folder opened once (openat, O_NOFOLLOW), never through its path again.
 * - An entry is read only whole and verified (magic, format, its own key,
 *   lengths, a checksum of the payload); anything else is a miss, and the
 *   work is done as if there were no cache (and the entry replaced).
 * - The cache is never required: a missing, read-only, full or unwritable
 *   folder, or other processes writing the same entries, change nothing in
 *   what hoso writes, says or exits with. Nothing here reports an error.
 * - Entries are written to a temporary file in the same folder and renamed
 *   over the entry: a reader sees a whole entry or none.
 * - Bounded: after writing an entry, the folder is pruned to HS_CACHE_MAX
 *   bytes, the least recently used entries first (a hit sets an entry's
 *   modification time).
 *
 * Where: $HOSO_CACHE when set ("off" or empty: no cache), else
 * $XDG_CACHE_HOME/hoso, else $HOME/.cache/hoso. */
#ifndef HS_CACHE_H
#define HS_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* The most the folder holds: some 2,000 font subsets or logos. */
#define HS_CACHE_MAX ((uint64_t)32 << 20)

typedef struct hs_cache_key {
    unsigned char b[16];
} hs_cache_key;

/* A key being made: hs_cache_key_begin, then hs_cache_key_add for each
 * input (each added with its length, so that "ab"+"c" differs from
 * "a"+"bc"), then hs_cache_key_end. */
typedef struct hs_cache_keyer {
    void *state; /* XXH3's, NULL when the cache is off */
    int bad;     /* a library added had no build id */
} hs_cache_keyer;

/* Whether the cache is on: a folder is named (it need not exist yet), and
 * it is not found owned by another user or writable by others. */
int hs_cache_on(void);

/* kind names what the entry holds ("font-subset"), so that entries of two
 * kinds never share a key. Returns 0, or -1 when the cache is off. */
int hs_cache_key_begin(hs_cache_keyer *k, const char *kind);
void hs_cache_key_add(hs_cache_keyer *k, const void *p, size_t n);
/* 0, or -1 when a library added had no identity (then there is no key:
 * the work is done uncached). */
int hs_cache_key_end(hs_cache_keyer *k, hs_cache_key *out);

/* Adds the identity of the library holding fn, a function of it (the GNU
 * build id of the object it was loaded from, looked up once a process):
 * the library's bytes, not the version its headers said at build time. */
void hs_cache_key_lib(hs_cache_keyer *k, void (*fn)(void));

/* The GNU build id of the object holding hoso's code (the program, or the
 * shared object libhoso.a was linked into; the linker's hash of its
 * contents, read once) as hex digits, NULL when it has none: what tells two
 * builds of one version apart (a batch's report says it: hs_engine_build_id). */
const char *hs_cache_build_id(void);

/* The 128-bit hash of n bytes alone (a font file's, added to keys later). */
void hs_cache_hash(const void *p, size_t n, unsigned char out[16]);

/* One part of an entry's payload. */
typedef struct hs_cache_part {
    const void *p;
    size_t n;
} hs_cache_part;

/* The entry of key with exactly nparts parts: parts[i] point into the
 * returned block (free() it when done). NULL on a miss or a bad entry. */
void *hs_cache_get(const hs_cache_key *key, hs_cache_part *parts, int nparts);

/* Stores the entry (atomically; silently nothing when it cannot). */
void hs_cache_put(const hs_cache_key *key, const hs_cache_part *parts, int nparts);

/* The folder in use, NULL when off (for tests and hoso's debug line). */
const char *hs_cache_dir(void);

/* The entry's file name under the folder: 32 hex digits and ".hc". */
void hs_cache_entry_name(const hs_cache_key *key, char name[40]);

/* The entries of dir down to three quarters of max bytes when they hold
 * more, the least recently used first; temporary files older than an hour
 * removed (hs_cache_put runs it on its first store and every 64th). */
void hs_cache_prune(const char *dir, uint64_t max);
/* The same, of the folder open as dir_fd (hs_cache_put's: never through its
 * path again); dir_fd stays open. */
void hs_cache_prune_at(int dir_fd, uint64_t max);

#endif
