/* tests/unit/test_cache.c — the on-disk cache's entries (engine/cache/):
 * what is stored is read back exactly, and an entry that is not exactly
 * what its writer stored is never used; keys tell their inputs apart;
 * pruning removes the least recently used first. */
#include <dirent.h>
#include <fcntl.h>
#include <png.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cache/cache.h"
#include "harness.h"
#include "image/image_int.h"

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
    CHECK_INT(hs_cache_key_end(&k, &key), 0);
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

/* Libraries are keyed by what was loaded (their objects' build ids), one
 * library's not another's, nor hoso's own */
static void
test_library_identity(void)
{
    hs_cache_keyer k;
    hs_cache_key none, z, png, z2;
    CHECK(hs_cache_key_begin(&k, "libs") == 0);
    CHECK_INT(hs_cache_key_end(&k, &none), 0);
    CHECK(hs_cache_key_begin(&k, "libs") == 0);
    hs_cache_key_lib(&k, (void (*)(void))zlibVersion);
    CHECK_INT(hs_cache_key_end(&k, &z), 0);
    CHECK(hs_cache_key_begin(&k, "libs") == 0);
    hs_cache_key_lib(&k, (void (*)(void))png_get_libpng_ver);
    CHECK_INT(hs_cache_key_end(&k, &png), 0);
    CHECK(hs_cache_key_begin(&k, "libs") == 0);
    hs_cache_key_lib(&k, (void (*)(void))zlibVersion); /* the second time: remembered */
    CHECK_INT(hs_cache_key_end(&k, &z2), 0);
    CHECK(memcmp(none.b, z.b, 16) != 0);
    CHECK(memcmp(z.b, png.b, 16) != 0);
    CHECK(memcmp(z.b, z2.b, 16) == 0);
    /* hoso's own object is not zlib's: hashed the same way, another key */
    hs_cache_key self;
    CHECK(hs_cache_key_begin(&k, "libs") == 0);
    hs_cache_key_lib(&k, (void (*)(void))hs_cache_build_id);
    CHECK_INT(hs_cache_key_end(&k, &self), 0);
    CHECK(memcmp(self.b, z.b, 16) != 0);
    CHECK(hs_cache_build_id() != NULL);
}

/* An entry another user owns, or one its group or others may write, is
 * not used: anyone who could write it could have planted it */
static void
test_foreign_entries(void)
{
    hs_cache_key k = key_of("test", "foreign", "entries");
    char path[128];
    entry_path(&k, path, sizeof path);
    put_two(&k);
    CHECK(reads_back(&k));
    CHECK(chmod(path, 0620) == 0);
    CHECK(!reads_back(&k));
    CHECK(chmod(path, 0602) == 0);
    CHECK(!reads_back(&k));
    CHECK(chmod(path, 0644) == 0);
    CHECK(reads_back(&k)); /* readable by others: theirs to read, not to write */
    if (geteuid() == 0) {
        CHECK(chown(path, 65534, 65534) == 0); /* nobody's */
        CHECK(!reads_back(&k));
    }
    put_two(&k);
    CHECK(reads_back(&k));
}

typedef hs_img_stored stored;

/* The image entry in the folder: its key, its three parts copied */
static int
image_entry(hs_cache_key *key, stored *m, unsigned char **color, size_t *color_n,
            unsigned char **alpha, size_t *alpha_n)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int found = 0;
    while (!found && d != NULL && (de = readdir(d)) != NULL) {
        if (strlen(de->d_name) != 35)
            continue;
        for (int i = 0; i < 16; i++) {
            unsigned v;
            sscanf(de->d_name + 2 * i, "%2x", &v);
            key->b[i] = (unsigned char)v;
        }
        hs_cache_part p[3];
        void *block = hs_cache_get(key, p, 3);
        if (block != NULL && p[0].n == sizeof *m) {
            memcpy(m, p[0].p, sizeof *m);
            *color = malloc(p[1].n + 1);
            *alpha = malloc(p[2].n + 1);
            memcpy(*color, p[1].p, p[1].n);
            memcpy(*alpha, p[2].p, p[2].n);
            *color_n = p[1].n, *alpha_n = p[2].n;
            found = 1;
        }
        free(block);
    }
    if (d != NULL)
        closedir(d);
    return found;
}

/* An image entry whose fields are not what decoding made (here rewritten
 * with a valid checksum) is a miss: the image is decoded again, and its
 * fields are the decoding's, never read past an array */
static void
test_image_fields(void)
{
    hs_report r = {0};
    const char *logo = "samples/logo.png";
    const hs_image *im = hs_image_get(logo, 0, &r, HS_LOC_NONE);
    CHECK(im != NULL);
    if (im == NULL)
        return;
    hs_image want = *im;
    unsigned char *want_color = malloc(want.color_z_len);
    memcpy(want_color, im->color_z, want.color_z_len);
    hs_cache_key key;
    stored m0;
    unsigned char *color = NULL, *alpha = NULL;
    size_t color_n = 0, alpha_n = 0;
    int found = image_entry(&key, &m0, &color, &color_n, &alpha, &alpha_n);
    CHECK(found);
    if (!found)
        return;
    for (int t = 0; t < 12; t++) {
        stored m = m0;
        switch (t) {
        case 0:
            m.img.palette_n = 4000;
            break;
        case 1:
            m.img.palette_n = -1;
            break;
        case 2:
            memset(m.room.what, 'x', sizeof m.room.what);
            break;
        case 3:
            m.img.width = 1, m.room.w = 1;
            break;
        case 4:
            m.img.height = 0;
            break;
        case 5:
            m.need += 1;
            break;
        case 6:
            m.img.dct = 2;
            break;
        case 7:
            m.img.space = 2;
            break;
        case 8:
            m.img.color_z_len += 1;
            break;
        case 9:
            m.img.alpha_z_len = 0;
            break;
        case 10:
            m.room.set = 0;
            break;
        case 11:
            m.img.cmyk_inverted = 1;
            break;
        }
        hs_cache_part p[3] = {{&m, sizeof m}, {color, color_n}, {alpha, alpha_n}};
        hs_cache_put(&key, p, 3);
        hs_image_cleanup();
        im = hs_image_get(logo, 0, &r, HS_LOC_NONE);
        CHECK(im != NULL);
        if (im == NULL)
            continue;
        if (im->palette_n != want.palette_n || im->width != want.width ||
            im->height != want.height || im->space != want.space || im->dct != want.dct ||
            im->cmyk_inverted != want.cmyk_inverted || im->color_z_len != want.color_z_len ||
            im->alpha_z_len != want.alpha_z_len ||
            memcmp(im->color_z, want_color, want.color_z_len) != 0) {
            fprintf(stderr, "tampered image entry %d: used\n", t);
            CHECK(0);
        }
    }
    CHECK_INT(r.errors, 0);
    free(want_color);
    free(color);
    free(alpha);
    hs_image_cleanup();
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
    RUN(test_library_identity);
    RUN(test_foreign_entries);
    RUN(test_image_fields);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    return DONE();
}
