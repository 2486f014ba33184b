/* tests/unit/test_cache.c — the on-disk cache's entries (engine/cache/):
 * what is stored is read back exactly, and an entry that is not exactly
 * what its writer stored is never used; keys tell their inputs apart;
 * pruning removes the least recently used first. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/cache.h"
#include "harness.h"

static char dir[64];

static hs_cache_key
key_of(const char *kind, const char *a, const char *b)
{
    hs_cache_keyer k;
    hs_cache_key key = {{0}};
    if (hs_cache_key_begin(&k, kind) != 0)
        return key;
    hs_cache_key_add(&k, a, strlen(a));
    hs_cache_key_add(&k, b, strlen(b));
    hs_cache_key_end(&k, &key);
    return key;
}

static void
entry_path(const hs_cache_key *key, char *path, size_t cap)
{
    char name[40];
    hs_cache_entry_name(key, name);
    snprintf(path, cap, "%s/%s", dir, name);
}

static void
put_two(const hs_cache_key *key)
{
    hs_cache_part p[2] = {{"font bytes", 10}, {"", 0}};
    hs_cache_put(key, p, 2);
}

static int
reads_back(const hs_cache_key *key)
{
    hs_cache_part p[2];
    void *block = hs_cache_get(key, p, 2);
    int ok = block != NULL && p[0].n == 10 && memcmp(p[0].p, "font bytes", 10) == 0 && p[1].n == 0;
    free(block);
    return ok;
}

static void
test_keys(void)
{
    CHECK(hs_cache_on());
    CHECK_STR(hs_cache_dir(), dir);
    hs_cache_key a = key_of("font-subset", "ab", "c"), b = key_of("font-subset", "a", "bc"),
                 c = key_of("image", "ab", "c"), d = key_of("font-subset", "ab", "c");
    CHECK(memcmp(a.b, b.b, 16) != 0); /* each input with its length */
    CHECK(memcmp(a.b, c.b, 16) != 0); /* kinds never share a key */
    CHECK(memcmp(a.b, d.b, 16) == 0);
    char name[40];
    hs_cache_entry_name(&a, name);
    CHECK_INT(strlen(name), 35);
}

static void
test_round_trip(void)
{
    hs_cache_key k = key_of("test", "round", "trip");
    hs_cache_part p[2];
    CHECK(hs_cache_get(&k, p, 2) == NULL); /* not stored yet */
    put_two(&k);
    CHECK(reads_back(&k));
    CHECK(hs_cache_get(&k, p, 3) == NULL); /* another layout */
    /* no temporary file left */
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s/.tmp-%ld-0", dir, (long)getpid());
    CHECK(access(tmp, F_OK) != 0);
}

/* The entry's file with one byte at `at` changed, or cut to `len`, or
 * holding another key's entry */
static void
test_bad_entries(void)
{
    hs_cache_key k = key_of("test", "bad", "entries"), other = key_of("test", "other", "");
    char path[128], opath[128];
    entry_path(&k, path, sizeof path);
    entry_path(&other, opath, sizeof opath);
    put_two(&k);
    struct stat st;
    CHECK(stat(path, &st) == 0);
    for (off_t at = 0; at < st.st_size; at++) {
        put_two(&k);
        int fd = open(path, O_RDWR);
        unsigned char c;
        CHECK(pread(fd, &c, 1, at) == 1);
        c ^= 0x20;
        CHECK(pwrite(fd, &c, 1, at) == 1);
        close(fd);
        if (reads_back(&k)) {
            fprintf(stderr, "byte %lld changed: read\n", (long long)at);
            CHECK(0);
        }
    }
    for (off_t len = 0; len < st.st_size; len += 7) {
        put_two(&k);
        CHECK(truncate(path, len) == 0);
        CHECK(!reads_back(&k));
    }
    put_two(&k);
    int fd = open(path, O_WRONLY | O_APPEND);
    CHECK(write(fd, "x", 1) == 1);
    close(fd);
    CHECK(!reads_back(&k)); /* longer than it says */
    put_two(&k);
    CHECK(rename(path, opath) == 0);
    CHECK(!reads_back(&other)); /* another key's entry under this name */
    put_two(&k);
    CHECK(reads_back(&k));
}

static void
test_prune(void)
{
    char path[128];
    hs_cache_key k[4];
    for (int i = 0; i < 4; i++) {
        char n[2] = {(char)('a' + i), 0};
        k[i] = key_of("prune", n, "");
        hs_cache_part p = {NULL, 0};
        char big[1000];
        memset(big, i, sizeof big);
        p.p = big, p.n = sizeof big;
        hs_cache_put(&k[i], &p, 1);
        entry_path(&k[i], path, sizeof path);
        /* a, b, c, d: the oldest first */
        struct timespec t[2] = {{1000000000 + i * 10, 0}, {1000000000 + i * 10, 0}};
        CHECK(utimensat(AT_FDCWD, path, t, 0) == 0);
    }
    /* a killed writer's temporary file, and two files that are not the
     * cache's, all old */
    const char *others[3] = {".tmp-12-3", ".tmp-notes", "notes.txt"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, others[i]);
        FILE *f = fopen(path, "w");
        CHECK(f != NULL);
        if (f != NULL)
            fclose(f);
        struct timespec t[2] = {{1000000000, 0}, {1000000000, 0}};
        CHECK(utimensat(AT_FDCWD, path, t, 0) == 0);
    }
    /* b read: used after d */
    hs_cache_part p;
    free(hs_cache_get(&k[1], &p, 1));
    /* 4 entries of 1,056 bytes and the earlier tests' three of 74 (written
     * now, the newest) over 3,200 bytes: removed down to 2,400, the oldest
     * first, a and c */
    hs_cache_prune(dir, 3200);
    int kept[4];
    for (int i = 0; i < 4; i++) {
        entry_path(&k[i], path, sizeof path);
        kept[i] = access(path, F_OK) == 0;
    }
    CHECK_INT(kept[0], 0);
    CHECK_INT(kept[1], 1);
    CHECK_INT(kept[2], 0);
    CHECK_INT(kept[3], 1);
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, others[i]);
        CHECK_INT(access(path, F_OK) == 0, i > 0);
    }
}

int
main(void)
{
    snprintf(dir, sizeof dir, "%s", "/tmp/hoso-test-cache.XXXXXX");
    if (mkdtemp(dir) == NULL)
        return 2;
    setenv("HOSO_CACHE", dir, 1);
    RUN(test_keys);
    RUN(test_round_trip);
    RUN(test_bad_entries);
    RUN(test_prune);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return DONE();
}
