/* engine/cache/store.c — where the cache is, and its entries read and
 * written.
 *
 * An entry's file: a 48-byte header (magic "HOSOCACH", the format, the
 * number of parts, the key, the payload's length and its XXH3-64), then
 * the payload: each part's length (8 bytes, little-endian), then the parts'
 * bytes. A file of any other length, magic, format, key or checksum is not
 * used, nor a file another user owns or could have written. */
#include "cache/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "base/base.h"

#define FORMAT 1
#define HEADER 48
#define MAX_PARTS 8
/* An entry larger than this is not one of ours. */
#define MAX_ENTRY ((uint64_t)64 << 20)

static char *dir;
static int dir_state; /* 0 not looked at, 1 on, -1 off */

static void
free_dir(void)
{
    free(dir);
    dir = NULL;
}

const char *
hs_cache_dir(void)
{
    if (dir_state != 0)
        return dir;
    dir_state = -1;
    const char *env = getenv("HOSO_CACHE"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char buf[4096];
    int n = -1;
    if (env != NULL) {
        if (env[0] != '\0' && strcmp(env, "off") != 0)
            n = snprintf(buf, sizeof buf, "%s", env);
    } else if (xdg != NULL && xdg[0] == '/') { /* a relative one is invalid (XDG) */
        n = snprintf(buf, sizeof buf, "%s/hoso", xdg);
    } else if (home != NULL && home[0] == '/') {
        n = snprintf(buf, sizeof buf, "%s/.cache/hoso", home);
    }
    if (n > 0 && (size_t)n < sizeof buf) {
        dir = strdup(buf);
        if (dir == NULL)
            hs_fatal_at(__FILE__, __LINE__, "out of memory");
        atexit(free_dir);
        dir_state = 1;
    }
    return dir;
}

/* An entry's numbers, little-endian whatever the machine: n bytes of v. */
static void
put_le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* Whether a file another user could have written: owned by someone else,
 * or writable by its group or others. An entry or folder that is not this
 * user's alone is not trusted (another local user could plant a valid
 * entry in it and change this user's documents). */
static int
foreign(const struct stat *st)
{
    return st->st_uid != geteuid() || (st->st_mode & 022) != 0;
}

/* The folder, opened once (the entries are reached relative to it, never
 * through its path again): its fd, or -1 when it is missing (made when
 * make is set) or not this user's alone (then off for the process). */
static int dfd = -1;
static int dfd_state; /* 0 not opened, 1 open, -1 off */

static int
folder(int make)
{
    if (dfd_state != 0)
        return dfd_state > 0 ? dfd : -1;
    const char *d = hs_cache_dir();
    if (d == NULL) {
        dfd_state = -1;
        return -1;
    }
    /* the folder made on first use (its parent too: ~/.cache may be missing) */
    if (make && mkdir(d, 0700) != 0 && errno == ENOENT) {
        char parent[4096];
        snprintf(parent, sizeof parent, "%s", d);
        char *slash = strrchr(parent, '/');
        if (slash != NULL && slash != parent) {
            *slash = '\0';
            (void)mkdir(parent, 0700);
            (void)mkdir(d, 0700);
        }
    }
    int fd = open(d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT || make) /* missing yet: a store makes it */
            dfd_state = -1;
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode) || foreign(&st)) {
        close(fd);
        dfd_state = -1;
        return -1;
    }
    dfd = fd;
    dfd_state = 1;
    return dfd;
}

int
hs_cache_on(void)
{
    if (hs_cache_dir() == NULL)
        return 0;
    (void)folder(0); /* a folder found not this user's alone: off */
    return dfd_state >= 0;
}

/* Reads exactly n bytes; 0, or -1 on an error or a short file. */
static int
read_all(int fd, unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = read(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k, n -= (size_t)k;
    }
    return 0;
}

void *
hs_cache_get(const hs_cache_key *key, hs_cache_part *parts, int nparts)
{
    int d = nparts >= 1 && nparts <= MAX_PARTS ? folder(0) : -1;
    if (d < 0)
        return NULL;
    char name[40];
    hs_cache_entry_name(key, name);
    int fd = openat(d, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return NULL;
    unsigned char h[HEADER], *block = NULL;
    struct stat st;
    uint64_t len = 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || foreign(&st) ||
        read_all(fd, h, HEADER) != 0 || memcmp(h, "HOSOCACH", 8) != 0 ||
        get_le(h + 8, 4) != FORMAT || get_le(h + 12, 4) != (uint32_t)nparts ||
        memcmp(h + 16, key->b, 16) != 0 || (len = get_le(h + 32, 8)) > MAX_ENTRY ||
        (uint64_t)st.st_size != HEADER + len || len < (uint64_t)nparts * 8 ||
        (block = malloc(len ? len : 1)) == NULL || read_all(fd, block, len) != 0 ||
        XXH3_64bits(block, len) != get_le(h + 40, 8)) {
        free(block);
        close(fd);
        return NULL;
    }
    /* used: the least recently used are pruned first */
    (void)futimens(fd, NULL);
    close(fd);
    uint64_t at = (uint64_t)nparts * 8;
    for (int i = 0; i < nparts; i++) {
        uint64_t n = get_le(block + 8 * i, 8);
        if (n > len - at) {
            free(block);
            return NULL;
        }
        parts[i].p = block + at;
        parts[i].n = (size_t)n;
        at += n;
    }
    if (at != len) {
        free(block);
        return NULL;
    }
    return block;
}

static int
write_all(int fd, const void *p, size_t n)
{
    const unsigned char *c = p;
    while (n > 0) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        c += k, n -= (size_t)k;
    }
    return 0;
}

void
hs_cache_put(const hs_cache_key *key, const hs_cache_part *parts, int nparts)
{
    if (nparts < 1 || nparts > MAX_PARTS || !hs_cache_on())
        return;
    /* the payload: lengths, then the parts */
    uint64_t len = (uint64_t)nparts * 8;
    for (int i = 0; i < nparts; i++)
        len += parts[i].n;
    if (len > MAX_ENTRY)
        return;
    unsigned char *block = malloc(len);
    if (block == NULL)
        hs_fatal_at(__FILE__, __LINE__, "out of memory");
    uint64_t at = (uint64_t)nparts * 8;
    for (int i = 0; i < nparts; i++) {
        put_le(block + 8 * i, parts[i].n, 8);
        if (parts[i].n > 0)
            memcpy(block + at, parts[i].p, parts[i].n);
        at += parts[i].n;
    }
    unsigned char h[HEADER];
    memcpy(h, "HOSOCACH", 8);
    put_le(h + 8, FORMAT, 4);
    put_le(h + 12, (uint32_t)nparts, 4);
    memcpy(h + 16, key->b, 16);
    put_le(h + 32, len, 8);
    put_le(h + 40, XXH3_64bits(block, len), 8);
    int d = folder(1);
    if (d < 0) {
        free(block);
        return;
    }
    char name[40], tmp[64];
    hs_cache_entry_name(key, name);
    /* a name no other process or thread uses: pid and a counter */
    static unsigned counter;
    snprintf(tmp, sizeof tmp, ".tmp-%ld-%u", (long)getpid(), counter++);
    int fd = openat(d, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        free(block);
        return;
    }
    int ok = write_all(fd, h, HEADER) == 0 && write_all(fd, block, len) == 0;
    free(block);
    if (close(fd) != 0)
        ok = 0;
    if (!ok || renameat(d, tmp, d, name) != 0) {
        unlinkat(d, tmp, 0);
        return;
    }
    /* by the first store of a process and every 64th after it: a scan of
     * the folder costs about as much as a miss saves */
    static unsigned stores;
    if (stores++ % 64 == 0)
        hs_cache_prune_at(d, HS_CACHE_MAX);
}
